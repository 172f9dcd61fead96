"""What each pivot makes of the copy's doubtful words: the pivot engines' own evidence of a
word of another language.

A word of the copy that its own language hardly knows ("campos" in English copy) is either a
name, a rare word, a typo or a word of another language. Each pivot's engine is asked what the
word means when read as the pivot language (pivot -> copy language, the word alone): Apertium
and the Bergamot models leave a word they do not know as it is ("Siminoff", "uit"), fix a typo
that happens to be a word of theirs ("ha" -> "has"), and translate a word of their own language
into another word ("campos" -> "fields", "montada" -> "mounted"). That last answer is the
evidence the `foreign` check weighs against a typo or a name: the pivot read the word as its
own. With several pivots every pivot's reading counts (a Spanish word is read by the Spanish
pivot, a Portuguese one by the Portuguese), and the check sees them all whichever round trip it
judges.

Reading a few words costs little where a round trip of the whole copy costs a lot, so besides the
pivots a few more languages *read* the doubtful words without making a round trip (`READERS`,
where the engine translates them directly into the copy's language; one engine call each, a few
words per article): the default one-pivot run reads code-mixed copy as well as a three-pivot one
(benchmarks/bench_copy_only.py) at the cost of one round trip.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..checks.text import tokens, zipf
from ..engines import Engine, translate_route

# A word is doubtful when its own language uses it at most this often (Zipf; the `foreign`
# check's own ceiling for a foreign word, checks/foreign.py MAX_COPY_ZIPF) ...
DOUBTFUL_MAX_ZIPF = 3.3
MIN_LETTERS = 4  # ... and it has this many letters (short words have their own rule there)


# Copy language -> languages that read its doubtful words besides the pivots (direct pairs only).
# English: the Apertium pairs the three-pivot measurement used (Catalan, Esperanto) and Spanish.
READERS: dict[str, tuple[str, ...]] = {"en": ("es", "ca", "eo")}


def reader_routes(engine: Engine, lang: str, pivots: Sequence[str]) -> dict[str, list[str]]:
    """The extra readers of `lang` copy this engine can run directly (reader -> copy language)."""
    return {
        r: [r, lang]
        for r in READERS.get(lang, ())
        if r != lang and r not in pivots and engine.supports(r, lang)
    }


def doubtful_words(texts: Sequence[str], lang: str) -> list[str]:
    """The lower-case words of `texts` that `lang` hardly knows, once each, in order of appearance."""
    seen: dict[str, None] = {}
    for text in texts:
        for tok in tokens(text):
            w = tok.text.lower()
            if w in seen or len(w) < MIN_LETTERS or not w.isalpha():
                continue
            if zipf(w, lang) <= DOUBTFUL_MAX_ZIPF:
                seen[w] = None
    return list(seen)


def pivot_readings(
    engine: Engine, words: list[str], back_routes: Mapping[str, list[str]]
) -> dict[str, tuple[tuple[str, str], ...]]:
    """Per word: (pivot, what the pivot's engine makes of it) for every pivot that reads it as a
    word of its own (the reading differs from the word). One engine call per pivot, all words."""
    found: dict[str, list[tuple[str, str]]] = {}
    if not words:
        return {}
    for pivot, route in back_routes.items():
        out = translate_route(engine, words, route, set())
        for word, reading in zip(words, out):
            r = " ".join(reading.split()).strip(" .,;:!?\"'").lower()
            if r and r != word:
                found.setdefault(word, []).append((pivot, r))
    return {w: tuple(rs) for w, rs in found.items()}
