"""order: scrambled words keep the words but lose their order and their word pairs."""

from __future__ import annotations

import pytest

from pipeline.checks.order import bigram_keep, english_order, kendall_tau, order_scores
from pipeline.checks.thresholds import threshold

from .helpers import apertium, assert_flags, assert_passes, make, through

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
    words = "aa bb cc dd ee ff".split()
    assert kendall_tau(words, words) == 1.0
    assert kendall_tau(words[::-1], words) == 0.0
    assert kendall_tau(words[:3], words) is None  # too few shared words to judge
    assert bigram_keep(words, words) == 1.0
    assert bigram_keep("bb dd ff aa cc ee".split(), words) == 0.0
    assert kendall_tau("a b c d e f".split(), "a b c d e f".split()) is None  # letters alone: no anchors


@pytest.mark.requires_apertium
def test_an_initial_is_no_word_to_place() -> None:
    """ "M. Dupont est arrivé à 10 heures." failed as scrambled (critical): the engine renders "at
    10 a.m." as "en 10 à.M.", and the copy's "M." (Monsieur) was placed against that "M"."""
    source = "Mr Dupont arrived at 10 a.m."
    copy = "M. Dupont est arrivé à 10 heures."
    forward = through(source, "eng-spa", "es-fr")
    assert "à.M." in forward
    assert_passes(
        "order", make(source, copy, "en", "fr", forward=forward, back=through(copy, "fr-es", "spa-eng"))
    )


FREE_SOURCE = (
    "Según los expertos, Rusia, mientras tanto, sufre claramente una crisis de identidad aún más profunda."
)
FREE_COPY = "Russia, meanwhile, is clearly suffering from an even deeper identity crisis, the experts say."


@pytest.mark.requires_apertium
def test_free_english_passes_and_scrambled_english_flags_withapertium() -> None:
    """A free but correct translation shares few word pairs with Apertium's literal rendering and
    agrees with it on order only in part: both measures fall under their thresholds, and only the
    copy's own English order (the permutation test on English word pairs) tells it from a scramble.
    The same words shuffled still flag."""
    shuffled = "Crisis the say, is meanwhile experts suffering an deeper from Russia, even identity clearly."
    forward = apertium([FREE_SOURCE], "spa-eng")[0]
    back, shuffled_back = apertium([FREE_COPY, shuffled], "eng-spa")
    free = make(FREE_SOURCE, FREE_COPY, forward=forward, back=back)
    scores = order_scores(free)
    assert scores is not None
    assert scores[0] < threshold(free, "order_tau") and scores[1] < threshold(free, "order_bigram_keep")
    assert_passes("order", free)
    flag = assert_flags("order", make(FREE_SOURCE, shuffled, forward=forward, back=shuffled_back))
    assert flag.severity == "critical"
    # the guard reads English word pairs only: other copy languages keep the two measures alone
    assert english_order(free) and not english_order(make(FREE_SOURCE, FREE_COPY, "es", "pt"))
