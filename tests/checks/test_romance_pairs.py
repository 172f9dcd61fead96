"""Copy between two Romance languages through Apertium's direct pairs (Spanish source; Portuguese,
Italian and French copy), as two human translations of one English string say the same thing
(the Debian catalogues joined on their msgid, a yardstick measured in the twelfth session):

- `negation`: an "or not" that closes an alternative a "whether" word opened in its clause
  ("Se esta etiqueta afeta ou não a largura") negates nothing, wherever it stands;
- `negation`: each language's verb "to fail" ("falhou", "fallita", "échoue") says what "no se
  pudo" says, as English "failed" did: evidence (`minor`), not a dropped negation.

Each correct pair here was flagged before; the errors beside them still are.
"""

from __future__ import annotations

import pytest

from pipeline.checks import CheckInput

from .helpers import assert_severities, through

pytestmark = pytest.mark.requires_apertium

ROUTES = {"pt": ("es-pt", "pt-es"), "it": ("spa-ita", "ita-spa"), "fr": ("es-fr", "fr-es")}

CASES = [
    # (check, copy language, Spanish source, copy, the severities it raises)
    (
        "negation",
        "pt",
        "Indica si esta etiqueta afecta al ancho",
        "Se esta etiqueta afeta ou não a largura",
        [],
    ),
    ("negation", "pt", "Esta etiqueta afecta al ancho", "Esta etiqueta não afeta a largura", ["critical"]),
    ("negation", "pt", "No se pudo montar el disco", "Falhou ao montar o disco", ["minor"]),
    ("negation", "it", "No se pudo abrir el archivo", "Apertura del file fallita", ["minor"]),
    ("negation", "pt", "Se pudo montar el disco", "Não foi possível montar o disco", ["critical"]),
]


@pytest.fixture(scope="module")
def views() -> list[tuple[str, str]]:
    return [
        (through(source, ROUTES[lang][0]), through(copy, ROUTES[lang][1]))
        for _, lang, source, copy, _ in CASES
    ]


@pytest.mark.parametrize("i", range(len(CASES)), ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_spanish_copy_into_romance_languages(views: list[tuple[str, str]], i: int) -> None:
    check, lang, source, copy, expected = CASES[i]
    forward, back = views[i]
    assert_severities(check, CheckInput(source, "es", copy, lang, forward=forward, back=back), expected)
