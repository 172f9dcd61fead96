"""Which library finds the article in a saved news page: trafilatura, readability-lxml or jusText.

On the saved pages of tests/data/formats/html (The National, El País, a tagDiv WordPress news
site, the Guardian, a WordPress blog; each with navigation, ads, cookie banners, scripts,
comments, related links and footers) against each page's `.gold.txt` (the article's
paragraphs, headline included), per extractor:

- recall: gold paragraphs found in the extracted text (normalised, NFKC, whitespace),
- chrome: extracted paragraphs that are no part of the article (neither contains a gold one),
- precision: characters of article text among all characters extracted,
- time: per page, and as a ratio to trafilatura's in the same run.

"driftcheck" is the reader the project uses (formats/html.py): trafilatura's decision matched
back onto the page's own blocks, plus the headline, standfirst and captions.

    pip install -c constraints.txt -e '.[bench]'   # readability-lxml; jusText comes with trafilatura
    .venv/bin/python benchmarks/bench_html_extract.py
"""

from __future__ import annotations

import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "formats" / "html"
sys.path.insert(0, str(ROOT))


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def lang_of(page: Path) -> str:
    return "es" if ".es." in page.name else "en"


def trafilatura_text(html: str, page: Path, fast: bool) -> list[str]:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, fast=fast) or ""
    return text.split("\n")


def readability_text(html: str, page: Path) -> list[str]:
    import lxml.html
    from readability import Document

    tree = lxml.html.fromstring(Document(html).summary(html_partial=True))
    blocks = tree.xpath("//p|//h1|//h2|//h3|//h4|//li|//figcaption|//blockquote[not(p)]|//td")
    return [el.text_content() for el in blocks]


def justext_text(html: str, page: Path) -> list[str]:
    import justext

    stoplist = justext.get_stoplist("Spanish" if lang_of(page) == "es" else "English")
    return [p.text for p in justext.justext(html.encode("utf-8"), stoplist) if not p.is_boilerplate]


def driftcheck_text(html: str, page: Path) -> list[str]:
    from pipeline.formats.html import parse_html

    paragraphs, _, _ = parse_html(html, str(page))
    return [p.text for p in paragraphs]


EXTRACTORS: dict[str, Callable[[str, Path], list[str]]] = {
    "trafilatura": lambda h, p: trafilatura_text(h, p, fast=False),
    "trafilatura (fast)": lambda h, p: trafilatura_text(h, p, fast=True),
    "readability-lxml": readability_text,
    "jusText": justext_text,
    "driftcheck": driftcheck_text,
}


def score(extracted: list[str], gold: list[str]) -> tuple[int, int, int, int]:
    """(gold paragraphs found, chrome paragraphs, article chars, all chars)."""
    lines = [n for n in (norm(x) for x in extracted) if n]
    joined = "\n".join(lines)
    found = sum(g in joined for g in gold)
    chrome = [x for x in lines if not any(x in g or g in x for g in gold)]
    total = sum(len(x) for x in lines)
    return found, len(chrome), total - sum(len(x) for x in chrome), total


def main() -> None:
    pages = sorted(PAGES.glob("*.html"))
    rows: dict[str, list[tuple[int, int, int, int, int, float]]] = {}
    for name, fn in EXTRACTORS.items():
        for page in pages:
            html = page.read_text(encoding="utf-8")
            gold = [norm(p) for p in page.with_name(page.name[:-5] + ".gold.txt").read_text().split("\n\n") if p.strip()]
            fn(html, page)  # warm up (imports, stoplists)
            t = time.perf_counter()
            for _ in range(5):
                out = fn(html, page)
            elapsed = (time.perf_counter() - t) / 5
            rows.setdefault(name, []).append((*score(out, gold), len(gold), elapsed))
    print(f"{len(pages)} pages: " + ", ".join(p.name for p in pages))
    print("per page: found/gold paragraphs, chrome paragraphs kept")
    print(f"{'extractor':20} " + " ".join(f"{p.name[:14]:>14}" for p in pages))
    for name, res in rows.items():
        print(f"{name:20} " + " ".join(f"{f:>5}/{g:<2} +{c:<4}" for f, c, _, _, g, _ in res))
    print()
    base = sum(r[5] for r in rows["trafilatura"])
    print(f"{'extractor':20} {'recall':>7} {'chrome':>7} {'precision':>10} {'ms/page':>8} {'time vs trafilatura':>20}")
    for name, res in rows.items():
        found, chrome, good, total = (sum(r[i] for r in res) for i in range(4))
        gold_n, secs = sum(r[4] for r in res), sum(r[5] for r in res)
        print(
            f"{name:20} {found / gold_n:7.1%} {chrome:7d} {good / max(total, 1):10.1%} "
            f"{1000 * secs / len(res):8.1f} {secs / base:20.2f}"
        )


if __name__ == "__main__":
    main()
