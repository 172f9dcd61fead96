"""Read input files into Documents: plain text and Markdown (HTML pages: formats/html.py).

Paragraphs are blank-line-separated blocks. In Markdown, front matter, fenced and
indented code blocks and HTML comments are skipped, headings and list items become
paragraphs of their own, and inline markup is reduced to its text. An HTML comment
`<!-- driftcheck: ignore [check, ...] -->` waives checks for the next paragraph.
Input must be UTF-8 text; anything else is an InputError.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from ..errors import InputError
from ..formats import format_of
from ..outputs import atomic_write as atomic_write  # re-exported: writers import it from here
from ..records import Document, Paragraph

MAX_BYTES = 5 * 1024 * 1024
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}

_WAIVER = re.compile(r"<!--\s*driftcheck:\s*ignore\b([^>]*?)-->", re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_LIST = re.compile(r"^ {0,3}([-*+]|\d{1,9}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^ {0,3}(?:>\s?)+")  # nested quotes: every marker
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HR = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_EMPH = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]+)`")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def utf8_name(path: str) -> bool:
    """Whether a path is UTF-8 (Python hands a name holding other bytes over with surrogate escapes,
    which no report, JSON or XML, can carry)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown_name(path: str) -> str:
    """A path as its bytes, those that are not UTF-8 written as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_bytes(path: str, limit: int = MAX_BYTES) -> bytes:
    """The raw bytes of a file or of stdin ("-"), with size and existence checks."""
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if not utf8_name(path):
            raise InputError(
                f"{shown_name(path)}: the file name is not valid UTF-8, and the reports name their files"
                " in UTF-8: rename the file"
            )
        if p.is_dir():
            raise InputError(f"{path}: is a directory (give files, or a directory to `check` to scan it)")
        try:
            if p.stat().st_size > limit:
                raise InputError(f"{path}: file is larger than {limit // (1024 * 1024)} MiB; split it")
            with open(p, "rb") as fh:  # bounded: a device or a pipe has no size to check first
                data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise InputError(f"{path}: input is larger than {limit // (1024 * 1024)} MiB; split it")
    return data


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is dropped, CRLF normalised) or an InputError naming the problem."""
    if b"\x00" in data:
        raise InputError(f"{path}: looks like a binary file, not UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    return text


def read_text(path: str) -> str:
    return decode_text(read_bytes(path), path)


def detect_format(path: str, text: str | None = None) -> str:
    if Path(path).suffix.lower() in MARKDOWN_SUFFIXES:
        return "markdown"
    return "html" if format_of(path) == "html" else "text"  # the HTML suffixes formats/ declares


def read_document(path: str, lang: str, fmt: str | None = None, text: str | None = None) -> Document:
    fmt = fmt or detect_format(path)
    if fmt == "html":  # an article page: its own decoding (declared charset) and extraction
        from ..formats.html import html_document

        return html_document(read_bytes(path), path, lang)
    if text is None:
        text = read_text(path)
    paras = parse_markdown(text) if fmt == "markdown" else parse_text(text)
    if not paras:
        raise InputError(f"{path}: no text to check (only code, comments or markup)")
    return Document(path=path, lang=lang, paragraphs=tuple(paras), fmt=fmt)


def _paragraph(index: int, lines: list[tuple[int, str]], kind: str, waived: tuple[str, ...]) -> Paragraph:
    text, offsets = "", []
    for n, (_, line) in enumerate(lines):
        if n:
            text += " "
            offsets.append(len(text))
        text += line.strip()
    return Paragraph(index, text, lines[0][0], kind, tuple(offsets), waived)


def parse_text(text: str) -> list[Paragraph]:
    paras: list[Paragraph] = []
    block: list[tuple[int, str]] = []
    for lineno, line in enumerate(text.split("\n") + [""], start=1):
        if line.strip():
            block.append((lineno, line))
        elif block:
            paras.append(_paragraph(len(paras) + 1, block, "text", ()))
            block = []
    return paras


def strip_inline(line: str) -> str:
    line = _IMAGE.sub(lambda m: m.group(1), line)
    line = _LINK.sub(lambda m: m.group(1) or m.group(2), line)
    line = _CODE.sub(lambda m: m.group(1), line)
    for _ in range(2):
        line = _EMPH.sub(lambda m: m.group(2), line)
    line = _TAG.sub("", line)
    return line.replace("\\", "") if "\\" in line else line


def _front_matter_end(lines: list[str]) -> int:
    if lines and lines[0].strip() in ("---", "+++"):
        fence = lines[0].strip()
        for i in range(1, len(lines)):
            if lines[i].strip() in (fence, "..."):
                return i + 1
    return 0


def parse_markdown(text: str) -> list[Paragraph]:
    text = _COMMENT.sub(lambda m: _keep_waiver(m.group(0)), text)
    lines = text.split("\n")
    paras: list[Paragraph] = []
    block: list[tuple[int, str]] = []
    pending_waiver: tuple[str, ...] = ()
    kind = "text"
    fence: str | None = None
    quoted = False  # the block is a block quote's paragraph (it began with a `>` line)

    def flush() -> None:
        nonlocal block, pending_waiver, kind, quoted
        if block:
            paras.append(_paragraph(len(paras) + 1, block, kind, pending_waiver))
            pending_waiver = ()
        block, kind, quoted = [], "text", False

    for i in range(_front_matter_end(lines), len(lines)):
        raw, lineno = lines[i], i + 1
        if fence is not None:
            if raw.strip().startswith(fence):
                fence = None
            continue
        m = _FENCE.match(raw)
        if m:
            flush()
            fence = m.group(1)[0] * 3
            continue
        w = _WAIVER.search(raw)
        if w:
            flush()
            names = tuple(n.strip() for n in re.split(r"[,\s]+", w.group(1)) if n.strip())
            pending_waiver = names or ("*",)
            continue
        if not raw.strip() or _HR.match(raw) or _TABLE_RULE.match(raw):
            flush()
            continue
        if (raw.startswith("    ") or raw.startswith("\t")) and not block:
            continue  # indented code block
        if _SETEXT.match(raw) and block:
            kind = "heading"
            flush()
            continue
        start = _HEADING.match(raw) or _LIST.match(raw)
        if start:
            flush()
            kind = "heading" if start.re is _HEADING else "list-item"
            block = [(lineno, strip_inline(start.group(2)))]
            if kind == "heading":
                flush()
            continue
        quote = _QUOTE.match(raw)
        if quote and block and (not quoted or not raw[quote.end() :].strip()):
            flush()  # a block quote interrupts a paragraph or a list item; a bare `>` ends its paragraph
        line = raw[quote.end() :] if quote else raw
        line = strip_inline(line.replace("|", " ") if line.lstrip().startswith("|") else line)
        if line.strip():
            quoted = quoted if block else bool(quote)
            block.append((lineno, line))
    flush()
    return [p for p in paras if p.text.strip()]


def _keep_waiver(comment: str) -> str:
    """Drop an HTML comment but keep its line count (and a waiver, on its own line)."""
    w = _WAIVER.search(comment)
    keep = w.group(0) if w else ""
    return keep + "\n" * comment.count("\n")
