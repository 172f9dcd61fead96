"""engine_health: a broken back-translation makes a segment unverifiable (info), never drifted."""

from __future__ import annotations

import pytest

from pipeline.core.verdict import verdict

from .helpers import make, run

SOURCE = "El comité fue fundado en 1937 por los vecinos."
TARGET = "The committee was founded in 1937 by the neighbours."


@pytest.mark.parametrize(
    ("back", "why"),
    [
        pytest.param("", "empty", id="empty output"),
        pytest.param("El comité el comité el comité el comité el comité fue", "repeats", id="loop"),
        pytest.param(TARGET, "untranslated", id="copy-through"),
        pytest.param("la " * 80, "repeats", id="runaway"),
    ],
)
def test_broken_back_translation_is_unverifiable(back: str, why: str) -> None:
    inp = make(SOURCE, TARGET, back=back, forward=TARGET)
    flags = run("engine_health", inp)
    assert [f.severity for f in flags] == ["info"]
    assert flags[0].message.startswith("unverifiable") and why in flags[0].message
    assert run("drift", inp) == []  # never "drifted" because of the engine
    assert verdict(flags) == "ok"


def test_repetition_already_in_the_copy_is_not_the_engines_fault() -> None:
    target = "They live in the United States States States States."
    back = "Viven en los Estados Unidos Estados Estados Estados."
    assert run("engine_health", make("Viven en los Estados Unidos.", target, back=back)) == []


def test_healthy_back_translation_passes() -> None:
    assert (
        run("engine_health", make(SOURCE, TARGET, back="El comité estuvo fundado en 1937 por los vecinos."))
        == []
    )


def test_round_trip_mode_checks_the_round_trip() -> None:
    inp = make("The committee met.", "", "en", "en", mode="roundtrip")
    assert [f.severity for f in run("engine_health", inp)] == ["info"]
