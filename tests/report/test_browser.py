"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright.

No browser is downloaded: Playwright launches /usr/bin/chromium, one browser per module.
Pages are loaded from file:// so the test sees exactly what an editor opening a CI artifact
sees. The reports come from the real pipeline with Apertium: the sample article (round trip)
and tests/data/review_pairs.jsonl (source-aware, with a changed number, a dropped negation,
an empty translation, a changed place name and one false alarm: "15 por ciento").
Set DRIFTCHECK_SCREENSHOT=1 to refresh the pictures under docs/.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from pipeline.report.html import anchor_for, render_html

if TYPE_CHECKING:
    from playwright.sync_api import Dialog

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="needs the playwright package (pip install playwright)"
)

pytestmark = [pytest.mark.requires_chromium, pytest.mark.requires_apertium]

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parents[1] / "data"
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / ".ci" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SCREENSHOT = ROOT / "docs" / "report-screenshot.png"
PAIRS = DATA / "review_pairs.jsonl"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"report_{name}.json").read_text(encoding="utf-8"))
    return data


def by_id(anchor: str) -> str:
    """A CSS selector for an element id with dots in it."""
    return f'[id="{anchor}"]'


@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, Any]]:
    """The real pipeline's reports (Apertium), made once per module."""
    from pipeline.config import Settings
    from pipeline.core.verify import verify
    from pipeline.report.to_json import to_dict

    article = to_dict(
        verify(
            [str(ROOT / "seeds" / "albania-camp-raid.en.txt")],
            Settings(lang="en", engine="apertium", cache=False),
        )
    )
    article["documents"][0]["path"] = "seeds/albania-camp-raid.en.txt"
    pairs = to_dict(
        verify([str(PAIRS)], Settings(lang="en", source_lang="es", engine="apertium", cache=False))
    )
    pairs["documents"][0]["path"] = "tests/data/review_pairs.jsonl"
    return {"article": article, "pairs": pairs, "multi": load("multi")}


