"""Words that negate without a negator (`negation` weighs them against a difference in negator
counts): the listed ones ("without", "lacks", "few", "sin", "falta") and words made negative by an
affix ("unable", "insuficiente", "useless", "unterminated"), and "cannot" said with an adjective
("Impossível abrir" = "No se puede abrir", `cannot_said_alike`)."""

from __future__ import annotations

import functools
import re

from .lexicon import (
    CAN,
    CANNOT_STEMS,
    IMPLICIT_IDIOMS,
    NEG_AFFIXES,
    NEG_HYPHEN_ONLY,
    NEG_HYPHEN_SUFFIXES,
    NEG_IMPLICIT,
    VERBAL_NOUN_ENDINGS,
)
from .negation_forms import free_compound
from .text import fold, inside, tokens, zipf
from .wordnet_antonyms import prefixed_opposite, un_participle

CAN_AFTER = 3  # words after a negator that may be the "can" it negates ("no se le puede", "não foi possível")
_CAN = {lang: re.compile(rf"(?:{forms})(?:n't|not)?") for lang, forms in CAN.items()}
AFFIX_STEM_ZIPF = 3.0  # un-able: the rest must be a word at least this common
WEAK_AFFIX_STEM_LEN = 6  # in-suficiente: after a weak prefix, the rest must be this long too


@functools.lru_cache(maxsize=8192)
def implicit(text: str, lang: str) -> tuple[str, ...]:
    """Words that negate without a negator: "without", "lacks", "few", and words made negative by
    an affix ("unable", "insuficiente", "useless"). They explain a difference in negator counts."""
    listed = NEG_IMPLICIT.get(lang, frozenset())
    strong, weak, suffixes = NEG_AFFIXES.get(lang, ((), (), ()))
    fused = tuple(p for p in strong + weak if p not in NEG_HYPHEN_ONLY.get(lang, frozenset()))
    hyphen_suffixes = NEG_HYPHEN_SUFFIXES.get(lang, frozenset())
    out = []
    folded = fold(text)
    toks = tokens(folded)
    idiom = IMPLICIT_IDIOMS.get(lang)  # "sin embargo"; of "no solo ... sino", the "sino"
    inert = [m.span(m.lastgroup or 0) for m in idiom.finditer(folded)] if idiom else []
    for i, tok in enumerate(toks):
        if inside(tok.start, inert):
            continue
        w = tok.text.replace("-", "")
        spelt = text[tok.start : tok.end].lower().replace("-", "")  # accents kept, for frequencies
        hyphened = (
            (folded[tok.end : tok.end + 1] == "-" and tok.text in strong)
            or (
                tok.text in hyphen_suffixes  # "sulphate-free", "palm oil free"
                and (
                    folded[tok.start - 1 : tok.start] == "-"
                    or (lang == "en" and free_compound(folded, toks, i))
                )
            )
        )
        if w in listed or hyphened or _affixed(w, spelt, lang, fused, strong, suffixes):
            out.append(tok.text)
    return tuple(out)


def _affixed(
    w: str, spelt: str, lang: str, fused: tuple[str, ...], strong: tuple[str, ...], suffixes: tuple[str, ...]
) -> bool:
    """`w` (folded; `spelt`: the same word with its accents) made negative by a prefix written
    fused to it (`fused`: the language's prefixes but those that negate only hyphenated) or by a
    suffix. Frequencies are read for the word as written and as folded: folding loses what an
    accent tells ("inválidos": "validos" is rare in Portuguese, "válidos" common)."""

    def freq(a: str, b: str) -> float:
        return max(zipf(a, lang), zipf(b, lang))

    if lang == "en" and un_participle(w):
        return True  # "unterminated", rare as a whole word
    verbal_noun = lang != "en" and w.endswith(VERBAL_NOUN_ENDINGS.get(lang, ()))
    for p in () if verbal_noun else fused:
        rest = w[len(p) :]
        if not w.startswith(p) or len(rest) < 3:
            continue
        if lang == "en" and prefixed_opposite(w, rest):
            return True
        if len(rest) >= 4 and freq(rest, spelt[len(p) :]) >= AFFIX_STEM_ZIPF:
            if p in strong or (lang != "en" and len(rest) >= WEAK_AFFIX_STEM_LEN):
                # an English "un-"/"non-" before a common word negates it however rare the whole
                # ("nonportable", "unescaped"); elsewhere the whole must be a word of the language
                return freq(w, spelt) > 0 or (lang == "en" and p in strong)
    for sfx in suffixes:
        rest = w[: -len(sfx)]
        if w.endswith(sfx) and len(rest) >= 3 and freq(rest, spelt[: -len(sfx)]) >= AFFIX_STEM_ZIPF:
            return True
    return False


def cannot_said_alike(more: str, more_lang: str, cues: tuple[tuple[int, int], ...], fewer: str) -> int:
    """How many negators of `more` (folded) negate a "can" ("no se puede", "não foi possível",
    "cannot", "n'a pas pu") that `fewer` (folded, the side with fewer negators) says with a word of
    impossibility of its own ("impossível", "imposible de", "incapaz de", "unable to"): "cannot"
    both ways, no difference of meaning. An impossibility word both sides write counts for neither."""
    can = _CAN.get(more_lang)
    if can is None or not cues:
        return 0
    toks = tokens(more)
    said = sum(t.text.startswith(CANNOT_STEMS) for t in tokens(fewer))
    said -= sum(t.text.startswith(CANNOT_STEMS) for t in toks)
    if said <= 0:
        return 0
    starts = {t.start: i for i, t in enumerate(toks)}
    negated = 0
    for start, _ in cues:
        i = starts.get(start)
        # the "can" before the negator ("could not"), after it ("no se puede", "não foi possível")
        # or the negator itself ("cannot", "can't")
        if i is not None and any(can.fullmatch(t.text) for t in toks[max(0, i - 1) : i + 1 + CAN_AFTER]):
            negated += 1
    return min(negated, said)
