"""Past or present: the tense of each English verb the translation shares with the engine's.

The engine's forward translation carries the source's tense through its own grammar (a rule-based
engine transfers the morphology: "dio" -> "gave", "dice" -> "says"). Where the translation uses
the same verb (same lemma, lemminflect) as a finite verb in the other tense ("gives" / "gave"),
the tense changed. Evidence only (a `minor` flag): news copy may move a reported "says" to "said".

Finite forms are read with lemminflect's inflection tables: a third-person present ("gives"), a
simple past ("gave", "expressed" when no auxiliary or determiner stands before it: "has
expressed" and "the expressed view" are not finite), and the forms of be/have/do. Words that are
also nouns ("places", "plants") count only after a name or a subject pronoun ("Walmart places").
"""

from __future__ import annotations

import functools
import re

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


def finite_tenses(text: str) -> dict[str, set[str]]:
    """Lemma -> the tenses its finite forms take in an English text."""
    out: dict[str, set[str]] = {}
    raw = _WORD.findall(text.replace("\u2019", "'"))
    words = [w.lower() for w in raw]
    for i, w in enumerate(words):
        after_name = i > 1 and raw[i - 1][:1].isupper()
        got = _tense(w, words[i - 1] if i else "", after_name)
        if got is not None:
            out.setdefault(got[0], set()).add(got[1])
    return out


def switches(target: str, forward: str) -> list[tuple[str, str, str]]:
    """(lemma, tense in the translation, tense in the engine's translation) for every verb both
    use finitely in disjoint tenses only ("gives" vs "gave")."""
    tgt, fwd = finite_tenses(target), finite_tenses(forward)
    return [
        (lemma, "/".join(sorted(tgt[lemma])), "/".join(sorted(fwd[lemma])))
        for lemma in sorted(tgt.keys() & fwd.keys())
        if lemma != "be" and not tgt[lemma] & fwd[lemma]
    ]
