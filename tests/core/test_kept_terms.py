"""A document's kept terms (checks/untranslated.kept_terms, passed by the source-aware stage): a
lower-case English word that Spanish copy keeps as written in three or more segments of one file
("commit" in a git catalogue) is the team's term, `minor` evidence; the same word kept once or
twice is a word left untranslated, `critical`. Real Apertium (en->es), through the Python API and
the CLI; a cached rerun keys each pair's results on the terms its document keeps.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from pipeline import api
from pipeline.checks.untranslated import KEPT_TERM_MIN, kept_terms
from pipeline.config import Settings
from tests.conftest import run_cli

PAIRS = [
    ("nothing to commit", "nada para hacer commit"),
    ("unable to parse commit %s", "no es posible analizar el commit %s"),
    ("Changes not staged for commit:", "Cambios no preparados para el commit:"),
    ("the worker stopped", "el worker se detuvo"),
    ("Remove the old files", "Elimina los ficheros antiguos"),
]


def test_a_word_kept_in_three_segments_is_a_term_and_once_is_not() -> None:
    rows = [(s, "en", t, "es") for s, t in PAIRS]
    assert KEPT_TERM_MIN == 3
    assert kept_terms(rows) == frozenset({"commit"})
    assert kept_terms(rows[1:]) == frozenset()  # two segments keep it: no term yet


def settings(tmp_path: Path, **changes: Any) -> Settings:
    base = Settings(lang="en", source_lang="es", engine="apertium", cache_path=str(tmp_path / "c.sqlite3"))
    return replace(base, lang="es", source_lang="en", **changes)


def write(path: Path, pairs: list[tuple[str, str]]) -> Path:
    path.write_text("".join(f"{s}\t{t}\n" for s, t in pairs), encoding="utf-8")
    return path


def untranslated(report: dict[str, Any]) -> list[list[str]]:
    return [
        [f["severity"] for f in seg["flags"] if f["check"] == "untranslated"] for seg in report["segments"]
    ]


@pytest.mark.requires_apertium
def test_the_documents_terms_are_minor_and_a_cached_rerun_reads_them_anew(tmp_path: Path) -> None:
    path = write(tmp_path / "git.tsv", PAIRS)
    report = api.check_data([str(path)], settings(tmp_path))
    assert untranslated(report) == [["minor"], ["minor"], ["minor"], ["critical"], []]
    assert "terms?" in report["segments"][0]["flags"][0]["message"]
    assert report["segments"][3]["verdict"] == "fail"
    # the third "commit" translated: the other two are words left in English again, though their
    # own texts and translations are the ones the cache holds results for
    changed = list(PAIRS)
    changed[2] = ("Changes not staged for commit:", "Cambios no preparados para la confirmación:")
    write(path, changed)
    again = api.check_data([str(path)], settings(tmp_path))
    assert untranslated(again) == [["critical"], ["critical"], [], ["critical"], []]
    fresh = api.check_data([str(path)], settings(tmp_path, cache=False))
    assert json.dumps(again["segments"], sort_keys=True) == json.dumps(fresh["segments"], sort_keys=True)


@pytest.mark.requires_apertium
def test_terms_are_a_documents_own(tmp_path: Path) -> None:
    """Each file is a document: two files that keep "commit" three times together have no term."""
    a = write(tmp_path / "a.tsv", PAIRS[:2])
    b = write(tmp_path / "b.tsv", PAIRS[2:3])
    done = run_cli(
        "check", str(a), str(b), "-s", "en", "-l", "es", "--engine", "apertium", "--no-cache", "-f", "json"
    )
    assert done.code == 1, done.stderr
    assert untranslated(json.loads(done.stdout)) == [["critical"], ["critical"], ["critical"]]
