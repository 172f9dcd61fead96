"""Segment files as data sets and spreadsheets write them: a TSV header row naming the columns (or
the two languages), and the other usual field names (`src`, `target`, `tgt`) in JSONL too.

A header row used to be checked as one more pair ("source" translated as "translation")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.inputs.bilingual import is_copy_only, read_pairs
from tests.conftest import run_cli

APERTIUM = ["--engine", "apertium", "--no-cache"]


@pytest.mark.parametrize("header", ["source\ttranslation", "Source\tTarget", "src\ttgt", " SRC \tText"])
def test_a_header_of_field_names_is_no_pair(header: str) -> None:
    segs = read_pairs(f"{header}\nHola.\tHello.\n\nAdiós.\tBye.\n", "p.tsv", "tsv", 0)
    assert [(s.id, s.source, s.text, s.meta) for s in segs] == [
        ("2", "Hola.", "Hello.", ()),
        ("4", "Adiós.", "Bye.", ()),
    ]


def test_a_header_may_put_the_columns_in_any_order_with_ids_and_metadata() -> None:
    text = "id\ttarget\tnote\tsource\nu1\tHello.\tgreeting\tHola.\nu2\t\t\tAdiós.\n"
    segs = read_pairs(text, "p.tsv", "tsv", 0)
    assert [(s.id, s.source, s.text, dict(s.meta)) for s in segs] == [
        ("u1", "Hola.", "Hello.", {"note": "greeting"}),
        ("u2", "Adiós.", "", {"note": ""}),  # an empty translation is a segment (flagged), never dropped
    ]


def test_a_one_column_header_names_copy_alone() -> None:
    segs = read_pairs("text\nThe bridge reopened.\n", "copy.tsv", "tsv", 0)
    assert is_copy_only(segs) and [(s.id, s.text) for s in segs] == [("2", "The bridge reopened.")]


@pytest.mark.parametrize(
    "first",
    [
        "Text\tTexto",  # a UI string: a name beside a translation, but no source column named
        "Source\tFuente",  # names a source, no translation
        "No\tSí",
        "es\tes",  # one language twice
        "en\tja",  # a language driftcheck does not name
    ],
)
def test_a_first_line_that_is_not_a_header_stays_data(first: str) -> None:
    width = first.count("\t") + 1
    rest = "\t".join(["a"] * width)
    if width == 3:  # three columns without a header are an error, as before
        with pytest.raises(InputError, match=r"p\.tsv:1: expected 2 tab-separated column\(s\)"):
            read_pairs(f"{first}\n{rest}\n", "p.tsv", "tsv", 0)
        return
    segs = read_pairs(f"{first}\n{rest}\n", "p.tsv", "tsv", 0)
    assert [(s.id, s.source, s.text) for s in segs][0] == ("1", *first.split("\t"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "source\ttranslation\tnote\nHola.\tHello.\n",
            "p.tsv:2: expected 3 tab-separated column(s) as the header on line 1 names, found 2",
        ),
        ("id\tsource\ttranslation\nu1\tHola.\tHello.\nu1\tAdiós.\tBye.\n", "p.tsv:3: duplicate id 'u1'"),
        ("id\tsource\ttranslation\n \tHola.\tHello.\n", "p.tsv:2: empty id"),
    ],
)
def test_rows_that_break_the_header_are_one_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        read_pairs(text, "p.tsv", "tsv", 0)
    assert str(err.value) == message


def test_jsonl_reads_the_same_field_names() -> None:
    rows = [
        {"id": "a", "src": "Hola.", "tgt": "Hello."},
        {"id": "b", "source": "Adiós.", "translation": "Bye.", "target": "en-GB"},  # not a second copy
    ]
    segs = read_pairs("\n".join(json.dumps(r) for r in rows), "p.jsonl", "jsonl", 0)
    assert [(s.id, s.source, s.text, dict(s.meta)) for s in segs] == [
        ("a", "Hola.", "Hello.", {}),
        ("b", "Adiós.", "Bye.", {"target": "en-GB"}),
    ]
    with pytest.raises(InputError, match=r"p\.jsonl:1: 'src' must be a string"):
        read_pairs('{"src": 5, "target": "x"}\n', "p.jsonl", "jsonl", 0)


def test_a_header_of_language_tags_declares_the_pair(tmp_path: Path) -> None:
    """ "es-ES<TAB>en-US" (a spreadsheet's column titles) names the languages, as a JSONL row's
    src_lang / tgt_lang do: no --source-lang needed, Apertium checks both rows, and a flag that says
    otherwise wins with a warning."""
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(
        "es-ES\ten-US\nEl puente reabrió el lunes.\tThe bridge reopened on Monday.\n"
        "El precio subió un 5 %.\tThe price rose by 5%.\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.json"
    r = run_cli("check", str(pairs), *APERTIUM, "-f", "json", "-o", str(out))
    assert r.code == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"][0]["source_lang"] == "es" and data["documents"][0]["lang"] == "en"
    assert [s["source"] for s in data["segments"]] == [
        "El puente reabrió el lunes.",
        "El precio subió un 5 %.",
    ]
    assert [s["verdict"] for s in data["segments"]] == ["ok", "ok"]
    r = run_cli("check", str(pairs), *APERTIUM, "-s", "pt", "-f", "json", "-o", str(out))
    assert "declares source language 'es-ES' but --source-lang is 'pt'" in r.stderr
    # a header row that is no header: before, "source" / "translation" were checked as a pair
    named = tmp_path / "named.tsv"
    named.write_text(
        "source\ttranslation\nEl puente reabrió el lunes.\tThe bridge reopened on Monday.\n", "utf-8"
    )
    r = run_cli("check", str(named), *APERTIUM, "-s", "es", "-f", "json", "-o", str(out))
    assert r.code == 0, r.stderr
    assert [s["id"] for s in json.loads(out.read_text(encoding="utf-8"))["segments"]] == ["2"]


@pytest.mark.parametrize(
    "rows",
    [
        [
            {"id": "2", "source": "Hola.", "translation": "Hello."},
            {"source": "Adiós.", "translation": "Bye."},
        ],
        [{"source": "Hola.", "translation": "Hello."}, {"id": 1, "source": "Adiós.", "translation": "Bye."}],
    ],
)
def test_an_id_that_clashes_with_a_line_number_says_where_it_came_from(rows: list[dict[str, object]]) -> None:
    """A row without an id takes its line number: "p.jsonl:2: duplicate id '2'" of a row with no id
    sent the user looking for an id they never wrote."""
    with pytest.raises(InputError) as err:
        read_pairs("\n".join(json.dumps(r) for r in rows), "p.jsonl", "jsonl", 0)
    assert str(err.value).startswith("p.jsonl:2: duplicate id '")
    assert str(err.value).endswith(
        "(a row without an 'id' takes its line number as its id: give every row an id, or none)"
    )


@pytest.mark.parametrize(
    ("first", "said"),
    [
        ("source\ttranslation\ttranslation", "names the translation twice ('translation', 'translation')"),
        ("source\tsrc\ttranslation", "names the source twice ('source', 'src')"),
        ("source\ttranslation\tnote\tnote", "names the column 'note' twice"),
        ("source\ttranslation\t", "cell 3 is empty (a separator at the end of the line?)"),
        ("source\ttranslation\tNotes: internal!", "cell 3 'Notes: internal!' is no column name"),
    ],
)
def test_a_header_it_cannot_read_is_named(first: str, said: str) -> None:
    """Each was read as a pair of data: "p.tsv:1: expected 2 tab-separated column(s) ..., found 3",
    which did not say what was wrong with the header (Excel's trailing empty cell, a duplicated or
    aliased column)."""
    with pytest.raises(InputError) as err:
        read_pairs(f"{first}\na\tb\tc\n", "p.tsv", "tsv", 0)
    assert str(err.value).startswith(f"p.tsv:1: the header {said}")


def test_a_column_name_may_hold_parentheses_and_slashes() -> None:
    """`Notes (internal)` made the whole header a data row (and the file an error)."""
    segs = read_pairs(
        "source\ttranslation\tNotes (internal)\tQA/Reviewer #2\nHola.\tHello.\tx\ty\n", "p.tsv", "tsv", 0
    )
    assert [dict(s.meta) for s in segs] == [{"Notes (internal)": "x", "QA/Reviewer #2": "y"}]
