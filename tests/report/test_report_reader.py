"""`report` and `baseline create` read any report driftcheck writes (also one of 20,000 sentences,
far over the 5 MiB input limit), and a structurally broken report is one named line, exit 2."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.report.to_json import dumps, summarize
from pipeline.report.validate import problem
from tests.conftest import ROOT, run_cli

SAMPLE = ROOT / "tests" / "data" / "report_source.json"


def sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return data


def test_a_20000_sentence_report_is_read_by_report_and_baseline_create(tmp_path: Path) -> None:
    data = sample()
    segs = data["segments"]
    data["segments"] = [dict(segs[k % len(segs)], id=f"s{k}") for k in range(20_000)]
    data["summary"] = summarize(data["segments"])
    data["documents"][0]["counts"] = data["summary"]["verdicts"]
    big = tmp_path / "big.json"
    big.write_text(dumps(data), encoding="utf-8")
    assert big.stat().st_size > 5 * 1024 * 1024
    r = run_cli("report", str(big), "-f", "markdown", "-o", str(tmp_path / "big.md"))
    assert r.code == 0, r.stderr
    assert "20000" in (tmp_path / "big.md").read_text(encoding="utf-8").replace(",", "")
    r = run_cli("baseline", "create", str(big), "-o", str(tmp_path / "base.json"))
    assert r.code == 0 and "recorded in" in r.stdout, r.stderr


def _first(data: dict[str, Any], severity: str) -> dict[str, Any]:
    """The first segment whose first flag has this severity."""
    seg: dict[str, Any] = next(
        s for s in data["segments"] if s["flags"] and s["flags"][0]["severity"] == severity
    )
    return seg


def _flagged_by_hand(data: dict[str, Any]) -> None:
    """A clean sentence given a major flag and the verdict it makes, the counts left as they were."""
    seg = next(s for s in data["segments"] if not s["flags"])
    seg["flags"].append({"check": "numbers", "severity": "major", "message": "by hand", "spans": []})
    seg["verdict"] = "review"


BROKEN = [
    (lambda d: d.update(segments={}), "segments: must be a list, not an object"),
    (lambda d: d["segments"].append(1), "segments[7]: must be an object, not an integer"),
    (lambda d: d["segments"][0].pop("verdict"), 'segments[0]: missing "verdict"'),
    (
        lambda d: d["segments"][0].update(verdict="bad"),
        "segments[0].verdict: must be one of ok, review, fail",
    ),
    (
        lambda d: d["segments"][1]["flags"][0].update(severity=3),
        "segments[1].flags[0].severity: must be a string",
    ),
    (lambda d: d["segments"][0].update(document=9), "segments[0].document: 9 is not the index of a document"),
    (lambda d: d["segments"][0].update(drift="high"), "segments[0].drift: must be a number, not a string"),
    (
        lambda d: d["segments"][0]["comparison"]["back_scores"].pop("chrf"),
        'comparison.back_scores: missing "chrf"',
    ),
    (lambda d: d["documents"][0].update(scores={"back": []}), "documents[0].scores.back: must be an object"),
    (lambda d: d.pop("summary"), 'the report: missing "summary"'),
    (lambda d: d.update(mode="both"), "mode: must be one of roundtrip, source"),
    # accepted, then an internal error in a renderer (HTML, Markdown, SARIF, JUnit, GitHub)
    (lambda d: d["documents"][0]["counts"].update(ok="3"), "documents[0].counts.ok: must be an integer"),
    (lambda d: d["summary"].update(flagged="2"), "summary.flagged: must be an integer, not a string"),
    (lambda d: d["summary"].update(checks="x"), "summary.checks: must be an object, not a string"),
    (lambda d: d["summary"].update(baselined="0"), "summary.baselined: must be an integer, not a string"),
    (lambda d: d["signature"].update(gate="x"), "signature.gate: must be an object, not a string"),
    (
        lambda d: d["signature"].update(gate={"max_flagged": "3"}),
        "signature.gate.max_flagged: must be a number",
    ),
    (lambda d: d["documents"][0].update(source_path=3), "documents[0].source_path: must be a string"),
    (lambda d: d.update(schema_version=True), "schema_version: must be 1, not True"),
    (lambda d: d["segments"][0].update(line=True), "segments[0].line: must be an integer, not a boolean"),
    (lambda d: d["segments"][0].update(drift=5), "segments[0].drift: must be between 0 and 1"),
    # accepted, and the formats disagreed (QA pass 5): JUnit passed a sentence SARIF called an error
    (
        lambda d: _first(d, "critical").update(verdict="ok"),
        "verdict: ok, but its flags make it fail (was the report edited?)",
    ),
    (
        lambda d: next(s for s in d["segments"] if not s["flags"]).update(verdict="fail"),
        "verdict: fail with no flag saying why",
    ),
    (
        lambda d: d["documents"][0]["counts"].update(ok=48),
        "documents[0].counts.ok: 48 does not match the segments",
    ),
    (lambda d: d["summary"].update(checks={"numbers": 0}), "summary.checks: does not match the segments"),
    (lambda d: d["summary"].update(worst="bogus"), "summary.worst: 'bogus' does not match the segments"),
    (
        lambda d: d["signature"].update(fail_on="bogus"),
        "signature.fail_on: must be one of review, fail, never",
    ),
    (
        lambda d: d["segments"][0]["comparison"]["back_scores"].update(chrf=-5),
        "comparison.back_scores.chrf: must be between 0 and 100",
    ),
    (
        lambda d: d["documents"][0]["scores"]["back"].update(ter=500),
        "scores.back.ter: must be between 0 and 100",
    ),
    (lambda d: d["segments"][0].update(line=-7), "segments[0].line: must not be negative"),
    (
        lambda d: _first(d, "critical")["flags"][0]["spans"][0].update(start=10**6),
        "spans[0]: start must not be after end",
    ),
    # a hand-edited summary: the headers would show one result while the gate (segments) reads another
    (lambda d: d["summary"].update(segments=6), "summary.segments: 6 does not match the segments"),
    (
        lambda d: d["summary"]["verdicts"].update(fail=d["summary"]["verdicts"]["fail"] + 1),
        "summary.verdicts.fail: ",
    ),
    (
        _flagged_by_hand,
        "does not match the segments (was the report edited?)",
    ),
    (lambda d: d["summary"].update(flagged=d["summary"]["flagged"] + 1), "summary.flagged: "),
]


def test_nan_in_a_report_is_not_json(tmp_path: Path) -> None:
    """Python's json reads NaN; a report holding one was accepted and the SARIF written from it
    held a bare NaN token (invalid JSON for every SARIF consumer)."""
    data = copy.deepcopy(sample())
    data["segments"][0]["drift"] = float("nan")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    r = run_cli("report", str(bad), "-f", "sarif", "-o", str(tmp_path / "r.sarif"))
    assert (r.code, r.stderr) == (
        2,
        f"driftcheck: error: {bad}: JSON report is not valid JSON (NaN is not a JSON number)\n",
    )
    assert not (tmp_path / "r.sarif").exists()


def test_a_number_too_large_for_a_float_is_refused(tmp_path: Path) -> None:
    """1e999 is valid JSON and read as infinity: `report -f json` wrote `Infinity` (invalid JSON)
    and the HTML report's script stopped on it."""
    text = json.dumps(sample()).replace('"drift": ', '"drift": 1e999, "was": ', 1)
    bad = tmp_path / "big.json"
    bad.write_text(text, encoding="utf-8")
    r = run_cli("report", str(bad), "-f", "json", "-o", str(tmp_path / "r.json"))
    assert (r.code, r.stderr) == (
        2,
        f"driftcheck: error: {bad}: JSON report is not valid JSON (1e999 is not a JSON number)\n",
    )
    assert not (tmp_path / "r.json").exists()


