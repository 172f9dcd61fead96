"""CI output formats: SARIF 2.1.0, JUnit XML and GitHub Actions annotations.

Each renderer reads the canonical JSON dict. tests/data/ci_report.json was produced by
records + report/to_json.py (round-trip mode, two documents, six sentences, five flags:
critical/major/minor, XML specials, control characters, a file name with ", " and ":").
The last tests run the real pipeline with Apertium and check the regions against the file.
"""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from pipeline.report.baseline import apply_baseline, create_baseline, flag_key
from pipeline.report.gate import fails, gate
from pipeline.report.github import annotation, escape_data, escape_property, render_github
from pipeline.report.junit import render_junit
from pipeline.report.sarif import FINGERPRINT, render_sarif

DATA = Path(__file__).parents[1] / "data" / "ci_report.json"
SCHEMA = json.loads((Path(__file__).parents[1] / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture
def report() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def sarif(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(render_sarif(data))
    jsonschema.Draft4Validator(SCHEMA).validate(out)  # every SARIF we produce must be schema-valid
    return out


def results_by_check(log: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in log["runs"][0]["results"]:
        out.setdefault(r["ruleId"], []).append(r)
    return out


def segment(data: dict[str, Any], doc: int, seg_id: str) -> dict[str, Any]:
    return next(s for s in data["segments"] if s["document"] == doc and s["id"] == seg_id)


# --- SARIF -----------------------------------------------------------------------------


def test_schema_file_is_the_official_sarif_2_1_0_schema() -> None:
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert len(SCHEMA["definitions"]) == 52
    with pytest.raises(jsonschema.ValidationError):  # the schema really constrains results
        jsonschema.validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}, SCHEMA)


def test_sarif_is_valid_and_has_one_result_per_flag(report: dict[str, Any]) -> None:
    log = sarif(report)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "driftcheck"
    assert run["tool"]["driver"]["version"] == "0.1.0"
    assert len(run["results"]) == sum(len(s["flags"]) for s in report["segments"]) == 5


def test_sarif_result_carries_rule_level_file_and_line(report: dict[str, Any]) -> None:
    run = sarif(report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    (numbers,) = results_by_check(sarif(report))["numbers"]
    assert numbers["ruleId"] == "numbers"
    assert rules[numbers["ruleIndex"]]["id"] == "numbers"
    assert rules[numbers["ruleIndex"]]["shortDescription"]["text"]  # a title, from the check registry
    assert numbers["level"] == "error"
    assert numbers["message"]["text"] == "20 became 52 in the round trip via es"
    loc = numbers["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/guide.md"
    assert loc["region"]["startLine"] == segment(report, 0, "p2.s1")["line"] == 3


@pytest.mark.parametrize(
    ("check", "level"), [("numbers", "error"), ("negation", "error"), ("drift", "warning"), ("names", "note")]
)
def test_sarif_levels_follow_severity(report: dict[str, Any], check: str, level: str) -> None:
    assert {r["level"] for r in results_by_check(sarif(report))[check]} == {level}


def test_every_flagged_check_has_a_rule_with_a_description(report: dict[str, Any]) -> None:
    run = sarif(report)["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert {"numbers", "negation", "drift", "names"} <= set(rules)
    assert rules["drift"]["defaultConfiguration"]["level"] == "warning"
    assert all(r["shortDescription"]["text"] for r in rules.values())
    for r in run["results"]:
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]


def test_columns_come_from_the_copy_span_and_are_approximate(report: dict[str, Any]) -> None:
    by = results_by_check(sarif(report))
    # "text" spans point into the copy in both modes; "20" starts at offset 14 of sentence 1
    region = by["numbers"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"], region["snippet"]["text"]) == (15, 17, "20")
    # sentence 2 on the same line starts after sentence 1 and one space
    s1, s2 = segment(report, 0, "p2.s1")["text"], segment(report, 0, "p2.s2")["text"]
    region = by["negation"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startColumn"] == len(s1) + 1 + s2.index("not") + 1
    assert region["snippet"]["text"] == "not"
    # a span into the round trip ("back") has no place in the file: line only
    region = by["names"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 6}


def test_fingerprint_is_the_baseline_key(report: dict[str, Any]) -> None:
    (r,) = results_by_check(sarif(report))["numbers"]
    seg = segment(report, 0, "p2.s1")
    assert r["partialFingerprints"] == {FINGERPRINT: flag_key(seg, seg["flags"][0], "docs/guide.md")}


def test_source_mode_points_at_the_copy_and_relates_the_source(report: dict[str, Any]) -> None:
    data = copy.deepcopy(report)
    data["mode"] = "source"
    data["documents"][0].update(source_path="docs/guide.es.md", source_lang="es")
    seg = segment(data, 0, "p2.s1")
    seg.update(source="El campamento está a 20 kilómetros de Tirana.", source_line=7)
    seg["flags"][0]["spans"] = [
        {"field": "text", "start": 14, "end": 16},  # source mode: "text" is the copy
        {"field": "source", "start": 0, "end": 2},
    ]
    (r,) = results_by_check(sarif(data))["numbers"]
    region = r["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["snippet"]["text"]) == (15, "20")
    related = r["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "docs/guide.es.md"
    assert related["region"]["startLine"] == 7


def test_baselined_flags_are_suppressed_and_new_ones_marked(report: dict[str, Any]) -> None:
    baseline = create_baseline(report)
    current = copy.deepcopy(report)
    segment(current, 0, "p1.s1")["flags"].append(
        {"check": "numbers", "severity": "critical", "message": "3 became 4", "spans": []}
    )
    filtered, _ = apply_baseline(current, baseline)
    results = sarif(filtered)["runs"][0]["results"]
    new = [r for r in results if r["baselineState"] == "new"]
    assert [r["message"]["text"] for r in new] == ["3 became 4"]
    assert "suppressions" not in new[0]
    old = [r for r in results if r["baselineState"] == "unchanged"]
    assert len(old) == 5 and all(r["suppressions"][0]["kind"] == "external" for r in old)


def test_sarif_of_a_clean_report_is_valid_with_no_results(report: dict[str, Any]) -> None:
    for s in report["segments"]:
        s["flags"], s["verdict"] = [], "ok"
    assert sarif(report)["runs"][0]["results"] == []


def test_rules_of_the_aligner_and_the_judge_come_from_their_declarations(report: dict[str, Any]) -> None:
    """The aligner's and the judge's flags have rules like any check's, titled and levelled as
    `checks.BUILT_IN` declares them, even in a report none of them flagged."""
    rules = {r["id"]: r for r in sarif(report)["runs"][0]["tool"]["driver"]["rules"]}
    expected = {"omission": "error", "addition": "warning", "moved": "note", "combined": "warning"}
    for name, want in expected.items():
        assert rules[name]["defaultConfiguration"]["level"] == want
        assert "driftcheck check" not in rules[name]["shortDescription"]["text"]
    assert rules["combined"]["shortDescription"]["text"].startswith("The calibrated evidence")


def test_sarif_is_deterministic(report: dict[str, Any]) -> None:
    assert render_sarif(report) == render_sarif(copy.deepcopy(report))


# --- JUnit -----------------------------------------------------------------------------


def junit(data: dict[str, Any]) -> ET.Element:
    text = render_junit(data)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(text.encode("utf-8"))


def test_junit_counts_match_verdicts(report: dict[str, Any]) -> None:
    root = junit(report)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["docs/guide.md", "docs/news/raid, part:2.md"]
    for suite, doc in zip(suites, report["documents"], strict=True):
        mine = [s for s in report["segments"] if s["document"] == doc["index"]]
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "")) == len(cases) == len(mine)
        fails = sum(s["verdict"] == "fail" for s in mine)
        assert int(suite.get("failures", "")) == len(suite.findall("testcase/failure")) == fails
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("6", "2", "0")


def test_junit_testcase_names_and_failure_reasons(report: dict[str, Any]) -> None:
    suite = junit(report).findall("testsuite")[0]
    case = next(c for c in suite.findall("testcase") if c.get("name") == "p2.s2 (line 3)")
    assert case.get("classname") == "docs/guide.md"
    assert (case.get("file"), case.get("line")) == ("docs/guide.md", "3")
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "fail"
    # XML specials survive the escape/parse round trip unchanged
    assert failure.get("message") == (
        "negation: a negation (<not>) was lost & not restored; drift: chrF 80.2 below 85"
    )
    assert "[critical] negation: a negation (<not>) was lost & not restored" in (failure.text or "")
    assert 'text: It was <not> a "raid" & nothing more.' in (failure.text or "")


def test_junit_review_follows_the_gate(report: dict[str, Any]) -> None:
    case_name = "p1.s2 (line 3)"

    def case(data: dict[str, Any]) -> ET.Element:
        return next(
            c
            for c in junit(data).iter("testcase")
            if c.get("name") == case_name and c.get("classname") == "docs/news/raid, part:2.md"
        )

    # --fail-on fail: a review passes, its reasons go to system-out
    assert case(report).find("failure") is None
    out = case(report).find("system-out")
    assert out is not None and "meaning may have drifted: chrF 62% < 85%\nback:" in (out.text or "")
    # --fail-on review: it is a failure of type "review"
    report["signature"]["fail_on"] = "review"
    failure = case(report).find("failure")
    assert failure is not None and failure.get("type") == "review"
    assert junit(report).get("failures") == "3"
    report["signature"]["fail_on"] = "never"
    assert junit(report).get("failures") == "0"


def test_junit_baselined_flags_do_not_fail(report: dict[str, Any]) -> None:
    filtered, _ = apply_baseline(report, create_baseline(report))
    root = junit(filtered)
    assert root.get("failures") == "0"
    case = next(c for c in root.iter("testcase") if c.get("name") == "p2.s1 (line 3)")
    out = case.find("system-out")
    assert out is not None
    assert "numbers: 20 became 52 in the round trip via es (baselined)" in (out.text or "")


# --- GitHub annotations ------------------------------------------------------------------


def test_github_one_annotation_per_flag(report: dict[str, Any]) -> None:
    lines = render_github(report).splitlines()
    assert len(lines) == 5  # no message spills onto a second line
    assert lines[0] == (
        "::error file=docs/guide.md,line=3,col=15,endColumn=17,title=driftcheck numbers"
        "::p2.s1: 20 became 52 in the round trip via es"
    )
    commands = [ln.split(" ", 1)[0] for ln in lines]
    assert commands == ["::error", "::error", "::warning", "::notice", "::warning"]


def test_github_escapes_message_and_properties(report: dict[str, Any]) -> None:
    last = render_github(report).splitlines()[-1]
    assert last == (
        "::warning file=docs/news/raid%2C part%3A2.md,line=3,title=driftcheck drift"
        "::p1.s2: meaning may have drifted: chrF 62%25 < 85%25%0Aback: the field was searched"
    )
    assert escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert escape_property("x:y,z%\n") == "x%3Ay%2Cz%25%0A"
    assert escape_data("bell\x07 esc\x1b[31m") == "bell esc[31m"
    no_file = annotation("notice", "m", file=None, line=1, title="t: a, b")
    assert no_file == "::notice line=1,title=t%3A a%2C b::m"


def test_github_skips_baselined_flags_and_stdin_file(report: dict[str, Any]) -> None:
    baseline = create_baseline(report)
    report["documents"][1]["path"] = "-"
    filtered, _ = apply_baseline(report, baseline)
    lines = render_github(filtered).splitlines()
    assert len(lines) == 1 and lines[0].startswith("::warning line=3,title=driftcheck drift::p1.s2:")
    assert render_github(apply_baseline(filtered, create_baseline(filtered))[0]) == ""


# --- the real pipeline (Apertium) ----------------------------------------------------------


@pytest.mark.requires_apertium
def test_real_report_regions_point_at_the_flagged_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_cache: Path
) -> None:
    from pipeline.config import Settings
    from pipeline.core.verify import verify
    from pipeline.report.to_json import to_dict

    monkeypatch.chdir(tmp_path)
    text = "Raid\n\nPolice in Albania have raided a camp. The camp is 20 kilometres from Tirana.\n\n"
    text += "Dozens of people were injured on Tuesday.\n"
    Path("news.txt").write_text(text, encoding="utf-8")  # plain text: exact columns
    Path("news.md").write_text("# " + text, encoding="utf-8")  # Markdown: the line alone (markup shifts it)
    for doc in (Path("news.txt"), Path("news.md")):
        data = to_dict(verify([str(doc)], Settings(lang="en", engine="apertium")))
        log = sarif(data)
        lines, located = doc.read_text(encoding="utf-8").split("\n"), 0
        for r in log["runs"][0]["results"]:
            loc = r["locations"][0]["physicalLocation"]
            region = loc["region"]
            assert loc["artifactLocation"]["uri"] == doc.name
            assert doc.suffix == ".txt" or "startColumn" not in region  # Markdown: the line alone
            if "snippet" in region:
                line = lines[region["startLine"] - 1]
                assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]
                located += 1
        assert located >= (doc.suffix == ".txt"), (
            "Apertium turns 'Tirana' into another word: names points at it"
        )
    assert ET.fromstring(render_junit(data).encode("utf-8")).get("tests") == str(len(data["segments"]))
    assert len(render_github(data).splitlines()) == len(log["runs"][0]["results"])


# --- integration samples -----------------------------------------------------------------------


def test_example_workflow_runs_check_and_uploads_sarif() -> None:
    yaml = pytest.importorskip("yaml")
    root = Path(__file__).parents[2]
    workflow = yaml.safe_load((root / "docs" / "github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["driftcheck"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "apertium-eng-spa" in runs and "pip install driftcheck" in runs
    check = next(s["run"].split() for s in steps if "driftcheck check" in s.get("run", ""))
    assert check[:2] == ["driftcheck", "check"]
    assert check[check.index("--format") + 1] == "sarif"
    sarif_file = check[check.index("--output") + 1]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == sarif_file == "driftcheck.sarif"
    assert workflow["permissions"]["security-events"] == "write"


def test_pre_commit_hook_declares_driftcheck() -> None:
    import re

    yaml = pytest.importorskip("yaml")
    manifest = Path(__file__).parents[2] / ".pre-commit-hooks.yaml"
    hooks = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    (hook,) = hooks
    assert (hook["id"], hook["language"], hook["entry"]) == ("driftcheck", "python", "driftcheck check")
    files = re.compile(hook["files"])
    assert [bool(files.search(p)) for p in ("docs/a.md", "b.txt", "c.markdown", "d.py", "e.md.bak")] == [
        True,
        True,
        True,
        False,
        False,
    ]


@pytest.mark.parametrize("fail_on", ["fail", "review", "never"])
def test_junit_failures_are_the_gates_decision(report: dict[str, Any], fail_on: str) -> None:
    """One rule: the testcases JUnit fails are exactly the segments the gate fails, at every level."""
    report["signature"]["fail_on"] = fail_on
    failed = {
        (c.get("classname"), c.get("name"))
        for c in junit(report).iter("testcase")
        if c.find("failure") is not None
    }
    paths = {d["index"]: d["path"] for d in report["documents"]}
    expected = {
        (paths[s["document"]], f"{s['id']} (line {s['line']})")
        for s in report["segments"]
        if fails(s["verdict"], fail_on)
    }
    assert failed == expected
    assert gate(report, fail_on=fail_on).passed == (not failed)
    assert {"fail": 2, "review": 3, "never": 0}[fail_on] == len(failed)
