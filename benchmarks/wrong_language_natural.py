"""False `wrong_language` failures on natural text: every distinct source and every correct
translation of the development files, each as copy in its own language (Portuguese and Spanish
sources, English translations), through the check's own test (no engine: the pivots' readings
are left out, which only ever adds evidence of English).

    .venv/bin/python benchmarks/wrong_language_natural.py [PAIRS.jsonl ...]

Prints, per set, how many sentences the check would fail and the first few of them. A sentence
of the copy's own language that fails is a false failure; the check is the one round-trip
finding that fails on its own, so this should print 0 everywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.checks.foreign import foreign_spans, wrong_language  # noqa: E402

DATA = Path("/work/shared/data")
DEFAULT = [DATA / "demetr-es-dev.jsonl", DATA / "wmt22-ced-pt-en-dev.jsonl"]


def sets(paths: list[Path]) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out.setdefault((f"{path.stem}: sources", row["src_lang"]), set()).add(row["source"])
            if row["label"] == "ok":
                out.setdefault((f"{path.stem}: correct translations", row["tgt_lang"]), set()).add(
                    row["translation"]
                )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    args = ap.parse_args()
    t0 = time.perf_counter()
    for (name, lang), texts in sets(args.paths).items():
        failed = [
            t for t in sorted(texts) if (f := foreign_spans(t, lang, {})) and wrong_language(t, lang, f)
        ]
        print(f"{name} ({lang}): {len(texts)} sentences, {len(failed)} would fail wrong_language")
        for text in failed[:5]:
            print(f"    {text[:100]}")
    print(f"({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
