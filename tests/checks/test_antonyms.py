"""antonyms: a word swapped for its opposite, seen from both engine views."""

from __future__ import annotations

import pytest

from pipeline.checks.antonyms import profile

from .helpers import assert_flags, assert_passes, make, run


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


def test_profile_counts_two_word_forms_once() -> None:
    """ "went up" is one rise (the words alone are none); "went" before anything else is nothing."""
    assert profile("Prices went up, then went down and went down again.", "en")["increase/decrease"] == (1, 2)
    assert "increase/decrease" not in profile("She went upstairs and went out.", "en")


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


def test_wordnet_opposite_in_the_english_view_is_major() -> None:
    """No concept table lists failure/success: WordNet's antonyms do, read in the English view."""
    inp = make(
        "El fracaso en Irán fue decisivo.",
        "The success in Iran was decisive.",
        forward="The failure in Iran was decisive.",
        back="El éxito en Irán fue decisivo.",
    )
    flags = run("antonyms", inp)
    assert [(f.severity, f.message) for f in flags] == [
        ("major", "a word became its opposite in the engine's English view (failure/success)")
    ]


def test_wordnet_opposite_from_english_reads_the_back_translation() -> None:
    inp = make(
        "The failure in Iran was decisive.",
        "El éxito en Irán fue decisivo.",
        "en",
        "es",
        forward="El fracaso en Irán fue decisivo.",
        back="The success in Iran was decisive.",
    )
    assert [f.severity for f in run("antonyms", inp)] == ["major"]


def test_wordnet_opposite_said_with_a_negation_is_minor() -> None:
    inp = make(
        "El plan fue un fracaso.",
        "The plan was not a success.",
        forward="The plan was a failure.",
        back="El plan no fue un éxito.",
    )
    assert [f.severity for f in run("antonyms", inp)] == ["minor"]


@pytest.mark.parametrize(
    ("forward", "target"),
    [
        # a word of the same family on the other side: a rewording ("reduction" / "reducing")
        ("There is much to gain from the reduction of waste.", "There is much room for reducing waste."),
        # an opposite made by a negative prefix is for `negation` to read ("not likely" = "unlikely")
        ("It is not likely to rain.", "It is unlikely to rain."),
        # the commonest words are opposites in one sense of many ("given that" / "take")
        ("Take the evolution of Ukraine.", "Given the evolution of Ukraine."),
    ],
)
def test_wordnet_rewordings_are_no_opposites(forward: str, target: str) -> None:
    inp = make("Una fuente cualquiera.", target, forward=forward, back="Otra cosa distinta.")
    assert run("antonyms", inp) == []
