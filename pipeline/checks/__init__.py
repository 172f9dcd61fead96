"""Checks: small named units that compare a text with its counterpart and explain what differed.

A check is declared once, as a `Check` (name, default severity, title, the modes it runs in and
any other severities it may raise), and a plain function `(CheckInput) -> list[Flag]`
registered for it with `@register(CHECK)`. The function builds its flags with
`CHECK.flag(message, spans)` (or `severity=` one of the declared others), so the name and the
severities are written in one place. It runs in both modes:

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..records import MODES, SEVERITIES, Flag, Mode, Severity, Span

# The order a segment's flags come in (the order the stages have always produced them in).
CHECK_MODULES: tuple[str, ...] = (
    "pipeline.checks.health",
    "pipeline.checks.surface",
    "pipeline.checks.dates",
    "pipeline.checks.numbers",
    "pipeline.checks.units",
    "pipeline.checks.names",
    "pipeline.checks.negation",
    "pipeline.checks.mood",
    "pipeline.checks.untranslated",
    "pipeline.checks.order",
    "pipeline.checks.fluency",
    "pipeline.checks.tense",
    "pipeline.checks.aspect",
    "pipeline.checks.antonyms",
    "pipeline.checks.hypernyms",
    "pipeline.checks.coverage",
    "pipeline.checks.drift",
    "pipeline.checks.foreign",
    "pipeline.checks.scramble",
    "pipeline.checks.copy",
    "pipeline.checks.consistency",
    "pipeline.checks.placeholders",
    "pipeline.checks.answers",
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

    def plain(self) -> CheckInput:
        """This input with typographic apostrophes plain ("won’t", "it’ll", "wasn’t" as the forms
        of the checks spell them); one character for one, so spans stay where they were."""
        if not any(t and "’" in t for t in (self.source, self.target, self.back, self.forward)):
            return self
        back, forward = (None if t is None else t.replace("’", "'") for t in (self.back, self.forward))
        source, target = self.source.replace("’", "'"), self.target.replace("’", "'")
        return replace(self, source=source, target=target, back=back, forward=forward)

    def copy(self) -> tuple[str, str, str]:
        """The published copy, its language and the span field pointing into it: the original
        sentence in round-trip mode ("source"), the translation in source-aware mode ("text")."""
        if self.mode == "roundtrip":
            return self.source, self.source_lang, "source"
        return self.target, self.target_lang, "text"


@dataclass(frozen=True)
class Check:
    """What a check is, said once: its name, the severity of its flags (unless it says otherwise
    for one flag, with one of `also`), a title for reports, and the modes it runs in.

    Stages that raise flags of their own (the aligner, the judge) declare a `Check` the same way
    and build their flags with `flag()`; only check functions are `register`ed."""

    name: str
    severity: Severity
    title: str
    modes: tuple[Mode, ...] = MODES
    also: tuple[Severity, ...] = ()  # other severities some of its flags carry
    # reads the engine's translations; False: compares the two sides alone, so it still runs where
    # the engine could not translate (a segment over the length limit, an engine failure)
    engine: bool = True

    def __post_init__(self) -> None:
        bad = [s for s in (self.severity, *self.also) if s not in SEVERITIES]
        if bad or not self.name or not self.modes:
            raise ValueError(f"check {self.name!r}: bad declaration (severities {bad}, modes {self.modes})")

    @property
    def severities(self) -> tuple[Severity, ...]:
        """Every severity this check may raise, mildest first."""
        return tuple(s for s in SEVERITIES if s == self.severity or s in self.also)

    def flag(self, message: str, spans: tuple[Span, ...] = (), severity: Severity | None = None) -> Flag:
        """A flag of this check: its declared severity unless `severity` names one of `also`."""
        if severity is None:
            severity = self.severity
        elif severity != self.severity and severity not in self.also:
            raise ValueError(f"check {self.name!r} did not declare severity {severity!r}")
        return Flag(self.name, severity, message, spans)


CheckFn = Callable[[CheckInput], list[Flag]]


@dataclass(frozen=True)
class CheckSpec:
    """A registered check: its declaration and the function that runs it."""

    check: Check
    fn: CheckFn

    @property
    def name(self) -> str:
        return self.check.name

    @property
    def severity(self) -> Severity:
        return self.check.severity

    @property
    def title(self) -> str:
        return self.check.title

    @property
    def modes(self) -> tuple[Mode, ...]:
        return self.check.modes


REGISTRY: dict[str, CheckSpec] = {}
_in_order: dict[str, CheckSpec] = {}  # REGISTRY in the order of CHECK_MODULES (load_all)


def _where(fn: CheckFn) -> str:
    return f"{fn.__module__}.{getattr(fn, '__qualname__', '?')}"


def register(check: Check) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated function as the one that runs `check`."""

    def deco(fn: CheckFn) -> CheckFn:
        known = REGISTRY.get(check.name)
        if known is not None and _where(known.fn) != _where(fn):
            raise ValueError(f"check {check.name!r} is registered twice: {_where(known.fn)}, {_where(fn)}")
        REGISTRY[check.name] = CheckSpec(check, fn)
        return fn

    return deco


