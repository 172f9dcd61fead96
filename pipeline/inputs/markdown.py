"""Markdown as a reader sees it: its paragraphs, headings and list items, with lines.

Front matter, fenced and indented code blocks, HTML comments and what a browser does not show of
the HTML inside (a <script>, an element marked hidden) are skipped; headings, list items, block
quotes and table rows become paragraphs of their own, and inline markup is reduced to its text.
An HTML comment `<!-- driftcheck: ignore [check, ...] -->` waives checks for the next paragraph.
"""

from __future__ import annotations

import html
import re

from ..formats.html_blocks import NOT_SHOWN, SKIP_TAGS
from ..records import Paragraph

_WAIVER = re.compile(r"<!--\s*driftcheck:\s*ignore\b([^>]*?)-->", re.I)
# a fenced code block or an inline code span (kept), else a <script> or <style> block or an HTML
# comment (dropped, its lines kept as blank ones); inside a line too, what a browser does not show
# of the Markdown's HTML, as in an HTML page (formats/html_blocks.py): the content of <script>,
# <noscript>, <template>... and of an element marked `hidden` or styled `display: none`
_COMMENT = re.compile(
    r"(?P<fence>^ {0,3}(?P<run>`{3,}|~{3,}).*?(?:^ {0,3}(?P=run)|\Z))"
    r"|(?P<code>(?P<ticks>`+)(?:(?!\n[ \t]*\n)[^`])+?(?P=ticks)(?!`))"
    r"|^ {0,3}<(?P<hidden>script|style)\b.*?(?:</(?P=hidden)\s*>|\Z)"
    rf"|<(?P<skip>{'|'.join(sorted(SKIP_TAGS))})\b[^>]*>.*?</(?P=skip)\s*>"
    rf"|<(?P<unseen>[A-Za-z][A-Za-z0-9-]*)\b(?=[^>]*?(?:\shidden(?=[\s>/=])|{NOT_SHOWN.pattern}))[^>]*>.*?</(?P=unseen)\s*>"
    r"|<!--.*?-->",
    re.S | re.M | re.I,
)
_GONE = "\ue002"  # where an element a browser does not show stood inside a line
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_LIST = re.compile(r"^ {0,3}([-*+]|\d{1,9}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^ {0,3}(?:>\s?)+")  # nested quotes: every marker
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HR = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_TABLE_RULE = re.compile(
    r"^\s*(?:\|\s*)?:?-{3,}"
)  # one run of spaces each side of the bar: no backtracking between them
_URL = r"\((?:[^()]|\([^()]*\))*\)"  # a link's destination: one level of parentheses inside
_IMAGE = re.compile(r"!\[([^\]]*)\]" + _URL)
_LINK = re.compile(r"\[([^\]]+)\]" + _URL + r"|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(
    r"<((?:https?|ftp)://[^\s<>]+|[^\s<>@:]+@[^\s<>@]+\.[A-Za-z]{2,})>"
)  # shown as the URL
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\](?::\s*)?")  # a footnote's marker, and its definition's label
_LINK_DEF = re.compile(r" {0,3}\[(?!\^)([^\]]+)\]:\s*\S+(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*$")
# `[label]` alone: a link when the document defines the label (CommonMark's shortcut reference)
_SHORTCUT = re.compile(r"(?<![\]\\!])\[([^\[\]]+)\](?![\[(:])")
# `*` may emphasise inside a word, `_` may not (CommonMark): max_retry_count stays as it is
_EMPH = re.compile(r"(?<!\\)(\*\*|\*|~~)(?=\S)(.+?)(?<=\S)\1|(?<![\w\\])(__|_)(?=\S)(.+?)(?<=\S)\3(?!\w)")
_CODE = re.compile(r"`([^`]+)`")
_HELD = re.compile("\ue000(\\d+)\ue001")  # a code span held out of the other rules
_BREAK = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
# HTML block elements inside Markdown: a boundary between paragraphs ("<summary>More info</summary>
# Hidden details" is two), where other tags go without a trace ("<b>bold</b>")
_BLOCK_TAG = re.compile(
    r"</?(?:address|article|aside|blockquote|caption|details|dd|div|dl|dt|figcaption|figure|footer"
    r"|h[1-6]|header|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>",
    re.I,
)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash escapes ASCII punctuation only


