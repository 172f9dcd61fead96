"""Calibrated verdicts: a small learned combiner turns a segment's evidence into `drift`, the
estimated probability that its meaning shifted, and thresholds chosen for target false-flag rates
turn `drift` into `review` / `fail`.

A calibration is data (JSON), trained by `driftcheck calibrate` (pipeline/learn/train.py, scikit-learn)
and evaluated here in pure Python: running never imports scikit-learn. One file holds one or more
*variants*; each is complete on its own:

- `requires`: feature groups it needs beyond the ones every run has (e.g. "semantic"), and
  `engine`: the engine whose translations it was trained on (null: any);
- `model`: logistic regression over standardised features (`kind: logistic`: `intercept`, per
  feature `mean`, `scale`, `weight`), or monotone boosted trees (`kind: trees`, pipeline/core/trees.py);
  a feature absent from a segment counts as 0 (a flag that was not raised);
- `thresholds` (`review`, `fail`) and the `targets` they were chosen for (share of correct
  translations flagged on the training files, cross-validated);
- `precision`: the precision budget per kind of flag (check and severity): a kind whose measured
  false-flag rate on correct translations exceeds the budget raises `minor` evidence instead of
  `major`/`critical`; a critical kind within it may be lowered to `major` when the critical kinds
  together would fail more correct translations than the fail target.

Which variant runs: the first one trained on the run's engine whose required features the run has,
else the first whose required features it has. The shipped calibration (`calibration-<mode>.json`)
always ends with a variant that needs nothing optional, so a missing optional producer falls back
to it (the signature names the variant). A calibration given with `--calibration` / `calibration =
...` must fit: a run that lacks a feature group it requires fails with one line naming the group
(no silent fallback to weights it was not made for).

Round-trip mode has its own calibration (`calibration-roundtrip.json`, same format, `mode:
roundtrip`; evidence and judge in pipeline/core/copy_judge.py): its drift may ask for review, never fail.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from ..checks import COMBINED
from ..engines import REGISTRY as ENGINES
from ..errors import ConfigError
from ..records import MODES, SEVERITIES, Evidence, Flag, Severity, Span, Verdict, severity_rank, verdict_rank
from ..records import evidence_label as describe
from .trained_pairs import trained_pairs
from .trees import Forest, parse_forest
from .verdict import verdict as rule_verdict  # the flag rule: critical fails, major asks for review

FORMAT = "driftcheck-calibration"
FORMAT_VERSION = 1
COMBINERS = ("trees", "logistic")  # the kinds of model a calibration file may hold
CORE_GROUPS = frozenset({"flag", "dist", "len", "cov", "ctx"})  # every source-aware run has these
SEMANTIC = "semantic"  # the sentence encoder's feature group (core/features.py)
# the feature groups a run can produce (the part of a feature name before ":"): the core ones, the
# encoder's and the analysers' in source-aware mode (core/morph.py), and round trip's (core/copy_judge.py)
FEATURE_GROUPS = CORE_GROUPS | {SEMANTIC, "pv", "copy"}
CONTEXT = "ctx:"  # features that set the scene (engine noise) and are never shown as evidence
TOP_EVIDENCE = 3


@dataclass(frozen=True)
class Term:
    feature: str
    mean: float
    scale: float
    weight: float


@dataclass(frozen=True)
class Variant:
    name: str
    engine: str | None
    requires: frozenset[str]
    intercept: float
    terms: tuple[Term, ...]
    review: float  # drift at or above this asks for review
    fail: float  # ... and at or above this fails
    capped: Mapping[str, Severity]  # "check:severity" (or "check") -> the severity it may raise at most
    raw: Mapping[str, Any]  # the variant as stored (recorded in the report signature, abridged)
    forest: Forest | None = None  # model kind "trees" (pipeline/core/trees.py); else the logistic terms

    def logit(self, features: Mapping[str, float]) -> tuple[float, list[Evidence]]:
        if self.forest is not None:
            z, contrib = self.forest.logit(features)
            return z, [Evidence(n, round(x, 4), round(c, 4)) for n, x, c in contrib]
        z = self.intercept
        parts: list[Evidence] = []
        for t in self.terms:
            x = features.get(t.feature, 0.0)
            w = t.weight * (x - t.mean) / t.scale
            z += w
            parts.append(Evidence(t.feature, round(x, 4), round(w, 4)))
        return z, parts


@dataclass(frozen=True)
class Calibration:
    mode: str
    source: str  # "shipped" or the path it came from
    variants: tuple[Variant, ...]
    meta: Mapping[str, Any]

    def pick(self, groups: Iterable[str], engine: str | None) -> Variant:
        """The variant for a run that has these feature groups with this engine."""
        have = set(groups) | CORE_GROUPS
        usable = [v for v in self.variants if v.requires <= have]
        for v in usable:
            if v.engine is not None and v.engine == engine:
                return v
        if usable:
            return usable[0]
        need = sorted(set().union(*(v.requires for v in self.variants)) - have)
        raise ConfigError(
            f"calibration {self.source} needs evidence this run does not have: {', '.join(need)} "
            "(install what produces it, or give a calibration trained without it)"
        )


def route_engine(engine: Any, routes: Mapping[str, Sequence[str]]) -> str | None:
    """The engine that makes a run's translations, as a calibration names it: `auto` (and a
    cache around it) resolved to the engine it chose for every hop of the routes, when one
    engine makes them all (pt<->en by `bergamot`, es<->en by `apertium`); else its own name."""
    inner = getattr(engine, "engine", engine)  # a CachedEngine wraps the real one
    name = getattr(inner, "name", None)
    choose = getattr(inner, "choose", None)
    if not callable(choose):
        return name if isinstance(name, str) else None
    chosen = {choose(a, b) for route in routes.values() for a, b in zip(route, route[1:])}
    one = next(iter(chosen)) if len(chosen) == 1 else None
    return one if isinstance(one, str) else name if isinstance(name, str) else None


def variant_name(engine: str | None, requires: Iterable[str]) -> str:
    """`apertium`, `apertium+semantic`, `any`: the engine and the optional evidence it needs."""
    return "+".join([engine or "any", *sorted(requires)])


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def groups_of(features: Mapping[str, float]) -> set[str]:
    return {name.split(":", 1)[0] for name in features}


def _num(d: Mapping[str, Any], key: str, where: str) -> float:
    v = d.get(key)
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise ConfigError(f"{where}: '{key}' must be a number")
    return float(v)


def _terms(model: dict[str, Any], where: str) -> list[Term]:
    """The logistic model's terms (feature, mean, scale, weight)."""
    terms: list[Term] = []
    raw_terms = model.get("terms", [])
    if not isinstance(raw_terms, list):  # empty: every feature came out against a shift (a constant)
        raise ConfigError(f"{where}.model.terms: must be a list of the logistic model's terms")
    for i, t in enumerate(raw_terms):
        w = f"{where}.model.terms[{i}]"
        if not isinstance(t, dict) or not isinstance(t.get("feature"), str):
            raise ConfigError(f"{w}: must be an object with a 'feature' name")
        _known_feature(t["feature"], f"{w}.feature")
        if any(t["feature"] == old.feature for old in terms):
            raise ConfigError(f"{w}.feature: '{t['feature']}' has a term already")
        scale = _num(t, "scale", w)
        if scale <= 0:
            raise ConfigError(f"{w}: 'scale' must be positive")
        terms.append(Term(t["feature"], _num(t, "mean", w), scale, _num(t, "weight", w)))
    return terms


