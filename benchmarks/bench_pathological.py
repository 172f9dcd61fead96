"""Checks on pathological inputs: seconds and memory of one check on one repetitive segment, at
two or three sizes, against another source tree's check on the same input (README: everything
grows linearly with the text, and no check hangs on one input).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_pathological.py [--against DIR] [--only units]

    # the code of s12 as the baseline
    mkdir -p /tmp/base && git archive s12 | tar -x -C /tmp/base
    PYTHONPATH=. .venv/bin/python benchmarks/bench_pathological.py --against /tmp/base

Each input is one segment: a short unit repeated (`"$5 " * 500` as source and translation for
`units`, `"no " * 2666` for `negation`, `"January " * 500` as copy and round trip for `dates`,
`"1x" * 4000` as copy for `scrambled`: sizes the old code finishes in seconds, each twice the one
before). Every (tree, input) runs in a fresh process (the check's memos cold, its lexicons loaded
first by `checks.prepare`), once, under `--timeout` seconds; the seconds of the check call and its peak memory growth (peak RSS after the call less RSS before it)
are printed per tree, with the ratio against the baseline and whether both trees returned the same
flags. The growth column says how the time grows with the size (time ratio of each size to the
previous one, over the size ratio: about 1 for linear cost, 2 and 4 for quadratic and cubic).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# name, check, unit repeated, sizes (repetitions), mode ("source": the unit's text is source and
# translation, es -> en; "copy": it is the English copy and its round trip)
CASES: list[tuple[str, str, str, tuple[int, ...], str]] = [
    ("units $5", "units", "$5 ", (125, 250, 500), "source"),
    ("units 5 km", "units", "5 km ", (125, 250, 500), "source"),
    ("units USD 5", "units", "USD 5 ", (125, 250, 500), "source"),
    ("units 5km", "units", "5km ", (125, 250, 500), "source"),
    ("negation no", "negation", "no ", (667, 1333, 2666), "source"),
    ("negation never", "negation", "never ", (333, 666, 1333), "source-en"),
    ("negation not", "negation", "not ", (500, 1000, 2000), "source-en"),
    ("dates January", "dates", "January ", (125, 250, 500), "copy"),
    ("scrambled 1x", "scrambled", "1x", (1000, 2000, 4000), "copy"),
    ("scrambled 1x long", "scrambled", "1x", (4000, 8000), "copy"),  # one 16,000-character token
]


def measure(unit: str, size: int, mode: str, check: str, out_file: str) -> None:
    """(In the tree whose `pipeline` is on sys.path.) Seconds, memory growth and flags of one call."""
    import resource
    import time

    import pipeline.checks as checks
    from pipeline.checks import CheckInput

    text = unit * size
    if mode == "copy":
        inp = CheckInput(text, "en", text, "en", mode="roundtrip")
    else:
        src, tgt = ("en", "es") if mode == "source-en" else ("es", "en")
        inp = CheckInput(text, src, text, tgt)
    checks.prepare([inp.source_lang, inp.target_lang])
    fn = checks.load_all()[check].fn
    warm = "The council said on 3 January that 5 km of the road would not reopen before March."
    if mode == "copy":  # what the check loads on first use, loaded before the clock starts
        fn(CheckInput(warm, "en", warm, "en", mode="roundtrip"))
    else:
        fn(CheckInput("No reabrirá 5 km de la carretera antes del 3 de enero.", "es", warm, "en"))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    flags = fn(inp)
    seconds = time.perf_counter() - t0
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    row = {"seconds": seconds, "mb": grown / 1024, "flags": [repr(f) for f in flags]}
    Path(out_file).write_text(json.dumps(row), encoding="utf-8")


def run_tree(tree: Path, case: tuple[str, str, str, tuple[int, ...], str], size: int, timeout: float) -> Any:
    """One check call in a fresh process of `tree`: its row, or None when it ran past `timeout`."""
    import tempfile

    _, check, unit, _, mode = case
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        code = (
            f"import sys; sys.path.insert(0, {str(tree)!r}); sys.path.insert(1, {str(ROOT / 'benchmarks')!r})\n"
            "import bench_pathological as b\n"
            f"b.measure({unit!r}, {size}, {mode!r}, {check!r}, {out.name!r})\n"
        )
        try:
            subprocess.run([sys.executable, "-c", code], check=True, cwd=tree, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        return json.loads(Path(out.name).read_text(encoding="utf-8"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--against", type=Path, help="another source tree (its pipeline/ is imported)")
    ap.add_argument("--only", help="run only the cases whose name starts with this")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per call before giving up")
    args = ap.parse_args()
    same = True
    for case in CASES:
        name, _, unit, sizes, _ = case
        if args.only and not name.startswith(args.only):
            continue
        print(f"{name}: {unit!r} * n")
        last: float | None = None
        for size in sizes:
            now = run_tree(ROOT, case, size, args.timeout)
            base = run_tree(args.against.resolve(), case, size, args.timeout) if args.against else None
            line = f"  n={size:<6} {len(unit) * size:>6} chars  now " + _cell(now)
            if now and last:
                line += f"  growth {now['seconds'] / last / 2:.2f}"
            if args.against:
                line += "   baseline " + _cell(base)
                if now and base:
                    line += f"   now/baseline {now['seconds'] / max(base['seconds'], 1e-9):.3f}"
                    line += f"   flags identical: {now['flags'] == base['flags']}"
                    same = same and now["flags"] == base["flags"]
            last = now["seconds"] if now else None
            print(line, flush=True)
    return 0 if same else 1


def _cell(row: Any) -> str:
    return "  (timed out)        " if row is None else f"{row['seconds']:8.3f} s {row['mb']:7.1f} MB"


if __name__ == "__main__":
    sys.exit(main())
