"""The languages a calibration was trained on (core/trained_pairs.py): the report signature lists
them, names the run's pairs it was not trained for, and `check` warns about those on stderr. The
shipped calibration learned es->en and pt->en (every pair with English on one side, which the UI
catalogues measured); copy between two Romance languages, and a round trip of copy that is not
English, are judged by weights never measured there. Real Apertium, the shipped calibrations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.core.trained_pairs import not_trained_for, trained_pairs, untrained_warning
from tests.conftest import run_cli
from tests.learn.runs import write_jsonl

SHIPPED = ["es->en", "pt->en"]
WARNING = "driftcheck: warning: the calibration (shipped) was trained on es->en, pt->en, not for es->pt:"


def test_trained_languages_are_read_from_the_training_files() -> None:
    files = [
        {"source_lang": "pt", "lang": "en"},
        {"source_lang": "es", "lang": "en"},
        {"source_lang": None, "lang": "en"},
    ]
    assert trained_pairs({"training": {"files": files}}) == ["en", "es->en", "pt->en"]
    assert trained_pairs({}) == [] and trained_pairs({"training": {"files": [{"source_lang": "es"}]}}) == []


def test_pairs_beyond_what_the_calibration_learned() -> None:
    pairs = [("es", "en"), ("en", "es"), ("en", "fr"), ("es", "pt"), ("fr", "es"), ("es", "pt")]
    assert not_trained_for(SHIPPED, "source", pairs) == ["es->pt", "fr->es"]  # English on neither side
    assert not_trained_for(["es->pt"], "source", [("es", "pt"), ("es", "fr"), ("fr", "it")]) == ["fr->it"]
    assert not_trained_for(["en"], "roundtrip", [(None, "en"), (None, "pt")]) == ["pt"]
    assert not_trained_for(SHIPPED, "roundtrip", [(None, "pt")]) == []  # no copy-only file: it does not say
    sig = {"calibration": {"source": "team.json", "trained_on": SHIPPED, "not_trained_for": ["es->pt"]}}
    assert (untrained_warning(sig) or "").startswith(
        "the calibration (team.json) was trained on es->en, pt->en, not for es->pt:"
    )
    assert untrained_warning({"calibration": {"source": "shipped", "trained_on": SHIPPED}}) is None
    assert untrained_warning({"calibration": "none (flag rules)"}) is None


@pytest.mark.requires_apertium
def test_check_warns_on_a_pair_the_shipped_calibration_never_saw(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    base = ["--engine", "apertium", "--no-cache", "--no-semantic", "--no-morph", "--fail-on", "never"]
    pairs = [{"source": "No se puede abrir el archivo.", "translation": "Impossível abrir o ficheiro."}]
    r = run_cli("check", str(write_jsonl(tmp_path / "p.jsonl", pairs)), "-s", "es", "-l", "pt", *base,
                "-f", "json", "-o", str(out))  # fmt: skip
    assert r.code == 0, r.stderr
    assert [line for line in r.stderr.splitlines() if line.startswith(WARNING)], r.stderr
    calibration = json.loads(out.read_text(encoding="utf-8"))["signature"]["calibration"]
    assert calibration["trained_on"] == SHIPPED and calibration["not_trained_for"] == ["es->pt"]
    for pair, lang in (({"source": "No se puede abrir el archivo.", "translation": "The file cannot be opened."}, "en"),
                       ({"source": "The file cannot be opened.", "translation": "No se puede abrir el archivo."}, "es")):  # fmt: skip
        src = "es" if lang == "en" else "en"
        r = run_cli("check", str(write_jsonl(tmp_path / "e.jsonl", [pair])), "-s", src, "-l", lang, *base,
                    "-f", "json", "-o", str(out))  # fmt: skip
        assert r.code == 0 and "calibration" not in r.stderr, r.stderr  # English on one side: measured
        assert (
            "not_trained_for" not in json.loads(out.read_text(encoding="utf-8"))["signature"]["calibration"]
        )


@pytest.mark.requires_apertium
def test_a_round_trip_of_copy_that_is_not_english_is_named(tmp_path: Path) -> None:
    copy = tmp_path / "copy.pt.txt"
    copy.write_text("O ficheiro não pode ser aberto.\n", encoding="utf-8")
    out = tmp_path / "out.json"
    r = run_cli("check", str(copy), "--engine", "apertium", "--no-cache", "--no-semantic", "--fail-on", "never",
                "-f", "json", "-o", str(out))  # fmt: skip
    assert r.code == 0, r.stderr
    assert "the calibration (shipped) was trained on en, not for pt:" in r.stderr, r.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["signature"]["calibration"]["not_trained_for"] == [
        "pt"
    ]


@pytest.mark.requires_apertium
@pytest.mark.requires_encoder
def test_drift_leaves_the_encoder_out_for_a_pair_the_calibration_never_saw(tmp_path: Path) -> None:
    """The encoder's cosines between two Romance languages sit lower than with English on one side
    (median cos(source, copy) of correct UI strings: es->fr 0.76, en->es 0.84), and the shipped
    weights read that gap as drift: 9-13 % of correct Romance-to-Romance strings went to review
    (fourteenth session: 6-10 % without the encoder). es->pt is judged by the variant without it;
    es->en, which the calibration learned, keeps it."""
    out = tmp_path / "out.json"
    base = ["--engine", "apertium", "--no-cache", "--semantic", "--no-morph", "--fail-on", "never"]
    runs = {
        ("es", "pt"): {
            "source": "No se puede abrir el archivo.",
            "translation": "Impossível abrir o ficheiro.",
        },
        ("es", "en"): {
            "source": "No se puede abrir el archivo.",
            "translation": "The file cannot be opened.",
        },
    }
    requires, left_out = {}, {}
    for (src, lang), pair in runs.items():
        r = run_cli("check", str(write_jsonl(tmp_path / f"{lang}.jsonl", [pair])), "-s", src, "-l", lang, *base,
                    "-f", "json", "-o", str(out))  # fmt: skip
        assert r.code == 0, r.stderr
        report = json.loads(out.read_text(encoding="utf-8"))
        assert report["segments"][0]["semantic"]["source_copy"] > 0  # the cosines are still reported
        requires[lang] = report["signature"]["calibration"]["requires"]
        left_out[lang] = report["signature"]["calibration"].get("encoder_left_out")
        if lang == "pt":
            assert (
                "(drift leaves the sentence encoder out there: its cosines differ between language pairs)"
                in r.stderr
            )
    assert "semantic" not in requires["pt"] and "semantic" in requires["en"]
    assert left_out == {"pt": True, "en": None}


@pytest.mark.requires_apertium
@pytest.mark.requires_encoder
def test_a_calibration_without_an_encoder_free_variant_of_the_engine_keeps_its_own(tmp_path: Path) -> None:
    """A team's calibration of one variant that needs the encoder (`driftcheck calibrate` writes one)
    stopped an es->pt run ("needs evidence this run does not have: semantic", exit 2), and one
    whose only variant without the encoder is another engine's judged with that engine's weights
    and lost the warning (the reviewer of the fourteenth session). Both keep their variant now, and
    nothing says the encoder was left out."""
    shipped = json.loads(
        (Path(__file__).parents[2] / "pipeline/data/calibration-source.json").read_text("utf-8")
    )
    pair = {"source": "No se puede abrir el archivo.", "translation": "Impossível abrir o ficheiro."}
    for keep in (["apertium+semantic"], ["apertium+semantic", "bergamot"]):
        team = tmp_path / "team.json"
        team.write_text(
            json.dumps({**shipped, "variants": [v for v in shipped["variants"] if v["name"] in keep]})
        )
        out = tmp_path / "out.json"
        r = run_cli("check", str(write_jsonl(tmp_path / "p.jsonl", [pair])), "-s", "es", "-l", "pt", "--engine",
                    "apertium", "--no-cache", "--semantic", "--no-morph", "--fail-on", "never", "--calibration",
                    str(team), "-f", "json", "-o", str(out))  # fmt: skip
        assert r.code == 0, r.stderr
        calibration = json.loads(out.read_text(encoding="utf-8"))["signature"]["calibration"]
        assert calibration["variant"] == "apertium+semantic" and "encoder_left_out" not in calibration
        assert calibration["not_trained_for"] == ["es->pt"] and "sentence encoder" not in r.stderr, r.stderr
