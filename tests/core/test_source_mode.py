"""Source-aware mode with real Apertium translations: alignment, omissions, additions, chaining."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import Settings
from pipeline.core.verify import verify
from pipeline.engines.apertium import ApertiumEngine
from tests.conftest import ROOT, gate_code, run_cli

pytestmark = pytest.mark.requires_apertium

ES = (ROOT / "seeds" / "harbour-bridge.es.txt").read_text()
EN = (ROOT / "seeds" / "harbour-bridge.en.txt").read_text()


def _check(tmp_path: Path, source: str, copy: str) -> dict[str, Any]:
    (tmp_path / "src.es.txt").write_text(source)
    (tmp_path / "copy.en.txt").write_text(copy)
    out = tmp_path / "r.json"
    r = run_cli(
        "check",
        str(tmp_path / "copy.en.txt"),
        "--source",
        str(tmp_path / "src.es.txt"),
        "--source-lang",
        "es",
        "--lang",
        "en",
        "--engine",
        "apertium",
        "--no-cache",
        "-o",
        str(out),
    )
    data: dict[str, Any] = json.loads(out.read_text())
    assert r.code == gate_code(data), r.stderr
    return data


def _flags(data: dict[str, Any], check: str) -> list[dict[str, Any]]:
    return [s for s in data["segments"] if any(f["check"] == check for f in s["flags"])]


def test_faithful_pair_aligns_one_to_one_and_passes(tmp_path: Path) -> None:
    data = _check(tmp_path, ES, EN)
    assert data["mode"] == "source"
    segs = data["segments"]
    assert len(segs) == 7
    assert all(s["source"] and s["text"] for s in segs)
    assert [s["verdict"] for s in segs].count("fail") == 0
    c = segs[0]["comparison"]
    assert c["back"] and c["forward"] and c["source_round_trip"]
    assert set(c["back_scores"]) == {"chrf", "bleu", "ter"}
    assert set(data["documents"][0]["scores"]) == {"back", "forward"}
    assert data["signature"]["routes"] == {"back": "en->es", "forward": "es->en"}


def test_changed_number_is_flagged_at_its_line(tmp_path: Path) -> None:
    data = _check(tmp_path, ES, EN.replace("320 steel", "230 steel"))
    hit = _flags(data, "numbers")
    assert [s["line"] for s in hit] == [3]
    assert hit[0]["verdict"] == "fail"
    assert "320" in hit[0]["source"]


def test_deleted_sentence_is_an_omission(tmp_path: Path) -> None:
    data = _check(tmp_path, ES, EN.replace(" She said the bridge is safe.", ""))
    om = _flags(data, "omission")
    assert len(om) == 1 and "seguro" in om[0]["source"] and om[0]["text"] == ""
    assert om[0]["verdict"] == "fail"
    assert any("line 5" in f["message"] for f in om[0]["flags"])
    assert not _flags(data, "addition")


def test_added_sentence_is_an_addition_at_its_line(tmp_path: Path) -> None:
    data = _check(
        tmp_path, ES, EN.replace("steel cables.", "steel cables. Nobody was hurt during the works.")
    )
    add = _flags(data, "addition")
    assert len(add) == 1 and add[0]["text"].startswith("Nobody was hurt") and add[0]["line"] == 3
    assert add[0]["source"] == ""


def test_an_added_or_omitted_sentence_counts_against_the_documents_corpus_scores(tmp_path: Path) -> None:
    """The document's corpus scores (what --min-chrf gates on) count a sentence the other side
    lacks: an added sentence left the document's chrF as if it were not there, so the gate passed."""
    added_copy = EN.replace("steel cables.", "steel cables. Nobody was hurt during the works.")
    faithful = _check(tmp_path, ES, EN)["documents"][0]["scores"]
    added = _check(tmp_path, ES, added_copy)["documents"][0]["scores"]
    omitted = _check(tmp_path, ES, EN.replace(" She said the bridge is safe.", ""))["documents"][0]["scores"]
    for scores in (added, omitted):
        for route in ("back", "forward"):
            assert scores[route]["chrf"] < faithful[route]["chrf"], (route, scores, faithful)
            assert scores[route]["bleu"] < faithful[route]["bleu"]
            assert scores[route]["ter"] > faithful[route]["ter"]
    limit = f"{min(s['chrf'] for s in faithful.values()) - 0.05:.2f}"
    args = ["-s", "es", "-l", "en", "--engine", "apertium", "--no-cache", "-f", "json", "--min-chrf", limit]
    for copy, code in ((EN, 0), (added_copy, 1)):  # the addition alone is `review`: only the limit fails it
        (tmp_path / "copy.en.txt").write_text(copy)
        r = run_cli("check", str(tmp_path / "copy.en.txt"), "--source", str(tmp_path / "src.es.txt"), *args)
        assert r.code == code, r.stderr
        assert ("corpus chrF" in r.stderr) == bool(code), r.stderr
        assert [s["verdict"] for s in json.loads(r.stdout)["segments"]].count("fail") == 0


