"""HTML articles: the article's text with its structure, lines into the HTML file, waivers, lang.

The pages under tests/data/formats/html imitate real news sites (The National, El País, a
tagDiv "Newspaper" WordPress site, the Guardian, a Twenty Twenty-One WordPress blog) with their
chrome: navigation, ads, cookie banners, scripts, comments, related links and footers. Each has
a `.gold.txt` with the article's paragraphs.
"""

from __future__ import annotations

import html
import json
import unicodedata
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.formats.html import decode_html, parse_html
from pipeline.inputs.read import parse_text, read_document
from pipeline.inputs.segment import segment_document
from pipeline.records import Document
from tests.conftest import SEED, run_cli

PAGES = Path(__file__).parents[1] / "data" / "formats" / "html"


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def gold(page: Path) -> list[str]:
    text = page.with_name(page.name.replace(".html", ".gold.txt")).read_text(encoding="utf-8")
    return [norm(p) for p in text.split("\n\n") if p.strip()]


def article(page: Path) -> list[str]:
    paragraphs, _, _ = parse_html(decode_html(page.read_bytes(), str(page)), str(page))
    return [norm(p.text) for p in paragraphs]


@pytest.mark.parametrize(
    "name",
    ["guardian-harbour-bridge.en.html", "diario-harbour-bridge.es.html", "wordpress-library-vote.en.html"],
)
def test_article_text_without_chrome(name: str) -> None:
    assert article(PAGES / name) == gold(PAGES / name)


def test_elpais_page_keeps_the_whole_article() -> None:
    """The hard page of the set (comments and promos inside <article>, Spanish class names):
    every paragraph of the article is kept; the chrome that stays is measured in
    benchmarks/bench_html_extract.py, not hidden here."""
    got = article(PAGES / "elpais-harbour-bridge.es.html")
    assert [g for g in gold(PAGES / "elpais-harbour-bridge.es.html") if g not in got] == []
    assert "Bienvenido a EL PAÍS" not in got and not any("cookies" in g for g in got)


def test_structure_headings_list_items_and_lines_into_the_html_file() -> None:
    page = PAGES / "wordpress-library-vote.en.html"
    paragraphs, info, _ = parse_html(decode_html(page.read_bytes(), str(page)), str(page))
    kinds = [(p.kind, p.text[:24]) for p in paragraphs]
    assert kinds[0] == ("heading", "Council votes to keep Ea")
    assert ("heading", "How the library will be ") in kinds
    assert [k for k, t in kinds].count("list-item") == 3
    source = page.read_text(encoding="utf-8").split("\n")
    for p in paragraphs:  # each paragraph's first words are on the line it reports
        assert html.unescape(source[p.line - 1]).find(p.text[:20]) >= 0, p.text
    assert info.lang == "en-GB"


def test_line_offsets_follow_wrapped_paragraphs_and_waivers_bind_to_the_next_block() -> None:
    page = (
        '<html lang="es"><body><article>\n<h1>Titular</h1>\n'
        "<p>Primera frase del\npárrafo. Segunda frase\nen otra línea.</p>\n"
        "<!-- driftcheck: ignore numbers, names -->\n<p>Costó 12 millones de euros a Ana Torres.</p>\n"
        "<p>Sin dispensa.</p>\n</article></body></html>\n"
    )
    paragraphs, info, _ = parse_html(page, "x.html")
    doc = segment_document(Document("x.html", "es", tuple(paragraphs), "html"), 0)
    assert [(s.id, s.line) for s in doc] == [
        ("p1.s1", 2), ("p2.s1", 3), ("p2.s2", 4), ("p3.s1", 7), ("p4.s1", 8)
    ]  # fmt: skip
    assert paragraphs[2].waived == ("numbers", "names") and paragraphs[3].waived == ()
    assert info.lang == "es"


