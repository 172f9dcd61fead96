"""The HTML report: structure of the page rendered from the canonical JSON, and hostile input.

Sample reports in tests/data were produced by the real pipeline with Apertium:
  report_roundtrip.json  driftcheck check seeds/albania-camp-raid.en.txt --engine apertium --format json
  report_multi.json      the same with seeds/press-release.en.md as a second document
  report_source.json     seeds/harbour-bridge.es.txt checked against seeds/harbour-bridge.en.txt
                         (-l es -s en), the Spanish copy edited with three slips: 320 -> 230 cables,
                         a dropped "no", an added "urgentes".
They are loaded by tests/report/samples.py (the fixtures `roundtrip`, `source` and `multi` live in
tests/report/conftest.py). The word diffs are tested in test_diff.py, the rows' reasons and marks
in test_rows.py, review decisions in test_decisions.py; the browser behaviour of the same pages in
tests/report/test_browser*.py.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from typing import Any

import pytest

from pipeline.report.html import anchor_for, build_view, render_html, segment_chrf
from tests.report.html_dom import parse
from tests.report.samples import IMG, SCRIPT, hostile_report, load

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


def test_the_header_names_the_pairs_the_calibration_was_trained_on(source: dict[str, Any]) -> None:
    report = json.loads(json.dumps(source))
    report["signature"]["calibration"] = {"source": "shipped", "trained_on": ["es->en", "pt->en"]}
    header = parse(render_html(report)).find("header", "masthead")
    facts = dict(
        zip([n.text() for n in header.find_all("dt")], [n.text() for n in header.find_all("dd")], strict=True)
    )
    assert facts["Calibration trained on"] == "es->en, pt->en"
    report["signature"]["calibration"]["not_trained_for"] = ["es->pt"]
    header = parse(render_html(report)).find("header", "masthead")
    assert "es->en, pt->en (not for es->pt)" in [n.text() for n in header.find_all("dd")]
    # the encoder ran and drift left it out there (QA pass 11: only the signature's variant said so)
    report["signature"]["calibration"]["encoder_left_out"] = True
    header = parse(render_html(report)).find("header", "masthead")
    said = "es->en, pt->en (not for es->pt: drift without the sentence encoder there)"
    assert said in [n.text() for n in header.find_all("dd")]
    del report["signature"]["calibration"]["trained_on"]  # a calibration that does not say: no line
    header = parse(render_html(report)).find("header", "masthead")
    assert "Calibration trained on" not in [n.text() for n in header.find_all("dt")]


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


# ---- anchors ----------------------------------------------------------------------------


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


def test_the_tab_title_names_a_right_to_left_override_in_a_file_name(roundtrip: dict[str, Any]) -> None:
    """The <title> has no element to isolate U+202E in: the browser's tab showed the name reversed."""
    data = copy.deepcopy(roundtrip)
    data["documents"][0]["path"] = "news\u202etxt.exe"
    assert build_view(data)["title"] == "driftcheck · news[U+202E]txt.exe"
    assert "<title>driftcheck · news[U+202E]txt.exe</title>" in render_html(data)


def test_control_characters_of_names_ids_and_texts_are_shown_not_written() -> None:
    """A file name, a unit id or a sentence with ESC (a terminal colour code) wrote the raw
    character into <title>, <h1>, the document list and the issue table for readers without
    script: an HTML parse error ("control-character-in-input-stream"). They are shown as their
    control pictures (ESC as ␛), as in the terminal; the embedded JSON keeps them escaped."""
    data = copy.deepcopy(load("source"))
    data["documents"][0]["path"] = "x\x1b[31mred\u202ecod.txt"
    seg = next(s for s in data["segments"] if s["flags"])
    seg["id"] = "u\x1b[1m7"
    seg["text"] = "The \x07bell and \x1b[2J clear."
    seg["flags"][0]["message"] = "lost \x1b[0m colour"
    page = render_html(data)
    assert re.findall(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", page) == []
    assert "<title>driftcheck · x␛[31mred[U+202E]cod.txt</title>" in page
    assert "u␛[1m7" in page and "lost ␛[0m colour" in page
    embedded = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S)
    assert embedded is not None
    assert json.loads(embedded.group(1))["report"]["documents"][0]["path"] == "x\x1b[31mred\u202ecod.txt"


def test_control_characters_of_check_names_and_signature_fields_are_shown_not_written() -> None:
    """A hand-edited report put raw ESC, NUL and U+202E into the filter chips, the issue table's
    headings, the run facts and the footer (check names, `summary.note`, the signature's tool,
    version and engine): every string the page shows goes through the same pictures now."""
    data = copy.deepcopy(load("source"))
    odd = "Q\x1b[31m\u202eX\x00\x9bZ"
    for seg in data["segments"]:
        for flag in seg["flags"]:
            flag["check"] = odd
    data["summary"]["checks"] = {odd: sum(len(s["flags"]) for s in data["segments"])}
    data["summary"]["note"] = odd
    data["signature"].update(tool=odd, version=odd, fail_on=odd, lang=odd)
    page = render_html(data)
    markup = re.sub(r'<script type="application/json"[^>]*>.*?</script>', "", page, flags=re.S)
    assert re.findall(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", markup) == []
    shown = "Q␛[31m[U+202E]X␀\ufffdZ"
    assert markup.count(shown) >= 4  # chips, the select's option, the issue heading, the facts
    embedded = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S)
    assert embedded is not None
    blob = json.loads(embedded.group(1))
    assert {c for row in blob["rows"] for c in row["checks"]} == {shown}  # as the filters name it
    assert blob["report"]["signature"]["tool"] == odd


NONCHARACTERS = re.compile("[\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0010fffe\U0010ffff]")


def test_noncharacters_are_named_not_written() -> None:
    """A unit id `n3\\ufffe` was written raw into the issue table for readers without script, and a
    file name with U+FFFF into <title> and the document list: each an HTML parse error
    ("noncharacter-in-input-stream"). They are named ([U+FFFE]) where control characters are shown
    as pictures; the embedded JSON keeps them, escaped."""
    data = copy.deepcopy(load("source"))
    data["documents"][0]["path"] = "copy\uffff\U0001fffe.txt"
    seg = next(s for s in data["segments"] if s["flags"])
    seg["id"] = "n3\ufffe"
    seg["flags"][0]["message"] = "lost \ufdd0 here"
    page = render_html(data)
    assert NONCHARACTERS.findall(page) == []
    assert "<title>driftcheck · copy[U+FFFF][U+1FFFE].txt</title>" in page
    issue = next(
        r for _, rows in build_view(data)["issues"]["groups"] for r in rows if r["id"].startswith("n3")
    )
    assert (issue["id"], issue["message"]) == ("n3[U+FFFE]", "lost [U+FDD0] here")
    assert ">n3[U+FFFE]<" in page
    embedded = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S)
    assert embedded is not None
    report = json.loads(embedded.group(1))["report"]
    assert report["documents"][0]["path"] == "copy\uffff\U0001fffe.txt"
    assert next(s for s in report["segments"] if s["id"].startswith("n3"))["id"] == "n3\ufffe"
