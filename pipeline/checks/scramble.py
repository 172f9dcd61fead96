"""Scrambled word order in the copy, seen without a source and without a language model.

English puts its function words in a few fixed slots: an article is followed by its noun
phrase, never by a preposition, a pronoun, a finite verb or a full stop; a preposition is
followed by its object, not by another preposition or "was"; "we" takes "are", not "is";
"an" comes before a vowel sound. Real copy almost never breaks these slots (the rules below
are grammar-book facts about closed word classes, not a list of sentences), while a sentence
whose words were shuffled breaks several: each function word lands before a random word.
Each broken slot is a mark; a sentence with enough marks for its length is scrambled.

A second, statistical view catches shuffles that leave every function word in a legal slot:
the copy's order scored on English word-pair statistics against random orders of its own
words (checks/word_order.py); a copy that many random orders beat is scrambled too.

Round-trip mode looks at the copy itself (a round trip of scrambled words comes back just as
scrambled). Source-aware mode has the stronger `order` check against the forward translation.
Rules exist for English only; other copy languages are skipped.
"""

from __future__ import annotations

import functools
import re

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .lexicon import NOUN_DETERMINERS, PREPOSITIONS, SUBJECT_STARTERS
from .text import blank_labels, is_sentence_initial, word_classes
from .word_order import MAX_P, SHUFFLES, order_p_value


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Closed classes of English (lower case). Determiners that always need a noun phrase after them.
DETERMINERS = NOUN_DETERMINERS["en"] | _set("his")
PREPOSITIONS_EN = PREPOSITIONS["en"] | _set("upon via toward towards across")
# Prepositions that are not also verb particles or adverbs: never before another preposition.
STRICT_PREPOSITIONS = _set("of from with into onto among between during without within against upon via")
COORDINATORS = _set("and or but nor")
# Prepositions that also open a clause ("after we left") or a phrase of their own ("from within").
CONJUNCTION_PREPOSITIONS = _set("to from after before since until for")
SUBORDINATORS = _set("because although though whether than")
SUBJECT_PRONOUNS = _set("i he she we they")
OBJECT_PRONOUNS = _set("me him us them")
BE = _set("is are was were am")
HAVE_FINITE = _set("has had")
DO_FINITE = _set("does did")
MODALS = _set("will would can could should shall may might must")
FINITE = BE | HAVE_FINITE | DO_FINITE | MODALS
ADVERBS_NOT_AFTER_ARTICLE = _set(
    "not also never always already often ever yet however therefore too today tomorrow yesterday here as"
)
ADVERBS_NOT_AFTER_PREPOSITION = _set("also however therefore")
# Simple past forms of irregular verbs that are never participles or nouns: never after an article.
IRREGULAR_PAST = _set(
    "went came gave took saw began became ate wrote drove knew grew threw spoke broke chose fell flew "
    "rose ran sang swam forgot drew froze hid rode shook stole strove swore tore woke wore did was were"
)
# Contracted negatives, read as the verb they negate.
NEGATED = {
    "isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were", "hasn't": "has", "hadn't": "had",
    "doesn't": "does", "didn't": "did", "won't": "will", "wouldn't": "would", "can't": "can",
    "couldn't": "could", "shouldn't": "should", "mustn't": "must", "mightn't": "might",
}  # fmt: skip
# A statement opening with one of these, without a question mark, inverted a question by accident
INVERTING = _set("is are was were does did has can will")
PLURAL_SUBJECTS = _set("we they you")
SINGULAR_VERBS = _set("is was has does")
THIRD_SINGULAR = _set("he she")
PLURAL_VERBS = _set("are were have do")
QUANTITIES = _set("a an one two three four five six seven eight nine ten few several many some these those")
# "an" before a consonant sound, "a" before a vowel sound: words whose spelling misleads
VOWEL_SOUND_H = ("hour", "honest", "honour", "honor", "heir")
CONSONANT_SOUND_VOWEL = (
    "uni",
    "use",
    "usu",
    "usa",
    "uti",
    "ure",
    "euro",
    "eu",
    "one",
    "once",
    "ubiq",
    "uran",
)
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[,.;:!?)]")
_END = "</s>"
MIN_SCORE = 1.0  # marks that make a sentence scrambled; an a/an slip alone is a typo, worth half
A_AN = "the article does not fit the next sound"
AGREEMENT = "the verb does not agree with its subject"
NO_NOUN = "an article or determiner without its noun"
NO_OBJECT = "a preposition without its object"
NO_VERB = "a modal verb without its verb"


