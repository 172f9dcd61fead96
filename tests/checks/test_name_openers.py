"""names: a verb or adverb that opens a sentence is no name, nor is the copy's rendering of it; a
country or language is found under the name CLDR gives it in the copy's language.

The engine views are Apertium's (eng-spa, spa-eng) as it wrote them; where one is made up, the
test says so. test_apertium_names.py runs the same pairs through the real engine.
"""

from __future__ import annotations

import subprocess
import sys

from pipeline.checks import CheckInput
from pipeline.checks.cldrnames import said_in
from pipeline.checks.openers import opening_word
from pipeline.checks.propernames import Name

from .helpers import make, run

PREHEAT = "Preheat the oven to 180 °C."
NETHERLANDS = "She moved to the Netherlands last year."


def messages(inp: CheckInput) -> list[str]:
    return [f"{f.severity}: {f.message}" for f in run("names", inp)]


def test_an_instructions_opening_verb_is_no_name_nor_is_the_copys_rendering() -> None:
    """English "Preheat" is rare, so its capital made it a name, which Apertium keeps as written
    (it does not know it); the copy's "Precalienta", which it does not know either, was a name
    the copy added."""
    inp = make(
        PREHEAT,
        "Precalienta el horno a 180 °C.",
        "en",
        "es",
        forward="Preheat El horno a 180 °C.",
        back="Precalienta The oven to 180 °C.",
    )
    assert messages(inp) == []
    # Catalan: the source's verb is common ("Bake"), the copy's rendering unknown to the engine
    inp = make(
        "Bake the bread for forty minutes.",
        "Enforna el pa durant quaranta minuts.",
        "en",
        "ca",
        forward="Cou el pa durant quaranta minuts.",
        back="Enforna the bread during forty minutes.",
    )
    assert messages(inp) == []


def test_a_name_before_its_verb_stays_a_name() -> None:
    """A word the lexicon knows as a verb is a name when the next word is a verb that agrees with
    it ("Hawking said": a subject), and a word that may be a noun is one when the engine keeps it
    ("Mark said" / "Mark dijo"): the copy's name in its place is added, and the engine's keeping
    the source's name shows it lost (pipeline/checks/initial_names.py)."""
    added = "major: translation has name 'Pfannenstiel' that is not in the source"
    inp = make(
        "Hawking said the universe had no edge.",
        "Pfannenstiel dijo que el universo no tenía borde.",
        "en",
        "es",
        forward="Hawking dijo que el universo tuvo ningún borde.",
        back="Pfannenstiel Said that the universe did not have brink.",
    )
    assert messages(inp) == ["critical: source name 'Hawking' not found in the translation", added]
    inp = make(
        "Mark said it was late.",
        "Pfannenstiel dijo que era tarde.",
        "en",
        "es",
        forward="Mark dijo que era tarde.",
        back="Pfannenstiel Said that it was evening.",
    )
    assert messages(inp) == ["critical: source name 'Mark' not found in the translation", added]


def test_which_opening_words_are_words() -> None:
    def opens(text: str) -> bool:
        word = text.split()[0].strip(",")
        return opening_word(Name(word, 0, len(word), (word.lower(),), (word.lower(),)), text, "en")

    assert opens(PREHEAT)
    assert opens("Retrospectively, the plan was a mistake.")
    assert not opens("Hawking said the universe had no edge.")  # a verb form before a verb
    assert not opens("Pfannenstiel won the race.")  # unknown to the lexicon
    assert not opens("Wade is the minister.")  # a verb before a verb that agrees with it
    assert not opens("Reserving early saves money.")  # a gerund: "Hawking", "Fielding" are names


def test_a_country_is_found_under_its_cldr_name() -> None:
    """Apertium does not know "Netherlands" (it keeps it) and renders "Países Bajos" as "Low
    Countries": CLDR names the territory in both languages. A replaced country is still lost."""
    forward = "Movió al Netherlands último año."
    back = "mudó To the Low Countries the past year."
    inp = make(
        NETHERLANDS, "Se mudó a los Países Bajos el año pasado.", "en", "es", forward=forward, back=back
    )
    assert messages(inp) == []
    back = "mudó To Belgium the past year."
    inp = make(NETHERLANDS, "Se mudó a Bélgica el año pasado.", "en", "es", forward=forward, back=back)
    assert messages(inp) == ["critical: source name 'Netherlands' not found in the translation"]
    # Spanish to English: the lost name and the added one were paired as unverifiable (info)
    inp = make(
        "Los Países Bajos exportan muchas flores.",
        "The Netherlands exports many flowers.",
        forward="The Low Countries export a lot of flowers.",
        back="El Netherlands exportaciones muchas flores.",
    )
    assert messages(inp) == []


def test_cldr_names_of_territories_and_languages() -> None:
    assert said_in("Netherlands", "en", "I Paesi Bassi esportano fiori.", "it")
    assert said_in("Países Bajos", "es", "The Netherlands", "en")
    assert said_in("Dutch", "en", "Habla neerlandés en casa.", "es")
    assert not said_in("Netherlands", "en", "Bélgica exporta flores.", "es")
    assert not said_in("Netherlands", "en", "the Netherlands", "en")  # one language: spelling decides
    assert not said_in("Netherlands", "en", "Países Bajos", "xx")  # a language CLDR does not know


def test_the_name_tables_load_on_first_use() -> None:
    code = (
        "import sys; import pipeline.checks.names; from pipeline.checks import load_all; load_all();"
        "print([m for m in ('babel', 'lemminflect') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
