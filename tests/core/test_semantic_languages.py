"""The sentence encoder's cosines are weighed only across languages it was trained on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.core.run_config import resolve_languages
from pipeline.core.semantic import LANGUAGES
from tests.conftest import run_cli


def test_a_language_the_encoder_was_not_trained_on_turns_unset_semantic_off() -> None:
    assert "ca" not in LANGUAGES and {"en", "es", "pt", "fr", "it"} <= LANGUAGES
    assert resolve_languages(Settings(lang="ca", source_lang="en"), "source").semantic is False
    assert resolve_languages(Settings(lang="en", source_lang="ca"), "source").semantic is False
    assert (
        resolve_languages(Settings(lang="es", source_lang="en"), "source").semantic is None
    )  # on if installed
    # asked for by name, it stays on
    assert resolve_languages(Settings(lang="ca", source_lang="en", semantic=True), "source").semantic is True


@pytest.mark.requires_encoder
@pytest.mark.requires_apertium
def test_catalan_copy_is_judged_by_the_calibration_without_cosines(tmp_path: Path) -> None:
    """USE v3 has no Catalan: a correct "Segur que vols suprimir aquest fitxer?" read as drift
    (cosine of source and copy 0.57 on correct Catalan pairs, 0.82 on Spanish ones)."""
    pairs = tmp_path / "ca.jsonl"
    rows = [
        ("Are you sure you want to delete this file?", "Segur que vols suprimir aquest fitxer?"),
        ("The museum is closed today.", "El museu és tancat avui."),
    ]
    pairs.write_text("".join(json.dumps({"source": s, "translation": t}) + "\n" for s, t in rows))
    out = tmp_path / "r.json"
    args = ("check", str(pairs), "--source-lang", "en", "--lang", "ca", "--engine", "apertium", "--no-cache")
    r = run_cli(*args, "-o", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (
        "semantic" not in data["signature"] and data["signature"]["calibration"]["variant"] == "apertium+pv"
    )
    assert [s.get("semantic") for s in data["segments"]] == [None, None]
    assert r.code == (0 if all(s["verdict"] == "ok" for s in data["segments"]) else 1), r.stderr
    r = run_cli(*args, "--semantic", "-o", str(out))
    assert (
        json.loads(out.read_text(encoding="utf-8"))["signature"]["calibration"]["variant"]
        == "apertium+pv+semantic"
    )
