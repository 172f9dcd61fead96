"""Round-trip flags speak of the copy and its round trip: the run has no source and no translation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.core.roundtrip import round_trip_words
from tests.conftest import run_cli


def test_outside_quotes_the_source_is_the_copy_and_the_translation_its_round_trip() -> None:
    assert (
        round_trip_words("source month 'March' not in the translation")
        == "copy month 'March' not in the round trip"
    )
    assert (
        round_trip_words("Translation has name 'Source Code' that is not in the source")
        == "Round trip has name 'Source Code' that is not in the copy"
    )
    assert round_trip_words("the engine's rendering of the source: “a translation”") == (
        "the engine's rendering of the copy: “a translation”"
    )


@pytest.mark.requires_apertium
def test_a_round_trip_report_names_no_source_and_no_translation(tmp_path: Path) -> None:
    """ "dates (minor): source month 'March' not in the translation" in a run that had neither."""
    (tmp_path / "c.en.txt").write_text(
        "The opening was on March 5, 2024, and 20,000 books were on the shelves.\n", encoding="utf-8"
    )
    r = run_cli(
        "check", "c.en.txt", "--engine", "apertium", "--no-cache", "-f", "json", "-o", "r.json", cwd=tmp_path
    )
    assert r.code == 0, r.stderr
    messages = [
        f["message"] for s in json.loads((tmp_path / "r.json").read_text())["segments"] for f in s["flags"]
    ]
    assert messages, "the round trip of this sentence raises notes (Apertium: 'shelves' -> 'Leaves')"
    unquoted = [re.sub(r"'[^']*'", "", m) for m in messages]
    assert not any(re.search(r"\b(source|translation)\b", m) for m in unquoted), messages
    assert any("round trip" in m for m in messages), messages
