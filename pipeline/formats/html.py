"""HTML articles: the article's paragraphs and headings, with line numbers into the HTML file.

Which text is the article is trafilatura's call (measured against readability-lxml and
jusText on saved news pages: benchmarks/bench_html_extract.py). trafilatura returns text,
not positions, so its output is matched back, in order, onto the page's own text blocks
(html_blocks.py), which know their lines, kinds and waivers. trafilatura treats the
headline, the standfirst and image captions as metadata rather than text, and leaves out text
marked `aria-hidden="true"` (hidden from screen readers, shown on screen); they are copy too, so
the page's <h1> that matches its title, a standfirst equal to its description, and the
<figcaption>s and aria-hidden blocks inside the article are kept as well. It also gives a
paragraph the page repeats once: a block that says a kept block's text again, inside the article
or next to it, is kept (an added or a lost repetition is a difference to check).

trafilatura's text is not always the page's text to the letter: it drops invisible characters
(soft hyphens, zero-width spaces and joiners, direction marks) and the text of some inline
elements (<time>, <button>, <label>, <output>, <ruby>…). Both sides are compared without the
invisible characters, and a block between two matched ones that comes out a little shorter
still matches its line (RapidFuzz similarity of at least 85 %); such a block was dropped
whole, and a sentence of the article went unchecked.

Text the page itself marks as not the copy is left out, with a warning naming its lines: a block
inside an element whose `lang` names another language than the page's `<html lang>` (a quotation
kept in French on an English page; only when the page declares its language) or inside
`translate="no"` (text the page says is not translated). Read as the page's language, such a block
was flagged as untranslated or foreign text, or as drift by round trip.
"""

from __future__ import annotations

import codecs
import difflib
import re
import unicodedata

from ..errors import InputError
from ..records import Document, Paragraph
from ..words import counted
from .encoding import decode_declared
from .html_blocks import Block, PageInfo, walk
from .xmlsafe import DEPTH_ERROR, too_deep

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_LIST_MARK = re.compile(r"^(?:[-*•]|\d{1,3}[.)])\s+")
# soft hyphen, zero-width space / non-joiner / joiner, LRM, RLM, word joiner, BOM: never seen
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
SIMILAR = 85  # RapidFuzz ratio (0-100) at which a block between two matched ones matches its line


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).split())


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares: a byte-order mark, else <meta charset> in its first 1024 bytes."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return name
    m = _META_CHARSET.search(data[:1024])
    return m.group(1).decode("ascii").lower() if m else None


_CHAR_REF = re.compile(r"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")


def _control_ref(m: re.Match[str]) -> str:
    """A character reference to a control character (not white space) reads as U+FFFD: lxml
    refused the page for one `&#27;` and trafilatura found no article in it."""
    ref = m.group(1)
    code = int(ref[1:], 16) if ref[:1] in "xX" else int(ref)
    return "\ufffd" if (code < 0x20 and code not in (9, 10, 13)) or code == 0x7F else m.group()


def decode_html(data: bytes, path: str) -> str:
    """The page as text in the encoding it declares (UTF-8 when it declares none), or an InputError."""
    text = decode_declared(data, declared_charset(data), path, "an HTML page")
    if "<" not in text:
        raise InputError(f"{path}: not an HTML page (no markup)")
    return _CHAR_REF.sub(_control_ref, text) if "&#" in text else text


def _extracted_lines(html: str) -> list[str]:
    import trafilatura

    lines: list[str] = []
    for fast in (True, False):  # without fallbacks first: measured to keep less chrome
        doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=True, fast=fast)
        text = getattr(doc, "text", None) or ""
        lines = [n for n in (_norm(_LIST_MARK.sub("", raw.strip())) for raw in text.split("\n")) if n]
        if lines:
            break
    return lines


def _matched_pieces(pieces: list[str], lines: list[str]) -> set[int]:
    """Indices of pieces that trafilatura's lines contain: equal lines anchor, gaps match by
    containment or, for a piece as long as a sentence, by similarity."""
    from rapidfuzz import fuzz

    sm = difflib.SequenceMatcher(None, pieces, lines, autojunk=False)
    hit: set[int] = set()
    a0 = b0 = 0
    for a, b, size in sm.get_matching_blocks():
        gap_lines = lines[b0:b]
        for i in range(a0, a):
            if any(
                pieces[i] in line
                or (len(line) > 20 and line in pieces[i])
                or (len(pieces[i]) > 20 and fuzz.ratio(pieces[i], line) >= SIMILAR)
                for line in gap_lines
            ):
                hit.add(i)
        hit.update(range(a, a + size))
        a0, b0 = a + size, b + size
    return hit


