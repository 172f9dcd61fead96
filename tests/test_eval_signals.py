"""The per-signal ROC AUC table of `driftcheck eval` (chrF both ways, each semantic cosine, drift)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import signal_aucs
from pipeline.records import Scores, Segment, SegmentResult, Semantic, SourceComparison
from tests.conftest import run_cli
from tests.test_eval import ROWS


def _result(pair_id: int, label: str, chrf: float, cos: float, drift: float) -> SegmentResult:
    meta = (("label", label), ("pair_id", str(pair_id)))
    seg = Segment(f"r{pair_id}", 0, 1, 1, 1, "copy", "source", meta=meta)
    s = Scores(chrf, chrf, 100 - chrf)
    comp = SourceComparison("back", s, "forward", s, "srt", s)
    return SegmentResult(seg, (), comp, drift, (), "ok", Semantic(cos, cos, cos))


def test_low_similarity_and_high_drift_both_count_as_evidence_of_a_shift() -> None:
    results = [
        _result(0, "shifted", 20.0, 0.3, 0.9),
        _result(5, "ok", 80.0, 0.9, 0.1),
        _result(1, "shifted", 90.0, 0.95, 0.05),  # not held out: a miss for every signal
        _result(2, "ok", 10.0, 0.1, 0.95),
    ]
    table = signal_aucs(results)
    assert list(table) == [
        "drift",
        "chrF(back-translation, source)",
        "chrF(forward translation, copy)",
        "cos(source, copy)",
        "cos(forward translation, copy)",
        "cos(back-translation, source)",
    ]
    for cell in table.values():
        assert cell == {"all": 0.25, "held_out": 1.0}


@pytest.mark.requires_apertium
@pytest.mark.requires_encoder
def test_eval_prints_and_writes_the_signal_table(tmp_path: Path) -> None:
    f = tmp_path / "labelled.jsonl"
    rows = [
        {"id": f"r{i}", "pair_id": i, "src_lang": "es", "tgt_lang": "en", "source": src, "translation": tgt}
        | {"label": label, "category": cat, "severity": sev}
        for i, (src, tgt, label, cat, sev) in enumerate(ROWS)
    ]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "eval"
    r = run_cli("eval", str(f), "--engine", "apertium", "--no-cache", "-o", str(out))
    assert r.code == 0, r.stderr
    m = json.loads((out / "eval.json").read_text())
    table = m["signal_auc"]
    assert table["drift"]["all"] == m["drift_auc"]
    assert {"cos(source, copy)", "cos(forward translation, copy)", "cos(back-translation, source)"} <= set(
        table
    )
    assert all(0 <= cell["all"] <= 1 for cell in table.values())
    assert "| cos(source, copy) |" in r.stdout and "| signal (alone) | ROC AUC, all pairs |" in r.stdout


def test_the_table_says_when_the_cosines_are_missing() -> None:
    from pipeline.evaluate import signal_table

    with_cos = signal_table(
        {"drift": {"all": 0.8, "held_out": 0.7}, "cos(source, copy)": {"all": 0.7, "held_out": 0.6}}
    )
    without = signal_table({"drift": {"all": 0.8, "held_out": 0.7}})
    assert "| drift | 0.8 | 0.7 |" in without and "pip install -e '.[neural]'" in without
    assert "pip install" not in with_cos
