"""The translation cache: hits, misses, invalidation, batches, concurrency, crashes, the CLI.

Pure cache logic runs against a deterministic stand-in engine (it reverses text and
records every call); one test wraps the real Apertium engine.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.cli.cache import cache_app
from pipeline.engines import ProgressFn, Translations
from pipeline.engines.cache import (
    ENV_CACHE,
    FILENAME,
    CacheError,
    TranslationCache,
    default_cache_path,
)
from pipeline.engines.cached_engine import CachedEngine, namespace_for
from pipeline.errors import DriftcheckError, EngineError

ROOT = Path(__file__).resolve().parents[2]


def expected(text: str, tgt: str = "es") -> str:
    return f"{tgt}:{text[::-1]}"


class Reverser:
    """A stand-in Engine: reverses text, records every call, knows its model per direction without
    loading it."""

    name = "reverser"
    max_len = 40  # inputs longer than this are "split", as a length-limited model would

    def __init__(self, revision: str = "r1", beam: int = 1) -> None:
        self.revision = revision
        self.beam = beam
        self.calls: list[tuple[list[str], str, str]] = []
        self._used: dict[str, str] = {}

    def directions(self) -> set[tuple[str, str]]:
        return {("en", "es"), ("es", "en"), ("en", "fr")}

    def supports(self, src: str, tgt: str) -> bool:
        return (src, tgt) in self.directions()

    def install_hint(self, src: str, tgt: str) -> str:
        return f"no reverser for {src}-{tgt}"

    def translate(
        self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None = None
    ) -> Translations:
        self.calls.append((list(texts), src, tgt))
        self._used[f"{src}-{tgt}"] = f"rev-{src}-{tgt}@{self.revision}"
        split = frozenset(i for i, t in enumerate(texts) if len(t) > self.max_len)
        return Translations([expected(t, tgt) for t in texts], split=split)

    def signature(self) -> dict[str, object]:
        return {"engine": "reverser", "beam": self.beam, "models": dict(self._used)}

    def direction_signature(self, src: str, tgt: str) -> dict[str, object]:
        return {
            "engine": "reverser",
            "model": f"rev-{src}-{tgt}",
            "revision": self.revision,
            "beam": self.beam,
        }

    @property
    def translated(self) -> list[str]:
        return [t for texts, _, _ in self.calls for t in texts]


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "t.sqlite3"


def run_once(
    path: Path, texts: list[str], engine: Reverser | None = None, src: str = "en", tgt: str = "es"
) -> tuple[list[str], Reverser, CachedEngine]:
    """One 'run': a fresh engine and a fresh connection, as a new driftcheck process would have."""
    engine = engine or Reverser()
    with TranslationCache(path) as cache:
        cached = CachedEngine(engine, cache)
        out = cached.translate(texts, src, tgt).texts
    return out, engine, cached


# -- hits, misses, order, dedupe ---------------------------------------------------------------


def test_miss_then_hit_across_runs(cache_path: Path) -> None:
    texts = ["One.", "Two.", "Three."]
    out1, eng1, c1 = run_once(cache_path, texts)
    assert out1 == [expected(t) for t in texts]
    assert eng1.calls == [(texts, "en", "es")]
    assert c1.stats == {"lookups": 3, "hits": 0, "misses": 3, "duplicates": 0}

    out2, eng2, c2 = run_once(cache_path, texts)
    assert out2 == out1
    assert eng2.calls == []  # nothing reached the engine
    assert c2.stats == {"lookups": 3, "hits": 3, "misses": 0, "duplicates": 0}


def test_only_misses_reach_the_engine_in_one_call_and_order_is_kept(cache_path: Path) -> None:
    run_once(cache_path, ["b", "d"])
    texts = ["a", "b", "c", "d", "e"]
    out, eng, cached = run_once(cache_path, texts)
    assert out == [expected(t) for t in texts]
    assert eng.calls == [(["a", "c", "e"], "en", "es")]
    assert cached.stats["hits"] == 2 and cached.stats["misses"] == 3


def test_identical_texts_in_a_batch_are_translated_once(cache_path: Path) -> None:
    texts = ["same", "other", "same", "same", "other"]
    out, eng, cached = run_once(cache_path, texts)
    assert out == [expected(t) for t in texts]
    assert eng.calls == [(["same", "other"], "en", "es")]
    assert cached.stats == {"lookups": 5, "hits": 0, "misses": 2, "duplicates": 3}


def test_empty_batch_and_empty_text(cache_path: Path) -> None:
    out, eng, _ = run_once(cache_path, [])
    assert out == [] and eng.calls == []
    out, _, _ = run_once(cache_path, ["", "x"])
    assert out == [expected(""), expected("x")]
    out, eng, _ = run_once(cache_path, ["", "x"])
    assert out == [expected(""), expected("x")] and eng.calls == []


def test_unicode_and_whitespace_variants_are_distinct_keys(cache_path: Path) -> None:
    texts = ["café", "cafe\u0301", "café ", "😀 emoji", "line\nbreak"]
    run_once(cache_path, texts)
    out, eng, _ = run_once(cache_path, texts)
    assert out == [expected(t) for t in texts] and eng.calls == []


def test_a_large_batch_round_trips(cache_path: Path) -> None:
    texts = [f"sentence number {i}" for i in range(2500)]  # several SELECT chunks
    run_once(cache_path, texts)
    out, eng, cached = run_once(cache_path, texts)
    assert out == [expected(t) for t in texts]
    assert eng.calls == [] and cached.stats["hits"] == 2500


def test_split_flag_survives_a_cache_hit(cache_path: Path) -> None:
    long = "a long paragraph " * 5
    texts = ["short", long, "short", long]
    with TranslationCache(cache_path) as cache:
        assert CachedEngine(Reverser(), cache).translate(texts, "en", "es").split == {1, 3}
    eng = Reverser()
    with TranslationCache(cache_path) as cache:
        assert CachedEngine(eng, cache).translate(texts, "en", "es").split == {1, 3}
    assert eng.calls == []


# -- invalidation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "src", "tgt", "hit"),
    [
        ({"revision": "r1", "beam": 1}, {"revision": "r1", "beam": 1}, "en", "es", True),
        ({"revision": "r1", "beam": 1}, {"revision": "r2", "beam": 1}, "en", "es", False),  # new revision
        ({"revision": "r1", "beam": 1}, {"revision": "r1", "beam": 4}, "en", "es", False),  # decoding options
        ({"revision": "r1", "beam": 1}, {"revision": "r1", "beam": 1}, "en", "fr", False),  # other direction
    ],
    ids=["same", "revision", "beam", "direction"],
)
def test_namespace_changes_invalidate(
    cache_path: Path,
    first: dict[str, object],
    second: dict[str, object],
    src: str,
    tgt: str,
    hit: bool,
) -> None:
    texts = ["Hello there.", "General Kenobi.", "Again."]
    run_once(cache_path, texts, Reverser(**first))  # type: ignore[arg-type]
    out, eng, _ = run_once(cache_path, texts, Reverser(**second), src, tgt)  # type: ignore[arg-type]
    assert out == [expected(t, tgt) for t in texts]
    if hit:
        assert eng.calls == []
    else:
        assert sorted(eng.translated) == sorted(texts)  # every text translated afresh


def test_distinct_misses_go_to_the_engine_once_in_one_call(cache_path: Path) -> None:
    eng = Reverser()
    with TranslationCache(cache_path) as cache:
        cached = CachedEngine(eng, cache)
        cached.translate(["a longer text", "tiny", "middle one", "tiny"], "en", "es")
        cached.translate(["more", "tiny"], "en", "es")
    assert eng.calls == [(["a longer text", "tiny", "middle one"], "en", "es"), (["more"], "en", "es")]
    assert cached.stats == {"lookups": 6, "hits": 1, "misses": 4, "duplicates": 1}


def test_namespace_for_is_stable_and_order_independent() -> None:
    a = namespace_for({"engine": "marian", "model": "m", "revision": "abc", "beam": 1}, "en", "de")
    b = namespace_for({"beam": 1, "revision": "abc", "model": "m", "engine": "marian"}, "en", "de")
    assert a == b and a.startswith("marian/en-de/")
    assert namespace_for({"engine": "marian", "model": "m", "revision": "abd", "beam": 1}, "en", "de") != a
    assert namespace_for({"engine": "marian", "model": "m", "revision": "abc", "beam": 1}, "de", "en") != a
    assert namespace_for({"engine": "x", "path": Path("/m")}, "en", "de").startswith("x/")  # non-JSON values


# -- the wrapper is an Engine --------------------------------------------------------------------


def test_cached_engine_delegates_and_marks_its_signature(cache_path: Path) -> None:
    from pipeline.engines import Engine, plan_route, translate_route

    with TranslationCache(cache_path) as cache:
        cached = CachedEngine(Reverser(), cache)
        assert isinstance(cached, Engine)
        assert cached.name == "reverser"
        assert cached.supports("en", "es") and not cached.supports("de", "en")
        assert cached.directions() == Reverser().directions()
        assert cached.signature() == {**Reverser().signature(), "cache": True}
        assert cached.install_hint("de", "en") == "no reverser for de-en"
        route = plan_route(cached, "en", "es")
        assert translate_route(cached, ["Hi."], route + ["en"]) == [expected(expected("Hi."), "en")]
        assert cached.used == {
            "en-es": Reverser().direction_signature("en", "es"),
            "es-en": Reverser().direction_signature("es", "en"),
        }


def test_engine_returning_the_wrong_count_is_an_engine_error(cache_path: Path) -> None:
    class Broken(Reverser):
        def translate(
            self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None = None
        ) -> Translations:
            return Translations(super().translate(texts, src, tgt).texts[:-1])

    with TranslationCache(cache_path) as cache:
        with pytest.raises(EngineError, match="returned 1 translations for 2 texts"):
            CachedEngine(Broken(), cache).translate(["a", "b"], "en", "es")
        assert cache.stats()["entries"] == 0  # nothing wrong was stored


# -- files, stats, clear, broken files -------------------------------------------------------------


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
        assert cache.get_many(rows[0]["namespace"], "en", "es", ["a"]) == {}
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
            cache.get_many("ns", "en", "es", [f"text {i}" for i in range(3000)])
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
    from test_cache import Reverser, expected
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
        assert cache.integrity_ok()
        ns = namespace_for(Reverser().direction_signature("en", "es"), "en", "es")
        found = cache.get_many(ns, "en", "es", texts)
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
        assert cache.integrity_ok()
        entries = cache.stats()["entries"]
        assert isinstance(entries, int)
        assert entries >= committed * 2000 and entries % 2000 == 0  # whole batches only
        for batch in range(entries // 2000 + 1):
            texts = [f"sentence {batch}-{j} " + "padding " * 30 for j in range(2000)]
            found = cache.get_many("ns", "en", "es", texts)
            assert len(found) == (2000 if batch < entries // 2000 else 0)
            assert all(found[i] == "es:" + texts[i][::-1] for i in found)
        cache.put_many("ns", "en", "es", [("after", "es:retfa")])  # and it still takes writes
        assert cache.get_many("ns", "en", "es", ["after"]) == {0: "es:retfa"}


# -- driftcheck cache stats|clear ------------------------------------------------------------------


def test_cli_stats_clear(cache_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cache_app, ["stats", "--cache", str(cache_path)])
    assert missing.exit_code == 0 and "entries: 0" in missing.output
    assert not cache_path.exists()  # looking does not create a cache

    run_once(cache_path, ["a", "b", "c"])
    run_once(cache_path, ["a"], src="es", tgt="en")
    text = runner.invoke(cache_app, ["stats", "--cache", str(cache_path)])
    assert text.exit_code == 0, text.output
    assert str(cache_path) in text.output and "entries: 3" not in text.output and "entries: 4" in text.output
    assert "en->es" in text.output and "revision=r1" in text.output

    js = runner.invoke(cache_app, ["stats", "--json", "--cache", str(cache_path)])
    data = json.loads(js.output)
    assert data["entries"] == 4 and data["path"] == str(cache_path)
    per_direction = {(n["src"], n["tgt"]): n["entries"] for n in data["namespaces"]}
    assert per_direction == {("en", "es"): 3, ("es", "en"): 1}

    cleared = runner.invoke(cache_app, ["clear", "--cache", str(cache_path)])
    assert cleared.exit_code == 0 and "removed 4 cached translations" in cleared.output
    again = runner.invoke(cache_app, ["stats", "--json", "--cache", str(cache_path)])
    assert json.loads(again.output)["entries"] == 0


def test_cli_reads_the_environment_variable(tmp_path: Path) -> None:
    run_once(tmp_path / FILENAME, ["a", "b"])
    result = CliRunner().invoke(cache_app, ["stats", "--json"], env={ENV_CACHE: str(tmp_path)})
    assert json.loads(result.output)["entries"] == 2


def test_cli_broken_cache_is_one_error_line_and_exit_2(cache_path: Path) -> None:
    cache_path.parent.mkdir(parents=True)
    cache_path.write_bytes(b"garbage" * 1000)
    for args in (["stats"], ["clear"]):
        result = CliRunner().invoke(cache_app, [*args, "--cache", str(cache_path)])
        assert result.exit_code == 2
        assert result.stderr.startswith("error: the translation cache") and result.stderr.count("\n") == 1
        assert result.stdout == ""


@pytest.mark.parametrize("command", ["stats", "clear"])
def test_cli_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cache_app, [command, "--help"])
    assert result.exit_code == 0 and "--cache" in result.output
    assert cache_app.registered_commands and all(c.callback.__doc__ for c in cache_app.registered_commands)


# -- a real engine -------------------------------------------------------------------------------------


def _apertium_ready() -> bool:
    if shutil.which("apertium") is None or not (ROOT / "pipeline" / "engines" / "apertium.py").exists():
        return False
    from pipeline.engines.apertium import installed_modes

    return ("en", "es") in installed_modes()


@pytest.mark.requires_apertium
@pytest.mark.skipif(not _apertium_ready(), reason="apertium with the eng-spa pair is not installed")
def test_real_apertium_engine_through_the_cache(cache_path: Path) -> None:
    from pipeline.engines import EngineOptions
    from pipeline.engines.apertium import ApertiumEngine

    texts = ["The cat sleeps on the sofa.", "We open the shop at nine.", "The cat sleeps on the sofa."]
    plain = ApertiumEngine(EngineOptions()).translate(texts, "en", "es").texts
    assert plain[0] != texts[0] and plain[0] == plain[2]

    first = ApertiumEngine(EngineOptions())
    with TranslationCache(cache_path) as cache:
        cached = CachedEngine(first, cache)
        assert cached.translate(texts, "en", "es").texts == plain
    assert cached.stats["misses"] == 2 and cached.stats["duplicates"] == 1

    second = ApertiumEngine(EngineOptions())
    with TranslationCache(cache_path) as cache:
        cached = CachedEngine(second, cache)
        assert cached.translate(texts, "en", "es").texts == plain
        assert cached.signature()["engine"] == "apertium" and cached.signature()["cache"] is True
    assert second.calls == 0  # served from the cache: Apertium never ran
    assert cached.stats["hits"] >= 2


def test_two_tasks_sharing_one_cached_engine_each_get_their_own_split_marks(cache_path: Path) -> None:
    import threading
    from concurrent.futures import ThreadPoolExecutor

    both_inside = threading.Barrier(2, timeout=10)

    class Slow(Reverser):
        def translate(
            self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None = None
        ) -> Translations:
            both_inside.wait()  # the two calls overlap inside the engine
            return super().translate(texts, src, tgt, progress)

    long = "a long paragraph " * 5
    batches = [[long, "first"], ["second", long + "!", "third"]]
    with TranslationCache(cache_path) as cache:
        cached = CachedEngine(Slow(), cache)
        with ThreadPoolExecutor(2) as pool:
            done = list(pool.map(lambda texts: cached.translate(texts, "en", "es"), batches))
    assert [d.split for d in done] == [{0}, {1}]
    assert [d.texts for d in done] == [[expected(t) for t in b] for b in batches]
    assert cached.stats == {"lookups": 5, "hits": 0, "misses": 5, "duplicates": 0}
