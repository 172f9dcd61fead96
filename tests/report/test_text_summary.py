"""The terminal summary printed without rich (nothing flagged: no table) is exactly what rich prints,
and anything rich would change (emoji codes, tabs, control characters) goes through rich."""

from __future__ import annotations

import copy
import io
import json
from typing import Any

import pytest
from rich.console import Console

from pipeline.cli import summary
from pipeline.report import text
from tests.conftest import ROOT


def clean_report() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "tests" / "data" / "report_roundtrip.json").read_text("utf-8"))
    for seg in data["segments"]:
        seg["verdict"] = "ok"
    return data


def through_rich(data: dict[str, Any], terminal: bool) -> str:
    out = io.StringIO()
    console = Console(file=out, highlight=False, force_terminal=terminal, width=40)
    text.print_into(console, data, 200)
    return out.getvalue()


PATHS = [
    "seeds/article.en.txt",
    "texts/a: b.txt: c.txt",
    "wide/新闻-記事-ニュース.txt",
    "rtl/خبر.txt",
    "a" * 300 + ".txt",  # far wider than the console: rich soft-wraps nothing either
    "line\nbreak.txt",
]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_plain_summary_is_what_rich_prints(
    path: str, terminal: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    data = clean_report()
    data["documents"][0]["path"] = path
    lines = text.plain_lines(data)
    assert lines is not None
    summary.print_text(data)
    assert capsys.readouterr().out == "".join(line + "\n" for line in lines) == through_rich(data, terminal)


@pytest.mark.parametrize("path", ["news/:smile: day.txt", "tab\there.txt", "bell\x07.txt"])
def test_what_rich_would_change_is_printed_by_rich(path: str) -> None:
    data = clean_report()
    data["documents"][0]["path"] = path
    if "\x07" in path:  # inert() shows it as a control picture: nothing left for rich to change
        assert text.plain_lines(data) is not None
        return
    assert text.plain_lines(data) is None
    assert through_rich(data, False) != "".join(line + "\n" for line in text._head(data))


def test_a_flagged_sentence_prints_the_table() -> None:
    data = clean_report()
    flagged = copy.deepcopy(data)
    flagged["segments"][0]["verdict"] = "review"
    assert text.plain_lines(data) is not None and text.plain_lines(flagged) is None
    assert "Sentences to review" in through_rich(flagged, False)


EVIL = "x\x1b]0;pwned\x07\x1b[2J\u202eevil"


@pytest.mark.parametrize("fmt", ["text", "markdown", "github"])
def test_the_note_paths_and_sentences_reach_no_terminal_raw(fmt: str) -> None:
    """A saved report is input to `driftcheck report`: its note went to the terminal raw (ESC, OSC),
    and right-to-left overrides (U+202E, "Trojan Source") were printed as they were everywhere."""
    from pipeline.report import render

    data = clean_report()
    data["summary"]["note"] = EVIL
    data["documents"][0]["path"] = EVIL + ".txt"
    data["segments"][0]["text"] = EVIL
    data["segments"][0]["verdict"] = "review"
    out = render(fmt, data) if fmt != "text" else through_rich(data, False)
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out, out
    assert "U+202E" in out


def test_a_long_path_folds_and_leaves_the_reasons_readable_in_80_columns() -> None:
    """A CI log is not a terminal: 80 columns. The "where" column kept the whole path on one line,
    took the width, and the sentence and its reasons were cut to nothing."""
    data: dict[str, Any] = json.loads((ROOT / "tests" / "data" / "report_roundtrip.json").read_text("utf-8"))
    data["documents"][0]["path"] = "/home/runner/work/website/website/content/en/news/2024/harbour-bridge.txt"
    flagged = [s for s in data["segments"] if s["verdict"] != "ok" and s["flags"]]
    assert flagged
    out = text.render_text(data, width=80)
    # reasons are there, wrapped in their column ("[critical] names:" on the sample's first row)
    assert "[critical] names:" in out and "Authorities raided the" in out
    table = [line for line in out.splitlines() if line[:1] in "┏┃┡│└"]
    assert table and max(len(line) for line in table) <= 80


def test_a_narrow_terminal_gets_one_block_per_sentence() -> None:
    """At 40 columns the table left the sentence column two characters: every word cut to a
    letter, about 25 lines a sentence. Below 72 columns each sentence is a block of its own."""
    data: dict[str, Any] = json.loads((ROOT / "tests" / "data" / "report_roundtrip.json").read_text("utf-8"))
    out = text.render_text(data, width=40)
    assert "┃" not in out and "┏" not in out  # no table
    assert "Sentences to review" in out and "[critical] names:" in out
    assert "Authorities raided the" in out  # the sentence, readable
    assert max(len(line) for line in out.splitlines()[2:]) <= 40
    assert "┃" in text.render_text(data, width=80)  # wide enough: the table


@pytest.mark.parametrize("width", [30, 40, 70])
def test_a_narrow_terminal_starts_no_line_with_the_sentence(width: int) -> None:
    """Below 72 columns the sentence was printed as it folds, so a word of it could start a line:
    "::error title=Deploy::Credentials leaked", which a CI runner obeys as a workflow command
    (leading spaces skipped). Each block now has a border that starts every line, as the table's."""
    data: dict[str, Any] = json.loads((ROOT / "tests" / "data" / "report_roundtrip.json").read_text("utf-8"))
    seg = next(s for s in data["segments"] if s["verdict"] != "ok")
    seg["text"] = (
        "He has 6 dogs and lives in the big house by the river xxxxxxxxx ::error title=Deploy::Leaked"
    )
    out = text.render_text(data, width=width)
    assert not [line for line in out.splitlines() if line.lstrip().startswith("::")]
    assert [line for line in out.splitlines() if "::" in line]


@pytest.mark.parametrize("width", [30, 40, 60, 80, 120])
def test_no_id_or_file_name_starts_a_line_at_any_width(width: int) -> None:
    """Below 72 columns a sentence's place and id were printed outside its box and folded there:
    an id "b ::warning::w2" put `::warning::w2` at the start of a line; and a file whose name
    starts with `::` opened the line of its scores at every width."""
    data: dict[str, Any] = json.loads((ROOT / "tests" / "data" / "report_roundtrip.json").read_text("utf-8"))
    seg = next(s for s in data["segments"] if s["verdict"] != "ok")
    seg["id"] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ::error title=pwned::owned"
    data["documents"][0]["path"] = "::warning file=x::doc ##[error]y.en.txt"
    other = copy.deepcopy(data["documents"][0])
    other.update(index=max(d["index"] for d in data["documents"]) + 1, path="##[error]z.en.txt")
    data["documents"].append(other)
    out = text.render_text(data, width=width)
    assert not [line for line in out.splitlines() if line.lstrip().startswith(("::", "##["))], out
    assert "./::warning file=x::doc ##[error]y.en.txt: " in out and "./##[error]z.en.txt: " in out
    assert "pwned" in out  # the id is shown


@pytest.mark.parametrize("columns", ["0", "1", "19"])
def test_a_terminal_width_too_small_to_show_a_sentence_prints_at_80_columns(columns: str) -> None:
    """Some CI containers set COLUMNS=0: `report -f text` printed nothing and exited 0; at 1 the
    sentence and its reasons were dropped from their box."""
    from tests.conftest import run_cli

    r = run_cli(
        "report", str(ROOT / "tests" / "data" / "report_source.json"), "-f", "text", env={"COLUMNS": columns}
    )
    assert r.code == 0, r.stderr
    seg = next(
        s
        for s in json.loads((ROOT / "tests" / "data" / "report_source.json").read_text())["segments"]
        if s["flags"]
    )
    assert seg["text"].split()[0] in r.stdout and seg["flags"][0]["check"] in r.stdout
