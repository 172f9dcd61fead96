"""Calibrated verdicts in round-trip (copy-only) mode: the evidence of one copy sentence as named
numbers, and the judge that weighs it with the round-trip calibration
(pipeline/data/calibration-roundtrip.json, trained by `driftcheck calibrate --mode roundtrip`).

Evidence (every round-trip segment has all of it):

- `flag:<check>:<severity>`: the copy-only detectors and round-trip checks that flagged the
  sentence (after the pivots' majority and the round-trip caps);
- round-trip drift, the median over the pivots: `dist:rt:chrf|bleu|ter` (1 - chrF, 1 - BLEU, TER
  of the round trip against the copy), `dist:rt:spread` (how far the pivots disagree: best minus
  worst chrF; 0 with one pivot), and `len:rt_short|rt_long` (the round trip shorter or longer);
- the copy's words (`copy:`): `copy:unknown` counts lower-case words that neither the copy's
  language nor any other wordfreq language knows and that are no typo of a common word (an engine
  copies a word it cannot translate through unchanged: "nosocomio"), and `copy:foreign_gap`, the
  largest lead of another language's frequency over the copy's own for a lower-case word the copy's
  language hardly knows ("voto": rare in English, common in Spanish and Italian), counted even
  where the `foreign` check read the word as a misspelling.

Verdicts: the worse of the flag rule (pipeline/verdict.py) and the calibrated `drift`, but the
combiner may ask for `review` only: round trip alone cannot prove a shift, so only a certain
detector (`empty`, `wrong_language`) fails a sentence. A calibration never changes that.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from ..checks import COMBINED_CHECK
from ..records import Flag, RoundTrip, SegmentResult
from . import calibration as cal
from .features import flag_features, length_sureness, letters
from .judge import _waive
from .run_config import RunConfig
from .verdict import verdict

MODE = "roundtrip"
UNKNOWN_MIN_LETTERS = 5  # shorter unknown words are mostly abbreviations and typos
HARDLY_KNOWN_ZIPF = 3.3  # the `foreign` check's ceiling for a foreign word (checks/foreign.py)
TYPO_FLOOR_ZIPF = 3.0  # a word one edit from a word this common is a typo, not an unknown word


def roundtrip_features(round_trips: Sequence[RoundTrip], text: str) -> dict[str, float]:
    """Round-trip drift over the pivots, oriented so that more is more suspicious."""
    if not round_trips:
        return {}
    chrf = [rt.scores.chrf for rt in round_trips]
    out = {
        "dist:rt:chrf": 1 - statistics.median(chrf) / 100,
        "dist:rt:bleu": 1 - statistics.median(rt.scores.bleu for rt in round_trips) / 100,
        "dist:rt:ter": statistics.median(rt.scores.ter for rt in round_trips) / 100,
        "dist:rt:spread": (max(chrf) - min(chrf)) / 100,
    }
    sure = length_sureness(text)
    ratio = statistics.median(
        max(-3.0, min(3.0, math.log((letters(rt.back) + 1) / (letters(text) + 1)))) for rt in round_trips
    )
    out["len:rt_short"], out["len:rt_long"] = sure * max(0.0, -ratio), sure * max(0.0, ratio)
    return out


def word_features(text: str, lang: str) -> dict[str, float]:
    """`copy:unknown` and `copy:foreign_gap` of the copy (see the module docstring)."""
    from ..checks.language_id import LATIN_CANDIDATES, best_other, typo_of
    from ..checks.text import tokens, zipf

    unknown, gap = 0, 0.0
    if lang not in LATIN_CANDIDATES:
        return {"copy:unknown": 0.0, "copy:foreign_gap": 0.0}
    for tok in tokens(text):
        w = tok.text
        if not w.isalpha() or not w.islower() or len(w) < 4:
            continue  # capitalised words may be names; short words are the `foreign` check's own rule
        z_copy = zipf(w, lang)
        if z_copy > HARDLY_KNOWN_ZIPF:
            continue
        z_other, _ = best_other(w, lang)
        gap = max(gap, z_other - z_copy)
        if (
            len(w) >= UNKNOWN_MIN_LETTERS
            and z_copy == 0.0
            and z_other == 0.0
            and typo_of(w, lang, TYPO_FLOOR_ZIPF) is None
        ):
            unknown += 1
    return {"copy:unknown": float(unknown), "copy:foreign_gap": round(max(0.0, gap), 4)}


def copy_features(result: SegmentResult, lang: str) -> dict[str, float]:
    """Every feature of a round-trip segment."""
    return {
        **flag_features(result.flags),
        **roundtrip_features(result.round_trips, result.segment.text),
        **word_features(result.segment.text, lang),
    }


def review_only(variant: cal.Variant) -> cal.Variant:
    """The variant as round-trip mode applies it: its drift asks for review at most."""
    return replace(variant, fail=math.inf)


class CopyJudge:
    """Judges the segments of one round-trip run; remembers which calibration variant it used."""

    def __init__(self, config: RunConfig, engine: str | None, raw: bool = False) -> None:
        """`raw`: features only, verdicts from the flag rules (for eval and calibrate)."""
        self.calibration = None if raw else cal.resolve(MODE, config.calibration)
        self.engine = engine
        self.lang = config.lang
        self.enabled, self.severities = set(config.enabled), dict(config.severities)
        self.variant: cal.Variant | None = None

    def signature(self) -> dict[str, Any] | None:
        if self.calibration is None or self.variant is None:
            return None
        out = cal.signature(self.calibration, self.variant)
        out["verdict_cap"] = "review (only empty and wrong_language flags fail)"
        return out

    def judge_all(self, results: list[SegmentResult]) -> list[SegmentResult]:
        featured = [replace(r, features=copy_features(r, self.lang)) for r in results]
        if self.calibration is None:
            return featured
        groups: set[str] = set()
        for r in featured:
            groups |= cal.groups_of(r.features)
        self.variant = self.calibration.pick(groups, self.engine)
        return [self.one(r, review_only(self.variant)) for r in featured]

    def one(self, r: SegmentResult, variant: cal.Variant) -> SegmentResult:
        out = cal.judge(
            list(r.flags),
            r.features,
            variant,
            overridden=self.severities,
            combined_enabled=COMBINED_CHECK in self.enabled,
            text_length=len(r.segment.text),
        )
        kept = _waive(r.segment, list(out.flags))  # a waived sentence stays waived
        return replace(r, drift=out.drift, flags=tuple(kept), verdict=verdict(kept), evidence=out.evidence)


def judge_flags(flags: Sequence[Flag], features: Mapping[str, float], variant: cal.Variant) -> cal.Judged:
    """One copy's calibrated judgement (for eval and training on collected rows)."""
    return cal.judge(flags, features, review_only(variant))
