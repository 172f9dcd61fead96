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


@pytest.mark.requires_apertium
def test_sigterm_ends_the_run_like_ctrl_c_and_leaves_no_copy_of_stdin(tmp_path: Path) -> None:
    """SIGTERM (a cancelled CI job, `timeout`) killed the process without its `finally` blocks: the
    copy of stdin stayed in TMPDIR. It now ends the run like Ctrl-C: cleanup, one line, exit 143."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    text = "\n\n".join(f"The bridge number {i} reopened on Monday after months of repairs." for i in range(3000))
    env = {**os.environ, "TMPDIR": str(tmp), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from pipeline.cli.app import app; app()", "check", "-", "--engine", "apertium",
         "--no-cache", "-f", "json", "-o", str(tmp_path / "r.json")],
        stdin=subprocess.PIPE, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, cwd=ROOT,
    )  # fmt: skip
    assert proc.stdin is not None and proc.stderr is not None
    proc.stdin.write(text.encode())
    proc.stdin.close()
    deadline = time.monotonic() + 60
    while not list(tmp.glob("driftcheck-stdin-*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # stdin is in its temp file: the run is under way
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(60) == 143
    assert proc.stderr.read().decode() == "driftcheck: terminated\n"
    assert not list(tmp.glob("driftcheck-stdin-*")) and not (tmp_path / "r.json").exists()


def _ctrl_c_as_at_a_terminal() -> None:
    """A job started in the background (CI under nohup, `cmd &`) inherits Ctrl-C ignored, and
    Python keeps it so: give the child the default, as a shell in a terminal does."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _handles_sigint(sid: int) -> bool:
    """The session's forkserver catches or ignores SIGINT (/proc/PID/status: SigCgt, SigIgn)."""
    for pid, cmd in members(sid).items():
        if "forkserver" in cmd:
            try:
                status = dict(
                    line.split(":\t", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                )
            except (OSError, ValueError):
                return False
            bit = 1 << (signal.SIGINT - 1)
            return bool((int(status["SigCgt"], 16) | int(status["SigIgn"], 16)) & bit)
    return False


@pytest.mark.requires_apertium
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the pool is used on machines with 2+ cores")
def test_ctrl_c_says_one_line_and_the_worker_server_prints_no_traceback(tmp_path: Path) -> None:
    """Ctrl-C at the terminal reaches the whole process group. Typer turned it into exit 130 with
    nothing said, and the worker server, caught while importing what its workers need, printed a
    traceback. Now: `driftcheck: interrupted` alone, exit 130, nothing written, no process left."""
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        "".join(
            f'{{"id": {i}, "source": "El puente {i} reabrió el lunes tras meses de obras.", '
            f'"translation": "Bridge {i} reopened on Monday after months of works."}}\n'
            for i in range(600)
        ),
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", "from pipeline.cli.app import app; app()", "check", str(pairs), "--source-lang",
         "es", "--lang", "en", "--engine", "apertium", "--no-cache", "-o", str(tmp_path / "r.json")],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env={**os.environ, "HF_HUB_OFFLINE": "1"}, cwd=ROOT,
        start_new_session=True, preexec_fn=_ctrl_c_as_at_a_terminal,
    )  # fmt: skip
    assert proc.stderr is not None
    try:
        deadline = time.monotonic() + 60
        while not (server := _handles_sigint(proc.pid)) and time.monotonic() < deadline:
            time.sleep(0.005)
        # the worker server is up and Python's own Ctrl-C handler is in place (it imports its
        # modules now, and would die of a Ctrl-C with a traceback), or it ignores Ctrl-C already
        assert server, session(proc.pid)
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(60) == 130
        assert proc.stderr.read().decode() == "driftcheck: interrupted\n"
        assert not (tmp_path / "r.json").exists()
        deadline = time.monotonic() + 10
        while session(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert session(proc.pid) == []
    finally:
        for pid in members(proc.pid):
            os.kill(pid, signal.SIGKILL)


API_FROM_A_THREAD = """
import os, threading
import pipeline

pairs = [(f"El puente {i} reabrió el lunes tras meses de obras.", f"Bridge {i} reopened on Monday after works.")
         for i in range(600)]


def job():
    try:
        pipeline.verify_pairs(pairs, source_lang="es", engine="apertium")
    except Exception:  # the engine's processes got the Ctrl-C too: what is tested is the server's stderr
        pass


if __name__ == "__main__":
    worker = threading.Thread(target=job, daemon=True)
    worker.start()
    try:
        worker.join()
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        os._exit(130)
"""


@pytest.mark.requires_apertium
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the pool is used on machines with 2+ cores")
def test_ctrl_c_reaches_the_api_caller_not_a_worker_server_started_from_a_thread(tmp_path: Path) -> None:
    """The API called from a thread starts the worker server from that thread, where Ctrl-C's handler
    cannot be changed: a Ctrl-C while the server imported its modules killed it with a traceback.
    The server is now born with Ctrl-C blocked: the caller alone gets it."""
    script = tmp_path / "job.py"
    script.write_text(API_FROM_A_THREAD, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script)], stderr=subprocess.PIPE, stdout=subprocess.PIPE,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}, cwd=tmp_path,
        start_new_session=True, preexec_fn=_ctrl_c_as_at_a_terminal,
    )  # fmt: skip
    assert proc.stderr is not None and proc.stdout is not None
    try:
        deadline = time.monotonic() + 60
        while not (server := _handles_sigint(proc.pid)) and time.monotonic() < deadline:
            time.sleep(0.005)
        assert server, session(proc.pid)  # up, and importing what its workers need
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(60) == 130
        assert proc.stdout.read().decode() == "interrupted\n"
        deadline = time.monotonic() + 10
        while session(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert session(proc.pid) == []
        assert proc.stderr.read().decode() == ""
    finally:
        for pid in members(proc.pid):
            os.kill(pid, signal.SIGKILL)
