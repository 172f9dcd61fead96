"""`driftcheck eval`: run the pipeline on labelled pairs and measure it.

Input: JSONL with `source`, `translation`, `label` (ok|shifted), `category`, `severity`
(the format of DEMETR-derived dev sets). A segment counts as flagged when its verdict
is review or fail. Reported: flag rate per category, false flags on correct translations
(label ok, no severity: MT and human reference) and on harmless edits (label ok, minor),
recall on shifted pairs, and the ROC AUC of `drift` (shifted vs ok).
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from .bilingual import read_pairs
from .config import Settings
from .engines.langs import check_lang
from .errors import InputError
from .read import atomic_write, decode_text, read_bytes
from .records import Segment, SegmentResult


def roc_auc(positives: list[float], negatives: list[float]) -> float | None:
    """Probability that a random positive scores above a random negative (ties count half)."""
    if not positives or not negatives:
        return None
    ranked = sorted([(x, 1) for x in positives] + [(x, 0) for x in negatives])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        avg_rank = (i + j + 1) / 2  # 1-based average rank of the tie group
        rank_sum += avg_rank * sum(lbl for _, lbl in ranked[i:j])
        i = j
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def group_of(meta: dict[str, str]) -> str:
    if meta.get("label") == "shifted":
        return "shifted"
    return "minor" if meta.get("severity") not in (None, "", "null") else "correct"


def measure(results: list[SegmentResult]) -> dict[str, Any]:
    by_cat: dict[str, list[SegmentResult]] = defaultdict(list)
    by_group: dict[str, list[SegmentResult]] = defaultdict(list)
    checks_on_ok: dict[str, int] = defaultdict(int)
    for r in results:
        meta = dict(r.segment.meta)
        by_cat[meta.get("category", "?")].append(r)
        grp = group_of(meta)
        by_group[grp].append(r)
        if grp != "shifted" and r.verdict != "ok":
            for f in {f.check for f in r.flags if f.severity in ("major", "critical")}:
                checks_on_ok[f] += 1

    def rate(rs: list[SegmentResult]) -> float:
        return sum(r.verdict != "ok" for r in rs) / len(rs) if rs else 0.0

    categories = {
        cat: {"label": dict(rs[0].segment.meta).get("label"), "n": len(rs), "flag_rate": round(rate(rs), 4)}
        for cat, rs in sorted(by_cat.items())
    }
    ok = by_group["correct"] + by_group["minor"]
    auc = roc_auc([r.drift for r in by_group["shifted"]], [r.drift for r in ok])
    return {
        "n": len(results),
        "false_flags_correct": round(rate(by_group["correct"]), 4),
        "false_flags_minor": round(rate(by_group["minor"]), 4),
        "recall_shifted": round(rate(by_group["shifted"]), 4),
        "drift_auc": None if auc is None else round(auc, 4),
        "categories": categories,
        "checks_flagging_ok": dict(sorted(checks_on_ok.items(), key=lambda kv: -kv[1])),
    }


def to_markdown(m: dict[str, Any], title: str) -> str:
    lines = [
        f"### {title}",
        "",
        f"- pairs: {m['n']}",
        f"- false flags on correct translations (MT + reference): **{m['false_flags_correct']:.1%}**",
        f"- false flags on harmless edits: **{m['false_flags_minor']:.1%}**",
        f"- recall on shifted pairs: **{m['recall_shifted']:.1%}**",
        f"- ROC AUC of drift (shifted vs ok): **{m['drift_auc']}**",
        "",
        "| category | label | n | flagged |",
        "|---|---|---:|---:|",
    ]
    cats = sorted(m["categories"].items(), key=lambda kv: (kv[1]["label"] != "shifted", kv[0]))
    for cat, c in cats:
        lines.append(f"| {cat} | {c['label']} | {c['n']} | {c['flag_rate']:.1%} |")
    if m["checks_flagging_ok"]:
        lines += [
            "",
            "Checks behind false flags: " + ", ".join(f"{k} {v}" for k, v in m["checks_flagging_ok"].items()),
        ]
    return "\n".join(lines) + "\n"


def load_labelled(path: str) -> list[Segment]:
    segments = read_pairs(decode_text(read_bytes(path), path), path, "jsonl", 0)
    for s in segments:
        if dict(s.meta).get("label") not in ("ok", "shifted"):
            raise InputError(f"{path}:{s.line}: 'label' must be ok or shifted")
    return segments


def run_eval(path: str, settings: Settings, mode: str, output: str) -> dict[str, Any]:
    from .engines import Engine
    from .roundtrip import run_roundtrip
    from .source_mode import job_from_segments, run_source
    from .timing import Timer
    from .verify import build_engine

    segments = load_labelled(path)
    meta = dict(segments[0].meta)
    settings.source_lang = check_lang(settings.source_lang or meta.get("src_lang", ""), "source language")
    settings.lang = check_lang(settings.lang if settings.lang != "en" else meta.get("tgt_lang", "en"))
    timer = Timer()
    t0 = time.perf_counter()
    engine: Engine
    if mode == "source":
        engine = build_engine(settings, [settings.lang, settings.source_lang])
        results, _, _ = run_source([job_from_segments(0, segments)], engine, settings, timer)
    else:
        # each translation is its own one-sentence article (document), as a reader would meet it
        copies = [Segment(s.id, i, s.paragraph, 1, s.line, s.text, meta=s.meta) for i, s in enumerate(segments)]
        engine = build_engine(settings, [settings.lang, settings.pivots[0] if settings.pivots else "es"])
        results, _, _ = run_roundtrip(copies, engine, settings, timer)
    m = measure(results)
    m.update(
        mode=mode,
        engine=engine.signature(),
        seconds=round(time.perf_counter() - t0, 2),
        stages={k: round(v, 2) for k, v in timer.stages.items()},
        input=path,
    )
    md = to_markdown(m, f"driftcheck eval: {Path(path).name}, mode {mode}, engine {engine.name}")
    out = Path(output)
    atomic_write(out / "eval.json", json.dumps(m, indent=2, ensure_ascii=False) + "\n")
    atomic_write(out / "eval.md", md)
    sys.stdout.write(md)
    sys.stdout.write(f"\nwritten: {out / 'eval.json'}, {out / 'eval.md'}\n")
    return m
