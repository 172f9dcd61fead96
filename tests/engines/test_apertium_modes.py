"""Apertium's installed modes are read from the folder the `apertium` script lists, in its order,
without running the script (pipeline/engines/apertium.py: listed_modes); same result as `apertium -l`."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.engines import apertium

pytestmark = pytest.mark.requires_apertium


def script_listing(binary: str, env: dict[str, str]) -> list[str]:
    out = subprocess.run(
        [binary, "-l"], capture_output=True, text=True, env={**os.environ, **env, "LC_ALL": "C"}
    )
    return out.stdout.split()


def test_the_installed_modes_are_what_apertium_lists() -> None:
    binary = shutil.which("apertium")
    assert binary is not None
    listed = apertium.listed_modes(binary)
    assert listed == script_listing(binary, {}) and "eng-spa" in listed


def test_a_data_folder_from_the_environment_is_listed_like_the_script_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    binary = shutil.which("apertium")
    assert binary is not None
    (tmp_path / "modes").mkdir()
    for name in ("en-eo", "en-eo-bytecode", "eng-spa", "spa-eng_US", "ab-cd.x", ".hidden", "Zz-aa"):
        (tmp_path / "modes" / f"{name}.mode").write_text("")
    (tmp_path / "modes" / "README").write_text("")
    monkeypatch.setenv("APERTIUM_DATADIR", str(tmp_path))
    assert apertium.listed_modes(binary) == script_listing(binary, {"APERTIUM_DATADIR": str(tmp_path)})


def test_another_apertium_is_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A binary that does not name its data folder the way the script does is run with -l."""
    monkeypatch.delenv("APERTIUM_DATADIR", raising=False)
    fake = tmp_path / "apertium"
    fake.write_text('#!/bin/sh\necho "  fr-es"\necho "  es-fr"\n')
    fake.chmod(0o755)
    assert apertium.listed_modes(str(fake)) == ["fr-es", "es-fr"]


def test_the_analysers_data_rebuilt_in_place_changes_their_signature(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The remembered rows keyed the analysers on their stages and Apertium's version: a language
    pair rebuilt or upgraded under the same paths read the old analyses back."""
    from pipeline.engines import apertium_analysis

    system = "/usr/share/apertium/apertium-eng-spa"
    shutil.copytree(system, tmp_path / "eng-spa")
    (tmp_path / "modes").mkdir()
    text = Path("/usr/share/apertium/modes/spa-eng.mode").read_text("utf-8")
    (tmp_path / "modes" / "spa-eng.mode").write_text(text.replace(system, str(tmp_path / "eng-spa")))
    monkeypatch.setenv("APERTIUM_DATADIR", str(tmp_path))
    caches = (apertium_analysis.analysis_pipeline, apertium_analysis._analyser_digest)  # once a process
    for cached in caches:
        cached.cache_clear()
    try:
        before = apertium_analysis.data_signature(["es"])
        assert before["es"] is not None and apertium_analysis.data_signature(["es"]) == before
        tagger = tmp_path / "eng-spa" / "spa-eng.prob"
        tagger.write_bytes(tagger.read_bytes() + b"\0")
        apertium_analysis._analyser_digest.cache_clear()  # the next run's process
        assert apertium_analysis.data_signature(["es"]) != before
    finally:
        for cached in caches:
            cached.cache_clear()
