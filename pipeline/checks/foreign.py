"""Foreign text in the copy: words of another language, or a whole sentence in one.

Round-trip mode has no source, so the language the words came from is unknown: a word of
the copy counts as foreign when the copy's language hardly knows it and another language
uses it a lot (wordfreq Zipf frequencies, the same yardstick as the `untranslated` check:
"coloca" is 0.0 in English and 4.7 in Portuguese), or when it is written in another script
(Cyrillic in English copy). What keeps real copy clean:
- names: capitalised words inside the sentence are names unless the copy's language does
  not know them at all and another language uses them as a common word (German nouns);
  lower-case particles between capitalised words ("Leonardo da Vinci") belong to the name;
- misspellings: a word one edit away from a common word of the copy's language ("possibile",
  "consideres") is read as a typo, and short words need a much wider gap;
- loans: a word the copy's language uses too ("tapas", "via") has a small gap and passes.
A sentence made mostly of such words is `wrong_language` (lingua names the language): the
one round-trip finding that is certain enough to fail. The language evidence itself (scripts,
frequencies in other languages, typo neighbours, lingua) is in language_id.py; this module
decides which words of the copy are foreign.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pipeline.records import Flag, Span
from pipeline.words import counted

from . import Check, CheckInput, register
from .language_id import (
    alphabet,
    best_other,
    detect_language,
    expected_script,
    known_language,
    one_edit,
    script_of,
    typo_of,
)
from .lexicon import COORDINATORS
from .text import Token, attached, is_acronym, quote, stem, tokens, zipf

# What the pivots make of the copy's doubtful words (core/pivot_words.py fills it in; it reaches
# the checks as options["pivot_readings"]): word (lower case) -> ((pivot, reading), ...)
Readings = Mapping[str, tuple[tuple[str, str], ...]]

MAX_COPY_ZIPF = 3.3  # a longer word the copy's language uses at most this often ...
MIN_OTHER_ZIPF = 3.0  # ... another language at least this often ...
MIN_GAP = 1.5  # ... and that much more often (log10 scale)
# A word with letters outside ASCII that the copy's language writes so, accents and all, at least
# this often, and another language not LOAN_MAX_GAP more often, is a loan ("crème" 2.8 in English,
# "jalapeño" 2.5); "está" or "más" in English copy still are foreign (3.7 or more apart).
LOAN_MIN_ZIPF = 2.0
LOAN_MAX_GAP = 3.0
MIN_GAP_INITIAL = 2.5  # a capitalised first word may be a name: ask more
SHORT_MAX_COPY_ZIPF = 5.0  # two- and three-letter words: function words of another language
SHORT_MIN_OTHER_ZIPF = 6.5
SHORT_MIN_GAP = 2.2
NAME_MAX_COPY_ZIPF = 2.0  # a capitalised word inside the sentence: unknown to the copy's language ...
NAME_MIN_OTHER_ZIPF = 4.5  # ... and a common word elsewhere (a German noun, not a name)
NAME_MIN_GAP = 3.0
LETTER_MAX_COPY_ZIPF = 5.5  # a one-letter word: not a word of the copy's language ...
LETTER_MIN_OTHER_ZIPF = 7.0  # ... and one of the most common words of another
COMMON_ZIPF = 4.5  # a common word of the copy's language ("United")
LOWER_MIN_GAP = 3.0  # all-lower-case text: names look like any word, ask more
TYPO_MIN_ZIPF = 4.0  # a neighbour one edit away at least this common in the copy's language ...
TYPO_MARGIN = 0.5  # ... and no rarer than the foreign reading minus this: a misspelling
READING_MIN_ZIPF = (
    3.0  # a pivot's reading of a word counts when its words are this common in the copy's language
)
WRONG_LANGUAGE_SHARE = 0.6  # share of the words that are foreign or unknown for a wrong-language sentence
WRONG_LANGUAGE_MIN_WORDS = 4
WRONG_LANGUAGE_CONFIDENCE = 0.8
OTHER_MARGIN = 1.0  # a word that much more common (log10) in the language lingua names is that language's
_SENTENCE_GAP = re.compile(r"[.!?:]|\s[\"“«(]\s*$")  # what separates a sentence's first word from the last
# Phrases of other languages that English copy uses as its own ("et al.", "per se").
LOAN_PHRASES: dict[str, frozenset[tuple[str, str]]] = {
    "en": frozenset(
        tuple(p.split())  # type: ignore[misc]  # every entry has two words
        for p in ("et al", "per se", "ad hoc", "de facto", "de jure", "vice versa", "status quo", "in situ")
    ),
}


def _name_particle(toks: tuple[Token, ...], i: int, lang: str) -> bool:
    """A short lower-case word in a run of them between capitalised words ("Leonardo da Vinci")."""
    if len(toks[i].text) > 3:
        return False
    j, k = i, i
    while j > 0 and toks[j - 1].text.islower() and len(toks[j - 1].text) <= 3:
        j -= 1
    while k + 1 < len(toks) and toks[k + 1].text.islower() and len(toks[k + 1].text) <= 3:
        k += 1
    if (
        j == 0
        or k + 1 >= len(toks)
        or not (toks[j - 1].text[:1].isupper() and toks[k + 1].text[:1].isupper())
    ):
        return False
    return j > 1 or zipf(toks[0].text.lower(), lang) < COMMON_ZIPF  # "The da …" is no name


def _in_loan_phrase(toks: tuple[Token, ...], i: int, lang: str) -> bool:
    phrases = LOAN_PHRASES.get(lang, frozenset())
    w = toks[i].text.lower()
    prev = toks[i - 1].text.lower() if i > 0 else ""
    nxt = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
    return (prev, w) in phrases or (w, nxt) in phrases


def _judge(word: str, kind: str, lang: str, all_lower: bool, readings: Readings) -> tuple[str, str] | None:
    """(language, why) when a Latin-script word reads as foreign, else None."""
    low = word.lower()
    z_copy = zipf(low, lang)
    z_other, other = best_other(low, lang)
    gap = z_other - z_copy
    if kind == "name" or all_lower:  # in lower-case text any word may be a name
        ok = z_copy <= NAME_MAX_COPY_ZIPF and z_other >= NAME_MIN_OTHER_ZIPF and gap >= NAME_MIN_GAP
        if not ok and kind == "name" and not all_lower and z_copy <= NAME_MAX_COPY_ZIPF:
            # a capitalised word unknown to the copy's language that a pivot translates into a
            # common word ("Olimpiadas" -> "olympics"): a common noun left untranslated, not a
            # name (names pass through the engines unchanged); the plain-word frequencies apply
            ok = (
                z_other >= MIN_OTHER_ZIPF
                and gap >= MIN_GAP_INITIAL
                and own_reading(low, readings, lang) is not None
            )
    elif not low.isascii() and z_copy >= LOAN_MIN_ZIPF and gap < LOAN_MAX_GAP:
        ok = False  # a loan the copy's language writes with its accents ("crème brûlée", "jalapeño")
    elif len(low) <= 3:
        ok = z_copy < SHORT_MAX_COPY_ZIPF and z_other >= SHORT_MIN_OTHER_ZIPF and gap >= SHORT_MIN_GAP
    else:
        need = MIN_GAP_INITIAL if kind == "initial" else LOWER_MIN_GAP if all_lower else MIN_GAP
        ok = z_copy <= MAX_COPY_ZIPF and z_other >= MIN_OTHER_ZIPF and gap >= need
        typo = (
            typo_of(low, lang, max(TYPO_MIN_ZIPF, z_other - TYPO_MARGIN))
            if ok and set(low) <= alphabet(lang)
            else None
        )
        if typo and own_reading(low, readings, lang, typo) is None:
            ok = False  # one edit from a common word of the copy's language, no pivot reads it otherwise: a misspelling
    if not ok:
        return None
    reading = own_reading(low, readings, lang)
    return other, (
        f"{other}; the {reading[0]} pivot reads it as {quote(reading[1], 24)}" if reading else other
    )


def own_reading(word: str, readings: Readings, lang: str, typo: str | None = None) -> tuple[str, str] | None:
    """(pivot, reading) when a pivot read `word` as a word of its own that means something else in
    `lang`: the reading is words of `lang`, and neither the word with a typo fixed nor a form of
    `typo` (the common word one edit away): a misspelling of a word of the copy's language comes
    back unknown ("uit") or fixed ("ha" -> "has", "consideres" -> "you consider")."""
    for pivot, reading in readings.get(word, ()):
        parts = reading.split()
        if not parts or any(zipf(p, lang) < READING_MIN_ZIPF for p in parts if p.isalpha()):
            continue  # the pivot left it (or part of it) as a word `lang` does not know
        if any(one_edit(word, p) or (typo is not None and stem(p) == stem(typo)) for p in parts):
            continue  # the typo reading and the pivot's reading agree
        return pivot, reading
    return None


def foreign_spans(text: str, lang: str, readings: Readings | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, word, language or script and why) for every foreign word of `text`, copy
    language `lang`; `readings` is what the pivots make of the copy's doubtful words
    (pipeline/pivot_words.py), evidence that a would-be typo or name is a word of a pivot."""
    readings = readings or {}
    script = expected_script(lang)
    if script is None:
        return []
    toks = tokens(text)
    all_lower = not any(c.isupper() for c in text) and len(toks) >= 6
    out: list[tuple[int, int, str, str]] = []
    for i, tok in enumerate(toks):
        w = tok.text
        if any(c.isdigit() for c in w) or _piece_of_a_written_form(text, tok):
            continue
        if len(w) == 1:
            if w.isalpha() and _foreign_letter_word(toks, i, lang):
                out.append((tok.start, tok.end, w, best_other(w, lang)[1]))
            continue
        ws = script_of(w)
        if ws != script:
            if ws not in ("MIXED", "LATIN") and sum(c.isalpha() for c in w) >= 2 and not _gloss(text, tok):
                out.append((tok.start, tok.end, w, ws.lower()))
            continue
        if script != "LATIN" or not known_language(lang) or is_acronym(w) or _in_loan_phrase(toks, i, lang):
            continue
        if w.lower().endswith(("'s", "’s")) and len(w) > 3:
            w = w[:-2]  # the possessive: "euro's" is "euro" (it read as a Dutch plural)
        initial = i == 0 or _SENTENCE_GAP.search(text[toks[i - 1].end : tok.start]) is not None
        if w[:1].isupper():
            if not initial and _capitalised_neighbour(toks, i):
                if _mixed_name(toks, i, lang):
                    out.append((tok.start, tok.end, w, best_other(w.lower(), lang)[1]))
                continue  # part of a multi-word name
            kind = "initial" if initial else "name"
        else:
            if _name_particle(toks, i, lang):
                continue
            kind = "word"
        found = _judge(w, kind, lang, all_lower, readings)
        if found:
            out.append((tok.start, tok.end, w, found[1]))
    return out


