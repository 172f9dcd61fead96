"""A reader that closes stdout while driftcheck still writes (`report … | head -c 100`): exit 2 and
one line, never exit 0 with a truncated report, and never rich's silent exit 1 (a failed gate to
CI). With PYTHONUNBUFFERED=1, as container images set it, a text stream passed on what one write
took and dropped the rest: the truncated HTML page ended with exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

REPORT = str(ROOT / "tests" / "data" / "report_source.json")  # its HTML page is ~90 KB: over a pipe's 64 KiB
CLOSED = "driftcheck: error: stdout was closed before the output was written to it (the pipe's reader ended first)\n"


def _report(fmt: str, unbuffered: bool, tmp_path: Path, read: int | None) -> tuple[int, str]:
    """Run `driftcheck report REPORT -f fmt` into a pipe whose reader takes `read` bytes and closes
    it (None: closed before driftcheck starts)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["HF_HUB_OFFLINE"] = "1"
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    cmd = [sys.executable, "-c", "from pipeline.cli.app import app; app()", "report", REPORT, "-f", fmt]
    if read is None:
        r, w = os.pipe()
        os.close(r)
        proc = subprocess.run(cmd, stdout=w, stderr=subprocess.PIPE, cwd=tmp_path, env=env, timeout=120)
        os.close(w)
        return proc.returncode, proc.stderr.decode()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=env) as p:
        assert p.stdout is not None and p.stderr is not None
        assert len(p.stdout.read(read)) == read
        p.stdout.close()  # the reader is gone, most of the page not yet written
        err = p.stderr.read().decode()
        return p.wait(timeout=120), err


@pytest.mark.parametrize("unbuffered", [True, False], ids=["PYTHONUNBUFFERED", "buffered"])
def test_a_reader_gone_mid_report_is_an_error(tmp_path: Path, unbuffered: bool) -> None:
    assert _report("html", unbuffered, tmp_path, read=100) == (2, CLOSED)


@pytest.mark.parametrize("unbuffered", [True, False], ids=["PYTHONUNBUFFERED", "buffered"])
def test_the_text_summary_into_a_closed_pipe_is_an_error(tmp_path: Path, unbuffered: bool) -> None:
    """The summary's table is rich's: on a closed pipe rich exits 1 without a word."""
    assert _report("text", unbuffered, tmp_path, read=None) == (2, CLOSED)


def test_the_whole_report_reaches_a_reader_that_stays(tmp_path: Path) -> None:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-c", "from pipeline.cli.app import app; app()", "report", REPORT, "-f", "html"]
    proc = subprocess.run(cmd, capture_output=True, cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode == 0 and proc.stderr == b""
    assert proc.stdout.rstrip().endswith(b"</html>") and len(proc.stdout) > 65536


def test_a_broken_pipe_elsewhere_is_not_blamed_on_stdout(tmp_path: Path) -> None:
    """EPIPE from a pipe to a worker process (the encoder's pool when it cannot start) was
    reported as a closed stdout although stdout was fine."""
    code = (
        "import pipeline.cli.run as run\n"
        "def broken(text, dest):\n"
        "    raise BrokenPipeError(32, 'Broken pipe')\n"
        "run.write_or_print = broken\n"
        "from pipeline.cli.app import app; app()\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", code, "report", REPORT, "-f", "json"],
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.decode() == (
        "driftcheck: error: a pipe to a helper process broke (the process ended early; stdout is fine)\n"
    )


def test_a_full_non_blocking_stdout_gets_every_byte() -> None:
    """A stdout set non-blocking (some CI runners' pipes) refuses writes while full (a text stream
    over it dropped what one write did not take); the writer waits until the reader takes more
    (select, no busy loop) and delivers every byte."""
    import io
    import threading
    import time

    from pipeline.terminal import write_all

    read, write = os.pipe()
    os.set_blocking(write, False)
    stream = io.TextIOWrapper(io.FileIO(write, "w"), encoding="utf-8", write_through=True)
    got = bytearray()

    def reader() -> None:
        time.sleep(0.2)  # the pipe fills first
        while chunk := os.read(read, 65536):
            got.extend(chunk)

    thread = threading.Thread(target=reader)
    thread.start()
    write_all("é" * 300_000, stream)
    stream.close()
    thread.join()
    os.close(read)
    assert bytes(got) == "é".encode() * 300_000


@pytest.mark.requires_apertium
@pytest.mark.parametrize("unbuffered", [False, True])
def test_a_full_stdout_is_named(tmp_path: Path, unbuffered: bool) -> None:
    """stdout on a full device (`> /dev/full`, a log on a full disk) read "driftcheck: error: No
    space left on device", which file unsaid, after the reports were written (they stay: whole)."""
    (tmp_path / "a.en.txt").write_text("The bridge will open in May.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env.update({"HF_HUB_OFFLINE": "1", **({"PYTHONUNBUFFERED": "1"} if unbuffered else {})})
    cmd = [sys.executable, "-c", "from pipeline.cli.app import app; app()", "check", "a.en.txt"]
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [*cmd, "--engine", "apertium", "--no-cache", "-o", "out/"],
            stdout=full, stderr=subprocess.PIPE, cwd=tmp_path, env=env, timeout=300,
        )  # fmt: skip
    assert (proc.returncode, proc.stderr.decode()) == (
        2,
        "driftcheck: error: stdout: No space left on device\n",
    )
    assert (tmp_path / "out" / "driftcheck.json").read_text(encoding="utf-8").rstrip().endswith("}")
