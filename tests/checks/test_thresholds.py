"""The checks' thresholds: named numbers with defaults, overridden per run through the options."""

from __future__ import annotations

from pipeline.checks.thresholds import THRESHOLDS, threshold

from .helpers import make


def test_threshold_overrides() -> None:
    assert threshold(make("a", "b"), "length_ratio_min") == THRESHOLDS["length_ratio_min"]
    overrides: tuple[dict[str, object], ...] = (
        {"length_ratio_min": 0.3},
        {"thresholds.length_ratio_min": 0.3},
        {"thresholds": {"length_ratio_min": 0.3}},
    )
    for options in overrides:
        assert threshold(make("a", "b", options=options), "length_ratio_min") == 0.3
    assert (
        threshold(make("a", "b", options={"length_ratio_min": True}), "length_ratio_min")
        == THRESHOLDS["length_ratio_min"]
    )


def test_thresholds_are_named_numbers() -> None:
    assert THRESHOLDS and all(isinstance(v, float) for v in THRESHOLDS.values())
    assert {"drift_forward_chrf", "drift_back_chrf", "drift_roundtrip_chrf", "order_tau"} <= set(THRESHOLDS)
