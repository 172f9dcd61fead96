"""What a run reads or keeps is never an output: the calibration file, the word-frequency memo
beside the cache, and the cache's SQLite -wal file before it exists. Each one was overwritten (or
the report written over it deleted) before it was on the list; end to end with Apertium."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

SHIPPED = ROOT / "pipeline" / "data" / "calibration-source.json"
RUN = ("-l", "en", "-s", "es", "--engine", "apertium", "--no-semantic")


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "orig.es.txt").write_text("El alcalde anunció 320 viviendas.\n", "utf-8")
    (tmp_path / "copy.en.txt").write_text("The mayor announced 230 homes.\n", "utf-8")
    shutil.copy(SHIPPED, tmp_path / "cal.json")
    return tmp_path


def _check(work: Path, *args: str) -> tuple[int, str]:
    r = run_cli("check", "copy.en.txt", "--source", "orig.es.txt", *RUN, *args, cwd=work)
    return r.code, r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("--calibration", "cal.json", "-o", "cal.json"),
        ("--config", "driftcheck.toml", "-f", "json", "-o", "cal.json"),  # calibration = "cal.json" there
    ],
)
def test_the_calibration_in_use_is_no_output(work: Path, args: tuple[str, ...]) -> None:
    (work / "driftcheck.toml").write_text('calibration = "cal.json"\n', "utf-8")
    code, err = _check(work, "--no-cache", *args)
    assert code == 2 and "the output would overwrite the calibration file cal.json" in err, err
    assert (work / "cal.json").read_bytes() == SHIPPED.read_bytes()


def test_an_annotated_copy_does_not_replace_the_calibration(work: Path) -> None:
    po = work / "es.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n'
        '"X-Source-Language: es\\n"\n\nmsgid "Gastó 320 euros."\nmsgstr "Spent 230 euros."\n',
        "utf-8",
    )
    args = ("--engine", "apertium", "--no-semantic", "--no-cache", "--calibration", "cal.json")
    r = run_cli("check", "es.po", *args, "-f", "json", "-o", "out/", "--annotate", "cal.json", cwd=work)
    assert r.code == 2 and "the output would overwrite the calibration file cal.json" in r.stderr, r.stderr
    assert (work / "cal.json").read_bytes() == SHIPPED.read_bytes()


def test_eval_does_not_write_over_its_calibration(work: Path) -> None:
    labelled = work / "lab.jsonl"
    row = {
        "id": "1",
        "pair_id": 1,
        "src_lang": "es",
        "tgt_lang": "en",
        "source": "Hola.",
        "translation": "Hello.",
    }
    labelled.write_text(
        json.dumps({**row, "label": "ok", "category": "mt", "severity": "minor"}) + "\n", "utf-8"
    )
    (work / "d").mkdir()
    shutil.copy(SHIPPED, work / "d" / "eval.json")
    r = run_cli(
        "eval",
        str(labelled),
        "--engine",
        "apertium",
        "--no-semantic",
        "--no-cache",
        "--calibration",
        "d/eval.json",
        "-o",
        "d/",
        cwd=work,
    )
    assert r.code == 2 and "would overwrite the calibration file d/eval.json" in r.stderr, r.stderr
    assert (work / "d" / "eval.json").read_bytes() == SHIPPED.read_bytes()


@pytest.mark.parametrize(
    ("name", "what"),
    [("wordfreq-memo.json", "word-frequency memo"), ("c.sqlite3-wal", "translation cache")],
)
def test_the_files_kept_beside_the_cache_are_no_output(work: Path, name: str, what: str) -> None:
    """The memo is rewritten at exit and SQLite deletes its -wal file when the cache closes: a report
    written there was announced ("written: …") and then gone."""
    (work / "cache").mkdir()
    code, err = _check(work, "--cache", "cache/c.sqlite3", "-f", "json", "-o", f"cache/{name}")
    assert code == 2 and f"the output would overwrite the {what}" in err, err
    assert not (work / "cache" / name).exists() or name == "wordfreq-memo.json"
    assert not (work / "cache" / "c.sqlite3").exists()  # refused before any work


def test_the_wal_file_of_a_cache_named_through_a_link_is_no_output(work: Path) -> None:
    """SQLite keeps its -wal file beside the file a link names: `--cache lnk.sqlite` (a link to
    real.sqlite) let a report be written to real.sqlite-wal, announced, exit 0, and deleted when
    the cache closed; the guard knew only lnk.sqlite-wal, a file SQLite never uses."""
    assert _check(work, "--cache", "real.sqlite", "-f", "json", "-o", "first.json")[0] == 1  # 320 -> 230
    (work / "lnk.sqlite").symlink_to("real.sqlite")
    code, err = _check(work, "--cache", "lnk.sqlite", "-f", "json", "-o", "real.sqlite-wal")
    assert code == 2 and "real.sqlite-wal: the output would overwrite the translation cache" in err, err
    assert not (work / "real.sqlite-wal").exists()