FIVE_ES = (
    "El alcalde inauguró el nuevo puente el viernes. Unas 3.000 personas asistieron a la ceremonia. "
    "El puente costó 20 millones de euros. Las obras duraron cuatro años. El tráfico se abrirá el lunes."
)
FIVE_EN = [
    "The mayor opened the new bridge on Friday.",
    "About 3,000 people attended the ceremony.",
    "The bridge cost 20 million euros.",
    "The works lasted four years.",
    "Traffic will open on Monday.",
]


def test_a_copy_that_reflows_a_paragraph_into_many_pairs_every_sentence(tmp_path: Path) -> None:
    """One source paragraph of five sentences, the copy one paragraph per sentence (a CMS re-flow),
    and the reverse: every sentence pairs 1-1 (beyond a split in two, the faithful sentences came out
    as critical omissions beside additions); a sentence really left out is still an omission."""
    data = _check(tmp_path, FIVE_ES + "\n", "\n\n".join(FIVE_EN) + "\n")
    assert [(s["text"], bool(s["source"])) for s in data["segments"]] == [(t, True) for t in FIVE_EN]
    assert not _flags(data, "omission") and not _flags(data, "addition")
    reverse = _check(
        tmp_path, "\n\n".join(FIVE_ES.replace(". ", ".\n").splitlines()) + "\n", " ".join(FIVE_EN) + "\n"
    )
    assert [s["verdict"] for s in reverse["segments"]] == ["ok"] * 5
    dropped = _check(tmp_path, FIVE_ES + "\n", "\n\n".join(FIVE_EN[:3] + FIVE_EN[4:]) + "\n")
    om = _flags(dropped, "omission")
    assert len(om) == 1 and om[0]["source"] == "Las obras duraron cuatro años." and om[0]["verdict"] == "fail"
    assert len(dropped["segments"]) == 5 and not _flags(dropped, "addition")


THREE_ES = (
    "El alcalde llegó tarde. Inauguró el nuevo puente el viernes ante unas 3.000 personas. "
    "Dijo que costó 20 millones de euros."
)
ONE_EN = (
    "The mayor, who arrived late, opened the new bridge on Friday before about 3,000 people and "
    "said it cost 20 million euros."
)
ONE_ES = (
    "El alcalde, que llegó tarde, inauguró el nuevo puente el viernes ante unas 3.000 personas, y "
    "dijo que costó 20 millones de euros."
)
THREE_EN = (
    "The mayor arrived late. He opened the new bridge on Friday before about 3,000 people. "
    "He said it cost 20 million euros."
)


