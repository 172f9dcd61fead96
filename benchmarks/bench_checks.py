"""The check stage alone: seconds per check over the real check inputs of labelled files, against
another source tree's checks on the same inputs, in the same run.

    .venv/bin/python benchmarks/bench_checks.py [PAIRS.jsonl ...] [--against DIR] [--repeat 3]

    # the code of main as the baseline
    mkdir -p /tmp/base && git archive main | tar -x -C /tmp/base
    .venv/bin/python benchmarks/bench_checks.py --against /tmp/base

Each file (default: both development files) goes through the pipeline once, source-aware with
Apertium (no cache, whose remembered rows would skip their checks; no sentence encoder or
analysers: they feed the judge, not the checks), and every pair's check input is kept: exactly what the check stage gets. Then every
registered check runs once over those inputs in a fresh process (the checks' own memos cold, as
in a run; the lexicons loaded first by `checks.prepare`, as the loop does while the engine
translates), `--repeat` times per tree, the trees taking turns; the best pass of each tree is
printed, total and per check, with the ratio against the baseline, and whether every check
returned the same flags for every input in both trees (exit status 1 if not).
"""

from __future__ import annotations

import argparse
import pickle
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
DEFAULT = [DATA / "demetr-es-dev.jsonl", DATA / "wmt22-ced-pt-en-dev.jsonl"]


def capture(path: Path) -> list[Any]:
    """The check inputs of every pair of a labelled file, as the check stage gets them."""
    sys.path.insert(0, str(ROOT))
    from pipeline.config import Settings
    from pipeline.core import source_mode
    from pipeline.core.verify import verify
    from pipeline.learn.labelled import languages, load_labelled

    source_lang, lang = languages(load_labelled(str(path), need_source=True)[0], Settings(), str(path))
    caught: list[Any] = []
    run_checks = source_mode.run_checks

    def keep(inp: Any, *args: Any) -> Any:
        caught.append(inp)
        return run_checks(inp, *args)

    source_mode.run_checks = keep  # type: ignore[assignment]
    try:
        settings = Settings(  # no cache: remembered rows would skip their checks
            lang=lang, source_lang=source_lang, engine="apertium", cache=False, semantic=False, morph=False
        )
        verify([str(path)], settings)
    finally:
        source_mode.run_checks = run_checks
    return caught


def time_checks(inputs_file: str, out_file: str) -> None:
    """(In the tree whose `pipeline` is on sys.path.) Seconds per check over one pass, and the flags."""
    import pipeline.checks as checks

    inputs: list[Any] = pickle.loads(Path(inputs_file).read_bytes())
    checks.prepare(sorted({x for inp in inputs for x in (inp.source_lang, inp.target_lang)}))
    specs = checks.load_all()
    seconds: Counter[str] = Counter()
    flags: list[list[Any]] = []
    for inp in inputs:
        row = []
        for name, spec in specs.items():
            if inp.mode in spec.modes:
                t0 = time.perf_counter()
                row.append((name, spec.fn(inp)))
                seconds[name] += time.perf_counter() - t0
        flags.append(row)
    Path(out_file).write_bytes(pickle.dumps((dict(seconds), flags)))


def run_tree(tree: Path, inputs_file: str, out_file: str) -> tuple[dict[str, float], list[Any]]:
    code = (
        f"import sys; sys.path.insert(0, {str(tree)!r}); sys.path.insert(1, {str(ROOT / 'benchmarks')!r})\n"
        f"import bench_checks; bench_checks.time_checks({inputs_file!r}, {out_file!r})\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tree)
    seconds, flags = pickle.loads(Path(out_file).read_bytes())
    return seconds, flags


def best_of(
    trees: list[tuple[str, Path]], inputs_file: str, tmp: str, repeat: int
) -> dict[str, tuple[dict[str, float], list[Any]]]:
    """Each tree's fastest pass (the trees take turns), with its flags."""
    best: dict[str, tuple[dict[str, float], list[Any]]] = {}
    for _ in range(repeat):
        for label, tree in trees:
            seconds, flags = run_tree(tree, inputs_file, str(Path(tmp) / f"{label}.pkl"))
            if label not in best or sum(seconds.values()) < sum(best[label][0].values()):
                best[label] = (seconds, flags)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--against", type=Path, help="another source tree (its pipeline/ is imported)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    same = True
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.files:
            inputs = capture(path)
            if not inputs:
                raise SystemExit(f"{path}: no pair reached the checks")
            inputs_file = str(Path(tmp) / "inputs.pkl")
            Path(inputs_file).write_bytes(pickle.dumps(inputs))
            trees = [("now", ROOT)] + ([("baseline", args.against.resolve())] if args.against else [])
            results = best_of(trees, inputs_file, tmp, args.repeat)
            now = results["now"][0]
            print(f"{path.name}: {len(inputs)} check inputs, best of {args.repeat}")
            line = f"  now {sum(now.values()):.2f} s"
            if "baseline" in results:
                base = results["baseline"][0]
                identical = results["baseline"][1] == results["now"][1]
                same = same and identical
                line += f"   baseline {sum(base.values()):.2f} s   now/baseline {sum(now.values()) / sum(base.values()):.2f}"
                line += f"   flags identical: {identical}"
            print(line)
            for name, seconds in sorted(now.items(), key=lambda kv: -kv[1]):
                was = (
                    f"  (baseline {results['baseline'][0].get(name, 0.0):.3f})"
                    if "baseline" in results
                    else ""
                )
                print(f"    {name:<14} {seconds:.3f} s{was}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
