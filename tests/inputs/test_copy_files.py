"""Segment files of copy alone (no source): JSONL with `translation` or `text`, one-column TSV.

They run round-trip mode, keep ids and metadata, and flag empty segments instead of dropping them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.inputs.bilingual import is_copy_only, read_pairs
from tests.conftest import run_cli

APERTIUM = ["--engine", "apertium", "--no-cache"]


def test_jsonl_without_source_is_copy_with_ids_and_metadata() -> None:
    text = "\n".join(
        [
            json.dumps({"id": "intro", "translation": "The bridge reopened.", "section": "news", "rank": 2}),
            json.dumps({"id": "gap", "text": ""}),
            json.dumps({"text": "It cost 3 million."}),
        ]
    )
    segs = read_pairs(text, "copy.jsonl", "jsonl", 0)
    assert is_copy_only(segs)
    assert [(s.id, s.text, s.source) for s in segs] == [
        ("intro", "The bridge reopened.", None),
        ("gap", "", None),
        ("3", "It cost 3 million.", None),
    ]
    assert dict(segs[0].meta) == {"section": "news", "rank": "2"}


def test_one_column_tsv_is_copy() -> None:
    segs = read_pairs("First line.\n\nSecond line.\n", "copy.tsv", "tsv", 0)
    assert is_copy_only(segs) and [(s.id, s.text) for s in segs] == [
        ("1", "First line."),
        ("3", "Second line."),
    ]


@pytest.mark.parametrize(
    ("fmt", "text", "message"),
    [
        (
            "jsonl",
            '{"source": "Hola.", "translation": "Hello."}\n{"translation": "Bye."}\n',
            "copy.jsonl:2: no 'source' here while line 1 has one",
        ),
        ("tsv", "Hola.\tHello.\nBye.\n", "copy.tsv:2: expected 2 tab-separated column(s)"),
        ("jsonl", '{"id": 1}\n', "copy.jsonl:1: 'translation' must be a string"),
        # Python's json kept the last of two values without a word
        (
            "jsonl",
            '{"source": "Hola.", "translation": "Hi.", "source": "Adiós."}\n',
            "copy.jsonl:1: 'source' is given twice in one object: which one counts?",
        ),
        ("jsonl", '{"source": 5, "translation": "x"}\n', "copy.jsonl:1: 'source' must be a string"),
        # two names of one field: the first one won and the other became metadata, unsaid
        (
            "jsonl",
            '{"source": "Hola.", "src": "Adiós.", "translation": "Hi."}\n',
            "copy.jsonl:1: 'source' and 'src' both name the source: keep one",
        ),
        (
            "jsonl",
            '{"translation": "Hi.", "tgt": "Bye.", "text": "Yo."}\n',
            "copy.jsonl:1: 'translation', 'tgt' and 'text' all name the translation: keep one",
        ),
        # ids that are not strings or numbers were kept as Python's repr ("True", "{'a': 1}")
        (
            "jsonl",
            '{"id": true, "translation": "x"}\n',
            "copy.jsonl:1: 'id' must be a string or a whole number, got true",
        ),
        (
            "jsonl",
            '{"id": {"a": 1}, "translation": "x"}\n',
            "copy.jsonl:1: 'id' must be a string or a whole number",
        ),
        (
            "jsonl",
            '{"id": [1], "translation": "x"}\n',
            "copy.jsonl:1: 'id' must be a string or a whole number",
        ),
    ],
)
def test_mixed_or_malformed_files_fail_with_one_line(fmt: str, text: str, message: str) -> None:
    with pytest.raises(InputError) as exc:
        read_pairs(text, f"copy.{fmt}", fmt, 0)
    assert message in str(exc.value)
    assert (
        read_pairs('{"id": 7, "translation": "x"}\n', "copy.jsonl", "jsonl", 0)[0].id == "7"
    )  # a number is fine


@pytest.mark.requires_apertium
def test_copy_jsonl_runs_round_trip_mode_and_flags_the_empty_segment(tmp_path: Path) -> None:
    src = tmp_path / "copy.jsonl"
    rows = [
        {
            "id": "a1",
            "translation": "The bridge reopened on Monday after fourteen months of repairs.",
            "page": "3",
        },
        {"id": "a2", "translation": ""},
        {"id": "a3", "text": "The mayor said the nuevo bridge would carry trains by next year."},
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli("check", str(src), *APERTIUM, "-o", str(out))
    assert r.code == 1, r.stderr  # the empty segment fails the gate
    assert "source-aware mode needs" not in r.stderr
    data = json.loads(out.read_text())
    assert data["mode"] == "roundtrip" and data["summary"]["note"].startswith("Round-trip mode cannot detect")
    segs = {s["id"]: s for s in data["segments"]}
    assert list(segs) == ["a1", "a2", "a3"]
    assert segs["a1"]["meta"] == {"page": "3"} and segs["a1"]["verdict"] == "ok"
    assert segs["a2"]["verdict"] == "fail" and segs["a2"]["flags"][0]["check"] == "empty"
    assert segs["a3"]["verdict"] == "review" and "foreign" in {f["check"] for f in segs["a3"]["flags"]}


@pytest.mark.requires_apertium
def test_copy_tsv_and_plain_documents_mix_in_one_round_trip_run(tmp_path: Path) -> None:
    tsv = tmp_path / "copy.tsv"
    tsv.write_text("The bridge reopened on Monday.\n.\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("Trains will cross it from next year.\n", encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli("check", str(tsv), str(doc), *APERTIUM, "-f", "json", "-o", str(out))
    assert r.code == 1, r.stderr
    data = json.loads(out.read_text())
    assert [d["path"] for d in data["documents"]] == [str(tsv), str(doc)]
    assert [(s["document"], s["id"], s["verdict"]) for s in data["segments"]] == [
        (0, "1", "ok"),
        (0, "2", "fail"),
        (1, "p1.s1", "ok"),
    ]


@pytest.mark.requires_apertium
def test_pairs_and_copy_files_do_not_mix(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("Hola.\tHello.\n", encoding="utf-8")
    copy = tmp_path / "copy.tsv"
    copy.write_text("Hello.\n", encoding="utf-8")
    r = run_cli("check", str(pairs), str(copy), *APERTIUM, "--source-lang", "es")
    assert r.code == 2 and r.stderr.count("\n") == 1 and "cannot mix" in r.stderr


@pytest.mark.requires_apertium
def test_a_jsonl_files_declared_languages_are_read_like_a_po_header(tmp_path: Path) -> None:
    """`check` ignored the rows' src_lang/tgt_lang: Portuguese copy with `--source-lang en` alone was
    refused ("both 'en'"), and with `--lang es` checked as Spanish without a word."""
    rows = [
        {"source": "The bridge reopened on Monday.", "translation": "A ponte reabriu na segunda-feira.",
         "src_lang": "en", "tgt_lang": "pt"},
    ]  # fmt: skip
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    plain = run_cli(
        "check", str(pairs), *APERTIUM, "--no-semantic", "-f", "json", "-o", str(tmp_path / "a.json")
    )
    assert plain.code == 0, plain.stderr
    assert json.loads((tmp_path / "a.json").read_text())["signature"]["lang"] == "pt"
    told = run_cli(
        "check",
        str(pairs),
        *APERTIUM,
        "--no-semantic",
        "--lang",
        "es",
        "-f",
        "json",
        "-o",
        str(tmp_path / "b.json"),
    )
    assert "declares language 'pt' but --lang is 'es'" in told.stderr
    rows.append({**rows[0], "tgt_lang": "es"})
    pairs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    mixed = run_cli("check", str(pairs), *APERTIUM, "-o", str(tmp_path / "c.json"))
    assert mixed.code == 2 and mixed.stderr == (
        f"driftcheck: error: {pairs}: rows declare several tgt_lang values (es, pt): one language pair per file (split it)\n"
    )
