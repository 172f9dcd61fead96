"""Catalogue runs a CI job makes. `--unapproved-only` on a catalogue whose every entry is approved:
the state a team works towards is no input error (it was exit 2, "no translated entries to check",
alone and inside a folder scan, which failed the job of a team whose catalogues were all
reviewed). And `--annotate` on a catalogue read from stdin writes its marked copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.requires_apertium

APERTIUM = ["--engine", "apertium", "--no-cache"]
HEADER = 'msgid ""\nmsgstr ""\n"Language: es\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
APPROVED = HEADER + 'msgid "Save the file"\nmsgstr "Guardar el archivo"\n'
FUZZY_WRONG = (
    HEADER + '#, fuzzy, python-format\nmsgid "Delete %(count)s files?"\nmsgstr "¿Borrar archivos?"\n'
)
XLIFF_APPROVED = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="es" datatype="plaintext" original="ui">
    <body>
      <trans-unit id="save" approved="yes">
        <source>Save the file</source>
        <target state="final">Guardar el archivo</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""
SKIPPED = "driftcheck: warning: {}: no translated entries to check (0 untranslated, 0 obsolete, only approved ones): skipped"
NOTHING = "driftcheck: nothing to check: every translated entry is approved; no report written"


def test_an_approved_catalogue_alone_is_nothing_to_check(tmp_path: Path) -> None:
    po = tmp_path / "good.po"
    po.write_text(APPROVED, encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli("check", str(po), *APERTIUM, "--unapproved-only", "-f", "json", "-o", str(out))
    assert r.code == 0, r.stderr
    assert r.stderr.splitlines() == [SKIPPED.format(po), NOTHING]
    assert not out.exists()
    # without --unapproved-only the approved entry is checked
    r = run_cli("check", str(po), *APERTIUM, "-f", "json", "-o", str(out))
    assert r.code == 0, r.stderr
    assert [s["id"] for s in json.loads(out.read_text(encoding="utf-8"))["segments"]] == ["Save the file"]


def test_an_approved_xliff_file_is_nothing_to_check(tmp_path: Path) -> None:
    xlf = tmp_path / "ui.xlf"
    xlf.write_text(XLIFF_APPROVED, encoding="utf-8")
    r = run_cli("check", str(xlf), *APERTIUM, "--unapproved-only")
    assert r.code == 0, r.stderr
    assert r.stderr.splitlines()[-1] == NOTHING


def test_in_a_folder_the_approved_catalogue_is_skipped_and_the_others_gate(tmp_path: Path) -> None:
    folder = tmp_path / "po"
    folder.mkdir()
    (folder / "good.po").write_text(APPROVED, encoding="utf-8")
    (folder / "flag.po").write_text(FUZZY_WRONG, encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli("check", str(folder), *APERTIUM, "--unapproved-only", "-f", "json", "-o", str(out))
    assert r.code == 1, r.stderr  # the placeholder the fuzzy entry lost fails the gate; no input error
    assert SKIPPED.format(folder / "good.po") in r.stderr.splitlines()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["path"] for d in data["documents"]] == [str(folder / "flag.po")]


def test_a_catalogue_with_nothing_translated_is_still_an_input_error(tmp_path: Path) -> None:
    po = tmp_path / "new.po"
    po.write_text(HEADER + 'msgid "Save the file"\nmsgstr ""\n', encoding="utf-8")
    r = run_cli("check", str(po), *APERTIUM, "--unapproved-only")
    assert r.code == 2
    assert (
        r.stderr == f"driftcheck: error: {po}: no translated entries to check (1 untranslated, 0 obsolete)\n"
    )


def test_annotate_marks_a_catalogue_read_from_stdin(tmp_path: Path) -> None:
    """`cat ui.po | driftcheck check - --stdin-filename ui.po --annotate marked.po` wrote no copy
    and said nothing: the report named the document "ui.po", the plan its temp file."""
    marked = tmp_path / "marked.po"
    r = run_cli(
        "check", "-", "--stdin-filename", "ui.po", *APERTIUM, "--annotate", str(marked), "-f", "json",
        "-o", str(tmp_path / "r.json"), stdin=FUZZY_WRONG, cwd=tmp_path,
    )  # fmt: skip
    assert r.code == 1, r.stderr
    text = marked.read_text(encoding="utf-8")
    assert (
        "# driftcheck: fail: placeholders (critical): placeholder “%(count)s” of the source is missing"
        in text
    )
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["documents"][0]["path"] == "ui.po"


def test_annotate_with_a_catalogue_name_for_several_catalogues_is_refused(tmp_path: Path) -> None:
    """`--annotate review.po` with two catalogues silently made a folder named review.po (as `-o
    x.html` with two formats is refused); `review.po/` says a folder is meant."""
    for name in ("a.po", "b.po"):
        (tmp_path / name).write_text(FUZZY_WRONG, encoding="utf-8")
    args = ["check", "a.po", "b.po", *APERTIUM, "-f", "json", "-o", "r.json"]
    r = run_cli(*args, "--annotate", "review.po", cwd=tmp_path)
    assert r.code == 2 and r.stderr == (
        "driftcheck: error: --annotate review.po: 2 PO/XLIFF inputs get one copy each, so OUT is a "
        "folder; give a folder (review.po/ if that name is meant)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po", "b.po"]  # nothing made, nothing written
    r = run_cli(*args, "--annotate", "review.po/", cwd=tmp_path)
    assert r.code == 1, r.stderr
    assert sorted(p.name for p in (tmp_path / "review.po").iterdir()) == ["a.po", "b.po"]


def test_a_run_that_checks_nothing_names_the_reports_it_did_not_replace(tmp_path: Path) -> None:
    """With nothing left to check no report is written; the previous run's (a failing SARIF, say)
    stayed where a CI step reads it, without a word."""
    po = tmp_path / "good.po"
    po.write_text(APPROVED, encoding="utf-8")
    (tmp_path / "r.json").write_text('{"old": true}\n', encoding="utf-8")
    r = run_cli("check", str(po), *APERTIUM, "--unapproved-only", "-f", "json", "-o", "r.json", cwd=tmp_path)
    assert r.code == 0, r.stderr
    assert r.stderr.splitlines()[-1] == "driftcheck: warning: r.json: an earlier run's report, not replaced"
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == '{"old": true}\n'  # nothing destroyed


@pytest.mark.parametrize("annotate", ["locale/review/", "locale/es.review.po"])
def test_a_second_run_does_not_take_the_first_runs_review_copies_as_inputs(
    tmp_path: Path, annotate: str
) -> None:
    """With `--annotate` inside the scanned folder the second identical run found the first one's
    review copies: exit 2, "would overwrite the input" (a CI job that worked once, then failed)."""
    (tmp_path / "locale").mkdir()
    (tmp_path / "locale" / "es.po").write_text(FUZZY_WRONG.replace("#, fuzzy, ", "#, "), encoding="utf-8")
    args = ["check", "locale", *APERTIUM, "-f", "json", "-o", "locale/out/", "--annotate", annotate]
    first = run_cli(*args, cwd=tmp_path)
    assert first.code == 1, first.stderr
    copy = tmp_path / annotate / "es.po" if annotate.endswith("/") else tmp_path / annotate
    marked = copy.read_bytes()
    second = run_cli(*args, cwd=tmp_path)
    assert (second.code, second.stderr) == (first.code, first.stderr)
    assert copy.read_bytes() == marked
    assert [
        d["path"]
        for d in json.loads((tmp_path / "locale" / "out" / "driftcheck.json").read_text())["documents"]
    ] == ["locale/es.po"]


def test_an_xliff_whose_files_say_different_languages_is_refused(tmp_path: Path) -> None:
    """XLIFF 1.2 says its languages per <file>: a French <file> beside a Portuguese one was judged
    as Portuguese copy (its French words "added names"); one run checks one language pair."""
    files = [(lang, XLIFF_APPROVED.split("\n", 2)[2].split("</xliff>")[0]) for lang in ("pt", "fr")]
    body = "".join(
        f.replace('target-language="es"', f'target-language="{lang}"').replace('"ui"', f'"ui-{lang}"')
        for lang, f in files
    )
    two = "\n".join(XLIFF_APPROVED.split("\n", 2)[:2]) + "\n" + body + "</xliff>\n"
    xliff = tmp_path / "ui.xlf"
    xliff.write_text(two, encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli("check", str(xliff), *APERTIUM, "-f", "json", "-o", str(out))
    assert r.code == 2 and r.stderr.count("\n") == 1, r.stderr
    assert "say different target-languages (pt, fr)" in r.stderr and not out.exists()


def test_a_catalogue_of_english_msgids_beside_one_of_spanish_msgids_is_refused(tmp_path: Path) -> None:
    """A PO file without X-Source-Language has English msgids (gettext's convention); beside one
    that declares Spanish it took Spanish, and its English msgids were checked as Spanish."""
    header = HEADER.replace('"Language: es\\n"', '"Language: pt\\n"')
    spanish = header.replace('"Language: pt\\n"', '"Language: pt\\n"\n"X-Source-Language: es\\n"')
    (tmp_path / "a.po").write_text(
        spanish + 'msgid "Guardar el archivo"\nmsgstr "Salvar o arquivo"\n', "utf-8"
    )
    (tmp_path / "c.po").write_text(header + 'msgid "Save the file"\nmsgstr "Salvar o arquivo"\n', "utf-8")
    out = tmp_path / "r.json"
    r = run_cli(
        "check", str(tmp_path / "a.po"), str(tmp_path / "c.po"), *APERTIUM, "-f", "json", "-o", str(out)
    )
    assert r.code == 2 and r.stderr.count("\n") == 1, r.stderr
    assert "declares source language 'es' but" in r.stderr and "c.po declares none" in r.stderr
    assert not out.exists()
    r = run_cli(
        "check", str(tmp_path / "c.po"), *APERTIUM, "--fail-on", "never", "-f", "json", "-o", str(out)
    )
    assert r.code == 0, r.stderr  # alone it is English into Portuguese, as before
