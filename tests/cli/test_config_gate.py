"""Config precedence (defaults < pyproject.toml < config file < CLI) and the gate's exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import Settings, load_settings
from pipeline.errors import ConfigError
from pipeline.report.gate import gate

PYPROJECT = '[project]\nname = "x"\n[tool.driftcheck]\nbeam = 2\nfail_on = "review"\npivots = ["de"]\n'
CONFIG = "beam = 3\n[thresholds]\ndrift_forward_chrf = 20\n"

# (layers present, CLI flags, expected beam, expected fail_on, expected pivots)
PRECEDENCE = [
    ((), {}, 1, "fail", []),
    (("pyproject",), {}, 2, "review", ["de"]),
    (("pyproject", "config"), {}, 3, "review", ["de"]),
    (("pyproject", "config"), {"beam": 5}, 5, "review", ["de"]),
    (("config",), {"fail_on": "never", "pivots": ["fr"]}, 3, "never", ["fr"]),
    (("pyproject",), {"beam": None}, 2, "review", ["de"]),  # a flag not given does not override
]


@pytest.mark.parametrize("layers, cli, beam, fail_on, pivots", PRECEDENCE)
def test_precedence(
    tmp_path: Path,
    layers: tuple[str, ...],
    cli: dict[str, object],
    beam: int,
    fail_on: str,
    pivots: list[str],
) -> None:
    if "pyproject" in layers:
        (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    else:
        (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    if "config" in layers:
        (tmp_path / "driftcheck.toml").write_text(CONFIG)
    s = load_settings(cli, None, tmp_path)
    assert (s.beam, s.fail_on, s.pivots) == (beam, fail_on, pivots)
    if "config" in layers:
        assert s.thresholds["drift_forward_chrf"] == 20.0


def test_explicit_config_file_and_pyproject_in_a_parent(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    sub = tmp_path / "docs"
    sub.mkdir()
    cfg = tmp_path / "ci.toml"
    cfg.write_text("[tool.driftcheck]\nbeam = 4\n")
    s = load_settings({}, str(cfg), sub)
    assert s.beam == 4 and s.fail_on == "review"


def test_paths_in_a_config_file_are_in_its_folder(tmp_path: Path) -> None:
    """A pyproject.toml found above the working directory (or a --config elsewhere) named folders
    under wherever the run started: docs/models, docs/reports/dc.json."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.driftcheck]\nmodels_dir = "models"\noutput = "reports/dc.json"\nbaseline = "/abs/b.json"\n'
    )
    sub = tmp_path / "docs"
    sub.mkdir()
    s = load_settings({}, None, sub)
    assert (s.models_dir, s.output, s.baseline) == (
        str(tmp_path / "models"),
        str(tmp_path / "reports/dc.json"),
        "/abs/b.json",
    )
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "dc.toml").write_text('calibration = "../cal.json"\ncache_path = "c.sqlite3"\n')
    s = load_settings({"output": "mine.json"}, str(tmp_path / "ci" / "dc.toml"), sub)
    assert (s.calibration, s.cache_path, s.output) == (
        str(tmp_path / "cal.json"),
        str(tmp_path / "ci" / "c.sqlite3"),
        "mine.json",
    )
    here = load_settings({}, None, tmp_path)  # the config in the working directory: as written
    assert (here.models_dir, here.output) == ("models", "reports/dc.json")


BAD = [
    ("beam = 0", "beam: must be at least 1"),
    ('engine = "babel"', "engine: must be one of"),
    ("colour = true", "colour: unknown setting"),
    ("[thresholds]\ndrift_forward_chrf = 140", "thresholds.drift_forward_chrf: must be between 0 and 100"),
    ("[thresholds]\nbogus = 1", "thresholds.bogus: unknown threshold"),
    ('[checks.numbers]\nseverity = "huge"', "checks.numbers.severity: must be one of"),
    ("[checks]\nnot_a_check = false", "checks.not_a_check: unknown check"),
    ("beam = ", "not valid TOML"),
    ('formats = ["pdf"]', "unknown format 'pdf'"),
    ("tool = 1", "tool: must be a table"),  # was an internal error (AttributeError)
    ("[tool]\ndriftcheck = 1", "tool.driftcheck: must be a table"),
    # the top-level keys were dropped without a word
    (
        'fail_on = "review"\n[tool.driftcheck]\nbeam = 2',
        "driftcheck] table and settings outside it",
    ),
    # named neither the file nor the key; and "must be int" for a setting that takes 50.5
    ('lang = "klingon"', "driftcheck.toml: lang: unknown language code 'klingon'"),
    ('source_lang = "xx-yy-zz"', "driftcheck.toml: source_lang: unknown language code"),
    ('min_chrf = "50"', "min_chrf: must be a number, got str"),
    # QA pass 6: "must be int, not a boolean" for a number; a limit the report then could not hold
    ("min_chrf = true", "min_chrf: must be a number, not a boolean"),
    ("max_flagged = 18014398509481984", "max_flagged: at most 2"),  # 2^53
]


