"""order: scrambled words keep the words but lose their order and their word pairs."""

from __future__ import annotations

from pipeline.checks.order import bigram_keep, kendall_tau

from .helpers import assert_flags, assert_passes, make

SOURCE = "Y aún así, para México, la relación que realmente es un desafío es la que tienen con los mexicanos."
FORWARD = (
    "And yet, for Mexico, the relationship that really is a challenge is the one they have with the Mexicans."
)
BACK = "Y aún así, para México, la relación que realmente es un desafío es la que tienen con los mexicanos."
TARGET = (
    "And yet, for Mexico, the relationship that is really a challenge is the one they have with the Mexicans."
)
SHUFFLED = (
    "Mexicans the yet challenge, is relationship for the Mexico, that And really one is a they the have with."
)
SHUFFLED_BACK = (
    "Mexicanos el todavía desafío, es relación para el México, que Y realmente uno es un tienen el con."
)


def test_scrambled_words_flag() -> None:
    flag = assert_flags("order", make(SOURCE, SHUFFLED, forward=FORWARD, back=SHUFFLED_BACK))
    assert flag.severity == "critical" and "out of order" in flag.message


def test_one_swapped_pair_passes() -> None:
    assert_passes("order", make(SOURCE, TARGET, forward=FORWARD, back=BACK))


def test_moved_phrase_passes() -> None:
    moved = "The relationship that is really a challenge for Mexico, and yet, is the one they have with them."
    assert_passes("order", make(SOURCE, moved, forward=FORWARD, back=BACK))


def test_needs_engine_views() -> None:
    assert_passes("order", make(SOURCE, SHUFFLED))


def test_measures() -> None:
    words = "a b c d e f".split()
    assert kendall_tau(words, words) == 1.0
    assert kendall_tau(words[::-1], words) == 0.0
    assert kendall_tau(words[:3], words) is None  # too few shared words to judge
    assert bigram_keep(words, words) == 1.0
    assert bigram_keep("b d f a c e".split(), words) == 0.0
