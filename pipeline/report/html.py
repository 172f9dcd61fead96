"""The HTML report for editors: one self-contained page rendered from the canonical JSON dict.

Everything the page needs is inline (CSS, JS, SVG); a Content-Security-Policy with hashes
of the page's own style and script blocks every request and every script that is not ours.
Text from the report only ever reaches the page through autoescaped Jinja2 expressions,
and reaches the script only through a JSON blob (`|tojson`), never through string building.

The sentence rows and their detail panels are built by the page's script from that blob
(on demand, in batches), so a 20,000-sentence report stays small and fast: the page is the
report's JSON plus a compact per-row record (rows.py: reason, folded flags, marks as
offsets, diffs as offset runs) and the summary around it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Any

from markupsafe import Markup

from ..records import MODE_LABELS, VERDICT_ORDER, encoder_left_out
from ..terminal import inert
from ..words import ARTICLES
from .rows import diffs, marks, span_texts, summarise_flags
from .templating import environment, static

VERDICT_LABELS = {"ok": "OK", "review": "Review", "fail": "Fail"}
HISTOGRAM_BINS = 10
STRIP_BINS = 120  # at most this many regions in the drift strip, however long the input
NOSCRIPT_ISSUES = 2000  # rows of the issue table written into the page for readers without script
_ANCHOR_BAD = re.compile(r"[^A-Za-z0-9._-]+")


def _static(name: str) -> str:
    """A CSS or JS file from the templates folder, inlined verbatim (not rendered)."""
    return static(name).strip("\n")


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
    template = environment().get_template("report.html.j2")
    return template.render(
        view=view,
        css=Markup(css),
        noscript_css=Markup(noscript_css),
        js=Markup(js),
        csp=csp,
        blob=view["blob"],
    )


def _inert_all(value: Any) -> Any:
    """Every string of a view value with its control characters shown (`terminal.inert`): the page
    shows check names, signature fields and notes as well as texts, and a report edited by hand
    put raw ESC, NUL and U+202E into its markup. The script's rows too (their check names meet the
    filters'); the report in its blob stays as it is (the script shows its texts the same way)."""
    if isinstance(value, str):
        return inert(value)
    if isinstance(value, dict):
        return {_inert_all(k): _inert_all(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_inert_all(v) for v in value)
    return value


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
    """A few (label, value) lines for the header: tool, engine, models, routes, and the language
    pairs the calibration was trained on (a reader of copy between other languages sees it)."""
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
    calibration = signature.get("calibration")
    if isinstance(calibration, dict) and calibration.get("trained_on"):  # what its drift was measured on
        untrained = calibration.get("not_trained_for")
        encoder = ": drift without the sentence encoder there" if encoder_left_out(signature) else ""
        beside = f" (not for {flat(untrained)}{encoder})" if untrained else ""
        facts.append(("Calibration trained on", flat(calibration["trained_on"]) + beside))
    return facts


def flat(value: Any) -> str:
    """A compact one-line rendering of a signature value."""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {flat(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(flat(v) for v in value)
    return "" if value is None else str(value)


def report_key(data: dict[str, Any]) -> str:
    """What the browser keys review decisions by: the run's signature and its documents' paths."""
    basis = json.dumps(
        {
            "signature": data.get("signature") or {},
            "paths": [d.get("path") for d in data.get("documents", [])],
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def build_view(data: dict[str, Any]) -> dict[str, Any]:
    """Everything the template shows, as plain dicts and lists (no markup), and the script's blob."""
    mode = str(data.get("mode", "roundtrip"))
    documents = list(data.get("documents", []))
    segments = list(data.get("segments", []))
    summary = data.get("summary") or {}
    verdicts = summary.get("verdicts") or {}
    signature = data.get("signature") or {}
    docs = {int(d["index"]): _doc_view(d, mode) for d in documents}
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for order, seg in enumerate(segments):
        doc_index = int(seg.get("document", 0))
        doc = docs.get(doc_index) or docs.setdefault(doc_index, _doc_view({"index": doc_index}, mode))
        rows.append(_row_data(seg, doc, order, seen, ARTICLES))
    sentences_per_check: dict[str, int] = {}
    for row in rows:
        for check in row["checks"]:
            sentences_per_check[check] = sentences_per_check.get(check, 0) + 1
    notes = sum(1 for r in rows if r["kind"] == "note")
    paths = [str(d.get("path", "")) for d in documents]
    view: dict[str, Any] = {
        "version": str(signature.get("version") or ""),
        # the tab's title has no element to isolate a file name's U+202E in: named, and its control
        # characters shown as pictures (ESC as ␛, `_inert_all` below), as in the terminal
        "title": "driftcheck · " + (paths[0] if len(paths) == 1 else f"{len(paths)} documents"),
        "mode": mode,
        "mode_label": MODE_LABELS.get(mode, mode),
        "counts": [(v, VERDICT_LABELS[v], int(verdicts.get(v, 0))) for v in VERDICT_ORDER],
        "total": int(summary.get("segments", len(segments))),
        "flagged": int(summary.get("flagged", 0)),
        "notes": notes,
        "baselined": int(summary.get("baselined", 0) or 0),
        "worst": str(summary.get("worst", "ok")),
        "note": str(summary.get("note") or ""),  # round-trip mode: what it cannot see
        "checks": [
            (name, int(n), sentences_per_check.get(name, 0))
            for name, n in sorted((summary.get("checks") or {}).items())
        ],
        "facts": engine_facts(signature),
        "signature_json": json.dumps(signature, indent=2, ensure_ascii=False),
        "docs": [docs[k] for k in sorted(docs)],
        "strip": _strip(rows),
        "histogram": _histogram(rows),
        "issues": _noscript_issues(segments, rows),
        "blob": {"key": report_key(data), "rows": rows, "report": data},
    }
    # every string shown made inert here, once (a raw control is an HTML parse error); the report in
    # the script's blob stays as it is
    inert_view = {k: v if k == "blob" else _inert_all(v) for k, v in view.items()}
    inert_view["blob"] = {k: v if k == "report" else _inert_all(v) for k, v in view["blob"].items()}
    return inert_view


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
        "source_path": None if d.get("source_path") is None else str(d["source_path"]),
        "source_lang": d.get("source_lang"),
        "counts": [(v, VERDICT_LABELS[v], int(counts.get(v, 0))) for v in VERDICT_ORDER],
        "scores": _scores_rows(d.get("scores") or {}, mode),
    }


def _row_data(
    seg: dict[str, Any], doc: dict[str, Any], order: int, seen: set[str], articles: dict[str, frozenset[str]]
) -> dict[str, Any]:
    """The compact record the script renders one row (and, on demand, its panel) from."""
    anchor = anchor_for(doc["index"], str(seg.get("id", order)))
    if anchor.endswith("-panel"):  # the script names a row's detail panel <anchor>-panel
        anchor += "_"
    while anchor in seen:
        anchor += "_"
    seen.add(anchor)
    verdict = str(seg.get("verdict", "ok"))
    verdict = verdict if verdict in VERDICT_LABELS else "review"
    flags = list(seg.get("flags", []))
    chrf = segment_chrf(seg)
    return {
        "anchor": anchor,
        "verdict": verdict,
        "checks": sorted({str(f.get("check", "")) for f in flags if not f.get("baselined")}),
        "drift": float(seg.get("drift", 0.0)),
        "chrf": None if chrf is None else round(chrf, 1),
        "order": order,
        **summarise_flags(seg, verdict),
        "marks": marks(seg),
        "diffs": diffs(seg, articles, doc["lang"], str(doc.get("source_lang") or "")),
    }


def _strip(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Drift along the input in at most STRIP_BINS regions: the worst drift and verdict of each."""
    n = len(rows)
    count = min(n, STRIP_BINS)
    bins: list[dict[str, Any]] = []
    for k in range(count):
        lo, hi = k * n // count, (k + 1) * n // count
        part = rows[lo:hi]
        worst = max(part, key=lambda r: (VERDICT_ORDER[::-1].index(r["verdict"]), r["drift"]))
        drift = max(r["drift"] for r in part)
        flagged = sum(1 for r in part if r["verdict"] != "ok")
        bins.append(
            {"lo": lo, "hi": hi, "drift": round(drift, 3), "verdict": worst["verdict"], "flagged": flagged}
        )
    width = max(count, 1) * 10
    height = 60
    for i, bar in enumerate(bins):
        h = round(max(bar["drift"], 0.03) * height, 2)
        bar.update({"x": i * 10 + 1, "y": round(height - h, 2), "height": h})
    return {"bins": bins, "width": width, "height": height, "per_bin": 1 if n <= STRIP_BINS else None}


def _histogram(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """How many sentences fall in each chrF band of 10 points."""
    counts = [0] * HISTOGRAM_BINS
    for r in rows:
        if r["chrf"] is not None:
            counts[min(int(r["chrf"] // 10), HISTOGRAM_BINS - 1)] += 1
    top = max(counts) or 1
    bins = [
        {
            "lo": i * 10,
            "hi": (i + 1) * 10,
            "count": c,
            "pct": round(c / top * 100, 1),
            "band": "low" if i < 5 else ("mid" if i < 7 else "high"),
        }
        for i, c in enumerate(counts)
    ]
    return {"bins": bins, "any": any(counts)}


def _noscript_issues(segments: list[dict[str, Any]], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The issue table for readers without script: one row per flag, grouped by check (capped)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    total = 0
    for seg, row in zip(segments, rows, strict=True):
        for flag in seg.get("flags", []):
            total += 1
            if total > NOSCRIPT_ISSUES:
                continue
            source_side = ("source",) if seg.get("source") is not None else ()
            text_side = ("text",) if seg.get("source") is not None else ("text", "back")
            groups.setdefault(str(flag.get("check", "")), []).append(
                {
                    "anchor": row["anchor"],
                    "id": str(seg.get("id", "")),
                    "verdict": row["verdict"],
                    "label": VERDICT_LABELS[row["verdict"]],
                    "severity": str(flag.get("severity", "")),
                    "message": str(flag.get("message", "")),
                    "source": " · ".join(span_texts(seg, flag, source_side)) if source_side else "",
                    "text": " · ".join(span_texts(seg, flag, text_side)),
                }
            )
    return {"groups": sorted(groups.items()), "total": total, "shown": min(total, NOSCRIPT_ISSUES)}
