"""Fluency: the marks a deleted word leaves behind ("the that is", "in Gaziantep,,", "Is considered").

When a word or phrase is dropped from a sentence, what remains is often ungrammatical in a
way a few closed-class rules can see without a language model:
- doubled punctuation (",," or ", ." or ";,");
- an article or a preposition right before a punctuation mark ("the shoulders of, each");
- in English and German, a determiner followed by another article, a preposition, a clause
  word or a finite auxiliary ("the that", "a from", "The was founded"; Romance articles double
  as pronouns: "los que");
- in English, French and German (not pro-drop languages), a statement that opens with an
  auxiliary verb followed by a participle or adjective: the subject went missing ("Is
  considered something important.").
Only marks the source does not show itself count (same rules on the source). Round-trip mode
checks the copy (the original) itself, which is all a round trip can say about it.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .lexicon import (
    ARTICLES,
    CLAUSE_WORDS,
    DANGLING,
    FINITE_AUXILIARIES,
    NOUN_DETERMINERS,
    PREPOSITIONS,
    SUBJECT_AUXILIARIES,
    SUBJECT_STARTERS,
)
from .text import Token, blank_labels, fold, is_acronym, is_sentence_initial, tokens

_DOUBLE_PUNCT = re.compile(r"(?<![.,;:])[,;:]\s*[,;:.](?![.,])")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?…]\s+)[\"'“‘«]?\s*$")  # a full stop, not a comma or bracket
_OPENER_THEN_AUX = re.compile(r"^\W*(?:[^\W\d_]+\s+){0,1}[^\W\d_]+,\s+([^\W\d_]+)\s+([^\W\d_']+)")
_QUESTION_END = re.compile(r"\?[\"'”’»)\]]*\s*$")
# a word, then a mark of punctuation: not a point or "!" that opens code (".tag", "!gpdisp!"),
# in lower case (initials are capitals: "A.C. Milan")
_WORD_THEN_PUNCT = re.compile(r"\b([^\W\d_]+)\s*(?:[,;:?)]|[.!](?![^\W\d_A-Z]))")
ASIDE_WORDS = 3  # an aside between commas this short interrupts a phrase ("with, for example, the")
_ASIDE = re.compile(rf"\s*(?:[^\W\d_]+\s+){{0,{ASIDE_WORDS - 1}}}[^\W\d_]+\s*,(?!,)")
_INVERTING = frozenset({"should", "had", "were"})  # English auxiliaries that open a condition
_INFINITIVE_BEFORE = re.compile(r"\b[Tt]o\s+[^\W\d_]+\s+$")


Mark = tuple[int, int, str, str]  # start, end, kind, description


def _pair_marks(text: str, lang: str) -> list[Mark]:
    """A determiner directly followed by a word that cannot follow it ("the that", "a from")."""
    dets = NOUN_DETERMINERS.get(lang)
    if not dets:
        return []
    bad_next = (
        PREPOSITIONS.get(lang, frozenset())
        | CLAUSE_WORDS.get(lang, frozenset())
        | ARTICLES.get(lang, frozenset())
        | FINITE_AUXILIARIES.get(lang, frozenset())
    )
    toks = tokens(text)
    out: list[Mark] = []
    for tok, nxt in zip(toks, toks[1:], strict=False):
        f, nf = fold(tok.text), fold(nxt.text)
        if f not in dets or nf not in bad_next or f == nf or text[tok.end : nxt.start].strip():
            continue
        if tok.text[:1].isupper() and not is_sentence_initial(text, tok.start):
            continue  # "A to Z", "The Hague": capitals are names
        if len(nxt.text) > 1 and nxt.text.isupper():
            continue  # an acronym, not a clause word: "the WHO", "a US"
        out.append((tok.start, nxt.end, "determiner", f"'{tok.text} {nxt.text}'"))
    return out


def _dangling_marks(text: str, lang: str) -> list[Mark]:
    """An article or preposition right before a punctuation mark ("of, each visit")."""
    words = DANGLING.get(lang)
    if not words:
        return []
    out: list[Mark] = []
    for m in _WORD_THEN_PUNCT.finditer(text):
        w = m.group(1)
        if is_acronym(w):
            continue  # "Russo (DOS)": an acronym, whatever word it spells
        if w.lower() in words and not (w[:1].isupper() and not is_sentence_initial(text, m.start(1))):
            if m.start(1) > 0 and text[m.start(1) - 1] in "-'’":
                continue  # clitics and hyphenated forms
            preposition = w.lower() not in ARTICLES.get(lang, frozenset())
            if preposition and (
                _interrupted(text, m.end()) or (lang == "en" and _stranded(text, m.start(1)))
            ):
                continue
            out.append((m.start(1), m.end(), "dangling", f"'{m.group().strip()}'"))
    return out


def _interrupted(text: str, end: int) -> bool:
    """A comma that opens a short aside before the words it interrupts ("with, for example, the
    heads of state"): the aside, in lower case (a name there is what the preposition governs),
    closes with another comma within a few words."""
    if text[end - 1 : end] != ",":
        return False
    aside = _ASIDE.match(text, end)
    return aside is not None and not any(c.isupper() for c in aside.group())


def _stranded(text: str, start: int) -> bool:
    """English leaves a preposition (not an article) at the end of an infinitive ("To begin
    with,", "nothing to speak of."): a word after "to" right before it."""
    return _INFINITIVE_BEFORE.search(text, 0, start) is not None


def _inverted_condition(text: str, aux: Token, nxt: Token) -> bool:
    """An English condition said by inversion ("Should matters come to a head, ...", "Were prices
    to fall, ..."): "should", "had" or "were", then a subject (not a participle or "be"), and the
    main clause after a comma."""
    nf = fold(nxt.text)
    if fold(aux.text) not in _INVERTING or nf in ("be", "been", "being") or nf.endswith(("ed", "en")):
        return False
    return "," in text[nxt.end :]


def _subjectless(text: str, lang: str) -> list[Mark]:
    aux = SUBJECT_AUXILIARIES.get(lang)
    if not aux or _QUESTION_END.search(text) or "?" in text:
        return []
    starters = SUBJECT_STARTERS.get(lang, frozenset())
    toks = tokens(text)
    out = []
    for i, tok in enumerate(toks[:-1]):
        if fold(tok.text) not in aux or not _SENTENCE_OPENING.search(text[: tok.start]):
            continue
        nxt: Token = toks[i + 1]
        nf = fold(nxt.text)
        if nf in starters or nxt.text[:1].isupper() or nf.endswith("n't") or any(c.isdigit() for c in nf):
            continue  # "Had I known", "Will Smith", "Do not"
        if lang == "en" and _inverted_condition(text, tok, nxt):
            continue
        out.append((tok.start, nxt.end, "subject", f"'{tok.text} {nxt.text}' has no subject"))
    # the same after a short opening phrase: "However, is undeniable", "At Temple, is teaching"
    m = _OPENER_THEN_AUX.match(text)
    if m and fold(m.group(1)) in aux:
        nf = fold(m.group(2))
        if nf not in starters and not m.group(2)[:1].isupper() and not nf.endswith("n't"):
            out.append((m.start(1), m.end(2), "subject", f"'{m.group(1)} {m.group(2)}' has no subject"))
    return out


def _dangling_ends(text: str, lang: str) -> Counter[str]:
    """The marks of punctuation that follow a preposition or an article anywhere in `text` (a label,
    "one of:", "desviado por %s a: %s"): its translation may write them so too. Not a capital
    inside a sentence ("Vitamina A."), as `_dangling_marks` reads none."""
    words = (
        PREPOSITIONS.get(lang, frozenset())
        | ARTICLES.get(lang, frozenset())
        | DANGLING.get(lang, frozenset())
    )
    return Counter(
        m.group()[-1]
        for m in _WORD_THEN_PUNCT.finditer(text)
        if m.group(1).lower() in words and (m.group(1).islower() or is_sentence_initial(text, m.start(1)))
    )


def marks(text: str, lang: str) -> list[Mark]:
    """Every mark of a dropped word in `text` (a label, "A: …", is no article without its noun)."""
    text = blank_labels(text)
    out: list[Mark] = [
        (m.start(), m.end(), "punctuation", f"'{m.group().strip()}'") for m in _DOUBLE_PUNCT.finditer(text)
    ]
    out += _pair_marks(text, lang)
    out += _dangling_marks(text, lang)
    out += _subjectless(text, lang)
    return sorted(out)


FLUENCY = Check("fluency", "major", "Words seem to be missing (broken grammar)")


@register(FLUENCY)
def check_fluency(inp: CheckInput) -> list[Flag]:
    """The copy shows no marks of a dropped word that its source does not show too."""
    if inp.mode == "roundtrip":
        found = marks(inp.source, inp.source_lang)
        field = "source"
    else:
        found = marks(inp.target, inp.target_lang)
        field = "text"
        if found and _DOUBLE_PUNCT.search(inp.source):
            found = [m for m in found if m[2] != "punctuation"]  # the source has it too
        if any(m[2] == "dangling" for m in found):
            # a label written so on both sides: "one of:" / "uno de:", "Number in:" / "Número en:",
            # "desviado por %s a: %s" / "desviado por %s para: %s"
            # or one the engine's whole translation writes too (a pronoun: "Considere adicionar um.")
            mirrored = _dangling_ends(inp.source, inp.source_lang)
            rendered = Counter(m[3] for m in marks(inp.forward or "", inp.target_lang) if m[2] == "dangling")
            kept = []
            for m in found:
                if m[2] == "dangling" and rendered[m[3]] > 0:
                    rendered[m[3]] -= 1
                elif m[2] == "dangling" and mirrored[inp.target[m[1] - 1]] > 0:
                    mirrored[inp.target[m[1] - 1]] -= 1
                else:
                    kept.append(m)
            found = kept
    if not found:
        return []
    what = "; ".join(m[3] for m in found[:3])
    spans = tuple(Span(field, m[0], m[1]) for m in found)
    return [FLUENCY.flag(f"broken grammar, a word may be missing: {what}", spans)]
