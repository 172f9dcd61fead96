"""From flags to a SegmentResult: which checks run (config), waivers, the precision budget,
the calibrated drift and the verdict.

Source-aware mode with a calibration (pipeline/core/calibration.py, the shipped one by default):
checks over their precision budget raise `minor` evidence, the combiner turns every segment's
evidence into `drift` (estimated probability that the meaning shifted) and the verdict is the
worse of the flag rule and the drift thresholds. Without a calibration the verdict is the flag
rule of pipeline/core/verdict.py and `drift` its ranking score. Round-trip mode:
pipeline/core/copy_judge.py.

For a language pair the calibration was not trained for (core/trained_pairs.py), drift leaves the
sentence encoder's cosines out where a variant of the same engine can: their scale differs between
language pairs (median cos(source, copy) of correct UI strings es->fr 0.76, es->it 0.80, en->es
0.84), and drift read that gap as a shift (`pick_variant`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..checks import COMBINED_CHECK
from ..records import ENCODER_LEFT_OUT, Flag, RoundTrip, Segment, SegmentResult, Severity, SourceComparison
from . import calibration as cal
from .trained_pairs import not_trained_for, trained_pairs
from .verdict import verdict

if TYPE_CHECKING:
    from .run_config import RunConfig


def regrade(flags: list[Flag], severities: dict[str, Severity]) -> list[Flag]:
    return [replace(f, severity=severities[f.check]) if f.check in severities else f for f in flags]


def _waive(seg: Segment, flags: list[Flag]) -> list[Flag]:
    if seg.waived:
        return [f for f in flags if "*" not in seg.waived and f.check not in seg.waived]
    return flags


def finish(
    seg: Segment, flags: list[Flag], drift: float, rts: tuple[RoundTrip, ...], comp: SourceComparison | None
) -> SegmentResult:
    """Drop waived flags (inline `driftcheck: ignore` comments) and give the rule verdict."""
    flags = _waive(seg, flags)
    return SegmentResult(seg, rts, comp, drift, tuple(flags), verdict(flags))


@dataclass
class Pending:
    """A source-aware segment before judging: its flags as the checks raised them and its evidence."""

    segment: Segment
    flags: list[Flag]  # native severities (config regrades are applied by the judge)
    features: Mapping[str, float]  # empty for omissions and additions (nothing to compare)
    comparison: SourceComparison | None
    legacy_drift: float  # the flag-band ranking (used when no calibration applies)


def pick_variant(
    calibration: cal.Calibration, groups: set[str], engine: str | None, pair: tuple[str | None, str]
) -> tuple[cal.Variant, bool]:
    """The variant for a run with these feature groups, and whether it leaves the encoder out: for
    a language pair (source, copy) the calibration was not trained for, the first variant of the
    same engine without the encoder's features that the run can use, where there is one (module
    docstring); else the variant `pick` gives."""
    variant = calibration.pick(groups, engine)
    trained = trained_pairs(variant.raw)
    if cal.SEMANTIC in variant.requires and trained and not_trained_for(trained, "source", [pair]):
        have = (groups | cal.CORE_GROUPS) - {cal.SEMANTIC}
        for plain in calibration.variants:
            if plain.engine == variant.engine and plain.requires <= have:
                return plain, True
    return variant, False


class Judge:
    """Judges the segments of one source-aware run; remembers which calibration variant it used."""

    def __init__(self, config: RunConfig, engine: str | None, raw: bool = False) -> None:
        """`raw`: no calibration at all (flags as the checks raised them; for eval and calibrate)."""
        self.calibration = None if raw else cal.resolve(config.mode, config.calibration)
        self.engine = engine
        self.enabled, self.severities = set(config.enabled), dict(config.severities)
        self.pair = (config.source_lang, config.lang)
        self.variant: cal.Variant | None = None
        self.encoder_left_out = False  # for a pair the calibration was not trained for (pick_variant)

    def signature(self) -> dict[str, Any] | None:
        if self.calibration is None or self.variant is None:
            return None
        return cal.signature(self.calibration, self.variant) | (
            {ENCODER_LEFT_OUT: True} if self.encoder_left_out else {}
        )

    def judge_all(self, items: list[Pending]) -> list[SegmentResult]:
        if self.calibration is None:
            return [
                replace(
                    finish(p.segment, regrade(p.flags, self.severities), p.legacy_drift, (), p.comparison),
                    features=p.features,
                )
                for p in items
            ]
        groups: set[str] = set()
        for p in items:
            groups |= cal.groups_of(p.features)
        self.variant, self.encoder_left_out = pick_variant(self.calibration, groups, self.engine, self.pair)
        return [self._one(p, self.variant) for p in items]

    def _one(self, p: Pending, variant: cal.Variant) -> SegmentResult:
        flags = regrade(p.flags, self.severities)
        if not p.features:  # an omission or an addition: the aligner's flag decides
            flags = _waive(p.segment, flags)
            return SegmentResult(
                p.segment, (), p.comparison, p.legacy_drift, tuple(flags), verdict(flags), features=p.features
            )
        out = cal.judge(
            flags,
            p.features,
            variant,
            overridden=self.severities,
            combined_enabled=COMBINED_CHECK in self.enabled,
            text_length=len(p.segment.text),
        )
        # The verdict is always the one its flags give (the combined flag carries the combiner's):
        # a waiver that removes the flags behind a verdict removes the verdict with them.
        kept = _waive(p.segment, list(out.flags))
        return SegmentResult(
            p.segment,
            (),
            p.comparison,
            out.drift,
            tuple(kept),
            verdict(kept),
            evidence=out.evidence,
            features=p.features,
        )
