"""A gate that fails on a limit (--max-flagged, --min-chrf) shows in every CI format: JUnit and
SARIF said success and Markdown "all sentences came through" while the run exited 1. End to end
with Apertium; `report` re-renders the same from the saved JSON."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

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
