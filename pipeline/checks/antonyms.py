"""Antonyms: a word swapped for its opposite ("more" -> "less", "opened" -> "closed").

A table of common opposite pairs (`antonym_pairs.PAIRS`: the same concepts in en, es, fr, de,
it, pt, from general dictionaries; "word*" matches a prefix, so one entry covers a verb's forms;
"went_up" is two words in a row). Source-aware mode asks both engine views to see the same swap:
the translation has more of one side and less of the other than the forward translation, and the
back-translation against the source likewise.
Round-trip mode compares the original and its round trip directly (same language).
"""

from __future__ import annotations

import functools

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .antonym_pairs import PAIRS
from .text import fold, tokens


@functools.cache
def _matchers(
    lang: str,
) -> list[tuple[str, tuple[frozenset[str], tuple[str, ...]], tuple[frozenset[str], tuple[str, ...]]]]:
    out = []
    for concept, langs in PAIRS.items():
        if lang not in langs:
            continue
        sides = []
        for words in langs[lang]:
            exact = frozenset(w for w in words.split() if not w.endswith("*"))
            prefixes = tuple(w[:-1] for w in words.split() if w.endswith("*"))
            sides.append((exact, prefixes))
        out.append((concept, sides[0], sides[1]))
    return out


@functools.lru_cache(maxsize=65536)
def _classify(word: str, lang: str) -> tuple[tuple[str, int], ...]:
    """(concept, side) pairs a folded word belongs to (side 0 = A, 1 = B)."""
    out = []
    for concept, a, b in _matchers(lang):
        for side, (exact, prefixes) in enumerate((a, b)):
            if word in exact or word.startswith(prefixes):
                out.append((concept, side))
    return tuple(out)


@functools.cache
def _phrases(lang: str) -> dict[str, tuple[tuple[str, int], ...]]:
    """Two folded words the table lists as one ("went_up") -> their (concept, side) pairs, and each
    phrase's first word -> ()."""
    out: dict[str, list[tuple[str, int]]] = {}
    for concept, a, b in _matchers(lang):
        for side, (exact, _) in enumerate((a, b)):
            for entry in exact:
                if "_" in entry:
                    out.setdefault(entry, []).append((concept, side))
    heads = {entry.split("_")[0]: () for entry in out}  # "went": the first words, to look past the rest
    return {**heads, **{k: tuple(v) for k, v in out.items()}}


@functools.lru_cache(maxsize=8192)
def profile(text: str, lang: str) -> dict[str, tuple[int, int]]:
    """concept -> (count of side A words, count of side B words) in `text`."""
    counts: dict[str, list[int]] = {}
    words = [fold(t.text) for t in tokens(text)]
    phrases = _phrases(lang)
    for i, word in enumerate(words):
        pair = phrases.get(f"{word}_{words[i + 1]}", ()) if word in phrases and i + 1 < len(words) else ()
        for concept, side in _classify(word, lang) + pair:
            counts.setdefault(concept, [0, 0])[side] += 1
    return {c: (n[0], n[1]) for c, n in counts.items()}


def _swap(new: dict[str, tuple[int, int]], old: dict[str, tuple[int, int]], concept: str) -> int:
    """+1 when `new` has more A and fewer B than `old`, -1 for the reverse, else 0."""
    a1, b1 = new.get(concept, (0, 0))
    a0, b0 = old.get(concept, (0, 0))
    if a1 > a0 and b1 < b0:
        return 1
    if a1 < a0 and b1 > b0:
        return -1
    return 0


ANTONYMS = Check("antonyms", "critical", "A word became its opposite", also=("minor", "major"))


@register(ANTONYMS)
def check_antonyms(inp: CheckInput) -> list[Flag]:
    """No word of the source is turned into its opposite ("more" into "less")."""
    if not _matchers(inp.target_lang) or not _matchers(inp.source_lang):
        return []
    tgt = profile(inp.target, inp.target_lang)
    if inp.mode == "roundtrip":
        src = profile(inp.source, inp.source_lang)
        swaps = {c: _swap(tgt, src, c) for c in set(tgt) | set(src)}
    else:
        if inp.forward is None or inp.back is None:
            return []
        fwd = profile(inp.forward, inp.target_lang)
        back, src = profile(inp.back, inp.source_lang), profile(inp.source, inp.source_lang)
        swaps = {}
        for c in set(tgt) | set(fwd):
            s1, s2 = _swap(tgt, fwd, c), _swap(back, src, c)
            swaps[c] = s1 if s1 and s1 == s2 else 0
    found = [c for c, s in swaps.items() if s]
    if not found:
        return _english_view(inp) if inp.mode != "roundtrip" else []
    span = (Span("text", 0, len(inp.target)),)
    msg = f"a word became its opposite ({', '.join(sorted(found))})"
    if inp.mode != "roundtrip" and _negated_instead(inp, frozenset(found)):
        return [ANTONYMS.flag(f"{msg}, and a negation changed too: said the other way round?", span, "minor")]
    return [ANTONYMS.flag(msg, span)]


