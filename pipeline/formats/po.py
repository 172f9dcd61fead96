"""gettext PO/POT files (polib): every translated msgid/msgstr pair is a source-aware segment.

- The id is gettext's own identity of an entry: `msgctxt|msgid` (just the msgid without a
  context), `[n]` appended for plural form n. A backslash, a `|` or a final `[n]` of the context or
  the msgid itself is escaped with a backslash (`a\\|b|c`), so that two entries gettext tells apart
  never share an id; the ids of other entries read as they are. Each plural form is checked on
  its own, form 0 against msgid and the others against msgid_plural.
- Context, references, flags, extracted comments and `fuzzy` go into the segment's metadata;
  fuzzy entries are checked and marked, obsolete (`#~`) and untranslated entries are skipped
  and counted.
- The format flags (c-format, python-format, python-brace-format, ...) name the placeholder
  syntax; an entry without one is read with the common syntaxes (%s, %(name)s, {0}, {name}).
- The header's `Language` is the translation's language, `X-Source-Language` (when present)
  the original's; gettext's convention is English msgids.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..errors import InputError, NothingToCheck
from ..records import Segment
from ..words import counted
from .encoding import decode_declared
from .units import ReadOptions, UnitFile, unit_segment

_CHARSET = re.compile(rb"charset=([A-Za-z0-9._:-]+)")
_KEYWORD = re.compile(r"^(msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s")
_SYNTAX_LINE = re.compile(r"line (\d+)")
FLAG_MARKUP = {
    "c-format": "c",
    "objc-format": "c",
    "php-format": "c",
    "perl-format": "c",
    "javascript-format": "c",
    "java-printf-format": "c",
    "python-format": "python",
    "python-brace-format": "python-brace",
    "qt-format": "qt",
    "kde-format": "qt",
    "qt-plural-format": "qt",
    "sh-format": "sh",
}


_FORM_SUFFIX = re.compile(r"\[(\d+\])$")


def _escaped(text: str) -> str:
    """`text` with the characters an id gives a meaning escaped: `\\`, `|` and a final `[n]`."""
    return _FORM_SUFFIX.sub(r"\\[\1", text.replace("\\", "\\\\").replace("|", "\\|"))


def entry_id(entry: Any, form: int | None = None) -> str:
    """gettext's identity of an entry (context, msgid) and plural form as one string, one-to-one:
    `msgctxt|msgid[n]`, the parts escaped (an empty context still counts: `|msgid`)."""
    msgid = _escaped(str(entry.msgid))
    base = msgid if entry.msgctxt is None else f"{_escaped(str(entry.msgctxt))}|{msgid}"
    return base if form is None else f"{base}[{form}]"


def markup_of(flags: list[str]) -> str:
    """Placeholder syntaxes for an entry's flags; HTML tags and terminal escapes are checked in every entry."""
    named = [FLAG_MARKUP[f] for f in flags if f in FLAG_MARKUP]
    if not named:
        negated = {f[3:] for f in flags if f.startswith("no-") and f[3:] in FLAG_MARKUP}
        named = [] if negated else ["auto"]
    return ",".join(dict.fromkeys([*named, "html", "ansi"]))


# polib reads lines with str.splitlines(), which also breaks at these characters; gettext breaks at
# "\n" only, so a string holding one (a form feed, U+2028) was cut and every later entry's line
# number shifted. polib reads them as private-use stand-ins, and the entries get them back.
_SPLITLINES_ONLY = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_STAND_IN = {ord(c): 0x10FF00 + i for i, c in enumerate(_SPLITLINES_ONLY)}
_BACK = {v: k for k, v in _STAND_IN.items()}
_BLANK = {0x0B: " ", 0x0C: " "}
_ENTRY_TEXTS = (
    "msgid", "msgstr", "msgid_plural", "msgctxt", "comment", "tcomment",
    "previous_msgid", "previous_msgid_plural", "previous_msgctxt",
)  # fmt: skip


