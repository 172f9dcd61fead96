"""hypernyms: a specific word the copy says with a more general one (WordNet), in the English engine view.

Unit cases with hand-written engine views, the builder on a small WordNet-format database, the
shipped table, and end-to-end cases where Apertium gives both engine views.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.checks.wordnet_hypernyms import generalised, table

from .helpers import apertium, assert_flags, assert_passes, ci_script, make, run

ROOT = Path(__file__).resolve().parents[2]
ROCKET = "El cohete despegó desde la base."


def test_a_word_said_more_generally_flags_and_points_at_the_copy_word() -> None:
    copy = "The vehicle took off from the base."
    inp = make(
        ROCKET, copy, forward="The rocket took off from the base.", back="El vehículo despegó desde la base."
    )
    flag = assert_flags("hypernyms", inp)
    assert flag.severity == "major" and "rocket → vehicle" in flag.message
    (span,) = flag.spans
    assert copy[span.start : span.end] == "vehicle"


def test_the_same_word_or_a_more_specific_one_passes() -> None:
    assert generalised("He caught a trout.", "He caught a fish.") == [("trout", "fish")]
    assert generalised("He caught a fish.", "He caught a trout.") == []  # more specific: fine
    assert generalised("He caught a trout.", "He caught a trout, a fish.") == []  # both said


def test_a_synonym_passes_where_a_hypernym_flags() -> None:
    """ "petroleum" and "oil" share a WordNet synset: a rewording, though "oil" is also above it."""
    assert generalised("The ship carried petroleum.", "The ship carried oil.") == []
    assert "oil" not in table().get("petroleum", frozenset())
    assert generalised("The ship carried trout.", "The ship carried fish.") == [("trout", "fish")]


def test_a_common_word_passes_where_a_rarer_one_flags() -> None:
    """ "car" (Zipf 5.2) has many senses and is reworded freely; "rocket" (4.3) is specific."""
    assert "vehicle" in table()["car"]
    assert generalised("The car stopped.", "The vehicle stopped.") == []
    assert generalised("The rocket stopped.", "The vehicle stopped.") == [("rocket", "vehicle")]


def test_a_word_of_the_same_family_passes() -> None:
    """ "priestess" / "priest" is in WordNet's tree, but one family: said otherwise, not generalised;
    so is a pair where either side has a word of the other's family ("vehicular", "rocketry")."""
    assert "priest" in table()["priestess"]
    assert generalised("The priestess spoke.", "The priest spoke.") == []
    assert generalised("The rocket crossed vehicular lanes.", "The vehicle crossed lanes.") == []
    assert generalised("The rocket crossed the lanes.", "The rocketry vehicle crossed the lanes.") == []
    assert generalised("The novelist spoke.", "The writer spoke.") == [("novelist", "writer")]


def test_a_prefixed_word_said_by_its_root_passes() -> None:
    """ "immigrant" / "migrant": WordNet files an immigrant under migrant, but the copy keeps the
    word's root; a hypernym that is another word still flags ("trout" / "fish")."""
    assert "migrant" in table()["immigrant"]
    assert generalised("Immigrant workers arrive.", "Migrant workers arrive.") == []
    assert generalised("The trout swam.", "The fish swam.") == [("trout", "fish")]


def test_only_when_the_other_view_changed_a_word_too() -> None:
    """A back-translation that gives the source's words back says the copy kept them."""
    forward = "The rocket took off from the base."
    moved = make(
        ROCKET,
        "The vehicle took off from the base.",
        forward=forward,
        back="El vehículo despegó desde la base.",
    )
    kept = make(ROCKET, "The vehicle took off from the base.", forward=forward, back=ROCKET)
    assert run("hypernyms", moved) and run("hypernyms", kept) == []


def test_from_english_reads_the_back_translation_and_spans_the_copy() -> None:
    inp = make(
        "The rocket took off from the base.",
        "El vehículo despegó desde la base.",
        "en",
        "es",
        forward=ROCKET,
        back="The vehicle took off from the base.",
    )
    flag = assert_flags("hypernyms", inp)
    assert [(s.start, s.end) for s in flag.spans] == [(0, len(inp.target))]


def test_acronyms_and_verbs_are_not_read_as_nouns() -> None:
    """Only nouns are in the table: "sounded" is a verb form, "NSA" a name."""
    assert "sound" in table()["clash"] and "intelligence" in table()["nsa"]
    assert generalised("The clash of the armies.", "The sound of the armies.") == [("clash", "sound")]
    assert generalised("The clash of the armies.", "The armies sounded.") == []
    assert generalised("The NSA listened.", "The intelligence listened.") == []
    assert generalised("The nsa listened.", "The intelligence listened.") == [("nsa", "intelligence")]


def _synset(offset: int, lexfile: int, words: list[str], up: list[int]) -> str:
    said = " ".join(f"{w} 0" for w in words)
    pointers = " ".join(f"@ {u:08d} n 0000" for u in up)
    return f"{offset:08d} {lexfile:02d} n {len(words):02x} {said} {len(up):03d} {pointers} | a gloss\n"


