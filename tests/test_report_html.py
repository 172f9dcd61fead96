"""The HTML report: structure of the page rendered from the canonical JSON, and hostile input.

Sample reports in tests/data were produced by the real pipeline with Apertium:
  report_roundtrip.json  driftcheck check seeds/albania-camp-raid.en.txt --engine apertium --format json
  report_multi.json      the same with seeds/press-release.en.md as a second document
  report_source.json     seeds/harbour-bridge.es.txt checked against seeds/harbour-bridge.en.txt
                         (-l es -s en), the Spanish copy edited with three slips: 320 -> 230 cables,
                         a dropped "no", an added "urgentes".
The browser behaviour of the same pages is tested in tests/test_browser.py.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from pipeline.report.diff import highlight, overlay, spaced, tokenize, word_diff
from pipeline.report.html import anchor_for, render_html, segment_chrf

DATA = Path(__file__).parent / "data"

# ---- a tiny DOM over html.parser, enough to query the page -----------------------------

VOID = {"meta", "input", "br", "hr", "img", "link", "source", "area", "base", "col", "embed", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> list[Node]:
        out: list[Node] = []
        for c in self.children:
            if isinstance(c, Node):
                out.append(c)
                out.extend(c.iter())
        return out

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}>"
        return found[0]

    def html_of(self, tag: str) -> list[str]:
        """Texts of every <tag> below this node (e.g. all <mark>s)."""
        return [n.text() for n in self.find_all(tag)]


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.cur.children.append(Node(tag, dict(attrs), self.cur))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.cur
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"stray </{tag}>"
        assert node is self.cur, f"</{tag}> closes <{self.cur.tag}>: the page's structure is broken"
        self.cur = node.parent

    def handle_data(self, data: str) -> None:
        self.cur.children.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.cur is builder.root, f"<{builder.cur.tag}> never closed"
    return builder.root


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"report_{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def roundtrip() -> dict[str, Any]:
    return load("roundtrip")


@pytest.fixture(scope="module")
def source() -> dict[str, Any]:
    return load("source")


@pytest.fixture(scope="module")
def multi() -> dict[str, Any]:
    return load("multi")


def seg_node(dom: Node, anchor: str) -> Node:
    return dom.find("article", id=anchor)


def words(node: Node, tag: str) -> list[str]:
    return " ".join(node.html_of(tag)).split()


def cell(article: Node, label_start: str) -> Node:
    for c in article.find_all("div", "cell"):
        if c.find("p", "cell-label").text().startswith(label_start):
            return c
    raise AssertionError(f"no cell {label_start!r}")


# ---- self-contained and safe by construction --------------------------------------------

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "noscript", "body", "a", "header", "div", "p", "span", "h1",
    "h2", "h3", "ul", "li", "b", "dl", "dt", "dd", "details", "summary", "pre", "section", "figure",
    "figcaption", "svg", "line", "rect", "text", "circle", "path", "table", "caption", "thead",
    "tbody", "tr", "th", "td", "nav", "fieldset", "legend", "label", "input", "select", "option",
    "button", "output", "kbd", "main", "article", "code", "abbr", "mark", "del", "ins", "footer", "script",
}  # fmt: skip


@pytest.mark.parametrize("name", ["roundtrip", "source", "multi"])
def test_page_is_one_self_contained_file(name: str) -> None:
    page = render_html(load(name))
    dom = parse(page)
    assert {n.tag for n in dom.iter()} <= ALLOWED_TAGS  # no img, link, iframe, object, embed, font files
    for n in dom.iter():
        assert "src" not in n.attrs, n.tag
        assert not any(k.startswith("on") for k in n.attrs), n.attrs
        if "href" in n.attrs:
            assert (n.attrs["href"] or "").startswith("#"), n.attrs["href"]
    style = dom.find("style").text()
    script = [s for s in dom.find_all("script") if "type" not in s.attrs][0].text()
    for code in (style, script):
        assert not re.search(r"https?:|//[a-z]|@import|url\(|@font-face", code, re.I)
    csp = dom.find("meta", http_equiv="Content-Security-Policy").attrs["content"] or ""
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_csp_allows_exactly_the_pages_own_style_and_script(roundtrip: dict[str, Any]) -> None:
    dom = parse(render_html(roundtrip))
    csp = dom.find("meta", http_equiv="Content-Security-Policy").attrs["content"] or ""
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    styles = [s.text() for s in dom.find_all("style")]
    scripts = [s.text() for s in dom.find_all("script") if "type" not in s.attrs]
    assert len(styles) == 2 and len(scripts) == 1  # the page style, the no-JS fallback, the behaviour
    assert sorted(directives["style-src"].split()) == sorted(csp_hash(s) for s in styles)
    assert directives["script-src"].split() == [csp_hash(scripts[0])]


def test_embedded_json_is_the_report_itself(roundtrip: dict[str, Any]) -> None:
    dom = parse(render_html(roundtrip))
    blob = json.loads(dom.find("script", id="driftcheck-data", type="application/json").text())
    assert blob["report"] == roundtrip
    assert [r["anchor"] for r in blob["rows"]] == [
        anchor_for(s["document"], s["id"]) for s in roundtrip["segments"]
    ]
    assert [r["verdict"] for r in blob["rows"]] == [s["verdict"] for s in roundtrip["segments"]]


# ---- header -------------------------------------------------------------------------------


def test_header_shows_counts_scores_mode_engine_and_signature(roundtrip: dict[str, Any]) -> None:
    dom = parse(render_html(roundtrip))
    header = dom.find("header", "masthead")
    counts = {v: header.find("li", f"v-{v}").find("span", "n").text() for v in ("ok", "review", "fail")}
    assert counts == {v: str(n) for v, n in roundtrip["summary"]["verdicts"].items()}
    for v, label in (("ok", "OK"), ("review", "Review"), ("fail", "Fail")):  # icon and word, not only colour
        li = header.find("li", f"v-{v}")
        assert li.find("svg", "icon") and label in li.text()
    flagged, total = roundtrip["summary"]["flagged"], roundtrip["summary"]["segments"]
    assert f"{flagged} of {total} sentences need a look" in " ".join(header.text().split())
    table = header.find("table", "scores-table")
    row = table.find("tbody").find("tr")
    es = roundtrip["documents"][0]["scores"]["es"]
    assert [td.text() for td in row.find_all("td")] == [f"{es[k]:.1f}" for k in ("chrf", "bleu", "ter")]
    facts = dict(zip(
        [n.text() for n in header.find_all("dt")], [n.text() for n in header.find_all("dd")], strict=True
    ))  # fmt: skip
    assert facts["Mode"] == "Round trip"
    assert facts["Engine"].startswith("apertium (")
    assert facts["Routes"] == "es: en->es->en"
    details = header.find("details", "signature")
    assert json.loads(details.find("pre").text()) == roundtrip["signature"]


def test_source_mode_header(source: dict[str, Any]) -> None:
    dom = parse(render_html(source))
    header = dom.find("header", "masthead")
    assert "Source-aware" in header.text() and "seeds/harbour-bridge.en.txt" in header.text()
    labels = [th.text() for th in header.find("table", "scores-table").find_all("th", scope="row")]
    assert labels == ["Back-translation vs source", "Translation vs engine's translation"]


# ---- body ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["roundtrip", "source", "multi"])
def test_every_sentence_in_its_paragraph_with_verdict_icon_label_and_anchor(name: str) -> None:
    data = load(name)
    dom = parse(render_html(data))
    articles = dom.find("main").find_all("article", "seg")
    assert [a.attrs["id"] for a in articles] == [anchor_for(s["document"], s["id"]) for s in data["segments"]]
    assert len({a.attrs["id"] for a in articles}) == len(articles)
    labels = {"ok": "OK", "review": "Review", "fail": "Fail"}
    for a, seg in zip(articles, data["segments"], strict=True):
        assert a.attrs["data-verdict"] == seg["verdict"] and f"v-{seg['verdict']}" in a.classes
        toggle = a.find("button", "seg-toggle")
        assert toggle.find("svg", "icon") and toggle.text().strip() == labels[seg["verdict"]]
        assert toggle.attrs["aria-controls"] == a.attrs["id"] + "-panel"
        assert a.parent is not None and a.parent.attrs["data-paragraph"] == str(seg["paragraph"])
        assert a.find("p", "seg-text").text() == seg["text"]
        assert a.find("a", "permalink").attrs["href"] == "#" + a.attrs["id"]
        assert a.find("p", "seg-text").attrs["dir"] == "auto"


def test_roundtrip_detail_shows_original_pivot_and_diffed_round_trip(roundtrip: dict[str, Any]) -> None:
    dom = parse(render_html(roundtrip))
    seg = next(s for s in roundtrip["segments"] if s["id"] == "p5.s1")
    article = seg_node(dom, "d0-p5.s1")
    assert cell(article, "Original (en)").find("p", "cell-text").text() == seg["text"]
    assert cell(article, "Pivot text (es)").find("p", "cell-text").text() == seg["round_trips"][0]["forward"]
    back = cell(article, "Round trip (en)")
    dropped, added = back.html_of("del"), back.html_of("ins")
    assert "Tirana" in dropped and "Tyrant" in added  # the capital came back as a "Tyrant"
    assert "about" in dropped and "roughly" in added
    # Without the dropped words, the cell reads as the engine's round trip (up to display spaces).
    kept = "".join(
        c if isinstance(c, str) else c.text() for c in back.find("p", "cell-text").children
        if isinstance(c, str) or c.tag != "del"
    )  # fmt: skip
    assert re.sub(r"\s+", "", kept) == re.sub(r"\s+", "", seg["round_trips"][0]["back"])
    # The checks' spans: "text" points into the original, "back" into the round trip.
    assert article.find("p", "seg-text").html_of("mark") == ["Tirana"]
    assert back.html_of("mark") == ["Tyrant"]
    assert "chrF 65.8" in " ".join(back.find("p", "scores").text().split())


def test_source_detail_shows_source_translation_back_and_forward(source: dict[str, Any]) -> None:
    dom = parse(render_html(source))
    article = seg_node(dom, "d0-p2.s1")
    labels = [p.text().split("  ")[0] for p in article.find_all("p", "cell-label")]
    assert [label.split(" compared")[0] for label in labels] == [
        "Source (en)", "Translation (es)", "Back-translation (es→en)", "Forward translation (en→es)",
        "Source round trip (en)",
    ]  # fmt: skip
    assert cell(article, "Source (en)").html_of("mark") == ["320"]
    assert cell(article, "Translation (es)").html_of("mark") == ["230"]
    back = cell(article, "Back-translation")
    assert "320" in words(back, "del") and "230" in words(back, "ins")
    forward = cell(article, "Forward translation")  # the engine's own translation of the source
    assert "230" in words(forward, "del") and "320" in words(forward, "ins")


def test_every_flag_is_listed_with_its_message_and_marked_span(source: dict[str, Any]) -> None:
    dom = parse(render_html(source))
    for seg in source["segments"]:
        items = seg_node(dom, anchor_for(0, seg["id"])).find_all("li", "flag")
        assert len(items) == len(seg["flags"])
        for li, flag in zip(items, seg["flags"], strict=True):
            assert li.find("code", "check").text() == flag["check"]
            assert li.find("span", "message").text() == flag["message"]
            assert f"sev-{flag['severity']}" in li.classes
            fields = {"source": seg["source"], "text": seg["text"]}
            expected = [fields[sp["field"]][sp["start"] : sp["end"]] for sp in flag["spans"]]
            assert sorted(li.html_of("mark")) == sorted(expected)
    negation = seg_node(dom, "d0-p4.s1").find("li", "flag")
    assert negation.html_of("mark") == ["not"]


def test_detail_names_the_evidence_that_weighed_most(source: dict[str, Any]) -> None:
    data = copy.deepcopy(source)
    seg = data["segments"][0]
    seg["verdict"] = "review"
    seg["evidence"] = [
        {"feature": "flag:names:critical", "value": 1.0, "weight": 1.2, "label": "names (critical)"},
        {"feature": "x", "value": 0.4, "weight": 0.3, "label": "<script>alert(1)</script>"},
    ]
    dom = parse(render_html(data))
    line = seg_node(dom, anchor_for(0, seg["id"])).find("p", "evidence")
    assert [e.text() for e in line.find_all("span", "ev")] == [
        "names (critical)",
        "<script>alert(1)</script>",
    ]
    assert (
        "<script>alert(1)</script>"
        not in render_html(data).split("<body", 1)[1].split('type="application/json"')[0]
    )
    others = [s for s in data["segments"][1:] if not s.get("evidence")]
    assert all(not seg_node(dom, anchor_for(0, s["id"])).find_all("p", "evidence") for s in others)


def test_controls_filter_by_verdict_and_check_sort_and_flagged_only(source: dict[str, Any]) -> None:
    dom = parse(render_html(source))
    nav = dom.find("nav", "controls")
    boxes = [i.attrs.get("data-filter-verdict") for i in nav.find_all("input", type="checkbox")]
    assert sorted(b for b in boxes if b) == ["fail", "ok", "review"]
    assert nav.find("input", id="flagged-only").attrs["type"] == "checkbox"
    options = [o.attrs["value"] for o in nav.find("select", id="check-filter").find_all("option")]
    assert options == ["", *source["summary"]["checks"]]
    assert [o.attrs["value"] for o in nav.find("select", id="sort").find_all("option")] == ["order", "drift"]
    assert "j" in nav.html_of("kbd") and "Enter" in nav.html_of("kbd")


def test_charts_drift_strip_and_chrf_histogram(roundtrip: dict[str, Any]) -> None:
    dom = parse(render_html(roundtrip))
    strip = dom.find("svg", "strip")
    links = strip.find_all("a")
    assert [a.attrs["href"] for a in links] == ["#" + anchor_for(0, s["id"]) for s in roundtrip["segments"]]
    heights = [float(a.find("rect").attrs["height"] or 0) for a in links]
    drifts = [s["drift"] for s in roundtrip["segments"]]
    assert heights.index(max(heights)) == drifts.index(max(drifts))
    for a, s in zip(links, roundtrip["segments"], strict=True):
        assert f"v-{s['verdict']}" in a.find("rect").classes
    bars = dom.find("svg", "hist").find_all("rect", "hbar")
    assert len(bars) == 10
    counts = [int(re.search(r": (\d+) sentence", b.find("title").text()).group(1)) for b in bars]  # type: ignore[union-attr]
    expected = [0] * 10
    for s in roundtrip["segments"]:
        expected[min(int(segment_chrf(s) // 10), 9)] += 1  # type: ignore[operator]
    assert counts == expected and sum(counts) == len(roundtrip["segments"])


def test_several_documents_get_an_index_row_each(multi: dict[str, Any]) -> None:
    dom = parse(render_html(multi))
    rows = dom.find("table", "doc-index").find("tbody").find_all("tr")
    assert [r.find("a").attrs["href"] for r in rows] == ["#d0", "#d1"]
    assert [r.find("a").text() for r in rows] == [d["path"] for d in multi["documents"]]
    for row, doc in zip(rows, multi["documents"], strict=True):
        minis = {v: row.find("span", f"v-{v}").text().split()[0] for v in ("ok", "review", "fail")}
        assert minis == {v: str(n) for v, n in doc["counts"].items()}
    sections = dom.find("main").find_all("section", "doc")
    assert [s.attrs["id"] for s in sections] == ["d0", "d1"]
    second = sum(1 for s in multi["segments"] if s["document"] == 1)
    assert len(sections[1].find_all("article", "seg")) == second


def test_print_and_narrow_screen_rules_exist(roundtrip: dict[str, Any]) -> None:
    style = parse(render_html(roundtrip)).find("style").text()
    print_css = style[style.index("@media print") :]
    assert re.search(r"\.controls[^{]*\{\s*display:\s*none", print_css)
    assert re.search(r"\.panel\s*\{\s*display:\s*block !important", print_css)
    assert "@media (max-width: 760px)" in style
    assert re.search(r"\.seg-text\s*\{[^}]*overflow-wrap:\s*anywhere", style)
    assert re.search(r"\.cell-text\s*\{[^}]*overflow-wrap:\s*anywhere", style)


def test_empty_report_renders() -> None:
    data = {
        "schema_version": 1, "mode": "roundtrip", "signature": {},
        "documents": [{"index": 0, "path": "empty.txt", "lang": "en", "scores": {}, "counts": {}}],
        "segments": [], "summary": {"segments": 0, "verdicts": {"ok": 0, "review": 0, "fail": 0},
                                    "flagged": 0, "checks": {}, "worst": "ok"},
    }  # fmt: skip
    dom = parse(render_html(data))
    assert not dom.find_all("article", "seg") and not dom.find_all("svg", "strip")
    assert "Every sentence came through" in dom.find("header").text()


# ---- hostile input ----------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JINJA = "{{ 7*7 }}"
TEXTAREA = "</textarea>"
CLOSE_SCRIPT = "</script><script>window.pwned=1</script>"
PWN = '<img src=x onerror="window.pwned=1">'
LONG = "Donaudampfschifffahrtsgesellschaftskapitän" * 40
RTL = "הכוח של המשטרה באלבניה פשט על המחנה"


def hostile_report() -> dict[str, Any]:
    """The source-aware sample with hostile text in every field a renderer shows."""
    data = copy.deepcopy(load("source"))
    segs = data["segments"]
    segs[0]["text"] = f"{SCRIPT} {IMG} {JINJA} {TEXTAREA}"
    segs[0]["source"] = CLOSE_SCRIPT
    segs[0]["flags"] = [{
        "check": 'x"><script>alert(1)</script>', "severity": 'major" onclick="window.pwned=1',
        "message": f"{PWN} {JINJA}", "spans": [{"field": "text", "start": 0, "end": len(SCRIPT)}],
    }]  # fmt: skip
    segs[0]["comparison"]["back"] = CLOSE_SCRIPT + " <!-- ]]>"
    segs[0]["comparison"]["forward"] = "'; window.pwned=1; '"
    segs[0]["meta"] = {"note": IMG}
    segs[0]["id"] = 'p1.s1"><b>'
    segs[1]["text"] = PWN
    segs[2]["text"] = LONG
    segs[3]["text"] = RTL
    data["documents"][0]["path"] = IMG + ".txt"
    data["documents"][0]["lang"] = 'es" onmouseover="window.pwned=1'
    data["signature"]["engine"] = {"engine": SCRIPT, "version": TEXTAREA}
    data["summary"]["checks"] = {SCRIPT: 1}
    return data


def test_hostile_text_comes_out_as_text_and_cannot_add_elements() -> None:
    data = hostile_report()
    page = render_html(data)
    dom = parse(page)  # parses with every element closed where it was opened
    assert {n.tag for n in dom.iter()} <= ALLOWED_TAGS
    assert len(dom.find_all("script")) == 2 and page.lower().count("</script") == 2
    assert "</textarea" not in page.lower() and "<img" not in page.lower()
    for n in dom.iter():
        assert not any(k.startswith("on") for k in n.attrs), (n.tag, n.attrs)
    first = seg_node(dom, anchor_for(0, 'p1.s1"><b>'))
    assert first.attrs["id"] == "d0-p1.s1_b_"
    assert first.find("p", "seg-text").text() == data["segments"][0]["text"]  # literally, {{ 7*7 }} too
    assert JINJA in first.find("p", "seg-text").text() and "49" not in first.text()
    assert first.find("p", "seg-text").html_of("mark") == [SCRIPT]
    assert first.find("p", "seg-text").attrs["lang"] == 'es" onmouseover="window.pwned=1'
    assert first.find("span", "message").text() == f"{PWN} {JINJA}"
    assert cell(first, "Source").find("p", "cell-text").text() == CLOSE_SCRIPT
    assert seg_node(dom, anchor_for(0, "p2.s1")).find("p", "seg-text").text() == PWN
    assert dom.find("header").find("h1").text() == IMG + ".txt"
    assert json.loads(dom.find("pre").text())["engine"]["engine"] == SCRIPT


def test_hostile_text_in_the_json_blob_cannot_close_the_script() -> None:
    data = hostile_report()
    page = render_html(data)
    start = page.index('<script type="application/json" id="driftcheck-data">')
    blob = page[start : page.index("</script>", start)]
    assert "<" not in blob.split(">", 1)[1] and "&" not in blob.split(">", 1)[1]
    assert "\\u003c/script\\u003e" in blob
    dom = parse(page)
    assert json.loads(dom.find("script", id="driftcheck-data").text())["report"] == data


def test_long_words_and_right_to_left_text() -> None:
    dom = parse(render_html(hostile_report()))
    long_p = seg_node(dom, "d0-p2.s2").find("p", "seg-text")
    assert long_p.text() == LONG and long_p.attrs["dir"] == "auto"
    rtl = seg_node(dom, "d0-p3.s1")
    assert rtl.find("p", "seg-text").text() == RTL and rtl.find("p", "seg-text").attrs["dir"] == "auto"
    assert all(p.attrs.get("dir") == "auto" for p in rtl.find_all("p", "cell-text"))


# ---- helpers: anchors, word diff, highlights ----------------------------------------------


@pytest.mark.parametrize(
    ("doc", "seg_id", "anchor"),
    [(0, "p3.s2", "d0-p3.s2"), (2, "row-17", "d2-row-17"), (0, 'a b"<>', "d0-a_b_"), (1, "", "d1-_")],
)
def test_anchor_for(doc: int, seg_id: str, anchor: str) -> None:
    assert anchor_for(doc, seg_id) == anchor


def test_colliding_anchors_stay_unique(roundtrip: dict[str, Any]) -> None:
    data = copy.deepcopy(roundtrip)
    data["segments"][0]["id"] = "p 1"
    data["segments"][1]["id"] = "p?1"
    ids = [a.attrs["id"] for a in parse(render_html(data)).find_all("article", "seg")]
    assert ids[:2] == ["d0-p_1", "d0-p_1_"] and len(set(ids)) == len(ids)


@pytest.mark.parametrize(
    ("old", "new", "pieces"),
    [
        ("a big dog", "a dog", [("equal", "a "), ("delete", "big"), ("equal", "dog")]),
        ("a dog", "a big dog", [("equal", "a "), ("insert", "big"), ("equal", " dog")]),
        ("the big dog", "the small dog", [("equal", "the "), ("delete", "big"), ("insert", "small"),
                                          ("equal", " dog")]),
        ("Police came", "The police came", [("insert", "The"), ("equal", " police came")]),
        ("20 kilometres", "200 kilometres", [("delete", "20"), ("insert", "200"), ("equal", " kilometres")]),
        ("same", "same", [("equal", "same")]),
        ("", "new words", [("insert", "new words")]),
        ("old words", "", [("delete", "old words")]),
    ],
)  # fmt: skip
def test_word_diff(old: str, new: str, pieces: list[tuple[str, str]]) -> None:
    got = word_diff(old, new)
    assert got == pieces
    assert "".join(t for op, t in got if op != "delete") == new


def test_tokenize_keeps_every_character() -> None:
    text = "People's Mujahedin, Ashraf-3   camp — “quoted” 1,000"
    assert "".join(tokenize(text)) == text
    assert "People's" in tokenize(text) and "Ashraf-3" in tokenize(text)


def test_highlight_merges_overlaps_and_drops_bad_spans() -> None:
    assert highlight("hello world", [(0, 5), (3, 7), (20, 30), (8, 8), (9, 2)]) == [
        (True, "hello w"),
        (False, "orld"),
    ]
    assert highlight("abc", []) == [(False, "abc")]
    assert highlight("abc", [(-5, 1)]) == [(True, "a"), (False, "bc")]


def test_overlay_marks_spans_of_the_new_text_inside_the_diff() -> None:
    new = "The police in Albania has raided"
    pieces = overlay(word_diff("Police in Albania have raided", new), highlight(new, [(14, 21), (22, 25)]))
    assert [(op, t) for op, marked, t in pieces if marked] == [("equal", "Albania"), ("insert", "has")]
    assert "".join(t for op, _, t in pieces if op != "delete") == new


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("a big dog", "a dog", "a [big] dog"),
        ("a dog barks.", "a dog.", "a dog [barks]."),
        ("about 20 km", "roughly 20 km", "[about] {roughly} 20 km"),
        ("big dog", "dog", "[big] dog"),
    ],
)
def test_spaced_keeps_dropped_words_apart_from_their_neighbours(old: str, new: str, shown: str) -> None:
    pieces = spaced(overlay(word_diff(old, new), highlight(new, [])))
    marks = {"delete": "[{}]", "insert": "{{{}}}", "equal": "{}"}
    assert "".join(marks[op].format(t) for op, _, t in pieces) == shown
