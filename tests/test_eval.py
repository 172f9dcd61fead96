"""`driftcheck eval` on a small hand-made labelled file with known results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import roc_auc
from tests.conftest import run_cli

ROWS = [
    ("El puente reabrió el lunes.", "The bridge reopened on Monday.", "ok", "mt", None),
    (
        "Los ingenieros sustituyeron 320 cables.",
        "The engineers replaced 320 cables.",
        "ok",
        "reference",
        None,
    ),
    ("La obra costó 12 millones de euros.", "The work cost 12 million euros.", "ok", "mt", None),
    ("La obra costó 12 millones de euros.", "the work cost 12 million euros", "ok", "full_lower", "minor"),
    (
        "Los ingenieros sustituyeron 320 cables.",
        "The engineers replaced 230 cables.",
        "shifted",
        "numbers_replaced",
        "critical",
    ),
    (
        "El tráfico no estará permitido hasta junio.",
        "Traffic will be allowed until June.",
        "shifted",
        "negation",
        "critical",
    ),
    ("El puente reabrió el lunes.", "Did the bridge reopen on Monday?", "shifted", "question", "major"),
    ("El puente reabrió el lunes.", ".", "shifted", "empty", "critical"),
]


def test_roc_auc_counts_ties_as_half() -> None:
    assert roc_auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert roc_auc([0.1], [0.9]) == 0.0
    assert roc_auc([0.5, 0.5], [0.5, 0.5]) == 0.5
    assert roc_auc([], [0.1]) is None


@pytest.mark.requires_apertium
def test_eval_reports_known_rates(tmp_path: Path) -> None:
    f = tmp_path / "labelled.jsonl"
    with f.open("w") as fh:
        for i, (src, tgt, label, cat, sev) in enumerate(ROWS):
            fh.write(
                json.dumps(
                    {
                        "id": f"r{i}",
                        "src_lang": "es",
                        "tgt_lang": "en",
                        "source": src,
                        "translation": tgt,
                        "label": label,
                        "category": cat,
                        "severity": sev,
                    }
                )
                + "\n"
            )
    out = tmp_path / "eval"
    r = run_cli("eval", str(f), "--engine", "apertium", "--no-cache", "-o", str(out))
    assert r.code == 0, r.stderr
    m = json.loads((out / "eval.json").read_text())
    assert m["n"] == len(ROWS) and m["mode"] == "source"
    assert m["false_flags_correct"] == 0.0 and m["false_flags_minor"] == 0.0
    assert m["recall_shifted"] == 1.0
    assert m["drift_auc"] == 1.0
    assert m["categories"]["numbers_replaced"] == {"label": "shifted", "n": 1, "flag_rate": 1.0}
    md = (out / "eval.md").read_text()
    assert "| numbers_replaced | shifted | 1 | 100.0% |" in md and "recall on shifted pairs: **100.0%**" in md
    assert md in r.stdout


def test_eval_rejects_a_file_without_labels(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"source": "Hola.", "translation": "Hello.", "src_lang": "es"}) + "\n")
    r = run_cli("eval", str(f), "--engine", "apertium", "--no-cache", "-o", str(tmp_path / "o"))
    assert r.code == 2 and "'label' must be ok or shifted" in r.stderr
    assert not (tmp_path / "o").exists()
