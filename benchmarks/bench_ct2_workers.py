"""How the ct2 engine should use the CPU: one batch at a time on all threads, or two batches at
once on one thread each (CTranslate2's inter_threads)? Same models, same sentences, one process.

    .venv/bin/python benchmarks/bench_ct2_workers.py [--sentences 300] [--fixed-len 32] [--repeat 2]

Uses the random-weight opus-mt-en-de-shaped models that benchmarks/bench_engines.py builds
(run that once first). Each configuration round-trips the sentences en->de->en through
length-sorted batches (pipeline.engines.spm_split.plan_batches, as the engine does); the
configurations take turns, `--repeat` rounds, and the mean round trips/s of each is printed
with its ratio to the first (the layout the engine used before: one worker, batches of 32).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import engine_stages as stages  # noqa: E402

from pipeline.engines import models  # noqa: E402
from pipeline.engines.spm_split import plan_batches  # noqa: E402

# (label, inter_threads, intra_threads, batch size, queue every batch at once)
CONFIGS = [
    ("1 worker x 2 threads, batch 32", 1, 2, 32, False),
    ("2 workers x 1 thread, batch 16", 2, 1, 16, True),
    ("2 workers x 1 thread, batch 24", 2, 1, 24, True),
    ("2 workers x 1 thread, batch 32", 2, 1, 32, True),
]


def load(inter: int, intra: int) -> dict[tuple[str, str], Any]:
    import ctranslate2
    import sentencepiece

    loaded = {}
    for src, tgt in stages.DIRECTIONS:
        folder = stages.MODELS / f"opus-mt-{src}-{tgt}-ct2"
        loaded[(src, tgt)] = (
            ctranslate2.Translator(
                str(folder), device="cpu", compute_type="int8", inter_threads=inter, intra_threads=intra
            ),
            sentencepiece.SentencePieceProcessor(model_file=str(folder / "source.spm")),
            sentencepiece.SentencePieceProcessor(model_file=str(folder / "target.spm")),
        )
    return loaded


def round_trip(
    loaded: dict[tuple[str, str], Any], sentences: list[str], size: int, queue_all: bool, fixed: int
) -> None:
    options = {"beam_size": 1, "min_decoding_length": fixed, "max_decoding_length": fixed}
    texts = sentences
    for direction in stages.DIRECTIONS:
        translator, source, target = loaded[direction]
        unique = list(dict.fromkeys(texts))
        tokens = [[*source.encode(t, out_type=str), "</s>"] for t in unique]
        batches = plan_batches([len(t) for t in tokens], 4096, size)
        out = [""] * len(unique)
        if queue_all:
            pending = [
                (b, translator.translate_batch([tokens[i] for i in b], asynchronous=True, **options))
                for b in batches
            ]
            for b, results in pending:
                for i, r in zip(b, results):
                    out[i] = target.decode_pieces(r.result().hypotheses[0])
        else:
            for b in batches:
                for i, r in zip(b, translator.translate_batch([tokens[i] for i in b], **options)):
                    out[i] = target.decode_pieces(r.hypotheses[0])
        found = dict(zip(unique, out))
        texts = [found[t] for t in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--fixed-len", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if not all(models.is_ct2_folder(stages.MODELS / f"opus-mt-{s}-{t}-ct2") for s, t in stages.DIRECTIONS):
        raise SystemExit("no benchmark models yet: run benchmarks/bench_engines.py once first")
    sentences = stages.load_sentences(args.sentences)
    loaded = {c: load(c[1], c[2]) for c in CONFIGS}
    rates: dict[tuple[Any, ...], list[float]] = {c: [] for c in CONFIGS}
    for _ in range(args.repeat):
        for config in CONFIGS:
            t0 = time.perf_counter()
            round_trip(loaded[config], sentences, config[3], config[4], args.fixed_len)
            rates[config].append(len(sentences) / (time.perf_counter() - t0))
    base = statistics.mean(rates[CONFIGS[0]])
    print(
        f"\n{len(sentences)} sentences, en->de->en, {args.fixed_len} output tokens, mean of {args.repeat} rounds"
    )
    for config in CONFIGS:
        mean = statistics.mean(rates[config])
        runs = ", ".join(f"{r:.1f}" for r in rates[config])
        print(f"{config[0]:34}  {mean:5.1f} round trips/s  ({runs})  x{mean / base:.2f}")


if __name__ == "__main__":
    main()
