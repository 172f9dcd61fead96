"""Parquet segment files: the columns of the JSONL form (`source`, `translation` or `text`, `id`,
anything else kept as metadata), one row a segment.

Each row becomes one JSON line and goes through the JSONL reader, so a Parquet file and the
JSONL file with the same rows give the same segments; the "line" of a segment is its row
number (1-based). A null cell is an absent key (a null `id`: the row number; no `source`
column: the copy alone, checked by round trip). pyarrow comes with the `ray` extra.
"""

from __future__ import annotations

import io
import json
import math
from typing import Any

from ..errors import InputError, UsageError

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


def parquet_text(data: bytes, path: str) -> str:
    """The rows of a Parquet file as JSONL text (one object a line, null cells left out)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    try:
        # one thread: with its reader threads on, pyarrow aborts the process (exit 134) when it exits
        # soon after, e.g. on the error line for a bad cell
        table = pq.read_table(io.BytesIO(data), use_threads=False)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{path}: not a readable Parquet file ({str(exc).splitlines()[0]})") from None
    lines = []
    for row in table.to_pylist():
        obj = {k: _plain(v) for k, v in row.items() if v is not None}
        lines.append(json.dumps(obj, ensure_ascii=False))
    return "\n".join(lines) + "\n"