def _gloss(text: str, tok: Token) -> bool:
    """A word of another script in parentheses right after a word: the name in its own script
    ("Tokyo (東京)", "Moscow (Москва)"), not foreign copy."""
    before = text[: tok.start].rstrip()
    close = text.find(")", tok.end)
    inside = text[before.rfind("(") + 1 : close] if before.endswith("(") and close != -1 else ""
    return (
        bool(inside.strip())
        and not any(c.isascii() and c.isalpha() for c in inside)
        and (before[:-1].rstrip()[-1:].isalpha())
    )


def _piece_of_a_written_form(text: str, tok: Token) -> bool:
    """A piece of a web or e-mail address ("Souq.com", "www.ine.es/prensa") or a short piece of a
    hyphenated word ("e-mail", "co-op", "un-American"): not a word of its own. A longer piece of a
    hyphenated compound is still judged ("mexicano-estadounidenses" is code-mixed copy)."""
    if not attached(text, tok):
        return False
    before = text[tok.start - 1 : tok.start] if tok.start else ""
    after = text[tok.end : tok.end + 2]
    address = (
        before in (".", "/", "@") or after[:1] in ("@", "/") or (after[:1] == "." and after[1:].isalpha())
    )
    return address or len(tok.text) <= 3


def _foreign_letter_word(toks: tuple[Token, ...], i: int, lang: str) -> bool:
    """A one-letter word of another language between lower-case words (Spanish "y", Italian "e")."""
    w = toks[i].text
    if not w.islower() or not 0 < i < len(toks) - 1:
        return False
    if not (toks[i - 1].text.islower() and toks[i + 1].text.islower()):
        return False
    if toks[i].start - toks[i - 1].end != 1 or toks[i + 1].start - toks[i].end != 1:
        return False  # "x, y, z": punctuation around a letter makes it a label
    joins = COORDINATORS.get(lang, frozenset())
    if any(len(toks[j].text) == 1 or toks[j].text.lower() in joins for j in (i - 1, i + 1)):
        return False  # "x and y", "type a or b": a letter next to "and"/"or" or another letter is a label
    z_other, _ = best_other(w, lang)
    return zipf(w, lang) < LETTER_MAX_COPY_ZIPF and z_other >= LETTER_MIN_OTHER_ZIPF


