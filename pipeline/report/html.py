"""The HTML report for editors: one self-contained page rendered from the canonical JSON dict.

Everything the page needs is inline (CSS, JS, SVG); a Content-Security-Policy with hashes
of the page's own style and script blocks every request and every script that is not ours.
Text from the report only ever reaches the page through autoescaped Jinja2 expressions,
and reaches the script only through a JSON blob (`|tojson`), never through string building.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from typing import Any

import jinja2
from markupsafe import Markup

from .diff import highlight, overlay, spaced, word_diff

VERDICT_LABELS = {"ok": "OK", "review": "Review", "fail": "Fail"}
VERDICT_ORDER = ("fail", "review", "ok")
MODE_LABELS = {"roundtrip": "Round trip", "source": "Source-aware"}
HISTOGRAM_BINS = 10
_ANCHOR_BAD = re.compile(r"[^A-Za-z0-9._-]+")


@functools.cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _static(name: str) -> str:
    """A CSS or JS file from the templates folder, inlined verbatim (not rendered)."""
    loader = _env().loader
    assert loader is not None
    source, _, _ = loader.get_source(_env(), name)
    return source.strip("\n")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def render_html(data: dict[str, Any]) -> str:
    """Render the canonical report dict (pipeline.report.to_json.to_dict) as one HTML page."""
    css, noscript_css, js = _static("report.css"), _static("noscript.css"), _static("report.js")
    csp = (
        "default-src 'none'; base-uri 'none'; form-action 'none'; "
        f"style-src {_csp_hash(css)} {_csp_hash(noscript_css)}; script-src {_csp_hash(js)}"
    )
    view = build_view(data)
    template = _env().get_template("report.html.j2")
    return template.render(
        view=view,
        css=Markup(css),
        noscript_css=Markup(noscript_css),
        js=Markup(js),
        csp=csp,
        blob=view["blob"],
    )


# ---- view model: plain dicts the template walks; no HTML is built here ----


def anchor_for(document: int, seg_id: str) -> str:
    """Permalink id of a sentence, e.g. "d0-p3.s2"; anything odd in the id becomes "_"."""
    return f"d{int(document)}-" + (_ANCHOR_BAD.sub("_", str(seg_id)) or "_")


def segment_chrf(seg: dict[str, Any]) -> float | None:
    """The chrF an editor should look at: the worst round trip, or the back-translation vs source."""
    comparison = seg.get("comparison")
    if comparison:
        return float(comparison["back_scores"]["chrf"])
    values = [float(rt["scores"]["chrf"]) for rt in seg.get("round_trips", [])]
    return min(values) if values else None


def engine_facts(signature: dict[str, Any]) -> list[tuple[str, str]]:
    """A few (label, value) lines for the header: tool, engine, models, routes."""
    facts: list[tuple[str, str]] = []
    if signature.get("tool") or signature.get("version"):
        facts.append(("Tool", " ".join(str(signature[k]) for k in ("tool", "version") if signature.get(k))))
    engine = signature.get("engine")
    if isinstance(engine, dict):
        name = engine.get("engine") or engine.get("name") or "engine"
        facts.append(("Engine", f"{name} ({engine['version']})" if engine.get("version") else str(name)))
        for key in ("models", "modes", "pairs"):
            if engine.get(key):
                facts.append(("Models", flat(engine[key])))
                break
    elif engine:
        facts.append(("Engine", flat(engine)))
    if signature.get("models"):
        facts.append(("Models", flat(signature["models"])))
    if signature.get("routes"):
        facts.append(("Routes", flat(signature["routes"])))
    return facts


def flat(value: Any) -> str:
    """A compact one-line rendering of a signature value."""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {flat(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(flat(v) for v in value)
    return "" if value is None else str(value)


def build_view(data: dict[str, Any]) -> dict[str, Any]:
    """Everything the template shows, as plain dicts and lists (no markup)."""
    mode = str(data.get("mode", "roundtrip"))
    documents = list(data.get("documents", []))
    segments = list(data.get("segments", []))
    summary = data.get("summary") or {}
    verdicts = summary.get("verdicts") or {}
    signature = data.get("signature") or {}
    docs = {int(d["index"]): _doc_view(d, mode) for d in documents}
    views: list[dict[str, Any]] = []
    seen: set[str] = set()
    for order, seg in enumerate(segments):
        doc_index = int(seg.get("document", 0))
        doc = docs.get(doc_index) or docs.setdefault(doc_index, _doc_view({"index": doc_index}, mode))
        views.append(_segment_view(seg, doc, order, seen))
    for doc in docs.values():
        paragraphs: dict[int, list[dict[str, Any]]] = {}
        for v in views:
            if v["document"] == doc["index"]:
                paragraphs.setdefault(int(v["paragraph"] or 0), []).append(v)
        doc["paragraphs"] = [{"number": n, "segments": segs} for n, segs in sorted(paragraphs.items())]
    # What the script needs to filter and sort; text never goes to the script except inside "report".
    rows = [{k: v[k] for k in ("anchor", "verdict", "checks", "drift", "order")} for v in views]
    paths = [str(d.get("path", "")) for d in documents]
    return {
        "version": str(signature.get("version") or ""),
        "title": "driftcheck · " + (paths[0] if len(paths) == 1 else f"{len(paths)} documents"),
        "mode": mode,
        "mode_label": MODE_LABELS.get(mode, mode),
        "counts": [(v, VERDICT_LABELS[v], int(verdicts.get(v, 0))) for v in VERDICT_ORDER],
        "total": int(summary.get("segments", len(segments))),
        "flagged": int(summary.get("flagged", 0)),
        "worst": str(summary.get("worst", "ok")),
        "checks": sorted((summary.get("checks") or {}).items()),
        "facts": engine_facts(signature),
        "signature_json": json.dumps(signature, indent=2, ensure_ascii=False),
        "docs": [docs[k] for k in sorted(docs)],
        "strip": _strip(views),
        "histogram": _histogram(views),
        "blob": {"rows": rows, "report": data},
    }


def _scores_rows(scores: dict[str, Any], mode: str) -> list[dict[str, Any]]:
    """Corpus scores: per pivot in round-trip mode, "back"/"forward" in source-aware mode."""
    names = {"back": "Back-translation vs source", "forward": "Translation vs engine's translation"}
    out = []
    for name, s in scores.items():
        label = names[name] if mode == "source" and name in names else f"Round trip via {name}"
        out.append({"name": name, "label": label, "chrf": s["chrf"], "bleu": s["bleu"], "ter": s["ter"]})
    return out


def _doc_view(d: dict[str, Any], mode: str) -> dict[str, Any]:
    index = int(d.get("index", 0))
    counts = d.get("counts") or {}
    return {
        "index": index,
        "anchor": f"d{index}",
        "path": str(d.get("path", f"document {index}")),
        "lang": str(d.get("lang", "")),
        "source_path": d.get("source_path"),
        "source_lang": d.get("source_lang"),
        "counts": [(v, VERDICT_LABELS[v], int(counts.get(v, 0))) for v in VERDICT_ORDER],
        "scores": _scores_rows(d.get("scores") or {}, mode),
        "paragraphs": [],
    }


Piece = tuple[str, bool, str]  # ("" | "del" | "ins", marked by a check, text)


def _spans(flags: list[dict[str, Any]], field: str, pivot: str | None = None) -> list[tuple[Any, Any]]:
    """Spans of one field; "back" spans also match on their pivot when one is given."""
    return [
        (sp.get("start"), sp.get("end"))
        for f in flags
        for sp in f.get("spans", [])
        if sp.get("field") == field and (pivot is None or sp.get("pivot") in (None, pivot))
    ]


def _marked(text: str, spans: list[tuple[Any, Any]]) -> list[Piece]:
    return [("", marked, piece) for marked, piece in highlight(text, spans)]


def _diffed(old: str, new: str, spans: list[tuple[Any, Any]] | None = None) -> list[Piece]:
    """`new` diffed word by word against `old`, with the checks' spans (offsets into `new`) marked."""
    kinds = {"equal": "", "delete": "del", "insert": "ins"}
    pieces = spaced(overlay(word_diff(old, new), highlight(new, spans or [])))
    return [(kinds[op], marked, text) for op, marked, text in pieces]


