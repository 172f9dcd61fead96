"""What a fresh process pays for two English tables the checks read, each against its baseline
in the same run (interleaved, in fresh Python processes, so each measures a cold start):

- `order`'s word-class pair table (checks/word_order.py): read from the file that ships in
  pipeline/data (`_classes`, what a run does) against counting it over symspellpy's 243,342 word
  pairs (`class_pairs`, what every run did before the table shipped, and still does where the
  installed symspellpy or lemminflect differ from the ones it was built with);
- the CLDR names of English (`cldrnames.preload("en")`: every territory and language name in
  every regional locale, en_GB, en_AU and the rest) with each distinct name read once
  (`_forms` memoised, what a run does) against reading each name every time it appears
  (`_forms.__wrapped__`, what every run did before).

    .venv/bin/python benchmarks/bench_cold_tables.py [--repeat 5]

lemminflect's tables and symspellpy's word and word-pair counts are loaded before the clock
starts in every process (the checks read them anyway), so the numbers are the tables' own cost. Printed: the median seconds of each and
the ratio baseline / now.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_SETUP = """
import sys, time
sys.path.insert(0, {root!r})
from lemminflect import getAllInflections, getAllLemmas
getAllLemmas("gave"); getAllInflections("give", upos="VERB")
from pipeline.checks import cldrnames, word_order
word_order._counts()
"""

CASES = {
    "class table, shipped": "word_order._classes()",
    "class table, counted": "word_order.class_pairs()",
    "CLDR names, memoised": 'cldrnames.preload("en")',
    "CLDR names, every time": 'cldrnames._forms = cldrnames._forms.__wrapped__; cldrnames.preload("en")',
}


def _once(statement: str) -> float:
    code = _SETUP.format(root=str(ROOT)) + (
        f"t = time.perf_counter()\n{statement}\nprint(time.perf_counter() - t)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(args.repeat):
        for name, statement in CASES.items():
            times[name].append(_once(statement))
    median = {name: statistics.median(ts) for name, ts in times.items()}
    for name, value in median.items():
        print(f"{name:<24} {value:6.3f} s (median of {args.repeat} fresh processes)")
    for table, now, before in (
        ("class table", "class table, shipped", "class table, counted"),
        ("CLDR names", "CLDR names, memoised", "CLDR names, every time"),
    ):
        print(
            f"{table}: {median[before] / median[now]:.1f}x faster ({median[before] - median[now]:.2f} s saved)"
        )


if __name__ == "__main__":
    main()
