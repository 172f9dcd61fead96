"""Copy-only (round-trip) accuracy with one, two and three pivots, per category.

    .venv/bin/python benchmarks/bench_copy_only.py [--pivots es es,ca es,ca,eo pt es,pt] [--engine auto]
        [--dev ../shared/data/demetr-es-dev.jsonl] [--test OTHER.jsonl ...] [--dump DIR]
        [--natural ../shared/data/wmt22-ced-pt-en-dev.jsonl] [--calibration FILE] [--cv]

Each labelled translation (the English side of DEMETR: real copy) is checked as its own
article with no source, through `run_roundtrip` with the pivots given: exactly what
`driftcheck check copy.txt --pivot es --pivot ca` does to one paragraph. The dev file is
split into its in-sample part and its held-out fifth (`pair_id % 5 == 0`, never tuned on);
every `--test` file is reported whole (files never used for tuning). Printed per pivot set:
false flags on correct translations and on harmless edits, recall on shifted copy, a
per-category table, the checks behind the flags, and recall on shifted copy at the same
false-flag rate as the one-pivot baseline of the same run (ranked by `drift`).

Verdicts are shown three ways: `rules` (the flags alone, no calibration), `calibrated` (the
round-trip calibration: the shipped one, or `--calibration FILE`) and, with `--cv`, the in-sample
part `cross-validated` (each pair_id judged by a calibration trained without it, group 5-fold,
fixed seed, its review threshold held to the natural copy's training part). `--natural` files
(default: the WMT22 file, its correct English sides: natural published copy) give the false-flag
rate on natural copy, whole file and held-out fifth, per pivot set and verdict kind.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import Settings  # noqa: E402
from pipeline.core import calibration as cal  # noqa: E402
from pipeline.core.copy_judge import CopyJudge, judge_flags  # noqa: E402
from pipeline.core.roundtrip import run_roundtrip  # noqa: E402
from pipeline.core.run_config import resolve_config  # noqa: E402
from pipeline.core.verify import build_engine  # noqa: E402
from pipeline.learn.labelled import Row, group_of, load_labelled, rows_from  # noqa: E402
from pipeline.learn.metrics import roc_auc  # noqa: E402
from pipeline.records import Segment, SegmentResult  # noqa: E402
from pipeline.timing import Timer  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "demetr-es-dev.jsonl"
NATURAL = ROOT.parent / "shared" / "data" / "wmt22-ced-pt-en-dev.jsonl"
# Categories the copy-only floors are about, shown first.
FOCUS = ("codemix", "shuffled", "empty")


def copies(path: str) -> list[Segment]:
    """Every translation as its own one-sentence article (document = its line), no source."""
    return [Segment(s.id, i, 1, 1, s.line, s.text, meta=s.meta) for i, s in enumerate(load_labelled(path)[0])]


def run(segments: list[Segment], pivots: list[str], engine_name: str) -> list[SegmentResult]:
    settings = Settings(lang="en", pivots=pivots, engine=engine_name)
    engine = build_engine(settings, ["en", pivots[0]])
    config = resolve_config(settings, "roundtrip")
    judge = CopyJudge(config, engine.name, raw=True)  # flags and features; verdicts applied below
    results, _, _ = run_roundtrip(segments, engine, config, Timer(), judge)
    return results


def calibrated(results: list[SegmentResult], variant: cal.Variant) -> list[SegmentResult]:
    """The results as a round-trip run with this calibration variant judges them."""
    out = []
    for r in results:
        j = judge_flags(r.flags, r.features, variant)
        out.append(dataclasses.replace(r, drift=j.drift, verdict=j.verdict, flags=j.flags))
    return out


def cross_validated(
    results: list[SegmentResult], natural: list[Row], engine: str, pivots: list[str]
) -> list[SegmentResult]:
    """In-sample results judged by calibrations trained without their pair_id (held-out rows untouched)."""
    from sklearn.model_selection import GroupKFold

    from pipeline.learn.train import RECIPE, _file
    from pipeline.learn.train_copy import fit_copy_variant

    rows = rows_from(0, results)
    idx = [i for i, r in enumerate(rows) if not r.heldout]
    out = list(results)
    folds = GroupKFold(n_splits=int(RECIPE["folds"]), shuffle=True, random_state=int(RECIPE["seed"]))
    for tr, te in folds.split(idx, groups=[rows[i].key for i in idx]):
        d = fit_copy_variant([rows[idx[k]] for k in tr], natural, engine, pivots)
        variant = cal.parse(_file([d], mode="roundtrip"), "fold").variants[0]
        for k in te:
            out[idx[k]] = calibrated([results[idx[k]]], variant)[0]
    return out


def engines_of(pivots: list[str], engine_name: str) -> str:
    """Which engine makes each pivot's round trip ("es: apertium, pt: bergamot")."""
    settings = Settings(lang="en", pivots=pivots, engine=engine_name)
    inner = getattr(build_engine(settings), "engine", None)
    choose = getattr(inner, "choose", None)
    return ", ".join(f"{p}: {choose('en', p) if callable(choose) else engine_name}" for p in pivots)


