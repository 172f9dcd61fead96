"""Review decisions from the HTML report -> baseline entries and labelled pairs
(pipeline/report/decisions.py, through `driftcheck baseline import`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


def decisions_file(tmp_path: Path, items: list[dict[str, Any]]) -> Path:
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps({"tool": "driftcheck", "kind": "decisions", "version": 1,
                                "report": {"key": "k", "mode": "source", "signature": {}},
                                "decisions": items}), encoding="utf-8")  # fmt: skip
    return path


DECIDED: list[dict[str, Any]] = [
    {"document": "docs/a.jsonl", "id": "1", "source": "Bajará un 15 por ciento.", "translation": "It will fall by 15 per cent.",
     "source_lang": "es", "lang": "en", "decision": "false_alarm", "label": "ok", "checks": ["numbers"], "verdict": "fail"},
    {"document": "docs/a.jsonl", "id": "2", "source": "Sustituyeron 320 cables.", "translation": "They replaced 230 cables.",
     "source_lang": "es", "lang": "en", "decision": "confirmed", "label": "shifted", "checks": ["numbers"], "verdict": "fail"},
    {"document": "docs/a.jsonl", "id": "3", "source": None, "translation": "A round-trip sentence.",
     "source_lang": None, "lang": "en", "decision": "fixed", "label": "shifted", "checks": ["names"], "verdict": "fail"},
]  # fmt: skip


def test_baseline_import_turns_false_alarms_into_entries_and_writes_labels(tmp_path: Path, cli: Any) -> None:
    from pipeline.report.baseline import flag_key

    path = decisions_file(tmp_path, DECIDED)
    out, labels = tmp_path / "baseline.json", tmp_path / "labels.jsonl"
    res = cli("baseline", "import", str(path), "-o", str(out), "--labels", str(labels))
    assert res.code == 0, res.stderr
    baseline = json.loads(out.read_text(encoding="utf-8"))
    seg = {"text": DECIDED[0]["translation"], "source": DECIDED[0]["source"]}
    assert [e["key"] for e in baseline["entries"]] == [flag_key(seg, {"check": "numbers"}, "docs/a.jsonl")]
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
    assert [(r["translation"], r["label"], r["category"]) for r in rows] == [
        (DECIDED[0]["translation"], "ok", "review:false_alarm"),
        (DECIDED[1]["translation"], "shifted", "review:confirmed"),
    ]  # the round-trip decision has no source: not a labelled pair
    assert all(isinstance(r["pair_id"], int) and r["src_lang"] == "es" for r in rows)
    # importing again extends the baseline without duplicates
    res = cli("baseline", "import", str(path), "-o", str(out))
    assert res.code == 0 and "0 new entries (1 in" in res.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "decisions file is not valid JSON"),
        ('{"tool": "driftcheck", "kind": "baseline", "version": 1}', "not a driftcheck decisions file"),
        ('{"tool": "driftcheck", "kind": "decisions", "version": 9, "decisions": []}', "version 9 is not supported"),
        ('{"tool": "driftcheck", "kind": "decisions", "version": 1, "decisions": [{"document": "a"}]}',
         "decision 1 needs"),
    ],
)  # fmt: skip
def test_baseline_import_rejects_a_bad_file_with_one_line(
    tmp_path: Path, cli: Any, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "baseline.json"
    res = cli("baseline", "import", str(path), "-o", str(out))
    assert res.code == 2 and message in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert not out.exists()
    missing = cli("baseline", "import", str(tmp_path / "nope.json"), "-o", str(out))
    assert missing.code == 2 and "decisions file not found" in missing.stderr


@pytest.mark.parametrize(
    "bad",
    [{"checks": "missing"}, {"checks": None}, {"id": {"x": 1}}, {"source_lang": 5}],
    ids=[
        "no checks",
        "checks null",
        "an id that is an object",
        "a language that is a number",
    ],
)
def test_a_decision_that_cannot_be_imported_as_it_says_is_refused(
    tmp_path: Path, cli: Any, bad: dict[str, Any]
) -> None:
    """A false alarm without "checks" was imported as nothing (and still labelled "ok"); odd ids and
    languages went into the labels as they were."""
    item = {**DECIDED[0], **bad}
    if bad == {"checks": "missing"}:
        del item["checks"]
    res = cli("baseline", "import", str(decisions_file(tmp_path, [item])), "-o", str(tmp_path / "b.json"))
    assert res.code == 2 and "decision 1 needs" in res.stderr and not (tmp_path / "b.json").exists(), (
        res.stderr
    )


def test_a_sentence_decided_twice_counts_once_and_two_ways_is_refused(tmp_path: Path, cli: Any) -> None:
    twice = decisions_file(tmp_path, [DECIDED[0], {**DECIDED[0], "checks": ["names"]}, DECIDED[1]])
    labels = tmp_path / "labels.jsonl"
    res = cli("baseline", "import", str(twice), "-o", str(tmp_path / "b.json"), "--labels", str(labels))
    assert res.code == 0, res.stderr
    assert "1 false alarm ->" in res.stdout and len(labels.read_text("utf-8").splitlines()) == 2  # was 3
    assert sorted(e["check"] for e in json.loads((tmp_path / "b.json").read_text("utf-8"))["entries"]) == [
        "names",
        "numbers",
    ]
    both = decisions_file(tmp_path, [DECIDED[0], {**DECIDED[0], "decision": "confirmed", "label": "shifted"}])
    res = cli("baseline", "import", str(both), "-o", str(tmp_path / "c.json"))
    assert res.code == 2 and "decisions 1 and 2 disagree on one sentence (docs/a.jsonl, id 1)" in res.stderr


@pytest.mark.requires_apertium
def test_false_alarms_imported_from_a_po_review_make_the_gate_pass(tmp_path: Path, cli: Any) -> None:
    """The review desk's false alarms on a PO/XLIFF/TMX unit were imported without the unit id in
    their key: they never matched (`baseline create` keys units by id), were reported stale, and
    the gate kept failing. Now the same run with the imported baseline passes."""
    po = tmp_path / "es.po"
    po.write_text(
        'msgid ""\nmsgstr "Language: en\\nX-Source-Language: es\\nContent-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "El puente cerró el lunes 12."\nmsgstr "The bridge closed on Friday 13."\n',
        encoding="utf-8",
    )
    run = ("check", str(po), "--engine", "apertium", "--no-semantic", "--no-cache")
    first = cli(*run, "-f", "json", "-o", str(tmp_path / "r.json"))
    assert first.code == 1, first.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    path = report["documents"][0]["path"]
    items = [  # what the HTML report exports for a "false alarm"
        {"document": path, "id": s["id"], "source": s["source"], "translation": s["text"], "source_lang": "es",
         "lang": "en", "decision": "false_alarm", "label": "ok", "verdict": s["verdict"],
         "checks": sorted({f["check"] for f in s["flags"]})}
        for s in report["segments"] if s["verdict"] != "ok"
    ]  # fmt: skip
    assert items
    imported = cli("baseline", "import", str(decisions_file(tmp_path, items)), "-o", str(tmp_path / "b.json"))
    assert imported.code == 0, imported.stderr
    again = cli(*run, "--baseline", str(tmp_path / "b.json"), "-o", str(tmp_path / "r2.json"))
    assert again.code == 0 and "stale" not in again.stderr, again.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"checks": ["nosuchcheck"]}, "decision 1: unknown check 'nosuchcheck' (known: "),
        ({"lang": "klingon"}, "decision 1: lang: unknown language code 'klingon'"),
    ],
    ids=["unknown check", "unknown language"],
)
def test_baseline_import_refuses_names_nothing_can_match(
    tmp_path: Path, cli: Any, change: dict[str, Any], message: str
) -> None:
    """An unknown check went into the baseline, where it can never match a flag, and an unknown
    language into the labels, where `eval` failed on it later."""
    path = decisions_file(tmp_path, [{**DECIDED[0], **change}])
    out, labels = tmp_path / "baseline.json", tmp_path / "labels.jsonl"
    res = cli("baseline", "import", str(path), "-o", str(out), "--labels", str(labels))
    assert res.code == 2 and message in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert not out.exists() and not labels.exists()
