"""Numbers: digits in any locale form and spelled-out numbers must survive translation.

Each number becomes a set of readings, so locale forms compare across languages:
"1.000" (es) and "1,000" (en) both read 1000; "3,5" and "3.5" read 3.5; "1 000" reads 1000;
"35 millones" reads 35 000 000 (and 35, so "35 million" matches either way). Spelled-out
numbers come from text2num ("veinte" = 20) and, for Catalan, number_words. The words for one
("un", "one", "a"), spelled ordinals and fractions ("half", "un tercio de") are *soft*: they may
match a number on the other side but are never required, because they are usually articles or
pronouns. A percentage matches a fraction within one point ("50 %" = "half"). Where a language's
number words are read by nothing, the other side's number words are not required. Clock times
and numeric dates are left to the dates check.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from pipeline.records import Flag, Severity, Span

from . import Check, CheckInput, register
from .dates import numeric_spans
from .lexicon import DUAL_WORDS, PERCENT_PHRASE, SCALE_ALTERNATIVES, SCALES
from .number_words import (
    AND_A_HALF,
    HOMOGRAPHS,
    PERCENT_AFTER,
    ROMAN,
    Occurrence,
    bare_half_scales,
    catalan_numbers,
    decade_words,
    distributive,
    fractions,
    roman_numerals,
    said_without_number,
)
from .text import fold, inside

_DIGITS = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:(?:[.,]|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))\d{3})+(?![\d])"
    r"(?:[.,]\d+(?![.,]?\d))?"
    r"|\d+(?:[.,]\d+)?)(?![\d])"
)
# "années 80", "los años 90", "anos 70", "anys 90", "anni '60": a decade of the 1900s (or 2000s), "the 1980s".
_DECADE_BEFORE = re.compile(r"(?:annees|anos|anni|anys|jahre|decada de|decennio)\s*['’]?$")
_DECADE_WORDS = frozenset(float(v) for v in range(20, 100, 10))  # a decade said in words
_COORDINATED = re.compile(r"\s*(?:[,/\u2013-]|[^\W\d_]{1,3})?\s*['\u2019]?")  # " et ", ", ", "-", " e '"
_TEXT2NUM = frozenset({"en", "es", "fr", "de", "it", "pt", "nl"})  # the languages text2num reads
_SCALE_WORD = re.compile(r"\s*([^\W\d_]+)")


@dataclass(frozen=True)
class Number:
    readings: frozenset[float]
    start: int
    end: int
    text: str
    hard: bool = True  # soft numbers may match but are never required
    scaled: frozenset[float] | None = None  # "35 millones": the values with the scale word alone
    shares: frozenset[float] = frozenset()  # a percentage or a fraction as a share of one ("50 %": 0.5)
    fraction: bool = False  # "half", "dos tercios de": said as a fraction


def meet(a: Number, b: Number) -> bool:
    """Two numbers that may be the same: a reading in common, and when both carry a scale word,
    a scaled value in common ("35 millones" is not "35 billion"; the bare mantissa matches only
    a number written without one). A percentage and a fraction meet within one point ("33 %" = "a
    third")."""
    if (a.fraction or b.fraction) and any(abs(x - y) < 0.01 for x in a.shares for y in b.shares):
        return True
    if a.scaled is not None and b.scaled is not None:
        return bool(a.scaled & b.scaled)
    return bool(a.readings & b.readings)


def _r(x: float) -> float:
    """A whole number as it is (a card or EAN number one digit apart is another), else to 12 digits."""
    return x if x.is_integer() and abs(x) < 2**53 else float(f"{x:.12g}")


def digit_readings(s: str) -> set[float]:
    """Every value a digit string can mean in some locale ("1.000" -> {1000, 1.0})."""
    s = re.sub(r"[ \u00a0\u202f\u2009]", "", s)
    out: set[float] = set()
    seps = [c for c in s if c in ".,"]
    if not seps:
        return {_r(float(s))}
    last = max(s.rfind("."), s.rfind(","))
    head, tail = s[:last], s[last + 1 :]
    grouping = re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*", head) is not None
    if len(set(seps)) == 1:
        sep = seps[0]
        if len(seps) > 1:  # 1.000.000 or 1,000,000
            if re.fullmatch(r"\d{1,3}(?:" + re.escape(sep) + r"\d{3})+", s):
                out.add(_r(float(s.replace(sep, ""))))
            return out
        if len(tail) == 3 and grouping:  # 1.000 or 1,000: a thousand in one locale, one in another
            out.add(_r(float(head + tail)))
        out.add(_r(float(head + "." + tail)))
        return out
    # both separators: the last one is the decimal mark (1,000.5 / 1.000,5)
    out.add(_r(float(re.sub(r"[.,]", "", head) + "." + tail)))
    return out


class _Tok:
    """A token as text2num's find_numbers expects it."""

    __slots__ = ("t",)

    def __init__(self, t: str) -> None:
        self.t = t

    def text(self) -> str:
        return self.t

    def nt_separated(self, previous: object) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


_SPLIT = re.compile(r"[^\W\d_]+|\d+|[^\w\s-]")  # hyphens dropped: "vingt-deux", "hundred-run"


def _plural_noun(toks: list[_Tok], lang: str, value: float) -> bool:
    """A number word used as a plural noun ("seises", "sixes", "cuatros"): never required."""
    if len(toks) != 1:
        return False
    w = toks[0].t
    for cut in (1, 2):
        if len(w) > cut + 2 and w[-cut:] in ("s", "es"):
            occ = _occurrences([_Tok(w[:-cut])], lang)
            if occ and float(occ[0].value) == value:
                return True
    return False


def reads_words(lang: str) -> bool:
    """Whether the number words of `lang` are read (by text2num, or for Catalan by number_words)."""
    return lang in _TEXT2NUM or lang == "ca"


def _occurrences(toks: list[_Tok], lang: str) -> list[Occurrence]:
    if lang == "ca":
        return catalan_numbers([fold(t.t) for t in toks])
    from text_to_num import find_numbers  # compiled extension; cheap but keep it local

    try:
        return list(find_numbers(toks, lang, 0))
    except (ValueError, RuntimeError):
        return []


def _word_numbers(text: str, lang: str) -> list[Number]:
    if not reads_words(lang):
        return []
    matches = list(_SPLIT.finditer(text))
    if not any(m.group()[0].isalpha() for m in matches):
        return []
    toks = [_Tok(m.group()) for m in matches]
    out: list[Number] = []
    for occ in _occurrences(toks, lang):
        first, last = matches[occ.start], matches[occ.end - 1]
        if any(c.isdigit() for m in matches[occ.start : occ.end] for c in m.group()):
            continue  # digits are read by digit_readings
        value = float(occ.value)
        if 0 < value < 1 or value != int(value):
            continue  # "centavos" read as 0.01: a unit, not a number ("cero" is 0)
        if all(m.group().isupper() for m in matches[occ.start : occ.end]):
            continue  # an acronym ("OIT"), not a number word
        words = [fold(m.group()) for m in matches[occ.start : occ.end]]
        end = last.end()
        half = AND_A_HALF.match(text, end) if words[-1] in SCALES else None
        if half:  # "dos millones y medio", "a million and a half"
            value, end = value + SCALES[words[-1]] / 2, half.end()
        scale_only = len(words) == 1 and words[0] in SCALES and not half  # "million" alone, "millions of"
        soft = (
            bool(occ.is_ordinal)
            or value in (0.0, 1.0)  # "un" is an article, "zero errors" / "sin errores" says none
            or scale_only
            or (len(words) == 1 and words[0] in HOMOGRAPHS.get(lang, ()))
            or _plural_noun(toks[occ.start : occ.end], lang, value)
        )
        readings = {_r(value)}
        if value in _DECADE_WORDS and _DECADE_BEFORE.search(
            fold(text[max(0, first.start() - 14) : first.start()]).rstrip()
        ):
            readings |= {1900.0 + value, 2000.0 + value}  # "los años noventa" = the 1990s
        if words[-1] in SCALES:
            base = value / SCALES[words[-1]]
            if len(words) > 1:  # "cinco millones" also matches "five" + "million"
                readings.add(_r(base))
            readings |= {_r(base * alt) for alt in SCALE_ALTERNATIVES.get(words[-1], ())}
        out.append(Number(frozenset(readings), first.start(), end, text[first.start() : end], not soft))
    return out


def _roman_numbers(text: str, lang: str) -> list[Number]:
    return [Number(frozenset({float(v)}), a, b, said) for a, b, said, v in roman_numerals(text, lang)]


def _is_decade(text: str, m: re.Match[str], before: list[Number]) -> bool:
    """A "80" after "années" / "los años" ("the 1980s"), or coordinated with such a decade
    ("années 70 et 80", "anni '60 e '70"): one short word or a mark between the two."""
    if len(m.group()) != 2 or not m.group().endswith("0"):
        return False
    if _DECADE_BEFORE.search(fold(text[max(0, m.start() - 14) : m.start()])):
        return True
    prev = before[-1] if before else None
    return (
        prev is not None
        and len(prev.text) == 2
        and 1900.0 + int(prev.text) in prev.readings
        and _COORDINATED.fullmatch(text[prev.end : m.start()]) is not None
    )


@functools.lru_cache(maxsize=8192)
def extract(text: str, lang: str) -> tuple[Number, ...]:
    """Numbers in `text` (digits and spelled out), outside clock times and numeric dates."""
    skip = numeric_spans(text, lang)
    nums: list[Number] = []
    scale_ends: list[tuple[int, int]] = []
    for m in _DIGITS.finditer(text):
        if inside(m.start(), skip):
            continue
        readings = digit_readings(m.group())
        end = m.end()
        # "35 millones", "2 mil millones": a scale word multiplies (the bare mantissa also matches
        # a number written without a scale word: see meet)
        pos, factors = m.end(), [1.0]
        while True:
            sw = _SCALE_WORD.match(text, pos)
            if not sw or fold(sw.group(1)) not in SCALES:
                break
            word = fold(sw.group(1))
            if word in ("k", "mm", "bn") and sw.start(1) != pos:
                break
            scales = (SCALES[word], *SCALE_ALTERNATIVES.get(word, ()))
            factors = [f * s for f in factors for s in scales]
            scale_ends.append((sw.start(1), sw.end(1)))
            pos = end = sw.end(1)
        half = AND_A_HALF.match(text, pos) if factors != [1.0] else None
        if half:  # "2 millones y medio" = 2.5 millones
            readings = {r + 0.5 for r in readings}
            end = half.end()
        scaled = frozenset(_r(v * f) for v in readings for f in factors) if factors != [1.0] else None
        readings |= scaled or set()
        if _is_decade(text, m, nums):
            readings |= {1900.0 + int(m.group()), 2000.0 + int(m.group())}
        nums.append(Number(frozenset(readings), m.start(), end, text[m.start() : end], scaled=scaled))
    percent = [(m.start(), m.end()) for m in PERCENT_PHRASE.finditer(text)]
    parts = _fractions(text, lang)
    taken = skip + scale_ends + percent + [(n.start, n.end) for n in parts]
    for n in _word_numbers(text, lang) + _roman_numbers(text, lang):
        if not inside(n.start, taken):
            nums.append(n)
    nums += [f for f in parts if not any(n.start < f.end and f.start < n.end for n in nums)]  # "and a half"
    for start, end, decade in decade_words(text, lang):  # "the nineties", "in their thirties"
        nums.append(Number(decade, start, end, text[start:end]))
    for start, end, word in bare_half_scales(text):  # "el billón y medio": 1.5 billón
        if not any(n.start < end and start < n.end for n in nums):
            values = (SCALES[word], *SCALE_ALTERNATIVES.get(word, ()))
            nums.append(Number(frozenset(_r(1.5 * v) for v in values), start, end, text[start:end]))
    nums.sort(key=lambda n: n.start)
    return tuple(_one_per_value(text, [_percentage(text, n) for n in nums]))


def _fractions(text: str, lang: str) -> list[Number]:
    """Fractions, soft unless a numerator word says a number ("dos tercios de": 2, and 2/3)."""
    return [
        Number(
            frozenset({float(k)} if k > 1 else ()),
            s,
            e,
            text[s:e],
            hard=k > 1,
            shares=frozenset({share}),
            fraction=True,
        )
        for s, e, share, k in fractions(text, lang)
    ]


def _percentage(text: str, n: Number) -> Number:
    """A number followed by "%", "per cent", "por ciento": also a share ("50 %" = 0.5)."""
    if not n.hard or n.fraction or not PERCENT_AFTER.match(text, n.end):
        return n
    return replace(n, shares=frozenset(r / 100 for r in n.readings))


def _one_per_value(text: str, nums: list[Number]) -> list[Number]:
    """A number said twice in a row ("in 2012 2012") is a stutter, not a second number; so is the
    repeated number of a distributive ("de 8 em 8 horas" = "every 8 hours")."""
    out: list[Number] = []
    last_end = -1
    for n in nums:
        if (
            out
            and n.readings
            and out[-1].readings == n.readings
            and (
                text[last_end : n.start].strip() == ""
                or distributive(text, (out[-1].start, last_end), n.start)
            )
        ):
            last_end = n.end
            continue
        out.append(n)
        last_end = n.end
    return out


def unmatched(a: tuple[Number, ...], b: tuple[Number, ...]) -> tuple[list[Number], list[Number]]:
    """One-to-one matching on overlapping readings; returns the hard numbers left on each side."""
    left_b = list(b)
    left_a: list[Number] = []
    # hard numbers first, so a soft "one" cannot steal the partner of a real 1
    for n in sorted(a, key=lambda x: not x.hard):
        hit = next((x for x in left_b if meet(x, n) and x.hard == n.hard), None)
        hit = hit or next((x for x in left_b if meet(x, n)), None)
        if hit is None:
            left_a.append(n)
        else:
            left_b.remove(hit)
    return [n for n in left_a if n.hard], [n for n in left_b if n.hard]


def _fmt(n: Number) -> str:
    return f"'{n.text}'"


def _dual(n: Number, other: str, lang: str) -> bool:
    """A two the other side says with a word for two ("os dois partidos" = "both parties")."""
    words = DUAL_WORDS.get(lang, frozenset())
    return n.readings == {2.0} and any(fold(w) in words for w in _SPLIT.findall(other))


NUMBERS = Check("numbers", "critical", "Numbers differ", also=("minor", "major"), engine=False)


@register(NUMBERS)
def check_numbers(inp: CheckInput) -> list[Flag]:
    """Every number of the source is in the translation and the translation adds none."""
    src = extract(inp.source, inp.source_lang)
    tgt = extract(inp.target, inp.target_lang)
    if not src and not tgt:
        return []
    miss, extra = unmatched(src, tgt)
    miss = [n for n in miss if not _excused(n, inp.target, inp.target_lang)]
    extra = [n for n in extra if not _excused(n, inp.source, inp.source_lang)]
    if not miss and not extra:
        return []
    parts = []
    if miss:
        parts.append(f"source number {', '.join(_fmt(n) for n in miss)} not found in the translation")
    if extra:
        parts.append(f"translation has {', '.join(_fmt(n) for n in extra)} with no match in the source")
    spans = tuple(Span("source", n.start, n.end) for n in miss) + tuple(
        Span("text", n.start, n.end) for n in extra
    )
    # A changed or dropped number is critical. A number only the translation has is often an
    # explicitation ("octavos de final" -> "the last 16"): reported, but minor on its own. A
    # spelled-out number that is gone with nothing in its place is major: number words live in
    # idioms ("trois fois rien", "one or two") that a translation rightly says another way.
    severity: Severity = "minor"
    if miss:
        severity = "major" if not extra and all(_spelled(n) for n in miss) else "critical"
    return [NUMBERS.flag("; ".join(parts), spans, severity=severity)]


def _excused(n: Number, other: str, lang: str) -> bool:
    """A number the other side need not have: a two said "both", a 24 said "around the clock", a 10
    "a decade", a word the other side has letter for letter, one no reader of `lang` would see."""
    if _dual(n, other, lang) or said_without_number(n.readings, other, lang):
        return True
    return _as_written_in(n, other) or (_spelled(n) and not reads_words(lang))


def _spelled(n: Number) -> bool:
    return not any(c.isdigit() for c in n.text) and ROMAN.fullmatch(n.text) is None


def _as_written_in(n: Number, other: str) -> bool:
    """A number word the other text has letter for letter is a name ("Otto Ritter", "Uno"), not a lost number."""
    return _spelled(n) and re.search(r"(?<!\w)" + re.escape(n.text) + r"(?!\w)", other) is not None