def rate(rs: list[SegmentResult]) -> float:
    return sum(r.verdict != "ok" for r in rs) / len(rs) if rs else 0.0


def table(results: list[SegmentResult]) -> dict[str, Any]:
    by_cat: dict[str, list[SegmentResult]] = defaultdict(list)
    by_group: dict[str, list[SegmentResult]] = defaultdict(list)
    checks: Counter[str] = Counter()
    for r in results:
        meta = dict(r.segment.meta)
        by_cat[meta.get("category", "?")].append(r)
        by_group[group_of(meta)].append(r)
        if r.verdict != "ok":
            checks.update({f.check for f in r.flags if f.severity in ("major", "critical")})
    cats = {c: (dict(rs[0].segment.meta).get("label", "?"), len(rs), rate(rs)) for c, rs in by_cat.items()}
    return {
        "n": len(results),
        "correct": rate(by_group["correct"]),
        "minor": rate(by_group["minor"]),
        "shifted": rate(by_group["shifted"]),
        "categories": cats,
        "checks": dict(checks.most_common()),
        "roundtrip": roundtrip_signal(results),
    }


def recall_at(results: list[SegmentResult], false_rate: float) -> float:
    """Recall on shifted copy when the `false_rate` highest-drift ok sentences are flagged."""
    ok = sorted((r.drift for r in results if group_of(dict(r.segment.meta)) != "shifted"), reverse=True)
    shifted = [r.drift for r in results if group_of(dict(r.segment.meta)) == "shifted"]
    if not ok or not shifted:
        return 0.0
    k = int(round(false_rate * len(ok)))
    cut = ok[k - 1] if k > 0 else float("inf")
    return sum(d > cut or (k > 0 and d >= cut) for d in shifted) / len(shifted)


def roundtrip_signal(results: list[SegmentResult]) -> tuple[float, float]:
    """What the pivots alone see: ROC AUC of 100 - median round-trip chrF (shifted vs ok), and
    recall on shifted copy at a 5 % false-flag rate on ok copy by that score."""
    ok: list[float] = []
    shifted: list[float] = []
    for r in results:
        score = 100.0 - statistics.median(rt.scores.chrf for rt in r.round_trips)
        (shifted if group_of(dict(r.segment.meta)) == "shifted" else ok).append(score)
    auc = roc_auc(shifted, ok) or 0.0
    cut = sorted(ok, reverse=True)[max(0, int(0.05 * len(ok)) - 1)] if ok else 0.0
    return auc, sum(x > cut for x in shifted) / len(shifted) if shifted else 0.0