def _known_feature(name: str, where: str) -> None:
    """A feature a run can produce: a flag of a known check and severity, or a feature
    of one of the mode's groups. A misspelt one counted as 0 in every segment, and the intercept
    alone could fail every sentence without a word."""
    group, _, rest = name.partition(":")
    if group == "flag":
        check, _, severity = rest.rpartition(":")
        if not _flag_kind(check, severity):
            raise ConfigError(f"{where}: '{name}' is no check's flag (flag:<check>:<severity>)")
    elif group not in FEATURE_GROUPS or not rest:
        groups = ", ".join(sorted(FEATURE_GROUPS))
        raise ConfigError(f"{where}: '{name}' is no feature a run has (groups: {groups})")


def _precision_key(key: str, where: str) -> None:
    """A precision-budget entry names a check, or a check and a severity ("names:critical")."""
    check, _, severity = key.partition(":")
    if not _flag_kind(check, severity or None):
        raise ConfigError(f"{where}: '{key}' is no check (or check:severity)")


def _flag_kind(check: str, severity: str | None) -> bool:
    """Whether a check of that name raises flags, at that severity (None: any)."""
    from ..checks import check_names

    return check in check_names() and (severity is None or severity in SEVERITIES)


def _variant(d: Any, where: str) -> Variant:
    if not isinstance(d, dict):
        raise ConfigError(f"{where}: must be an object")
    model = d.get("model")
    if not isinstance(model, dict) or model.get("kind") not in COMBINERS:
        raise ConfigError(f"{where}.model: must be an object with kind 'logistic' or 'trees'")
    forest = parse_forest(model, f"{where}.model") if model["kind"] == "trees" else None
    terms = _terms(model, where)
    for name in forest.features if forest else ():
        _known_feature(name, f"{where}.model.features")
    th = d.get("thresholds")
    if not isinstance(th, dict):
        raise ConfigError(f"{where}.thresholds: must be an object with review and fail")
    review, fail = _num(th, "review", f"{where}.thresholds"), _num(th, "fail", f"{where}.thresholds")
    if not 0 <= review <= fail <= 1:
        raise ConfigError(f"{where}.thresholds: need 0 <= review <= fail <= 1")
    requires = d.get("requires") or []
    engine = d.get("engine")
    if not isinstance(requires, list) or not all(isinstance(r, str) for r in requires):
        raise ConfigError(f"{where}.requires: must be a list of feature group names")
    if engine is not None and (not isinstance(engine, str) or engine not in ENGINES):
        raise ConfigError(f"{where}.engine: must be an engine name ({', '.join(sorted(ENGINES))}) or null")
    name = d.get("name", "default")
    if not isinstance(name, str) or not name:
        raise ConfigError(f"{where}.name: must be a non-empty string")
    precision = d.get("precision", {})
    if not isinstance(precision, dict):
        raise ConfigError(f"{where}.precision: must be an object (the budget table)")
    checks = precision.get("checks", {})
    if not isinstance(checks, dict):
        raise ConfigError(f"{where}.precision.checks: must be an object")
    capped: dict[str, Severity] = {}
    for n, c in checks.items():
        _precision_key(n, f"{where}.precision.checks")
        if not isinstance(c, dict):
            raise ConfigError(f"{where}.precision.checks.{n}: must be an object with a severity")
        sev = c.get("severity")
        if sev in ("minor", "major"):
            capped[n] = sev
        elif sev not in (None, "kept"):
            raise ConfigError(f"{where}.precision.checks.{n}: severity must be kept, major or minor")
    return Variant(
        name,
        engine,
        frozenset(requires),
        0.0 if forest else _num(model, "intercept", f"{where}.model"),
        tuple(terms),
        review,
        fail,
        capped,
        d,
        forest,
    )


