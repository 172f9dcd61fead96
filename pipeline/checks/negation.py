"""Negation: the number of negated clauses must match ("no", "nunca" <-> "not", "never").

Cues come per language from `lexicon` (primary negators and negative-concord words: in
"no dio nada" the "nada" only reinforces the "no", so it counts once; French counts "ne").
Not fooled by "No. 5" / "No 5" (number sign) or idioms such as "no obstante", "not only".
Source-aware mode counts the source against the translation and confirms with the engine:
a mismatch is reported only when the back-translation (source language) and the forward
translation (target language) disagree as well, so an engine's idiom does not raise a flag.
Critical when the difference is unambiguous: the engine's forward translation negates as often
as the source and the copy says the negated words un-negated (or negates words the engine's
translation says plainly); major otherwise. Minor (evidence, no verdict of its own) when the
side with fewer negators negates with a word or an affix instead ("without", "unregulated").
Negations said in another form (`negation_forms`): prohibitions, "hardly", verbs of not doing
count as negators; a restrictive negation against "only", an approximate one against "apenas",
a negated noun against its "-free" compound are no difference at all.
"""

from __future__ import annotations

import bisect
import functools
import re

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from . import negation_forms as forms
from . import negation_scope as scope
from .clauses import clause_breaks, clause_end, said_between
from .lexicon import (
    CLAUSE_BREAK,
    NEG_AFFIXES,
    NEG_CONCORD,
    NEG_PRIMARY,
    NEG_STANDALONE,
    ONLY_WORDS,
)
from .negation_failures import errors_named, failure_dropped, may_fail
from .negation_words import (
    borne_out,
    cannot_said_alike,
    implicit,
    kind,
    prefix_flips,
    prefixed,
    read_by_engine,
    unspent,
    weak,
)
from .text import fold, tokens, words, zipf
from .wordnet_antonyms import negated_by_prefix

# words at least this frequent (the, is, have) are skipped to find the negated word
FUNCTION_WORD_ZIPF = forms.FUNCTION_WORD_ZIPF
STEM = 4
STEM_REST = 5  # the beginning of a prefixed word's rest that a negated word of the other side must hold
NEGATED_AFTER = 3  # content words after a negator that may be what it negates
NEGATED_BEFORE = 2  # ... and before it ("caused the corporation no loss")
CLEAN_SHARED = 2  # negated words said un-negated on the other side that make a difference unambiguous

_NUMBER_SIGN = re.compile(r"\s*(?:\.|º|°)?\s*\d")
_UNTIL = frozenset({"until", "till"})
_RESTRICTING = _UNTIL | {"unless"}  # "not ... until" = "only then"


def _may_negate(folded: str, lang: str, primary: frozenset[str]) -> bool:
    """A negator's letters are in the text (the lists' words, English "n't", French "ne", "pas")."""
    present = set(scope.LETTERS.findall(folded))
    if present & (primary | NEG_STANDALONE.get(lang, frozenset())):
        return True
    if lang == "en":
        return "n't" in folded or "cannot" in folded or any(c in folded for c in forms.EN_CUE_STEMS)
    return lang == "fr" and ("n'" in folded or " ne " in f" {folded}" or "pas" in present)


