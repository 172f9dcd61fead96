"""names end to end with the real Apertium engine (pipeline.verify_pairs, as `driftcheck check`
runs): English instructions and country names in natural Spanish, Catalan and Italian copy
(Italian through Spanish, eng-spa and spa-ita), and Spanish to English."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.engines.apertium import installed_modes

pytestmark = pytest.mark.requires_apertium

PREHEAT = "Preheat the oven to 180 °C."
NETHERLANDS = "The Netherlands exports many flowers."
LOST = "source name 'Netherlands' not found in the translation"


def name_messages(pairs: list[tuple[str, str]], source_lang: str, lang: str) -> list[list[str]]:
    """The names check's messages for each pair (severities as the precision budget sets them)."""
    modes = installed_modes()
    if (source_lang, lang) not in modes and ("es", lang) not in modes:
        pytest.skip(f"needs the Apertium pair for {source_lang}-{lang}")
    report = pipeline.verify_pairs(pairs, source_lang=source_lang, lang=lang, engine="apertium")
    return [[f.message for f in s.flags if f.check == "names"] for s in report.segments]


def test_english_instructions_and_countries_in_spanish() -> None:
    """Apertium knows neither "Preheat" nor "Precalienta" nor "Netherlands" (it keeps all three);
    the opening verb was a lost name and its rendering an added one, the country a lost name. The
    engine keeps "Mark" too: a name that opens the sentence, which the copy swapped for another."""
    got = name_messages(
        [
            (PREHEAT, "Precalienta el horno a 180 °C."),
            (NETHERLANDS, "Los Países Bajos exportan muchas flores."),
            (NETHERLANDS, "Bélgica exporta muchas flores."),
            ("Mark said it was late.", "Pfannenstiel dijo que era tarde."),
        ],
        "en",
        "es",
    )
    swapped = [
        "source name 'Mark' not found in the translation",
        "translation has name 'Pfannenstiel' that is not in the source",
    ]
    assert got == [[], [], [LOST], swapped]


def test_english_instructions_in_catalan() -> None:
    """An imperative with its pronoun hyphened on ("Enforna-ho") opens one sentence, not two: the
    hyphen was a sentence boundary, so the copy seemed to open two sentences where the source
    opens one and "Enforna" was an added name."""
    got = name_messages(
        [
            (PREHEAT, "Preescalfa el forn a 180 °C."),
            ("Bake the bread for forty minutes.", "Enforna el pa durant quaranta minuts."),
            (
                "Bake for 25 to 30 minutes, until golden brown.",
                "Enforna-ho entre 25 i 30 minuts, fins que quedi daurat.",
            ),
        ],
        "en",
        "ca",
    )
    assert got == [[], [], []]


def test_english_instructions_and_countries_in_italian() -> None:
    got = name_messages(
        [
            (PREHEAT, "Preriscalda il forno a 180 °C."),
            (NETHERLANDS, "I Paesi Bassi esportano molti fiori."),
            (NETHERLANDS, "Il Belgio esporta molti fiori."),
        ],
        "en",
        "it",
    )
    assert got == [[], [], [LOST]]


def test_a_spanish_country_in_english_copy() -> None:
    """Apertium renders "Países Bajos" as "Low Countries" and keeps "Netherlands": the lost name
    and the added one were paired as unverifiable (info)."""
    got = name_messages([("Los Países Bajos exportan muchas flores.", NETHERLANDS)], "es", "en")
    assert got == [[]]


def test_a_country_under_its_other_cldr_name_or_hyphenated() -> None:
    """CLDR gives a territory's other name in brackets ("Myanmar (Birmania)") and European
    Portuguese hyphenates "Países-Baixos": each is the country's name. Another country still
    loses it, named whole (the hyphen was read as a sentence boundary: 'Países' alone), and
    critical: CLDR names the country in English, so a copy with none of its names has lost it."""
    burma = "Los talleres de Birmania cerraron."
    got = name_messages(
        [(burma, "The workshops in Myanmar closed."), (burma, "The workshops in Thailand closed.")],
        "es",
        "en",
    )
    assert got == [
        [],
        ["source name 'Birmania' not found in the translation"],
    ]
    flowers = "A empresa exporta flores para os Países-Baixos."
    got = name_messages(
        [
            (flowers, "The company exports flowers to the Netherlands."),
            (flowers, "The company exports flowers to Belgium."),
        ],
        "pt",
        "en",
    )
    assert got == [
        [],
        ["source name 'Países-Baixos' not found in the translation"],
    ]


