"""Coverage: a content word of the source must not vanish from the translation without trace.

Source-aware mode only: both engine views must agree that something was left out.

- A *gap*: in a reference text R a run of 1-2 words, at least one a content word, has no
  counterpart (same 5-letter folded stem, so inflection is tolerated) in a hypothesis text H,
  while the words on either side of the run are adjacent in H ("two years of" -> "two of").
  The target-language view takes R = forward translation, H = translation; the
  source-language view takes R = source, H = back-translation.
- A *deficit*: content words of R without counterpart in H, minus content words of H without
  counterpart in R. A synonym ("godfathers" / "sponsors") is one of each and cancels out;
  a word left out is not replaced and leaves a deficit.

The forward translation is read without the source's own lower-case words that the engine left
as they were because it did not know them ("la moelle épinière" -> "the marrow épinière"): no
translation keeps those, so they are no loss (a name, capitalised, still counts). Nor are the
source's acronyms the engine keeps as they are ("el FMI" -> "the FMI", "la CEDH"): a translation
writes its own language's acronym ("the IMF"), and `names` compares acronyms across languages.

A gap is an omission only when it is not a reordering or a rewording: the check flags when
both views show a deficit and both show a gap, or when both deficits are large (at least
`DEFICIT_STRONG`) and one view shows a gap. Free translations reword on both sides, so one
view alone (or a deficit without a gap) is not enough.
"""

from __future__ import annotations

import functools

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .health import problem
from .text import UNKNOWN_WORD_ZIPF, fold, is_acronym, tokens, words, zipf

STEM = 5  # folded characters compared (fundado ~ fundada, consumers ~ consumer)
CONTENT_MIN_LEN = 3  # shorter words are function words or symbols
FUNCTION_WORD_ZIPF = 5.3  # words at least this frequent in their language are function words
MAX_GAP = 2  # longest run of missing words counted as one gap (an adjective and its noun)
DEFICIT_STRONG = 3  # both views at least this many content words short: one gap is enough

_START, _END = "\x02", "\x03"


def _key(word: str) -> str:
    return word[:STEM]


def is_content(word: str, lang: str) -> bool:
    """A folded word that carries meaning: long enough, not a number, not a function word."""
    return len(word) >= CONTENT_MIN_LEN and not word.isdigit() and zipf(word, lang) < FUNCTION_WORD_ZIPF


@functools.lru_cache(maxsize=16384)
def balance(ref: str, hyp: str, lang: str) -> tuple[int, int, int, int]:
    """(content words of `ref` without counterpart in `hyp`, content words of `hyp` without one
    in `ref`, content words of `ref`, content words of `hyp`)."""
    r, h = words(ref), words(hyp)
    rk, hk = {_key(w) for w in r}, {_key(w) for w in h}
    rc = [w for w in r if is_content(w, lang)]
    hc = [w for w in h if is_content(w, lang)]
    return sum(_key(w) not in hk for w in rc), sum(_key(w) not in rk for w in hc), len(rc), len(hc)


def deficit(ref: str, hyp: str, lang: str) -> int:
    """Content words of `ref` without counterpart in `hyp`, minus those of `hyp` without one in `ref`."""
    lost, new, _, _ = balance(ref, hyp, lang)
    return lost - new


def gaps(ref: str, hyp: str, lang: str) -> list[str]:
    """Runs of `ref` words missing from `hyp` (with a content word among them) whose
    neighbours stand side by side in `hyp`: the place where a word was cut out."""
    r = (_START, *words(ref), _END)
    hk = [_key(w) for w in (_START, *words(hyp), _END)]
    present = set(hk)
    adjacent = set(zip(hk, hk[1:], strict=False))
    out: list[str] = []
    i = 1
    while i < len(r) - 1:
        if _key(r[i]) in present:
            i += 1
            continue
        j = i
        while j + 1 < len(r) - 1 and _key(r[j + 1]) not in present and j - i + 1 < MAX_GAP:
            j += 1
        run = r[i : j + 1]
        if any(is_content(w, lang) for w in run) and (_key(r[i - 1]), _key(r[j + 1])) in adjacent:
            out.append(" ".join(run))
        i = j + 1
    return out


def engine_known(forward: str, source: str, lang: str) -> str:
    """`forward` without what the engine left untranslated: the lower-case words of `source` it
    keeps as they are where `lang` does not know them, and the acronyms of `source` it keeps."""
    src = set(words(source))
    acronyms = {t.text for t in tokens(source) if is_acronym(t.text)}

    def kept(word: str) -> bool:
        if word in acronyms:
            return True
        return word[:1].islower() and fold(word) in src and zipf(word.lower(), lang) < UNKNOWN_WORD_ZIPF

    return " ".join(t.text for t in tokens(forward) if not kept(t.text))


COVERAGE = Check("coverage", "major", "Content may be missing", modes=("source",))


@register(COVERAGE)
def check_coverage(inp: CheckInput) -> list[Flag]:
    """No content word of the source left out, by both engine views (gap and deficit)."""
    if inp.back is None or inp.forward is None or not inp.target.strip() or problem(inp) is not None:
        return []
    forward = engine_known(inp.forward, inp.source, inp.target_lang)
    d_fwd = deficit(forward, inp.target, inp.target_lang)
    d_back = deficit(inp.source, inp.back, inp.source_lang)
    if d_fwd < 1 or d_back < 1:
        return []
    g_fwd = gaps(forward, inp.target, inp.target_lang)
    g_back = gaps(inp.source, inp.back, inp.source_lang)
    strong = min(d_fwd, d_back) >= DEFICIT_STRONG
    if not ((g_fwd and g_back) or (strong and (g_fwd or g_back))):
        return []
    lost = ", ".join(repr(g) for g in (g_back or g_fwd)[:3])
    return [
        COVERAGE.flag(
            f"words of the source seem to be missing from the translation: {lost}",
            (Span("text", 0, len(inp.target)),),
        )
    ]
