"""The library API (pipeline/__init__.py, pipeline/api.py): the README's examples run as doctests,
and a run cut into batches merges into the report of the whole run."""

from __future__ import annotations

import doctest
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline
from pipeline.config import Settings
from pipeline.core.batch import merge, verify_segments
from pipeline.core.run_config import resolve_config
from pipeline.core.verify import build_engine, load_inputs, run_info, split_batches, whole_batch
from pipeline.records import Mode
from pipeline.report.to_json import to_dict
from pipeline.timing import Timer
from tests.conftest import ROOT


def _readme_api_examples() -> str:
    """The ```python blocks of the README's "Python API" section, fences left out."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## Python API")
    section = text[start : text.index("\n## ", start + 1)]
    blocks = [b.split("```", 1)[0] for b in section.split("```python\n")[1:]]
    return "\n".join(blocks)


@pytest.mark.requires_apertium
def test_readme_examples_run_as_written() -> None:
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    test = parser.get_doctest(_readme_api_examples(), {}, "README.md#python-api", "README.md", 0)
    assert len(test.examples) >= 6
    result = runner.run(test)
    assert result.failed == 0


def test_public_names_are_declared_and_resolve() -> None:
    assert sorted(pipeline.__all__) == sorted(set(pipeline.__all__))
    for name in pipeline.__all__:
        assert getattr(pipeline, name) is not None
    with pytest.raises(AttributeError):
        pipeline.no_such_name  # noqa: B018
    assert (ROOT / "pipeline" / "py.typed").is_file()


@pytest.mark.requires_apertium
@pytest.mark.parametrize("mode", ["roundtrip", "source"])
def test_batches_merge_into_the_whole_runs_report(tmp_path: Path, mode: Mode) -> None:
    paths = []
    for n, (src, copy) in enumerate(
        [
            (
                "El puente reabrió el lunes. Costó tres millones.",
                "The bridge reopened on Monday. It cost three million.",
            ),
            ("El alcalde no vino.", "The mayor came."),
            ("La tienda abre a las nueve. Cierra tarde.", "The shop opens at nine. It closes late."),
        ]
    ):
        path = tmp_path / f"d{n}.jsonl"
        rows = [{"source": s, "translation": c} for s, c in zip(src.split(". "), copy.split(". "))]
        if mode == "roundtrip":
            rows = [{"text": r["translation"]} for r in rows]
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        paths.append(str(path))
    source_lang = "es" if mode == "source" else None
    settings = Settings(lang="en", source_lang=source_lang, engine="apertium", cache=False, semantic=False)
    inputs = load_inputs(paths, settings)
    assert inputs.mode == mode and inputs.settings is not None
    config = resolve_config(inputs.settings, mode)
    engine = build_engine(inputs.settings)
    whole = verify_segments(whole_batch(inputs), engine, config, Timer())
    batches = split_batches(inputs, 3)
    assert len(batches) == 2  # documents of 2 + 1 segments, then 2: never a document cut in two
    parts = [verify_segments(b, engine, config, Timer()) for b in batches]
    info = run_info(inputs, engine, config, inputs.settings, whole.routes)
    assert to_dict(merge(parts, info)) == to_dict(merge([whole], info))
    # batches out of order, one twice (a retried task's result kept twice) or one missing made a
    # wrong report without a word
    for wrong, said in (
        (parts[::-1], "batches: out of order, document 0 after document 2"),
        ([*parts, parts[0]], "batches: document 0 is in more than one batch (batch 2 repeats it)"),
        (parts[:1], "batches: no result for document 2"),
    ):
        with pytest.raises(pipeline.UsageError, match=re.escape(said)):
            merge(wrong, info)
    if mode == "source":  # a config for the other mode: it was an unrelated calibration error
        other = resolve_config(inputs.settings, "roundtrip")
        with pytest.raises(pipeline.UsageError, match="batch is source-aware but config is for round trip"):
            verify_segments(batches[0], engine, other, Timer())


PAIR = {"source": "El puente reabrió el lunes.", "translation": "The bridge closed on Friday."}
BAD_CALLS = [
    # dicts iterate into their keys: ("source", "translation") was verified, and came back "ok"
    (lambda: pipeline.verify_pairs([PAIR], source_lang="es", engine="apertium"), "item 1 must be a (source, translation) tuple of two strings, got dict"),  # type: ignore[list-item]
    (lambda: pipeline.verify_pairs("abc", source_lang="es"), "pairs must be a list of (source, translation) tuples, got str"),  # type: ignore[arg-type]
    (lambda: pipeline.verify_pairs(None, source_lang="es"), "got NoneType"),  # type: ignore[arg-type]
    (lambda: pipeline.verify_pairs([("a", "b", "c")], source_lang="es"), "got a tuple of 3 (str, str, str)"),  # type: ignore[list-item]
    (lambda: pipeline.verify_pairs([(b"a", b"b")], source_lang="es"), "got a tuple of 2 (bytes, bytes)"),  # type: ignore[list-item]
    (lambda: pipeline.verify_pairs([], source_lang="es"), "pairs is empty"),
    (lambda: pipeline.verify_pairs([("a", "b")], source_lang=5), "source_lang must be a string, got int"),  # type: ignore[arg-type]
    # "no" is truthy: the cache and the encoder were turned on
    (lambda: pipeline.verify_pairs([("a", "b")], source_lang="es", cache="no"), "cache: must be bool, got str"),  # type: ignore[arg-type]
    (lambda: pipeline.verify_copy(["The house."], semantic="no"), "semantic: must be bool, got str"),  # type: ignore[arg-type]
    # a string iterates into characters: ten one-letter segments
    (lambda: pipeline.verify_copy("The house.", engine="apertium"), "sentences must be a list of sentences, got str"),
    (lambda: pipeline.verify_copy([]), "sentences is empty"),
    (lambda: pipeline.verify_copy(["The house."], pivots="es"), "pivots must be a list of language codes, got str"),
    (lambda: pipeline.verify_copy(["The house."], pivots=[1]), "pivots: item 1 must be a language code"),  # type: ignore[list-item]
    (lambda: pipeline.verify_files("a.txt"), "paths must be a list of paths, got str"),  # type: ignore[arg-type]
    (lambda: pipeline.verify_files(["a.txt"], settings={"lang": "en"}), "settings must be a pipeline.Settings, got dict"),  # type: ignore[arg-type]
    (lambda: pipeline.verify_files([]), "paths is empty"),  # was a ConfigError about the calibration
    # Settings built in code are checked as a config file's values: these were AttributeError,
    # TypeError, one pivot per character, or no error at all
    (lambda: pipeline.verify_files(["a.txt"], settings=pipeline.Settings(lang=5)), "settings: lang: must be str, got int"),  # type: ignore[arg-type]
    (lambda: pipeline.verify_files(["a.txt"], settings=pipeline.Settings(pivots="es")), "settings: pivots: must be list, got str"),  # type: ignore[arg-type]
    (lambda: pipeline.verify_files(["a.txt"], settings=pipeline.Settings(fail_on="sometimes")), "settings: fail_on: must be one of"),
    (lambda: pipeline.verify_files(["a.txt"], settings=pipeline.Settings(min_chrf=500)), "settings: min_chrf: must be between 0 and 100"),
    # what the CLI applies after the run: accepted and silently not applied (a missing baseline too)
    (lambda: pipeline.verify_files(["a.txt"], settings=pipeline.Settings(baseline="/nonexistent/b.json")), "settings: baseline: verify_files returns the report"),
    (lambda: pipeline.verify_files(["a.txt"], settings=pipeline.Settings(max_flagged=0, min_chrf=99)), "settings: max_flagged, min_chrf: verify_files"),
    # a file named twice was checked twice (the CLI checks it once)
    (lambda: pipeline.verify_files([f"{ROOT}/README.md", f"{ROOT}/./README.md"]), f"{ROOT}/./README.md is the same file as {ROOT}/README.md"),
    (lambda: pipeline.load_report(None), "load_report needs a path"),  # type: ignore[arg-type]
    (lambda: pipeline.to_json(None), "to_json needs a pipeline.Report"),  # type: ignore[arg-type]
    # the stage-level API: AttributeError before, and a RunConfig for a mode that does not exist
    (lambda: pipeline.merge("x", None), "batches must be a list of BatchResult, got str"),  # type: ignore[arg-type]
    (lambda: pipeline.merge([], None), "run must be a RunInfo, got NoneType"),  # type: ignore[arg-type]
    (lambda: pipeline.verify_segments("x", None, None), "batch must be a Batch, got str"),  # type: ignore[arg-type]
    (lambda: pipeline.resolve_config({}, "source"), "settings must be a Settings, got dict"),  # type: ignore[arg-type]
    (lambda: pipeline.resolve_config(Settings(source_lang="es"), "nope"), "mode must be 'source' or 'roundtrip', not 'nope'"),  # type: ignore[arg-type]
    # QA pass 5: a KeyError in verify_segments, an AttributeError, and a TypeError from deep inside
    (lambda: pipeline.Batch("nomode"), "Batch mode must be one of roundtrip, source, not 'nomode'"),  # type: ignore[arg-type]
    (lambda: pipeline.load_engine(5), "load_engine takes an EngineSpec or an engine name, not int"),  # type: ignore[arg-type]
    (lambda: pipeline.verify_files(["a.txt"], settings=Settings(given=["lang"])), "settings: given must map setting names"),  # type: ignore[arg-type]
]  # fmt: skip


def test_load_engine_takes_an_engine_name() -> None:
    """`load_engine("apertium")` was an AttributeError ('str' object has no attribute 'name')."""
    engine = pipeline.load_engine("apertium")
    assert engine.name == "apertium"


@pytest.mark.requires_apertium
def test_a_setting_given_as_the_readme_says_is_insisted_on(tmp_path: Path) -> None:
    """The README said `explicit=["lang"]`, which is no argument of Settings (a TypeError): a
    default value is insisted on with `given`, over the language a file name says."""
    page = tmp_path / "x.es.txt"
    page.write_text("The bridge reopened on Monday.\n", encoding="utf-8")
    common = {"engine": "apertium", "cache": False, "semantic": False}
    by_name = pipeline.verify_files([str(page)], settings=Settings(pivots=["en"], **common))  # type: ignore[arg-type]
    given = Settings(lang="en", given={"lang": "Settings"}, pivots=["es"], **common)  # type: ignore[arg-type]
    insisted = pipeline.verify_files([str(page)], settings=given)
    assert (by_name.documents[0].lang, insisted.documents[0].lang) == ("es", "en")


@pytest.mark.parametrize(("call", "message"), BAD_CALLS)
def test_arguments_of_the_wrong_shape_are_a_usage_error(call: object, message: str) -> None:
    """Each of these was a silent wrong result (dict pairs, a string of sentences) or a TypeError,
    AttributeError or ValueError instead of the documented error types."""
    with pytest.raises(pipeline.UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call()  # type: ignore[operator]


def run_script(script: Path, text: str) -> subprocess.CompletedProcess[str]:
    """Write a user's script and run it with this Python, offline."""
    script.write_text(text, encoding="utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300
    )


