"""The language pairs a calibration was trained on (core/trained_pairs.py): the report signature
lists them, and `check` warns where a source-aware run pairs other languages (the shipped
calibration learned from Spanish and Portuguese into English; copy between two Romance languages
is judged by weights never measured there). Real Apertium, the shipped calibration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.core.trained_pairs import trained_pairs, untrained_pairs
from tests.conftest import run_cli
from tests.learn.runs import write_jsonl

WARNING = "driftcheck: warning: the calibration (shipped) was trained on es->en, pt->en, not on es->pt"


def test_trained_pairs_are_read_from_the_training_files() -> None:
    raw = {"training": {"files": [{"source_lang": "pt", "lang": "en"}, {"source_lang": "es", "lang": "en"}]}}
    assert trained_pairs(raw) == ["es->en", "pt->en"]
    assert trained_pairs({}) == [] and trained_pairs({"training": {"files": [{"lang": "en"}]}}) == []


def test_only_pairs_the_calibration_did_not_learn_are_named() -> None:
    def report(*pairs: tuple[str, str], mode: str = "source") -> dict[str, object]:
        docs = [{"source_lang": s, "lang": t} for s, t in pairs]
        sig = {"calibration": {"source": "team.json", "trained_on": ["es->en", "pt->en"]}}
        return {"mode": mode, "signature": sig, "documents": docs}

    assert untrained_pairs(report(("es", "en"), ("pt", "en"))) is None
    warning = untrained_pairs(report(("es", "en"), ("fr", "es"), ("es", "pt")))
    assert (
        warning is not None and "(team.json) was trained on es->en, pt->en, not on es->pt, fr->es:" in warning
    )
    assert untrained_pairs(report(("es", "pt"), mode="roundtrip")) is None
    assert untrained_pairs({"mode": "source", "signature": {"calibration": "none (flag rules)"}}) is None


@pytest.mark.requires_apertium
def test_check_warns_on_a_pair_the_shipped_calibration_never_saw(tmp_path: Path) -> None:
    pairs = [{"source": "No se puede abrir el archivo.", "translation": "Impossível abrir o ficheiro."}]
    out = tmp_path / "out.json"
    base = ["--engine", "apertium", "--no-cache", "--no-semantic", "--no-morph", "--fail-on", "never"]
    r = run_cli("check", str(write_jsonl(tmp_path / "p.jsonl", pairs)), "-s", "es", "-l", "pt", *base,
                "-f", "json", "-o", str(out))  # fmt: skip
    assert r.code == 0, r.stderr
    assert [line for line in r.stderr.splitlines() if line.startswith(WARNING)], r.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["signature"]["calibration"]["trained_on"] == [
        "es->en",
        "pt->en",
    ]
    english = [{"source": "No se puede abrir el archivo.", "translation": "The file cannot be opened."}]
    r = run_cli("check", str(write_jsonl(tmp_path / "e.jsonl", english)), "-s", "es", *base, "-f", "json",
                "-o", str(out))  # fmt: skip
    assert r.code == 0 and "calibration" not in r.stderr, r.stderr
