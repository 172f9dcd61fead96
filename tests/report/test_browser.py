"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright.

No browser is downloaded: Playwright launches /usr/bin/chromium, one browser per session (the
fixtures are in tests/report/conftest.py). Pages are loaded from file:// so the test sees exactly
what an editor opening a CI artifact sees. The reports come from the real pipeline with Apertium:
the sample article (round trip) and tests/data/review_pairs.jsonl (source-aware, with a changed
number, a dropped negation, an empty translation, a changed place name and one false alarm:
"15 por ciento").
This file: loading, safety, the rows and their panels, the README's picture. Filters are in
test_browser_filters.py, review decisions and the issue table in test_browser_review.py, the
keyboard, small screens and axe-core in test_browser_a11y.py.
Set DRIFTCHECK_SCREENSHOT=1 to refresh the pictures under docs/.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.report.html import anchor_for
from tests.report.pages import ROOT, anchors, by_id
from tests.report.samples import CLOSE_SCRIPT, JINJA, PWN, SCRIPT, hostile_report

pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip install playwright)")

pytestmark = [pytest.mark.requires_chromium, pytest.mark.requires_apertium]

SCREENSHOT = ROOT / "docs" / "report-screenshot.png"

# ---- loading, safety ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["article", "pairs", "multi"])
def test_page_loads_with_no_console_errors_and_no_network(
    open_report: Any, reports: dict[str, Any], name: str
) -> None:
    data = reports[name]
    r = open_report(data)
    total = len(data["segments"])
    assert r.shown() == f"{total} of {total} sentences"  # our script ran
    assert r.console == [] and r.errors == []
    assert r.requests == [r.url]  # the page itself and nothing else: no CDN, no fonts, no images
    assert r.visible_ids() == anchors(data)


def test_hostile_input_cannot_run_script(open_report: Any) -> None:
    data = hostile_report()
    r = open_report(data)
    r.page.click("#expand-all")
    r.page.click("#view-issues")
    assert r.page.evaluate("() => typeof window.pwned") == "undefined"
    assert r.dialogs == [] and r.errors == [] and r.console == []
    assert r.requests == [r.url]  # an <img src=x> that got through would have asked for "x"
    first = r.page.inner_text("#d0-p1\\.s1_b_ .seg-text")
    assert SCRIPT in first and JINJA in first
    assert r.page.inner_text("#d0-p2\\.s1 .seg-text") == PWN
    assert CLOSE_SCRIPT in r.page.inner_text("#d0-p1\\.s1_b_ .seg-src")
    assert CLOSE_SCRIPT in r.page.inner_text("#d0-p1\\.s1_b_-panel")
    assert f"{PWN} {JINJA}" in r.page.inner_text("#issue-table")
    assert r.page.evaluate("() => document.querySelectorAll('img, iframe, object, embed').length") == 0


# ---- rows that explain themselves -------------------------------------------------------------


