"""Whole-run report reuse (pipeline.core.result_memo): an unchanged rerun skips the stages, and
anything that could change the report (input bytes, settings that reach it, engine
signature, driftcheck's code, installed packages) makes it run them again.

Real Apertium round trips (en->es->en); the stages are observed by wrapping verify().
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import gate_code, run_cli

from pipeline import api
from pipeline.config import Settings
from pipeline.core import result_memo, verify

pytestmark = pytest.mark.requires_apertium

TEXT = "The council approved 42 new houses on Monday.\n\nThe mayor did not attend the meeting.\n"


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "article.en.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """verify() calls (a fresh run of the stages), by input path."""
    calls: list[str] = []
    real = verify.verify

    def counting(paths: list[str], *args: Any, **kwargs: Any) -> Any:
        calls.extend(paths)
        return real(paths, *args, **kwargs)

    monkeypatch.setattr(verify, "verify", counting)
    return calls


def settings(tmp_path: Path, **changes: Any) -> Settings:
    base = Settings(lang="en", pivots=["es"], engine="apertium", cache_path=str(tmp_path / "cache.sqlite3"))
    return replace(base, **changes)


def stored_reports(tmp_path: Path) -> int:
    with sqlite3.connect(tmp_path / "cache.sqlite3") as db:
        return int(db.execute("SELECT count(*) FROM reports").fetchone()[0])


def test_an_unchanged_rerun_reuses_the_report(tmp_path: Path, doc: Path, runs: list[str]) -> None:
    first = api.check_data([str(doc)], settings(tmp_path))
    assert runs == [str(doc)] and stored_reports(tmp_path) == 1
    again = api.check_data([str(doc)], settings(tmp_path))
    assert runs == [str(doc)]  # the stages did not run again
    assert again == first
    assert json.dumps(again, sort_keys=True) == json.dumps(first, sort_keys=True)


@pytest.mark.parametrize(
    "change",
    [
        {"thresholds": {"chrf_roundtrip": 99.0}},
        {"checks": {"numbers": {"enabled": False}}},
        {"pivots": ["ca"]},
        {"fail_on": "review"},
        {"beam": 2},
    ],
    ids=["threshold", "check-disabled", "pivot", "fail-on", "beam"],
)
def test_a_setting_that_reaches_the_report_runs_again(
    tmp_path: Path, doc: Path, runs: list[str], change: dict[str, Any]
) -> None:
    first = api.check_data([str(doc)], settings(tmp_path))
    changed = api.check_data([str(doc)], settings(tmp_path, **change))
    assert len(runs) == 2
    # Apertium decodes with no beam: the report does not name it (signature.decoding is {})
    assert (changed["signature"] != first["signature"]) == ("beam" not in change)
    assert api.check_data([str(doc)], settings(tmp_path)) == first
    assert len(runs) == 2  # ...and the first report is still there


@pytest.mark.parametrize(
    "change",
    [
        {"formats": ["html", "sarif"]},
        {"output": "elsewhere.json"},
        {"max_flagged": 0},
        {"min_chrf": 99.0},
        {"threads": 1},
        {"baseline": "baseline.json"},
    ],
    ids=["formats", "output", "max-flagged", "min-chrf", "threads", "baseline"],
)
def test_output_and_gate_settings_reuse_the_report(
    tmp_path: Path, doc: Path, runs: list[str], change: dict[str, Any]
) -> None:
    first = api.check_data([str(doc)], settings(tmp_path))
    assert api.check_data([str(doc)], settings(tmp_path, **change)) == first
    assert len(runs) == 1


def test_a_setting_given_elsewhere_runs_again(tmp_path: Path, doc: Path, runs: list[str]) -> None:
    """The same settings given in another config file: the report's warnings name the file that
    set a language, and a reused report named the config file of the run that stored it."""
    given = [
        {"lang": str(tmp_path / "a" / "driftcheck.toml")},
        {"lang": str(tmp_path / "b" / "driftcheck.toml")},
    ]
    as_es = {"lang": "es", "pivots": ["en"]}  # over the file name's "en": a warning names where
    reports = [api.check_data([str(doc)], settings(tmp_path, given=g, **as_es)) for g in given]
    warnings = [r["documents"][0]["warnings"] for r in reports]
    assert len(runs) == 2 and all(g["lang"] in " ".join(w) for g, w in zip(given, warnings, strict=True))
    assert api.check_data([str(doc)], settings(tmp_path, given=given[0], **as_es)) == reports[0]
    assert len(runs) == 2


def test_changed_input_bytes_run_again(tmp_path: Path, doc: Path, runs: list[str]) -> None:
    first = api.check_data([str(doc)], settings(tmp_path))
    doc.write_text(TEXT.replace("42", "43"), encoding="utf-8")
    second = api.check_data([str(doc)], settings(tmp_path))
    assert len(runs) == 2
    assert "43" in second["segments"][0]["text"] and "42" in first["segments"][0]["text"]


def test_engine_code_or_package_changes_run_again(
    tmp_path: Path, doc: Path, runs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    api.check_data([str(doc)], settings(tmp_path))
    from pipeline.engines import apertium

    # new Apertium language data: another engine signature
    monkeypatch.setattr(apertium, "apertium_version", lambda: "apertium-eng-spa=9.9")
    api.check_data([str(doc)], settings(tmp_path))
    assert len(runs) == 2
    monkeypatch.setattr(result_memo, "code_fingerprint", lambda: "edited check")
    api.check_data([str(doc)], settings(tmp_path))
    assert len(runs) == 3
    monkeypatch.setattr(result_memo, "environment_fingerprint", lambda: "sacrebleu upgraded")
    api.check_data([str(doc)], settings(tmp_path))
    assert len(runs) == 4
    api.check_data([str(doc)], settings(tmp_path))
    assert len(runs) == 4  # and that new state is reused in turn


def test_no_cache_always_runs_and_stores_nothing(tmp_path: Path, doc: Path, runs: list[str]) -> None:
    api.check_data([str(doc)], settings(tmp_path, cache=False))
    api.check_data([str(doc)], settings(tmp_path, cache=False))
    assert len(runs) == 2
    assert not (tmp_path / "cache.sqlite3").exists()


def test_fingerprints_follow_the_package_and_installed_distributions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = result_memo.code_fingerprint()
    assert len(code) == 64 and code == result_memo.code_fingerprint.__wrapped__()
    env = result_memo.environment_fingerprint.__wrapped__()
    site = tmp_path / "site"
    (site / "sacrebleu-9.0.0.dist-info").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(site))
    assert result_memo.environment_fingerprint.__wrapped__() != env  # an upgraded package


def test_every_output_of_a_reused_run_is_byte_identical(tmp_path: Path, doc: Path) -> None:
    cache = tmp_path / "c.sqlite3"
    outputs = []
    for name in ("fresh", "reused"):
        out = tmp_path / name
        r = run_cli(
            "check", str(doc), "--engine", "apertium", "--pivot", "es", "--cache", str(cache),
            "-f", "json", "-f", "html", "-f", "sarif", "-f", "junit", "-f", "markdown", "-o", str(out),
        )  # fmt: skip
        report = next(p for p in out.iterdir() if p.suffix == ".json" and not p.name.endswith(".sarif.json"))
        assert r.code == gate_code(json.loads(report.read_text())), r.stderr
        outputs.append((r.code, {p.name: p.read_bytes() for p in sorted(out.iterdir())}))
    assert outputs[0] == outputs[1] and len(outputs[0][1]) >= 5
    stats = run_cli("cache", "stats", "--json", "--cache", str(cache))
    assert json.loads(stats.stdout)["reports"] == 1
    cleared = run_cli("cache", "clear", "--cache", str(cache))
    assert cleared.code == 0, cleared.stderr
    assert json.loads(run_cli("cache", "stats", "--json", "--cache", str(cache)).stdout)["reports"] == 0


# Modules a reused report must not import: the stages, the check registry, and what they pull in.
STAGES = (
    "pipeline.core.batch",
    "pipeline.core.roundtrip",
    "pipeline.core.source_mode",
    "pipeline.core.align",
    "pipeline.core.calibration",
    "pipeline.core.score",
    "pipeline.core.judge",
    "pipeline.checks.numbers",
    "pipeline.checks.dates",
    "sacrebleu",
    "langcodes",
)
SHOW_MODULES = (
    "import atexit, json, sys\n"
    "out = sys.argv.pop(1)\n"
    "atexit.register(lambda: open(out, 'w').write(json.dumps(sorted(sys.modules))))\n"
    "from pipeline.cli.app import app\n"
    "app()\n"
)


def test_a_reused_report_imports_none_of_the_stages(tmp_path: Path, doc: Path) -> None:
    """The stored report is looked up before the checks load or the stages import."""
    import os
    import subprocess
    import sys

    args = [
        "check",
        str(doc),
        "--engine",
        "apertium",
        "--pivot",
        "es",
        "--cache",
        str(tmp_path / "c.sqlite3"),
    ]
    args += ["-f", "json", "-f", "html", "-o", str(tmp_path / "out")]
    imported = []
    for run in ("fresh", "reused"):
        listing = tmp_path / f"{run}.json"
        proc = subprocess.run(
            [sys.executable, "-c", SHOW_MODULES, str(listing), *args],
            capture_output=True,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr.decode()
        imported.append(set(json.loads(listing.read_text())))
    fresh, reused = imported
    assert {"pipeline.core.batch", "pipeline.core.score", "sacrebleu"} <= fresh  # the listing works
    assert not reused & set(STAGES), sorted(reused & set(STAGES))


def test_no_cache_writes_no_cache_file(tmp_path: Path, doc: Path) -> None:
    """--no-cache: neither the given cache file nor the default one is created (nor a stored report)."""
    home = tmp_path / "xdg"
    given = tmp_path / "given" / "c.sqlite3"
    given.parent.mkdir()
    r = run_cli(
        "check", str(doc), "--engine", "apertium", "--no-cache", "--cache", str(given),
        "-f", "json", "-o", str(tmp_path / "r.json"), env={"XDG_CACHE_HOME": str(home)},
    )  # fmt: skip
    assert r.code == 0, r.stderr
    assert list(given.parent.iterdir()) == []
    assert [p for p in home.rglob("*") if ".sqlite" in p.name] == []


def test_the_encoders_files_are_known_by_identity(tmp_path: Path) -> None:
    """A rewritten weights file (even with the same bytes and modification time) is another key."""
    import os

    weights = tmp_path / "weights.npz"
    weights.write_bytes(b"w" * 1000)
    first = result_memo.files_identity([weights])
    assert result_memo.files_identity([weights]) == first
    st = weights.stat()
    weights.write_bytes(b"w" * 1000)
    os.utime(weights, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert result_memo.files_identity([weights]) != first
    assert result_memo.files_identity([tmp_path / "gone"]) == [[str(tmp_path / "gone"), None]]
