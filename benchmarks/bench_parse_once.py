"""Each input is parsed once: the run takes what the CLI's validation read (core.verify.validate_input).

    .venv/bin/python benchmarks/bench_parse_once.py [--sections 20000] [--repeat 3]

Writes a Markdown file of N sections (a heading and two sentences each; 20,000 sections are about
2 MB) and times, in one process and the same run: validation's parse (`validate_input`), the run's
read of the inputs without what validation read (`load_inputs`: the file parsed again, as every run
did before) and with it (`load_inputs(..., read=...)`). Printed: the median of each and the ratio
of the run's read with validation's reading to the read without it.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from pipeline.config import Settings
from pipeline.core.verify import load_inputs, validate_input


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "long.en.md"
        doc.write_text(
            "".join(
                f"## Part {i}\n\nThe bridge reopened on Monday after {i} months of works. "
                "The mayor thanked the workers.\n\n"
                for i in range(args.sections)
            ),
            encoding="utf-8",
        )
        settings = Settings()
        times: dict[str, list[float]] = {"validate": [], "read again": [], "read reused": []}
        for _ in range(args.repeat):
            start = time.perf_counter()
            read = {str(doc): validate_input(str(doc), settings)}
            times["validate"].append(time.perf_counter() - start)
            start = time.perf_counter()
            load_inputs([str(doc)], settings)
            times["read again"].append(time.perf_counter() - start)
            start = time.perf_counter()
            load_inputs([str(doc)], settings, read=read)
            times["read reused"].append(time.perf_counter() - start)
        size = doc.stat().st_size / 1e6
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"{args.sections} sections, {size:.1f} MB of Markdown, median of {args.repeat}")
    for name, value in med.items():
        print(f"  {name:12s} {value:7.3f} s")
    print(f"run's read with validation's reading / without: {med['read reused'] / med['read again']:.3f}")


if __name__ == "__main__":
    main()
