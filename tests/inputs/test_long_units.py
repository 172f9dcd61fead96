"""A translation unit over the engines' segment limit is unverifiable, but what needs no engine is
still checked: its placeholders, numbers, dates, units (a lost `%(name)s` is a fact, not an engine reading)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.engines import MAX_SEGMENT_CHARS
from tests.conftest import run_cli

pytestmark = pytest.mark.requires_apertium

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: es\\n"\n\n'


def _po(tmp_path: Path, msgstr_name: str) -> Path:
    repeat = MAX_SEGMENT_CHARS // 30 + 1
    src = "Save the file before closing. " * repeat + "Hello %(user)s."
    tgt = "Guarde el archivo antes de cerrar. " * repeat + f"Hola {msgstr_name}."
    assert len(src) > MAX_SEGMENT_CHARS
    po = tmp_path / "long.po"
    po.write_text(HEADER + f'#, python-format\nmsgid "{src}"\nmsgstr "{tgt}"\n', encoding="utf-8")
    return po


def test_a_unit_over_the_limit_still_has_its_placeholders_compared(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    r = run_cli(
        "check", str(_po(tmp_path, "%(usuario)s")), "--engine", "apertium", "--no-cache", "-o", str(out)
    )
    assert r.code == 1, r.stderr
    [seg] = json.loads(out.read_text(encoding="utf-8"))["segments"]
    found = {(f["check"], f["severity"]) for f in seg["flags"]}
    assert ("placeholders", "critical") in found and ("engine_health", "info") in found
    assert seg["verdict"] == "fail"


def test_a_unit_over_the_limit_with_its_placeholders_kept_is_unverifiable_only(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    r = run_cli("check", str(_po(tmp_path, "%(user)s")), "--engine", "apertium", "--no-cache", "-o", str(out))
    [seg] = json.loads(out.read_text(encoding="utf-8"))["segments"]
    assert [f["check"] for f in seg["flags"]] == ["engine_health"]
    assert r.code == (1 if seg["verdict"] != "ok" else 0), r.stderr


@pytest.mark.parametrize(
    ("tail", "tail_es", "check"),
    [
        ("There are 6 cats.", "Hay 5 gatos.", "numbers"),
        ("It costs 20 dollars.", "Cuesta 20 euros.", "units"),
    ],
)
def test_a_segment_over_the_limit_still_has_its_facts_compared(
    tmp_path: Path, tail: str, tail_es: str, check: str
) -> None:
    """Only the placeholders were compared: "Hay 5 gatos" / "There are 6 cats" over the limit was
    `ok` with an info note, and the gate passed. Every check that reads no engine output runs."""
    repeat = MAX_SEGMENT_CHARS // 30 + 1
    row = {
        "source": "Guarde el archivo antes de cerrar. " * repeat + tail_es,
        "translation": "Save the file before closing. " * repeat + tail,
    }
    (tmp_path / "p.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    r = run_cli(
        "check",
        "p.jsonl",
        "-s",
        "es",
        "-l",
        "en",
        "--engine",
        "apertium",
        "--no-cache",
        "-f",
        "json",
        "-o",
        "r.json",
        cwd=tmp_path,
    )
    assert r.code == 1, r.stderr
    [seg] = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["segments"]
    assert [(f["check"], f["severity"]) for f in seg["flags"]] == [
        ("engine_health", "info"),
        (check, "critical"),
    ]
    assert seg["verdict"] == "fail"
