"""Run the property-based fuzz suite (tests/core/test_fuzz.py) at scale and count the examples.

CI runs the same properties with a few hundred fixed examples; this runs them with
DRIFTCHECK_FUZZ_SCALE times as many, freshly generated (the default scale, 30, gives about
11,500: readers, segmenter, checks, every renderer, and the Apertium batch framing with the real
binary), and prints how many examples passed per property and in all.

    .venv/bin/python benchmarks/fuzz.py [--scale 30] [--seed N]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=30.0)
    ap.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: random)")
    args = ap.parse_args()
    cmd = [
        sys.executable, "-m", "pytest", "tests/core/test_fuzz.py", "-q", "-p", "no:cacheprovider",
        "--hypothesis-show-statistics",
    ]  # fmt: skip
    if args.seed is not None:
        cmd.append(f"--hypothesis-seed={args.seed}")
    env = {**os.environ, "DRIFTCHECK_FUZZ_SCALE": str(args.scale), "HF_HUB_OFFLINE": "1"}
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    out = proc.stdout + proc.stderr
    per_test: dict[str, int] = {}
    current = None
    for line in out.splitlines():
        head = re.match(r"^(tests/(?:\w+/)*test_fuzz\.py::\S+):$", line.strip())
        if head:
            current = head.group(1).split("::")[1]
            continue
        count = re.search(r"(\d+) passing(?: examples)?, (\d+) failing", line)
        if count and current:
            per_test[current] = per_test.get(current, 0) + int(count.group(1))
    for name, n in per_test.items():
        print(f"{n:7,d}  {name}")
    summary = [ln for ln in out.splitlines() if re.search(r"\d+ (passed|failed)", ln)]
    print(
        f"{sum(per_test.values()):7,d}  examples in all, {seconds:.0f} s; pytest: {summary[-1] if summary else '?'}"
    )
    if proc.returncode != 0:
        print(out[-6000:])
    elif not per_test:  # the statistics were not read: no count to report (the file moved once)
        print("fuzz.py: no example counts found in hypothesis's statistics", file=sys.stderr)
        sys.exit(1)
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
