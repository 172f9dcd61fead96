"""The translation cache file: stats, clear, its path, broken files, concurrency, crashes.

The engine wrapper (hits, misses, invalidation) is tested in tests/engines/test_cached_engine.py,
`driftcheck cache stats|clear` in tests/cli/test_cli_cache.py.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from pipeline.engines.cache import CacheError, TranslationCache
from pipeline.engines.cache_path import ENV_CACHE, FILENAME, default_cache_path
from pipeline.engines.cached_engine import namespace_for
from pipeline.errors import DriftcheckError
from tests.engines.reverser import Reverser, expected, run_once

ROOT = Path(__file__).resolve().parents[2]


# -- files, stats, clear, broken files -------------------------------------------------------------


def cached(cache: TranslationCache, namespace: str, src: str, tgt: str, texts: list[str]) -> dict[int, str]:
    """index -> cached output, for the texts that are in the cache."""
    return {i: out for i, (out, _) in cache.get_entries(namespace, src, tgt, texts).items()}


def integrity_ok(cache: TranslationCache) -> bool:
    with sqlite3.connect(cache.path) as db:
        return bool(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def test_stats_and_clear(cache_path: Path) -> None:
    run_once(cache_path, ["a", "b", "c"])
    run_once(cache_path, ["a", "d"], src="es", tgt="en")
    with TranslationCache(cache_path) as cache:
        stats = cache.stats()
        assert stats["path"] == str(cache_path)
        assert stats["entries"] == 5
        assert isinstance(stats["size_bytes"], int) and stats["size_bytes"] > 0
        rows = stats["namespaces"]
        assert isinstance(rows, list)
        assert [(r["src"], r["tgt"], r["entries"]) for r in rows] == [("en", "es", 3), ("es", "en", 2)]
        assert rows[0]["signature"]["model"] == "rev-en-es"
        assert cache.clear() == 5
        assert cache.stats()["entries"] == 0
        assert cached(cache, rows[0]["namespace"], "en", "es", ["a"]) == {}
    _, eng, _ = run_once(cache_path, ["a"])
    assert eng.calls == [(["a"], "en", "es")]


def test_default_path_env_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv(ENV_CACHE, raising=False)
    assert default_cache_path() == Path(platformdirs.user_cache_dir("driftcheck")) / FILENAME
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "mine.db"))
    assert default_cache_path() == tmp_path / "mine.db"
    monkeypatch.setenv(ENV_CACHE, str(tmp_path))  # a folder: the file goes inside
    assert default_cache_path() == tmp_path / FILENAME
    with TranslationCache(tmp_path) as cache:
        assert cache.path == tmp_path / FILENAME
    with sqlite3.connect(tmp_path / FILENAME) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _one_line_cache_error(path: Path) -> str:
    with pytest.raises(CacheError) as info:
        with TranslationCache(path) as cache:
            cached(cache, "ns", "en", "es", [f"text {i}" for i in range(3000)])
    msg = info.value.message
    assert isinstance(info.value, DriftcheckError) and info.value.exit_code == 2
    assert "\n" not in msg and str(path) in msg and "--no-cache" in msg
    return msg


def test_garbage_file_is_one_clear_error(cache_path: Path) -> None:
    cache_path.parent.mkdir(parents=True)
    cache_path.write_bytes(b"this is not a database\n" * 200)
    assert "not a database" in _one_line_cache_error(cache_path)
    assert cache_path.read_bytes() == b"this is not a database\n" * 200  # left as it was


def test_truncated_cache_is_one_clear_error(cache_path: Path) -> None:
    run_once(cache_path, [f"text {i} " * 20 for i in range(3000)])
    size = cache_path.stat().st_size
    assert size > 100_000 and not Path(f"{cache_path}-wal").exists()  # checkpointed on close
    with open(cache_path, "r+b") as f:
        f.truncate(size // 2)
    _one_line_cache_error(cache_path)


def test_someone_elses_database_is_refused_and_untouched(cache_path: Path) -> None:
    cache_path.parent.mkdir(parents=True)
    with sqlite3.connect(cache_path) as db:
        db.execute("CREATE TABLE users (name TEXT)")
        db.execute("INSERT INTO users VALUES ('ada')")
    assert "not a driftcheck translation cache" in _one_line_cache_error(cache_path)
    with sqlite3.connect(cache_path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert tables == ["users"]


def test_an_older_cache_layout_is_started_over(cache_path: Path) -> None:
    run_once(cache_path, ["a"])
    with sqlite3.connect(cache_path) as db:
        db.execute("PRAGMA user_version = 0")
    _, eng, _ = run_once(cache_path, ["a"])
    assert eng.calls == [(["a"], "en", "es")]


def test_a_version_3_cache_keeps_its_translations_and_gains_the_derived_table(cache_path: Path) -> None:
    run_once(cache_path, ["a"])
    with sqlite3.connect(cache_path) as db:  # as driftcheck before the derived table wrote it
        db.execute("DROP TABLE derived")
        db.execute("PRAGMA user_version = 3")
    _, eng, _ = run_once(cache_path, ["a"])
    assert eng.calls == []  # the translation came from the cache
    with TranslationCache(cache_path) as cache:
        cache.put_derived("k", [(b"key", b"data")])
        assert cache.get_derived("k", [b"key", b"other"]) == {b"key": b"data"}
        assert cache.stats()["derived"] == 1
        cache.clear()
        assert cache.stats()["derived"] == 0


def test_unwritable_folder_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(CacheError, match="cannot create the cache folder"):
        TranslationCache(blocker / "sub" / "c.sqlite3")


# -- concurrency and crashes ---------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv[1])
    sys.path.insert(0, sys.argv[2])
    from reverser import Reverser, expected
    from pipeline.engines.cache import TranslationCache
    from pipeline.engines.cached_engine import CachedEngine
    path, worker, start_at = sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
    while time.time() < start_at:
        pass
    cache = TranslationCache(path)  # all writers open a fresh file at the same moment
    engine = CachedEngine(Reverser(), cache)
    for batch in range(40):
        # overlapping keys: every worker walks the same 200 texts from a different offset
        texts = [f"text {(worker * 37 + batch * 5 + j) % 200}" for j in range(15)]
        out = engine.translate(texts, "en", "es").texts
        if out != [expected(t) for t in texts]:
            sys.exit(f"worker {worker}: wrong translation")
    print(engine.stats["hits"], engine.stats["misses"])
    """
)


