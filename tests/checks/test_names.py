"""names: names and acronyms of the source reach the translation; none are made up."""

from __future__ import annotations

import pytest

from pipeline.checks import acronyms
from pipeline.checks.propernames import names

from .helpers import assert_flags, assert_passes, make, run

SAME = [
    pytest.param(
        "Ricardo Salazar habló ayer.", "Ricardo Salazar spoke yesterday.", None, None, id="names kept"
    ),
    pytest.param(
        "Ricardo Salazar habló ayer.",
        "ricardo salazar spoke yesterday.",
        None,
        None,
        id="lower case is harmless",
    ),
    pytest.param(
        "Además, Peña Nieto no dio detalles.",
        "In addition, Pena Nieto gave no details.",
        None,
        None,
        id="accents",
    ),
    pytest.param(
        "Sin embargo, el comité se reunió.",
        "However, the committee met.",
        None,
        None,
        id="sentence-initial capital",
    ),
    pytest.param(
        "Trabaja contra el VIH.",
        "He works against HIV.",
        "He works against the VIH.",
        "Trabaja contra VIH.",
        id="acronym translated, seen in back-translation",
    ),
    pytest.param(
        "Viven en los Estados Unidos.",
        "They live in the United States.",
        "They live in the United States.",
        "Viven en los Estados Unidos.",
        id="translated name",
    ),
    pytest.param("Según Dmitri Kislov.", "According to Dmitry Kislov.", None, None, id="transliteration"),
    # cross-language names, found through spelling conventions and the engine's views (pt -> en)
    pytest.param(
        "Quem viaja para Joanesburgo esta semana verá.",
        "Anyone traveling to Johannesburg this week will see.",
        "Who travels for Joanesburgo this week will see.",
        "Quem viaja a Johannesburgo esta semana verá.",
        id="exonym Joanesburgo~Johannesburg",
    ),
    pytest.param(
        "O Quénia enviou tropas.",
        "Kenya sent troops.",
        "The Quénia sent troops.",
        "Kenya enviou tropas.",
        id="exonym Quénia~Kenya",
    ),
    pytest.param(
        "O crescimento na Europa é lento.",
        "European growth is slow.",
        "The growth in Europe is slow.",
        "O crescimento europeu é lento.",
        id="adjective form of a place name",
    ),
    pytest.param(
        "O FMI é uma instituição europeia.",
        "The IMF is a European institution.",
        "The FMI is a European institution.",
        "O IMF é uma instituição europeia.",
        id="acronym in another word order",
    ),
    pytest.param(
        "O Fundo Global de Luta contra a Sida apoiou a proposta.",
        "The Global Fund to Fight AIDS supported the proposal.",
        "The Global Fund of Fight against the Sida supported the proposal.",
        "O Fundo Global para Lutar aids apoiou a proposta.",
        id="acronym written as a word, letters reordered (Sida~AIDS)",
    ),
    pytest.param(
        "Os ODS serão difíceis de cumprir.",
        "The Sustainable Development Goals will be hard to meet.",
        "The ODS will be difficult to fulfil.",
        "Os Golos de Desenvolvimento Sustentável serão difíceis.",
        id="acronym spelt out in the translation",
    ),
    pytest.param(
        "Investigadores do Instituto de Tecnologia de Massachusetts publicaram o estudo.",
        "MIT researchers published the study.",
        "Researchers of the Institute of Technology of Massachusetts published the study.",
        "MIT investigadores publicaram o estudo.",
        id="name abbreviated in the translation",
    ),
    pytest.param(
        "É mais fácil culpar a Reserva Federal.",
        "It is easier to blame the Fed.",
        "It is easier to blame the Federal Reservation.",
        "É mais fácil culpar o Alimentado.",
        id="short form of a name",
    ),
    pytest.param(
        "O PCC identificou duas áreas.",
        "The CCP identified two areas.",
        "The PCC identified two areas.",
        "O CCP identificou duas áreas.",
        id="acronym letters reordered, added side",
    ),
    pytest.param(
        "Ella vive en Rusia.", "She lives in Russia.", "She lives in Russia.", None, id="Rusia~Russia"
    ),
]

