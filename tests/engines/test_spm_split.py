"""Pure logic shared by the marian and ct2 engines: long-input splitting and length batching.

A word count stands in for the model's tokenizer here; the engine tests run the same code
with real sentencepiece models.
"""

from __future__ import annotations

import pytest

from pipeline.engines.spm_split import assemble, plan, plan_batches, run_batched, split_long


def words(text: str) -> int:
    return len(text.split())


@pytest.mark.parametrize(
    ("text", "limit", "parts"),
    [
        ("fits in one", 3, ["fits in one"]),
        # sentence ends are the first choice, even when a comma sits nearer the middle
        ("One two three. Four five, six seven eight.", 5, ["One two three.", "Four five, six seven eight."]),
        # closing quotes stay with their sentence
        ("He said “stop now.” They did not stop.", 4, ["He said “stop now.”", "They did not stop."]),
        # no sentence end: after a comma or before a dash
        ("alpha beta gamma, delta epsilon zeta", 3, ["alpha beta gamma,", "delta epsilon zeta"]),
        ("alpha beta gamma — delta epsilon", 3, ["alpha beta gamma", "— delta epsilon"]),
        # no punctuation at all: at spaces
        ("a b c d e f g h", 2, ["a b", "c d", "e f", "g h"]),
    ],
)
def test_split_long_cuts_at_the_best_boundary(text: str, limit: int, parts: list[str]) -> None:
    got = split_long(text, words, limit)
    assert [p for p, _ in got] == parts
    assert all(words(p) <= limit for p, _ in got)


def test_split_long_never_drops_anything_but_whitespace() -> None:
    text = "First sentence here. Second one, with a comma; third part (in brackets) — and a dash. End"
    got = split_long(text, words, 4)
    joined = "".join(p + j for p, j in got)
    assert joined.split() == text.split()


def test_split_without_spaces_cuts_between_characters_and_joins_without_space() -> None:
    text = "中文句子。第二句话很长。第三句"
    got = split_long(text, len, 5)
    assert all(len(p) <= 5 for p, _ in got)
    assert "".join(p + j for p, j in got) == text
    assert got[0] == ("中文句子。", "")
    unbroken = "x" * 20
    assert "".join(p + j for p, j in split_long(unbroken, len, 6)) == unbroken


def test_plan_dedupes_skips_empty_and_records_split_inputs() -> None:
    texts = ["short one", "", "a b c d e f. g h i j k l", "short one", "   "]
    p = plan(texts, words, 6)
    assert p.split == {2}
    assert p.parts == ["short one", "a b c d e f.", "g h i j k l"]
    upper = [part.upper() for part in p.parts]
    assert assemble(p, upper) == ["SHORT ONE", "", "A B C D E F. G H I J K L", "SHORT ONE", ""]


@pytest.mark.parametrize(
    ("lengths", "max_tokens", "max_size", "expected"),
    [
        ([3, 10, 5, 9], 100, 64, [[1, 3, 2, 0]]),  # one batch, longest first
        ([3, 10, 5, 9], 20, 64, [[1, 3], [2, 0]]),  # padded cost 10 x 2 = 20 fits, 10 x 3 would not
        ([3, 10, 5, 9], 100, 3, [[1, 3, 2], [0]]),  # size cap
        ([50, 2], 10, 64, [[0], [1]]),  # an input over the budget goes alone
    ],
)
def test_plan_batches_sorts_by_length_under_a_token_budget(
    lengths: list[int], max_tokens: int, max_size: int, expected: list[list[int]]
) -> None:
    assert plan_batches(lengths, max_tokens, max_size) == expected


def test_run_batched_restores_input_order() -> None:
    parts = ["bb", "a", "dddd", "ccc"]
    seen: list[list[int]] = []

    def translate(batch: list[int]) -> list[str]:
        seen.append(batch)
        return [parts[i].upper() for i in batch]

    out = run_batched(parts, [len(p) for p in parts], lambda batches: map(translate, batches), 8, 64)
    assert out == ["BB", "A", "DDDD", "CCC"]
    assert seen == [[2, 3], [0, 1]]
