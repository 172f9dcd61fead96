"""`driftcheck cache stats|clear`: look into or empty the translation cache.

A thin layer over pipeline.engines.cache: library errors become one `driftcheck: error: ...` line
on stderr and exit code 2, like every error (cli/shell.py). Neither command creates a cache file
that does not exist yet, or turns an empty file into one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..engines.cache import TranslationCache
from ..engines.cache_path import ENV_CACHE, resolve_cache_path
from .options import ConfigOpt, cli_settings

cache_app = typer.Typer(
    help="Inspect or empty the persistent translation cache.",
    no_args_is_help=True,
    add_completion=False,
)

CacheOption = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        metavar="PATH",
        help=f"Cache file (or folder); default: the config's cache_path, else ${ENV_CACHE}, else "
        "translations.sqlite3 in the user cache folder (the cache `check` uses).",
        show_default=False,
    ),
]


def _cache_of(cache: Path | None, config: str | None) -> Path:
    """The cache `check` would use here: --cache, else the config's cache_path, else the default
    ($DRIFTCHECK_CACHE, the user cache folder). `cache clear` emptied the user's cache where the
    project's config named another."""
    if cache is not None:
        return resolve_cache_path(cache)
    return resolve_cache_path(cli_settings(config).cache_path)


def _holds_data(path: Path) -> bool:
    """A file with something in it: a missing or empty one is an empty cache, left as it is."""
    return path.exists() and (path.is_dir() or path.stat().st_size > 0)


def _not_older(path: Path) -> None:
    """`stats` reads; opening an older driftcheck's cache upgrades it, and layouts 1 and 2 start
    over: it printed "entries: 0" for a cache of thousands, and left it empty."""
    from ..engines.cache import APPLICATION_ID, SCHEMA_VERSION, CacheError
    from ..engines.cache_path import older_layout

    layout = older_layout(path, APPLICATION_ID, SCHEMA_VERSION) if path.is_file() else None
    if layout is not None:
        keeps = "keeps its entries" if layout == SCHEMA_VERSION - 1 else "starts it over"
        raise CacheError(
            f"{path} is a translation cache of an older driftcheck (layout {layout}; this one reads "
            f"{SCHEMA_VERSION}): left as it is; the next `driftcheck check` with it upgrades it ({keeps})"
        )


def _empty_stats(path: Path) -> dict[str, object]:
    return {
        "path": str(path),
        "entries": 0,
        "reports": 0,
        "embeddings": 0,
        "derived": 0,
        "size_bytes": 0,
        "namespaces": [],
    }


def _label(row: dict[str, object]) -> str:
    """What a namespace is, for people: model ids and revisions from its stored signature."""
    sig = row.get("signature")
    if not isinstance(sig, dict):
        return ""
    parts = []
    for key in ("model", "model_id", "revision", "beam", "version", "mode", "compute_type"):
        if key in sig and sig[key] not in (None, "", {}, []):
            parts.append(f"{key}={sig[key]}")
    return " ".join(parts)


def _print_stats(stats: dict[str, object]) -> None:
    from rich.filesize import decimal

    size = stats["size_bytes"]
    typer.echo(f"cache:   {stats['path']}")
    typer.echo(f"entries: {stats['entries']}")
    typer.echo(f"reports: {stats.get('reports', 0)}  (whole-run results reused by unchanged reruns)")
    typer.echo(f"embeddings: {stats.get('embeddings', 0)}  (sentence vectors behind the semantic scores)")
    typer.echo(
        f"derived: {stats.get('derived', 0)}  (segments' scores and checks, reused when a file changes)"
    )
    typer.echo(f"size:    {decimal(size) if isinstance(size, int) else size}")
    rows = stats["namespaces"]
    if not isinstance(rows, list) or not rows:
        return
    typer.echo("namespaces:")
    for row in rows:
        label = _label(row)
        line = f"  {row['entries']:>8}  {row['src']}->{row['tgt']}  {row['namespace']}"
        typer.echo(f"{line}  {label}" if label else line)


@cache_app.command("stats")
def stats_command(
    cache: CacheOption = None,
    config: ConfigOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the statistics as JSON.")] = False,
) -> None:
    """Show the cache file, its number of entries, its size and the entries per engine namespace."""
    path = _cache_of(cache, config)
    _not_older(path)
    if _holds_data(path):
        with TranslationCache(path) as tc:
            stats = tc.stats()
    else:
        stats = _empty_stats(path)
    if as_json:
        typer.echo(json.dumps(stats, indent=2, sort_keys=True))
    else:
        _print_stats(stats)


@cache_app.command("clear")
def clear_command(cache: CacheOption = None, config: ConfigOpt = None) -> None:
    """Remove every cached translation."""
    path = _cache_of(cache, config)
    removed = 0
    if _holds_data(path):
        with TranslationCache(path) as tc:
            removed = tc.clear()
    typer.echo(f"removed {removed} cached translation{'s' if removed != 1 else ''} from {path}")