def test_a_language_name_as_an_agreeing_adjective() -> None:
    """Portuguese says the language's name as an adjective that agrees with its noun ("curdas",
    "Curda"), CLDR in the masculine ("curdo"): the English copy's "Kurdish" is the same name."""
    got = name_messages(
        [
            (
                "As famílias curdas chegaram ontem à capital.",
                "The Kurdish families arrived in the capital yesterday.",
            ),
            ("A imprensa Curda publicou a notícia ontem.", "The Kurdish press published the news yesterday."),
        ],
        "pt",
        "en",
    )
    assert got == [[], []]


def test_a_name_paired_twice_is_one_flag_with_both_places() -> None:
    """Apertium keeps "Judeus" (it does not know it) and the copy says "Jews" twice: the pairing
    is unverifiable (info), said once with the four places, not twice in the same words."""
    modes = installed_modes()
    if ("pt", "es") not in modes or ("es", "en") not in modes:
        pytest.skip("needs the Apertium pairs pt-es and es-en")
    source = "Segundo o censo, os Judeus superam os não-Judeus na cidade."
    copy = "According to the census, Jews outnumber non-Jews in the city."
    (segment,) = pipeline.verify_pairs(
        [(source, copy)], source_lang="pt", lang="en", engine="apertium"
    ).segments
    flags = [f for f in segment.flags if f.check == "names"]
    assert [(f.severity, f.message) for f in flags] == [
        (
            "info",
            "unverifiable: source name 'Judeus' may be rendered as 'Jews', which the engine cannot confirm",
        )
    ]
    assert [
        (s.field, source[s.start : s.end] if s.field == "source" else copy[s.start : s.end])
        for s in flags[0].spans
    ] == [("source", "Judeus"), ("text", "Jews"), ("source", "Judeus"), ("text", "Jews")]


def test_a_country_is_lost_unless_one_of_its_names_is_there() -> None:
    """Portuguese to English through Spanish: Apertium renders "Estados Unidos" as "United
    States", so a copy without it only lacked the engine's wording (minor) until CLDR's names
    were read for it too: now a copy with none of the country's names, nor its acronym ("US"),
    nor its language's adjective, has lost it (critical), and one that says "the US" or the
    debt of "Greece" for "a dívida grega" keeps it."""
    got = name_messages(
        [
            ("Os Estados Unidos vão crescer.", "The US will grow."),
            ("Os Estados Unidos vão crescer.", "It will grow."),
            ("A dívida grega cresceu.", "Greece's debt grew."),
            ("A Noruega exporta petróleo.", "Norwegian oil is exported."),
        ],
        "pt",
        "en",
    )
    assert got == [[], ["source name 'Estados Unidos' not found in the translation"], [], []]


def test_portuguese_country_acronyms_are_the_copys_names() -> None:
    """Apertium keeps "EUA" as written (pt->es->en: "The EUA answered"), and its back-translation of
    "America" and "the United Nations" brings back neither "EUA" nor "ONU"; CLDR's short names of
    the United States and the United Nations in Portuguese say what the copy says, and "the UK" is
    still another country."""
    got = name_messages(
        [
            (
                "Os EUA responderam ao pedido da ONU.",
                "America responded to the request of the United Nations.",
            ),
            ("Os EUA responderam ao pedido.", "The UK responded to the request."),
        ],
        "pt",
        "en",
    )
    assert got[0] == []
    assert "source name 'EUA' not found in the translation" in got[1]


def test_spanish_doubled_initials_are_one_cldr_name() -> None:
    """The name reader takes Spanish "EE.UU." for two names, "EE" and "UU"; read as the one acronym
    it is, CLDR's short name of the United States, it is what the copy's "America" says (Apertium's
    back-translation, "América", brings back no "EE.UU."), and a copy that names France has lost it."""
    got = name_messages(
        [
            ("Los EE.UU. aprobaron la ley.", "America passed the law."),
            ("Los EE. UU. aprobaron la ley.", "America passed the law."),
            ("Los EE.UU. aprobaron la ley.", "France passed the law."),
        ],
        "es",
        "en",
    )
    assert got[:2] == [[], []]
    assert got[2] == ["source name 'EE', 'UU' not found in the translation"]


