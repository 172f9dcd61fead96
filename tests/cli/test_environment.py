"""A bad environment: a working directory that was deleted, a default cache folder that cannot be
made, a terminal width no terminal has. Real CLI runs: the behaviour is the process's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

REPORT = str(ROOT / "tests" / "data" / "report_source.json")
GONE = (
    "driftcheck: error: the working directory no longer exists (it was deleted or moved away): "
    "cd into an existing folder\n"
)


def _in_deleted_folder(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`driftcheck ARGS` run in a folder removed after the child entered it (a shell left there)."""
    folder = tmp_path / "gone"
    folder.mkdir()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "DRIFTCHECK_CACHE": str(tmp_path / "c.sqlite")}
    return subprocess.run(
        [sys.executable, "-c", "from pipeline.cli.app import app; app()", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env={**env, "PYTHONPATH": str(ROOT)},
        timeout=120,
        preexec_fn=lambda: os.rmdir(folder),
    )


def test_a_deleted_working_directory_is_named(tmp_path: Path) -> None:
    """Config discovery asked for it: "driftcheck: error: No such file or directory", naming nothing."""
    (tmp_path / "a.en.txt").write_text("The dog eats bread.\n", encoding="utf-8")
    (tmp_path / "a.es.txt").write_text("El perro come pan.\n", encoding="utf-8")
    args = [
        "check",
        str(tmp_path / "a.en.txt"),
        "--source",
        str(tmp_path / "a.es.txt"),
        "--engine",
        "apertium",
    ]
    proc = _in_deleted_folder(args, tmp_path)
    assert (proc.returncode, proc.stderr, proc.stdout) == (2, GONE, "")


def test_a_relative_output_from_a_deleted_working_directory_is_named(tmp_path: Path) -> None:
    proc = _in_deleted_folder(["report", REPORT, "-f", "json", "-o", "out.json"], tmp_path)
    assert (proc.returncode, proc.stderr) == (2, GONE)


def test_a_report_of_absolute_paths_needs_no_working_directory(tmp_path: Path) -> None:
    proc = _in_deleted_folder(["report", REPORT, "-f", "json", "-o", str(tmp_path / "r.json")], tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["segments"]


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("DRIFTCHECK_CACHE", raising=False)
    (tmp_path / "a.en.txt").write_text("The dog eats bread.\n", encoding="utf-8")
    (tmp_path / "a.es.txt").write_text("El perro come pan.\n", encoding="utf-8")
    return tmp_path


CHECK = ["check", "a.en.txt", "--source", "a.es.txt", "--engine", "apertium", "-f", "json", "-o", "r.json"]
WITHOUT = "running without the translation cache (--cache PATH names another place, --no-cache says this)\n"


@pytest.mark.requires_apertium
def test_a_default_cache_folder_in_a_file_runs_without_the_cache(pair: Path) -> None:
    """XDG_CACHE_HOME naming a file: "cannot create the cache folder …: Not a directory", exit 2."""
    (pair / "afile").write_text("mine\n", encoding="utf-8")
    r = run_cli(*CHECK, cwd=pair, env={"XDG_CACHE_HOME": str(pair / "afile")})
    assert (r.code, r.stderr) == (
        0,
        f"driftcheck: warning: cannot create the cache folder {pair}/afile/driftcheck ({pair}/afile: is not "
        f"a folder): {WITHOUT}",
    )
    assert (pair / "r.json").is_file() and (pair / "afile").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.requires_apertium
def test_a_home_that_does_not_exist_is_not_made_for_the_cache(pair: Path) -> None:
    """HOME=/nonexistent (as services run): /nonexistent/.cache/driftcheck was made, as root."""
    home = pair / "nonexistent"
    r = run_cli(*CHECK, cwd=pair, env={"HOME": str(home), "XDG_CACHE_HOME": ""})
    assert (r.code, r.stderr) == (
        0,
        f"driftcheck: warning: cannot create the cache folder {home}/.cache/driftcheck ({home}: no such "
        f"folder): {WITHOUT}",
    )
    assert not home.exists() and (pair / "r.json").is_file()


@pytest.mark.requires_apertium
def test_a_named_cache_folder_that_cannot_be_made_says_no_cache(pair: Path) -> None:
    (pair / "afile").write_text("mine\n", encoding="utf-8")
    r = run_cli(*CHECK, "--cache", str(pair / "afile" / "sub") + "/", cwd=pair)
    assert (r.code, r.stderr) == (
        2,
        f"driftcheck: error: cannot create the cache folder {pair}/afile/sub: Not a directory: pass "
        "another --cache PATH, or run with --no-cache\n",
    )
    assert not (pair / "r.json").exists()


def test_an_enormous_columns_is_held_to_500(tmp_path: Path) -> None:
    """COLUMNS=99999 into a file: the table filled every line to 99,999 characters."""
    r = run_cli("report", REPORT, "-f", "text", env={"COLUMNS": "99999"}, cwd=tmp_path)
    assert r.code == 0
    assert max(len(line) for line in r.stdout.splitlines()) == 500
