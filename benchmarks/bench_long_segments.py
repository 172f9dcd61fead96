"""Bounded cost for long segments: time and peak memory of `driftcheck check` on one huge segment,
and how the time grows with the segment length (with and without sentence punctuation).

Texts are real Spanish sources and their English machine translations from the labelled dev
set, joined into one segment of the wanted length (punctuation removed for the unpunctuated
runs). Every run uses Apertium, no cache, and writes JSON and HTML.

    .venv/bin/python benchmarks/bench_long_segments.py [--repeat 3] [--quick]

Floors (issue 11): a 100,000-character pair <= 10 s and <= 500 MB (also checked for a pair at the
20,000-character segment limit, the longest that is translated); a 5 MB unpunctuated line
<= 120 s and <= 1 GB; 2x / 4x the segment length <= 2.2x / 4.4x the time (in-process time of
check + render, measured on a warm process so start-up does not flatter the ratio).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "demetr-es-dev.jsonl"
PUNCT = re.compile(r"[.!?;:,¿¡…\"“”()]")
WORDS = ("the bridge reopened on monday after fourteen months of repairs engineers replaced "
         "cables while the council said traffic would return to normal next week").split()  # fmt: skip


def texts(length: int, punctuated: bool) -> tuple[str, str]:
    """(Spanish source, English translation), each about `length` characters."""
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    mt = [r for r in rows if r["category"] == "mt"]
    src: list[str] = []
    tr: list[str] = []
    size = k = 0
    while size < length:
        r = mt[k % len(mt)]
        src.append(r["source"])
        tr.append(r["translation"])
        size += len(r["translation"]) + 1
        k += 1
    s, t = " ".join(src), " ".join(tr)
    if not punctuated:
        s, t = " ".join(PUNCT.sub(" ", s).split()), " ".join(PUNCT.sub(" ", t).split())
    return s[:length], t[:length]


def run_cli(args: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB of driftcheck and what it waited for, exit code)."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from pipeline.cli.app import app; app()", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"driftcheck failed ({code}): {err}")
    return seconds, usage.ru_maxrss / 1024, code


def huge_cases(tmp: Path) -> list[tuple[str, float, float, float, float]]:
    """(name, seconds, MB, second floor, MB floor) for the two huge inputs."""
    out = []
    common = ["--engine", "apertium", "--no-cache", "-f", "json", "-f", "html"]
    for length, note in (
        (100_000, "over the segment limit: reported, not translated"),
        (20_000, "at the limit"),
    ):
        src, tr = texts(length, punctuated=True)
        pair = tmp / f"pair{length}.jsonl"
        row = json.dumps({"source": src, "translation": tr}, ensure_ascii=False)
        pair.write_text(row + "\n", encoding="utf-8")
        s, mb, _ = run_cli(["check", str(pair), "-s", "es", *common, "-o", str(tmp / f"pair{length}")])
        out.append((f"{length:,}-character pair, source-aware ({note})", s, mb, 10.0, 500.0))
    words = [WORDS[(i * 7919) % len(WORDS)] for i in range(900_000)]
    line = " ".join(words)[:5_000_000]
    doc = tmp / "line.txt"
    doc.write_text(line + "\n", encoding="utf-8")
    s, mb, _ = run_cli(["check", str(doc), *common, "-o", str(tmp / "line-out")])
    out.append(("5 MB unpunctuated line (round trip)", s, mb, 120.0, 1024.0))
    return out


SCALING_CHILD = r"""
import json, sys, time
from pipeline.config import Settings
from pipeline.report import render
from pipeline.api import check_data
settings = Settings(lang="en", source_lang="es", engine="apertium", cache=False)
warm, *paths = sys.argv[1:]
check_data([warm], settings)  # imports, word lists, metric objects: start-up is not what we measure
out = {}
for path in paths:
    t0 = time.perf_counter()
    data = check_data([path], settings)
    render("html", data)
    out[path] = time.perf_counter() - t0
print(json.dumps(out))
"""


def scaling(tmp: Path, base: int, repeat: int) -> list[tuple[str, list[float]]]:
    """Per punctuation: median seconds at base, 2x base, 4x base (in-process, warm)."""
    warm = tmp / "warm.jsonl"
    src, tr = texts(300, punctuated=True)
    warm.write_text(
        json.dumps({"source": src, "translation": tr}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    rows = []
    for punctuated in (True, False):
        paths = []
        for mult in (1, 2, 4):
            src, tr = texts(base * mult, punctuated)
            p = tmp / f"s{mult}{'p' if punctuated else 'u'}.jsonl"
            p.write_text(
                json.dumps({"source": src, "translation": tr}, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            paths.append(str(p))
        times: dict[str, list[float]] = {p: [] for p in paths}
        for _ in range(repeat):
            res = subprocess.run(
                [sys.executable, "-c", SCALING_CHILD, str(warm), *paths],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "HF_HUB_OFFLINE": "1"},
            )
            for p, s in json.loads(res.stdout.strip().splitlines()[-1]).items():
                times[p].append(s)
        rows.append(
            ("punctuated" if punctuated else "unpunctuated", [statistics.median(times[p]) for p in paths])
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--base", type=int, default=4_000, help="shortest segment of the scaling runs")
    ap.add_argument("--quick", action="store_true", help="scaling only (skip the two huge inputs)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if not args.quick:
            for name, s, mb, max_s, max_mb in huge_cases(tmp):
                good = s <= max_s and mb <= max_mb
                ok &= good
                print(f"{name}: {s:.2f} s, {mb:.0f} MB peak (floor {max_s:g} s, {max_mb:g} MB) -> "
                      f"{'PASS' if good else 'FAIL'}")  # fmt: skip
        for label, (t1, t2, t4) in scaling(tmp, args.base, args.repeat):
            r2, r4 = t2 / t1, t4 / t1
            good = r2 <= 2.2 and r4 <= 4.4
            ok &= good
            print(
                f"{label} segments of {args.base:,} / {2 * args.base:,} / {4 * args.base:,} characters: "
                f"{t1:.2f} / {t2:.2f} / {t4:.2f} s (median of {args.repeat}); 2x: {r2:.2f}x, 4x: {r4:.2f}x "
                f"(floors 2.2x, 4.4x) -> {'PASS' if good else 'FAIL'}"
            )
    print("all floors met" if ok else "some floor not met")


if __name__ == "__main__":
    main()
