"""Names that open a sentence (pipeline/checks/initial_names.py) with the real Apertium engine:
a common first name or place name at a sentence start is no name to a frequency list, so a copy
that opened with another name than its source passed as `ok`."""

from __future__ import annotations

import pytest

import pipeline

pytestmark = pytest.mark.requires_apertium

SISTER = "Juan vive en Madrid con su hermana."


def names_and_verdicts(pairs: list[tuple[str, str]]) -> list[tuple[str, list[tuple[str, str]]]]:
    report = pipeline.verify_pairs(pairs, source_lang="es", lang="en", engine="apertium")
    return [
        (s.verdict, [(f.severity, f.message) for f in s.flags if f.check == "names"]) for s in report.segments
    ]


def test_a_name_swapped_at_the_start_of_a_sentence_is_flagged() -> None:
    """Apertium keeps "Juan" and "Peter" as they are ("Juan lives", "Peter vive"): both sides open
    with a name the other lacks. The same holds where only one side opens with it, and in the
    second sentence of a segment."""
    got = names_and_verdicts(
        [
            (SISTER, "Peter lives in Madrid with his sister."),
            ("Ayer Juan vio a María en Madrid.", "Peter saw Maria in Madrid yesterday."),
            ("Juan vive en Madrid. Pedro vive en Lisboa.", "Juan lives in Madrid. Paul lives in Lisbon."),
        ]
    )
    lost_juan = ("minor", "source name 'Juan' not found in the translation")
    assert [flags for _, flags in got] == [
        [lost_juan, ("major", "translation has name 'Peter' that is not in the source")],
        [lost_juan, ("major", "translation has name 'Peter' that is not in the source")],
        [
            ("minor", "source name 'Pedro' not found in the translation"),
            ("major", "translation has name 'Paul' that is not in the source"),
        ],
    ]
    # flagged; the last two sit at the fail threshold (drift 0.9864 and 0.9845 against 0.9866 since
    # the twelfth session's retraining, 0.9792 before it), so the calibration decides review or fail
    assert got[0][0] == "fail" and {verdict for verdict, _ in got[1:]} <= {"review", "fail"}


def test_opening_words_the_translation_keeps_or_words_alike_are_no_names() -> None:
    """The same name, a word written alike in both languages, and an opening word the copy words
    its own way ("Doctor" / "Dr.") with no name added anywhere: nothing to say."""
    got = names_and_verdicts(
        [
            (SISTER, "Juan lives in Madrid with his sister."),
            ("Hotel California es un hotel famoso.", "Hotel California is a famous hotel."),
            ("Doctor García llegó tarde.", "Dr. García arrived late."),
        ]
    )
    assert got == [("ok", []), ("ok", []), ("ok", [])]
