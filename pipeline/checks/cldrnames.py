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


@functools.cache
def _cldr_names(lang: str) -> dict[str, str]:
    """Territory and language codes ("T:NL", "L:nl") -> their folded names in `lang`."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return {}
    out = {f"T:{code}": fold(name) for code, name in locale.territories.items()}
    out.update((f"L:{code}", fold(name)) for code, name in locale.languages.items())
    return out


@functools.cache
def equivalents(src: str, tgt: str) -> dict[str, frozenset[str]]:
    """Folded CLDR names in `src` -> the folded names CLDR gives the same territories or languages
    in `tgt` ("netherlands" -> {"paises bajos"} for English and Spanish)."""
    theirs = _cldr_names(tgt)
    out: dict[str, set[str]] = {}
    for code, name in _cldr_names(src).items():
        if code in theirs:
            out.setdefault(name, set()).add(theirs[code])
    return {name: frozenset(others) for name, others in out.items()}


@functools.lru_cache(maxsize=4096)
def _phrase(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")


def said_in(name: str, src: str, text: str, tgt: str) -> bool:
    """`text` (in language `tgt`) has the name CLDR gives in `tgt` to the territory or language
    named `name` in `src` ("Netherlands" in English, "Países Bajos" in a Spanish text)."""
    if src == tgt:
        return False
    others = equivalents(src, tgt).get(fold(name))
    if not others:
        return False
    folded = fold(text)
    return any(_phrase(other).search(folded) is not None for other in others)
