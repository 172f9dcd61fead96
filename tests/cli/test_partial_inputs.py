"""When some of several inputs cannot be read, the others are checked and reported and the exit is
2, whatever is wrong with the bad one: missing, or malformed inside (a JSONL line that is no JSON
stopped the whole run, because segment files were parsed only after the good inputs' work began)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def test_every_input_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's validation parsed every input fully and the run parsed it again (cached reruns too;
    benchmarks/bench_parse_once.py): the run now takes what validation read. A second bilingual
    file keeps its own document index."""
    from typer.testing import CliRunner

    import pipeline.core.verify as verify
    from pipeline.cli.app import app

    calls: list[str] = []

    def counted(name: str) -> Callable[..., Any]:
        real = getattr(verify, name)

        def read(*args: Any, **kwargs: Any) -> Any:
            calls.append(name)
            return real(*args, **kwargs)

        return read

    for name in ("read_document", "read_pairs"):
        monkeypatch.setattr(verify, name, counted(name))
    doc = tmp_path / "note.en.md"
    doc.write_text("# The bridge\n\n" + GOOD, encoding="utf-8")
    out = tmp_path / "r.json"
    base = ["--engine", "apertium", "--no-cache", "--no-semantic", "-f", "json", "-o", str(out)]
    result = CliRunner().invoke(app, ["check", str(doc), *base])
    assert result.exit_code == 0, result.output
    assert calls == ["read_document"] and len(json.loads(out.read_text())["segments"]) == 2
    original = tmp_path / "nota.es.md"  # the --source document too, read as Spanish however read first
    original.write_text("# El puente\n\nEl alcalde inauguró el nuevo puente el viernes.\n", encoding="utf-8")
    calls.clear()
    result = CliRunner().invoke(app, ["check", str(doc), "--source", str(original), *base])
    assert result.exit_code == 0, result.output
    assert (
        calls == ["read_document"] * 2 and json.loads(out.read_text())["documents"][0]["source_lang"] == "es"
    )
    pairs = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    for p in pairs:
        p.write_text(
            json.dumps({"source": "Hola mundo.", "translation": "Hello world."}) + "\n", encoding="utf-8"
        )
    calls.clear()
    result = CliRunner().invoke(app, ["check", *map(str, pairs), "-s", "es", *base])
    assert result.exit_code == 0, result.output
    assert calls == ["read_pairs"] * 2 and [
        s["document"] for s in json.loads(out.read_text())["segments"]
    ] == [0, 1]


def test_every_ci_format_says_an_input_was_not_read(tmp_path: Path) -> None:
    """The run exited 2 naming the unreadable input on stderr, but its reports held only the good
    one and looked clean: SARIF `executionSuccessful: true`, JUnit no failure, Markdown nothing. The
    report now records the input (`signature.gate.unread`) and every CI format shows it as a failed
    gate; stderr names it once."""
    import xml.etree.ElementTree as ET

    good, bad = tmp_path / "good.en.txt", tmp_path / "bad.jsonl"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text('{"source": "Hola", "translation": "Hi"}\n{broken\n', encoding="utf-8")
    r = run_cli(
        "check", "good.en.txt", "bad.jsonl", "--engine", "apertium", "--no-cache",
        "-f", "json", "-f", "sarif", "-f", "junit", "-f", "markdown", "-o", "out/", cwd=tmp_path,
    )  # fmt: skip
    why = "bad.jsonl:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)"
    assert (r.code, r.stderr) == (2, f"driftcheck: error: {why}\n")
    data = json.loads((tmp_path / "out" / "driftcheck.json").read_text(encoding="utf-8"))
    assert data["signature"]["gate"] == {"unread": [why]}
    assert all(s["verdict"] == "ok" for s in data["segments"])
    sarif = json.loads((tmp_path / "out" / "driftcheck.sarif").read_text(encoding="utf-8"))
    [invocation] = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == [
        f"gate failed: input not read: {why}"
    ]
    junit = ET.parse(tmp_path / "out" / "driftcheck.junit.xml").getroot()
    assert [f.get("message") for f in junit.iter("failure")] == [f"input not read: {why}"]
    markdown = (tmp_path / "out" / "driftcheck.md").read_text(encoding="utf-8")
    assert f"**Gate failed:** input not read: {why}" in markdown
    again = run_cli("report", "out/driftcheck.json", "-f", "github", cwd=tmp_path)
    assert again.code == 0 and f"::error title=driftcheck gate::input not read: {why}" in again.stdout