@functools.lru_cache(maxsize=8192)
def cues(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """Spans of the negators that each negate one clause."""
    primary = NEG_PRIMARY.get(lang)
    if primary is None:
        return ()
    folded = forms.folded(text)
    banned = forms.lexical_cues(folded, lang)  # "prohibido" = "not allowed", "hardly", "se negó a"
    if not banned and not _may_negate(folded, lang, primary):
        return ()  # no cue at all: the common case, answered without tokenising
    concord = NEG_CONCORD.get(lang, frozenset())
    standalone = NEG_STANDALONE.get(lang, frozenset())
    idioms = scope.idiom_spans(folded, lang)
    idiom_starts, toks = [s for s, _ in idioms], tokens(folded)
    out: list[tuple[int, int]] = []
    clause_has_negator, last_end, since_negator = False, 0, 0
    for i, tok in enumerate(toks):
        since_negator += 1
        if CLAUSE_BREAK.search(folded, last_end, tok.start) or since_negator > scope.CONCORD_WINDOW:
            clause_has_negator = False
        last_end = tok.end
        if scope.in_idiom(tok.start, idioms, idiom_starts):
            continue
        w = tok.text
        if tok.start in banned or (
            lang == "en" and (w.endswith("n't") or w == "cannot" or forms.english_cue(folded, toks, i))
        ):
            out.append((tok.start, tok.end))
            clause_has_negator, since_negator = True, 0
            continue
        if lang == "fr" and (w.startswith("n'") or w == "ne"):
            if scope.silent_ne(w, folded, tok.start, tok.end, out if clause_has_negator else []):
                continue  # "ne ... que" = only; "aucun fichier n'a" negates once; "avant qu'il ne"
            out.append((tok.start, tok.start + 2))
            clause_has_negator, since_negator = True, 0
            continue
        if (w in ("no", "nº") and _NUMBER_SIGN.match(text, tok.end)) or scope.expletive_until(
            w, lang, folded, tok.start, tok.end
        ):
            continue  # "No. 5", "No 5": the number sign; "finché non", "hasta que no": "until"
        if folded[tok.end : tok.end + 1] == "-" and folded[tok.end + 1 : tok.end + 2].isalpha():
            continue  # a prefix ("não-linear", "no-violento" = "non-linear"): see implicit()
        if clause_has_negator and (w in concord or scope.repeats_n_word(w, lang, folded, out, tok.start)):
            continue
        if scope.continues_correlation(w, lang, folded, tok.start):
            clause_has_negator, since_negator = True, 0  # "ni ..., ni": one negation, its window anew
            continue
        if w in primary or (
            (w in standalone or (lang == "fr" and scope.bare_pas(toks, i))) and not clause_has_negator
        ):
            if scope.only_follows(folded, tok.end, lang):
                continue  # "not only", said with words between ("não cria apenas")
            out.append((tok.start, tok.end))
            clause_has_negator, since_negator = True, 0
    return tuple(out)


def _restriction_follows(folded: str, end: int) -> bool:
    """English "not ... until" and "not ... unless": the clause restricts a time or a condition
    ("did not open until 2017" = "only opened in 2017", "cannot be fixed unless all agree" =
    "can only be fixed if all agree"). "No more than" against an "only" is no difference at all
    (negation_forms.RESTRICTIONS)."""
    return said_between(folded, end, clause_end(folded, end), _RESTRICTING)


def _restricts(text: str, lang: str) -> int:
    """How many negators of `text` are a restriction said with a negation ("not ... until")."""
    if lang != "en":
        return 0
    folded = forms.folded(text)
    return sum(_restriction_follows(folded, e) for _, e in cues(text, lang))


def negated_words(text: str, lang: str) -> frozenset[str]:
    """Stems of the content words around each negator: what is negated ("no dio detalles")."""
    folded = fold(text)
    toks = [t for t in tokens(folded) if len(t.text) > 2 and zipf(t.text, lang) < FUNCTION_WORD_ZIPF]
    starts = [t.start for t in toks]
    breaks = clause_breaks(folded)
    out = set()
    for s, _ in cues(text, lang):
        k = bisect.bisect_left(breaks, s)  # the last break before the negator (a word) and the next
        lo, hi = breaks[k - 1] if k else -1, breaks[k] if k < len(breaks) else len(folded)
        i = bisect.bisect_right(starts, s)  # the words after the negator, and those before it
        after = [t for t in toks[i : i + NEGATED_AFTER] if t.start < hi]
        j = bisect.bisect_left(starts, s)
        before = [t for t in toks[max(0, j - NEGATED_BEFORE) : j] if t.start > lo]
        out |= {t.text[:STEM] for t in after + before}
    return frozenset(out)


def count(text: str | None, lang: str) -> int | None:
    if text is None or lang not in NEG_PRIMARY:
        return None
    return len(cues(text, lang))


NEGATION = Check("negation", "critical", "Negation differs", also=("minor", "major"))


@register(NEGATION)
def check_negation(inp: CheckInput) -> list[Flag]:
    """As many negated clauses in the translation as in the source."""
    n_src = count(inp.source, inp.source_lang)
    n_tgt = count(inp.target, inp.target_lang)
    if n_src is None or n_tgt is None:
        return []
    if n_src == n_tgt:
        return (_moved(inp) if n_src else _prefix_flipped(inp)) or _restricted(inp)
    n_back = count(inp.back, inp.source_lang)
    n_fwd = count(inp.forward, inp.target_lang)
    # The engine's own view: the back-translation against the source, the translation against
    # the forward translation. Either one agreeing means the cue lists, not the meaning, differ.
    if n_back is not None and n_back == n_src:
        return []
    if n_fwd is not None and n_fwd == n_tgt:
        return []
    fewer = (inp.target, inp.target_lang) if n_tgt < n_src else (inp.source, inp.source_lang)
    more = (inp.source, inp.source_lang) if n_tgt < n_src else (inp.target, inp.target_lang)
    # negations the other side says as plainly in another form ("no es más que" / "only")
    view = inp.forward if n_tgt < n_src else inp.back  # the engine's rendering of the side with more
    cannot = cannot_said_alike(forms.folded(more[0]), more[1], cues(*more), forms.folded(fewer[0]))
    lo, hi = min(n_src, n_tgt) + _said_alike(more, fewer, view) + cannot, max(n_src, n_tgt)
    if lo >= hi:
        return []
    spans = tuple(Span("source", s, e) for s, e in cues(inp.source, inp.source_lang)) + tuple(
        Span("text", s, e) for s, e in cues(inp.target, inp.target_lang)
    )
    more_or_fewer = "more" if n_tgt > n_src else "fewer"
    msg = f"translation has {more_or_fewer} negations than the source ({n_tgt} vs {n_src})"
    # The side with fewer negators may negate with a word instead ("sem" / "without",
    # "não regulamentada" / "unregulated"): then the difference is of wording, weak evidence.
    fewer_text, fewer_lang = fewer
    implied = unspent(_implied(inp, fewer, view, hi - lo, n_tgt < n_src), cannot)
    # The copy adds a negation: an English source's "unable", "invalid" (WordNet pairs them) or a
    # strong prefix joined by a hyphen that is not the language's negator ("non-recursive"; French
    # "non-" is) says it (no flag); other words must negate in the engine's hands, else it stands.
    doubted: tuple[str, ...] = ()
    if n_tgt > n_src:
        strong = set(NEG_AFFIXES.get(fewer_lang, ((), (), ()))[0]) - NEG_PRIMARY.get(fewer_lang, set())
        affixed = tuple(w for w in implied if w in strong or negated_by_prefix(w, fewer_lang))
        if lo + len(affixed) >= hi:
            return []
        borne = borne_out(implied, inp.forward, inp.back, inp.target_lang)
        borne += tuple(w for w in affixed if w not in borne)
        doubted, implied = tuple(w for w in implied if w not in borne), borne
    if lo + len(implied) >= hi:
        said = ", ".join(f"'{w}'" for w in implied[:3])
        return [NEGATION.flag(f"{msg}; the other side may negate with {said}", spans, severity="minor")]
    only = ONLY_WORDS.get(fewer_lang, frozenset())
    if only & set(words(fewer_text)) and lo + _restricts(*more) >= hi:
        restriction = "a restriction ('only' / 'not ... until' / 'not ... unless')"
        return [NEGATION.flag(f"{msg}; {restriction}", spans, severity="minor")]
    if doubted:
        said = ", ".join(f"'{w}'" for w in doubted[:3])
        return [NEGATION.flag(f"{msg}; the engine does not read {said} as a negation", spans, "major")]
    if _clean(inp, n_src, n_tgt, n_fwd):
        return [NEGATION.flag(f"{msg}: the rest of the clause says the same as the engine's", spans)]
    return [NEGATION.flag(msg, spans, severity="major")]


def _said_alike(more: tuple[str, str], fewer: tuple[str, str], view: str | None) -> int:
    """How many negators of the side with more say what the other side says without one, in the
    form its language has for it: a restrictive negation against an "only" the other side has
    to spare ("no es más que el principio" / "only the beginning"), an approximate negation
    against "hardly" ("casi no vino nadie" / "hardly anyone came"), a negated noun against its
    "-free" compound (where `view`, the engine's rendering of the side with more, negates it).
    Both sides say the same restriction, "almost none", "without": no difference of meaning. (A
    negated "can" against an adjective of impossibility is `cannot_said_alike`.)"""
    (more_text, more_lang), (fewer_text, fewer_lang) = more, fewer
    spans = cues(more_text, more_lang)
    folded_more, folded_fewer = forms.folded(more_text), forms.folded(fewer_text)
    only = forms.only_words(folded_fewer, fewer_lang) - forms.only_words(folded_more, more_lang)
    hardly = forms.hardly_or_just(
        folded_fewer, fewer_lang, frozenset(implicit(fewer_text, fewer_lang))
    ) - forms.hardly_or_just(folded_more, more_lang, frozenset(implicit(more_text, more_lang)))
    freed = (
        forms.freed(folded_fewer, negated_words(view, fewer_lang), STEM) if view and fewer_lang == "en" else 0
    )
    return (
        min(forms.restrictive(folded_more, more_lang, spans), max(0, only))
        + min(forms.approximate(folded_more, more_lang, spans), max(0, hardly))
        + freed
    )


def _implied(
    inp: CheckInput, fewer: tuple[str, str], view: str | None, short: int, copy: bool
) -> tuple[str, ...]:
    """Words that negate without a negator on the side with fewer (`implicit`), but not "until" where the
    engine's view of the other side writes it ("hasta" / "until"), nor a `weak` word the other side writes
    alike, its view writes, or the side's own view renders as a word the other side writes (said there, it
    renders a word of that side, negated or not: "No vino y se quedó fuera de casa" / "Veio e ficou fora
    de casa", "no es distinto de cero" / "different from zero"). Where the `copy` or the source is `short`
    negators short, also the engine's (`read_by_engine`; of the forward translation, a prefixed word whose
    rest the copy negates: "inconnu": "desconocido" / "No se reconoce"). An error noun both sides write
    explains nothing."""
    text, lang = fewer
    more, more_lang = (inp.source, inp.source_lang) if copy else (inp.target, inp.target_lang)
    rendered = (_UNTIL & set(implicit(view or "", lang))) | errors_named(inp.source, inp.target)
    implied = tuple(w for w in implicit(text, lang) if w not in rendered)
    loose = weak(text, lang) & set(implied)
    if loose:  # a weak word, where the other side writes it or its own view renders one of that side's
        written = {kind(w) for w in implicit(view or "", lang)} | {fold(t.text) for t in tokens(more)}
        own_view = inp.back if copy else inp.forward  # "hors de" / back-translated "fuera de" / "fuera de"
        alike = set(implicit(own_view or "", more_lang)) & set(implicit(more, more_lang))
        implied = tuple(w for w in implied if not (w in loose and (kind(w) in written or alike)))
    if len(implied) < short:
        read = read_by_engine(inp, copy)
        if not copy:  # the forward translation's prefixed word: only where the copy negates its rest
            rests = prefixed(inp.forward or "", inp.target_lang)
            negated = _negated_here(inp.target, inp.target_lang)
            read = tuple(w for w in read if any(rests.get(w, w)[:STEM_REST] in t for t in negated))
        implied += read
    return implied


def _negated_here(text: str, lang: str) -> frozenset[str]:
    """The words (folded, function words too) among the few after each negator of `text`, in its clause."""
    folded = fold(text)
    toks = tokens(folded)
    starts = [t.start for t in toks]
    out: set[str] = set()
    for s, _ in cues(text, lang):
        end = clause_end(folded, s + 1)
        out |= {t.text for t in toks[bisect.bisect_right(starts, s) :][: NEGATED_AFTER + 1] if t.start < end}
    return frozenset(out)


def _clean(inp: CheckInput, n_src: int, n_tgt: int, n_fwd: int | None) -> bool:
    """An unambiguous difference: the engine's translation negates as often as the source, and
    the words negated on the side with the negation stand un-negated on the other ("is not
    allowed" / "is allowed"). A reworded clause ("there is no doubt" / "undoubtedly") is not."""
    if inp.forward is None or n_fwd != n_src:
        return False
    negated_side, plain_side = (inp.forward, inp.target) if n_tgt < n_src else (inp.target, inp.forward)
    negated = negated_words(negated_side, inp.target_lang) - negated_words(plain_side, inp.target_lang)
    said = negated & _stems(plain_side)
    return bool(negated) and len(said) >= min(CLEAN_SHARED, len(negated))


def _moved(inp: CheckInput) -> list[Flag]:
    """Same number of negations, but a different word negated on both engine views
    ("no dio detalles" vs "didn't promise": back "no prometió", forward "did not give")."""
    if inp.back is None or inp.forward is None:
        return []
    src, back = negated_words(inp.source, inp.source_lang), negated_words(inp.back, inp.source_lang)
    tgt, fwd = negated_words(inp.target, inp.target_lang), negated_words(inp.forward, inp.target_lang)
    if not src or not back or not tgt or not fwd or src & back or tgt & fwd:
        return []
    # ... and the newly negated words are words of the other side, left un-negated there
    if not back & _stems(inp.source) or not tgt & _stems(inp.forward):
        return []
    spans = tuple(Span("text", s, e) for s, e in cues(inp.target, inp.target_lang))
    return [
        NEGATION.flag("the translation negates a different word than the source", spans, severity="major")
    ]


def _restricted(inp: CheckInput) -> list[Flag]:
    """As many negations, but one side says "only" where the other says "more than" un-negated,
    in the engine's rendering too: a restrictive negation ("no es más que" = "only") one side
    lacks ("Esto es más que el principio" / "This is only the beginning")."""
    if inp.forward is None or inp.back is None:
        return []
    src, tgt = (inp.source, inp.source_lang), (inp.target, inp.target_lang)
    for said, field, text, other, view in (
        ("translation", "text", tgt, src, inp.forward),
        ("source", "source", src, tgt, inp.back),
    ):
        if forms.only_for_more_than(text, other, view, cues):
            msg = (
                f"the {said} says 'only' where the other side says 'more than': a restriction "
                "('no ... más que') one side lacks"
            )
            return [NEGATION.flag(msg, (Span(field, 0, len(text[0])),), severity="major")]
    return []


def _prefix_flipped(inp: CheckInput) -> list[Flag]:
    """No negator in the source and the copy (the caller's count), but one side says an act failed and the
    other not (`failure_dropped`), or, none in the engine's views either, a prefix flips (`prefix_flips`)."""
    found = prefix_flips(inp)
    if not found and not may_fail(inp):
        return []  # the common case: no word flipped, none of failure (the views go uncounted)
    views = (count(inp.forward, inp.target_lang), count(inp.back, inp.source_lang))
    if dropped := failure_dropped(inp, views):  # "Falha ao enviar" / "Se envió": a message and its span
        return [NEGATION.flag(dropped[0], dropped[1:], "major")]
    if found and any(views):
        return []  # a negation reworded beside the word ("No se puede" / "Impossível ... não é válido")
    said = {w for pair in found for w in pair}
    spans = tuple(Span("text", t.start, t.end) for t in tokens(inp.target) if fold(t.text) in said)
    what = ", ".join(f"'{w}' / '{r}'" for w, r in found[:2])
    msg = f"a word negated by a prefix stands without it on the other side ({what})"
    return [NEGATION.flag(msg, spans or (Span("text", 0, len(inp.target)),))] if found else []


def _stems(text: str) -> frozenset[str]:
    return frozenset(fold(t.text)[:STEM] for t in tokens(text) if len(t.text) > 2)
