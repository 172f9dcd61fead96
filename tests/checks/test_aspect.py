"""`aspect`: a completed past action (a Romance preterite) told as an ongoing one in English copy
("inauguró" -> "was opening"), read through both engine views; an imperfect source allows it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.checks import CheckInput, run_checks
from pipeline.checks.aspect import past_progressives
from tests.conftest import run_cli

from .helpers import apertium, assert_flags, assert_passes, make

BRIDGE = "La alcaldesa inauguró el puente el sábado por la mañana."
YEARS = "Durante aquellos años la alcaldesa vivía en el centro de la ciudad."


def test_past_progressive_for_a_preterite_flags() -> None:
    inp = make(
        BRIDGE,
        "The mayor was opening the bridge on Saturday morning.",
        forward="The mayor inaugurated the bridge the Saturday in the morning.",
        back="El alcalde abría el puente el sábado mañana.",
    )
    flag = assert_flags("aspect", inp)
    assert flag.severity == "major" and "'was opening'" in flag.message
    assert [inp.target[s.start : s.end] for s in flag.spans] == ["was opening"]


@pytest.mark.parametrize(
    ("source", "target", "forward", "back"),
    [
        # the source's imperfect: the back-translation has no imperfect more than the source
        (
            YEARS,
            "During those years the mayor was living in the city centre.",
            "During those years the mayor lived in the centre of the city.",
            "Durante aquellos años el alcalde vivía en el centro de ciudad.",
        ),
        # the engine's own rendering has the progressive too
        (
            BRIDGE,
            "The mayor was opening the bridge.",
            "The mayor was opening the bridge.",
            "El alcalde abría el puente.",
        ),
        # an adjective in -ing is no progressive
        (
            BRIDGE,
            "The results were disappointing.",
            "The results disappointed.",
            "Los resultados decepcionaban.",
        ),
        # a passive progressive is `tense`'s to read, "was going to" is a future seen from the past
        (
            BRIDGE,
            "The bridge was being opened.",
            "The bridge was opened.",
            "El puente estaba siendo abierto.",
        ),
    ],
)
def test_what_is_no_aspect_change(source: str, target: str, forward: str, back: str) -> None:
    assert_passes("aspect", make(source, target, forward=forward, back=back))


def test_a_french_imperfect_in_any_singular_person_is_ongoing() -> None:
    """ "je regardais" is an imperfect as "il regardait" is: "I was watching" keeps its aspect,
    and the back-translation's imperfect is no imperfect more than the source's."""
    inp = make(
        "Alors que je regardais l'éclipse, j'ai vu des lumières rouges.",
        "As I was watching the eclipse, I saw red lights.",
        "fr",
        forward="Whereas I looked the eclipse, have seen red lights.",
        back="Comme je regardais l'éclipse, j'ai vu des lumières rouges.",
    )
    assert_passes("aspect", inp)
    preterite = make(
        "Quand je regardai l'éclipse, j'ai vu des lumières rouges.",
        "When I was watching the eclipse, I saw red lights.",
        "fr",
        forward="When I looked the eclipse, have seen red lights.",
        back="Quand je regardais l'éclipse, j'ai vu des lumières rouges.",
    )
    assert_flags("aspect", preterite)


def test_an_imperfect_of_be_in_the_back_translation_is_no_aspect() -> None:
    """The copy's "was" for the source's present ("c'est") comes back as "était": a copula's
    imperfect in the back-translation says nothing of aspect, so the source's "disait" still
    accounts for "was saying". In the source a copula's imperfect is the writer's choice and
    counts ("estava acima das expectativas" / "was performing above expectations")."""
    inp = make(
        "Ce qu'elle disait c'est qu'une fille doit souvent se marier à 14 ans.",
        "What she was saying was that a girl often has to get married at 14.",
        "fr",
        forward="This that said is that a daughter has to marry often to 14 years.",
        back="Ce qu'elle disait était qu'une fille souvent se doit marier à 14.",
    )
    assert_passes("aspect", inp)
    inp = make(
        "44% consideraram que o desempenho do governo estava acima das expectativas.",
        "44% thought the government was performing above expectations.",
        "pt",
        forward="44% considered that the exert of the government was above the expectations.",
        back="44% pensou o governo actuava acima de expectativas.",
    )
    assert_passes("aspect", inp)
    said = make(
        "Ce qu'elle dit c'est qu'une fille doit souvent se marier à 14 ans.",
        "What she was saying was that a girl often has to get married at 14.",
        "fr",
        forward="This that says is that a daughter has to marry often to 14 years.",
        back="Ce qu'elle disait était qu'une fille souvent se doit marier à 14.",
    )
    assert_flags("aspect", said)


def test_needs_both_views_and_english_copy() -> None:
    assert_passes("aspect", make(BRIDGE, "The mayor was opening the bridge.", forward="The mayor opened."))
    inp = make(
        "The mayor opened the bridge.", "La alcaldesa abría el puente.", "en", "es", forward="x", back="y"
    )
    assert_passes("aspect", inp)


def test_past_progressives_are_verbs_only() -> None:
    found = past_progressives("They were not protesting; she was quietly signing; it was interesting.")
    assert [words for _, _, words in found] == ["were not protesting", "was quietly signing"]


# Apertium's routes into English and back (pivoting through Spanish where no direct pair is installed)
ROUTES = {
    "es": (["spa-eng"], ["eng-spa"]),
    "pt": (["pt-es", "spa-eng"], ["eng-spa", "es-pt"]),
    "fr": (["fr-es", "spa-eng"], ["eng-spa", "es-fr"]),
    "it": (["ita-spa", "spa-eng"], ["eng-spa", "spa-ita"]),
    "ca": (["cat-eng"], ["eng-cat"]),
}


def _aspect(source: str, copy: str, src: str = "es") -> list[str]:
    to_en, from_en = ROUTES[src]
    forward, back = [source], [copy]
    for mode in to_en:
        forward = apertium(forward, mode)
    for mode in from_en:
        back = apertium(back, mode)
    flags = run_checks(CheckInput(source, src, copy, "en", back=back[0], forward=forward[0]))
    return [f.severity for f in flags if f.check == "aspect"]


@pytest.mark.requires_apertium
def test_preterite_and_imperfect_withapertium() -> None:
    """Apertium renders the preterite as a simple past and the copy's past progressive as an
    imperfect: "inauguró" / "was opening" flags, "vivía" / "was living" and "opened" pass."""
    assert _aspect(BRIDGE, "The mayor was opening the bridge on Saturday morning.") == ["major"]
    assert _aspect(BRIDGE, "The mayor opened the bridge on Saturday morning.") == []
    assert _aspect(YEARS, "During those years the mayor was living in the city centre.") == []


@pytest.mark.requires_apertium
@pytest.mark.parametrize(
    ("src", "source"),
    [
        ("pt", "O ministro assinou o acordo no sábado de manhã."),
        ("fr", "Le ministre a signé l'accord samedi matin."),
        ("it", "Il ministro ha firmato l'accordo sabato mattina."),
        ("ca", "El ministre va signar l'acord dissabte al matí."),
    ],
)
def test_other_romance_sources_withapertium(src: str, source: str) -> None:
    """Portuguese, French and Italian through the Spanish pivot, Catalan directly: a completed
    past (preterite, passé composé, passato prossimo, the periphrastic "va signar") told as
    ongoing flags; the simple past passes."""
    assert _aspect(source, "The minister was signing the agreement on Saturday morning.", src) == ["major"]
    assert _aspect(source, "The minister signed the agreement on Saturday morning.", src) == []


@pytest.mark.requires_apertium
def test_french_imperfects_with_apertium_back_translations_withapertium() -> None:
    """Through Apertium's real fr->es->en and en->es->fr: "je regardais" / "I was viewing" and
    "disait c'est" / "was saying was" (whose back-translation says "disait ... était") keep their
    aspect; "inaugura" / "was opening" still flags."""
    regardais = "Alors que je regardais l'éclipse depuis Melbourne, j'ai vu des lumières rouges."
    assert (
        _aspect(regardais, "As I was viewing the eclipse from Melbourne, I saw flashes of red.", "fr") == []
    )
    disait = "Ce qu'elle disait c'est qu'une fille pakistanaise moyenne doit souvent se marier à 14 ans."
    copy = "What she was saying was that an average Pakistani girl often has to get married at 14."
    assert _aspect(disait, copy, "fr") == []
    assert _aspect("Le maire inaugura le pont samedi matin.", "The mayor was opening the bridge.", "fr") == [
        "major"
    ]


@pytest.mark.requires_apertium
def test_the_gate_end_to_end_withapertium(tmp_path: Path) -> None:
    """`driftcheck check` on a bilingual JSONL file: the shifted pair reviews with the `aspect` flag
    and gates `--fail-on review` (exit 1); the faithful one alone passes it (exit 0)."""
    pairs = tmp_path / "pairs.jsonl"
    rows = [
        {"id": "ok", "source": BRIDGE, "translation": "The mayor opened the bridge on Saturday morning."},
        {
            "id": "shift",
            "source": BRIDGE,
            "translation": "The mayor was opening the bridge on Saturday morning.",
        },
    ]
    pairs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.json"
    args = ("check", str(pairs), "--source-lang", "es", "--lang", "en", "--engine", "apertium")
    res = run_cli(*args, "-f", "json", "-o", str(out), "--fail-on", "review", "--no-cache")
    assert res.code == 1, res.stderr
    segments = {s["id"]: s for s in json.loads(out.read_text(encoding="utf-8"))["segments"]}
    assert segments["ok"]["verdict"] == "ok"
    assert segments["shift"]["verdict"] == "review"
    assert "aspect" in {f["check"] for f in segments["shift"]["flags"]}
    pairs.write_text(json.dumps(rows[0], ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli(*args, "-o", str(out), "-f", "json", "--fail-on", "review", "--no-cache").code == 0
