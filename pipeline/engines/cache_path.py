"""Where the translation cache lives: `--cache PATH`, else $DRIFTCHECK_CACHE, else the user cache folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_CACHE = "DRIFTCHECK_CACHE"  # a cache file, or a folder to put translations.sqlite3 in
FILENAME = "translations.sqlite3"


def default_cache_path() -> Path:
    """$DRIFTCHECK_CACHE if set, else translations.sqlite3 in the platform's user cache folder."""
    env = os.environ.get(ENV_CACHE, "").strip()
    if env:
        return resolve_cache_path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("driftcheck")) / FILENAME


def resolve_cache_path(path: str | Path | None) -> Path:
    """The cache file for a --cache value: None -> default; an existing folder -> FILENAME inside it."""
    if path is None or str(path) == "":
        return default_cache_path()
    p = Path(path).expanduser()
    return p / FILENAME if p.is_dir() else p
