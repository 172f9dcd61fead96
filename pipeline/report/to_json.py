"""The canonical JSON form of a Report. Every other output renders from this dict.

Same input and signature give byte-identical JSON: keys are written in a fixed order,
floats are rounded to 4 decimals, and nothing time-dependent is included.
"""

from __future__ import annotations

import json
from typing import Any

from ..records import (
    VERDICTS,
    DocumentResult,
    Evidence,
    Flag,
    Report,
    RoundTrip,
    Scores,
    SegmentResult,
    Semantic,
    SourceComparison,
    Span,
    evidence_label,
)


def _r(x: float) -> float:
    return round(float(x), 4)


def scores_dict(s: Scores) -> dict[str, float]:
    return {"chrf": _r(s.chrf), "bleu": _r(s.bleu), "ter": _r(s.ter)}


def span_dict(s: Span) -> dict[str, Any]:
    d: dict[str, Any] = {"field": s.field, "start": s.start, "end": s.end}
    if s.pivot is not None:
        d["pivot"] = s.pivot
    return d


def flag_dict(f: Flag) -> dict[str, Any]:
    return {
        "check": f.check,
        "severity": f.severity,
        "message": f.message,
        "spans": [span_dict(s) for s in f.spans],
    }


def evidence_dict(e: Evidence) -> dict[str, Any]:
    return {"feature": e.feature, "value": _r(e.value), "weight": _r(e.weight), "label": evidence_label(e)}


def round_trip_dict(rt: RoundTrip) -> dict[str, Any]:
    return {"pivot": rt.pivot, "forward": rt.forward, "back": rt.back, "scores": scores_dict(rt.scores)}


def comparison_dict(c: SourceComparison) -> dict[str, Any]:
    return {
        "back": c.back,
        "back_scores": scores_dict(c.back_scores),
        "forward": c.forward,
        "forward_scores": scores_dict(c.forward_scores),
        "source_round_trip": c.source_round_trip,
        "source_round_trip_scores": scores_dict(c.source_round_trip_scores),
    }


def _cos(x: float | None) -> float | None:
    return None if x is None else _r(x)


def semantic_dict(s: Semantic) -> dict[str, Any]:
    """Source-aware: source_copy, forward_copy, back_source; round trip: round_trips {pivot: cosine}."""
    if s.round_trips:
        return {"round_trips": {pivot: _cos(value) for pivot, value in s.round_trips}}
    return {
        "source_copy": _cos(s.source_copy),
        "forward_copy": _cos(s.forward_copy),
        "back_source": _cos(s.back_source),
    }


def segment_dict(r: SegmentResult) -> dict[str, Any]:
    s = r.segment
    d: dict[str, Any] = {
        "document": s.document,
        "id": s.id,
        "paragraph": s.paragraph,
        "sentence": s.sentence,
        "line": s.line,
        "text": s.text,
    }
    if s.source is not None:
        d["source"] = s.source
        d["source_line"] = s.source_line
    if s.meta:
        d["meta"] = dict(s.meta)
    if s.split:
        d["split"] = True
    d["round_trips"] = [round_trip_dict(rt) for rt in r.round_trips]
    if r.comparison is not None:
        d["comparison"] = comparison_dict(r.comparison)
    if r.semantic is not None:
        d["semantic"] = semantic_dict(r.semantic)
    d["drift"] = _r(r.drift)
    d["flags"] = [flag_dict(f) for f in r.flags]
    if r.evidence:  # calibrated verdicts: what weighed most (contributions to the log-odds)
        d["evidence"] = [evidence_dict(e) for e in r.evidence]
    d["verdict"] = r.verdict
    return d


def document_dict(d: DocumentResult) -> dict[str, Any]:
    out: dict[str, Any] = {"index": d.index, "path": d.path, "lang": d.lang}
    if d.source_path is not None or d.source_lang is not None:
        out["source_path"] = d.source_path
        out["source_lang"] = d.source_lang
    out["format"] = d.fmt
    out["scores"] = {k: scores_dict(v) for k, v in sorted(d.scores.items())}
    out["counts"] = {v: d.counts.get(v, 0) for v in VERDICTS}
    if d.units:
        out["units"] = dict(d.units)
    if d.warnings:
        out["warnings"] = list(d.warnings)
    return out


# What a round trip cannot see, said once in every report of that mode (terminal, HTML, Markdown).
ROUNDTRIP_NOTE = (
    "Round-trip mode cannot detect a wrong-but-fluent sentence (a fluent mistranslation comes back "
    "unchanged); --source ORIGINAL gives the real check."
)


def summarize(segments: list[dict[str, Any]], mode: str | None = None) -> dict[str, Any]:
    """Verdict counts, flags per check (baselined flags not counted), the worst verdict, and in
    round-trip mode the note on what that mode cannot see."""
    counts = {v: sum(s["verdict"] == v for s in segments) for v in VERDICTS}
    checks: dict[str, int] = {}
    for s in segments:
        for f in s["flags"]:
            if not f.get("baselined"):
                checks[f["check"]] = checks.get(f["check"], 0) + 1
    worst = next((v for v in reversed(VERDICTS) if counts[v]), "ok")
    out: dict[str, Any] = {
        "segments": len(segments),
        "verdicts": counts,
        "flagged": counts["review"] + counts["fail"],
        "checks": dict(sorted(checks.items())),
        "worst": worst,
    }
    if mode == "roundtrip":
        out["note"] = ROUNDTRIP_NOTE
    return out


def document_subset(data: dict[str, Any], index: int) -> dict[str, Any]:
    """The report of one document of a multi-document run (same signature, own summary)."""
    segments = [s for s in data["segments"] if s["document"] == index]
    docs = [d for d in data["documents"] if d["index"] == index]
    out = {**data, "documents": docs, "segments": segments, "summary": summarize(segments, data.get("mode"))}
    if "baselined" in data.get("summary", {}):
        out["summary"]["baselined"] = sum(f.get("baselined", False) for s in segments for f in s["flags"])
    return out


def to_dict(report: Report) -> dict[str, Any]:
    segments = [segment_dict(r) for r in report.segments]
    return {
        "schema_version": report.schema_version,
        "mode": report.mode,
        "signature": report.signature,
        "documents": [document_dict(d) for d in report.documents],
        "segments": segments,
        "summary": summarize(segments, report.mode),
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_json(data: dict[str, Any]) -> str:
    return dumps(data)
