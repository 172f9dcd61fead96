"""Source-aware mode on the 1,987 labelled es->en pairs with Apertium: wall time split by stage.

Baseline in the same run: Apertium called once per sentence (what a naive loop does),
measured on a sample and scaled, against driftcheck's one process per direction per batch.
Semantic scores are on when the sentence encoder is installed (the default); `--no-semantic`
measures without them, and `--no-morph` without the Apertium analysers' evidence (they read the
rows' texts on both cores while the loop scores and checks, so they lengthen those stages). The
"semantic" stage is the time spent waiting for the encoder after the checks (it encodes in the
background from the start). "score:background" is the scoring
done on a background thread while the engine translates (bilingual files: copy vs forward
translation); it is wall time inside the translate stage, not added to "score", and
"translate:engine" the time inside the engine calls.

    .venv/bin/python benchmarks/bench_source_pairs.py [PAIRS.jsonl] [--no-semantic] [--no-morph]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "demetr-es-dev.jsonl"
sys.path.insert(0, str(ROOT))


def _per_sentence_baseline(path: Path) -> tuple[float, int]:
    """Seconds per pair with one apertium process per sentence and direction, on a sample."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sample = rows[:20]
    legs = (("spa-eng", "source"), ("eng-spa", "translation"), ("spa-eng", "source"))
    t1 = time.perf_counter()
    for r in sample:
        for mode, field in legs:
            subprocess.run(["apertium", "-u", mode], input=r[field].encode(), capture_output=True, check=True)
    per_sentence = (time.perf_counter() - t1) / len(sample)
    return per_sentence, len(sample)


def main() -> None:
    if {"-h", "--help"} & set(sys.argv[1:]):
        print(__doc__)
        return
    unknown = [a for a in sys.argv[1:] if a.startswith("-") and a not in ("--no-semantic", "--no-morph")]
    if unknown:
        sys.exit(f"unknown option {unknown[0]} (see --help)")
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    from pipeline.config import Settings
    from pipeline.core.verify import verify
    from pipeline.inputs.read import atomic_write
    from pipeline.report.to_json import dumps, to_dict

    semantic = False if "--no-semantic" in sys.argv else None
    morph = False if "--no-morph" in sys.argv else None
    settings = Settings(
        lang="en", source_lang="es", engine="apertium", cache=False, semantic=semantic, morph=morph
    )
    t0 = time.perf_counter()
    report = verify([str(path)], settings)
    t_write = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        atomic_write(Path(tmp) / "out.json", dumps(to_dict(report)))
    total = time.perf_counter() - t0
    stages = dict(report.timings, write=time.perf_counter() - t_write)
    n = len(report.segments)

    per_sentence, sampled = _per_sentence_baseline(path)

    with_semantic = any(r.semantic is not None for r in report.segments)
    with_morph = any(k.startswith("pv:") for r in report.segments for k in r.features)
    print(
        f"pairs: {n}  ({path.name}), semantic scores {'on' if with_semantic else 'off'}, "
        f"analysers {'on' if with_morph else 'off'}"
    )
    print(f"driftcheck end to end: {total:.2f} s  ({n / total:.0f} pairs/s)")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"  load average {load}")
    for name in ("read", "translate", "align", "score", "check", "semantic", "judge", "write"):
        if name in stages:
            print(f"  {name:<10} {stages[name]:7.2f} s")
    around = sum(stages.get(name, 0.0) for name in ("score", "check", "judge"))
    background, in_engine = stages.get("score:background", 0.0), stages.get("translate:engine", 0.0)
    print(
        f"  score + check + judge: {around:.2f} s = {100 * around / stages['translate']:.0f} % of translate "
        "(floor, issue 14: <= 50 %)"
    )
    print(
        f"  inside translate: engine calls {in_engine:.2f} s; scoring on a background thread meanwhile "
        f"{background:.2f} s (the stage lasts as long as the longer of the two)"
    )
    naive = per_sentence * n
    print(
        f"baseline, one apertium process per sentence per direction: {per_sentence * 1000:.0f} ms/pair "
        f"-> {naive:.0f} s for {n} pairs (estimated from {sampled})"
    )
    print(f"ratio: driftcheck is {naive / total:.1f}x faster than the per-sentence loop")
    print(f"floor (issue 3): < 30 s -> {'PASS' if total < 30 else 'FAIL'}")


if __name__ == "__main__":
    main()
