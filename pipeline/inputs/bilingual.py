"""Segment files: JSONL (`source`, `translation`, optional `id`), Parquet (the same columns), TSV
(source<TAB>translation) and CSV (source,translation: RFC 4180 quoting, the csv module's reading),
or the copy alone: JSONL lines with `translation` (or `text`) and no `source`, a one-column table.

Each line is one already-aligned pair (or one sentence of copy) and becomes one Segment. The
input `id` (else the line number) becomes the segment id; other JSONL keys are kept as
metadata. A file holds pairs or copy, not both. An empty translation is a segment (it will be
flagged), never dropped. Copy without a source is checked in round-trip mode.

The fields go by the names data sets and spreadsheet exports give them (`FIELD_NAMES`: `src` and
`target`/`tgt` too). A table's (TSV, CSV) first line is a header when it is made of those names (plus `id`,
and other named columns kept as metadata beside a source and a translation), or of two language
tags that driftcheck names ("es-ES<TAB>en-US": source and translation columns that declare their
languages, as a JSONL row's `src_lang` / `tgt_lang` do); a header row was checked as a pair.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..engines.langs import COMMON
from ..errors import InputError
from ..formats.encoding import whole_characters
from ..formats.languages import normalise
from ..formats.units import unit_segment
from ..records import Segment

BILINGUAL_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".tsv": "tsv",
    ".csv": "csv",
    ".parquet": "parquet",
}
SEGMENT_FORMATS = tuple(dict.fromkeys(BILINGUAL_SUFFIXES.values()))  # jsonl, tsv, csv, parquet
# The names a segment file may give each field (JSONL keys, Parquet columns, a TSV or CSV header),
# the first one present winning.
FIELD_NAMES = {"source": ("source", "src"), "translation": ("translation", "target", "tgt", "text")}
_TAG = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")  # "es", "pt-BR", "en_US": how tags are written
_COLUMN = re.compile(r"[A-Za-z][\w .()/#&-]{0,39}")  # a name a header may give a column of metadata


def bilingual_format(path: str) -> str | None:
    return BILINGUAL_SUFFIXES.get(Path(path).suffix.lower())


def _is_tag(value: object) -> bool:
    return isinstance(value, str) and _TAG.fullmatch(value) is not None


def _field(obj: dict[str, object], field: str, where: str) -> str | None:
    """The key a JSONL row gives a field (`FIELD_NAMES`), if any. A later name that holds text too
    is refused, as a table's header that names a field twice is (the first one won, silently);
    one that holds a language tag ("target": "en-GB", "src": "es") is metadata."""
    said = [n for n in FIELD_NAMES[field] if n in obj]
    said = said[:1] + [n for n in said[1:] if not _is_tag(obj[n])]
    if len(said) > 1:
        names = ", ".join(repr(n) for n in said[:-1]) + f" and {said[-1]!r}"
        raise InputError(f"{where}: {names} {'both' if len(said) == 2 else 'all'} name the {field}: keep one")
    return next(iter(said), None)


def _new_id(seg_id: str, seen: set[str], where: str, numbered: set[str] | None = None) -> str:
    """`seg_id`, unless an earlier row has it. `numbered`: the ids that are line numbers of rows
    without an id (JSONL, Parquet), this one too if it is one; a clash with one is said to be so
    (it read "duplicate id '2'" of a row that has no id)."""
    if seg_id in seen:
        why = ""
        if numbered is not None and seg_id in numbered:
            why = " (a row without an 'id' takes its line number as its id: give every row an id, or none)"
        raise InputError(f"{where}: duplicate id '{seg_id}'{why}")
    seen.add(seg_id)
    return seg_id


def _meta(obj: dict[str, object], skip: set[str | None]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (
            whole_characters(k),
            whole_characters(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)),
        )
        for k, v in sorted(obj.items())
        if k not in skip
    )


class _TwiceGiven(ValueError):
    """A JSON object that names one key twice."""


def _once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's keys, each once: Python's json keeps the last of two silently."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _TwiceGiven(key)
        out[key] = value
    return out


def parse_jsonl(text: str, path: str, doc_index: int) -> list[Segment]:
    segments: list[Segment] = []
    seen: set[str] = set()
    numbered: set[str] = set()  # ids that are line numbers (rows without one)
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line, object_pairs_hook=_once)
        except _TwiceGiven as exc:
            raise InputError(
                f"{path}:{lineno}: '{exc}' is given twice in one object: which one counts?"
            ) from None
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{lineno}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
        except RecursionError:
            raise InputError(f"{path}:{lineno}: not valid JSON (nested too deeply)") from None
        if not isinstance(obj, dict):
            raise InputError(f"{path}:{lineno}: expected a JSON object with 'translation' (and 'source')")
        key = _field(obj, "translation", f"{path}:{lineno}") or "translation"
        skey = _field(obj, "source", f"{path}:{lineno}")
        src, tgt = obj.get(skey) if skey else None, obj.get(key)
        if not isinstance(tgt, str):
            raise InputError(f"{path}:{lineno}: '{key}' must be a string")
        if skey and not isinstance(src, str):
            raise InputError(f"{path}:{lineno}: '{skey}' must be a string")
        raw_id = obj.get("id")
        if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
            raise InputError(
                f"{path}:{lineno}: 'id' must be a string or a whole number, got {json.dumps(raw_id)[:40]}"
            )
        if raw_id is None:
            numbered.add(str(lineno))
        seg_id = _new_id(
            whole_characters(str(raw_id)) if raw_id is not None else str(lineno),
            seen,
            f"{path}:{lineno}",
            numbered,
        )
        src = whole_characters(src) if isinstance(src, str) else src
        meta = _meta(obj, {key, skey, "id"})
        segments.append(
            _segment(seg_id, doc_index, len(segments) + 1, lineno, src, whole_characters(tgt), meta)
        )
    return segments


@dataclass(frozen=True)
class _Columns:
    """Where a table (TSV, CSV) keeps each field: column indexes, and what a header declares."""

    translation: int
    source: int | None = None
    id: int | None = None
    meta: tuple[tuple[str, int], ...] = ()  # other named columns, kept as metadata
    declared: tuple[tuple[str, str], ...] = ()  # (src_lang, tag), (tgt_lang, tag) of a header of tags


def _header(cells: list[str]) -> _Columns | None:
    """The columns a first line names, or None when it is data: field names (`FIELD_NAMES`, `id`;
    other names only beside both a source and a translation, so that the pair "Text<TAB>Texto" stays
    a pair), or two language tags that driftcheck names ("es-ES<TAB>en-US")."""
    names = [c.strip() for c in cells]
    if len(names) == 2 and all(_TAG.fullmatch(n) for n in names):
        codes = [normalise(n) for n in names]
        if codes[0] != codes[1] and all(c in COMMON for c in codes):
            return _Columns(1, 0, declared=(("src_lang", names[0]), ("tgt_lang", names[1])))
    low = [n.casefold() for n in names]
    source, translation, ids = (
        [i for i, n in enumerate(low) if n in known]
        for known in (FIELD_NAMES["source"], FIELD_NAMES["translation"], ("id",))
    )
    if len(set(low)) != len(low) or len(translation) != 1 or len(source) > 1 or len(ids) > 1:
        return None
    rest = [i for i in range(len(names)) if i not in {*source, *translation, *ids}]
    if rest and not (source and all(_COLUMN.fullmatch(names[i]) for i in rest)):
        return None
    meta = tuple((names[i], i) for i in rest)
    return _Columns(translation[0], next(iter(source), None), next(iter(ids), None), meta)


def _header_problem(cells: list[str]) -> str | None:
    """Why a first line that names a source and a translation column is no header `_header` reads
    (it was read as a pair: "expected 2 columns, found 3"), or None where it names no such pair."""
    low = [c.strip().casefold() for c in cells]
    named = {f: [c for c in low if c in FIELD_NAMES[f]] for f in ("source", "translation")}
    if not named["source"] or not named["translation"]:
        return None
    for field, said in named.items():
        if len(said) > 1:
            return f"names the {field} twice ({', '.join(repr(c) for c in said)}): keep one column"
    if len(set(low)) != len(low):
        twice = next(c for c in low if low.count(c) > 1)
        return f"names the column {twice!r} twice"
    known = {*FIELD_NAMES["source"], *FIELD_NAMES["translation"], "id"}
    for n, cell in enumerate(cells, start=1):
        if cell.strip().casefold() not in known and not _COLUMN.fullmatch(cell.strip()):
            what = (
                "is empty (a separator at the end of the line?)"
                if not cell.strip()
                else f"{cell.strip()[:40]!r} is no column name"
            )
            return f"cell {n} {what}: a column name starts with a letter, up to 40 letters, digits, spaces and . - _ ( ) / # &"
    return None


Record = tuple[int, list[str]]  # a table's row: the line it starts on, its cells


def tsv_rows(text: str) -> Iterator[Record]:
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield lineno, line.split("\t")


def csv_rows(text: str, path: str) -> Iterator[Record]:
    """RFC 4180 records (quoted cells may hold commas, quotes and line breaks); a semicolon is the
    separator when the first line has one and no comma (a spreadsheet's export in a locale whose
    decimal mark is the comma)."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    sep = ";" if ";" in first and "," not in first else ","
    # a cell may be as long as the text (Python's csv refuses one over 131,072 characters: the whole
    # file was refused for one long cell, which TSV and JSONL mark unverifiable and go on)
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text), delimiter=sep, strict=True)
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}: not valid CSV ({exc})") from None