@pytest.mark.requires_apertium
@pytest.mark.requires_encoder
def test_a_script_without_the_main_guard_is_told_what_to_do(tmp_path: Path) -> None:
    """A script calling the API at its top level, semantic cosines on: the encoder's worker imports
    the script (Python's multiprocessing does), ran the job again there and broke with a
    multiprocessing RuntimeError, and the caller got "out of memory?". The worker now stops at the
    call and says what to do, and so does the caller's error."""
    script = tmp_path / "job.py"
    proc = run_script(
        script,
        "import pipeline\n"
        "r = pipeline.verify_copy(['The bridge reopened on Monday.'], pivots=['es'], engine='apertium', semantic=True)\n",
    )
    assert proc.returncode == 1
    assert "worker processes imported your script: put the calls under" in proc.stderr
    assert "bootstrapping phase" not in proc.stderr
    assert (
        proc.stderr.rstrip().splitlines()[-1].startswith("pipeline.errors.EngineError: the sentence encoder")
    )
    guarded = script.read_text(encoding="utf-8").replace("r = ", "if __name__ == '__main__':\n    r = ")
    proc = run_script(script, guarded + "    print([s.verdict for s in r.segments])\n")
    assert proc.returncode == 0 and proc.stdout == "['ok']\n", proc.stderr


