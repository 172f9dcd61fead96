"""Every bad setting or file is one named line and exit 2, never "internal error"."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from pipeline.config import load_settings
from pipeline.engines.cache import CacheError, TranslationCache
from pipeline.errors import ConfigError
from tests.conftest import SEED, run_cli


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (b"pivots = [1, 2]\n", "pivots: item 1 must be a non-empty string, got 1 (int)"),
        (b'include = ["*.md", 1]\n', "include: item 2 must be a non-empty string, got 1 (int)"),
        (b'exclude = [""]\n', "exclude: item 1 must be a non-empty string, got ''"),
        (b"formats = [true]\n", "formats: item 1 must be a non-empty string, got True (bool)"),
        (b'device = "tpu"\n', "device: must be one of auto, cpu, cuda, not 'tpu'"),
        # 100,000 threads aborted the engine's pool (libgomp: exit 1, read as a failed gate)
        (b"threads = 100000\n", "threads: at most 256 (0: the engine's default, one per core)"),
        (b'lang = "caf\xe9"\n', "not valid UTF-8 (byte offset 11); TOML files are UTF-8"),
        # accepted before: every sentence went to review, a correlation of 50, an empty baseline (none)
        (
            b"[thresholds]\nlength_ratio_min = 3\nlength_ratio_max = 1\n",
            "thresholds.length_ratio_min (3) must be below length_ratio_max (1)",
        ),
        (b"[thresholds]\norder_tau = 50\n", "thresholds.order_tau: must be between -1 and 1"),
        (b"[thresholds]\nlength_ratio_max = 0\n", "thresholds.length_ratio_max: must be above 0"),
        (b'baseline = ""\n', "baseline: is empty: name a file or folder (an unset variable?)"),
    ],
)
def test_bad_config_values_are_named(tmp_path: Path, toml: bytes, message: str) -> None:
    cfg = tmp_path / "driftcheck.toml"
    cfg.write_bytes(toml)
    with pytest.raises(ConfigError, match="^" + str(cfg).replace(".", r"\.")) as err:
        load_settings({}, str(cfg), cwd=tmp_path)
    assert message in err.value.message
    r = run_cli("check", str(SEED), "--engine", "apertium", "--no-cache", "--config", str(cfg), cwd=tmp_path)
    assert r.code == 2 and r.stderr == f"driftcheck: error: {err.value.message}\n" and r.stdout == ""


def test_two_reports_for_stdout_are_refused_before_any_work() -> None:
    r = run_cli("check", str(SEED), "--engine", "apertium", "--no-cache", "-f", "text", "-f", "json")
    assert r.code == 2 and r.stdout == ""
    assert r.stderr == (
        "driftcheck: error: --format text goes to stdout, which already carries the json report; "
        "write that report to a file with --output\n"
    )


@pytest.mark.parametrize("flag", ["--baseline", "--calibration", "--cache", "--output", "--annotate"])
def test_an_empty_path_on_the_command_line_is_refused(flag: str) -> None:
    """`--baseline "$UNSET"` in a CI script ran without the baseline: the gate changed without a word."""
    r = run_cli("check", str(SEED), "--engine", "apertium", "--no-cache", flag, "")
    assert r.code == 2
    assert r.stderr == f"driftcheck: error: {flag}: is empty: name a file or folder (an unset variable?)\n"


def test_an_unknown_via_language_is_named() -> None:
    """`--via xx` went on to plan routes and ended suggesting `apt-get install apertium-eng-xx`."""
    r = run_cli("check", str(SEED), "--engine", "apertium", "--no-cache", "--via", "xx")
    assert r.code == 2
    assert r.stderr == (
        "driftcheck: error: unknown --via language code 'xx': use an ISO 639-1 code such as en, es, fr, de\n"
    )


def test_an_unknown_device_on_the_command_line_is_refused() -> None:
    r = run_cli("check", str(SEED), "--engine", "apertium", "--no-cache", "--device", "tpu")
    assert r.code == 2 and "device: must be one of auto, cpu, cuda, not 'tpu'" in r.stderr
    assert "internal error" not in r.stderr


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    foreign = tmp_path / "app.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
        db.execute("INSERT INTO notes VALUES ('keep me')")
    db.close()
    before = hashlib.sha256(foreign.read_bytes()).hexdigest()
    with pytest.raises(CacheError, match="not a driftcheck translation cache"):
        TranslationCache(foreign)
    r = run_cli("check", str(SEED), "--engine", "apertium", "--cache", str(foreign))
    assert r.code == 2 and "not a driftcheck translation cache" in r.stderr
    assert hashlib.sha256(foreign.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db"]  # no -wal or -shm either
    with sqlite3.connect(foreign) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_foreign_database_in_wal_mode_keeps_its_log(tmp_path: Path) -> None:
    """Refused, but changed: closing the read-write connection that looked at it checkpointed the
    other program's write-ahead log into its file and deleted its -wal and -shm. It is looked at
    read-only now; the database and its log stay byte for byte (the -shm index may be rebuilt)."""
    import subprocess
    import sys

    foreign = tmp_path / "f.db"
    subprocess.run(
        [sys.executable, "-c", (
            "import os, sqlite3; c = sqlite3.connect(os.sys.argv[1]); c.execute('pragma journal_mode=wal');"
            "c.execute('pragma wal_autocheckpoint=0'); c.execute('create table notes(t)');"
            "c.executemany('insert into notes values(?)', [('p%d' % i,) for i in range(1000)]); c.commit(); os._exit(0)"
        ), str(foreign)],
        check=True,
    )  # fmt: skip
    files = {name: (tmp_path / name).read_bytes() for name in ("f.db", "f.db-wal")}
    r = run_cli("check", str(SEED), "--engine", "apertium", "--cache", str(foreign))
    assert r.code == 2 and "not a driftcheck translation cache" in r.stderr
    assert {name: (tmp_path / name).read_bytes() for name in files} == files
    assert (tmp_path / "f.db-shm").exists()


def test_terminal_control_in_names_and_texts_is_shown_not_obeyed(tmp_path: Path) -> None:
    evil = tmp_path / "a\x1b]0;pwned\x07\x1b[2J.txt"
    r = run_cli("check", str(evil), "--engine", "apertium", "--no-cache")
    assert r.code == 2 and "\x1b" not in r.stderr and "\x07" not in r.stderr
    assert "a\u241b]0;pwned\u2407\u241b[2J.txt: no such file" in r.stderr


def test_a_cache_named_like_an_input_is_refused_without_advice_to_delete_it(tmp_path: Path) -> None:
    """`--cache a.txt` on a.txt said "the translation cache a.txt is unusable (file is not a
    database): delete that file": the user's document."""
    doc = tmp_path / "a.txt"
    doc.write_text("The house is big.\n")
    r = run_cli(
        "check",
        str(doc),
        "--engine",
        "apertium",
        "--cache",
        str(doc),
        "-f",
        "json",
        "-o",
        str(tmp_path / "r.json"),
    )
    assert (r.code, r.stderr) == (
        2,
        f"driftcheck: error: --cache {doc}: the translation cache would be the input {doc}; pass another --cache PATH\n",
    )
    assert doc.read_text() == "The house is big.\n" and sorted(p.name for p in tmp_path.iterdir()) == [
        "a.txt"
    ]


