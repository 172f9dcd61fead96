"""Fixtures of the report tests: the sample reports, and a real browser for the browser tests.

The browser tests drive Debian's headless Chromium with Playwright: one browser and one context
per session (every test opens its own pages in it), and the real pipeline's reports (Apertium)
made once per session.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.report.html import render_html
from tests.report.pages import ARGS, CHROMIUM, ROOT, Opened, record_and_dismiss
from tests.report.samples import DATA, load

PAIRS = DATA / "review_pairs.jsonl"
SENTENCE = "The bridge reopened on Monday after 14 months of repairs.\n"


@pytest.fixture
def work(tmp_path: Path) -> Iterator[Path]:
    """A folder holding a.txt (one sentence), the working folder while the test runs."""
    import os

    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(cwd)

# ---- the sample reports of tests/data, one copy per module -------------------------------


@pytest.fixture(scope="module")
def roundtrip() -> dict[str, Any]:
    return load("roundtrip")


@pytest.fixture(scope="module")
def source() -> dict[str, Any]:
    return load("source")


@pytest.fixture(scope="module")
def multi() -> dict[str, Any]:
    return load("multi")


# ---- the browser tests ------------------------------------------------------------------


@pytest.fixture(scope="session")
def reports() -> dict[str, dict[str, Any]]:
    """The real pipeline's reports (Apertium), made once per session."""
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


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="needs the playwright package (pip install playwright)"
    )
    if not Path(CHROMIUM).exists():
        pytest.skip(f"needs Debian chromium at {CHROMIUM}")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def context(browser: Any) -> Iterator[Any]:
    """One context for the session; every test opens its own pages in it (much cheaper)."""
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
        page.on("dialog", lambda d: record_and_dismiss(opened.dialogs, d))
        page.goto(opened.url + fragment)
        page.wait_for_selector("html[data-ready]", state="attached")
        return opened

    yield _open
    for page in pages:
        page.close()