def _repeats(pieces: list[str], owner: list[int], blocks: list[Block], hit: set[int]) -> set[int]:
    """Pieces that say a matched piece's text again, word for word, inside the article or right
    next to it: trafilatura gives a paragraph a page repeats once (measured: a repeated <p> came
    out once, with or without its `deduplicate`), and the copy that says it twice was checked as
    if it said it once (an added or a lost repetition went unseen)."""
    said = {pieces[i] for i in hit}
    kept = {owner[i] for i in hit if not blocks[owner[i]].navigation}
    if not kept:
        return set()
    lo, hi = min(kept), max(kept)
    out: set[int] = set()
    order = [i for i in range(len(pieces)) if owner[i] >= lo] + [
        i for i in reversed(range(len(pieces))) if owner[i] < lo
    ]
    for i in order:
        k = owner[i]
        if i in hit or pieces[i] not in said or blocks[k].navigation:
            continue
        if lo <= k <= hi or k - 1 in kept or k + 1 in kept:
            out.add(i)
            kept.add(k)
    return out


def article_blocks(html: str, blocks: list[Block], info: PageInfo) -> list[Block]:
    owner: list[int] = []
    pieces: list[str] = []
    for k, block in enumerate(blocks):
        for piece in block.pieces:
            owner.append(k)
            pieces.append(_norm(piece))
    hit = _matched_pieces(pieces, _extracted_lines(html))
    hit |= _repeats(pieces, owner, blocks, hit)
    kept = sorted({owner[i] for i in hit if not blocks[owner[i]].navigation})  # trafilatura may keep a menu
    if not kept:
        return []
    first, last = kept[0], kept[-1]
    title = _norm(info.title or "")
    head = next(
        (
            k
            for k in range(first, -1, -1)
            if blocks[k].tag == "h1" and title and _norm(blocks[k].text) in title
        ),
        None,
    )
    extra: set[int] = set()
    if head is not None and head < first:
        extra.add(head)
        description = _norm(info.description or "")
        extra.update(
            k for k in range(head + 1, first) if description and _norm(blocks[k].text) == description
        )
    start = head if head is not None else first
    # captions, and text shown on screen but hidden from screen readers (`aria-hidden`), which
    # trafilatura leaves out of the article
    extra.update(
        k
        for k in range(start, last)
        if blocks[k].tag == "figcaption" or (blocks[k].aria_hidden and not blocks[k].navigation)
    )
    return [blocks[k] for k in sorted(set(kept) | extra)]


def to_paragraph(index: int, block: Block) -> Paragraph:
    text = "".join(block.chars)
    offsets: list[int] = []
    for i in range(1, len(block.lines)):
        offsets.extend([i] * max(0, block.lines[i] - block.lines[i - 1]))
    return Paragraph(index, text, block.lines[0], block.kind, tuple(offsets), block.waived)


def _primary(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def not_the_copy(block: Block, page_lang: str | None) -> bool:
    """Text the page marks as another language than its own, or as not to be translated."""
    if not block.translate:
        return True
    return bool(page_lang and block.lang and _primary(block.lang) != _primary(page_lang))


def _left_out_warning(left_out: list[Block]) -> str:
    lines = [str(b.lines[0]) for b in left_out[:5]] + (["…"] if len(left_out) > 5 else [])
    marks = sorted({f'lang="{b.lang}"' if b.translate else 'translate="no"' for b in left_out})
    return (
        f"{counted(len(left_out), 'text block')} the page marks as not its copy ({', '.join(marks)}) "
        f"are not checked (line {', '.join(lines)})"
    )


def _not_too_deep(html: str, path: str) -> None:
    """An InputError for a page nested deeper than libxml2 reads (xmlsafe.MAX_DEPTH): trafilatura,
    which parses with it, lost everything from there on (or the whole page) without a word."""
    from lxml import etree

    parser = etree.HTMLParser(encoding="utf-8", no_network=True)
    try:
        etree.fromstring(html.encode("utf-8", "surrogatepass"), parser)
    except (etree.LxmlError, ValueError):
        pass  # whatever else is wrong, the walk and trafilatura say
    deep = next((e for e in parser.error_log if DEPTH_ERROR in e.message), None)
    if deep is not None:
        raise too_deep(path, deep.line)


def parse_html(html: str, path: str) -> tuple[list[Paragraph], PageInfo, list[str]]:
    """The article's paragraphs (headings and list items as their own), what the page declares,
    and warnings (text the page marks as not its copy, left out)."""
    _not_too_deep(html, path)
    blocks, info = walk(html)
    kept = article_blocks(html, blocks, info) if blocks else []
    left_out = [b for b in kept if not_the_copy(b, info.lang)]
    kept = [b for b in kept if not not_the_copy(b, info.lang)]
    if not kept:
        marked = f" (only text it marks as not its copy: {_left_out_warning(left_out)})" if left_out else ""
        raise InputError(f"{path}: no article text found in the HTML page{marked}")
    warnings = [_left_out_warning(left_out)] if left_out else []
    return [to_paragraph(i, b) for i, b in enumerate(kept, start=1)], info, warnings


def html_document(data: bytes, path: str, lang: str) -> Document:
    """An HTML page (its bytes, read by inputs/read.py) as a Document; `declared_lang` is its
    <html lang> (or Content-Language)."""
    paragraphs, info, warnings = parse_html(decode_html(data, path), path)
    return Document(
        path, lang, tuple(paragraphs), fmt="html", declared_lang=info.lang, warnings=tuple(warnings)
    )
