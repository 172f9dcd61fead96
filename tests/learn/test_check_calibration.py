"""`check` with a calibration file that is not the shipped one (missing evidence, a semantic term,
the config file), and that running never imports scikit-learn (real Apertium)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.learn.runs import check_json, write_jsonl


@pytest.mark.requires_apertium
def test_a_calibration_that_needs_missing_evidence_fails_clearly(tmp_path: Path) -> None:
    from pipeline.core import calibration as cal

    shipped = cal.shipped("source")
    assert shipped is not None
    raw = {**dict(shipped.variants[-1].raw), "requires": ["semantic"], "name": "needs-encoder"}
    needs = tmp_path / "needs.json"
    needs.write_text(json.dumps({"format": cal.FORMAT, "version": 1, "mode": "source", "variants": [raw]}))
    pairs = write_jsonl(tmp_path / "p.jsonl", [{"source": "Hola.", "translation": "Hello."}])
    out = tmp_path / "out.json"
    for calibration, message in (
        (needs, "needs evidence this run does not have: semantic"),
        (tmp_path / "nope.json", "cannot read calibration"),
    ):
        r = run_cli("check", str(pairs), "--source-lang", "es", "--engine", "apertium", "--no-cache",
                    "--no-semantic", "--calibration", str(calibration), "-f", "json", "-o", str(out))  # fmt: skip
        assert r.code == 2 and message in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1 and not out.exists()


@pytest.mark.requires_apertium
@pytest.mark.requires_encoder
def test_semantic_evidence_reaches_a_calibration_that_weighs_it(tmp_path: Path) -> None:
    from pipeline.core import calibration as cal

    shipped = cal.shipped("source")
    assert shipped is not None
    raw = dict(shipped.variants[-1].raw)
    model = dict(raw["model"])
    # far apart (1 - cosine) counts towards "shifted"
    model["terms"] = [
        *model["terms"],
        {"feature": "semantic:source_copy", "mean": 0.3, "scale": 0.1, "weight": 5.0},
    ]
    raw.update(model=model, requires=["semantic"], name="weighs-cosines")
    weighs = tmp_path / "weighs.json"
    weighs.write_text(json.dumps({"format": cal.FORMAT, "version": 1, "mode": "source", "variants": [raw]}))
    pairs = write_jsonl(
        tmp_path / "p.jsonl",
        [
            {"source": "El puente reabrió el lunes.", "translation": "The bridge reopened on Monday."},
            {"source": "El puente reabrió el lunes.", "translation": "My cat likes warm milk."},
        ],
    )
    r = run_cli("check", str(pairs), "--source-lang", "es", "--engine", "apertium", "--no-cache",
                "--calibration", str(weighs), "-f", "json", "--fail-on", "never")  # fmt: skip
    assert r.code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["signature"]["calibration"]["variant"] == "weighs-cosines"
    faithful, unrelated = data["segments"]
    assert faithful["semantic"]["source_copy"] > unrelated["semantic"]["source_copy"]
    assert unrelated["drift"] > faithful["drift"]
    assert any(e["feature"] == "semantic:source_copy" for e in unrelated["evidence"])


@pytest.mark.requires_apertium
def test_running_never_imports_scikit_learn(tmp_path: Path) -> None:
    pairs = write_jsonl(
        tmp_path / "p.jsonl", [{"source": "El puente reabrió.", "translation": "The bridge reopened."}]
    )
    code = (
        "import sys\n"
        "from pipeline.config import Settings\n"
        "from pipeline.api import check_data\n"
        f"data = check_data([{str(pairs)!r}], Settings(source_lang='es', engine='apertium', cache=False))\n"
        "assert data['signature']['calibration']['source'] == 'shipped'\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'scipy')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.requires_apertium
def test_calibration_from_the_config_file(tmp_path: Path) -> None:
    from pipeline.core import calibration as cal

    shipped = cal.shipped("source")
    assert shipped is not None
    raw = {**dict(shipped.variants[-1].raw), "name": "team", "thresholds": {"review": 0.0, "fail": 1.0}}
    team = tmp_path / "team.json"
    team.write_text(json.dumps({"format": cal.FORMAT, "version": 1, "mode": "source", "variants": [raw]}))
    config = tmp_path / "driftcheck.toml"
    config.write_text(f'calibration = "{team}"\n', encoding="utf-8")
    pairs = write_jsonl(
        tmp_path / "p.jsonl", [{"source": "El puente reabrió.", "translation": "The bridge reopened."}]
    )
    report = check_json(tmp_path / "r.json", str(pairs), "--no-cache", "--config", str(config))
    assert report["signature"]["calibration"]["variant"] == "team"
    seg = report["segments"][0]  # review at drift >= 0: every segment asks for review, with a reason
    assert seg["verdict"] == "review" and [f["check"] for f in seg["flags"]][-1] == "combined"
    config.write_text('calibration = "nope.json"\n', encoding="utf-8")
    r = run_cli("check", str(pairs), "--source-lang", "es", "--config", str(config), "--engine", "apertium")
    assert r.code == 2 and "nope.json: cannot read calibration" in r.stderr
