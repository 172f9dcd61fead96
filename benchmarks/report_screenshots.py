"""Before/after pictures of the HTML report for docs/: the sample article and a 2,000-pair report.

Usage: python benchmarks/report_screenshots.py [--before PATH_TO_OLD_CHECKOUT]
Needs the reports that bench_report_html.py caches (run it once with --segments 2000). Each
picture is the first screen at 1280x800 with the first flagged (else first noted) sentence opened.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench_report_html import CACHE, CHROMIUM, ROOT, render

DOCS = ROOT / "docs"


def shoot(html: Path, png: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.set_default_timeout(120_000)
        page.goto(html.as_uri(), wait_until="load")
        target = page.query_selector("article.seg.v-fail .seg-toggle, article.seg.noted .seg-toggle")
        if target:
            target.click()
        page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
        page.screenshot(path=str(png))
        browser.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before", help="root of the previous checkout (its pipeline package renders 'before')")
    args = ap.parse_args()
    sources = {"article": CACHE / "albania-camp-raid.json", "2000": CACHE / "demetr-x2000.json"}
    for name, src in sources.items():
        json.loads(src.read_text(encoding="utf-8"))  # present and valid
        for tag, renderer in (("before", args.before), ("after", None)):
            if tag == "before" and not renderer:
                continue
            html = CACHE / f"shot-{name}-{tag}.html"
            render(src, html, renderer)
            shoot(html, DOCS / f"report-{tag}-{name}.png")
            print(DOCS / f"report-{tag}-{name}.png", (DOCS / f"report-{tag}-{name}.png").stat().st_size)


if __name__ == "__main__":
    main()
