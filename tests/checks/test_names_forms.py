"""names: a name found in a derived word, currency symbols, acronyms a sentence defines.

- A name whose final vowel gives way to an adjective's ending is found in that word ("China" in
  "Chinese", also inside a hyphenated compound: "Chinese-made"); a word with another stem is not.
- Letters written against a currency sign ("US$", "R$", "$US") are a currency symbol, not a name,
  in the source or the translation.
- An acronym the source defines (in parentheses after the words it abbreviates, or with them in
  parentheses after it) need not reappear: translations expand it or use their own. An acronym
  the sentence does not define still has to be found.
"""

from __future__ import annotations

import pytest

import pipeline
from pipeline.checks import acronyms
from pipeline.checks.propernames import derived, names
from pipeline.engines.apertium import installed_modes

from .helpers import assert_flags, assert_passes, make

# ---- names in derived words -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Compra juguetes fabricados en China.", "He buys Chinese toys."),
        ("Compra juguetes fabricados en China.", "He buys Chinese-made toys."),
        ("El banco dirigido por China creció.", "The Chinese-led bank grew."),
        ("La isla de Malta exporta encaje.", "The Maltese island exports lace."),
    ],
)
def test_name_found_in_a_derived_word(source: str, target: str) -> None:
    assert_passes("names", make(source, target))


@pytest.mark.parametrize(
    "target",
    ["He buys Korean-made toys.", "He buys Korean toys.", "He buys chintz toys."],
)
def test_another_derived_word_is_no_find(target: str) -> None:
    flag = assert_flags("names", make("Compra juguetes fabricados en China.", target))
    assert "'China'" in flag.message


def test_derived_needs_a_vowel_ending_in_place_of_the_final_vowel() -> None:
    assert derived("china", "chinese")
    assert derived("viena", "vienense")
    assert not derived("china", "chinstrap")  # the ending starts with a consonant
    assert not derived("china", "chine")  # one letter is no ending
    assert not derived("carla", "carlos")  # another name on the same stem, no demonym ending
    assert not derived("maria", "marion")


def test_hyphenated_parts_count_as_words() -> None:
    assert_passes("names", make("El banco dirigido por Japón creció.", "The Japan-led bank grew."))
    flag = assert_flags("names", make("El banco dirigido por Japón creció.", "The China-led bank grew."))
    assert "'Japón'" in flag.message


# ---- currency symbols ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("La economía llegará a US$ 9 billones.", "The economy will reach $9 trillion."),
        ("El café cuesta R$ 5 en la playa.", "Coffee costs 5 reais on the beach."),
        ("El contrato vale 300 $US al mes.", "The contract is worth $300 a month."),
        ("El contrato vale 300 dólares al mes.", "The contract is worth HK$300 a month."),
    ],
)
def test_currency_symbols_are_no_names(source: str, target: str) -> None:
    assert_passes("names", make(source, target))


def test_currency_symbols_are_no_names_in_the_name_list() -> None:
    assert [n.text for n in names("Pagó US$ 9 y HK$3 a Petrobras.", "es")] == ["Petrobras"]
    assert [n.text for n in names("He paid the IMF $9.", "en")] == ["IMF"]  # a space: a name


def test_a_name_beside_an_amount_is_still_checked() -> None:
    flag = assert_flags(
        "names", make("La empresa Petrobras pagó US$ 5 millones.", "The company paid $5 million.")
    )
    assert "'Petrobras'" in flag.message and "'US'" not in flag.message


# ---- acronyms the sentence defines ------------------------------------------------------------------


def test_defined_acronyms() -> None:
    assert acronyms.defined("la tasa de cambio real (TCR), como") == {"TCR"}
    assert acronyms.defined("la flexibilización cuantitativa (FC3) de la Fed") == {"FC"}
    assert acronyms.defined("los Objetivos de Desarrollo Sostenible (ODS) de la ONU") == {"ODS"}
    assert acronyms.defined("la CPI (Corte Penal Internacional) falló") == {"CPI"}
    assert acronyms.defined("real-exchange-rate (RER) models") == {"RER"}
    assert acronyms.defined("la venta de productos (FMI) sube") == set()  # other initials
    assert acronyms.defined("la CPI falló") == set()  # not defined here


