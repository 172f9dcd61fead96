"""User-interface strings, English into Spanish through real Apertium, as a PO file holds them
(benchmarks/ui_catalogs.py measures the same on the catalogues a Debian machine ships): code a
string quotes or writes as code (a usage synopsis' command) stays as written, a label names its
program, a name or title kept whole is no untranslated copy, English that negates by its affix
("Unable to", "invalid") is said with a Spanish "no", a label's first word is no name for its
capital, an acronym is found in the words the copy spells it out with ("table of contents" for
TOC), an opposite is one only where it stands, a label ends on its preposition ("one of:"), and
Spanish word order is judged through the back-translation's English. Each was flagged before;
the errors beside them still are."""

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
    # a usage synopsis opens with its command; a word the copy quotes is a literal it keeps
    ("untranslated", "git branch [<options>] [-r | -a]", "git branch [<opciones>] [-r | -a]", []),
    ("untranslated", "git revert <subcommand>", "git revert <subcomando>", []),
    ("untranslated", "add N to the niceness", "añade N al valor `nice'", []),
    ("untranslated", "remove the old files [if any]", "remove the old files [si los hay]", ["critical"]),
    ("untranslated", "add N to the niceness", "añade N al nice", ["critical"]),
    ("untranslated", "-O --optimize", "-O --optimize", []),
    # still untranslated: an English word left in running text, a copy of a sentence
    ("untranslated", "The old files were removed", "Los old files fueron eliminados", ["critical"]),
    ("untranslated", "Remove the old files", "Remove the old files", ["critical"]),
    # a quotation of more than three words is speech: translated
    ("untranslated", 'He said "we will not give up"', 'Dijo "we will not give up"', ["critical"]),
    # the source's affix negation (WordNet pairs "unable" / "able") is the copy's "no": no flag
    ("negation", "Unable to load the file", "No se pudo cargar el archivo", []),
    (
        "negation",
        "invalid password packet size",
        "el tamaño del paquete de contraseña no es válido",
        [],
    ),
    ("negation", "Invalid filename", "Nombre de archivo no válido", []),
    ("negation", "Load the file", "No cargue el archivo", ["major"]),
    # a strong prefix joined by a hyphen negates: "non-recursive" is "no recursivo"
    ("negation", "the non-recursive term", "el término no recursivo", []),
    ("negation", "the recursive term", "el término no recursivo", ["major"]),
    # a label's first word is capitalised as every first word is: a word the English lexicon knows,
    # or two it knows written as one, is no name the copy lost
    ("names", "Eraser pressure curve", "Curva de presión del borrador", []),
    ("names", "Popup", "Emergente", []),
    ("names", "Timestamp of current configuration", "Marca de tiempo de la configuración actual", []),
    ("names", "Titlebar middle-click action", "Acción del clic central en la barra de título", []),
    # an acronym the copy spells out: a connector inside the words may give its initial (T-O-C)
    ("names", "Show the TOC", "Mostrar la tabla de contenidos", []),
    ("names", "Show the TOC", "Mostrar la tabla", ["critical"]),
    # a name still is one: before a verb that agrees with it, or a word no lexicon knows
    ("names", "Krone says the plan failed", "Dice que el plan fracasó", ["critical"]),
    ("names", "Linker is a town in Ohio", "Es un pueblo de Ohio", ["critical"]),
    # an opposite in the engine's English view must stand where the source's word stands: "aviso"
    # (warning) comes back "Notice", first, where the source's "ignoring" came later
    (
        "antonyms",
        "warning: ignoring invalid -H number",
        "aviso: se hace caso omiso del número -H no válido",
        [],
    ),
    ("antonyms", "The army advanced at dawn", "El ejército retrocedió al amanecer", ["major"]),
    # a label ends on its preposition on both sides; code opens with a point
    ("fluency", "where the value is one of:", "donde el valor es uno de:", []),
    ("fluency", "Label required for .tag", "Se requiere una etiqueta para .tag", []),
    ("fluency", "The report of the committee was published.", "El informe de, fue publicado.", ["major"]),
    ("truncated", "Number in:", "Número en:", []),
    # an option the copy ends on is code, not a dangling "e" (Spanish "and")
    ("truncated", "Turning on the '-e' option.", "Se activa la opción '-e'.", []),
    (
        "truncated",
        "The price of the house rose sharply last year",
        "El precio de la casa subió mucho el",
        ["major"],
    ),
    # Spanish puts adjectives after the noun: the back-translation's order is English
    (
        "order",
        "text search parser method is required",
        "el método del analizador de búsqueda en texto es obligatorio",
        [],
    ),
    (
        "order",
        "C++ base class not found in container",
        "no se encuentra la clase base C++ en el contenedor",
        [],
    ),
    # five shared words are too few to tell a scramble from Spanish order (six are judged)
    (
        "order",
        "corrupted BRIN index: inconsistent range map",
        "índice BRIN corrompido: mapa de rango inconsistente",
        [],
    ),
    (
        "order",
        "The committee approved the new budget for the city on Monday morning",
        "lunes presupuesto el comité mañana nuevo aprobó ciudad el la para por",
        ["critical"],
    ),
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
