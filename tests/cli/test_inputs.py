"""What `check` reads from a scanned folder (pipeline/cli/inputs.py): blank files and documents
with no prose are passed over and named; named as an input either stays an error; a file named
twice is read once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

APERTIUM = ["--engine", "apertium", "--no-cache"]

pytestmark = pytest.mark.requires_apertium


def test_a_scan_passes_over_blank_files_and_names_them(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(ROOT / "seeds" / "harbour-bridge.en.txt", folder / "article.txt")
    (folder / "todo.md").write_bytes(b"")  # a placeholder, or another run's empty output
    (folder / "notes.txt").write_text("  \n\n", encoding="utf-8")
    (folder / "bom.txt").write_bytes("\ufeff\u00a0\n".encode())  # the reader's "file is empty" too
    out = tmp_path / "r.json"
    r = run_cli("check", str(folder), *APERTIUM, "-f", "json", "-o", str(out), "--fail-on", "never")
    assert r.code == 0, r.stderr
    assert [Path(d["path"]).name for d in json.loads(out.read_text(encoding="utf-8"))["documents"]] == [
        "article.txt"
    ]
    assert r.stderr.splitlines() == [
        f"driftcheck: warning: {folder / name}: blank file, nothing to check: skipped"
        for name in ("bom.txt", "notes.txt", "todo.md")
    ]
    # named as an input, a blank file is still an error; a folder of blank files has nothing to check
    r = run_cli("check", str(folder / "todo.md"), *APERTIUM)
    assert (r.code, r.stderr.strip()) == (2, f"driftcheck: error: {folder / 'todo.md'}: file is empty")
    (folder / "article.txt").unlink()
    r = run_cli("check", str(folder), *APERTIUM, "--include", "*.md")
    assert r.code == 2
    assert r.stderr.strip().endswith(f"driftcheck: error: {folder}: only blank files matching *.md")


def test_a_scan_passes_over_documents_with_no_prose(tmp_path: Path) -> None:
    """A docs tree's section index (front matter only) or a page of code found by a scan stopped
    the whole run (exit 2, no report, the other files unchecked). Now it is passed over with a
    warning, as a blank file is; named as an input it is an error and the others are still checked."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "guide.md").write_text("The mayor opened the new bridge on Friday.\n", encoding="utf-8")
    (folder / "_index.md").write_text('---\ntitle: "Section"\nweight: 10\n---\n', encoding="utf-8")
    (folder / "code.md").write_text("```sh\npip install driftcheck\n```\n", encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli("check", str(folder), *APERTIUM, "-f", "json", "-o", str(out))
    assert r.code == 0, r.stderr
    assert [d["path"] for d in json.loads(out.read_text(encoding="utf-8"))["documents"]] == [
        str(folder / "guide.md")
    ]
    no_prose = "no text to check (only code, comments or markup)"
    assert r.stderr.splitlines() == [
        f"driftcheck: warning: {folder / n}: {no_prose}: skipped" for n in ("_index.md", "code.md")
    ]
    out.unlink()
    r = run_cli(
        "check", str(folder / "guide.md"), str(folder / "_index.md"), *APERTIUM, "-f", "json", "-o", str(out)
    )
    assert (
        r.code == 2 and r.stderr.splitlines()[0] == f"driftcheck: error: {folder / '_index.md'}: {no_prose}"
    )
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"]) == 1  # the other file checked
    (folder / "guide.md").unlink()
    r = run_cli("check", str(folder), *APERTIUM)
    assert r.code == 0 and r.stderr.splitlines()[-1] == (
        "driftcheck: nothing to check: every input was skipped; no report written"
    )


def test_a_file_named_twice_is_checked_once(tmp_path: Path) -> None:
    """A folder and a glob over it (or a link to a file) named one file twice: it was checked and
    counted twice, its flags too."""
    (tmp_path / "sh").mkdir()
    (tmp_path / "sh" / "a.jsonl").write_text(
        '{"source": "Gastó 320 euros.", "translation": "Spent 230 euros."}\n', "utf-8"
    )
    (tmp_path / "link.jsonl").symlink_to(tmp_path / "sh" / "a.jsonl")
    args = ("-s", "es", "--engine", "apertium", "--no-semantic", "--no-cache", "-f", "json", "-o", "r.json")
    r = run_cli("check", "sh", "sh/*.jsonl", "link.jsonl", *args, cwd=tmp_path)
    assert r.code == 1, r.stderr
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert [d["path"] for d in data["documents"]] == ["sh/a.jsonl"] and data["summary"]["segments"] == 1
    assert r.stderr.count("the same file as an input before it: checked once") == 2
