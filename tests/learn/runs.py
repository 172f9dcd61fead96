"""Helpers shared by the tests of tests/learn/: labelled JSONL files and `driftcheck check` JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import run_cli


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def check_json(out: Path, *args: str) -> dict[str, Any]:
    """`driftcheck check ... --source-lang es --engine apertium -f json -o out --fail-on never`."""
    r = run_cli(
        "check",
        *args,
        "--source-lang",
        "es",
        "--engine",
        "apertium",
        "-f",
        "json",
        "-o",
        str(out),
        "--fail-on",
        "never",
    )
    assert r.code == 0, r.stderr
    data: dict[str, Any] = json.loads(out.read_text())
    return data
