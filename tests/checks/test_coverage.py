"""coverage: a content word of the source must not vanish, by both engine views (gap + deficit)."""

from __future__ import annotations

import pytest

from pipeline.checks.coverage import deficit, engine_known, gaps

from .helpers import apertium, assert_flags, assert_passes, make

# (source, translation, src, tgt, forward, back)
MISSING = [
    pytest.param(
        "El comité trabajó dos décadas de actividad intensa.",
        "The committee worked two of intense activity.",
        "es",
        "en",
        "The committee worked two decades of intense activity.",
        "El comité trabajó dos de actividad intensa.",
        id="es-en noun dropped",
    ),
    pytest.param(
        "Si Walmart coloca el incremento en los hombros de los consumidores.",
        "If Walmart the increase on the shoulders of consumers.",
        "es",
        "en",
        "If Walmart places the increase in the shoulders of the consumers.",
        "Si Walmart el incremento en los hombros de consumidores.",
        id="es-en verb dropped",
    ),
    pytest.param(
        "The farmers harvested wheat near the river.",
        "Los agricultores cerca del río.",
        "en",
        "es",
        "Los agricultores cosecharon trigo cerca del río.",
        "The farmers near the river.",
        id="en-es verb and object dropped",
    ),
]

KEPT = [
    pytest.param(
        "El comité trabajó dos décadas de actividad intensa.",
        "The committee worked two decades of intense activity.",
        "es",
        "en",
        "The committee worked two decades of intense activity.",
        "El comité trabajó dos décadas de actividad intensa.",
        id="faithful",
    ),
    pytest.param(
        "La asociación ha encontrado en Alemania padrinos para los huérfanos.",
        "The association has found sponsors in Germany for the orphans.",
        "es",
        "en",
        "The association has found in Germany godfathers for the orphans.",
        "La asociación ha encontrado patrocinadores en Alemania para los huérfanos.",
        id="synonym moved is not an omission",
    ),
    pytest.param(
        "El comité trabajó dos décadas de actividad intensa.",
        "The committee worked twenty years of intense activity.",
        "es",
        "en",
        "The committee worked two decades of intense activity.",
        "El comité trabajó veinte años de actividad intensa.",
        id="paraphrase replaces the word",
    ),
    pytest.param(
        "El comité trabajó dos décadas de actividad intensa.",
        "The committee worked two of intense activity.",
        "es",
        "en",
        "The committee worked two decades of intense activity.",
        "El comité trabajó dos años de actividad intensa.",
        id="one view only",
    ),
]


@pytest.mark.parametrize(("source", "target", "src", "tgt", "forward", "back"), MISSING)
def test_dropped_content_flags(source: str, target: str, src: str, tgt: str, forward: str, back: str) -> None:
    flag = assert_flags("coverage", make(source, target, src, tgt, forward=forward, back=back))
    assert flag.severity == "major"


@pytest.mark.parametrize(("source", "target", "src", "tgt", "forward", "back"), KEPT)
def test_covered_content_passes(
    source: str, target: str, src: str, tgt: str, forward: str, back: str
) -> None:
    assert_passes("coverage", make(source, target, src, tgt, forward=forward, back=back))


def test_needs_both_engine_views() -> None:
    assert_passes(
        "coverage", make("Trabajó dos décadas.", "He worked two.", forward="He worked two decades.")
    )
    assert_passes("coverage", make("Trabajó dos décadas.", "He worked two.", mode="roundtrip"))


def test_gap_and_deficit_helpers() -> None:
    assert gaps("two decades of activity", "two of activity", "en") == ["decades"]
    assert gaps("two decades of activity", "of two activity", "en") == []  # neighbours not side by side
    assert deficit("found godfathers in Germany", "found sponsors in Germany", "en") == 0
    assert deficit("two decades of activity", "two of activity", "en") == 1


# Correct translations whose Spanish source has a word Apertium does not know ("externalización",
# "intransigente"): the engine leaves it as it is in its English, where no translation has it.
UNKNOWN_TO_ENGINE = [
    (
        "Japón considera esta situación como el equivalente a la externalización de la defensa rusa a "
        "una potencia regional intransigente.",
        "Japan views this as tantamount to outsourcing Russia's defence to an unrepentant regional power.",
    ),
    (
        "Chile considera esta situación como el equivalente a la externalización de la pesca nacional a "
        "una empresa extranjera intransigente.",
        "Chile views this as tantamount to outsourcing its national fisheries to an unrepentant foreign company.",
    ),
]


@pytest.mark.requires_apertium
def test_words_the_engine_left_untranslated_are_no_loss() -> None:
    """Apertium's real views: its English keeps "externalización" and "intransigente" as they are,
    and the check once read them as source words the copy lost (both views short, a gap at
    "intransigente"); the engine's own untranslated words now count for nothing."""
    sources = [s for s, _ in UNKNOWN_TO_ENGINE]
    forward = apertium(sources, "spa-eng")
    back = apertium([t for _, t in UNKNOWN_TO_ENGINE], "eng-spa")
    for (source, target), fwd, bwd in zip(UNKNOWN_TO_ENGINE, forward, back, strict=True):
        assert "intransigente" in fwd and "externalización" in fwd, fwd
        assert "intransigente" not in engine_known(fwd, source, "en")
        assert_passes("coverage", make(source, target, forward=fwd, back=bwd))


@pytest.mark.requires_apertium
def test_acronyms_the_engine_keeps_are_no_loss() -> None:
    """Apertium keeps Spanish acronyms it does not know ("FMI", "OCDE") and translates others
    ("ONU" -> "UN"); the copy writes the English acronym, which `names` compares."""
    source = "El FMI y la OCDE pidieron a la ONU un informe."
    forward = apertium([source], "spa-eng")[0]
    assert "FMI" in forward and "OCDE" in forward and "UN" in forward, forward
    known = engine_known(forward, source, "en").split()
    assert "FMI" not in known and "OCDE" not in known and "UN" in known


def test_engine_known_keeps_names_and_words_of_the_language() -> None:
    source = "El ministro intransigente de Walmart visitó el hotel."
    forward = "The minister intransigente of Walmart visited the hotel."
    assert engine_known(forward, source, "en") == "The minister of Walmart visited the hotel"
    # a word only the engine's side has is kept, whatever it is
    assert engine_known("The minister intransigente", "El ministro", "en") == "The minister intransigente"
