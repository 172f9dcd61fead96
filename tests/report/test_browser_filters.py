"""The HTML report in a real browser: filters, sort, search, the URL, chips, charts, long reports.

The fixtures (one Chromium per session, the real pipeline's reports) are in tests/report/conftest.py.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from pipeline.report.html import anchor_for
from tests.report.pages import anchors, by_id

pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip install playwright)")

pytestmark = [pytest.mark.requires_chromium, pytest.mark.requires_apertium]

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
    r.page.fill("#search", "bridge-4")  # ids are searched too
    assert r.visible_ids() == ["d0-bridge-4"]
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


def test_a_region_in_the_address_selects_its_bar_of_the_strip(
    open_report: Any, reports: dict[str, Any]
) -> None:
    """With `#region=` in the address the list showed the region but the strip selected bar 1, so
    Enter on the strip filtered another region than the one shown."""
    from pipeline.report.to_json import summarize

    base = reports["pairs"]
    segs = [{**copy.deepcopy(s), "id": f"{s['id']}~{k}"} for k in range(170) for s in base["segments"]]
    data = {**base, "segments": segs, "summary": summarize(segs)}
    total = len(segs)
    lo, hi = 119 * total // 120, total
    r = open_report(data, fragment=f"#region={lo}-{hi}")
    assert r.shown() == f"{total - lo} of {total} sentences"
    assert r.page.get_attribute("#strip", "aria-valuenow") == "120"
