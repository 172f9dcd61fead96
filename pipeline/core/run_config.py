"""What decides a run's results, resolved and validated once: a frozen, picklable RunConfig.

Settings (pipeline/config.py) hold everything a user may set, layered from defaults, pyproject,
a config file and flags; RunConfig is the part the stages read — languages, routes (pivots, via),
engine and decoding, enabled checks with their severities, thresholds, calibration — checked once
(`resolve_config`), never mutated, and cheap to send to another process (Ray workers). Output and
CLI options (formats, output path, gate limits, cache, baseline, annotate) stay in Settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from ..config import Settings
from ..engines.langs import check_lang, default_pivot
from ..errors import UsageError
from ..records import Severity

Mode = Literal["roundtrip", "source"]


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

    @property
    def first_direction(self) -> list[str]:
        """The direction that picks the engine when it is `auto`."""
        return [self.lang, self.source_lang or ""] if self.mode == "source" else [self.lang, self.pivots[0]]


def _pivots(lang: str, given: list[str]) -> tuple[str, ...]:
    pivots = [check_lang(p, "pivot language") for p in given] or [default_pivot(lang)]
    if lang in pivots:
        raise UsageError(f"pivot '{lang}' is the language of the copy; choose another pivot")
    return tuple(dict.fromkeys(pivots))


def resolve_config(settings: Settings, mode: Mode) -> RunConfig:
    """Check the languages and routes of `settings` for `mode` and freeze what the stages read."""
    from .judge import check_config

    lang = check_lang(settings.lang)
    if mode == "source":
        source_lang: str | None = check_lang(settings.source_lang or "", "source language")
        pivots: tuple[str, ...] = ()
    else:
        source_lang, pivots = settings.source_lang, _pivots(lang, settings.pivots)
    enabled, severities = check_config(settings)
    return RunConfig(
        mode,
        lang,
        source_lang,
        pivots,
        settings.via,
        settings.engine,
        settings.beam,
        settings.semantic,
        dict(settings.thresholds),
        frozenset(enabled),
        severities,
        settings.calibration,
        settings.fail_on,
    )