def _negated_instead(inp: CheckInput, swapped: frozenset[str]) -> bool:
    """Both engine views differ in negations as well (by negators, or by negative words that are
    not themselves words of the `swapped` opposites): the translation against the forward
    translation and the back-translation against the source ("não será possível" / "will be
    impossible", "who did not accept it" / "who rejected it", "Apto para mayores" / "Proibido
    para menores"). A word said as the negation of its opposite keeps the meaning; the counts
    alone cannot tell that from a flip, so it stays evidence."""
    t, s = inp.target_lang, inp.source_lang

    def differ(words: frozenset[str] | None) -> bool:
        forward_view = _negations(inp.target, t, words) != _negations(inp.forward, t, words)
        return forward_view and _negations(inp.back, s, words) != _negations(inp.source, s, words)

    # counted without any opposite's words, or without the swapped ones' only (where the
    # negation is itself another opposite: "Proibido")
    return differ(None) or differ(swapped)


def _negations(text: str | None, lang: str, swapped: frozenset[str] | None = None) -> int:
    """Negators and negative words of a text, less the words of the swapped opposites (a negator
    that is itself one, "forbidden", is the swap, not a negation more; `None`: of any opposite)."""
    from .negation import cues
    from .negation_words import implicit

    def opposite(word: str) -> bool:
        return any(swapped is None or c in swapped for c, _ in _classify(fold(word), lang))

    said = sum(1 for s, e in cues(text or "", lang) if not opposite((text or "")[s:e]))
    return said + sum(1 for w in implicit(text or "", lang) if not opposite(w))


def _english_view(inp: CheckInput) -> list[Flag]:
    """A WordNet antonym in the one engine view that is English (see `wordnet_antonyms`), where the
    other view changed a word too (a back-translation that gives the source's words back says the
    copy kept them): `major`, one view only; `minor` where the English view differs in negations
    too (said the other way round)."""
    from .wordnet_antonyms import placed_alike, swaps

    view = english_view(inp)
    found = [(a, b) for a, b in swaps(*view) if placed_alike(view[0], a, view[1], b)] if view else []
    if not view or not found:
        return []
    reference, other = view
    said = ", ".join(f"{a}/{b}" for a, b in found[:3])
    msg = f"a word became its opposite in the engine's English view ({said})"
    span = (Span("text", 0, len(inp.target)),)
    if _negations(reference, "en") != _negations(other, "en"):
        return [ANTONYMS.flag(f"{msg}, and a negation changed too: said the other way round?", span, "minor")]
    return [ANTONYMS.flag(msg, span, "major")]


def english_view(inp: CheckInput) -> tuple[str, str] | None:
    """The one engine view that is English, as (the engine's text, the other text): into English
    the forward translation and the copy, from English the source and the back-translation. None
    without engine views, with neither side English, or where the other view did not change a
    word (a back-translation that gives the source's words back says the copy kept them). WordNet
    is English: the antonyms here and `hypernyms` read this view."""
    if inp.forward is None or inp.back is None:
        return None
    if inp.target_lang == "en":
        view, moved = (inp.forward, inp.target), _moved(inp.source, inp.back)
    elif inp.source_lang == "en":
        view, moved = (inp.source, inp.back), _moved(inp.forward, inp.target)
    else:
        return None
    return view if moved else None


def _moved(reference: str, other: str) -> bool:
    """The other text lacks a word of four letters or more of the reference and has one of its own."""
    a = {fold(t.text) for t in tokens(reference) if len(t.text) >= 4}
    b = {fold(t.text) for t in tokens(other) if len(t.text) >= 4}
    return bool(a - b) and bool(b - a)
