"""Bilingual segment files: JSONL (`source`, `translation`, optional `id`) and TSV (source<TAB>translation).

Each line is one already-aligned pair and becomes one Segment. The input `id` (else
the line number) becomes the segment id; other JSONL keys are kept as metadata. An
empty translation of a non-empty source is a segment (it will be flagged), never dropped.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import InputError
from .formats import unit_segment
from .records import Segment

BILINGUAL_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".tsv": "tsv"}


def bilingual_format(path: str) -> str | None:
    return BILINGUAL_SUFFIXES.get(Path(path).suffix.lower())


def _meta(obj: dict[str, object]) -> tuple[tuple[str, str], ...]:
    skip = {"source", "translation", "id"}
    return tuple(
        (k, v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
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
        if not isinstance(obj, dict):
            raise InputError(f"{path}:{lineno}: expected a JSON object with 'source' and 'translation'")
        src, tgt = obj.get("source"), obj.get("translation")
        if not isinstance(src, str) or not isinstance(tgt, str):
            missing = "source" if not isinstance(src, str) else "translation"
            raise InputError(f"{path}:{lineno}: '{missing}' must be a string")
        seg_id = str(obj["id"]) if obj.get("id") is not None else str(lineno)
        if seg_id in seen:
            raise InputError(f"{path}:{lineno}: duplicate id '{seg_id}'")
        seen.add(seg_id)
        segments.append(_segment(seg_id, doc_index, len(segments) + 1, lineno, src, tgt, _meta(obj)))
    return segments


def parse_tsv(text: str, path: str, doc_index: int) -> list[Segment]:
    segments: list[Segment] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != 2:
            raise InputError(
                f"{path}:{lineno}: expected 2 tab-separated columns (source, translation), found {len(cols)}"
            )
        segments.append(_segment(str(lineno), doc_index, len(segments) + 1, lineno, cols[0], cols[1], ()))
    return segments


def _segment(
    seg_id: str, doc: int, n: int, line: int, src: str, tgt: str, meta: tuple[tuple[str, str], ...]
) -> Segment:
    return unit_segment(seg_id, doc, n, line, src, tgt, line, list(meta), markup="")


def read_pairs(text: str, path: str, fmt: str, doc_index: int) -> list[Segment]:
    segments = parse_jsonl(text, path, doc_index) if fmt == "jsonl" else parse_tsv(text, path, doc_index)
    if not segments:
        raise InputError(f"{path}: no segments found")
    if all(not s.source for s in segments):
        raise InputError(f"{path}: every source is empty")
    return segments
