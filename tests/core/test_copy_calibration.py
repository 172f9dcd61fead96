"""Round-trip (copy-only) calibrated verdicts (pipeline/copy_judge.py, pipeline/train_copy.py): the
evidence of a copy, a combiner that may ask for review but never fail, the certain detectors that
still fail, the shipped file, and `--calibration` for round-trip runs with the real engine."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.checks import COMBINED_CHECK
from pipeline.core import calibration as cal
from pipeline.core.copy_judge import judge_flags, roundtrip_features, word_features
from pipeline.records import Flag, RoundTrip, Scores
from tests.conftest import run_cli


def rt(pivot: str, back: str, chrf: float) -> RoundTrip:
    return RoundTrip(pivot, "…", back, Scores(chrf, chrf, 100 - chrf))


def variant(**over: Any) -> dict[str, Any]:
    v: dict[str, Any] = {
        "name": "es",
        "engine": None,
        "requires": ["copy"],
        "model": {
            "kind": "logistic",
            "intercept": -3.0,
            "terms": [
                {"feature": "copy:unknown", "mean": 0.0, "scale": 1.0, "weight": 6.0},
                {"feature": "dist:rt:chrf", "mean": 0.0, "scale": 1.0, "weight": 1.0},
            ],
        },
        "thresholds": {"review": 0.5, "fail": 0.6},
        "precision": {"budget": 0.02, "checks": {}},
    }
    v.update(over)
    return v


def parsed(**over: Any) -> cal.Variant:
    data = {"format": cal.FORMAT, "version": 1, "mode": "roundtrip", "variants": [variant(**over)]}
    return cal.parse(data, "test").variants[0]


def test_round_trip_drift_is_the_median_and_the_spread_of_the_pivots() -> None:
    text = "The harbour bridge opened in 1932."
    f = roundtrip_features([rt("es", text, 90.0), rt("ca", text, 60.0), rt("eo", text, 80.0)], text)
    assert f["dist:rt:chrf"] == pytest.approx(0.2)  # median chrF 80
    assert f["dist:rt:spread"] == pytest.approx(0.3)  # the pivots disagree by 30 points
    assert f["len:rt_short"] == 0.0 and f["len:rt_long"] == 0.0
    one = roundtrip_features([rt("es", "The bridge.", 40.0)], text)
    assert one["dist:rt:spread"] == 0.0 and one["len:rt_short"] > 0


@pytest.mark.parametrize(
    ("text", "unknown", "gap_above"),
    [
        ("Patients caught the virus inside the nosocomio and two were nurses.", 1.0, None),
        ("It will complicate the exercise of the right to voto in 2012.", 0.0, 2.0),
        ("It will complicate the exercise of the rigth to vote in 2012.", 0.0, None),  # a typo: no evidence
        ("Sachin Tendulkar and Rahul Dravid batted well.", 0.0, None),  # names are not words
    ],
)
def test_word_evidence(text: str, unknown: float, gap_above: float | None) -> None:
    f = word_features(text, "en")
    assert f["copy:unknown"] == unknown
    if gap_above is None:
        assert f["copy:foreign_gap"] < 1.5
    else:
        assert f["copy:foreign_gap"] > gap_above


def test_the_combiner_asks_for_review_but_never_fails() -> None:
    v = parsed()  # drift far above both thresholds
    out = judge_flags([], {"copy:unknown": 2.0, "dist:rt:chrf": 0.5}, v)
    assert out.drift > 0.99 and out.verdict == "review"
    combined = [f for f in out.flags if f.check == COMBINED_CHECK]
    assert len(combined) == 1 and combined[0].severity == "major"
    assert "copy:unknown" in combined[0].message  # never a verdict without a flag saying why
    quiet = judge_flags([], {"copy:unknown": 0.0, "dist:rt:chrf": 0.1}, v)
    assert quiet.verdict == "ok" and quiet.flags == ()


def test_certain_detectors_still_fail() -> None:
    empty = Flag("empty", "critical", "the copy is empty: no words")
    out = judge_flags([empty], {"dist:rt:chrf": 0.0}, parsed())
    assert out.verdict == "fail" and out.flags[0] == empty


def test_shipped_round_trip_calibration() -> None:
    shipped = cal.shipped("roundtrip")
    assert shipped is not None and shipped.mode == "roundtrip"
    v = shipped.variants[-1]
    assert 0 < v.review < 1 and v.fail == 1.0  # the combiner never fails a copy
    assert all(t.weight >= 0 for t in v.terms if not t.feature.startswith(cal.CONTEXT))
    raw = v.raw
    roles = {f["name"]: f["role"] for f in raw["training"]["files"]}
    assert roles == {"demetr-es-dev.jsonl": "labelled", "wmt22-ced-pt-en-dev.jsonl": "natural"}
    assert raw["training"]["include_heldout"] is False
    assert raw["cv"]["natural"]["false_flags_correct"] <= raw["targets"]["review"]


def _copy(tmp_path: Path) -> Path:
    p = tmp_path / "copy.txt"
    p.write_text(
        "The new rules adopted will make it harder to vote in 2012.\n\n"
        "The mayor said that the bridge will be cerrado for two weeks in summer.\n",
        encoding="utf-8",
    )
    return p


NOTE = "cannot detect a wrong-but-fluent sentence"


def _check_args(tmp_path: Path) -> list[str]:
    """`driftcheck check` of a two-sentence copy (the second code-mixed), Apertium, one pivot."""
    return [
        "check",
        str(_copy(tmp_path)),
        "--pivot",
        "es",
        "--engine",
        "apertium",
        "--cache",
        str(tmp_path / "c"),
    ]


@pytest.mark.requires_apertium
def test_round_trip_run_records_the_calibration_and_says_why(tmp_path: Path) -> None:
    """One real run, every output: calibrated verdicts with their reasons, the calibration in the
    signature, and the one line on what round-trip mode cannot see (terminal, HTML, Markdown, JSON)."""
    out = tmp_path / "out"
    args = _check_args(tmp_path)
    res = run_cli(*args, "-f", "json", "-f", "html", "-f", "markdown", "-o", f"{out}/", "--fail-on", "review")
    assert res.code == 1, res.stdout + res.stderr  # one sentence asks for review: a gate on review fails
    terminal = run_cli(*args, "--fail-on", "fail")
    assert terminal.code == 0, terminal.stdout  # review at most: a gate on fail passes
    data = json.loads((out / "driftcheck.json").read_text(encoding="utf-8"))
    sig = data["signature"]["calibration"]
    assert sig["source"] == "shipped" and sig["thresholds"]["fail"] == 1.0
    assert sig["verdict_cap"].startswith("review")
    verdicts = [s["verdict"] for s in data["segments"]]
    assert verdicts == ["ok", "review"]
    assert [f["check"] for f in data["segments"][1]["flags"]] == ["foreign"]  # the review says why
    assert data["signature"]["word_readers"] == ["ca", "eo"]  # the languages that read doubtful words
    assert NOTE in data["summary"]["note"]
    html = (out / "driftcheck.html").read_text(encoding="utf-8").split("<script", 1)[0]
    for shown in (terminal.stdout, html, (out / "driftcheck.md").read_text(encoding="utf-8")):
        assert shown.count(NOTE) == 1 and "--source" in shown


@pytest.mark.requires_apertium
def test_calibration_option_in_round_trip_mode(tmp_path: Path) -> None:
    strict = tmp_path / "strict.json"
    data: dict[str, Any] = {"format": cal.FORMAT, "version": 1, "mode": "roundtrip", "variants": [variant()]}
    data["variants"][0]["thresholds"] = {"review": 0.0, "fail": 0.0}  # everything asks for review
    strict.write_text(json.dumps(data), encoding="utf-8")
    args = _check_args(tmp_path)
    res = run_cli(*args, "--calibration", str(strict), "--fail-on", "review")
    assert res.code == 1, res.stdout + res.stderr  # both sentences ask for review: the gate fails
    res = run_cli(*args, "--calibration", str(strict), "--fail-on", "fail")
    assert res.code == 0, res.stdout + res.stderr  # and none fails: the combiner never does
    config = tmp_path / "driftcheck.toml"
    config.write_text(f'calibration = "{strict}"\nfail_on = "review"\n', encoding="utf-8")
    assert run_cli(*args, "--config", str(config)).code == 1  # the config key works the same
    source_cal = tmp_path / "source.json"
    source_cal.write_text(json.dumps({**data, "mode": "source"}), encoding="utf-8")
    res = run_cli(*args, "--calibration", str(source_cal))
    assert res.code == 2 and len(res.stderr.strip().splitlines()) == 1
    assert "calibration is for source mode, this run is in roundtrip mode" in res.stderr


SENTENCES = [
    "The museum opens a new wing for modern art next spring.",
    "Farmers in the valley expect a good harvest after the rain.",
    "The city council voted to extend the tram line to the airport.",
    "Our team finished the season with three wins in a row.",
    "The library will stay open until midnight during exams.",
    "Engineers tested the new bridge with heavy trucks on Monday.",
    "The school hired two teachers for the music classes.",
    "Prices for fresh fish rose sharply at the market this week.",
    "The hospital added twenty beds to its children's ward.",
    "A small earthquake shook the coast early on Sunday morning.",
]


def _labelled(tmp_path: Path) -> tuple[Path, Path]:
    """A tiny labelled file (each sentence correct, shuffled and emptied) and a natural-copy file."""
    lines, natural = [], []
    for k, text in enumerate(SENTENCES):
        pid = k + 1 + k // 4  # 1, 2, 3, 4, 6, ...: none held out
        words = text.rstrip(".").split()
        base = {"pair_id": pid, "src_lang": "es", "tgt_lang": "en", "source": "-"}
        lines.append({**base, "id": f"{pid}-ok", "translation": text, "label": "ok", "category": "mt"})
        shuffled = " ".join(words[1::2] + words[::2]) + "."
        lines.append(
            {**base, "id": f"{pid}-sh", "translation": shuffled, "label": "shifted", "category": "shuffled"}
        )
        lines.append({**base, "id": f"{pid}-em", "translation": "", "label": "shifted", "category": "empty"})
        natural.append({**base, "id": f"n{pid}", "translation": text, "label": "ok", "category": "natural"})
    a, b = tmp_path / "labelled.jsonl", tmp_path / "natural.jsonl"
    a.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    b.write_text("".join(json.dumps(x) + "\n" for x in natural), encoding="utf-8")
    return a, b


@pytest.mark.requires_apertium
@pytest.mark.requires_sklearn
def test_calibrate_round_trip_mode_writes_a_file_a_run_can_use(tmp_path: Path) -> None:
    labelled, natural = _labelled(tmp_path)
    out = tmp_path / "rt.json"
    args = ["calibrate", "--mode", "roundtrip", str(labelled), "--natural", str(natural), "--engine", "apertium",
            "--cache", str(tmp_path / "c"), "-o", str(out)]  # fmt: skip
    res = run_cli(*args)
    assert res.code == 0, res.stdout + res.stderr
    assert "review at drift >=" in res.stdout + res.stderr and "never fails" in res.stdout + res.stderr
    first = out.read_bytes()
    found = cal.load_file(str(out))
    v = found.variants[0]
    assert found.mode == "roundtrip" and v.fail == 1.0 and v.name == "es"
    assert [f["role"] for f in v.raw["training"]["files"]] == ["labelled", "natural"]
    assert run_cli(*args).code == 0 and out.read_bytes() == first  # reproducible
    res = run_cli("check", str(_copy(tmp_path)), "--engine", "apertium", "--calibration", str(out),
                              "--cache", str(tmp_path / "c"), "-f", "json")  # fmt: skip
    assert res.code == 0, res.stdout + res.stderr
    assert json.loads(res.stdout + res.stderr)["signature"]["calibration"]["source"] == str(out)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--mode", "roundtrip", "--include-heldout"], "--include-heldout is for --mode source"),
        (["--natural", "x.jsonl"], "--natural and --pivot are for --mode roundtrip"),
        (["--mode", "both"], "--mode must be source or roundtrip"),
    ],
)
def test_calibrate_mode_usage_errors(tmp_path: Path, extra: list[str], message: str) -> None:
    labelled, _ = _labelled(tmp_path)
    res = run_cli("calibrate", str(labelled), "-o", str(tmp_path / "o.json"), *extra)
    assert res.code == 2 and message in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o.json").exists()
