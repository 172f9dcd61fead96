"""Clauses of a folded text, read around a position without slicing the text: where the clause a
position stands in ends, its next few words, whether a word of a set stands between two points.
Each answer costs the same in a clause of any length (the breaks and the words of a set are
found once per text), so a reader that asks once per negator stays linear in the text
("no no no …": one slice and one tokenisation per negator was quadratic in time and memory).
"""

from __future__ import annotations

import bisect
import functools
import itertools

from .lexicon import CLAUSE_BREAK
from .text import WORD, tokens


@functools.lru_cache(maxsize=1024)
def clause_breaks(folded: str) -> tuple[int, ...]:
    """Where the clause breaks of a folded text stand (one character each), in order."""
    return tuple(m.start() for m in CLAUSE_BREAK.finditer(folded))


def clause_start(folded: str, pos: int) -> int:
    """Where the clause that position `pos` of a folded text stands in starts (after its break)."""
    breaks = clause_breaks(folded)
    i = bisect.bisect_left(breaks, pos)
    return breaks[i - 1] + 1 if i else 0


def clause_end(folded: str, end: int) -> int:
    """Where the clause that position `end` of a folded text stands in ends (its next break)."""
    breaks = clause_breaks(folded)
    i = bisect.bisect_left(breaks, end)
    return breaks[i] if i < len(breaks) else len(folded)


def clause_words(folded: str, end: int, limit: int) -> list[str]:
    """The first `limit` words of the rest of the clause after `end` (those of
    `tokens(folded[end : clause_end(folded, end)])`), read without tokenising the rest of the
    clause: a negator's neighbours cost the same in a clause of any length."""
    found = WORD.finditer(folded, end, clause_end(folded, end))  # the clause as a slice would read
    return [m.group() for m in itertools.islice(found, limit)]


@functools.lru_cache(maxsize=256)
def _word_starts(folded: str, said: frozenset[str]) -> tuple[int, ...]:
    """Where the words of `folded` that are in `said` start, in order."""
    return tuple(t.start for t in tokens(folded) if t.text in said)


def said_between(folded: str, start: int, end: int, said: frozenset[str]) -> bool:
    """A word of `said` starts between `start` and `end` (both between two words of the text:
    no word stands across either)."""
    starts = _word_starts(folded, said)
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end
