"""Word-level text helpers for the renderers: what was dropped, added or kept, and flagged spans.

Both functions return lists of pieces, so a template can wrap each piece in <del>, <ins>
or <mark> and let autoescaping do the rest (no HTML is built here).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import Literal

from ..pieces import aligned_cuts

Op = Literal["equal", "delete", "insert"]

# Words (letters, digits, joined by apostrophes or hyphens), single punctuation marks, runs of spaces.
_TOKEN = re.compile(r"\s+|\w+(?:['’\-]\w+)*|[^\w\s]", re.UNICODE)


DIFF_PIECE_TOKENS = 200  # tokens (words, spaces, marks) per piece; texts up to twice this are one piece


def tokenize(text: str) -> list[str]:
    """Split text into words, punctuation marks and whitespace runs; "".join() gives text back."""
    return _TOKEN.findall(text)


def _key(token: str) -> str:
    return " " if token.isspace() else token.casefold()


def word_diff(old: str, new: str) -> list[tuple[Op, str]]:
    """Word-level diff of `old` (e.g. the original) into `new` (e.g. the round trip), for display.

    "delete" pieces are words of `old` only (dropped), "insert" pieces words of `new` only
    (added); a changed word comes out as a delete followed by an insert. Case and the width
    of spaces are ignored when matching. The "equal" and "insert" pieces concatenate to
    exactly `new` (so offsets into `new` can be overlaid); the whitespace around dropped
    words is left out, the page spaces <del> with CSS.
    """
    a, b = tokenize(old), tokenize(new)
    pieces: list[tuple[Op, str]] = []
    for tag, i1, i2, j1, j2 in opcodes([_key(t) for t in a], [_key(t) for t in b]):
        if tag == "equal":
            _push(pieces, "equal", "".join(b[j1:j2]))
            continue
        if tag in ("delete", "replace"):
            _push(pieces, "delete", "".join(a[i1:i2]).strip())
        if tag in ("insert", "replace"):
            text = "".join(b[j1:j2])
            core = text.strip()
            start = text.find(core) if core else len(text)
            _push(pieces, "equal", text[:start])  # outer whitespace of an addition is not news
            _push(pieces, "insert", core)
            _push(pieces, "equal", text[start + len(core) :])
    return pieces


def opcodes(a: list[str], b: list[str]) -> Iterator[tuple[str, int, int, int, int]]:
    """difflib's opcodes for two token lists. difflib is quadratic, so long texts are diffed in
    aligned pieces of DIFF_PIECE_TOKENS (pipeline/pieces.py): linear, with offsets into the whole."""
    for a0, a1, b0, b1 in aligned_cuts(a, b, DIFF_PIECE_TOKENS):
        matcher = difflib.SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            yield tag, i1 + a0, i2 + a0, j1 + b0, j2 + b0


def _push(pieces: list[tuple[Op, str]], op: Op, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1][0] == op:
        pieces[-1] = (op, pieces[-1][1] + text)
    else:
        pieces.append((op, text))


def overlay(pieces: list[tuple[Op, str]], marked: list[tuple[bool, str]]) -> list[tuple[Op, bool, str]]:
    """Combine a word_diff of (old, new) with highlight() runs of `new`: (op, marked, text) pieces."""
    flags: list[bool] = [m for m, piece in marked for _ in piece]
    out: list[tuple[Op, bool, str]] = []
    pos = 0
    for op, text in pieces:
        if op == "delete":
            out.append((op, False, text))
            continue
        start = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or _at(flags, pos + i) != _at(flags, pos + start):
                out.append((op, _at(flags, pos + start), text[start:i]))
                start = i
        pos += len(text)
    return out


def spaced(pieces: list[tuple[Op, bool, str]]) -> list[tuple[Op, bool, str]]:
    """Put a plain space between a dropped word and a neighbouring word, for reading only.

    word_diff leaves out the whitespace around dropped words (it belongs to the old text),
    so "a <del>big</del>dog" needs a space; punctuation after a dropped word does not.
    """
    out: list[tuple[Op, bool, str]] = []
    for i, (op, marked, text) in enumerate(pieces):
        if op == "delete":
            before = out[-1][2] if out else ""
            after = pieces[i + 1][2] if i + 1 < len(pieces) else ""
            if before and not before[-1].isspace() and _wordish(text[:1]):
                out.append(("equal", False, " "))
            out.append((op, marked, text))
            if after and not after[0].isspace() and _wordish(after[:1]):
                out.append(("equal", False, " "))
            continue
        out.append((op, marked, text))
    return out


def _wordish(ch: str) -> bool:
    return bool(ch) and (ch.isalnum() or ch in "“‘\"'(¿¡")


def _at(flags: list[bool], i: int) -> bool:
    return flags[i] if 0 <= i < len(flags) else False


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[bool, str]]:
    """Cut `text` into (marked, piece) runs; overlapping or touching spans merge, bad ones are dropped."""
    ranges = sorted(
        (max(0, s), min(len(text), e)) for s, e in spans if isinstance(s, int) and isinstance(e, int)
    )
    merged: list[list[int]] = []
    for s, e in ranges:
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    pieces: list[tuple[bool, str]] = []
    pos = 0
    for s, e in merged:
        if s > pos:
            pieces.append((False, text[pos:s]))
        pieces.append((True, text[s:e]))
        pos = e
    if pos < len(text) or not pieces:
        pieces.append((False, text[pos:]))
    return pieces


# ---- grouped runs with offsets, for the HTML report's on-demand panels --------------------

_TOKEN_SPAN = re.compile(r"\s+|\w+(?:['’\-]\w+)*|[^\w\s]", re.UNICODE)
OP_EQUAL, OP_INSERT, OP_DELETE = 0, 1, 2


def _filler(token: str, articles: frozenset[str]) -> bool:
    """Whitespace, punctuation or an article: what may sit between two changes of one run."""
    return token.isspace() or not any(ch.isalnum() for ch in token) or token.casefold() in articles


def grouped_diff(old: str, new: str, articles: frozenset[str] = frozenset()) -> list[int]:
    """`new` diffed against `old` as grouped runs, flattened to [op, start, end, op, start, end, ...].

    op 0 (equal) and 1 (insert) are offsets into `new`; op 2 (delete) offsets into `old`.
    Case-only changes match (words are compared case-folded) and a change made only of
    articles (the/a, el/la, ...) is shown as kept, so what remains marked is what changed
    the meaning. Changes separated only by spaces, punctuation or articles join into one
    run: one struck run of old words then one run of new words, instead of word-by-word
    alternation. Equal and insert ranges cover `new` exactly, in order.
    """
    a = [(m.start(), m.end(), m.group()) for m in _TOKEN_SPAN.finditer(old)]
    b = [(m.start(), m.end(), m.group()) for m in _TOKEN_SPAN.finditer(new)]
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
