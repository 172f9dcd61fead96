"""mood: questions stay questions (¿…? <-> ?), exclamations stay exclamations."""

from __future__ import annotations

import pytest

from .helpers import assert_flags, assert_passes, make, run

SAME = [
    pytest.param("¿Vives aquí?", "Do you live here?", id="question"),
    pytest.param("Y, ¿qué pasó?", "And what happened?", id="inner question"),
    pytest.param("Vive en la colina.", "He lives on? the hill.", id="stray mark is not a question"),
    pytest.param("Vive aquí.", "He lives here.", id="statement"),
    pytest.param('Preguntó: "¿Dónde?"', 'He asked: "Where?"', id="quoted"),
    # a quoted question or exclamation before its attribution was no question ("?” she")
    pytest.param("«¿Dónde estás?», preguntó ella.", "“Where are you?” she asked.", id="quoted speech"),
    pytest.param("«¡Cuidado!», gritó.", '"Careful!" he shouted.', id="quoted exclamation"),
]

DIFFERENT = [
    pytest.param("¿Vives aquí?", "You live here.", id="question lost"),
    pytest.param("Vive aquí.", "Does he live here?", id="question added"),
    pytest.param("Y, ¿qué pasó", "And what happened.", id="unclosed ¿"),
]


@pytest.mark.parametrize(("source", "target"), SAME)
def test_same_mood_passes(source: str, target: str) -> None:
    assert_passes("mood", make(source, target))


@pytest.mark.parametrize(("source", "target"), DIFFERENT)
def test_changed_mood_flags(source: str, target: str) -> None:
    assert assert_flags("mood", make(source, target)).severity == "major"


def test_exclamation_is_minor() -> None:
    flags = run("mood", make("¡Cuidado!", "Careful."))
    assert [(f.severity, f.message) for f in flags] == [
        ("minor", "the source is an exclamation but the translation is not")
    ]