def sources_as_copy(path: str, pivots: list[str], engine_name: str) -> str:
    """The dev file's originals (another language) checked as English copy: a sentence left untranslated."""
    originals = sorted({s.source or "" for s in load_labelled(path)[0]} - {""})
    segs = [Segment(str(i), i, 1, 1, 1, t) for i, t in enumerate(originals)]
    results = run(segs, pivots, engine_name)
    wrong = sum(any(f.check == "wrong_language" for f in r.flags) for r in results)
    fail = sum(r.verdict == "fail" for r in results)
    return (
        f"originals checked as English copy: {len(results)}; wrong_language {wrong / len(results):.1%}, "
        f"verdict fail {fail / len(results):.1%}"
    )


def print_tables(name: str, tables: dict[str, dict[str, Any]]) -> None:
    sets = list(tables)
    print(f"\n## {name}\n")
    print("| pivots | n | false flags, correct | false flags, minor edits | recall, shifted |")
    print("|---|---:|---:|---:|---:|")
    for s in sets:
        t = tables[s]
        print(f"| {s} | {t['n']} | {t['correct']:.1%} | {t['minor']:.1%} | {t['shifted']:.1%} |")
    cats = tables[sets[0]]["categories"]
    order = sorted(cats, key=lambda c: (c not in FOCUS, cats[c][0] != "shifted", c))
    print("\n| category | label | n | " + " | ".join(f"flagged, {s}" for s in sets) + " |")
    print("|---|---|---:|" + "---:|" * len(sets))
    for c in order:
        label, n, _ = cats[c]
        cells = " | ".join(f"{tables[s]['categories'].get(c, (label, n, 0.0))[2]:.1%}" for s in sets)
        print(f"| {c} | {label} | {n} | {cells} |")
    print("\nround-trip signal alone (100 - median chrF over the pivots):")
    for s in sets:
        auc, rec = tables[s]["roundtrip"]
        print(f"- {s}: ROC AUC {auc:.3f}, recall on shifted at 5 % false flags {rec:.1%}")
    for s in sets:
        print(
            f"\nchecks behind the flags ({s}): "
            + ", ".join(f"{k} {v}" for k, v in tables[s]["checks"].items())
        )


def natural_rates(results: list[SegmentResult]) -> str:
    """False flags on the natural copy's correct sides: whole file / held-out fifth."""
    rows = rows_from(0, results)
    correct = [(r, res) for r, res in zip(rows, results) if r.group == "correct"]
    held = [res for r, res in correct if r.heldout]
    return f"{rate([res for _, res in correct]):.1%} of {len(correct)} / held-out {rate(held):.1%} of {len(held)}"


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", default=str(DEV), help="the dev file ('' to measure only --test files)")
    ap.add_argument("--test", nargs="*", default=[], help="labelled files never used for tuning")
    ap.add_argument("--pivots", nargs="+", default=["es", "es,ca", "es,ca,eo", "pt", "es,pt"])
    ap.add_argument("--engine", default="auto", help="auto: Apertium for es/ca/eo, Bergamot for pt")
    ap.add_argument("--dump", help="write every segment's verdict and flags here (one JSONL per set)")
    ap.add_argument("--natural", default=str(NATURAL), help="natural copy (its correct sides); '' for none")
    ap.add_argument("--calibration", help="a round-trip calibration file (default: the shipped one)")
    ap.add_argument("--cv", action="store_true", help="also judge the in-sample part cross-validated")
    return ap.parse_args()


def natural_copy(args: argparse.Namespace, found: cal.Calibration | None) -> dict[str, list[Row]]:
    """Prints each pivot set's false flags on the natural copy; returns its rows (the --cv training)."""
    natural: dict[str, list[Row]] = {}
    for pset in args.pivots if args.natural else []:
        t0 = time.perf_counter()
        res = run(copies(args.natural), pset.split(","), args.engine)
        natural[pset] = rows_from(1, res)
        line = f"natural copy ({Path(args.natural).name}), pivots {pset}: false flags, rules {natural_rates(res)}"
        if found is not None:
            variant = found.pick(set().union(*(cal.groups_of(r.features) for r in res)), "apertium")
            line += f"; calibrated {natural_rates(calibrated(res, variant))}"
        print(f"{line} ({time.perf_counter() - t0:.0f} s)")
    return natural