DIFFERENT = [
    pytest.param(
        "Lo dijo Ricardo Salazar.",
        "Quentin Chabert said it.",
        "It said Ricardo Salazar.",
        "Lo dijo Quentin Chabert.",
        id="name replaced",
    ),
    pytest.param(
        "Viven en Tirana.",
        "They live in.",
        "They live in Tirana.",
        "Viven en.",
        id="name removed",
    ),
    pytest.param(
        "Para México, la relación es difícil.",
        "For Canada, the relationship is difficult.",
        "For Mexico, the relation is difficult.",
        "Para Canada, la relación es difícil.",
        id="country replaced",
    ),
]


@pytest.mark.parametrize(("source", "target", "forward", "back"), SAME)
def test_same_names_pass(source: str, target: str, forward: str | None, back: str | None) -> None:
    assert_passes("names", make(source, target, forward=forward, back=back))


@pytest.mark.parametrize(("source", "target", "forward", "back"), DIFFERENT)
def test_changed_names_flag(source: str, target: str, forward: str | None, back: str | None) -> None:
    flag = assert_flags("names", make(source, target, forward=forward, back=back))
    assert flag.severity == "critical"


def test_translated_name_missing_is_minor_evidence() -> None:
    """A capitalised name the engine renders in other words ("Ocidente" -> "West") whose rendering
    the copy lacks: translators word these freely ("the Western world"), so it is evidence for
    the calibrated judge, not a verdict of its own."""
    inp = make(
        "O Ocidente reagiu.",
        "They reacted.",
        "pt",
        forward="The West reacted.",
        back="Reagiram.",
    )
    assert_passes("names", inp)
    assert "Ocidente" in assert_flags("names", inp, severity="minor").message


def test_a_country_cldr_names_is_lost_when_no_name_of_it_is_there() -> None:
    """A country CLDR names in the copy's language ("Estados Unidos" / "United States") that the
    copy says neither so, nor as the engine renders it, nor as the acronym of that name ("US",
    "U.S."), nor as the adjective of its language ("Noruega" / "Norwegian"), is as surely lost
    as a name that travels unchanged: critical, not the minor evidence of a word the engine
    translates ("Ocidente")."""
    lost = make(
        "Viven en los Estados Unidos.",
        "They live in.",
        forward="They live in the United States.",
        back="Viven en.",
    )
    assert "'Estados Unidos'" in assert_flags("names", lost, severity="critical").message
    for said in ("They live in the US.", "They live in the U.S.", "They live in the United States."):
        assert (
            run(
                "names", make("Viven en los Estados Unidos.", said, forward="They live in the United States.")
            )
            == []
        )
    # "UK" is another country's acronym
    assert_flags("names", make("Viven en los Estados Unidos.", "They live in the UK."), severity="critical")
    # the country said through its language, and the language through its country
    assert run("names", make("A dívida grega cresceu.", "Greece's debt grew.", "pt")) == []
    assert (
        run("names", make("Rakfisk es parte del pasado de Noruega.", "Rakfisk is part of Norwegian history."))
        == []
    )
    assert (
        run("names", make("Rakfisk es parte del pasado de Noruega.", "Rakfisk is part of norway's past."))
        == []
    )


def test_sentence_initial_word_the_engine_cannot_translate_is_not_a_name() -> None:
    inp = make(
        "Confrontadas com prémios elevados, as empresas esperam.",
        "Faced with high premiums, businesses wait.",
        "pt",
        forward="Confrontadas With high prizes, the companies wait.",
        back="Enfrentado com prémios altos, as empresas esperam.",
    )
    assert_passes("names", inp)


def test_unrelated_acronyms_are_unverifiable_not_critical() -> None:
    inp = make(
        "O TCR mede o equilíbrio.",
        "The RER measures the balance.",
        "pt",
        forward="The TCR measures the balance.",
        back="O RER mede o equilíbrio.",
    )
    assert_passes("names", inp)
    assert "TCR" in assert_flags("names", inp, severity="info").message


