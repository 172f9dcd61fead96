"""Read input files into Documents: plain text and Markdown (Markdown's reading: inputs/markdown.py;
HTML pages: formats/html.py).

Paragraphs are blank-line-separated blocks. Input must be UTF-8 text; anything else is an
InputError.

A file whose name carries a two-letter language code before its extension (`article.es.txt`,
`guide.pt-BR.md`, `page.fr.html`) declares that language, as an HTML page's <html lang> does
(which wins where the page has one): `formats/languages.py` weighs it like any declaration.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from pathlib import Path

from ..errors import InputError, NoText
from ..formats import format_of
from ..outputs import atomic_write as atomic_write  # re-exported: writers import it from here
from ..outputs import stream_fd
from ..records import Document, Paragraph
from ..terminal import closed_at_start, no_stdin
from .markdown import paragraph, parse_markdown

MAX_BYTES = 5 * 1024 * 1024
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}


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


def read_stdin(limit: int, name: str = "-") -> bytes:
    """Up to `limit` bytes of stdin; a process started without one (`<&-`: Python's sys.stdin is
    None) is an InputError naming it (it was "AttributeError: 'NoneType' object has no attribute
    'buffer'"). `name` is how the input was given ("-", "/dev/stdin")."""
    if closed_at_start(0):
        raise InputError(no_stdin(name))
    return sys.stdin.buffer.read(limit)


def read_bytes(path: str, limit: int = MAX_BYTES) -> bytes:
    """The raw bytes of a file or of stdin ("-"), with size and existence checks."""
    if path == "-" or (closed_at_start(0) and (path == "/dev/stdin" or stream_fd(path) == 0)):
        data = read_stdin(limit + 1, path)
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


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _not_utf8(data: bytes) -> str:
    """Why bytes with NUL in them are no UTF-8 text: UTF-16 or UTF-32 (a byte-order mark, or one
    byte of every two NUL, as UTF-16 writes Latin letters), with how to convert it, else binary."""
    codec = next((c for bom, c in _BOMS if data.startswith(bom)), "")
    head = data[:200]
    if not codec and len(head) >= 4 and (not any(head[0::2])) != (not any(head[1::2])):
        codec = "utf-16le" if not any(head[1::2]) else "utf-16be"  # no mark: the NULs say the order
    if codec:
        return f"is {codec.upper()} text, not UTF-8: convert it first, e.g. iconv -f {codec} -t utf-8"
    return "looks like a binary file, not UTF-8 text"


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is dropped, CRLF normalised) or an InputError naming the problem."""
    if b"\x00" in data:
        raise InputError(f"{path}: {_not_utf8(data)}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(
            f"{path}: " + ("holds only white space: nothing to check" if text else "file is empty")
        )
    return text


def read_text(path: str) -> str:
    return decode_text(read_bytes(path), path)


def detect_format(path: str, text: str | None = None) -> str:
    if Path(path).suffix.lower() in MARKDOWN_SUFFIXES:
        return "markdown"
    return "html" if format_of(path) == "html" else "text"  # the HTML suffixes formats/ declares


# "article.es.txt", "guide.pt-BR.md", "page.en_GB.html": a language code, then the extension
_NAME_LANG = re.compile(r"\.(?P<tag>(?P<code>[a-z]{2})(?:[-_](?:[A-Za-z]{2}|\d{3}))?)\.[A-Za-z0-9]+$")


def language_in_name(path: str) -> str | None:
    """The language tag a file name carries before its extension ("es-ES" of "guide.es-ES.md"), or
    None: two letters that are an ISO 639-1 code ("notes.v2.txt", "data.old.txt" carry none)."""
    from ..formats.languages import normalise

    m = _NAME_LANG.search(os.path.basename(path))
    if m is None or normalise(m["code"]) != m["code"]:
        return None
    return m["tag"]


def read_document(path: str, lang: str, fmt: str | None = None, text: str | None = None) -> Document:
    fmt = fmt or detect_format(path)
    if fmt == "html":  # an article page: its own decoding (declared charset) and extraction
        from ..formats.html import html_document

        doc = html_document(read_bytes(path), path, lang)
    else:
        if text is None:
            text = read_text(path)
        paras = parse_markdown(text) if fmt == "markdown" else parse_text(text)
        if not paras:
            raise NoText(f"{path}: no text to check (only code, comments or markup)")
        doc = Document(path=path, lang=lang, paragraphs=tuple(paras), fmt=fmt)
    if not doc.declared_lang and (named := language_in_name(path)):
        doc = dataclasses.replace(doc, declared_lang=named)  # the file's own declaration wins
    return doc


def parse_text(text: str) -> list[Paragraph]:
    paras: list[Paragraph] = []
    block: list[tuple[int, str]] = []
    for lineno, line in enumerate(text.split("\n") + [""], start=1):
        if line.strip():
            block.append((lineno, line))
        elif block:
            paras.append(paragraph(len(paras) + 1, block, "text", ()))
            block = []
    return paras
