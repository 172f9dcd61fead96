"""Worker processes: a pool tied to driftcheck, and the CPU budget a Ray actor declares."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import machine
from pipeline.core import score, workers
from pipeline.core.score import PARALLEL_MIN_PAIRS, many_stats

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "demetr-es-sample.jsonl"


@pytest.fixture
def budget() -> Iterator[None]:
    yield
    machine.set_cpus(None)


def _pairs() -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    base = [(r["translation"], r["source"]) for r in rows]
    return [(h + f" ({k})", r) for k in range(PARALLEL_MIN_PAIRS // len(base) + 1) for h, r in base]


def test_a_process_given_one_cpu_scores_without_a_pool(budget: None, monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = _pairs()
    assert len(pairs) >= PARALLEL_MIN_PAIRS
    in_pool = many_stats(pairs) if machine.cpus() >= 2 else None  # the pool's answer, where there are cores

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool was started")

    machine.set_cpus(1)
    assert machine.cpus() == 1
    monkeypatch.setattr(workers, "process_pool", no_pool)
    alone = many_stats(pairs)
    assert alone == [score.pair_stats(h, r) for h, r in pairs]
    if in_pool is not None:
        assert alone == in_pool
    machine.set_cpus(None)
    assert machine.cpus() == len(os.sched_getaffinity(0))


def test_a_pool_worker_runs_apart_and_ignores_ctrl_c(budget: None) -> None:
    import signal

    pool = workers.process_pool(1)
    try:
        pid = pool.submit(os.getpid).result()
        assert pid != os.getpid()
        assert pool.submit(signal.getsignal, signal.SIGINT).result() == signal.SIG_IGN
        os.kill(pid, signal.SIGINT)  # what a Ctrl-C at the terminal sends the whole process group
        assert pool.submit(os.getpid).result() == pid  # still there: driftcheck stops its pools itself
    finally:
        pool.shutdown(wait=True)
