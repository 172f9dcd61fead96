"""Language codes: ISO 639-1 (what users type, what opus-mt uses) <-> ISO 639-3 (Apertium)."""

from __future__ import annotations

import functools

from ..errors import UsageError

# Default pivot for round-trip mode: a language with good engines in both directions.
DEFAULT_PIVOTS: dict[str, str] = {
    "en": "es",
    "es": "en",
    "fr": "es",
    "pt": "es",
    "it": "es",
    "ca": "es",
    "gl": "es",
}


# The common codes, answered without importing langcodes (~40 ms); everything else asks langcodes.
COMMON: dict[str, str] = {
    "en": "eng", "es": "spa", "fr": "fra", "de": "deu", "it": "ita", "pt": "por", "ca": "cat",
    "gl": "glg", "nl": "nld", "ro": "ron", "eu": "eus", "oc": "oci", "ru": "rus", "uk": "ukr",
    "eo": "epo",  # Apertium's en-eo/eo-en modes: reading `apertium -l` needs no langcodes
}  # fmt: skip
COMMON3 = {v: k for k, v in COMMON.items()}


@functools.cache
def to_iso1(code: str) -> str | None:
    if code in COMMON:
        return code
    if code in COMMON3:
        return COMMON3[code]
    import langcodes

    try:
        lang = langcodes.Language.get(code)
    except (ValueError, LookupError):
        return None
    if not lang.is_valid() or not lang.language:
        return None
    return str(lang.language)


@functools.cache
def to_iso3(code: str) -> str | None:
    if code in COMMON:
        return COMMON[code]
    import langcodes

    try:
        return str(langcodes.Language.get(code).to_alpha3())
    except (ValueError, LookupError):
        return None


def check_lang(code: str, what: str = "language") -> str:
    """Normalise a user-given language code to ISO 639-1 or raise a one-line UsageError."""
    norm = to_iso1(code.strip().lower()) if code and code.strip() else None
    if norm is None or len(norm) != 2:
        raise UsageError(f"unknown {what} code '{code}': use an ISO 639-1 code such as en, es, fr, de")
    return norm


def default_pivot(lang: str) -> str:
    return DEFAULT_PIVOTS.get(lang, "en" if lang != "en" else "es")
