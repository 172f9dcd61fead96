"""Scale-out on Ray: the same corpus checked in one process and by Ray workers on this machine.

20,000 es->en pairs (the 1,987 labelled DEMETR pairs repeated; each repetition k > 0 ends in
" (k)" on both sides, so no two pairs are the same and no stage can reuse another's work), in
8 JSONL shards. Baseline in the same run: `verify` over all shards in this process (what
`driftcheck check DIR` does); then `--executor ray` with a local Ray of N workers (default 2),
counted from `ray.init` to the merged report, Ray's start and the workers' model loading
included. Apertium, no translation cache, semantic scores as by default. The two reports must
be byte-identical (where they are not, it counts the segments whose translations differ: before
engines/apertium_stream.py, Apertium's tagger carried state from one text to the next in a stream).
Prints the ratio (Ray time / single-process time) and the throughput per worker and per core.

`--plain` adds a second baseline that tells Ray's own cost from the cost of the layout: the same
shards handed to N plain worker processes (a process pool, no Ray), each set up as a Ray
actor is (`machine.set_cpus(1)`, its own engine, `verify_shard` per shard), timed from the pool's
start to the last shard's report.

    .venv/bin/python benchmarks/bench_ray.py [--pairs 20000] [--shards 8] [--workers 2] [--no-semantic] [--plain]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "demetr-es-dev.jsonl"
sys.path.insert(0, str(ROOT))


def write_shards(folder: Path, pairs: int, shards: int) -> list[str]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = []
    for n in range(pairs):
        k, i = divmod(n, len(rows))
        r, tail = rows[i], f" ({k})" if k else ""
        obj = {
            "id": f"{r['id']}-{k}",
            "source": r["source"] + tail,
            "translation": r["translation"] + tail,
        }
        lines.append(json.dumps(obj, ensure_ascii=False))
    size = -(-pairs // shards)
    paths = []
    for s in range(shards):
        path = folder / f"shard-{s:02d}.jsonl"
        path.write_text("\n".join(lines[s * size : (s + 1) * size]) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


_ENGINE: list[object] = []  # the plain worker's engine, loaded once (as an actor loads it)


def _plain_start(settings: object) -> None:
    from pipeline.core.verify import build_engine
    from pipeline.machine import set_cpus
    from pipeline.scale.adapter import worker_settings

    set_cpus(1)  # what each Ray actor declares
    local = worker_settings(settings)  # type: ignore[arg-type]
    _ENGINE[:] = [local, build_engine(local)]


def _plain_shard(path: str) -> int:
    from pipeline.scale.adapter import verify_shard

    local, engine = _ENGINE
    return len(verify_shard(path, local, engine)["segments"])  # type: ignore[arg-type]


def plain_pool(paths: list[str], settings: object, workers: int) -> float:
    """Seconds for `workers` plain processes to check every shard, shards handed out as they finish."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    t0 = time.perf_counter()
    ctx = multiprocessing.get_context("spawn")  # not a daemon: the encoder starts its own process
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_plain_start, initargs=(settings,)) as pool:
        done = sum(pool.map(_plain_shard, paths))  # each idle worker takes the next shard
    assert done == sum(1 for p in paths for line in Path(p).read_text(encoding="utf-8").splitlines() if line)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=20000)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-semantic", action="store_true")
    parser.add_argument("--plain", action="store_true", help="also time plain worker processes (no Ray)")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from pipeline.config import Settings
    from pipeline.core.verify import verify
    from pipeline.report.to_json import dumps, to_dict
    from pipeline.scale.executor_ray import RayOptions, ray_check_data

    semantic = False if args.no_semantic else None
    settings = Settings(lang="en", source_lang="es", engine="apertium", cache=False, semantic=semantic)
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_shards(Path(tmp), args.pairs, args.shards)
        t0 = time.perf_counter()
        single = dumps(to_dict(verify(paths, settings)))
        t_single = time.perf_counter() - t0
        t1 = time.perf_counter()
        merged = dumps(ray_check_data(paths, settings, None, RayOptions(workers=args.workers)))
        t_ray = time.perf_counter() - t1
        t_plain = plain_pool(paths, settings, args.workers) if args.plain else None
    n = args.pairs
    print(
        f"pairs: {n} in {args.shards} shards; cores on this machine: {os.cpu_count()}; load: {os.getloadavg()}"
    )
    print(f"single process: {t_single:7.1f} s  {n / t_single:6.1f} pairs/s")
    print(
        f"ray, {args.workers} workers: {t_ray:7.1f} s  {n / t_ray:6.1f} pairs/s  "
        f"({n / t_ray / args.workers:.1f} pairs/s per worker)"
    )
    print(f"ratio ray / single: {t_ray / t_single:.2f} (floor: <= 1.15)")
    if t_plain is not None:
        print(
            f"plain processes, {args.workers} workers (no Ray): {t_plain:7.1f} s  {n / t_plain:6.1f} pairs/s; "
            f"plain / single: {t_plain / t_single:.2f}; ray / plain: {t_ray / t_plain:.2f}"
        )
    print(f"reports byte-identical: {merged == single}")
    if merged != single:  # which segments differ, and in what
        a, b = json.loads(single)["segments"], json.loads(merged)["segments"]
        fields = ("back", "forward", "source_round_trip")
        diff = {f: sum(x["comparison"][f] != y["comparison"][f] for x, y in zip(a, b)) for f in fields}
        verdicts = sum(x["verdict"] != y["verdict"] for x, y in zip(a, b))
        print(f"segments whose translation differs: {diff}; verdicts that differ: {verdicts} of {len(a)}")


if __name__ == "__main__":
    main()
