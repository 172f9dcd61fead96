"""SARIF 2.1.0 (the format GitHub code scanning and most CI dashboards read).

One run; `tool.driver.rules` holds one rule per check (every registered check plus any check
that flagged something), each result is one flag: ruleId = check name, level from the
severity (critical -> error, major -> warning, minor/info -> note), the file as a relative
URI with forward slashes and the segment's line as `region.startLine`.

Columns are given for plain-text documents only. The canonical report keeps a sentence's start
line but not its column. In a plain-text file a sentence is placed at column 1 when it starts
its paragraph, or right after the previous sentence (plus one space) when both start on the
same line; otherwise no column is given. A span that points into the copy's sentence (field
"text", in both modes) then adds its offset; spans into round trips or the original get no
column. In every other format the text does not stand at a column the report can know (JSON
keys, `msgstr "`, a Markdown marker or a link before it: the columns used to point at those),
so a region there is its line. `region.snippet` carries the flagged words where a column does.

`partialFingerprints` carries the baseline key (pipeline/baseline.py), so code scanning tracks
an alert across edits that move the sentence. Flags accepted by a baseline are kept, with an
external suppression and `baselineState: "unchanged"`; other flags get `"new"` when a baseline
was applied.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline.formats import UNIT_FORMATS
from pipeline.report.baseline import flag_key, iter_flags, located
from pipeline.report.gate import gate_of

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "driftcheckFlag/v1"
BASELINE_JUSTIFICATION = "accepted in the driftcheck baseline"
LEVELS = {"critical": "error", "major": "warning", "minor": "note", "info": "note"}


def level(severity: str) -> str:
    return LEVELS.get(severity, "warning")


def artifact_uri(path: str) -> str:
    """A relative URI with forward slashes (`located`); file:// for a file outside the repository or
    the working directory."""
    p = located(path)
    return Path(p).as_uri() if Path(p).is_absolute() else quote(p, safe="/")


def sentence_columns(data: dict[str, Any]) -> dict[tuple[int, str], int]:
    """1-based column where each segment's text starts on its line, for plain-text documents (see
    module doc). Elsewhere the text is not where it stands in the file (JSON keys, `msgstr "`, a
    Markdown marker or link before it), and a column would point at the wrong characters: those
    regions carry the line alone."""
    plain = {int(d["index"]) for d in data.get("documents", []) if d.get("format", "text") == "text"}
    cols: dict[tuple[int, str], int] = {}
    prev: dict[tuple[int, int], tuple[dict[str, Any], int | None]] = {}
    for seg in data.get("segments", []):
        if not seg.get("text") or int(seg["document"]) not in plain:
            continue
        para = (int(seg["document"]), int(seg["paragraph"]))
        before = prev.get(para)
        col: int | None = None
        if int(seg["sentence"]) == 1:
            col = 1
        elif before is not None and before[1] is not None and before[0]["line"] == seg["line"]:
            col = before[1] + len(before[0]["text"]) + 1
        prev[para] = (seg, col)
        if col is not None:
            cols[(int(seg["document"]), str(seg["id"]))] = col
    return cols


def copy_field(mode: str) -> str:
    """The span field that points into the published copy, i.e. into the checked file.

    In both modes "text" is the segment's text (the copy); "source" is the original and
    "back" a round trip, neither of which has a place in the checked file.
    """
    return "text"


def flag_region(
    seg: dict[str, Any], flag: dict[str, Any], cols: dict[tuple[int, str], int], mode: str
) -> dict[str, Any]:
    """startLine (exact) and, for a span in the copy's sentence, approximate columns and a snippet."""
    region: dict[str, Any] = {"startLine": max(1, int(seg["line"]))}
    text = seg.get("text") or ""
    field = copy_field(mode)
    spans = [
        s
        for s in flag.get("spans", [])
        if s.get("field") == field and 0 <= int(s["start"]) <= int(s["end"]) <= len(text)
    ]
    start_col = cols.get((int(seg["document"]), str(seg["id"])))
    if spans and start_col is not None:
        s = spans[0]
        region["startColumn"] = start_col + int(s["start"])
        if int(s["end"]) > int(s["start"]):
            region["endColumn"] = start_col + int(s["end"])
            region["snippet"] = {"text": text[int(s["start"]) : int(s["end"])]}
    return region


