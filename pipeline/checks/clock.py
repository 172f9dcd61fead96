"""Clock times in running text, for the dates check: each becomes a set of readings (minutes
after midnight), one when the half of the day is known, two when it is not.

Rules, most specific first (a span read once is not read again):
- "9:48 PM", "21:48", "10 h 30", "21h48": hour and minutes with a colon or an h.
- "21.48 h", "14.30 Uhr": a dotted time with an hour word after it.
- "a las 14.30", "de 9.00 a 14.00", "dalle 9.00": a dotted time after a clock preposition or in a
  range (de X a Y, desde X hasta Y, entre X y Y, de X à Y) of a language that writes decimals with a
  comma; never beside a currency or a percent sign (a price range is no time).
- "2.30pm", "1200 GMT", "9am": am/pm and time zones (UTC and GMT in any case: "1200 gmt").
- "7 o'clock": a whole hour, either half of the day ("a las 7 horas" failed against it).
- "a las 14 horas", "às 18h", "um 14 Uhr": a whole hour after a clock preposition with its article
  (a las, às, alle, a les, à); "durante las 12 horas" is a duration, no time.
- French "de 10 h à 18 h": "N h" is an hour anywhere in French (optional where no clock
  preposition or range anchors it), never after a duration word (pendant 3 h).
- "alle 9", "a les 8 del vespre": a bare hour after a clock article, when no noun follows.
- A day part after a time sets its half: "8 del vespre" = 8 p.m., "9 du matin" = 9 a.m.
- "noon", "mediodía", "minuit": 12:00 and 00:00, optional (they match a time; alone they never flag).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .clock_words import (
    CLOCK_ARTICLE,
    CLOCK_AT,
    CLOCK_DAY_PARTS,
    CLOCK_NO_ARTICLE,
    COMMA_DECIMALS,
    DURATION_BEFORE,
    MIDNIGHT_WORDS,
    NOON_WORDS,
)


def _alternatives(words: tuple[str, ...] | list[str]) -> str:
    return r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\s+"


_H = r"(?P<h>[01]?\d|2[0-3])"
_H24 = r"(?P<h>[01]?\d|2[0-4])"  # 24.00 = midnight where no duration reads ("abierto 24h")
_HM = _H24 + r"\.(?P<m>[0-5]\d)"
_AMPM = r"(?:\s*(?P<ap>[aApP])\.?\s?[mM]\b\.?)"
_AT_DOT = _alternatives(CLOCK_AT + CLOCK_ARTICLE)  # "a las 14.30", "las 14.30", "dalle 9.00"
_AT_HOUR = _alternatives(CLOCK_AT)  # "a las 14 horas", "à 14 heures", not "durante las 12 horas"
_AT_BARE = _alternatives([w for w in CLOCK_AT + CLOCK_ARTICLE if w not in CLOCK_NO_ARTICLE])
_TO = r"\s*(?:a|à|al|alle|às|hasta|fins a|y|e|i|et|bis|-|–)\s+"  # the second end of a range
# a number beside a currency or a percent sign is an amount: "de 1.50 a 2.00 €"
_NOT_AMOUNT = r"(?!\d|[.,]\d|\s?[%€$£¥])"
# "alle 9." / "a les 8 del vespre" / "de las 9 a las 14", not "a las 9 personas"
_NO_NOUN_AFTER = (
    r"(?=\s*(?:$|[^\w\s%€$£¥]|(?:y|e|i|et|o|ou|a|à|às|al|alle|hasta|até|fins|de|del|di|da|du|en|in|em)\b))"
)

_TIME = re.compile(r"(?<![\d.,:])" + _H + r"\s?(?::|h|H)\s?(?P<m>[0-5]\d)(?!\d)" + _AMPM + "?")
_TIME_DOT = re.compile(r"(?<![\d.,:])" + _HM + r"\s?(?:h\b|hrs?\b|horas\b|Uhr\b)")  # 21.48 h, 21.48 Uhr
_TIME_DOT_AT = re.compile(_AT_DOT + _HM + _NOT_AMOUNT, re.I)
# a range of dotted times: "de 9.00 a 14.00", "desde 9.00 hasta 14.00", "entre 9.00 y 14.00"
_TIME_DOT_FROM = re.compile(
    _alternatives(("de", "desde", "entre", "des de", "von")) + _HM + _NOT_AMOUNT
    + r"(?=" + _TO + r"(?:[01]?\d|2[0-4])\.[0-5]\d" + _NOT_AMOUNT + ")",
    re.I,
)  # fmt: skip
_TIME_DOT_TO = re.compile(r"(?<=\d\.\d\d)" + _TO + _HM + _NOT_AMOUNT, re.I)
_TIME_DOT_AMPM = re.compile(r"(?<![\d.,:])(?P<h>1[0-2]|0?[1-9])\.(?P<m>[0-5]\d)" + _AMPM)  # 2.30pm
# "1200 GMT", "0930 utc" (copy written in lower case), "0705 CET": other zones in capitals only
_TIME_ZONED = re.compile(
    r"(?<![\d.,:])" + _H + r"[.]?(?P<m>[0-5]\d)(?=\s?(?:(?i:UTC|GMT)|[A-Z]{1,3}[SD]?T)\b)"
)
_TIME_AMPM = re.compile(r"(?<![\d.,:])(?P<h>1[0-2]|0?[1-9])" + _AMPM)
_TIME_OCLOCK = re.compile(
    r"(?<![\d.,:])(?<!\w)(?P<h>1[0-2]|0?[1-9])\s?o['’]\s?clock\b", re.I
)  # "at 7 o'clock"
_TIME_HOUR_AT = re.compile(_AT_HOUR + _H + r"\s?(?:heures?|horas?|hores|ore|Uhr|h)\b", re.I)
# "18h" stuck together, anywhere but after a duration word ("durante 24h", "en 2h")
_TIME_HOUR = re.compile(r"(?<![\d.,:])(?<!\w)" + _H + r"h\b", re.I)
# French "de 10 h à 18 h", "fixé à 9 h": an hour with a spaced h, anywhere in French
_TIME_HOUR_FR = re.compile(r"(?<![\d.,:])(?<!\w)" + _H24 + r"\sh\b(?!\s?\d)")
_TIME_BARE_AT = re.compile(_AT_BARE + _H + r"(?![\d.,:]\d)" + _NO_NOUN_AFTER, re.I)
_DURATION_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(DURATION_BEFORE) + r")\s+$", re.I)
_ANCHOR_BEFORE = re.compile(_alternatives((*CLOCK_AT, "de", "entre")) + "$", re.I)
_RANGE_AFTER = re.compile(_TO + r"\d", re.I)


@dataclass(frozen=True)
class Clock:
    start: int
    end: int
    readings: frozenset[int]  # minutes after midnight
    optional: bool = False  # matches a time of the other text; unmatched it is no difference


# most specific first; the comma-decimal and French ones by language (_applies)
_PATTERNS: tuple[re.Pattern[str], ...] = (
    _TIME,
    _TIME_DOT,
    _TIME_DOT_AT,
    _TIME_DOT_FROM,
    _TIME_DOT_TO,
    _TIME_DOT_AMPM,
    _TIME_ZONED,
    _TIME_AMPM,
    _TIME_OCLOCK,
    _TIME_HOUR_AT,
    _TIME_HOUR,
    _TIME_HOUR_FR,
    _TIME_BARE_AT,
)


def readings(hour: int, minute: int, half: str | None) -> frozenset[int]:
    """Minutes after midnight: one reading with am/pm (a/p) or a day part, else both halves."""
    if hour == 24:  # 24.00 is midnight, no other
        return frozenset({minute})
    if half == "night":  # 12 de la noche = midnight, 2 de la noche = 2 a.m., 10 = 10 p.m.
        half = "p" if 6 <= hour <= 11 else "a"
    if half and hour <= 12:
        return frozenset({(hour % 12 + (12 if half == "p" else 0)) * 60 + minute})
    if hour < 12:
        return frozenset({hour * 60 + minute, (hour + 12) * 60 + minute})
    return frozenset({hour * 60 + minute})


@functools.cache
def _day_part(lang: str) -> re.Pattern[str] | None:
    parts = CLOCK_DAY_PARTS.get(lang)
    if not parts:
        return None
    alts = "|".join(f"(?P<{half}>{'|'.join(map(re.escape, words))})" for half, words in parts.items())
    return re.compile(r"\s+(?:" + alts + r")\b", re.I)


def _applies(pat: re.Pattern[str], lang: str) -> bool:
    if pat is _TIME_HOUR_FR:
        return lang == "fr"
    if pat in (_TIME_DOT_AT, _TIME_DOT_FROM, _TIME_DOT_TO):
        return lang in COMMA_DECIMALS  # English "from 1.50 to 2.00" is a price
    return True


def clock_times(text: str, lang: str, taken: list[tuple[int, int]]) -> Iterator[Clock]:
    """Clock times of `text` outside the spans in `taken` (which grows with each time read)."""
    day_part = _day_part(lang)
    for pat in _PATTERNS:
        if not _applies(pat, lang):
            continue
        for m in pat.finditer(text):
            start, end = m.start("h"), m.end()
            if any(s < end and start < e for s, e in taken):
                continue
            if pat is _TIME_DOT_TO and not any(e == m.start() for _, e in taken):
                continue  # "y 2.00" ends a range only after a time read as one
            before = text[:start]
            unanchored = pat in (_TIME_HOUR, _TIME_HOUR_FR)
            if unanchored and _DURATION_BEFORE.search(before):
                continue  # "durante 24h", "pendant 3 h": a duration
            ap = m.groupdict().get("ap")
            half = ap.lower() if ap else None
            if half is None and day_part and (d := day_part.match(text, end)):
                half, end = next(k for k, v in d.groupdict().items() if v), d.end()
            minute = int(m.group("m")) if m.groupdict().get("m") else 0
            optional = pat is _TIME_HOUR_FR and not (
                _ANCHOR_BEFORE.search(before) or _RANGE_AFTER.match(text, end)
            )
            taken.append((start, end))
            yield Clock(start, end, readings(int(m.group("h")), minute, half), optional)


@functools.cache
def _noon_words(lang: str) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    """The pattern of a language's words for noon and midnight, and each word's minutes."""
    minutes = {w: 720 for w in NOON_WORDS.get(lang, ())} | {w: 0 for w in MIDNIGHT_WORDS.get(lang, ())}
    if not minutes:
        return None, minutes
    # French "midi" is no noon in "après-midi" (afternoon)
    return re.compile(r"(?<![\w-])(" + "|".join(minutes) + r")(?![\w-])"), minutes


def noon_words(folded: str, lang: str) -> Iterator[Clock]:
    """noon = 12:00, midnight = 00:00 in a folded text (`text.fold`, one character per character):
    optional, since "al mediodía" may be "at lunchtime"."""
    pat, minutes = _noon_words(lang)
    if pat is None:
        return
    for m in pat.finditer(folded):
        yield Clock(m.start(), m.end(), frozenset({minutes[m.group(1)]}), optional=True)
