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
import math
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
    "duration-second", "duration-millisecond", "digital-byte", "digital-kilobyte", "digital-megabyte",
    "digital-gigabyte", "digital-terabyte",
)  # fmt: skip
# Regional locales whose spellings differ from the language's default ("kilometres", "quilómetros").
VARIANTS = {"en": ("en_GB",), "pt": ("pt_PT",), "es": ("es_MX",), "fr": ("fr_CA",)}
SHORT_MAX_ZIPF = (
    5.0  # a short form at least this common is a word of its language ("in", "mi", "ha" in Spanish)
)
UNIT_SYMBOL_MAX = 5  # letters of a unit's symbol or code the names check may take for a name ("MB", "EUR")
NAME_WORD_MAX_ZIPF = 5.0  # a word of a currency's name at least this common names nothing alone
# Between a number and its unit: a scale word, "de"/"of" ("3 millones de libras", "5 million of").
_BETWEEN = frozenset({"de", "of", "di", "do", "da", "des", "du", "del"})
_TOKEN = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+|²)?|[$€£¥₩₹₽₺₪₫₱₴₦฿]")
_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))([A-Z]{3}|[A-Z]{0,2}[$€£¥₩₹₽₺₪₫₱₴₦฿])[\s\u00a0\u202f]?$"
)  # "$", "US$", "EUR "
_BEFORE_REACH = 8  # characters: a match of `_BEFORE` is at most 5 long ("US$ " and a newline)
_GAP = re.compile(r"[ \u00a0\u202f-]*")  # what may stand between an amount and its unit


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


def named_alike(word: str, lang: str, other: str, other_lang: str) -> bool:
    """`word` names a unit of measurement in `lang` that the text `other` names too, in its own
    language's way ("MB" / "Mo", "km" / "quilómetros"): a unit, which this check compares with
    its amount, not a name (`names`). Not a currency: "Krona" / "Couronne" may be two of them."""
    known = names(lang).get(fold(word)) if len(word) <= UNIT_SYMBOL_MAX else None
    what = frozenset(u for u in known or () if u in UNIT_IDS)
    theirs = names(other_lang) if what else {}
    return bool(what) and any(theirs.get(fold(t), frozenset()) & what for t in _TOKEN.findall(other))


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
    it starts and ends ("20 dollars", "$20"). Reads only the few characters before the number and
    the words right after it: the cost does not grow with the text."""
    known = names(lang)
    lo = max(0, n.start - _BEFORE_REACH)  # `_BEFORE` ends at the number: it starts no further back
    if (m := _BEFORE.search(text, lo, n.start)) and (what := known.get(fold(m.group(1)))):
        return what, m.start(1), n.end
    at, skipped = n.end, 0
    # the next word, with nothing but spaces and hyphens before it (punctuation or another number
    # between: the amount says no unit)
    while (gap := _GAP.match(text, at)) and (m := _TOKEN.match(text, gap.end())):
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


class _Counterparts:
    """The translation's numbers, indexed by value, with the unit each carries (read once): for a
    source number, the units of the translation's numbers that meet it (the same amount). The
    numbers a source number may meet are found through the index, and the answer is kept for
    every source number that reads the same, so the cost grows with the numbers, not with their
    pairs ("$5 $5 $5 ..." on both sides)."""

    def __init__(self, text: str, nums: tuple[Number, ...], lang: str) -> None:
        self.text, self.nums, self.lang = text, nums, lang
        self.by_value: dict[float, list[int]] = {}
        self.by_share: dict[int, list[int]] = {}
        for i, m in enumerate(nums):
            for v in m.readings | (m.scaled or frozenset()):
                self.by_value.setdefault(v, []).append(i)
            for x in m.shares:
                self.by_share.setdefault(_share_bucket(x), []).append(i)
        self.units: dict[int, tuple[frozenset[str], int, int]] = {}
        self.seen: dict[
            tuple[object, ...], tuple[tuple[frozenset[str], int, int] | None, set[frozenset[str]]]
        ] = {}

    def unit(self, i: int) -> tuple[frozenset[str], int, int]:
        if i not in self.units:
            self.units[i] = unit_of(self.text, self.nums[i], self.lang)
        return self.units[i]

    def known(self, n: Number) -> tuple[tuple[frozenset[str], int, int] | None, set[frozenset[str]]]:
        """The first number of the translation that meets `n` and carries a unit (None: none does),
        and every unit that such numbers carry."""
        key = (n.readings, n.scaled, n.shares, n.fraction)  # all that `meet` reads of a number
        if key not in self.seen:
            near = {i for v in n.readings | (n.scaled or frozenset()) for i in self.by_value.get(v, ())}
            for x in n.shares:  # a share within one point ("33 %" = "a third"): a bucket either side
                b = _share_bucket(x)
                near.update(i for k in range(b - 2, b + 3) for i in self.by_share.get(k, ()))
            first, units = None, set()
            for i in sorted(near):
                if meet(n, self.nums[i]) and (their := self.unit(i))[0]:
                    first = first or their
                    units.add(their[0])
            self.seen[key] = (first, units)
        return self.seen[key]


def _same_sign(a: str, b: str) -> bool:
    """Two amounts written with the same sign, in whichever order and with whatever digits and
    spaces ("$15" / "15 $", "US$15" / "15 $ US"): one sign, whatever each locale's CLDR data
    makes of it (pesos in Spanish, Canadian dollars in French)."""

    def sign(amount: str) -> list[str]:
        return sorted(c for c in fold(amount) if not (c.isdigit() or c.isspace() or c in ".,'\u00a0\u202f"))

    return sign(a) == sign(b)


def _share_bucket(x: float) -> int:
    return math.floor(x * 100)


@register(UNITS)
def check_units(inp: CheckInput) -> list[Flag]:
    """A source amount whose counterpart in the translation carries another currency or unit."""
    src_nums = extract(inp.source, inp.source_lang)
    if not src_nums:
        return []
    theirs = _Counterparts(inp.target, extract(inp.target, inp.target_lang), inp.target_lang)
    flags: list[Flag] = []
    for n in src_nums:
        unit, s_start, s_end = unit_of(inp.source, n, inp.source_lang)
        if not unit:
            continue
        first, units = theirs.known(n)
        if first is not None and not any(u & unit for u in units):
            _, t_start, t_end = first
            if _same_sign(inp.source[s_start:s_end], inp.target[t_start:t_end]):
                continue  # "$15" / "15 $": one sign each locale reads its own way (MXN, CAD)
            flags.append(
                UNITS.flag(
                    f"source amount '{inp.source[s_start:s_end]}' is '{inp.target[t_start:t_end]}' in the "
                    "translation: another currency or unit",
                    (Span("source", s_start, s_end), Span("text", t_start, t_end)),
                )
            )
    return flags
