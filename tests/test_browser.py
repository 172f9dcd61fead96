"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright.

No browser is downloaded: Playwright launches /usr/bin/chromium. Pages are loaded from
file:// so the test sees exactly what an editor opening a CI artifact sees. Set
DRIFTCHECK_SCREENSHOT=1 to refresh docs/report-screenshot.png (the README's picture).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from pipeline.report.html import anchor_for, render_html

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="needs the playwright package (pip install playwright)"
)

pytestmark = pytest.mark.requires_chromium

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SCREENSHOT = ROOT / "docs" / "report-screenshot.png"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"report_{name}.json").read_text(encoding="utf-8"))
    return data


def by_id(anchor: str) -> str:
    """A CSS selector for an element id with dots in it."""
    return f'[id="{anchor}"]'


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
    c = browser.new_context()
    yield c
    c.close()


@pytest.fixture
def open_report(context: Any, tmp_path: Path) -> Iterator[Any]:
    pages: list[Any] = []

    def _open(data: dict[str, Any], width: int = 1280, height: int = 900, fragment: str = "") -> Opened:
        path = tmp_path / f"report-{len(pages)}.html"
        path.write_text(render_html(data), encoding="utf-8")
        page = context.new_page()
        pages.append(page)
        page.set_viewport_size({"width": width, "height": height})
        page.set_default_timeout(10_000)
        opened = Opened(page, path.as_uri())
        page.on("console", lambda m: opened.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.goto(opened.url + fragment)
        page.wait_for_load_state("load")
        return opened

    yield _open
    for page in pages:
        page.close()


@pytest.mark.parametrize("name", ["roundtrip", "source", "multi"])
def test_page_loads_with_no_console_errors_and_no_network(open_report: Any, name: str) -> None:
    data = load(name)
    r = open_report(data)
    total = len(data["segments"])
    assert r.page.text_content("#shown") == f"{total} of {total} sentences"  # our script ran
    assert r.console == [] and r.errors == []
    assert r.requests == [r.url]  # the page itself and nothing else: no CDN, no fonts, no images
    assert len(r.visible_ids()) == total


def test_verdict_filters_hide_and_show_the_right_rows(open_report: Any) -> None:
    data = load("roundtrip")
    r = open_report(data)
    by_verdict = {
        v: [anchor_for(0, s["id"]) for s in data["segments"] if s["verdict"] == v] for v in ("ok", "fail")
    }
    r.page.uncheck("[data-filter-verdict=ok]")
    assert r.visible_ids() == by_verdict["fail"]
    assert r.page.text_content("#shown") == f"{len(by_verdict['fail'])} of {len(data['segments'])} sentences"
    # a paragraph whose sentences are all hidden is hidden too
    assert r.page.is_hidden("[data-paragraph='1']")
    r.page.check("[data-filter-verdict=ok]")
    r.page.uncheck("[data-filter-verdict=fail]")
    assert r.visible_ids() == by_verdict["ok"]
    r.page.uncheck("[data-filter-verdict=ok]")
    assert r.visible_ids() == [] and r.page.is_visible("#empty")
    for v in ("ok", "review", "fail"):
        r.page.check(f"[data-filter-verdict={v}]")
    assert len(r.visible_ids()) == len(data["segments"]) and r.page.is_hidden("#empty")


def test_flagged_only_and_check_filter(open_report: Any) -> None:
    data = load("source")
    r = open_report(data)
    r.page.check("#flagged-only")
    assert r.visible_ids() == [anchor_for(0, s["id"]) for s in data["segments"] if s["verdict"] != "ok"]
    r.page.uncheck("#flagged-only")
    r.page.select_option("#check-filter", "negation")
    expected = [
        anchor_for(0, s["id"]) for s in data["segments"] if any(f["check"] == "negation" for f in s["flags"])
    ]
    assert r.visible_ids() == expected == ["d0-p4.s1"]
    r.page.select_option("#check-filter", "")
    assert len(r.visible_ids()) == len(data["segments"])


def test_sort_by_drift_and_back(open_report: Any) -> None:
    data = load("multi")
    r = open_report(data)
    in_order = [anchor_for(s["document"], s["id"]) for s in data["segments"]]
    r.page.select_option("#sort", "drift")
    by_drift = [
        anchor_for(s["document"], s["id"])
        for _, s in sorted(enumerate(data["segments"]), key=lambda p: (-p[1]["drift"], p[0]))
    ]
    assert r.visible_ids() == by_drift
    assert r.page.is_hidden("#d0") and r.page.is_hidden("#d1")  # paragraphs give way to one ranked list
    r.page.select_option("#sort", "order")
    assert r.visible_ids() == in_order


def test_keyboard_j_k_move_focus_and_enter_expands(open_report: Any) -> None:
    data = load("roundtrip")
    r = open_report(data)
    ids = [anchor_for(0, s["id"]) for s in data["segments"]]
    focused = "() => document.activeElement.closest('article.seg')?.id"
    r.page.keyboard.press("j")
    assert r.page.evaluate(focused) == ids[0]
    r.page.keyboard.press("j")
    r.page.keyboard.press("j")
    assert r.page.evaluate(focused) == ids[2]
    r.page.keyboard.press("k")
    assert r.page.evaluate(focused) == ids[1]
    panel = by_id(ids[1] + "-panel")
    assert r.page.is_hidden(panel)
    r.page.keyboard.press("Enter")
    assert r.page.is_visible(panel)
    assert r.page.get_attribute(by_id(ids[1]) + " .seg-toggle", "aria-expanded") == "true"
    r.page.keyboard.press("Enter")
    assert r.page.is_hidden(panel)
    # j skips sentences hidden by a filter
    r.page.uncheck("[data-filter-verdict=ok]")
    fails = [anchor_for(0, s["id"]) for s in data["segments"] if s["verdict"] == "fail"]
    after = [i for i in fails if ids.index(i) > 1]
    r.page.keyboard.press("j")
    assert r.page.evaluate(focused) == after[0]


def test_clicking_a_sentence_expands_it_and_a_permalink_opens_it(open_report: Any) -> None:
    r = open_report(load("roundtrip"), fragment="#d0-p5.s1")
    assert r.page.is_visible("#d0-p5\\.s1-panel")
    assert r.page.evaluate("() => document.activeElement.closest('article.seg').id") == "d0-p5.s1"
    assert r.page.is_hidden("#d0-p4\\.s1-panel")
    r.page.click("#d0-p4\\.s1 .seg-text")
    assert r.page.is_visible("#d0-p4\\.s1-panel")
    assert "Pivot text (es)" in r.page.inner_text("#d0-p4\\.s1-panel")
    r.page.click("svg.strip a[href='#d0-p18\\.s1'] rect")  # a bar of the drift strip jumps to its sentence
    assert r.page.is_visible("#d0-p18\\.s1-panel")


def test_hostile_input_cannot_run_script(open_report: Any) -> None:
    from test_report_html import CLOSE_SCRIPT, JINJA, PWN, SCRIPT, hostile_report

    data = hostile_report()
    r = open_report(data)
    r.page.click("#expand-all")
    assert r.page.evaluate("() => typeof window.pwned") == "undefined"
    assert r.dialogs == [] and r.errors == [] and r.console == []
    assert r.requests == [r.url]  # an <img src=x> that got through would have asked for "x"
    first = r.page.inner_text("#d0-p1\\.s1_b_ .seg-text")
    assert SCRIPT in first and JINJA in first
    assert r.page.inner_text("#d0-p2\\.s1 .seg-text") == PWN
    assert CLOSE_SCRIPT in r.page.inner_text("#d0-p1\\.s1_b_-panel")
    assert r.page.evaluate("() => document.querySelectorAll('img, iframe, object, embed').length") == 0


@pytest.mark.parametrize("name", ["roundtrip", "hostile"])
def test_390_px_wide_has_no_horizontal_scroll(open_report: Any, name: str) -> None:
    if name == "hostile":
        from test_report_html import hostile_report

        data = hostile_report()  # a 1,680-character word and right-to-left text
    else:
        data = load(name)
    r = open_report(data, width=390, height=844)
    r.page.click("#expand-all")
    widths = r.page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
        " document.body.scrollWidth]"
    )
    assert widths[0] <= widths[1] and widths[2] <= widths[1], widths
    r1280 = open_report(data, width=1280)
    assert r1280.page.evaluate("() => document.documentElement.scrollWidth") <= 1280