def test_sample_article_as_html_gives_the_same_sentences_as_the_text_file(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    body = "\n".join(
        f"<h1>{html.escape(p)}</h1>" if i == 0 else f"<p>{html.escape(p)}</p>" for i, p in enumerate(paras)
    )
    page = tmp_path / "albania.html"
    page.write_text(
        f'<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{html.escape(paras[0])}</title>'
        f"</head>\n<body>\n<article>\n{body}\n</article>\n</body>\n</html>\n",
        encoding="utf-8",
    )
    from_html = [s.text for s in segment_document(read_document(str(page), "en"), 0)]
    from_text = [s.text for s in segment_document(read_document(str(SEED), "en"), 0)]
    assert from_html == from_text and len(from_text) >= 25


def test_news_site_page_of_the_sample_article_drops_only_its_chrome() -> None:
    """The National's page of the same article: nav, ads, cookie banner, "Read more", most-read and
    footer go; the audio widget's "Powered by automated translation" label goes too (chrome)."""
    got = " ".join(article(PAGES / "national-albania-camp-raid.en.html"))
    expected = " ".join(norm(p.text) for p in parse_text(SEED.read_text(encoding="utf-8")))
    assert got == expected.replace(" Powered by automated translation", "")


@pytest.mark.parametrize(
    "data, message",
    [
        (
            b'<html><head><meta charset="utf-8"></head><body><p>caf\xe9</p></body></html>',
            "declares charset 'utf-8' but byte 0xe9",
        ),
        (
            b"<html><body><p>caf\xe9 cr\xe8me</p></body></html>",
            "declares no charset (UTF-8 assumed) but byte 0xe9",
        ),
        (
            '<html><head><meta charset="iso-8859-1"></head><body><p>café</p></body></html>'.encode(),
            "declares charset 'iso-8859-1' but its bytes are UTF-8",
        ),
        (
            b'<html><head><meta charset="klingon"></head></html>',
            "declares charset 'klingon', which is not a known encoding",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "looks like a binary file"),
        (b"just some words", "not an HTML page (no markup)"),
        (
            b"<html><head><title>T</title></head><body><script>x()</script><img src=a.png></body></html>",
            "no article text found",
        ),
        (b"<html><body><nav>Menu</nav></body></html>", "no article text found"),  # was checked: "Menu"
        (
            b'<html><body><div role="navigation"><a href="/">Home</a></div></body></html>',
            "no article text found",
        ),
    ],
)
def test_bad_pages_are_one_line_input_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        parse_html(decode_html(data, "bad.html"), "bad.html")
    assert message in err.value.message


def test_navigation_inside_the_article_is_not_checked() -> None:
    """trafilatura keeps a story's "previous / next" links inside <article>; navigation is chrome."""
    page = (
        '<html lang="en"><body><article><p>The mayor opened the new bridge on Friday after two years.</p>'
        "<p>The city paid for it with a loan from the regional bank.</p>"
        "<nav><p>Previous story: The old bridge closes</p></nav>"
        '<div role="Navigation"><p>Next story: Rain expected on Sunday</p></div></article></body></html>'
    )
    assert [p.text for p in parse_html(page, "x.html")[0]] == [
        "The mayor opened the new bridge on Friday after two years.",
        "The city paid for it with a loan from the regional bank.",
    ]


def test_declared_latin1_page_is_read_as_declared() -> None:
    data = '<html lang="fr"><head><meta charset="iso-8859-1"></head><body><article><p>Le café est prêt.</p></article></body></html>'
    paragraphs, info, _ = parse_html(decode_html(data.encode("latin-1"), "x.html"), "x.html")
    assert [p.text for p in paragraphs] == ["Le café est prêt."] and info.lang == "fr"


@pytest.mark.parametrize("ref", ["&#27;", "&#x1B;", "&#7;", "&#0;", "&#127;"])
def test_a_reference_to_a_control_character_does_not_lose_the_page(ref: str) -> None:
    """One `&#27;` made lxml refuse the page inside trafilatura: "no article text found", exit 2,
    for a page with an article. Such a reference reads as U+FFFD; tab, newline and text stay."""
    page = (
        '<html lang="en"><body><article><h1>The bridge</h1>'
        f"<p>The bridge reopened {ref}[31mRED on Monday after months of repairs.</p>"
        "<p>The house is big &#38; old &#x41;&#9;.</p></article></body></html>"
    )
    paragraphs, _, _ = parse_html(decode_html(page.encode(), "p.html"), "p.html")
    texts = [p.text for p in paragraphs]
    assert texts[1] == "The bridge reopened \ufffd[31mRED on Monday after months of repairs."
    assert texts[0] == "The bridge" and texts[2].startswith("The house is big & old A")


@pytest.mark.parametrize(
    "inline",
    ["ca&shy;bles", "ca&#8203;bles", "cables&#x200D;", "cables&#8206;", "<time>cables</time>", "<button>cables</button>",
     "<label>cables</label>", '<span aria-hidden="true">cables</span>'],
)  # fmt: skip
def test_a_paragraph_trafilatura_reads_a_little_differently_is_still_checked(inline: str) -> None:
    """trafilatura drops invisible characters and the text of some inline elements; the block then
    matched none of its lines and the whole paragraph was dropped, unchecked, with the run passing."""
    page = (
        '<html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><article>'
        "<p>The harbour bridge reopened on Monday after three months of repair works on its whole structure.</p>"
        f"<p>The engineers never replaced the old {inline} and painted the steel light grey during the winter.</p>"
        "<p>Traffic was heavy in the morning, but it improved at noon according to the local police of the city.</p>"
        "<p>Local shops welcomed the news and expect more customers during the summer months.</p>"
        "</article></body></html>"
    )
    paragraphs, _, _ = parse_html(decode_html(page.encode(), "p.html"), "p.html")
    texts = [p.text for p in paragraphs]
    assert len(texts) == 4 and texts[1].startswith("The engineers never replaced the old ca"), texts
    assert texts[1].endswith("during the winter.")


def test_what_a_browser_does_not_show_is_not_checked() -> None:
    """A `<p hidden>` (or a block or span styled `display: none`) was checked as copy a reader sees."""
    page = (
        '<html lang="en"><head><title>T</title></head><body><article>\n'
        "<p>The harbour bridge reopened on Monday after three months of repair works on its whole structure.</p>\n"
        "<p hidden>This hidden paragraph is never shown to any reader of the page at all.</p>\n"
        '<p>Traffic was heavy in the morning, but it improved at noon <span style="display: none">'
        "secret words</span>according to the police.</p>\n"
        "<div hidden><div>Nested hidden block text that nobody sees on the page.</div><p>More.</p></div>\n"
        '<p style="visibility:hidden">Invisible too.</p>\n<p hidden>An unclosed hidden paragraph.\n'
        "<p>Local shops welcomed the news and expect more customers during the summer months.</p>\n"
        "</article></body></html>"
    )
    paragraphs, _, _ = parse_html(decode_html(page.encode(), "p.html"), "p.html")
    assert [(p.line, p.text) for p in paragraphs] == [
        (
            2,
            "The harbour bridge reopened on Monday after three months of repair works on its whole structure.",
        ),
        (4, "Traffic was heavy in the morning, but it improved at noon according to the police."),
        (8, "Local shops welcomed the news and expect more customers during the summer months."),
    ]


QUOTED = (
    '<html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><article>\n'
    "<p>The harbour bridge reopened on Monday after three months of repair works on its whole structure.</p>\n"
    '<blockquote lang="fr"><p>Le pont est enfin rouvert et nous en sommes très heureux.</p></blockquote>\n'
    '<p><span lang="es">"Por fin"</span>, traffic was heavy in the morning, but it improved at noon.</p>\n'
    '<p translate="no">Harbour Bridge Authority Annual Report and Accounts.</p>\n'
    '<div lang="en-GB"><p>Local shops welcomed the news and expect more customers during the summer.</p></div>\n'
    "</article></body></html>\n"
)


def test_text_the_page_marks_as_not_its_copy_is_left_out_with_a_warning() -> None:
    """A quotation the page marks `lang="fr"` and a block marked `translate="no"` were checked as
    English copy (untranslated, foreign words, drift); a regional tag of the page's language is its own."""
    paragraphs, _, warnings = parse_html(QUOTED, "p.html")
    assert [p.line for p in paragraphs] == [2, 4, 6]
    assert warnings == [
        '2 text blocks the page marks as not its copy (lang="fr", translate="no") are not checked (line 3, 5)'
    ]


@pytest.mark.requires_apertium
def test_a_quotation_in_another_language_is_not_checked_as_the_copy(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(QUOTED, encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli("check", str(page), "--engine", "apertium", "--no-cache", "--pivot", "es", "-o", str(out))
    assert r.code == 0, r.stderr  # the French quotation read as English failed the run
    data = json.loads(out.read_text())
    texts = [s["text"] for s in data["segments"]]
    assert not any("pont" in t or "Authority" in t for t in texts) and len(texts) == 3
    warning = "are not checked (line 3, 5)"
    assert warning in data["documents"][0]["warnings"][0] and warning in r.stderr
