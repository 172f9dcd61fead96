"""Is the copy's word order English at all? A permutation test on word-pair statistics.

English text puts its words in pairs that English uses a lot ("part of", "the past"), so the
copy's own order scores far above a random order of the same words. A sentence whose words
were shuffled is itself a random order: its score sits among the shuffles' scores. The test:

- score(order) = the sum over adjacent word pairs of their pointwise mutual information, from
  the English unigram and bigram counts that ship with symspellpy (Google Books n-grams, 82,765
  words and the 242,342 most frequent word pairs, MIT licence); a pair missing from that list
  counts against the order when both words are common enough that English would have used
  it ("the of"), and is read through word classes: the same bigram list counted over classes
  (each of the CLASS_WORDS most common words is a class of its own, any other word the set of
  parts of speech lemminflect gives it: "NOUN|VERB"), so "rakfisk considered" is scored as
  NOUN-then-VERB, a pair English uses, and "considered rakfisk" as VERB-then-NOUN;
- p = the share of random orders of the same words (a fixed number of them, seeded by the
  text, so the result is reproducible) that score higher than the copy's own order (ties count
  half: a text with no evidence either way sits at 0.5).

For a shuffled sentence p is spread evenly between 0 and 1; for English text it is near 0. A
copy with p > MAX_P shows no sign of English order. MAX_P is set on natural copy alone (how
often correct English sentences are flagged), never on shuffled text, and the test runs only on
sentences long enough to tell orders apart (MIN_WORDS). Bigram statistics exist for English
only; other copy languages are skipped.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from typing import Any

from .text import fold

UNIGRAMS = "frequency_dictionary_en_82_765.txt"
BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"
CLASS_TABLE = "order-classes-en.json"  # class_pairs(), built once: .ci/build_order_classes.py
SHUFFLES = 500  # random orders per sentence: the p-value's resolution is 1/501
SHUFFLE_CELLS = 100_000  # shuffled words drawn and scored at a time (all 500 shuffles of 200 words)
MIN_WORDS = 8  # shorter sentences (headlines) have too few orders to tell apart
CLASS_WORDS = 100  # the most common words (function words) are word classes of their own
# p above this: the copy's order is not told apart from shuffles. Chosen on natural copy (the
# WMT22 pt-en dev file's correct English sides, held-out fifth left out), not on shuffled text:
# the smallest of 0.1, 0.2, ... at which this test alone flags at most 1 in 200 correct
# sentences (0.3 % at 0.2).
MAX_P = 0.2
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


@functools.cache
def _counts() -> tuple[dict[str, int], dict[tuple[str, str], int], float, float]:
    """(unigram counts, bigram counts, total unigram count, count assumed for a missing pair)."""
    from importlib.resources import files

    root = files("symspellpy")
    uni: dict[str, int] = {}
    with (root / UNIGRAMS).open(encoding="utf-8") as fh:
        for line in fh:
            word, count = line.split()
            uni[word] = int(count)
    bi: dict[tuple[str, str], int] = {}
    with (root / BIGRAMS).open(encoding="utf-8") as fh:
        for line in fh:
            a, b, count = line.split()
            bi[(a, b)] = int(count)
    return uni, bi, float(sum(uni.values())), min(bi.values()) / 2


def class_pairs() -> dict[tuple[str, str], int]:
    """Class-pair counts of the bigram list: every word pair counted as the pair of its classes.
    Reads all 243,342 pairs through lemminflect (about a second): `_classes` reads the table
    shipped in pipeline/data (CLASS_TABLE, built by .ci/build_order_classes.py) instead where it
    was built with the installed symspellpy and lemminflect."""
    _, bi, _, _ = _counts()
    pairs: dict[tuple[str, str], int] = {}
    for (a, b), count in bi.items():
        key = (word_class(a), word_class(b))
        pairs[key] = pairs.get(key, 0) + count
    return pairs


def table_versions() -> dict[str, str]:
    """The versions of the packages the class table is computed from."""
    from importlib.metadata import version

    return {"symspellpy": version("symspellpy"), "lemminflect": version("lemminflect")}


def _shipped_pairs() -> dict[tuple[str, str], int] | None:
    """The shipped class table, where it was built with the packages installed; else None."""
    import json
    from importlib import resources

    try:
        data = json.loads((resources.files("pipeline") / "data" / CLASS_TABLE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("versions") != table_versions():
        return None
    return {(a, b): int(count) for a, b, count in data["pairs"]}


@functools.cache
def _classes() -> tuple[dict[tuple[str, str], float], dict[str, float], dict[str, float], float]:
    """Class-pair counts of the bigram list, left and right class totals, and the grand total."""
    counts = _shipped_pairs() or class_pairs()
    pairs: dict[tuple[str, str], float] = {}
    left: dict[str, float] = {}
    right: dict[str, float] = {}
    for (ca, cb), count in counts.items():
        pairs[(ca, cb)] = float(count)
        left[ca] = left.get(ca, 0.0) + count
        right[cb] = right.get(cb, 0.0) + count
    return pairs, left, right, float(sum(counts.values()))


@functools.cache
def _common_words() -> frozenset[str]:
    uni = _counts()[0]
    return frozenset(sorted(uni, key=uni.__getitem__, reverse=True)[:CLASS_WORDS])


@functools.lru_cache(maxsize=65536)
def word_class(word: str) -> str:
    """The word itself for the most common words, else its possible parts of speech ("NOUN|VERB")."""
    if word in _common_words():
        return word
    from lemminflect import getAllLemmas

    tags = getAllLemmas(word)
    return "|".join(sorted(tags)) if tags else "OTHER"


def class_pmi(a: str, b: str) -> float:
    """PMI (log10) of the word classes of a and b, side by side in this order; 0 if never seen."""
    pairs, left, right, total = _classes()
    ca, cb = word_class(a), word_class(b)
    count = pairs.get((ca, cb))
    return math.log10(count * total / (left[ca] * right[cb])) if count else 0.0


def words(text: str) -> list[str]:
    """Lower-case words of `text` without accents ("crème brûlée" is "creme brulee": the pattern
    reads ASCII letters, so accented words were cut into "cr", "me", "br", "l", "e", and correct
    copy read as scrambled), possessive 's dropped (the counts have no "trump's")."""
    low = fold(text).replace("’", "'")
    return [w[:-2] if w.endswith("'s") else w for w in _WORD.findall(low)]


