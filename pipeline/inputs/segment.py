"""Split paragraphs into sentences with stable ids (`p3.s2`), offsets and line numbers.

Uses sentencex (Wikimedia's maintained rule-based segmenter, ~300 languages), whose
pieces concatenate back to the input, so character offsets are exact.
"""

from __future__ import annotations

import bisect
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


def split_sentences(text: str, lang: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; whitespace around sentences is dropped."""
    from sentencex import segment

    out: list[tuple[int, str]] = []
    pos = 0
    for piece in segment(lang, text):
        stripped = piece.strip()
        start = pos + (len(piece) - len(piece.lstrip()))
        pos += len(piece)
        if stripped and out and stripped.startswith(_CONTINUES):
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