@pytest.mark.parametrize("source, copy", [(THREE_ES, ONE_EN), (ONE_ES, THREE_EN)], ids=["joined", "split"])
def test_three_sentences_joined_into_one_or_one_split_into_three_pair(
    tmp_path: Path, source: str, copy: str
) -> None:
    segments = _check(tmp_path, source + "\n", copy + "\n")["segments"]
    assert [(s["source"], s["text"], s["verdict"]) for s in segments] == [(source, copy, "ok")]


FIVE_ITEMS_ES = (
    "El plan tiene cuatro partes. Primero, la ciudad repara el puente. Segundo, construye una escuela. "
    "Tercero, abre un hospital. Cuarto, planta mil árboles."
)
FIVE_ITEMS_EN = (
    "The plan has four parts: first, the city repairs the bridge; second, it builds a school; third, "
    "it opens a hospital; and fourth, it plants a thousand trees."
)


def test_a_list_of_five_sentences_written_as_one_pairs_whole(tmp_path: Path) -> None:
    """The programme links three sentences with one at most: the first two items of a longer list
    came out as critical omissions (exit 1). A skipped neighbour now joins where it makes the pair
    more alike."""
    segments = _check(tmp_path, FIVE_ITEMS_ES + "\n", FIVE_ITEMS_EN + "\n")["segments"]
    assert [(s["source"], s["text"], s["verdict"]) for s in segments] == [
        (FIVE_ITEMS_ES, FIVE_ITEMS_EN, "ok")
    ]


def test_a_sentence_the_copy_moves_pairs_where_it_arrived(tmp_path: Path) -> None:
    """A sentence moved to another paragraph was an omission where it left (critical: exit 1) and an
    addition where it arrived; it now pairs there, with a minor `moved` note. A sentence really left
    out, beside an unrelated one added, stays an omission and an addition."""
    paras = EN.strip().split("\n\n")
    cost = "The work cost 12 million euros."
    moved = "\n\n".join([paras[0], paras[1].replace(" " + cost, ""), paras[2] + " " + cost, paras[3]])
    (tmp_path / "copy.en.txt").write_text(moved + "\n")
    (tmp_path / "src.es.txt").write_text(ES)
    args = ("-s", "es", "-l", "en", "--engine", "apertium", "--no-cache", "-f", "json")
    r = run_cli("check", str(tmp_path / "copy.en.txt"), "--source", str(tmp_path / "src.es.txt"), *args)
    assert r.code == 0, r.stderr
    segments = json.loads(r.stdout)["segments"]
    assert len(segments) == 7 and all(s["source"] and s["text"] for s in segments)
    note = [s for s in segments if s["flags"]]
    assert [(s["text"], s["source"], s["line"], s["verdict"]) for s in note] == [
        (cost, "La obra costó 12 millones de euros.", 5, "ok")
    ]
    assert [(f["check"], f["severity"]) for f in note[0]["flags"]] == [("moved", "minor")]
    assert "line 3" in note[0]["flags"][0]["message"] and "line 5" in note[0]["flags"][0]["message"]
    unrelated = moved.replace(cost, "The city council meets again on Thursday evening.")
    data = _check(tmp_path, ES, unrelated + "\n")
    assert [s["source"] for s in _flags(data, "omission")] == ["La obra costó 12 millones de euros."]
    assert [s["text"] for s in _flags(data, "addition")] == [
        "The city council meets again on Thursday evening."
    ]
    assert not _flags(data, "moved")


SIX_ES = [
    "El puente del puerto reabrió el lunes tras 14 meses de obras.",
    "Los ingenieros sustituyeron 320 cables de acero. La obra costó 12 millones de euros.",
    "La alcaldesa, Ana Torres, agradeció el trabajo a los obreros. Dijo que el puente es seguro.",
    "El tráfico nocturno no estará permitido hasta junio. ¿Pagó la ciudad demasiado?",
    "Los vecinos de Triana celebraron la apertura con una fiesta en la plaza.",
    "El próximo proyecto será un nuevo túnel bajo el río, que costará 40 millones de euros.",
]
SIX_EN = [
    "The harbour bridge reopened on Monday after 14 months of works.",
    "The engineers replaced 320 steel cables. The work cost 12 million euros.",
    "The mayor, Ana Torres, thanked the workers for their work. She said the bridge is safe.",
    "Night traffic will not be allowed until June. Did the city pay too much?",
    "The residents of Triana celebrated the opening with a party in the square.",
    "The next project will be a new tunnel under the river, which will cost 40 million euros.",
]


