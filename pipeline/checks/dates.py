"""Dates and times: month and weekday names (CLDR via babel), numeric dates, clock times.

"June 20" equals "20 de junio" (same month; the day is compared by the numbers check),
"9:48 PM" equals "21:48", "20/06/2018" equals "June 20, 2018". Each mention becomes a set
of readings (a time without am/pm may be either half of the day; 03/04 may be March or
April) and two mentions match when their readings overlap.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .calendar_names import day_names, month_abbreviations, month_names, month_spellings
from .clock import clock_times, noon_words
from .clock_words import WEEKDAY_SHORT_BEFORE, WEEKDAY_SHORT_ORDINALS
from .text import WORD_CHAR, fold, quote, zipf

_NUMERIC_DATE = re.compile(r"(?<![\d.,/-])(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?![\d/-]|[.,]\d)")
# Every numeric pattern holds a digit, and so does a month abbreviation's context ("Jun 20", "20
# ene."): a text without one (most sentences) skips them all.
_DIGIT = re.compile(r"\d")
# A month written without its accents that is also a word of its own at least a tenth as common
# as the month (log10 Zipf): Catalan "marc" (frame) for "març", Portuguese "marco" (landmark) for
# "março". Read as the month only beside a number ("15 marc 2020"), as abbreviations are.
ACCENTLESS_WORD_MARGIN = 1.0
_WORD_RUN = re.compile(r"\w+")
_NEAR_NUMBER = 12  # characters either side of an accentless month where a day number or year may stand


@dataclass(frozen=True)
class Mention:
    kind: str  # time | month | day | date
    readings: frozenset[object]
    start: int
    end: int
    text: str
    optional: bool = False  # matches a mention of the other text; unmatched it is no difference


def _date_readings(a: int, b: int, c: int) -> frozenset[object]:
    """(month, day) readings of a numeric date: d/m/y, m/d/y or y/m/d."""
    out: set[object] = set()
    if a > 31:  # 2018-06-20
        if 1 <= b <= 12 and 1 <= c <= 31:
            out.add((b, c))
        return frozenset(out)
    if 1 <= b <= 12 and 1 <= a <= 31:
        out.add((b, a))
    if 1 <= a <= 12 and 1 <= b <= 31:
        out.add((a, b))
    return frozenset(out)


def _day_forms(name: str) -> dict[str, bool]:
    """The written forms of a weekday -> whether the form is the short one. A weekday in the plural
    names the same day ("except Mondays", "les lundis"); a compound name pluralises both parts and
    may lose its second ("segundas-feiras", "de segunda a sexta")."""
    forms = {name: False, name + "s": False}
    first, sep, second = name.partition("-")
    if sep:
        for a, b in ((first, second), (first + "s", second + "s")):
            forms.update({f"{a}-{b}": False, f"{a} {b}": False, a: True})
    return forms


@functools.cache
def _name_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, tuple[str, int, bool]]]:
    """Month and weekday names -> (kind, number, short). A month is not read in the plural: a
    month with an "s" is another word in some languages (French "mai" / "mais" = "but")."""
    table: dict[str, tuple[str, int, bool]] = {}
    for name, n in month_names(lang).items():
        table[name] = ("month", n, False)
    for name, n in day_names(lang).items():
        table.update((form, ("day", n, short)) for form, short in _day_forms(name).items())
    if not table:
        return re.compile(r"$^"), table
    alts = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True))
    return re.compile(r"(?<!\w)(" + alts + r")(?!\w)"), table


@functools.cache
def _abbr_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, int]]:
    table = {a: n for a, n in month_abbreviations(lang).items() if len(a) >= 3 and a not in month_names(lang)}
    alts = sorted(table, key=len, reverse=True)
    if not alts:
        return re.compile(r"$^"), table
    # Abbreviations count only next to a day number: "Jun 20", "20 ene." (a number of its own:
    # the "4" of "IPv4 des del" is none)
    pat = re.compile(
        r"(?:(?<=(?<!\w)\d\s)|(?<=(?<!\w)\d\d\s)|(?<=(?<!\w)\d\s[a-z]{2}\s)|(?<=(?<!\w)\d\d\s[a-z]{2}\s))("
        + "|".join(re.escape(a) for a in alts)
        + r")\.?(?!\w)"
        r"|(?<!\w)(" + "|".join(re.escape(a) for a in alts) + r")\.?(?=\s\d)"
    )
    return pat, table


def _numeric_mentions(text: str, lang: str, out: list[Mention]) -> None:
    """Numeric dates, then the clock times outside them, appended to `out`."""
    taken: list[tuple[int, int]] = []
    for m in _NUMERIC_DATE.finditer(text):
        a, b, c = int(m.group(1)), int(m.group(3)), int(m.group(4))
        readings = _date_readings(a, b, c)
        if readings and (m.group(2) != "." or c > 31):  # 20.06.2018 yes, 3.5.1 no
            out.append(Mention("date", readings, m.start(), m.end(), m.group()))
            taken.append((m.start(), m.end()))
    for t in clock_times(text, lang, taken):
        out.append(Mention("time", frozenset(t.readings), t.start, t.end, text[t.start : t.end], t.optional))


def _short_day_is_day(folded: str, start: int, end: int, lang: str, names: re.Pattern[str]) -> bool:
    """A short weekday ("segunda", also "second") is a weekday after a word that introduces one
    ("às segundas", "na sexta") or at either end of a range of weekdays ("de segunda a sexta"), when
    no noun follows it ("na segunda parte" is the second part) and the text counts with no ordinal."""
    before, after = folded[:start], folded[end:]
    ordinals = WEEKDAY_SHORT_ORDINALS.get(lang)
    if ordinals and re.search(r"(?<!\w)(?:" + ordinals + r")(?!\w)", before + " " + after):
        return False  # "na primeira volta e na segunda": an ordinal of a series
    if re.match(r"\s*(?:[^\w\s]|$|(?:e|a|ate|ou|de|da|do|as|pela|pelo)\b)", after) is None:
        return False
    anchors = "|".join(re.escape(fold(w)) for w in WEEKDAY_SHORT_BEFORE.get(lang, ()))
    if anchors and re.search(r"(?<!\w)(?:" + anchors + r")\s+$", before):
        return True
    if re.search(r"(?<!\w)de\s+$", before) and (r := re.match(r"\s+(?:a|ate)\s+", after)):
        return names.match(after, r.end()) is not None  # de segunda a sexta
    if p := re.search(r"(?:a|ate|e)\s+$", before):  # the end of a range: "a sexta"
        return any(m.end() == len(before[: p.start()].rstrip()) for m in names.finditer(before))
    return False


def mentions(text: str, lang: str) -> list[Mention]:
    """Every date or time mention in `text`, with its readings and character span."""
    out: list[Mention] = []
    digits = _DIGIT.search(text) is not None  # folding keeps every digit where it was
    if digits:
        _numeric_mentions(text, lang, out)
    folded = fold(text)
    out.extend(  # noon and midnight in words
        Mention("time", frozenset(c.readings), c.start, c.end, text[c.start : c.end], c.optional)
        for c in noon_words(folded, lang)
    )
    cased = any(c.isupper() for c in text)  # a text all in lower case has lost its capitals
    pattern, table = _name_pattern(lang)
    for m in pattern.finditer(folded):
        name = m.group(1)
        kind, n, short = table[name]
        original = text[m.start() : m.end()]
        if lang == "en" and not original[:1].isupper() and (name == "may" or cased):
            continue  # English capitalises months and days: "may", "march", "sun" are other words
        if kind == "month" and _another_word(original, text, m.start(), m.end(), lang):
            continue
        optional = short and not _short_day_is_day(folded, m.start(), m.end(), lang, pattern)
        out.append(Mention(kind, frozenset({n}), m.start(), m.end(), original, optional))
    if digits:  # an abbreviation counts only beside a day number
        apat, atable = _abbr_pattern(lang)
        named = [(x.start, x.end) for x in out if x.kind == "month"]
        for m in apat.finditer(folded):
            key = m.group(1) or m.group(2)
            if any(s < m.end() and m.start() < e for s, e in named):
                continue  # the month's full name, read already (Catalan "juny" is both)
            out.append(
                Mention("month", frozenset({atable[key]}), m.start(), m.end(), text[m.start() : m.end()])
            )
    out.sort(key=lambda x: x.start)
    return out


def _another_word(original: str, text: str, start: int, end: int, lang: str) -> bool:
    """A month name written without the accents CLDR gives it, which is a common word of its own
    (ACCENTLESS_WORD_MARGIN), with no number beside it: that word, not the month."""
    spelt = month_spellings(lang).get(fold(original))
    low = original.lower()
    if spelt is None or low == spelt or zipf(low, lang) < zipf(spelt, lang) - ACCENTLESS_WORD_MARGIN:
        return False
    near = text[max(0, start - _NEAR_NUMBER) : end + _NEAR_NUMBER]
    return _DIGIT.search(near) is None


def numeric_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of clock times and numeric dates: the numbers check leaves their digits alone. An
    optional time ("dure 3 h") keeps its number: the other text may say "3 hours"."""
    if _DIGIT.search(text) is None:
        return []
    spans = [(m.start(), m.end()) for m in _NUMERIC_DATE.finditer(text)]
    return spans + [(c.start, c.end) for c in clock_times(text, lang, list(spans)) if not c.optional]


