"""empty, truncated and length: the translation is all there."""

from __future__ import annotations

import pytest

from .helpers import assert_flags, assert_passes, make


@pytest.mark.parametrize("target", [".", "", "  ", "…", '" "'])
def test_empty_translation_fails(target: str) -> None:
    assert assert_flags("empty", make("El comité fue fundado en 1937.", target)).severity == "critical"


def test_text_without_source_is_major() -> None:
    assert assert_flags("empty", make("", "An added sentence.")).severity == "major"


def test_both_empty_pass() -> None:
    assert_passes("empty", make("", ""))


@pytest.mark.parametrize(
    ("source", "target", "src", "tgt"),
    [
        pytest.param("Vive en los Estados Unidos.", "He lives in the", "es", "en", id="ends on article"),
        pytest.param(
            "Es parte del pasado de Noruega.", "It is part of.", "es", "en", id="ends on preposition"
        ),
        pytest.param(
            "Vive en los Estados Unidos.", "He lives in the United States,", "es", "en", id="ends on comma"
        ),
        pytest.param("He lives in the United States.", "Vive en el", "en", "es", id="es"),
        pytest.param("Il habite dans une maison.", "Er wohnt in einem", "fr", "de", id="de"),
    ],
)
def test_cut_off_translation_flags(source: str, target: str, src: str, tgt: str) -> None:
    assert_flags("truncated", make(source, target, src, tgt))


@pytest.mark.parametrize(
    ("source", "target", "src", "tgt"),
    [
        pytest.param(
            "Vive en los Estados Unidos.", "He lives in the United States", "es", "en", id="no final stop"
        ),
        pytest.param("¿De qué hablas?", "What are you talking about?", "es", "en", id="stranded preposition"),
        pytest.param("Compra pan y leche.", "Buy bread and milk.", "es", "en", id="and inside"),
        pytest.param("Said he would come and", "Dijo que vendría y", "en", "es", id="the source ends alike"),
        pytest.param(
            "Compra pan, leche y huevos;",
            "Buy bread, milk and eggs;",
            "es",
            "en",
            id="a list item, as the source",
        ),
    ],
)
def test_complete_translation_passes(source: str, target: str, src: str, tgt: str) -> None:
    assert_passes("truncated", make(source, target, src, tgt))


def test_length_far_below_forward_flags() -> None:
    fwd = "The committee was founded in 1937, but after two years of activity it was interrupted by the war."
    flag = assert_flags(
        "length", make("El comité fue fundado en 1937, pero...", "The committee was founded.", forward=fwd)
    )
    assert "forward translation" in flag.message


def test_length_threshold_override() -> None:
    fwd = "The committee was founded in 1937, but after two years of activity it was interrupted by the war."
    inp = make(
        "El comité fue fundado en 1937.",
        "The committee was founded.",
        forward=fwd,
        options={"thresholds": {"length_ratio_min": 0.2}},
    )
    assert_passes("length", inp)


def test_normal_length_passes() -> None:
    assert_passes(
        "length",
        make(
            "El comité fue fundado en 1937.",
            "The committee was founded in 1937.",
            forward="The committee was founded in 1937.",
        ),
    )
