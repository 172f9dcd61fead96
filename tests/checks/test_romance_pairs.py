"""Copy between two Romance languages through Apertium's direct pairs (Spanish source; Portuguese,
Italian and French copy; and Italian into Spanish), as two human translations of one English
string say the same thing (the Debian catalogues joined on their msgid, a yardstick measured in the
twelfth session):

- `negation`: an "or not" that closes an alternative a "whether" word opened in its clause
  ("Se esta etiqueta afeta ou não a largura") negates nothing, wherever it stands;
- `negation`: each language's verb "to fail" ("falhou", "fallita", "échoue") says what "no se
  pudo" says, as English "failed" did: evidence (`minor`), not a dropped negation;
- `negation`: "cannot" said with an adjective of impossibility ("Impossível analisar", "Impossibile
  chiudere", "Impossible de créer", "Incapaz de verificar" for "No se puede ...") is no difference
  (thirteenth session); an "imposible" both sides write explains nothing;
- `negation`: French "ne" after a negative word of its clause ("Aucune stratégie n'a") negates
  once, as "Ninguna estrategia" does; a "ne" of another clause still counts; the expletive "ne"
  of "avant que", "à moins que", "de peur que", "sans que", verbs of fearing or preventing and
  comparisons negates nothing;
- `tense`: the future of "ir" before an infinitive ("irá caducar" for "caducará") is a future;
  a modal's future says what the modal says in another Romance language too ("deverão ter" /
  "deben tener"), as it did against English;
- `untranslated`: a copy identical to its source is no untranslated copy where the engine's own
  translation keeps every word and each is a word of the copy's language ("número hexadecimal
  inválido" is Spanish and Portuguese; "cifrando", which the engine does not know, is none);
- `names`: an opening word two close languages share and the engine keeps ("Bloquear" /
  "Trancar") is no name unless it travels into English as names do ("Juan", "Andrés", "Álvaro"
  still are); nor is a rare opening word the other language writes alike and English hardly
  knows ("Temporizador"), unless the other side opens with a name ("Brais" / "Hugo"); nor a
  capitalised label inside a sentence, for a label on the other side ("Guardar" / "Salvar"); a
  name before a clitic pronoun or an apposition ("Juan la guardó", "Carlos el administrador")
  still is one.

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
    ("negation", "pt", "No se puede examinar el fichero", "Impossível analisar o ficheiro", []),
    ("negation", "it", "No se puede cerrar el flujo", "Impossibile chiudere il flusso", []),
    ("negation", "fr", "No se puede crear el enlace", "Impossible de créer le lien", []),
    ("negation", "pt", "No se pudo comprobar el fichero", "Incapaz de verificar o ficheiro", []),
    # "salvo" is "saved" after a form of "ser" ("foi salvo"), no "except" that says the negation
    # (QA pass 11: the dropped "no" passed as a minor note)
    ("negation", "pt", "El archivo no se ha guardado.", "O arquivo foi salvo.", ["major"]),
    ("negation", "pt", "El archivo se ha guardado.", "O arquivo foi salvo.", []),
    ("negation", "pt", "No es imposible abrir el fichero", "É impossível abrir o ficheiro", ["minor"]),
    ("negation", "pt", "Imposible abrir el archivo.", "Não foi possível abrir o arquivo.", []),
    (
        "negation",
        "fr",
        "Ninguna estrategia de fusión manejó la fusión.",
        "Aucune stratégie de fusion n'a pris en charge la fusion.",
        [],
    ),
    ("negation", "fr", "Dice que no vendrá.", "Il ne dit pas qu'il ne viendra pas.", ["major"]),
    ("negation", "fr", "Salga antes de que llegue.", "Partez avant qu'il n'arrive.", []),
    ("negation", "fr", "Salga antes de que llegue.", "Partez avant qu'il n'arrive pas.", ["major"]),
    ("negation", "fr", "Evite que el archivo se pierda.", "Évitez que le fichier ne soit perdu.", []),
    (
        "negation",
        "fr",
        "Evite que el archivo se pierda.",
        "Évitez que le fichier ne soit pas perdu.",
        ["critical"],
    ),
    ("negation", "fr", "Ningún problema si viene", "Aucun problème si vous ne venez pas", ["major"]),
    (
        "negation",
        "fr",
        "El campo es más largo que el nombre y puede estar vacío",
        "Le champ est plus long que le nom et ne peut être vide",
        ["critical"],
    ),
    ("tense", "pt", "Su contraseña caducará hoy.", "A sua palavra-passe irá caducar hoje.", []),
    ("tense", "pt", "Su contraseña caduca hoy.", "A sua palavra-passe irá caducar hoje.", ["major"]),
    (
        "tense",
        "pt",
        "Indica si las etiquetas deben tener mnemónicos",
        "Se as etiquetas deverão ter mnemónicas",
        [],
    ),
    (
        "tense",
        "pt",
        "Indica si las etiquetas tienen mnemónicos",
        "Se as etiquetas terão mnemónicas",
        ["major"],
    ),
    (
        "tense",
        "pt",
        "Deberá guardar el archivo",
        "Devia guardar o ficheiro",
        ["major"],
    ),  # a past, no modal form
    ("untranslated", "pt", "número hexadecimal inválido", "número hexadecimal inválido", []),
    ("untranslated", "pt", "Error al abrir el archivo", "Error al abrir el archivo", ["critical"]),
    (
        "untranslated",
        "pt",
        "cifrando respaldo",
        "cifrando respaldo",
        ["critical"],
    ),  # kept unknown: no Portuguese
    ("names", "pt", "Bloquear", "Trancar", []),
    ("names", "pt", "Juan vive en Madrid", "Pedro vive em Madrid", ["critical", "major"]),
    ("names", "pt", "Temporizador", "Alarme", []),
    ("names", "pt", "Haga clic en Guardar para continuar.", "Clique em Salvar para continuar.", []),
    (
        "names",
        "pt",
        "El informe lo firmó Guerra ayer.",
        "O relatório foi assinado por Costa ontem.",
        ["critical"],
    ),
    ("names", "pt", "Kowalski vive en Madrid", "Gonçalves vive em Madrid", ["critical", "major"]),
    ("names", "pt", "Andrés abrió el archivo", "Álvaro abriu o ficheiro", ["critical", "major"]),
    ("names", "fr", "Brais vendrá mañana", "Hugo viendra demain", ["critical", "major"]),
    # a name before a clitic pronoun or an apposition is still a name (QA pass 11: reading an opening
    # word before an article as a verb, "Guarde el archivo", let these swaps pass; reverted)
    ("names", "pt", "Juan la guardó ayer.", "Pedro a guardou ontem.", ["critical", "major"]),
    (
        "names",
        "pt",
        "Carlos el administrador cambió la clave.",
        "Paulo o administrador mudou a senha.",
        ["critical", "major"],
    ),
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


# Copy into Spanish from the other Romance languages: the engine's Spanish for the source's verb
# "to fail" ("fallita" -> "fallada", the participle of "fallar") says what the copy's "no se pudo"
# says, as "fallida" did: evidence (`minor`), not an added negation.
INTO_SPANISH = {"it": ("ita-spa", "spa-ita")}
CASES_INTO_SPANISH = [
    (
        "negation",
        "it",
        "chiusura del file temporaneo fallita",
        "no se pudo cerrar el archivo temporal",
        ["minor"],
    ),
    (
        "negation",
        "it",
        "il processo ha completato l'acquisizione del blocco",
        "el proceso no pudo adquirir el bloqueo",
        ["critical"],
    ),
]


@pytest.mark.parametrize(
    "case", CASES_INTO_SPANISH, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES_INTO_SPANISH)]
)
def test_romance_copy_into_spanish(case: tuple[str, str, str, str, list[str]]) -> None:
    check, lang, source, copy, expected = case
    forward, back = through(source, INTO_SPANISH[lang][0]), through(copy, INTO_SPANISH[lang][1])
    assert_severities(check, CheckInput(source, lang, copy, "es", forward=forward, back=back), expected)
