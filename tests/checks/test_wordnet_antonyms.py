"""The WordNet antonym table: built from WordNet's database files, shipped in the package."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.checks.wordnet_antonyms import lemmas, swaps, table

from .helpers import ci_script

ROOT = Path(__file__).resolve().parents[2]


def test_builder_reads_antonym_pointers(tmp_path: Path) -> None:
    """Two adjective synsets that point at each other's first word with "!", a noun synset whose
    multi-word lemma is left out, in WordNet's data-file format (licence header lines first)."""
    adj = (
        "  1 This is a licence line\n"
        "00001740 00 a 01 able 0 001 ! 00002098 a 0101 | usually followed by `to'\n"
        "00002098 00 a 02 unable 0 powerless 0 001 ! 00001740 a 0101 | not able\n"
    )
    noun = "00003000 03 n 01 give_up 0 001 ! 00001740 a 0101 | a gloss\n"
    (tmp_path / "data.adj").write_text(adj, encoding="latin-1")
    (tmp_path / "data.noun").write_text(noun, encoding="latin-1")
    for name in ("verb", "adv"):
        (tmp_path / f"data.{name}").write_text("", encoding="latin-1")
    assert ci_script("build_antonyms").antonyms(tmp_path) == {"able": ["unable"], "unable": ["able"]}


def test_shipped_table_is_symmetric_and_names_its_source() -> None:
    data = json.loads((ROOT / "pipeline" / "data" / "antonyms-en.json").read_text(encoding="utf-8"))
    assert data["source"].startswith("Princeton WordNet 3.0")
    t = table()
    assert len(t) > 6000
    assert t["increase"] == frozenset({"decrease"}) and "failure" in t["success"]
    assert all(a in t[b] for a, others in t.items() for b in others)


def test_lemmas_read_inflected_forms() -> None:
    assert {"rise", "fall"} <= lemmas("Prices rose, then fell.")


def test_swaps_name_the_engine_word_first() -> None:
    assert swaps("Sales rose in March.", "Sales fell in March.") == [("rise", "fall")]
    assert swaps("Sales rose in March.", "Sales rose sharply in March.") == []
