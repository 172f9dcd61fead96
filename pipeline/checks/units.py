"""Units: the same amount in another currency or unit ("20 euros" / "20 dollars", "5 kilómetros" /
"5 miles", "tres semanas" / "three months") is a changed fact the numbers check cannot see.

The currency or unit a number carries is read on each side in its own language, from the Unicode
CLDR names Babel ships (no word list of this project's): the names of the currencies in use today
(singular and plural, their symbols and ISO codes: "euros", "€", "EUR", "dólares", "US$") and of
common measurement and duration units ("kilómetros", "km", "libras", "semanas"). A name says which
currencies or units it may be: "dollars" is any dollar, "pounds" sterling or the weight, "libras"
the same two. The unit is the name right after the number (a scale word and "de"/"of" between:
"3 millones de libras", "5-kilometre"), or a symbol or code right before it ("$20", "EUR 5").

A source number with a unit whose counterpart in the translation (the same amount, as the numbers
check reads it) carries only units it cannot be (no reading in common) is a changed fact:
critical. A translation that drops the unit or adds a conversion beside it is no flag here (the
amount of a conversion differs, and the numbers check reports it). Source-aware mode only: it
compares the two languages directly and asks no engine.

Short forms are taken only where they are no common word of their language ("km", "lb", "ha" in
English; not "mi" or "ha" in Spanish, "in" or "m" in English), and a word of a currency's name only
where it is rarer than the commonest words ("new", "south" and "real" in English name nothing).
"""

from __future__ import annotations

import functools
import re
from datetime import date

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .lexicon import SCALES
from .numbers import Number, extract, meet
from .text import fold, zipf

UNITS = Check("units", "critical", "Currency or unit changed", modes=("source",), engine=False)

# CLDR unit ids read (measurement and duration units a text quotes with an amount).
UNIT_IDS = (
    "length-kilometer", "length-meter", "length-centimeter", "length-millimeter", "length-mile",
    "length-foot", "length-inch", "length-yard", "mass-kilogram", "mass-gram", "mass-pound",
    "mass-ounce", "mass-tonne", "mass-ton", "volume-liter", "volume-milliliter", "volume-gallon",
    "area-hectare", "area-acre", "area-square-kilometer", "area-square-meter", "area-square-mile",
    "temperature-celsius", "temperature-fahrenheit", "speed-kilometer-per-hour", "speed-mile-per-hour",
    "duration-year", "duration-month", "duration-week", "duration-day", "duration-hour", "duration-minute",
)  # fmt: skip
# Regional locales whose spellings differ from the language's default ("kilometres", "quilómetros").
VARIANTS = {"en": ("en_GB",), "pt": ("pt_PT",), "es": ("es_MX",), "fr": ("fr_CA",)}
SHORT_MAX_ZIPF = (
    5.0  # a short form at least this common is a word of its language ("in", "mi", "ha" in Spanish)
)
NAME_WORD_MAX_ZIPF = 5.0  # a word of a currency's name at least this common names nothing alone
# Between a number and its unit: a scale word, "de"/"of" ("3 millones de libras", "5 million of").
_BETWEEN = frozenset({"de", "of", "di", "do", "da", "des", "du", "del"})
_TOKEN = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+|²)?|[$€£¥₩₹₽₺₪₫₱₴₦฿]")
_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))([A-Z]{3}|[A-Z]{0,2}[$€£¥₩₹₽₺₪₫₱₴₦฿])[\s\u00a0\u202f]?$"
)  # "$", "US$", "EUR "