def _for_polib(text: str, path: str) -> str:
    if not any(c in text for c in _SPLITLINES_ONLY):
        return text
    if any(chr(c) in text for c in _BACK):
        raise InputError(
            f"{path}: holds both line-separator characters and U+10FF00-U+10FF07; cannot read it faithfully"
        )
    # a line of nothing but white space (gettext counts form feeds and vertical tabs as such) stays blank
    return "\n".join(
        ln.translate(_BLANK) if not ln.strip(" \t\x0b\x0c") else ln.translate(_STAND_IN)
        for ln in text.split("\n")
    )


def _restore(po: Any) -> None:
    """Put the characters `_for_polib` stood in for back into every entry and the header."""
    for e in po:
        for name in _ENTRY_TEXTS:
            value = getattr(e, name, None)
            if isinstance(value, str):
                setattr(e, name, value.translate(_BACK))
        e.msgstr_plural = {k: v.translate(_BACK) for k, v in e.msgstr_plural.items()}
        e.flags = [f.translate(_BACK) for f in e.flags]
        e.occurrences = [(f.translate(_BACK), n) for f, n in e.occurrences]
    po.header = po.header.translate(_BACK)
    po.metadata = {k.translate(_BACK): v.translate(_BACK) for k, v in po.metadata.items()}


_STRING_LINE = re.compile(r'(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*"')
_QUOTE = re.compile(r'\\.|"')  # an escape (skipped) or a quote


def _unterminated(text: str) -> int | None:
    """The first line (1-based) whose string does not end on it (msgfmt: "end-of-line within
    string"): polib read on, cut the translation and swallowed the next entry."""
    for n, line in enumerate(text.split("\n"), start=1):
        body = line.strip()
        if _STRING_LINE.match(body) and sum(m.group() == '"' for m in _QUOTE.finditer(body)) % 2:
            return n  # an odd number of quotes: a string still open at the end of the line
    return None


_FIRST_ENTRY = re.compile(rb'(?m)^msgid\s+"[^"]')  # the first msgid that is not the header's ""


def declared_charset(data: bytes) -> str | None:
    """The charset the header entry declares (Content-Type), wherever the header ends: header
    comments (a licence) may run past any fixed window (a Latin-1 file was read as UTF-8)."""
    first = _FIRST_ENTRY.search(data)
    m = _CHARSET.search(data, 0, first.start() if first else len(data))
    return m.group(1).decode("ascii") if m and m.group(1).upper() != b"CHARSET" else None


def parse_po(data: bytes, path: str) -> tuple[Any, str]:
    """(polib POFile, its text) or an InputError naming the problem."""
    import polib

    text = decode_declared(data, declared_charset(data), path, "a PO file")
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    bad = _unterminated(text)
    if bad is not None:
        raise InputError(f"{path}: not a valid PO file (a string not closed at line {bad})")
    protected = _for_polib(text, path)
    try:
        po = polib.pofile(protected, wrapwidth=0)
    except (OSError, ValueError, UnicodeError) as exc:
        line = _SYNTAX_LINE.search(str(exc))
        where = f" at line {line.group(1)}" if line else ""
        raise InputError(f"{path}: not a valid PO file (syntax error{where})") from None
    if protected is not text:
        _restore(po)
    if not any(not e.obsolete for e in po) and not po.metadata:
        raise InputError(f"{path}: not a PO file (no msgid/msgstr entries)")
    return po, text


def _keyword_lines(text: str) -> tuple[list[int], list[tuple[str, int | None]]]:
    """Line numbers (1-based) of every msgid/msgid_plural/msgstr keyword line, and which keyword."""
    lines: list[int] = []
    kinds: list[tuple[str, int | None]] = []
    for n, line in enumerate(text.split("\n"), start=1):
        m = _KEYWORD.match(line)
        if m:
            lines.append(n)
            kinds.append((m.group(1).split("[")[0], int(m.group(2)) if m.group(2) is not None else None))
    return lines, kinds


