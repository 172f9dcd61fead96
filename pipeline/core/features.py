"""Evidence of one segment as named numbers: what the calibrated judge weighs.

Two kinds, both computed for every source-aware segment:

- check evidence: `flag:<check>:<severity>` is 1 when the check raised a flag of that (native)
  severity, before the precision budget or a config regrade changes it ("names" raises
  `critical` for a lost name and `major` for an added one: two different kinds of evidence);
- continuous evidence, oriented so that more is more suspicious: distances (1 - chrF, 1 - BLEU,
  TER) of the back comparison (back-translation vs source) and the forward comparison (copy vs
  forward translation), how much worse the copy's back-translation is than the engine's own round
  trip of the source (its noise), length shortfalls and excesses (`len:`), content words lost or
  added in either engine view (`cov:`); and context that is not evidence by itself (`ctx:`, the
  engine's noise level), which the combiner may weigh either way.

Optional evidence plugs in by name: a producer that is not installed simply does not add its
features (e.g. `semantic:*` cosines from a sentence encoder), and a calibration says which
features it needs (pipeline/core/calibration.py decides what happens when one is missing).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping

from ..records import Flag, Semantic, SourceComparison

# Length ratios of short sentences swing with one word: a length feature counts in full from this
# many letters of the source on (about 25 words), in proportion below (chosen by cross-validation).
LENGTH_FULL_LETTERS = 150
# The check evidence a source-aware calibration may weigh (check, native severity).
FLAG_SEVERITIES = ("info", "minor", "major", "critical")


def semantic_features(cos: Semantic) -> dict[str, float]:
    """`semantic:<pair>` = 1 - cosine of the sentence embeddings (more = further apart), where present."""
    return {f"semantic:{name}": round(1.0 - value, 6) for name, value in cos.signals().items()}


def flag_features(flags: Iterable[Flag]) -> dict[str, float]:
    """`flag:<check>:<severity>` = 1 for every (check, native severity) raised (info too: "unverifiable")."""
    return {f"flag:{f.check}:{f.severity}": 1.0 for f in flags if f.severity in FLAG_SEVERITIES}


@functools.lru_cache(maxsize=16384)
def letters(text: str) -> int:
    return sum(map(str.isalnum, text))


def length_sureness(text: str) -> float:
    """How far a length ratio against this text is believed: short sentences' ratios swing."""
    return min(1.0, letters(text) / LENGTH_FULL_LETTERS)


def _log_ratio(a: str, b: str) -> float:
    """log((letters of a + 1) / (letters of b + 1)), clipped to [-3, 3]."""
    return max(-3.0, min(3.0, math.log((letters(a) + 1) / (letters(b) + 1))))


def score_features(source: str, target: str, comp: SourceComparison) -> dict[str, float]:
    """Continuous evidence of the source-aware comparison, each oriented so that more is more
    suspicious (distances, shortfalls), plus the engine's own noise level as context (`ctx:`)."""
    out: dict[str, float] = {}
    for name, s in (("back", comp.back_scores), ("fwd", comp.forward_scores)):
        out[f"dist:{name}:chrf"] = 1 - s.chrf / 100
        out[f"dist:{name}:bleu"] = 1 - s.bleu / 100
        out[f"dist:{name}:ter"] = s.ter / 100
    # The engine's own round trip of the source shows how much a correct copy loses to engine noise:
    # a back-translation further from the source than that is evidence on the copy.
    out["dist:back_vs_noise"] = (comp.source_round_trip_scores.chrf - comp.back_scores.chrf) / 100
    out["ctx:noise:chrf"] = comp.source_round_trip_scores.chrf / 100
    sure = length_sureness(source)
    fwd = sure * _log_ratio(target, comp.forward)  # the copy against the engine's rendering of the source
    back = sure * _log_ratio(comp.back, source)  # the copy's back-translation against the source
    out["len:fwd_short"], out["len:fwd_long"] = max(0.0, -fwd), max(0.0, fwd)
    out["len:back_short"], out["len:back_long"] = max(0.0, -back), max(0.0, back)
    return out


def coverage_features(
    source: str, source_lang: str, target: str, target_lang: str, comp: SourceComparison
) -> dict[str, float]:
    """Content words lost and added, as shares, in both engine views (checks/coverage.py)."""
    from ..checks.coverage import balance

    out: dict[str, float] = {}
    for name, ref, hyp, lang in (
        ("fwd", comp.forward, target, target_lang),
        ("back", source, comp.back, source_lang),
    ):
        lost, new, n_ref, n_hyp = balance(ref, hyp, lang)
        out[f"cov:{name}_lost"] = lost / max(1, n_ref)
        out[f"cov:{name}_new"] = new / max(1, n_hyp)
    return out


def source_features(
    source: str,
    source_lang: str,
    target: str,
    target_lang: str,
    comp: SourceComparison,
    flags: Iterable[Flag],
    extra: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Every feature of a source-aware segment; `extra` adds optional evidence (e.g. semantic cosines)."""
    return {
        **flag_features(flags),
        **score_features(source, target, comp),
        **coverage_features(source, source_lang, target, target_lang, comp),
        **(extra or {}),
    }
