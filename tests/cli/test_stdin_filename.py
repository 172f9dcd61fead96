"""`--stdin-filename NAME`: what stdin holds, said the way editors' tools say it (eslint, prettier,
black): the name's suffix picks the format, a language code in it declares the language, and the
report names the document by it. Stdin was always read as plain text: piped JSONL or TSV pairs were
checked as English prose by round trip. And a source language given to a round-trip run is named on
stderr (it was dropped without a word)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

APERTIUM = ["--engine", "apertium", "--no-cache"]
PAIRS = "source\ttarget\nEl puente reabrió el lunes.\tThe bridge reopened on Monday.\n"
ROUND_TRIP = "driftcheck: warning: source language 'es' given, but no input holds an original"


def test_piped_pairs_are_checked_source_aware_under_their_name(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    r = run_cli(
        "check", "-", "--stdin-filename", "pairs.tsv", "-s", "es", *APERTIUM, "-o", str(out), stdin=PAIRS
    )
    assert r.code == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["mode"] == "source" and [d["path"] for d in data["documents"]] == ["pairs.tsv"]
    assert [(s["id"], s["source"]) for s in data["segments"]] == [("2", "El puente reabrió el lunes.")]
    assert ROUND_TRIP not in r.stderr
    # without the name: plain text, by round trip (the Spanish column fails as English copy), and
    # the source language goes unused, said so
    r = run_cli("check", "-", "-s", "es", *APERTIUM, "-o", str(out), stdin=PAIRS)
    assert r.code == 1 and json.loads(out.read_text(encoding="utf-8"))["mode"] == "roundtrip"
    assert ROUND_TRIP in r.stderr


def test_a_language_code_in_the_name_declares_the_copy(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    copy = "El puente reabrió el lunes. Costó tres millones de euros.\n"
    r = run_cli("check", "-", "--stdin-filename", "nota.es.txt", *APERTIUM, "-o", str(out), stdin=copy)
    assert r.code == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"][0]["lang"] == "es" and data["documents"][0]["path"] == "nota.es.txt"
    assert all(s["verdict"] == "ok" for s in data["segments"])  # as English copy, wrong_language failed each


def test_the_name_without_stdin_is_a_usage_error(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The bridge reopened.\n", encoding="utf-8")
    r = run_cli("check", str(doc), "--stdin-filename", "pairs.jsonl", *APERTIUM)
    assert r.code == 2
    assert (
        r.stderr
        == "driftcheck: error: --stdin-filename names what stdin holds: give - as an input, and a file name\n"
    )


def test_stdin_over_the_size_limit_is_named_by_its_name() -> None:
    """Every other message about piped input names it by --stdin-filename; this one said "-"."""
    big = "a\tb\n" * (5 * 1024 * 1024 // 4 + 1)
    r = run_cli("check", "-", "--stdin-filename", "pairs.tsv", "-s", "es", *APERTIUM, stdin=big)
    assert (r.code, r.stderr) == (2, "driftcheck: error: pairs.tsv: input is larger than 5 MiB; split it\n")


def test_stdin_named_twice_as_dash_and_dev_stdin_is_checked_once(tmp_path: Path) -> None:
    """`check - /dev/stdin`: from a pipe, /dev/stdin was found empty after `-` had read it (exit
    2); from a file (`< f.en.txt`) it was checked twice, two documents, without a word."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    text = "The bridge will open in May.\n\nPrices rose by three percent.\n"
    warning = "driftcheck: warning: /dev/stdin: the same file as an input before it: checked once\n"
    out = tmp_path / "r.json"
    r = run_cli("check", "-", "/dev/stdin", *APERTIUM, "-f", "json", "-o", str(out), stdin=text)
    assert (r.code, r.stderr) == (0, warning)
    assert [d["path"] for d in json.loads(out.read_text(encoding="utf-8"))["documents"]] == ["-"]
    (tmp_path / "f.en.txt").write_text(text, encoding="utf-8")
    with open(tmp_path / "f.en.txt", encoding="utf-8") as stdin:
        proc = subprocess.run(
            [sys.executable, "-c", "from pipeline.cli.app import app; app()", "check", "-", "/dev/stdin",
             *APERTIUM, "-f", "json", "-o", str(out)],
            stdin=stdin, capture_output=True, text=True, cwd=ROOT, timeout=300,
        )  # fmt: skip
    assert (proc.returncode, proc.stderr) == (0, warning)
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"]) == 1