def _find(
    index: tuple[list[int], list[tuple[str, int | None]]], start: int, kind: str, form: int | None
) -> int:
    lines, kinds = index
    for k in range(bisect.bisect_left(lines, start), len(lines)):
        if kinds[k] == (kind, form):
            return lines[k]
    return start


def _meta(entry: Any, form: int | None) -> list[tuple[str, str]]:
    meta: list[tuple[str, str]] = []
    if entry.msgctxt:
        meta.append(("msgctxt", entry.msgctxt))
    refs = " ".join(f"{f}:{n}" if n else f for f, n in entry.occurrences)
    if refs:
        meta.append(("references", refs))
    if entry.flags:
        meta.append(("flags", ", ".join(entry.flags)))
    if entry.comment:
        meta.append(("comment", " ".join(entry.comment.split())))
    if entry.fuzzy:
        meta.append(("fuzzy", "yes"))
    if form is not None:
        meta.append(("plural", str(form)))
    return meta


def _forms(entry: Any) -> list[tuple[int | None, str, str]]:
    """(plural index or None, source, translation) of each form of an entry."""
    if not entry.msgid_plural:
        return [(None, entry.msgid, entry.msgstr)]
    return [
        (i, entry.msgid if i == 0 else entry.msgid_plural, s) for i, s in sorted(entry.msgstr_plural.items())
    ]


def read_po(data: bytes, path: str, doc_index: int, options: ReadOptions) -> UnitFile:
    po, text = parse_po(data, path)
    index = _keyword_lines(text)
    counts = {"units": 0, "checked": 0, "fuzzy": 0, "untranslated": 0, "obsolete": 0, "approved": 0}
    segments: list[Segment] = []
    seen: set[str] = set()
    empty_forms: list[int] = []  # msgstr[n] lines left empty in an entry with other forms translated
    for entry in po:
        if entry.obsolete:
            counts["obsolete"] += 1
            continue
        counts["units"] += 1
        if entry_id(entry) in seen:
            raise InputError(
                f"{path}:{entry.linenum}: duplicate entry for msgid \u201c{entry.msgid[:60]}\u201d"
            )
        seen.add(entry_id(entry))
        forms = _forms(entry)
        if not any(s.strip() for _, _, s in forms):
            counts["untranslated"] += 1
            continue
        if options.unapproved_only and not entry.fuzzy:
            counts["approved"] += 1
            continue
        counts["fuzzy"] += bool(entry.fuzzy)
        markup = markup_of(entry.flags)
        for form, source, target in forms:
            if not target.strip():
                empty_forms.append(_find(index, entry.linenum, "msgstr", form))
                continue
            src_kind = "msgid_plural" if form else "msgid"
            segments.append(
                unit_segment(
                    entry_id(entry, form),
                    doc_index,
                    len(segments) + 1,
                    _find(index, entry.linenum, "msgstr", form),
                    source,
                    target,
                    _find(index, entry.linenum, src_kind, None),
                    _meta(entry, form),
                    markup,
                )
            )
        counts["checked"] += 1
    if not segments:
        raise (NothingToCheck if counts["approved"] else InputError)(
            f"{path}: no translated entries to check ({counts['untranslated']} untranslated, "
            f"{counts['obsolete']} obsolete{', only approved ones' if counts['approved'] else ''})"
        )
    meta = po.metadata
    return UnitFile(
        "po",
        segments,
        source_lang=meta.get("X-Source-Language") or None,
        target_lang=meta.get("Language") or None,
        counts=counts | ({"empty_plural_forms": len(empty_forms)} if empty_forms else {}),
        warnings=[_empty_forms_warning(empty_forms)] if empty_forms else [],
    )


def _empty_forms_warning(lines: list[int]) -> str:
    """A plural form left empty shows the source text (gettext falls back to msgid); nothing to check."""
    shown = ", ".join(str(n) for n in lines[:5]) + (f" and {len(lines) - 5} more" if len(lines) > 5 else "")
    return (
        f"{counted(len(lines), 'plural form')} left empty in translated entries (msgstr lines {shown}): "
        "readers get the untranslated text there, and nothing is checked"
    )
