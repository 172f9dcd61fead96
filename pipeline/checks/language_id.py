"""Which language a word or a sentence is in: the evidence the `foreign` and `wrong_language`
checks weigh (and the copy judge's word features).

- the script of a word's letters (Cyrillic in English copy is foreign on sight);
- how often each candidate language uses a word (wordfreq Zipf frequencies, small lists);
- the common words one edit away from a word (a misspelling of the copy's own language);
- lingua's guess of the language of a whole sentence.
No list of foreign words is involved: frequencies and scripts decide.
"""

from __future__ import annotations

import functools
import math
import string
import unicodedata
from typing import Any

# Languages wordfreq has a large word list for, written in Latin script: the candidates a
# foreign Latin-script word is looked up in (the copy's own language is left out).
LATIN_CANDIDATES = ("ca", "cs", "de", "en", "es", "fi", "fr", "it", "nb", "nl", "pl", "pt", "sv")
# The script a language is written in (first word of the Unicode character names), where it is
# not Latin; copy in a language missing here and from LATIN_CANDIDATES skips the script rule.
SCRIPTS = {
    "ru": "CYRILLIC", "uk": "CYRILLIC", "bg": "CYRILLIC", "mk": "CYRILLIC", "sr": "CYRILLIC",
    "el": "GREEK", "ar": "ARABIC", "fa": "ARABIC", "ur": "ARABIC", "he": "HEBREW", "hi": "DEVANAGARI",
}  # fmt: skip


def script_of(word: str) -> str:
    """The script of a word's letters (first word of their Unicode names), "MIXED" if several."""
    names = {unicodedata.name(c, "?").split(" ")[0] for c in word if c.isalpha()}
    return names.pop() if len(names) == 1 else "MIXED"


def expected_script(lang: str) -> str | None:
    if lang in SCRIPTS:
        return SCRIPTS[lang]
    return "LATIN" if lang in LATIN_CANDIDATES else None


@functools.cache
def known_language(lang: str) -> bool:
    """wordfreq has a word list for the language."""
    from wordfreq import available_languages

    return lang in available_languages()


@functools.lru_cache(maxsize=100_000)
def small_zipf(word: str, lang: str) -> float:
    """Zipf frequency from wordfreq's small list (words at Zipf 3 and above; 0 below): every
    threshold here is at least 3, and the small lists of 13 languages take a few MB where the
    large ones would take hundreds."""
    from .zipf_memo import memo

    key = f"{lang}/small"
    known = memo().get(word, key)
    if known is not None:
        return known
    from wordfreq import zipf_frequency

    value = float(zipf_frequency(word, lang, wordlist="small"))
    memo().put(word, key, value)
    return value


def best_other(word: str, lang: str) -> tuple[float, str]:
    """The highest Zipf frequency of a lower-case word among the candidate languages but `lang`."""
    return max((small_zipf(word, other), other) for other in LATIN_CANDIDATES if other != lang)


def _freqs(lang: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict(lang)  # cached by wordfreq: the same dict every call, not a copy


@functools.cache
def alphabet(lang: str) -> frozenset[str]:
    """The letters of the language's 3,000 most common words: a letter outside it is no typo."""
    from wordfreq import top_n_list

    return frozenset(c for w in top_n_list(lang, 3000) for c in w if c.isalpha())


@functools.cache
def longest_word(lang: str) -> int:
    """The length of the longest word in the language's frequency list."""
    return max(map(len, _freqs(lang)), default=0)


def typo_of(word: str, lang: str, floor: float) -> str | None:
    """A word of `lang` one edit (delete, swap, replace, insert) away from `word`, at least `floor` common.

    A word longer than any listed word plus one is none (its edits, O(length² x alphabet) of
    memory, took gigabytes for one 10,000-letter "word")."""
    if len(word) > longest_word(lang) + 1:
        return None
    freqs = _freqs(lang)
    letters = sorted(set(string.ascii_lowercase) | set(word))
    best: tuple[float, str] | None = None
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
    edits |= {a + c + b for a, b in splits for c in letters}
    edits.discard(word)
    for e in edits:
        f = freqs.get(e)
        if f:
            z = math.log10(f) + 9
            if z >= floor and (best is None or z > best[0]):
                best = (z, e)
    return best[1] if best else None


def one_edit(a: str, b: str) -> bool:
    """`a` and `b` differ by at most one deleted, inserted, replaced or swapped letter."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])
    return a[i:] == b[i + 1 :]


@functools.cache
def _detector(lang: str) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    codes = {lang, *LATIN_CANDIDATES, "ru", "uk", "el", "ar", "he"}
    langs = []
    for code in sorted(codes):
        try:
            langs.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except (AttributeError, ValueError):
            continue
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def detect_language(text: str, lang: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, confidence) of the most likely language of `text` (lingua)."""
    values = _detector(lang).compute_language_confidence_values(text)
    if not values:
        return None
    top = values[0]
    return top.language.iso_code_639_1.name.lower(), float(top.value)