def test_an_integer_beyond_what_json_readers_share_is_refused(tmp_path: Path) -> None:
    """A 400-digit integer is valid JSON: `report -f html` stopped with "internal error:
    OverflowError: int too large to convert to float"."""
    text = json.dumps(sample()).replace('"chrf": ', '"chrf": 1' + "0" * 400 + ', "was": ', 1)
    bad = tmp_path / "big.json"
    bad.write_text(text, encoding="utf-8")
    r = run_cli("report", str(bad), "-f", "html", "-o", str(tmp_path / "r.html"))
    assert (r.code, r.stderr) == (
        2,
        f"driftcheck: error: {bad}: JSON report is not valid JSON "
        "(10000000000000000000… is beyond the integers JSON readers share (±2^53))\n",
    )
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize(("breakage", "message"), BROKEN)
def test_a_broken_report_is_one_named_line(tmp_path: Path, breakage: Any, message: str) -> None:
    data = copy.deepcopy(sample())
    breakage(data)
    assert message in (problem(data) or "")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    for args in (
        ("report", str(bad), "-f", "html"),
        ("baseline", "create", str(bad), "-o", str(tmp_path / "b.json")),
    ):
        r = run_cli(*args)
        assert r.code == 2 and r.stdout == "", (args, r.stdout)
        assert r.stderr == f"driftcheck: error: {bad}: not a valid driftcheck report: {problem(data)}\n"
    assert not (tmp_path / "b.json").exists()


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (2, "a JSON report of schema_version 2, newer than this driftcheck reads (schema_version 1): "
         "upgrade driftcheck to read it"),
        (0, "not a driftcheck JSON report (schema_version 1)"),
        ("2", "not a driftcheck JSON report (schema_version 1)"),
    ],
)  # fmt: skip
def test_a_newer_report_says_to_upgrade(tmp_path: Path, version: Any, message: str) -> None:
    """A report of schema_version 2 (written by a later driftcheck) was "not a driftcheck JSON
    report (schema_version 1)", as if it were none."""
    data = {**sample(), "schema_version": version}
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(data), encoding="utf-8")
    for args in (("report", str(newer), "-f", "html"), ("baseline", "create", str(newer), "-o", "b.json")):
        r = run_cli(*args, cwd=tmp_path)
        assert (r.code, r.stdout, r.stderr) == (2, "", f"driftcheck: error: {newer}: {message}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.json"]


