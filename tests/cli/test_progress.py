"""Translation progress: engines report (direction, done, total) to whoever set their `progress`,
and `driftcheck check` draws it as a bar on stderr when stderr is a terminal, nothing otherwise."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from pipeline.cli.run import run_check
from pipeline.config import Settings
from pipeline.engines import EngineOptions, create
from tests.conftest import gate_code

TEXTS = ["The council approved 42 new houses.", "The mayor did not attend.", "", "It rained all day."]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def recorder() -> tuple[list[tuple[str, int, int]], object]:
    seen: list[tuple[str, int, int]] = []
    return seen, lambda direction, done, total: seen.append((direction, done, total))


@pytest.mark.requires_apertium
def test_apertium_reports_the_start_and_the_end_of_its_batch() -> None:
    engine = create("apertium", EngineOptions())
    seen, report = recorder()
    engine.translate(TEXTS, "en", "es", report)  # type: ignore[arg-type]
    assert seen == [("en\u2192es", 0, 4), ("en\u2192es", 4, 4)]


@pytest.mark.requires_apertium
def test_check_draws_a_bar_on_a_terminal_and_nothing_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "a.en.txt"
    doc.write_text("\n\n".join(t for t in TEXTS if t) + "\n", encoding="utf-8")
    settings = Settings(lang="en", pivots=["es"], engine="apertium", cache=False, formats=["json"])
    settings.output = str(tmp_path / "out.json")
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = run_check([str(doc)], settings, None, formats_given=True)
    assert code == gate_code(json.loads((tmp_path / "out.json").read_text()))
    drawn = terminal.getvalue()
    assert "translating en\u2192es" in drawn and "translating es\u2192en" in drawn and "3/3" in drawn
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    assert run_check([str(doc)], settings, None, formats_given=True) == code
    assert piped.getvalue() == ""