def test_builder_keeps_much_more_general_concrete_hypernyms(tmp_path: Path) -> None:
    """rocket (artifact) -> vehicle, with 20 kinds below it; aim (cognition) -> goal is left out,
    and petroleum -> oil (synonyms in another synset); one with few kinds above is left out too."""
    lines = [_synset(100, 6, ["vehicle"], []), _synset(200, 6, ["rocket"], [100])]
    lines += [_synset(300 + i, 6, [f"kind{i}"], [100]) for i in range(19)]
    lines += [_synset(400, 9, ["goal"], []), _synset(401, 9, ["aim"], [400])]
    lines += [_synset(410 + i, 9, [f"goal{i}"], [400]) for i in range(20)]
    lines += [_synset(500, 27, ["oil"], []), _synset(501, 27, ["petroleum", "oil"], [500])]
    lines += [_synset(510 + i, 27, [f"oil{i}"], [500]) for i in range(20)]
    lines += [_synset(600, 6, ["tool"], []), _synset(601, 6, ["hammer"], [600])]
    (tmp_path / "data.noun").write_text("  1 This is a licence line\n" + "".join(lines), encoding="latin-1")
    for name in ("verb", "adj", "adv"):
        (tmp_path / f"data.{name}").write_text("", encoding="latin-1")
    index = {"rocket": 200, "aim": 401, "petroleum": 501, "hammer": 601}
    (tmp_path / "index.noun").write_text(
        "".join(f"{w} n 1 1 @ 1 0 {o:08d}  \n" for w, o in index.items()), encoding="latin-1"
    )
    (tmp_path / "lexnames").write_text("06\tnoun.artifact\t1\n09\tnoun.cognition\t1\n27\tnoun.substance\t1\n")
    assert ci_script("build_hypernyms").hypernyms(tmp_path) == {"rocket": {"vehicle"}, "petroleum": set()}


def test_shipped_table_is_small_and_names_its_source() -> None:
    path = ROOT / "pipeline" / "data" / "hypernyms-en.json"
    assert path.stat().st_size < 1_500_000
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["source"].startswith("Princeton WordNet 3.0") and data["depth"] == 2
    t = table()
    assert len(t) > 10000
    assert "vehicle" in t["rocket"] and "fish" in t["trout"] and "meeting" in t["summit"]
    assert "entity" not in set().union(*t.values())


@pytest.mark.requires_apertium
def test_end_to_end_with_apertium_both_directions() -> None:
    """Apertium gives the forward and back views; the copy that says "fish" for "trucha" and
    "bird" for "águila" flags, the faithful ones pass; from English the same shift flags."""
    sources = ["Mi hermano cocinó una trucha para la cena.", "Un águila voló sobre el pueblo."]
    copies = [
        "My brother cooked a fish for dinner.",
        "A bird flew over the village.",
        "My brother cooked a trout for dinner.",
        "An eagle flew over the village.",
    ]
    forward = apertium(sources, "spa-eng")
    back = apertium(copies, "eng-spa")
    for i, copy in enumerate(copies):
        inp = make(sources[i % 2], copy, forward=forward[i % 2], back=back[i])
        if i < 2:
            assert_flags("hypernyms", inp)
        else:
            assert_passes("hypernyms", inp)
    english, spanish = "My brother cooked a trout for dinner.", "Mi hermano cocinó un pez para la cena."
    (fwd,), (bck,) = apertium([english], "eng-spa"), apertium([spanish], "spa-eng")
    flag = assert_flags("hypernyms", make(english, spanish, "en", "es", forward=fwd, back=bck))
    assert "trout → fish" in flag.message


def test_names_and_compounds_are_not_generalised() -> None:
    """A name is `names`'s to compare: WordNet files "Netherlands" under "country", and Apertium
    renders "Países Bajos" as "Low Countries". A general noun the other side makes a compound of
    with a noun of its own ("vegetable paper" for "papel vegetal") may name the specific thing; an
    adjective or participle does not ("salted fish" for "trout" still flags)."""
    assert "country" in table()["netherlands"]
    assert (
        generalised("The Netherlands and Germany share a border.", "The Low Countries and Germany share it.")
        == []
    )
    assert generalised("Line a tray with parchment.", "Line a tray with vegetable paper.") == []
    assert generalised("Line a tray with parchment.", "Line a tray with paper.") == [("parchment", "paper")]
    assert generalised("Rakfisk is trout in salazón.", "Rakfisk is salted fish.") == [("trout", "fish")]


@pytest.mark.requires_apertium
def test_a_country_renamed_by_the_engine_is_no_hypernym_withapertium() -> None:
    """From English: the Spanish copy's "Países Bajos" comes back from Apertium as "Low Countries"."""
    english, spanish = (
        "The Netherlands and Germany share a long border.",
        "Los Países Bajos y Alemania comparten una larga frontera.",
    )
    (fwd,), (bck,) = apertium([english], "eng-spa"), apertium([spanish], "spa-eng")
    assert "Countries" in bck
    assert_passes("hypernyms", make(english, spanish, "en", "es", forward=fwd, back=bck))
