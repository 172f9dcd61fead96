"""The Markdown summary for pull-request comments, checked by rendering it with a real
CommonMark + GFM-table parser (markdown-it-py) and reading the table back."""

from __future__ import annotations

import copy
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from pipeline.report.markdown import md_escape, render_markdown, worst_segments

DATA = Path(__file__).parents[1] / "data"
markdown_it = pytest.importorskip("markdown_it")


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"report_{name}.json").read_text(encoding="utf-8"))
    return data


def to_html(md: str) -> str:
    """Render as GitHub would parse it (CommonMark, raw HTML allowed, GFM tables)."""
    out: str = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    return out


def table_rows(md: str, header: str) -> list[list[str]]:
    """Cells (as rendered HTML) of the table whose first header cell is `header`."""
    for table in re.findall(r"<table>.*?</table>", to_html(md), re.S):
        heads = re.findall(r"<th(?:\s[^>]*)?>(.*?)</th>", table, re.S)
        if heads and heads[0] == header:
            body = table.split("<tbody>", 1)[1] if "<tbody>" in table else ""
            rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
            cells = [re.findall(r"<td[^>]*>(.*?)</td>", r, re.S) for r in rows]
            assert all(len(c) == len(heads) for c in cells), "a cell broke the table"
            return cells
    raise AssertionError(f"no table starting with {header!r}")


def plain(cell: str) -> str:
    """What a reader sees in a cell: entities decoded, the invisible word joiners dropped."""
    return html.unescape(cell).replace("\u2060", "")


def test_summary_has_counts_scores_and_the_worst_sentences_first() -> None:
    data = load("roundtrip")
    md = render_markdown(data)
    s = data["summary"]
    assert md.startswith(f"### driftcheck: {s['flagged']} of {s['segments']} sentences need a look")
    assert f"❌ fail **{s['verdicts']['fail']}**" in md and f"✅ ok **{s['verdicts']['ok']}**" in md
    docs = table_rows(md, "Document")
    es = data["documents"][0]["scores"]["es"]
    assert docs == [
        [
            "seeds/albania-camp-raid.en.txt",
            *(str(data["documents"][0]["counts"][v]) for v in ("fail", "review", "ok")),
            f"es: {es['chrf']:.1f} / {es['bleu']:.1f} / {es['ter']:.1f}",
        ]
    ]
    rows = table_rows(md, "Verdict")
    worst = worst_segments(data)
    assert len(rows) == min(len(worst), 20) and len(worst) == s["flagged"]
    assert [r[0] for r in rows] == [
        {"fail": "❌ fail", "review": "⚠️ review"}[w["verdict"]] for w in worst[:20]
    ]
    drifts = [float(r[3]) for r in rows if r[0] == "❌ fail"]
    assert drifts == sorted(drifts, reverse=True)
    top = worst[0]
    assert rows[0][1] == f"seeds/albania-camp-raid.en.txt:{top['line']} ({top['id']})"
    assert rows[0][2] == top["text"]
    assert all(f"{f['check']}: {f['message']}" in plain(rows[0][5]) for f in top["flags"])


def test_source_mode_and_several_documents() -> None:
    src = render_markdown(load("source"))
    assert "Source-aware check" in src
    docs = table_rows(src, "Document")
    assert docs[0][0] == "seeds/harbour-bridge.es.txt ← seeds/harbour-bridge.en.txt"
    assert docs[0][4].startswith("back: ") and "<br>forward: " in docs[0][4]
    reasons = " ".join(r[5] for r in table_rows(src, "Verdict"))
    assert "320" in reasons and "negation" in reasons
    multi = load("multi")
    assert [r[0] for r in table_rows(render_markdown(multi), "Document")] == [
        d["path"] for d in multi["documents"]
    ]


def test_nothing_to_report() -> None:
    data = copy.deepcopy(load("source"))
    for s in data["segments"]:
        s["verdict"], s["flags"] = "ok", []
    data["summary"].update(verdicts={"ok": 7, "review": 0, "fail": 0}, flagged=0, checks={}, worst="ok")
    md = render_markdown(data)
    assert md.startswith("### driftcheck: all 7 sentences came through")
    assert "No sentence needs a look." in md and "Worst sentences" not in md


@pytest.mark.parametrize("limit", [65000, 3000, 1600, 1200])
def test_stays_within_the_limit_and_says_what_it_left_out(limit: int) -> None:
    data = load("roundtrip")
    md = render_markdown(data, limit=limit)
    assert len(md) <= limit
    shown = len(table_rows(md, "Verdict"))
    hidden = data["summary"]["flagged"] - shown
    if hidden:
        assert f"and {hidden} more sentence" in md
    else:
        assert "more sentence" not in md


