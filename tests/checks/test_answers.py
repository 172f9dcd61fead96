"""answer: a yes/no answer the translation reverses ("Sí." / "No."), which passed because Apertium
reads "No." as "Núm." and the negation check then saw the back-translation agree with the source."""

from __future__ import annotations

import pytest

from pipeline.checks.answers import answer

from .helpers import assert_flags, assert_passes, make, through


@pytest.mark.requires_apertium
@pytest.mark.parametrize(
    "source, copy",
    [("Sí.", "No."), ("Sí, el puente está abierto.", "No, the bridge is open."), ("No.", "Yes!")],
)
def test_a_reversed_answer_fails_withapertium(source: str, copy: str) -> None:
    inp = make(source, copy, forward=through(source, "spa-eng"), back=through(copy, "eng-spa"))
    flag = assert_flags("answer", inp, severity="critical")
    assert [s.field for s in flag.spans] == ["source", "text"]


@pytest.mark.parametrize(
    "source, copy, src, tgt",
    [
        ("Sí.", "Yes.", "es", "en"),
        ("Não, obrigado.", "No, thank you.", "pt", "en"),
        ("No. 5 ganó la carrera.", "Yes, number 5 won the race.", "es", "en"),  # a number sign
        ("No cabe duda.", "Yes, no doubt.", "es", "en"),  # "No" opens a clause, it answers nothing
        ("Oui.", "Yes.", "fr", "en"),
    ],
)
def test_the_same_answer_or_no_answer_passes(source: str, copy: str, src: str, tgt: str) -> None:
    assert_passes("answer", make(source, copy, src, tgt))


def test_the_answer_words() -> None:
    assert answer("¿Sí?", "es") is None  # a question, not an answer: "?" is no answer's mark
    assert answer("«Sí», dijo.", "es") == (1, 1, 3)
    assert answer("No!", "en") == (-1, 0, 2) and answer("Nein.", "de") == (-1, 0, 4)
    assert answer("Sì.", "ru") is None  # a language whose words are not read
