"""The HTML report in a real browser: the keyboard, the first screen, phones, and an axe-core audit.

The fixtures (one Chromium per session, the real pipeline's reports) are in tests/report/conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from pipeline.report.html import anchor_for
from tests.report.pages import AXE, anchors, by_id
from tests.report.samples import hostile_report

pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip install playwright)")

pytestmark = [pytest.mark.requires_chromium, pytest.mark.requires_apertium]

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
    # j/k (from the sentence in focus: the first) then Enter on a sentence far down: its opened
    # panel is on screen
    for _ in range(12):
        r.page.keyboard.press("j")
    current = r.page.evaluate("() => document.activeElement.closest('article.seg').id")
    assert current == anchor_for(data["segments"][12]["document"], data["segments"][12]["id"])
    r.page.keyboard.press("Enter")
    box = r.page.locator(by_id(current + "-panel")).bounding_box()
    assert box is not None and 0 <= box["y"] < 700 and box["y"] + 40 < 700
    r.page.keyboard.press("k")
    assert r.page.evaluate("() => document.activeElement.closest('article.seg').id") == anchor_for(
        data["segments"][11]["document"], data["segments"][11]["id"]
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
