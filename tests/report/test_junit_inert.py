"""JUnit XML keeps untrusted text inert: control characters shown as pictures, as the terminal and
Markdown show them, and every attribute (testcase names, classnames, paths) one line."""

from __future__ import annotations

import copy
from typing import Any

from pipeline.report.junit import render_junit
from tests.report.test_report_ci import junit, report, segment

__all__ = ["report"]  # the fixture, shared with test_report_ci.py


def test_junit_shows_control_characters_as_pictures_so_the_xml_parses(report: dict[str, Any]) -> None:
    """Also DEL and C1 (CSI is 0x9b: some terminals obey it; CI logs print these reports), and a
    right-to-left override is named, not left to reorder the line. They were dropped without a
    trace (`The colour \x1b[31mred` read `The colour [31mred`), where Markdown and the terminal
    show the control pictures."""
    report = copy.deepcopy(report)
    seg = segment(report, 0, "p3.s1")
    assert "\x07" in seg["text"] and "\x1b" in seg["flags"][0]["message"]
    seg["flags"][0]["message"] += " \x7f\x9b31m \u202eevil"
    seg["text"] = "The colour \x1b[31mred\x1b[0m and\x07 more."
    text = render_junit(report)
    assert not any(c in text for c in "\x07\x1b\x7f\x9b\u202e") and "[U+202E]evil" in text
    case = next(c for c in junit(report).iter("testcase") if c.get("name") == "p3.s1 (line 6)")
    out = case.find("system-out")
    assert out is not None
    assert (out.text or "").splitlines() == [
        "verdict ok (gate: --fail-on fail)",
        "[minor] names: \u2407Ashraf-3 spelled differently\u241b \u2421\ufffd31m [U+202E]evil",
        "text: The colour \u241b[31mred\u241b[0m and\u2407 more.",
        *(out.text or "").splitlines()[3:],
    ]


def test_junit_names_and_classnames_are_one_line(report: dict[str, Any]) -> None:
    """A unit id `x1\n::error file=evil.py,line=1::pwned` made a testcase name holding a raw
    newline (`&#10;` in the XML): a viewer printing names started a line with `::error`."""
    report = copy.deepcopy(report)
    segment(report, 0, "p2.s1")["id"] = "x1\n::error file=evil.py,line=1::pwned"
    report["documents"][0]["path"] = "docs/a\r\n::warning::b.md"
    text = render_junit(report)
    assert "&#10;" not in text and "&#13;" not in text
    root = junit(report)
    names = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert (
        "docs/a\u240d\u240a::warning::b.md",
        "x1\u240a::error file=evil.py,line=1::pwned (line 3)",
    ) in names
    assert root.findall("testsuite")[0].get("name") == "docs/a\u240d\u240a::warning::b.md"
    assert not any(line.lstrip().startswith(("::", "##[")) for line in text.splitlines())