def _months(ms: list[Mention]) -> list[Mention]:
    """Month mentions, with numeric dates contributing the months they may name."""
    out = []
    for m in ms:
        if m.kind == "month":
            out.append(m)
        elif m.kind == "date":
            out.append(
                Mention(
                    "month",
                    frozenset(r[0] for r in m.readings if isinstance(r, tuple)),
                    m.start,
                    m.end,
                    m.text,
                )
            )
    return out


def unmatched(a: list[Mention], b: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Greedy one-to-one matching on overlapping readings; returns what is left on each side.
    Each mention of `a` takes the first mention of `b` still left that shares a reading with it,
    found through an index of `b` by reading (each mention has a few): the cost grows with the
    mentions, not with their pairs."""
    by_reading: dict[object, list[int]] = {}
    for i, x in enumerate(b):
        for r in x.readings:
            by_reading.setdefault(r, []).append(i)
    first = dict.fromkeys(by_reading, 0)  # per reading: where its list's first mention left may be
    taken = [False] * len(b)
    left_a: list[Mention] = []
    for m in a:
        hit = len(b)
        for r in m.readings & by_reading.keys():
            found, k = by_reading[r], first[r]
            while k < len(found) and taken[found[k]]:
                k += 1
            first[r] = k
            if k < len(found):
                hit = min(hit, found[k])
        if hit == len(b):
            left_a.append(m)
        else:
            taken[hit] = True
    return left_a, [x for x, gone in zip(b, taken) if not gone]


class WrittenIn:
    """A month or weekday name that the other text has letter for letter without reading it as a
    date is a name or a title ("Life on Mars", "Vendredi" as a name), not a date. Asked of every
    mention of a text against one other text and its mentions: the other text's words indexed
    once, each name's answer kept (a text that says "January" a thousand times asks once), the
    mentions' spans bisected. The cost grows with the texts, not with the pairs of mentions and
    hits."""

    def __init__(self, other: str, other_mentions: list[Mention]) -> None:
        self.other, self.other_mentions = other, other_mentions
        self.at: dict[str, list[int]] | None = None  # a word of the other text -> where it stands
        self.known: dict[str, bool] = {}

    def __call__(self, m: Mention) -> bool:
        if m.kind not in ("month", "day") or not m.text[:1].isalpha():
            return False
        if m.text not in self.known:
            self.known[m.text] = any(not self._read(h) for h in self._hits(m.text))
        return self.known[m.text]

    def _index(self) -> dict[str, list[int]]:
        """The other text's words and mentions, indexed on the first name asked about."""
        if self.at is None:
            self.at = {}
            for w in _WORD_RUN.finditer(self.other):
                self.at.setdefault(w.group(), []).append(w.start())
            spans = sorted((o.start, o.end) for o in self.other_mentions)
            self.starts = [s for s, _ in spans]
            self.reach = list(itertools.accumulate((e for _, e in spans), max))  # the furthest end so far
        return self.at

    def _hits(self, said: str) -> list[int]:
        r"""Where `said` stands in the other text as a word or words of its own, as
        `re.finditer(r"(?<!\w)" + re.escape(said) + r"(?!\w)", other)` finds it (one after another,
        none inside the one before): it starts a word, which is its own first word."""
        first = _WORD_RUN.match(said)
        hits: list[int] = []
        for h in self._index().get(first.group() if first else "", ()):
            end = h + len(said)
            if (not hits or h >= hits[-1] + len(said)) and self.other.startswith(said, h):
                if not WORD_CHAR.match(self.other, end):
                    hits.append(h)
        return hits

    def _read(self, h: int) -> bool:
        """Position `h` falls inside a mention of the other text."""
        i = bisect.bisect_right(self.starts, h)
        return i > 0 and self.reach[i - 1] > h


DATES = Check("dates", "critical", "Dates and times differ", engine=False)


@register(DATES)
def check_dates(inp: CheckInput) -> list[Flag]:
    """Months, weekdays, numeric dates and clock times of the source must reappear in the translation."""
    src_all = mentions(inp.source, inp.source_lang)
    tgt_all = mentions(inp.target, inp.target_lang)
    in_target, in_source = WrittenIn(inp.target, tgt_all), WrittenIn(inp.source, src_all)
    src = [m for m in src_all if not in_target(m)]
    tgt = [m for m in tgt_all if not in_source(m)]
    if not src and not tgt:
        return []
    flags: list[Flag] = []
    for kind, label in (("time", "time"), ("month", "month"), ("day", "weekday")):
        if kind == "month":
            a, b = _months(src), _months(tgt)
        else:
            a = [m for m in src if m.kind == kind]
            b = [m for m in tgt if m.kind == kind]
        if not a and not b:
            continue
        miss, extra = unmatched(a, b)
        miss, extra = [m for m in miss if not m.optional], [m for m in extra if not m.optional]
        if not miss and not extra:
            continue
        parts = []
        if miss:
            parts.append(f"source {label} {', '.join(quote(m.text) for m in miss)} not in the translation")
        if extra:
            parts.append(
                f"translation has {label} {', '.join(quote(m.text) for m in extra)} not in the source"
            )
        spans = tuple(Span("source", m.start, m.end) for m in miss) + tuple(
            Span("text", m.start, m.end) for m in extra
        )
        flags.append(DATES.flag("; ".join(parts), spans))
    return flags
