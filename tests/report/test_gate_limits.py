"""A gate that fails on a limit (--max-flagged, --min-chrf) shows in every CI format: JUnit and
SARIF said success and Markdown "all sentences came through" while the run exited 1. End to end
with Apertium; `report` re-renders the same from the saved JSON."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

from pipeline.report.markdown import md_escape
from tests.conftest import run_cli
from tests.report.test_report_ci import SCHEMA

FORMATS = ("-f", "json", "-f", "junit", "-f", "sarif", "-f", "markdown", "-f", "github")


def test_a_limit_that_fails_the_run_fails_every_ci_view(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(
        "The weather was fine and the children played in the park.\n\nShe bought three apples at the market.\n",
        "utf-8",
    )
    run = ("check", "b.txt", "--engine", "apertium", "--pivot", "es", "--no-semantic", "--no-cache")
    r = run_cli(*run, "--min-chrf", "99", "--max-flagged", "5", *FORMATS, "-o", "out/", cwd=tmp_path)
    assert r.code == 1, r.stderr
    data = json.loads((tmp_path / "out" / "driftcheck.json").read_text("utf-8"))
    assert all(s["verdict"] == "ok" for s in data["segments"])  # no sentence failed: the limit did
    assert data["signature"]["gate"] == {"max_flagged": 5, "min_chrf": 99}
    assert type(data["signature"]["gate"]["min_chrf"]) is float  # as a config file's 99 is recorded
    reason = "b.txt: corpus chrF (es) "
    assert reason in r.stderr
    junit = ET.parse(tmp_path / "out" / "driftcheck.junit.xml").getroot()
    assert junit.get("failures") == "1"
    case = junit.find("testsuite[@name='driftcheck gate']/testcase/failure")
    assert (
        case is not None
        and (case.get("message") or "").startswith(reason)
        and "< --min-chrf 99" in case.get("message", "")
    )
    sarif = json.loads((tmp_path / "out" / "driftcheck.sarif").read_text("utf-8"))
    jsonschema.validate(sarif, SCHEMA)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["error"] and notes[0]["message"]["text"].startswith(
        "gate failed: " + reason
    )
    assert "**Gate failed:** b.txt: corpus chrF (es)" in (tmp_path / "out" / "driftcheck.md").read_text(
        "utf-8"
    )
    assert "::error title=driftcheck gate::b.txt: corpus chrF (es)" in r.stdout  # beside files: stdout
    for fmt, name in (
        ("junit", "driftcheck.junit.xml"),
        ("markdown", "driftcheck.md"),
        ("sarif", "driftcheck.sarif"),
    ):
        again = run_cli("report", "out/driftcheck.json", "-f", fmt, cwd=tmp_path)
        assert again.code == 0 and again.stdout == (tmp_path / "out" / name).read_text("utf-8"), fmt
    plain = run_cli(*run, "-f", "json", "-o", "plain.json", cwd=tmp_path)
    assert (
        plain.code == 0
        and "gate" not in json.loads((tmp_path / "plain.json").read_text("utf-8"))["signature"]
    )


def test_a_document_with_nothing_verified_has_no_score_and_fails_a_chrf_limit(tmp_path: Path) -> None:
    """Every sentence of huge.txt is over the segment limit: it had chrF 0.0 / TER 100, the worst
    score for nothing measured, which the gate quoted; the summary called it "1 minor note"."""
    (tmp_path / "huge.txt").write_text("A" * 20_001 + ".\n", "utf-8")
    (tmp_path / "small.txt").write_text("The mayor opened the bridge.\n", "utf-8")
    run = (
        "check",
        "huge.txt",
        "small.txt",
        "--engine",
        "apertium",
        "--pivot",
        "es",
        "--no-semantic",
        "--no-cache",
    )
    r = run_cli(*run, "-f", "json", "-o", "r.json", cwd=tmp_path)
    assert r.code == 0, r.stderr
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert [d["scores"] for d in data["documents"]][0] == {} and data["documents"][1]["scores"]["es"][
        "chrf"
    ] > 0
    r = run_cli(*run, "--min-chrf", "50", cwd=tmp_path)
    assert r.code == 1
    assert (
        "driftcheck: gate failed: huge.txt: no corpus chrF (no sentence of it could be verified) for --min-chrf 50"
        in r.stderr
    )
    assert "2 ok, 0 review, 0 fail; 1 unverifiable on ok sentences" in r.stdout
    assert "huge.txt: no scores (no sentence of it could be verified)" in r.stdout


def test_the_summary_names_flags_a_baseline_accepted(tmp_path: Path) -> None:
    """A baselined critical flag on an ok sentence was counted as "1 minor note"."""
    (tmp_path / "doc.es.txt").write_text("El puente costó 20 millones de euros.\n", "utf-8")
    (tmp_path / "doc.en.txt").write_text("The bridge cost 30 million euros.\n", "utf-8")
    run = (
        "check",
        "doc.en.txt",
        "--source",
        "doc.es.txt",
        "--engine",
        "apertium",
        "--no-semantic",
        "--no-cache",
    )
    assert run_cli(*run, "-f", "json", "-o", "now.json", cwd=tmp_path).code == 1
    assert run_cli("baseline", "create", "now.json", "-o", "base.json", cwd=tmp_path).code == 0
    r = run_cli(*run, "--baseline", "base.json", cwd=tmp_path)
    assert r.code == 0, r.stderr
    assert r.stdout.splitlines()[0] == (
        "driftcheck (source): 1 sentence in 1 document: 1 ok, 0 review, 0 fail; 1 flag accepted by the "
        "baseline on ok sentences (see the JSON or HTML report)"
    )
    assert run_cli(*run, "--baseline", "base.json", "-f", "json", "-o", "after.json", cwd=tmp_path).code == 0
    md = run_cli("report", "after.json", "-f", "markdown", cwd=tmp_path).stdout
    assert md.startswith("### driftcheck: the sentence came through")  # was "all 1 sentence"
    assert (
        "Accepted by the baseline: 1 flag, not counted above." in md
    )  # it said nothing of it ("1 flag(s)" after)


def test_limits_a_config_file_sets_are_named_as_the_config_sets_them(tmp_path: Path) -> None:
    """The gate line and every CI view said "more than --max-flagged 0" and "< --min-chrf 99" to a
    user who set them in driftcheck.toml and typed no flag; a flag still reads as a flag."""
    (tmp_path / "b.txt").write_text("The weather was fine and the children played in the park.\n", "utf-8")
    config = tmp_path / "driftcheck.toml"
    config.write_text("min_chrf = 99\n", "utf-8")
    run = ("check", "b.txt", "--engine", "apertium", "--pivot", "es", "--no-semantic", "--no-cache")
    r = run_cli(*run, "--max-flagged", "5", "-f", "json", "-f", "junit", "-o", "out/", cwd=tmp_path)
    assert r.code == 1, r.stderr
    said = f"< 99 ('min_chrf' in {config})"
    assert said in r.stderr and "--min-chrf" not in r.stderr
    data = json.loads((tmp_path / "out" / "driftcheck.json").read_text("utf-8"))
    assert data["signature"]["gate"] == {
        "max_flagged": 5,
        "min_chrf": 99,
        "said": {"min_chrf": f"'min_chrf' in {config}"},
    }
    # recorded as the flag records it: 99.0 (it was 99 from the file, 99.0 from --min-chrf)
    assert type(data["signature"]["gate"]["min_chrf"]) is float
    junit = ET.parse(tmp_path / "out" / "driftcheck.junit.xml").getroot()
    case = junit.find("testsuite[@name='driftcheck gate']/testcase/failure")
    assert case is not None and said in (case.get("message") or "")
    again = run_cli("report", "out/driftcheck.json", "-f", "markdown", cwd=tmp_path)
    assert again.code == 0 and md_escape(said) in again.stdout