def parse_table(rows: Iterator[Record], path: str, doc_index: int, kind: str) -> list[Segment]:
    """source, translation per row, or one column: the copy alone; or the columns a header names.
    `kind` names the separator for messages ("tab-separated")."""
    segments: list[Segment] = []
    seen: set[str] = set()
    cols: _Columns | None = None
    width, header = 0, 0
    for lineno, cells in rows:
        if cols is None:
            width, cols = len(cells), _header(cells)
            if cols is not None:
                header = lineno
                continue  # the header: not a pair
            problem = _header_problem(cells)
            if problem:  # it names a source and a translation: a header, not a pair, but one we cannot read
                raise InputError(f"{path}:{lineno}: the header {problem}")
            cols = _Columns(width - 1, 0 if width == 2 else None)
        if len(cells) != width or not (header or width in (1, 2)):
            raise InputError(
                f"{path}:{lineno}: expected {width if header or width in (1, 2) else 2} {kind} column(s) "
                + (f"as the header on line {header} names" if header else "(source, translation; or the "
                   "translation alone; or a header naming the columns)")
                + f", found {len(cells)}"
            )  # fmt: skip
        seg_id = str(lineno)
        if cols.id is not None:
            if not cells[cols.id].strip():
                raise InputError(f"{path}:{lineno}: empty id")
            seg_id = _new_id(cells[cols.id].strip(), seen, f"{path}:{lineno}")
        src = cells[cols.source] if cols.source is not None else None
        meta = cols.declared + tuple((name, cells[i]) for name, i in cols.meta)
        segments.append(
            _segment(seg_id, doc_index, len(segments) + 1, lineno, src, cells[cols.translation], meta)
        )
    return segments