def rule_catalogue() -> dict[str, tuple[str, str]]:
    """check name -> (title, default severity) from the check registry and the checks the aligner
    and the judge raise (`checks.BUILT_IN`)."""
    from pipeline import checks

    try:
        registry = checks.load_all()
    except ImportError:  # a check module that cannot load must not stop a report from rendering
        registry = checks.REGISTRY
    built_in: dict[str, tuple[str, str]] = {
        name: (c.title, c.severity) for name, c in checks.BUILT_IN.items()
    }
    return built_in | {name: (spec.title, spec.severity) for name, spec in registry.items()}


def _rules(data: dict[str, Any]) -> list[dict[str, Any]]:
    catalogue = rule_catalogue()
    seen: dict[str, str] = {}
    for _, flag, _ in iter_flags(data):
        seen.setdefault(flag["check"], flag["severity"])
    configured = data.get("signature", {}).get("checks", {})
    names = sorted(set(catalogue) | set(seen) | (set(configured) if isinstance(configured, dict) else set()))
    rules = []
    for name in names:
        title, severity = catalogue.get(name, (f"driftcheck check '{name}'", ""))
        severity = severity or seen.get(name, "major")
        rules.append(
            {
                "id": name,
                "name": name,
                "shortDescription": {"text": title},
                "defaultConfiguration": {"level": level(severity)},
                "properties": {"severity": severity, "tags": ["translation", "driftcheck"]},
            }
        )
    return rules


def _result(
    seg: dict[str, Any],
    flag: dict[str, Any],
    path: str,
    rule_index: dict[str, int],
    cols: dict[tuple[int, str], int],
    doc: dict[str, Any] | None,
    baseline_applied: bool,
    mode: str,
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": flag["check"],
        "ruleIndex": rule_index[flag["check"]],
        "level": level(flag["severity"]),
        "message": {"text": flag.get("message") or flag["check"]},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(path)},
                    "region": flag_region(seg, flag, cols, mode),
                }
            }
        ],
        "partialFingerprints": {
            FINGERPRINT: flag_key(seg, flag, path, (doc or {}).get("format") in UNIT_FORMATS)
        },
        "properties": {
            "segment": seg["id"],
            "severity": flag["severity"],
            "verdict": seg["verdict"],
            "drift": seg.get("drift", 0.0),
        },
    }
    source_path = (doc or {}).get("source_path")
    if source_path and seg.get("source_line"):
        result["relatedLocations"] = [
            {
                "id": 1,
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(source_path)},
                    "region": {"startLine": max(1, int(seg["source_line"]))},
                },
                "message": {"text": "the source sentence"},
            }
        ]
    if flag.get("baselined"):
        result["baselineState"] = "unchanged"
        result["suppressions"] = [{"kind": "external", "justification": BASELINE_JUSTIFICATION}]
    elif baseline_applied:
        result["baselineState"] = "new"
    return result


def _invocation(data: dict[str, Any]) -> dict[str, Any]:
    """The run: it executed (not successfully where an input could not be read); a gate that failed
    on a limit (--max-flagged, --min-chrf) or an unread input, which no result stands for, is an
    error notification."""
    result = gate_of(data)
    notes = [
        {
            "level": "error",
            "message": {"text": f"gate failed: {reason}"},
            "descriptor": {"id": "driftcheck/gate"},
        }
        for reason in result.limits
    ]
    ran = not result.unread
    return {"executionSuccessful": ran, **({"toolExecutionNotifications": notes} if notes else {})}


def to_sarif(data: dict[str, Any]) -> dict[str, Any]:
    rules = _rules(data)
    rule_index = {r["id"]: i for i, r in enumerate(rules)}
    cols = sentence_columns(data)
    docs = {int(d["index"]): d for d in data.get("documents", [])}
    baseline_applied = "baselined" in data.get("summary", {})
    mode = str(data.get("mode", "roundtrip"))
    results = [
        _result(seg, flag, path, rule_index, cols, docs.get(int(seg["document"])), baseline_applied, mode)
        for seg, flag, path in iter_flags(data)
    ]
    driver: dict[str, Any] = {"name": "driftcheck", "rules": rules}
    version = data.get("signature", {}).get("version")
    if isinstance(version, str) and version:
        driver["version"] = version
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [_invocation(data)],
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"mode": data.get("mode"), "summary": data.get("summary", {})},
            }
        ],
    }


def render_sarif(data: dict[str, Any]) -> str:
    return json.dumps(to_sarif(data), ensure_ascii=False, indent=2) + "\n"