def test_every_report_in_the_test_data_is_valid() -> None:
    for path in (ROOT / "tests" / "data").glob("report_*.json"):
        assert problem(json.loads(path.read_text(encoding="utf-8"))) is None, path


def test_half_a_surrogate_pair_in_a_report_becomes_a_replacement_character(tmp_path: Path) -> None:
    raw = SAMPLE.read_text(encoding="utf-8").replace('"text": "', '"text": "\\ud800', 1)
    bad = tmp_path / "half.json"
    bad.write_text(raw, encoding="utf-8")
    for fmt in ("html", "sarif", "text", "markdown"):
        r = run_cli("report", str(bad), "-f", fmt)
        assert r.code == 0 and "internal error" not in r.stderr, (fmt, r.stderr)
    assert "\ufffd" in run_cli("report", str(bad), "-f", "json").stdout


def test_report_writes_one_file_and_says_so(tmp_path: Path) -> None:
    """`report -o out/` wrote a file named `out`, and `-f html -f json` kept the last format
    without a word; both are one named error now, before anything is read or written."""
    saved = SAMPLE
    for args, message in (
        (("-f", "html", "-o", str(tmp_path / "sub") + "/"), "is a folder: `report` writes one file"),
        (("-f", "html", "-o", str(tmp_path)), "is a folder: `report` writes one file"),
        (("-f", "html", "-f", "json", "-o", str(tmp_path / "r.json")), "writes one format, not 2"),
    ):
        r = run_cli("report", str(saved), *args)
        assert r.code == 2 and r.stderr.count("\n") == 1 and message in r.stderr, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    r = run_cli("report", str(saved), "-f", "json", "-f", "json", "-o", str(tmp_path / "r.json"))
    assert r.code == 0 and json.loads((tmp_path / "r.json").read_text())["segments"]


@pytest.mark.parametrize(
    ("fmt", "name", "advice"),
    [
        ("html", "y.md", "its suffix .md is for markdown; use .html or .htm"),
        ("junit", "y.json", "its suffix .json is for json; use .xml"),
        ("markdown", "y.txt", "its suffix .txt is for text; use .md or .markdown"),
    ],
)
def test_report_with_a_suffix_of_another_format_offers_no_folder(
    tmp_path: Path, fmt: str, name: str, advice: str
) -> None:
    """`report -f html -o y.md` said "use .html or .htm, or a folder", and then refused the folder:
    `report` writes one file. `check`, which takes a folder, still offers one."""
    from pipeline.cli.output_plan import check_suffix
    from pipeline.errors import UsageError

    r = run_cli("report", str(SAMPLE), "-f", fmt, "-o", name, cwd=tmp_path)
    assert (r.code, r.stdout, r.stderr) == (
        2,
        "",
        f"driftcheck: error: --format {fmt} does not match --output {name}: {advice}\n",
    )
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(UsageError, match=f"{advice}, or a folder$"):
        check_suffix(fmt, name)


def test_report_prints_the_text_summary_as_check_printed_it(tmp_path: Path) -> None:
    """`report -f text` to stdout was rendered 120 columns wide where `check` prints to the terminal's
    width (80 in a CI log): the same report read differently."""
    (tmp_path / "o.es.txt").write_text("El alcalde anunció 320 viviendas nuevas en el puerto.\n", "utf-8")
    (tmp_path / "c.en.txt").write_text("The mayor announced 230 new homes in the harbour.\n", "utf-8")
    narrow = {"COLUMNS": "80"}
    check = run_cli(
        "check", "c.en.txt", "--source", "o.es.txt", "-l", "en", "-s", "es", "--engine", "apertium",
        "--no-semantic", "--no-cache", "-f", "text", "-f", "json", "-o", "out/", cwd=tmp_path, env=narrow,
    )  # fmt: skip
    assert check.code == 1, check.stderr
    again = run_cli("report", "out/driftcheck.json", "-f", "text", cwd=tmp_path, env=narrow)
    assert again.code == 0, again.stderr
    summary = check.stdout.split("written: ")[0]
    table = [line for line in summary.splitlines() if line[:1] in "┏┃┡│└"]
    assert again.stdout == summary and table and max(len(line) for line in table) <= 80


def test_a_bad_baseline_is_said_before_the_run(tmp_path: Path) -> None:
    """`check --baseline` read the baseline after the whole run: a typo in its name, or a report
    given in its place, was said only once every sentence had been translated and checked."""
    (tmp_path / "a.en.txt").write_text("The bridge will open in May.\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"tool": "driftcheck", "entries": []}', encoding="utf-8")
    r = run_cli(
        "check",
        "a.en.txt",
        "--engine",
        "apertium",
        "--cache",
        "c.sqlite",
        "--baseline",
        "bad.json",
        cwd=tmp_path,
    )
    assert (r.code, r.stderr) == (
        2,
        'driftcheck: error: bad.json: baseline "version" is missing (expected 1)\n',
    )
    assert not (tmp_path / "c.sqlite").exists()  # nothing translated
