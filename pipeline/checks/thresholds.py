"""The numbers the checks compare against, in one place: defaults and per-run overrides.

The defaults are calibrated with Apertium on the labelled es->en dev set (see
benchmarks/calibrate_checks.py). Config exposes them as `thresholds.<name>` (validated against
`THRESHOLDS` in config.py; the resolved overrides travel in `RunConfig.thresholds` and reach a
check through `CheckInput.options`); a check reads one with `threshold(inp, name)`. They live
with the checks, which read them, so the judge (core/verdict.py, which reads checks/drift.py)
and the checks never import each other in a circle.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import CheckInput

# name -> default. Units: chrF 0..100; ratios of letter counts.
THRESHOLDS: dict[str, float] = {
    # drift check: chrF below these (all available views at once) flags the segment (major)
    "drift_forward_chrf": 27.0,  # chrF(translation, forward translation of the source)
    "drift_back_chrf": 25.0,  # chrF(back-translation, source)
    "drift_roundtrip_chrf": 30.0,  # chrF(round trip, original)
    # order check: scrambled when both fall below (means over the forward and back views)
    "order_tau": 0.8,  # Kendall's tau of shared words (1 = same order, 0.5 = random)
    "order_bigram_keep": 0.2,  # share of word pairs kept, relative to the share of words kept
    # length check: letters of the translation / letters of the forward translation (or source)
    "length_ratio_min": 0.5,
    "length_ratio_max": 2.0,
}


def threshold(inp: CheckInput, name: str) -> float:
    """The value of a threshold for this input: an override from `inp.options` (flat key "<name>"
    or "thresholds.<name>", or a nested {"thresholds": {...}} dict), else the default."""
    opts: Mapping[str, object] = inp.options or {}
    nested = opts.get("thresholds")
    for value in (
        opts.get(name),
        opts.get(f"thresholds.{name}"),
        nested.get(name) if isinstance(nested, Mapping) else None,
    ):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    return THRESHOLDS[name]