def test_print_expands_every_sentence_and_hides_the_controls(open_report: Any) -> None:
    r = open_report(load("source"))
    r.page.emulate_media(media="print")
    assert r.page.is_hidden("nav.controls")
    assert r.page.is_visible("#d0-p4\\.s1-panel") and r.page.is_visible("#d0-p1\\.s1-panel")
    pdf = r.page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_without_javascript_every_sentence_is_open_and_controls_are_gone(
    browser: Any, tmp_path: Path
) -> None:
    path = tmp_path / "report.html"
    path.write_text(render_html(load("source")), encoding="utf-8")
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        assert page.is_hidden("nav.controls")
        assert page.is_visible("#d0-p4\\.s1-panel") and page.is_visible("#d0-p1\\.s1-panel")
    finally:
        context.close()


@pytest.mark.requires_apertium
def test_screenshot_of_the_sample_article(open_report: Any, tmp_path: Path) -> None:
    """The README's picture: today's report on the sample article, made by the real pipeline."""
    from pipeline.config import Settings
    from pipeline.report.to_json import to_dict
    from pipeline.verify import verify

    seed = ROOT / "seeds" / "albania-camp-raid.en.txt"
    data = to_dict(verify([str(seed)], Settings(lang="en", engine="apertium", cache=False)))
    data["documents"][0]["path"] = "seeds/albania-camp-raid.en.txt"
    r = open_report(data, width=1280, height=1500)
    assert r.console == [] and r.errors == []
    noted = next(s for s in data["segments"] if s["flags"])  # open the first sentence with a note
    r.page.click(f'[id="{anchor_for(0, noted["id"])}"] .seg-toggle')
    r.page.evaluate(
        "() => { document.activeElement.blur(); window.scrollTo(0, 0);"
        " document.querySelectorAll('.current').forEach(e => e.classList.remove('current')); }"
    )
    shot = tmp_path / "report.png"
    r.page.screenshot(path=str(shot))
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(png[16:20], "big") == 1280 and int.from_bytes(png[20:24], "big") == 1500
    if os.environ.get("DRIFTCHECK_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
    assert SCREENSHOT.exists(), "run DRIFTCHECK_SCREENSHOT=1 pytest tests/test_browser.py to create it"
