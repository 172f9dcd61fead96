"""The text blocks of an HTML page, each with the lines it came from.

A stdlib `html.parser` walk (it reports the line of every token, which lxml does not do
for text): every block-level element (p, h1-h6, li, td, figcaption, ...) starts a block,
scripts, styles and other non-text elements are skipped, and so is an element a browser does not
show (`hidden`, or an inline style with `display: none` / `visibility: hidden`), whitespace is collapsed, and each
block keeps the input line of each of its characters so reports point into the HTML file.
A `<!-- driftcheck: ignore … -->` comment waives checks for the next block, as in Markdown.
Each block also knows the `lang` and `translate` its block elements declare (the nearest one
below <html>; an inline element's are part of a sentence): html.py leaves out text the page marks as another language or as not to be translated.
The walk also collects what the page says about itself: `<html lang>`, the title and the
description. Which blocks are the article is decided elsewhere (html.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul menu legend option".split()
)
SKIP_TAGS = frozenset("script style noscript template svg math iframe object select textarea".split())
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_WAIVER = re.compile(r"^\s*driftcheck:\s*ignore\b(.*)$", re.I | re.S)
_SPACE = re.compile(r"\s+")
NOT_SHOWN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
IMPLIED_END = frozenset("p li dt dd option".split())  # the next one of these ends an unclosed one


def _not_shown(attrs: list[tuple[str, str | None]]) -> bool:
    return any(k == "hidden" or (k == "style" and NOT_SHOWN.search(v or "")) for k, v in attrs)


@dataclass
class Block:
    """One run of text between block boundaries."""

    tag: str  # the innermost block element it sits in
    kind: str  # text | heading | list-item
    ancestors: tuple[int, ...]  # serial numbers of the open elements, outermost first
    chars: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # input line of each character
    pieces: list[str] = field(default_factory=list)  # text split where <br> breaks a line
    waived: tuple[str, ...] = ()
    lang: str | None = None  # the nearest `lang` a block element below <html> declares
    translate: bool = True  # False inside an element with translate="no" (up to one with "yes")
    navigation: bool = False  # inside <nav> or an element with role="navigation": never the article
    aria_hidden: bool = False  # inside an element with aria-hidden="true": shown, but not to a screen reader

    @property
    def text(self) -> str:
        return "".join(self.chars).strip()


@dataclass
class PageInfo:
    lang: str | None = None
    title: str | None = None
    description: str | None = None


def _kind(tag: str) -> str:
    return "heading" if tag in HEADINGS else "list-item" if tag == "li" else "text"


class BlockWalker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.info = PageInfo()
        self._stack: list[tuple[str, int]] = []  # (tag, serial)
        self._marks: dict[int, tuple[str | None, str | None]] = {}  # serial -> (lang, translate) declared
        self._navigation: set[int] = set()  # serials of <nav> and role="navigation" elements
        self._aria_hidden: set[int] = set()  # serials of elements with aria-hidden="true"
        self._serial = 0
        self._skip = 0  # depth inside script/style/...
        self._hidden: tuple[str, int] | None = None  # (tag, depth) of an element a browser does not show
        self._title: list[str] | None = None
        self._current: Block | None = None
        self._pending_waiver: tuple[str, ...] = ()

    # structure -----------------------------------------------------------------------------
    def _block_tag(self) -> str:
        return next((t for t, _ in reversed(self._stack) if t in BLOCK_TAGS), "body")

    def _flush(self) -> None:
        block, self._current = self._current, None
        if block is None or not block.text:
            return
        # strip the collapsed leading/trailing space, keeping chars and lines in step
        while block.chars and block.chars[-1] == " ":
            block.chars.pop()
            block.lines.pop()
        while block.chars and block.chars[0] == " ":
            block.chars.pop(0)
            block.lines.pop(0)
        block.pieces = [p.strip() for p in "".join(block.chars).split("\x00") if p.strip()]
        block.chars = [" " if c == "\x00" else c for c in block.chars]
        block.waived, self._pending_waiver = self._pending_waiver, ()
        self.blocks.append(block)

    def _in_hidden(self, tag: str, start: bool) -> bool:
        """Whether a tag falls inside a hidden element (counting the element's own nested tags)."""
        if self._hidden is None:
            return False
        name, depth = self._hidden
        if tag == name:
            if start and tag in IMPLIED_END and depth == 1:
                self._hidden = None  # `<p hidden>` left open: the next <p> ends it and is shown
                return False
            depth += 1 if start else -1
            self._hidden = (name, depth) if depth else None
        return True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._in_hidden(tag, True):
            return
        if not self._skip and tag not in VOID_TAGS and _not_shown(attrs):
            if tag in BLOCK_TAGS:
                self._flush()
            self._hidden = (tag, 1)
            return
        if self._skip or tag in SKIP_TAGS:
            self._skip += tag in SKIP_TAGS
            return
        self._head_meta(tag, attrs)
        if tag == "title":
            self._title = []
            return
        if tag == "br":
            self._text("\x00", self.getpos()[0])
            return
        if tag in BLOCK_TAGS:
            self._flush()
            if tag in ("p", "li", "dt", "dd") and self._stack and self._stack[-1][0] == tag:
                self._stack.pop()  # an unclosed <p>/<li> ends where the next one starts
        if tag not in VOID_TAGS:
            self._serial += 1
            self._stack.append((tag, self._serial))
            a = {k.lower(): (v or "").strip().lower() for k, v in attrs if k.lower() in ("lang", "translate")}
            if a and tag in BLOCK_TAGS and tag != "html":  # <html lang> is the page's own language
                self._marks[self._serial] = (a.get("lang") or None, a.get("translate") or None)
            if tag == "nav" or any(
                k.lower() == "role" and (v or "").strip().lower() == "navigation" for k, v in attrs
            ):
                self._navigation.add(self._serial)
            if any(k.lower() == "aria-hidden" and (v or "").strip().lower() == "true" for k, v in attrs):
                self._aria_hidden.add(self._serial)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip or self._hidden is not None:
            return
        self._head_meta(tag, attrs)
        if tag == "br":
            self._text("\x00", self.getpos()[0])
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._in_hidden(tag, False):
            return
        if self._skip:
            self._skip -= tag in SKIP_TAGS
            return
        if tag == "title" and self._title is not None:
            self.info.title = self.info.title or _SPACE.sub(" ", "".join(self._title)).strip() or None
            self._title = None
            return
        if tag in BLOCK_TAGS:
            self._flush()
        if any(t == tag for t, _ in self._stack):
            while self._stack:
                if self._stack.pop()[0] == tag:
                    break

    # content -------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self._skip or self._hidden is not None:
            return
        if self._title is not None:
            self._title.append(data)
            return
        self._text(data, self.getpos()[0])

    def _text(self, data: str, line: int) -> None:
        if self._current is None:
            if not data.strip() or data == "\x00":
                return
            tag = self._block_tag()
            lang, translate = self._declared()
            ancestors = tuple(s for _, s in self._stack)
            navigation = not self._navigation.isdisjoint(ancestors)
            self._current = Block(
                tag,
                _kind(tag),
                ancestors,
                lang=lang,
                translate=translate,
                navigation=navigation,
                aria_hidden=not self._aria_hidden.isdisjoint(ancestors),
            )
        block = self._current
        for ch in data:
            if ch == "\x00":
                block.chars.append("\x00")
                block.lines.append(line)
            elif ch.isspace():
                if block.chars and block.chars[-1] not in (" ", "\x00"):
                    block.chars.append(" ")
                    block.lines.append(line)
                if ch == "\n":
                    line += 1
            else:
                block.chars.append(ch)
                block.lines.append(line)

    def _declared(self) -> tuple[str | None, bool]:
        """The nearest declared `lang` and `translate` of the open elements."""
        marks = [self._marks[s] for _, s in reversed(self._stack) if s in self._marks]
        lang = next((m[0] for m in marks if m[0]), None)
        translate = next((m[1] for m in marks if m[1] in ("yes", "no")), "yes")
        return lang, translate != "no"

    def handle_comment(self, data: str) -> None:
        m = _WAIVER.match(data)
        if m and not self._skip:
            self._flush()
            names = tuple(n for n in re.split(r"[,\s]+", m.group(1).strip()) if n)
            self._pending_waiver = names or ("*",)

    def _head_meta(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang") and self.info.lang is None:
            self.info.lang = a["lang"].strip()
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("http-equiv") or "").lower()
            value = _SPACE.sub(" ", a.get("content", "")).strip()
            if key == "og:title" and value:
                self.info.title = value
            elif key in ("description", "og:description") and value and not self.info.description:
                self.info.description = value
            elif key == "content-language" and value and self.info.lang is None:
                self.info.lang = value.split(",")[0].strip()

    def close(self) -> None:
        super().close()
        self._flush()


def walk(html: str) -> tuple[list[Block], PageInfo]:
    walker = BlockWalker()
    walker.feed(html)
    walker.close()
    return walker.blocks, walker.info
