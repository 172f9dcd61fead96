"""The one place a shard meets the core. Today: `verify` on one file with an engine loaded once
per worker; when the core offers `verify_segments(batch, engine, config)`, only this changes."""

from __future__ import annotations

import dataclasses
import os
import tempfile
from typing import Any

from ..config import Settings
from ..engines import Engine


def worker_settings(settings: Settings) -> Settings:
    """The settings a worker runs with: its translation cache is its own SQLite file in the node's
    temporary folder (never one file shared over a network file system), or off with --no-cache."""
    if not settings.cache:
        return settings
    folder = tempfile.mkdtemp(prefix=f"driftcheck-worker-{os.getpid()}-")
    return dataclasses.replace(settings, cache_path=os.path.join(folder, "cache.sqlite"))


def load_engine(settings: Settings) -> Engine:
    """The engine a worker holds for all its shards (the picklable spec is the Settings)."""
    from ..verify import build_engine

    return build_engine(settings)


def verify_shard(path: str, settings: Settings, engine: Engine) -> dict[str, Any]:
    """The JSON report of one shard, as a single-process run of that file alone would write it."""
    from ..report.to_json import to_dict
    from ..verify import verify

    return to_dict(verify([path], settings, engine=engine))