def splits_of(fname: str, segs: list[Segment]) -> dict[str, list[int]]:
    """The dev file's in-sample part and held-out fifth (`pair_id % 5 == 0`); any other file whole."""
    if fname != "dev":
        return {fname: list(range(len(segs)))}
    return {
        "in-sample": [i for i, s in enumerate(segs) if int(dict(s.meta)["pair_id"]) % 5 != 0],
        "held-out": [i for i, s in enumerate(segs) if int(dict(s.meta)["pair_id"]) % 5 == 0],
    }


def verdict_kinds(
    args: argparse.Namespace,
    fname: str,
    segs: list[Segment],
    pset: str,
    found: cal.Calibration | None,
    natural: dict[str, list[Row]],
) -> dict[str, list[SegmentResult]]:
    """One pivot set's run over a file, judged by the rules, calibrated and (dev, --cv) cross-validated."""
    t0 = time.perf_counter()
    raw = run(segs, pset.split(","), args.engine)
    secs = time.perf_counter() - t0
    print(
        f"{fname}: pivots {pset} ({engines_of(pset.split(','), args.engine)}): {len(segs)} copies in {secs:.1f} s"
    )
    kinds = {"rules": raw}
    if found is not None:
        variant = found.pick(set().union(*(cal.groups_of(r.features) for r in raw)), "apertium")
        kinds["calibrated"] = calibrated(raw, variant)
    if args.cv and fname == "dev":
        kinds["cross-validated"] = cross_validated(raw, natural.get(pset, []), "apertium", pset.split(","))
    if args.dump:
        for kind, results in kinds.items():
            dump(Path(args.dump) / f"{fname}-{pset.replace(',', '+')}-{kind}.jsonl", results)
    return kinds


def measure_file(
    args: argparse.Namespace,
    fname: str,
    path: str,
    found: cal.Calibration | None,
    natural: dict[str, list[Row]],
) -> None:
    """Prints a file's tables per split and verdict kind, then recall at the one-pivot false-flag rate."""
    segs = copies(path)
    splits = splits_of(fname, segs)
    per_split: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    recall_rows: list[str] = []
    base_false: dict[str, float] = {}
    for pset in args.pivots:
        for kind, results in verdict_kinds(args, fname, segs, pset, found, natural).items():
            for split, idx in splits.items():
                if kind == "cross-validated" and split != "in-sample":
                    continue
                part = [results[i] for i in idx]
                per_split[f"{split}, {kind}"][pset] = table(part)
                ok_part = [r for r in part if group_of(dict(r.segment.meta)) != "shifted"]
                key = f"{fname}/{split}/{kind}"
                if pset == args.pivots[0]:
                    base_false[key] = rate(ok_part)
                recall_rows.append(
                    f"| {split}, {kind} | {pset} | {base_false[key]:.1%} | {recall_at(part, base_false[key]):.1%} |"
                )
    for split, tables in per_split.items():
        print_tables(f"{fname}: {split}", tables)
    print(f"\n{fname}: recall on shifted copy at the one-pivot false-flag rate (ranked by drift)\n")
    print("| split | pivots | false-flag rate | recall |\n|---|---|---:|---:|")
    print("\n".join(sorted(recall_rows)))


def main() -> None:
    args = parse_args()
    found = cal.resolve("roundtrip", args.calibration)
    if args.dev:
        print(sources_as_copy(args.dev, args.pivots[0].split(","), args.engine))
    natural = natural_copy(args, found)
    files = {**({"dev": args.dev} if args.dev else {}), **{Path(t).name: t for t in args.test}}
    for fname, path in files.items():
        measure_file(args, fname, path, found, natural)


def dump(out: Path, results: list[SegmentResult]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for r in results:
            row = {"id": r.segment.id, "verdict": r.verdict, "drift": r.drift, "features": dict(r.features)}
            row["flags"] = [[f.check, f.severity, f.message] for f in r.flags]
            fh.write(json.dumps({**dict(r.segment.meta), **row}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
