"""names: names and acronyms of the source reach the translation; none are made up."""

from __future__ import annotations

import pytest

from pipeline.checks.names import names

from .helpers import assert_flags, assert_passes, make

SAME = [
    pytest.param(
        "Ricardo Salazar habló ayer.", "Ricardo Salazar spoke yesterday.", None, None, id="names kept"
    ),
    pytest.param(
        "Ricardo Salazar habló ayer.",
        "ricardo salazar spoke yesterday.",
        None,
        None,
        id="lower case is harmless",
    ),
    pytest.param(
        "Además, Peña Nieto no dio detalles.",
        "In addition, Pena Nieto gave no details.",
        None,
        None,
        id="accents",
    ),
    pytest.param(
        "Sin embargo, el comité se reunió.",
        "However, the committee met.",
        None,
        None,
        id="sentence-initial capital",
    ),
    pytest.param(
        "Trabaja contra el VIH.",
        "He works against HIV.",
        "He works against the VIH.",
        "Trabaja contra VIH.",
        id="acronym translated, seen in back-translation",
    ),
    pytest.param(
        "Viven en los Estados Unidos.",
        "They live in the United States.",
        "They live in the United States.",
        "Viven en los Estados Unidos.",
        id="translated name",
    ),
    pytest.param("Según Dmitri Kislov.", "According to Dmitry Kislov.", None, None, id="transliteration"),
    pytest.param(
        "Ella vive en Rusia.", "She lives in Russia.", "She lives in Russia.", None, id="Rusia~Russia"
    ),
]

DIFFERENT = [
    pytest.param(
        "Lo dijo Ricardo Salazar.",
        "Quentin Chabert said it.",
        "It said Ricardo Salazar.",
        "Lo dijo Quentin Chabert.",
        id="name replaced",
    ),
    pytest.param(
        "Viven en los Estados Unidos.",
        "They live in.",
        "They live in the United States.",
        "Viven en.",
        id="name removed",
    ),
    pytest.param(
        "Para México, la relación es difícil.",
        "For Canada, the relationship is difficult.",
        "For Mexico, the relation is difficult.",
        "Para Canada, la relación es difícil.",
        id="country replaced",
    ),
]


@pytest.mark.parametrize(("source", "target", "forward", "back"), SAME)
def test_same_names_pass(source: str, target: str, forward: str | None, back: str | None) -> None:
    assert_passes("names", make(source, target, forward=forward, back=back))


@pytest.mark.parametrize(("source", "target", "forward", "back"), DIFFERENT)
def test_changed_names_flag(source: str, target: str, forward: str | None, back: str | None) -> None:
    flag = assert_flags("names", make(source, target, forward=forward, back=back))
    assert flag.severity == "critical"


def test_added_name_is_major() -> None:
    flag = assert_flags(
        "names",
        make(
            "El presidente llegó.",
            "President Obama arrived.",
            forward="The president arrived.",
            back="Presidente Obama llegó.",
        ),
    )
    assert flag.severity == "major" and "Obama" in flag.message


def test_round_trip_compares_same_language() -> None:
    inp = make("Barack Obama visited Paris.", "Barack Obama visited Rome.", "en", "en", mode="roundtrip")
    assert "Paris" in assert_flags("names", inp).message


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "However, Rembrandt Scholz works at the Max Planck Institute.",
            "en",
            ["Rembrandt Scholz", "Max Planck Institute"],
        ),
        ("Sin embargo, el VIH avanza.", "es", ["VIH"]),
        ("Pfannenstiel held a similar position.", "en", ["Pfannenstiel"]),  # rare word at the start: a name
        ("The Dream Team won in June.", "en", ["Dream Team"]),  # months belong to the dates check
        ("Der Krieg begann, sagte Pfannenstiel der NATO.", "de", ["Pfannenstiel", "NATO"]),  # German nouns
    ],
)
def test_name_detection(text: str, lang: str, expected: list[str]) -> None:
    assert [n.text for n in names(text, lang)] == expected
