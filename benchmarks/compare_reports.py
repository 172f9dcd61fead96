"""Behaviour before and after a refactor: run the same `driftcheck` commands with two source trees
and compare the outputs (JSON reports of the seeds and of the labelled dev file, `driftcheck eval`'s
JSON and Markdown), ignoring only the version and the timings.

    # reference: the code of main, exported once
    git archive main | tar -x -C /tmp/ref14/src
    python benchmarks/compare_reports.py run /tmp/ref14/src /tmp/ref14/main
    # this checkout
    python benchmarks/compare_reports.py run . /tmp/ref14/now
    python benchmarks/compare_reports.py diff /tmp/ref14/main /tmp/ref14/now

Both runs share one translation cache (DRIFTCHECK_CACHE, default /tmp/ref14/cache/tr.sqlite), so
the engine's output is the same and reruns are quick; the report memo is keyed by the code, so a
changed tree never reuses the other tree's report. Exit status of `diff`: 0 identical, 1 different.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

DATA = Path("/work/shared/data")
DEMETR = DATA / "demetr-es-dev.jsonl"
WMT22 = DATA / "wmt22-ced-pt-en-dev.jsonl"
# name -> driftcheck arguments; {out} is the output folder
COMMANDS: dict[str, list[str]] = {
    name: args.replace("{demetr}", str(DEMETR)).replace("{wmt22}", str(WMT22)).split()
    for name, args in {
        "albania": "check seeds/albania-camp-raid.en.txt --engine apertium -f json -o {out}/albania.json",
        "press": "check seeds/press-release.en.md --engine apertium -f json -o {out}/press.json",
        "harbour": "check seeds/harbour-bridge.en.txt --source seeds/harbour-bridge.es.txt --source-lang es "
        "--engine apertium -f json -o {out}/harbour.json",
        "demetr": "check {demetr} --source-lang es --lang en --engine apertium -f json -o {out}/demetr.json",
        "wmt22": "check {wmt22} --source-lang pt --lang en --engine apertium --no-semantic -f json -o {out}/wmt22.json",
        "eval-demetr": "eval {demetr} --engine apertium -o {out}/eval-demetr",
        "eval-demetr-rt": "eval {demetr} --engine apertium --mode roundtrip --lang en -o {out}/eval-demetr-rt",
    }.items()
}
# How each tree starts the CLI: main before issue 14 had pipeline.cli:app, after it pipeline.cli.app:app.
LAUNCH = "import sys; sys.argv[0] = 'driftcheck'\ntry:\n from pipeline.cli.app import app\nexcept ImportError:\n from pipeline.cli import app\napp()"
IGNORED = {"version", "seconds", "timings"}


def run(src: Path, out: Path, only: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(src.resolve())}
    env.setdefault("DRIFTCHECK_CACHE", "/tmp/ref14/cache/tr.sqlite")
    codes_file = out / "exit-codes.json"
    codes = json.loads(codes_file.read_text()) if codes_file.is_file() else {}
    for name, args in COMMANDS.items():
        if only and name not in only:
            continue
        argv = [a.replace("{out}", str(out.resolve())) for a in args]
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", LAUNCH, *argv], cwd=src, env=env, capture_output=True, text=True
        )
        codes[name] = proc.returncode
        print(f"{name}: exit {proc.returncode} in {time.perf_counter() - t0:.1f} s", flush=True)
        if proc.returncode not in (0, 1):
            print(proc.stderr[-2000:], file=sys.stderr)
    codes_file.write_text(json.dumps(codes, indent=1, sort_keys=True) + "\n")


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in IGNORED}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _first_difference(a: Any, b: Any, path: str = "") -> str | None:
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'after' if k in b else 'before'}"
            d = _first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} vs {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            d = _first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{path}: {a!r} vs {b!r}"


def diff(before: Path, after: Path) -> int:
    bad = 0
    for path in sorted(p for p in before.rglob("*") if p.is_file()):
        rel = path.relative_to(before)
        other = after / rel
        if not other.is_file():
            print(f"MISSING {rel}")
            bad += 1
            continue
        if path.suffix == ".json":
            d = _first_difference(_strip(json.loads(path.read_text())), _strip(json.loads(other.read_text())))
        else:
            d = None if path.read_bytes() == other.read_bytes() else "bytes differ"
        print(f"{'same' if d is None else 'DIFFERENT'} {rel}" + (f"  ({d})" if d else ""))
        bad += d is not None
    return 1 if bad else 0


def main() -> int:
    if len(sys.argv) >= 4 and sys.argv[1] == "run":
        run(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:])
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "diff":
        return diff(Path(sys.argv[2]), Path(sys.argv[3]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
