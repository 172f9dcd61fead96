"""What the translation-unit readers (po.py, xliff.py, tmx.py) and bilingual inputs share: the
file they hand back, the options they read with, and how one unit becomes a Segment."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Segment
from .encoding import readable


@dataclass
class UnitFile:
    """What a PO, XLIFF or TMX file holds: segments to check, its languages, and what was left out."""

    fmt: str
    segments: list[Segment]
    source_lang: str | None = None  # as declared by the file (normalised later)
    target_lang: str | None = None
    counts: dict[str, int] = field(default_factory=dict)  # units, checked, fuzzy, untranslated, ...
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReadOptions:
    """What a unit reader needs from the run: languages the user chose, and which units to take."""

    lang: str | None = None  # --lang, when given (TMX: which language is the translation)
    source_lang: str | None = None  # --source-lang, when given
    unapproved_only: bool = False


def unit_segment(
    seg_id: str,
    doc: int,
    n: int,
    line: int,
    source: str,
    target: str,
    source_line: int,
    meta: list[tuple[str, str]],
    markup: str,
) -> Segment:
    return Segment(
        id=seg_id,
        document=doc,
        paragraph=n,
        sentence=1,
        line=line,
        text=" ".join(readable(target).split()),
        source=" ".join(readable(source).split()),
        source_line=source_line,
        meta=tuple(meta),
        markup=markup,
    )
