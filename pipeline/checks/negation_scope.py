"""A negator's clause: what stands around a negative word decides whether it negates anew
(negation.cues reads the clause; these are its rules for concord, "ne ... que" and "only")."""

from __future__ import annotations

import functools
import re

from . import negation_forms as forms
from .clauses import clause_start, clause_words, said_between
from .lexicon import NEG_CONCORD, ONLY_WORDS
from .text import Token

CONCORD_WINDOW = 6  # a concord word further than this many words from its negator negates anew


def repeats_n_word(w: str, lang: str, folded: str, found: list[tuple[int, int]]) -> bool:
    """Catalan says a negative word before its verb again with "no" ("Ningú no va venir", "Res no
    canviarà" = nobody came, nothing will change): one negation, where it counted two."""
    return (
        lang == "ca"
        and w == "no"
        and bool(found)
        and folded[found[-1][0] : found[-1][1]] in NEG_CONCORD["ca"]
    )


def restrictive_que(folded: str, end: int) -> bool:
    """French "ne ... que" with no negative word between: a restriction ("only"), not a negation."""
    for w in clause_words(folded, end, CONCORD_WINDOW):
        if w in NEG_CONCORD["fr"]:
            return False
        if w in ("que", "qu") or w.startswith(("qu'", "qu\u2019")):
            return True
    return False


def only_follows(folded: str, end: int, lang: str) -> bool:
    """An "only" word in the clause after a negator ("não cria apenas" = "not only creates")."""
    only = ONLY_WORDS.get(lang)
    if not only:
        return False
    return any(w in only for w in clause_words(folded, end, forms.ONLY_WINDOW))


# What stands before the noun "pas" (a step, a pitch): an article, a determiner, an adjective that
# goes before it ("un pas", "ce premier pas", "le pas de vis"), or "à" of "pas à pas".
_PAS_NOUN_BEFORE = frozenset(
    "le la les l un une des du au aux ce cet mon ton son notre votre leur nos vos leurs chaque quelques "
    "premier dernier grand petit faux meme bon mauvais nouveau a".split()
)


def bare_pas(toks: tuple[Token, ...], i: int) -> bool:
    """French "pas" negating without "ne", as short copy and speech write it ("Pas d'aide
    disponible", "Pas tous les caractères", "je sais pas"): not the noun after a determiner,
    nor "pas à pas"."""
    if toks[i].text != "pas":
        return False
    before = toks[i - 1].text if i else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    return before not in _PAS_NOUN_BEFORE and after != "a"


# "or not" closing an alternative, and the words that open one ("whether", "si", "se"): "Se esta
# etiqueta afeta ou não a largura" = "whether or not this tag affects the width" negates nothing,
# wherever the "or not" stands in the clause (NEG_IDIOMS reads it only before a break)
_OR_NOT = {
    "en": "or not",
    "es": "o no",
    "ca": "o no",
    "pt": "ou nao",
    "fr": "ou non|ou pas",
    "it": "o no|o non",
}
_WHETHER = {
    "en": frozenset({"whether", "if"}),
    "es": frozenset({"si"}),
    "ca": frozenset({"si"}),
    "pt": frozenset({"se"}),
    "fr": frozenset({"si"}),
    "it": frozenset({"se"}),
}


@functools.cache
def _or_not(lang: str) -> re.Pattern[str] | None:
    said = _OR_NOT.get(lang)
    return re.compile(r"(?<!\w)(?:" + said + r")(?!\w)") if said else None


def whether_or_not(folded: str, lang: str) -> list[tuple[int, int]]:
    """The spans of "or not" that close an alternative a "whether" word opened earlier in its
    clause (a folded text): no negation."""
    pat = _or_not(lang)
    if pat is None:
        return []
    return [
        m.span()
        for m in pat.finditer(folded)
        if said_between(folded, clause_start(folded, m.start()), m.start(), _WHETHER[lang])
    ]
