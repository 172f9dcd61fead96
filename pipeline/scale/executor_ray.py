"""`driftcheck check --executor ray [--address ADDR]`: shards over a Ray actor pool.

Ray Data turns the list of shards (one segment file each, in input order) into a dataset of one
block per shard and maps it over a pool of actors. Each actor loads the engine once from the
run's settings (a picklable spec), keeps its translation cache in a file of its own on its node
(or none), and returns each shard's JSON report; the driver writes every shard's report when
asked (--shard-results) and merges them in input order (merge.py).

A worker that dies mid-shard is restarted and the shard retried (max_restarts,
max_task_retries); a shard's report is kept once per input position, so a retried shard is
neither lost nor counted twice. Errors a shard raises (a malformed line) come back as data and
end the run with that one line, as a single-process run would.
"""

from __future__ import annotations

import json
import logging
import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from .. import errors
from ..config import Settings
from ..errors import DriftcheckError, UsageError
from .merge import MergeError, merge_shards
from .shards import check_shards

INSTALL_HINT = "--executor ray needs Ray: pip install -e '.[ray]'"
RETRIES = 3  # restarts of a dead worker, and retries of the shard it held
CPUS_PER_WORKER = 1  # what each actor asks Ray for, and keeps busy (machine.set_cpus)


@dataclass(frozen=True)
class RayOptions:
    address: str | None = None  # a running cluster (ray start --head); None: a local Ray on this machine
    workers: int = 0  # actors; 0: one per CPU (local) or per CPU of the cluster
    shard_results: str | None = None  # a folder for every shard's own JSON report


def import_ray() -> ModuleType:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    return ray


class ShardWorker:
    """A Ray Data actor: one loaded engine for every shard it is given. The run's settings and the
    driver's folder are class attributes of a per-run subclass (`bound`): they travel with the
    class, not as constructor arguments in the object store, which an actor restart could lose."""

    SETTINGS: Settings | None = None
    CWD = ""

    @classmethod
    def bound(cls, settings: Settings, cwd: str) -> type[ShardWorker]:
        return type(cls.__name__, (cls,), {"SETTINGS": settings, "CWD": cwd, "__module__": cls.__module__})

    def __init__(self) -> None:
        from ..core.verify import build_engine
        from ..machine import set_cpus
        from .adapter import worker_settings

        assert self.SETTINGS is not None, "use ShardWorker.bound(settings, cwd)"
        if os.path.isdir(self.CWD):
            os.chdir(self.CWD)  # relative paths as the driver gave them (a shared file system on a cluster)
        set_cpus(CPUS_PER_WORKER)  # the core Ray gave this actor; the other cores are the other actors'
        self.settings = worker_settings(self.SETTINGS)
        self.failure: DriftcheckError | None = None
        try:
            self.engine: Any = build_engine(self.settings)  # held for all the worker's shards
        except DriftcheckError as exc:  # reported with the first shard, as one line
            self.failure, self.engine = exc, None

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {"index": [], "report": [], "error": []}
        for index, path in zip(batch["index"], batch["path"]):
            out["index"].append(int(index))
            report, error = "", ""
            try:
                report = json.dumps(self.run(str(path)), ensure_ascii=False)
            except DriftcheckError as exc:
                error = f"{type(exc).__name__}:{exc.message}"
            out["report"].append(report)
            out["error"].append(error)
        return out

    def run(self, path: str) -> dict[str, Any]:
        from .adapter import verify_shard

        if self.failure is not None:
            raise self.failure
        return verify_shard(path, self.settings, self.engine)


def _start(ray: ModuleType, options: RayOptions) -> bool:
    """Connect to the cluster, or start a local Ray; True when this call started it."""
    for name in ("ray", "ray.data"):  # the CLI prints; Ray's own progress and notes stay quiet
        logging.getLogger(name).setLevel(logging.ERROR)
    if ray.is_initialized():
        return False
    quiet: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
    if options.address:
        try:
            ray.init(address=options.address, **quiet)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise UsageError(f"cannot connect to Ray at {options.address}: {exc}") from None
    else:
        ray.init(num_cpus=options.workers or os.cpu_count() or 1, include_dashboard=False, **quiet)
    return True


