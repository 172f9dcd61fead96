"""Failure said without a negator (`negation` reads it beside the negator counts): "Falha ao enviar
o e-mail" says the act failed where "El correo se envió" says it succeeded (`failure_dropped`), and an
error noun both sides write explains no negator (`errors_named`)."""

from __future__ import annotations

import re

from pipeline.records import Span

from . import CheckInput
from .lexicon import ERROR_NOUNS, FAILURE_STEMS
from .negation_words import act_follows, implicit
from .text import Token, fold, tokens


def errors_named(*texts: str) -> frozenset[str]:
    """Every error noun (folded), where each of the texts writes one somewhere ("error" / "erro"):
    then none of them explains a negator. Else none."""
    named = all(ERROR_NOUNS & {t.text for t in tokens(fold(text))} for text in texts)
    return ERROR_NOUNS if named else frozenset()


def failures(text: str | None, lang: str) -> tuple[str, ...]:
    """The words of `text` that say an act failed (`lexicon.FAILURE_STEMS` among `implicit`), and
    the Romance nouns of failure ("fracaso", "échec") that explain no negator of their own."""
    listed = tuple(w for w in implicit(text or "", lang) if w.startswith(FAILURE_STEMS))
    if lang == "en":
        return listed
    return listed + tuple(t.text for t in tokens(fold(text or "")) if t.text.startswith(("fracas", "echec")))


# "sin errores", "senza problemi", "without errors": a negating word whose object is an error or a
# problem says the act succeeded (folded text; an article or adjective may stand between)
_NO_ERRORS = re.compile(
    rf"\b(?:sin|sem|senza|sans|without)\s+(?:\w+\s+)?(?:{'|'.join(sorted(ERROR_NOUNS))}|problem)\w*"
)


def _negative(text: str, lang: str, besides: str) -> bool:
    """A word of `text` negates (not one the other side's rendering `besides` writes too: "fora"), or
    names an error or a failure ("error recuperando"; FAILURE_STEMS); not "sin errores", a success."""
    for m in _NO_ERRORS.finditer(fold(text)):  # folding keeps offsets: blank the phrase, accents kept
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    said = set(implicit(text, lang)) - set(implicit(besides, lang))
    return bool(said) or any(t.text.startswith(FAILURE_STEMS) for t in tokens(fold(text)))


def _heading(text: str, word: str) -> Token | None:
    """The failure word where it opens a message and an act follows it (`act_follows`: "Falha ao
    enviar", "%s: impossibile aprire"); prose says failure in too many ways to read it elsewhere
    ("a failed coup" / "golpe mal-sucedido"), and "Falha de segurança" is a fault, not a failed act."""
    folded = fold(text)
    for t in tokens(folded):
        if t.text == word and act_follows(folded, t):
            return t
    return None


_FAILING = re.compile(r"\b(?:" + "|".join(FAILURE_STEMS) + ")")  # where a word of failure may start


def may_fail(inp: CheckInput) -> bool:
    """The source or the copy has a word that starts like a word of failure (a quick test: without
    one, `failure_dropped` finds nothing and its engine views need not be counted)."""
    return any(_FAILING.search(fold(text)) for text in (inp.source, inp.target))


def failure_dropped(inp: CheckInput, views: tuple[int | None, int | None]) -> tuple[str, Span] | None:
    """One side says an act failed and the other says nothing negative, where neither has a negator
    (the caller's count): "Falha ao enviar o e-mail" / "El correo se envió correctamente". The
    engine agrees: its rendering of the failing side keeps a failure word or a negator, its
    rendering of the other side has neither (`views`: the negators of the forward and the back
    translation). Returns the message, naming the failure word, and the word's span on its side."""
    # each side: its field, text, language, the engine's rendering of it and that rendering's negators
    source = ("source", inp.source, inp.source_lang, inp.forward, views[0])
    copy = ("text", inp.target, inp.target_lang, inp.back, views[1])
    for (field, text, lang, view, view_neg), (_, other, other_lang, other_view, other_neg) in (
        (source, copy),
        (copy, source),
    ):
        headed = [(w, t) for w in failures(text, lang) if (t := _heading(text, w)) is not None]
        if not headed or view is None or other_view is None or _negative(other, other_lang, view):
            continue
        kept = bool(view_neg) or bool(failures(view, other_lang))
        if kept and not other_neg and not _negative(other_view, lang, text):
            word, at = headed[0]
            return f"one side says the act failed ('{word}'), the other does not", Span(
                field, at.start, at.end
            )
    return None
