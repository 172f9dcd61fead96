"""HTML articles: a paragraph the page says twice is checked twice, and text marked aria-hidden
(shown on screen, which the article extractor leaves out) is checked.

trafilatura gives a repeated paragraph once; the copy that repeats a paragraph (or the source
that does, where the copy does not) was checked as if it said it once: an added or a lost
repetition passed with exit code 0, where the same texts as plain text files were flagged.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.formats.html import parse_html
from tests.conftest import run_cli

HEAD = '<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body><article>\n'
TAIL = "</article></body></html>\n"
EN = [
    "The old bridge over the river reopened on Monday after fourteen months of works.",
    "The mayor said the works cost 3.2 million euros.",
    "Engineers replaced the deck and strengthened the piers.",
    "Local shops recorded a fall in sales of around 30 per cent.",
    "Residents had to drive 20 kilometres to the next crossing.",
]
ES = [
    "El viejo puente sobre el río reabrió el lunes tras catorce meses de obras.",
    "El alcalde dijo que las obras costaron 3,2 millones de euros.",
    "Los ingenieros sustituyeron el tablero y reforzaron los pilares.",
    "Los comercios locales registraron una caída de las ventas de alrededor del 30 por ciento.",
    "Los vecinos tuvieron que conducir 20 kilómetros hasta el siguiente cruce.",
]


def page(paragraphs: list[str], lang: str = "en", title: str = "The bridge reopens") -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return HEAD.format(lang=lang, title=title) + body + TAIL


@pytest.mark.parametrize("at", [1, 3, 4])  # inside the article, and its last paragraph said again
def test_a_paragraph_the_page_repeats_is_read_each_time(at: int) -> None:
    said = [*EN[: at + 1], EN[at], *EN[at + 1 :]]
    paragraphs, _, warnings = parse_html(page(said), "p.html")
    assert [p.text for p in paragraphs] == said
    assert [p.line for p in paragraphs] == list(range(2, 2 + len(said)))
    assert warnings == []


@pytest.mark.requires_apertium
@pytest.mark.parametrize(
    ("copy", "source", "check", "code"),
    [
        ([*EN[:4], EN[3], EN[4]], ES, "addition", 1),  # the copy says a paragraph twice
        (EN, [*ES[:2], ES[1], *ES[2:]], "omission", 1),  # the source does, the copy once
    ],
)
def test_a_repetition_one_side_lacks_is_flagged(
    tmp_path: Path, copy: list[str], source: list[str], check: str, code: int
) -> None:
    (tmp_path / "copy.en.html").write_text(page(copy), encoding="utf-8")
    (tmp_path / "src.es.html").write_text(page(source, "es", "El puente reabre"), encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli(
        "check", str(tmp_path / "copy.en.html"), "--source", str(tmp_path / "src.es.html"),
        "--engine", "apertium", "--no-cache", "--fail-on", "review", "-o", str(out),
    )  # fmt: skip
    assert r.code == code, r.stderr
    data = json.loads(out.read_text())
    assert len(data["segments"]) == 6
    assert [s["id"] for s in data["segments"] if any(f["check"] == check for f in s["flags"])]


ARIA = (
    HEAD.format(lang="en", title="T")
    + "<p>The old bridge over the river reopened on Monday after fourteen months of repairs.</p>\n"
    + '<p aria-hidden="true">Visible decorative paragraph: the mayor said the work cost 3.2 million euros.</p>\n'
    + '<div aria-hidden="true"><p>Another visible paragraph: engineers replaced the deck.</p></div>\n'
    + "<p>Residents had to drive 20 kilometres to the next crossing during the closure.</p>\n"
    + '<p style="display:none">INLINE HIDDEN: must not be checked at all.</p>\n'
    + "<div hidden><p>HIDDEN ATTR: must not be checked at all either.</p></div>\n"
    + "<details><summary>More</summary><p>Collapsed details text: the bridge has six lanes now.</p></details>\n"
    + TAIL
)


def test_text_marked_aria_hidden_inside_the_article_is_checked() -> None:
    """Shown on screen, hidden from screen readers: trafilatura left it out of this article (and
    kept it in others), and a visible paragraph went unchecked without a word."""
    paragraphs, _, warnings = parse_html(ARIA, "p.html")
    assert [p.line for p in paragraphs] == [2, 3, 4, 5, 8, 8]
    assert paragraphs[1].text.startswith("Visible decorative") and paragraphs[2].text.startswith("Another")
    assert "HIDDEN" not in " ".join(p.text for p in paragraphs) and warnings == []
