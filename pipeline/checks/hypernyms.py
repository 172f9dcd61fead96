"""Hypernyms: a specific word the copy says with a more general one ("rocket" -> "vehicle",
"trout" -> "fish", "summit" -> "meeting"), read in the English engine view through WordNet's
noun hierarchy. What counts, and what is left out, is said in `wordnet_hypernyms`.
"""

from __future__ import annotations

from pipeline.records import Flag, Span

from . import Check, CheckInput, register

HYPERNYMS = Check("hypernyms", "major", "A word became more general", modes=("source",))


@register(HYPERNYMS)
def hypernyms(inp: CheckInput) -> list[Flag]:
    """A word of the engine's English view that the other side says with a WordNet hypernym
    ("rocket" / "vehicle"): the copy lost what made the word specific. The span is the copy's
    general word when the copy is the English side, else the whole copy."""
    from .antonyms import english_view
    from .wordnet_hypernyms import generalised

    view = english_view(inp)
    found = generalised(*view) if view else []
    if not found:
        return []
    said = ", ".join(f"{a} → {b}" for a, b in found[:3])
    msg = f"a word became more general in the engine's English view ({said})"
    return [HYPERNYMS.flag(msg, _span(inp, found[0][1]))]


def _span(inp: CheckInput, general: str) -> tuple[Span, ...]:
    """The copy's word whose lemma is `general` when the copy is the English side, else the copy."""
    from .text import tokens
    from .wordnet_hypernyms import nouns

    if inp.target_lang == "en":
        for t in tokens(inp.target):
            if general in nouns(t.text):
                return (Span("text", t.start, t.end),)
    return (Span("text", 0, len(inp.target)),)
