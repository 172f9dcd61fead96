"""The cached rerun (the stored report reused) against `driftcheck --help`, in the same run.

    .venv/bin/python benchmarks/bench_cached_rerun.py [--input seeds/albania-camp-raid.en.txt]
        [--engine apertium] [--repeat 7] [--extra=--source-lang=es ...]

Runs, as a user would, the CLI next to this Python (`.venv/bin/driftcheck`) with a fresh cache
file and output folder in a temporary directory: once to fill the cache (the first run, which
translates), then `--repeat` reruns of the same command (every output written: JSON and HTML,
the terminal summary to /dev/null), and `--repeat` runs of `driftcheck --help`, interleaved so
that a busy machine slows both alike. Printed: the median and minimum wall time of each, the CPU
seconds (user + system of the process and its children), and the ratios rerun/--help and
rerun/first run. The issue's floors are a rerun <= 0.5 s and --help <= 0.3 s on this machine;
the ratio says how much work a rerun does beyond starting the CLI.

Whether the package's bytecode is cached (`__pycache__` beside the modules, as a wheel install
has) is printed too: with PYTHONDONTWRITEBYTECODE=1 and no `__pycache__`, every run compiles the
modules it imports from source.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).with_name("driftcheck")


def timed(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (children) and exit code of one run, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    code = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, code


def line(name: str, runs: list[tuple[float, float, int]]) -> str:
    walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
    return (
        f"{name:<14} wall median {statistics.median(walls):.3f} s  min {min(walls):.3f} s   "
        f"cpu median {statistics.median(cpus):.3f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", default="seeds/albania-camp-raid.en.txt")
    parser.add_argument("--engine", default="apertium")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--extra", action="append", default=[], help="more options for `check`")
    args = parser.parse_args()
    pycache = (ROOT / "pipeline" / "__pycache__").is_dir()
    print(f"bytecode cached beside the package: {'yes' if pycache else 'no'}", end="")
    print(f"; PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}")
    with tempfile.TemporaryDirectory(prefix="bench-rerun-") as tmp:
        check = [str(CLI), "check", args.input, "--engine", args.engine, "--cache", f"{tmp}/cache.sqlite3"]
        check += ["--output", f"{tmp}/out/", *args.extra]
        first = timed(check)
        if first[2] not in (0, 1):
            print(f"the first run failed (exit {first[2]}): {' '.join(check)}", file=sys.stderr)
            return 2
        reruns, helps = [], []
        for _ in range(args.repeat):
            reruns.append(timed(check))
            helps.append(timed([str(CLI), "--help"]))
        if {r[2] for r in reruns} != {first[2]}:
            print("a rerun exited differently from the first run", file=sys.stderr)
            return 2
    print(" ".join(["driftcheck", *check[1:]]).replace(tmp, "$TMP"))
    print(line("first run", [first]))
    print(line("cached rerun", reruns))
    print(line("--help", helps))
    rerun, help_, fresh = (statistics.median(r[0] for r in runs) for runs in (reruns, helps, [first]))
    print(f"ratio rerun / --help: {rerun / help_:.2f}   rerun / first run: {rerun / fresh:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
