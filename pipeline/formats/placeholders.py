"""Placeholders and inline markup: the parts of a string that must survive translation unchanged.

A unit read from a PO, XLIFF or TMX file names the syntaxes its strings use (`markup`,
comma-separated): `c` (printf: %s, %1$d), `python` (%s, %(name)s), `python-brace` ({0},
{name}, {}), `qt` (%1), `sh` ($VAR), `auto` (what an unflagged gettext entry most likely
means: %s, %(name)s, %1$s, {0}, {name}), `html` (tags of known HTML elements) and `xml`
(XLIFF/TMX inline codes, which the readers write in one canonical form: <g id="1">, </g>,
<x id="2"/>, <ph id="3"/>, <bpt id="4"/> ...) and `omegat` (OmegaT's <b0>, </b0>, <x1/>).

They are compared as facts (a missing, extra or altered placeholder is `critical`; unnamed
printf arguments must also keep their order) and masked out of what the engine and the other
checks see, so an engine cannot mangle them and a `%s` is not mistaken for a word; spans the
other checks report on the masked text are mapped back onto the real one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..records import Flag, Segment, Severity, Span
from .notes import note_spans

_PRINTF_BODY = r"(?:\d+\$)?[-+ #0']*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcsSpn]"
_AUTO_BODY = r"(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?(?:l|ll|h|z)?[sdiufxXeEgGcr]"
HTML_ELEMENTS = frozenset(
    "a abbr acronym b big blockquote br button caption center cite code dd del dfn div dl dt em "
    "font h1 h2 h3 h4 h5 h6 hr i img input ins kbd label li mark nobr ol p pre q s samp small span "
    "strike strong sub sup table tbody td th thead time tr tt u ul var wbr".split()
)
# XLIFF 2 <em/> (an annotation's end) is always empty: an <em> with content is HTML's, a code to compare
XML_CODES = "g|x|bx|ex|ph|bpt|ept|it|ut|pc|sc|ec|hi|sub|mrk|sm|em(?=[^<>]*/>)"
_ANNOTATION_XML = {"mrk", "sm", "em"}  # annotations, not codes: masked, never required

_AUTO_NAMED = r"%\([A-Za-z_]\w*\)[-+#0]*\d*(?:\.\d+)?[sdiufxXeEgGcr]"
GRAMMARS: dict[str, str] = {
    "c": r"%%|%" + _PRINTF_BODY,
    "python": r"%%|%\([^)\s]+\)[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa]|%" + _PRINTF_BODY,
    "python-brace": r"\{\{|\}\}|\{(?:\d+|[A-Za-z_][\w.]*(?:\[[^\]{}]*\])?)?(?:![rsa])?(?::[^{}]*)?\}",
    "qt": r"%L?\d{1,2}|%n",
    "sh": r"\$(?:\{[A-Za-z_]\w*\}|[A-Za-z_]\w*)",
    # after a digit "%" is a percentage ("50%de" is a typo, not "%d")
    "auto": r"%%|" + _AUTO_NAMED + r"|(?<!\d)%" + _AUTO_BODY + r"|\{(?:\d+|[A-Za-z_]\w*)\}",
    "html": r"</?[A-Za-z][A-Za-z0-9]*(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>",
    "omegat": r"</?[a-z]\d{1,3}/?>",  # OmegaT's short tags in plain-text memories: <b0>, </b0>, <x1/>
    # terminal escape sequences (colours, bold: "\033[1;31m"), as the character or as a catalogue
    # writes it (\033, \x1b, \e, \u001b): a code around text, whose digits are no numbers
    "ansi": r"(?:\x1b|\\(?:033|x1[bB]|e|u001[bB]))\[(?P<csi>[0-?]*[ -/]*[@-~])",
    "xml": rf"<(?P<xclose>/)?(?P<xname>{XML_CODES})(?: (?:id|i|x|startRef)=\"(?P<xid>[^\"]*)\")?(?P<xempty>/)?>",
}
COMPILED = {name: re.compile(rx) for name, rx in GRAMMARS.items()}
ESCAPES = {"%%": "%", "{{": "{", "}}": "}"}
# What a value placeholder (%s, {name}, <x/>, <ph/>) becomes in the engine's input: a made-up
# acronym that every engine copies and every check reads as a word, so "coincidir con %s."
# stays a whole sentence ("coincidir con ZXQ.") instead of a cut-off one ("coincidir con.").
# Tags around text (<b>…</b>, <g>…</g>, <bpt/>…<ept/>) simply go.
MASK_TOKEN = "ZXQ"
_VALUE_XML = {"x", "ph", "it", "ut"}


@dataclass(frozen=True)
class Code:
    key: str | None  # what must match on the other side; None: masked but never compared
    start: int
    end: int
    ordered: bool = False  # unnamed printf/brace arguments: their order matters
    keep: str = ""  # what stays in the masked text: "%" for "%%", MASK_TOKEN for a value placeholder
    numeric: bool = False  # a number conversion: a singular plural form may omit it


def _html_key(token: str) -> str | None:
    m = re.match(r"<(/?)([A-Za-z][A-Za-z0-9]*)", token)
    if not m or m.group(2).lower() not in HTML_ELEMENTS:
        return None
    return f"<{m.group(1)}{m.group(2).lower()}>"


def _xml_code(m: re.Match[str]) -> Code:
    name, xid = m.group("xname"), m.group("xid")
    if name in _ANNOTATION_XML:
        return Code(None, m.start(), m.end())
    if m.group("xclose"):
        return Code(f"</{name}>", m.start(), m.end())
    key = f"<{name}{' ' + xid if xid else ''}{'/' if m.group('xempty') else ''}>"
    return Code(key, m.start(), m.end(), keep=MASK_TOKEN if name in _VALUE_XML else "")


def _code(grammar: str, m: re.Match[str]) -> Code | None:
    token = m.group(0)
    if token in ESCAPES:
        return Code(None, m.start(), m.end(), keep=ESCAPES[token])
    if grammar == "xml":
        return _xml_code(m)
    if grammar == "html":
        key = _html_key(token)
        return Code(key, m.start(), m.end()) if key else None
    if grammar == "ansi":
        return Code(f"ESC[{m.group('csi')}", m.start(), m.end())  # one key however the escape is spelt
    if grammar == "omegat":
        return Code(token, m.start(), m.end(), keep=MASK_TOKEN if token.endswith("/>") else "")
    named = (
        grammar in ("qt", "sh") or "(" in token or "$" in token or (token.startswith("{") and token != "{}")
    )
    numeric = token[-1] in "diuxXn" or token[1:-1].isdigit()
    return Code(token, m.start(), m.end(), ordered=not named, keep=MASK_TOKEN, numeric=numeric)


_PATTERNS: dict[str, tuple[list[str], re.Pattern[str]] | None] = {}


def _pattern(markup: str) -> tuple[list[str], re.Pattern[str]] | None:
    if markup not in _PATTERNS:
        names = [g for g in dict.fromkeys(markup.split(",")) if g in GRAMMARS]
        names.sort(key=lambda g: ("xml", "html", "omegat").index(g) if g in ("xml", "html", "omegat") else 3)
        alternatives = "|".join(f"(?:{GRAMMARS[g]})" for g in names)
        _PATTERNS[markup] = (names, re.compile(alternatives)) if names else None
    return _PATTERNS[markup]


_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)


def find_codes(text: str, markup: str) -> list[Code]:
    """Every placeholder of the given syntaxes in `text`, in order; tags of unknown elements are text."""
    compiled = _pattern(markup) if markup and text else None
    if compiled is None:
        return []
    names, pattern = compiled
    codes: list[Code] = []
    urls = [u.span() for u in _URL.finditer(text)] if "auto" in names else []
    for m in pattern.finditer(text):
        if any(a <= m.start() < b for a, b in urls):
            continue  # a URL's percent-encoding ("a%2fb"), read only by the `auto` guess
        for name in names:  # which syntax matched: the first whose own pattern matches the token
            sub = COMPILED[name].fullmatch(m.group(0))
            if sub is not None:
                code = _code(name, sub)
                if code is not None:
                    codes.append(replace(code, start=m.start(), end=m.end()))
                break
    return codes


@dataclass(frozen=True)
class Masked:
    text: str
    origin: tuple[int, ...]  # origin[i]: index in the raw text of masked character i


def masked_codes(text: str, markup: str) -> list[Code]:
    """What `mask` takes out: the placeholders of the syntaxes, and translator's notes (notes.py),
    which are masked but never compared (a placeholder inside a note goes with it)."""
    notes = [Code(None, start, end) for start, end in note_spans(text)]
    codes = [c for c in find_codes(text, markup) if not any(n.start <= c.start < n.end for n in notes)]
    return sorted(codes + notes, key=lambda c: c.start)


def mask(text: str, markup: str) -> Masked:
    """`text` without its placeholders and translator's notes, whitespace closed up; each character
    keeps its raw position."""
    codes = masked_codes(text, markup)
    if not codes:
        return Masked(text, tuple(range(len(text))))
    chars: list[str] = []
    origin: list[int] = []
    pos = 0
    for code in [*codes, Code(None, len(text), len(text))]:
        for i in range(pos, code.start):
            ch = " " if text[i].isspace() else text[i]
            if ch == " " and (not chars or chars[-1] == " "):
                continue
            if ch in ",.;:!?)" and chars and chars[-1] == " " and pos == i and i > 0:
                chars.pop()  # "Saved %s." -> "Saved." rather than "Saved ."
                origin.pop()
            chars.append(ch)
            origin.append(i)
        token = code.keep == MASK_TOKEN
        if token and chars and chars[-1].isalnum():
            chars.append(" ")  # "x%s" -> "x ZXQ", never "xZXQ"
            origin.append(code.start)
        for k, ch in enumerate(code.keep):
            chars.append(ch)
            origin.append(min(code.start + k, code.end - 1))
        if token and text[code.end : code.end + 1].isalnum():
            chars.append(" ")
            origin.append(code.end - 1)
        pos = code.end
    while chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return Masked("".join(chars), tuple(origin))


def _quote(text: str, code: Code) -> str:
    return f"\u201c{text[code.start : code.end]}\u201d"


def _unmatched(codes: list[Code], other: list[Code]) -> list[Code]:
    pool = Counter(c.key for c in other)
    out: list[Code] = []
    for c in codes:
        if pool[c.key] > 0:
            pool[c.key] -= 1
        else:
            out.append(c)
    return out


def _family(code: Code) -> str:
    return (code.key or " ")[0]


@dataclass(frozen=True)
class Mismatch:
    """A placeholder missing from, added to, altered in or reordered in the translation; the
    placeholders check (checks/placeholders.py) turns each into a flag of its own name."""

    severity: Severity
    message: str
    spans: tuple[Span, ...]


def _lone_percents(text: str, markup: str) -> list[int]:
    """Offsets of a `%` no printf directive (nor `%%`) accounts for, in a printf-format string:
    msgfmt refuses the file ("ends in the middle of a directive"), a printf prints garbage."""
    if not {"c", "python"} & set(markup.split(",")) or "%" not in text:
        return []
    covered = {i for c in find_codes(text, markup) for i in range(c.start, c.end)}
    return [i for i, ch in enumerate(text) if ch == "%" and i not in covered]


def compare(source: str, target: str, markup: str, plural: bool = False) -> list[Mismatch]:
    """Placeholders missing from, added to, altered in or reordered in the translation, and a
    printf directive the translation broke ("%d%%" written "%d%")."""
    lone = _lone_percents(target, markup)
    broken = (
        [
            Mismatch(
                "critical",
                "a lone \u201c%\u201d in the translation is no printf directive (a percent sign is \u201c%%\u201d)",
                tuple(Span("text", i, i + 1) for i in lone),
            )
        ]
        if len(lone) > len(_lone_percents(source, markup))
        else []
    )
    return broken + _compare_codes(source, target, markup, plural)


_PRINTF = re.compile("%" + _PRINTF_BODY)
_NUMBERED = re.compile(r"%(\d+)\$")


def _by_position(codes: list[Code]) -> list[Code]:
    """printf directives keyed by the argument each prints: "%s" second in its string is "%2$s",
    as "%2$s" is, so a translation may reorder them by number ("%s-%s" / "%2$s de %1$s"; gettext's
    c-format check accepts it, and so does printf)."""
    out, n = [], 0
    for c in codes:
        if c.key is None or not _PRINTF.fullmatch(c.key):
            out.append(c)
            continue
        m = _NUMBERED.match(c.key)
        if m:
            position, body = int(m.group(1)), c.key[m.end() :]
        else:
            n += 1
            position, body = n, c.key[1:]
        out.append(replace(c, key=f"%{position}${body}", ordered=False))
    return out


def _compare_codes(source: str, target: str, markup: str, plural: bool) -> list[Mismatch]:
    src = [c for c in find_codes(source, markup) if c.key is not None]
    tgt = [c for c in find_codes(target, markup) if c.key is not None]
    if not src and not tgt:
        return []
    if any(c.key is not None and _NUMBERED.match(c.key) for c in src + tgt):
        src, tgt = _by_position(src), _by_position(tgt)
    missing, extra = _unmatched(src, tgt), _unmatched(tgt, src)
    found: list[Mismatch] = []
    for a in list(missing):
        b = next((c for c in extra if _family(c) == _family(a)), None)
        if b is None:
            continue
        missing.remove(a)
        extra.remove(b)
        found.append(
            Mismatch(
                "critical",
                f"placeholder {_quote(source, a)} of the source became {_quote(target, b)} in the translation",
                (Span("source", a.start, a.end), Span("text", b.start, b.end)),
            )
        )
    for a in missing:
        minor = plural and a.numeric
        note = " (a plural form for a single number may leave it out)" if minor else ""
        found.append(
            Mismatch(
                "minor" if minor else "critical",
                f"placeholder {_quote(source, a)} of the source is missing from the translation{note}",
                (Span("source", a.start, a.end),),
            )
        )
    for b in extra:
        # a plural form may show the count its singular source leaves out: French and Russian
        # msgstr[0] covers 0, 21, 31... as well as 1, and gettext's own check accepts "%d" there
        minor = plural and b.numeric
        note = " (a plural form may show the number its singular source leaves out)" if minor else ""
        found.append(
            Mismatch(
                "minor" if minor else "critical",
                f"placeholder {_quote(target, b)} in the translation is not in the source{note}",
                (Span("text", b.start, b.end),),
            )
        )
    return found or _order_mismatch(source, target, src, tgt)


def _order_mismatch(source: str, target: str, src: list[Code], tgt: list[Code]) -> list[Mismatch]:
    a = [c for c in src if c.ordered]
    b = [c for c in tgt if c.ordered]
    if [c.key for c in a] == [c.key for c in b] or len({c.key for c in a}) < 2:
        return []
    return [
        Mismatch(
            "critical",
            f"unnamed placeholders changed order: {' '.join(_quote(source, c) for c in a)} in the source, "
            f"{' '.join(_quote(target, c) for c in b)} in the translation (positional ones such as %1$s may move)",
            tuple(Span("text", c.start, c.end) for c in b),
        )
    ]


@dataclass(frozen=True)
class UnitView:
    """What the engine and the checks see of a segment: masked texts, and how to map spans back."""

    source: str
    text: str
    options: dict[str, object]
    checkable: bool  # False when the source is nothing but placeholders: only they are compared
    src_origin: tuple[int, ...] = ()
    text_origin: tuple[int, ...] = ()

    def remap(self, flags: list[Flag]) -> list[Flag]:
        """Spans on the masked texts, moved onto the real ones (the placeholder check's own stay)."""
        if not self.options and not self.src_origin and not self.text_origin:
            return flags  # nothing was masked
        return [
            f if f.check == "placeholders" else replace(f, spans=tuple(self._span(s) for s in f.spans))
            for f in flags
            if not self.options  # translator's notes only: no placeholder check to speak
            or f.check == "placeholders"
            or MASK_TOKEN.casefold() not in f.message.casefold()  # the placeholder check speaks for those
        ]

    def _span(self, span: Span) -> Span:
        origin = (
            self.src_origin if span.field == "source" else self.text_origin if span.field == "text" else ()
        )
        if not origin:
            return span
        start = origin[min(span.start, len(origin) - 1)]
        end = origin[min(span.end, len(origin)) - 1] + 1 if span.end > span.start else start
        return replace(span, start=start, end=max(start, end))


def unit_view(seg: Segment) -> UnitView:
    """Masked texts for a segment with placeholders or translator's notes; the segment's own texts
    otherwise."""
    if not seg.markup and not note_spans(seg.source or "") and not note_spans(seg.text):
        return UnitView(seg.source or "", seg.text, {}, True)
    src, txt = mask(seg.source or "", seg.markup), mask(seg.text, seg.markup)
    if not seg.markup:  # translator's notes only
        return UnitView(src.text, txt.text, {}, True, src.origin, txt.origin)
    plural = any(k == "plural" for k, _ in seg.meta)
    options: dict[str, object] = {
        "placeholders": {
            "source": seg.source or "",
            "target": seg.text,
            "markup": seg.markup,
            "plural": plural,
        }
    }
    words = src.text.replace(MASK_TOKEN, "")
    return UnitView(src.text, txt.text, options, any(ch.isalpha() for ch in words), src.origin, txt.origin)
