"""sacreBLEU wrappers: chrF (primary), BLEU with effective order, TER; clamped to their ranges.

The reference is the original text, the hypothesis the text that came back (round trip,
back-translation or forward translation). Each pair's sufficient statistics are computed
once through sacreBLEU's public API (chrF's n-gram counts with its public extractor; TER's edits
with pipeline/core/ter.py, sacreBLEU's search made faster, same numbers): sentence scores and
corpus scores both derive from them, and large batches are spread over the CPU cores. Metric signatures go into
the report signature.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..errors import EngineError
from ..machine import cpus
from ..pieces import aligned_cuts
from ..records import Scores
from .ter import edits as ter_edits

Comparison = tuple[str, str]  # (hypothesis, reference)
PARALLEL_MIN_PAIRS = 400  # below this a process pool costs more than it saves


@functools.cache
def _metrics() -> tuple[Any, Any, Any, Any]:
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    # sentence BLEU needs effective order (else short sentences score 0); corpus BLEU does not
    return CHRF(), BLEU(effective_order=True), TER(), BLEU()


@dataclass(frozen=True)
class PairStats:
    """Sufficient statistics of one (hypothesis, reference) pair; None when a side is empty.

    chrf: (hyp, ref, match) character n-gram counts per order; bleu: (hyp length, ref length,
    matches per order, totals per order); ter: (edits, reference length). They add up over pairs
    (a corpus, or the batches of a run) and the scores are computed from the sums.
    `pieces` > 1: TER was computed over aligned pieces of a long pair (see `ter_pieces`)."""

    chrf: tuple[int, ...] | None
    bleu: tuple[int, ...] | None
    ter: tuple[float, float] | None
    empty: Scores | None = None
    pieces: int = 1


# TER's shift search grows much faster than the text (measured with sacreBLEU 2.6 on repetitive
# text: 25 words 5 ms, 50 words 0.18 s, 100 words 1.8 s, 200 words 9 s). A pair longer than
# TER_MAX_WORDS on either side is scored in aligned pieces of about PIECE_WORDS words (the
# hypothesis cut where its words line up with the reference cut); the pieces' statistics add
# up like a corpus. Every sentence of the labelled dev sets is shorter (at most 36 words).
TER_MAX_WORDS = 64
PIECE_WORDS = 32  # aligned_cuts makes one piece up to 2 * PIECE_WORDS = TER_MAX_WORDS


def _clamp(x: float, lo: float = 0.0, hi: float = 100.0) -> float:
    return min(hi, max(lo, float(x)))


def pair_stats(hypothesis: str, reference: str) -> PairStats:
    hyp, ref = hypothesis.strip(), reference.strip()
    if not ref and not hyp:
        return PairStats(None, None, None, Scores(100.0, 100.0, 0.0))
    if not ref or not hyp:
        return _one_sided(hyp, ref)
    _, bleu, ter, _ = _metrics()
    b = bleu.sentence_score(hyp, [ref])
    pieces = ter_pieces(hyp.split(), ref.split())
    edits: float = 0
    ref_length: float = 0
    for h, r in pieces:  # the pieces' statistics add up like a corpus
        words_ref = ter.tokenizer(r.rstrip()).split()  # what TER.sentence_score compares
        edits += ter_edits(ter.tokenizer(h.rstrip()).split(), words_ref)
        ref_length += len(words_ref) / 1  # sacreBLEU's average over one reference: a float
    return PairStats(
        _chrf_stats(hyp, ref),
        (b.sys_len, b.ref_len, *b.counts, *b.totals),
        (edits, ref_length),
        pieces=len(pieces),
    )


def _one_sided(hyp: str, ref: str) -> PairStats:
    """A pair with one side empty (a sentence the other side lacks): the worst sentence scores, and
    for the corpus its character n-grams, words and edits counted on its side, none matched.
    (sacreBLEU's chrF counts no hypothesis n-gram against an empty reference: its corpus chrF would
    score a document with an added sentence as if the sentence were not there.) A side over the
    segment limit was never translated (unverifiable, left out of the corpus): not counted."""
    from ..engines import MAX_SEGMENT_CHARS

    if len(hyp or ref) > MAX_SEGMENT_CHARS:
        return PairStats(None, None, None, Scores(0.0, 0.0, 100.0))
    _, bleu, ter, _ = _metrics()
    b = bleu.sentence_score(hyp, [ref])
    words = float(len(ter.tokenizer(hyp or ref).split()))  # an insertion or a deletion each
    chrf = [
        n
        for h, r in zip(_char_ngrams(hyp), _char_ngrams(ref), strict=True)
        for n in (sum(h.values()), sum(r.values()), 0)
    ]
    return PairStats(
        tuple(chrf),
        (b.sys_len, b.ref_len, *b.counts, *b.totals),
        (words, 0.0 if not ref else words),
        Scores(0.0, 0.0, 100.0),
    )


def _chrf_stats(hyp: str, ref: str) -> tuple[int, ...]:
    """(hyp, ref, match) counts per character n-gram order, as chrF counts them (one reference).

    sacreBLEU's public API gives a chrF score but not its statistics, so they are counted here
    with its public n-gram extractor; chrF++ word n-grams are not used (word_order 0)."""
    out: list[int] = []
    for h, r in zip(_char_ngrams(hyp), _char_ngrams(ref), strict=True):
        match = sum(min(count, r[gram]) for gram, count in h.items() if gram in r)
        out += [sum(h.values()) if r else 0, sum(r.values()), match]
    return tuple(out)


@functools.lru_cache(maxsize=256)
def _char_ngrams(text: str) -> list[Counter[str]]:
    """chrF's character n-gram counts of one side, per order. Memoized over the last few texts
    (a sentence's counters take tens of kB): a source is the reference of its back-translation and
    of its own round trip, scored one after the other, and repeats across a file's variants."""
    from sacrebleu.metrics.helpers import extract_all_char_ngrams

    chrf = _metrics()[0]
    grams: list[Counter[str]] = extract_all_char_ngrams(
        text.lower() if chrf.lowercase else text, chrf.char_order, chrf.whitespace
    )
    return grams


def _chrf_score(stats: list[int]) -> float:
    """chrF from summed statistics: the average precision and recall over the orders that have
    n-grams on both sides (sacreBLEU's default, effective-order smoothing), F-beta of the two."""
    chrf = _metrics()[0]
    factor: float = chrf.beta**2
    avg_prec = avg_rec = 0.0
    effective = 0
    for i in range(chrf.char_order):
        n_hyp, n_ref, n_match = stats[3 * i : 3 * i + 3]
        if n_hyp > 0 and n_ref > 0:
            avg_prec += n_match / n_hyp
            avg_rec += n_match / n_ref
            effective += 1
    if effective:
        avg_prec /= effective
        avg_rec /= effective
    if not avg_prec + avg_rec:
        return 0.0
    score = (1 + factor) * avg_prec * avg_rec
    score /= (factor * avg_prec) + avg_rec
    return 100 * score


def _bleu_score(metric: Any, stats: list[int]) -> float:
    from sacrebleu.metrics.bleu import BLEU

    n = metric.max_ngram_order
    return float(
        BLEU.compute_bleu(
            correct=stats[2 : 2 + n],
            total=stats[2 + n :],
            sys_len=int(stats[0]),
            ref_len=int(stats[1]),
            smooth_method=metric.smooth_method,
            smooth_value=metric.smooth_value,
            effective_order=metric.effective_order,
            max_ngram_order=n,
        ).score
    )


def _ter_score(edits: float, ref_length: float) -> float:
    if ref_length > 0:
        return 100 * (edits / ref_length)
    return 100.0 if edits > 0 else 0.0


def _sums(rows: list[tuple[Any, ...]]) -> list[Any]:
    return [sum(col) for col in zip(*rows, strict=True)]


def ter_pieces(hyp: list[str], ref: list[str]) -> list[tuple[str, str]]:
    """(hypothesis, reference) pieces: the whole pair when it is short, else aligned pieces of
    about PIECE_WORDS words (pipeline/pieces.py), so the cost is linear in the length."""
    if max(len(hyp), len(ref)) <= TER_MAX_WORDS:
        return [(" ".join(hyp), " ".join(ref))]
    return [(" ".join(hyp[a:b]), " ".join(ref[c:d])) for a, b, c, d in aligned_cuts(hyp, ref, PIECE_WORDS)]


def _stats_chunk(pairs: list[tuple[str, str]]) -> list[PairStats]:
    return [pair_stats(h, r) for h, r in pairs]


def uses_pool(n: int) -> bool:
    """Whether `many_stats` spreads `n` distinct pairs over worker processes."""
    return n >= PARALLEL_MIN_PAIRS and min(cpus(), 8) >= 2


def many_stats(pairs: list[tuple[str, str]]) -> list[PairStats]:
    """Statistics for many pairs, in order. Identical pairs are scored once (a source's own round
    trip repeats for every variant of it), and many pairs are spread over the CPU cores (TER is slow)."""
    unique = list(dict.fromkeys(pairs))
    if len(unique) < len(pairs):
        found = dict(zip(unique, many_stats(unique)))
        return [found[p] for p in pairs]
    workers = min(cpus(), 8)
    if not uses_pool(len(pairs)):
        return _stats_chunk(pairs)
    from concurrent.futures.process import BrokenProcessPool

    from .workers import ended, process_pool

    size = -(-len(pairs) // (workers * 4))
    chunks = [pairs[i : i + size] for i in range(0, len(pairs), size)]
    pool = process_pool(workers)  # the forkserver has sacreBLEU imported: workers start ready to score
    try:
        return [s for part in pool.map(_stats_chunk, chunks) for s in part]
    except BrokenProcessPool:  # the caller got a raw traceback of the pool's
        raise EngineError(ended("a scoring process")) from None
    finally:  # on an error or an interrupt: drop the queued chunks, do not score them first
        pool.shutdown(wait=True, cancel_futures=True)


@functools.lru_cache(maxsize=4096)
def scores_from(st: PairStats) -> Scores:
    """One pair's scores (BLEU with effective order, as sentence BLEU should be)."""
    return st.empty if st.empty is not None else _scores([st], _metrics()[1])


def corpus_from(stats: list[PairStats]) -> Scores | None:
    """Corpus scores from the pairs' summed statistics (a pair with one side empty counts its side;
    a pair with both sides empty has nothing to count); None where nothing counts (every segment
    unverifiable: a document with no score, not the worst one)."""
    kept = [s for s in stats if s.chrf is not None]
    return _scores(kept, _metrics()[3]) if kept else None


def _scores(stats: list[PairStats], bleu: Any) -> Scores:
    edits, ref_length = _sums([s.ter for s in stats if s.ter is not None])
    return Scores(
        chrf=_clamp(_chrf_score(_sums([s.chrf for s in stats if s.chrf is not None]))),
        bleu=_clamp(_bleu_score(bleu, _sums([s.bleu for s in stats if s.bleu is not None]))),
        ter=_clamp(_ter_score(edits, ref_length)),
    )


def prepare() -> None:
    """Import sacreBLEU and build its metrics (about half a second), ahead of the first score; the
    loop calls it on a background thread while the engine translates."""
    metric_signatures()


def metric_signatures() -> dict[str, str]:
    chrf_m, bleu_m, ter_m, _ = _metrics()
    import sacrebleu

    for m in (chrf_m, bleu_m, ter_m):  # a signature needs the number of references: score once
        m.sentence_score("a", ["a"])
    return {
        "sacrebleu": sacrebleu.__version__,
        "chrf": str(chrf_m.get_signature()),
        "bleu": str(bleu_m.get_signature()),
        "ter": str(ter_m.get_signature()),
    }
