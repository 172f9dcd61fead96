"""Names and ids from the input stay inert on the lines driftcheck prints, end to end with Apertium.

A file name, a page's `lang` or a unit id is untrusted text: a newline in it must not start a line
of its own (a CI runner obeys `::stop-commands::` or `::error::` at the start of any log line), a
`[/b]` in it is not rich markup (it crashed the summary), and a name that is not UTF-8 is one
named error, never an internal one.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import Result, run_cli

pytestmark = pytest.mark.usefixtures("isolated_cache")

# driftcheck's own workflow commands: `::warning file=…::` and `::error file=…::` (report/github.py)
OWN_COMMAND = re.compile(r"^::(warning|error|notice) file=")


def _commands(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("::")]


def _check(*args: str) -> Result:
    return run_cli("check", *args, "--engine", "apertium", "--no-semantic")


def test_a_newline_in_a_scanned_file_name_starts_no_workflow_command(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("The government approved 230 million euros for the school, and.\n", "utf-8")
    (docs / "b\n::stop-commands::t0k3n\n.txt").write_text("Water is good.\n", "utf-8")
    # the summary and the annotations on stdout, as under GitHub Actions
    r = _check(str(docs), "-l", "en", "-f", "text", "-f", "github")
    assert r.code == 0, r.stderr
    commands = _commands(r.stdout) + _commands(r.stderr)
    assert commands and all(OWN_COMMAND.match(c) for c in commands), commands  # was: ::stop-commands::t0k3n
    assert "b␊::stop-commands::t0k3n␊.txt" in r.stdout  # the name is still shown, on its line


def test_a_newline_in_a_pages_language_stays_in_its_warning(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        '<!doctype html><html lang="es&#10;::error title=x::INJECTED"><body><article>'
        "<p>El gobierno aprobó 320 millones de euros para la escuela.</p></article></body></html>",
        "utf-8",
    )
    # the Spanish sentence, checked as the English copy -l says, fails as wrong_language: not the point
    r = _check(str(page), "-l", "en", "-f", "json", "-o", str(tmp_path / "r.json"), "--fail-on", "never")
    assert r.code == 0, r.stderr
    assert not _commands(r.stderr), r.stderr
    assert "declares language 'es␊::error title=x::INJECTED', which is not a language code" in r.stderr


def test_a_unit_id_that_looks_like_rich_markup_is_shown_as_it_is(tmp_path: Path) -> None:
    """BBCode in a game's msgid ("[/b]" with no "[b]") was read as rich markup: MarkupError, exit 2."""
    po = tmp_path / "es.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n'
        '"X-Source-Language: es\\n"\n\nmsgid "Pulsa Aceptar[/b] para ganar 320 monedas."\n'
        'msgstr "Press OK[/b] to win 230 coins."\n',
        "utf-8",
    )
    r = _check(str(po), "-f", "text", "-f", "json", "-o", str(tmp_path / "out"))
    assert r.code == 1, r.stderr  # the gate's answer (a changed number), not an internal error
    assert "internal error" not in r.stderr
    assert "Aceptar[/b]" in r.stdout


def test_the_annotate_warning_names_a_skipped_file_inertly(tmp_path: Path) -> None:
    po = tmp_path / "a.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\nmsgid "Hola."\nmsgstr "Hello."\n',
        "utf-8",
    )
    evil = tmp_path / "x\x1b]0;PWNED\x07\x1b[2J\n::error::n.txt"
    evil.write_text("Water.\n", "utf-8")
    r = _check(
        str(po), str(evil), "--annotate", str(tmp_path / "out"), "-f", "json", "-o", str(tmp_path / "r.json")
    )
    assert "--annotate makes no copy of it" in r.stderr
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr and not _commands(r.stderr), r.stderr


def test_a_file_name_that_is_not_utf8_is_a_named_error(tmp_path: Path) -> None:
    """Reports name their files in UTF-8; a name holding other bytes failed as an internal error."""
    bad = os.fsdecode(bytes(tmp_path / "docs") + b"/a\xff.txt")
    Path(bad).parent.mkdir()
    Path(bad).write_text("The government approved 230 million euros.\n", "utf-8")
    expected = "a\\xff.txt: the file name is not valid UTF-8, and the reports name their files in UTF-8: rename the file"
    named = _check(bad, "-l", "en", "-f", "json", "-o", str(tmp_path / "n.json"))
    assert named.code == 2 and named.stderr.count("\n") == 1 and expected in named.stderr, named.stderr
    assert not (tmp_path / "n.json").exists()
    (tmp_path / "docs" / "b.txt").write_text("Water is good.\n", "utf-8")
    out = tmp_path / "out"
    scanned = _check(str(tmp_path / "docs"), "-l", "en", "-f", "json", "-o", f"{out}/")
    assert scanned.code == 2 and expected in scanned.stderr and "internal error" not in scanned.stderr
    assert [d["path"] for d in json.loads((out / "driftcheck.json").read_text("utf-8"))["documents"]] == [
        str(tmp_path / "docs" / "b.txt")
    ]  # the other file is checked, as beside any unreadable input


def test_a_newline_in_a_path_of_an_error_line_shows_as_a_picture(tmp_path: Path) -> None:
    """Error lines folded a newline into a space ("--output r.json : cannot tell…", "cache x
    ::error::y"), where warnings and `written:` show it as ␊ as the README says."""
    (tmp_path / "a.en.txt").write_text("The bridge will open in May.\n", "utf-8")
    r = run_cli("check", "a.en.txt", "--engine", "apertium", "-o", "r.json\n", cwd=tmp_path)
    assert r.code == 2 and r.stderr.startswith("driftcheck: error: --output r.json␊: cannot tell"), r.stderr
    (tmp_path / "c\n::error::x").write_text("garbage", "utf-8")
    r = run_cli(
        "check", "a.en.txt", "--engine", "apertium", "--cache", "c\n::error::x", "-f", "json", cwd=tmp_path
    )
    assert r.code == 2 and "the translation cache c␊::error::x is unusable" in r.stderr, r.stderr
    assert r.stderr.count("\n") == 1
