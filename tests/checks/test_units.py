"""units: the same amount in another currency or unit is a changed fact (CLDR names, both languages)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.checks import CheckInput
from pipeline.checks.units import check_units, names
from tests.conftest import run_cli


def messages(source: str, source_lang: str, target: str, lang: str = "en") -> list[str]:
    return [f.message for f in check_units(CheckInput(source, source_lang, target, lang))]


@pytest.mark.parametrize(
    ("source", "target", "said"),
    [
        ("El billete cuesta 20 euros.", "The ticket costs 20 dollars.", ("20 euros", "20 dollars")),
        ("El billete cuesta 20 €.", "The ticket costs $20.", ("20 €", "$20")),
        (
            "Ganó 3 millones de libras.",
            "He won 3 million euros.",
            ("3 millones de libras", "3 million euros"),
        ),
        ("La carretera mide 5 kilómetros.", "The road is 5 miles long.", ("5 kilómetros", "5 miles")),
        ("El viaje dura tres semanas.", "The trip lasts three months.", ("tres semanas", "three months")),
        (
            "Hace 30 grados Celsius.",
            "It is 30 degrees Fahrenheit.",
            ("30 grados Celsius", "30 degrees Fahrenheit"),
        ),
        # digital units and seconds (CLDR's digital-* and duration-second; QA pass 12: "2 MB" /
        # "2 GB" passed as ok)
        ("El archivo pesa 2 MB.", "The file is 2 GB.", ("2 MB", "2 GB")),
        ("Espere 5 segundos.", "Wait 5 minutes.", ("5 segundos", "5 minutes")),
        ("Quedan 300 kilobytes.", "300 megabytes are left.", ("300 kilobytes", "300 megabytes")),
    ],
)
def test_an_amount_in_another_currency_or_unit_is_critical(
    source: str, target: str, said: tuple[str, str]
) -> None:
    flags = check_units(CheckInput(source, "es", target, "en"))
    assert [(f.check, f.severity) for f in flags] == [("units", "critical")]
    assert (
        flags[0].message
        == f"source amount '{said[0]}' is '{said[1]}' in the translation: another currency or unit"
    )
    (src, text) = flags[0].spans
    assert (source[src.start : src.end], target[text.start : text.end]) == said


@pytest.mark.parametrize(
    ("source", "source_lang", "target"),
    [
        ("Cuesta 20 dólares.", "es", "It costs $20."),
        ("Cuesta 20 US$.", "es", "It costs 20 US dollars."),
        ("Ganó 3 millones de libras.", "es", "He won £3 million."),
        ("Corrió 5 km.", "es", "He ran 5 kilometres."),
        ("La finca tiene 200 hectáreas.", "es", "The estate covers 200 hectares."),
        ("Cuesta 20 € al mes.", "es", "It costs €20 a month."),
        ("Pesa 10 libras.", "es", "It weighs 10 pounds."),  # a pound of weight or sterling: either
        ("Hace 30 grados.", "es", "It is 30 degrees Celsius."),
        ("Ganó 3 millones de libras esterlinas.", "es", "He won 3 million pounds."),
        ("El 5 de mayo.", "es", "On May 5."),  # a date, not a unit
        ("Hay 5 casas nuevas.", "es", "There are 5 new houses."),  # "new" names no currency alone
        ("Custa R$ 20.", "pt", "It costs 20 reais."),
        ("Il coûte 20 livres.", "fr", "It costs 20 pounds."),
        ("Cuesta 20 euros.", "es", "It costs 20 euros (about $22)."),  # a conversion beside it
        ("Cuesta 20 euros.", "es", "It costs 20."),  # the unit dropped: coverage's, not a changed unit
        ("Le fichier pèse 2 Mo.", "fr", "The file is 2 MB."),  # French writes "Mo" for megabytes
        ("Espere 30 segundos.", "es", "Wait 30 seconds."),
        # one sign written alike: Spanish CLDR data reads "$" as pesos, French as Canadian dollars
        ("Sólo se permite $sp o $15 en este código.", "es", "Only $sp or $15 are allowed in this code."),
    ],
)
def test_the_same_currency_or_unit_said_another_way_is_no_flag(
    source: str, source_lang: str, target: str
) -> None:
    assert messages(source, source_lang, target) == []


def test_names_come_from_cldr_with_regional_spellings_and_no_common_words() -> None:
    en, es = names("en"), names("es")
    assert {"kilometres", "kilometers", "km"} <= set(en) and "length-kilometer" in en["km"] & en["kilometres"]
    assert "EUR" in en["€"] and "GBP" in en["pounds"] and "mass-pound" in en["pounds"]
    assert "in" not in en and "m" not in en and "new" not in en  # a short form or a name word that is a word
    assert "mi" not in es and "ha" not in es and "libras" in es


@pytest.mark.requires_apertium
def test_a_swapped_currency_fails_the_gate_end_to_end(tmp_path: Path) -> None:
    """ "20 euros" / "20 dollars" and "5 kilómetros" / "5 miles" passed as ok: the numbers agree."""
    rows = [
        {"id": "c1", "source": "El billete cuesta 20 euros.", "translation": "The ticket costs 20 dollars."},
        {"id": "u1", "source": "La carretera mide 5 kilómetros.", "translation": "The road is 5 miles long."},
        {"id": "ok", "source": "El billete cuesta 20 €.", "translation": "The ticket costs €20."},
    ]
    (tmp_path / "p.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    args = ("--engine", "apertium", "--no-cache", "--no-semantic", "-f", "json", "-o", "r.json")
    r = run_cli("check", "p.jsonl", "-s", "es", "-l", "en", *args, cwd=tmp_path)
    assert r.code == 1, r.stderr
    segs = json.loads((tmp_path / "r.json").read_text("utf-8"))["segments"]
    assert [
        (s["id"], s["verdict"], [f["check"] for f in s["flags"] if f["check"] == "units"]) for s in segs
    ] == [
        ("c1", "fail", ["units"]),
        ("u1", "fail", ["units"]),
        ("ok", "ok", []),
    ]


@pytest.mark.parametrize(
    ("source", "target"),
    [("Cuesta $15.", "Il coûte 15 $."), ("Sólo se permite $sp o $15.", "Seuls $sp ou $15 sont autorisés.")],
)
def test_one_sign_in_either_order_is_one_currency(source: str, target: str) -> None:
    """Spanish CLDR data (with its Mexican variant) reads "$" as pesos, French (Canadian) as
    Canadian dollars: the same sign on both sides is the same amount, wherever it stands."""
    assert messages(source, "es", target, "fr") == []
