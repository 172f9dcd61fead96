"""The report's word diffs (pipeline/report/diff.py): tokens, diffs, highlights, grouped runs."""

from __future__ import annotations

import pytest

from pipeline.report.diff import grouped_diff, highlight, overlay, spaced, tokenize, word_diff


@pytest.mark.parametrize(
    ("old", "new", "pieces"),
    [
        ("a big dog", "a dog", [("equal", "a "), ("delete", "big"), ("equal", "dog")]),
        ("a dog", "a big dog", [("equal", "a "), ("insert", "big"), ("equal", " dog")]),
        ("the big dog", "the small dog", [("equal", "the "), ("delete", "big"), ("insert", "small"),
                                          ("equal", " dog")]),
        ("Police came", "The police came", [("insert", "The"), ("equal", " police came")]),
        ("20 kilometres", "200 kilometres", [("delete", "20"), ("insert", "200"), ("equal", " kilometres")]),
        ("same", "same", [("equal", "same")]),
        ("", "new words", [("insert", "new words")]),
        ("old words", "", [("delete", "old words")]),
    ],
)  # fmt: skip
def test_word_diff(old: str, new: str, pieces: list[tuple[str, str]]) -> None:
    got = word_diff(old, new)
    assert got == pieces
    assert "".join(t for op, t in got if op != "delete") == new


def test_tokenize_keeps_every_character() -> None:
    text = "People's Mujahedin, Ashraf-3   camp — “quoted” 1,000"
    assert "".join(tokenize(text)) == text
    assert "People's" in tokenize(text) and "Ashraf-3" in tokenize(text)


def test_highlight_merges_overlaps_and_drops_bad_spans() -> None:
    assert highlight("hello world", [(0, 5), (3, 7), (20, 30), (8, 8), (9, 2)]) == [
        (True, "hello w"),
        (False, "orld"),
    ]
    assert highlight("abc", []) == [(False, "abc")]
    assert highlight("abc", [(-5, 1)]) == [(True, "a"), (False, "bc")]


def test_overlay_marks_spans_of_the_new_text_inside_the_diff() -> None:
    new = "The police in Albania has raided"
    pieces = overlay(word_diff("Police in Albania have raided", new), highlight(new, [(14, 21), (22, 25)]))
    assert [(op, t) for op, marked, t in pieces if marked] == [("equal", "Albania"), ("insert", "has")]
    assert "".join(t for op, _, t in pieces if op != "delete") == new


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("a big dog", "a dog", "a [big] dog"),
        ("a dog barks.", "a dog.", "a dog [barks]."),
        ("about 20 km", "roughly 20 km", "[about] {roughly} 20 km"),
        ("big dog", "dog", "[big] dog"),
    ],
)
def test_spaced_keeps_dropped_words_apart_from_their_neighbours(old: str, new: str, shown: str) -> None:
    pieces = spaced(overlay(word_diff(old, new), highlight(new, [])))
    marks = {"delete": "[{}]", "insert": "{{{}}}", "equal": "{}"}
    assert "".join(marks[op].format(t) for op, _, t in pieces) == shown


# ---- grouped diffs ------------------------------------------------------------------------

ARTICLES_EN = frozenset({"the", "a", "an"})


def shown_diff(old: str, new: str) -> str:
    ops = grouped_diff(old, new, ARTICLES_EN)
    out = ""
    for k in range(0, len(ops), 3):
        op, s, e = ops[k : k + 3]
        out += f"[{old[s:e]}]" if op == 2 else (f"{{{new[s:e]}}}" if op == 1 else new[s:e])
    assert "".join(new[ops[k + 1] : ops[k + 2]] for k in range(0, len(ops), 3) if ops[k] != 2) == new
    return out


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("The big red dog ran home.", "the small blue dog ran to the house.",
         "the [big red]{small blue} dog ran [home]{to the house}."),  # grouped runs, case ignored
        ("the dog barks", "a dog barks", "a dog barks"),  # an article-only change is not news
        ("He did not go to the market today", "He went to the market yesterday",
         "He [did not go]{went} to the market [today]{yesterday}"),
        ("a dog", "a big dog", "a {big} dog"),
        ("", "new words", "{new words}"),
        ("old words", "", "[old words]"),
        ("same", "same", "same"),
    ],
)  # fmt: skip
def test_grouped_diff(old: str, new: str, shown: str) -> None:
    assert shown_diff(old, new) == shown
