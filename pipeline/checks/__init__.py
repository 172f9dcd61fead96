"""Checks: small named units that compare a text with its counterpart and explain what differed.

A check is a plain function `(CheckInput) -> list[Flag]`, registered with a name, a
default severity and a title. It runs in both modes:

- source-aware: `source` is the original (language `source_lang`), `target` the published
  translation (language `target_lang`); `back` is `target` translated into `source_lang`
  and `forward` is `source` translated into `target_lang` by the engine.
- round-trip: `source` is the original sentence of the copy, `target` its round trip
  through a pivot (same language on both sides); `back`/`forward` are None.

Spans point into `source` (field "source") or `target` (field "text").
Check modules register themselves on import; `run_checks` imports them all.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..records import Flag, Severity

CHECK_MODULES: tuple[str, ...] = (
    "pipeline.checks.surface",
    "pipeline.checks.health",
    "pipeline.checks.numbers",
    "pipeline.checks.dates",
    "pipeline.checks.names",
    "pipeline.checks.negation",
    "pipeline.checks.mood",
    "pipeline.checks.untranslated",
    "pipeline.checks.order",
    "pipeline.checks.fluency",
    "pipeline.checks.tense",
    "pipeline.checks.antonyms",
    "pipeline.checks.coverage",
    "pipeline.checks.drift",
    "pipeline.checks.placeholders",
)


@dataclass(frozen=True)
class CheckInput:
    source: str
    source_lang: str
    target: str
    target_lang: str
    back: str | None = None
    forward: str | None = None
    mode: str = "source"  # "source" | "roundtrip"
    options: Mapping[str, object] = field(default_factory=dict)  # thresholds from config, known scores


CheckFn = Callable[[CheckInput], list[Flag]]


@dataclass(frozen=True)
class CheckSpec:
    name: str
    severity: Severity
    title: str
    fn: CheckFn
    modes: tuple[str, ...] = ("source", "roundtrip")


REGISTRY: dict[str, CheckSpec] = {}


def register(
    name: str, severity: Severity, title: str, modes: tuple[str, ...] = ("source", "roundtrip")
) -> Callable[[CheckFn], CheckFn]:
    def deco(fn: CheckFn) -> CheckFn:
        REGISTRY[name] = CheckSpec(name, severity, title, fn, modes)
        return fn

    return deco


def load_all() -> dict[str, CheckSpec]:
    for mod in CHECK_MODULES:
        importlib.import_module(mod)
    return REGISTRY


def run_checks(
    inp: CheckInput,
    enabled: set[str] | None = None,
    severities: dict[str, Severity] | None = None,
) -> list[Flag]:
    """Run every registered check for the input's mode; config may disable or re-grade checks."""
    flags: list[Flag] = []
    for name, spec in load_all().items():
        if inp.mode not in spec.modes or (enabled is not None and name not in enabled):
            continue
        for f in spec.fn(inp):
            sev = (severities or {}).get(f.check)
            flags.append(Flag(f.check, sev, f.message, f.spans) if sev else f)
    return flags
