"""TER's edit count, the same numbers as sacreBLEU's TER (`sacrebleu.metrics.lib_ter`), faster.

TER is most of the scoring stage: sacreBLEU searches Tercom's word shifts and prices every
candidate with a beam edit distance whose cells are tuples, rebuilt per cell. This module runs the
same search (same candidates, same ranking, same beam around the pseudo-diagonal, same tie-breaks:
substitution/no-op before deletion before insertion, strict improvement only) with plain integer
rows, and does not build the operation trace of candidates it only prices. A candidate is priced by
RapidFuzz's word-level Levenshtein distance (C++): where the beam holds every cell of the matrix
(references of up to about 25 words) that is the beam distance itself; elsewhere it is a lower
bound, and only a candidate that could still beat the best one so far is priced by the beam
distance. Segments are tokenised by
sacreBLEU's own TER tokenizer (`TER().tokenizer`). tests/core/test_ter.py checks it against
sacreBLEU on the labelled dev files and on random shuffles.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

MAX_SHIFT_SIZE = 10  # Tercom's limits, as sacreBLEU keeps them
MAX_SHIFT_DIST = 50
BEAM_WIDTH = 25
MAX_SHIFT_CANDIDATES = 1000
MAX_CACHE_ROWS = 10000
INF = int(1e16)
NOP, SUB, INS, DEL, UNDEF = " ", "s", "i", "d", "x"

Row = tuple[list[int], list[str]]  # costs and operations of one row of the edit distance matrix
Node = dict[str, tuple["Node", Row]]  # prefix tree of hypothesis words -> rows already computed


class BeamDistance:
    """Edit distance from a hypothesis to a fixed reference, rows cached by hypothesis prefix."""

    def __init__(self, ref: list[str]) -> None:
        self.ref = ref
        self.first: Row = (list(range(len(ref) + 1)), [INS] * (len(ref) + 1))
        self.cache: Node = {}
        self.cached = 0

    def __call__(self, words: list[str]) -> tuple[int, list[Row]]:
        """The distance, and every row of the matrix (row 0: the empty hypothesis)."""
        node, rows = self.cache, [self.first]
        for word in words:
            if word not in node:
                break
            node, row = node[word]
            rows.append(row)
        n_ref, n_h = len(self.ref), len(words)
        ratio, beam = _beam(n_ref, n_h)
        for i in range(len(rows), n_h + 1):
            rows.append(self._row(words[i - 1], rows[-1][0], i, ratio, beam, i == n_h))
            if self.cached < MAX_CACHE_ROWS:
                node[words[i - 1]] = ({}, rows[-1])
                node = node[words[i - 1]][0]
                self.cached += 1
        return rows[-1][0][-1], rows

    def _row(self, word: str, prev: list[int], i: int, ratio: float, beam: int, last: bool) -> Row:
        """Row i: the first cheapest of no-op/substitution, deletion, insertion; cells outside the
        beam, and cells only reachable from outside it, stay infinite."""
        ref = self.ref
        cost, ops = [INF] * (len(ref) + 1), [UNDEF] * (len(ref) + 1)
        lo, hi = _span(i, ratio, beam, len(ref), last)
        if lo == 0 and hi > 0:
            cost[0], ops[0], lo = prev[0] + 1, DEL, 1
        left = cost[lo - 1] if lo > 0 else INF
        for j in range(lo, hi):
            same = word == ref[j - 1]
            sub, up, left = prev[j - 1] + (not same), prev[j] + 1, left + 1
            if sub <= up and sub <= left:
                best, op = sub, NOP if same else SUB
            elif up <= left:
                best, op = up, DEL
            else:
                best, op = left, INS
            if best >= INF:
                best, op = INF, UNDEF
            cost[j], ops[j], left = best, op, best
        return cost, ops


def _beam(n_ref: int, n_h: int) -> tuple[float, int]:
    """The pseudo-diagonal's slope and the beam's half-width, as sacreBLEU sets them."""
    ratio = n_ref / n_h if n_h else 1
    return ratio, math.ceil(ratio / 2 + BEAM_WIDTH) if BEAM_WIDTH < ratio / 2 else BEAM_WIDTH


def _span(i: int, ratio: float, beam: int, n_ref: int, last: bool) -> tuple[int, int]:
    """The columns of row i inside the beam."""
    diag = math.floor(i * ratio)
    return max(0, diag - beam), n_ref + 1 if last else min(n_ref + 1, diag + beam)


@functools.lru_cache(maxsize=4096)
def full_beam(n_h: int, n_ref: int) -> bool:
    """Every row of the matrix lies wholly inside the beam: the beam distance is the edit distance."""
    ratio, beam = _beam(n_ref, n_h)
    return all(_span(i, ratio, beam, n_ref, i == n_h) == (0, n_ref + 1) for i in range(1, n_h + 1))


def _alignment(rows: list[Row], n_ref: int) -> tuple[dict[int, int], list[int], list[int]]:
    """sacreBLEU's trace_to_alignment of the flipped trace (rewriting the reference into the hypothesis)."""
    trace: list[str] = []
    i, j = len(rows) - 1, n_ref
    while i > 0 or j > 0:
        op = rows[i][1][j]
        trace.append(op)
        if op in (SUB, NOP):
            i, j = i - 1, j - 1
        elif op == INS:
            j -= 1
        elif op == DEL:
            i -= 1
        else:
            raise ValueError(f"unknown edit operation {op!r}")
    pos_h = pos_r = -1
    align: dict[int, int] = {}
    ref_err: list[int] = []
    hyp_err: list[int] = []
    for op in reversed(trace):  # flipped: an insertion of the hypothesis is a deletion here
        if op in (NOP, SUB):
            pos_h, pos_r = pos_h + 1, pos_r + 1
            align[pos_r] = pos_h
            hyp_err.append(op == SUB)
            ref_err.append(op == SUB)
        elif op == DEL:
            pos_h += 1
            hyp_err.append(1)
        else:
            pos_r += 1
            align[pos_r] = pos_h
            ref_err.append(1)
    return align, ref_err, hyp_err