def paragraph(index: int, lines: list[tuple[int, str]], kind: str, waived: tuple[str, ...]) -> Paragraph:
    text, offsets = "", []
    for n, (_, line) in enumerate(lines):
        if n:
            text += " "
            offsets.append(len(text))
        text += line.strip()
    return Paragraph(index, text, lines[0][0], kind, tuple(offsets), waived)


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def strip_inline(line: str, labels: frozenset[str] = frozenset()) -> str:
    """A Markdown line as it reads: links and images as their text (`[label]` alone where the
    document defines `label`), emphasis, tags and escapes gone, entities decoded; the text of code
    spans exactly as written."""
    codes: list[str] = []

    def hold(m: re.Match[str]) -> str:
        codes.append(m.group(1))
        return f"\ue000{len(codes) - 1}\ue001"

    line = _CODE.sub(hold, line) if "`" in line else line
    line = _AUTOLINK.sub(lambda m: m.group(1), line)
    line = _IMAGE.sub(lambda m: m.group(1), line)
    line = _LINK.sub(lambda m: m.group(1) or m.group(2), line)
    if labels and "[" in line:
        line = _SHORTCUT.sub(lambda m: m.group(1) if _label(m.group(1)) in labels else m.group(0), line)
    line = _FOOTNOTE.sub("", line) if "[^" in line else line
    for _ in range(2):
        line = _EMPH.sub(lambda m: m.group(2) or m.group(4), line)
    line = _TAG.sub("", _BREAK.sub(" ", line))
    line = _ESCAPED.sub(lambda m: m.group(1), line) if "\\" in line else line
    line = html.unescape(line) if "&" in line else line
    return _HELD.sub(lambda m: codes[int(m.group(1))], line) if codes else line


def _front_matter_end(lines: list[str]) -> int:
    if lines and lines[0].strip() in ("---", "+++"):
        fence = lines[0].strip()
        for i in range(1, len(lines)):
            if lines[i].strip() in (fence, "..."):
                return i + 1
    return 0


class _Blocks:
    """Markdown paragraphs as the lines come: the open block, its kind and the waivers for it."""

    def __init__(self) -> None:
        self.paras: list[Paragraph] = []
        self.block: list[tuple[int, str]] = []
        self.kind = "text"
        self.quoted = False  # the block is a block quote's paragraph (it began with a `>` line)
        self.waiver: tuple[str, ...] = ()  # from a waiver on a line of its own: the next paragraph
        self.inline: tuple[str, ...] = ()  # from a waiver beside text: the paragraph of that text

    def flush(self) -> None:
        if self.block:
            self.paras.append(
                paragraph(len(self.paras) + 1, self.block, self.kind, self.waiver + self.inline)
            )
            self.waiver = ()
        self.block, self.kind, self.quoted, self.inline = [], "text", False, ()

    def add(self, lineno: int, line: str, quoted: bool, waiver: tuple[str, ...] | None) -> None:
        """A line's text (inline markup already reduced) to the open block."""
        if line.strip():
            self.quoted = self.quoted if self.block else quoted
            self.block.append((lineno, line))
            self.inline = waiver or self.inline


def _line_waiver(raw: str) -> tuple[str, tuple[str, ...] | None]:
    """The line without its waiver comment, and the checks the waiver names (None: no waiver)."""
    w = _WAIVER.search(raw)
    if not w:
        return raw, None
    names = tuple(n.strip() for n in re.split(r"[,\s]+", w.group(1)) if n.strip())
    left, right = raw[: w.start()], raw[w.end() :]
    if left.endswith((" ", "\t")):
        right = right.lstrip(" \t")  # one space where the comment stood between two words
    return left + right, names or ("*",)


def _closes(raw: str, fence: str) -> bool:
    """A closing fence: the opening's character, at least as many, nothing after them."""
    return re.match(rf" {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$", raw) is not None


def _shown(text: str) -> str:
    """The Markdown without comments and what a browser does not show (line count kept)."""
    kept = _COMMENT.sub(_keep_waiver, text)
    if _GONE in kept:  # an element left out inside a line: one space where it stood between two
        kept = kept.replace(f" {_GONE} ", " ").replace(_GONE, "")
    return kept


