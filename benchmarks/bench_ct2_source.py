"""Source-aware mode with the ct2 engine: pairs/s per core in one process and on Ray (cost model).

The README's cost model needs a measured figure for CTranslate2 workers in source-aware mode.
No opus-mt weights can be fetched here, so this uses the random-weight models with the exact
opus-mt shape that benchmarks/bench_engines.py builds (benchmarks/engine_stages.py: d_model 512,
6+6 layers, vocabulary 58,101, int8 CTranslate2 conversions) for the two directions en<->de, and
forces every translation to --fixed-len output tokens (random weights never stop on their own;
DRIFTCHECK_BENCH_FIXED_LEN). The inputs are real text: the first --pairs pairs of the WMT22
Portuguese-English dev file, the Portuguese side read as the "de" source (the "de" model's
sentencepiece was trained on Romance text, so its token counts are realistic). Every source
is distinct, so a pair costs four translations (forward, back, and the source's round trip
there and back), the case the cost model plans for.

Measured in one run: `verify` in this process (all cores: CTranslate2's threads, the TER pool),
then `--executor ray` with --workers local actors of one core each over --shards shards (Ray's
start and each actor's model loading included). Semantic scores and the translation cache off:
the engine and the stages around it only. Prints pairs/s, per core and per worker, the ratio
Ray / one process, and how many segments' translations or scores differ between the two runs.

    .venv/bin/python benchmarks/bench_ct2_source.py [--pairs 400] [--shards 4] [--workers 2] [--fixed-len 32]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import engine_stages as stages  # noqa: E402

WMT = stages.ROOT.parent / "shared" / "data" / "wmt22-ced-pt-en-dev.jsonl"


def write_shards(folder: Path, pairs: int, shards: int) -> list[str]:
    """The first `pairs` rows with distinct sources, as "de" -> "en" JSONL shards."""
    seen: set[str] = set()
    rows = []
    for line in WMT.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["source"] in seen:
            continue
        seen.add(r["source"])
        rows.append({"id": r["id"], "source": r["source"], "translation": r["translation"]})
        if len(rows) == pairs:
            break
    size = -(-len(rows) // shards)
    paths = []
    for i in range(0, len(rows), size):
        path = folder / f"shard-{i // size:03d}.jsonl"
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[i : i + size]), "utf-8"
        )
        paths.append(str(path))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=400)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--fixed-len", type=int, default=32)
    args = parser.parse_args()
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["DRIFTCHECK_BENCH_FIXED_LEN"] = str(args.fixed_len)
    stages.ensure_models(False)
    from pipeline.config import Settings
    from pipeline.core.verify import verify
    from pipeline.report.to_json import dumps, to_dict
    from pipeline.scale.executor_ray import RayOptions, ray_check_data

    settings = Settings(
        lang="en", source_lang="de", engine="ct2", models_dir=str(stages.MODELS), cache=False, semantic=False
    )
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_shards(Path(tmp), args.pairs, args.shards)
        n = sum(len(Path(p).read_text(encoding="utf-8").splitlines()) for p in paths)
        t0 = time.perf_counter()
        single = json.loads(dumps(to_dict(verify(paths, settings))))
        t_single = time.perf_counter() - t0
        t1 = time.perf_counter()
        merged = ray_check_data(paths, settings, None, RayOptions(workers=args.workers))
        t_ray = time.perf_counter() - t1
    differ = sum(a["comparison"] != b["comparison"] for a, b in zip(single["segments"], merged["segments"]))
    print(
        f"pairs: {n} in {len(paths)} shards, distinct sources; {cores} cores; outputs {args.fixed_len} tokens"
    )
    print(f"load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(
        f"one process:      {t_single:7.1f} s  {n / t_single:6.2f} pairs/s  ({n / t_single / cores:.2f} per core)"
    )
    print(
        f"ray, {args.workers} workers:  {t_ray:7.1f} s  {n / t_ray:6.2f} pairs/s  "
        f"({n / t_ray / args.workers:.2f} per worker)"
    )
    print(f"ratio ray / one process: {t_ray / t_single:.2f}")
    # CTranslate2 pads a batch to its longest input, and a shard's batches have other neighbours
    # than the whole run's: with random weights (near-tied logits) that can flip a token now and
    # then (the thread layout does not: measured, see README "Cost model"); real models rarely tie.
    print(f"segments whose translations or scores differ between the two runs: {differ} of {n}")


if __name__ == "__main__":
    main()
