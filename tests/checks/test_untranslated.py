"""untranslated: no copy of the source, no source-language words left in the translation."""

from __future__ import annotations

import pytest

from pipeline.checks import load_all

from .helpers import assert_flags, assert_passes, make

SAME = [
    pytest.param("Comimos tapas en la plaza.", "We ate tapas in the plaza.", "es", "en", id="loanwords"),
    pytest.param(
        "Trabaja en Comercial Mexicana.", "He works at Comercial Mexicana.", "es", "en", id="company name"
    ),
    pytest.param(
        "Trabaja en Comercial Mexicana.", "he works at comercial mexicana.", "es", "en", id="lower-cased name"
    ),
    pytest.param("Es un hospital general.", "It is a general hospital.", "es", "en", id="shared words"),
    pytest.param("Il a mangé.", "He has eaten.", "fr", "en", id="fr"),
    pytest.param(
        "Ha sido un año relatiopnship.",
        "It has been a relatiopnship year.",
        "es",
        "en",
        id="typo is no language",
    ),
    pytest.param(
        "Na Cimeira realizada no Rio de Janeiro, os líderes concordaram.",
        "At the summit in Rio de Janeiro, leaders agreed.",
        "pt",
        "en",
        id="particle of a name",
    ),
    pytest.param(
        "Um exemplo é a Souq.com, um retalhista.",
        "One example is Souq.com, a retailer.",
        "pt",
        "en",
        id="domain",
    ),
    # a name kept as the source writes it, after a sentence's capitalised first word ("The")
    pytest.param(
        "El barrio de Chamberí es caro.", "The Chamberí district is expensive.", "es", "en", id="name kept"
    ),
]

DIFFERENT = [
    pytest.param("El gato duerme en la casa.", "El gato duerme en la casa.", "es", "en", id="identical"),
    pytest.param(
        "Sostuvo que no era cierto.", "He sostuvo that it was not true.", "es", "en", id="verb left"
    ),
    pytest.param("Habló de la guerra.", "He spoke about the guerra.", "es", "en", id="noun left"),
    pytest.param(
        "Viven en los Estados Unidos.", "They live in the United Estados.", "es", "en", id="half a name"
    ),
    pytest.param("Il parle de la guerre.", "He speaks about the guerre.", "fr", "en", id="fr word left"),
    pytest.param(
        "Er spricht über den Krieg.", "He speaks about the Krieg.", "de", "en", id="de capitalised noun"
    ),
]


@pytest.mark.parametrize(("source", "target", "src", "tgt"), SAME)
def test_translated_passes(source: str, target: str, src: str, tgt: str) -> None:
    assert_passes("untranslated", make(source, target, src, tgt))


@pytest.mark.parametrize(("source", "target", "src", "tgt"), DIFFERENT)
def test_untranslated_flags(source: str, target: str, src: str, tgt: str) -> None:
    assert assert_flags("untranslated", make(source, target, src, tgt)).severity == "critical"


def test_not_run_in_round_trip_mode() -> None:
    assert load_all()["untranslated"].modes == ("source",)


def test_the_message_counts_words_in_agreement() -> None:
    """It said "1 word(s) of the source language", in every report and the Markdown comment."""
    one = assert_flags("untranslated", make("Habló de la guerra.", "He spoke about the guerra.", "es", "en"))
    assert one.message == "1 word of the source language left in the translation: 'guerra'"
    two = make("Sostuvo que no era cierto.", "He sostuvo that it was not cierto.", "es", "en")
    assert assert_flags("untranslated", two).message == (
        "2 words of the source language left in the translation: 'sostuvo', 'cierto'"
    )
