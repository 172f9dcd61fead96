"""The run's languages when files declare their own (<html lang>, PO `Language`, XLIFF
srcLang/trgLang, TMX srclang).

A language the user set (flag or config file) wins, and every file that declares another is
reported; otherwise the files' declarations decide, and files that disagree are an error
(one run checks one language pair), as is a declaration other than the default beside a file
that declares none (a plain text is not taken for the page's language). gettext msgids are
English by convention, so a PO file without `X-Source-Language` counts as English when nothing
else says otherwise, and beside an input that declares another source language the run is refused
(the other's language was applied to its English msgids without a word).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..engines.langs import to_iso1
from ..errors import UsageError

NOT_A_CODE = "which is not a language code; ignored"  # the warning for a declaration no code reads


def normalise(code: str | None) -> str | None:
    """ISO 639-1 for a declared language tag ("es-ES", "pt_BR", "en-GB", gettext's "ca@valencia",
    "sr_RS@latin"); None when unusable."""
    if not code or not code.strip() or code.strip() == "*all*":
        return None
    primary = code.strip().split("@")[0].replace("_", "-").split("-")[0].lower()
    return to_iso1(primary) if primary.isalpha() else None


@dataclass
class Declared:
    """What each input says about its languages: (path, declared tag) pairs."""

    targets: list[tuple[str, str]] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)
    conventional: list[str] = field(default_factory=list)  # PO files without X-Source-Language: "en"
    silent: list[str] = field(default_factory=list)  # inputs that declare no language of their own


def _pick(what: str, flag: str, value: str | None, explicit: bool, declared: list[tuple[str, str]],
          warnings: dict[str, list[str]]) -> str | None:  # fmt: skip
    known: list[tuple[str, str, str]] = []
    for path, tag in declared:
        code = normalise(tag)
        if code is None:
            warnings.setdefault(path, []).append(f"declares {what} '{tag}', {NOT_A_CODE}")
        else:
            known.append((path, tag, code))
    if explicit and value:
        value = normalise(value) or value  # "--lang EN" is the "en" a file declares
        for path, tag, code in known:
            if code != value:
                warnings.setdefault(path, []).append(
                    f"declares {what} '{tag}' but {flag} is '{value}'; checked as '{value}'"
                )
        return value
    codes = sorted({code for _, _, code in known})
    if len(codes) > 1:
        listing = ", ".join(f"{p}: {t}" for p, t, _ in known[:4])
        raise UsageError(
            f"the inputs declare different {what}s ({listing}); give {flag} or check them separately"
        )
    return codes[0] if codes else value


def _beside_silent(
    what: str, code: str, declared: list[tuple[str, str]], silent: str, taken: str, flag: str
) -> UsageError:
    """The refusal where one input's declared `what` (`code`) would be applied to `silent`, an
    input that declares none (`taken`: what it would be read as otherwise)."""
    first = next(p for p, t in declared if normalise(t) == code)
    return UsageError(
        f"{first} declares {what} '{code}' but {silent} declares none ({taken}); give {flag} or check them separately"
    )


def resolve(
    lang: str, source_lang: str | None, given: Mapping[str, str], declared: Declared
) -> tuple[str, str | None, dict[str, list[str]]]:
    """(language of the copy, language of the original, warnings per input path). `given`: the
    settings the user gave, each as the user gave it ("--lang", "'lang' in driftcheck.toml")."""
    warnings: dict[str, list[str]] = {}
    said = given.get("lang", "--lang")
    copy_lang = _pick("language", said, lang, "lang" in given, declared.targets, warnings) or lang
    if copy_lang != lang and "lang" not in given and declared.silent:
        # a page's <html lang> was applied to every other input of the run (a plain text then
        # checked as Spanish, with wrong-language failures): say so instead. A language the user
        # gave ("--lang en-US", normalised to "en") is no page's
        raise _beside_silent(
            "language", copy_lang, declared.targets, declared.silent[0], f"taken as '{lang}'", "--lang"
        )
    said = given.get("source_lang", "--source-lang")
    src = _pick("source language", said, source_lang, "source_lang" in given, declared.sources, warnings)
    if src and src != "en" and declared.conventional and "source_lang" not in given:
        # one catalogue's X-Source-Language was applied to another whose msgids are English
        raise _beside_silent(
            "source language",
            src,
            declared.sources,
            declared.conventional[0],
            "gettext msgids: English",
            "--source-lang",
        )
    return copy_lang, src or ("en" if declared.conventional else None), warnings
