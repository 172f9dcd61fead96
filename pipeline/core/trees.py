"""The boosted-trees combiner at run time, in pure Python (trained by pipeline/learn/train_trees.py).

A model is `base` plus, per tree, the value of the leaf a segment's features lead to (each node:
split `feature` index, or -1 at a leaf; go `left` when the value is <= `threshold`). What a
feature contributed is the change in value at the splits on it along the path, summed over the
trees (they add up to the logit less the trees' root values, which belong to no feature): that
names the evidence that weighed most.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from ..errors import ConfigError


@dataclass(frozen=True)
class Tree:
    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]


@dataclass(frozen=True)
class Forest:
    features: tuple[str, ...]
    base: float
    trees: tuple[Tree, ...]

    def logit(self, features: Mapping[str, float]) -> tuple[float, list[tuple[str, float, float]]]:
        """(logit, [(feature, its value, its contribution)]) for one segment; absent features are 0."""
        x = [features.get(n, 0.0) for n in self.features]
        contrib = [0.0] * len(self.features)
        z = self.base
        for t in self.trees:
            node = 0
            while t.feature[node] >= 0:
                i = t.feature[node]
                child = t.left[node] if x[i] <= t.threshold[node] else t.right[node]
                contrib[i] += t.value[child] - t.value[node]
                node = child
            z += t.value[node]
        return z, [(n, x[i], contrib[i]) for i, n in enumerate(self.features)]


def _ints(d: Mapping[str, Any], key: str, where: str, n: int, low: int) -> tuple[int, ...]:
    v = d.get(key)
    if not isinstance(v, list) or len(v) != n or not all(_int(i) and i >= low for i in v):
        raise ConfigError(f"{where}: '{key}' must be a list of {n} integers")
    return tuple(v)


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _finite(v: Any) -> TypeGuard[float]:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def _floats(d: Mapping[str, Any], key: str, where: str, n: int | None = None) -> tuple[float, ...]:
    """A list of finite numbers (`n` of them, or at least one): a NaN made every drift NaN."""
    v = d.get(key)
    if not isinstance(v, list) or not v or (n is not None and len(v) != n) or not all(map(_finite, v)):
        what = f"a list of {n} finite numbers" if n is not None else "a non-empty list of finite numbers"
        raise ConfigError(f"{where}: '{key}' must be {what}")
    return tuple(float(x) for x in v)


def parse_forest(model: Mapping[str, Any], where: str) -> Forest:
    names = model.get("features")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConfigError(f"{where}: 'features' must be a list of feature names")
    base = model.get("base")
    if not _finite(base):
        raise ConfigError(f"{where}: 'base' must be a finite number")
    raw = model.get("trees")
    if not isinstance(raw, list):
        raise ConfigError(f"{where}: 'trees' must be a list of trees")
    trees = []
    for k, t in enumerate(raw):
        w = f"{where}.trees[{k}]"
        if not isinstance(t, dict):
            raise ConfigError(f"{w}: must be an object")
        value = _floats(t, "value", w)
        n = len(value)
        feature = _ints(t, "feature", w, n, -1)
        left, right = _ints(t, "left", w, n, -1), _ints(t, "right", w, n, -1)
        threshold = _floats(t, "threshold", w, n)
        for i, f in enumerate(feature):
            inner = f >= 0
            if inner and (f >= len(names) or not (i < left[i] < n and i < right[i] < n)):
                raise ConfigError(f"{w}: node {i} points outside the tree or the feature list")
        trees.append(Tree(feature, threshold, left, right, value))
    return Forest(tuple(names), float(base), tuple(trees))
