"""A changed file checked again: one pair edited in the 1,987 labelled es->en pairs, Apertium, cache on.

What CI does with a growing translation memory: the file was checked before, one segment changed.
Three runs, each in a fresh process:
1. the first run of the file (fills the translation cache and the segment memo);
2. baseline in the same session: one pair edited, the translation cache warm but the segment memo
   emptied first (`DELETE FROM derived`), which is what every rerun cost before the memo: all
   pairs scored, checked and analysed again (plus the cost of storing their results);
3. another pair edited, with the memo: only the edited pair is scored and checked.
Then the same file without any cache: its JSON report must equal run 3's, byte for byte.
Prints each run's wall time and stages, and the ratio of run 3 to run 2.

    .venv/bin/python benchmarks/bench_partial_rerun.py [PAIRS.jsonl] [--no-semantic]
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "demetr-es-dev.jsonl"


def one_run(path: str, cache: str, out: str, semantic: bool) -> None:
    """In a fresh process: verify `path` (cache file `cache`, "" = no cache), write the JSON report."""
    sys.path.insert(0, str(ROOT))
    from pipeline.config import Settings
    from pipeline.core.verify import verify
    from pipeline.report.to_json import dumps, to_dict

    settings = Settings(
        lang="en", source_lang="es", engine="apertium", cache=bool(cache), cache_path=cache or None,
        semantic=None if semantic else False,
    )  # fmt: skip
    t0 = time.perf_counter()
    report = verify([path], settings)
    seconds = time.perf_counter() - t0
    Path(out).write_text(dumps(to_dict(report)), encoding="utf-8")
    print(json.dumps({"seconds": seconds, "stages": report.timings}))


def run(path: Path, cache: str, out: Path, semantic: bool) -> dict[str, object]:
    args = [sys.executable, __file__, "--one", str(path), cache, str(out), "1" if semantic else "0"]
    done = subprocess.run(
        args, capture_output=True, text=True, check=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def edit(path: Path, line: int, mark: str) -> None:
    rows = path.read_text(encoding="utf-8").splitlines()
    obj = json.loads(rows[line])
    obj["translation"] = f"{mark} {obj['translation']}"
    rows[line] = json.dumps(obj, ensure_ascii=False)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def show(label: str, r: dict[str, object]) -> None:
    stages = r["stages"]
    assert isinstance(stages, dict)
    parts = "  ".join(f"{k} {v:.2f}" for k, v in stages.items() if ":" not in k)
    print(f"{label:<46} {r['seconds']:7.2f} s   ({parts})")


def main() -> None:
    if {"-h", "--help"} & set(sys.argv[1:]):
        print(__doc__)
        return
    unknown = [a for a in sys.argv[1:] if a.startswith("-") and a not in ("--no-semantic",)]
    if unknown:
        sys.exit(f"unknown option {unknown[0]} (see --help)")
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    semantic = "--no-semantic" not in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.jsonl"
        path.write_text((Path(args[0]) if args else DEFAULT).read_text(encoding="utf-8"), encoding="utf-8")
        cache = str(Path(tmp) / "cache.sqlite3")
        n = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        print(
            f"pairs: {n}, Apertium, semantic scores {'on' if semantic else 'off'}, load {os.getloadavg()[0]:.1f}"
        )
        show("1. first run (fills both caches)", run(path, cache, Path(tmp) / "r1.json", semantic))
        edit(path, 4, "Meanwhile,")
        with sqlite3.connect(cache) as db:
            db.execute("DELETE FROM derived")
        without = run(path, cache, Path(tmp) / "r2.json", semantic)
        show("2. one pair edited, translations cached only", without)
        edit(path, n // 2, "Meanwhile,")
        with_memo = run(path, cache, Path(tmp) / "r3.json", semantic)
        show("3. another pair edited, with the segment memo", with_memo)
        fresh = run(path, "", Path(tmp) / "r4.json", semantic)
        show("4. the same file, no cache", fresh)
        same = (Path(tmp) / "r3.json").read_bytes() == (Path(tmp) / "r4.json").read_bytes()
        ratio = float(with_memo["seconds"]) / float(without["seconds"])  # type: ignore[arg-type]
        print(
            f"run 3 / run 2: {ratio:.2f} ({1 / ratio:.1f}x faster); report of run 3 == run 4 byte for byte: {same}"
        )
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        one_run(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] == "1")
    else:
        main()
