"""Property-based fuzzing (hypothesis): readers, segmenter, checks, every renderer, and the
Apertium engine's batch framing with the real binary.

CI runs a few hundred examples; `benchmarks/fuzz.py` runs the same properties with
DRIFTCHECK_FUZZ_SCALE set (tens of thousands of examples) and reports the count.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.checks import CheckInput, run_checks
from pipeline.core.verdict import drift, verdict
from pipeline.errors import DriftcheckError
from pipeline.formats.encoding import readable
from pipeline.inputs.bilingual import read_pairs
from pipeline.inputs.markdown import parse_markdown
from pipeline.inputs.read import decode_text, parse_text
from pipeline.inputs.segment import split_sentences
from pipeline.records import (
    FORMATS,
    SEVERITIES,
    VERDICTS,
    Flag,
    RoundTrip,
    Scores,
    Segment,
    SegmentResult,
    SourceComparison,
    Span,
)
from pipeline.report import render
from pipeline.report.to_json import to_dict
from pipeline.report.validate import problem

SCALE = float(os.environ.get("DRIFTCHECK_FUZZ_SCALE", "1"))


def examples(n: int) -> settings:
    """Settings for n examples in CI, n * DRIFTCHECK_FUZZ_SCALE under benchmarks/fuzz.py."""
    return settings(
        max_examples=max(1, int(n * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        derandomize=SCALE == 1,  # CI: the same examples every run; the fuzz run explores
    )


# Pieces of hostile text: words that translate to nothing, Apertium's stream syntax, control and
# non-characters, lone surrogates, emoji, right-to-left text, markup, numbers and dates.
TOKENS = [
    "would", "shall", "¡", "¿", "The", "dog", "barks", "el", "perro", "no", "not", "Tirana", "NATO",
    "1,000", "3,5", "20 %", "June 20", "9:48 PM", "veinte", ".", "!", "?", "...", ",", ";", ":", "—",
    "[", "]", "[]", ".[]", "[<dc 0>]", "[<dc 1>]", "\\", "^", "$", "^$", "/", "@", "*", "#", "<", ">", "{", "}",
    "\x00", "\x01", "\x1b[31m", "\x7f", "\x85", "\t", "\n", "\n\n", "\r\n", "\u2028", "\ufeff",
    "\uffff", "\ufffe", "\ufdd0", "\U0001ffff", "\U0010ffff", "\ud800", "\udfff",
    "😀", "👍🏽", "🇪🇸", "\u202eשלום\u202c", "مرحبا", "עברית", "中文。", "日本語！",
    "<script>alert(1)</script>", "&amp;", "\"", "'", "`", "**bold**", "# Heading", "- item", "|", "@user",
    "<!-- driftcheck: ignore -->", "---",
]  # fmt: skip
token = st.one_of(st.sampled_from(TOKENS), st.text(max_size=6))
text = st.lists(token, max_size=14).flatmap(
    lambda parts: st.sampled_from([" ", "", "\n"]).map(lambda sep: sep.join(parts))
)
line = text.map(lambda t: " ".join(t.split()))  # one line, no surrounding space
# what readers hand on: valid Unicode (half a surrogate pair from a JSON escape becomes U+FFFD)
valid = text.map(lambda t: re.sub("[\ud800-\udfff]", "\ufffd", t))
valid_line = valid.map(lambda t: " ".join(t.split()))


# --- readers --------------------------------------------------------------------------------------


@examples(80)
@given(st.binary(max_size=300) | text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_readers_give_paragraphs_or_one_input_error(raw: bytes) -> None:
    try:
        decoded = decode_text(raw, "fuzz.md")
    except DriftcheckError as exc:
        assert exc.message and "\n" not in exc.message
        return
    lines = decoded.split("\n")
    for parse in (parse_text, parse_markdown):
        for p in parse(decoded):
            assert p.text.strip() and 1 <= p.line <= len(lines) and "\n" not in p.text
    for fmt in ("jsonl", "tsv"):
        try:
            segs = read_pairs(decoded, f"fuzz.{fmt}", fmt, 0)
        except DriftcheckError as exc:
            assert exc.message and "\n" not in exc.message
            continue
        assert segs and all(isinstance(s.text, str) and isinstance(s.source, str | None) for s in segs)


@examples(40)
@given(st.lists(st.fixed_dictionaries({"source": text, "translation": text}), min_size=1, max_size=5))
def test_jsonl_pairs_come_back_in_order(rows: list[dict[str, str]]) -> None:
    raw = "".join(json.dumps(r) + "\n" for r in rows)
    try:
        segs = read_pairs(raw, "f.jsonl", "jsonl", 0)
    except DriftcheckError as exc:
        assert "empty" in exc.message or "no segments" in exc.message
        return

    def read(text: str) -> str:  # half a surrogate pair is U+FFFD; composed, no soft hyphens, spaces one
        return " ".join(readable(re.sub("[\ud800-\udfff]", "\ufffd", text)).split())

    assert [(s.source, s.text) for s in segs] == [(read(r["source"]), read(r["translation"])) for r in rows]


# --- segmenter ------------------------------------------------------------------------------------


@examples(80)
@given(valid, st.sampled_from(["en", "es", "pt", "de", "fr"]))
def test_sentences_point_back_into_the_text(t: str, lang: str) -> None:
    end = 0
    for offset, sentence in split_sentences(t, lang):
        assert sentence and sentence == sentence.strip()
        assert t[offset : offset + len(sentence)] == sentence and offset >= end
        end = offset + len(sentence)


# --- checks ---------------------------------------------------------------------------------------


def _spans_fit(flag: Flag, fields: dict[str, str]) -> bool:
    return all(0 <= s.start <= s.end <= len(fields[s.field]) for s in flag.spans)


@examples(80)
@given(
    valid_line,
    valid_line,
    valid_line,
    valid_line,
    st.sampled_from([("es", "en"), ("en", "es"), ("pt", "en")]),
)
def test_checks_give_well_formed_flags_in_source_mode(
    source: str, target: str, back: str, forward: str, langs: tuple[str, str]
) -> None:
    inp = CheckInput(source, langs[0], target, langs[1], back, forward, "source", {})
    flags = run_checks(inp)
    for f in flags:
        assert f.severity in SEVERITIES and f.message and "\n" not in f.message
        assert _spans_fit(f, {"source": source, "text": target}), f
    assert 0.0 <= drift(inp, flags) <= 1.0 and verdict(flags) in VERDICTS


@examples(40)
@given(valid_line, valid_line)
def test_checks_give_well_formed_flags_in_round_trip_mode(original: str, back: str) -> None:
    inp = CheckInput(original, "en", back, "en", mode="roundtrip")
    flags = run_checks(inp)
    for f in flags:
        assert f.severity in SEVERITIES and f.message and "\n" not in f.message
        assert _spans_fit(f, {"source": original, "text": back}), f
    assert 0.0 <= drift(inp, flags) <= 1.0


# --- renderers ------------------------------------------------------------------------------------

scores = st.builds(Scores, *(st.floats(0, 100, allow_nan=False),) * 3)
PAYLOAD = "<script>alert(1)</script>"


@st.composite
def reports(draw: st.DrawFn) -> dict[str, Any]:
    from pipeline.records import DocumentResult, Report

    source_mode = draw(st.booleans())
    n_docs = draw(st.integers(1, 3))
    results = []
    for k in range(draw(st.integers(0, 6))):
        t = draw(valid_line) + draw(st.sampled_from(["", PAYLOAD]))
        src = draw(valid_line) if source_mode else None
        fields = ["text"] + (["source"] if source_mode else ["back"])
        flags = tuple(
            Flag(
                draw(st.sampled_from(["numbers", "names", "engine_health", "drift", "omission", "x<y>"])),
                draw(st.sampled_from(SEVERITIES)),
                draw(valid_line) or "m",
                tuple(
                    Span(draw(st.sampled_from(fields)), a, a + draw(st.integers(0, 8)), None)
                    for a in draw(st.lists(st.integers(0, 40), max_size=3))  # past the text's end too
                ),
            )
            for _ in range(draw(st.integers(0, 3)))
        )
        seg = Segment(
            f"p{k}.s1", draw(st.integers(0, n_docs - 1)), k + 1, 1, k + 1, t, src, 1 if source_mode else None,
            split=draw(st.booleans()),
        )  # fmt: skip
        rts = () if source_mode else (RoundTrip("es", draw(valid_line), draw(valid_line), draw(scores)),)
        comp = (
            SourceComparison(
                draw(valid_line), draw(scores), draw(valid_line), draw(scores), draw(valid_line), draw(scores)
            )
            if source_mode
            else None
        )
        results.append(SegmentResult(seg, rts, comp, draw(st.floats(0, 1)), flags, verdict(flags)))
    docs = tuple(
        DocumentResult(
            i, draw(valid_line) or f"d{i}.md", "en", "src.es.md" if source_mode else None, "es" if source_mode else None,
            {("back" if source_mode else "es"): draw(scores)},
            {v: sum(r.verdict == v for r in results if r.segment.document == i) for v in VERDICTS},
        )
        for i in range(n_docs)
    )  # fmt: skip
    mode = "source" if source_mode else "roundtrip"
    signature = {
        "tool": "driftcheck",
        "version": draw(valid_line),
        "engine": {"name": draw(valid_line)},
        "routes": {},
    }
    return to_dict(Report(1, mode, signature, docs, tuple(results)))  # type: ignore[arg-type]


@examples(40)
@given(reports())
def test_every_renderer_renders_any_report_and_keeps_text_inert(data: dict[str, Any]) -> None:
    assert problem(data) is None
    for fmt in FORMATS:
        out = render(fmt, data)
        assert isinstance(out, str)
        if fmt == "json":
            assert json.loads(out) == json.loads(json.dumps(data))
        elif fmt == "sarif":
            assert json.loads(out)["version"] == "2.1.0"
        elif fmt == "junit":
            ET.fromstring(out.encode("utf-8"))
        if fmt in ("html", "markdown", "junit"):  # JSON and SARIF keep it as string data
            assert PAYLOAD not in out, fmt
        if fmt in ("text", "github", "markdown", "junit"):
            assert "\x1b" not in out, fmt  # no terminal escape from the texts reaches a terminal


# --- the Apertium engine: batch framing with the real binary ---------------------------------------

CANARY = "The cat sleeps."


@pytest.fixture(scope="module")
def apertium() -> Any:
    from pipeline.engines.apertium import ApertiumEngine, installed_modes

    if ("en", "es") not in installed_modes():
        if os.environ.get("CI"):
            pytest.fail("CI must provide apertium with the eng-spa pair")
        pytest.skip("needs apertium with the eng-spa pair")
    engine = ApertiumEngine()
    return engine, engine.translate([CANARY], "en", "es").texts[0]


@pytest.mark.requires_apertium
@examples(25)
@given(st.lists(text, min_size=1, max_size=8))
def test_apertium_batches_never_desynchronise(apertium: Any, texts: list[str]) -> None:
    """Every text, whatever it holds, comes back in its own place: a canary sentence between every
    two texts must come back as the canary's own translation, every time."""
    engine, canary_es = apertium
    batch = [x for t in texts for x in (t, CANARY)]
    done = engine.translate(batch, "en", "es")
    out = done.texts
    assert len(out) == len(batch) and done.failed == {}
    assert out[1::2] == [canary_es] * len(texts)
    for t, o in zip(texts, out[::2]):
        assert "\n" not in o and ("\uffff" not in o)
        if not " ".join(t.split()):
            assert o == ""
