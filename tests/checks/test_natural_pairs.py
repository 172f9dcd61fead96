"""Correct natural translations that source-aware checks flagged (audits of hand-written es/fr/pt/ca/it
pairs, none from the development files). Each case is a general rule of a language or of the
engines' evidence; the shifted counterparts stay flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

from .helpers import assert_flags, assert_passes, make

# --- untranslated: names kept as the source writes them ---------------------------------------


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Fomos ao Estádio da Luz no domingo.", "We went to the Estádio da Luz on Sunday."),
        ("Chove muito no Rio Grande do Sul.", "It rains a lot in Rio Grande do Sul."),
    ],
)
def test_a_name_is_one_across_its_particles(source: str, target: str) -> None:
    """`_inside_name` looked at the next word only: "da"/"do" cut the name in two."""
    assert_passes("untranslated", make(source, target, "pt", "en"))


def test_a_capitalised_word_the_engine_keeps_is_a_name() -> None:
    source, target = "O banco subiu a taxa Selic.", "The bank raised the Selic rate."
    assert_flags("untranslated", make(source, target, "pt", "en", forward="The bank raised the rate."))
    assert_passes("untranslated", make(source, target, "pt", "en", forward="The bank raised the Selic rate."))
    # a word the engine translates is still the source's word left in the copy
    assert_flags(
        "untranslated",
        make(
            "Viven en los Estados Unidos.",
            "They live in the United Estados.",
            forward="They live in the United States.",
        ),
    )


def _verdicts(tmp_path: Path, rows: list[dict[str, str]], *args: str) -> dict[str, str]:
    f = tmp_path / "pairs.jsonl"
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli("check", str(f), "--engine", "apertium", "--no-cache", "--no-semantic", "-o", str(out), *args)
    segs = json.loads(out.read_text(encoding="utf-8"))["segments"]
    assert r.code == (1 if any(s["verdict"] == "fail" for s in segs) else 0), r.stderr  # --fail-on fail
    return {s["id"]: s["verdict"] for s in segs}


@pytest.mark.requires_apertium
def test_portuguese_names_kept_in_english_copy_pass_end_to_end(tmp_path: Path) -> None:
    rows = [
        {
            "id": "luz",
            "source": "Fomos ao Estádio da Luz no domingo.",
            "translation": "We went to the Estádio da Luz on Sunday.",
        },
        {
            "id": "sul",
            "source": "Chove muito no Rio Grande do Sul.",
            "translation": "It rains a lot in Rio Grande do Sul.",
        },
        {
            "id": "left",
            "source": "Fomos ao estádio no domingo.",
            "translation": "We went to the estádio on Sunday.",
        },
    ]
    got = _verdicts(tmp_path, rows, "--source-lang", "pt", "--lang", "en")
    assert got == {"luz": "ok", "sul": "ok", "left": "fail"}


# --- negation: said with a word of the other side ----------------------------------------------


def test_a_negation_said_with_a_word_is_minor() -> None:
    """An English "-free" compound negates without "not" (with no engine view to show that the
    noun is what the source negates). "Advise against" + gerund and a prohibition are negators
    themselves now: no difference at all (tests/checks/test_negation_forms.py)."""
    flag = assert_flags(
        "negation",
        make("Este champú no contiene sulfatos.", "This shampoo is sulphate-free."),
        severity="minor",
    )
    assert "may negate with 'free'" in flag.message


@pytest.mark.requires_apertium
def test_negations_said_with_a_word_pass_and_a_dropped_one_does_not(tmp_path: Path) -> None:
    rows = [
        {
            "id": "free",
            "source": "Este champú no contiene sulfatos.",
            "translation": "This shampoo is sulphate-free.",
        },
        {
            "id": "against",
            "source": "Los expertos aconsejan no conducir de noche.",
            "translation": "Experts advise against driving at night.",
        },
        {
            "id": "dropped",
            "source": "Este champú no contiene sulfatos.",
            "translation": "This shampoo contains sulphates.",
        },
    ]
    got = _verdicts(tmp_path, rows, "--source-lang", "es", "--lang", "en")
    assert got["free"] == got["against"] == "ok" and got["dropped"] != "ok"
