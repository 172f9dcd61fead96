"""The one place a shard meets the core: `verify` (one batch through `verify_segments`, merged) on
one file, with the engine a worker loaded once (`core.verify.build_engine`), and the worker's own
translation cache."""

from __future__ import annotations

import atexit
import dataclasses
import os
import shutil
import tempfile
from typing import Any

from ..config import Settings
from ..engines import Engine

WORKER_PREFIX = "driftcheck-worker-"


def worker_settings(settings: Settings) -> Settings:
    """The settings a worker runs with: its translation cache is its own SQLite file in the node's
    temporary folder (never one file shared over a network file system), or off with --no-cache.
    The folder goes when the worker ends normally; one left by a worker that was killed is removed
    by the next worker that starts on the node (`sweep_stale`)."""
    if not settings.cache:
        return settings
    sweep_stale(tempfile.gettempdir())
    folder = tempfile.mkdtemp(prefix=f"{WORKER_PREFIX}{os.getpid()}-")
    atexit.register(shutil.rmtree, folder, True)
    return dataclasses.replace(settings, cache_path=os.path.join(folder, "cache.sqlite"))


def sweep_stale(tmp: str) -> None:
    """Remove the cache folders of workers whose process is gone (the pid is in the name)."""
    for entry in os.scandir(tmp):
        head, _, rest = entry.name.partition(WORKER_PREFIX)
        pid = rest.split("-", 1)[0]
        if head or not pid.isdigit() or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(entry.path, ignore_errors=True)
        except PermissionError:
            pass  # another user's live process


def verify_shard(path: str, settings: Settings, engine: Engine) -> dict[str, Any]:
    """The JSON report of one shard, as a single-process run of that file alone would write it."""
    from ..core.verify import verify
    from ..report.to_json import to_dict

    return to_dict(verify([path], settings, engine=engine))
