"""The HTML report in a real browser: links into it (sentences, documents, crafted fragments), and
the keyboard from a focused sentence.

The fixtures (one Chromium per session, the real pipeline's reports) are in tests/report/conftest.py.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from pipeline.report.html import anchor_for
from tests.report.pages import by_id

pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip install playwright)")

pytestmark = [pytest.mark.requires_chromium, pytest.mark.requires_apertium]


def test_a_sentence_linked_from_the_issue_table_is_shown(open_report: Any, reports: dict[str, Any]) -> None:
    """The link changed the address and opened the row, but the list stayed hidden behind the table."""
    r = open_report(reports["pairs"])
    r.page.click("#view-issues")
    link = r.page.locator("#issue-table a").first
    target = str(link.get_attribute("href")).lstrip("#")
    link.click()
    # the page answers the link on `hashchange`, a task after the click: wait for it (a loaded
    # machine ran the check first), failing if the list never shows
    r.page.wait_for_function("() => document.getElementById('sentences').hidden === false", timeout=10_000)
    assert r.page.locator(by_id(target)).is_visible()
    assert r.page.evaluate("() => document.activeElement.closest('article.seg')?.id") == target


@pytest.mark.parametrize("fragment", ["#sort=constructor", "#sort=toString", "#100%", "#constructor"])
def test_a_crafted_fragment_leaves_the_page_working(
    open_report: Any, reports: dict[str, Any], fragment: str
) -> None:
    """Names every object inherits (`constructor`) were taken for a sort or a sentence, and a
    malformed escape stopped the script: no rows, "ordered(...).filter is not a function"."""
    data = reports["pairs"]
    r = open_report(data, fragment=fragment)
    total = len(data["segments"])
    assert r.errors == [] and r.shown() == f"{total} of {total} sentences"


def _long_multi(multi: dict[str, Any]) -> dict[str, Any]:
    """The multi-document report with its first document twice as long: the second document's rows
    start after the first batch the page renders (40)."""
    data = copy.deepcopy(multi)
    first = [s for s in data["segments"] if s["document"] == 0]
    extra = [{**copy.deepcopy(s), "id": "x" + str(s["id"])} for s in first]
    data["segments"] = first + extra + [s for s in data["segments"] if s["document"] != 0]
    return data


@pytest.mark.parametrize("sort", ["", "#sort=drift"])
def test_the_document_index_jumps_to_the_document(
    open_report: Any, reports: dict[str, Any], sort: str
) -> None:
    """A document past the first batch, or any document in another order than the documents', had
    no section to jump to: the link did nothing. The jump kept the filters in the address and left
    the document's title under the sticky controls."""
    data = _long_multi(reports["multi"])
    r = open_report(data, fragment=sort)
    r.page.click("table.doc-index a[href='#d1']")
    first = next(s for s in data["segments"] if s["document"] == 1)
    row = r.page.locator(by_id(anchor_for(1, first["id"])))
    row.wait_for(state="attached")
    target = r.page.locator("#d1 h2") if not sort else row
    box = target.bounding_box()
    bottom = r.page.evaluate("() => document.querySelector('.controls').getBoundingClientRect().bottom")
    assert box is not None and bottom <= box["y"] < 800
    assert r.page.evaluate("() => location.hash") == ("" if not sort else "#sort=drift")


def test_an_id_ending_in_panel_does_not_take_another_rows_panel(
    open_report: Any, reports: dict[str, Any]
) -> None:
    """Sentences "a" and "a-panel": the second row's id was the first one's panel id; it could not be
    opened ("Cannot read properties of null") and its decisions never showed."""
    data = copy.deepcopy(reports["pairs"])
    data["segments"][0]["id"], data["segments"][1]["id"] = "a", "a-panel"
    r = open_report(data)
    rows = r.page.eval_on_selector_all("main article.seg", "els => els.map(e => e.id)")
    assert rows[:2] == ["d0-a", "d0-a-panel_"]
    r.page.click(f"{by_id('d0-a-panel_')} .seg-toggle")
    assert r.page.locator(by_id("d0-a-panel_-panel")).is_visible() and r.errors == []


def test_j_and_k_move_from_the_focused_sentence(open_report: Any, reports: dict[str, Any]) -> None:
    """With a sentence focused by Tab or a click, j/k went on from the first sentence (or the last
    one they had moved to), not from the one in focus."""
    data = reports["multi"]
    r = open_report(data)
    ids = [anchor_for(s["document"], s["id"]) for s in data["segments"]]
    r.page.focus(f"{by_id(ids[5])} .seg-toggle")
    r.page.keyboard.press("k")
    assert r.page.evaluate("() => document.activeElement.closest('article.seg').id") == ids[4]
    r.page.focus(f"{by_id(ids[9])} .seg-toggle")
    r.page.keyboard.press("j")
    assert r.page.evaluate("() => document.activeElement.closest('article.seg').id") == ids[10]
