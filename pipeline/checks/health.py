"""Engine health: when the engine's own output is broken, the segment cannot be verified.

The engine output under test is the back-translation (source-aware mode) or the round trip
(round-trip mode). An empty output, a repetition loop the input does not have, or a copy of
the input passed through untranslated make the comparison meaningless: the segment is
reported `unverifiable` (info) and never counted as drifted; the drift check stays silent.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from pipeline.records import ENGINE_HEALTH as HEALTH
from pipeline.records import UNVERIFIABLE, Flag, Span, unverifiable_flag

from . import Check, CheckInput, register
from .text import fold, has_letters, tokens

LOOP_MIN_REPEATS = 4  # an n-gram repeated back to back this often is a loop
COPY_MIN_WORDS = 4  # copy-through is judged on outputs of at least this many words
COPY_SHARE = 0.9  # share of words passed through unchanged that counts as a copy


def _max_repeat(words: list[str], max_n: int = 4) -> int:
    """The longest run of an n-gram (n <= max_n) repeated back to back."""
    best = 1
    size = len(words)
    for n in range(1, max_n + 1):
        i = 0
        while i + 2 * n <= size:
            if words[i] != words[i + n]:
                i += 1
                continue
            run = 1
            while words[i + run * n : i + (run + 1) * n] == words[i : i + n]:
                run += 1
            best = max(best, run)
            i += max(1, (run - 1) * n)
    return best


def _engine_view(inp: CheckInput) -> tuple[str, str, str, str] | None:
    """(engine input, its language, engine output, its language) for the mode, or None."""
    if inp.mode == "roundtrip":
        return inp.source, inp.source_lang, inp.target, inp.target_lang
    if inp.back is None:
        return None
    return inp.target, inp.target_lang, inp.back, inp.source_lang


def problem(inp: CheckInput) -> str | None:
    """Why the engine output cannot be trusted for this segment, or None when it looks healthy."""
    view = _engine_view(inp)
    if view is None:
        return None
    return _problem(*view)


@functools.lru_cache(maxsize=4096)
def _problem(given: str, given_lang: str, out: str, out_lang: str) -> str | None:
    if not has_letters(given):
        return None  # nothing to translate: the empty check speaks for the copy
    if not has_letters(out):
        return "the engine returned an empty output"
    w_in = [fold(t.text) for t in tokens(given)]
    w_out = [fold(t.text) for t in tokens(out)]
    rep_out = _max_repeat(w_out)
    if rep_out >= LOOP_MIN_REPEATS and rep_out > _max_repeat(w_in):
        return f"the engine output repeats itself {rep_out} times (a decoding loop)"
    if given_lang != out_lang and len(w_out) >= COPY_MIN_WORDS:
        letters_in = [w for w in w_in if not w.isdigit()]
        same = sum(
            1 for a, b in zip(letters_in, [w for w in w_out if not w.isdigit()], strict=False) if a == b
        )
        if letters_in and same / len(letters_in) >= COPY_SHARE:
            return "the engine passed the text through untranslated"
    if len(w_out) > 3 * max(4, len(w_in)):
        return f"the engine output has {len(w_out)} words for {len(w_in)} (hallucination)"
    return None


ENGINE_HEALTH = Check(HEALTH, "info", "Unverifiable: the engine output is unusable")


@register(ENGINE_HEALTH)
def check_engine_health(inp: CheckInput) -> list[Flag]:
    """The back-translation (or round trip) is usable: not empty, not a loop, not a copy."""
    why = problem(inp)
    if why is None:
        return []
    field = "source" if inp.mode == "roundtrip" else "text"  # the engine's input
    length = len(inp.source if field == "source" else inp.target)
    return [ENGINE_HEALTH.flag(f"{UNVERIFIABLE}{why}", (Span(field, 0, length),))]


ENGINE_FAILED = "the engine failed on this text"  # reasons given by engines.translate_route
TOO_LONG = "the text has"


def not_translated(flag: Mapping[str, Any]) -> bool:
    """Whether a report's flag says the engine could not translate the text at all (one of the
    unverifiable ones, `records.unverifiable_flag`: not a translation that came back unusable)."""
    reasons = (f"{UNVERIFIABLE}{ENGINE_FAILED}", f"{UNVERIFIABLE}{TOO_LONG}")
    return unverifiable_flag(flag) and str(flag["message"]).startswith(reasons)


def unverifiable(reason: str, field: str, length: int) -> Flag:
    """The flag of a segment the engine could not translate at all (it failed, or the text is too long)."""
    return ENGINE_HEALTH.flag(f"{UNVERIFIABLE}{reason}", (Span(field, 0, length),))
