"""Declared encodings: decode as the file says, and catch the common lie (UTF-8 bytes labelled Latin-1)."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import InputError

_SURROGATE = re.compile("[\ud800-\udfff]")


def whole_characters(text: str) -> str:
    """Half a surrogate pair is not text: U+FFFD in its place. JSON ("\\ud800"), an XLIFF 2
    `<cp hex="D800"/>` and a Python string can hold one; UTF-8 cannot, and the libraries behind
    the checks and the engines fail on it (text2num, a compiled extension, panics)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


# Characters a reader never sees inside a word: soft hyphen (shown only where a line breaks), zero-
# width space, word joiner, and a byte-order mark inside the text (zero-width no-break space).
# Joiners that shape a script or an emoji (U+200C, U+200D) and direction marks are kept.
_UNSEEN = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))
_UNSEEN_RE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def readable(text: str) -> str:
    """A sentence as a reader reads it: composed (NFC: an "é" written as "e" and a combining accent,
    as text pasted from macOS has it, is "é") and without the characters a reader never sees (soft
    hyphens, zero-width spaces, word joiners: CMS and word-processor exports put them inside words
    and numbers). Both look the same on the page, but the engines and the checks read words: a
    decomposed "Pérez" was the words "Pe" and "rez" (a lost name), "govern\u00adment" two words,
    "5\u200b000" the numbers 5 and 000 (a critical `numbers` flag)."""
    if _UNSEEN_RE.search(text):
        text = text.translate(_UNSEEN)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def utf8_mislabelled(data: bytes, declared: str) -> bool:
    """True when a file declares a single-byte encoding but its non-ASCII bytes are valid UTF-8.

    Text in Latin-1 or Windows-1252 practically never forms valid multi-byte UTF-8 sequences,
    so such a file was written as UTF-8 and labelled wrongly: decoding it as declared would
    turn every accented letter into two wrong ones.
    """
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return False
    if name.startswith("utf") or data.isascii():
        return False
    single_byte = name.startswith(("iso8859", "cp125", "latin", "mac-", "windows-125")) or name in (
        "cp437",
        "cp850",
    )
    if not single_byte:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_declared(data: bytes, declared: str | None, path: str, what: str) -> str:
    """`data` decoded as declared (UTF-8 when nothing is declared), or a one-line InputError."""
    name = declared or "utf-8"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise InputError(f"{path}: declares charset '{name}', which is not a known encoding") from None
    if declared and utf8_mislabelled(data, declared):
        raise InputError(
            f"{path}: declares charset '{declared}' but its bytes are UTF-8; fix the declaration"
        )
    if b"\x00" in data and not codec.startswith("utf-16") and not codec.startswith("utf-32"):
        raise InputError(f"{path}: looks like a binary file, not {what}")
    try:
        text = data.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as exc:
        said = f"declares charset '{declared}'" if declared else "declares no charset (UTF-8 assumed)"
        raise InputError(
            f"{path}: {said} but byte 0x{data[exc.start]:02x} at offset {exc.start} is not valid {codec}; "
            "fix the declaration or convert the file"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