def _pool_size(ray: ModuleType, options: RayOptions, shards: int) -> int:
    cpus = int(ray.cluster_resources().get("CPU", 1))
    return max(1, min(options.workers or cpus, shards))


def run_shards(
    ray: ModuleType,
    paths: list[str],
    settings: Settings,
    options: RayOptions,
    worker: type[ShardWorker] = ShardWorker,
) -> list[dict[str, Any]]:
    """Every shard's report, in input order. `worker`: the actor class (a subclass in tests)."""
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    items = [{"index": i, "path": p} for i, p in enumerate(paths)]
    with warnings.catch_warnings():  # Ray 2.60 bounds restarts only through the deprecated remote args
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
            worker.bound(settings, os.getcwd()),
            batch_size=1,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=_pool_size(ray, options, len(paths))),
            num_cpus=CPUS_PER_WORKER,
            max_restarts=RETRIES,
            max_task_retries=RETRIES,
        )
    reports: dict[int, str] = {}
    failures: dict[int, str] = {}
    for row in dataset.iter_rows():
        index = int(row["index"])
        if index in reports or index in failures:
            raise MergeError(f"{paths[index]}: shard reported twice")
        if row["error"]:
            failures[index] = str(row["error"])
        else:
            reports[index] = str(row["report"])
    if failures:
        kind, _, message = failures[min(failures)].partition(":")
        error_type = getattr(errors, kind, DriftcheckError)
        raise error_type(message) if isinstance(error_type, type) else DriftcheckError(message)
    missing = [paths[i] for i in range(len(paths)) if i not in reports]
    if missing:
        raise MergeError(f"{missing[0]}: no report came back for this shard")
    return [json.loads(reports[i]) for i in range(len(paths))]


def _write_shard_results(folder: str, paths: list[str], shards: list[dict[str, Any]]) -> None:
    from ..outputs import write_output
    from ..report.to_json import dumps

    Path(folder).mkdir(parents=True, exist_ok=True)
    for i, (path, shard) in enumerate(zip(paths, shards)):
        write_output(str(Path(folder) / f"shard-{i:06d}-{Path(path).stem}.json"), dumps(shard))


@contextmanager
def _native_logs_aside() -> Iterator[None]:
    """Ray's C++ core writes its own log lines to the driver's stderr (e.g. a note on actor restarts
    that applies to Ray Data's internals, not to driftcheck); they go to a temporary file, deleted
    afterwards, while Ray runs (Ray keeps its own logs in /tmp/ray; DRIFTCHECK_DEBUG=1 keeps them on
    stderr)."""
    if os.environ.get("DRIFTCHECK_DEBUG"):
        yield
        return
    import sys
    import tempfile

    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.NamedTemporaryFile(prefix="driftcheck-ray-", suffix=".log", delete=False) as log:
        os.dup2(log.fileno(), 2)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        os.unlink(log.name)


def ray_check_data(
    paths: list[str], settings: Settings, source: str | None, options: RayOptions
) -> dict[str, Any]:
    """The merged JSON report of a run over Ray: byte-identical to single-process runs of each file
    merged, and to one single-process run of all files (an engine translates a text the same
    whatever else is in its batch: engines/apertium_stream.py). A Ray run always verifies (no
    stored report is reused)."""
    check_shards(paths, source)
    ray = import_ray()
    with _native_logs_aside():
        started = _start(ray, options)
        try:
            shards = run_shards(ray, paths, settings, options)
        finally:
            if started:
                ray.shutdown()
    if options.shard_results:
        _write_shard_results(options.shard_results, paths, shards)
    return merge_shards(shards)
