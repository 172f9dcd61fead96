"""Surface checks: an empty translation, one cut off mid-sentence, a length far from expected.

The expected length is the engine's forward translation of the source when there is one
(same language as the translation), else the source itself.
"""

from __future__ import annotations

import re

from pipeline.records import Flag, Span
from pipeline.verdict import threshold

from . import CheckInput, register
from .lexicon import COORDINATORS, DANGLING
from .text import fold, has_letters, tokens

MIN_LENGTH_CHARS = 20  # shorter texts vary too much in length to judge a ratio
_END_DANGLING = re.compile(r"[,;:\-–—(\[]\s*$")
_FINAL = re.compile(r"[\s.!?…\"'»”’)\]]*$")


def _letters(text: str) -> int:
    return sum(map(str.isalnum, text))


@register("empty", "critical", "Empty translation")
def check_empty(inp: CheckInput) -> list[Flag]:
    """The translation has words when the source has."""
    src, tgt = has_letters(inp.source), has_letters(inp.target)
    if src and not tgt:
        return [
            Flag(
                "empty",
                "critical",
                "the translation is empty but the source is not",
                (Span("source", 0, len(inp.source)),),
            )
        ]
    if tgt and not src and inp.source.strip() == "":
        return [
            Flag(
                "empty",
                "major",
                "the translation has text where the source has none",
                (Span("text", 0, len(inp.target)),),
            )
        ]
    return []


@register("truncated", "major", "Translation cut off")
def check_truncated(inp: CheckInput) -> list[Flag]:
    """The translation does not stop on a dangling comma, article, preposition or "and"
    (prepositions that English strands, "what are you talking about?", are not counted)."""
    if not has_letters(inp.target) or not has_letters(inp.source):
        return []
    body = _FINAL.sub("", inp.target)
    toks = tokens(body)
    if not toks:
        return []
    last = toks[-1]
    lang = inp.target_lang
    dangling_word = fold(last.text) in (DANGLING.get(lang, frozenset()) | COORDINATORS.get(lang, frozenset()))
    if _END_DANGLING.search(inp.target):
        what = f"ends on '{inp.target.rstrip()[-1]}'"
        at = len(inp.target.rstrip()) - 1
        return [
            Flag(
                "truncated", "major", f"the translation {what}: it looks cut off", (Span("text", at, at + 1),)
            )
        ]
    if dangling_word and len(toks) > 1:
        src_last = tokens(_FINAL.sub("", inp.source))
        src_dangling = DANGLING.get(inp.source_lang, frozenset()) | COORDINATORS.get(
            inp.source_lang, frozenset()
        )
        if src_last and (
            fold(src_last[-1].text) in src_dangling or fold(src_last[-1].text) == fold(last.text)
        ):
            return []  # the source stops the same way (a fragment, not a cut)
        return [
            Flag(
                "truncated",
                "major",
                f"the translation ends on '{last.text}': it looks cut off",
                (Span("text", last.start, last.end),),
            )
        ]
    return []


@register("length", "major", "Length far from expected")
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
            Flag(
                "length",
                "major",
                f"the translation is {ratio:.0%} as long as {against} (shorter than {lo:.0%})",
                (Span("text", 0, len(inp.target)),),
            )
        ]
    if ratio > hi:
        return [
            Flag(
                "length",
                "major",
                f"the translation is {ratio:.0%} as long as {against} (longer than {hi:.0%})",
                (Span("text", 0, len(inp.target)),),
            )
        ]
    return []
