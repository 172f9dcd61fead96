"""The Apertium engine: real translations, one pipeline per direction per batch, each text translated
as if it were alone."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from pipeline.engines import EngineOptions, create, plan_route, translate_route
from pipeline.engines.apertium import ApertiumEngine, clean, debian_package, unframe
from pipeline.errors import EngineError, ModelNotFoundError, UnsupportedPairError, UsageError
from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.requires_apertium
SAMPLE = ROOT / "tests" / "data" / "demetr-es-sample.jsonl"  # DEMETR, MIT (see its LICENSE file)


def test_numbers_survive_a_round_trip() -> None:
    eng = ApertiumEngine()
    texts = ["The camp is 20 kilometres from Tirana.", "About 1,000 police attacked in 1997."]
    back = eng.translate(eng.translate(texts, "en", "es").texts, "es", "en").texts
    assert "20" in back[0]
    assert "1,000" in back[1] and "1997" in back[1]
    assert eng.calls == 2


HARD = [
    "She said \u201cit\u2019s fine\u201d \u2014 really.",
    "It's the camp's power base.",
    "*",
    "^$",
    "...!?",
    "",
    "Line one\n\nstill the same text",
    "[brackets] <tag> @at #hash \\back / slash",
    "End.",
]


def test_hard_inputs_come_back_one_to_one() -> None:
    eng = ApertiumEngine()
    out = eng.translate(HARD, "en", "es").texts
    assert len(out) == len(HARD)
    assert out[5] == ""  # empty in, empty out (not sent)
    assert out[2] == "*" and out[3] == "^$" and out[4] == "...!?"
    assert out[-1] == "Fin."
    assert "\n" not in "".join(out)
    assert eng.calls == 1


def test_a_batch_of_500_sentences_takes_one_process_per_direction() -> None:
    eng = ApertiumEngine()
    texts = [f"Sentence number {i} has {i % 7} dogs." for i in range(500)]
    es = eng.translate(texts, "en", "es").texts
    back = eng.translate(es, "es", "en").texts
    assert eng.calls == 2
    assert len(back) == 500
    assert all(str(i) in b for i, b in enumerate(back))  # order preserved


def test_missing_pair_names_the_debian_package() -> None:
    eng = ApertiumEngine()
    with pytest.raises(ModelNotFoundError, match="apertium-eng-ita|apertium-ita"):
        eng.translate(["hello"], "en", "it")
    assert debian_package("en", "es") == "apertium-eng-spa"


def test_registry_creates_engines_lazily_and_rejects_unknown_names() -> None:
    assert isinstance(create("apertium", EngineOptions()), ApertiumEngine)
    with pytest.raises(UsageError, match="unknown engine 'nope'"):
        create("nope")


def test_routes_chain_through_a_pivot_when_no_direct_pair() -> None:
    eng = ApertiumEngine()
    assert plan_route(eng, "en", "es") == ["en", "es"]
    if eng.supports("fr", "es"):
        assert plan_route(eng, "fr", "en") == ["fr", "es", "en"]
        out = translate_route(eng, ["Le chat est noir."], ["fr", "es", "en"])
        assert "cat" in out[0].lower() and "black" in out[0].lower()
    with pytest.raises(UnsupportedPairError, match="cannot translate en->ja"):
        plan_route(eng, "en", "ja")
    with pytest.raises(UsageError, match="both 'en'"):
        plan_route(eng, "en", "en")


def test_a_forced_pivot_names_the_hop_that_is_missing() -> None:
    """`--via` named the direct pair in its hint ("no Apertium pair en-es is installed", with
    en-es installed); it names the missing hop now."""
    eng = ApertiumEngine()
    with pytest.raises(UnsupportedPairError, match=r"en->ja->es: no Apertium pair en-ja is installed"):
        plan_route(eng, "en", "es", via="ja")
    if eng.supports("en", "ca") and not eng.supports("ca", "es"):
        with pytest.raises(UnsupportedPairError, match=r"en->ca->es: no Apertium pair ca-es is installed"):
            plan_route(eng, "en", "es", via="ca")


# --- framing: a batch always splits back, whatever a text translates to ---------------------------


def test_texts_that_translate_to_nothing_keep_their_place_at_both_ends() -> None:
    eng = ApertiumEngine()
    texts = ["would", "The dog barks.", "shall", "¿", "The cat sleeps.", "¡", "would"]
    done = eng.translate(texts, "en", "es")
    out = done.texts
    assert out[0] == "" and out[2] == "" and out[-1] == ""
    assert "perro" in out[1] and "gato" in out[4] and out[3] == "¿" and out[5] == "¡"
    assert eng.calls == 1 and done.failed == {}
    back = eng.translate(["¿", "¿Dónde está el perro?", "¡"], "es", "en").texts
    assert back[0] == "" and "dog" in back[1] and back[2] == "" and eng.calls == 2


def test_characters_apertium_cannot_take_are_cleaned_not_fatal() -> None:
    eng = ApertiumEngine()
    texts = [
        "The dog\uffffbarks.",  # the pipeline silently stops at U+FFFF
        "A lone \ud800 surrogate and \U0010ffff here.",
        "Control \x00\x01\x1b[31m characters \x7f\x85 too.",
        "Emoji 😀 and RTL \u202eמילים\u202c stay.",
        "The cat sleeps.",
    ]
    done = eng.translate(texts, "en", "es")
    out = done.texts
    assert eng.calls == 1 and done.failed == {}
    assert "perro" in out[0] and "gato" in out[4] and "😀" in out[3]
    assert not any(c in "".join(out) for c in "\uffff\ud800\x00\x01\x7f")
    assert clean("a\uffffb\ufdd0c\U0001fffed\x00e") == "a b c d e"


def test_unframe_refuses_markers_out_of_order() -> None:
    assert unframe("Hola..[][<dc 0>]Adiós..[][<dc 1>]\n", 2) == ["Hola.", "Adiós."]
    assert unframe("\\[x\\] \\\\ y.[][<dc 0>]", 1) == ["[x] \\ y"]
    assert unframe("Adiós..[][<dc 1>]Hola..[][<dc 0>]", 2) is None
    assert unframe("Hola..[][<dc 0>]", 2) is None
    assert unframe("Hola..[][<dc 0>]trailing text", 1) is None


FAULTY = """#!/bin/bash
# the real apertium-pretransfer (a stage of the pipeline), except for input containing POISON (or
# every input, with ALWAYS=1)
input=$(cat)
if [ -n "$ALWAYS" ]; then exit 141; fi
if [[ "$input" == *POISON* ]]; then echo "poisoned input" >&2; exit 3; fi
if [[ "$input" == *SCRAMBLE* ]]; then printf '%s' "$input" | {real} "$@" | sed 's/<dc 0>/<dc 9>/'; exit 0; fi
printf '%s' "$input" | exec {real} "$@"
"""


@pytest.fixture
def faulty_apertium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fault-injecting stage of Apertium's pipeline first on PATH that runs the real one for
    everything else."""
    real = shutil.which("apertium-pretransfer")
    assert real is not None
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "apertium-pretransfer"
    script.write_text(FAULTY.replace("{real}", real))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:{os.environ['PATH']}")
    return folder


