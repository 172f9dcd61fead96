"""Country, language and currency names in two languages, from CLDR (babel): one name that no
spelling key joins across languages ("Netherlands" / "Países Bajos" / "Paesi Bassi", "Germany" /
"Alemania", "Icelandic Króna" / "couronne islandaise").

An engine that does not know a country name keeps it as written ("El Netherlands exporta ..."), so
neither of its translations links the copy's name to the source's; CLDR names every territory and
language in every locale, as translators name them. A name is also said by its acronym ("United
States" / "US") and by its kin: a territory and a language official there whose names begin alike
("Grécia" / "grega" / "Greece" / "Greek"). English also says a country by the other names and the
adjectives Princeton WordNet gives it ("America", "American", "the USA" for the United States;
"Britain" for the United Kingdom; "Holland", "Dutch"): `pipeline/data/places-en.json`, built by
`.ci/build_places.py`; an acronym there ("US", "PRC") is matched as an acronym, in capitals. Every
language also says a territory by the short and variant names CLDR keeps beside its name ("EUA"
and "ONU" in Portuguese, "EE. UU." in Spanish, "UK", "Ivory Coast" and "Türkiye" in English), which
babel drops: `pipeline/data/cldr-alt-names.json`, built by `.ci/build_cldr_alt.py` from CLDR's own
release. The table of a language pair is built on first use and kept (babel is imported then, not
when the checks load).
"""

from __future__ import annotations

import functools
import os
import re

from .calendar_names import regional_locales
from .text import fold, zipf

_ALTERNATE = re.compile(r"^(.+?) \((.+)\)$")  # "Myanmar (Burma)": a name and its other name
# "US", "U.S.", "UAE", and Spanish doubled initials "EE. UU.", "EE.UU."
_ACRONYM = re.compile(r"(?<!\w)(?:[A-Z]{1,2}\.\s?){2,}|(?<!\w)[A-Z]{2,}(?!\w)")
FUNCTION_ZIPF = 6.0  # "of", "the", "and": words an acronym skips ("DRC")
DEMONYM_STEM = 5  # an adjective of a place begins with this many letters of its name ("baham-eño")
QUALIFIER_ZIPF = 4.5  # "(República)" (5.2) qualifies a name; "(Birmania)" (3.5) is one


def preload(lang: str) -> None:
    """Build the language's tables (`checks.prepare` calls it while the engine translates)."""
    _kin(lang)
    _names(lang)


def _key(name: str) -> str:
    """A name as compared: folded, hyphens as spaces ("Países-Baixos" is "Países Baixos")."""
    return " ".join(fold(name).replace("-", " ").split())


@functools.lru_cache(maxsize=65536)  # CLDR repeats a name in every regional locale (en_GB, en_AU…)
def _forms(name: str, lang: str | None = None) -> tuple[str, ...]:
    """A CLDR name and, where it gives another in brackets, each of the two ("Mianmar (Birmânia)").
    An acronym is kept as written, without its dots and spaces ("EE. UU." is "EEUU"): compared
    folded, "US" would be the pronoun. With `lang` (CLDR's short and variant names), a bracket of
    common words only qualifies the name and is none itself ("Congo (República)")."""
    m = _ALTERNATE.match(name)
    parts: list[str] = [name] if m is None else [name, m.group(1), m.group(2)]
    if m is not None and lang is not None and all(zipf(w, lang) >= QUALIFIER_ZIPF for w in parts[2].split()):
        parts.pop()
    return tuple(_acronym(p) or _key(p) for p in parts)


def _acronym(name: str) -> str:
    """A name written as an acronym, as `said_in` reads one ("É.-U." -> "ÉU"), else ""."""
    bare = re.sub(r"[.\s-]", "", name)
    return bare if len(bare) >= 2 and bare.isalpha() and bare.isupper() else ""