@pytest.mark.parametrize(
    ("source", "target", "forward"),
    [
        (
            "La Fed lanzó una flexibilización cuantitativa (FC3) en 2012.",
            "The Fed launched quantitative easing (QE3) in 2012.",
            "The Fed launched a quantitative flexibilization (FC3) in 2012.",
        ),
        (
            "El modelo estima la tasa de cambio real (TCR) de cada país.",
            "The model estimates each country's real-exchange-rate (RER).",
            "The model estimates the real exchange rate (TCR) of each country.",
        ),
        (
            "Apoya los objetivos de desarrollo sostenible (ODS) de la ONU.",
            "It supports the UN Sustainable Development Goals.",
            "It supports the sustainable development aims (ODS) of the UN.",
        ),
        (
            "Kenia dejó la Corte Penal Internacional (CPI) y Uganda defendió la CPI.",
            "Kenya left the International Criminal Court and Uganda defended the ICC.",
            "Kenya left the International Criminal Court (CPI) and Uganda defended the CPI.",
        ),
        (
            "Kenia dejó la CPI (Corte Penal Internacional) en 2016.",
            "Kenya left the International Criminal Court in 2016.",
            "Kenya left the CPI (International Criminal Court) in 2016.",
        ),
        (
            "La ciudad instala sistemas de gestión integrada del agua urbana (GIAU).",
            "The city is installing IUWM systems.",
            "The city installs systems of integrated management of urban water (GIAU).",
        ),
    ],
)
def test_an_acronym_the_source_defines_need_not_reappear(source: str, target: str, forward: str) -> None:
    """The engine keeps the acronym, as Apertium does (so a missing one would be critical)."""
    assert_passes("names", make(source, target, forward=forward))


def test_an_acronym_the_source_does_not_define_is_still_a_name() -> None:
    flag = assert_flags("names", make("Kenia defendió la CPI en 2016.", "Kenya defended the court in 2016."))
    assert "'CPI'" in flag.message


def test_a_long_capitalised_name_is_no_acronym_for_a_defined_one() -> None:
    flag = assert_flags(
        "names",
        make(
            "Apoya los objetivos de desarrollo sostenible (ODS) de la ONU.",
            "TORONTO: It supports the UN Sustainable Development Goals.",
        ),
    )
    assert "'TORONTO'" in flag.message


# ---- end to end with Apertium (Portuguese to English through Spanish) -------------------------------


@pytest.mark.requires_apertium
def test_forms_end_to_end_with_apertium() -> None:
    modes = installed_modes()
    if not {("pt", "es"), ("es", "en")} <= set(modes):
        pytest.skip("needs the Apertium pairs pt-es and es-en")
    pairs = [
        ("Ele importa mercadorias fabricadas na China.", "He imports Chinese goods."),
        ("O PIB chegou a US$ 9 trilhões.", "GDP reached $9 trillion."),
        (
            "A Fed iniciou a flexibilização quantitativa (FQ3) em 2012.",
            "The Fed began quantitative easing (QE3) in 2012.",
        ),
        (
            "O país saiu do Tribunal Penal Internacional (TPI) e depois voltou ao TPI.",
            "The country left the International Criminal Court and later returned to the ICC.",
        ),
        ("A Petrobras pagou US$ 5 milhões.", "The company paid $5 million."),
    ]
    report = pipeline.verify_pairs(pairs, source_lang="pt", lang="en", engine="apertium")
    got = [[f.message for f in s.flags if f.check == "names"] for s in report.segments]
    assert got == [[], [], [], [], ["source name 'Petrobras' not found in the translation"]]


def test_a_name_after_an_elided_article_is_a_name() -> None:
    """French, Italian and Catalan elide an article or preposition into the next word: the name
    after it ("l'ONU", "d'Angela", "dell'Unione", "L'Europe") is read, not the whole token; English
    keeps "O'Brien" whole, and lower-case words after an elision ("l'été") stay words."""
    text = "Le chef de l'ONU répond à la demande d'Angela Merkel. L'Europe attend, j'aime l'été."
    assert [n.text for n in names(text, "fr")] == ["ONU", "Angela Merkel", "Europe"]
    assert [n.text for n in names("Il capo dell'Unione Europea scrive all'Italia.", "it")] == [
        "Unione Europea",
        "Italia",
    ]
    assert [n.text for n in names("He met O'Brien.", "en")] == ["O'Brien"]


def test_a_lost_name_after_an_elided_article_is_flagged() -> None:
    """ "l'ONU" lost from the copy was not seen at all; kept as "the UN" it passes."""
    source = "Le chef de l'ONU a répondu."
    assert_passes(
        "names",
        make(
            source,
            "The head of the UN answered.",
            "fr",
            forward="The head of the ONU answered.",
            back="Le chef de l'ONU a répondu.",
        ),
    )
    flag = assert_flags(
        "names",
        make(
            source,
            "The head of the WHO answered.",
            "fr",
            forward="The head of the ONU answered.",
            back="Le chef de l'OMS a répondu.",
        ),
    )
    assert "ONU" in flag.message
