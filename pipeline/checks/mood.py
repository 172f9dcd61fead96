"""Mood: a question stays a question and an exclamation an exclamation (¿…? <-> ?).

Counts sentences ending in "?" (or opened by "¿") and "!" (or "¡") on each side. A
statement turned into a question, or the reverse, changes what is asserted (major); a lost
or added exclamation rarely changes meaning (minor).
"""

from __future__ import annotations

import re

from pipeline.records import Flag, Severity, Span

from . import Check, CheckInput, register

_QUESTION = re.compile(r"[?？]|¿")
_EXCLAIM = re.compile(r"[!！]|¡")


_SENTENCE_END = re.compile(
    r"[\u00a0\u202f ]?[\"”’»]|[\"'”’»)\]]*(?:\s*$|\s+[\"'“‘«(¿¡]*[^\W\d_]*[A-ZÀ-Þ0-9¿¡\"'“‘«(])"
)


def _ends_sentence(text: str, end: int) -> bool:
    """A closing mark ends a sentence: before a closing quote (quoted speech: "“Where are you?” she
    asked"; French puts a space before it: "« Tu viens ? » a-t-il demandé"), at the end, or before a
    capital ("on? the" is a stray mark)."""
    return _SENTENCE_END.match(text, end) is not None


def _marks(text: str, pattern: re.Pattern[str], opener: str) -> list[tuple[int, int]]:
    """One span per question/exclamation: a closing mark, or an opener without a closer."""
    out = []
    open_at: int | None = None
    for m in pattern.finditer(text):
        if m.group() == opener:
            if open_at is not None:
                out.append((open_at, open_at + 1))
            open_at = m.start()
        elif open_at is not None or _ends_sentence(text, m.end()):
            out.append((m.start(), m.end()))
            open_at = None
    if open_at is not None:
        out.append((open_at, open_at + 1))
    # "?!" and "???" are one mark
    merged: list[tuple[int, int]] = []
    for s, e in out:
        if merged and text[merged[-1][1] : s].strip() == "":
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _compare(
    inp: CheckInput, pattern: re.Pattern[str], opener: str, what: str, severity: Severity
) -> list[Flag]:
    a = _marks(inp.source, pattern, opener)
    b = _marks(inp.target, pattern, opener)
    if len(a) == len(b):
        return []
    if a and b:
        severity = "minor"  # both ask; the sentence split may differ
    one = f"{'an' if what[0] in 'aeiou' else 'a'} {what}"
    if a and not b:
        msg = f"the source is {one} but the translation is not"
    elif b and not a:
        msg = f"the translation is {one} but the source is not"
    else:
        msg = f"the source has {len(a)} {what}s, the translation {len(b)}"
    spans = tuple(Span("source", s, e) for s, e in a) + tuple(Span("text", s, e) for s, e in b)
    return [MOOD.flag(msg, spans, severity=severity)]


MOOD = Check("mood", "major", "Question or exclamation differs", also=("minor",))


@register(MOOD)
def check_mood(inp: CheckInput) -> list[Flag]:
    """Questions stay questions; exclamations stay exclamations."""
    return _compare(inp, _QUESTION, "¿", "question", "major") + _compare(
        inp, _EXCLAIM, "¡", "exclamation", "minor"
    )
