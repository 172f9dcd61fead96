"""The cache wrapper around an engine: hits, misses, order, dedupe, invalidation, the Engine protocol.

Pure cache logic runs against a deterministic stand-in engine (tests/engines/reverser.py: it
reverses text and records every call); one test wraps the real Apertium engine. The cache file
itself (stats, broken files, concurrency, crashes) is tested in tests/engines/test_cache.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from pipeline.engines import ProgressFn, Translations
from pipeline.engines.cache import TranslationCache
from pipeline.engines.cached_engine import CachedEngine, namespace_for
from pipeline.errors import EngineError
from tests.engines.reverser import Reverser, expected, run_once

ROOT = Path(__file__).resolve().parents[2]


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
