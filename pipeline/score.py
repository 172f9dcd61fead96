"""sacreBLEU wrappers: chrF (primary), BLEU with effective order, TER; clamped to their ranges.

The reference is the original text, the hypothesis the text that came back (round trip,
back-translation or forward translation). Metric signatures go into the report signature.
"""

from __future__ import annotations

import functools
from typing import Any

from .records import Scores


@functools.cache
def _metrics() -> tuple[Any, Any, Any]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    return CHRF(), BLEU(effective_order=True), TER()


def _clamp(x: float, lo: float = 0.0, hi: float = 100.0) -> float:
    return min(hi, max(lo, float(x)))


def sentence_scores(hypothesis: str, reference: str) -> Scores:
    hyp, ref = hypothesis.strip(), reference.strip()
    if not ref:
        return Scores(100.0, 100.0, 0.0) if not hyp else Scores(0.0, 0.0, 100.0)
    if not hyp:
        return Scores(0.0, 0.0, 100.0)
    chrf, bleu, ter = _metrics()
    return Scores(
        chrf=_clamp(chrf.sentence_score(hyp, [ref]).score),
        bleu=_clamp(bleu.sentence_score(hyp, [ref]).score),
        ter=_clamp(ter.sentence_score(hyp, [ref]).score),
    )


def chrf(hypothesis: str, reference: str) -> float:
    if not reference.strip() or not hypothesis.strip():
        return 100.0 if hypothesis.strip() == reference.strip() else 0.0
    return _clamp(_metrics()[0].sentence_score(hypothesis, [reference]).score)


def corpus_scores(hypotheses: list[str], references: list[str]) -> Scores:
    pairs = [(h, r) for h, r in zip(hypotheses, references) if r.strip()]
    if not pairs:
        return Scores(0.0, 0.0, 100.0)
    hyps = [h for h, _ in pairs]
    refs = [[r for _, r in pairs]]
    chrf_m, _, ter_m = _metrics()
    from sacrebleu.metrics import BLEU

    return Scores(
        chrf=_clamp(chrf_m.corpus_score(hyps, refs).score),
        bleu=_clamp(BLEU().corpus_score(hyps, refs).score),
        ter=_clamp(ter_m.corpus_score(hyps, refs).score),
    )


def metric_signatures() -> dict[str, str]:
    chrf_m, bleu_m, ter_m = _metrics()
    import sacrebleu

    return {
        "sacrebleu": sacrebleu.__version__,
        "chrf": str(chrf_m.get_signature()),
        "bleu": str(bleu_m.get_signature()),
        "ter": str(ter_m.get_signature()),
    }
