"""Verdict and drift score of one segment, and the default thresholds in one place.

- `verdict(flags)`: "fail" if any critical flag, "review" if any major, else "ok"; info and
  minor flags never change the verdict.
- `drift(inp, flags)`: 0..1, higher = more likely shifted; it ranks segments (ROC AUC is
  measured by benchmarks/calibrate_checks.py) and is not a probability.

The thresholds below are the defaults, calibrated with Apertium on the labelled es->en dev
set (see benchmarks/calibrate_checks.py). Config exposes them as `thresholds.<name>`; a
check reads an override from `CheckInput.options` (flat key "<name>" or "thresholds.<name>",
or a nested {"thresholds": {...}} dict) through `threshold()`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ..records import Flag
from ..records import verdict as verdict  # the flag rule lives with the records (report/ applies it too)

if TYPE_CHECKING:
    from ..checks import CheckInput

# name -> default. Units: chrF 0..100; ratios of letter counts; drift 0..1.
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

# drift() bands: segments with a critical flag rank above those with a major one, which rank
# above the rest; inside a band, chrF distance and a length shortfall order them.
DRIFT_BANDS: dict[str, tuple[float, float]] = {
    "critical": (0.85, 1.0),
    "major": (0.6, 0.85),
    "none": (0.0, 0.6),
}
DRIFT_CHRF_MID = 45.0  # chrF at which the within-band similarity term is 0.5
DRIFT_CHRF_SCALE = 10.0


def threshold(inp: CheckInput, name: str) -> float:
    """The value of a threshold for this input: an override from `inp.options`, else the default."""
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


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def drift(inp: CheckInput, flags: Iterable[Flag]) -> float:
    """0..1, higher = more likely shifted.

    The worst flag picks a band (critical > major > none); inside it, the segment is placed by
    how far the translation is from the engine's rendering (lowest chrF of the views), by how
    much shorter it is than expected, and by how many other flags it has. Unverifiable
    segments (engine_health) sit in the middle of their band."""
    from ..checks.drift import similarities

    flags = list(flags)
    worst = "none"
    if any(f.severity == "critical" for f in flags):
        worst = "critical"
    elif any(f.severity == "major" for f in flags):
        worst = "major"
    lo, hi = DRIFT_BANDS[worst]
    if any(f.check == "engine_health" for f in flags) or not inp.target.strip():
        raw = 0.5
    else:
        sims = similarities(inp)
        sim = min(sims.values()) if sims else DRIFT_CHRF_MID
        ref = inp.forward if inp.forward is not None else inp.source
        n_ref = sum(1 for c in ref if c.isalnum())
        ratio = sum(1 for c in inp.target if c.isalnum()) / n_ref if n_ref else 1.0
        x = (DRIFT_CHRF_MID - sim) / DRIFT_CHRF_SCALE + 2.0 * max(0.0, 1.0 - ratio)
        others = sum(1 for f in flags if f.severity != "info")
        raw = _sigmoid(x + 0.5 * max(0, others - 1))
    return round(lo + (hi - lo) * raw, 6)
