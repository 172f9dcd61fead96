"""Mark flagged XLIFF units for review, changing nothing else in the file.

- XLIFF 1.2: the <target> gets state="needs-review-translation" (approved="yes" on the
  <trans-unit> becomes "no") and a <note from="driftcheck"> follows the target.
- XLIFF 2.x: the <segment> state drops from reviewed/final to translated, and the <unit>'s
  <notes> (created where missing, where the schema puts it) gets <note category="driftcheck">.

The file is edited as text at the byte offsets of those elements (found by a small lexer run
in step with lxml's parse of the same file, element for element), in its own encoding, so
every other byte stays as it was. Notes from an earlier driftcheck run are replaced, and removed
from a unit that now passes; its state stays (approving a unit is the reviewer's, never driftcheck's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from ..errors import InputError
from .xliff import XUnit, xliff_units
from .xmlsafe import local, parse_xml, xml_codec, xml_safe

_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|</(?P<close>[^\s>]+)\s*>"
    r"|<(?P<open>[^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(?P<empty>/?)>",
    re.S,
)


@dataclass
class Span:
    name: str
    start: int  # the start tag
    start_end: int
    end: int  # after the end tag (== start_end for <x/>)
    end_tag: int  # where the end tag begins (== start_end for <x/>)


def element_spans(text: str) -> list[Span]:
    """Every element of a well-formed document, in document order (the order of lxml's iter())."""
    spans: list[Span] = []
    stack: list[Span] = []
    for m in _TOKEN.finditer(text):
        if m.group("open"):
            span = Span(m.group("open"), m.start(), m.end(), m.end(), m.end())
            spans.append(span)
            if not m.group("empty"):
                stack.append(span)
        elif m.group("close"):
            span = stack.pop()
            span.end_tag, span.end = m.start(), m.end()
    return spans


def set_attr(tag: str, name: str, value: str) -> str:
    """A start tag with attribute `name` set to `value` (quote style kept, or added at the end)."""
    m = re.search(rf"(\s{re.escape(name)}\s*=\s*)([\"'])(.*?)\2", tag, re.S)
    if m:
        return tag[: m.start(3)] + value + tag[m.end(3) :]
    cut = len(tag) - (2 if tag.endswith("/>") else 1)
    return f'{tag[:cut].rstrip()} {name}="{value}"{tag[cut:]}'


def _indent(text: str, pos: int) -> str:
    """The line break and indentation right before `pos` ('' when a tag precedes it on its line)."""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i > 0 and text[i - 1] == "\n":
        i -= 1
        if i > 0 and text[i - 1] == "\r":
            i -= 1
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        return text[i:pos]
    return ""


class Editor:
    def __init__(self, text: str, root: Any) -> None:
        self.text = text
        nodes = [el for el in root.iter() if isinstance(el.tag, str)]
        spans = element_spans(text)
        if len(nodes) != len(spans) or any(
            local(n.tag) != s.name.split(":")[-1] for n, s in zip(nodes, spans)
        ):
            raise InputError("cannot locate the XLIFF elements in the file's text to annotate it")
        self._nodes = nodes  # lxml keeps one proxy per element only while it is referenced: id() stays valid
        self.span = {id(n): s for n, s in zip(nodes, spans)}
        self.edits: list[tuple[int, int, str]] = []

    def of(self, el: Any) -> Span:
        return self.span[id(el)]

    def attr(self, el: Any, name: str, value: str) -> None:
        s = self.of(el)
        self.edits.append((s.start, s.start_end, set_attr(self.text[s.start : s.start_end], name, value)))

    def remove(self, el: Any) -> None:
        s = self.of(el)
        ws = _indent(self.text, s.start)
        self.edits.append((s.start - len(ws), s.end, ""))

    def insert(self, pos: int, what: str) -> None:
        self.edits.append((pos, pos, what))

    def result(self) -> str:
        pieces: list[str] = []
        pos = len(self.text)
        for start, end, new in sorted(self.edits, key=lambda e: (e[0], e[1]), reverse=True):
            pieces += [self.text[end:pos], new]
            pos = start
        pieces.append(self.text[:pos])
        return "".join(reversed(pieces))


def _children(el: Any, name: str) -> list[Any]:
    return [c for c in el if local(c.tag) == name]


def _mark_12(ed: Editor, unit: Any, target: Any, note: str) -> None:
    for old in _children(unit, "note"):
        if old.get("from") == "driftcheck":
            ed.remove(old)
    ed.attr(target, "state", "needs-review-translation")
    if unit.get("approved") == "yes":
        ed.attr(unit, "approved", "no")
    t, p = ed.of(target), _prefix(target)
    ed.insert(
        t.end, f'{_indent(ed.text, t.start)}<{p}note from="driftcheck">{escape(xml_safe(note))}</{p}note>'
    )


def _prefix(el: Any) -> str:
    return f"{el.prefix}:" if getattr(el, "prefix", None) else ""


def _mark_2(ed: Editor, unit: Any, segments: list[Any], note: str) -> None:
    for seg in segments:
        if seg.get("state") in ("reviewed", "final"):
            ed.attr(seg, "state", "translated")
    p = _prefix(unit)
    new_note = f'<{p}note category="driftcheck">{escape(xml_safe(note))}</{p}note>'
    notes = _children(unit, "notes")
    if notes:
        box = notes[0]
        for old in _children(box, "note"):
            if old.get("category") == "driftcheck":
                ed.remove(old)
        first = next(iter(box), None)
        indent = _indent(ed.text, ed.of(first).start) if first is not None else ""
        end_tag = ed.of(box).end_tag
        ed.insert(end_tag - len(_indent(ed.text, end_tag)), indent + new_note)
        return
    anchor = next(c for c in unit if local(c.tag) in ("originalData", "segment", "ignorable"))
    start = ed.of(anchor).start
    ed.insert(start, f"<{p}notes>{new_note}</{p}notes>{_indent(ed.text, start)}")


def _own_notes(unit: Any) -> list[Any]:
    """driftcheck's notes of a unit (XLIFF 1.2: from="driftcheck"; 2.x: category="driftcheck")."""
    return [n for n in _children(unit, "note") if n.get("from") == "driftcheck"] + [
        n
        for box in _children(unit, "notes")
        for n in _children(box, "note")
        if n.get("category") == "driftcheck"
    ]


def _unmark(ed: Editor, unit: Any) -> None:
    """A unit that passes now: driftcheck's notes go (a <notes> left empty goes with them)."""
    for box in _children(unit, "notes"):
        if all(n.get("category") == "driftcheck" for n in _children(box, "note")):
            ed.remove(box)
            continue
        for old in _children(box, "note"):
            if old.get("category") == "driftcheck":
                ed.remove(old)
    for old in _children(unit, "note"):
        if old.get("from") == "driftcheck":
            ed.remove(old)


def annotate_xliff(data: bytes, path: str, reasons: dict[str, list[str]]) -> bytes:
    """`data` with every unit whose segment ids are in `reasons` marked and driftcheck's notes of an
    earlier run removed from the others; the bytes as-is if there is nothing to mark or remove."""
    codec = xml_codec(data)
    if not reasons and "driftcheck" not in data.decode(codec, errors="replace"):  # UTF-16 too
        return data
    root = parse_xml(data, path)
    kind, units = xliff_units(root, path)
    flagged: dict[int, list[XUnit]] = {}
    for u in units:
        if u.id in reasons:
            flagged.setdefault(id(u.unit), []).append(u)
    stale = {id(u.unit): u.unit for u in units if id(u.unit) not in flagged and _own_notes(u.unit)}
    if not flagged and not stale:
        return data
    ed = Editor(data.decode(codec), root)
    for unit in stale.values():
        _unmark(ed, unit)
    segments_of: dict[int, int] = {}
    for u in units:
        segments_of[id(u.unit)] = segments_of.get(id(u.unit), 0) + 1
    for key, group in flagged.items():
        # a unit of several segments: the note says which one (it did only when two were flagged)
        lines = [f"{u.id}: {r}" if segments_of[key] > 1 else r for u in group for r in reasons[u.id]]
        note = " | ".join(" ".join(line.split()) for line in lines)
        if kind == "1.2":
            _mark_12(ed, group[0].unit, group[0].element, note)
        else:
            _mark_2(ed, group[0].unit, [u.element for u in group], note)
    return ed.result().encode(codec, errors="xmlcharrefreplace")