@functools.cache
def _cldr_names(lang: str) -> dict[str, tuple[str, ...]]:
    """Territory, language and currency codes ("T:NL", "L:nl", "C:ISK") -> their compared names in `lang`, in every
    regional variety CLDR has for it ("Irã" in Brazil, "Irão" in Portugal: pt, pt_PT, pt_AO…)."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return {}
    out: dict[str, dict[str, None]] = {}  # ordered sets: the language's own names first
    for ident in regional_locales(lang):
        locale = Locale.parse(ident)
        for prefix, table in (("T", locale.territories), ("L", locale.languages), ("C", locale.currencies)):
            for code, name in table.items():
                out.setdefault(f"{prefix}:{code}", {}).update(dict.fromkeys(_forms(name)))
    from .language_id import known_language

    qualify = lang if known_language(lang) else None  # else wordfreq would guess (and log) a neighbour
    for code, names in _alternates().get(lang, {}).items():
        for name in names:
            out.setdefault(f"T:{code}", {}).update(dict.fromkeys(_forms(name, qualify)))
    return {code: tuple(forms) for code, forms in out.items()}


@functools.cache
def _alternates() -> dict[str, dict[str, list[str]]]:
    """Language -> territory code -> the short and variant names CLDR gives it there ("EUA")."""
    import json
    from importlib import resources

    data = (resources.files("pipeline") / "data" / "cldr-alt-names.json").read_text(encoding="utf-8")
    names: dict[str, dict[str, list[str]]] = json.loads(data)["names"]
    return names


@functools.cache
def _wordnet_places() -> dict[str, tuple[str, ...]]:
    """English CLDR territory name (compared) -> WordNet's other names and adjectives for it, an
    acronym as written ("US"), the rest compared ("america")."""
    import json
    from importlib import resources

    data = json.loads((resources.files("pipeline") / "data" / "places-en.json").read_text(encoding="utf-8"))
    return {
        _key(name): tuple(o if _is_acronym(o) else _key(o) for o in others)
        for name, others in data["places"].items()
    }


def _is_acronym(name: str) -> bool:
    return name.isupper()


@functools.cache
def _names(lang: str) -> dict[str, tuple[str, ...]]:
    """CLDR's names (`_cldr_names`) and, in English, WordNet's other names of each territory."""
    names = _cldr_names(lang)
    if lang != "en":
        return names
    places = _wordnet_places()
    out = {}
    for code, forms in names.items():
        more = [o for f in forms for o in places.get(f, ())] if code.startswith("T:") else []
        out[code] = tuple(dict.fromkeys((*forms, *more)))
    return out


@functools.cache
def _kin(lang: str) -> dict[str, frozenset[str]]:
    """A territory and a language official there whose names in `lang` begin alike ("T:GR" and
    "L:el": "Grécia" / "grego", "Greece" / "Greek"): each says the other as an adjective or a
    noun ("the Greek debt" / "a dívida da Grécia"). Brazil and Portuguese do not begin alike, so
    "portuguesa" never stands for Brazil."""
    from babel.languages import get_official_languages

    names = _cldr_names(lang)
    out: dict[str, set[str]] = {}
    for code, forms in names.items():
        if not code.startswith("T:"):
            continue
        for language in get_official_languages(code[2:]):
            spoken = names.get(f"L:{language}", ())
            if any(a[:2] == b[:2] for a in forms for b in spoken):
                out.setdefault(code, set()).add(f"L:{language}")
                out.setdefault(f"L:{language}", set()).add(code)
    return {code: frozenset(v) for code, v in out.items()}


@functools.cache
def equivalents(src: str, tgt: str) -> dict[str, frozenset[str]]:
    """Compared CLDR names in `src` -> the names CLDR gives the same territories or languages in
    `tgt` ("netherlands" -> {"paises bajos"} for English and Spanish), and their kin (`_kin`:
    "grecia" -> {"greece", "greek"})."""
    theirs = _names(tgt)
    kin = _kin(tgt)
    out: dict[str, set[str]] = {}
    for code, names in _names(src).items():
        if code in theirs:
            said = set(theirs[code])
            for other in kin.get(code, ()):
                said.update(theirs.get(other, ()))
            for name in names:
                out.setdefault(_key(name), set()).update(said)
    return {name: frozenset(others) for name, others in out.items()}


# Languages whose names are adjectives in -o that agree with their noun: "curdo" is also said
# "curda", "curdos", "curdas" (Portuguese, Spanish, Galician) or "curdi", "curde" (Italian).
_AGREEING = frozenset({"es", "gl", "it", "pt"})
_AGREEMENT = "(?:os|as|o|a|i|e)"  # the endings such an adjective takes


@functools.cache
def _adjectives(lang: str) -> frozenset[str]:
    """The compared language names of `lang` that agree in gender and number ("curdo")."""
    if lang not in _AGREEING:
        return frozenset()
    names = _cldr_names(lang)
    return frozenset(
        n for code, forms in names.items() if code.startswith("L:") for n in forms if n.endswith("o")
    )


def _masculine(name: str, lang: str) -> str:
    """A language's name as CLDR writes it, from an agreeing form ("curda" -> "curdo")."""
    stem = re.sub(_AGREEMENT + "$", "", name)
    return stem + "o" if stem + "o" in _adjectives(lang) else name


