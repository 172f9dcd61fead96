"""EngineSpec + load_engine (pipeline/engines/__init__.py): a picklable description from which a
worker loads its own engine, with or without a translation cache."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.core.verify import engine_spec
from pipeline.engines import EngineOptions, EngineSpec, load_engine
from pipeline.engines.cached_engine import CachedEngine


def test_settings_give_a_spec_that_survives_pickling(tmp_path: Path) -> None:
    spec = engine_spec(Settings(engine="apertium", beam=2, cache_path=str(tmp_path)))
    assert spec == EngineSpec("apertium", EngineOptions(beam=2), str(tmp_path / "translations.sqlite3"))
    assert pickle.loads(pickle.dumps(spec)) == spec
    assert engine_spec(Settings(engine="apertium", cache=False)).cache_path is None


@pytest.mark.requires_apertium
def test_a_loaded_engine_translates_the_same_with_and_without_its_cache(tmp_path: Path) -> None:
    plain = load_engine(pickle.loads(pickle.dumps(EngineSpec("apertium"))))
    cached = load_engine(EngineSpec("apertium", cache_path=str(tmp_path / "t.sqlite")))
    assert not isinstance(plain, CachedEngine) and isinstance(cached, CachedEngine)
    texts = ["The bridge reopened on Monday.", "It cost three million euros."]
    out = plain.translate(texts, "en", "es")
    assert out.texts[0] != texts[0] and all(out.texts)
    assert out == cached.translate(texts, "en", "es") == cached.translate(texts, "en", "es")
    assert (tmp_path / "t.sqlite").is_file()
