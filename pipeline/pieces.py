"""Cut two long, mostly parallel token sequences into aligned pieces (bounded cost for long texts).

Word-level metrics and diffs (TER's shift search, difflib) cost far more than linear time on
long inputs. For a long pair, `aligned_cuts` cuts the second sequence every ~`size` items and
the first at the proportional position, moved to the nearest place within `window` items where
the next two items (else the next one) are those after the cut in the second sequence. Each
piece is then handled alone; the total cost is linear in the length.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def aligned_cuts(
    a: Sequence[T], b: Sequence[T], size: int, window: int = 8
) -> list[tuple[int, int, int, int]]:
    """(a_start, a_end, b_start, b_end) of consecutive pieces covering both sequences in order.

    One piece when neither sequence is longer than 2 * size; else ceil(longer / size) pieces."""
    longer = max(len(a), len(b))
    if longer <= 2 * size:
        return [(0, len(a), 0, len(b))]
    n = -(-longer // size)
    b_cuts = [round(k * len(b) / n) for k in range(n + 1)]
    a_cuts = [0]
    for k in range(1, n):
        guess = max(a_cuts[-1], min(len(a), round(k * len(a) / n)))
        a_cuts.append(_anchor(a, b, b_cuts[k], guess, a_cuts[-1], window))
    a_cuts.append(len(a))
    return [(a_cuts[k], a_cuts[k + 1], b_cuts[k], b_cuts[k + 1]) for k in range(n)]


def _anchor(a: Sequence[T], b: Sequence[T], b_cut: int, guess: int, floor: int, window: int) -> int:
    lo, hi = max(floor, guess - window), min(len(a), guess + window)
    for width in (2, 1):
        want = list(b[b_cut : b_cut + width])
        spots = [j for j in range(lo, hi + 1) if want and list(a[j : j + width]) == want]
        if spots:
            return min(spots, key=lambda j: abs(j - guess))
    return guess