# Checks raised outside a check function: the sentence aligner's (core/source_pairs.py) and the
# calibrated judge's flag for a verdict the combiner raised alone (core/calibration.py).
OMISSION = Check(
    "omission",
    "critical",
    "A source sentence has no counterpart in the translation",
    ("source",),
    engine=False,
)
ADDITION = Check(
    "addition", "major", "A translation sentence has no counterpart in the source", ("source",), engine=False
)
MOVED = Check(
    "moved", "minor", "A source sentence stands elsewhere in the translation", ("source",), engine=False
)
COMBINED = Check(
    "combined",
    "major",
    "The calibrated evidence together says the meaning likely shifted",
    also=("critical",),
)
ALIGNMENT_CHECKS = tuple(c.name for c in (OMISSION, ADDITION, MOVED))
COMBINED_CHECK = COMBINED.name
BUILT_IN: dict[str, Check] = {c.name: c for c in (OMISSION, ADDITION, MOVED, COMBINED)}


def check_names() -> set[str]:
    """Every name a flag may carry, which `[checks.<name>]` in a config may enable or regrade."""
    return set(load_all()) | set(ALIGNMENT_CHECKS) | {COMBINED_CHECK}


def load_all() -> dict[str, CheckSpec]:
    """Every registered check in the order of CHECK_MODULES (then of registration in a module),
    whichever module was imported first: that is the order of a segment's flags."""
    global _in_order
    if not _in_order or len(_in_order) != len(REGISTRY):
        for mod in CHECK_MODULES:
            importlib.import_module(mod)
        rank = {mod: i for i, mod in enumerate(CHECK_MODULES)}
        specs = sorted(REGISTRY.values(), key=lambda spec: rank.get(spec.fn.__module__, len(rank)))
        _in_order = {spec.name: spec for spec in specs}
    return _in_order


def engine_free() -> set[str]:
    """The checks that compare the two sides alone and read no engine output."""
    return {name for name, spec in load_all().items() if not spec.check.engine}


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


def prepare(langs: Sequence[str]) -> None:
    """Import every check and load the lexicons they read on first use (word frequencies of each
    language, English inflection tables: about a second). The loop calls it on a background thread
    while the engine translates, so the check stage does not wait for them; without it a check
    loads what it needs when it first needs it, with the same results."""
    load_all()
    from wordfreq import zipf_frequency

    from . import cldrnames
    from .calendar_names import day_names, month_abbreviations, month_names
    from .language_id import known_language

    for lang in dict.fromkeys(langs):
        if known_language(lang):  # else wordfreq picks (and logs) a neighbour when a check asks
            zipf_frequency("the", lang)  # loads the language's word list (text.zipf's own path)
        # CLDR month and day names of the language and of its regional locales (`dates` reads them),
        # and its names of countries and languages (`names`)
        month_names(lang), month_abbreviations(lang), day_names(lang)
        cldrnames.preload(lang)
    if "en" in langs:
        from lemminflect import getAllInflections, getAllLemmas

        getAllLemmas("gave")
        getAllInflections("give", upos="VERB")
        from .wordnet_antonyms import table

        table()  # WordNet's English antonyms (`antonyms` reads them in the English engine view)
        from .wordnet_hypernyms import table as hypernym_table

        hypernym_table()  # WordNet's English hypernyms (`hypernyms` reads them likewise)
