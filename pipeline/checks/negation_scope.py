"""A negator's clause: what stands around a negative word decides whether it negates anew
(negation.cues reads the clause; these are its rules for concord, "ne ... que" and "only")."""

from __future__ import annotations

import bisect
import functools
import re

from . import negation_forms as forms
from .clauses import clause_start, clause_words, said_between
from .lexicon import CLAUSE_BREAK, NEG_CONCORD, NEG_IDIOMS, ONLY_WORDS
from .text import Token, tokens

CONCORD_WINDOW = 6  # a concord word further than this many words from its negator negates anew
# the negative words that coordinate ("neither ... nor", "ni ... ni", "nem ... nem"), folded
CORRELATIVES: dict[str, frozenset[str]] = {
    "en": frozenset({"neither", "nor"}),
    "es": frozenset({"ni"}),
    "pt": frozenset({"nem"}),
    "fr": frozenset({"ni"}),
    "ca": frozenset({"ni"}),
}
_HARD_BREAK = re.compile(CLAUSE_BREAK.pattern.replace(",", ""))  # a clause's end that a comma is not
LETTERS = re.compile(r"[^\W\d_]+")  # the words of a folded text, letters only
CORRELATION_REACH = 120  # characters back to where the coordination's previous member may stand


def continues_correlation(w: str, lang: str, folded: str, at: int) -> bool:
    """A coordinating negative word right after a comma whose clause opened the coordination with
    one of its own ("no es ni un directorio, ni un enlace", "não é nem um directório, nem um
    symlink", "neither a file, nor a link"): one negation, where the comma made it count two.
    Not after a conjunction ("ni tiempo ni dinero, y ni se te ocurra": a clause of its own)."""
    words = CORRELATIVES.get(lang)
    if not words or w not in words:
        return False
    before = folded[max(0, at - CORRELATION_REACH) : at].rstrip()
    if not before.endswith(","):
        return False
    breaks = list(_HARD_BREAK.finditer(before, 0, len(before) - 1))
    head = before[breaks[-1].end() if breaks else 0 : -1]
    return any(t in words for t in LETTERS.findall(head))


def repeats_n_word(w: str, lang: str, folded: str, found: list[tuple[int, int]], at: int) -> bool:
    """Catalan says a negative word before its verb again with "no" ("Ningú no va venir", "Res no
    canviarà" = nobody came, nothing will change), French with "ne" ("Aucun fichier n'a été
    trouvé", "Rien ne va"): one negation, where it counted two (`w` at `at`). The caller asks
    within a clause; in French no word that opens another clause may stand between ("Aucun
    problème si vous ne venez pas", "Aucun fichier trouvé mais ne supprimez pas": two)."""
    said_again = w == "no" if lang == "ca" else lang == "fr" and (w == "ne" or w.startswith("n'"))
    if not (said_again and found and folded[found[-1][0] : found[-1][1]] in NEG_CONCORD[lang]):
        return False
    return lang != "fr" or not _opens_clause(folded[found[-1][1] : at])


# French words that open another clause or join two: a "ne" after one of them belongs to its own
_FR_CLAUSE_OPENERS = frozenset("et mais ou car si que qu qui quand lorsque dont puisque parce comme".split())


def _opens_clause(between: str) -> bool:
    """A word of `between` (French, folded) opens or joins another clause."""
    return any(
        t.text in _FR_CLAUSE_OPENERS or t.text.startswith(("qu'", "lorsqu'", "puisqu'"))
        for t in tokens(between)
    )


# What opens a clause whose French "ne" is expletive: "avant que", "à moins que", "de peur que",
# "de crainte que", "sans que", a verb of fearing or preventing ("je crains qu'il ne vienne",
# "éviter qu'il ne tombe"), and a comparison ("plus grand qu'on ne le pense"; not a quantity,
# "plus de deux ans que je ne l'ai vu")
_EXPLETIVE_OPENER = re.compile(
    r"\b(?:(?:avant|moins|peur|crainte|sans)\s+|(?:crain|craign|redout|evit|empech)\w*\s+"
    r"|(?:plus|moins|mieux|pire|autre|autrement)\s+(?!de\b|d')(?:\w+\s+){0,3}?)qu(?:e\b|')"
)
EXPLETIVE_SUBJECT = 8  # words between the opener's "que" and its "ne" (the clause's subject)
_NEGATIVE_BEFORE_OPENER = frozenset(
    "personne nul nulle rien aucun aucune jamais".split()
)  # "Personne d'autre que"