def _mixed_name(toks: tuple[Token, ...], i: int, lang: str) -> bool:
    """A word of another language inside a name whose other words are the copy's own common words
    ("the United Estados of America"): half-translated, not a foreign name."""
    low = toks[i].text.lower()
    z_other, _ = best_other(low, lang)
    if zipf(low, lang) > NAME_MAX_COPY_ZIPF or z_other < NAME_MIN_OTHER_ZIPF:
        return False
    return any(
        0 <= j < len(toks) and toks[j].text[:1].isupper() and zipf(toks[j].text.lower(), lang) >= COMMON_ZIPF
        for j in (i - 1, i + 1)
    )


def _capitalised_neighbour(toks: tuple[Token, ...], i: int) -> bool:
    return any(0 <= j < len(toks) and toks[j].text[:1].isupper() for j in (i - 1, i + 1))


def _readings(inp: CheckInput) -> Readings:
    """What the pivots make of the copy's doubtful words (round-trip mode; see pipeline/pivot_words.py)."""
    value = inp.options.get("pivot_readings")
    return value if isinstance(value, Mapping) else {}


FOREIGN = Check("foreign", "major", "Words of another language in the copy", modes=("roundtrip",))


@register(FOREIGN)
def check_foreign(inp: CheckInput) -> list[Flag]:
    """The copy is written in its own language: no words of another language or script in it."""
    text, lang, field = inp.copy()
    found = foreign_spans(text, lang, _readings(inp))
    if not found or wrong_language(text, lang, found) is not None:
        return []  # a sentence in another language is reported once, by wrong_language
    words = ", ".join(f"{quote(w, 24)} ({where})" for _, _, w, where in found[:6])
    return [
        FOREIGN.flag(
            f"{counted(len(found), 'word')} of another language (where each is most common): {words}",
            tuple(Span(field, s, e) for s, e, _, _ in found),
        )
    ]


