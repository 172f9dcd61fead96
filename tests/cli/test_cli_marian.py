"""The CLI end to end on the tiny real Marian models: marian and ct2 engines, auto, cache."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli

pytest_plugins = ["conftest_marian"]
pytestmark = pytest.mark.requires_marian

TEXT = "The house is small.\n\nThe dog runs in the garden. The cat sleeps on the table.\n"


def _check(tmp_path: Path, models: Path, *extra: str) -> tuple[int, dict[str, Any], str]:
    doc = tmp_path / "doc.en.txt"
    doc.write_text(TEXT)
    r = run_cli(
        "check",
        str(doc),
        "--pivot",
        "de",
        "--models-dir",
        str(models),
        "-f",
        "json",
        "--fail-on",
        "never",
        *extra,
    )
    assert r.code == 0, r.stderr
    return r.code, json.loads(r.stdout), r.stderr


def test_marian_engine_through_the_cli_records_the_folders(tmp_path: Path, tiny_models_dir: Path) -> None:
    _, data, _ = _check(tmp_path, tiny_models_dir, "--engine", "marian", "--no-cache", "--beam", "2")
    assert data["signature"]["routes"] == {"de": "en->de->en"}
    assert data["signature"]["decoding"] == {"beam": 2}
    dirs = data["signature"]["engine"]["directions"]
    assert set(dirs) == {"de-en", "en-de"} and dirs["en-de"]["engine"] == "marian"
    assert dirs["en-de"]["model"] == "opus-mt-en-de" and data["signature"]["models_dir"] == str(
        tiny_models_dir
    )
    assert [s["id"] for s in data["segments"]] == ["p1.s1", "p2.s1", "p2.s2"]
    assert all(s["round_trips"][0]["forward"] for s in data["segments"])  # the random model generated text


def test_auto_picks_ct2_when_converted_and_cached_rerun_is_identical(
    tmp_path: Path, tiny_ct2_models_dir: Path
) -> None:
    cache = tmp_path / "cache.sqlite"
    _, first, _ = _check(tmp_path, tiny_ct2_models_dir, "--cache", str(cache))
    engine = first["signature"]["engine"]
    assert engine["name"] == "auto"  # per hop: the converted models win over opus-mt folders and Apertium
    assert {hop: sig["engine"] for hop, sig in engine["directions"].items()} == {
        "en-de": "ct2",
        "de-en": "ct2",
    }
    _, second, _ = _check(tmp_path, tiny_ct2_models_dir, "--cache", str(cache))
    assert first == second  # same input and signature: the same report, from the cache
    stats = run_cli("cache", "stats", "--json", "--cache", str(cache))
    assert stats.code == 0, stats.stderr
    info = json.loads(stats.stdout)
    assert info["entries"] == 6 and len(info["namespaces"]) == 2  # en-de and de-en, 3 sentences each


def test_a_sentence_over_the_model_limit_is_split_and_marked(tmp_path: Path, tiny_models_dir: Path) -> None:
    long = "The dog runs in the garden and the cat sleeps on the table " * 40  # ~500 tokens, no full stop
    doc = tmp_path / "long.en.txt"
    doc.write_text("The house is small.\n\n" + long.strip() + ".\n")
    r = run_cli(
        "check",
        str(doc),
        "--pivot",
        "de",
        "--models-dir",
        str(tiny_models_dir),
        "--engine",
        "marian",
        "--no-cache",
        "-f",
        "json",
        "--fail-on",
        "never",
    )
    assert r.code == 0, r.stderr
    segs = json.loads(r.stdout)["segments"]
    assert [s.get("split", False) for s in segs] == [False, True]
    assert segs[1]["round_trips"][0]["back"]
