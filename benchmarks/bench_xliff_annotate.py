"""Reading and annotating a large XLIFF against checking it: the formats must cost little.

Builds an XLIFF 1.2 file of N units (default 10,000; Spanish source, English target) from the
labelled DEMETR pairs in ../shared/data (each unit made distinct with a reference number, every
third one with inline <g>/<x/> codes), then measures in one run:

- read: `read_units` on the file (what `check` does twice: once to validate, once to load),
- check: `driftcheck check FILE --engine apertium --no-cache -f json -o …` end to end,
- annotate: writing the marked copy from that report (`render_annotations`),

and prints (2 x read + annotate) / check, the share of the run the format work takes.

    .venv/bin/python benchmarks/bench_xliff_annotate.py [--units 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT.parent / "shared" / "data" / "demetr-es-dev.jsonl"
sys.path.insert(0, str(ROOT))


def pairs() -> list[tuple[str, str]]:
    if PAIRS.exists():
        rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [(r["source"], r["translation"]) for r in rows if r["translation"].strip()]
    import polib

    po = polib.pofile(str(ROOT / "tests" / "data" / "formats" / "po" / "wtforms.es.po"))
    return [(e.msgstr, e.msgid) for e in po if e.msgstr and "%" not in e.msgid]


def build(units: int) -> str:
    pool = pairs()
    body = []
    for i in range(units):
        src, tgt = (escape(t) for t in pool[i % len(pool)])
        if i % 3 == 0:
            first, _, rest = src.partition(" ")
            tfirst, _, trest = tgt.partition(" ")
            src, tgt = f'<g id="1">{first}</g> {rest} <x id="2"/>', f'<g id="1">{tfirst}</g> {trest} <x id="2"/>'
        body.append(
            f'<trans-unit id="u{i}">\n<source>Ref. {i}: {src}</source>\n'
            f'<target state="translated">Ref. {i}: {tgt}</target>\n</trans-unit>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="bench" source-language="es" target-language="en" datatype="plaintext">\n<body>\n'
        + "\n".join(body)
        + "\n</body>\n</file>\n</xliff>\n"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from pipeline.formats import read_units
    from pipeline.formats.annotate import plan_annotations, render_annotations
    from pipeline.formats.units import ReadOptions

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.xlf"
        path.write_text(build(args.units), encoding="utf-8")
        data = path.read_bytes()
        reads = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            read_units(data, str(path), "xliff", 0, ReadOptions())
            reads.append(time.perf_counter() - t)
        report = Path(tmp) / "r.json"
        t = time.perf_counter()
        cmd = [sys.executable, "-m", "pipeline.cli.app", "check", str(path), "--engine", "apertium", "--no-cache"]
        proc = subprocess.run([*cmd, "-f", "json", "-o", str(report)], capture_output=True, text=True, cwd=ROOT)
        check = time.perf_counter() - t
        if proc.returncode not in (0, 1):
            sys.exit(f"check failed: {proc.stderr.strip()}")
        result = json.loads(report.read_text(encoding="utf-8"))
        plan, _ = plan_annotations(str(Path(tmp) / "marked.xlf"), [str(path)], None)
        annotates = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            out = render_annotations(result, plan)
            annotates.append(time.perf_counter() - t)
        flagged = sum(s["verdict"] != "ok" for s in result["segments"])
        changed = out[0][1] != data
    read_s, annotate_s = statistics.median(reads), statistics.median(annotates)
    print(f"units: {args.units}, file: {len(data) / 1e6:.1f} MB, flagged: {flagged} (copy changed: {changed})")
    print(f"read (median of {args.repeat}):     {read_s:8.2f} s")
    print(f"annotate (median of {args.repeat}): {annotate_s:8.2f} s")
    print(f"check, end to end:      {check:8.2f} s  (Apertium, no cache)")
    print(f"(2 x read + annotate) / check = {(2 * read_s + annotate_s) / check:.3f}  (target < 0.10)")


if __name__ == "__main__":
    main()