def _slot_mark(a: str, b: str, b_raw: str) -> str | None:
    """Why the word pair (a, b) breaks an English slot, or None. `b` may be punctuation or </s>."""
    punct = b in ",.;:!?)"  # a text that just stops is the truncated check's business
    if a in DETERMINERS and (
        punct
        or b in PREPOSITIONS_EN
        or b in COORDINATORS
        or b in SUBORDINATORS
        or b in DETERMINERS
        or b in FINITE
        or b in SUBJECT_PRONOUNS
        or b in OBJECT_PRONOUNS
        or b in ADVERBS_NOT_AFTER_ARTICLE
        or b in IRREGULAR_PAST
    ):
        if b_raw[:1].isupper() and b not in SUBJECT_PRONOUNS and b != "i":
            return None  # "the Of Mice…": capitals start a title or a name
        return NO_NOUN
    if a in STRICT_PREPOSITIONS and (
        punct or b in STRICT_PREPOSITIONS or b in COORDINATORS or b in FINITE or b in SUBJECT_PRONOUNS
    ):
        return NO_OBJECT
    if (
        a in PREPOSITIONS_EN
        and a not in CONJUNCTION_PREPOSITIONS
        and (b in SUBJECT_PRONOUNS or b in STRICT_PREPOSITIONS)
    ):
        return NO_OBJECT
    if a in PREPOSITIONS_EN and a not in CONJUNCTION_PREPOSITIONS and b in ADVERBS_NOT_AFTER_PREPOSITION:
        return NO_OBJECT
    if a == "to" and (b in FINITE or b in STRICT_PREPOSITIONS or b in ".;"):
        return "'to' before a word that cannot follow it"
    if a in COORDINATORS and (b in ".;:!?)" or b in COORDINATORS):
        return "a conjunction that joins nothing"
    if a in SUBJECT_PRONOUNS and (b in DETERMINERS or b in STRICT_PREPOSITIONS or b in COORDINATORS):
        return "a subject pronoun before a word that cannot follow it"
    if (a in PLURAL_SUBJECTS and b in SINGULAR_VERBS) or (a == "i" and b in SINGULAR_VERBS - {"was"}):
        return AGREEMENT  # "I was" is English
    if a in THIRD_SINGULAR and b in PLURAL_VERBS:
        return AGREEMENT
    if (a in BE or a in MODALS) and (b in BE or b in MODALS or b in DO_FINITE or b in HAVE_FINITE):
        return "two finite verbs in a row"
    if a in HAVE_FINITE and (b in BE or b in MODALS or b in DO_FINITE):
        return "two finite verbs in a row"
    if a in MODALS and (b in COORDINATORS or b in SUBORDINATORS or b in STRICT_PREPOSITIONS):
        return NO_VERB
    if a in ("a", "an") and b.isalpha() and not b_raw.isupper():
        vowel = b[0] in "aeiou"
        if b.startswith(VOWEL_SOUND_H):
            vowel = True
        elif b.startswith(CONSONANT_SOUND_VOWEL):
            vowel = a == "an"  # either may be right: never a mark
        if (a == "a") == vowel:
            return A_AN
    return None


@functools.lru_cache(maxsize=65536)
def finite_only(word: str) -> bool:
    """A verb form that can only be finite: "predicts", "gave" (not "believed", which is also a
    participle, nor "cost", also a noun)."""
    if word_classes(word) != {"VERB"}:
        return False
    from lemminflect import getAllLemmas, getInflection

    for lemma in getAllLemmas(word)["VERB"]:
        if word in getInflection(lemma, tag="VBZ"):
            return True
        if word in getInflection(lemma, tag="VBD") and word not in getInflection(lemma, tag="VBN"):
            return True
    return False


def _plural_noun(word: str) -> bool:
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return set(lemmas) == {"NOUN"} and word not in lemmas["NOUN"] and word.endswith("s")


def _class_mark(a: str, b: str, prev: str, b_raw: str) -> str | None:
    """Slots of open-class words (lemminflect's parts of speech); `b` starts lower case."""
    if not b.isalpha() or not b_raw[:1].islower():
        return None
    if (a in DETERMINERS or a in MODALS or a == "to") and finite_only(b):
        return "a finite verb where a noun or a plain verb belongs"
    if (
        a != b
        and a.isalpha()
        and b.endswith("s")
        and finite_only(b)
        and word_classes(a) == {"VERB"}
        and not a.endswith("ing")
    ):
        return "two finite verbs in a row"
    if b in SINGULAR_VERBS and _plural_noun(a) and not (prev.isdigit() or prev in QUANTITIES):
        return AGREEMENT
    return None


# What shows a noun is not the head of the subject it stands in: "the number of people [has]",
# "the cost of living in cities [is]", "the way these choices [are made] is"
_NOT_THE_HEAD = _set("that which who whom whose how why what where when")