def test_many_sentences_are_cut_at_top_and_at_65000_characters() -> None:
    data = copy.deepcopy(load("roundtrip"))
    worst = [s for s in data["segments"] if s["verdict"] != "ok"]
    data["segments"] = [dict(worst[i % len(worst)], text="word " * 300, id=f"p{i}.s1") for i in range(2000)]
    data["summary"]["flagged"] = 2000
    md = render_markdown(data)
    assert len(table_rows(md, "Verdict")) == 20 and "and 1980 more sentences" in md
    big = render_markdown(data, top=5000)
    assert len(big) <= 65000 and "more sentences that need a look" in big
    assert len(table_rows(big, "Verdict")) > 50


def test_a_header_longer_than_the_limit_is_still_cut() -> None:
    md = render_markdown(load("multi"), limit=100)
    assert len(md) <= 100 and md.endswith("…")


HOSTILE = "a | b\nc\r\nd <script>alert(1)</script> *bold* _it_ [link](http://x) `code` @octocat #12 &amp; \\|"


def test_cells_cannot_break_the_table_or_inject_markup() -> None:
    data = copy.deepcopy(load("source"))
    seg = next(s for s in data["segments"] if s["flags"])
    seg["text"] = HOSTILE
    seg["flags"][0]["message"] = HOSTILE
    data["documents"][0]["path"] = "dir|x/<b>file</b>.txt"
    md = render_markdown(data)
    page = to_html(md)
    assert "<script" not in page and "<b>" not in page and "<a " not in page and "<em>" not in page
    assert "<code>" not in page and "<strong>bold" not in page
    rows = table_rows(md, "Verdict")  # asserts every row still has six cells
    row = next(r for r in rows if "alert" in r[2])
    assert plain(row[2]) == " ".join(HOSTILE.split())  # the same text, newlines folded, nothing lost
    assert "@\u2060octocat" in row[2] and "#\u206012" in row[2]  # no mention, no issue link
    assert table_rows(md, "Document")[0][0].startswith("dir|x/&lt;b&gt;file")


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a|b", "a\\|b"),
        ("one\ntwo\r\n three", "one two three"),
        ("<br>", "\\<br\\>"),
        ("*x* _y_", "\\*x\\* \\_y\\_"),
        ("@user", "@\u2060user"),
        ("plain text, 20 km.", "plain text, 20 km."),
        ("n3\ufffe x\U0010ffff", "n3\\[U+FFFE\\] x\\[U+10FFFF\\]"),  # noncharacters named
    ],
)
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def test_md_escape_truncates_long_cells() -> None:
    assert md_escape("x" * 500, 200) == "x" * 199 + "…"


def test_noncharacters_are_named_as_the_html_page_names_them() -> None:
    """A unit id `n3\ufffe` went raw into the comment, and a forge renders Markdown to HTML, where
    a noncharacter is a parse error (and shows as nothing): it reads `[U+FFFE]`, as on the page."""
    data = copy.deepcopy(load("source"))
    seg = worst_segments(data)[0]
    seg["id"] = "n3\ufffe"
    md = render_markdown(data)
    assert re.findall("[\ufdd0-\ufdef\ufffe\uffff]", to_html(md)) == []
    assert plain(table_rows(md, "Verdict")[0][1]) == f"seeds/harbour-bridge.es.txt:{seg['line']} (n3[U+FFFE])"


@pytest.mark.parametrize(("baselined", "line"), [(1, "1 flag"), (3, "3 flags")])
def test_flags_the_baseline_accepted_are_counted_in_agreement(baselined: int, line: str) -> None:
    """It said "Accepted by the baseline: 3 flag(s)"."""
    data = copy.deepcopy(load("source"))
    data["summary"]["baselined"] = baselined
    assert f"\nAccepted by the baseline: {line}, not counted above.\n" in render_markdown(data)


def test_a_pair_the_calibration_was_not_trained_for_is_named() -> None:
    """The pull-request comment said nothing of it; the HTML header and stderr did (QA pass 11)."""
    data = load("source")
    data["signature"]["calibration"] = {
        "source": "shipped",
        "trained_on": ["es->en", "pt->en"],
        "requires": ["pv"],
    }
    assert "Calibration trained on" not in render_markdown(data)  # a pair it learned: nothing to say
    data["signature"]["calibration"]["not_trained_for"] = ["es->pt"]
    data["signature"]["calibration"]["encoder_left_out"] = True
    said = (
        "> Calibration trained on es->en, pt->en (not for es->pt: drift without the sentence encoder there)"
    )
    assert said in render_markdown(data).replace("\\", "")
