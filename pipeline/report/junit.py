"""JUnit XML: a <testsuite> per document, a <testcase> per segment.

classname = the document's path, name = "<segment id> (line N)"; `file` and `line` attributes
are set too (GitLab, Jenkins and most viewers link them).

A testcase is a <failure> when the gate's rule (`gate.fails`, the only pass/fail rule) fails its
verdict at the report's `--fail-on` level (read from the report signature; "fail" when absent),
so the test view agrees with the exit code. The failure's `type` is the verdict ("fail" or "review"), its `message` the reasons
(`check: message; ...`) and its text the reasons with severities, the sentence, its source and
the round trips. A "review" below the gate stays a passing testcase and its reasons go to
<system-out>, where a reader still sees them. Flags accepted by a baseline are listed as
"(baselined)" and never make a testcase fail on their own.

Untrusted text is shown as the terminal shows it (`terminal.inert`): control characters as their
control pictures (ESC -> ␛, DEL -> ␡; they were dropped, and `\x1b[31mred` read `[31mred`), C1
controls as U+FFFD, right-to-left overrides named ([U+202E]). Attributes (testcase names and
classnames, paths, messages) are one line (`terminal.one_line`: a newline is ␊), so a viewer that
prints a name never starts a line with what followed a newline in a unit id (`::error …`).
Noncharacters are named ([U+FFFE]; XML 1.0 cannot carry U+FFFE/U+FFFF), lone surrogates dropped;
ElementTree escapes the rest.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from pipeline.formats.xmlsafe import xml_safe
from pipeline.report.baseline import document_paths
from pipeline.report.gate import fails, gate_of
from pipeline.terminal import inert, one_line


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: object) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: xml_safe(one_line(str(v))) for k, v in attrs.items()})
    if text is not None:
        el.text = xml_safe(inert(text))
    return el


def _reason(flag: dict[str, Any]) -> str:
    tag = " (baselined)" if flag.get("baselined") else ""
    return f"[{flag['severity']}] {flag['check']}: {flag['message']}{tag}"


def _details(seg: dict[str, Any]) -> str:
    lines = [_reason(f) for f in seg.get("flags", [])] or [f"verdict {seg['verdict']}"]
    lines.append(f"text: {seg.get('text', '')}")
    if seg.get("source") is not None:
        lines.append(f"source: {seg['source']}")
    for rt in seg.get("round_trips", []):
        lines.append(f"round trip via {rt['pivot']}: {rt['back']}")
    comp = seg.get("comparison")
    if comp:
        lines.append(f"back-translation: {comp['back']}")
    lines.append(f"drift: {seg.get('drift', 0)}")
    return "\n".join(lines)


def _testcase(suite: ET.Element, seg: dict[str, Any], path: str, fail_on: str) -> bool:
    case = _el(
        suite,
        "testcase",
        classname=path,
        name=f"{seg['id']} (line {seg['line']})",
        file=path,
        line=seg["line"],
    )
    active = [f for f in seg.get("flags", []) if not f.get("baselined")]
    if fails(seg["verdict"], fail_on):
        message = "; ".join(f"{f['check']}: {f['message']}" for f in active) or f"verdict {seg['verdict']}"
        _el(case, "failure", _details(seg), type=seg["verdict"], message=message)
        return True
    if seg.get("flags") or seg["verdict"] != "ok":
        _el(case, "system-out", f"verdict {seg['verdict']} (gate: --fail-on {fail_on})\n{_details(seg)}")
    return False


def to_junit(data: dict[str, Any]) -> ET.Element:
    fail_on = str(data.get("signature", {}).get("fail_on") or "fail")
    paths = document_paths(data)
    root = ET.Element("testsuites", {"name": "driftcheck"})
    total = failures = 0
    docs = list(data.get("documents", []))
    known = set(paths)
    orphans = sorted({int(s["document"]) for s in data.get("segments", [])} - known)
    docs += [{"index": i, "path": f"document-{i}", "lang": ""} for i in orphans]
    for doc in docs:
        path = str(doc["path"])
        mine = [s for s in data.get("segments", []) if int(s["document"]) == int(doc["index"])]
        suite = _el(root, "testsuite", name=path, tests=len(mine), failures=0, errors=0, skipped=0)
        props = _el(suite, "properties")
        _el(props, "property", name="lang", value=doc.get("lang", ""))
        _el(props, "property", name="mode", value=data.get("mode", ""))
        _el(props, "property", name="fail_on", value=fail_on)
        for name, sc in sorted(doc.get("scores", {}).items()):
            _el(props, "property", name=f"chrf.{name}", value=sc.get("chrf", ""))
        failed = sum(_testcase(suite, seg, path, fail_on) for seg in mine)
        suite.set("failures", str(failed))
        total += len(mine)
        failures += failed
    limits = gate_of(data).limits
    if limits:  # --max-flagged, --min-chrf: the run failed though no sentence did
        suite = _el(
            root,
            "testsuite",
            name="driftcheck gate",
            tests=len(limits),
            failures=len(limits),
            errors=0,
            skipped=0,
        )
        for reason in limits:
            case = _el(suite, "testcase", classname="driftcheck gate", name=reason)
            _el(case, "failure", reason, message=reason, type="gate")
        total, failures = total + len(limits), failures + len(limits)
    for k, v in (("tests", total), ("failures", failures), ("errors", 0), ("skipped", 0)):
        root.set(k, str(v))
    return root


def render_junit(data: dict[str, Any]) -> str:
    root = to_junit(data)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
