"""Number words the numbers check reads beyond text2num, by general rules of the languages.

- Catalan cardinals (text2num has no Catalan): "vint-i-dues" = 22, "dos-cents" = 200,
  "mil milions" = 10^9.
- "and a half" after a scale word: "dos millones y medio" = 2.5 million, "el billón y medio" =
  1.5 billón, "a million and a half".
- Fractions ("half", "la mitad", "un tiers des", "two thirds of") as shares, which a percentage
  within one point matches ("50 %" = "half").
- A percentage: a number followed by "%", "per cent", "por ciento"...
- The repeated number of a distributive: "de 8 em 8 horas" = "every 8 hours".
- Roman numerals' values (XIX = 19).
- Amounts said with a word and no number: "las 24 horas" = "around the clock", "dez anos" = "a
  decade", "cem anos" = "a century", "12 ovos" = "a dozen eggs".
- English decades in words ("the nineties", "in their thirties").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import SCALES
from .text import fold


@dataclass(frozen=True)
class Occurrence:
    """Tokens [start, end) that say `value`, as text2num's find_numbers reports a number."""

    start: int
    end: int
    value: float
    is_ordinal: bool = False


# --- Catalan cardinals -------------------------------------------------------------------------
_CA_UNITS = {"u": 1, "un": 1, "una": 1, "dos": 2, "dues": 2, "tres": 3, "quatre": 4, "cinc": 5,
             "sis": 6, "set": 7, "vuit": 8, "huit": 8, "nou": 9}  # fmt: skip
_CA_TEENS = {"deu": 10, "onze": 11, "dotze": 12, "tretze": 13, "catorze": 14, "quinze": 15,
             "setze": 16, "disset": 17, "desset": 17, "divuit": 18, "devuit": 18, "dihuit": 18,
             "dinou": 19, "denou": 19}  # fmt: skip
_CA_TENS = {"vint": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "seixanta": 60,
            "setanta": 70, "vuitanta": 80, "huitanta": 80, "noranta": 90}  # fmt: skip
_CA_BIG = {w: SCALES[w] for w in ("milio", "milions", "bilio", "bilions")}  # milió, bilió
# Number words that are also common words (nou = new, set = thirst, deu = owes): alone, never required.
HOMOGRAPHS: dict[str, frozenset[str]] = {"ca": frozenset({"nou", "set", "deu"})}


def catalan_numbers(words: list[str]) -> list[Occurrence]:
    """Catalan cardinals in folded tokens (hyphens dropped: "vint-i-u" is vint, i, u)."""
    out: list[Occurrence] = []
    i = 0
    while i < len(words):
        end, value = _catalan_number(words, i)
        if end > i:
            out.append(Occurrence(i, end, value))
        i = max(end, i + 1)
    return out


def _catalan_number(w: list[str], i: int) -> tuple[int, float]:
    """The longest cardinal from token i: (end, value); end == i when none starts there.

    Below a thousand: [cent | UNIT cents] [TEEN | TENS[-UNIT] | vint-i-UNIT | UNIT]; then
    "mil" multiplies what precedes it, and milió / bilió (and "mil milions") multiply all of it."""
    big, mid, cur, last_scale, j = 0.0, 0.0, 0, float("inf"), i
    while j < len(w):
        t = w[j]
        if t in _CA_UNITS and cur % 10 == 0 and cur % 100 != 10:
            cur += _CA_UNITS[t]
        elif t == "i" and cur % 100 == 20 and j + 1 < len(w) and w[j + 1] in _CA_UNITS:
            j += 1
            cur += _CA_UNITS[w[j]]
        elif t in _CA_TEENS and cur % 100 == 0:
            cur += _CA_TEENS[t]
        elif t in _CA_TENS and cur % 100 == 0:
            cur += _CA_TENS[t]
        elif t == "cent" and cur == 0:
            cur = 100
        elif t in ("cents", "centes") and 2 <= cur <= 9:
            cur *= 100
        elif t == "mil" and mid == 0 and last_scale > 1e3:
            mid, cur = (cur or 1) * 1e3, 0
        elif t in _CA_BIG and _CA_BIG[t] < last_scale:
            big += (mid + cur or 1) * _CA_BIG[t]
            mid, cur, last_scale = 0.0, 0, _CA_BIG[t]
        else:
            break
        j += 1
    return j, big + mid + cur


