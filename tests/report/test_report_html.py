"""The HTML report: structure of the page rendered from the canonical JSON, and hostile input.

Sample reports in tests/data were produced by the real pipeline with Apertium:
  report_roundtrip.json  driftcheck check seeds/albania-camp-raid.en.txt --engine apertium --format json
  report_multi.json      the same with seeds/press-release.en.md as a second document
  report_source.json     seeds/harbour-bridge.es.txt checked against seeds/harbour-bridge.en.txt
                         (-l es -s en), the Spanish copy edited with three slips: 320 -> 230 cables,
                         a dropped "no", an added "urgentes".
The browser behaviour of the same pages is tested in tests/report/test_browser.py.
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

from pipeline.report.diff import grouped_diff, highlight, overlay, spaced, tokenize, word_diff
from pipeline.report.html import anchor_for, build_view, render_html, segment_chrf

DATA = Path(__file__).parents[1] / "data"

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
    "template",
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
        assert not re.search(r"https?:|//[a-z]|@import|(?<![A-Za-z.])url\(|@font-face", code, re.I)
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
    assert re.fullmatch(r"[0-9a-f]{16}", blob["key"])  # review decisions are stored under this key


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


def test_controls_filter_by_verdict_check_review_search_and_sort(source: dict[str, Any]) -> None:
    dom = parse(render_html(source))
    nav = dom.find("nav", "controls")
    boxes = [i.attrs.get("data-filter-verdict") for i in nav.find_all("input", type="checkbox")]
    assert sorted(b for b in boxes if b) == ["fail", "ok", "review"]
    assert nav.find("input", id="flagged-only").attrs["type"] == "checkbox"
    options = nav.find("select", id="check-filter").find_all("option")
    assert [o.attrs["value"] for o in options] == ["", *source["summary"]["checks"]]
    assert options[1].text() == "negation (1 sentence)"  # the menu counts what the filter shows: sentences
    assert [o.attrs["value"] for o in nav.find("select", id="sort").find_all("option")] == [
        "order",
        "drift",
        "chrf",
    ]
    assert [o.attrs["value"] for o in nav.find("select", id="review-filter").find_all("option")] == [
        "", "none", "confirmed", "false_alarm", "fixed"
    ]  # fmt: skip
    assert nav.find("input", id="search").attrs["type"] == "search"
    assert "j" in nav.html_of("kbd") and "Enter" in nav.html_of("kbd")
    chips = dom.find("div", "chips").find_all("button", "chip")
    assert [c.attrs["data-check"] for c in chips] == list(source["summary"]["checks"])
    assert [c.attrs["tabindex"] for c in chips] == ["0"] + ["-1"] * (len(chips) - 1)  # one tab stop


def test_charts_binned_strip_and_chrf_histogram(roundtrip: dict[str, Any]) -> None:
    dom = parse(render_html(roundtrip))
    strip = dom.find("div", id="strip")
    assert strip.attrs["role"] == "slider" and strip.attrs["tabindex"] == "0"  # one tab stop
    assert not strip.find_all("a")  # no link per bar (nested interactive content)
    bars = strip.find_all("rect", "bar")
    assert len(bars) == len(roundtrip["segments"])  # short input: one bar per sentence
    heights = [float(b.attrs["height"] or 0) for b in bars]
    drifts = [s["drift"] for s in roundtrip["segments"]]
    assert heights.index(max(heights)) == drifts.index(max(drifts))
    for b, s in zip(bars, roundtrip["segments"], strict=True):
        assert f"v-{s['verdict']}" in b.classes
    bins = dom.find("div", "hist").find_all("button", "hbin")
    assert len(bins) == 10
    counts = [int(b.find("span", "hcount").text()) for b in bins]
    expected = [0] * 10
    for s in roundtrip["segments"]:
        expected[min(int(segment_chrf(s) // 10), 9)] += 1  # type: ignore[operator]
    assert counts == expected and sum(counts) == len(roundtrip["segments"])


def test_a_long_input_gets_120_strip_regions_with_their_worst_sentence(source: dict[str, Any]) -> None:
    data = copy.deepcopy(source)
    data["segments"] = [
        dict(copy.deepcopy(s), id=f"{s['id']}-{k}") for k in range(100) for s in source["segments"]
    ]
    view = build_view(data)
    bins = view["strip"]["bins"]
    assert len(bins) == 120 and bins[0]["lo"] == 0 and bins[-1]["hi"] == 700
    assert all(a["hi"] == b["lo"] for a, b in zip(bins, bins[1:]))
    for b in bins:
        part = data["segments"][b["lo"] : b["hi"]]
        assert b["drift"] == round(max(s["drift"] for s in part), 3)
        assert (b["verdict"] == "fail") == any(s["verdict"] == "fail" for s in part)


def test_several_documents_get_an_index_row_each(multi: dict[str, Any]) -> None:
    dom = parse(render_html(multi))
    rows = dom.find("table", "doc-index").find("tbody").find_all("tr")
    assert [r.find("a").attrs["href"] for r in rows] == ["#d0", "#d1"]
    assert [r.find("a").text() for r in rows] == [d["path"] for d in multi["documents"]]
    for row, doc in zip(rows, multi["documents"], strict=True):
        minis = {v: row.find("span", f"v-{v}").text().split()[0] for v in ("ok", "review", "fail")}
        assert minis == {v: str(n) for v, n in doc["counts"].items()}


def test_print_and_narrow_screen_rules_exist(roundtrip: dict[str, Any]) -> None:
    style = parse(render_html(roundtrip)).find("style").text()
    print_css = style[style.index("@media print") :]
    assert re.search(r"\.controls[^{]*\{\s*display:\s*none", print_css)
    assert re.search(
        r"\.issues, \.issues\.off \{\s*display:\s*block !important", print_css
    )  # the issue table
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
    assert json.loads(dom.find("script", id="driftcheck-data").text())["rows"] == []
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
    assert dom.find("header").find("h1").text() == IMG + ".txt"
    assert json.loads(dom.find("pre").text())["engine"]["engine"] == SCRIPT
    chip = dom.find("button", "chip")
    assert chip.attrs["data-check"] == SCRIPT and SCRIPT in chip.text()
    blob = json.loads(dom.find("script", id="driftcheck-data").text())
    assert blob["rows"][0]["anchor"] == "d0-p1.s1_b_"
    assert blob["rows"][0]["reason"].startswith('x"><script>alert(1)</script>: ')  # data, rendered as text


def test_hostile_text_in_the_json_blob_cannot_close_the_script() -> None:
    data = hostile_report()
    page = render_html(data)
    start = page.index('<script type="application/json" id="driftcheck-data">')
    blob = page[start : page.index("</script>", start)]
    assert "<" not in blob.split(">", 1)[1] and "&" not in blob.split(">", 1)[1]
    assert "\\u003c/script\\u003e" in blob
    dom = parse(page)
    assert json.loads(dom.find("script", id="driftcheck-data").text())["report"] == data


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
    ids = [r["anchor"] for r in build_view(data)["blob"]["rows"]]
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


# ---- grouped diffs, folded flags, reasons ---------------------------------------------------

ARTICLES_EN = frozenset({"the", "a", "an"})


def shown_diff(old: str, new: str) -> str:
    ops = grouped_diff(old, new, ARTICLES_EN)
    out = ""
    for k in range(0, len(ops), 3):
        op, s, e = ops[k : k + 3]
        out += f"[{old[s:e]}]" if op == 2 else (f"{{{new[s:e]}}}" if op == 1 else new[s:e])
    assert "".join(new[ops[k + 1] : ops[k + 2]] for k in range(0, len(ops), 3) if ops[k] != 2) == new
    return out


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("The big red dog ran home.", "the small blue dog ran to the house.",
         "the [big red]{small blue} dog ran [home]{to the house}."),  # grouped runs, case ignored
        ("the dog barks", "a dog barks", "a dog barks"),  # an article-only change is not news
        ("He did not go to the market today", "He went to the market yesterday",
         "He [did not go]{went} to the market [today]{yesterday}"),
        ("a dog", "a big dog", "a {big} dog"),
        ("", "new words", "{new words}"),
        ("old words", "", "[old words]"),
        ("same", "same", "same"),
    ],
)  # fmt: skip
def test_grouped_diff(old: str, new: str, shown: str) -> None:
    assert shown_diff(old, new) == shown


def test_an_empty_translation_explains_every_other_flag(source: dict[str, Any]) -> None:
    from pipeline.report.rows import fold_flags, summarise_flags

    seg = {"text": ".", "source": "La obra costó 12 millones.", "flags": [
        {"check": "numbers", "severity": "critical", "message": "m", "spans": [{"field": "source", "start": 14, "end": 16}]},
        {"check": "drift", "severity": "major", "message": "m", "spans": []},
        {"check": "empty", "severity": "critical", "message": "m", "spans": [{"field": "source", "start": 0, "end": 26}]},
    ]}  # fmt: skip
    assert fold_flags(seg["flags"]) == ([2], [0, 1])
    summary = summarise_flags(seg, "fail")
    assert summary["reason"] == "empty translation" and summary["kind"] == "flag"


def test_summary_checks_fold_under_a_specific_finding_and_reasons_are_short() -> None:
    from pipeline.report.rows import fold_flags, summarise_flags

    flags = [
        {"check": "drift", "severity": "major", "message": "chrF low", "spans": []},
        {"check": "numbers", "severity": "critical", "message": "long message",
         "spans": [{"field": "source", "start": 0, "end": 3}, {"field": "text", "start": 0, "end": 3}]},
    ]  # fmt: skip
    assert fold_flags(flags) == ([1], [0])
    seg = {"text": "230 cables", "source": "320 cables", "flags": flags}
    assert summarise_flags(seg, "fail")["reason"] == "numbers: 320 → 230"
    note = {"text": "US left", "flags": [{"check": "names", "severity": "minor", "message": "source name 'US' not found", "spans": [{"field": "text", "start": 0, "end": 2}]}]}  # fmt: skip
    s = summarise_flags(note, "ok")
    assert s["kind"] == "note" and s["tone"] == "minor" and s["primary"] == [0]
    alone = {"check": "drift", "severity": "major", "message": "chrF low", "spans": []}
    assert fold_flags([alone]) == ([0], [])  # with nothing more specific, drift is the reason


def test_rows_carry_marks_by_severity_and_diffs_as_offsets(source: dict[str, Any]) -> None:
    rows = {r["anchor"]: r for r in build_view(source)["blob"]["rows"]}
    r = rows["d0-p2.s1"]
    seg = next(s for s in source["segments"] if s["id"] == "p2.s1")
    assert [seg["source"][a:b] for a, b, _ in r["marks"]["source"]] == ["320"]
    assert [seg["text"][a:b] for a, b, _ in r["marks"]["text"]] == ["230"]
    assert r["marks"]["text"][0][2] == 3  # critical
    assert set(r["diffs"]) == {"back", "forward", "source_round_trip"}
    assert "text" not in r and "source" not in r  # texts are read from the embedded report, never copied


# ---- review decisions -> baseline entries and labelled pairs ---------------------------------


def decisions_file(tmp_path: Path, items: list[dict[str, Any]]) -> Path:
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps({"tool": "driftcheck", "kind": "decisions", "version": 1,
                                "report": {"key": "k", "mode": "source", "signature": {}},
                                "decisions": items}), encoding="utf-8")  # fmt: skip
    return path


DECIDED = [
    {"document": "docs/a.jsonl", "id": "1", "source": "Bajará un 15 por ciento.", "translation": "It will fall by 15 per cent.",
     "source_lang": "es", "lang": "en", "decision": "false_alarm", "label": "ok", "checks": ["numbers"], "verdict": "fail"},
    {"document": "docs/a.jsonl", "id": "2", "source": "Sustituyeron 320 cables.", "translation": "They replaced 230 cables.",
     "source_lang": "es", "lang": "en", "decision": "confirmed", "label": "shifted", "checks": ["numbers"], "verdict": "fail"},
    {"document": "docs/a.jsonl", "id": "3", "source": None, "translation": "A round-trip sentence.",
     "source_lang": None, "lang": "en", "decision": "fixed", "label": "shifted", "checks": ["names"], "verdict": "fail"},
]  # fmt: skip


def test_baseline_import_turns_false_alarms_into_entries_and_writes_labels(tmp_path: Path, cli: Any) -> None:
    from pipeline.report.baseline import flag_key

    path = decisions_file(tmp_path, DECIDED)
    out, labels = tmp_path / "baseline.json", tmp_path / "labels.jsonl"
    res = cli("baseline", "import", str(path), "-o", str(out), "--labels", str(labels))
    assert res.code == 0, res.stderr
    baseline = json.loads(out.read_text(encoding="utf-8"))
    seg = {"text": DECIDED[0]["translation"], "source": DECIDED[0]["source"]}
    assert [e["key"] for e in baseline["entries"]] == [flag_key(seg, {"check": "numbers"}, "docs/a.jsonl")]
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
    assert [(r["translation"], r["label"], r["category"]) for r in rows] == [
        (DECIDED[0]["translation"], "ok", "review:false_alarm"),
        (DECIDED[1]["translation"], "shifted", "review:confirmed"),
    ]  # the round-trip decision has no source: not a labelled pair
    assert all(isinstance(r["pair_id"], int) and r["src_lang"] == "es" for r in rows)
    # importing again extends the baseline without duplicates
    res = cli("baseline", "import", str(path), "-o", str(out))
    assert res.code == 0 and "0 new entries (1 in" in res.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "decisions file is not valid JSON"),
        ('{"tool": "driftcheck", "kind": "baseline", "version": 1}', "not a driftcheck decisions file"),
        ('{"tool": "driftcheck", "kind": "decisions", "version": 9, "decisions": []}', "version 9 is not supported"),
        ('{"tool": "driftcheck", "kind": "decisions", "version": 1, "decisions": [{"document": "a"}]}',
         "decision 1 needs"),
    ],
)  # fmt: skip
def test_baseline_import_rejects_a_bad_file_with_one_line(
    tmp_path: Path, cli: Any, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "baseline.json"
    res = cli("baseline", "import", str(path), "-o", str(out))
    assert res.code == 2 and message in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert not out.exists()
    missing = cli("baseline", "import", str(tmp_path / "nope.json"), "-o", str(out))
    assert missing.code == 2 and "decisions file not found" in missing.stderr
