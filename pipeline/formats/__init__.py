"""Input formats beyond text and Markdown: HTML articles, gettext PO, XLIFF 1.2/2.x and TMX 1.4.

- html.py: an article page becomes a Document (paragraphs, headings, line numbers, waivers);
- po.py, xliff.py, tmx.py: translation units become source-aware Segments with their ids,
  metadata and placeholder syntax (`Segment.markup`);
- placeholders.py: placeholders and inline codes, compared as facts and masked from the engine;
- units.py: what the unit readers share (UnitFile, ReadOptions, unit_segment);
- annotate.py: a copy of each PO/XLIFF with every flagged unit marked for review.

Formats are picked by file suffix.
"""

from __future__ import annotations

from pathlib import Path

from .units import ReadOptions, UnitFile

# suffix -> format
SUFFIXES: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".po": "po",
    ".pot": "po",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".sdlxliff": "xliff",  # Trados Studio (XLIFF 1.2)
    ".mqxliff": "xliff",  # memoQ (XLIFF 1.2)
    ".tmx": "tmx",
}
UNIT_FORMATS = ("po", "xliff", "tmx")  # translation units: source-aware segments
# read when named, not picked up inside directories: .pot templates hold no translations
NOT_BY_DEFAULT = (".xhtml", ".pot")
DEFAULT_INCLUDE = tuple(f"*{suffix}" for suffix in SUFFIXES if suffix not in NOT_BY_DEFAULT)
ANNOTATABLE = ("po", "xliff")  # `--annotate` writes a marked copy of these


def format_of(path: str) -> str | None:
    """ "html", "po", "xliff" or "tmx" by suffix; None for the other formats."""
    return SUFFIXES.get(Path(path).suffix.lower())


def read_units(data: bytes, path: str, fmt: str, doc_index: int, options: ReadOptions) -> UnitFile:
    """Read a PO, XLIFF or TMX file (raises InputError with one line on anything malformed)."""
    if fmt == "po":
        from .po import read_po

        return read_po(data, path, doc_index, options)
    if fmt == "xliff":
        from .xliff import read_xliff

        return read_xliff(data, path, doc_index, options)
    from .tmx import read_tmx

    return read_tmx(data, path, doc_index, options)
