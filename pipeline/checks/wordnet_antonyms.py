"""Opposites found through WordNet: a word of the engine's English rendering that the copy says
as its antonym ("The failure in Iran" where the engine wrote "the failure", the copy "The success").

The concept table of `antonyms` covers the opposites every language says alike; this covers the
rest of English through the antonym pairs of Princeton WordNet 3.0 (`pipeline/data/antonyms-en.json`,
built by `.ci/build_antonyms.py`: 6,161 words). WordNet is English, so one engine view is read:
into English, the copy against the forward translation; from English, the back-translation
against the source. A swap is a lemma that only the engine's side has whose antonym only the
other side has (lemmas from lemminflect: "rose" is "rise", "fell" is "fall").

Left out, by rules of the language rather than words of a sentence:
- the commonest words (Zipf >= MAX_ZIPF: "good", "first", "take", "all"): their antonym holds in
  one sense of many ("take" / "give" in "given that"), and translators trade them freely;
- a word whose family the other side has ("improvement" / "improving", "reduction" / "reduce"):
  a rewording, not an opposite;
- antonyms made by a negative prefix ("likely" / "unlikely", "able" / "unable"): said as "not
  likely" or "pouco provável" they keep the meaning; `negation` reads them.
"""

from __future__ import annotations

import functools
import json
import re

from .text import zipf

MAX_ZIPF = 5.5  # chosen on the training parts of both development files (see the README)
NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "non-", "de", "a", "ab", "mis")
STEM = 5  # words longer than this that share their first STEM letters are one family
PLACE_WINDOW = 0.15  # how far apart (share of each text) a word and its opposite may stand
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def word_table(filename: str, key: str) -> dict[str, frozenset[str]]:
    """A WordNet table the package ships (`pipeline/data/FILENAME`): word -> words, under `key`."""
    from importlib import resources

    ref = resources.files("pipeline") / "data" / filename
    data = json.loads(ref.read_text(encoding="utf-8"))[key]
    return {w: frozenset(v) for w, v in data.items()}


@functools.cache
def table() -> dict[str, frozenset[str]]:
    """Word -> its WordNet antonyms (single words, lower case)."""
    return word_table("antonyms-en.json", "antonyms")


@functools.lru_cache(maxsize=65536)
def word_lemmas(word: str) -> frozenset[str]:
    from lemminflect import getAllLemmas

    out = {word}
    for forms in getAllLemmas(word).values():
        out.update(f.lower() for f in forms)
    return frozenset(out)


@functools.lru_cache(maxsize=8192)
def lemmas(text: str) -> frozenset[str]:
    """Every lower-case word of an English text with its lemmas."""
    out: set[str] = set()
    for w in WORD.findall(text.lower()):
        out |= word_lemmas(w)
    return frozenset(out)


def _prefixed(a: str, b: str) -> bool:
    return any(x == p + y for x, y in ((a, b), (b, a)) for p in NEGATIVE_PREFIXES)


def swaps(engine: str, other: str) -> list[tuple[str, str]]:
    """(engine's word, other side's word) pairs: a lemma only `engine` has whose WordNet antonym
    only `other` has, both rarer than MAX_ZIPF and not one the other with a negative prefix."""
    from .text import zipf

    mine, theirs = lemmas(engine), lemmas(other)
    mine_stems, their_stems = {_stem(w) for w in mine}, {_stem(w) for w in theirs}
    found = []
    antonyms = table()
    for a in sorted(mine - theirs):
        if _stem(a) in their_stems:  # said with another word of its family ("improving" / "improvement")
            continue
        for b in sorted(antonyms.get(a, frozenset()) & (theirs - mine)):
            if _stem(b) in mine_stems or _prefixed(a, b) or max(zipf(a, "en"), zipf(b, "en")) >= MAX_ZIPF:
                continue
            found.append((a, b))
    return found


def placed_alike(text: str, word: str, other: str, opposite: str) -> bool:
    """`word` (a lemma) stands in `text` about where `opposite` stands in `other`, as a share of
    each text (within PLACE_WINDOW): a swap, not two words of different clauses ("warning" said
    "Notice" at the start, where the source's "ignoring" came later)."""
    here, there = _places(text, word), _places(other, opposite)
    return any(abs(a - b) <= PLACE_WINDOW for a in here for b in there)


def _places(text: str, lemma: str) -> list[float]:
    found = WORD.findall(text.lower())
    last = max(len(found) - 1, 1)
    return [i / last for i, w in enumerate(found) if lemma in word_lemmas(w)]


def _stem(word: str) -> str:
    """The first STEM letters of a long word: a word family's shared beginning ("reduc")."""
    return word[:STEM] if len(word) > STEM else word


def negated_by_prefix(word: str, lang: str) -> bool:
    """An English word that is a negative prefix before a word WordNet gives as its antonym
    ("unable" / "able", "invalid" / "valid"): it negates by its affix, read without an engine."""
    return lang == "en" and (
        any(word.startswith(p) and prefixed_opposite(word, word[len(p) :]) for p in NEGATIVE_PREFIXES)
        or un_participle(word)
        or _non_word(word)
    )


NON_STEM_ZIPF = 3.0  # "non" + a word at least this common: "nonportable", "nonempty", "nonzero"


def _non_word(word: str) -> bool:
    """English "non-" written fused to a common word negates it, and only that ("nonportable",
    "nonblocking"): never a reversal, as "un-" can be ("unload")."""
    return word.startswith("non") and len(word) >= 7 and zipf(word[3:], "en") >= NON_STEM_ZIPF


@functools.lru_cache(maxsize=8192)
def un_participle(word: str) -> bool:
    """English "un-" before a verb's past participle: "unterminated", "unsupported", "unknown"
    (not done: a negation by its affix, however rare the whole word). Not "unfold" or "undo",
    whose rest is the verb itself."""
    if not word.startswith("un") or len(word) < 6:
        return False
    from lemminflect import getAllInflections, getAllLemmas

    rest = word[2:]
    verbs = [v for v in getAllLemmas(rest, upos="VERB").get("VERB", ()) if v != rest]
    forms = [getAllInflections(v, upos="VERB") for v in verbs]  # a regular participle is listed as VBD
    return any(rest in f.get("VBN", ()) or rest in f.get("VBD", ()) for f in forms)


def prefixed_opposite(word: str, rest: str) -> bool:
    """WordNet pairs an English word with what follows its prefix as antonyms ("insufficient" /
    "sufficient", "disagreed" / "agree", "unfit" / "fit"): the prefix negates. `negation` asks
    this of a weak prefix ("in", "im", "dis"), which nothing else makes a negation in English:
    "immigrant" is no "not migrant", "increase" no "not crease"."""
    antonyms = table()
    rests = word_lemmas(rest)
    return any(rests & antonyms.get(lemma, frozenset()) for lemma in word_lemmas(word))
