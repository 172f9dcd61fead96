"""The HTML report in a real browser: review decisions, the issue table, CSV, print, no JavaScript.

The fixtures (one Chromium per session, the real pipeline's reports) are in tests/report/conftest.py.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.report.html import render_html
from tests.report.pages import anchors, by_id

pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip install playwright)")

pytestmark = [pytest.mark.requires_chromium, pytest.mark.requires_apertium]

# ---- review decisions ------------------------------------------------------------------------------


def test_decisions_persist_export_and_feed_baseline_import(
    open_report: Any, reports: dict[str, Any], tmp_path: Path, cli: Any
) -> None:
    data = reports["pairs"]
    page_path = tmp_path / "review.html"
    page_path.write_text(render_html(data), encoding="utf-8")
    r = open_report(data, path=page_path)
    flagged = len(anchors(data, lambda s: s["verdict"] != "ok"))
    assert r.page.inner_text("#progress") == f"0 of {flagged} flagged sentences reviewed"
    r.page.click(f"{by_id('d0-bridge-10')} .seg-toggle")
    r.page.check(f"{by_id('d0-bridge-10-panel')} input[value=false_alarm]")
    r.page.click(f"{by_id('d0-bridge-2')} .seg-toggle")
    r.page.keyboard.press("c")  # confirmed, from the keyboard
    assert r.page.inner_text("#progress") == f"2 of {flagged} flagged sentences reviewed"
    assert r.page.inner_text(f"{by_id('d0-bridge-10')} .decision") == "False alarm"
    # kept in the browser: a reload shows them again; the review filter finds them
    again = open_report(data, path=page_path, fragment="#review=confirmed")
    assert again.page.inner_text("#progress") == f"2 of {flagged} flagged sentences reviewed"
    assert again.visible_ids() == ["d0-bridge-2"]
    with again.page.expect_download() as info:
        again.page.click("#export-decisions")
    exported = tmp_path / "decisions.json"
    info.value.save_as(exported)
    doc = json.loads(exported.read_text(encoding="utf-8"))
    got = {d["id"]: (d["decision"], d["label"]) for d in doc["decisions"]}
    assert got == {"bridge-2": ("confirmed", "shifted"), "bridge-10": ("false_alarm", "ok")}
    # the round trip: the false alarm becomes a baseline entry, and the gate stops counting it
    baseline, labels = tmp_path / "baseline.json", tmp_path / "labels.jsonl"
    res = cli("baseline", "import", str(exported), "-o", str(baseline), "--labels", str(labels))
    assert res.code == 0, res.stderr
    assert "1 false alarm -> 2 new entries" in res.stdout  # names and combined
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
    assert {(x["translation"], x["label"]) for x in rows} == {
        (next(s["text"] for s in data["segments"] if s["id"] == i), lab) for i, lab in (("bridge-2", "shifted"), ("bridge-10", "ok"))
    }  # fmt: skip
    out = tmp_path / "after.json"
    res = cli("check", "tests/data/review_pairs.jsonl", "-s", "es", "-l", "en", "-e", "apertium", "--no-cache", "--baseline",
              str(baseline), "-f", "json", "-o", str(out), "--fail-on", "never")  # fmt: skip
    assert res.code == 0, res.stderr
    after = {s["id"]: s for s in json.loads(out.read_text(encoding="utf-8"))["segments"]}
    assert after["bridge-10"]["verdict"] == "ok" and all(
        f.get("baselined") for f in after["bridge-10"]["flags"]
    )
    assert after["bridge-2"]["verdict"] == "fail"


# ---- issue table, CSV, print ---------------------------------------------------------------------------


def test_issue_table_csv_and_print(open_report: Any, reports: dict[str, Any], tmp_path: Path) -> None:
    data = reports["pairs"]
    r = open_report(data)
    r.page.click("#view-issues")
    assert r.page.is_hidden("#sentences") and r.page.is_visible("#issue-table")
    groups = r.page.eval_on_selector_all(
        "#issue-table tr.group th", "e => e.map(x => x.firstChild.textContent.trim())"
    )
    flags = [(s, f) for s in data["segments"] for f in s["flags"]]
    assert groups == sorted({f["check"] for _, f in flags})
    assert r.page.locator("#issue-table tbody tr:not(.group)").count() == len(flags)
    numbers_row = r.page.locator("#issue-table tbody tr", has_text="bridge-2").first
    cells = numbers_row.locator("td").all_inner_texts()
    assert cells[0] == "bridge-2" and cells[4] == "320" and cells[5] == "230"
    with r.page.expect_download() as info:
        r.page.click("#download-csv")
    path = tmp_path / "issues.csv"
    info.value.save_as(path)
    table = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(table) == len(flags)
    assert {(t["id"], t["check"], t["source_span"], t["translation_span"]) for t in table} >= {
        ("bridge-2", "numbers", "320", "230")
    }
    # print: the summary and the issue table, not the sentence list
    r.page.click("#view-issues")
    r.page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    r.page.emulate_media(media="print")
    assert r.page.is_hidden("nav.controls") and r.page.is_hidden("#sentences")
    assert r.page.is_visible("#issue-table") and r.page.is_visible(".summary-bar")
    pdf = r.page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_without_javascript_the_issue_table_is_shown(
    browser: Any, tmp_path: Path, reports: dict[str, Any]
) -> None:
    path = tmp_path / "report.html"
    path.write_text(render_html(reports["pairs"]), encoding="utf-8")
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        assert page.is_hidden("nav.controls")
        assert "320" in page.inner_text("noscript ~ *, .noscript-issues") or page.is_visible(
            ".noscript-issues"
        )
        assert "source number '320'" in page.inner_text(".noscript-issues")
    finally:
        context.close()
