"""Round trips through several pivots: a flag needs most pivots to agree (the majority rule),
and the report shows every pivot's round trip. Unit tests of the rule, then real Apertium pivots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.core import pivot_words
from pipeline.core.pivot_words import pivot_readings
from pipeline.core.roundtrip import majority, run_roundtrip
from pipeline.core.run_config import resolve_config
from pipeline.core.verify import build_engine
from pipeline.engines.apertium import installed_modes
from pipeline.records import Flag, Segment, Span
from pipeline.timing import Timer
from tests.conftest import run_cli


def flag(check: str, message: str = "m", pivot: str | None = None) -> Flag:
    return Flag(check, "major", message, (Span("back", 0, 1, pivot),))


MAJORITY = [
    # (flags per pivot, checks that survive)
    ([[flag("drift")]], ["drift"]),  # one pivot: its flags as they are
    ([[flag("drift")], []], []),  # 1 of 2: no majority
    ([[flag("drift")], [flag("drift")]], ["drift"]),  # 2 of 2
    ([[flag("drift")], [], []], []),  # 1 of 3
    ([[flag("drift")], [flag("drift")], []], ["drift"]),  # 2 of 3
    ([[flag("drift"), flag("names")], [flag("names")], [flag("fluency")]], ["names"]),
    ([[flag("a")], [flag("b")], [flag("c")], [flag("a")]], []),  # 2 of 4 is not a majority
    ([[flag("a")], [flag("a")], [flag("a")], []], ["a"]),  # 3 of 4
]


@pytest.mark.parametrize(("flag_sets", "kept"), MAJORITY)
def test_a_check_flags_only_when_most_pivots_agree(flag_sets: list[list[Flag]], kept: list[str]) -> None:
    assert sorted({f.check for f in majority(flag_sets)}) == kept


def test_agreeing_pivots_keep_each_message_once_and_distinct_ones_all() -> None:
    same = [[flag("foreign", "word 'y'")], [flag("foreign", "word 'y'")], [flag("foreign", "word 'y'")]]
    assert [f.message for f in majority(same)] == ["word 'y'"]
    differ = [[flag("drift", "chrF 20", "es")], [flag("drift", "chrF 25", "ca")], []]
    assert [f.message for f in majority(differ)] == ["chrF 20", "chrF 25"]  # each pivot's reason is shown


def _installed(*pivots: str) -> bool:
    modes = installed_modes()
    return all(("en", p) in modes and (p, "en") in modes for p in pivots)


@pytest.mark.requires_apertium
@pytest.mark.skipif(
    not _installed("es", "ca", "eo"), reason="apertium-eng-spa, -eng-cat and -eo-en (.ci/setup)"
)
def test_three_real_pivots_each_round_trip_and_agree_on_what_the_copy_shows() -> None:
    texts = [
        "The bridge reopened on Monday after fourteen months of repairs.",
        "The mayor said the nuevo bridge would carry trains by next year.",  # a Spanish word left in the copy
        ".",  # an empty sentence
    ]
    segments = [Segment(f"s{i}", 0, i + 1, 1, i + 1, t) for i, t in enumerate(texts)]
    settings = Settings(lang="en", pivots=["es", "ca", "eo"], engine="apertium", cache=False)
    results, routes, corpus = run_roundtrip(segments, build_engine(settings, ["en", "es"]), resolve_config(settings, "roundtrip"), Timer())
    assert routes == {"es": ["en", "es", "en"], "ca": ["en", "ca", "en"], "eo": ["en", "eo", "en"]}
    assert set(corpus[0]) == {"es", "ca", "eo"}
    for r in results:
        assert [rt.pivot for rt in r.round_trips] == ["es", "ca", "eo"]
    first = results[0].round_trips
    assert all(rt.back and rt.forward != texts[0] for rt in first)  # three real, different round trips
    assert len({rt.forward for rt in first}) == 3
    assert results[0].verdict == "ok"
    assert results[1].verdict == "review" and [
        f.check for f in results[1].flags if f.severity == "major"
    ] == ["foreign"]
    assert results[2].verdict == "fail" and results[2].flags[0].check == "empty"


@pytest.mark.requires_apertium
@pytest.mark.skipif(not _installed("es", "ca"), reason="apertium-eng-spa and -eng-cat (.ci/setup)")
def test_cli_pivot_repeats_and_the_report_shows_each_round_trip(tmp_path: Path) -> None:
    doc = tmp_path / "copy.txt"
    doc.write_text("The bridge reopened on Monday after fourteen months of repairs.\n", encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli(
        "check",
        str(doc),
        "--engine",
        "apertium",
        "--no-cache",
        "--pivot",
        "es",
        "--pivot",
        "ca",
        "-o",
        str(out),
    )
    assert r.code == 0, r.stderr
    data = json.loads(out.read_text())
    assert data["signature"]["routes"] == {"es": "en->es->en", "ca": "en->ca->en"}
    assert [rt["pivot"] for rt in data["segments"][0]["round_trips"]] == ["es", "ca"]
    assert "cannot detect a wrong-but-fluent sentence" in r.stdout


CAMPOS = (
    "The farmers sold their campos near the river last spring."  # Spanish "fields", one letter from "campus"
)


def _foreign(pivots: list[str], engine: str) -> list[Flag]:
    settings = Settings(lang="en", pivots=pivots, engine=engine, cache=False, semantic=False)
    segments = [Segment("s1", 0, 1, 1, 1, CAMPOS)]
    results, _, _ = run_roundtrip(segments, build_engine(settings), resolve_config(settings, "roundtrip"), Timer())
    return [f for f in results[0].flags if f.check == "foreign"]


@pytest.mark.requires_apertium
@pytest.mark.skipif(not _installed("es", "ca"), reason="apertium-eng-spa and -eng-cat (.ci/setup)")
def test_a_pivot_that_reads_a_word_as_its_own_is_evidence_for_every_pivot(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings(lang="en", engine="apertium", cache=False)
    found = pivot_readings(
        build_engine(settings), ["campos", "siminoff"], {"es": ["es", "en"], "ca": ["ca", "en"]}
    )
    assert found == {"campos": (("es", "fields"),)}  # Catalan does not know it; a name passes unchanged
    (read,) = _foreign(["ca"], "apertium")  # Spanish reads the doubtful words without a round trip
    assert "the es pivot reads it as 'fields'" in read.message
    monkeypatch.setitem(pivot_words.READERS, "en", ())
    assert _foreign(["ca"], "apertium") == []  # nobody reads it: one letter from "campus", a typo
    monkeypatch.undo()
    (flag,) = _foreign(["es"], "apertium")
    assert "'campos' (pt; the es pivot reads it as 'fields')" in flag.message
    (both,) = _foreign(["es", "ca"], "apertium")  # the Spanish reading counts for the Catalan round trip too
    assert both.message == flag.message


@pytest.mark.requires_bergamot
def test_the_neural_portuguese_pivot_reads_words_of_its_language() -> None:
    (flag,) = _foreign(["pt"], "bergamot")
    assert "the pt pivot reads it as 'fields'" in flag.message