def _shifted_pairs(words_h: list[str], words_r: list[str]) -> Iterator[tuple[int, int, int]]:
    n_h, n_r = len(words_h), len(words_r)
    for start_h in range(n_h):
        for start_r in range(max(0, start_h - MAX_SHIFT_DIST), min(n_r, start_h + MAX_SHIFT_DIST + 1)):
            length = 0
            while words_h[start_h + length] == words_r[start_r + length] and length < MAX_SHIFT_SIZE:
                length += 1
                yield start_h, start_r, length
                if n_h == start_h + length or n_r == start_r + length:
                    break


def _perform_shift(words: list[str], start: int, length: int, target: int) -> list[str]:
    if target < start:
        return words[:target] + words[start : start + length] + words[target:start] + words[start + length :]
    if target > start + length:
        return words[:start] + words[start + length : target] + words[start : start + length] + words[target:]
    return (
        words[:start]
        + words[start + length : length + target]
        + words[start : start + length]
        + words[length + target :]
    )


def _best_shift(
    words_h: list[str], words_r: list[str], distance: BeamDistance, checked: int
) -> tuple[int, list[str], int]:
    """The shift that lowers the edit distance most (Tercom's ranking), as sacreBLEU's `_shift`."""
    pre_score, rows = distance(words_h)
    align, ref_err, hyp_err = _alignment(rows, len(words_r))
    exact = full_beam(len(words_h), len(words_r))  # shifts keep the hypothesis' length
    best: tuple[int, int, int, int, list[str]] | None = None
    for start_h, start_r, length in _shifted_pairs(words_h, words_r):
        if not any(hyp_err[start_h : start_h + length]) or not any(ref_err[start_r : start_r + length]):
            continue
        if start_h <= align[start_r] < start_h + length:
            continue
        prev_idx = -1
        for offset in range(-1, length):
            if start_r + offset == -1:
                idx = 0
            elif start_r + offset in align:
                idx = align[start_r + offset] + 1
            else:
                break
            if idx == prev_idx:
                continue
            prev_idx = idx
            shifted = _perform_shift(words_h, start_h, length, idx)
            checked += 1
            gain = pre_score - Levenshtein.distance(shifted, words_r)  # the most this shift can gain
            if not exact:
                if best and (gain, length, -start_h, -idx) < best[:4]:
                    continue  # cannot beat the best even at its lower bound
                gain = pre_score - distance(shifted)[0]
            candidate = (gain, length, -start_h, -idx, shifted)
            if not best or candidate > best:
                best = candidate
        if checked >= MAX_SHIFT_CANDIDATES:
            break
    if not best:
        return 0, words_h, checked
    return best[0], best[4], checked


def edits(words_hyp: list[str], words_ref: list[str]) -> int:
    """TER's number of edits (shifts + edit distance) from the hypothesis to the reference."""
    if not words_ref:
        return len(words_hyp)
    distance = BeamDistance(words_ref)
    shifts, checked, words = 0, 0, words_hyp
    while True:
        delta, shifted, checked = _best_shift(words, words_ref, distance, checked)
        if checked >= MAX_SHIFT_CANDIDATES or delta <= 0:
            break
        shifts, words = shifts + 1, shifted
    return shifts + distance(words)[0]
