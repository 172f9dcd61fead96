"""Calibrate the checks and the verdict on a labelled dev set, with Apertium as the engine.

    .venv/bin/python benchmarks/calibrate_checks.py [--data PATH] [--mode source|roundtrip] [--dump OUT.jsonl]

Source-aware mode (default): source = Spanish original, target = English translation,
forward = Apertium es->en of the source, back = Apertium en->es of the translation.
Round-trip mode: source = the English translation, target = its Apertium round trip
(en->es->en); the original is never seen, so this measures what a round trip alone can see.

Apertium runs ONE process per direction for the whole batch (texts joined with blank
lines, output split on blank lines, counts checked); outputs are cached under
benchmarks/.cache/. Prints per-category flag rates (flag = verdict review or fail), the
false-flag rates on correct translations (mt, reference) and on harmless edits (minor),
recall on shifted pairs and the ROC AUC of `drift`, with the time the checks took.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.checks import CheckInput, run_checks  # noqa: E402
from pipeline.checks.drift import similarities  # noqa: E402
from pipeline.core.verdict import drift, verdict  # noqa: E402
from pipeline.engines.apertium import ApertiumEngine  # noqa: E402
from pipeline.learn.metrics import roc_auc as shared_roc_auc  # noqa: E402
from pipeline.records import Flag, Verdict  # noqa: E402

DATA = Path("/work/shared/data/demetr-es-dev.jsonl")
CACHE = ROOT / "benchmarks" / ".cache"
Judged = tuple[list[Flag], Verdict, float]  # one pair's flags, verdict and drift


def apertium_batch(texts: list[str], src: str, tgt: str) -> list[str]:
    """Translate with the package's Apertium engine (one process for the batch), cached on disk by content hash."""
    uniq = sorted({" ".join(t.split()) or "." for t in texts})
    key = hashlib.sha256(("\x00".join(uniq) + src + tgt).encode()).hexdigest()[:16]
    path = CACHE / f"apertium-{src}-{tgt}-{key}.json"
    if path.exists():
        table: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    else:
        table = dict(zip(uniq, ApertiumEngine().translate(uniq, src, tgt).texts, strict=True))
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    return [table[" ".join(t.split()) or "."] for t in texts]


def roc_auc(pos: list[float], neg: list[float]) -> float:
    auc = shared_roc_auc(pos, neg)
    return float("nan") if auc is None else auc


def group(row: dict[str, object]) -> str:
    if row["label"] == "shifted":
        return "shifted"
    return "mt+reference" if row["severity"] is None else "minor"


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--mode", choices=["source", "roundtrip"], default="source")
    ap.add_argument("--dump", type=Path, help="write one JSON line per pair (flags, drift, verdict)")
    return ap.parse_args()


def engine_inputs(rows: list[dict[str, Any]], mode: str) -> list[CheckInput]:
    """The checks' inputs with Apertium's translations: back and forward, or the round trip."""
    src_lang, tgt_lang = rows[0]["src_lang"], rows[0]["tgt_lang"]
    sources = [r["source"] for r in rows]
    copies = [r["translation"] for r in rows]
    back = apertium_batch(copies, tgt_lang, src_lang)
    if mode == "source":
        forward = apertium_batch(sources, src_lang, tgt_lang)
        return [
            CheckInput(s, src_lang, c, tgt_lang, back=b, forward=f, mode="source")
            for s, c, b, f in zip(sources, copies, back, forward, strict=True)
        ]
    round_trip = apertium_batch(back, src_lang, tgt_lang)
    return [
        CheckInput(c, tgt_lang, rt, tgt_lang, mode="roundtrip")
        for c, rt in zip(copies, round_trip, strict=True)
    ]


def judge(inputs: list[CheckInput]) -> list[Judged]:
    out: list[Judged] = []
    for inp in inputs:
        flags = run_checks(inp)
        out.append((flags, verdict(flags), drift(inp, flags)))
    return out


def print_rates(args: argparse.Namespace, rows: list[dict[str, Any]], results: list[Judged]) -> None:
    """Flag rates per category and per group, the ROC AUC of drift, the checks behind the flags."""
    by_cat: dict[str, list[bool]] = defaultdict(list)
    by_group: dict[str, list[bool]] = defaultdict(list)
    check_hits: dict[str, Counter[str]] = defaultdict(Counter)
    pos: list[float] = []
    neg: list[float] = []
    for row, (flags, v, d) in zip(rows, results, strict=True):
        flagged = v != "ok"
        by_cat[str(row["category"])].append(flagged)
        by_group[group(row)].append(flagged)
        for name in {f.check for f in flags if f.severity in ("major", "critical")}:
            check_hits[group(row)][name] += 1
        (pos if row["label"] == "shifted" else neg).append(d)

    print(f"calibrate_checks: {args.data.name}, mode={args.mode}, {len(rows)} pairs")
    print(f"{'category':<20}{'label':<9}{'n':>5}{'flagged':>9}{'rate':>8}")
    order = sorted(by_cat, key=lambda c: (rows_label(rows, c), c))
    for cat in order:
        hits = by_cat[cat]
        print(f"{cat:<20}{rows_label(rows, cat):<9}{len(hits):>5}{sum(hits):>9}{sum(hits) / len(hits):>8.1%}")
    print()
    for g in ("mt+reference", "minor", "shifted"):
        hits = by_group[g]
        what = "recall" if g == "shifted" else "false flags"
        print(f"{g:<14}{what:<12}{sum(hits):>5}/{len(hits):<5}{sum(hits) / max(1, len(hits)):>8.1%}")
    print(f"ROC AUC of drift (shifted vs ok): {roc_auc(pos, neg):.3f}")
    for g in ("mt+reference", "minor", "shifted"):
        top = ", ".join(f"{k} {n}" for k, n in check_hits[g].most_common())
        print(f"checks firing (major/critical) on {g}: {top}")


def dump(out: Path, rows: list[dict[str, Any]], inputs: list[CheckInput], results: list[Judged]) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for row, inp, (flags, v, d) in zip(rows, inputs, results, strict=True):
            rec = {
                "id": row["id"],
                "category": row["category"],
                "label": row["label"],
                "verdict": v,
                "drift": round(d, 4),
                "source": inp.source,
                "target": inp.target,
                "forward": inp.forward,
                "back": inp.back,
                "flags": [[f.check, f.severity, f.message] for f in flags],
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main() -> None:
    args = parse_args()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    inputs = engine_inputs(rows, args.mode)
    t_engine = time.perf_counter() - t0

    # The score stage: sentence chrF per view, handed to the checks as the pipeline does.
    t1 = time.perf_counter()
    inputs = [replace(inp, options={f"chrf_{k}": v for k, v in similarities(inp).items()}) for inp in inputs]
    t_scores = time.perf_counter() - t1

    t2, c2 = time.perf_counter(), time.process_time()
    results = judge(inputs)
    t_checks, cpu_checks = time.perf_counter() - t2, time.process_time() - c2

    print_rates(args, rows, results)
    print(
        f"time: engine {t_engine:.2f}s (cached after the first run), chrF scores {t_scores:.2f}s, "
        f"checks+verdict {t_checks:.2f}s wall, {cpu_checks:.2f}s CPU ({1000 * cpu_checks / len(rows):.2f} ms/pair, "
        "first-use loading of word frequencies included)"
    )
    if args.dump:
        dump(args.dump, rows, inputs, results)


def rows_label(rows: list[dict[str, object]], cat: str) -> str:
    for r in rows:
        if r["category"] == cat:
            return str(r["label"])
    return ""


if __name__ == "__main__":
    main()
