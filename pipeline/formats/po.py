"""gettext PO/POT files (polib): every translated msgid/msgstr pair is a source-aware segment.

- The id is gettext's own identity of an entry: `msgctxt|msgid` (just the msgid without a
  context), `[n]` appended for plural form n. Each plural form is checked on its own, form 0
  against msgid and the others against msgid_plural.
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

from ..errors import InputError
from ..records import Segment
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


def entry_id(entry: Any, form: int | None = None) -> str:
    base = f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else str(entry.msgid)
    return base if form is None else f"{base}[{form}]"


def markup_of(flags: list[str]) -> str:
    """Placeholder syntaxes for an entry's flags; HTML tags are checked in every entry."""
    named = [FLAG_MARKUP[f] for f in flags if f in FLAG_MARKUP]
    if not named:
        negated = {f[3:] for f in flags if f.startswith("no-") and f[3:] in FLAG_MARKUP}
        named = [] if negated else ["auto"]
    return ",".join(dict.fromkeys([*named, "html"]))


def parse_po(data: bytes, path: str) -> tuple[Any, str]:
    """(polib POFile, its text) or an InputError naming the problem."""
    import polib

    m = _CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii") if m and m.group(1).upper() != b"CHARSET" else None
    text = decode_declared(data, declared, path, "a PO file")
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError, UnicodeError) as exc:
        line = _SYNTAX_LINE.search(str(exc))
        where = f" at line {line.group(1)}" if line else ""
        raise InputError(f"{path}: not a valid PO file (syntax error{where})") from None
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
        raise InputError(
            f"{path}: no translated entries to check ({counts['untranslated']} untranslated, "
            f"{counts['obsolete']} obsolete{', only approved ones' if counts['approved'] else ''})"
        )
    meta = po.metadata
    return UnitFile(
        "po",
        segments,
        source_lang=meta.get("X-Source-Language") or None,
        target_lang=meta.get("Language") or None,
        counts=counts,
    )
