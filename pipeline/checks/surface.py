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


@register(LENGTH)
def check_length(inp: CheckInput) -> list[Flag]:
    """The translation's length is within the expected ratio of the forward translation (or source)."""
    ref = inp.forward if inp.forward else inp.source
    n_ref, n_tgt = _letters(ref), _letters(inp.target)
    if n_ref < MIN_LENGTH_CHARS or n_tgt == 0:
        return []
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
    return []
