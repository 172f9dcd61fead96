"""Opposites in short UI strings between Romance languages (seventeenth session, QA pass 13's
leftovers). Real Apertium both ways; each error here passed before:

- `antonyms` knows the opposites of a user interface's actions, places and limits: show/hide
  ("Mostrar" / "Ocultar", "Nascondi" / "Mostrar"), next/previous ("Siguiente" / "Anterior"),
  greater/lesser ("Mayor que" / "Menor que") and at least/at most ("al menos" / "no máximo"; the
  engine's "a lo sumo" is read as "lo sumo").

- Spanish and Portuguese write the negating "in-" as "i-" before an "l" ("ilimitado",
  "ilegível"): "Almacenamiento ilimitado" / "Armazenamento limitado" is an opposite. A word that
  only begins with "il" ("ilustración") is none.
- In a text of a few words the engine may say the copy's plain word with another verb
  ("Desconectar" -> "Desligar", "Conectar" -> "Ligar"): where the source's view flips on one word
  ("Conectar" / back-translated "Desconectar") and the copy's view leans the same way (only the
  engine's side, or only the copy, has a word negated by a prefix: "Desligar", five letters after
  "des", counts where it only confirms, either way round), the opposite is caught. Correct pairs
  that take the engine's other verb pass. Only after a prefix of three letters: "in-forma",
  "im-porta" are words of their own.
- QA pass 14's false fails: Spanish "Ver" and "Ve" are verbs, not the roman numeral V with a
  French ordinal ending (`numbers`: "Ier", "Ve" only in French, "er" only after I); a Spanish label
  Portuguese writes alike ("Ocultar barra lateral") is no untranslated copy where the word the
  engine renders otherwise is Portuguese as much as Spanish and the engine's word a slip ("barra",
  Apertium's "varra"); a false friend the engine renders with a word of the copy's language
  ("pegar", the engine's "colar") is still untranslated.
"""

from __future__ import annotations

import pytest

from .helpers import assert_through_apertium

pytestmark = pytest.mark.requires_apertium

CASES = [
    # (check, source language, copy language, source, copy, the severities it raises)
    ("negation", "es", "pt", "Almacenamiento ilimitado", "Armazenamento limitado", ["critical"]),
    ("negation", "es", "pt", "Acceso limitado", "Acesso ilimitado", ["critical"]),
    ("negation", "pt", "es", "Armazenamento ilimitado", "Almacenamiento limitado", ["critical"]),
    ("negation", "es", "pt", "Usuarios ilimitados", "Usuários ilimitados", []),
    ("negation", "es", "pt", "Un resultado lógico", "Um resultado ilógico", ["critical"]),
    ("negation", "pt", "es", "Um filho ilegítimo", "Un hijo legítimo", ["critical"]),
    ("negation", "es", "pt", "Ilustración de portada", "Ilustração da capa", []),
    ("negation", "es", "pt", "Desconectar", "Conectar", ["critical"]),
    ("negation", "es", "pt", "Conectar", "Desconectar", ["critical"]),
    ("negation", "es", "pt", "Desconectar del servidor", "Conectar ao servidor", ["critical"]),
    ("negation", "es", "pt", "Desconectar", "Desligar", []),
    ("negation", "es", "pt", "Conectar", "Ligar", []),
    ("negation", "es", "pt", "Desconectar del servidor", "Desligar do servidor", []),
    ("negation", "es", "pt", "Conectar al servidor", "Ligar ao servidor", []),
    ("negation", "pt", "es", "Desligar", "Desconectar", []),
    ("antonyms", "es", "pt", "Mostrar archivos ocultos", "Ocultar arquivos ocultos", ["critical"]),
    ("antonyms", "es", "pt", "Mostrar archivos ocultos", "Mostrar arquivos ocultos", []),
    ("antonyms", "es", "pt", "Siguiente", "Anterior", ["critical"]),
    ("antonyms", "es", "pt", "Página siguiente", "Próxima página", []),
    ("antonyms", "es", "pt", "Mayor que", "Menor que", ["critical"]),
    ("antonyms", "es", "pt", "Mayor que", "Maior que", []),
    (
        "antonyms",
        "es",
        "pt",
        "Introduzca al menos 8 caracteres.",
        "Introduza no máximo 8 caracteres.",
        ["critical"],
    ),
    ("antonyms", "es", "pt", "Introduzca al menos 8 caracteres.", "Introduza pelo menos 8 caracteres.", []),
    ("antonyms", "es", "it", "Mostrar detalles", "Nascondi dettagli", ["critical"]),
    ("antonyms", "es", "it", "Mostrar detalles", "Mostra dettagli", []),
    ("antonyms", "it", "es", "Nascondi la barra laterale", "Mostrar la barra lateral", ["critical"]),
    ("antonyms", "fr", "es", "Page précédente", "Página siguiente", ["critical"]),
    ("antonyms", "fr", "es", "Page précédente", "Página anterior", []),
    ("antonyms", "pt", "es", "Mostrar menos", "Mostrar más", ["critical"]),
    # QA pass 14 (its own strings): other forms and phrasings of the same opposites
    ("antonyms", "es", "fr", "Mostrar", "Masquer", ["critical"]),
    ("antonyms", "fr", "es", "Masquer le mot de passe", "Mostrar la contraseña", ["critical"]),
    ("antonyms", "es", "it", "Al menos un carácter", "Al massimo un carattere", ["critical"]),
    ("antonyms", "fr", "es", "Au moins un chiffre", "Como máximo un número", ["critical"]),
    ("antonyms", "fr", "es", "Au moins un chiffre", "Al menos un número", []),
    ("negation", "es", "it", "Activar", "Attiva", []),
    ("negation", "pt", "es", "Ligar o Wi-Fi", "Desconectar el Wi-Fi", ["critical"]),
    ("negation", "pt", "es", "Ligar o Wi-Fi", "Conectar el Wi-Fi", []),
    ("negation", "pt", "es", "Conectar", "Desconectar", ["critical"]),
    ("untranslated", "es", "pt", "Ocultar barra lateral", "Ocultar barra lateral", []),
    ("untranslated", "es", "pt", "Uso de memoria", "Uso de memoria", ["critical"]),
    ("numbers", "es", "it", "Ver detalles", "Visualizza dettagli", []),
    ("numbers", "es", "fr", "Ve a la página siguiente", "Allez à la page suivante", []),
    # the review's finds: a verb and a noun or adjective of one stem are no prefix flip, a
    # two-letter prefix's short rest confirms nothing, two opposites said together keep the meaning
    ("negation", "es", "pt", "Informar anónimamente", "Relatar de forma anônima", []),
    ("negation", "es", "pt", "Desactivar los filtros aplicados", "Desativar os filtros ativos", []),
    ("negation", "es", "pt", "Descubrir lo que incluye el seguro", "Saber o que o seguro cobre", []),
    ("antonyms", "es", "pt", "Apto para mayores de 18 años", "Proibido para menores de 18 anos", ["minor"]),
    ("untranslated", "es", "pt", "Toque para pegar texto", "Toque para pegar texto", ["critical"]),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{c[1]}{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_an_opposite_by_prefix(case: tuple[str, str, str, str, str, list[str]]) -> None:
    assert_through_apertium(*case)
