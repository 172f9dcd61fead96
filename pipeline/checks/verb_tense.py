"""Past or present: the tense of each English verb the translation shares with the engine's.

The engine's forward translation carries the source's tense through its own grammar (a rule-based
engine transfers the morphology: "dio" -> "gave", "dice" -> "says"). Where the translation uses
the same verb (same lemma, lemminflect) as a finite verb in the other tense ("gives" / "gave"),
the tense changed. Evidence only (a `minor` flag): news copy may move a reported "says" to "said".

Finite forms are read with lemminflect's inflection tables: a third-person present ("gives"), a
simple past ("gave", "expressed" when no auxiliary or determiner stands before it: "has
expressed" and "the expressed view" are not finite), and the forms of be/have/do. Words that are
also nouns ("places", "plants") count only after a name or a subject pronoun ("Walmart places").
`past_lemmas` names the verbs a text puts in the past (finite pasts and perfects): `tense` reads it
to tell a present dated ahead from a past (checks/futurate.py). `VerbForms` reads progressives
("is growing", "was opening") whose word in -ing is a verb's, not an adjective's ("is
disappointing.", "can be sweeping;"): `tense` and `aspect` count them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .text import word_classes

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
# Before a form that is also a plural noun ("places"), these make it a verb ("it places").
_SUBJECTS = frozenset("he she it who which that this one".split())
_FIXED = {
    "is": ("be", "present"), "are": ("be", "present"), "am": ("be", "present"),
    "was": ("be", "past"), "were": ("be", "past"),
    "has": ("have", "present"), "had": ("have", "past"),
    "does": ("do", "present"), "did": ("do", "past"),
}  # fmt: skip
# Words after which a past form is a participle or an adjective, not a finite past.
_NOT_FINITE_AFTER = frozenset(
    "have has had having be is are am was were been being get gets got 've 'd 's 're "
    "the a an this that these those his her its their our my your".split()
)
# Words after which a verb is in its base form ("will put", "to set"), whatever else it may be
# (and any word in "n't", "'ll" or "'d": "didn't set", "we'll put").
_BASE_AFTER = frozenset("will shall would should can could may might must to do does did not".split())
_MODALS = frozenset("will shall can may must".split())
_PERFECT = frozenset("has have had".split())  # before a participle: a past event ("has met")


@functools.lru_cache(maxsize=65536)
def _verb(word: str) -> tuple[str, bool, frozenset[str]] | None:
    """(lemma, whether the word is also a noun, the verb's inflection tags this form has) of a
    lower-case word that can be a verb, else None: lemminflect's tables, read once per word (its
    lookups copy their answers: reading them per occurrence cost more than the rest of the check)."""
    from lemminflect import getAllInflections, getAllLemmas

    lemmas = getAllLemmas(word)
    verbs = lemmas.get("VERB")
    if not verbs:
        return None
    lemma = verbs[0]
    tags = frozenset(tag for tag, forms in getAllInflections(lemma, upos="VERB").items() if word in forms)
    return lemma, "NOUN" in lemmas, tags


def _tense(word: str, prev: str, after_name: bool) -> tuple[str, str] | None:
    """(lemma, "past" | "present") of a finite English verb form (lower case), else None; `prev`
    is the word before it (lower case), `after_name` whether that word is capitalised mid-sentence."""
    if word in _FIXED:
        return _FIXED[word]
    verb = _verb(word)
    if verb is None:
        return None
    lemma, noun, tags = verb
    if noun and not (after_name or prev in _SUBJECTS):
        return None
    if "VBZ" in tags:
        return lemma, "present"
    if "VBD" in tags and prev not in _NOT_FINITE_AFTER:
        return lemma, "past"
    return None


def _finite(text: str) -> list[tuple[str, str, str]]:
    """(lemma, tense, the word before) of every finite verb form of an English text, in order."""
    out: list[tuple[str, str, str]] = []
    raw = _WORD.findall(text.replace("\u2019", "'"))
    words = [w.lower() for w in raw]
    for i, w in enumerate(words):
        after_name = i > 1 and raw[i - 1][:1].isupper()
        prev = words[i - 1] if i else ""
        got = _tense(w, prev, after_name)
        if got is not None:
            out.append((*got, prev))
    return out


def finite_tenses(text: str) -> dict[str, set[str]]:
    """Lemma -> the tenses its finite forms take in an English text."""
    out: dict[str, set[str]] = {}
    for lemma, tense, _ in _finite(text):
        out.setdefault(lemma, set()).add(tense)
    return out


def past_lemmas(text: str) -> set[str]:
    """The lemmas of the verbs an English text puts in the past: finite pasts ("went" -> "go", "was"
    -> "be") and perfects ("has met" -> "meet"). A form that is also the base form after a modal or
    "to" ("will put", "to set") is no past, nor is a modal ("would", "could": a future or a
    possibility seen from the past, not a past event), nor a perfect after one ("will have met")."""
    out = {
        lemma
        for lemma, tense, prev in _finite(text)
        if tense == "past" and lemma not in _MODALS and not _base_after(prev)
    }
    words = [w.lower() for w in _WORD.findall(text.replace("\u2019", "'"))]
    for i in range(1, len(words)):
        verb = _verb(words[i])
        aux = words[i - 1]
        # lemminflect lists a regular participle as the past form only ("announced": VBD)
        if verb and verb[2] & {"VBN", "VBD"} and (aux in _PERFECT or aux.endswith("'ve")):
            if not (i > 1 and _base_after(words[i - 2])):
                out.add(verb[0])
    return out


def _base_after(prev: str) -> bool:
    return prev in _BASE_AFTER or prev.endswith(("n't", "'ll", "'d"))


def switches(target: str, forward: str) -> list[tuple[str, str, str]]:
    """(lemma, tense in the translation, tense in the engine's translation) for every verb both
    use finitely in disjoint tenses only ("gives" vs "gave")."""
    tgt, fwd = finite_tenses(target), finite_tenses(forward)
    return [
        (lemma, "/".join(sorted(tgt[lemma])), "/".join(sorted(fwd[lemma])))
        for lemma in sorted(tgt.keys() & fwd.keys())
        if lemma != "be" and not tgt[lemma] & fwd[lemma]
    ]


# After a word in -ing that is also an adjective, these leave it one ("was disappointing and slow").
_AFTER_ADJECTIVE = frozenset("and or but than as".split())


def ing_is_verb(word: str, after: str | None) -> bool:
    """A form in -ing read as a verb: one that is also an adjective ("disappointing", "opening")
    is a verb only with a word after it that is no conjunction ("was opening the bridge", not
    "was disappointing." or "was interesting and new")."""
    readings = word_classes(word.lower())
    if "VERB" not in readings:
        return False
    return "ADJ" not in readings or (after is not None and after.lower() not in _AFTER_ADJECTIVE)


class VerbForms:
    """A compiled pattern with the groups `ing` (a word in -ing) and `next` (the word after it, in a
    lookahead), whose matches count only where `ing` is a verb (`ing_is_verb`); `search`, `findall`
    and `finditer` as a pattern's, so tables of patterns can hold it."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return (m for m in self.pattern.finditer(text) if ing_is_verb(m.group("ing"), m.group("next")))

    def findall(self, text: str) -> list[str]:
        return [m.group(0) for m in self.finditer(text)]

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


# The gerund of "to be": a progressive that adds one the forward translation lacks ("There are
# being great gaps", "was being founded") is marked by the translation itself.
BEING: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\bbeing\b", re.I),
    "es": re.compile(r"\bsiendo\b", re.I),
    "pt": re.compile(r"\bsendo\b", re.I),
    "it": re.compile(r"\bessendo\b", re.I),
    "fr": re.compile(r"\bétant\b", re.I),
}


def status_line(text: str) -> bool:
    """An English status line: it opens with a verb in -ing and has no finite verb ("Skipping
    package", "Reading the file list..."), a progressive without its auxiliary that a Romance
    interface often renders in the future ("S'ometrà el paquet") or the present."""
    first = _WORD.match(text.strip())
    if first is None or not first.group().lower().endswith("ing"):
        return False
    verb = _verb(first.group().lower())
    return verb is not None and "VBG" in verb[2] and not _finite(text)
