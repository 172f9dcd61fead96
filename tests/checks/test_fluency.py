"""fluency: the marks a dropped word leaves behind."""

from __future__ import annotations

import pytest

from .helpers import assert_flags, assert_passes, make

BROKEN = [
    pytest.param("The was founded in 1937.", "en", id="determiner+auxiliary"),
    pytest.param("And yet, for Mexico, the that is really challenging.", "en", id="the that"),
    pytest.param("Ricardo Salazar, a from Guadalajara, said so.", "en", id="a from"),
    pytest.param("Is considered something important.", "en", id="no subject"),
    pytest.param("However, is undeniable that it works.", "en", id="no subject after opener"),
    pytest.param("The new rules, whose were adopted, apply.", "en", id="whose were"),
    pytest.param("It sits on the shoulders of, each visit.", "en", id="preposition before comma"),
    pytest.param("And yet,, the relationship is hard.", "en", id="doubled comma"),
    pytest.param("Der wurde 1937 gegründet.", "de", id="de der wurde"),
    pytest.param("Es parte del pasado de, según dicen.", "es", id="es de before comma"),
    pytest.param("Should be noted that it works, they say.", "en", id="should + be: no subject"),
    pytest.param("The shoulders of, each of the many visitors, are tired.", "en", id="a long aside"),
    pytest.param("It was said by the head of, Ana Lima, today.", "en", id="a name after the comma"),
    pytest.param("It takes to become a, big attraction.", "en", id="an article is never stranded"),
]

FINE = [
    pytest.param("Is it important?", "en", id="question"),
    pytest.param("Had I known, I would have come.", "en", id="inversion"),
    pytest.param("Do not touch it.", "en", id="imperative"),
    pytest.param("It will take a while for Bitcoin to catch on, but it will.", "en", id="catch on,"),
    pytest.param("Pilata Fatulayeva (48) is convinced.", "en", id="after a bracket"),
    pytest.param("Los que viven aquí lo saben.", "es", id="los que"),
    pytest.param("It is what they came for.", "en", id="stranded preposition"),
    pytest.param("Etc., and so on.", "en", id="abbreviation"),
    pytest.param("The IS fighters left the town.", "en", id="an acronym after the article"),
    pytest.param("To start with, the costs are high.", "en", id="preposition ending an infinitive"),
    pytest.param("Budgets grew, with, say, ten new posts.", "en", id="an aside after the preposition"),
    pytest.param("Were costs to fall, we would hire.", "en", id="condition by inversion"),
    pytest.param("Should prices rise, the bank will act.", "en", id="should + subject"),
]


@pytest.mark.parametrize(("target", "lang"), BROKEN)
def test_broken_grammar_flags(target: str, lang: str) -> None:
    assert assert_flags("fluency", make("Fuente.", target, "es", lang)).severity == "major"


@pytest.mark.parametrize(("target", "lang"), FINE)
def test_grammatical_text_passes(target: str, lang: str) -> None:
    assert_passes("fluency", make("Fuente.", target, "es", lang))


def test_marks_the_source_shares_do_not_count() -> None:
    assert_passes(
        "fluency", make("Y aún así,, la relación es difícil.", "And yet,, the relationship is hard.")
    )


def test_round_trip_mode_checks_the_copy() -> None:
    inp = make("The was founded in 1937.", "The committee was founded in 1937.", "en", "en", mode="roundtrip")
    flag = assert_flags("fluency", inp)
    assert flag.spans[0].field == "source"
