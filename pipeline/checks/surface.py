"""Surface checks: an empty translation, one cut off mid-sentence, a length far from expected.

The expected length is the engine's forward translation of the source when there is one
(same language as the translation), else the source itself.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .lexicon import ARTICLE_PRONOUNS, COORDINATORS, DANGLING, PREPOSITIONS
from .text import Token, attached, fold, has_letters, tokens
from .thresholds import threshold

MIN_LENGTH_CHARS = 20  # shorter texts vary too much in length to judge a ratio
_END_DANGLING = re.compile(r"[,;:\-–—(\[]\s*$")
_FINAL = re.compile(r"[\s.!?…\"'»”’)\]]*$")


def _letters(text: str) -> int:
    return sum(map(str.isalnum, text))


# A line of these characters alone separates sections ("* * *", "---"): not an empty sentence.
_SEPARATOR = re.compile(r"^[\s\-–—_*=~#·•/\\|+]+$")


def empty_copy(text: str) -> bool:
    """The copy says nothing: no letter, no digit, no symbol (an emoji or a star rating "★★★★☆" is
    what the copy means to say: "👍" failed as empty), and not a section separator."""
    return not any(c.isalnum() or unicodedata.category(c) == "So" for c in text) and not _SEPARATOR.match(
        text
    )


EMPTY = Check("empty", "critical", "Empty translation", also=("major",))


@register(EMPTY)
def check_empty(inp: CheckInput) -> list[Flag]:
    """The translation has words when the source has (round trip: the copy has words at all)."""
    if inp.mode == "roundtrip":
        if not empty_copy(inp.source):
            return []
        return [EMPTY.flag("the copy is empty: no words", (Span("source", 0, len(inp.source)),))]
    src, tgt = has_letters(inp.source), has_letters(inp.target)
    if src and not tgt:
        return [
            EMPTY.flag(
                "the translation is empty but the source is not",
                (Span("source", 0, len(inp.source)),),
            )
        ]
    if tgt and not src and inp.source.strip() == "":
        return [
            EMPTY.flag(
                "the translation has text where the source has none",
                (Span("text", 0, len(inp.target)),),
                severity="major",
            )
        ]
    return []


def dangles(toks: tuple[Token, ...], lang: str) -> bool:
    """The last word cannot end a phrase: an article, a preposition, "and", or an article that
    doubles as a pronoun right after a preposition ("cerca de la", "près de l'")."""
    last = toks[-1].text.lower()
    if last in DANGLING.get(lang, frozenset()) | COORDINATORS.get(lang, frozenset()):
        return True
    before = toks[-2].text if len(toks) > 1 else ""
    return last in ARTICLE_PRONOUNS.get(lang, frozenset()) and (
        before.lower() in DANGLING.get(lang, frozenset())
        or fold(before) in PREPOSITIONS.get(lang, frozenset())
    )


def _cut_off(text: str, lang: str) -> tuple[int, int, str] | None:
    """Round trip: the copy itself stops mid-clause, on a comma or a dangling word with no full stop
    (a colon introduces what follows: "Ingredients:", "Media contacts:" are labels, not cuts)."""
    end = text.rstrip()
    if _END_DANGLING.search(end) and not end.endswith(":"):
        return len(end) - 1, len(end), f"the copy ends on '{end[-1]}': it looks cut off"
    if end[-1:] in ".!?…\"'»”’)]":
        return None  # a full stop after a dangling word is a scrambled sentence, not a cut
    toks = tokens(end)
    if len(toks) < 2:
        return None
    last = toks[-1]
    if dangles(toks, lang):
        return last.start, last.end, f"the copy ends on '{last.text}': it looks cut off"
    return None


TRUNCATED = Check("truncated", "major", "Translation cut off")


@register(TRUNCATED)
def check_truncated(inp: CheckInput) -> list[Flag]:
    """The translation does not stop on a dangling comma, article, preposition or "and"
    (prepositions that English strands, "what are you talking about?", are not counted)."""
    if inp.mode == "roundtrip":
        cut = _cut_off(inp.source, inp.source_lang) if has_letters(inp.source) else None
        return [TRUNCATED.flag(cut[2], (Span("source", cut[0], cut[1]),))] if cut else []
    if not has_letters(inp.target) or not has_letters(inp.source):
        return []
    body = _FINAL.sub("", inp.target)
    toks = tokens(body)
    if not toks:
        return []
    last = toks[-1]
    lang = inp.target_lang
    dangling_word = dangles(toks, lang) and not attached(body, last)  # code ("la opción '-e'"): no word
    if _END_DANGLING.search(inp.target) and not _END_DANGLING.search(inp.source):
        # (a source that ends so too, an item of a list cut into sentences, is copied faithfully)
        what = f"ends on '{inp.target.rstrip()[-1]}'"
        at = len(inp.target.rstrip()) - 1
        return [TRUNCATED.flag(f"the translation {what}: it looks cut off", (Span("text", at, at + 1),))]
    if dangling_word and len(toks) > 1:
        src_last = tokens(_FINAL.sub("", inp.source))
        src_dangling = (  # a source that ends on a preposition too: "Number in:", "after %s"
            DANGLING.get(inp.source_lang, frozenset())
            | COORDINATORS.get(inp.source_lang, frozenset())
            | PREPOSITIONS.get(inp.source_lang, frozenset())
        )
        if src_last and (
            src_last[-1].text.lower() in src_dangling or fold(src_last[-1].text) == fold(last.text)
        ):
            return []  # the source stops the same way (a fragment, not a cut)
        fwd_last = tokens(_FINAL.sub("", inp.forward or ""))
        if fwd_last and fold(fwd_last[-1].text) == fold(last.text):
            return []  # the engine's whole translation ends on it too: a pronoun ("adicionar um")
        return [
            TRUNCATED.flag(
                f"the translation ends on '{last.text}': it looks cut off",
                (Span("text", last.start, last.end),),
            )
        ]
    return []


LENGTH = Check("length", "major", "Length far from expected")


CONJUNCT_SHARE = 0.6  # a copy without the source's "and" this much shorter than the engine's dropped a part
CONJUNCT_WORDS = 8  # ... in a label or message this short (prose reorganises its coordinations freely)


def _joined(text: str, lang: str) -> int:
    """How many coordinators ("and", "y", "ou", "but") stand between two words of `text`, less
    those that join a word and its opposite by a prefix ("vantagens e desvantagens" = "tradeoffs",
    "known and unknown"): such a pair says one thing, which a translation may say in one word."""
    words = COORDINATORS.get(lang, frozenset())
    toks = [t.text.lower() for t in tokens(text)]  # accents kept: "é", "è", "où" join nothing
    return sum(
        w in words and not _merism(fold(a), fold(b))
        for a, w, b in zip(toks, toks[1:], toks[2:], strict=False)
    )


_SIGN_JOINED = re.compile(r"\w\s*[/&+]\s*\w")  # "S/N", "E/S", "R&D": parts joined by a sign


def _merism(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_ != short and long_.endswith(short)


def _dropped_conjunct(inp: CheckInput, n_ref: int, n_tgt: int) -> list[Flag]:
    """A coordination the copy leaves out ("Guardar y cerrar" / "Salvar", "Redémarrer maintenant ou
    plus tard" / "Reiniciar ahora"), where the ratio of lengths alone says too little: the
    source and the engine's forward translation join two parts, the copy and its back-translation
    join none, and the copy is at most CONJUNCT_SHARE as long as the forward translation, in a
    source of at most CONJUNCT_WORDS words (without that limit three correct WMT22 sentences and one
    shifted matched)."""
    if inp.forward is None or inp.back is None or n_tgt > CONJUNCT_SHARE * n_ref:
        return []
    if len(tokens(inp.source)) > CONJUNCT_WORDS:
        return []
    if not (_joined(inp.source, inp.source_lang) and _joined(inp.forward, inp.target_lang)):
        return []
    if _joined(inp.target, inp.target_lang) or _joined(inp.back, inp.source_lang):
        return []
    if _SIGN_JOINED.search(inp.target) or (len(tokens(inp.target)) == 1 and inp.target.strip().isupper()):
        return []  # "Sí o no" / "S/N", "Preguntas y respuestas" / "FAQ": the parts in signs or initials
    msg = f"the translation is {n_tgt / n_ref:.0%} as long as the forward translation and drops a part the source joins"
    return [LENGTH.flag(msg, (Span("text", 0, len(inp.target)),))]


@register(LENGTH)
def check_length(inp: CheckInput) -> list[Flag]:
    """The translation's length is within the expected ratio of the forward translation (or source)."""
    ref = inp.forward if inp.forward else inp.source
    n_ref, n_tgt = _letters(ref), _letters(inp.target)
    if n_tgt == 0:
        return []
    if n_ref < MIN_LENGTH_CHARS:
        return _dropped_conjunct(inp, n_ref, n_tgt)
    ratio = n_tgt / n_ref
    lo, hi = threshold(inp, "length_ratio_min"), threshold(inp, "length_ratio_max")
    against = "the forward translation of the source" if inp.forward else "the source"
    if ratio < lo:
        return [
            LENGTH.flag(
                f"the translation is {ratio:.0%} as long as {against} (shorter than {lo:.0%})",
                (Span("text", 0, len(inp.target)),),
            )
        ]
    if ratio > hi:
        return [
            LENGTH.flag(
                f"the translation is {ratio:.0%} as long as {against} (longer than {hi:.0%})",
                (Span("text", 0, len(inp.target)),),
            )
        ]
    return _dropped_conjunct(inp, n_ref, n_tgt)