@pytest.mark.parametrize("a, b", [(1, 3), (1, 4)])
def test_two_paragraphs_the_copy_swapped_pair_where_they_arrived(tmp_path: Path, a: int, b: int) -> None:
    """Two swapped paragraphs were two poor 1-1 links (the aligner keeps the order): every sentence
    of both was compared with a wrong source sentence and failed for numbers, dates, negation and
    tense it never lost ("Night traffic will not be allowed until June." against "Los ingenieros
    sustituyeron 320 cables de acero."). They now pair where they arrived, with `moved` notes."""
    copy = list(SIX_EN)
    copy[a], copy[b] = copy[b], copy[a]
    data = _check(tmp_path, "\n\n".join(SIX_ES) + "\n", "\n\n".join(copy) + "\n")
    sentences = re.compile(r"(?<=[.?])\s+")
    faithful = {
        e: s
        for es, en in zip(SIX_ES, SIX_EN, strict=True)
        for s, e in zip(sentences.split(es), sentences.split(en), strict=True)
    }
    assert {s["text"]: s["source"] for s in data["segments"]} == faithful
    swapped = set(sentences.split(copy[a])) | set(sentences.split(copy[b]))
    assert {s["text"] for s in _flags(data, "moved")} == swapped
    assert all(
        s["verdict"] == "ok" and [f["check"] for f in s["flags"]] in ([], ["moved"]) for s in data["segments"]
    )


def test_dropped_paragraph_keeps_the_rest_aligned(tmp_path: Path) -> None:
    paras = EN.strip().split("\n\n")
    copy = "\n\n".join(paras[:1] + paras[2:]) + "\n"
    data = _check(tmp_path, ES, copy)
    om = _flags(data, "omission")
    assert len(om) == 2 and all(s["source_line"] == 3 for s in om)
    mayor = [s for s in data["segments"] if s["text"].startswith("The mayor")]
    assert mayor and "alcaldesa" in mayor[0]["source"] and mayor[0]["line"] == 3


def test_a_copy_that_joins_or_splits_paragraphs_pairs_every_sentence(tmp_path: Path) -> None:
    """Paragraphs were linked 1-1 only: a copy that joined two paragraphs (or split one) failed a
    faithful sentence as an omission and flagged its translation as an addition."""
    paras = EN.strip().split("\n\n")
    joined = "\n\n".join([paras[0] + " " + paras[1], *paras[2:]]) + "\n"
    split = EN.replace("June. Did", "June.\n\nDid")
    for copy in (joined, split):
        data = _check(tmp_path, ES, copy)
        assert not _flags(data, "omission") and not _flags(data, "addition")
        assert len(data["segments"]) == 7 and all(s["source"] and s["text"] for s in data["segments"])


def test_thousand_jsonl_pairs_keep_order_and_ids_in_one_process_per_direction(tmp_path: Path) -> None:
    f = tmp_path / "pairs.jsonl"
    with f.open("w") as fh:
        for i in range(1000):
            fh.write(
                json.dumps(
                    {
                        "id": f"row-{i}",
                        "source": f"Hay {i} perros en la casa.",
                        "translation": f"There are {i} dogs in the house.",
                        "batch": i % 3,
                    }
                )
                + "\n"
            )
    eng = ApertiumEngine()
    report = verify(
        [str(f)], Settings(lang="en", source_lang="es", engine="apertium", cache=False), engine=eng
    )
    assert eng.calls == 2  # es->en for the sources; en->es for the copies and the forward output together
    assert [r.segment.id for r in report.segments] == [f"row-{i}" for i in range(1000)]
    assert all(str(i) in r.comparison.back for i, r in enumerate(report.segments))  # type: ignore[union-attr]
    assert dict(report.segments[4].segment.meta)["batch"] == "1"
    assert all(r.verdict == "ok" for r in report.segments)


