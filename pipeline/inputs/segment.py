"""Split paragraphs into sentences with stable ids (`p3.s2`), offsets and line numbers.

Uses sentencex (Wikimedia's maintained rule-based segmenter, ~300 languages), whose
pieces concatenate back to the input, so character offsets are exact.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..formats.encoding import readable
from ..records import Document, Paragraph, Segment


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the paragraph text
    line: int  # 1-based input line


# What never starts a sentence: the ordinal indicators of "2.ª", "n.º", "1.º" (Spanish,
# Portuguese, Galician, Catalan), which sentencex splits from their point.
_CONTINUES = ("ª", "º", "°")
# An abbreviation's point that sentencex takes for a sentence end, read from the words around it
# (no list of abbreviations): a "sentence" that is one letter and its point ("M." of "M. Dupont"
# opening a paragraph, a list label "A."), and a point after a lower-case word of one or two
# letters followed by a lower-case word ("p. ex. em", "et s. pour"), where a new sentence would open
# with a capital ("It is big. aaa…" ends at "big."); a word with a capital inside ("iPhone") may open one.
_LONE_INITIAL = re.compile(r"\w\.", re.UNICODE)
_SHORT_WORD_POINT = re.compile(r"(?:^|[\s(])[^\W\d_]{1,2}\.$", re.UNICODE)
_LOWER_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _goes_on(before: str, after: str) -> bool:
    """Is `after` the same sentence as `before`, which sentencex ended at an abbreviation's point?"""
    if after.startswith(_CONTINUES) or _LONE_INITIAL.fullmatch(before):
        return True
    word = _LOWER_WORD.match(after)
    return bool(word and word.group().islower() and _SHORT_WORD_POINT.search(before) and before[-2].islower())


def split_sentences(text: str, lang: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; whitespace around sentences is dropped."""
    from sentencex import segment

    out: list[tuple[int, str]] = []
    pos = 0
    for piece in segment(lang, text):
        stripped = piece.strip()
        start = pos + (len(piece) - len(piece.lstrip()))
        pos += len(piece)
        if stripped and out and _goes_on(out[-1][1], stripped):
            off = out[-1][0]
            out[-1] = (off, text[off : start + len(stripped)])  # the sentence goes on
        elif stripped:
            out.append((start, stripped))
    return out


def line_of(paragraph: Paragraph, offset: int) -> int:
    return paragraph.line + bisect.bisect_right(paragraph.line_offsets, offset)


def paragraph_sentences(paragraph: Paragraph, lang: str) -> list[Sentence]:
    """The sentences of a paragraph as a reader reads them (`readable`: composed, no soft hyphens)."""
    return [
        Sentence(readable(s), off, line_of(paragraph, off))
        for off, s in split_sentences(paragraph.text, lang)
    ]


def segment_document(doc: Document, doc_index: int) -> list[Segment]:
    segments: list[Segment] = []
    for para in doc.paragraphs:
        for n, sent in enumerate(paragraph_sentences(para, doc.lang), start=1):
            segments.append(
                Segment(
                    id=f"p{para.index}.s{n}",
                    document=doc_index,
                    paragraph=para.index,
                    sentence=n,
                    line=sent.line,
                    text=sent.text,
                    waived=para.waived,
                )
            )
    return segments
