"""Text helpers shared by the checks: tokens with offsets, accent folding, word frequencies, the
parts of speech an English word can have.

Everything here keeps character offsets of the original string, so a check can point a
`Span` at what it found. Heavy data (wordfreq tables) loads lazily on first use.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

# wordfreq answers a language it lacks (Esperanto) with its nearest match's list and says so on
# stderr, below the CLI: the checks that read frequencies ask `known_language` where it matters
logging.getLogger("wordfreq").setLevel(logging.ERROR)

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # letters/digits, keeping inner apostrophes (don't, l'eau)
LETTERS = re.compile(r"[^\W\d_]")
SENTENCE_START = re.compile(r"(?:^|[.!?¿¡:;…»«\"“”()\[\]\n—–]|(?<!\w)-)\W*$")
AFTER_OPTION = re.compile(r"(?<!\S)--?[^\W\d_][\w-]*(?:=\S+)?,?\W*$")  # "--keep-going Sigue": a description
SENTENCE_LOOKBACK = 64
WORD_CHAR = re.compile(r"\w")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def attached(text: str, tok: Token) -> bool:
    """Part of a longer written form, not a word of its own: "Souq.com", "e-mail", "co-op",
    "user@host", "www.ine.es/prensa"; and code, which no translation translates: an identifier
    ("max_connections"), an option ("--optimize"), a format conversion ("%s", "%lx"), a variable
    ("$at", "\\pset"), "key=value", "on|off", "<commit>"."""
    before = text[tok.start - 1 : tok.start] if tok.start else ""
    after = text[tok.end : tok.end + 1]
    return (
        before in (".", "/", "@", "-", "_", "%", "$", "\\", "=", "|", "<")
        or after in ("-", "@", "/", "_", "=", "|", ">")
        or (after == "." and text[tok.end + 1 : tok.end + 2].isalpha())
    )


# A literal a UI string quotes (a command, a value, a key: `height`, "git add", «numeric», 'on'):
# at most three words between paired quotes; a quotation longer than that is speech, translated.
_QUOTE_MARKS = frozenset("`\"«“‘'")
_QUOTED = re.compile(r"`[^`'\n]*[`']|\"[^\"\n]*\"|«[^»\n]*»|“[^”\n]*”|‘[^’\n]*’|(?<!\w)'[^'\n]+'(?!\w)")


def quoted_literals(text: str | None) -> list[tuple[int, int]]:
    """The (start, end) of each quoted span of one to three words (`_QUOTED`)."""
    if not text or not _QUOTE_MARKS & set(text):
        return []
    return [m.span() for m in _QUOTED.finditer(text) if 1 <= len(WORD.findall(m.group())) <= 3]


def inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    """`pos` falls inside one of the (start, end) spans (a quoted literal, an idiom, a taken number)."""
    return any(s <= pos < e for s, e in spans)


@functools.lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lowercase without accents ("México" -> "mexico"); one output char per input char."""
    if s.isascii():
        return s.lower()
    return "".join(_fold_char(c) for c in s)


# Latin letters that Unicode does not decompose into a base letter and a mark, each folded to the
# letter transliterations write for it, one for one ("Gədəbəy" / "Gadabay", "Łódź" / "Lodz",
# "Ørsted", "Đorđević", "Ísafjörður")
_UNDECOMPOSED = str.maketrans("əɐıłøđħŧðŀɨʉ", "aailodhtdliu")


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base[0].translate(_UNDECOMPOSED) if base else c


@functools.lru_cache(maxsize=16384)
def tokens(text: str | None) -> tuple[Token, ...]:
    """Words (letters or digits) with their character offsets."""
    if not text:
        return ()
    return tuple(Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text))


@functools.lru_cache(maxsize=8192)
def words(text: str | None) -> tuple[str, ...]:
    """The folded words of `text`, in order."""
    return tuple(fold(t.text) for t in tokens(text))


_ELIDED = re.compile(r"[^\W\d_]{1,5}['’](?=[^\W\d_])")  # l', d', qu', dell', all'


def elision_end(word: str) -> int:
    """Where the word after an elided article or preposition starts ("l'ONU" -> 2, "dell'Unione"
    -> 5, "L'Europe" -> 2), else 0."""
    m = _ELIDED.match(word)
    return m.end() if m else 0


def has_letters(text: str) -> bool:
    return LETTERS.search(text) is not None


def is_sentence_initial(text: str, start: int) -> bool:
    """True when nothing but punctuation/space separates `start` from a sentence boundary (or from a
    command-line option whose description follows it: "--keep-going Sigue").

    Only the last SENTENCE_LOOKBACK characters are searched (the answer depends on the run of
    punctuation and space before `start`), so the cost does not grow with the text."""
    lo = max(0, start - SENTENCE_LOOKBACK)
    if lo and WORD_CHAR.search(text, lo, start) is None:  # a longer run: look at all of it
        said = text[:start]
        return SENTENCE_START.search(said) is not None or AFTER_OPTION.search(said) is not None
    if SENTENCE_START.search(text, lo, start) is not None:
        return True
    return "-" in text[lo:start] and AFTER_OPTION.search(text, lo, start) is not None


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_acronym(word: str) -> bool:
    """All capitals, at least two letters (HIV, U.S.); "I" and "A4" are not acronyms."""
    return word.isupper() and sum(1 for c in word if c.isalpha()) >= 2


# A word this rare in a language (wordfreq's Zipf scale) is no word of it: in an engine's output,
# a word of the other language the engine did not know and left as it was ("épinière").
UNKNOWN_WORD_ZIPF = 1.0


@functools.lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (0..8) of a lowercase word in a language; 0 for unknown words or languages."""
    from .zipf_memo import memo

    known = memo().get(word, lang)
    if known is not None:
        return known
    from wordfreq import zipf_frequency  # heavy: loads a frequency table per language

    try:
        value = float(zipf_frequency(word, lang))
    except (LookupError, ValueError):
        value = 0.0
    memo().put(word, lang, value)
    return value


def quote(text: str, limit: int = 40) -> str:
    """A short quotation of a fragment for a message."""
    t = " ".join(text.split())
    return f"'{t}'" if len(t) <= limit else f"'{t[: limit - 1]}…'"


def stem(word: str, n: int = 5) -> str:
    """A crude language-neutral stem: the first n folded characters (prometió ~ prometido)."""
    return fold(word)[:n]


@functools.lru_cache(maxsize=65536)
def word_classes(word: str) -> frozenset[str]:
    """The parts of speech an English word can have (lemminflect's lexicon: NOUN, VERB, ADJ, ...)."""
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word))


# A label that opens a sentence ("A: Use pip.", "Q: How?"): one capital letter and a colon, never
# the article "A" (which no colon follows in prose)
_LABEL = re.compile(r"(?:^\s*|(?<=[.?!])\s+)[A-Z]:(?=\s)")


def blank_labels(text: str) -> str:
    """`text` with such labels blanked out (same length: spans stay where they were)."""
    return _LABEL.sub(lambda m: " " * len(m.group()), text)
