"""Country and language names in two languages, from CLDR (babel): one name that no spelling key
joins across languages ("Netherlands" / "Países Bajos" / "Paesi Bassi", "Germany" / "Alemania").

An engine that does not know a country name keeps it as written ("El Netherlands exporta ..."), so
neither of its translations links the copy's name to the source's; CLDR names every territory and
language in every locale, as translators name them. The table of a language pair is built on first
use and kept (babel is imported then, not when the checks load).
"""

from __future__ import annotations

import functools
import re

from .text import fold

_ALTERNATE = re.compile(r"^(.+?) \((.+)\)$")  # "Myanmar (Burma)": a name and its other name


def _key(name: str) -> str:
    """A name as compared: folded, hyphens as spaces ("Países-Baixos" is "Países Baixos")."""
    return " ".join(fold(name).replace("-", " ").split())


def _forms(name: str) -> tuple[str, ...]:
    """A CLDR name and, where it gives another in brackets, each of the two ("Mianmar (Birmânia)")."""
    m = _ALTERNATE.match(name)
    return (_key(name),) if m is None else (_key(name), _key(m.group(1)), _key(m.group(2)))


@functools.cache
def _cldr_names(lang: str) -> dict[str, tuple[str, ...]]:
    """Territory and language codes ("T:NL", "L:nl") -> their compared names in `lang`."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return {}
    out = {f"T:{code}": _forms(name) for code, name in locale.territories.items()}
    out.update((f"L:{code}", _forms(name)) for code, name in locale.languages.items())
    return out


@functools.cache
def equivalents(src: str, tgt: str) -> dict[str, frozenset[str]]:
    """Compared CLDR names in `src` -> the names CLDR gives the same territories or languages in
    `tgt` ("netherlands" -> {"paises bajos"} for English and Spanish)."""
    theirs = _cldr_names(tgt)
    out: dict[str, set[str]] = {}
    for code, names in _cldr_names(src).items():
        if code in theirs:
            for name in names:
                out.setdefault(name, set()).update(theirs[code])
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


def said_in(name: str, src: str, text: str, tgt: str) -> bool:
    """`text` (in language `tgt`) has the name CLDR gives in `tgt` to the territory or language
    named `name` in `src` ("Netherlands" in English, "Países Bajos" in a Spanish text; a language's
    name as the adjective agrees, "Kurdish" / "a região curda")."""
    if src == tgt:
        return False
    others = equivalents(src, tgt).get(_masculine(_key(name), src))
    if not others:
        return False
    folded = _key(text)
    agreeing = _adjectives(tgt)
    return any(_phrase(other, other in agreeing).search(folded) is not None for other in others)
