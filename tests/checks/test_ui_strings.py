"""User-interface strings, English into Spanish through real Apertium, as a PO file holds them
(benchmarks/ui_catalogs.py measures the same on the catalogues a Debian machine ships): code a
string quotes or writes as code stays as written, a label names its program, a name or title kept
whole is no untranslated copy, and English that negates by its affix ("Unable to", "invalid") is
said with a Spanish "no". Each was flagged before; the errors beside them still are."""

from __future__ import annotations

import pytest

from pipeline.checks import CheckInput

from .helpers import apertium, run

pytestmark = pytest.mark.requires_apertium

CASES = [
    # (check, source, translation, the severities it raises)
    (
        "untranslated",
        "selecting default max_connections ...",
        "seleccionando el valor para max_connections ...",
        [],
    ),
    ("untranslated", "The `height` property must be set", "La propiedad `height` debe estar definida", []),
    (
        "untranslated",
        "Cannot allocate memory for TGA context struct",
        "No se puede asignar memoria para la estructura «context» de TGA",
        [],
    ),
    (
        "untranslated",
        "sleep: missing required numeric argument",
        "sleep: falta un argumento numérico requerido",
        [],
    ),
    ("untranslated", "Adjust the level (low|medium|high)", "Ajusta el nivel (low|medium|high)", []),
    ("untranslated", "Colin Plumb", "Colin Plumb", []),
    ("untranslated", "-O --optimize", "-O --optimize", []),
    # still untranslated: an English word left in running text, a copy of a sentence
    ("untranslated", "The old files were removed", "Los old files fueron eliminados", ["critical"]),
    ("untranslated", "Remove the old files", "Remove the old files", ["critical"]),
    # a quotation of more than three words is speech: translated
    ("untranslated", 'He said "we will not give up"', 'Dijo "we will not give up"', ["critical"]),
    ("negation", "Unable to load the file", "No se pudo cargar el archivo", ["minor"]),
    (
        "negation",
        "invalid password packet size",
        "el tamaño del paquete de contraseña no es válido",
        ["minor"],
    ),
    ("negation", "Load the file", "No cargue el archivo", ["major"]),
]


@pytest.fixture(scope="module")
def views() -> list[tuple[str, str]]:
    forward = apertium([c[1] for c in CASES], "eng-spa")
    back = apertium([c[2] for c in CASES], "spa-eng")
    return list(zip(forward, back, strict=True))


@pytest.mark.parametrize("i", range(len(CASES)), ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_ui_strings_withapertium(views: list[tuple[str, str]], i: int) -> None:
    check, source, copy, expected = CASES[i]
    forward, back = views[i]
    flags = run(check, CheckInput(source, "en", copy, "es", forward=forward, back=back))
    assert [f.severity for f in flags] == expected, (forward, back, flags)