@dataclass
class Opened:
    page: Any
    url: str
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def visible_ids(self) -> list[str]:
        ids: list[str] = self.page.eval_on_selector_all(
            "main article.seg", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"
        )
        return ids

    def shown(self) -> str:
        return str(self.page.text_content("#shown"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"needs Debian chromium at {CHROMIUM}")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def context(browser: Any) -> Iterator[Any]:
    """One context for the module; every test opens its own pages in it (much cheaper)."""
    c = browser.new_context(accept_downloads=True)
    yield c
    c.close()


@pytest.fixture
def open_report(context: Any, tmp_path: Path) -> Iterator[Any]:
    pages: list[Any] = []

    def _open(
        data: dict[str, Any], width: int = 1280, height: int = 800, fragment: str = "", ctx: Any = None,
        path: Path | None = None,
    ) -> Opened:  # fmt: skip
        if path is None:
            path = tmp_path / f"report-{len(pages)}.html"
            path.write_text(render_html(data), encoding="utf-8")
        page = (ctx or context).new_page()
        pages.append(page)
        page.set_viewport_size({"width": width, "height": height})
        page.set_default_timeout(15_000)
        opened = Opened(page, path.as_uri())
        page.on("console", lambda m: opened.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("dialog", lambda d: _record_and_dismiss(opened.dialogs, d))
        page.goto(opened.url + fragment)
        page.wait_for_selector("html[data-ready]", state="attached")
        return opened

    yield _open
    for page in pages:
        page.close()


def anchors(data: dict[str, Any], pred: Any = lambda s: True) -> list[str]:
    return [anchor_for(s["document"], s["id"]) for s in data["segments"] if pred(s)]


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
    from test_report_html import CLOSE_SCRIPT, JINJA, PWN, SCRIPT, hostile_report

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
    # a dropped negation: marked in the source, said on the translation side. The rest of the
    # clause says what the engine's translation says, so the difference is unambiguous: a kind of
    # negation flag within the precision budget, which asks for review (major), marks in its colour
    neg = by_id("d0-bridge-3")
    seg3 = next(s for s in data["segments"] if s["id"] == "bridge-3")
    assert [(f["check"], f["severity"]) for f in seg3["flags"]] == [("negation", "major")]
    assert seg3["verdict"] == "review"
    assert "negation dropped: no" in r.page.inner_text(f"{neg} .reason")
    assert r.page.inner_text(f"{neg} .seg-src mark.sev-major") == "no"
    assert r.page.inner_text(f"{neg} .seg-text .absent.sev-major") == "no “no”"
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
        '() => [...document.querySelectorAll(\'[id="d0-bridge-10"] .seg-text mark, [id="d0-bridge-2"] .seg-text mark\')]'
        ".map(m => [m.className, getComputedStyle(m).backgroundColor])"
    )
    assert (
        dict(colours)["sev-critical"] != dict(colours)["sev-major"]
    )  # bridge-2's numbers, bridge-10's review


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


# ---- filters, sort, search and the URL -----------------------------------------------------------


def test_filters_sort_and_search_live_in_the_url(open_report: Any, reports: dict[str, Any]) -> None:
    data = reports["pairs"]
    r = open_report(data)
    flagged = anchors(data, lambda s: s["verdict"] != "ok")
    assert len(flagged) > len(anchors(data, lambda s: s["verdict"] == "fail"))  # review rows among them
    r.page.check("#flagged-only")
    assert r.visible_ids() == flagged
    r.page.select_option("#check-filter", "numbers")
    numbers = anchors(data, lambda s: any(f["check"] == "numbers" for f in s["flags"]))
    assert r.visible_ids() == numbers
    r.page.fill("#search", "320")
    assert r.visible_ids() == ["d0-bridge-2"]
    r.page.fill("#search", "bridge-1")  # ids are searched too
    assert r.visible_ids() == ["d0-bridge-12"] or r.visible_ids() == []
    r.page.fill("#search", "")
    r.page.select_option("#sort", "drift")
    by_drift = [anchor_for(0, s["id"]) for _, s in sorted(enumerate(data["segments"]), key=lambda p: (-p[1]["drift"], p[0]))
                if any(f["check"] == "numbers" for f in s["flags"]) and s["verdict"] != "ok"]  # fmt: skip
    assert r.visible_ids() == by_drift
    url = r.page.url
    assert "flagged=1" in url and "check=numbers" in url and "sort=drift" in url
    again = open_report(
        data, path=Path(url.split("#")[0][len("file://") :]), fragment="#" + url.split("#", 1)[1]
    )
    assert again.visible_ids() == by_drift and again.page.is_checked("#flagged-only")
    assert again.page.input_value("#check-filter") == "numbers"
    r.page.click("#clear-filters")
    assert len(r.visible_ids()) == len(data["segments"]) and "#" not in r.page.url.rstrip("#")


def test_a_permalink_to_a_filtered_out_row_keeps_the_filters(
    open_report: Any, reports: dict[str, Any]
) -> None:
    data = reports["pairs"]
    r = open_report(data, fragment="#flagged=1&row=d0-bridge-6")
    assert r.page.is_checked("#flagged-only")
    ids = r.visible_ids()
    assert "d0-bridge-6" in ids and set(ids) - {"d0-bridge-6"} == set(
        anchors(data, lambda s: s["verdict"] != "ok")
    )
    assert r.page.is_visible(by_id("d0-bridge-6-panel"))
    assert "(+1 linked)" in r.shown() and r.page.is_visible(f"{by_id('d0-bridge-6')} .pin-note")
    # clicking a sentence's permalink while filtered does the same
    r.page.evaluate("() => { location.hash = 'd0-bridge-7'; }")
    r.page.wait_for_selector(f"{by_id('d0-bridge-7')}.open")
    assert r.page.is_checked("#flagged-only") and "d0-bridge-7" in r.visible_ids()


def test_chips_histogram_bins_and_strip_regions_filter(open_report: Any, reports: dict[str, Any]) -> None:
    data = reports["pairs"]
    r = open_report(data)
    r.page.click(".chips .chip[data-check=names]")
    assert r.visible_ids() == ["d0-bridge-10"] and r.page.input_value("#check-filter") == "names"
    r.page.click(".chips .chip[data-check=names]")  # pressed again: off
    assert len(r.visible_ids()) == len(data["segments"])
    r.page.click("details.charts-fold summary")
    low = [s for s in data["segments"] if s["comparison"]["back_scores"]["chrf"] < 10]
    r.page.click(".hist .hbin[data-band='0']")
    assert r.visible_ids() == anchors(data, lambda s: s in low) and "chrf=0" in r.page.url
    r.page.click(".hist .hbin[data-band='0']")
    # the strip: with one bar per sentence, Enter on a bar opens its sentence
    r.page.focus("#strip")
    r.page.keyboard.press("ArrowRight")
    assert r.page.get_attribute("#strip", "aria-valuenow") == "2"
    r.page.keyboard.press("Enter")
    assert r.page.is_visible(by_id("d0-bridge-2-panel"))


def test_a_long_report_renders_in_batches_and_its_strip_filters_regions(
    open_report: Any, reports: dict[str, Any]
) -> None:
    from pipeline.report.to_json import summarize

    base = reports["pairs"]
    segs = []
    for k in range(170):
        for s in base["segments"]:
            c = copy.deepcopy(s)
            c["id"] = f"{s['id']}~{k}"
            segs.append(c)
    data = {**base, "segments": segs, "summary": summarize(segs)}
    r = open_report(data)
    total = len(segs)
    rendered = r.page.locator("article.seg").count()
    assert rendered < 200 and r.shown() == f"{total} of {total} sentences"
    r.page.fill("#search", "bridge-7~169")  # the very last sentences, never rendered so far
    assert r.visible_ids() == ["d0-bridge-7_169"]
    r.page.fill("#search", "")
    r.page.mouse.wheel(0, 20_000)
    r.page.wait_for_function(f"() => document.querySelectorAll('article.seg').length > {rendered}")
    # a binned strip: one tab stop, a region per bar, Enter shows that region only
    assert r.page.locator("#strip rect.bar").count() == 120
    r.page.click("details.charts-fold summary")
    r.page.focus("#strip")
    r.page.keyboard.press("End")
    r.page.keyboard.press("Enter")
    lo = 119 * total // 120
    assert r.shown() == f"{total - lo} of {total} sentences" and f"region={lo}-{total}" in r.page.url
    # j walks past the first batch
    r.page.click("#clear-filters")
    r.page.focus("#search")
    r.page.keyboard.press("Escape")
    r.page.evaluate("() => document.activeElement.blur()")
    for _ in range(45):
        r.page.keyboard.press("j")
    assert r.page.evaluate("() => document.activeElement.closest('article.seg').id") == anchor_for(
        0, segs[44]["id"]
    )


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
    r.page.click(f"{by_id('d0-bridge-12')} .seg-toggle")
    r.page.check(f"{by_id('d0-bridge-12-panel')} input[value=false_alarm]")
    r.page.click(f"{by_id('d0-bridge-2')} .seg-toggle")
    r.page.keyboard.press("c")  # confirmed, from the keyboard
    assert r.page.inner_text("#progress") == f"2 of {flagged} flagged sentences reviewed"
    assert r.page.inner_text(f"{by_id('d0-bridge-12')} .decision") == "False alarm"
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
    assert got == {"bridge-2": ("confirmed", "shifted"), "bridge-12": ("false_alarm", "ok")}
    # the round trip: the false alarm becomes a baseline entry, and the gate stops counting it
    baseline, labels = tmp_path / "baseline.json", tmp_path / "labels.jsonl"
    res = cli("baseline", "import", str(exported), "-o", str(baseline), "--labels", str(labels))
    assert res.code == 0, res.stderr
    assert "1 false alarm(s) -> 1 new entry" in res.stdout
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
    assert {(x["translation"], x["label"]) for x in rows} == {
        (next(s["text"] for s in data["segments"] if s["id"] == i), lab) for i, lab in (("bridge-2", "shifted"), ("bridge-12", "ok"))
    }  # fmt: skip
    out = tmp_path / "after.json"
    res = cli("check", "tests/data/review_pairs.jsonl", "-s", "es", "-l", "en", "-e", "apertium", "--no-cache", "--baseline",
              str(baseline), "-f", "json", "-o", str(out), "--fail-on", "never")  # fmt: skip
    assert res.code == 0, res.stderr
    after = {s["id"]: s for s in json.loads(out.read_text(encoding="utf-8"))["segments"]}
    assert after["bridge-12"]["verdict"] == "ok" and all(
        f.get("baselined") for f in after["bridge-12"]["flags"]
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


# ---- keyboard, first screen, phones ---------------------------------------------------------------


def test_keyboard_reaches_the_first_sentence_in_20_tabs_and_enter_reveals_the_panel(
    open_report: Any, reports: dict[str, Any]
) -> None:
    data = reports["multi"]
    r = open_report(data, height=700)
    first = anchor_for(data["segments"][0]["document"], data["segments"][0]["id"])
    for _ in range(20):
        r.page.keyboard.press("Tab")
        if r.page.evaluate("() => document.activeElement.closest('article.seg')?.id") == first:
            break
    else:
        raise AssertionError("the first sentence is not within 20 Tab presses")
    # j/k then Enter on a sentence far down: its opened panel is on screen
    for _ in range(12):
        r.page.keyboard.press("j")
    current = r.page.evaluate("() => document.activeElement.closest('article.seg').id")
    assert current == anchor_for(data["segments"][11]["document"], data["segments"][11]["id"])
    r.page.keyboard.press("Enter")
    box = r.page.locator(by_id(current + "-panel")).bounding_box()
    assert box is not None and 0 <= box["y"] < 700 and box["y"] + 40 < 700
    r.page.keyboard.press("k")
    assert r.page.evaluate("() => document.activeElement.closest('article.seg').id") == anchor_for(
        data["segments"][10]["document"], data["segments"][10]["id"]
    )


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_first_flagged_sentence_is_on_the_first_screen(
    open_report: Any, reports: dict[str, Any], width: int, height: int
) -> None:
    data = reports["pairs"]
    r = open_report(data, width=width, height=height)
    first = anchors(data, lambda s: s["verdict"] != "ok")[0]
    # the whole collapsed row on a laptop; on a phone its reason and the start of its sentence
    part = ".seg-head" if width > 760 else ".reason"
    box = r.page.locator(f"{by_id(first)} {part}").bounding_box()
    assert (
        box is not None and box["y"] >= 0 and box["y"] + box["height"] + (0 if width > 760 else 24) <= height
    ), box
    assert r.page.evaluate("() => window.scrollY") == 0


@pytest.mark.parametrize("name", ["article", "hostile"])
def test_390_px_wide_has_no_horizontal_scroll(open_report: Any, reports: dict[str, Any], name: str) -> None:
    if name == "hostile":
        from test_report_html import hostile_report

        data = hostile_report()  # a 1,680-character word and right-to-left text
    else:
        data = reports[name]
    r = open_report(data, width=390, height=844)
    r.page.evaluate("() => document.getElementById('expand-all').click()")  # hidden on phones
    widths = r.page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
        " document.body.scrollWidth]"
    )
    assert widths[0] <= widths[1] and widths[2] <= widths[1], widths


# ---- accessibility: axe-core, injected for the audit only --------------------------------------------


@pytest.fixture(scope="module")
def axe_context(browser: Any) -> Iterator[Any]:
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI must provide axe-core at {AXE} (.ci/setup installs it with npm)")
        pytest.skip(f"needs axe-core at {AXE} (bash .ci/setup installs it)")
    c = browser.new_context(bypass_csp=True)  # the audit's script is not the page's: only here
    yield c
    c.close()


def axe_violations(page: Any) -> list[tuple[str, str, int]]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]]


@pytest.mark.parametrize("name", ["article", "pairs"])
def test_axe_finds_no_serious_or_critical_violations(
    open_report: Any, reports: dict[str, Any], axe_context: Any, name: str
) -> None:
    r = open_report(reports[name], ctx=axe_context)
    r.page.click("details.run-details summary")
    r.page.click("details.charts-fold summary")
    collapsed = axe_violations(r.page)
    r.page.click("#expand-all")
    expanded = axe_violations(r.page)
    r.page.click("#view-issues")
    table = axe_violations(r.page)
    for found in (collapsed, expanded, table):
        assert [v for v in found if v[1] in ("serious", "critical")] == [], found


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


def _record_and_dismiss(dialogs: list[str], dialog: Dialog) -> None:
    dialogs.append(dialog.message)
    dialog.dismiss()