def test_tsv_pairs_and_empty_translation_is_kept(tmp_path: Path) -> None:
    f = tmp_path / "pairs.tsv"
    f.write_text("Hola mundo.\tHello world.\nEl gato duerme.\t\n")
    r = run_cli("check", str(f), "-s", "es", "-l", "en", "--engine", "apertium", "--no-cache", "-f", "json")
    assert r.code == 1, r.stderr
    segs = json.loads(r.stdout)["segments"]
    assert [s["id"] for s in segs] == ["1", "2"]
    assert segs[1]["text"] == "" and segs[1]["verdict"] == "fail"


CHAINS = [
    (
        "fr",
        "Le chat noir dort dans la maison depuis 2019.",
        "The black cat has slept in the house since 2018.",
        "chat",
    ),
    ("pt", "O gato preto dorme em casa desde 2019.", "The black cat has slept at home since 2018.", "gato"),
    ("it", "Il gatto nero dorme a casa dal 2019.", "The black cat has slept at home since 2018.", "gatto"),
]


@pytest.mark.parametrize("lang, source, translation, word", CHAINS, ids=[c[0] for c in CHAINS])
def test_other_languages_chain_through_spanish(
    tmp_path: Path, lang: str, source: str, translation: str, word: str
) -> None:
    if not ApertiumEngine().supports(lang, "es"):
        pytest.skip(f"no Apertium {lang}-es pair installed (.ci/setup installs it)")
    f = tmp_path / "pairs.jsonl"
    f.write_text(json.dumps({"source": source, "translation": translation}) + "\n")
    r = run_cli("check", str(f), "-s", lang, "-l", "en", "--engine", "apertium", "--no-cache", "-f", "json")
    assert r.code == 1, r.stderr  # the year changed
    data = json.loads(r.stdout)
    assert data["signature"]["routes"] == {"back": f"en->es->{lang}", "forward": f"{lang}->es->en"}
    seg = data["segments"][0]
    assert word in seg["comparison"]["back"].lower()
    assert [f["check"] for f in seg["flags"]] == ["numbers"]


BAD = [
    (
        "broken jsonl line",
        "p.jsonl",
        '{"source": "a", "translation": "b"}\n{"source": \n',
        ["-s", "es"],
        "p.jsonl:2: not valid JSON",
    ),
    (  # one column is copy alone (round-trip mode, tests/inputs/test_copy_files.py); three are an error
        "tsv with three columns",
        "p.tsv",
        "uno\tdos\ttres\n",
        ["-s", "es"],
        "p.tsv:1: expected 2 tab-separated column(s)",
    ),
    ("same language", "p.tsv", "a\tb\n", ["-s", "en"], "both 'en'"),
    ("untranslatable pair", "p.tsv", "a\tb\n", ["-s", "ja"], "cannot translate"),
    ("no source language", "p.tsv", "a\tb\n", [], "needs --source-lang"),
]


@pytest.mark.parametrize("case", BAD, ids=[c[0] for c in BAD])
def test_bad_bilingual_input_is_one_line_exit_2(
    case: tuple[str, str, str, list[str], str], tmp_path: Path
) -> None:
    _, name, content, extra, message = case
    (tmp_path / name).write_text(content)
    r = run_cli("check", str(tmp_path / name), *extra, "-l", "en", "--engine", "apertium", "--no-cache")
    assert r.code == 2
    err = r.stderr.strip().splitlines()
    assert len(err) == 1 and message in err[0], err