def test_added_name_is_major() -> None:
    flag = assert_flags(
        "names",
        make(
            "El presidente llegó.",
            "President Obama arrived.",
            forward="The president arrived.",
            back="Presidente Obama llegó.",
        ),
    )
    assert flag.severity == "major" and "Obama" in flag.message


def test_round_trip_compares_same_language() -> None:
    inp = make("Barack Obama visited Paris.", "Barack Obama visited Rome.", "en", "en", mode="roundtrip")
    assert "Paris" in assert_flags("names", inp).message


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "However, Rembrandt Scholz works at the Max Planck Institute.",
            "en",
            ["Rembrandt Scholz", "Max Planck Institute"],
        ),
        ("Sin embargo, el VIH avanza.", "es", ["VIH"]),
        ("Pfannenstiel held a similar position.", "en", ["Pfannenstiel"]),  # rare word at the start: a name
        ("The Dream Team won in June.", "en", ["Dream Team"]),  # months belong to the dates check
        ("Der Krieg begann, sagte Pfannenstiel der NATO.", "de", ["Pfannenstiel", "NATO"]),  # German nouns
    ],
)
def test_name_detection(text: str, lang: str, expected: list[str]) -> None:
    assert [n.text for n in names(text, lang)] == expected


def test_added_acronym_of_words_the_engine_wrote_is_no_new_name() -> None:
    """An acronym made of the initials (and letters) of words of the engine's rendering abbreviates
    them, capitalised or not ("tuberculosis" / TB): no name was added."""
    inp = make(
        "La tuberculosis resistente preocupa a los médicos.",
        "Drug-resistant TB worries doctors.",
        forward="Resistant tuberculosis worries doctors.",
        back="La TB resistente a fármacos preocupa a los médicos.",
    )
    assert_passes("names", inp)
    inp = make(
        "La tuberculosis resistente preocupa a los médicos.",
        "Drug-resistant TB worries NATO doctors.",
        forward="Resistant tuberculosis worries doctors.",
        back="La TB resistente a fármacos preocupa a los médicos de la NATO.",
    )
    assert "NATO" in assert_flags("names", inp).message


@pytest.mark.parametrize(
    ("acronym", "text", "expected"),
    [
        ("TB", "a tuberculosis infection", True),
        ("GDP", "the gross domestic product", True),
        ("UN", "the united nations", True),
        ("NATO", "north atlantic treaty organization", True),
        ("US", "an unusual day", False),  # one short word is no acronym's source
        ("SDSN", "the team of the MDS", False),
        ("TOC", "the table of contents", True),  # a connector may give its initial
        ("BOE", "the Bank of England", True),
        ("TO", "a table of", False),  # but not the last one
    ],
)
def test_acronym_made_of_words(acronym: str, text: str, expected: bool) -> None:
    assert acronyms.abbreviates(acronym, text) is expected


def test_an_acronym_the_translation_defines_is_no_new_name() -> None:
    """ "Organización Mundial del Comercio (OMC)" / "World Trade Organization (WTO)": the copy
    spells out its own acronym, whose words are compared as names of their own."""
    inp = make(
        "Incluso la Organización Mundial del Comercio (OMC) tiene un papel.",
        "Even the World Trade Organization (WTO) has a role.",
        forward="Even the world organisation of commerce (OMC) has a role.",
        back="Incluso la Organización de Comercio Mundial (WTO) tiene un papel.",
    )
    assert not [f for f in run("names", inp) if "WTO" in f.message]
    inp = make(
        "Incluso la Organización Mundial del Comercio (OMC) tiene un papel.",
        "Even the World Trade Organization (OMC) and the IAEA have a role.",
        forward="Even the world organisation of commerce (OMC) has a role.",
        back="Incluso la Organización de Comercio Mundial (OMC) y la IAEA tienen un papel.",
    )
    assert "IAEA" in assert_flags("names", inp).message


