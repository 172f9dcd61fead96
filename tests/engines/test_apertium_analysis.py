"""Apertium's analysis stages run alone: readings per text, boundaries kept, stream characters inert."""

from __future__ import annotations

import pytest

from pipeline.engines.apertium_analysis import analyse, analysis_pipeline, signature
from pipeline.errors import EngineError

pytestmark = pytest.mark.requires_apertium


def test_the_analysis_stages_come_from_an_installed_mode() -> None:
    pipe = analysis_pipeline("es")
    assert pipe is not None
    assert pipe.before.startswith("lt-proc ") and (pipe.tagger or "").startswith("apertium-tagger ")
    assert analysis_pipeline("en") is not None
    assert analysis_pipeline("xx") is None
    assert set(signature(["es", "en"])) == {"en", "es"}


def test_readings_name_lemma_part_of_speech_and_tense() -> None:
    (spanish,) = analyse(["La ministra dio una respuesta."], "es")
    assert ("dar", ("vblex", "ifi", "p3", "sg")) in spanish
    (english,) = analyse(["The minister gives an answer and will come."], "en")
    lemmas = {lemma: tags[0] for lemma, tags in english}
    assert lemmas["give"] == "vblex" and lemmas["answer"] == "n" and lemmas["will"] == "vaux"


def test_boundaries_survive_stream_characters_and_empty_texts() -> None:
    texts = ["Uno [dos] ^tres$ @cuatro {cinco} \\ seis / siete <b>", "", "El perro duerme.", "\x00\x07"]
    out = analyse(texts, "es")
    assert len(out) == 4
    assert out[1] == () and out[3] == ()
    assert ("perro", ("n", "m", "sg")) in out[2]


def test_many_texts_in_batches_keep_their_order() -> None:
    texts = [f"El perro número {i} duerme." for i in range(300)] + ["La casa es grande."] * 3
    out = analyse(texts, "es")
    assert len(out) == 303
    assert all(any(lemma == "perro" for lemma, _ in r) for r in out[:300])
    assert all(any(lemma == "casa" for lemma, _ in r) for r in out[300:])


def test_a_language_without_an_analyser_is_an_engine_error() -> None:
    with pytest.raises(EngineError, match="no Apertium analyser for xx"):
        analyse(["hello"], "xx")
