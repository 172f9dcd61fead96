"""The Apertium engine: real translations, one process per direction per batch."""

from __future__ import annotations

import pytest

from pipeline.engines import EngineOptions, create, plan_route, translate_route
from pipeline.engines.apertium import ApertiumEngine, debian_package
from pipeline.errors import ModelNotFoundError, UnsupportedPairError, UsageError

pytestmark = pytest.mark.requires_apertium


def test_numbers_survive_a_round_trip() -> None:
    eng = ApertiumEngine()
    texts = ["The camp is 20 kilometres from Tirana.", "About 1,000 police attacked in 1997."]
    back = eng.translate(eng.translate(texts, "en", "es"), "es", "en")
    assert "20" in back[0]
    assert "1,000" in back[1] and "1997" in back[1]
    assert eng.calls == 2


HARD = [
    "She said \u201cit\u2019s fine\u201d \u2014 really.",
    "It's the camp's power base.",
    "*",
    "^$",
    "...!?",
    "",
    "Line one\n\nstill the same text",
    "[brackets] <tag> @at #hash \\back / slash",
    "End.",
]


def test_hard_inputs_come_back_one_to_one() -> None:
    eng = ApertiumEngine()
    out = eng.translate(HARD, "en", "es")
    assert len(out) == len(HARD)
    assert out[5] == ""  # empty in, empty out (not sent)
    assert out[2] == "*" and out[3] == "^$" and out[4] == "...!?"
    assert out[-1] == "Fin."
    assert "\n" not in "".join(out)
    assert eng.calls == 1


def test_a_batch_of_500_sentences_takes_one_process_per_direction() -> None:
    eng = ApertiumEngine()
    texts = [f"Sentence number {i} has {i % 7} dogs." for i in range(500)]
    es = eng.translate(texts, "en", "es")
    back = eng.translate(es, "es", "en")
    assert eng.calls == 2
    assert len(back) == 500
    assert all(str(i) in b for i, b in enumerate(back))  # order preserved


def test_missing_pair_names_the_debian_package() -> None:
    eng = ApertiumEngine()
    with pytest.raises(ModelNotFoundError, match="apertium-eng-ita|apertium-ita"):
        eng.translate(["hello"], "en", "it")
    assert debian_package("en", "es") == "apertium-eng-spa"


def test_registry_creates_engines_lazily_and_rejects_unknown_names() -> None:
    assert isinstance(create("apertium", EngineOptions()), ApertiumEngine)
    with pytest.raises(UsageError, match="unknown engine 'nope'"):
        create("nope")


def test_routes_chain_through_a_pivot_when_no_direct_pair() -> None:
    eng = ApertiumEngine()
    assert plan_route(eng, "en", "es") == ["en", "es"]
    if eng.supports("fr", "es"):
        assert plan_route(eng, "fr", "en") == ["fr", "es", "en"]
        out = translate_route(eng, ["Le chat est noir."], ["fr", "es", "en"])
        assert "cat" in out[0].lower() and "black" in out[0].lower()
    with pytest.raises(UnsupportedPairError, match="cannot translate en->ja"):
        plan_route(eng, "en", "ja")
    with pytest.raises(UsageError, match="both 'en'"):
        plan_route(eng, "en", "en")
