"""What decides a run's results, resolved and validated once: a frozen, picklable RunConfig.

Settings (pipeline/config.py) hold everything a user may set, layered from defaults, pyproject,
a config file and flags; RunConfig is the part the stages read — languages, routes (pivots, via),
engine and decoding, enabled checks with their severities, thresholds, calibration — checked once
(`resolve_config`), never mutated, and cheap to send to another process (Ray workers). Output and
CLI options (formats, output path, gate limits, cache, baseline, annotate) stay in Settings.
The routes each mode takes through an engine are planned here too (`planned_routes`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..config import Settings
from ..engines import plan_route
from ..engines.langs import check_lang, default_pivot
from ..errors import UsageError, expect
from ..records import MODES, Mode, Severity

if TYPE_CHECKING:
    from ..engines import Engine


@dataclass(frozen=True)
class RunConfig:
    mode: Mode
    lang: str  # the copy's language, checked
    source_lang: str | None = None  # source-aware mode: the original's language, checked
    pivots: tuple[str, ...] = ()  # round-trip mode: the pivots, in order (the default filled in)
    via: str | None = None  # force a pivot when chaining an engine
    engine: str = "auto"
    beam: int = 1
    semantic: bool | None = None  # sentence-embedding cosines; None = on when the encoder is installed
    thresholds: Mapping[str, float] = field(default_factory=dict)  # overrides of checks.thresholds.THRESHOLDS
    enabled: frozenset[str] = frozenset()  # checks that run (and alignment/judge flags that stay)
    severities: Mapping[str, Severity] = field(default_factory=dict)  # severity overrides by check
    calibration: str | None = None  # a calibration file; None: the shipped one (source-aware mode)
    fail_on: str = "fail"  # named in the report's signature
    morph: bool | None = None  # Apertium part-of-speech and tense evidence; None = on where analysers exist

    @property
    def first_direction(self) -> list[str]:
        """The direction that picks the engine when it is `auto`."""
        return [self.lang, self.source_lang or ""] if self.mode == "source" else [self.lang, self.pivots[0]]


def _pivots(lang: str, given: list[str]) -> tuple[str, ...]:
    pivots = [check_lang(p, "pivot language") for p in given] or [default_pivot(lang)]
    if lang in pivots:
        raise UsageError(f"pivot '{lang}' is the language of the copy; choose another pivot")
    return tuple(dict.fromkeys(pivots))


def resolve_languages(settings: Settings, mode: Mode) -> RunConfig:
    """The languages and routes of `settings` for `mode`, checked; checks not resolved yet
    (`enabled` empty). Enough to plan the routes, as the reused-report lookup does without
    importing every check (pipeline/core/result_memo.py); the stages get `resolve_config`."""
    from .semantic import LANGUAGES

    lang = check_lang(settings.lang)
    semantic = settings.semantic
    if mode == "source":
        source_lang: str | None = check_lang(settings.source_lang or "", "source language")
        pivots: tuple[str, ...] = ()
        if semantic is None and not {lang, source_lang} <= LANGUAGES:
            semantic = False  # unset: no cosines across a language the encoder was not trained on
    else:
        source_lang, pivots = settings.source_lang, _pivots(lang, settings.pivots)
    return RunConfig(
        mode,
        lang,
        source_lang,
        pivots,
        None if settings.via is None else check_lang(settings.via, "--via language"),
        settings.engine,
        settings.beam,
        semantic,
        dict(settings.thresholds),
        calibration=settings.calibration,
        fail_on=settings.fail_on,
        morph=settings.morph,
    )


def resolve_config(settings: Settings, mode: Mode) -> RunConfig:
    """Check the languages and routes of `settings` for `mode` and freeze what the stages read."""
    expect(settings, Settings, "settings")
    if mode not in MODES:
        raise UsageError(f"mode must be 'source' or 'roundtrip', not {mode!r}")
    return with_checks(resolve_languages(settings, mode), settings)


def check_config(settings: Settings) -> tuple[set[str], dict[str, Severity]]:
    """Enabled check names and severity overrides, from [checks] in the config: the registered
    checks, the aligner's omission/addition and the calibrated judge's combined flag."""
    from ..checks import check_names

    names = check_names()
    enabled = {n for n in names if settings.checks.get(n, {}).get("enabled", True)}
    severities = {n: c["severity"] for n, c in settings.checks.items() if "severity" in c}
    return enabled, severities


def with_checks(config: RunConfig, settings: Settings) -> RunConfig:
    """`config` with the enabled checks and their severities from `settings` (imports every check)."""
    enabled, severities = check_config(settings)
    return replace(config, enabled=frozenset(enabled), severities=severities)


def roundtrip_routes(engine: Engine, config: RunConfig) -> dict[str, tuple[list[str], list[str]]]:
    """Per pivot: the route there and the route back (direct, or chained through another pivot)."""
    lang, via = config.lang, config.via
    return {
        pivot: (plan_route(engine, lang, pivot, via), plan_route(engine, pivot, lang, via))
        for pivot in config.pivots
    }


def source_routes(engine: Engine, config: RunConfig) -> dict[str, list[str]]:
    """ "back": the copy's language to the source's; "forward": the other way."""
    lang, src_lang = config.lang, config.source_lang or ""
    return {
        "back": plan_route(engine, lang, src_lang, config.via),
        "forward": plan_route(engine, src_lang, lang, config.via),
    }


def planned_routes(engine: Engine, config: RunConfig) -> dict[str, list[str]]:
    """The routes the run will take, as the report's signature names them."""
    if config.mode == "source":
        return source_routes(engine, config)
    return {pivot: there + back[1:] for pivot, (there, back) in roundtrip_routes(engine, config).items()}