def parse(data: Any, source: str) -> Calibration:
    """A Calibration from its JSON form; anything malformed is one ConfigError naming the place."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ConfigError(f"{source}: not a driftcheck calibration file (format '{FORMAT}')")
    if type(data.get("version")) is not int or data["version"] != FORMAT_VERSION:  # true == 1 in Python
        raise ConfigError(f"{source}: calibration version {data.get('version')!r} is not {FORMAT_VERSION}")
    mode = data.get("mode")
    if mode not in MODES:
        raise ConfigError(f"{source}: 'mode' must be source or roundtrip")
    variants = data.get("variants")
    if not isinstance(variants, list) or not variants:
        raise ConfigError(f"{source}: 'variants' must be a non-empty list")
    parsed = tuple(_variant(v, f"{source}: variants[{i}]") for i, v in enumerate(variants))
    meta = {k: v for k, v in data.items() if k != "variants"}
    return Calibration(mode, source, parsed, meta)


def load_file(path: str) -> Calibration:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read calibration: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: calibration is not UTF-8") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: calibration is not JSON ({exc.msg} at line {exc.lineno})") from exc
    return parse(data, path)


@functools.cache
def shipped(mode: str) -> Calibration | None:
    """The calibration in the package for this mode, or None when it ships none."""
    ref = resources.files("pipeline") / "data" / f"calibration-{mode}.json"
    if not ref.is_file():
        return None
    return parse(json.loads(ref.read_text(encoding="utf-8")), "shipped")


def resolve(mode: str, path: str | None) -> Calibration | None:
    """`--calibration FILE` (or the config key) when given, else the shipped one for the mode."""
    if path is None:
        return shipped(mode)
    cal = load_file(path)
    if cal.mode != mode:
        raise ConfigError(f"{path}: calibration is for {cal.mode} mode, this run is in {mode} mode")
    return cal


# --- judging one segment ---------------------------------------------------------------------


def allowed(flag: Flag, variant: Variant) -> Severity:
    """The severity a flag may keep under the precision budget."""
    cap = variant.capped.get(f"{flag.check}:{flag.severity}") or variant.capped.get(flag.check)
    if cap is None or severity_rank(flag.severity) <= severity_rank(cap):
        return flag.severity
    return cap


def apply_budget(flags: Sequence[Flag], variant: Variant, overridden: Iterable[str]) -> list[Flag]:
    """Flags of a kind over the precision budget are lowered to what it allows: `minor` evidence,
    or `major` for a critical kind whose fails, added up, exceed the fail target (a config
    severity wins)."""
    keep = set(overridden)
    return [f if f.check in keep else replace(f, severity=allowed(f, variant)) for f in flags]


def score_verdict(drift: float, variant: Variant) -> Verdict:
    if drift >= variant.fail:
        return "fail"
    return "review" if drift >= variant.review else "ok"


@dataclass(frozen=True)
class Judged:
    drift: float
    verdict: Verdict
    flags: tuple[Flag, ...]
    evidence: tuple[Evidence, ...]


def judge(
    flags: Sequence[Flag],
    features: Mapping[str, float],
    variant: Variant,
    overridden: Iterable[str] = (),
    combined_enabled: bool = True,
    text_length: int = 0,
) -> Judged:
    """Budgeted flags, calibrated drift and the verdict of one segment.

    The verdict is the worse of the flag rule (a critical flag of a check within the budget
    fails) and the drift thresholds. When drift alone raises it, a `combined` flag says why,
    naming the evidence that weighed most."""
    budgeted = apply_budget(flags, variant, overridden)
    z, parts = variant.logit(features)
    drift = sigmoid(z)
    by_rule = rule_verdict(budgeted)
    by_score = score_verdict(drift, variant) if combined_enabled else "ok"
    final: Verdict = by_score if verdict_rank(by_score) > verdict_rank(by_rule) else by_rule
    # a flag is weighed by the kind the check raised; the budget may show it lower: say both
    lowered = {
        f"flag:{f.check}:{f.severity}": b.severity
        for f, b in zip(flags, budgeted)
        if b.severity != f.severity
    }
    top = tuple(
        replace(p, label=f"{describe(p)[:-1]}, lowered to {lowered[p.feature]})")
        if p.feature in lowered
        else p
        for p in sorted(
            (p for p in parts if p.weight > 0 and not p.feature.startswith(CONTEXT)), key=lambda p: -p.weight
        )[:TOP_EVIDENCE]
    )
    if final != by_rule:
        severity: Severity = "critical" if final == "fail" else "major"
        limit = variant.fail if final == "fail" else variant.review
        why = ", ".join(describe(e) for e in top) or "the scores together"
        message = f"combined evidence: estimated {drift:.0%} likely shifted (threshold {limit:.0%}); weighed most: {why}"
        budgeted = [*budgeted, COMBINED.flag(message, (Span("text", 0, text_length),), severity)]
    evidence = top if final != "ok" else ()
    return Judged(round(drift, 6), final, tuple(budgeted), evidence)


def signature(cal: Calibration, variant: Variant) -> dict[str, Any]:
    """What the report signature records: calibration, variant, thresholds, budget, trained pairs."""
    raw, pairs = variant.raw, trained_pairs(variant.raw)
    return {
        "source": cal.source,
        "created": cal.meta.get("created"),
        "variant": variant.name,
        "engine": variant.engine,
        "requires": sorted(variant.requires),
        "thresholds": {"review": variant.review, "fail": variant.fail},
        "targets": raw.get("targets"),
        "capped": dict(sorted(variant.capped.items())),
    } | ({"trained_on": pairs} if pairs else {})
