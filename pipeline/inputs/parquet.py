"""Parquet segment files: the columns of the JSONL form (`source`, `translation`, `id`, the other
names `bilingual.FIELD_NAMES` reads, anything else kept as metadata), one row a segment.

Each row becomes one JSON line and goes through the JSONL reader, so a Parquet file and the
JSONL file with the same rows give the same segments; the "line" of a segment is its row
number (1-based). A null cell is an absent key (a null `id`: the row number; no `source`
column: the copy alone, checked by round trip). A source or translation cell must hold text (or
UTF-8 bytes): a date, a number or other bytes is refused, as in JSONL; other columns are metadata,
kept as text. pyarrow comes with the `ray` extra.

The limit on an input (5 MiB, inputs/read.py) holds for what the file holds, not for its
compressed bytes: a file whose data takes more uncompressed, or whose rows come to more as
JSONL (a dictionary-encoded column repeats one string per row at no cost), is refused as a
JSONL file of those rows would be, row group by row group, before the rest is decoded.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from ..errors import InputError, UsageError
from .read import MAX_BYTES

INSTALL_HINT = "reading Parquet needs pyarrow: pip install -e '.[ray]' (or pip install pyarrow)"


def _plain(value: Any) -> Any:
    """JSON-ready: dates and decimals as text, NaN as null (JSON has no NaN)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _text_cell(value: Any, key: str, path: str, row: int) -> Any:
    """A source or translation cell as the JSONL reader takes it: text as it is, bytes when they are
    UTF-8, anything else refused (a date, a number or a decimal was checked as its text: exit 1
    on a copy that held no copy; QA pass 11)."""
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{path}:{row}: '{key}' is not valid UTF-8") from None
    if not isinstance(value, str):
        raise InputError(f"{path}:{row}: '{key}' must be a string, got {type(value).__name__}")
    return value


def parquet_text(data: bytes, path: str, fields: Mapping[str, tuple[str, ...]]) -> str:
    """The rows of a Parquet file as JSONL text (one object a line, null cells left out)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    too_large = InputError(
        f"{path}: its data is larger than {MAX_BYTES // (1024 * 1024)} MiB uncompressed; split it"
    )
    lines: list[str] = []
    size = 0
    try:
        # an Arrow buffer, not a Python file object: pyarrow's IO threads drop their reference to
        # a Python file (PyReadableFile) by taking the GIL, and one that did so while the
        # interpreter finalised aborted the process after the error line (exit 134, "terminate
        # called without an active exception", about 1 run in 30)
        pf = pq.ParquetFile(pa.BufferReader(data))
        meta = pf.metadata
        chunks = (
            meta.row_group(g).column(c) for g in range(meta.num_row_groups) for c in range(meta.num_columns)
        )
        if sum(chunk.total_uncompressed_size for chunk in chunks) > MAX_BYTES:
            raise too_large
        names = set(pf.schema_arrow.names)
        if not names & set(fields["translation"]):
            raise InputError(f"{path}: no 'translation' column (or {', '.join(fields['translation'][1:])})")
        texts = names & {n for field in fields.values() for n in field}
        for batch in pf.iter_batches(batch_size=4096, use_threads=False):
            for row in batch.to_pylist():
                cells = {
                    k: _text_cell(v, k, path, len(lines) + 1) if k in texts else _plain(v)
                    for k, v in row.items()
                    if v is not None
                }
                line = json.dumps(cells, ensure_ascii=False)
                size += len(line.encode("utf-8")) + 1
                if size > MAX_BYTES:
                    raise too_large
                lines.append(line)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{path}: not a readable Parquet file ({str(exc).splitlines()[0]})") from None
    return "\n".join(lines) + "\n"
