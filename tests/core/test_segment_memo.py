"""Per-segment results kept between runs (pipeline.core.segment_memo): a file with one pair changed
re-scores and re-checks that pair only, and its report is the one a run without any cache makes.

Real Apertium (es<->en) and, where installed, its analysers; the stored results are observed in
the cache's `derived` table.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from pipeline import api
from pipeline.config import Settings
from pipeline.core import result_memo

pytestmark = pytest.mark.requires_apertium

PAIRS = [
    ("El consejo aprobó 42 casas nuevas el lunes.", "The council approved 42 new houses on Monday."),
    ("La alcaldesa no asistió a la reunión.", "The mayor attended the meeting."),
    ("Los precios subieron un 3 % en marzo.", "Prices rose by 3% in March."),
    ("El tren llegará a Madrid a las 10:30.", "The train arrived in Madrid at 10:30."),
    ("María vive en Lisboa desde 2010.", "María has lived in Lisbon since 2010."),
    ("El museo abre todos los días excepto los lunes.", "The museum opens every day except Mondays."),
    ("La empresa despidió a 300 trabajadores.", "The company hired 300 workers."),
    ("Nadie respondió a la carta del ministro.", "Nobody answered the minister's letter."),
]


def write_pairs(path: Path, pairs: list[tuple[str, str]]) -> Path:
    lines = [
        json.dumps({"id": f"p{i}", "source": s, "translation": t}, ensure_ascii=False)
        for i, (s, t) in enumerate(pairs, 1)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def settings(tmp_path: Path, **changes: Any) -> Settings:
    base = Settings(
        lang="en", source_lang="es", engine="apertium", cache_path=str(tmp_path / "cache.sqlite3")
    )
    return replace(base, **changes)


def stored(tmp_path: Path) -> dict[str, int]:
    """Stored results by kind ("rows", "stats")."""
    with sqlite3.connect(tmp_path / "cache.sqlite3") as db:
        rows = db.execute("SELECT kind, count(*) FROM derived GROUP BY kind").fetchall()
    out: dict[str, int] = {}
    for kind, count in rows:
        out[kind.split(":")[0]] = out.get(kind.split(":")[0], 0) + int(count)
    return out


def uncached(path: Path, tmp_path: Path) -> str:
    return json.dumps(api.check_data([str(path)], settings(tmp_path, cache=False)), sort_keys=True)


def test_one_changed_pair_is_checked_again_and_the_report_is_a_fresh_runs(tmp_path: Path) -> None:
    path = write_pairs(tmp_path / "pairs.jsonl", PAIRS)
    before = api.check_data([str(path)], settings(tmp_path))
    assert before["segments"][1]["verdict"] == "fail"  # "attended": the negation is lost
    first = stored(tmp_path)
    assert first["rows"] == len(PAIRS)  # every pair's checks and evidence
    assert first["stats"] >= 2 * len(PAIRS)  # back and forward comparisons (the source round trips too)

    changed = list(PAIRS)
    changed[1] = (PAIRS[1][0], "The mayor did not attend the meeting.")
    write_pairs(path, changed)
    again = json.dumps(api.check_data([str(path)], settings(tmp_path)), sort_keys=True)
    after = stored(tmp_path)
    assert after["rows"] == first["rows"] + 1  # only the changed pair was checked
    assert after["stats"] - first["stats"] in (1, 2)  # its back and forward comparisons, if new
    assert again == uncached(path, tmp_path)
    verdicts = [seg["verdict"] for seg in json.loads(again)["segments"]]
    assert verdicts[1] == "ok"  # checked again, not the stored result of the pair it replaced
    kept = [i for i in range(len(PAIRS)) if i != 1]
    assert [verdicts[i] for i in kept] == [before["segments"][i]["verdict"] for i in kept]


def test_a_document_pair_with_a_sentence_added_reports_as_a_fresh_run(tmp_path: Path) -> None:
    """Aligned documents: the added sentence is an `addition` the aligner raises, its neighbours'
    results are reused, and the report is an uncached run's."""
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    copy, source = tmp_path / "bridge.en.txt", tmp_path / "bridge.es.txt"
    copy.write_text((seeds / "harbour-bridge.en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    source.write_text((seeds / "harbour-bridge.es.txt").read_text(encoding="utf-8"), encoding="utf-8")
    api.check_data([str(copy)], settings(tmp_path), source=str(source))
    first = stored(tmp_path)
    text = copy.read_text(encoding="utf-8")
    cut = text.index(". ") + 2
    copy.write_text(text[:cut] + "Officials did not confirm it. " + text[cut:], encoding="utf-8")
    again = api.check_data([str(copy)], settings(tmp_path), source=str(source))
    fresh = api.check_data([str(copy)], settings(tmp_path, cache=False), source=str(source))
    assert json.dumps(again, sort_keys=True) == json.dumps(fresh, sort_keys=True)
    assert any(f["check"] == "addition" for seg in again["segments"] for f in seg["flags"])
    assert stored(tmp_path)["rows"] <= first["rows"] + 2  # the neighbours kept their results


RUN = """
import json, sys
from pipeline import api
from pipeline.config import Settings
settings = Settings(lang="en", source_lang="es", engine="apertium", cache_path=sys.argv[2])
print(json.dumps(api.check_data([sys.argv[1]], settings), sort_keys=True))
"""


def test_another_process_reuses_the_stored_results(tmp_path: Path) -> None:
    """Keys must not depend on the process: a set's iteration order changes with the hash seed."""
    path = write_pairs(tmp_path / "pairs.jsonl", PAIRS)
    cache = str(tmp_path / "cache.sqlite3")
    root = Path(__file__).resolve().parents[2]

    def run(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed, "HF_HUB_OFFLINE": "1"}
        done = subprocess.run(
            [sys.executable, "-c", RUN, str(path), cache], cwd=root, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    run("1")
    before = stored(tmp_path)
    changed = list(PAIRS)
    changed[0] = (PAIRS[0][0], "The council approved 42 new homes on Monday.")
    write_pairs(path, changed)
    report = run("2")
    assert stored(tmp_path)["rows"] == before["rows"] + 1  # the other seven came from the first process
    assert report.strip() == uncached(path, tmp_path)


def test_stored_results_of_other_code_are_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_pairs(tmp_path / "pairs.jsonl", PAIRS)
    api.check_data([str(path)], settings(tmp_path))
    before = stored(tmp_path)
    monkeypatch.setattr(result_memo, "code_fingerprint", lambda: "an edited check")
    api.check_data([str(path)], settings(tmp_path))  # the whole report's key names the code too
    after = stored(tmp_path)
    assert after["rows"] == 2 * before["rows"] and after["stats"] == 2 * before["stats"]


def test_a_setting_of_the_checks_is_part_of_the_key(tmp_path: Path) -> None:
    path = write_pairs(tmp_path / "pairs.jsonl", PAIRS)
    api.check_data([str(path)], settings(tmp_path))
    before = stored(tmp_path)
    off = settings(tmp_path, checks={"negation": {"enabled": False}})
    report = json.dumps(api.check_data([str(path)], off), sort_keys=True)
    after = stored(tmp_path)
    assert after["rows"] == 2 * before["rows"]  # checked again under the new setting
    assert after["stats"] == before["stats"]  # the scores do not depend on it: reused
    assert report == json.dumps(api.check_data([str(path)], replace(off, cache=False)), sort_keys=True)


def test_a_setting_only_the_judge_reads_reuses_the_pairs_results(tmp_path: Path) -> None:
    path = write_pairs(tmp_path / "pairs.jsonl", PAIRS)
    api.check_data([str(path)], settings(tmp_path))
    before = stored(tmp_path)
    gate = settings(tmp_path, fail_on="review", semantic=False)
    report = json.dumps(api.check_data([str(path)], gate), sort_keys=True)
    assert stored(tmp_path) == before  # nothing computed again
    assert report == json.dumps(api.check_data([str(path)], replace(gate, cache=False)), sort_keys=True)


def test_a_stored_value_that_does_not_decode_is_computed_again(tmp_path: Path) -> None:
    path = write_pairs(tmp_path / "pairs.jsonl", PAIRS)
    api.check_data([str(path)], settings(tmp_path))
    with sqlite3.connect(tmp_path / "cache.sqlite3") as db:
        db.execute("UPDATE derived SET data = x'00ff'")
        db.execute("DELETE FROM reports")  # else the whole report is reused
    report = json.dumps(api.check_data([str(path)], settings(tmp_path)), sort_keys=True)
    assert report == uncached(path, tmp_path)
    with sqlite3.connect(tmp_path / "cache.sqlite3") as db:
        broken = db.execute("SELECT count(*) FROM derived WHERE data = x'00ff'").fetchone()[0]
    assert broken == 0  # stored again, readable


def test_without_a_cache_nothing_is_stored(tmp_path: Path) -> None:
    path = write_pairs(tmp_path / "pairs.jsonl", PAIRS)
    api.check_data([str(path)], settings(tmp_path, cache=False))
    assert not (tmp_path / "cache.sqlite3").exists()
