"""Verdict and drift score of one segment.

- `verdict(flags)`: "fail" if any critical flag, "review" if any major, else "ok"; info and
  minor flags never change the verdict.
- `drift(inp, flags)`: 0..1, higher = more likely shifted; it ranks segments (ROC AUC is
  measured by benchmarks/calibrate_checks.py) and is not a probability.

The checks' thresholds (drift, order, length) live with the checks, in checks/thresholds.py.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..checks import CheckInput
from ..checks.drift import similarities
from ..checks.health import ENGINE_HEALTH
from ..records import Flag
from ..records import verdict as verdict  # the flag rule lives with the records (report/ applies it too)

# drift() bands: segments with a critical flag rank above those with a major one, which rank
# above the rest; inside a band, chrF distance and a length shortfall order them.
DRIFT_BANDS: dict[str, tuple[float, float]] = {
    "critical": (0.85, 1.0),
    "major": (0.6, 0.85),
    "none": (0.0, 0.6),
}
DRIFT_CHRF_MID = 45.0  # chrF at which the within-band similarity term is 0.5
DRIFT_CHRF_SCALE = 10.0


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def drift(inp: CheckInput, flags: Iterable[Flag]) -> float:
    """0..1, higher = more likely shifted.

    The worst flag picks a band (critical > major > none); inside it, the segment is placed by
    how far the translation is from the engine's rendering (lowest chrF of the views), by how
    much shorter it is than expected, and by how many other flags it has. Unverifiable
    segments (engine_health) sit in the middle of their band."""
    flags = list(flags)
    worst = "none"
    if any(f.severity == "critical" for f in flags):
        worst = "critical"
    elif any(f.severity == "major" for f in flags):
        worst = "major"
    lo, hi = DRIFT_BANDS[worst]
    if any(f.check == ENGINE_HEALTH.name for f in flags) or not inp.target.strip():
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
