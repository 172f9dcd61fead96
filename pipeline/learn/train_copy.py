"""Training the round-trip (copy-only) calibration: `driftcheck calibrate --mode roundtrip`.

Same recipe and file format as the source-aware calibration (pipeline/learn/train.py, whose pieces it
reuses), with two differences that come from having no source:

- Rows: each translation of a labelled file is checked as its own one-sentence article, copy
  only (round-trip mode, no source: what `driftcheck check copy.txt` does to one paragraph);
  the held-out fifth (`pair_id % 5 == 0`) stays out, the model is cross-validated by `pair_id`.
- Thresholds: the `review` threshold is the lowest drift at which neither the labelled files'
  correct translations (out-of-fold) nor the *natural copy* files' correct sides (`--natural`:
  real published copy, never trained on; their training part, `pair_id % 5 != 0`) are flagged
  more often than the target (with 90 % confidence), counting the flags that ask for review anyway.
  The combiner never fails a copy (pipeline/core/copy_judge.py): `fail` is stored as 1.0.
- Precision budget: a kind of flag that by itself asks for review on more than the budget's share
  of the natural copy's correct sides raises `minor` evidence instead. Every round-trip finding
  asks for review at most, so the budget defaults to the review target (5 %), not the 1 % that a
  source-aware kind needs to fail a translation alone.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from typing import Any

from ..config import Settings
from ..core import calibration as cal
from ..core.verdict import verdict
from . import train
from .labelled import Row, file_names, languages, load_labelled, rows_from

TARGETS = {"review": 0.05, "fail": 0.0}  # the combiner may only ask for review
BUDGET = TARGETS["review"]


def collect_copies(
    paths: Sequence[str], settings: Settings, first: int = 0
) -> tuple[list[Row], dict[str, Any]]:
    """Round-trip mode on every translation of the labelled files (copy only), uncalibrated:
    flags as raised, features for the combiner. Files are numbered from `first`."""
    from ..core.copy_judge import CopyJudge
    from ..core.roundtrip import run_roundtrip
    from ..core.run_config import resolve_config
    from ..core.verify import build_engine
    from ..records import Segment
    from ..timing import Timer

    rows: list[Row] = []
    info: dict[str, Any] = {}
    names = file_names(paths)
    for index, path in enumerate(paths, start=first):
        segments, digest = load_labelled(path)
        _, tgt = languages(segments, settings, path, need_source=False)
        local = dataclasses.replace(settings, lang=tgt)
        # each translation is its own one-sentence article, with no source, as a reader would meet it
        copies = [Segment(s.id, i, 1, 1, s.line, s.text, meta=s.meta) for i, s in enumerate(segments)]
        engine = build_engine(local, [tgt, settings.pivots[0] if settings.pivots else "es"])
        t0 = time.perf_counter()
        config = resolve_config(local, "roundtrip")
        judge = CopyJudge(config, engine.name, raw=True)
        results, routes, _ = run_roundtrip(copies, engine, config, Timer(), judge)
        rows += rows_from(index, results)
        info[path] = {
            "name": names[path],
            "sha256": digest,
            "lang": tgt,
            "routes": {k: "->".join(v) for k, v in routes.items()},
            "engine": engine.name,
            "seconds": round(time.perf_counter() - t0, 2),
        }
    return rows, info


def _as_variant(d: dict[str, Any]) -> cal.Variant:
    return cal.parse(train._file([d], mode="roundtrip"), "training").variants[0]


def _predict(model: dict[str, Any], rows: Sequence[Row]) -> list[float]:
    v = _as_variant({**train._variant_shell("p", None, [], {}), "model": model})
    return [cal.sigmoid(v.logit(r.features)[0]) for r in rows]


def _rates(rows: Sequence[Row], flagged: Sequence[bool]) -> dict[str, float | None]:
    def rate(group: str) -> float | None:
        g = [f for r, f in zip(rows, flagged) if r.group == group]
        return round(sum(g) / len(g), 4) if g else None

    return {
        "false_flags_correct": rate("correct"),
        "false_flags_minor": rate("minor"),
        "recall_shifted": rate("shifted"),
    }


def fit_copy_variant(
    labelled: Sequence[Row],
    natural: Sequence[Row],
    engine: str | None,
    pivots: Sequence[str],
    review_rate: float = TARGETS["review"],
    budget: float = BUDGET,
) -> dict[str, Any]:
    """A round-trip calibration variant: trained on the training part of `labelled`, its review
    threshold set on out-of-fold drift there and on the natural copy's training part."""
    recipe = dict(train.RECIPE)
    rows = [r for r in labelled if not r.heldout and r.features]
    nat = [r for r in natural if not r.heldout and r.group == "correct" and r.features]
    names = train.feature_names(rows, int(recipe["min_support"]))
    requires = sorted({n.split(":", 1)[0] for n in names} - cal.CORE_GROUPS)
    checks = train.precision_table(nat, budget)
    variant = train._variant_shell(
        "+".join(pivots) or "any", engine, requires, {"budget": budget, "checks": checks}
    )
    variant["recipe"], variant["pivots"] = recipe, list(pivots)
    variant["targets"] = {
        "review": review_rate,
        "fail": 0.0,
        "yardstick": "natural copy and labelled correct",
    }
    shell = _as_variant(variant)
    both = rows + nat
    forced = [verdict(cal.apply_budget(r.flags, shell, ())) != "ok" for r in both]
    p = train.out_of_fold(rows, names, recipe)
    model = train.fit_model(rows, names, recipe)
    p_nat = _predict(model, nat)
    review = train._threshold(both, p + p_nat, forced, review_rate)
    variant["thresholds"] = {"review": review, "fail": 1.0}
    variant["model"] = model
    flagged = [f or q >= review for f, q in zip(forced, p + p_nat)]
    auc = train_auc(rows, p)
    variant["cv"] = {
        "labelled": {"pairs": len(rows), "drift_auc": auc, **_rates(rows, flagged[: len(rows)])},
        "natural": {"pairs": len(nat), **_rates(nat, flagged[len(rows) :])},
    }
    return variant


def train_auc(rows: Sequence[Row], p: Sequence[float]) -> float | None:
    from .metrics import roc_auc

    auc = roc_auc([q for r, q in zip(rows, p) if r.shifted], [q for r, q in zip(rows, p) if not r.shifted])
    return None if auc is None else round(auc, 4)


def judge_copy_rows(rows: list[Row], settings: Settings, engine: str | None) -> dict[str, Any] | None:
    """Apply the round-trip calibration (the shipped one or `settings.calibration`) to collected
    rows, in place, as a round-trip run would; returns its signature (None: no calibration)."""
    from ..core.copy_judge import judge_flags

    found = cal.resolve("roundtrip", settings.calibration)
    if found is None:
        return None
    groups = set().union(*(cal.groups_of(r.features) for r in rows))
    variant = found.pick(groups, engine)
    for r in rows:
        out = judge_flags(r.flags, r.features, variant)
        r.drift, r.verdict, r.final_flags = out.drift, out.verdict, out.flags
    return cal.signature(found, variant)
