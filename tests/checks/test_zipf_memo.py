"""The word-frequency memo: a run with the translation cache keeps it beside the cache, and a rerun
answers from it without loading wordfreq, with the same values; a run without the cache
(`--no-cache`) writes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import gate_code, run_cli

CODE = (
    "import sys; from pathlib import Path; from pipeline.checks import zipf_memo; "
    "zipf_memo.persist(Path(sys.argv[1])); from pipeline.checks.text import zipf; "
    "print(zipf('house', 'en'), zipf('casa', 'es'), zipf('qzxv', 'en'), 'wordfreq' in sys.modules)"
)
MEMO = "wordfreq-memo.json"


def _run(folder: Path) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", CODE, str(folder)], capture_output=True, text=True, check=True
    )
    return out.stdout.split()


def test_second_process_answers_from_the_memo(tmp_path: Path) -> None:
    first = _run(tmp_path)
    assert first[-1] == "True" and float(first[0]) > 4 and float(first[2]) == 0.0
    memo = json.loads((tmp_path / MEMO).read_text())
    assert memo["entries"]["en\thouse"] == float(first[0])
    second = _run(tmp_path)
    assert second[:3] == first[:3] and second[-1] == "False"


def test_damaged_memo_is_rebuilt(tmp_path: Path) -> None:
    (tmp_path / MEMO).write_text("{not json")
    assert _run(tmp_path)[-1] == "True"
    assert "en\thouse" in json.loads((tmp_path / MEMO).read_text())["entries"]


def test_a_lookup_before_the_memo_has_a_file_is_kept_too(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from pipeline.checks import zipf_memo; "
        "from pipeline.checks.text import zipf; zipf('house', 'en'); zipf_memo.persist(Path(sys.argv[1]))"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True)
    assert "en\thouse" in json.loads((tmp_path / MEMO).read_text())["entries"]


@pytest.mark.requires_apertium
def test_a_run_keeps_the_memo_beside_its_cache_and_no_cache_writes_nothing(tmp_path: Path) -> None:
    pairs = tmp_path / "p.tsv"
    pairs.write_text("El museo abrió en 1998.\tThe museum opened in 1998.\n", encoding="utf-8")
    home = tmp_path / "home"
    env = {"DRIFTCHECK_CACHE": str(home / "default" / "t.sqlite"), "XDG_CACHE_HOME": str(home / "xdg")}
    args = ("check", str(pairs), "--source-lang", "es", "--engine", "apertium", "-f", "json")
    off = run_cli(*args, "--no-cache", env=env)
    assert off.code == gate_code(json.loads(off.stdout)), off.stderr
    assert not home.exists() or not list(home.rglob(MEMO)), list(home.rglob("*"))
    cache = tmp_path / "mine" / "c.sqlite"
    cache.parent.mkdir()
    on = run_cli(*args, "--cache", str(cache), env=env)
    assert on.code == gate_code(json.loads(on.stdout)), on.stderr
    assert "en\tmuseum" in json.loads((cache.parent / MEMO).read_text())["entries"]
    assert not list(home.rglob(MEMO))
