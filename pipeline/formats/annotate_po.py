"""Mark flagged PO entries for review, changing nothing else in the file.

Each flagged entry gets the `fuzzy` flag (msgfmt leaves fuzzy entries out of the compiled
catalogue until a translator clears it, and every PO editor lists them for review) and one
translator comment line per reason: `# driftcheck: numbers (critical): …`. The file is edited
line by line around those entries, in its own encoding and line endings, so every other byte
stays as it was; driftcheck comments from an earlier run are replaced, not repeated, and removed
from an entry that now passes (a rerun on a fixed review copy claimed a failure no longer there).
Its `fuzzy` flag stays: approving an entry is the reviewer's, never driftcheck's. Only lines
in the form driftcheck writes are taken for its own (`# driftcheck: review…`, `# driftcheck: fail…`,
`# driftcheck: plural form N: …`): a translator's `# driftcheck: keep this` stays.
"""

from __future__ import annotations

import codecs
import re

from .po import declared_charset, entry_id, parse_po

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
MARK = "# driftcheck: "
_OWN = re.compile(
    re.escape(MARK) + r"(?:plural form \d+: )?(?:review|fail)(?::|\s*$)"
)  # what unit_reasons writes


def _codec(data: bytes) -> str:
    return codecs.lookup(declared_charset(data) or "utf-8").name


def _newline(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :] or "\n"


# driftcheck's own punctuation, for a file whose charset lacks it (Latin-1 has no curly quotes)
_PLAIN = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2026": "...",
                        "\u2013": "-", "\u2014": "-", "\u2192": "->", "\u2260": "!=", "\u2265": ">=",
                        "\u2264": "<="})  # fmt: skip


def _in_charset(text: str, codec: str) -> str:
    """`text` as the file's charset can hold it: driftcheck's quotes and dashes plain, any other
    character it lacks as a `\\uXXXX` escape (it used to come out as `?`)."""
    if _encodes(text, codec):
        return text
    plain = text.translate(_PLAIN)
    return "".join(
        ch if _encodes(ch, codec) else ch.encode("ascii", "backslashreplace").decode() for ch in plain
    )


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


def _mark_entry(lines: list[str], start: int, reasons: list[str]) -> None:
    """Edit the entry whose first line is lines[start] in place: its comments (driftcheck's own
    lines replaced) and its flags. gettext reads the flags of the last `#,` line of the comments
    right above msgctxt/msgid (a blank line ends a group of comments), so `fuzzy` goes there, or on
    a new `#,` line in that group: on an earlier line, or before a blank line, msgfmt did not see it."""
    nl = _newline(lines[start])
    end = start
    while end < len(lines) and (
        (lines[end].startswith("#") and not lines[end].startswith("#~")) or not lines[end].strip()
    ):
        end += 1  # the entry's comments, with any blank lines among them
    group = end
    while group > start and lines[group - 1].strip():
        group -= 1  # the last group of comments: the one gettext attaches the flags of
    earlier = [ln for ln in lines[start:group] if not _OWN.match(ln)]
    block = [ln for ln in lines[group:end] if not _OWN.match(ln)]
    if not reasons:  # it passes now: driftcheck's own lines go, everything else stays
        lines[start:end] = earlier + block
        return
    lead = 0
    while lead < len(block) and re.match(r"#(?:\s|$)", block[lead]):
        lead += 1  # translator comments come first
    flags_at = next((i for i in range(len(block) - 1, -1, -1) if block[i].startswith("#,")), None)
    if flags_at is None:
        before = next((i for i, ln in enumerate(block) if ln.startswith("#|")), len(block))
        block.insert(before, "#, fuzzy" + nl)
    else:
        names = [f.strip() for f in block[flags_at][2:].strip().split(",") if f.strip()]
        if "fuzzy" not in names:
            block[flags_at] = "#, " + ", ".join(["fuzzy", *names]) + _newline(block[flags_at])
    comments = [MARK + " ".join(r.split()) + nl for r in reasons]
    lines[start:end] = earlier + block[:lead] + comments + block[lead:]


def annotate_po(data: bytes, path: str, reasons: dict[str, list[str]]) -> bytes:
    """`data` with every entry named in `reasons` (by segment id) marked and driftcheck's comments of
    an earlier run removed from the others; the bytes as-is if there is nothing to mark or remove."""
    if not reasons and MARK.encode("ascii") not in data:
        return data
    po, _ = parse_po(data, path)
    codec = _codec(data)
    text = data.decode("utf-8" if codec == "utf-8" else codec)  # a BOM stays in the text, and goes back
    lines = _LINE.findall(text)
    starts: list[tuple[int, list[str]]] = []
    for e in po:
        forms = (
            [(entry_id(e, i), f"plural form {i}: ") for i in sorted(e.msgstr_plural)]
            if e.msgid_plural
            else []
        )
        why = [prefix + r for key, prefix in [(entry_id(e), ""), *forms] for r in reasons.get(key, [])]
        if not e.obsolete and (why or any(_OWN.match("# " + ln) for ln in (e.tcomment or "").splitlines())):
            # polib numbers lines from 1, but gives the first entry of a file with no header 0
            starts.append((max(e.linenum - 1, 0), [_in_charset(w, codec) for w in why]))
    starts.sort(reverse=True)  # bottom-up: inserted lines never shift an entry still to edit
    for start, why in starts:
        _mark_entry(lines, start, why)
    return "".join(lines).encode(codec, errors="replace")
