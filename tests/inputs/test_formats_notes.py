"""Translator's notes: found by their signature, masked from the engine and the checks in
source-aware mode, spans mapped back onto the texts as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.formats.notes import note_spans
from pipeline.formats.placeholders import MASK_TOKEN, mask, unit_view
from pipeline.records import Flag, Segment, Span
from tests.conftest import run_cli


@pytest.mark.parametrize(
    "text, notes",
    [
        ("A economia do gotejamento (NdT: trickle-down economics), defendem.", ["(NdT: trickle-down economics)"]),
        ("um fait accompli (em francês no original – NdT).", ["(em francês no original – NdT)"]),
        ("un juego [N. del T.: en inglés, pun] y", ["[N. del T.: en inglés, pun]"]),
        ("o acervo (N. do T.: acquis) e", ["(N. do T.: acquis)"]),
        ("un mot (N.d.T. : jeu de mots) et", ["(N.d.T. : jeu de mots)"]),
        ("a word (Translator\u2019s note: a pun) and", ["(Translator\u2019s note: a pun)"]),
        ("palavra (nota do tradutor: x) e", ["(nota do tradutor: x)"]),
        ("ein Wort (Anm. d. Übers.: Wortspiel) und", ["(Anm. d. Übers.: Wortspiel)"]),
        # asides without a signature are content; a signature inside another word is none
        ("o seu acquis (em francês no original) e", []),
        ("Nashville (TN) is", []),
        ("the (PNdT) party and the (Ndt) one", []),
        ("", []),
    ],
)
def test_notes_are_bracketed_asides_with_a_signature(text: str, notes: list[str]) -> None:
    assert [text[a:b] for a, b in note_spans(text)] == notes


def test_a_note_is_masked_from_both_sides_and_spans_map_back() -> None:
    src = "La economía del goteo (N. del T.: trickle-down economics) llegó en 1981."
    seg = Segment("x", 0, 1, 1, 1, "Trickle-down economics [Translator's note: 1980s] arrived in 1982.", src)
    view = unit_view(seg)
    assert view.source == "La economía del goteo llegó en 1981."
    assert view.text == "Trickle-down economics arrived in 1982."
    assert view.options == {}  # no placeholders to compare
    s, t = view.source.index("1981"), view.text.index("1982")
    flag = Flag("numbers", "critical", "1981/1982", (Span("source", s, s + 4), Span("text", t, t + 4)))
    moved = view.remap([flag])[0].spans
    assert src[moved[0].start : moved[0].end] == "1981"
    assert seg.text[moved[1].start : moved[1].end] == "1982"
    # a placeholder inside a note goes with the note; one outside stays a placeholder
    assert mask("Tiene %d (NdT: %s) mensajes.", "c").text == f"Tiene {MASK_TOKEN} mensajes."
    # without a note or placeholders the view is the segment itself
    plain = unit_view(Segment("z", 0, 1, 1, 1, "Hola (Ana)", "Hello (Ana)"))
    assert (plain.source, plain.text, plain.src_origin) == ("Hello (Ana)", "Hola (Ana)", ())


@pytest.mark.requires_apertium
def test_a_translators_note_in_the_copy_is_no_addition(tmp_path: Path) -> None:
    """Real Apertium: the note's number and name are not flagged as additions; the same aside
    without a signature is content the source lacks; a shifted year after a note in the source is
    still caught, its spans on the texts as written."""
    rows = [
        ("El presidente visitó Lisboa el martes.",
         "The president visited Lisbon [Translator's note: the capital of Portugal, with 545,000 inhabitants] on Tuesday."),
        ("El presidente visitó Lisboa el martes.",
         "The president visited Lisbon [the capital of Portugal, with 545,000 inhabitants] on Tuesday."),
        ("La economía del goteo (N. del T.: trickle-down economics) llegó en 1981.",
         "Trickle-down economics arrived in 1982."),
    ]  # fmt: skip
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("".join(json.dumps({"source": s, "translation": t}) + "\n" for s, t in rows), "utf-8")
    out = tmp_path / "out.json"
    args = ["check", str(pairs), "--source-lang", "es", "--lang", "en", "--engine", "apertium"]
    res = run_cli(*args, "--no-semantic", "--no-cache", "-f", "json", "-o", str(out))
    assert res.code == 1, res.stderr  # the shifted year fails the gate
    segs = json.loads(out.read_text("utf-8"))["segments"]
    checks = [{f["check"] for f in s["flags"]} for s in segs]
    assert segs[0]["verdict"] == "ok" and not checks[0] & {"numbers", "names", "length"}
    assert {"numbers", "names"} <= checks[1] and segs[1]["verdict"] != "ok"
    year = next(f for f in segs[2]["flags"] if f["check"] == "numbers")
    assert year["severity"] == "critical"
    spans = {sp["field"]: rows[2][0 if sp["field"] == "source" else 1][sp["start"] : sp["end"]] for sp in year["spans"]}
    assert spans == {"source": "1981", "text": "1982"}
