"""Round-trip reports say, in one line, what round-trip mode cannot see; source-aware ones do not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.report import render
from pipeline.report.to_json import ROUNDTRIP_NOTE, document_subset, summarize

DATA = Path(__file__).parents[1] / "data"


def report(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"report_{name}.json").read_text(encoding="utf-8"))
    data["summary"] = summarize(data["segments"], data["mode"])  # as `driftcheck check` writes it now
    return data


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_round_trip_reports_carry_the_note_once(fmt: str) -> None:
    out = render(fmt, report("roundtrip"))
    if fmt == "html":  # once on the page (the report's JSON rides along inside a script)
        out = out.split("<script", 1)[0]
    assert out.count("cannot detect a wrong-but-fluent sentence") == 1
    assert "--source" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_source_reports_do_not(fmt: str) -> None:
    data = report("source")
    assert "note" not in data["summary"]
    assert "wrong-but-fluent" not in render(fmt, data)


def test_the_note_survives_per_document_reports() -> None:
    data = report("roundtrip")
    assert document_subset(data, 0)["summary"]["note"] == ROUNDTRIP_NOTE
