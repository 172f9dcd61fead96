"""Names that open a sentence, which word frequency alone cannot tell from words.

A capitalised word at a sentence start is taken for a name only when it is rare in its language
(propernames.py): "Juan", "Peter" or "Madrid" are common words to a frequency list, so a copy
that opens with another name than its source ("Juan vive en Madrid" / "Peter lives in Madrid")
went unseen. The engine tells them apart: it translates a word and passes a name through, capital
and all ("Juan vive" -> "Juan lives", "Peter lives" -> "Peter vive"; "Yesterday" -> "Ayer"). An
opening word the engine keeps as it is, on one side, that the other side has nowhere (neither
the text nor the engine's rendering of it) is a name one side lost or added. Words written alike
in both languages ("Hotel", "Chocolate") are kept too, but the other side then has them.

This is weaker evidence than a name inside a sentence, so `names` counts an opening name only
beside another lost or added name on the other side: two names that differ where one should be.
"""

from __future__ import annotations

from . import CheckInput
from .propernames import RARE_INITIAL_ZIPF, Name, matches, name_key, travels, vocabulary
from .text import is_acronym, is_capitalised, is_sentence_initial, tokens, zipf

MIN_LETTERS = 3  # "El", "A", "No": too short to be told from a function word kept as it is
# A name travels: "Juan", "Peter", "Madrid" are at least this common (Zipf) in the other language's
# frequency list too. An opening word that list hardly knows is one the engine kept because it did
# not know it ("Recharger la page", "Discard this hunk" through an engine without "discard").
NAME_ELSEWHERE_ZIPF = 2.0
# Between two languages other than English, close ones share most words ("Bloquear", "Modo" are
# Spanish and Portuguese, and the engine keeps them): a name travels further, into English
# (propernames.travels: "Juan", "Andrés", "João" do; "modo", "uso", "bloquear" do not).


def opening_names(
    text: str,
    lang: str,
    rendering: str | None,
    other: str,
    other_rendering: str | None,
    other_lang: str,
) -> list[Name]:
    """The capitalised words that open a sentence of `text` which the engine keeps, as written,
    in `rendering` (its translation of `text`), and that `other` (the other side, in `other_lang`)
    and its rendering lack (across languages: propernames.matches); across languages, only words
    the other language knows too (NAME_ELSEWHERE_ZIPF).
    Only words common in `lang`: a rarer one is a name already, or a word the engine does not
    know and keeps for that reason ("Redescobrir"), which propernames and `names` weigh."""
    if not rendering:
        return []
    across = other_lang != lang
    kept = {t.text for t in tokens(rendering)}
    elsewhere = vocabulary(other, other_rendering)
    out = []
    for tok in tokens(text):
        w = tok.text
        if (
            len(w) < MIN_LETTERS
            or not w.isalpha()
            or is_acronym(w)
            or not is_capitalised(w)
            or not is_sentence_initial(text, tok.start)
            or w not in kept
            or zipf(w.lower(), lang) < RARE_INITIAL_ZIPF
            or (across and zipf(w.lower(), other_lang) < NAME_ELSEWHERE_ZIPF)
            or (across and "en" not in (lang, other_lang) and not travels(w.lower(), lang))
        ):
            continue
        key = name_key(w)
        if not matches(key, elsewhere, across):
            out.append(Name(w, tok.start, tok.end, (key,), (w.lower(),)))
    return out


def lost_opening(inp: CheckInput, taken: list[Name]) -> list[Name]:
    """Opening names of the source the copy lacks (not already among `taken`)."""
    return _opening(inp, taken, copy=False)


def added_opening(inp: CheckInput, taken: list[Name]) -> list[Name]:
    """Opening names of the copy the source lacks (not already among `taken`)."""
    return _opening(inp, taken, copy=True)


def _opening(inp: CheckInput, taken: list[Name], copy: bool) -> list[Name]:
    """One side's opening names, in source-aware mode only (a round trip has no rendering of the
    copy in another language to ask)."""
    if inp.mode != "source":
        return []
    sides = ((inp.source, inp.source_lang, inp.forward), (inp.target, inp.target_lang, inp.back))
    (text, lang, rendering), (other, other_lang, other_rendering) = sides[::-1] if copy else sides
    found = opening_names(text, lang, rendering, other, other_rendering, other_lang)
    spans = {(n.start, n.end) for n in taken}
    return [n for n in found if not any(s <= n.start < e for s, e in spans)]
