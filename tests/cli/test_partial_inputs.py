"""When some of several inputs cannot be read, the others are checked and reported and the exit is
2, whatever is wrong with the bad one: missing, or malformed inside (a JSONL line that is no JSON
stopped the whole run, because segment files were parsed only after the good inputs' work began)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.requires_apertium

GOOD = "The mayor opened the new bridge on Friday.\n"


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("gone.txt", None, "no such file"),
        (
            "pairs.jsonl",
            '{"source": "Hola mundo.", "translation": "Hello world."}\n{"source": "Adiós", \n',
            "pairs.jsonl:2: not valid JSON",
        ),
        ("pairs.tsv", "source\ttranslation\nHola mundo.\tHello world.\textra\n", "pairs.tsv:2"),
    ],
)
def test_the_good_input_is_checked_and_the_bad_one_named(
    tmp_path: Path, name: str, content: str | None, error: str
) -> None:
    good, bad = tmp_path / "good.en.txt", tmp_path / name
    good.write_text(GOOD, encoding="utf-8")
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli(
        "check", str(good), str(bad), "--engine", "apertium", "--no-cache", "-f", "json", "-o", str(out)
    )
    assert r.code == 2
    [line] = [x for x in r.stderr.splitlines() if x.startswith("driftcheck: error: ")]
    assert error in line and str(bad) in line
    assert [d["path"] for d in json.loads(out.read_text(encoding="utf-8"))["documents"]] == [str(good)]