def _segment(
    seg_id: str, doc: int, n: int, line: int, src: str | None, tgt: str, meta: tuple[tuple[str, str], ...]
) -> Segment:
    # a pair's placeholders ("%s", "%(name)s", "{0}", "{name}") are compared as in a PO file
    # without format flags; copy alone (or an empty source) has nothing to compare them with
    markup = "auto" if src else ""  # an empty source is `empty`'s business, as a missing one is
    seg = unit_segment(seg_id, doc, n, line, src or "", tgt, line, list(meta), markup=markup)
    return seg if src is not None else replace(seg, source=None, source_line=None)  # copy alone


def read_pairs(text: str, path: str, fmt: str, doc_index: int) -> list[Segment]:
    """The segments of a segment file: all pairs (each has a source) or all copy (none has one)."""
    if fmt == "tsv":
        segments = parse_table(tsv_rows(text), path, doc_index, "tab-separated")
    elif fmt == "csv":
        segments = parse_table(csv_rows(text, path), path, doc_index, "CSV")
    else:
        segments = parse_jsonl(text, path, doc_index)
    if not segments:
        raise InputError(f"{path}: no segments found")
    with_source = [s for s in segments if s.source is not None]
    if with_source and len(with_source) < len(segments):
        bare = next(s for s in segments if s.source is None)
        raise InputError(
            f"{path}:{bare.line}: no 'source' here while line {with_source[0].line} has one "
            "(a file holds pairs or copy alone, not both)"
        )
    if with_source and all(not s.source for s in segments):
        raise InputError(f"{path}: every source is empty")
    return segments


def pair_text(data: bytes, path: str, fmt: str) -> str:
    """The text of a segment file's bytes, for `read_pairs`; a Parquet file's rows as JSONL
    (inputs/parquet.py)."""
    from .read import decode_text

    if fmt == "parquet":
        from .parquet import parquet_text

        return parquet_text(data, path, FIELD_NAMES)
    return decode_text(data, path)


def is_copy_only(segments: list[Segment]) -> bool:
    """A segment file without sources: checked in round-trip mode."""
    return all(s.source is None for s in segments)
