"""A Ray run keeps driftcheck's promises: SIGTERM is still "terminated" (exit 143, cleanup), and a
run that fails leaves no shard results behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.scale.test_ray import SOURCE, _jsonl, _rows


@pytest.mark.requires_ray
def test_starting_ray_leaves_driftchecks_sigterm_handler_in_place() -> None:
    """ray.init put its own SIGTERM handler in (sys.exit(15): exit 15 or 1, no message, no cleanup)
    and never took it out; a SIGTERM during a Ray run did not exit 143 as the README says."""
    code = (
        "import signal, sys\n"
        "def mine(*a): pass\n"
        "signal.signal(signal.SIGTERM, mine)\n"
        "import ray\n"
        "from pipeline.scale.executor_ray import RayOptions, _start\n"
        "started = _start(ray, RayOptions(workers=1))\n"
        "kept = signal.getsignal(signal.SIGTERM) is mine\n"
        "ray.shutdown()\n"
        "print(started, kept)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.stdout.split() == ["True", "True"], out.stderr[-2000:]


@pytest.mark.requires_ray
def test_sigterm_while_ray_starts_is_terminated(tmp_path: Path) -> None:
    """A SIGTERM while `ray.init` ran met Ray's own handler (sys.exit(15)): exit 15 without a word,
    or an abort (exit -6). A thread sends it the moment Ray's handler is in, through the real CLI."""
    shard = _jsonl(tmp_path / "a.jsonl", _rows(0, 2), ("id", "source", "translation"))
    code = (
        "import os, signal, threading, time\n"
        "from pipeline.cli.app import app\n"
        "def watch():\n"
        "    while getattr(signal.getsignal(signal.SIGTERM), '__module__', '') != 'ray._private.worker':\n"
        "        time.sleep(0.001)\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "threading.Thread(target=watch, daemon=True).start()\n"
        "app()\n"
    )
    out = tmp_path / "r.json"
    cmd = [sys.executable, "-c", code, "check", str(shard), *SOURCE, "--executor", "ray", "--workers", "1"]
    proc = subprocess.run(
        [*cmd, "-f", "json", "-o", str(out)],
        cwd=ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert (proc.returncode, proc.stderr) == (143, "driftcheck: terminated\n"), proc.stderr[-2000:]
    assert not out.exists()


@pytest.mark.requires_ray
@pytest.mark.requires_apertium
def test_shards_that_cannot_merge_leave_no_shard_results(tmp_path: Path) -> None:
    """Shard reports were written before the merge found a mix of pairs and copy alone: exit 2 with
    files written (and older ones in the folder replaced)."""
    folder = tmp_path / "shards"
    _jsonl(folder / "a.jsonl", _rows(0, 2), ("id", "source", "translation"))
    _jsonl(folder / "b.jsonl", _rows(2, 2), ("id", "translation"))  # copy alone: round trip
    results = tmp_path / "results"
    r = run_cli(
        "check", str(folder), *SOURCE, "--executor", "ray", "--workers", "1", "-f", "json",
        "-o", str(tmp_path / "r.json"), "--shard-results", str(results),
    )  # fmt: skip
    assert r.code == 2 and "cannot mix" in r.stderr and r.stderr.count("\n") == 1, r.stderr
    assert not (tmp_path / "r.json").exists()
    assert not results.exists() or not list(results.iterdir())


@pytest.mark.requires_ray
def test_stdin_with_the_ray_executor_is_named_as_given(tmp_path: Path) -> None:
    """stdin was spooled into a temp file before the shards were checked, and the error named it;
    then it said that Ray reads .jsonl files where --stdin-filename had said stdin was one."""
    r = run_cli(
        "check", "-", *SOURCE, "--executor", "ray", "-f", "json", "-o", str(tmp_path / "x.json"),
        "--stdin-filename", "x.jsonl", stdin='{"source": "Hola.", "translation": "Hello."}\n',
    )  # fmt: skip
    assert (r.code, r.stderr) == (
        2,
        "driftcheck: error: -: --executor ray reads shards from files, not stdin: save it to a file "
        "(.jsonl, .ndjson, .tsv, .csv, .parquet)\n",
    )


@pytest.mark.requires_ray
@pytest.mark.requires_apertium
def test_sigterm_while_ray_works_is_terminated(tmp_path: Path) -> None:
    """A SIGTERM while driftcheck waited for Ray's results was raised inside Ray's C code and came
    out as "internal error: SystemError: ... returned a result with an exception set", exit 2 (at
    5, 8, 12 and 14 s into a run of four shards): a cancelled CI job read as a broken tool."""
    import signal
    import time

    folder = tmp_path / "shards"
    rows = _rows(0, 58)
    for k in range(4):  # 1,160 distinct pairs: a run of half a minute and more
        copies = [
            {
                "id": f"{k}-{n}-{i}",
                "source": f"{r['source']} ({n})",
                "translation": f"{r['translation']} ({n})",
            }
            for n in range(5 * k, 5 * k + 5)
            for i, r in enumerate(rows)
        ]
        _jsonl(folder / f"part-{k}.jsonl", copies, ("id", "source", "translation"))
    out = tmp_path / "r.json"
    out.write_text("OLD")
    cmd = [sys.executable, "-c", "from pipeline.cli.app import app; app()", "check", str(folder), *SOURCE]
    proc = subprocess.Popen(
        [*cmd, "--executor", "ray", "--workers", "2", "-f", "json", "-o", str(out)],
        cwd=ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(8)
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=120)
    assert (proc.returncode, stderr.decode().splitlines()[-1:]) == (143, ["driftcheck: terminated"]), stderr[
        -2000:
    ]
    assert out.read_text() == "OLD"


@pytest.mark.requires_ray
def test_an_address_nothing_answers_on_is_one_line_at_once(tmp_path: Path) -> None:
    """`--address 127.0.0.1:1` (nothing listens there) waited more than eight minutes without a
    word; a SIGTERM then ended it with exit 15."""
    shard = _jsonl(tmp_path / "a.jsonl", _rows(0, 2), ("id", "source", "translation"))
    r = run_cli(
        "check", str(shard), *SOURCE, "--executor", "ray", "--address", "127.0.0.1:1", "-f", "json",
        "-o", str(tmp_path / "r.json"), timeout=60,
    )  # fmt: skip
    assert (r.code, r.stderr) == (
        2,
        "driftcheck: error: cannot connect to Ray at 127.0.0.1:1: Connection refused "
        "(is `ray start --head` running there?)\n",
    )
    assert not (tmp_path / "r.json").exists()


@pytest.mark.requires_ray
def test_shards_that_declare_other_languages_are_refused_before_ray_starts(tmp_path: Path) -> None:
    """A local run refuses inputs that declare different source languages before any work; a Ray
    run checked every shard, then refused at the merge with "rerun them together", which failed
    the same way. Now it refuses as a local run does."""
    folder = tmp_path / "shards"
    for name, lang in (("a.jsonl", "es"), ("b.jsonl", "pt")):
        rows = [{**r, "src_lang": lang, "tgt_lang": "en"} for r in _rows(0, 2)]
        _jsonl(folder / name, rows, ("id", "source", "translation", "src_lang", "tgt_lang"))
    r = run_cli(
        "check", str(folder), "--engine", "apertium", "--no-cache", "--executor", "ray", "--workers", "1",
        "-f", "json", "-o", str(tmp_path / "r.json"),
    )  # fmt: skip
    listing = f"{folder / 'a.jsonl'}: es, {folder / 'b.jsonl'}: pt"
    assert (r.code, r.stderr) == (
        2,
        f"driftcheck: error: the inputs declare different source languages ({listing}); "
        "give --source-lang or check them separately\n",
    )
    assert not (tmp_path / "r.json").exists()
