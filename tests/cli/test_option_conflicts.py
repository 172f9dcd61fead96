"""Options and inputs that do not fit each other are said, not silently dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

APERTIUM = ("--engine", "apertium", "--no-semantic", "-f", "json", "-o", "r.json")
PO = (ROOT / "tests" / "data" / "formats" / "po" / "wtforms.es.po").read_bytes()


@pytest.mark.requires_apertium
def test_unapproved_only_names_the_inputs_it_cannot_apply_to(tmp_path: Path) -> None:
    (tmp_path / "c.en.txt").write_text("The bridge reopened on Monday.\n", encoding="utf-8")
    r = run_cli("check", "c.en.txt", "--unapproved-only", "--no-cache", *APERTIUM, cwd=tmp_path)
    assert r.code == 0, r.stderr
    assert r.stderr == (
        "driftcheck: warning: c.en.txt: not a PO or XLIFF file, which has no approval states: "
        "--unapproved-only leaves it whole\n"
    )


@pytest.mark.requires_apertium
def test_a_catalogue_on_stdin_without_a_name_is_said_to_be_read_as_prose(tmp_path: Path) -> None:
    """A PO file piped in without --stdin-filename was checked as English prose, exit 0, silently."""
    r = run_cli("check", "-", "--no-cache", *APERTIUM, "--fail-on", "never", stdin=PO, cwd=tmp_path)
    assert r.code == 0, r.stderr
    assert (
        "driftcheck: warning: -: looks like a gettext catalogue (PO) but is read as plain text; "
        "give --stdin-filename NAME.po to check it as one\n"
    ) in r.stderr
    named = run_cli(
        "check",
        "-",
        "--stdin-filename",
        "es.po",
        "--no-cache",
        *APERTIUM,
        "--fail-on",
        "never",
        stdin=PO,
        cwd=tmp_path,
    )
    assert named.code == 0 and "looks like" not in named.stderr, named.stderr
