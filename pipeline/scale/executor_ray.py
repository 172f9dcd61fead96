"""`driftcheck check --executor ray [--address ADDR]`: shards over a Ray actor pool.

The shards (one segment file each, in input order) go to a pool of Ray actors (`ray.util.ActorPool`:
each idle actor takes the next shard). Each actor loads the engine once from the run's settings
(a picklable spec), keeps its translation cache in a file of its own on its node (or none), and
returns each shard's JSON report; the driver writes every shard's report when asked
(--shard-results) and merges them in input order (merge.py). The pool was a Ray Data actor pool
(`map_batches` over a dataset of one block per shard) until measured: with the same actors, Ray
Data's executor cost 13-24 % more wall time on this two-core machine (its driver loop and its
imports in every actor), for a list of paths that needs no dataset (benchmarks/bench_ray.py).

A worker that dies mid-shard is restarted and the shard retried (max_restarts,
max_task_retries); a shard's report is kept once per input position, so a retried shard is
neither lost nor counted twice. Errors a shard raises (a malformed line) come back as data and
end the run with that one line, as a single-process run would.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .. import errors
from ..config import Settings
from ..errors import ENV_DEBUG, DriftcheckError, EngineError, UsageError
from .merge import merge_shards
from .shards import check_shards

if TYPE_CHECKING:
    from ..formats.units import UnitFile
    from ..records import Document

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
        import ray.util
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    return ray


class ShardWorker:
    """A Ray actor: one loaded engine for every shard it is given. The run's settings and the
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

    def shard(self, path: str) -> tuple[str, str]:
        """(the shard's JSON report, "") or ("", "ErrorType:message"): a shard's error is data."""
        try:
            return json.dumps(self.run(path), ensure_ascii=False), ""
        except DriftcheckError as exc:
            return "", f"{type(exc).__name__}:{exc.message}"

    def run(self, path: str) -> dict[str, Any]:
        from .adapter import verify_shard

        if self.failure is not None:
            raise self.failure
        return verify_shard(path, self.settings, self.engine)


def _start(ray: ModuleType, options: RayOptions) -> bool:
    """Connect to the cluster, or start a local Ray; True when this call started it."""
    logging.getLogger("ray").setLevel(logging.ERROR)  # the CLI prints; Ray's own notes stay quiet
    if ray.is_initialized():
        return False
    quiet: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
    # ray.init puts its own SIGTERM handler in (sys.exit(15), no cleanup, no message); driftcheck's
    # (cli/shell.py: "terminated", exit 143, temp files removed) comes back after it, and answers
    # a SIGTERM that came while Ray started
    term = signal.getsignal(signal.SIGTERM)
    try:
        if options.address:
            _reachable(options.address)
            try:
                ray.init(address=options.address, **quiet)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise UsageError(f"cannot connect to Ray at {options.address}: {exc}") from None
        else:
            ray.init(num_cpus=options.workers or os.cpu_count() or 1, include_dashboard=False, **quiet)
    except SystemExit as exc:
        # a SIGTERM while Ray starts met Ray's handler: exit 15, not a word; driftcheck's says it
        if exc.code == signal.SIGTERM and callable(term):
            ray.shutdown()  # the processes it had started
            term(signal.SIGTERM, None)
        raise
    finally:
        if term is not None and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, term)
    return True


CONNECT_SECONDS = 10.0  # how long a cluster's address may take to answer


def _reachable(address: str) -> None:
    """A HOST:PORT (or ray://HOST:PORT) that nothing answers on is a one-line error: `ray.init`
    waited on it for minutes without a word, and a Ctrl-C took 20 s to be heard. "auto" and other
    forms are left to Ray."""
    import socket

    host, sep, port = address.removeprefix("ray://").rpartition(":")
    if not sep or not port.isdigit() or not host:
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_SECONDS).close()
    except OSError as exc:
        reason = "no answer" if isinstance(exc, TimeoutError) else (exc.strerror or type(exc).__name__)
        raise UsageError(
            f"cannot connect to Ray at {address}: {reason} (is `ray start --head` running there?)"
        ) from None


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
    """Every shard's report, in input order. `worker`: the actor class (a subclass in tests).
    A worker that dies is restarted and its shard retried (RETRIES each)."""
    from ..config import working_directory

    actor = ray.remote(num_cpus=CPUS_PER_WORKER, max_restarts=RETRIES, max_task_retries=RETRIES)(
        worker.bound(settings, str(working_directory()))
    )
    pool = ray.util.ActorPool([actor.remote() for _ in range(_pool_size(ray, options, len(paths)))])
    reports: dict[int, str] = {}
    failures: dict[int, str] = {}
    results = pool.map(lambda a, path: a.shard.remote(path), paths)
    for index in range(len(paths)):
        try:
            report, error = next(results)
        except ray.exceptions.RayError as exc:  # a worker died more often than it may restart
            raise EngineError(
                f"{paths[index]}: a Ray worker failed on this shard {RETRIES + 1} times "
                f"({type(exc).__name__}); Ray's logs are in /tmp/ray"
            ) from None
        if error:
            failures[index] = error
        else:
            reports[index] = report
    if failures:
        kind, _, message = failures[min(failures)].partition(":")
        error_type = getattr(errors, kind, DriftcheckError)
        raise error_type(message) if isinstance(error_type, type) else DriftcheckError(message)
    return [json.loads(reports[i]) for i in range(len(paths))]  # ActorPool.map: one result per shard


def shard_result_paths(folder: str, paths: list[str]) -> list[str]:
    """Where `--shard-results FOLDER` puts each shard's report (checked before the run)."""
    return [str(Path(folder) / f"shard-{i:06d}-{Path(path).stem}.json") for i, path in enumerate(paths)]


def _write_shard_results(folder: str, paths: list[str], shards: list[dict[str, Any]]) -> None:
    from ..outputs import write_outputs
    from ..report.to_json import dumps

    write_outputs([(dest, dumps(shard)) for dest, shard in zip(shard_result_paths(folder, paths), shards)])


@contextmanager
def _native_logs_aside() -> Iterator[None]:
    """Ray's C++ core writes its own log lines to the driver's stderr (e.g. a note on an actor's
    restart, which driftcheck reports its own way); they go to a temporary file, deleted
    afterwards, while Ray runs (Ray keeps its own logs in /tmp/ray; DRIFTCHECK_DEBUG=1 keeps them on
    stderr)."""
    if os.environ.get(ENV_DEBUG):
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
    paths: list[str],
    settings: Settings,
    source: str | None,
    options: RayOptions,
    read: Mapping[str, Document | UnitFile] | None = None,
) -> dict[str, Any]:
    """The merged JSON report of a run over Ray: byte-identical to single-process runs of each file
    merged, and to one single-process run of all files (an engine translates a text the same
    whatever else is in its batch: engines/apertium_stream.py). A Ray run always verifies (no
    stored report is reused). `read`: the shards as the caller has read them (the CLI validates
    them), whose declared languages are then compared before Ray starts, as a local run does."""
    check_shards(paths, source)
    if read is not None:
        from ..core.verify import languages_agree

        languages_agree(paths, settings, read)
    ray = import_ray()
    with _native_logs_aside():
        started = _start(ray, options)
        try:
            shards = run_shards(ray, paths, settings, options)
        finally:
            if started:
                ray.shutdown()
    merged = merge_shards(shards)  # first: shards that cannot merge (a mode mix) leave nothing written
    if options.shard_results:
        _write_shard_results(options.shard_results, paths, shards)
    return merged
