"""ROC AUC and MCC (pipeline/learn/metrics.py), on hand-worked cases."""

from __future__ import annotations

import pytest

from pipeline.learn.metrics import mcc, roc_auc


def test_roc_auc_counts_ties_as_half() -> None:
    assert roc_auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert roc_auc([0.1], [0.9]) == 0.0
    assert roc_auc([0.5, 0.5], [0.5, 0.5]) == 0.5
    assert roc_auc([], [0.1]) is None


def test_mcc() -> None:
    assert mcc(5, 0, 0, 5) == 1.0 and mcc(0, 5, 5, 0) == -1.0
    assert mcc(2, 1, 1, 2) == pytest.approx(1 / 3)
    assert mcc(0, 0, 3, 3) is None  # nothing flagged: undefined
