"""The per-signal ROC AUC table of `driftcheck eval` (chrF both ways, each semantic cosine, drift)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.learn.evaluate import file_markdown, measure, signal_aucs
from pipeline.learn.labelled import rows_from, signals_of
from pipeline.records import Scores, Segment, SegmentResult, Semantic, SourceComparison
from tests.conftest import run_cli
from tests.learn.test_eval import ROWS


def _result(pair_id: int, label: str, chrf: float, cos: float, drift: float) -> SegmentResult:
    meta = (("label", label), ("pair_id", str(pair_id)))
    seg = Segment(f"r{pair_id}", 0, 1, 1, 1, "copy", "source", meta=meta)
    s = Scores(chrf, chrf, 100 - chrf)
    comp = SourceComparison("back", s, "forward", s, "srt", s)
    return SegmentResult(seg, (), comp, drift, (), "ok", semantic=Semantic(cos, cos, cos))


def test_low_similarity_counts_as_evidence_of_a_shift() -> None:
    results = [
        _result(0, "shifted", 20.0, 0.3, 0.9),
        _result(5, "ok", 80.0, 0.9, 0.1),
        _result(1, "shifted", 90.0, 0.95, 0.05),  # a miss for every signal
        _result(2, "ok", 10.0, 0.1, 0.95),
    ]
    assert signals_of(results[0]) == {
        "chrF(back-translation, source)": -20.0,
        "chrF(forward translation, copy)": -20.0,
        "cos(source, copy)": -0.3,
        "cos(forward translation, copy)": -0.3,
        "cos(back-translation, source)": -0.3,
    }
    rows = rows_from(0, results)
    assert signal_aucs(rows) == dict.fromkeys(signals_of(results[0]), 0.25)
    held_out = [r for r in rows if r.heldout]  # pair_id 0 and 5: the shifted one is further apart
    assert [r.id for r in held_out] == ["r0", "r5"]
    assert set(signal_aucs(held_out).values()) == {1.0}


def test_the_table_says_when_the_cosines_are_missing() -> None:
    with_cos = rows_from(0, [_result(0, "shifted", 20.0, 0.3, 0.9), _result(1, "ok", 80.0, 0.9, 0.1)])
    without = [replace(r, signals={k: v for k, v in r.signals.items() if not k.startswith("cos(")}) for r in with_cos]
    md_with = "\n".join(file_markdown("f", {"all": measure(with_cos)}))
    md_without = "\n".join(file_markdown("f", {"all": measure(without)}))
    assert "| cos(source, copy) | 1.000 |" in md_with and "pip install" not in md_with
    assert "| chrF(back-translation, source) | 1.000 |" in md_without
    assert "pip install -e '.[neural]'" in md_without


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
    r = run_cli("eval", str(f), "--engine", "apertium", "--no-cache", "--split", "all", "-o", str(out))
    assert r.code == 0, r.stderr
    m = json.loads((out / "eval.json").read_text())
    (split,) = next(iter(m["files"].values()))["splits"].values()
    table = split["signal_auc"]
    assert {"cos(source, copy)", "cos(forward translation, copy)", "cos(back-translation, source)"} <= set(
        table
    )
    assert all(0 <= auc <= 1 for auc in table.values())
    assert "| cos(source, copy) |" in r.stdout and "ROC AUC of each signal alone" in r.stdout
