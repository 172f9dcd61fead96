"""Training a calibration (`driftcheck calibrate`): the only module that imports scikit-learn.

On the training part of labelled files (pipeline/learn/labelled.py; the held-out fifth never enters):

1. Precision budget: for every kind of flag a check raises at `major`/`critical`, the share of
   correct translations it fires on, pooled over the files, on the training part and on the
   held-out part. A kind over the budget (0.5 %, learn/defaults.py) on either is capped: it raises `minor` evidence;
   and a check whose kept kinds together are over it loses its least precise kinds too.
2. Combiner: logistic regression over standardised features (flags as raised, distances,
   lengths, coverage, optional groups such as semantic cosines), each (file, label) weighted to
   the same total so that no file's share of shifted pairs, and nothing that only tells the files
   apart, is learned; monotone (a feature whose weight comes out negative is dropped). `drift` is
   thus the probability of a shift when shifts and correct translations are equally likely a priori.
3. Thresholds: out-of-fold predictions (group k-fold by source sentence, fixed seed) choose the
   lowest `review` and `fail` thresholds at which no file flags more than the target share of its
   correct translations (5 % and 1 %) with 90 % confidence (Wilson upper bound: with 3,000
   correct pairs about 4.5 % is seen; with 100, none), counting the verdicts the budgeted flags
   force anyway.
4. The final model is fitted on the whole training part; the file records the recipe, the
   training files (sha256), the budget table and the cross-validated metrics.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from ..core import calibration as cal
from ..core.verdict import verdict
from ..errors import UsageError
from ..records import GATING
from .defaults import BUDGET, TARGETS
from .labelled import Row, judge_rows
from .metrics import wilson_interval

COMMON: dict[str, Any] = {"folds": 5, "seed": 13, "min_support": 5}  # every combiner's
RECIPE: dict[str, Any] = {"kind": "logistic", "C": 1.0, **COMMON}


def recipe_for(combiner: str) -> dict[str, Any]:
    """The training recipe of a combiner kind (`logistic` or `trees`)."""
    if combiner == "trees":
        from .train_trees import TREES_RECIPE

        return {"kind": "trees", **TREES_RECIPE, **COMMON}
    return dict(RECIPE)


def _sklearn() -> Any:
    try:
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise UsageError(
            "training needs scikit-learn: pip install 'driftcheck[train]' (running a calibration does not)"
        ) from exc
    from sklearn import linear_model, model_selection, preprocessing

    return linear_model, model_selection, preprocessing


def feature_names(rows: Sequence[Row], min_support: int) -> list[str]:
    """Continuous features always; a flag kind only when at least `min_support` rows raised it."""
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        for name, value in r.features.items():
            if value:
                counts[name] += 1
    every = {n for r in rows for n in r.features}
    return sorted(n for n in every if not n.startswith("flag:") or counts[n] >= min_support)


def _weights(rows: Sequence[Row]) -> list[float]:
    """Each (file, shifted?) cell gets the same total weight; weights average 1."""
    cells: dict[tuple[int, bool], int] = defaultdict(int)
    for r in rows:
        cells[(r.file, r.shifted)] += 1
    raw = [1.0 / cells[(r.file, r.shifted)] for r in rows]
    scale = len(rows) / sum(raw)
    return [w * scale for w in raw]


def fit_model(rows: Sequence[Row], names: list[str], recipe: dict[str, Any]) -> dict[str, Any]:
    """Logistic regression on standardised features, exported as plain numbers.

    Monotone: every feature but context (`ctx:`) is oriented so that more is more suspicious, and
    one that gets a negative weight (a side effect of correlated features) is dropped and the model
    refitted, until none is left: no evidence ever counts in favour of a translation, and the
    evidence named for a verdict reads the way it should."""
    import numpy as np

    linear_model, _, preprocessing = _sklearn()
    y = np.array([r.shifted for r in rows])
    if len(set(y.tolist())) < 2:
        raise UsageError("training needs both correct and shifted pairs in the training part")
    weights = np.array(_weights(rows))
    kept = list(names)
    while True:
        x = np.array([[r.features.get(n, 0.0) for n in kept] for r in rows], dtype=float)
        scaler = preprocessing.StandardScaler().fit(x)
        model = linear_model.LogisticRegression(C=float(recipe["C"]), max_iter=5000)
        model.fit(scaler.transform(x), y, sample_weight=weights)
        wrong = [n for n, w in zip(kept, model.coef_[0]) if w < 0 and not n.startswith(cal.CONTEXT)]
        if not wrong:
            break
        kept = [n for n in kept if n not in wrong]
    terms = [
        {"feature": n, "mean": round(float(m), 6), "scale": round(float(s), 6), "weight": round(float(w), 6)}
        for n, m, s, w in zip(kept, scaler.mean_, scaler.scale_, model.coef_[0])
    ]
    return {"kind": "logistic", "intercept": round(float(model.intercept_[0]), 6), "terms": terms}


def fit_combiner(rows: Sequence[Row], names: list[str], recipe: dict[str, Any]) -> dict[str, Any]:
    """The combiner the recipe names: `logistic` (default) or monotone boosted `trees`."""
    if recipe.get("kind") == "trees":
        from .train_trees import fit_trees

        _sklearn()
        return fit_trees(rows, names, _weights(rows), recipe)
    return fit_model(rows, names, recipe)


def precision_table(rows: Sequence[Row], budget: float) -> dict[str, dict[str, Any]]:
    """Per flag kind raised at major/critical: its false-flag share on correct translations."""
    correct = {
        part: [r for r in rows if r.group == "correct" and r.heldout == part] for part in (False, True)
    }
    kinds = sorted({f"{f.check}:{f.severity}" for r in rows for f in r.flags if f.severity in GATING})
    table: dict[str, dict[str, Any]] = {}
    for kind in kinds:
        entry: dict[str, Any] = {}
        worst = 0.0
        for part, label in ((False, "train"), (True, "heldout")):
            group = correct[part]
            if not group:
                continue
            fired = sum(any(f"{f.check}:{f.severity}" == kind for f in r.flags) for r in group)
            share = fired / len(group)
            entry[f"correct_{label}"] = round(share, 4)
            entry[f"n_{label}"] = len(group)
            worst = max(worst, share)
        entry["severity"] = "minor" if worst > budget else "kept"
        table[kind] = entry
    _whole_checks(correct, table, budget)
    return table


def _whole_checks(correct: dict[bool, list[Row]], table: dict[str, dict[str, Any]], budget: float) -> None:
    """The budget holds per check, not only per kind: a check whose kept kinds together gate more
    correct translations than the budget (on either part) loses its least precise kind to `minor`
    until they do not ("negation:major" goes, the unambiguous "negation:critical" stays)."""
    for check in sorted({k.split(":", 1)[0] for k in table}):
        while True:
            kept = [k for k, e in table.items() if k.split(":", 1)[0] == check and e["severity"] == "kept"]
            if len(kept) < 2:
                break
            over = any(
                sum(any(f"{f.check}:{f.severity}" in kept for f in r.flags) for r in group)
                > budget * len(group)
                for group in correct.values()
                if group
            )
            if not over:
                break
            worst = max(
                kept,
                key=lambda k: (max(table[k].get("correct_train", 0), table[k].get("correct_heldout", 0)), k),
            )
            table[worst]["severity"] = "minor"
            table[worst]["whole_check"] = True  # capped because the check as a whole is over


def _variant_shell(
    name: str, engine: str | None, requires: list[str], precision: dict[str, Any]
) -> dict[str, Any]:
    return {
        "name": name,
        "engine": engine,
        "requires": requires,
        "model": {"kind": "logistic", "intercept": 0.0, "terms": []},
        "thresholds": {"review": 1.0, "fail": 1.0},
        "precision": precision,
    }


CONFIDENCE_Z = 1.2816  # one-sided 90 %


def wilson_upper(k: int, n: int, z: float = CONFIDENCE_Z) -> float:
    """Upper confidence bound of a rate seen k times in n (Wilson score interval)."""
    return wilson_interval(k, n, z)[1]


def allowed_flags(n: int, target: float) -> int:
    """Most correct rows out of n that may be flagged so that the false-flag rate is at most the
    target with 90 % confidence: a threshold that holds on text it was not chosen on. -1: none."""
    k = math.floor(target * n + 1e-9)
    while k >= 0 and wilson_upper(k, n) > target:
        k -= 1
    return k


def _threshold(rows: Sequence[Row], p: Sequence[float], forced: Sequence[bool], target: float) -> float:
    """Lowest drift threshold at which no file flags more than `target` of its correct rows
    (with 90 % confidence, see `allowed_flags`)."""
    by_file: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r.group == "correct":
            by_file[r.file].append(i)
    t = 0.0
    for idx in by_file.values():
        # a file too small to certify the target with confidence flags none of its correct rows
        allowed = max(allowed_flags(len(idx), target), 0) - sum(forced[i] for i in idx)
        if allowed < 0:
            return 1.0  # the forced verdicts alone exceed the target: drift raises none
        free = sorted((p[i] for i in idx if not forced[i]), reverse=True)
        if allowed < len(free):  # flag the `allowed` highest: just above the next one
            t = max(t, free[allowed] + 1e-6)
    return min(1.0, math.ceil(t * 1e4) / 1e4)


def _limit_fails(rows: Sequence[Row], checks: dict[str, dict[str, Any]], target: float) -> None:
    """Critical kinds within the budget each fail few correct translations, but together they may
    fail more than the fail target: lower the least precise to `major` (review) until they do not."""
    while True:
        shell = cal.parse(
            _file([_variant_shell("limit", None, [], {"checks": checks})]), "training"
        ).variants[0]
        over = False
        for file in {r.file for r in rows}:
            correct = [r for r in rows if r.file == file and r.group == "correct"]
            fails = sum(verdict(cal.apply_budget(r.flags, shell, ())) == "fail" for r in correct)
            over = over or fails > max(allowed_flags(len(correct), target), 0)
        kept = [k for k, e in checks.items() if k.endswith(":critical") and e["severity"] == "kept"]
        if not over or not kept:
            return
        worst = max(
            kept,
            key=lambda k: (max(checks[k].get("correct_train", 0), checks[k].get("correct_heldout", 0)), k),
        )
        checks[worst]["severity"] = "major"


def _need_two_sentences(train: Sequence[Row], folds: int, what: str) -> None:
    """Cross-validation groups by source sentence: fewer than two in the training part is one line
    saying so (calibrate said "cross-validation needs at least two source sentences" of a file
    whose sentences were all in the held-out fifth)."""
    if folds < 2:
        raise UsageError(
            f"{what} needs at least two source sentences in the training part ({len(train)} pairs there; "
            "the pairs whose pair_id is a multiple of 5 are held out)"
        )


def out_of_fold(rows: Sequence[Row], names: list[str], recipe: dict[str, Any]) -> list[float]:
    """Drift of every row predicted by a model that did not see its source sentence."""
    _, model_selection, _ = _sklearn()
    keys = sorted({r.key for r in rows})
    folds = min(int(recipe["folds"]), len(keys))
    _need_two_sentences(rows, folds, "training")
    splitter = model_selection.GroupKFold(n_splits=folds, shuffle=True, random_state=int(recipe["seed"]))
    p = [0.0] * len(rows)
    groups = [r.key for r in rows]
    for train_idx, test_idx in splitter.split(list(range(len(rows))), groups=groups):
        part = [rows[i] for i in train_idx]
        variant = cal.parse(_file([_with_model(fit_combiner(part, names, recipe))]), "fold").variants[0]
        for i in test_idx:
            p[i] = cal.sigmoid(variant.logit(rows[i].features)[0])
    return p


def _with_model(model: dict[str, Any]) -> dict[str, Any]:
    return {**_variant_shell("fold", None, [], {}), "model": model}


def _file(variants: list[dict[str, Any]], **meta: Any) -> dict[str, Any]:
    return {
        "format": cal.FORMAT,
        "version": cal.FORMAT_VERSION,
        "mode": "source",
        **meta,
        "variants": variants,
    }


def fit_variant(
    rows: Sequence[Row],
    budget_rows: Sequence[Row],
    engine: str | None,
    recipe: dict[str, Any] | None = None,
    targets: dict[str, float] | None = None,
    budget: float = BUDGET,
) -> dict[str, Any]:
    """A complete calibration variant trained on `rows` (the budget measured on `budget_rows`)."""
    recipe = recipe or RECIPE
    targets = {**TARGETS, **(targets or {})}
    train = [r for r in rows if r.features]
    names = feature_names(train, int(recipe["min_support"]))
    requires = sorted({n.split(":", 1)[0] for n in names} - cal.CORE_GROUPS)
    checks = precision_table(budget_rows, budget)
    _limit_fails(train, checks, targets["fail"])
    precision = {"budget": budget, "checks": checks}
    variant = _variant_shell(cal.variant_name(engine, requires), engine, requires, precision)
    variant["recipe"] = recipe
    variant["targets"] = targets
    p = out_of_fold(train, names, recipe)
    shell = cal.parse(_file([variant]), "training").variants[0]
    flags = [cal.apply_budget(r.flags, shell, ()) for r in train]
    forced_review = [verdict(f) != "ok" for f in flags]
    forced_fail = [verdict(f) == "fail" for f in flags]
    review = _threshold(train, p, forced_review, targets["review"])
    fail = max(review, _threshold(train, p, forced_fail, targets["fail"]))
    variant["thresholds"] = {"review": review, "fail": fail}
    variant["model"] = fit_combiner(train, names, recipe)
    variant["cv"] = _cv_summary(train, p, forced_review, review)
    return variant


def _cv_summary(
    rows: Sequence[Row], p: Sequence[float], forced: Sequence[bool], review: float
) -> dict[str, Any]:
    """Out-of-fold ROC AUC of drift and rates at the chosen review threshold, per file."""
    from .metrics import roc_auc

    out: dict[str, Any] = {}
    for file in sorted({r.file for r in rows}):
        idx = [i for i, r in enumerate(rows) if r.file == file]
        flagged = {i: forced[i] or p[i] >= review for i in idx}

        def rate(group: str, idx: list[int] = idx, flagged: dict[int, bool] = flagged) -> float | None:
            g = [i for i in idx if rows[i].group == group]
            return round(sum(flagged[i] for i in g) / len(g), 4) if g else None

        auc = roc_auc([p[i] for i in idx if rows[i].shifted], [p[i] for i in idx if not rows[i].shifted])
        out[str(file)] = {
            "pairs": len(idx),
            "drift_auc": None if auc is None else round(auc, 4),
            "false_flags_correct": rate("correct"),
            "false_flags_minor": rate("minor"),
            "recall_shifted": rate("shifted"),
        }
    return out


def trained_how(raw: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, float], float]:
    """(recipe, targets, budget) a stored variant was trained with; the defaults where it does not say."""
    recipe = raw.get("recipe") if isinstance(raw.get("recipe"), dict) else None
    targets = raw.get("targets") if isinstance(raw.get("targets"), dict) else None
    precision = raw.get("precision")
    budget = precision.get("budget") if isinstance(precision, dict) else None
    return (
        {**RECIPE, **(recipe or {})},
        {**TARGETS, **(targets or {})},
        float(budget) if isinstance(budget, int | float) and not isinstance(budget, bool) else BUDGET,
    )


def cross_validated(
    rows: list[Row],
    engine: str | None,
    recipe: dict[str, Any] | None = None,
    targets: dict[str, float] | None = None,
    budget: float = BUDGET,
) -> list[Row]:
    """Copies of the training rows, each judged by a variant trained (budget, model, thresholds)
    without its source sentence, the way `recipe`, `targets` and `budget` say: group k-fold,
    fixed seed."""
    import copy

    _, model_selection, _ = _sklearn()
    recipe = recipe or RECIPE
    train = [copy.copy(r) for r in rows if not r.heldout and r.features]
    folds = min(int(recipe["folds"]), len({r.key for r in train}))
    _need_two_sentences(train, folds, "--cv")
    splitter = model_selection.GroupKFold(n_splits=folds, shuffle=True, random_state=int(recipe["seed"]))
    for train_idx, test_idx in splitter.split(list(range(len(train))), groups=[r.key for r in train]):
        part = [train[i] for i in train_idx]
        variant = cal.parse(
            _file([fit_variant(part, part, engine, recipe, targets, budget)]), "fold"
        ).variants[0]
        judge_rows([train[i] for i in test_idx], variant)
    return train


def training_file(variant: dict[str, Any], files: list[dict[str, Any]], created: str) -> dict[str, Any]:
    variant = {**variant, "training": {"files": files}}
    return _file([variant], created=created)
