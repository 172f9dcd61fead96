"""Copy in languages other than English: what the checks took for errors in correct Spanish,
Portuguese and French (found by an audit writing correct translations in both directions)."""

from __future__ import annotations

import pytest

from .helpers import assert_flags, assert_passes, make


@pytest.mark.parametrize(
    ("source", "copy", "lang"),
    [
        # a stressed word folded into an article or a conjunction: "él" is no "el", "é" no "e"
        ("It all depends on him.", "Todo depende de él.", "es"),
        ("I don't know what it is.", "Não sei o que é.", "pt"),
        ("I don't know where.", "Je ne sais pas où.", "fr"),
    ],
)
def test_a_sentence_ending_on_a_stressed_word_is_not_cut_off(source: str, copy: str, lang: str) -> None:
    inp = make(source, copy, "en", lang)
    assert_passes("truncated", inp)
    assert_passes("fluency", inp)


@pytest.mark.parametrize(
    ("source", "copy", "src", "tgt"),
    [
        # French sets its closing quote off with a space: a quoted question is still a question
        ("« Tu viens ? » a-t-il demandé.", '"Are you coming?" he asked.', "fr", "en"),
        ('"Are you coming?" he asked.', "« Tu viens ? » a-t-il demandé.", "en", "fr"),
    ],
)
def test_a_french_quoted_question_is_a_question(source: str, copy: str, src: str, tgt: str) -> None:
    assert_passes("mood", make(source, copy, src, tgt))


@pytest.mark.parametrize(
    "copy",
    ["La reunió és el 20 de juny de 2024.", "Obre el 20 d'abril de 2024.", "Obre el 20 d’abril de 2024."],
)
def test_catalan_months_are_read_once(copy: str) -> None:
    """CLDR's Catalan month names are "de juny", "d’abril": "juny" was read twice (name and
    abbreviation) and "d'abril" with a straight apostrophe not at all: correct dates failed."""
    month = "June" if "juny" in copy else "April"
    assert_passes("dates", make(f"The meeting is on 20 {month} 2024.", copy, "en", "ca"))


def test_a_negation_dropped_from_catalan_copy_is_found() -> None:
    """Catalan had no negators: the check was silent whatever the copy said."""
    assert_flags("negation", make("The bridge does not open on Monday.", "El pont obre dilluns.", "en", "ca"))
    assert_passes(
        "negation", make("The bridge does not open on Monday.", "El pont no obre dilluns.", "en", "ca")
    )


@pytest.mark.parametrize(
    ("copy", "lang"),
    [("En los años noventa los precios subieron.", "es"), ("Nos anos oitenta os preços subiram.", "pt")],
)
def test_a_decade_in_words_is_a_decade(copy: str, lang: str) -> None:
    """ "los años noventa" read as 90 against "the 1990s": a correct pair failed on numbers."""
    decade = "1990s" if "noventa" in copy else "1980s"
    assert_passes("numbers", make(f"In the {decade} prices rose.", copy, "en", lang))


@pytest.mark.parametrize(
    ("copy", "lang"),
    [
        ("La policía cerró la carretera tras el accidente cerca de la", "es"),
        ("La ley protege los derechos de los", "es"),
        ("El alcalde envió una carta a la", "es"),
        ("Le conseil construira de nouveaux logements dans la", "fr"),
        ("Le conseil construira de nouveaux logements près de l'", "fr"),
        ("O conselho vai construir novas casas perto da", "pt"),
        ("O conselho vai construir novas casas na", "pt"),
        ("La llei protegeix els drets dels", "ca"),
        ("El consell construirà habitatges nous a la", "ca"),
    ],
)
def test_copy_cut_after_an_article_is_truncated(copy: str, lang: str) -> None:
    """Copy cut after an article that doubles as a pronoun ("de la"), a Portuguese contraction
    ("perto da") or in Catalan passed as ok: those words were left out as pronouns, Portuguese's
    contractions and Catalan were not listed. After a preposition they are articles."""
    assert_flags("truncated", make("They built it near the school in the city.", copy, "en", lang))
    noun = {"es": "escuela.", "fr": "école.", "pt": "escola.", "ca": "escola."}[lang]
    whole = copy + ("" if copy.endswith("'") else " ") + noun
    assert_passes("truncated", make("They built it near the school in the city.", whole, "en", lang))


@pytest.mark.parametrize(
    ("copy", "lang"),
    [("La vi ayer, pero no la saludé.", "es"), ("Je ne la vois pas.", "fr"), ("Não a vi.", "pt")],
)
def test_a_pronoun_that_ends_a_clause_is_no_cut(copy: str, lang: str) -> None:
    assert_passes("truncated", make("I saw her but did not greet her.", copy, "en", lang))
