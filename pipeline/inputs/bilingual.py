"""Segment files: JSONL (`source`, `translation`, optional `id`), Parquet (the same columns) and TSV
(source<TAB>translation),
or the copy alone: JSONL lines with `translation` (or `text`) and no `source`, a one-column TSV.

Each line is one already-aligned pair (or one sentence of copy) and becomes one Segment. The
input `id` (else the line number) becomes the segment id; other JSONL keys are kept as
metadata. A file holds pairs or copy, not both. An empty translation is a segment (it will be
flagged), never dropped. Copy without a source is checked in round-trip mode.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..formats.encoding import whole_characters
from ..formats.units import unit_segment
from ..records import Segment

BILINGUAL_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".tsv": "tsv", ".parquet": "parquet"}


def bilingual_format(path: str) -> str | None:
    return BILINGUAL_SUFFIXES.get(Path(path).suffix.lower())


def _meta(obj: dict[str, object]) -> tuple[tuple[str, str], ...]:
    skip = {"source", "translation", "text", "id"}
    return tuple(
        (
            whole_characters(k),
            whole_characters(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)),
        )
        for k, v in sorted(obj.items())
        if k not in skip
    )


def parse_jsonl(text: str, path: str, doc_index: int) -> list[Segment]:
    segments: list[Segment] = []
    seen: set[str] = set()
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{lineno}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
        except RecursionError:
            raise InputError(f"{path}:{lineno}: not valid JSON (nested too deeply)") from None
        if not isinstance(obj, dict):
            raise InputError(f"{path}:{lineno}: expected a JSON object with 'translation' (and 'source')")
        key = "translation" if "translation" in obj or "text" not in obj else "text"
        src, tgt = obj.get("source"), obj.get(key)
        if not isinstance(tgt, str):
            raise InputError(f"{path}:{lineno}: '{key}' must be a string")
        if "source" in obj and not isinstance(src, str):
            raise InputError(f"{path}:{lineno}: 'source' must be a string")
        raw_id = obj.get("id")
        if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
            raise InputError(
                f"{path}:{lineno}: 'id' must be a string or a whole number, got {json.dumps(raw_id)[:40]}"
            )
        seg_id = whole_characters(str(raw_id)) if raw_id is not None else str(lineno)
        if seg_id in seen:
            raise InputError(f"{path}:{lineno}: duplicate id '{seg_id}'")
        seen.add(seg_id)
        src = whole_characters(src) if isinstance(src, str) else src
        segments.append(
            _segment(seg_id, doc_index, len(segments) + 1, lineno, src, whole_characters(tgt), _meta(obj))
        )
    return segments


def parse_tsv(text: str, path: str, doc_index: int) -> list[Segment]:
    """source<TAB>translation per line, or one column: the copy alone."""
    segments: list[Segment] = []
    width: int | None = None
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        cols = line.rstrip("\r").split("\t")
        width = width or len(cols)
        if len(cols) not in (1, 2) or len(cols) != width:
            raise InputError(
                f"{path}:{lineno}: expected {width if width in (1, 2) else 2} tab-separated column(s) "
                f"(source, translation; or the translation alone), found {len(cols)}"
            )
        src, tgt = (cols[0], cols[1]) if len(cols) == 2 else (None, cols[0])
        segments.append(_segment(str(lineno), doc_index, len(segments) + 1, lineno, src, tgt, ()))
    return segments


def _segment(
    seg_id: str, doc: int, n: int, line: int, src: str | None, tgt: str, meta: tuple[tuple[str, str], ...]
) -> Segment:
    seg = unit_segment(seg_id, doc, n, line, src or "", tgt, line, list(meta), markup="")
    return seg if src is not None else replace(seg, source=None, source_line=None)  # copy alone


def read_pairs(text: str, path: str, fmt: str, doc_index: int) -> list[Segment]:
    """The segments of a segment file: all pairs (each has a source) or all copy (none has one)."""
    segments = parse_tsv(text, path, doc_index) if fmt == "tsv" else parse_jsonl(text, path, doc_index)
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


def pair_text(path: str, fmt: str) -> str:
    """The text of a segment file; a Parquet file's rows as JSONL (inputs/parquet.py)."""
    from .read import decode_text, read_bytes

    if fmt == "parquet":
        from .parquet import parquet_text

        return parquet_text(read_bytes(path), path)
    return decode_text(read_bytes(path), path)


def is_copy_only(segments: list[Segment]) -> bool:
    """A segment file without sources: checked in round-trip mode."""
    return all(s.source is None for s in segments)