# --- "and a half" after a scale word -----------------------------------------------------------
AND_A_HALF = re.compile(
    r"\s+(?:y|e|i|et|and\s+a)\s+(?:medio|media|mig|mitja|mezzo|mezza|meio|meia|demi|demie|half)(?!\w)",
    re.IGNORECASE,
)
_WORD_AND_A_HALF = re.compile(r"(?<![\w-])([^\W\d_]+)(?=" + AND_A_HALF.pattern + ")", re.IGNORECASE)


def bare_half_scales(text: str) -> list[tuple[int, int, str]]:
    """A scale word with no number before it, and a half: "el billón y medio", "un milió i mig"
    (whose "un" a reader may have read with the scale word: callers skip those). (start, end of
    the phrase, folded scale word)."""
    out: list[tuple[int, int, str]] = []
    if AND_A_HALF.search(text) is None:  # rare: look no further
        return out
    for m in _WORD_AND_A_HALF.finditer(text):
        word = fold(m.group(1))
        if word in SCALES and len(word) > 2:
            half = AND_A_HALF.match(text, m.end())
            assert half is not None
            out.append((m.start(), half.end(), word))
    return out


# --- percentages and fractions -----------------------------------------------------------------
PERCENT_AFTER = re.compile(
    r"\s*(?:%|per\s*cent|por\s+ciento|por\s+cento|pour\s+cent|per\s+cento|prozent|procent)(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Fractions:
    """A language's words for fractions: determiners, numerators, "half" words (read alone),
    words for thirds and quarters (read after a determiner or numerator and before "of")."""

    determiners: str
    numerators: dict[str, int]
    halves: str
    parts: dict[str, int]
    of: str


_FRACTIONS = {
    "en": _Fractions("a|an", {"one": 1, "two": 2, "three": 3}, "half|halves",
                     {"third": 3, "thirds": 3, "quarter": 4, "quarters": 4}, "of"),
    "es": _Fractions("el|la|los|las", {"un": 1, "una": 1, "dos": 2, "tres": 3}, "mitad",
                     {"tercio": 3, "tercios": 3, "tercera parte": 3, "terceras partes": 3,
                      "cuarto": 4, "cuartos": 4, "cuarta parte": 4, "cuartas partes": 4}, "de|del"),
    "pt": _Fractions("o|a|os|as", {"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3}, "metade",
                     {"terço": 3, "terços": 3, "terça parte": 3, "terças partes": 3,
                      "quarto": 4, "quartos": 4, "quarta parte": 4, "quartas partes": 4},
                     "de|do|da|dos|das"),
    "fr": _Fractions("le|la|les|l['’]", {"un": 1, "une": 1, "deux": 2, "trois": 3}, "moitié",
                     {"tiers": 3, "quart": 4, "quarts": 4}, "de|des|du|d['’]"),
    "it": _Fractions("il|la|i|le|l['’]", {"un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3}, "metà",
                     {"terzo": 3, "terzi": 3, "quarto": 4, "quarti": 4},
                     "di|del|della|dei|degli|delle|d['’]"),
    "ca": _Fractions("el|la|els|les|l['’]", {"un": 1, "una": 1, "dos": 2, "dues": 2, "tres": 3}, "meitat",
                     {"terç": 3, "terços": 3, "tercera part": 3, "terceres parts": 3,
                      "quart": 4, "quarts": 4, "quarta part": 4, "quartes parts": 4}, "de|del|dels|d['’]"),
    "de": _Fractions("die|das|der|ein|eine", {"ein": 1, "eine": 1, "zwei": 2, "drei": 3}, "hälfte",
                     {"drittel": 3, "viertel": 4}, "der|des|von"),
}  # fmt: skip


def _fraction_pattern(f: _Fractions) -> re.Pattern[str]:
    lead = "|".join([f.determiners, *f.numerators])
    parts = "|".join(sorted(f.parts, key=len, reverse=True)).replace(" ", r"\s+")
    return re.compile(
        rf"(?<!\w)(?P<lead>(?:(?:{lead})(?:\s+|-|(?<=['’])))*)"
        rf"(?:(?P<half>{f.halves})(?!\w)|(?P<part>{parts})(?!\w)(?=\s+(?:{f.of})(?!\w)|\s*d['’]))",
        re.IGNORECASE,
    )


_FRACTION_PATTERNS = {lang: _fraction_pattern(f) for lang, f in _FRACTIONS.items()}
_FRACTION_WORDS = {  # the words alone, to look no further in most texts
    lang: re.compile(rf"(?<!\w)(?:{f.halves}|{'|'.join(w.split()[0] for w in f.parts)})(?!\w)", re.IGNORECASE)
    for lang, f in _FRACTIONS.items()
}


def fractions(text: str, lang: str) -> list[tuple[int, int, float, int]]:
    """Fractions of a whole: (start, end, share, numerator word's value or 0). "la mitad" = 0.5,
    "un tiers des" = 1/3, "les trois quarts des" = 3/4 (numerator 3); a third or a quarter needs a
    determiner or numerator before it and "of" after it ("el cuarto" alone is a room)."""
    pattern = _FRACTION_PATTERNS.get(lang)
    if pattern is None or _FRACTION_WORDS[lang].search(text) is None:
        return []
    f = _FRACTIONS[lang]
    out = []
    for m in pattern.finditer(text):
        lead = [w.lower() for w in re.findall(r"[^\W\d_]+", m.group("lead"))]
        numerator = next((f.numerators[w] for w in reversed(lead) if w in f.numerators), 0)
        if m.group("half"):
            parts = 2
        elif lead:
            parts = f.parts[" ".join(m.group("part").lower().split())]
        else:
            continue
        out.append((m.start(), m.end(), (numerator or 1) / parts, numerator))
    return out


# --- distributives -----------------------------------------------------------------------------
_DISTRIBUTIVE_BEFORE = re.compile(r"(?<!\w)(?:de|di)\s+\Z", re.IGNORECASE)
_DISTRIBUTIVE_BETWEEN = re.compile(r"\s+(?:em|en|in|a|à)\s+", re.IGNORECASE)


def distributive(text: str, first: tuple[int, int], second_start: int) -> bool:
    """The second of two equal numbers in "de N em N" (pt), "de N en N" (es, ca), "de N a N",
    "di N in N" (it): one number, said twice ("every N")."""
    return (
        _DISTRIBUTIVE_BETWEEN.fullmatch(text, first[1], second_start) is not None
        and _DISTRIBUTIVE_BEFORE.search(text, max(0, first[0] - 8), first[0]) is not None
    )


# --- amounts said without a number -------------------------------------------------------------
# A whole day, a decade, a century, a dozen: what a language says with a word where the other
# writes the number ("las 24 horas" = "around the clock", "quase dez anos" = "almost a decade",
# "cem anos" = "a century", "12 ovos" = "a dozen eggs"). Only with an article or a determiner of
# time before the word: "the 20th century" is no hundred.
_LAST = {"en": r"(?:a|one|the\s+(?:last|past|next|previous|following))",
         "es": r"(?:una?|(?:la|el)\s+(?:últim[ao]|pasad[ao]|próxim[ao]))",
         "pt": r"(?:uma?|(?:a|o)\s+(?:últim[ao]|passad[ao]|próxim[ao]))",
         "fr": r"(?:une?|(?:la|le)\s+(?:derni(?:er|ère)|prochaine?))",
         "it": r"(?:una?|l['’]ultimo|il\s+prossimo|(?:l['’]|la\s+)ultima|la\s+prossima)"}  # fmt: skip
_UNIT_WORDS = {"en": ((10.0, "decade"), (100.0, "century"), (12.0, "dozen")),
               "es": ((10.0, "década|decenio"), (100.0, "siglo"), (12.0, "docena")),
               "pt": ((10.0, "década|decénio|decênio"), (100.0, "século"), (12.0, "dúzia")),
               "fr": ((10.0, "décennie"), (100.0, "siècle"), (12.0, "douzaine")),
               "it": ((10.0, "decennio"), (100.0, "secolo"), (12.0, "dozzina"))}  # fmt: skip
_WITHOUT_NUMBER: dict[str, list[tuple[float, re.Pattern[str]]]] = {
    lang: [(v, re.compile(rf"\b{_LAST[lang]}\s+(?:{w})\b", re.IGNORECASE)) for v, w in words]
    for lang, words in _UNIT_WORDS.items()
}
_WITHOUT_NUMBER["en"].append((24.0, re.compile(r"\b(?:a?round)[- ]the[- ]clock\b", re.IGNORECASE)))


def said_without_number(readings: frozenset[float], other: str, other_lang: str) -> bool:
    """A number the other side says with a word for the amount and no number ("el metro
    funcionará las 24 horas" = "the metro will run around the clock", "dez anos" = "a decade")."""
    return any(
        readings == {value} and pattern.search(other) is not None
        for value, pattern in _WITHOUT_NUMBER.get(other_lang, ())
    )


# --- English decades in words ------------------------------------------------------------------
# "the nineties", "in their thirties": text2num reads no plural tens. A decade of years or of age:
# 90, 1990 or 2090 ("los años noventa", "hasta pasados los treinta").
_EN_TENS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
            "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip
_EN_DECADE = re.compile(r"\b(" + "|".join(_EN_TENS) + r")\b", re.IGNORECASE)


def decade_words(text: str, lang: str) -> list[tuple[int, int, frozenset[float]]]:
    """(start, end, readings) of each English decade said in words."""
    if lang != "en":
        return []
    return [
        (m.start(), m.end(), frozenset({v, 1900.0 + v, 2000.0 + v}))
        for m in _EN_DECADE.finditer(text)
        for v in (float(_EN_TENS[m.group(1).lower()]),)
    ]


# --- roman numerals ----------------------------------------------------------------------------
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


# Roman numerals of centuries, regnal and ordinal numbers ("XIXe siècle", "Juan Carlos I", "Basel III"):
# two letters or more, or one with an ordinal ending, with an I, V or X among them (DC and CD are
# acronyms); read as the number they write.
ROMAN = re.compile(r"(?<![\w-])([IVXLCDM]{2,}|[IVXLCDM](?=(?:e|er|ème|º|°)\b))(?:e|er|ème|º|°)?(?![\w-])")
_FRENCH_ORDINAL = frozenset({"e", "er", "ème"})  # "er" only after I: "Ier", not "Ver"


def roman_numerals(text: str, lang: str) -> list[tuple[int, int, str, int]]:
    """(start, end, as written, value) of each roman numeral of `text`. One letter with a French
    ordinal ending is one only in French, and "er" only after I ("Ier", "Ve"; Spanish "Ver" and
    "Ve" are verbs)."""
    out = []
    for m in ROMAN.finditer(text):
        numeral, ending = m.group(1), m.group()[len(m.group(1)) :]
        if not set(numeral) & {"I", "V", "X"}:
            continue  # DC, CD, CC, MD: acronyms far more often than numbers
        french = lang == "fr" and (ending == "er") == (numeral == "I")  # "Ier" for the first, "Ve" after
        if len(numeral) == 1 and ending in _FRENCH_ORDINAL and not french:
            continue
        value = roman_value(numeral)
        if value is not None:
            out.append((m.start(), m.end(), m.group(), value))
    return out


def roman_value(numeral: str) -> int | None:
    """The value of a well-formed roman numeral (XIX -> 19), else None ("MIX" is a word too, but
    well formed: callers take only upper-case tokens)."""
    total, prev = 0, 0
    for c in reversed(numeral):
        v = _ROMAN_VALUES[c]
        total += -v if v < prev else v
        prev = max(prev, v)
    return total if 0 < total < 4000 and _to_roman(total) == numeral else None


def ordinal_numeral(word: str) -> bool:
    """A roman numeral of a century or an ordinal (XIX, XXI, III), not an acronym that happens to be
    one too (DC, CD, MD: only I, V and X count)."""
    return len(word) >= 2 and set(word) <= set("IVX") and roman_value(word) is not None


def _to_roman(n: int) -> str:
    out = []
    for v, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                   (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)
