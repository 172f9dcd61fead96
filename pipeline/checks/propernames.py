"""Proper names in a text, and one name in the spellings of two languages.

A name is a capitalised word that does not start a sentence, an acronym (HIV, NSA), or a
sentence-initial capitalised word that is rare in its language (so "Pfannenstiel" counts
and "However" does not); letters written against a currency sign ("US$", "R$") are a currency
symbol, not a name. German capitalises every noun, so there only rare capitalised words
and acronyms count (a frequent name such as "Berlin" is then not checked). Comparison ignores
case and accents ("Pena Nieto" = "Peña Nieto", "ricardo salazar" = "Ricardo Salazar"), and
folds away the spelling conventions of languages (Joanesburgo/Johannesburg, Quénia/Kenya) and
finds a name in the adjectives derived from it (China/Chinese, Russia/Russian), so
that `matches` finds a name's key in the words of another text. The names check (names.py)
and the untranslated check (untranslated.py) compare texts with these.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from .calendar_names import day_names, month_names
from .text import (
    WORD,
    Token,
    elision_end,
    fold,
    has_letters,
    is_acronym,
    is_capitalised,
    is_sentence_initial,
    tokens,
    zipf,
)

ELIDING = frozenset({"fr", "it", "ca"})  # languages whose articles and prepositions elide before a vowel
RARE_INITIAL_ZIPF = 3.0  # a sentence-initial capitalised word rarer than this is taken as a name
SHOUTED_ZIPF, SHOUTED_RUN = 4.0, 4  # so many words in capitals, most this common: a message, no acronyms
# A name travels into English's frequency list, written with or without its accents ("Juan" 5.3 in
# Spanish, 4.1 in English; "Andrés" 4.5, "andres" 3.1; "João" 5.2, 2.7; "Lisboa" 4.9, 2.4); a word
# two Romance languages share loses more ("modo" 5.2 -> 2.5, "uso" 5.4 -> 2.8, "tipo" 5.7 -> 2.1,
# "bloquear" 4.0 -> 0), measured on names and words of the Spanish and Portuguese catalogues.
TRAVEL_DROP = 2.5  # at most this many Zipf points fewer in English than in its own language
TRAVEL_MIN_ZIPF = 1.0  # ... and at least this often in English
NOUNS_CAPITALISED = frozenset({"de"})  # languages that capitalise common nouns
TITLE_CASE_MIN_WORDS = (
    3  # a text whose inner words of 3+ letters are all capitalised (at least this many) is a title
)
FUZZY_RATIO = 0.8  # names this similar are the same name spelt differently
SPELLING_RATIO = 0.8  # spelling keys this similar are one name written in two languages
SPELLING_MIN = 4  # shorter keys must be equal
STEM_MIN, STEM_SHARE = 6, 0.6  # a shared start this long (and this share of the shorter) is one stem
# Cross-language spelling conventions folded away before names are compared (a transliteration
# key, not a list of names): ph/f, th/t, qu/k, ck/k, y/i, w/v, silent h, doubled letters.
_SPELLING = (("ph", "f"), ("th", "t"), ("qu", "k"), ("ck", "k"), ("y", "i"), ("w", "v"), ("h", ""))
_DOUBLED = re.compile(r"(.)\1+")


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int
    keys: tuple[str, ...]  # folded tokens of the name, each must be found
    words: tuple[str, ...] = ()  # the tokens in lower case, accents kept (for word frequencies)


def travels(word: str, lang: str) -> bool:
    """English knows `word` (lower case, of `lang`) about as well as its own language does, as a
    name is known wherever it is written about (`TRAVEL_DROP`)."""
    abroad = max(zipf(word, "en"), zipf(fold(word), "en"))
    return abroad >= TRAVEL_MIN_ZIPF and abroad >= zipf(word, lang) - TRAVEL_DROP


@functools.lru_cache(maxsize=65536)
def _variants(t: str) -> frozenset[str]:
    """Folded forms of a token and its apostrophe pieces ("Mexico's" -> mexico's, mexico)."""
    f = fold(t).replace("’", "'")
    out = {f}
    for piece in f.split("'"):
        if len(piece) > 1:
            out.add(piece)
    return frozenset(out)


def vocabulary(*texts: str | None) -> set[str]:
    """Folded words (and apostrophe pieces) of the texts."""
    out: set[str] = set()
    for text in texts:
        if text:
            out |= _vocabulary(text)
    return out


@functools.lru_cache(maxsize=8192)
def _vocabulary(text: str) -> frozenset[str]:
    out: set[str] = set()
    toks = tokens(text)
    for tok in toks:
        out |= _variants(tok.text)
    for a, b in zip(toks, toks[1:]):  # "Tel Aviv" also as "telaviv" (Telavive), "New Delhi" ...
        if is_capitalised(a.text) and is_capitalised(b.text) and text[a.end : b.start].strip(" -") == "":
            out.add(fold(a.text + b.text))
    return frozenset(out)


def _currency_sign_at(text: str, i: int) -> bool:
    """A currency sign (Unicode category Sc: $, €, £, ¥, ₩ ...) at position i of `text`."""
    return 0 <= i < len(text) and unicodedata.category(text[i]) == "Sc"


def currency_symbol(text: str, tok: Token) -> bool:
    """Letters written against a currency sign are part of a currency symbol, not a name: CLDR's
    symbols put a country's letters before or after the sign ("US$", "R$", "HK$", "CN¥"; "$US")."""
    return tok.text.isalpha() and (_currency_sign_at(text, tok.end) or _currency_sign_at(text, tok.start - 1))


def _is_name(text: str, tok: Token, lang: str, title_case: bool) -> bool:
    w = tok.text
    if not has_letters(w) or w.isdigit() or currency_symbol(text, tok):
        return False
    if is_acronym(w):
        return w.upper() != "I" and len(w) >= 2 and not _shouted(text, tok, lang)
    if title_case or not is_capitalised(w):
        return False
    f = fold(w)
    if f in month_names(lang) or f in day_names(lang) or (lang == "en" and f == "i"):
        return False  # dates are the dates check's business
    if is_sentence_initial(text, tok.start) or lang in NOUNS_CAPITALISED:
        # German capitalises every noun: there, as at a sentence start, only rare words are names
        base = f.split("'")[0]
        return zipf(base, lang) < RARE_INITIAL_ZIPF and zipf(w.lower(), lang) < RARE_INITIAL_ZIPF
    return True


def _shouted(text: str, tok: Token, lang: str) -> bool:
    """A word of a message written in capitals ("TABLA DE CONTENIDOS ENCONTRADA", "HAY UN ERROR EN EL
    ENLAZADOR"), not an acronym: one of SHOUTED_RUN words or more in capitals that stand together, most
    of them common in the language (Zipf >= SHOUTED_ZIPF). Not a capitalised dateline ("PARIS –",
    "RIO DE JANEIRO –"), whose common words are names as often."""
    return tok.start in _shouted_starts(text, lang)


@functools.lru_cache(maxsize=8192)
def _shouted_starts(text: str, lang: str) -> frozenset[int]:
    """Where the words of `text`'s messages in capitals (`_shouted`) start."""
    toks = tokens(text)
    out: set[int] = set()
    run: list[Token] = []
    for t in [*toks, None]:
        joined = t is not None and t.text.isupper() and (not run or not text[run[-1].end : t.start].strip())
        if joined and t is not None:
            run.append(t)
            continue
        common = (
            sum(max(zipf(fold(r.text), lang), zipf(r.text.lower(), lang)) >= SHOUTED_ZIPF for r in run)
            if len(run) >= SHOUTED_RUN
            else 0
        )
        if 2 * common > len(run):
            out.update(r.start for r in run)
        run = [t] if t is not None and t.text.isupper() else []
    return frozenset(out)


def _after_elision(tok: Token) -> Token:
    """The word after an elided article or preposition ("l'ONU", "d'Angela", "dell'Unione",
    "L'Europe"): the name reader reads it as a word of its own (the token began with the
    article, lower case or sentence-initial, so these names went unseen)."""
    k = elision_end(tok.text)
    return Token(tok.text[k:], tok.start + k, tok.end) if k else tok


def names(text: str, lang: str) -> list[Name]:
    """Names in `text`, consecutive name words grouped ("Ricardo Salazar")."""
    return list(_names(text, lang))


@functools.lru_cache(maxsize=8192)
def _names(text: str, lang: str) -> tuple[Name, ...]:
    toks = tokens(text)
    long_words = [
        t.text
        for t in toks
        if len(t.text) >= 3 and t.text.isalpha() and not is_sentence_initial(text, t.start)
    ]
    title_case = len(long_words) >= TITLE_CASE_MIN_WORDS and all(is_capitalised(w) for w in long_words)
    out: list[Name] = []
    group: list[Token] = []

    def flush() -> None:
        if group:
            s, e = group[0].start, group[-1].end
            keys = tuple(sorted({min(_variants(t.text), key=len) for t in group}))
            out.append(Name(text[s:e], s, e, keys, tuple(t.text.lower() for t in group)))
            group.clear()

    for tok in map(_after_elision, toks) if lang in ELIDING else toks:
        if _is_name(text, tok, lang, title_case):
            if group and text[group[-1].end : tok.start].strip(" -") != "":
                flush()
            group.append(tok)
        else:
            flush()
    flush()
    return tuple(out)


def matches(key: str, vocab: set[str], across: bool = True) -> bool:
    """A name key is found in a vocabulary: exactly, as a prefix ("russia" in "russian"), as the
    stem of a derived word (`derived`: "china" in "chinese"), nearly (one or two letters apart:
    "Wikinwes" ~ "Wikinews", "Dmitri" ~ "Dmitry"), or as the same name spelt the way another
    language spells it (`same_name`; `across=False` leaves that out, to tell a name the engine
    keeps from a word it translates into a cognate)."""
    if key in vocab:
        return True
    if len(key) >= 4 and any(w.startswith(key) for w in vocab):
        return True
    if len(key) > DERIVED_STEM and key[-1] in VOWELS and any(derived(key, w) for w in vocab):
        return True
    if len(key) >= 5:
        for w in vocab:
            if abs(len(w) - len(key)) <= 1 and w[:1] == key[:1] and _similar(key, w):
                return True
    if across and len(key) >= SPELLING_MIN:
        return any(len(w) >= SPELLING_MIN and same_name(key, w) for w in vocab)
    return False


VOWELS = "aeiou"
DERIVED_STEM = 4  # a name's stem (without its final vowel) at least this long
# The endings adjectives and demonyms take in place of a name's final vowel (English -ese/-an/-ian,
# Romance -ano/-ense/-ês/-ais/-ois/-ien/-ico): "China" -> "Chinese", "Viena" -> "vienense"; not any
# ending, so that another name on the same stem stays another name ("Carla" / "Carlos").
DEMONYM_ENDINGS = frozenset(
    "ese eses an ans ian ians ean eans ano ana anos anas ense enses es esa esas ais aise ois oise ien ienne "
    "ico ica icos icas ic ish".split()
)


def derived(key: str, word: str) -> bool:
    """`word` derives from the name `key` the way adjectives and demonyms do: the name's final vowel
    gives way to a demonym ending ("China" -> "Chinese", "Malta" -> "Maltese", "Viena" ->
    "Vienense"); names that end in a consonant keep it and are found as a prefix."""
    stem = key[:-1]
    return word.startswith(stem) and word[len(stem) :] in DEMONYM_ENDINGS


@functools.lru_cache(maxsize=65536)
def _similar(a: str, b: str) -> bool:
    """Spelling variants: same length ("Dmitri"/"Dmitry", "Wikinwes"/"Wikinews"), or one letter
    more with the same ending ("Pena"/"Peña" folded alike already). Derivations such as
    "Mexico"/"Mexican" are different words."""
    if len(a) != len(b) and a[-1] != b[-1]:
        return False
    return SequenceMatcher(None, a, b).ratio() >= FUZZY_RATIO


@functools.lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """A name's spelling with language conventions folded away, so that exonyms, transliterations
    and adjective forms meet: Joanesburgo/Johannesburg -> "joanesburg", Quénia/Kenya -> "keni",
    Europa/Europe/European -> "europ..."; a plural -s and one final vowel are dropped."""
    k = "".join(c for c in fold(word) if c.isalpha())
    for a, b in _SPELLING:
        k = k.replace(a, b)
    k = _DOUBLED.sub(r"\1", k)
    if len(k) > SPELLING_MIN and k.endswith("s"):
        k = k[:-1]
    if len(k) >= SPELLING_MIN and k[-1] in "aeiou":
        k = k[:-1]
    return k


@functools.lru_cache(maxsize=65536)
def same_name(a: str, b: str) -> bool:
    """Two spellings of one name across languages: equal spelling keys, one key the start of the
    other (Francisco/Francis, Mexico/Mexican) or keys at least SPELLING_RATIO alike."""
    ka, kb = spelling_key(a), spelling_key(b)
    if ka == kb:
        return bool(ka)
    if min(len(ka), len(kb)) < SPELLING_MIN:
        return False
    short, long_ = sorted((ka, kb), key=len)
    if long_.startswith(short) and len(short) >= SPELLING_MIN + 1:
        return True
    stem = len(os.path.commonprefix([ka, kb]))  # one stem, another suffix (Finlandização/Finlandization)
    if stem >= STEM_MIN and stem >= STEM_SHARE * len(short):
        return True
    if 2 * len(short) < SPELLING_RATIO * (len(short) + len(long_)):
        return False  # lengths alone rule the ratio out
    matcher = SequenceMatcher(None, ka, kb)
    return matcher.quick_ratio() >= SPELLING_RATIO and matcher.ratio() >= SPELLING_RATIO


def missing(found: Iterable[Name], vocab: set[str], across: bool = True) -> list[tuple[Name, list[str]]]:
    out = []
    for n in found:
        lost = [k for k in n.keys if not matches(k, vocab, across)]
        if lost:
            out.append((n, lost))
    return out


def name_key(word: str) -> str:
    """The shortest folded form of a word of a name: the key `matches` looks for."""
    return min(_variants(word), key=len)


_HYPHENATED = re.compile(r"(?:-[^\W\d_]+)+")


def through_hyphens(n: Name, text: str) -> str:
    """A name with the words hyphenated to it ("Coreia" in "Coreia-do-Sul": the lower-case
    particle ends the name where the name reader stops)."""
    m = _HYPHENATED.match(text, n.end)
    return n.text + m.group(0) if m else n.text


OPENING_WORDS_REACH = 80  # characters before a name read for the capitalised words that open it


def with_opening_words(n: Name, text: str) -> str:
    """The name with the capitalised words just before it, which the name reader leaves out
    where they are common words ("Netherlands Antillean Guilder", "Icelandic Krona": CLDR names
    the currency as a whole)."""
    start = n.start
    before = list(WORD.finditer(text, max(0, n.start - OPENING_WORDS_REACH), n.start))
    for m in reversed(before):  # a bounded reach: a text of many names stays linear
        if text[m.end() : start] != " " or not is_capitalised(m.group()):
            break
        start = m.start()
    return text[start : n.end]
