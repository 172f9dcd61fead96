"""Copy between two Romance languages through Apertium's direct pairs, in both directions, as two
human translations of one English string say the same thing (the Debian catalogues joined on
their msgid, `benchmarks/ui_catalogs.py --from es --lang pt`; fifteenth session). Each correct pair
here was flagged before; the errors beside them still are:

- `negation`: a word negated by a prefix is read with its accents ("inválidos": "válidos" is a
  common Portuguese word, "validos" a rare one), so "dados inválidos" says what "datos no válidos"
  says (evidence, `minor`); a noun of action made from a verb ("información", "impressão") has
  the verb's "in", not a negating one, and explains no dropped negation; "ni ..., ni" and
  "nem ..., nem" coordinate one negation across a comma (it counted two);
- `untranslated`: a capital letter inside a sentence is a symbol ("para Y"), not the word it
  spells ("y" = and); a copy that respells the source's words with its own accents ("Altai,
  meridional") is no copy of the source; an identical copy whose every word the copy's language
  writes as often ("complemento a 2, big endian") is its own;
- `fluency` and `truncated`: an acronym ("DOS") is no dangling article; a preposition before a
  label's colon the source writes too ("a: %s" / "para: %s"), and a word the engine's whole
  translation ends on too (the pronoun "um" of "Considere adicionar um."), are no marks of a
  dropped word;
- `names`: between two languages neither of which is English, a capitalised word of English's
  lexicon is a term of the software one translator keeps and the other renders ("Release" /
  "Publicación", "STRING" / "CADEIA", "Trigger"): evidence (`minor`), not a lost name (`critical`)
  or an added one (`major`); names stay names ("Juan" / "Pedro").
"""

from __future__ import annotations

import pytest

from pipeline.checks import CheckInput

from .helpers import assert_severities, through

pytestmark = pytest.mark.requires_apertium

ROUTES = {  # (source language, copy language) -> (forward pair, back pair)
    ("es", "pt"): ("es-pt", "pt-es"),
    ("pt", "es"): ("pt-es", "es-pt"),
    ("es", "it"): ("spa-ita", "ita-spa"),
    ("fr", "es"): ("fr-es", "es-fr"),
    ("it", "es"): ("ita-spa", "spa-ita"),
    ("es", "fr"): ("es-fr", "fr-es"),
}

CASES = [
    # (check, source language, copy language, source, copy, the severities it raises)
    (
        "negation",
        "es",
        "pt",
        "GCredentials contiene datos no válidos",
        "GCredentials contém dados inválidos",
        ["minor"],
    ),
    ("negation", "pt", "es", "A informação não foi encontrada", "Se encontró la información", ["critical"]),
    ("negation", "es", "pt", "No se encontró la impresora", "A impressora foi encontrada", ["critical"]),
    (
        "negation",
        "es",
        "pt",
        "%s: %s no es ni un directorio ni un enlace simbólico.",
        "%s: %s não é nem um directório, nem um symlink.",
        [],
    ),
    ("negation", "fr", "es", "Ce n'est ni un fichier, ni un lien.", "No es ni un archivo ni un enlace.", []),
    (
        "negation",
        "es",
        "pt",
        "Ni el archivo ni la carpeta existen, y no hay copia.",
        "Nem o arquivo, nem a pasta existem, e há cópia.",
        ["critical"],
    ),
    ("untranslated", "es", "pt", "Máximo valor posible para Y", "Valor máximo possível para Y", []),
    ("untranslated", "es", "pt", "Y luego guarde el archivo", "Y luego guarde el archivo", ["critical"]),
    ("untranslated", "es", "it", "complemento a 2, big endian", "complemento a 2, big endian", []),
    ("untranslated", "fr", "es", "altaï méridional", "Altai, meridional", []),
    ("fluency", "es", "pt", "Ruso (DOS)", "Russo (DOS)", []),
    ("fluency", "es", "pt", "desviado por %s a: %s", "desviado por %s para: %s", []),
    (
        "fluency",
        "es",
        "pt",
        "Mueva el archivo a la carpeta, luego ciérrelo",
        "Mova o arquivo para, depois feche-o",
        ["major"],
    ),
    ("fluency", "es", "pt", "Considere añadir uno.", "Considere adicionar um.", []),
    ("truncated", "es", "pt", "Considere añadir uno.", "Considere adicionar um.", []),
    ("truncated", "es", "pt", "Guarde el archivo en el disco", "Salve o arquivo no", ["major"]),
    (
        "names",
        "es",
        "pt",
        "--warc-header=STRING inserta STRING en registro warcinfo",
        "--warc-header=CADEIA insere CADEIA no registo warcinfo",
        ["minor"],
    ),
    (
        "names",
        "it",
        "es",
        'Il repository "%s" non ha un file Release.',
        "El repositorio «%s» no tiene un fichero de Publicación.",
        ["minor"],
    ),
    ("names", "es", "fr", "Commit síncrono", "Validation synchrone", ["minor"]),
    (
        "names",
        "es",
        "it",
        "Disparadores de usuario deshabilitados:",
        "Trigger utente disabilitati:",
        ["minor"],
    ),
    ("names", "es", "fr", "Juan abrió el archivo", "Pierre a ouvert le fichier", ["critical", "major"]),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{c[1]}{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_copy_between_romance_languages(case: tuple[str, str, str, str, str, list[str]]) -> None:
    check, src, tgt, source, copy, expected = case
    forward_pair, back_pair = ROUTES[(src, tgt)]
    forward, back = through(source, forward_pair), through(copy, back_pair)
    assert_severities(check, CheckInput(source, src, copy, tgt, forward=forward, back=back), expected)