def test_rows_show_reason_source_beside_translation_and_severity_marks(
    open_report: Any, reports: dict[str, Any]
) -> None:
    data = reports["pairs"]
    r = open_report(data)
    row = by_id("d0-bridge-2")
    assert r.page.inner_text(f"{row} .reason") == "numbers: 320 → 230"
    seg = next(s for s in data["segments"] if s["id"] == "bridge-2")
    assert r.page.inner_text(f"{row} .seg-src") == seg["source"]
    assert r.page.inner_text(f"{row} .seg-text") == seg["text"]
    # what the check found is marked on both sides, coloured by severity
    assert r.page.eval_on_selector_all(
        f"{row} .seg-src mark.sev-critical", "e => e.map(x => x.textContent)"
    ) == ["320"]
    assert r.page.eval_on_selector_all(
        f"{row} .seg-text mark.sev-critical", "e => e.map(x => x.textContent)"
    ) == ["230"]
    # a dropped negation: marked in the source, said on the translation side. The copy rewords the
    # clause too ("welcome"), so the check is less sure (major); natural copy put that kind over
    # the precision budget, so it is evidence (minor, marked in its colour) and the combiner asks
    # for review, naming the negation as what weighed most
    neg = by_id("d0-bridge-3")
    seg3 = next(s for s in data["segments"] if s["id"] == "bridge-3")
    assert [(f["check"], f["severity"]) for f in seg3["flags"]] == [
        ("negation", "minor"),
        ("combined", "major"),
    ]
    # the evidence names the kind the check raised and what the budget shows (it said "negation
    # (major)" beside a minor flag)
    assert "weighed most: negation (major, lowered to minor)" in seg3["flags"][1]["message"]
    assert seg3["evidence"][0]["label"] == "negation (major, lowered to minor)"
    assert seg3["verdict"] == "review"
    assert "weighed most: negation" in r.page.inner_text(f"{neg} .reason")
    assert r.page.inner_text(f"{neg} .seg-src mark.sev-minor") == "no"
    assert r.page.inner_text(f"{neg} .seg-text .absent.sev-minor") == "no “no”"
    r.page.click(f"{neg} .seg-toggle")
    panel = r.page.inner_text(f"{neg} .panel")
    assert "MINOR negation" in panel and seg3["flags"][0]["message"] in panel
    assert "negation (major, lowered to minor)" in panel
    # an empty translation says so, with its consequences folded
    empty = by_id("d0-bridge-4")
    assert r.page.inner_text(f"{empty} .reason-text") == "empty translation"
    assert r.page.inner_text(f"{empty} .implied") == "+1 implied"
    assert r.page.inner_text(f"{empty} .seg-text .missing") == "no translation"
    r.page.click(f"{empty} .seg-toggle")
    assert r.page.locator(f"{empty} .panel > ul.flags > li").count() == 1
    assert r.page.inner_text(f"{empty} .implied-list summary") == "1 more implied by empty"
    # a major flag is styled apart from a critical one
    colours = r.page.evaluate(
        '() => [...document.querySelectorAll(\'[id="d0-bridge-3"] .seg-text mark, [id="d0-bridge-2"] .seg-text mark\')]'
        ".map(m => [m.className, getComputedStyle(m).backgroundColor])"
    )
    assert (
        dict(colours)["sev-critical"] != dict(colours)["sev-major"]
    )  # bridge-2's numbers, bridge-3's review


def test_notes_on_ok_sentences_are_notes(open_report: Any, reports: dict[str, Any]) -> None:
    data = reports["article"]
    noted = [s for s in data["segments"] if s["flags"] and s["verdict"] == "ok"]
    assert noted, "the sample article has minor findings on OK sentences"
    r = open_report(data)
    header = " ".join(r.page.inner_text("header").split())
    assert "Every sentence came through" in header and f"{len(noted)} notes on OK sentences" in header
    anchor = by_id(anchor_for(0, noted[0]["id"]))
    assert r.page.text_content(f"{anchor} .note-tag") == "note"
    assert "note" in (r.page.get_attribute(f"{anchor} .reason", "class") or "")
    tirana = by_id("d0-p5.s1")
    assert r.page.inner_text(f"{tirana} .reason-text") == "names: Tirana → Tyrant"
    assert r.page.locator(f"{tirana} .seg-text mark.sev-minor").inner_text() == "Tirana"


def test_panel_is_built_on_demand_with_grouped_diffs_and_legend(
    open_report: Any, reports: dict[str, Any]
) -> None:
    data = reports["pairs"]
    r = open_report(data)
    assert r.page.locator(".panel[data-filled]").count() == 0  # nothing built before it is opened
    row = by_id("d0-bridge-2")
    r.page.click(f"{row} .seg-text")
    panel = f"{by_id('d0-bridge-2-panel')}"
    assert r.page.is_visible(panel) and r.page.locator(".panel[data-filled]").count() == 1
    labels = r.page.eval_on_selector_all(f"{panel} .cell-label", "e => e.map(x => x.firstChild.textContent)")
    assert labels == ["Source (es)", "Translation (en)", "Back-translation (en→es)", "Forward translation (es→en)",
                      "Source round trip (es)"]  # fmt: skip
    back = r.page.locator(f"{panel} .cell").nth(2)
    assert any("320" in t for t in back.locator("del").all_inner_texts())
    assert any("230" in t for t in back.locator("ins").all_inner_texts())
    assert back.locator("del mark.sev-critical").inner_text() == "320"  # the finding, on the struck side
    assert "struck" in r.page.inner_text(f"{panel} .legend-line")  # the legend sits beside the cells
    # case-only and article-only changes are not marked: "The engineers" vs "Los ingenieros" etc.
    for cell in r.page.locator(f"{panel} .cell").all():
        for word in cell.locator("del, ins").all_inner_texts():
            assert word.strip().casefold() not in {"the", "a", "el", "la", "los", "las"}