def test_a_name_made_with_the_sources_acronym_renders_it() -> None:
    """ "Consejo del FMI" / "IMF Board": the acronym in the copy's word order makes the name
    partly known, as a rendered word does ("Aeronautics Institute")."""
    inp = make(
        "Si el Consejo del FMI lo aprueba, Egipto recibirá el préstamo.",
        "If the IMF Board approves it, Egypt will receive the loan.",
        forward="If the Council of the FMI approves it, Egypt will receive the loan.",
        back="Si el IMF Board lo aprueba, Egipto recibirá el préstamo.",
    )
    assert_passes("names", inp)


def test_an_abbreviated_title_is_no_name_to_carry() -> None:
    """ "la Dott.ssa Bianchi" / "Dr. Bianchi": the title is translated, the name is kept."""
    inp = make(
        "Lo conferma la Dott.ssa Bianchi, prima di partire.",
        "Dr. Bianchi confirms it before leaving.",
        "it",
        forward="It confirms the Dott.ssa Bianchi, before leaving.",
        back="Il Dr. Bianchi lo conferma prima di partire.",
    )
    assert not run("names", inp)
    inp = make(
        "Lo conferma la Dott.ssa Bianchi, prima di partire.",
        "Dr. Rossi confirms it before leaving.",
        "it",
        forward="It confirms the Dott.ssa Bianchi, before leaving.",
        back="Il Dr. Rossi lo conferma prima di partire.",
    )
    assert "Bianchi" in assert_flags("names", inp).message


def test_a_verb_that_opens_the_sentence_is_no_name() -> None:
    """A rare gerund at the start ("Prenotando") looks like a name for its capital; the engine
    renders it as a word that can only be a verb ("Reserving"), so a copy that words it otherwise
    ("Booking") has lost no name. A rendering that may be a noun keeps the flag; an adverb
    ("Retrospectivamente" / "Retrospectively") is no name either."""
    source = "Prenotando con anticipo, si risparmia molto sul viaggio."
    copy = "Booking early saves a lot on the trip."
    back = "Riservando presto risparmia molto sul viaggio."
    inp = make(
        source, copy, "it", forward="Reserving with anticipation, it saves a lot on the trip.", back=back
    )
    assert not run("names", inp)
    noun = make(
        source, copy, "it", forward="Registration with anticipation, it saves a lot on the trip.", back=back
    )
    assert "Prenotando" in assert_flags("names", noun, severity="minor").message
    adverb = make(
        "Retrospectivamente, habría sido mejor prever la crisis.",
        "In hindsight, it would have been better to foresee the crisis.",
        forward="Retrospectively, it would have been better to foresee the crisis.",
        back="Mirando atrás, habría sido mejor prever la crisis.",
    )
    assert not run("names", adverb)


def test_a_word_is_an_acronym_only_with_exactly_its_letters() -> None:
    """ "Sida" is AIDS reordered; beside SARS, a disease with other letters, it is lost; a word
    shorter than four letters ("Ana") is no acronym written as a word."""
    assert acronyms.written_as_word("Sida", "the fight against AIDS")
    assert not acronyms.written_as_word("Sida", "the fight against SARS")
    assert not acronyms.written_as_word("sida", "the fight against AIDS")  # not a name
    assert not acronyms.written_as_word("Ana", "the NAA said")
    assert acronyms.as_word_in("AIDS", "a luta contra a Sida") and acronyms.given("AIDS", "contra a Sida")
    assert not acronyms.as_word_in("AIDS", "a luta contra a Sara")
    assert acronyms.as_word_in("NATO", "le chef de l'Otan") and acronyms.as_word_in("NATO", "dell’Otan")
    inp = make(
        "O Fundo Global de Luta contra a Sida apoiou a proposta.",
        "The Global Fund to Fight SARS supported the proposal.",
        forward="The Global Fund of Fight against the Sida supported the proposal.",
        back="O Fundo Global para Lutar SARS apoiou a proposta.",
    )
    assert "Sida" in assert_flags("names", inp).message