def test_an_acronym_written_as_a_word_in_portuguese() -> None:
    """Portuguese and Spanish write AIDS as "Sida" (their expansion's words in their order); Apertium
    keeps "Sida" as written and brings "AIDS" back as "aids" (pt->es->en and back): the letters of an
    acronym of the copy, reordered, are the name. Beside SARS it stays lost."""
    got = name_messages(
        [
            ("O fundo luta contra a Sida em África.", "The fund fights AIDS in Africa."),
            ("O fundo luta contra a Sida em África.", "The fund fights SARS in Africa."),
        ],
        "pt",
        "en",
    )
    assert got[0] == []
    assert "source name 'Sida' not found in the translation" in got[1]


def test_french_names_after_an_elided_article() -> None:
    """fr->es->en: "l'ONU" and "l'Italie" were one lower-case token each, so no name of the source
    was seen and a copy that swapped both passed the names check."""
    source = "Le chef de l'ONU a répondu à la demande de l'Italie."
    got = name_messages(
        [
            (source, "The head of the UN answered the request from Italy."),
            (source, "The head of the WHO answered the request from Spain."),
        ],
        "fr",
        "en",
    )
    assert got[0] == []
    assert got[1] == ["source name 'ONU', 'Italie' not found in the translation"]


def test_copies_with_names_after_an_elided_article() -> None:
    """English into French, Italian and Catalan: names after an elided article in correct copies
    ("l'ONU", "l'Otan", "dell'Emilia-Romagna", "L'Ajuntament") stay unflagged now that they are
    read; a country swapped in an Italian copy ("l'Australia" for America) is an added name too."""
    cases = (
        (
            "fr",
            "NATO troops left Afghanistan in 2021.",
            "Les troupes de l'Otan ont quitté l'Afghanistan en 2021.",
        ),
        (
            "fr",
            "The Union and the UN called for a ceasefire.",
            "L'Union et l'ONU ont appelé à un cessez-le-feu.",
        ),
        (
            "it",
            "The president of Emilia-Romagna resigned.",
            "Il presidente dell'Emilia-Romagna si è dimesso.",
        ),
        (
            "ca",
            "Barcelona City Council approved the budget.",
            "L'Ajuntament de Barcelona ha aprovat el pressupost.",
        ),
    )
    for lang, source, copy in cases:
        assert name_messages([(source, copy)], "en", lang) == [[]], (lang, copy)
    swapped = name_messages(
        [
            (
                "Exports to America fell by ten percent.",
                "Le esportazioni verso l'Australia sono calate del dieci per cento.",
            )
        ],
        "en",
        "it",
    )
    assert "translation has name 'Australia' that is not in the source" in swapped[0]


def test_a_city_swapped_for_another_is_two_names_not_one_the_engine_cannot_confirm() -> None:
    """ "Berlín" / "Paris" passed as one name in two languages the engine could not confirm (info):
    the engine renders "Berlín" as "Berlin" and reads "Paris" back as "París", two names. A name the
    engine renders in other words ("Países Bajos" / "the Netherlands") still pairs."""
    report = pipeline.verify_pairs(
        [
            ("Pedro Sánchez visitó Berlín.", "Pedro Sánchez visited Paris."),
            ("Pedro Sánchez visitó Berlín.", "Pedro Sánchez visited Berlin."),
            ("Muchas flores vienen de los Países Bajos.", "Many flowers come from the Netherlands."),
        ],
        source_lang="es",
        engine="apertium",
    )
    got = [[(f.severity, f.message) for f in s.flags if f.check == "names"] for s in report.segments]
    assert got[0] == [
        ("minor", "source name 'Berlín' not found in the translation, neither as the engine renders it"),
        ("major", "translation has name 'Paris' that is not in the source"),
    ]
    assert report.segments[0].verdict == "review" and got[1:] == [[], []]