def _excused(toks: list[tuple[str, int, int]], k: int, why: str, text: str) -> bool:
    """A broken slot that English allows in context (general grammar, not words of a sentence):
    a plural noun inside a subject whose head is another noun ("the quality of the roads is"),
    a shared complement ("can and should", "engage with and support"), an abbreviation's letter
    ("9 a.m.", "Telefónica S.A.", "hepatitis A."), an adverb before an adjective ("the already
    high")."""
    a = toks[k][0]
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    after = _norm(toks[k + 2][0]) if k + 2 < len(toks) else ""
    if why == AGREEMENT and _norm(a) not in PLURAL_SUBJECTS | THIRD_SINGULAR | {"i"}:
        if a[:1].isupper() or (nxt is not None and text[toks[k][2] : nxt[1]].strip()):
            return True  # a name, or a dash or quote between noun and verb
        for j in range(k - 1, -1, -1):
            w = _norm(toks[j][0])
            if w in ",.;:!?)":
                break
            if w in PREPOSITIONS_EN or w in _NOT_THE_HEAD or (w.endswith("ing") and len(w) > 4):
                return True
        return False
    if why in (NO_VERB, NO_OBJECT) and nxt is not None:
        if _norm(nxt[0]) in COORDINATORS and (
            after in MODALS or after in PREPOSITIONS_EN or (after.isalpha() and "VERB" in word_classes(after))
        ):
            return True
    if why == NO_NOUN and nxt is not None:
        if nxt[0] == "." and nxt[1] == toks[k][2]:  # the letter of an abbreviation or a label
            rest = text[nxt[2] : nxt[2] + 1]
            glued = k > 0 and toks[k - 1][0] == "." and toks[k - 1][2] == toks[k][1]  # "S.A."
            if rest.isalpha() or glued or (a == "A" and not is_sentence_initial(text, toks[k][1])):
                return True
        if _norm(nxt[0]) in ADVERBS_NOT_AFTER_ARTICLE and after.isalpha() and "ADJ" in word_classes(after):
            return True
    return False


def _norm(raw: str) -> str:
    low = raw.lower().replace("’", "'")
    return NEGATED.get(low, low)


def slot_marks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, why) for every word pair of `text` that breaks an English word-order slot."""
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    marks: list[tuple[int, int, str]] = []
    if toks and toks[0][0].lower() in INVERTING and len(toks) > 3 and toks[-1][0] == ".":
        if toks[1][0][:1].isupper() or _norm(toks[1][0]) not in SUBJECT_STARTERS["en"]:
            marks.append((toks[0][1], toks[1][2], "a statement that opens like a question"))
    for k, (raw, start, _end) in enumerate(toks):
        nxt_raw, _, nxt_end = toks[k + 1] if k + 1 < len(toks) else (_END, len(text), len(text))
        if raw in ",.;:!?)":
            continue
        a, b = _norm(raw), _norm(nxt_raw) if nxt_raw != _END else _END
        why = _slot_mark(a, b, nxt_raw) or _class_mark(a, b, _norm(toks[k - 1][0]) if k else "", nxt_raw)
        if why and not _excused(toks, k, why, text):
            marks.append((start, nxt_end, why))
    return marks


# Identifiers, file names, paths and URLs ("max_retry_count", "config.yaml", "https://example.com/a_b")
# hold no English words to order: read as "max retry count", "config yaml", they made correct
# technical sentences look scrambled. Each stands as one word in a noun's slot ("x", padded to
# its length: the spans stay where they were).
# Each alternative starts where a token starts and tries once there, so a long unbroken token costs
# its length, not its square ("1x" * 8000 was read again from every character)
_CODE_TOKEN = re.compile(
    r"(?<!\S)\S+://\S+"  # a URL
    r"|(?<!\S)\S*[^\W_]_[^\W_]\S*"  # an identifier with an underscore: max_retry_count
    r"|(?<!\S)(?=[\w-]*[a-z])[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b"  # a file or host name: config.yaml
    r"|(?<!\S)(?:~|\.{1,2})?/[\w.-]\S*"  # a path: /usr/bin, ./run.sh
)


def _prose(text: str) -> str:
    """The text with its code-like tokens and its labels ("A: …") blanked out."""
    return _CODE_TOKEN.sub(lambda m: "x" + " " * (len(m.group()) - 1), blank_labels(text))  # a noun's slot


SCRAMBLED = Check("scrambled", "major", "Word order scrambled (no source needed)", modes=("roundtrip",))


@register(SCRAMBLED)
def check_scrambled(inp: CheckInput) -> list[Flag]:
    """The copy keeps English word-order slots: articles before nouns, prepositions before objects."""
    shown, lang, field = inp.copy()
    text = _prose(shown)
    if lang != "en" or not text.strip():
        return []
    marks = slot_marks(text)
    if sum(0.5 if why == A_AN else 1.0 for _, _, why in marks) > MIN_SCORE - 0.5:
        what = "; ".join(f"'{shown[s:e]}': {why}" for s, e, why in marks[:3])
        message = f"{len(marks)} word pairs English does not put in this order: {what}"
        return [SCRAMBLED.flag(message, tuple(Span(field, s, e) for s, e, _ in marks))]
    p = order_p_value(text)
    if p is None or p <= MAX_P:
        return []
    message = (
        f"the word order is no more English than a random order of its words: {p:.0%} of "
        f"{SHUFFLES} random orders score higher on English word-pair statistics"
    )
    return [SCRAMBLED.flag(message, (Span(field, 0, len(text)),))]