def test_a_failing_text_is_isolated_and_the_rest_translated(faulty_apertium: Path) -> None:
    eng = ApertiumEngine()
    texts = [f"The dog number {i} barks." for i in range(9)]
    texts[6] = "POISON is here."
    texts[2] = "SCRAMBLE me."  # a batch with it loses its first marker
    done = eng.translate(texts, "en", "es")
    out = done.texts
    assert out[6] == "" and out[2] == "" and set(done.failed) == {2, 6}
    assert done.failed[6] == "apertium eng-spa exited with 3: poisoned input"
    assert done.failed[2] == ("apertium eng-spa lost the text boundaries; its output could not be split back")
    assert all(str(i) in out[i] and "perro" in out[i] for i in range(9) if i not in (2, 6))


def test_a_broken_apertium_is_one_line_with_a_reason(
    faulty_apertium: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALWAYS", "1")
    with pytest.raises(EngineError) as err:
        ApertiumEngine().translate(["The dog barks.", "The cat sleeps."], "en", "es")
    assert err.value.message == (
        "apertium eng-spa does not work: apertium eng-spa was stopped by SIGPIPE (exit status 141): "
        "it printed no message"
    )


@pytest.mark.parametrize("engine", ["apertium", "auto"])  # auto: the per-hop router passes the failure on
def test_the_cli_names_file_and_line_and_checks_the_rest(
    faulty_apertium: Path, tmp_path: Path, engine: str
) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("The bridge reopened on Monday.\n\nPOISON pills were found.\n\nThe cat sleeps.\n")
    env = {"PATH": os.environ["PATH"]}
    r = run_cli("check", str(doc), "--engine", engine, "--no-cache", "-f", "json", env=env)
    assert r.code == 0, r.stderr
    assert r.stderr == (
        f"driftcheck: warning: {doc}:3: unverifiable: the engine failed on this text: "
        "apertium eng-spa exited with 3: poisoned input\n"
    )
    segs = json.loads(r.stdout)["segments"]
    assert [s["verdict"] for s in segs] == ["ok", "ok", "ok"]
    assert [f["check"] for f in segs[1]["flags"]] == ["engine_health"]
    assert segs[0]["round_trips"][0]["back"] and segs[2]["round_trips"][0]["back"]
    # the text the engine failed on is no evidence: the corpus scores are those of the rest
    doc.write_text("The bridge reopened on Monday.\n\nThe cat sleeps.\n")
    rest = run_cli("check", str(doc), "--engine", engine, "--no-cache", "-f", "json", env=env)
    assert json.loads(r.stdout)["documents"][0]["scores"] == json.loads(rest.stdout)["documents"][0]["scores"]


def test_a_source_aware_pair_the_engine_failed_on_counts_in_no_corpus_score(
    faulty_apertium: Path, tmp_path: Path
) -> None:
    src, copy = tmp_path / "src.es.txt", tmp_path / "copy.en.txt"
    args = [str(copy), "--source", str(src), "-s", "es", "--engine", "apertium", "--no-cache", "-f", "json"]
    src.write_text("El puente reabrió el lunes.\n\nEl gato duerme.\n")
    copy.write_text("The bridge reopened on Monday.\n\nThe cat sleeps.\n")
    rest = json.loads(run_cli("check", *args).stdout)["documents"][0]["scores"]
    src.write_text("El puente reabrió el lunes.\n\nSe hallaron POISON.\n\nEl gato duerme.\n")
    copy.write_text("The bridge reopened on Monday.\n\nPOISON pills were found.\n\nThe cat sleeps.\n")
    r = run_cli("check", *args)
    assert r.code == 0, r.stderr
    segs = json.loads(r.stdout)["segments"]
    assert [[f["check"] for f in s["flags"]] for s in segs][1] == ["engine_health"]
    assert json.loads(r.stdout)["documents"][0]["scores"] == rest


def test_a_segment_over_the_limit_is_unverifiable_and_the_rest_checked(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("The bridge reopened on Monday.\n\n" + "word " * 5000 + "\n\nThe cat sleeps.\n")
    r = run_cli("check", str(doc), "--engine", "apertium", "--no-cache", "-f", "json", "--beam", "4")
    assert r.code == 0, r.stderr
    assert json.loads(r.stdout)["signature"]["decoding"] == {}  # Apertium decodes with no beam
    assert f"{doc}:3: unverifiable: the text has 24,999 characters, over the 20,000" in r.stderr
    segs = json.loads(r.stdout)["segments"]
    assert segs[1]["round_trips"][0]["back"] == "" and segs[2]["round_trips"][0]["back"]


# "a lot of" has an ambiguity class the eng-spa tagger model was not trained with; before the fix,
# every text after it in the same process had its unknown words tagged from a changed open class
# ("resigned" after the unknown "Tremblay" became a participle: "Dimitido").
NEW_CLASS = "Many people came, a lot of European countries among them."
SENSITIVE = "Following these revelations, M. Tremblay resigned in early November, throwing Montreal into a huge crisis."


def test_a_translation_does_not_depend_on_the_texts_before_it() -> None:
    eng = ApertiumEngine()
    alone = eng.translate([SENSITIVE], "en", "es").texts[0]
    after = eng.translate([NEW_CLASS, SENSITIVE, NEW_CLASS, SENSITIVE], "en", "es").texts
    assert "Dimitió" in alone
    assert after[1] == after[3] == alone
    assert after[0] == after[2] == eng.translate([NEW_CLASS], "en", "es").texts[0]


def test_a_reversed_batch_translates_every_text_the_same() -> None:
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    texts = list(dict.fromkeys([SENSITIVE, *(r["translation"] for r in rows), NEW_CLASS]))
    eng = ApertiumEngine()
    first = eng.translate(texts, "en", "es").texts
    assert eng.translate(texts[::-1], "en", "es").texts == first[::-1]
    assert eng.calls == 2  # one batch each: the texts shared a pipeline


def test_the_analysed_stream_is_cut_after_each_text_holding_a_named_word() -> None:
    from pipeline.engines.apertium_stream import cut_after

    stream = "^a/a$[][<dc 0>]^a lot of/x$[][<dc 1>]^b/b$[][<dc 2>]^a lot of/x$[][<dc 3>]\n"
    assert cut_after(stream, {"a lot of"}) == [
        "^a/a$[][<dc 0>]^a lot of/x$[][<dc 1>]",
        "^b/b$[][<dc 2>]^a lot of/x$[][<dc 3>]",
        "\n",
    ]
    assert len(cut_after(stream, set())) == 5  # a message it cannot read: every text alone
