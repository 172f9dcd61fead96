"""Measures of a binary decision shared by `driftcheck eval` (evaluate.py) and training (train.py,
train_copy.py): ROC AUC of a score, MCC of a decision, the interval a rate's count leaves open.
Pure Python, no scikit-learn."""

from __future__ import annotations

import math


def roc_auc(positives: list[float], negatives: list[float]) -> float | None:
    """Probability that a random positive scores above a random negative (ties count half)."""
    if not positives or not negatives:
        return None
    ranked = sorted([(x, 1) for x in positives] + [(x, 0) for x in negatives])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        avg_rank = (i + j + 1) / 2  # 1-based average rank of the tie group
        rank_sum += avg_rank * sum(lbl for _, lbl in ranked[i:j])
        i = j
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def mcc(tp: int, fp: int, fn: int, tn: int) -> float | None:
    """Matthews correlation coefficient of a binary decision; None when a margin is empty."""
    den = (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)
    return None if den == 0 else (tp * tn - fp * fn) / math.sqrt(den)


Z95 = 1.959964  # two-sided 95 %


def wilson_interval(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a rate seen k times in n: where the rate may lie, given how few
    pairs there were (0 of 24 correct translations flagged still allows 14 %); (0, 1) when n is 0."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = p + z * z / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    den = 1 + z * z / n
    return max(0.0, (centre - margin) / den), min(1.0, (centre + margin) / den)
