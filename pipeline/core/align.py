"""Source-aware mode: align paragraphs and sentences of an original with its translation.

The translation is first translated back into the source language (the Bleualign idea),
so every comparison here is between two texts in ONE language: `src[i]` against
`tgt_back[j]`. Similarity mixes character trigrams, words and anchors (numbers and
capitalised words); a Gale-Church length prior prefers neighbours of similar length.

A dynamic programme picks the cheapest monotone path through the links
1-1, 1-0 (omission) and 0-1 (addition), plus 1-2 and 2-1 for sentences. Two skips cost
more than even a poor 1-1 pair, so a loose translation still aligns 1-1; a deleted or
added sentence still becomes 1-0 or 0-1, because pairing it would shift the good pairs
after it onto wrong partners. Long inputs are aligned in a band around the diagonal that
widens until the path no longer touches its edge (1,000 pairs: a few tenths of a second).
A target text whose back-translation is empty (the engine failed on it) is unknown, not unlike
everything: linking it costs one skip, so one left between two pairs still pairs 1-1 (its
verdict is then "unverifiable"), not an omission beside an addition.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Link:
    """One alignment link; indices refer to the lists given to the aligner."""

    src: tuple[int, ...]  # empty: the target item has no partner (an addition)
    tgt: tuple[int, ...]  # empty: the source item has no partner (an omission)
    score: float  # similarity of the linked texts, 0..1 (0.0 for 1-0 and 0-1)


@dataclass(frozen=True)
class _Costs:
    skip: float  # cost of a 1-0 or 0-1 link
    merge: float  # extra cost of a 1-2 or 2-1 link over its 1-1 cost
    length_weight: float  # multiplies the Gale-Church cost -log P(|delta|)


# Tuned on Apertium back-translations (tests/core/test_align.py, DEMETR es-en): faithful pairs
# score 0.4-1.0, loose ones 0.2-0.5, unrelated ones 0.02-0.25.
# Sentences: two skips (1.4) cost more than a poor 1-1 pair, so one source and one target
# sentence left between two good pairs stay a 1-1 pair however loose or truncated; a deleted
# sentence is found because pairing it would shift, and spoil, the pairs after it. Merging
# costs a little more than skipping, so a 1-2 link must fit better than a 1-1 link plus a
# skip: a deleted sentence is not swallowed by its neighbour. The tests pass for skip
# 0.5-1.2, merge - skip 0.02-0.15 and length weight 0.05-0.2.
_SENTENCES = _Costs(skip=0.7, merge=0.75, length_weight=0.1)
# Paragraphs: a paragraph that lost or gained a sentence is still the same paragraph, so the
# length prior is weak (the tests pass for skip 0.45-1.0, length weight 0-0.08).
_PARAGRAPHS = _Costs(skip=0.6, merge=0.65, length_weight=0.03)

_W_GRAMS, _W_WORDS, _W_ANCHORS = 0.45, 0.3, 0.3  # similarity parts (anchors scaled by count)
_LENGTH_CAP = 8.0  # Gale-Church cost ceiling (a delta of about 4 standard deviations)
_GC_VARIANCE = 6.8  # Gale and Church's s^2 (variance of length differences per character)
_FULL_CELLS = 40_000  # up to n*m cells the whole matrix is searched; above it, a band
_BAND = 8  # initial band radius (cells either side of the diagonal); doubled while too narrow

_WORD = re.compile(r"\w+(?:[.,'’]\w+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_COMBINING = re.compile(r"[\u0300-\u036f]")  # accents left by NFKD
_SEPARATOR = re.compile(r"(?<=\d)[.,](?=\d)")  # "3.000", "3,000" and "3000" compare equal


@dataclass(frozen=True)
class _Profile:
    """Feature sets of one text as bit masks (bit k = feature k of the call's vocabulary)."""

    grams: int  # character trigrams of the normalised text
    words: int
    anchors: int  # numbers (separators removed) and capitalised words
    n_grams: int
    n_words: int
    n_anchors: int
    length: int  # characters of the normalised text
    unknown: bool = False  # a target without its back-translation: nothing to compare


def align_paragraphs(
    src_paras: list[str], tgt_paras: list[str], tgt_back: list[str], *, merges: bool = False
) -> list[Link]:
    """Align paragraphs by order with 1-1, 1-0 and 0-1 links (1-2 and 2-1 too with `merges`).

    `tgt_back[j]` is `tgt_paras[j]` translated back into the source language. A paragraph
    dropped or added in the middle becomes one 1-0 or 0-1 link; the pairs after it still align.
    """
    _check_lengths(tgt_paras, tgt_back)
    return _align(src_paras, tgt_back, _PARAGRAPHS, merges=merges, unknown=_unknown(tgt_paras, tgt_back))


def align_sentences(src_sents: list[str], tgt_sents: list[str], tgt_back: list[str]) -> list[Link]:
    """Align the sentences of two aligned paragraphs with 1-1, 1-2, 2-1, 1-0 and 0-1 links.

    `tgt_back[j]` is `tgt_sents[j]` translated back into the source language. Links come
    in order; every source and target index is used exactly once.
    """
    _check_lengths(tgt_sents, tgt_back)
    return _align(src_sents, tgt_back, _SENTENCES, merges=True, unknown=_unknown(tgt_sents, tgt_back))


def similarity(a: str, b: str) -> float:
    """Similarity of two texts in the same language, 0..1 (the measure the aligner uses)."""
    return _similarity(*_profiles([a, b]))


def cross_similarity(a: Sequence[str], b: Sequence[str]) -> list[list[float]]:
    """similarity(a[i], b[j]) for every pair, each text's features read once."""
    profiles = _profiles([*a, *b])
    return [[_similarity(p, q) for q in profiles[len(a) :]] for p in profiles[: len(a)]]


def _unknown(tgt: Sequence[str], back: Sequence[str]) -> set[int]:
    """Targets with text whose back-translation is empty: the engine failed on them."""
    return {j for j, (t, b) in enumerate(zip(tgt, back, strict=True)) if t.strip() and not b.strip()}


def _check_lengths(tgt: Sequence[str], back: Sequence[str]) -> None:
    if len(tgt) != len(back):
        raise ValueError(f"{len(tgt)} target texts but {len(back)} back-translations")


def _normalise(text: str) -> str:
    """Casefolded, accents and thousands separators dropped, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", _SEPARATOR.sub("", text.casefold()))
    return " ".join(_COMBINING.sub("", decomposed).split())


def _features(text: str) -> tuple[set[str], set[str], set[str], int]:
    """Trigrams, words, anchors and length of one text."""
    norm = _normalise(text)
    padded = f" {norm} "
    grams = {padded[k : k + 3] for k in range(len(padded) - 2)} if norm else set()
    anchors = {_SEPARATOR.sub("", n) for n in _NUMBER.findall(text)}
    # Capitalised words after the first token; the first is capitalised anyway.
    capitalised = [t for t in _WORD.findall(text)[1:] if t[0].isupper()]
    if capitalised:
        anchors.update(_normalise(" ".join(capitalised)).split())
    return grams, set(_WORD.findall(norm)), anchors, len(norm)


def _masks(sets: list[set[str]]) -> list[int]:
    """Each set as a bit mask over the union of all sets: intersections become `&`."""
    bits = {item: k for k, item in enumerate(set().union(*sets))}
    size = (len(bits) + 7) // 8
    masks = []
    for items in sets:
        buffer = bytearray(size)
        for bit in map(bits.__getitem__, items):
            buffer[bit >> 3] |= 1 << (bit & 7)
        masks.append(int.from_bytes(buffer, "little"))
    return masks


def _profiles(texts: Iterable[str]) -> list[_Profile]:
    features = [_features(t) for t in texts]
    grams = _masks([f[0] for f in features])
    words = _masks([f[1] for f in features])
    anchors = _masks([f[2] for f in features])
    return [
        _Profile(g, w, a, len(f[0]), len(f[1]), len(f[2]), f[3])
        for g, w, a, f in zip(grams, words, anchors, features, strict=True)
    ]


def _joined(a: _Profile, b: _Profile) -> _Profile:
    grams, words, anchors = a.grams | b.grams, a.words | b.words, a.anchors | b.anchors
    return _Profile(
        grams,
        words,
        anchors,
        grams.bit_count(),
        words.bit_count(),
        anchors.bit_count(),
        a.length + b.length + 1,
        a.unknown or b.unknown,
    )


def _similarity(a: _Profile, b: _Profile) -> float:
    total = a.n_grams + b.n_grams
    score = _W_GRAMS * 2 * (a.grams & b.grams).bit_count() / total if total else 0.0
    total = a.n_words + b.n_words
    if total:
        score += _W_WORDS * 2 * (a.words & b.words).bit_count() / total
    # Anchors weigh in with their number: one changed number must not sink a whole sentence.
    total = a.n_anchors + b.n_anchors
    if not total:
        return score / (_W_GRAMS + _W_WORDS)
    w_anchors = _W_ANCHORS * min(1.0, total / 4)
    score += w_anchors * 2 * (a.anchors & b.anchors).bit_count() / total
    return score / (_W_GRAMS + _W_WORDS + w_anchors)


def _length_cost(la: int, lb: int) -> float:
    """Gale-Church: -log P(|delta|) of the length difference, both texts in one language."""
    if la == lb:
        return 0.0
    delta = abs(la - lb) / math.sqrt(_GC_VARIANCE * (la + lb) / 2.0)
    p = math.erfc(delta / math.sqrt(2.0))
    return _LENGTH_CAP if p <= math.exp(-_LENGTH_CAP) else -math.log(p)


def _align(
    src: Sequence[str], back: Sequence[str], costs: _Costs, *, merges: bool, unknown: set[int]
) -> list[Link]:
    n, m = len(src), len(back)
    if n == 0 or m == 0:
        return [Link((i,), (), 0.0) for i in range(n)] + [Link((), (j,), 0.0) for j in range(m)]
    profiles = _profiles([*src, *back])
    profiles[n:] = [replace(p, unknown=True) if j in unknown else p for j, p in enumerate(profiles[n:])]
    grid = _Grid(profiles[:n], profiles[n:], costs, merges)
    radius = max(n, m) if n * m <= _FULL_CELLS else _BAND + abs(n - m)  # |n - m| omissions stray that far
    while True:
        links, touched_edge = grid.path(radius)
        if not touched_edge or radius >= max(n, m):
            return _absorbed(links, profiles[:n], profiles[n:]) if merges else links
        radius *= 2


def _absorbed(links: list[Link], src: list[_Profile], tgt: list[_Profile]) -> list[Link]:
    """Links of the programme's largest shape (three items with one) grown by a skipped neighbour
    where it makes the pair more alike, as the third joined: a list of four or more items that the
    copy writes as one sentence (or one sentence it splits into as many) pairs whole, instead of
    its first items coming out as omissions."""
    out = list(links)
    k = 0
    while k < len(out):
        grown = _grown(out, k, src, tgt)
        if grown is None:
            k += 1
        else:
            at, link = grown
            out[at : at + 2] = [link]
            k = at  # it may grow again
    return out


def _grown(links: list[Link], k: int, src: list[_Profile], tgt: list[_Profile]) -> tuple[int, Link] | None:
    """(where, the link) when links[k] takes in the skip before or after it; None otherwise."""
    link = links[k]
    on_src = len(link.tgt) == 1  # the side with many items
    many, one = (link.src, link.tgt[0]) if on_src else (link.tgt, link.src[0] if link.src else -1)
    if len(many) < 3 or one < 0:
        return None
    mine, other = (src, tgt[one]) if on_src else (tgt, src[one])
    for n in (k - 1, k + 1):
        if not 0 <= n < len(links) or (len(links[n].src), len(links[n].tgt)) != (
            (1, 0) if on_src else (0, 1)
        ):
            continue
        joined = tuple(sorted((*many, (links[n].src or links[n].tgt)[0])))
        profile = functools.reduce(_joined, (mine[i] for i in joined))
        if profile.unknown or other.unknown:
            continue
        sim = _similarity(profile, other)
        if sim > link.score + _MERGE3_MARGIN:
            return min(k, n), Link(joined, (one,), sim) if on_src else Link((one,), joined, sim)
    return None


def _bounds(n: int, m: int, radius: int) -> list[tuple[int, int]]:
    """Per row of the grid, the first and last column within `radius` cells of the diagonal."""
    return [
        (max(0, math.floor(i * m / n - radius)), min(m, math.ceil(i * m / n + radius))) for i in range(n + 1)
    ]


# Link shapes by code, as stored in the DP cells: (source items, target items).
_SHAPES = ((0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (1, 3), (3, 1))
# A 1-3 or 3-1 link costs a little more than a 1-2 link and a skip: the third item joins only
# where it makes the pair more alike (a list the copy writes as one sentence), never an unrelated
# sentence beside a split one (an addition stays one).
_MERGE3_MARGIN = 0.02


class _Grid:
    """The dynamic programme over one pair of lists: cell (i, j) = best path through src[:i], tgt[:j]."""

    def __init__(self, src: list[_Profile], tgt: list[_Profile], costs: _Costs, merges: bool) -> None:
        self.src, self.tgt, self.costs, self.merges = src, tgt, costs, merges
        # 1-2 and 2-1 links compare with adjacent pairs joined: src2[i] = src[i] + src[i + 1].
        self.src2 = [_joined(a, b) for a, b in zip(src, src[1:], strict=False)] if merges else []
        self.tgt2 = [_joined(a, b) for a, b in zip(tgt, tgt[1:], strict=False)] if merges else []
        self.src3 = [_joined(a, b) for a, b in zip(self.src2, src[2:], strict=False)] if merges else []
        self.tgt3 = [_joined(a, b) for a, b in zip(self.tgt2, tgt[2:], strict=False)] if merges else []

    def _pair(self, a: _Profile, b: _Profile) -> tuple[float, float]:
        """Cost and similarity of linking a with b (an unknown side: one skip, as likely as not)."""
        if a.unknown or b.unknown:
            return self.costs.skip, 0.0
        sim = _similarity(a, b)
        return 1.0 - sim + self.costs.length_weight * _length_cost(a.length, b.length), sim

    def path(self, radius: int) -> tuple[list[Link], bool]:
        """The best path in a band of `radius` cells around the diagonal; whether it touches the edge."""
        n, m = len(self.src), len(self.tgt)
        skip, merge, merges = self.costs.skip, self.costs.merge, self.merges
        merge3 = merge + skip + _MERGE3_MARGIN
        src, tgt, pair = self.src, self.tgt, self._pair
        src2, tgt2, src3, tgt3 = self.src2, self.tgt2, self.src3, self.tgt3
        bounds = _bounds(n, m, radius)
        # Row i holds cells lo..hi of bounds[i]: total cost, link shape code, link similarity.
        totals: list[list[float]] = []
        shapes: list[list[int]] = []
        sims: list[list[float]] = []
        inf = math.inf
        for i in range(n + 1):
            lo, hi = bounds[i]
            total, shape, sim_row = [inf] * (hi - lo + 1), [0] * (hi - lo + 1), [0.0] * (hi - lo + 1)
            lo1, hi1 = bounds[i - 1] if i >= 1 else (1, 0)  # an empty range before row 0
            lo2, hi2 = bounds[i - 2] if i >= 2 and merges else (1, 0)
            lo3, hi3 = bounds[i - 3] if i >= 3 and merges else (1, 0)
            up1 = totals[i - 1] if i >= 1 else []
            up2 = totals[i - 2] if i >= 2 else []
            up3 = totals[i - 3] if i >= 3 else []
            for j in range(lo, hi + 1):
                k = j - lo
                best, code, sim = (0.0, 0, 0.0) if i == 0 and j == 0 else (inf, 0, 0.0)
                if k and total[k - 1] + skip < best:  # 0-1: tgt[j-1] is an addition
                    best, code = total[k - 1] + skip, 1
                if lo1 <= j <= hi1 and up1[j - lo1] + skip < best:  # 1-0: src[i-1] is an omission
                    best, code = up1[j - lo1] + skip, 2
                if j >= 1 and lo1 <= j - 1 <= hi1 and (prev := up1[j - 1 - lo1]) < best:
                    cost, s = pair(src[i - 1], tgt[j - 1])
                    if prev + cost < best:
                        best, code, sim = prev + cost, 3, s
                if merges:
                    if j >= 2 and lo1 <= j - 2 <= hi1 and (prev := up1[j - 2 - lo1] + merge) < best:
                        cost, s = pair(src[i - 1], tgt2[j - 2])
                        if prev + cost < best:
                            best, code, sim = prev + cost, 4, s
                    if j >= 1 and lo2 <= j - 1 <= hi2 and (prev := up2[j - 1 - lo2] + merge) < best:
                        cost, s = pair(src2[i - 2], tgt[j - 1])
                        if prev + cost < best:
                            best, code, sim = prev + cost, 5, s
                    if j >= 3 and lo1 <= j - 3 <= hi1 and (prev := up1[j - 3 - lo1] + merge3) < best:
                        cost, s = pair(src[i - 1], tgt3[j - 3])
                        if prev + cost < best:
                            best, code, sim = prev + cost, 6, s
                    if j >= 1 and lo3 <= j - 1 <= hi3 and (prev := up3[j - 1 - lo3] + merge3) < best:
                        cost, s = pair(src3[i - 3], tgt[j - 1])
                        if prev + cost < best:
                            best, code, sim = prev + cost, 7, s
                total[k], shape[k], sim_row[k] = best, code, sim
            totals.append(total)
            shapes.append(shape)
            sims.append(sim_row)
        return self._trace(shapes, sims, bounds)

    def _trace(
        self, shapes: list[list[int]], sims: list[list[float]], bounds: list[tuple[int, int]]
    ) -> tuple[list[Link], bool]:
        n, m = len(self.src), len(self.tgt)
        links: list[Link] = []
        touched_edge = False
        i, j = n, m
        while i or j:
            lo, hi = bounds[i]
            touched_edge |= (j == lo and lo > 0) or (j == hi and hi < m)
            di, dj = _SHAPES[shapes[i][j - lo]]
            links.append(Link(tuple(range(i - di, i)), tuple(range(j - dj, j)), sims[i][j - lo]))
            i, j = i - di, j - dj
        links.reverse()
        return links, touched_edge
