"""A process started without stdin, stdout or stderr (cron, daemons, `<&-`, `>&-`, `2>&-`): Python
sets the stream to None. A run without stderr writes its reports and exits with its gate's code (its
messages are lost; they went into stdout's JSON, or failed the run: `'NoneType' object has no
attribute 'isatty'`, exit 2); output meant for a missing stdout, or input from a missing stdin, is
one error line and exit 2 (it was an internal error, AttributeError). The descriptors are closed in
the child (not /dev/null: `stdin=subprocess.DEVNULL` is an open, empty stdin)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

REPORT = str(ROOT / "tests" / "data" / "report_source.json")
NO_STDOUT = (
    "driftcheck: error: stdout is closed (the run started without one, as with >&-): nothing can be "
    "written to it; send it to /dev/null to discard the output\n"
)
NO_STDIN = (
    "driftcheck: error: -: stdin is closed (the run started without one, as with <&-): pipe the text "
    "in, or name a file\n"
)


def _run(args: list[str], closed: int, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """`driftcheck ARGS` with standard descriptor `closed` closed, the other two captured."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "NO_COLOR": "1", "DRIFTCHECK_CACHE": str(cwd / "c.sqlite")}
    env.pop("GITHUB_ACTIONS", None)
    pipes = {0: subprocess.DEVNULL, 1: subprocess.PIPE, 2: subprocess.PIPE}
    return subprocess.run(
        [sys.executable, "-c", "from pipeline.cli.app import app; app()", *args],
        stdin=pipes[0],
        stdout=pipes[1],
        stderr=pipes[2],
        cwd=cwd,
        env=env,
        timeout=300,
        preexec_fn=lambda: os.close(closed),
    )


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    (tmp_path / "a.es.txt").write_text("El perro come pan.\n", encoding="utf-8")
    (tmp_path / "b.es.txt").write_text("El perro no come pan.\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("The dog eats bread.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.requires_apertium
@pytest.mark.parametrize(("source", "code"), [("a.es.txt", 0), ("b.es.txt", 1)])
def test_a_run_without_stderr_writes_its_report_and_gates(pair: Path, source: str, code: int) -> None:
    args = [
        "check",
        "a.en.txt",
        "--source",
        source,
        "--engine",
        "apertium",
        "--format",
        "json",
        "-o",
        "r.json",
    ]
    proc = _run(args, closed=2, cwd=pair)
    assert (proc.returncode, proc.stdout) == (code, b"")
    assert json.loads((pair / "r.json").read_text(encoding="utf-8"))["summary"]["segments"] == 1


@pytest.mark.requires_apertium
def test_warnings_without_stderr_stay_out_of_stdout(pair: Path) -> None:
    """print(file=None) prints to stdout: the warning went into the JSON report there."""
    args = ["check", "a.en.txt", "--source-lang", "es", "--engine", "apertium", "--format", "json"]
    proc = _run(args, closed=2, cwd=pair)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["mode"] == "roundtrip"


def test_a_report_for_a_missing_stdout_is_one_line(tmp_path: Path) -> None:
    proc = _run(["report", REPORT, "-f", "html"], closed=1, cwd=tmp_path)
    assert (proc.returncode, proc.stderr.decode()) == (2, NO_STDOUT)


@pytest.mark.requires_apertium
def test_a_summary_for_a_missing_stdout_fails_before_any_report_is_written(pair: Path) -> None:
    proc = _run(
        ["check", "a.en.txt", "--source", "a.es.txt", "--engine", "apertium", "-o", "r.json"], 1, pair
    )
    assert (proc.returncode, proc.stderr.decode()) == (2, NO_STDOUT)
    assert not (pair / "r.json").exists()


@pytest.mark.requires_apertium
def test_a_run_that_writes_nothing_to_stdout_needs_none(pair: Path) -> None:
    args = ["check", "a.en.txt", "--source", "a.es.txt", "--engine", "apertium", "-f", "json", "-o", "r.json"]
    proc = _run(args, closed=1, cwd=pair)
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert (pair / "r.json").is_file()


def test_a_report_named_dev_stderr_without_stderr_is_refused(tmp_path: Path) -> None:
    """/dev/null stands on the descriptor: the report would be lost without a word."""
    proc = _run(["report", REPORT, "-f", "json", "-o", "/dev/stderr"], closed=2, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, b"")


@pytest.mark.parametrize(
    "args",
    [["report", "-"], ["check", "-", "--engine", "apertium"], ["check", "a.en.txt", "--source", "-"]],
    ids=["report", "check", "source"],
)
def test_reading_a_missing_stdin_is_one_line(pair: Path, args: list[str]) -> None:
    proc = _run(args, closed=0, cwd=pair)
    assert (proc.returncode, proc.stderr.decode(), proc.stdout) == (2, NO_STDIN, b"")