@functools.cache
def names(lang: str) -> dict[str, frozenset[str]]:
    """Folded unit and currency names of `lang` (words, symbols, codes) -> what each may be."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_currency_name, get_currency_symbol
    from babel.units import format_unit

    found: dict[str, set[str]] = {}

    def add(word: str, what: str) -> None:
        found.setdefault(fold(word), set()).add(what)

    locales = []
    for code in (lang, *VARIANTS.get(lang, ())):
        try:
            locales.append(Locale.parse(code))
        except (UnknownLocaleError, ValueError):
            continue
    for loc in locales:
        for unit in UNIT_IDS:
            for count in (1, 2, 5):
                for length in ("long", "short"):
                    said = format_unit(count, unit, locale=loc, length=length).replace(str(count), " ")
                    for word in said.split():
                        short = length == "short"
                        if not short or (len(word) > 1 and zipf(fold(word), lang) < SHORT_MAX_ZIPF):
                            add(word, unit)
        for cur in current_currencies():
            add(cur, cur)
            add(get_currency_symbol(cur, locale=loc), cur)
            for count in (1, 2):
                for word in get_currency_name(cur, count=count, locale=loc).split():
                    if len(word) > 2 and zipf(fold(word), lang) < NAME_WORD_MAX_ZIPF:
                        add(word, cur)
    return {k: frozenset(v) for k, v in found.items() if k}


@functools.cache
def current_currencies() -> frozenset[str]:
    """ISO codes of the currencies some territory uses today (no gold, no testing code, no currency of
    the past such as the French franc)."""
    from babel.core import get_global

    today = date.today().timetuple()[:3]
    return frozenset(
        code
        for spans in get_global("territory_currencies").values()
        for code, _start, end, tender in spans
        if tender and (end is None or end >= today) and not code.startswith("X")
    )


def unit_of(text: str, n: Number, lang: str) -> tuple[frozenset[str], int, int]:
    """What the currency or unit of number `n` may be (empty: none read), and where the amount with
    it starts and ends ("20 dollars", "$20")."""
    known = names(lang)
    if (m := _BEFORE.search(text, 0, n.start)) and (what := known.get(fold(m.group(1)))):
        return what, m.start(1), n.end
    at, skipped = n.end, 0
    for m in _TOKEN.finditer(text, n.end):
        if text[at : m.start()].strip(" \u00a0\u202f-"):
            break  # punctuation or another number between: the amount says no unit
        word = fold(m.group())
        if (word in SCALES or word in _BETWEEN) and skipped < 2:
            at, skipped = m.end(), skipped + 1
            continue
        what, end = _narrowed(text, m, known)
        return what, n.start, end
    return frozenset(), n.start, n.end


def _narrowed(text: str, m: re.Match[str], known: dict[str, frozenset[str]]) -> tuple[frozenset[str], int]:
    """The unit a name says, narrowed by the next word where that is a unit's name too ("grados
    Celsius", "libras esterlinas", "dólares estadounidenses"), and where the name ends."""
    what, end = known.get(fold(m.group()), frozenset()), m.end()
    nxt = _TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
    if what and nxt and (narrower := what & known.get(fold(nxt.group()), frozenset())):
        return narrower, nxt.end()
    return what, end


@register(UNITS)
def check_units(inp: CheckInput) -> list[Flag]:
    """A source amount whose counterpart in the translation carries another currency or unit."""
    src_nums = extract(inp.source, inp.source_lang)
    if not src_nums:
        return []
    tgt_nums = extract(inp.target, inp.target_lang)
    flags: list[Flag] = []
    for n in src_nums:
        unit, s_start, s_end = unit_of(inp.source, n, inp.source_lang)
        if not unit:
            continue
        theirs = [unit_of(inp.target, m, inp.target_lang) for m in tgt_nums if meet(n, m)]
        known = [t for t in theirs if t[0]]
        if known and not any(u & unit for u, _, _ in known):
            _, t_start, t_end = known[0]
            flags.append(
                UNITS.flag(
                    f"source amount '{inp.source[s_start:s_end]}' is '{inp.target[t_start:t_end]}' in the "
                    "translation: another currency or unit",
                    (Span("source", s_start, s_end), Span("text", t_start, t_end)),
                )
            )
    return flags
