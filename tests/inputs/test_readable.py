"""Text is read as a reader reads it: composed (NFC) and without soft hyphens, whatever the input."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from pipeline.formats.encoding import readable
from tests.conftest import run_cli

APERTIUM = ("--engine", "apertium", "--no-cache", "--no-semantic", "-f", "json")


def test_readable_composes_and_drops_soft_hyphens() -> None:
    nfd = unicodedata.normalize("NFD", "José Pérez visitó Bogotá")
    assert nfd != "José Pérez visitó Bogotá" and readable(nfd) == "José Pérez visitó Bogotá"
    assert readable("govern\u00adment") == "government"
    assert readable("x² ﬁ Ｓｏｎｙ") == "x² ﬁ Ｓｏｎｙ"  # compatibility forms stay (NFKC would change them)


@pytest.mark.requires_apertium
def test_a_decomposed_copy_is_checked_like_the_same_text_composed(tmp_path: Path) -> None:
    """Text pasted from macOS (NFD) split "Pérez" into "Pe" + "rez": lost names, mangled engine
    output, and correct pairs sent to review."""
    (tmp_path / "o.es.txt").write_text("José Pérez Núñez visitó Bogotá el lunes. Ángela Müller no asistió.\n")
    copy = "José Pérez Núñez visited Bogotá on Monday. Ángela Müller did not attend."
    (tmp_path / "c.en.txt").write_text(unicodedata.normalize("NFD", copy) + "\n")
    r = run_cli(
        "check",
        "c.en.txt",
        "--source",
        "o.es.txt",
        "-s",
        "es",
        "-l",
        "en",
        *APERTIUM,
        "-o",
        "r.json",
        cwd=tmp_path,
    )
    assert r.code == 0, r.stderr
    segs = json.loads((tmp_path / "r.json").read_text("utf-8"))["segments"]
    assert [(s["text"], s["verdict"], s["flags"]) for s in segs] == [
        ("José Pérez Núñez visited Bogotá on Monday.", "ok", []),
        ("Ángela Müller did not attend.", "ok", []),
    ]


@pytest.mark.requires_apertium
def test_soft_hyphens_do_not_split_words(tmp_path: Path) -> None:
    """ "extra\u00adordinary" was "extra" + "ordinary" (an antonym of "normal" in the round trip), and
    the round trip read as scrambled."""
    text = "The govern\u00adment announced an extra\u00adordinary infrastructure investment yesterday.\n"
    (tmp_path / "c.en.txt").write_text(text)
    r = run_cli("check", "c.en.txt", "-l", "en", "--pivot", "es", *APERTIUM, "-o", "r.json", cwd=tmp_path)
    assert r.code == 0, r.stderr
    segs = json.loads((tmp_path / "r.json").read_text("utf-8"))["segments"]
    assert [(s["verdict"], [f["check"] for f in s["flags"]]) for s in segs] == [("ok", [])]
    assert segs[0]["text"] == text.replace("\u00ad", "").strip()


def test_readable_drops_zero_width_spaces_and_joiners_but_keeps_shaping_ones() -> None:
    assert readable("5\u200b000 y 7\u2060500 per\ufeffsonas") == "5000 y 7500 personas"
    assert readable("می\u200cخواهم 👩\u200d💻 \u200fx") == "می\u200cخواهم 👩\u200d💻 \u200fx"


@pytest.mark.requires_apertium
@pytest.mark.parametrize("mark", ["\u200b", "\u2060"])
def test_a_zero_width_mark_inside_a_number_is_read_as_nothing(tmp_path: Path, mark: str) -> None:
    """ "5\u200b000" (a CMS or word-processor export) was the numbers 5 and 000: a critical `numbers`
    flag, source number '000' not found, and a failed gate on a correct pair."""
    row = {
        "source": f"Hay 5{mark}000 personas en la plaza.",
        "translation": "There are 5,000 people in the square.",
    }
    (tmp_path / "p.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    r = run_cli("check", "p.jsonl", "-s", "es", "-l", "en", *APERTIUM, "-o", "r.json", cwd=tmp_path)
    assert r.code == 0, r.stderr
    seg = json.loads((tmp_path / "r.json").read_text("utf-8"))["segments"][0]
    assert (seg["source"], seg["verdict"], seg["flags"]) == ("Hay 5000 personas en la plaza.", "ok", [])


@pytest.mark.parametrize(
    ("codec", "said"),
    [
        ("utf-16", "is UTF-16 text, not UTF-8: convert it first, e.g. iconv -f utf-16 -t utf-8"),
        ("utf-16-le", "is UTF-16LE text, not UTF-8: convert it first, e.g. iconv -f utf-16le -t utf-8"),
        ("utf-16-be", "is UTF-16BE text, not UTF-8: convert it first, e.g. iconv -f utf-16be -t utf-8"),
        ("utf-32", "is UTF-32 text, not UTF-8: convert it first, e.g. iconv -f utf-32 -t utf-8"),
    ],
)
def test_utf16_and_utf32_text_is_named_with_how_to_convert_it(tmp_path: Path, codec: str, said: str) -> None:
    """A UTF-16 file (what Windows' Notepad and PowerShell write) read "looks like a binary file, not
    UTF-8 text", where Latin-1 got an iconv line; a file of white space read "file is empty"."""
    path = tmp_path / "a.en.txt"
    path.write_bytes("The bridge will open in May.\n".encode(codec))
    r = run_cli("check", str(path), "--engine", "apertium")
    assert (r.code, r.stderr) == (2, f"driftcheck: error: {path}: {said}\n")
    path.write_text("  \n\n", encoding="utf-8")
    r = run_cli("check", str(path), "--engine", "apertium")
    assert (r.code, r.stderr) == (2, f"driftcheck: error: {path}: holds only white space: nothing to check\n")