@pytest.mark.requires_encoder
def test_the_panel_shows_the_semantic_cosines(open_report: Any, reports: dict[str, Any]) -> None:
    data = reports["pairs"]  # the real pipeline with the sentence encoder on (its default when installed)
    seg = next(s for s in data["segments"] if s["id"] == "bridge-2")
    cosines = seg["semantic"]
    assert set(cosines) == {"source_copy", "forward_copy", "back_source"}
    r = open_report(data)
    r.page.click(f"{by_id('d0-bridge-2')} .seg-text")
    section = r.page.locator(f"{by_id('d0-bridge-2-panel')} section.cmp", has_text="Semantic similarity")
    shown = dict(
        (s.split(" ")[0] if not s.startswith("cos(") else s.rsplit(" ", 1)[0], s.rsplit(" ", 1)[1])
        for s in section.locator(".score").all_inner_texts()
    )
    assert shown == {
        "cos(source, translation)": f"{cosines['source_copy']:.2f}",
        "cos(forward translation, translation)": f"{cosines['forward_copy']:.2f}",
        "cos(back-translation, source)": f"{cosines['back_source']:.2f}",
    }


# ---- the README's pictures ------------------------------------------------------------------------------


def test_screenshot_of_the_sample_article(open_report: Any, reports: dict[str, Any], tmp_path: Path) -> None:
    """The README's picture: today's report on the sample article, made by the real pipeline."""
    data = reports["article"]
    r = open_report(data, width=1280, height=1100)
    assert r.console == [] and r.errors == []
    r.page.click(f"{by_id('d0-p5.s1')} .seg-toggle")
    r.page.evaluate(
        "() => { document.activeElement.blur(); window.scrollTo(0, 0);"
        " document.querySelectorAll('.current').forEach(e => e.classList.remove('current')); }"
    )
    shot = tmp_path / "report.png"
    r.page.screenshot(path=str(shot))
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(png[16:20], "big") == 1280 and int.from_bytes(png[20:24], "big") == 1100
    if os.environ.get("DRIFTCHECK_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
    assert SCREENSHOT.exists(), "run DRIFTCHECK_SCREENSHOT=1 pytest tests/report/test_browser.py to create it"


def test_marks_and_span_text_count_characters_as_the_json_does(open_report: Any, tmp_path: Path) -> None:
    """Offsets in the JSON count code points; the script sliced UTF-16 units, so after an emoji
    (two units) every mark and the issue table's span text sat further left: "tó 320 millo"."""
    import json

    from tests.conftest import run_cli

    pairs = tmp_path / "emoji.jsonl"
    rows = [
        {"id": "e1", "source": "🎉🎉🎉 El puente costó 320 millones de euros.", "translation": "🎉🎉🎉 The bridge cost 230 million euros."},
        {"id": "e2", "source": "𝐀𝐁𝐂 Los vecinos pagaron 45 euros.", "translation": "𝐀𝐁𝐂 The neighbours paid 54 euros."},
    ]  # fmt: skip
    pairs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    out = tmp_path / "r.json"
    cli = run_cli(
        "check", str(pairs), "-s", "es", "-l", "en", "--engine", "apertium", "--no-cache", "-o", str(out)
    )
    assert cli.code == 1, cli.stderr
    r = open_report(json.loads(out.read_text("utf-8")))
    marks = "e => e.map(x => x.textContent)"
    assert r.page.eval_on_selector_all(f"{by_id('d0-e1')} .seg-text mark", marks) == ["230 million"]
    assert r.page.eval_on_selector_all(f"{by_id('d0-e1')} .seg-src mark", marks) == ["320 millones"]
    assert r.page.eval_on_selector_all(f"{by_id('d0-e2')} .seg-text mark", marks) == ["54"]
    r.page.click("#view-issues")
    cells = "rs => rs.map(r => [r.cells[4].textContent, r.cells[5].textContent])"
    assert r.page.eval_on_selector_all("#issue-table tbody tr:not(.group)", cells) == [
        ["320 millones", "230 million"],
        ["45", "54"],
    ]


def test_bidirectional_controls_are_named_not_obeyed(open_report: Any) -> None:
    """An id and a translation holding U+202E showed reordered in the sentence list and the issue
    table ("evil" read "live"), where the terminal, JUnit and GitHub name the control."""
    data = hostile_report()
    data["segments"][1]["id"] = "p2.s1\u202eevil\u202c"
    data["segments"][1]["text"] = "The bridge \u202eevil\u202c reopened."
    r = open_report(data)
    r.page.click("#expand-all")
    row = r.page.locator("main article.seg").nth(1)
    assert "The bridge [U+202E]evil[U+202C] reopened." in row.inner_text()
    assert "\u202e" not in row.inner_text() and r.errors == []
    r.page.click("#view-issues")
    table = r.page.inner_text("#issue-table")
    assert "p2.s1[U+202E]evil[U+202C]" in table and "\u202e" not in table
