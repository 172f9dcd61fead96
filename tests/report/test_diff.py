"""The report's word diffs (pipeline/report/diff.py): grouped runs of dropped and added words."""

from __future__ import annotations

import pytest

from pipeline.report.diff import grouped_diff

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
        ("20 kilometres", "200 kilometres", "[20]{200} kilometres"),  # a number is one token
        ("Police came", "The police came", "The police came"),  # case and an article are not news
        ("People's Mujahedin, Ashraf-3 camp", "People's Mujahedeen, Ashraf-3 camp",
         "People's [Mujahedin]{Mujahedeen}, Ashraf-3 camp"),  # apostrophes and hyphens join a word
        ("", "new words", "{new words}"),
        ("old words", "", "[old words]"),
        ("same", "same", "same"),
        # a currency, a sign or a percent changes what a number says: they were kept as "equal"
        ("It costs $5.", "It costs €5.", "It costs [$]{€}5."),
        ("It was -5 degrees.", "It was 5 degrees.", "It was [-5]{5} degrees."),
        ("Growth was 5%.", "Growth was 5.", "Growth was 5[%]."),
        ("The cat, the dog.", "The cat; the dog!", "The cat; the dog!"),  # punctuation is not news
        ("in 1990-2000", "in 1990-2001", "in [1990-2000]{1990-2001}"),
    ],
)  # fmt: skip
def test_grouped_diff(old: str, new: str, shown: str) -> None:
    assert shown_diff(old, new) == shown
