"""The report's rows (pipeline/report/rows.py): folded flags, short reasons, marks and diffs."""

from __future__ import annotations

from typing import Any

from pipeline.report.html import build_view


def test_an_empty_translation_explains_every_other_flag(source: dict[str, Any]) -> None:
    from pipeline.report.rows import fold_flags, summarise_flags

    seg: dict[str, Any] = {"text": ".", "source": "La obra costó 12 millones.", "flags": [
        {"check": "numbers", "severity": "critical", "message": "m", "spans": [{"field": "source", "start": 14, "end": 16}]},
        {"check": "drift", "severity": "major", "message": "m", "spans": []},
        {"check": "empty", "severity": "critical", "message": "m", "spans": [{"field": "source", "start": 0, "end": 26}]},
    ]}  # fmt: skip
    assert fold_flags(seg["flags"]) == ([2], [0, 1])
    summary = summarise_flags(seg, "fail")
    assert summary["reason"] == "empty translation" and summary["kind"] == "flag"


def test_summary_checks_fold_under_a_specific_finding_and_reasons_are_short() -> None:
    from pipeline.report.rows import fold_flags, summarise_flags

    flags: list[dict[str, Any]] = [
        {"check": "drift", "severity": "major", "message": "chrF low", "spans": []},
        {"check": "numbers", "severity": "critical", "message": "long message",
         "spans": [{"field": "source", "start": 0, "end": 3}, {"field": "text", "start": 0, "end": 3}]},
    ]  # fmt: skip
    assert fold_flags(flags) == ([1], [0])
    seg = {"text": "230 cables", "source": "320 cables", "flags": flags}
    assert summarise_flags(seg, "fail")["reason"] == "numbers: 320 → 230"
    note = {"text": "US left", "flags": [{"check": "names", "severity": "minor", "message": "source name 'US' not found", "spans": [{"field": "text", "start": 0, "end": 2}]}]}  # fmt: skip
    s = summarise_flags(note, "ok")
    assert s["kind"] == "note" and s["tone"] == "minor" and s["primary"] == [0]
    alone = {"check": "drift", "severity": "major", "message": "chrF low", "spans": []}
    assert fold_flags([alone]) == ([0], [])  # with nothing more specific, drift is the reason


def test_rows_carry_marks_by_severity_and_diffs_as_offsets(source: dict[str, Any]) -> None:
    rows = {r["anchor"]: r for r in build_view(source)["blob"]["rows"]}
    r = rows["d0-p2.s1"]
    seg = next(s for s in source["segments"] if s["id"] == "p2.s1")
    assert [seg["source"][a:b] for a, b, _ in r["marks"]["source"]] == ["320"]
    assert [seg["text"][a:b] for a, b, _ in r["marks"]["text"]] == ["230"]
    assert r["marks"]["text"][0][2] == 3  # critical
    assert set(r["diffs"]) == {"back", "forward", "source_round_trip"}
    assert "text" not in r and "source" not in r  # texts are read from the embedded report, never copied
