"""Morphological evidence: parts of speech and tenses both engine views agree the copy changed."""

from __future__ import annotations

import pytest

from pipeline.core.morph import features, profile
from pipeline.engines.apertium_analysis import analyse

pytestmark = pytest.mark.requires_apertium


def _evidence(source: str, copy: str, forward: str, back: str) -> dict[str, float]:
    src, bck = analyse([source, back], "es")
    cpy, fwd = analyse([copy, forward], "en")
    return features(profile(src), profile(cpy), profile(fwd), profile(bck))


def test_profile_counts_parts_of_speech_and_tenses() -> None:
    (english,) = analyse(["The old minister gave an answer and will come back."], "en")
    p = profile(english)
    assert p["pos:adj"] == 1 and p["pos:n"] == 2
    assert p["tense:past"] == 1 and p["tense:future"] == 1


def test_a_future_both_views_see_is_evidence() -> None:
    ev = _evidence(
        "El precio sube cada año.",
        "The price will rise every year.",
        "The price rises every year.",
        "El precio subirá cada año.",
    )
    assert ev["pv:tense:future_new"] == 1.0
    assert ev["pv:tense:future_lost"] == 0.0


def test_one_view_alone_is_not_evidence() -> None:
    # the back-translation keeps the present: the views disagree, nothing is claimed
    ev = _evidence(
        "El precio sube cada año.",
        "The price will rise every year.",
        "The price rises every year.",
        "El precio sube cada año.",
    )
    assert ev["pv:tense:future_new"] == 0.0


def test_a_dropped_adjective_both_views_see_is_evidence() -> None:
    ev = _evidence(
        "La vieja casa tiene un jardín.",
        "The house has a garden.",
        "The old house has a garden.",
        "La casa tiene un jardín.",
    )
    assert ev["pv:pos:adj_lost"] == 1.0
    assert sum(ev.values()) == 1.0


def test_the_report_names_morphological_evidence() -> None:
    from pipeline.records import Evidence, evidence_label

    assert evidence_label(Evidence("pv:tense:future_new", 1.0, 0.4)) == "both engine views: 1 future-tense verb more"
    assert evidence_label(Evidence("pv:pos:adj_lost", 2.0, 0.4)) == "both engine views: 2 adjectives fewer"