def test_concurrent_writers_never_corrupt_or_mix_up(cache_path: Path, tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    start_at = time.time() + 1.0  # after the interpreters have started
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), str(ROOT), str(ROOT / "tests" / "engines"), str(cache_path), str(w)]
            + [str(start_at)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(4)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    for p, (_, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
    hits = sum(int(out.split()[0]) for out, _ in results)
    assert hits > 0  # the writers did share work through the cache
    texts = [f"text {i}" for i in range(200)]
    with TranslationCache(cache_path) as cache:
        assert integrity_ok(cache)
        ns = namespace_for(Reverser().direction_signature("en", "es"), "en", "es")
        found = cached(cache, ns, "en", "es", texts)
        assert cache.stats()["entries"] == len(found)  # nothing stored that we cannot account for
        assert found == {i: expected(t) for i, t in enumerate(texts) if i in found}


def _open_and_write(path: Path, barrier: Any, errors: Any) -> None:
    barrier.wait()
    try:
        with TranslationCache(path) as cache:
            cache.put_many("ns", "en", "es", [("a", "es:a")])
    except CacheError as exc:
        errors.put(exc.message)


def test_runs_opening_a_fresh_cache_at_the_same_moment_all_succeed(tmp_path: Path) -> None:
    # Switching a new file to WAL answers "locked" at once to all but one opener; before the
    # retry this failed about 1 open in 25.
    ctx = multiprocessing.get_context("fork")
    errors = ctx.Queue()
    for round_ in range(40):
        path = tmp_path / f"fresh{round_}.sqlite3"
        barrier = ctx.Barrier(4)
        procs = [ctx.Process(target=_open_and_write, args=(path, barrier, errors)) for _ in range(4)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=60)
            assert p.exitcode == 0
    assert errors.empty()


KILLED = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from pipeline.engines.cache import TranslationCache
    cache = TranslationCache(sys.argv[2])
    batch = 0
    while True:
        texts = [f"sentence {batch}-{j} " + "padding " * 30 for j in range(2000)]
        cache.put_many("ns", "en", "es", [(t, "es:" + t[::-1]) for t in texts])
        batch += 1
        print(batch, flush=True)
    """
)


def test_a_killed_writer_leaves_a_usable_cache(cache_path: Path, tmp_path: Path) -> None:
    script = tmp_path / "killed.py"
    script.write_text(KILLED)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(ROOT), str(cache_path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    committed = 0
    while committed < 3:
        committed = int(proc.stdout.readline())
    time.sleep(0.05)  # most of the writer's time is spent inside a transaction
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with TranslationCache(cache_path) as cache:
        assert integrity_ok(cache)
        entries = cache.stats()["entries"]
        assert isinstance(entries, int)
        assert entries >= committed * 2000 and entries % 2000 == 0  # whole batches only
        for batch in range(entries // 2000 + 1):
            texts = [f"sentence {batch}-{j} " + "padding " * 30 for j in range(2000)]
            found = cached(cache, "ns", "en", "es", texts)
            assert len(found) == (2000 if batch < entries // 2000 else 0)
            assert all(found[i] == "es:" + texts[i][::-1] for i in found)
        cache.put_many("ns", "en", "es", [("after", "es:retfa")])  # and it still takes writes
        assert cached(cache, "ns", "en", "es", ["after"]) == {0: "es:retfa"}
