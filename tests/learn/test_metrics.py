"""ROC AUC and MCC (pipeline/learn/metrics.py), on hand-worked cases."""

from __future__ import annotations

import pytest

from pipeline.learn.metrics import mcc, roc_auc, wilson_interval


def test_roc_auc_counts_ties_as_half() -> None:
    assert roc_auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert roc_auc([0.1], [0.9]) == 0.0
    assert roc_auc([0.5, 0.5], [0.5, 0.5]) == 0.5
    assert roc_auc([], [0.1]) is None


def test_mcc() -> None:
    assert mcc(5, 0, 0, 5) == 1.0 and mcc(0, 5, 5, 0) == -1.0
    assert mcc(2, 1, 1, 2) == pytest.approx(1 / 3)
    assert mcc(0, 0, 3, 3) is None  # nothing flagged: undefined


def test_wilson_interval_says_what_a_small_count_leaves_open() -> None:
    lo, hi = wilson_interval(0, 3)
    assert (lo, round(hi, 4)) == (0.0, 0.5615)  # z^2 / (n + z^2)
    lo, hi = wilson_interval(4, 4)
    assert (round(lo, 4), round(hi, 4)) == (0.5101, 1.0)
    lo, hi = wilson_interval(40, 755)  # Bergamot's held-out false flags: 5.3 %
    assert (round(lo, 4), round(hi, 4)) == (0.0391, 0.0713)
    assert wilson_interval(0, 0) == (0.0, 1.0)
    # the one-sided 90 % bound training picks thresholds with is the same interval at another z
    from pipeline.learn.train import CONFIDENCE_Z, wilson_upper

    assert wilson_upper(134, 3000) == wilson_interval(134, 3000, CONFIDENCE_Z)[1]