def pair_pmi(a: str, b: str) -> float:
    """PMI (log10) of word b right after word a: the pair's own where the bigram list has it;
    else the bound its absence sets (at most 0: absence says something when both words are
    common, nothing when they are rare) plus the PMI of the words' classes."""
    uni, bi, total, missing = _counts()
    ca, cb = uni.get(a), uni.get(b)
    seen = bi.get((a, b))
    if seen and ca and cb:
        return math.log10(seen * total / (ca * cb))
    bound = min(0.0, math.log10(missing * total / (ca * cb))) if ca and cb else 0.0
    return bound + class_pmi(a, b)


def pmi_matrix(ws: list[str]) -> Any:
    """PMI (log10) of every ordered word pair (i, j) (`pair_pmi`; 0 where i == j): n x n cells,
    for a short text (tests, tools); `order_p_value` reads only the pairs its orders put side by
    side."""
    import numpy as np

    n = len(ws)
    out = np.zeros((n, n))
    for i, a in enumerate(ws):
        for j, b in enumerate(ws):
            if i != j:
                out[i, j] = pair_pmi(a, b)
    return out


class _Pairs:
    """`pair_pmi` of the word pairs that orders of one text's words put side by side. Each
    distinct pair is computed once: as a table of every pair of the text's distinct words where
    that is no bigger than the pairs the shuffles hold (any text of ordinary length), else pair
    by pair as the orders meet them. At most min(distinct words², SHUFFLES x words) pairs."""

    def __init__(self, ws: list[str]) -> None:
        import numpy as np

        vocab = {w: i for i, w in enumerate(dict.fromkeys(ws))}
        self.ids = np.array([vocab[w] for w in ws], dtype=np.int64)
        self.said = list(vocab)
        self.known: dict[int, float] = {}
        self.table = None
        if len(vocab) ** 2 <= SHUFFLES * len(ws):
            self.table = np.array([[pair_pmi(a, b) for b in self.said] for a in self.said])

    def scores(self, orders: Any) -> Any:
        """The score of each order (a row of positions in the words): the sum of `pair_pmi` over
        its adjacent pairs, summed as the row of the n x n table's cells was."""
        import numpy as np

        ids = self.ids[orders]
        if self.table is not None:
            return self.table[ids[:, :-1], ids[:, 1:]].sum(axis=1)
        d = len(self.said)
        pairs = ids[:, :-1] * d + ids[:, 1:]  # (first word, second word) as one number
        distinct, where = np.unique(pairs, return_inverse=True)
        values = np.array([self._pmi(c, d) for c in distinct.tolist()])
        return values[where.reshape(pairs.shape)].sum(axis=1)

    def _pmi(self, code: int, d: int) -> float:
        if code not in self.known:
            self.known[code] = pair_pmi(self.said[code // d], self.said[code % d])
        return self.known[code]


@functools.lru_cache(maxsize=4096)  # every pivot's round trip checks the same copy
def order_p_value(text: str) -> float | None:
    """The share of random orders of the text's words that score at least as well as its own
    order (see the module docstring); None for texts shorter than MIN_WORDS words.

    Each distinct word pair is scored once (`_Pairs`: never the n x n table of every pair of
    positions), and the shuffles are drawn and scored SHUFFLE_CELLS words at a time from the one
    seeded stream: time and memory grow linearly with the words (16 KB of "1x1x…" was 42 s and
    827 MB), and the answer is the one the whole table gives."""
    ws = words(text)
    n = len(ws)
    if n < MIN_WORDS:
        return None
    import numpy as np

    pairs = _Pairs(ws)
    own = float(pairs.scores(np.arange(n)[None, :])[0])
    seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
    rng = np.random.default_rng(seed)  # one stream: rows drawn in parts are the rows drawn at once
    rows = max(1, min(SHUFFLES, SHUFFLE_CELLS // n))
    scores = np.concatenate(
        [
            pairs.scores(np.argsort(rng.random((min(rows, SHUFFLES - done), n)), axis=1))
            for done in range(0, SHUFFLES, rows)
        ]
    )
    higher = int((scores > own + 1e-9).sum())
    ties = int((np.abs(scores - own) <= 1e-9).sum())
    return (1 + higher + ties / 2) / (SHUFFLES + 1)  # mid-p: a text with no evidence sits at 0.5
