"""Drift: the translation is far, in characters, from what the engine makes of the source.

Source-aware mode compares the translation with the engine's forward translation of the
source (chrF, target language) and the back-translation with the source (chrF, source
language). Round-trip mode compares the round trip with the original. chrF alone is a weak
signal (a free but correct translation scores low too), so only low values flag, and in
source-aware mode only when both directions are low (a translation of another sentence).
Silent when the engine output is unusable (see engine_health).
"""

from __future__ import annotations

import functools
from typing import Any

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .health import problem
from .thresholds import threshold


@functools.cache
def _chrf_metric() -> Any:
    from sacrebleu.metrics.chrf import CHRF

    return CHRF()


@functools.lru_cache(maxsize=16384)
def chrf(hyp: str, ref: str) -> float:
    """Sentence chrF (0..100, sacreBLEU defaults: chrF2, character 6-grams)."""
    if not hyp.strip() or not ref.strip():
        return 0.0
    return float(_chrf_metric().sentence_score(hyp, [ref]).score)


def similarities(inp: CheckInput) -> dict[str, float]:
    """The chrF comparisons available for the mode: forward, back, or roundtrip.

    The score stage has usually computed them already: pass them in `inp.options` as
    "chrf_forward" (translation vs forward), "chrf_back" (back-translation vs source) or
    "chrf_roundtrip" (round trip vs original) and they are not computed twice."""
    if inp.mode == "roundtrip":
        return {"roundtrip": _given(inp, "roundtrip", inp.target, inp.source)}
    out = {}
    if inp.forward is not None:
        out["forward"] = _given(inp, "forward", inp.target, inp.forward)
    if inp.back is not None:
        out["back"] = _given(inp, "back", inp.back, inp.source)
    return out


def _given(inp: CheckInput, name: str, hyp: str, ref: str) -> float:
    value = (inp.options or {}).get(f"chrf_{name}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return chrf(hyp, ref)


ROUND_TRIP_MIN_LETTERS = 20  # a shorter copy's round trip moves with one word (as `length` judges)
DRIFT = Check("drift", "major", "Meaning may have drifted (low chrF)")


@register(DRIFT)
def check_drift(inp: CheckInput) -> list[Flag]:
    """chrF against the engine's view of the source stays above the thresholds (all views low flags)."""
    if not inp.target.strip() or not inp.source.strip() or problem(inp) is not None:
        return []
    if inp.mode == "roundtrip" and sum(map(str.isalnum, inp.source)) < ROUND_TRIP_MIN_LETTERS:
        return []  # "Key features", "But will it?": chrF of a few words is the engine's noise
    sims = similarities(inp)
    if not sims:
        return []
    limits = {name: threshold(inp, f"drift_{name}_chrf") for name in sims}
    # Every available view must be low: one engine direction alone misreads free translations.
    if any(value >= limits[name] for name, value in sims.items()):
        return []
    low = ", ".join(f"chrF {name} {value:.1f} < {limits[name]:g}" for name, value in sims.items())
    return [
        DRIFT.flag(
            f"the translation is far from the engine's rendering of the source: {low}",
            (Span("text", 0, len(inp.target)),),
        )
    ]