def test_a_file_language_that_is_no_code_is_named_in_the_error_it_causes(tmp_path: Path) -> None:
    """`Language: xx` was ignored (rightly: no such code) and the run failed on "--source-lang and
    --lang are both 'en'", naming neither the file nor the declaration, and two flags the user had
    not given."""
    po = tmp_path / "xx.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: xx\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Hello"\nmsgstr "Hola"\n'
    )
    r = run_cli(
        "check", str(po), "--engine", "apertium", "--no-cache", "-f", "json", "-o", str(tmp_path / "r.json")
    )
    assert (r.code, r.stderr) == (
        2,
        "driftcheck: error: the original and the copy are both 'en' (both from the inputs or the default; give "
        "--lang or --source-lang): a translation needs two languages "
        f"({po}: declares language 'xx', which is not a language code; ignored)\n",
    )
    # the flags are named where they were given
    r = run_cli("check", str(po), "--engine", "apertium", "--no-cache", "-l", "en", "-s", "en")
    assert r.code == 2 and r.stderr.startswith(
        "driftcheck: error: --source-lang and --lang are both 'en': a translation needs two languages"
    )


def test_a_compiled_extensions_panic_is_an_internal_error_exit_2(tmp_path: Path) -> None:
    """pyo3's PanicException is a BaseException, not an Exception: it got past the shell's net and
    ended the run with a traceback and exit code 1, which CI reads as a failed gate. Here text2num
    panics for real on half a surrogate pair, let through by undoing the reader's U+FFFD."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    job = tmp_path / "job.xlf"
    job.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
        'version="2.0" srcLang="es" trgLang="en"><file id="f1"><unit id="u1"><segment><source>Gastó 320 '
        'euros.</source><target>Spent 230<cp hex="D800"/> euros.</target></segment></unit></file></xliff>\n',
        "utf-8",
    )
    code = "import pipeline.formats.xmlsafe as x; x.whole_characters = str; from pipeline.cli.app import app; app()"
    args = [
        "check",
        str(job),
        "--engine",
        "apertium",
        "--no-semantic",
        "--no-cache",
        "-f",
        "json",
        "-o",
        str(tmp_path / "r.json"),
    ]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    env.pop("DRIFTCHECK_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300
    )
    assert proc.returncode == 2, proc.stderr
    # (the Rust runtime prints its own panic message first; Python's traceback is what must not come)
    assert proc.stderr.splitlines()[-1].startswith("driftcheck: internal error: PanicException: ")
    assert "Traceback" not in proc.stderr and not (tmp_path / "r.json").exists()


def test_a_closed_stdout_is_an_error_not_a_failed_gate(tmp_path: Path) -> None:
    """`driftcheck report r.json -f sarif | head -0` exited 1 without a word (click's answer to
    EPIPE), which CI reads as a failed gate: under `set -o pipefail` a passing check failed the job."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    read, write = os.pipe()
    os.close(read)  # the reader is gone before driftcheck writes
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    report = str(ROOT / "tests" / "data" / "report_source.json")
    proc = subprocess.run(
        [sys.executable, "-c", "from pipeline.cli.app import app; app()", "report", report, "-f", "sarif"],
        stdout=write,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    os.close(write)
    assert proc.returncode == 2
    assert proc.stderr.decode() == (
        "driftcheck: error: stdout was closed before the output was written to it (the pipe's reader ended first)\n"
    )
