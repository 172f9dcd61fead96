"""Training the boosted-trees combiner (`kind: trees`), evaluated in pure Python by pipeline/core/trees.py.

Gradient boosting on the logistic loss, written out so that every tree is a public scikit-learn
`DecisionTreeRegressor` whose `tree_` arrays are exported as plain lists:

- each round fits a shallow regression tree to the residuals (label - current probability),
  weighted like the logistic combiner (each file and label the same total weight);
- monotone: every feature but context (`ctx:`) is constrained to raise the residual fit (the
  tree's `monotonic_cst`), and a tree's leaf values are its mean residuals times one constant
  step, so more evidence never lowers `drift` (the logistic combiner's promise, kept);
- interactions come with depth: a flag counts for more where the distances agree with it.

The step is `learning_rate / 0.25` (Newton's step where the probability is one half).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ..core import calibration as cal
from .labelled import Row

TREES_RECIPE: dict[str, Any] = {"rounds": 200, "depth": 3, "learning_rate": 0.1, "min_leaf": 20}


def fit_trees(
    rows: Sequence[Row], names: list[str], weights: Sequence[float], recipe: dict[str, Any]
) -> dict[str, Any]:
    """A boosted-trees model over `names`, exported as plain numbers (see pipeline/core/trees.py)."""
    import numpy as np
    from sklearn.tree import DecisionTreeRegressor

    x = np.array([[r.features.get(n, 0.0) for n in names] for r in rows], dtype=float)
    y = np.array([1.0 if r.shifted else 0.0 for r in rows])
    w = np.asarray(weights, dtype=float)
    mean = float(np.clip(np.average(y, weights=w), 1e-6, 1 - 1e-6))
    base = math.log(mean / (1 - mean))
    f = np.full(len(rows), base)
    step = float(recipe["learning_rate"]) / 0.25
    cst = [0 if n.startswith(cal.CONTEXT) else 1 for n in names]
    trees: list[dict[str, Any]] = []
    for i in range(int(recipe["rounds"])):
        residual = y - 1.0 / (1.0 + np.exp(-f))
        tree = DecisionTreeRegressor(
            max_depth=int(recipe["depth"]),
            min_samples_leaf=int(recipe["min_leaf"]),
            monotonic_cst=cst,
            random_state=int(recipe.get("seed", 13)) + i,
        ).fit(x, residual, sample_weight=w)
        f += step * tree.predict(x)
        trees.append(_export(tree.tree_, step))
    return {"kind": "trees", "features": names, "base": round(base, 6), "trees": trees}


def _export(t: Any, step: float) -> dict[str, list[Any]]:
    """One fitted tree as lists: split feature (-1 at a leaf), threshold, children, value (logit)."""
    leaf = [int(c) == -1 for c in t.children_left]
    return {
        "feature": [-1 if is_leaf else int(i) for i, is_leaf in zip(t.feature, leaf)],
        "threshold": [0.0 if is_leaf else round(float(v), 6) for v, is_leaf in zip(t.threshold, leaf)],
        "left": [int(c) for c in t.children_left],
        "right": [int(c) for c in t.children_right],
        "value": [round(step * float(v[0][0]), 6) for v in t.value],
    }
