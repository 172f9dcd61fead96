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

    .venv/bin/python benchmarks/bench_ray.py [--pairs 20000] [--shards 8] [--workers 2] [--no-semantic]
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=20000)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-semantic", action="store_true")
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
    print(f"reports byte-identical: {merged == single}")
    if merged != single:  # which segments differ, and in what
        a, b = json.loads(single)["segments"], json.loads(merged)["segments"]
        fields = ("back", "forward", "source_round_trip")
        diff = {f: sum(x["comparison"][f] != y["comparison"][f] for x, y in zip(a, b)) for f in fields}
        verdicts = sum(x["verdict"] != y["verdict"] for x, y in zip(a, b))
        print(f"segments whose translation differs: {diff}; verdicts that differ: {verdicts} of {len(a)}")


if __name__ == "__main__":
    main()