def wrong_language(text: str, lang: str, found: list[tuple[int, int, str, str]]) -> str | None:
    """The language lingua names for a sentence most of whose words are foreign, unknown to the
    copy's language, or more common in that other language (by OTHER_MARGIN): the copy's own word
    lists hold many words of English ("the" is as common in French web text as "office"), so
    English left in French, Portuguese or Italian copy counted as French and never failed."""
    words = [t for t in tokens(text) if sum(c.isalpha() for c in t.text) >= 2 and not t.text[:1].isupper()]
    if len(words) < WRONG_LANGUAGE_MIN_WORDS:
        return None
    detected = detect_language(text, lang)
    if detected is None or detected[0] == lang or detected[1] < WRONG_LANGUAGE_CONFIDENCE:
        return None
    other, foreign = detected[0], {s for s, _, _, _ in found}

    def theirs(t: Token) -> bool:
        low = t.text.lower()
        return (
            t.start in foreign or zipf(low, lang) < 2.0 or zipf(low, other) >= zipf(low, lang) + OTHER_MARGIN
        )

    return other if sum(map(theirs, words)) / len(words) >= WRONG_LANGUAGE_SHARE else None


WRONG_LANGUAGE = Check(
    "wrong_language", "critical", "The sentence is in another language", modes=("roundtrip",)
)


@register(WRONG_LANGUAGE)
def check_wrong_language(inp: CheckInput) -> list[Flag]:
    """Most of the copy's words belong to another language, and lingua agrees which."""
    text, lang, field = inp.copy()
    found = foreign_spans(text, lang, _readings(inp))
    other = wrong_language(text, lang, found) if found else None
    if other is None:
        return []
    return [
        WRONG_LANGUAGE.flag(
            f"the sentence is in '{other}', not in '{lang}' (it was left untranslated)",
            (Span(field, 0, len(text)),),
        )
    ]
