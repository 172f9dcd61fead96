"""antonyms: a word swapped for its opposite, seen from both engine views."""

from __future__ import annotations

import pytest

from pipeline.checks.antonyms import profile

from .helpers import assert_flags, assert_passes, make


def test_more_to_less_flags() -> None:
    inp = make(
        "Tiene más de 35 millones de habitantes.",
        "It has less than 35 million inhabitants.",
        forward="It has more than 35 million inhabitants.",
        back="Tiene menos de 35 millones de habitantes.",
    )
    assert "more/less" in assert_flags("antonyms", inp).message


def test_kept_meaning_passes() -> None:
    inp = make(
        "Tiene más de 35 millones de habitantes.",
        "It has more than 35 million inhabitants.",
        forward="It has more than 35 million inhabitants.",
        back="Tiene más de 35 millones de habitantes.",
    )
    assert_passes("antonyms", inp)


def test_needs_both_views() -> None:
    # the forward view alone sees a swap, the back-translation does not: wording, not meaning
    inp = make(
        "La tienda abrió tarde.",
        "The shop opened late.",
        forward="The shop opened early.",
        back="La tienda abrió tarde.",
    )
    assert_passes("antonyms", inp)


@pytest.mark.parametrize(
    ("original", "round_trip", "lang"),
    [
        ("The shop opened before noon.", "The shop opened after noon.", "en"),
        ("Los precios aumentaron.", "Los precios disminuyeron.", "es"),
        ("Les prix ont augmenté.", "Les prix ont baissé.", "fr"),
        ("Die Preise stiegen.", "Die Preise sanken.", "de"),
        ("Ha vinto la partita.", "Ha perso la partita.", "it"),
        ("O país é rico.", "O país é pobre.", "pt"),
    ],
)
def test_round_trip_swaps(original: str, round_trip: str, lang: str) -> None:
    assert_flags("antonyms", make(original, round_trip, lang, lang, mode="roundtrip"))


def test_profile_counts_forms() -> None:
    assert profile("Prices increased, then decreased and decreased again.", "en")["increase/decrease"] == (
        1,
        2,
    )


def test_opposite_said_with_a_negation_is_minor_evidence() -> None:
    """ "Not possible" and "impossible" say the same; the swap comes with a negation less."""
    inp = make(
        "No será posible llegar a tiempo.",
        "It will be impossible to arrive on time.",
        forward="It will not be possible to arrive on time.",
        back="Será imposible llegar a tiempo.",
    )
    assert_passes("antonyms", inp)
    assert "negation" in assert_flags("antonyms", inp, severity="minor").message


def test_opposite_without_a_negation_stays_critical() -> None:
    inp = make(
        "Será posible llegar a tiempo.",
        "It will be impossible to arrive on time.",
        forward="It will be possible to arrive on time.",
        back="Será imposible llegar a tiempo.",
    )
    assert assert_flags("antonyms", inp).severity == "critical"
