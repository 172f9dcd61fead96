"""Word order: a translation whose words are scrambled keeps the words but not their order.

The translation is compared with the engine's forward translation of the source, and the
back-translation with the source (same language each time), on two measures:
- Kendall's tau over words that occur once on both sides (1 = same order, 0.5 = random);
- the share of word pairs (bigrams) found on the other side, relative to the share of words.
A correct but free translation reorders phrases (tau stays high: phrases move as blocks) and
keeps most local word pairs; scrambled words lose both. Source-aware mode only: a round trip
of a scrambled copy comes back just as scrambled.

Free professional translation rewords so much that both measures can fall with nothing
scrambled (few words shared, each phrase said anew). English copy is therefore also asked
whether its own order is English (checks/word_order.py: the permutation test on English word
pairs): an order that beats 99 % of random orders of its words (p < ENGLISH_ORDER_P, a plain
1 % significance level) is not scrambled, whatever the engine's rendering says.
"""

from __future__ import annotations

from collections import Counter

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .text import words
from .thresholds import threshold

MIN_ANCHORS = 6  # words shared once on both sides needed to judge the order (five: too few)
ENGLISH_ORDER_P = 0.01  # English copy whose own order is significantly English is not scrambled


def kendall_tau(hyp: list[str], ref: list[str]) -> float | None:
    """Share of concordant pairs among words that occur exactly once in both lists, letters alone
    left out: an initial or a piece of an abbreviation is no word to place ("M." for "Monsieur"
    matched the "M" of the engine's "à.M.", "a.m.", and a correct French pair failed as scrambled)."""
    ch, cr = Counter(hyp), Counter(ref)
    pos = {w: i for i, w in enumerate(ref) if cr[w] == 1 and len(w) > 1}
    seq = [pos[w] for w in hyp if ch[w] == 1 and w in pos]
    n = len(seq)
    if n < MIN_ANCHORS:
        return None
    concordant = sum(1 for i in range(n) for j in range(i + 1, n) if seq[i] < seq[j])
    return concordant / (n * (n - 1) / 2)


def bigram_keep(hyp: list[str], ref: list[str]) -> float | None:
    """Share of the hypothesis' word pairs found in the reference, over its share of words."""
    if len(hyp) < 3 or not ref:
        return None
    ref_set = set(ref)
    uni = sum(1 for w in hyp if w in ref_set) / len(hyp)
    if uni == 0:
        return None
    ref_bi = set(zip(ref, ref[1:], strict=False))
    hyp_bi = list(zip(hyp, hyp[1:], strict=False))
    bi = sum(1 for b in hyp_bi if b in ref_bi) / len(hyp_bi)
    return bi / uni


def order_scores(inp: CheckInput) -> tuple[float, float] | None:
    """(mean tau, mean bigram keep) over the available engine views, or None."""
    pairs = []
    if inp.forward is not None:
        pairs.append((list(words(inp.target)), list(words(inp.forward))))
    if inp.back is not None:
        pairs.append((list(words(inp.back)), list(words(inp.source))))
    taus = [t for t in (kendall_tau(h, r) for h, r in pairs) if t is not None]
    bis = [b for b in (bigram_keep(h, r) for h, r in pairs) if b is not None]
    if not taus or not bis:
        return None
    return sum(taus) / len(taus), sum(bis) / len(bis)


ORDER = Check("order", "critical", "Word order scrambled", modes=("source",))


@register(ORDER)
def check_order(inp: CheckInput) -> list[Flag]:
    """The translation keeps the order of the engine's rendering of the source, word pairs included."""
    scores = order_scores(inp)
    if scores is None:
        return []
    tau, keep = scores
    if tau < threshold(inp, "order_tau") and keep < threshold(inp, "order_bigram_keep"):
        if english_order(inp):
            return []
        return [
            ORDER.flag(
                f"the words are out of order: order agreement {tau:.2f} (random is 0.5), "
                f"word pairs kept {keep:.0%} of the words kept",
                (Span("text", 0, len(inp.target)),),
            )
        ]
    return []


def english_order(inp: CheckInput) -> bool:
    """English copy whose words stand in an order English uses (permutation test, p < 1 %); copy
    of an English source, whose back-translation does (a rule-based engine keeps a scrambled copy
    scrambled, and renders "tipo de sección desconocido" as English)."""
    english = inp.target if inp.target_lang == "en" else inp.back if inp.source_lang == "en" else None
    if english is None:
        return False
    from .word_order import order_p_value

    p = order_p_value(english)
    return p is not None and p < ENGLISH_ORDER_P
