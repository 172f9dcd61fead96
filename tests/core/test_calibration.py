"""Calibrated verdicts (pipeline/core/calibration.py): a file's variants, the precision budget, drift
from the combiner, thresholds, and a verdict that always comes with a flag saying why."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pytest

from pipeline.checks import COMBINED_CHECK
from pipeline.core import calibration as cal
from pipeline.core.verdict import verdict as rule_verdict
from pipeline.errors import ConfigError
from pipeline.records import Flag

FLAG_N = "flag:names:critical"


def variant(**over: Any) -> dict[str, Any]:
    v: dict[str, Any] = {
        "name": "test",
        "engine": None,
        "requires": [],
        "model": {
            "kind": "logistic",
            "intercept": -2.0,
            "terms": [
                {"feature": FLAG_N, "mean": 0.0, "scale": 1.0, "weight": 1.5},
                {"feature": "len:fwd_short", "mean": 0.0, "scale": 0.5, "weight": 2.0},
                {"feature": "ctx:noise:chrf", "mean": 0.7, "scale": 0.1, "weight": 0.5},
            ],
        },
        "thresholds": {"review": 0.5, "fail": 0.9},
        "targets": {"review": 0.05, "fail": 0.01},
        "precision": {"budget": 0.01, "checks": {"names:critical": {"severity": "minor"}}},
    }
    v.update(over)
    return v


def calibration_file(*variants: dict[str, Any]) -> dict[str, Any]:
    return {"format": cal.FORMAT, "version": 1, "mode": "source", "variants": list(variants)}


def parsed(**over: Any) -> cal.Variant:
    return cal.parse(calibration_file(variant(**over)), "test").variants[0]


NAMES = Flag("names", "critical", "source name 'Tirana' not found in the translation")
NUMBERS = Flag("numbers", "critical", "source number '20' not found in the translation")


def test_over_budget_flags_become_minor_evidence() -> None:
    v = parsed()
    out = cal.judge([NAMES], {FLAG_N: 1.0, "ctx:noise:chrf": 0.7}, v, text_length=10)
    names = [f for f in out.flags if f.check == "names"]
    assert names[0].severity == "minor" and names[0].message == NAMES.message  # the reason stays
    # logit -2 + 1.5 = -0.5: drift 0.38, below review
    assert out.drift == pytest.approx(cal.sigmoid(-0.5), abs=1e-6) and out.verdict == "ok"
    assert out.evidence == ()  # only flagged segments name their evidence


def test_a_config_severity_wins_over_the_budget() -> None:
    out = cal.judge([NAMES], {FLAG_N: 1.0}, parsed(), overridden={"names": "critical"})
    assert out.verdict == "fail" and [f.severity for f in out.flags] == ["critical"]


def test_a_check_within_the_budget_still_decides() -> None:
    out = cal.judge([NUMBERS], {"flag:numbers:critical": 1.0}, parsed(), text_length=5)
    assert out.verdict == "fail" and out.flags == (NUMBERS,)  # no extra flag: numbers explains it


def test_combiner_alone_raises_a_verdict_with_a_flag_naming_the_evidence() -> None:
    features = {FLAG_N: 1.0, "len:fwd_short": 0.5, "ctx:noise:chrf": 0.9}
    out = cal.judge([NAMES], features, parsed(), text_length=42)
    # logit -2 + 1.5 + 2.0 + 1.0 (context) = 2.5: drift 0.92 >= fail 0.9
    assert out.verdict == "fail"
    combined = [f for f in out.flags if f.check == COMBINED_CHECK]
    assert len(combined) == 1 and combined[0].severity == "critical"
    assert combined[0].spans[0].end == 42
    msg = combined[0].message
    assert "names (critical, lowered to minor)" in msg and "shorter than the engine's translation" in msg
    assert "noise" not in msg  # context is never shown as evidence
    assert [e.feature for e in out.evidence] == ["len:fwd_short", FLAG_N]
    assert rule_verdict(out.flags) == out.verdict  # the verdict is the one its flags give


def test_review_band_and_disabled_combined_check() -> None:
    v = parsed()
    features = {"len:fwd_short": 0.5, "ctx:noise:chrf": 0.7}  # logit 0: drift 0.5
    assert cal.judge([], features, v).verdict == "review"
    quiet = cal.judge([], features, v, combined_enabled=False)
    assert quiet.verdict == "ok" and quiet.flags == () and quiet.drift == pytest.approx(0.5)


def test_missing_features_count_as_zero() -> None:
    assert cal.judge([], {}, parsed()).drift == pytest.approx(cal.sigmoid(-2.0 + 0.5 * -7.0), abs=1e-6)


def test_pick_prefers_the_engine_then_falls_back_to_what_the_run_has() -> None:
    semantic = variant(name="bergamot+semantic", engine="bergamot", requires=["semantic"])
    plain = variant(name="any")
    apertium = variant(name="apertium", engine="apertium")
    c = cal.parse(calibration_file(semantic, apertium, plain), "shipped")
    assert c.pick({"flag", "dist", "semantic"}, "bergamot").name == "bergamot+semantic"
    assert c.pick({"flag", "dist"}, "bergamot").name == "apertium"  # no encoder: first usable
    assert c.pick({"flag"}, "apertium").name == "apertium"
    only = cal.parse(calibration_file(semantic), "team.json")
    with pytest.raises(ConfigError, match=r"team.json needs evidence this run does not have: semantic"):
        only.pick({"flag", "dist"}, "bergamot")


def trees_model(**tree: Any) -> dict[str, Any]:
    """Two trees: one splits on the names flag, one on the length shortfall (at 0.3)."""
    one = {"feature": [0, -1, -1], "threshold": [0.5, 0.0, 0.0], "left": [1, -1, -1], "right": [2, -1, -1]}
    one["value"] = [0.0, -1.0, 2.0]
    two = {"feature": [1, -1, -1], "threshold": [0.3, 0.0, 0.0], "left": [1, -1, -1], "right": [2, -1, -1]}
    two["value"] = [0.5, 0.0, 1.5]
    one.update(tree)
    return {"kind": "trees", "features": [FLAG_N, "len:fwd_short"], "base": -1.0, "trees": [one, two]}


def test_boosted_trees_give_drift_and_name_what_weighed() -> None:
    v = parsed(model=trees_model())
    # names flag and a long shortfall: base -1, leaves +2 and +1.5 -> logit 2.5 (fail at 0.9)
    out = cal.judge([NAMES], {FLAG_N: 1.0, "len:fwd_short": 0.6}, v, text_length=7)
    assert out.drift == pytest.approx(cal.sigmoid(2.5), abs=1e-6) and out.verdict == "fail"
    # contributions: names 2 - 0 = 2, shortfall 1.5 - 0.5 = 1
    assert [(e.feature, e.weight) for e in out.evidence] == [(FLAG_N, 2.0), ("len:fwd_short", 1.0)]
    assert (
        "names (critical, lowered to minor)"
        in next(f for f in out.flags if f.check == COMBINED_CHECK).message
    )
    # nothing against the copy: -1 - 1 + 0 = -2
    assert cal.judge([], {}, v).drift == pytest.approx(cal.sigmoid(-2.0), abs=1e-6)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="x"), "not a driftcheck calibration file"),
        (lambda d: d.update(version=2), "version 2 is not 1"),
        (lambda d: d.update(mode="other"), "'mode' must be source or roundtrip"),
        (lambda d: d.update(variants=[]), "'variants' must be a non-empty list"),
        (lambda d: d["variants"][0]["model"].update(kind="forest"), "kind 'logistic' or 'trees'"),
        (lambda d: d["variants"][0].update(model=trees_model(left=[9, -1, -1])), "node 0 points outside"),
        (lambda d: d["variants"][0].update(model=trees_model(feature=[5, -1, -1])), "node 0 points outside"),
        (lambda d: d["variants"][0].update(model=trees_model(value=[0.0, "x", 1.0])), "'value' must be"),
        (lambda d: d["variants"][0].update(model={**trees_model(), "features": "x"}), "'features' must be"),
        # a NaN made every drift NaN (and the JSON report invalid); a wrong type was an internal error
        (
            lambda d: d["variants"][0].update(model={**trees_model(), "base": math.nan}),
            "'base' must be a finite",
        ),
        (lambda d: d["variants"][0].update(model=trees_model(value=[0.0, math.inf, 1.0])), "'value' must be"),
        (
            lambda d: d["variants"][0].update(model=trees_model(threshold=[math.nan, 0.0, 0.0])),
            "'threshold' must",
        ),
        (
            lambda d: d["variants"][0].update(model=trees_model(threshold=["x", None, 0.0])),
            "'threshold' must",
        ),
        (lambda d: d["variants"][0].update(model=trees_model(left=[1.5, -1, -1])), "'left' must be a list"),
        (lambda d: d["variants"][0].update(model={**trees_model(), "trees": 5}), "'trees' must be a list"),
        (
            lambda d: d["variants"][0].update(model={**trees_model(), "trees": [5]}),
            r"trees\[0\]: must be an object",
        ),
        (lambda d: d["variants"][0]["model"]["terms"][0].update(scale=0), "'scale' must be positive"),
        (lambda d: d["variants"][0]["model"]["terms"][0].update(weight="x"), "'weight' must be a number"),
        (
            lambda d: d["variants"][0].update(thresholds={"review": 0.9, "fail": 0.5}),
            "0 <= review <= fail <= 1",
        ),
        # accepted silently before: the budget or the model then did nothing
        (lambda d: d["variants"][0].update(precision="str"), r"precision: must be an object"),
        (
            lambda d: d["variants"][0].update(precision={"checks": {"names": "minor"}}),
            r"checks\.names: must be an object",
        ),
        (lambda d: d["variants"][0]["model"].update(terms="x"), r"model\.terms: must be a list"),
        (lambda d: d["variants"][0].update(name=None), r"\.name: must be a non-empty string"),
        # accepted silently before (QA pass 5): a misspelt feature counted as 0 in every segment, and
        # the intercept alone failed all seven sentences of a seed article
        (
            lambda d: d["variants"][0]["model"]["terms"][1].update(feature="semantci:source_copy"),
            r"terms\[1\]\.feature: 'semantci:source_copy' is no feature a run has",
        ),
        (
            lambda d: d["variants"][0]["model"]["terms"][1].update(feature="flag:nmes:critical"),
            r"'flag:nmes:critical' is no check's flag",
        ),
        (
            lambda d: d["variants"][0]["model"]["terms"][1].update(feature=FLAG_N),
            r"terms\[1\]\.feature: 'flag:names:critical' has a term already",
        ),
        (
            lambda d: d["variants"][0].update(model={**trees_model(), "features": [FLAG_N, "len"]}),
            r"'len' is no",
        ),
        (
            lambda d: d["variants"][0].update(precision={"checks": {"nosuch:major": {"severity": "minor"}}}),
            r"precision\.checks: 'nosuch:major' is no check",
        ),
        (lambda d: d.update(version=True), "version True is not 1"),
        (lambda d: d["variants"][0].update(engine="bogus"), r"\.engine: must be an engine name \(apertium, "),
    ],
)
def test_a_bad_calibration_is_one_config_error(mutate: Any, message: str) -> None:
    data = copy.deepcopy(calibration_file(variant()))
    mutate(data)
    with pytest.raises(ConfigError, match=message):
        cal.parse(data, "bad.json")


def test_load_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read calibration"):
        cal.load_file(str(tmp_path / "missing.json"))
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ConfigError, match="calibration is not JSON"):
        cal.load_file(str(broken))
    rt = tmp_path / "rt.json"
    model = {
        "kind": "logistic",
        "intercept": 0.0,
        "terms": [{"feature": "dist:rt:ter", "mean": 0, "scale": 1, "weight": 1}],
    }
    rt.write_text(
        json.dumps({**calibration_file(variant(model=model)), "mode": "roundtrip"}), encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="calibration is for roundtrip mode, this run is in source mode"):
        cal.resolve("source", str(rt))


def test_shipped_source_calibration_is_complete() -> None:
    shipped = cal.shipped("source")
    assert shipped is not None and shipped.mode == "source"
    last = shipped.variants[-1]
    assert last.requires == frozenset()  # a run without optional evidence always has a variant
    assert 0 < last.review <= last.fail <= 1
    assert all(t.weight >= 0 for t in last.terms if not t.feature.startswith(cal.CONTEXT))  # monotone
    raw = last.raw
    assert raw["targets"] == {"review": 0.05, "fail": 0.01}
    files = [f["name"] for f in raw["training"]["files"]]
    assert files == ["demetr-es-dev.jsonl", "wmt22-ced-pt-en-dev.jsonl"]
    assert raw["training"]["include_heldout"] is False
    for kind, entry in raw["precision"]["checks"].items():
        worst = max(entry.get("correct_train", 0), entry.get("correct_heldout", 0))
        over = worst > raw["precision"]["budget"] or entry.get("whole_check", False)
        assert (entry["severity"] == "minor") == over, kind
    names = [v.name for v in shipped.variants]
    assert names == [
        "bergamot+semantic",
        "bergamot",
        "apertium+pv+semantic",
        "apertium+semantic",
        "apertium+pv",
        "apertium",
    ]
    for v in shipped.variants:
        assert v.engine == v.name.split("+")[0] and sorted(v.requires) == v.name.split("+")[1:]
        files = [f["name"] for f in v.raw["training"]["files"]]
        assert files == (
            ["wmt22-ced-pt-en-dev.jsonl"]
            if v.engine == "bergamot"
            else ["demetr-es-dev.jsonl", "wmt22-ced-pt-en-dev.jsonl"]
        )


@pytest.mark.requires_bergamot
@pytest.mark.requires_apertium
def test_auto_is_named_by_the_engine_its_hops_use() -> None:
    from pipeline.engines import create
    from pipeline.engines.cache import TranslationCache
    from pipeline.engines.cached_engine import CachedEngine

    auto = create("auto")
    pt = {"back": ["en", "pt"], "forward": ["pt", "en"]}
    assert cal.route_engine(auto, pt) == "bergamot"  # picks the bergamot variants
    assert cal.route_engine(auto, {"back": ["en", "es"], "forward": ["es", "en"]}) == "apertium"
    assert cal.route_engine(auto, {"back": ["en", "pt"], "forward": ["es", "en"]}) == "auto"  # mixed
    assert cal.route_engine(CachedEngine(auto, TranslationCache(":memory:")), pt) == "bergamot"
    assert cal.route_engine(create("apertium"), pt) == "apertium"
