"""CSV segment files (a spreadsheet's export): RFC 4180 quoting, the header rules of TSV, source-aware.

A `.csv` file used to be read as plain English text and checked by round trip, its commas and
quotes and all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.inputs.bilingual import is_copy_only, read_pairs
from tests.conftest import run_cli

APERTIUM = ["--engine", "apertium", "--no-cache"]


def test_quoted_cells_keep_their_commas_quotes_and_line_breaks() -> None:
    text = (
        "id,source,target,note\n"
        'a,"Hola, mundo.","Hello, world.",""\n'
        'b,"Dijo ""sí"".","He said ""yes"".",quoted\n'
        '\nc,"Una línea\notra.","One line\nanother.",two lines\n'
        "d,Adiós.,Bye.,last\n"
    )
    segs = read_pairs(text, "p.csv", "csv", 0)
    assert [(s.id, s.line, s.source, s.text, dict(s.meta)) for s in segs] == [
        ("a", 2, "Hola, mundo.", "Hello, world.", {"note": ""}),
        ("b", 3, 'Dijo "sí".', 'He said "yes".', {"note": "quoted"}),
        (
            "c",
            5,
            "Una línea otra.",
            "One line another.",
            {"note": "two lines"},
        ),  # a unit's spacing, as in JSONL
        ("d", 8, "Adiós.", "Bye.", {"note": "last"}),
    ]


def test_without_a_header_two_columns_are_pairs_and_one_is_copy() -> None:
    segs = read_pairs('Hola.,Hello.\n"Sí, claro.","Yes, of course."\n', "p.csv", "csv", 0)
    assert [(s.id, s.source, s.text) for s in segs] == [
        ("1", "Hola.", "Hello."),
        ("2", "Sí, claro.", "Yes, of course."),
    ]
    copy = read_pairs('"The bridge reopened, at last."\nIt cost 3 million.\n', "c.csv", "csv", 0)
    assert is_copy_only(copy) and [s.text for s in copy] == [
        "The bridge reopened, at last.",
        "It cost 3 million.",
    ]


def test_semicolons_separate_where_the_first_line_has_no_comma() -> None:
    segs = read_pairs("source;target\nEl precio: 3,5 euros.;The price: 3.5 euros.\n", "p.csv", "csv", 0)
    assert [(s.source, s.text) for s in segs] == [("El precio: 3,5 euros.", "The price: 3.5 euros.")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('source,target\n"Hola.,Hello.\n', "p.csv:2: not valid CSV (unexpected end of data)"),
        ("Hola.,Hello.,extra\n", "p.csv:1: expected 2 CSV column(s) (source, translation;"),
        (
            "source,target\nHola.\n",
            "p.csv:2: expected 2 CSV column(s) as the header on line 1 names, found 1",
        ),
    ],
)
def test_a_broken_table_is_one_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        read_pairs(text, "p.csv", "csv", 0)
    assert str(err.value).startswith(message)


def test_a_csv_file_is_checked_source_aware_with_its_declared_languages(tmp_path: Path) -> None:
    pairs = tmp_path / "memory.csv"
    pairs.write_text(
        'es,en\n"El puente reabrió el lunes, por fin.","The bridge reopened on Monday, at last."\n'
        '"El precio subió un 5 %.","The price rose by 7%."\n',
        encoding="utf-8",
    )
    out = tmp_path / "r.json"
    r = run_cli("check", str(tmp_path), *APERTIUM, "-f", "json", "-o", str(out))  # a folder scan finds it
    assert r.code == 1, r.stderr  # 5 % / 7%: a meaning shift fails the gate
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["mode"] == "source" and data["documents"][0]["format"] == "csv"
    assert data["documents"][0]["source_lang"] == "es"
    assert [(s["id"], s["verdict"]) for s in data["segments"]] == [("2", "ok"), ("3", "fail")]
    bad = tmp_path / "bad.csv"
    bad.write_text('source,target\n"Hola.,Hello.\n', encoding="utf-8")
    r = run_cli("check", str(bad), *APERTIUM, "-s", "es")
    assert (
        r.code == 2
        and r.stderr.strip() == f"driftcheck: error: {bad}:2: not valid CSV (unexpected end of data)"
    )


def test_a_cell_longer_than_pythons_csv_limit_is_read() -> None:
    """Python's csv refuses a field over 131,072 characters: one long cell refused the whole file
    ("not valid CSV (field larger than field limit)"), where TSV and JSONL read it (and the run
    marks it unverifiable and checks the rest)."""
    long = "a" * 131_073
    segments = read_pairs(f"source,translation\nEl perro come.,The dog eats.\nx,{long}\n", "f.csv", "csv", 0)
    assert [(s.line, len(s.text)) for s in segments] == [(2, 13), (3, 131_073)]
