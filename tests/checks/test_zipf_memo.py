"""The word-frequency memo: a rerun answers from it without loading wordfreq, with the same values."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CODE = (
    "import sys; from pipeline.checks.text import zipf; "
    "print(zipf('house', 'en'), zipf('casa', 'es'), zipf('qzxv', 'en'), 'wordfreq' in sys.modules)"
)


def _run(cache: Path) -> list[str]:
    env = {**os.environ, "DRIFTCHECK_CACHE": str(cache)}
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env, check=True)
    return out.stdout.split()


def test_second_process_answers_from_the_memo(tmp_path: Path) -> None:
    first = _run(tmp_path / "t.sqlite")
    assert first[-1] == "True" and float(first[0]) > 4 and float(first[2]) == 0.0
    memo = json.loads((tmp_path / "wordfreq-memo.json").read_text())
    assert memo["entries"]["en\thouse"] == float(first[0])
    second = _run(tmp_path / "t.sqlite")
    assert second[:3] == first[:3] and second[-1] == "False"


def test_damaged_memo_is_rebuilt(tmp_path: Path) -> None:
    (tmp_path / "wordfreq-memo.json").write_text("{not json")
    assert _run(tmp_path / "t.sqlite")[-1] == "True"
    assert "en\thouse" in json.loads((tmp_path / "wordfreq-memo.json").read_text())["entries"]
