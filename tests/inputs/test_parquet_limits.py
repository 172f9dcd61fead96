"""A Parquet input is held to the input limit (5 MiB) by what it holds, not by its compressed
bytes: a 5 kB file of one 50-million-character cell, or 2 kB of one sentence dictionary-encoded
300,000 times, was read whole (2.6 GB of memory, or a run that never ended) where the same rows as
JSONL are refused at once."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.errors import InputError
from pipeline.inputs.bilingual import FIELD_NAMES
from pipeline.inputs.parquet import parquet_text
from tests.conftest import run_cli

TOO_LARGE = "its data is larger than 5 MiB uncompressed; split it"


def _write(path: Path, texts: list[str]) -> Path:
    pq.write_table(pa.table({"translation": texts}), path, compression="zstd")
    return path


@pytest.mark.parametrize(
    "texts",
    [["word " * 10_000_000], ["The mayor announced new homes."] * 300_000],
    ids=["one huge cell", "many rows of one string"],
)
def test_a_small_file_that_holds_too_much_is_refused(tmp_path: Path, texts: list[str]) -> None:
    path = _write(tmp_path / "big.parquet", texts)
    assert path.stat().st_size < 10_000
    with pytest.raises(InputError, match=TOO_LARGE):
        parquet_text(path.read_bytes(), str(path), FIELD_NAMES)


def test_a_file_under_the_limit_is_read_and_one_over_it_refused_by_the_cli(tmp_path: Path) -> None:
    rows = ["The mayor announced new homes."] * 1000
    assert (
        parquet_text(_write(tmp_path / "ok.parquet", rows).read_bytes(), "ok.parquet", FIELD_NAMES).count(
            "\n"
        )
        == 1000
    )
    big = _write(tmp_path / "big.parquet", rows * 300)
    r = run_cli(
        "check",
        str(big),
        "-l",
        "en",
        "--engine",
        "apertium",
        "--no-cache",
        "-f",
        "json",
        "-o",
        str(tmp_path / "r.json"),
    )
    assert r.code == 2 and r.stderr == f"driftcheck: error: {big}: {TOO_LARGE}\n", r.stderr
    assert not (tmp_path / "r.json").exists()


def test_two_columns_naming_one_field_are_refused(tmp_path: Path) -> None:
    """A Parquet file with both `source` and `src` was checked against `source`, `src` kept as
    metadata without a word (a table's header that names a field twice is refused)."""
    path = tmp_path / "pairs.parquet"
    pq.write_table(pa.table({"source": ["Hola."], "src": ["Adiós."], "translation": ["Hello."]}), path)
    r = run_cli(
        "check",
        str(path),
        "--source-lang",
        "es",
        "--engine",
        "apertium",
        "--no-cache",
        "-o",
        str(tmp_path / "r.json"),
    )
    assert r.code == 2, r.stderr
    assert r.stderr == f"driftcheck: error: {path}:1: 'source' and 'src' both name the source: keep one\n"
    assert not (tmp_path / "r.json").exists()


def test_a_text_cell_that_holds_no_text_is_refused(tmp_path: Path) -> None:
    """A date, a time or a decimal in `translation` was checked as its text (exit 1: "2024-01-01"
    failed against its source), and bytes that are not UTF-8 were read with replacement characters
    (exit 0); a missing `translation` column was named as a cell of row 1 (QA pass 11). Metadata
    columns keep their values as text, and UTF-8 bytes are text."""
    import datetime
    import decimal

    cases = {
        "date": (pa.array([datetime.date(2024, 1, 1)]), "'translation' must be a string, got date"),
        "decimal": (pa.array([decimal.Decimal("1.5")]), "'translation' must be a string, got Decimal"),
        "bytes": (pa.array([b"\xff\xfe bad"], pa.binary()), "'translation' is not valid UTF-8"),
    }
    for name, (cell, message) in cases.items():
        path = tmp_path / f"{name}.parquet"
        pq.write_table(pa.table({"source": ["Hola."], "translation": cell}), path)
        for _ in range(2):
            r = run_cli("check", str(path), "-s", "es", "-l", "en", "--engine", "apertium", "--no-cache")
            assert r.code == 2 and r.stderr == f"driftcheck: error: {path}:1: {message}\n", (name, r.stderr)
    path = tmp_path / "no_tr.parquet"
    pq.write_table(pa.table({"source": ["Hola."]}), path)
    r = run_cli("check", str(path), "-s", "es", "-l", "en", "--engine", "apertium", "--no-cache")
    assert (
        r.code == 2
        and r.stderr == f"driftcheck: error: {path}: no 'translation' column (or target, tgt, text)\n"
    )
    path = tmp_path / "ok.parquet"
    table = {
        "source": ["Hola."],
        "translation": pa.array([b"Hello."], pa.binary()),
        "day": [datetime.date(2024, 1, 1)],
    }
    pq.write_table(pa.table(table), path)
    text = parquet_text(path.read_bytes(), str(path), FIELD_NAMES)
    assert '"translation": "Hello."' in text and '"day": "2024-01-01"' in text
