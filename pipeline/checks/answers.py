"""A yes-or-no answer reversed: "Sí." / "No.", "Sí, el puente está abierto." / "No, the bridge is
open." A sentence that opens with the word for yes or for no, followed by a comma, a full stop, an
exclamation mark, a colon or nothing, answers; the copy must answer the same way. No engine view
is asked: Apertium reads "No." as "Núm." (the abbreviation of "número"), so the back-translation
agreed with the source and `negation` let the reversal pass. "No. 5" (a number sign) and "No
doubt, …" answer nothing. The words are closed classes per language; other languages are not read.
"""

from __future__ import annotations

import re

from pipeline.records import Flag, Span

from . import Check, CheckInput, register

# the word for yes and the word for no, per language
ANSWERS: dict[str, tuple[str, str]] = {
    "en": ("yes", "no"),
    "es": ("sí", "no"),
    "pt": ("sim", "não"),
    "fr": ("oui", "non"),
    "it": ("sì", "no"),
    "ca": ("sí", "no"),
    "de": ("ja", "nein"),
}
# the opening word (quoted or not), then punctuation or the end, not a number after it ("No. 5")
_OPENING = re.compile(r"\s*[¡¿\"'«“(]*(\w+)[\"'»”)]*\s*(?:[,.!;:…]|$)(?!\s*\d)")


def answer(text: str, lang: str) -> tuple[int, int, int] | None:
    """(+1 for yes or -1 for no, start, end of the word) where `text` opens with an answer."""
    m = _OPENING.match(text)
    if m is None or lang not in ANSWERS:
        return None
    word, (yes, no) = m.group(1).lower(), ANSWERS[lang]
    polarity = 1 if word == yes else -1 if word == no else 0
    return (polarity, m.start(1), m.end(1)) if polarity else None


ANSWER = Check("answer", "critical", "A yes/no answer is reversed", modes=("source",), engine=False)


@register(ANSWER)
def check_answer(inp: CheckInput) -> list[Flag]:
    """The translation answers yes where the source answers no, or the reverse."""
    src, tgt = answer(inp.source, inp.source_lang), answer(inp.target, inp.target_lang)
    if src is None or tgt is None or src[0] == tgt[0]:
        return []
    said = inp.source[src[1] : src[2]], inp.target[tgt[1] : tgt[2]]
    spans = (Span("source", src[1], src[2]), Span("text", tgt[1], tgt[2]))
    return [ANSWER.flag(f"the source answers '{said[0]}', the translation '{said[1]}'", spans)]
