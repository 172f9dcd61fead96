"""Where SARIF and GitHub annotations say a file is: percent-encoded relative URIs with forward
slashes, relative to the repository root where the working directory is inside one."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from pipeline.report.github import render_github
from pipeline.report.sarif import artifact_uri
from tests.report.test_report_ci import report, results_by_check, sarif

__all__ = ["report"]  # the fixture, shared with test_report_ci.py


def test_uri_is_percent_encoded_relative_with_forward_slashes(report: dict[str, Any]) -> None:
    (r,) = results_by_check(sarif(report))["drift"][1:]
    uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "docs/news/raid%2C%20part%3A2.md"
    assert unquote(uri) == "docs/news/raid, part:2.md"
    assert artifact_uri("docs\\guide.md") == "docs/guide.md"
    assert artifact_uri("./docs/../docs/guide.md") == "docs/guide.md"


def test_absolute_paths_under_the_working_directory_become_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert artifact_uri(str(tmp_path / "docs" / "a b.md")) == "docs/a%20b.md"
    assert artifact_uri("/elsewhere/x.md").startswith("file:///")


def test_paths_are_relative_to_the_repository_root_from_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, report: dict[str, Any]
) -> None:
    """GitHub code scanning places alerts by repository paths: a run from a subfolder (a workflow
    step's `working-directory: site`) wrote `../docs/x.md` and `x.md` for `site/x.md`."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "site").mkdir()
    monkeypatch.chdir(tmp_path / "site")
    assert artifact_uri("../docs/a b.md") == "docs/a%20b.md"
    assert artifact_uri("x.md") == "site/x.md"
    assert artifact_uri(str(tmp_path / "site" / "x.md")) == "site/x.md"
    assert artifact_uri("/elsewhere/x.md") == "file:///elsewhere/x.md"  # outside the repository
    assert artifact_uri("<memory>") == "%3Cmemory%3E"  # the API's report of text held in memory
    # workflow annotations too: the report's docs/guide.md, checked from site/, is site/docs/guide.md
    assert "::error file=site/docs/guide.md,line=" in render_github(report)


def test_a_path_with_a_nul_renders(report: dict[str, Any]) -> None:
    """A report's path holding NUL (a hand-edited report; found by tests/core/test_fuzz.py) stopped
    SARIF with "internal error: ValueError: embedded null byte" (resolving it as a file)."""
    report["documents"][0]["path"] = "a\x00b.md"
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif(report)["runs"][0]["results"]
    }
    assert "a%00b.md" in uris


def test_a_relative_path_that_leaves_the_working_folder_and_comes_back_is_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`../site/pairs.jsonl`, run from `site/`, missed the baseline made with `pairs.jsonl` (every
    accepted flag new, the gate failed) and SARIF wrote `../site/pairs.jsonl` outside a repository,
    while `$PWD/pairs.jsonl` and `sub/../pairs.jsonl` matched."""
    from pipeline.report.baseline import normalise_path

    (tmp_path / "site").mkdir()
    monkeypatch.chdir(tmp_path / "site")
    assert normalise_path("../site/pairs.jsonl") == "pairs.jsonl"
    assert normalise_path("../site/docs/../a.md") == "a.md"
    assert normalise_path("../other/a.md") == "../other/a.md"  # outside: kept as given
    assert artifact_uri("../site/pairs.jsonl") == "pairs.jsonl"