@functools.lru_cache(maxsize=4096)
def _phrase(name: str, agrees: bool = False) -> re.Pattern[str]:
    said = re.escape(name[:-1]) + _AGREEMENT if agrees else re.escape(name)
    return re.compile(r"(?<!\w)" + said + r"(?!\w)")


def _others(name: str, src: str, tgt: str) -> frozenset[str]:
    """The names CLDR gives in `tgt` to what `name` names in `src`: as written ("Noruega" /
    "Norway") and, read as a language's agreeing adjective, as its masculine ("noruega" /
    "Norwegian")."""
    if src == tgt:
        return frozenset()
    table = equivalents(src, tgt)
    key = _key(name)
    return table.get(key, frozenset()) | table.get(_masculine(key, src), frozenset())


def named(name: str, src: str, tgt: str) -> bool:
    """CLDR names the territory or language `name` (in `src`) in `tgt` too ("Países Bajos")."""
    return bool(_others(name, src, tgt))


def said_in(name: str, src: str, text: str, tgt: str) -> bool:
    """`text` (in language `tgt`) has the name CLDR gives in `tgt` to the territory or language
    named `name` in `src` ("Netherlands" in English, "Países Bajos" in a Spanish text; a language's
    name as the adjective agrees, "Kurdish" / "a região curda")."""
    others = _others(name, src, tgt)
    if not others:
        return False
    folded = _key(text)
    agreeing = _adjectives(tgt)
    phrases = [other for other in others if not _is_acronym(other)]
    if any(_phrase(other, other in agreeing).search(folded) is not None for other in phrases):
        return True
    if any(_adjective_of(other, folded, tgt) for other in phrases):
        return True
    initials = ({_initials(other, tgt) for other in phrases} | {o for o in others if _is_acronym(o)}) - {""}
    return any(_acronym(m.group()) in initials for m in _ACRONYM.finditer(text))


def _adjective_of(name: str, folded: str, lang: str) -> bool:
    """`folded` (a text in `lang`) says the territory `name` by its adjective: a word that begins with
    the name's first DEMONYM_STEM letters and shares more of them with it than with any other
    territory's name in the language ("bahameño" / "Bahamas", "cabo-verdiano"; "australiano" is
    Australia's, not Austria's; "nigeriano" Nigeria's, not Niger's)."""
    if " " in name or len(name) < DEMONYM_STEM:
        return False
    stem = name[:DEMONYM_STEM]
    words = {w for w in re.findall(r"[^\W\d_]+", folded) if w.startswith(stem) and w != name}
    return any(_closest_territory(w, lang) == name for w in words)


@functools.lru_cache(maxsize=4096)
def _closest_territory(word: str, lang: str) -> str | None:
    """The one-word territory name of `lang` that shares the longest beginning with `word`, if
    no other shares as long a one."""
    best, best_len, tied = None, 0, False
    for code, forms in _cldr_names(lang).items():
        for form in forms if code.startswith("T:") else ():
            n = len(os.path.commonprefix([word, form]))
            if n > best_len:
                best, best_len, tied = form, n, False
            elif n == best_len and form != best:
                tied = True
    return None if tied else best


def acronym_at(text: str, start: int) -> str:
    """The acronym `text` writes where a name starts, as `said_in` reads one ("EE. UU." -> "EEUU":
    the name reader takes Spanish doubled initials for two names, "EE" and "UU"), else ""."""
    for m in _ACRONYM.finditer(text):
        if m.start() <= start < m.end():
            return _acronym(m.group())
    return ""


def _initials(name: str, lang: str) -> str:
    """The acronym of a name of several words ("united states" -> "US", "united arab emirates" ->
    "UAE"); "" for a name of one word."""
    words = [w for w in name.split() if zipf(w, lang) < FUNCTION_ZIPF]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""
