"""Word-level diffs for the HTML report's detail panels: what was dropped, added or kept.

`grouped_diff` returns offsets, not markup: the page's script wraps each run in <del>/<ins> as
text nodes (no HTML is built here).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator

from ..pieces import aligned_cuts

# Words (letters, digits, joined by apostrophes or hyphens; a number with the sign before it),
# single punctuation marks, runs of spaces.
_TOKEN = re.compile(r"\s+|(?<!\w)[-+−±](?=\d)\w+(?:['’\-]\w+)*|\w+(?:['’\-]\w+)*|[^\w\s]", re.UNICODE)
# Marks that change what a number says: never filler ("$5" / "€5", "5%" / "5")
_MEANINGFUL = frozenset("%‰‱°±+−")
OP_EQUAL, OP_INSERT, OP_DELETE = 0, 1, 2

DIFF_PIECE_TOKENS = 200  # tokens (words, spaces, marks) per piece; texts up to twice this are one piece


def _key(token: str) -> str:
    return " " if token.isspace() else token.casefold()


def opcodes(a: list[str], b: list[str]) -> Iterator[tuple[str, int, int, int, int]]:
    """difflib's opcodes for two token lists. difflib is quadratic, so long texts are diffed in
    aligned pieces of DIFF_PIECE_TOKENS (pipeline/pieces.py): linear, with offsets into the whole."""
    for a0, a1, b0, b1 in aligned_cuts(a, b, DIFF_PIECE_TOKENS):
        matcher = difflib.SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            yield tag, i1 + a0, i2 + a0, j1 + b0, j2 + b0


def _filler(token: str, articles: frozenset[str]) -> bool:
    """Whitespace, punctuation or an article: what may sit between two changes of one run. A
    currency sign, a percent or degree sign is no filler: it says what a number means."""
    if token.isspace() or token.casefold() in articles:
        return True
    return not any(ch.isalnum() or ch in _MEANINGFUL or unicodedata.category(ch) == "Sc" for ch in token)


def grouped_diff(old: str, new: str, articles: frozenset[str] = frozenset()) -> list[int]:
    """`new` diffed against `old` as grouped runs, flattened to [op, start, end, op, start, end, ...].

    op 0 (equal) and 1 (insert) are offsets into `new`; op 2 (delete) offsets into `old`.
    Case-only changes match (words are compared case-folded) and a change made only of
    articles (the/a, el/la, ...) is shown as kept, so what remains marked is what changed
    the meaning. Changes separated only by spaces, punctuation or articles join into one
    run: one struck run of old words then one run of new words, instead of word-by-word
    alternation. Equal and insert ranges cover `new` exactly, in order.
    """
    a = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(old)]
    b = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(new)]
    changes: list[list[int]] = []  # [i1, i2, j1, j2] token ranges of changed runs
    for tag, i1, i2, j1, j2 in opcodes([_key(t[2]) for t in a], [_key(t[2]) for t in b]):
        if tag == "equal":
            continue
        toks = [t[2] for t in a[i1:i2]] + [t[2] for t in b[j1:j2]]
        if all(_filler(t, articles) for t in toks):
            continue  # only spaces, punctuation-free article swaps: not news
        if changes:
            prev = changes[-1]
            between = [t[2] for t in a[prev[1] : i1]] + [t[2] for t in b[prev[3] : j1]]
            if all(_filler(t, articles) for t in between):
                prev[1], prev[3] = i2, j2
                continue
        changes.append([i1, i2, j1, j2])
    out: list[int] = []
    pos = 0
    for i1, i2, j1, j2 in changes:
        j1, j2 = _trim(b, j1, j2)
        i1, i2 = _trim(a, i1, i2)
        if j1 < j2:
            start, end = b[j1][0], b[j2 - 1][1]
        else:
            start = end = b[j1][0] if j1 < len(b) else len(new)
        if start > pos:
            out += [OP_EQUAL, pos, start]
        if i1 < i2:
            out += [OP_DELETE, a[i1][0], a[i2 - 1][1]]
        if start < end:
            out += [OP_INSERT, start, end]
        pos = max(pos, end)
    if pos < len(new):
        out += [OP_EQUAL, pos, len(new)]
    return out


def _trim(toks: list[tuple[int, int, str]], i: int, j: int) -> tuple[int, int]:
    """Drop whitespace tokens at both ends of a token range."""
    while i < j and toks[i][2].isspace():
        i += 1
    while j > i and toks[j - 1][2].isspace():
        j -= 1
    return i, j
