"""A translation unit over the engines' segment limit is unverifiable, but what needs no engine is
still checked: its placeholders (a lost `%(name)s` is a fact, not an engine reading)."""

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