def parse_markdown(text: str) -> list[Paragraph]:
    lines = _shown(text).split("\n")
    labels = frozenset(_label(m.group(1)) for m in map(_LINK_DEF.match, lines) if m)
    rows = _table_rows(lines)
    b = _Blocks()
    fence: str | None = None
    in_list = False  # an indented line after a list item's blank line continues the item, not code
    for i in range(_front_matter_end(lines), len(lines)):
        raw, lineno = lines[i], i + 1
        if fence is not None:
            fence = None if _closes(raw, fence) else fence
            continue
        m = _FENCE.match(raw)
        if m:
            b.flush()
            fence = m.group(1)
            continue
        raw, waiver = _line_waiver(raw)
        if waiver is not None and not raw.strip():
            b.flush()
            b.waiver = waiver
            continue
        if not raw.strip() or _HR.match(raw) or _TABLE_RULE.match(raw):
            b.flush()
            continue
        if not b.block and _LINK_DEF.match(raw):
            continue  # a link reference definition: its URL is no text
        if i in rows:  # a table row is a paragraph of its own, its cells apart (they were one "sentence")
            b.flush()
            b.add(lineno, strip_inline("   ".join(_cells(raw)), labels), False, waiver)
            b.flush()
            continue
        indented = raw.startswith(("    ", "\t"))
        in_list = bool(_LIST.match(raw)) or (in_list and (indented or bool(b.block)))
        if indented and not b.block and not in_list:
            continue  # indented code block
        raw = raw.lstrip(" \t") if in_list and indented else raw  # a nested item or paragraph
        if _SETEXT.match(raw) and b.block:
            b.kind = "heading"
            b.flush()
            continue
        start = _HEADING.match(raw) or _LIST.match(raw)
        if start:
            b.flush()
            b.kind = "heading" if start.re is _HEADING else "list-item"
            b.block, b.inline = [(lineno, strip_inline(_inner(start.group(2)), labels))], waiver or ()
            if b.kind == "heading":
                b.flush()
            continue
        quote = _QUOTE.match(raw)
        if quote and b.block and (not b.quoted or not raw[quote.end() :].strip()):
            b.flush()  # a block quote interrupts a paragraph or a list item; a bare `>` ends its paragraph
        line = _inner(raw[quote.end() :]) if quote else raw
        for k, part in enumerate(_BLOCK_TAG.split(line)):
            if k:
                b.flush()  # a block element's tag ends the paragraph before it
            b.add(lineno, strip_inline(part, labels), bool(quote), waiver)
    b.flush()
    return [p for p in b.paras if p.text.strip()]


def _inner(text: str) -> str:
    """The text inside markers nested on one line: a quote in a list item (`- > The dog eats.`), a
    list item in a quote (`> - item`), an item in an item (`- - item`), a heading in an item (they
    were left in the sentence: "> The dog eats.")."""
    while True:
        quote = _QUOTE.match(text)
        inner = text[quote.end() :] if quote and quote.end() else None
        start = _LIST.match(text) or _HEADING.match(text)
        if inner is None and start:
            inner = start.group(2)
        if inner is None or inner == text:
            return text
        text = inner


def _table_rows(lines: list[str]) -> set[int]:
    """Indices of the lines of Markdown tables: the header row above a delimiter row (`|---|---|`,
    `--- | ---`) and the rows with a `|` below it, up to a blank line."""
    rows: set[int] = set()
    for i, line in enumerate(lines):
        if i and _TABLE_RULE.match(line) and "|" in line and "|" in lines[i - 1]:
            rows.add(i - 1)
            k = i + 1
            while k < len(lines) and lines[k].strip() and "|" in lines[k]:
                rows.add(k)
                k += 1
    return rows


def _cells(row: str) -> list[str]:
    """The cells of a table row (`| a | b |` or `a | b`), an escaped `\\|` kept inside its cell."""
    cells = re.split(r"(?<!\\)\|", row.strip())
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return [c.strip() for c in cells if c.strip()]


def _keep_waiver(m: re.Match[str]) -> str:
    """Drop an HTML comment but keep its line count (and a waiver, where it was); a fenced code
    block or an inline code span is kept whole (a `<!--` in code opens no comment); a <script> or
    <style> block goes like a comment."""
    if m.group("code") or m.group("fence"):
        return m.group(0)
    if (m.group("skip") or m.group("unseen")) and "\n" not in m.group(0):
        return _GONE
    comment = m.group(0)
    w = _WAIVER.search(comment)
    keep = w.group(0) if w else ""
    return keep + "\n" * comment.count("\n")
