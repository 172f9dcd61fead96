"""Long segments cost linear time: diffs and TER in aligned pieces, no scan back to the start of
the text per word. (Timings live in benchmarks/bench_long_segments.py; these pin behaviour.)"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.checks.text import AFTER_OPTION, SENTENCE_START, is_sentence_initial
from pipeline.pieces import aligned_cuts
from pipeline.report.diff import DIFF_PIECE_TOKENS, OP_DELETE, OP_INSERT, grouped_diff

SENTENCE = "The council said on Monday that the bridge would reopen to cars next week. "


def test_aligned_cuts_cover_both_sequences_in_order() -> None:
    rng = random.Random(5)
    for _ in range(200):
        a = [rng.choice("abcde") for _ in range(rng.randrange(0, 400))]
        b = [rng.choice("abcde") for _ in range(rng.randrange(0, 400))]
        cuts = aligned_cuts(a, b, 16)
        assert cuts[0][0] == cuts[0][2] == 0 and cuts[-1][1] == len(a) and cuts[-1][3] == len(b)
        for (_, a1, _, b1), (a0, _, b0, _) in zip(cuts, cuts[1:]):
            assert a1 == a0 and b1 == b0
        assert all(x0 <= x1 and y0 <= y1 for x0, x1, y0, y1 in cuts)


def test_sentence_start_looks_back_a_bounded_window_with_the_same_answers() -> None:
    rng = random.Random(3)
    alphabet = "ab .!?¿¡:;…»«\"“”()[]\n—–-  x,'"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 200)))
        if rng.random() < 0.3:
            text = " " * rng.randrange(60, 140) + text  # a punctuation run longer than the window
        start = rng.randrange(0, len(text) + 1)
        said = text[:start]  # a sentence boundary before, or a command-line option's description
        whole = SENTENCE_START.search(said) is not None or AFTER_OPTION.search(said) is not None
        assert is_sentence_initial(text, start) == whole
    assert is_sentence_initial("Hello. World", 7) and not is_sentence_initial("Hello World", 6)
    assert is_sentence_initial("-k, --keep-going Sigue", 17) and not is_sentence_initial("a-b Sigue", 4)


def test_a_hyphen_inside_a_word_starts_no_sentence() -> None:
    """A dash or a hyphen standing apart opens a sentence ("BERLIM – O plano", "- Hello"); one
    that joins two words does not ("Enforna-ho", "Primeiro-Ministro", "Mexican-American")."""
    for text, word in [
        ("BERLIN – The plan", "The"),
        ("- Hello", "Hello"),
        ("Yes. -No", "No"),
        ("Well -Hi", "Hi"),
    ]:
        assert is_sentence_initial(text, text.index(word)), text
    for text, word in [
        ("Enforna-ho entre", "ho"),
        ("o Primeiro-Ministro", "Ministro"),
        ("Mexican-American", "American"),
    ]:
        assert not is_sentence_initial(text, text.index(word)), text


def test_grouped_diff_of_a_long_text_is_made_in_pieces_and_covers_the_new_text_in_order() -> None:
    old = SENTENCE * 300
    new = old.replace("Monday", "Tuesday").replace("cars", "buses and cars")
    flat = grouped_diff(old, new)
    runs = [flat[i : i + 3] for i in range(0, len(flat), 3)]
    covered = [(s, e) for op, s, e in runs if op != OP_DELETE]
    assert covered[0][0] == 0 and covered[-1][1] == len(new)
    assert all(e1 == s2 for (_, e1), (s2, _) in zip(covered, covered[1:]))
    assert sum(old[s:e] == "Monday" for op, s, e in runs if op == OP_DELETE) == 300
    assert sum(new[s:e] == "Tuesday" for op, s, e in runs if op == OP_INSERT) == 300
    assert sum(new[s:e] == "buses and" for op, s, e in runs if op == OP_INSERT) == 300
    assert len(aligned_cuts(old.split(" "), new.split(" "), DIFF_PIECE_TOKENS)) > 10


@pytest.mark.requires_apertium
def test_a_segment_under_the_limit_whose_pivot_text_is_over_it_is_checked(tmp_path: Path) -> None:
    """A 19,599-character segment ("dog dog …") is 40,424 characters in Spanish: the round trip's
    second leg refused the pivot text as "the text has 40,424 characters, over the 20,000 one
    segment may have … it was not translated", a length the user never wrote, and the segment
    went unchecked (`ok`, exit 0)."""
    import json

    from tests.conftest import run_cli

    (tmp_path / "dogs.en.txt").write_text(" ".join(["dog"] * 4900) + "\n", encoding="utf-8")
    args = ("--engine", "apertium", "--no-cache", "-f", "json", "-o", "r.json")
    r = run_cli("check", "dogs.en.txt", *args, cwd=tmp_path)
    assert "characters" not in r.stderr, r.stderr
    (seg,) = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["segments"]
    assert seg["round_trips"] and len(seg["round_trips"][0]["back"]) > 20_000
    assert "engine_health" not in {f["check"] for f in seg["flags"]}
