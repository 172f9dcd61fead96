"""Failures of automated translation that show in the copy alone: decoding loops and boilerplate.

- `repetition`: a machine-translation loop repeats a phrase back to back ("of the war of the
  war of the war"). A word said twice or four times can be a slip (DEMETR counts "more more
  more more" as a harmless edit), so a loop is a phrase of two or more words said three times
  in a row, or one word said five times.
- `boilerplate`: what a translation service or a language model writes instead of, or around,
  the translation: "Translated by Google", "Here is the translation:", "As an AI language
  model", "[translation missing]", lorem ipsum. English phrasing only; the patterns are the
  services' own wording, not sentences of any data set.
Both look at the copy: in round-trip mode the original sentence, in source-aware mode the
translation, and there only what its source does not have itself.
"""

from __future__ import annotations

import re

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .text import fold, tokens

LOOP_PHRASE_REPEATS = 3  # a phrase of 2+ words said this often in a row is a loop
LOOP_WORD_REPEATS = 5  # a single word said this often in a row
LOOP_MAX_N = 6

BOILERPLATE_TEXT = re.compile(
    r"(?ix)"
    r"\b(?:machine[- ])?translated\ (?:by|with|using)\ (?:google|deepl|bing|microsoft|yandex|chatgpt|gpt|an?\ ai)\b"
    r"|\b(?:here\ is|here's|below\ is)\ (?:the|my|your|a)\ (?:english\ )?translation\b"
    r"|\bas\ an\ ai\ (?:language\ model|assistant|model)\b"  # "as an AI researcher" is copy
    r"|\bi(?:'m|\ am)\ (?:sorry|unable)[^.]{0,40}\btranslat"
    r"|\b(?:translation|text)\ (?:missing|not\ available|unavailable|pending)\b"
    r"|^\s*(?:missing|no)\ translation\s*[.:!]?\s*$"  # "jokes have no translation" is copy
    r"|\[\s*(?:translate|untranslated|todo|tbd|fixme)\b[^\]]*\]"
    r"|\[\s*translation\s*(?:missing|needed|pending|here)?\s*\]"  # an editor's [translation: …] gloss is copy
    r"|\blorem\ ipsum\ dolor\b"  # placeholder text, not an article that mentions it
    r"|^\s*(?:todo|tbd|fixme|null|undefined|\#value!)\s*[.:!]?\s*$"
)


def loops(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, phrase, times) for every phrase repeated back to back as a loop."""
    toks = tokens(text)
    words = [fold(t.text) for t in toks]
    found: list[tuple[int, int, str, int]] = []
    i = 0
    while i < len(words):
        best: tuple[int, int] | None = None  # (n, repeats)
        for n in range(1, LOOP_MAX_N + 1):
            run = 1
            while words[i + run * n : i + (run + 1) * n] == words[i : i + n] and i + (run + 1) * n <= len(
                words
            ):
                run += 1
            need = LOOP_WORD_REPEATS if n == 1 else LOOP_PHRASE_REPEATS
            if run >= need and (best is None or run * n > best[0] * best[1]):
                best = (n, run)
        if best is None:
            i += 1
            continue
        n, run = best
        end_tok = toks[i + n * run - 1]
        found.append((toks[i].start, end_tok.end, text[toks[i].start : toks[i + n - 1].end], run))
        i += n * run
    return found


def _copy_and_source(inp: CheckInput) -> tuple[str, str | None, str]:
    """(the copy, its source or None in round-trip mode, the span field)."""
    text, _, field = inp.copy()
    return text, None if inp.mode == "roundtrip" else inp.source, field


REPETITION = Check("repetition", "major", "The copy repeats itself (a translation loop)")


@register(REPETITION)
def check_repetition(inp: CheckInput) -> list[Flag]:
    """The copy does not say the same phrase over and over (a machine-translation loop)."""
    text, other, field = _copy_and_source(inp)
    found = loops(text)
    if found and other is not None and loops(other):
        return []  # the source repeats itself too
    if not found:
        return []
    what = "; ".join(f"'{phrase}' {times} times" for _, _, phrase, times in found[:3])
    return [
        REPETITION.flag(
            f"the copy repeats itself like a translation loop: {what}",
            tuple(Span(field, s, e) for s, e, _, _ in found),
        )
    ]


BOILERPLATE = Check("boilerplate", "major", "Boilerplate of a translation service instead of copy")


@register(BOILERPLATE)
def check_boilerplate(inp: CheckInput) -> list[Flag]:
    """The copy has no translator's boilerplate ("Translated by …", "Here is the translation")."""
    text, other, field = _copy_and_source(inp)
    found = list(BOILERPLATE_TEXT.finditer(text))
    if not found or (other is not None and BOILERPLATE_TEXT.search(other)):
        return []
    what = ", ".join(f"'{m.group().strip()}'" for m in found[:3])
    return [
        BOILERPLATE.flag(
            f"the copy holds what a translation service writes, not copy: {what}",
            tuple(Span(field, m.start(), m.end()) for m in found),
        )
    ]
