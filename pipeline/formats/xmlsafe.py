"""Safe XML for XLIFF and TMX: lxml with entity expansion, DTD loading and network access off.

A file whose DOCTYPE declares entities (a billion-laughs bomb, an external-entity attempt)
is refused outright: nothing is expanded or fetched. Inline markup is written out in one
canonical form that formats/placeholders.py reads back as codes (`<g id="1">`, `</g>`,
`<x id="2"/>`); the native code inside <ph>, <bpt>, <ept> and <it> is never shown to the
engine.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from ..errors import InputError
from ..terminal import name_bidi
from .encoding import utf8_mislabelled, whole_characters

_XML_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
# not XML 1.0, and DEL and C1 (allowed but discouraged: CI logs print these reports to terminals)
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
NATIVE_CODES = {"ph", "bpt", "ept", "it", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em"}
PAIRED_CODES = {"g", "pc", "hi", "mrk", "sub"}


def xml_codec(data: bytes) -> str:
    """The encoding of an XML file's bytes: a byte-order mark, UTF-16 without one (the file opens
    with '<?' in two-byte units, XML 1.0 appendix F), the declaration, else UTF-8."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(b"<\x00?\x00"):
        return "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE) or data.startswith(b"\x00<\x00?"):
        return "utf-16-be"
    m = _XML_ENCODING.match(data[:200])
    return codecs.lookup(m.group(1).decode("ascii")).name if m else "utf-8"


def local(tag: object) -> str:
    """An element's name without its namespace ('' for comments and processing instructions)."""
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


# libxml2 (lxml's parser, for XML and HTML) reads elements nested up to 256 deep, and stops at the
# 257th: the rest of an HTML page was lost (trafilatura found no article), an XLIFF file was "not
# well-formed XML". `huge_tree` would lift it to 2048, but it lifts other limits with it (the size of
# a text node, the amplification check of entity expansion) and inline_text recurses once per
# level, so such a document is refused, naming the cause.
MAX_DEPTH = 256
DEPTH_ERROR = "Excessive depth in document"


def too_deep(path: str, line: int | None) -> InputError:
    where = f" (line {line})" if line else ""
    return InputError(
        f"{path}: elements nested more than {MAX_DEPTH} deep{where}, deeper than driftcheck reads "
        "(a safety limit of its parser, libxml2): flatten the markup"
    )


def parse_xml(data: bytes, path: str) -> Any:
    """The root element of a well-formed XML file, parsed with a hardened lxml parser."""
    from lxml import etree

    declared = _XML_ENCODING.match(data[:200])
    if declared and utf8_mislabelled(data, declared.group(1).decode("ascii")):
        raise InputError(
            f"{path}: declares encoding '{declared.group(1).decode('ascii')}' but its bytes are UTF-8; "
            "fix the XML declaration"
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        msg = str(exc.msg if getattr(exc, "msg", None) else exc).split("\n")[0]
        if DEPTH_ERROR in msg:  # it read "…: 256, use XML_PARSE_HUGE option", a flag no user can set
            raise too_deep(path, exc.lineno) from None
        raise InputError(f"{path}: not well-formed XML: {msg}") from None
    except ValueError as exc:  # e.g. an unknown encoding name
        raise InputError(f"{path}: cannot parse as XML: {exc}") from None
    dtd = root.getroottree().docinfo.internalDTD
    entities = [e.name for e in dtd.iterentities()] if dtd is not None else []
    if entities:
        raise InputError(
            f"{path}: declares XML entities in its DOCTYPE ({', '.join(entities[:3])}): refused, "
            "entity expansion and external entities are not allowed"
        )
    return root


def _attr(elem: Any, *names: str) -> str:
    for name in names:
        value = elem.get(name)
        if value is not None:
            return str(value).replace('"', "'")
    return ""


def _code_tag(name: str, ref: str, empty: bool) -> str:
    ident = f' id="{ref}"' if ref else ""
    return f"<{name}{ident}{'/' if empty else ''}>"


def inline_text(elem: Any) -> str:
    """The text of a <source>, <target> or <seg> with its inline codes in canonical form."""
    parts: list[str] = [elem.text or ""]
    for child in elem:
        name = local(child.tag)
        ref = _attr(child, "id", "startRef", "rid", "i", "x")
        if name == "cp":  # XLIFF 2 code point: the character itself (half a surrogate pair: U+FFFD)
            try:
                parts.append(whole_characters(chr(int(child.get("hex", "0"), 16))))
            except ValueError:
                pass
        elif name in PAIRED_CODES:
            parts.append(_code_tag(name, ref, False) + inline_text(child) + f"</{name}>")
        elif name in NATIVE_CODES:
            parts.append(_code_tag(name, ref, True))
        elif name:
            parts.append(inline_text(child))  # an unknown element: keep its text
        parts.append(child.tail or "")
    return "".join(parts)


def xml_safe(text: object) -> str:
    """Text that XML 1.0 can hold, for what driftcheck writes (JUnit, the notes of review copies):
    characters XML cannot carry (and DEL, C1) dropped, right-to-left overrides named as in the
    terminal ([U+202E]). An XLIFF 2 `<cp hex="1"/>` reads as the character itself, and a note
    that quotes it must still parse."""
    return name_bidi(_INVALID_XML.sub("", str(text)))
