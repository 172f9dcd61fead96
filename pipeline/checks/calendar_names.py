"""The names of months and weekdays in each language, from the CLDR data babel ships: what the
`dates` check reads a date by, and the names other checks leave alone."""

from __future__ import annotations

import functools

from .text import fold as _fold


@functools.cache
def _wide_months(lang: str) -> dict[int, str]:
    """Month number -> its wide stand-alone name in CLDR (babel): Catalan "juny", not "de juny"."""
    from babel.dates import get_month_names

    try:
        names = get_month_names("wide", "stand-alone", locale=lang)
    except (ValueError, LookupError):
        return {}
    return {int(k): v for k, v in names.items()}


@functools.cache
def month_names(lang: str) -> dict[str, int]:
    """Folded month names (wide forms) -> month number, from the CLDR data in babel."""
    return {_fold(v): k for k, v in _wide_months(lang).items()}


@functools.cache
def month_spellings(lang: str) -> dict[str, str]:
    """Folded month name -> the name as CLDR spells it in lower case, accents kept ("marc" ->
    "març"), where the two differ."""
    return {_fold(v): v.lower() for v in _wide_months(lang).values() if _fold(v) != v.lower()}


@functools.cache
def regional_locales(lang: str) -> tuple[str, ...]:
    """The language's CLDR locale, then each regional one written in its script ("pt", "pt_AO",
    …, "pt_PT"; not "en_Dsrt"): what CLDR says in any variety of the language."""
    from babel import Locale, localedata

    out = [lang]
    for ident in sorted(i for i in localedata.locale_identifiers() if i.split("_")[0] == lang and i != lang):
        try:
            if Locale.parse(ident).script is None:
                out.append(ident)
        except (ValueError, LookupError):
            continue
    return tuple(out)


@functools.cache
def month_abbreviations(lang: str) -> dict[str, int]:
    """Folded abbreviated month names (without the dot) -> month number (babel/CLDR)."""
    from babel.dates import get_month_names

    out: dict[str, int] = {}
    for ident in regional_locales(lang):  # en_GB writes "Sept", en_US "Sep"
        try:
            for context in ("format", "stand-alone"):
                names = get_month_names("abbreviated", context, locale=ident)
                out.update(
                    (_fold(v).rstrip("."), int(k))
                    for k, v in names.items()
                    if _fold(v).rstrip(".") not in out
                )
        except (ValueError, LookupError):
            continue
    return out


@functools.cache
def day_names(lang: str) -> dict[str, int]:
    """Folded weekday names -> 0 (Monday) .. 6, from babel/CLDR ("segunda-feira" kept whole)."""
    from babel.dates import get_day_names

    try:
        names = get_day_names("wide", locale=lang)
    except (ValueError, LookupError):
        return {}
    out = {_fold(v): int(k) for k, v in names.items()}
    if lang == "eo":  # Esperanto says "on Tuesday" with the adverb: "marde" for "mardo"
        out |= {n[:-1] + "e": k for n, k in out.items() if n.endswith("o")}
    return out
