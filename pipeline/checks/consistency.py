"""Internal consistency: the same name, number or date written two ways in one article.

Copy translated sentence by sentence drifts between spellings: the engine writes "Tirana"
in one paragraph and "Tyrana" in the next, groups thousands as "12,000" here and "3.500"
there, or has "June 20" and "20 June" for the same day. No source is needed to see it: the
article contradicts itself. The check needs the other sentences of the article, which the
round-trip stage passes as `options["article"]` (a tuple of texts); without them it is silent.

- names: two capitalised words inside sentences, one edit apart (a swap counts one), same
  first letter, neither a prefix of the other ("Albania"/"Albanian" is a derived form) and not
  both common words of the copy's language;
- numbers: thousands grouped with commas in one place and with dots in another;
- dates: the same day and month written in both orders (month names from babel).
The flag goes on the sentences that use the rarer form and names the other one.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .text import fold, is_acronym, is_sentence_initial, tokens, zipf

NAME_MIN_LETTERS = 5
COMMON_WORD_ZIPF = 4.0  # two common words one edit apart ("Water", "Later") are not a name
_COMMA_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)")
# "1.250" groups thousands; not a decimal that says so: "0.375", "3.125 %", a lap time's "1:12.272"
_DOT_GROUPED = re.compile(r"(?<![\d.,:])(?!0\.)\d{1,3}(?:\.\d{3})+(?![\d.]|,\d|\s?%)")
KNOWN_NAME_ZIPF = 2.0  # two spellings both this common are two names ("Obama" / "Osama", "Syria" / "Syriza")

Variant = tuple[int, int, str]  # start, end, message (in one sentence)


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count one), stopping early past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _names(text: str) -> list[tuple[int, int, str]]:
    out = []
    for t in tokens(text):
        w = t.text
        word = w[:-2] if w.endswith(("'s", "’s")) else w
        if (
            word[:1].isupper()
            and word.isalpha()
            and len(word) >= NAME_MIN_LETTERS
            and not is_acronym(word)
            and not is_sentence_initial(text, t.start)
        ):
            out.append((t.start, t.start + len(word), word))
    return out


def _pair(a: str, b: str, counts: Counter[str], pairs: dict[str, str], lang: str) -> None:
    """Record the rarer of two spellings of one name (a -> b), if they are that."""
    if a.startswith(b) or b.startswith(a):
        return  # "Albania" / "Albanian": a derived form
    if edit_distance(a.lower(), b.lower(), 1) > 1:
        return
    if zipf(a.lower(), lang) >= COMMON_WORD_ZIPF and zipf(b.lower(), lang) >= COMMON_WORD_ZIPF:
        return
    if fold(a) != fold(b) and min(zipf(a.lower(), lang), zipf(b.lower(), lang)) >= KNOWN_NAME_ZIPF:
        return  # two known names one letter apart; "Sánchez" / "Sanchez" (accents only) is one name
    rare, common = (a, b) if (counts[a], a) < (counts[b], b) else (b, a)
    pairs[rare] = common


def _name_variants(article: tuple[str, ...], lang: str) -> dict[int, list[Variant]]:
    counts: Counter[str] = Counter(n for text in article for _, _, n in _names(text))
    pairs: dict[str, str] = {}  # rarer spelling -> the more common one
    by_key: dict[str, list[str]] = {}  # a name and its one-letter deletions: one edit apart share a key
    for name in sorted(counts):
        low = name.lower()
        for key in {low} | {low[:i] + low[i + 1 :] for i in range(len(low))}:
            by_key.setdefault(key, []).append(name)
    seen: set[tuple[str, str]] = set()
    for group in by_key.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a[0] == b[0] and (a, b) not in seen:  # variants keep their first letter
                    seen.add((a, b))
                    _pair(a, b, counts, pairs, lang)
    out: dict[int, list[Variant]] = {}
    for k, text in enumerate(article):
        for s, e, n in _names(text):
            if n in pairs:
                msg = f"'{n}' here, '{pairs[n]}' elsewhere in the article"
                out.setdefault(k, []).append((s, e, msg))
    return out


def _number_variants(article: tuple[str, ...]) -> dict[int, list[Variant]]:
    comma = [(k, m) for k, t in enumerate(article) for m in _COMMA_GROUPED.finditer(t)]
    dot = [(k, m) for k, t in enumerate(article) for m in _DOT_GROUPED.finditer(t)]
    if not comma or not dot:
        return {}
    rare, common = (dot, comma) if len(dot) <= len(comma) else (comma, dot)
    example = common[0][1].group()
    out: dict[int, list[Variant]] = {}
    for k, m in rare:
        msg = f"'{m.group()}' groups thousands differently from '{example}' elsewhere in the article"
        out.setdefault(k, []).append((m.start(), m.end(), msg))
    return out


@functools.cache
def _month_pattern(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_month_names

    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return None
    months = {n for width in ("wide", "abbreviated") for n in get_month_names(width, locale=lang).values()}
    alt = "|".join(sorted((re.escape(m.rstrip(".")) for m in months), key=len, reverse=True))
    day_month = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({alt})\b\.?", re.IGNORECASE)
    month_day = re.compile(rf"\b({alt})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\d|:)", re.IGNORECASE)
    return day_month, month_day


def _date_variants(article: tuple[str, ...], lang: str) -> dict[int, list[Variant]]:
    pats = _month_pattern(lang)
    if pats is None:
        return {}
    day_month, month_day = pats
    forms: dict[tuple[str, int], dict[str, list[tuple[int, re.Match[str]]]]] = {}
    for k, text in enumerate(article):
        for m in day_month.finditer(text):
            forms.setdefault((m.group(2).lower()[:3], int(m.group(1))), {}).setdefault("dm", []).append(
                (k, m)
            )
        for m in month_day.finditer(text):
            forms.setdefault((m.group(1).lower()[:3], int(m.group(2))), {}).setdefault("md", []).append(
                (k, m)
            )
    out: dict[int, list[Variant]] = {}
    for found in forms.values():
        if len(found) < 2:
            continue
        rare, common = sorted(found.values(), key=len)
        for k, m in rare:
            msg = f"'{m.group().strip()}' here, '{common[0][1].group().strip()}' elsewhere in the article"
            out.setdefault(k, []).append((m.start(), m.end(), msg))
    return out


@functools.lru_cache(maxsize=64)
def article_variants(article: tuple[str, ...], lang: str) -> dict[int, list[Variant]]:
    """Per sentence index: the spans written one way here and another way elsewhere in the article."""
    out: dict[int, list[Variant]] = {}
    for part in (_name_variants(article, lang), _number_variants(article), _date_variants(article, lang)):
        for k, found in part.items():
            out.setdefault(k, []).extend(found)
    return out


CONSISTENCY = Check("consistency", "major", "Written two ways in one article", modes=("roundtrip",))


@register(CONSISTENCY)
def check_consistency(inp: CheckInput) -> list[Flag]:
    """A name, number or date is written the same way throughout the article."""
    article = (inp.options or {}).get("article")
    index = (inp.options or {}).get("article_index")
    if not isinstance(article, tuple) or not isinstance(index, int) or len(article) < 2:
        return []
    found = article_variants(article, inp.source_lang).get(index, [])
    if not found:
        return []
    return [
        CONSISTENCY.flag(
            "; ".join(msg for _, _, msg in found[:3]),
            tuple(Span("source", s, e) for s, e, _ in found),
        )
    ]
