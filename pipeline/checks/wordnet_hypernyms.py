"""More general words found through WordNet: a noun of the engine's English rendering that the copy
says with a hypernym ("el cohete Meteor-2": the engine wrote "the rocket", the copy "the Meteor-2
vehicle"; trout -> fish, summit -> meeting). The `hypernyms` check raises it.

The meaning is not reversed, it lost what made it specific. WordNet 3.0 orders English nouns
under hypernyms (`pipeline/data/hypernyms-en.json`, built by `.ci/build_hypernyms.py`: for a
noun's three commonest senses that are things, beings, places, groups or events, the words up
to two steps above them that have at least 20 times as many kinds below them, less synonyms).
WordNet is English, so one engine view is read, as for WordNet's antonyms
(`antonyms.english_view`): into English, the copy against the forward translation; from
English, the back-translation against the source, where the other view changed a word too. A
shift is a noun that only the engine's side has whose hypernym only the other side has as a noun.

Left out, by rules of the language rather than words of a sentence:
- a specific word as common as MAX_WORD_ZIPF or more ("car", "house", "man"): a common word has
  many senses and translators reword it freely;
- a general word as common as MAX_GENERAL_ZIPF or more ("people"), and the top of WordNet's tree
  (left out of the table when it is built: "entity", "thing", "being", "someone");
- a word whose family the other side has ("rocket" / "rocketry", "priestess" / "priest"), and a
  specific word made from the general one with a prefix ("immigrant" / "migrant", "subcommittee" /
  "committee"): the copy keeps its root;
- acronyms and names ("NSA", "the Netherlands", "the Low Countries": capitalised inside the
  sentence; WordNet files a name under what it is, `names` compares names) and verb forms
  ("designed");
- a general word the other side makes a compound of with a noun of its own beside it
  ("parchment" / "papel vegetal", back-translated "vegetable paper"): a compound may name the
  specific thing (an adjective or participle does not: "salted fish" for "trout" still flags).
"""

from __future__ import annotations

import functools

from .text import stem, word_classes, zipf

MAX_WORD_ZIPF = 4.5  # chosen on the training parts of both development files (see the README)
MAX_GENERAL_ZIPF = 6.0


@functools.cache
def table() -> dict[str, frozenset[str]]:
    """Word -> the more general words WordNet puts above it (single words, lower case)."""
    from .wordnet_antonyms import word_table

    return word_table("hypernyms-en.json", "hypernyms")


def generalised(engine: str, other: str) -> list[tuple[str, str]]:
    """(engine's word, other side's word) pairs: a lemma only `engine` has whose WordNet hypernym
    only `other` has, neither said with a word of the other's family, within the Zipf cuts."""
    from .wordnet_antonyms import lemmas

    mine, theirs = lemmas(engine), lemmas(other)
    mine_stems, their_stems = {stem(w) for w in mine}, {stem(w) for w in theirs}
    their_nouns = nouns(other) - mine
    above = table()
    found = []
    for a in sorted(nouns(engine) - theirs):
        general = above.get(a, frozenset()) & their_nouns
        if not general or stem(a) in their_stems or zipf(a, "en") >= MAX_WORD_ZIPF:
            continue
        for b in sorted(general):
            if stem(b) in mine_stems or a.endswith(b) or zipf(b, "en") >= MAX_GENERAL_ZIPF:
                continue
            if _qualified(b, other, mine):
                continue
            found.append((a, b))
    return found


MODIFIER_MAX_ZIPF = 5.0  # a neighbouring noun rarer than this is a content word that may make a compound


def _qualified(general: str, text: str, engine_lemmas: frozenset[str]) -> bool:
    """Every occurrence of `general` in `text` has a noun beside it that the engine's side lacks
    ("vegetable paper" for "parchment"): the compound may name the specific thing."""
    from .wordnet_antonyms import WORD, word_lemmas

    words = [m.group(0).lower() for m in WORD.finditer(text)]
    spots = [i for i, w in enumerate(words) if general in _noun_lemmas(w)]
    if not spots:
        return False

    def qualifies(j: int) -> bool:
        if not 0 <= j < len(words):
            return False
        w = words[j]
        if len(w) < 3 or zipf(w, "en") >= MODIFIER_MAX_ZIPF or word_lemmas(w) & engine_lemmas:
            return False
        return "NOUN" in word_classes(w)

    return all(qualifies(i - 1) or qualifies(i + 1) for i in spots)


@functools.lru_cache(maxsize=65536)
def _noun_lemmas(word: str) -> frozenset[str]:
    from lemminflect import getAllLemmas

    return frozenset(
        {word, *(f.lower() for forms in getAllLemmas(word, upos="NOUN").values() for f in forms)}
    )


@functools.lru_cache(maxsize=8192)
def nouns(text: str) -> frozenset[str]:
    """The lower-case words of an English text that may be nouns, with their noun lemmas
    ("rockets" -> "rocket"; "designed" stays "designed"), less acronyms and names (a capitalised
    word after the first: "NSA", "the Netherlands", "Low Countries")."""
    from .text import is_acronym
    from .wordnet_antonyms import WORD

    out: set[str] = set()
    for k, m in enumerate(WORD.finditer(text)):
        w = m.group(0)
        if is_acronym(w) or (k and w[:1].isupper()):
            continue
        out |= _noun_lemmas(w.lower())
    return frozenset(out)