def expletive_ne(folded: str, start: int, end: int) -> bool:
    """A French "ne" (at `start`, its word read to `end`) with no negative word after it, whose
    clause "avant que", "à moins que", "de peur que", "sans que" or a comparison opened, with at most
    a subject between: the expletive "ne" ("avant que les touches ne commencent" = "before the
    keys start") negates nothing. Not after a negative word ("Personne d'autre que vous ne peut")."""
    if any(w in NEG_CONCORD["fr"] for w in clause_words(folded, end, CONCORD_WINDOW)):
        return False
    opened = clause_start(folded, start)
    found = list(_EXPLETIVE_OPENER.finditer(folded, opened, start))
    if not found:
        return False
    subject = tokens(folded[found[-1].end() : start])
    before = tokens(folded[opened : found[-1].start()])
    return (
        len(subject) <= EXPLETIVE_SUBJECT
        and not _opens_clause(folded[found[-1].end() : start])
        and not any(t.text in _NEGATIVE_BEFORE_OPENER for t in before)
    )


# The expletive negation of "until" ("finché non è rilasciato", "hasta que no termine" = "until"),
# and the words after it that make it a real one ("finché non compare più": until it no longer appears)
_UNTIL_OPENER = {
    "it": re.compile(r"\b(?:finche|fino\s+a\s+(?:quando|che))\s+$"),
    "es": re.compile(r"\bhasta\s+que\s+$"),
}
_STILL_NEGATED = {"it": NEG_CONCORD["it"] | {"piu"}, "es": NEG_CONCORD["es"] | {"mas"}}


def expletive_until(w: str, lang: str, folded: str, start: int, end: int) -> bool:
    """Italian "non" right after "finché" (or "fino a quando", "fino a che"), Spanish "no" right
    after "hasta que": "until", no negation, unless a negative word or "più"/"más" follows in its
    clause ("finché non compare più il messaggio")."""
    opener = _UNTIL_OPENER.get(lang)
    if opener is None or w not in ("non", "no") or not opener.search(folded, max(0, start - 20), start):
        return False
    return not any(x in _STILL_NEGATED[lang] for x in clause_words(folded, end, CONCORD_WINDOW))


def silent_ne(w: str, folded: str, start: int, end: int, clause_cues: list[tuple[int, int]]) -> bool:
    """A French "ne" (`w`, at `start`..`end`) that negates nothing new: "ne ... que" (only), a "ne"
    said again after a negative word among `clause_cues` (the negators counted so far in its
    clause), or the expletive "ne"."""
    return (
        restrictive_que(folded, end)
        or (bool(clause_cues) and repeats_n_word(w, "fr", folded, clause_cues, start))
        or expletive_ne(folded, start, start + 2 if w != "ne" else end)
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


_CLOSED = r"(?=\s*(?:[^\w\s]|$|(?:and|but|e|et|y|und|ma|mas|mais|pero|aber)\b))"  # "or not," / "ou não e"


@functools.cache
def _idiom_pattern(lang: str) -> re.Pattern[str] | None:
    idioms = [i for i in NEG_IDIOMS.get(lang, ()) if "..." not in i]
    said = [re.escape(i[:-2]) + _CLOSED if i.endswith(" ,") else re.escape(i) for i in idioms]
    return re.compile(r"(?<!\w)(?:" + "|".join(said) + r")(?!\w)") if said else None


def idiom_spans(folded: str, lang: str) -> list[tuple[int, int]]:
    """The idioms' spans and those of an "or not" closing a "whether" (`whether_or_not`), in
    order, none over another."""
    pat = _idiom_pattern(lang)
    found = [] if pat is None else [(m.start(), m.end()) for m in pat.finditer(folded)]
    out: list[tuple[int, int]] = []
    for start, end in sorted(found + whether_or_not(folded, lang)):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def in_idiom(pos: int, idioms: list[tuple[int, int]], starts: list[int]) -> bool:
    """`pos` falls inside one of the idioms (`idiom_spans`, in order, none over another; `starts`:
    where each starts): the last one to start at or before `pos` is the only one that may."""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < idioms[i][1]
