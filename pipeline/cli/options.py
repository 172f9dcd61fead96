"""Options shared by `check` and `eval`: declared once, as Annotated types the commands use."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import UsageError
from ..records import MODES
from ..terminal import one_line

if TYPE_CHECKING:
    from ..config import Settings

Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        "-l",
        metavar="LANG",
        help="Language of the published copy (ISO 639-1). Default: what the file declares "
        "(<html lang>, a name such as copy.fr.txt), else en.",
    ),
]
SourceLang = Annotated[
    str | None,
    typer.Option(
        "--source-lang",
        "-s",
        metavar="LANG",
        help="Language of the original (source-aware mode). Default: what the original declares "
        "(<html lang>, a name such as orig.es.txt).",
    ),
]
Engine = Annotated[
    str | None,
    typer.Option(
        "--engine",
        "-e",
        metavar="ENGINE",
        help="auto (per hop: bergamot, a local ct2/marian model, apertium, else marian from the hub), "
        "bergamot, marian, ct2 or apertium.",
    ),
]
Pivot = Annotated[
    list[str] | None,
    typer.Option(
        "--pivot",
        "-p",
        metavar="LANG",
        help="Round-trip pivot language; repeat for several. Default per language (en->es).",
    ),
]
Via = Annotated[
    str | None,
    typer.Option(
        "--via", metavar="LANG", help="Force a pivot language when an engine has no direct direction."
    ),
]
Beam = Annotated[
    int | None,
    typer.Option("--beam", metavar="N", min=1, help="Beam size for Marian/CTranslate2 (default 1: greedy)."),
]
ModelsDir = Annotated[
    str | None,
    typer.Option(
        "--models-dir",
        metavar="DIR",
        help="Local model store (default: $DRIFTCHECK_MODELS, else models/ in the driftcheck checkout).",
    ),
]
Device = Annotated[
    str | None, typer.Option("--device", metavar="DEVICE", help="auto, cpu or cuda (ct2 and marian engines).")
]
Threads = Annotated[
    int | None,
    typer.Option("--threads", metavar="N", min=0, help="CPU threads for the engine (0: engine default)."),
]
CachePath = Annotated[
    str | None,
    typer.Option("--cache", metavar="PATH", help="Translation cache file (default: the user cache folder)."),
]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the translation cache.")]
SemanticOpt = Annotated[
    bool | None,
    typer.Option(
        "--semantic/--no-semantic",
        help="Sentence-embedding cosines per segment (evidence, gates nothing). Default: on when installed.",
        show_default=False,
    ),
]
MorphOpt = Annotated[
    bool | None,
    typer.Option(
        "--morph/--no-morph",
        help="Part-of-speech and tense evidence from Apertium's analysers (source-aware mode). "
        "Default: on where both languages have one.",
        show_default=False,
    ),
]
ConfigOpt = Annotated[
    str | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="A driftcheck.toml (default: ./driftcheck.toml, then [tool.driftcheck] in pyproject.toml).",
    ),
]

CalibrationOpt = Annotated[
    str | None,
    typer.Option(
        "--calibration",
        metavar="FILE",
        help="A calibration file from `driftcheck calibrate` for the run's mode (default: the shipped one).",
    ),
]
ModeOpt = Annotated[
    str,
    typer.Option("--mode", metavar="MODE", help="source (compare with the source) or roundtrip (copy only)."),
]


def cli_settings(config: str | None, no_cache: bool = False, *, run: bool = False, **cli: Any) -> Settings:
    """The run's settings from the command line's values and the config file (resolved once);
    `--no-cache` wins over any cache the config or `--cache` names (a script that adds `--no-cache`
    to a command it composes with `--cache` turns the cache off), and `--cache PATH` over a config's `cache =
    false` (it was ignored without a word). $DRIFTCHECK_MODELS is resolved by the
    engines (flag > config > env > ./models). For a command that translates (`run`), a default
    cache folder that cannot be used turns the cache off with a warning (`default_cache_or_none`)."""
    from ..config import load_settings

    settings = load_settings(cli, config)
    if no_cache:
        return dataclasses.replace(settings, cache=False)
    if cli.get("cache_path") is not None and not settings.cache:
        return dataclasses.replace(settings, cache=True)  # --cache PATH wins over `cache = false`
    return default_cache_or_none(settings) if run else settings


def default_cache_or_none(settings: Settings) -> Settings:
    """The settings, without the cache where it would live in the default folder (no --cache, no
    config `cache_path`, no $DRIFTCHECK_CACHE) and that folder cannot be made or written
    (XDG_CACHE_HOME=/sys, a file, a home that does not exist): one warning, and the run goes on
    as with --no-cache. A cache the user named stays an error (it says --no-cache)."""
    import os
    import sys

    from ..engines.cache_path import ENV_CACHE, default_folder_problem

    if not settings.cache or settings.cache_path or os.environ.get(ENV_CACHE, "").strip():
        return settings
    problem = default_folder_problem()
    if problem is None:
        return settings
    print(
        one_line(
            f"driftcheck: warning: {problem}: running without the translation cache "
            "(--cache PATH names another place, --no-cache says this)"
        ),
        file=sys.stderr,
    )
    return dataclasses.replace(settings, cache=False)


def checked_mode(mode: str) -> str:
    """`--mode` of eval and calibrate: source or roundtrip, else one line and exit 2."""
    if mode not in MODES:
        raise UsageError(f"--mode must be source or roundtrip, not '{mode}'")
    return mode