@pytest.mark.requires_apertium
def test_a_script_without_the_main_guard_that_scores_in_a_pool_is_told_what_to_do(tmp_path: Path) -> None:
    """The same with TER scored in a pool (400 pairs and more on two cores), no encoder: the caller
    got a raw `BrokenProcessPool` traceback and no word of the guard."""
    from pipeline.core.score import PARALLEL_MIN_PAIRS, uses_pool

    if not uses_pool(PARALLEL_MIN_PAIRS):
        pytest.skip("one core: the pairs are scored in this process")
    proc = run_script(
        tmp_path / "job.py",
        "import pipeline\n"
        f"pairs = [('El puente %d reabrió el lunes.' % i, 'The bridge %d reopened.' % i) for i in range({PARALLEL_MIN_PAIRS})]\n"
        "r = pipeline.verify_pairs(pairs, source_lang='es', lang='en', engine='apertium')\n",
    )
    assert proc.returncode == 1
    last = proc.stderr.rstrip().splitlines()[-1]
    assert last.startswith("pipeline.errors.EngineError: a scoring process ended unexpectedly"), proc.stderr
    assert 'are the calls under `if __name__ == "__main__":`?' in last


def test_half_a_surrogate_pair_is_a_replacement_character_not_a_panic() -> None:
    """A Python string may hold "\\ud800"; text2num (a compiled extension) panicked on it with a
    PanicException, which is no Exception."""
    report = pipeline.verify_pairs(
        [("Gastó 320 euros.", "Spent 230\ud800 euros.")], source_lang="es", engine="apertium"
    )
    seg = report.segments[0]
    assert seg.segment.text == "Spent 230\ufffd euros." and seg.verdict == "fail"
    assert any(f.check == "numbers" for f in seg.flags)


@pytest.mark.requires_apertium
def test_a_language_set_in_settings_wins_over_the_file_name_as_the_flag_does(tmp_path: Path) -> None:
    """`Settings(lang="es")` lost to the language of a file named x.en.txt, where `--lang es` wins
    and says so: a value that differs from the default counts as given."""
    (tmp_path / "a.en.txt").write_text("The bridge reopened on Monday.\n", encoding="utf-8")
    settings = pipeline.Settings(lang="es", cache=False, semantic=False, engine="apertium")
    doc = pipeline.to_json(pipeline.verify_files([str(tmp_path / "a.en.txt")], settings=settings))[
        "documents"
    ][0]
    assert doc["lang"] == "es" and doc["warnings"] == [
        "declares language 'en' but Settings.lang is 'es'; checked as 'es'"
    ]
