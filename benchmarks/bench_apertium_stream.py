"""Apertium's stream state (pipeline/engines/apertium_stream.py): cost and effect of tagging every
text from a fresh tagger state, against the one `apertium -f none -u` process per batch used before.

Texts: the source round trip of a source-aware run on DEMETR es->en pairs (repeated, each
repetition k > 0 ending in " (k)", as benchmarks/bench_ray.py does): es->en of the sources, then
en->es of the copies and the forward outputs in one batch. Each way translates the whole list in
one engine call, in --shards consecutive calls (what Ray shards do) and in reverse order; the script
counts the texts whose translation differs from the whole-list call (0 means a translation does
not depend on the rest of its batch) and times the whole-list call (median of --repeat, the two
ways interleaved).

    .venv/bin/python benchmarks/bench_apertium_stream.py [--pairs 2000] [--shards 8] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "demetr-es-dev.jsonl"
sys.path.insert(0, str(ROOT))


def pairs(n: int) -> tuple[list[str], list[str]]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    src, copy = [], []
    for i in range(n):
        k, j = divmod(i, len(rows))
        tail = f" ({k})" if k else ""
        src.append(rows[j]["source"] + tail)
        copy.append(rows[j]["translation"] + tail)
    return src, copy


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from pipeline.engines import apertium, apertium_stream
    from pipeline.engines.apertium import ApertiumEngine

    src, copy = pairs(args.pairs)
    engine = ApertiumEngine()
    forward = engine.translate(src, "es", "en").texts
    back = list(dict.fromkeys(copy + forward))  # the back batch, de-duplicated as translate_route does
    by_stage = apertium_stream.pipeline

    def one_process(mode: str) -> apertium_stream.Pipeline:
        return apertium_stream.Pipeline(f"apertium -f none -u {mode}", None, "")

    ways: dict[str, Callable[[str], apertium_stream.Pipeline]] = {
        "one apertium process per batch (before)": one_process,
        "by stage, fresh tagger state per text (now)": by_stage,
    }
    times: dict[str, list[float]] = {name: [] for name in ways}
    differ: dict[str, tuple[int, int]] = {}
    for r in range(args.repeat):
        for name, way in ways.items():
            apertium.pipeline = way  # type: ignore[attr-defined,assignment]
            t0 = time.perf_counter()
            whole = engine.translate(back, "en", "es").texts
            times[name].append(time.perf_counter() - t0)
            if r == 0:
                size = -(-len(back) // args.shards)
                parts = [
                    out
                    for s in range(args.shards)
                    for out in engine.translate(back[s * size : (s + 1) * size], "en", "es").texts
                ]
                backwards = engine.translate(back[::-1], "en", "es").texts[::-1]
                differ[name] = (
                    sum(a != b for a, b in zip(whole, parts, strict=True)),
                    sum(a != b for a, b in zip(whole, backwards, strict=True)),
                )
    apertium.pipeline = by_stage  # type: ignore[attr-defined]
    print(
        f"{len(back)} distinct en->es texts ({args.pairs} pairs: copies and forward outputs), {args.shards} shards"
    )
    base = statistics.median(times[next(iter(ways))])
    for name in ways:
        t = statistics.median(times[name])
        in_shards, reversed_ = differ[name]
        print(
            f"{name:46s} {t:7.1f} s  x{t / base:4.2f}  differ from the whole list: in shards {in_shards}, reversed {reversed_}"
        )


if __name__ == "__main__":
    main()
