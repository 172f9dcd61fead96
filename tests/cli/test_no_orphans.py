"""Killed runs leave no processes: the scoring pool's workers, its forkserver and the resource
tracker end when driftcheck ends, by SIGKILL or SIGTERM (benchmarks/kill_stress.py does 20 trials
of the whole CLI; this is the mechanism, fast enough for CI)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCORE_FOREVER = """
from pipeline.core.score import many_stats
words = "the council said on monday that the bridge would reopen to cars and buses next week".split()
pairs = [(" ".join(words[i % 7:] + words[: i % 7]), " ".join(words[i % 5:] + words[: i % 5]) + f" {i}")
         for i in range(200_000)]
many_stats(pairs)
"""


def members(sid: int) -> dict[int, str]:
    """pid -> command line of the live processes of session `sid`."""
    out = {}
    for proc in Path("/proc").iterdir():
        try:
            stat = (proc / "stat").read_text()
            state, _, _, session_id = stat[stat.rindex(")") + 2 :].split()[:4]
            if int(session_id) == sid and state != "Z":
                out[int(proc.name)] = (
                    (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                )
        except (OSError, ValueError):
            continue
    return out


def session(sid: int) -> list[str]:
    return list(members(sid).values())


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the pool is used on machines with 2+ cores")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_scoring_processes_end_with_driftcheck(sig: signal.Signals) -> None:
    proc = subprocess.Popen([sys.executable, "-c", SCORE_FOREVER], cwd=ROOT, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while sum("forkserver" in c for c in session(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)  # the forkserver and at least one worker are up: scoring has started
        assert sum("forkserver" in c for c in session(proc.pid)) >= 2, session(proc.pid)
        time.sleep(0.5)
        os.kill(proc.pid, sig)
        proc.wait(30)
        deadline = time.monotonic() + 10
        while session(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert session(proc.pid) == []
    finally:  # never leave anything behind, even when failing
        for pid in members(proc.pid):
            os.kill(pid, signal.SIGKILL)