def test_a_flags_value_is_named_as_the_flag_and_max_flagged_fits_a_report(tmp_path: Path) -> None:
    """`--max-flagged 9007199254740993` ran, and wrote a report that `report` and `baseline create`
    refused (an integer beyond what JSON readers share); the message said "command line:
    max_flagged", a setting, not the flag typed."""
    from tests.conftest import run_cli

    (tmp_path / "a.txt").write_text("The bridge reopened on Monday.\n")
    r = run_cli("check", "a.txt", "--engine", "apertium", "--max-flagged", "9007199254740993", cwd=tmp_path)
    assert (r.code, r.stderr) == (2, "driftcheck: error: --max-flagged: at most 2^53 (9007199254740992)\n")


@pytest.mark.parametrize("text, message", BAD)
def test_bad_config_names_the_key(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "driftcheck.toml").write_text(text + "\n")
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(".", r"\.")):
        load_settings({}, None, tmp_path)


def test_a_pyproject_whose_tool_is_not_a_table_is_not_ours_to_judge(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('tool = "x"\n')  # was an internal error (AttributeError)
    assert load_settings({}, None, tmp_path).beam == Settings().beam


def _data(verdicts: list[str], chrf: float = 80.0) -> dict[str, Any]:
    return {
        "documents": [{"path": "a.md", "scores": {"es": {"chrf": chrf, "bleu": 1, "ter": 1}}}],
        "segments": [{"verdict": v} for v in verdicts],
    }


GATES = [
    (["ok", "ok"], {}, 0),
    (["ok", "review"], {}, 0),
    (["ok", "review"], {"fail_on": "review"}, 1),
    (["fail"], {}, 1),
    (["fail"], {"fail_on": "never"}, 0),
    (["review", "review"], {"fail_on": "never", "max_flagged": 1}, 1),
    (["review"], {"fail_on": "never", "max_flagged": 1}, 0),
]


@pytest.mark.parametrize("verdicts, opts, code", GATES)
def test_gate_exit_codes(verdicts: list[str], opts: dict[str, Any], code: int) -> None:
    assert gate(_data(verdicts), **opts).exit_code == code


def test_gate_min_chrf_names_the_document() -> None:
    r = gate(_data(["ok"], chrf=40.0), min_chrf=50)
    assert r.exit_code == 1 and "a.md" in r.reasons[0]


def test_the_default_include_picks_up_every_input_format_by_a_suffix_it_reads() -> None:
    from pipeline.config import TEXT_INCLUDE, Settings
    from pipeline.formats import DEFAULT_INCLUDE as FORMAT_INCLUDE
    from pipeline.formats import SUFFIXES

    assert all(glob.startswith("*.") and glob[1:] in SUFFIXES for glob in FORMAT_INCLUDE)
    assert {SUFFIXES[glob[1:]] for glob in FORMAT_INCLUDE} == set(SUFFIXES.values())
    assert Settings().include == [*TEXT_INCLUDE, *FORMAT_INCLUDE]


def test_formats_text_in_a_config_file_counts_as_given(tmp_path: Path) -> None:
    """`formats = ["text"]` equals the default, so it was taken for no choice at all: an output
    folder got JSON and HTML instead of the text the config asks for."""
    from tests.conftest import run_cli

    (tmp_path / "b.txt").write_text("The weather was fine.\n", "utf-8")
    (tmp_path / "driftcheck.toml").write_text('formats = ["text"]\n', "utf-8")
    args = ("check", "b.txt", "--engine", "apertium", "--pivot", "es", "--no-semantic", "--no-cache")
    folder = run_cli(*args, "-o", "out/", cwd=tmp_path)
    assert folder.code == 0 and sorted(p.name for p in (tmp_path / "out").iterdir()) == ["driftcheck.txt"]
    # `-o r.json` on the command line wins over the config's text (it was refused, quoting a
    # `--format text` the user never typed); both on the command line still clash
    r = run_cli(*args, "-o", "r.json", cwd=tmp_path)
    assert r.code == 0 and json.loads((tmp_path / "r.json").read_text("utf-8"))["mode"] == "roundtrip", (
        r.stderr
    )
    r = run_cli(*args, "-f", "text", "-o", "r2.json", cwd=tmp_path)
    assert r.code == 2 and "--format text does not match --output r2.json" in r.stderr


def test_the_command_lines_format_or_output_wins_over_the_configs(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    (tmp_path / "b.txt").write_text("The weather was fine.\n", "utf-8")
    (tmp_path / "c.toml").write_text('formats = ["json"]\noutput = "out/cfg.json"\n', "utf-8")
    args = (
        "check",
        "b.txt",
        "--config",
        "c.toml",
        "--engine",
        "apertium",
        "--pivot",
        "es",
        "--no-semantic",
        "--no-cache",
    )
    r = run_cli(*args, "-f", "html", cwd=tmp_path)  # the config's JSON file cannot hold HTML: stdout
    assert r.code == 0 and r.stdout.startswith("<!doctype html>") and not (tmp_path / "out").exists(), (
        r.stderr
    )
    r = run_cli(*args, "-o", "one.html", cwd=tmp_path)  # the config's formats do not fit one.html
    assert r.code == 0 and (tmp_path / "one.html").read_text("utf-8").startswith("<!doctype html>")
    assert not (tmp_path / "out").exists()
    (tmp_path / "c.toml").write_text('output = "reports/"\n', "utf-8")  # a folder holds any format
    r = run_cli(*args, "-f", "markdown", cwd=tmp_path)
    assert r.code == 0 and sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["driftcheck.md"]


def test_the_combined_flag_can_be_switched_off_as_documented(tmp_path: Path) -> None:
    """`[checks.combined] enabled = false` (README: the combiner raises no verdict of its own) was
    refused as an unknown check: the config accepted only check functions and the aligner's."""
    import json

    from tests.conftest import ROOT, run_cli

    pairs = str(ROOT / "tests" / "data" / "review_pairs.jsonl")
    args: tuple[str, ...] = (
        "check",
        pairs,
        "-s",
        "es",
        "-l",
        "en",
        "--engine",
        "apertium",
        "--no-semantic",
        "--no-morph",
    )
    args = (*args, "--no-cache", "-f", "json")
    on = run_cli(*args, "-o", "on.json", cwd=tmp_path)
    (tmp_path / "driftcheck.toml").write_text("[checks.combined]\nenabled = false\n", "utf-8")
    off = run_cli(*args, "-o", "off.json", cwd=tmp_path)
    assert (on.code, off.code) == (1, 1), off.stderr

    def combined(name: str) -> list[str]:
        segs = json.loads((tmp_path / name).read_text("utf-8"))["segments"]
        return [s["id"] for s in segs if any(f["check"] == "combined" for f in s["flags"])]

    assert combined("on.json") and combined("off.json") == []


def test_config_that_names_a_folder_or_an_annotate_setting_is_named_as_given(tmp_path: Path) -> None:
    """`--config cdir` (a folder) said "config file not found"; `annotate = "rev/"` in a config with
    no catalogue among the inputs quoted "--annotate", which the user never typed."""
    from tests.conftest import run_cli

    (tmp_path / "cdir").mkdir()
    (tmp_path / "a.en.txt").write_text("The mayor opened the bridge.\n")
    r = run_cli("check", "a.en.txt", "--config", "cdir", cwd=tmp_path)
    assert (r.code, r.stderr) == (
        2,
        "driftcheck: error: cdir: is a folder; --config names a TOML file (such as driftcheck.toml)\n",
    )
    (tmp_path / "driftcheck.toml").write_text('annotate = "rev/"\n')
    r = run_cli("check", "a.en.txt", "--engine", "apertium", cwd=tmp_path)
    config = tmp_path / "driftcheck.toml"
    assert (r.code, r.stderr) == (
        2,
        f"driftcheck: error: 'annotate' in {config} writes marked copies of PO and XLIFF files; none of the inputs is one\n",
    )
