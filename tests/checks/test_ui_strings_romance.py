"""User-interface strings, English into French, Italian and Catalan through real Apertium (the
hops the pipeline takes: Catalan directly, French and Italian through Spanish), as the Debian
catalogues hold them (`benchmarks/ui_catalogs.py --lang fr|it|ca`). Each correct string here was
flagged before; the errors beside them still are:

- `dates`: a month written without its accents that is a word of its own ("marc" = frame, for
  "març") is that word unless a number stands beside it; a month abbreviation counts beside a day
  number of its own, not the "4" of "IPv4".
- `untranslated`: a word the source lacks that the engine translates back ("enter" = integer) is
  the copy's own; a word the engine's own translation keeps too, which the copy's language uses,
  is a loanword ("slab", "fetch": evidence, `minor`).
- `negation`: the copy's negating word its language's list lacks, read by the engine ("fallita" /
  "failed"); Catalan "des-conegut"; French "pas" without "ne" ("Pas d'aide"); English "un-" before a
  past participle ("unterminated") or "un-"/"non-" before a common word ("nonportable"), however
  rare the whole word.
- `names`: an opening word the other language's frequency list hardly knows is a word the engine
  did not know, not a name ("Recharger"); CLDR's currency names ("Icelandic Krona" / "couronne
  islandaise"); a transliteration that writes a letter Unicode does not decompose as its base
  letter ("Gədəbəy" / "Gadabay", `text.fold`).
- `tense`: an English status line ("Skipping package") may be told in the future.
"""

from __future__ import annotations

import pytest

from pipeline.checks import CheckInput

from .helpers import assert_severities, through

pytestmark = pytest.mark.requires_apertium

ROUTES = {  # language -> (forward hops from English, back hops into English)
    "ca": (("eng-cat",), ("cat-eng",)),
    "fr": (("eng-spa", "es-fr"), ("fr-es", "spa-eng")),
    "it": (("eng-spa", "spa-ita"), ("ita-spa", "spa-eng")),
}

CASES = [
    # (check, language, source, translation, the severities it raises)
    ("dates", "ca", "the main frame", "el marc principal", []),
    ("dates", "ca", "on 15 March 2020", "el 15 marc de 2020", []),
    ("dates", "ca", "on 15 March 2020", "el 15 de maig de 2020", ["critical"]),
    ("dates", "ca", "the IPv4 address of the server", "l'adreça IPv4 des del servidor", []),
    ("untranslated", "ca", "integer expected", "s'esperava un enter", []),
    ("untranslated", "ca", "The old files were removed", "Els old files es van eliminar", ["critical"]),
    ("untranslated", "fr", "the slab allocator", "l'allocateur slab", ["minor"]),
    ("untranslated", "fr", "run fetch first", "exécutez fetch d'abord", ["minor"]),
    ("untranslated", "ca", "the heads of the list", "els heads de la llista", ["critical"]),
    ("negation", "it", "could not redirect stdout", "redirezione di stdout fallita", ["minor"]),
    ("negation", "ca", "The user is not known", "L'usuari és desconegut", ["minor"]),
    # "cannot" said with "impossible" is no difference at all (test_romance_pairs.py)
    ("negation", "ca", "Cannot open the file", "Impossible obrir el fitxer", []),
    ("negation", "ca", "Cannot open the file", "Obre el fitxer", ["major"]),
    ("negation", "fr", "No help available for this command", "Pas d'aide disponible pour cette commande", []),
    ("negation", "fr", "One step forward", "Un pas en avant", []),  # the noun
    ("negation", "ca", "unterminated group name", "el nom de grup no està terminat", []),
    ("negation", "it", "unterminated group name", "nome del gruppo non terminato", []),
    ("negation", "ca", "nonportable character in file name", "caràcter no portable al nom del fitxer", []),
    ("negation", "ca", "terminated group name", "el nom de grup no està terminat", ["major"]),
    ("names", "fr", "Reload the page", "Recharger la page", []),
    ("names", "fr", "Icelandic Krona", "Couronne islandaise", []),
    ("names", "fr", "Icelandic Krona", "Couronne danoise", ["critical"]),
    ("names", "it", "Gədəbəy", "Gadabay", []),  # a Latin letter Unicode does not decompose (ə)
    ("names", "it", "Gədəbəy", "Ganja", ["critical", "major"]),
    ("tense", "ca", "skipping package", "s'ometrà el paquet", ["minor"]),
    ("tense", "ca", "the package was skipped", "s'ometrà el paquet", ["major"]),
]


@pytest.fixture(scope="module")
def views() -> list[tuple[str, str]]:
    out = []
    for _, lang, source, copy, _ in CASES:
        forward_hops, back_hops = ROUTES[lang]
        out.append((through(source, *forward_hops), through(copy, *back_hops)))
    return out


@pytest.mark.parametrize("i", range(len(CASES)), ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_ui_strings_in_romance_languages(views: list[tuple[str, str]], i: int) -> None:
    check, lang, source, copy, expected = CASES[i]
    forward, back = views[i]
    assert_severities(check, CheckInput(source, "en", copy, lang, forward=forward, back=back), expected)
