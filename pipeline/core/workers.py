"""The worker processes of a run (TER scoring, the sentence encoder): one recipe for all of them.

Forkserver, not fork: safe with threads (a pool may be started from a background thread, torch
may be loaded). The server imports what the workers need once (`PRELOAD`: sacreBLEU for the
scorers, numpy for the encoder) and every worker forks from it ready; whichever pool starts first
starts the server, so the list is the same for all. Each worker ends as soon as driftcheck does,
however it ended (`die_with`), and leaves Ctrl-C to driftcheck, which stops its pools itself.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

PRELOAD = ["pipeline.core.score", "sacrebleu.metrics", "numpy"]


def ended(what: str) -> str:
    """The message for a pool whose process ended unexpectedly (BrokenProcessPool): a worker killed
    for memory, or a script whose top level the worker ran again when it imported it."""
    return (
        f"{what} ended unexpectedly (out of memory? from Python: are the calls under "
        '`if __name__ == "__main__":`?)'
    )


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes tied to this one."""
    import multiprocessing

    ctx = multiprocessing.get_context("forkserver")
    start_server()
    return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_start, initargs=(os.getpid(),))


def start_server() -> None:
    """Start the forkserver now (once per driftcheck; `process_pool` would start it on first use).

    From the main thread, with Ctrl-C ignored (and held back) for the moment it takes to spawn the
    server: the server inherits that, and a Ctrl-C at the terminal (which reaches the whole process
    group) no longer kills it with a traceback while it imports `PRELOAD`, before it ignores
    Ctrl-C itself; driftcheck gets its Ctrl-C once the server is spawned.
    The loop calls this before a run's pools start on background threads; called from another
    thread (the API used from a thread), where a handler cannot be changed, the signal mask does it."""
    import multiprocessing
    import signal
    import threading
    from multiprocessing import forkserver, resource_tracker

    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
    resource_tracker.ensure_running()  # first: starting it unblocks Ctrl-C in this thread again
    # Blocked in this thread meanwhile: the server is born with Ctrl-C blocked (a child keeps its
    # parent thread's signal mask), holds a Ctrl-C pending while it imports and discards it when it
    # ignores Ctrl-C; here a Ctrl-C in that moment waits for the handler (or goes to the main thread).
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    main = threading.current_thread() is threading.main_thread()  # only it may change a handler
    old = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        forkserver.ensure_running()
    finally:
        if main:
            signal.signal(signal.SIGINT, old)
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _start(pid: int) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C at the terminal reaches the whole group
    die_with(pid)


def die_with(pid: int) -> None:
    """Pool worker initializer: exit as soon as process `pid` (driftcheck) is gone, however it ended.

    A killed driftcheck cannot stop its workers, and they would not stop by themselves: their
    parent is the forkserver, which lives while its children hold its lifeline open. A daemon
    thread waits on a pidfd of driftcheck (polling where the system has none) and ends the worker
    when driftcheck ends; then the forkserver and the resource tracker see their pipes close and
    exit too (measured: benchmarks/kill_stress.py)."""
    import threading

    def watch() -> None:
        try:
            fd: int | None = os.pidfd_open(pid)
        except (AttributeError, OSError):
            fd = None
        if fd is not None:
            import select

            select.select([fd], [], [])  # readable once the process has exited
        else:
            import time

            while True:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    pass
                time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-driftcheck", daemon=True).start()