def _cell(label: str, lang: str, pieces: list[Piece], scores: Any = None, note: str = "") -> dict[str, Any]:
    return {"label": label, "lang": lang, "pieces": pieces, "scores": scores, "note": note}


def _row(title: str, cells: list[dict[str, Any]], quiet: bool = False) -> dict[str, Any]:
    return {"title": title, "cells": cells, "quiet": quiet}


def _single_back(seg: dict[str, Any]) -> str | None:
    """Round-trip mode: the round trip that "text" spans point into (unknowable with several pivots)."""
    trips = seg.get("round_trips") or []
    return str(trips[0].get("back", "")) if len(trips) == 1 else None


def _roundtrip_rows(seg: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """Original | pivot text | round trip (diffed against the original), one row per pivot.

    In round-trip mode the checks compare the original ("text" spans) with each round
    trip ("back" spans carrying their pivot).
    """
    text, flags = str(seg.get("text", "")), list(seg.get("flags", []))
    rows = []
    for rt in seg.get("round_trips", []):
        pivot = str(rt.get("pivot", ""))
        back_spans = _spans(flags, "back", pivot)
        cells = [
            _cell(f"Original ({lang})", lang, _marked(text, _spans(flags, "text"))),
            _cell(f"Pivot text ({pivot})", pivot, [("", False, str(rt.get("forward", "")))]),
            _cell(
                f"Round trip ({lang})",
                lang,
                _diffed(text, str(rt.get("back", "")), back_spans),
                rt.get("scores"),
                "compared with the original",
            ),
        ]
        rows.append(_row(f"Round trip via {pivot}", cells))
    return rows


def _source_rows(seg: dict[str, Any], lang: str, source_lang: str) -> list[dict[str, Any]]:
    """Source | translation | back-translation | forward translation, and the engine's own noise."""
    comparison = seg.get("comparison")
    if not comparison:
        return []
    text, src, flags = str(seg.get("text", "")), str(seg.get("source") or ""), list(seg.get("flags", []))
    cells = [
        _cell(f"Source ({source_lang})", source_lang, _marked(src, _spans(flags, "source"))),
        _cell(f"Translation ({lang})", lang, _marked(text, _spans(flags, "text"))),
        _cell(
            f"Back-translation ({lang}→{source_lang})",
            source_lang,
            _diffed(src, str(comparison.get("back", ""))),
            comparison.get("back_scores"),
            "compared with the source",
        ),
        _cell(
            f"Forward translation ({source_lang}→{lang})",
            lang,
            _diffed(text, str(comparison.get("forward", ""))),
            comparison.get("forward_scores"),
            "compared with the translation",
        ),
    ]
    noise = _cell(
        f"Source round trip ({source_lang})",
        source_lang,
        _diffed(src, str(comparison.get("source_round_trip", ""))),
        comparison.get("source_round_trip_scores"),
    )
    return [
        _row("Source and translation", cells),
        _row("Engine noise: the source taken through the engine and back (never gated)", [noise], quiet=True),
    ]


def _segment_view(seg: dict[str, Any], doc: dict[str, Any], order: int, seen: set[str]) -> dict[str, Any]:
    anchor = anchor_for(doc["index"], str(seg.get("id", order)))
    while anchor in seen:
        anchor += "_"
    seen.add(anchor)
    text = str(seg.get("text", ""))
    flags = list(seg.get("flags", []))
    lang, source_lang = doc["lang"], str(doc.get("source_lang") or "")
    # The headline shows the published copy with what the checks found in it.
    text_pieces = _marked(text, _spans(flags, "text"))
    rows = _roundtrip_rows(seg, lang) + _source_rows(seg, lang, source_lang)
    verdict = str(seg.get("verdict", "ok"))
    verdict = verdict if verdict in VERDICT_LABELS else "review"
    return {
        "anchor": anchor,
        "id": str(seg.get("id", "")),
        "order": order,
        "document": doc["index"],
        "path": doc["path"],
        "line": seg.get("line"),
        "source_line": seg.get("source_line"),
        "paragraph": seg.get("paragraph"),
        "verdict": verdict,
        "label": VERDICT_LABELS[verdict],
        "drift": float(seg.get("drift", 0.0)),
        "chrf": segment_chrf(seg),
        "lang": lang,
        "text_pieces": text_pieces,
        "split": bool(seg.get("split")),
        "meta": sorted((seg.get("meta") or {}).items()),
        "checks": sorted({str(f.get("check", "")) for f in flags}),
        "flags": [_flag_view(f, seg, lang, source_lang) for f in flags],
        "evidence": [{"label": str(e.get("label", e.get("feature", "")))} for e in seg.get("evidence", [])],
        "rows": rows,
    }


def _flag_view(flag: dict[str, Any], seg: dict[str, Any], lang: str, source_lang: str) -> dict[str, Any]:
    """A flag with its message and the text its spans point into, the spans marked."""
    text = str(seg.get("text", ""))
    fields: list[tuple[str, str, str | None, str]]
    if seg.get("source") is not None:
        fields = [
            ("source", "in the source", str(seg["source"]), source_lang),
            ("text", "in the translation", text, lang),
        ]
    else:
        fields = [
            ("text", "in the original", text, lang),
            ("back", "in the round trip", _single_back(seg), lang),
        ]
    excerpts = []
    for field, where, body, field_lang in fields:
        spans = _spans([flag], field)
        if spans and body is not None:
            excerpts.append({"where": where, "lang": field_lang, "pieces": _marked(body, spans)})
    return {
        "check": str(flag.get("check", "")),
        "severity": str(flag.get("severity", "minor")),
        "message": str(flag.get("message", "")),
        "excerpts": excerpts,
    }


def _strip(views: list[dict[str, Any]]) -> dict[str, Any]:
    """Drift along the article: one bar per sentence, in reading order."""
    width, height = max(len(views), 1) * 10, 60
    bars = [
        {
            "x": i * 10 + 1,
            "height": round(max(v["drift"], 0.02) * height, 2),
            "y": round(height - max(v["drift"], 0.02) * height, 2),
            "verdict": v["verdict"],
            "anchor": v["anchor"],
            "title": f"{v['id']} · {v['label']} · drift {v['drift']:.2f}",
        }
        for i, v in enumerate(views)
    ]
    return {"width": width, "height": height, "bars": bars}


def _histogram(views: list[dict[str, Any]]) -> dict[str, Any]:
    """How many sentences fall in each chrF band of 10 points."""
    counts = [0] * HISTOGRAM_BINS
    for v in views:
        if v["chrf"] is not None:
            counts[min(int(v["chrf"] // 10), HISTOGRAM_BINS - 1)] += 1
    top = max(counts) or 1
    bar_w, height = 30, 80
    bins = [
        {
            "x": i * bar_w + 2,
            "width": bar_w - 4,
            "height": round(c / top * height, 2),
            "y": round(height - c / top * height, 2),
            "count": c,
            "range": f"{i * 10}–{(i + 1) * 10}",
            "band": "low" if i < 5 else ("mid" if i < 7 else "high"),
        }
        for i, c in enumerate(counts)
    ]
    return {"bins": bins, "width": bar_w * HISTOGRAM_BINS, "height": height, "any": any(counts)}
