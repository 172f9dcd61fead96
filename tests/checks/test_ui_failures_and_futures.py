"""UI strings between Romance languages (and out of English) that say one thing in two idioms,
against the errors beside them (sixteenth session: the catalogue benchmark's read fifths and QA
pass 13, on strings of their own). Real Apertium both ways; each correct pair here was flagged
before, each error passed or still fails:

- `tense`: a future in a relative clause ("que se usará", "que será removido", "qui ne seront
  pas") said with a participle or an infinitive ("utilizada", "a eliminar") is evidence
  (`minor`), either way, where neither side says something in the past the other does not; a
  past made a future ("se borró" / "será apagado") stays `major`. Between two Romance languages
  each side's own pasts are counted (there is no English side to read them in).
- `negation`: an error noun that opens a failure message ("Error al abrir", "errore
  nell'apertura", "Error de conexión") says what "no se pudo abrir" / "non riuscita" says; the
  nouns and verbs of failing ("fracasada") and of absence ("assente") negate without a negator;
  Italian "finché non" and Spanish "hasta que no" are "until", and a French "ne" after "avant
  que" with a long subject is expletive. A failure made a success ("Falha ao enviar" / "se
  envió"), with no negator on either side, is `major` where the engine keeps the failure on one
  side and nothing negative (no error noun either) on the other.
- `names`: an acronym is spelt out in the reverse word order a Romance language uses ("máquina
  virtual" for VM, "points de distribution" for DP); an international acronym (HTTP, VPN) swapped
  for another is a lost and an added name, not an `info` note on two acronyms of two languages.
- `negation`: in a text of a few words, the back-translation may flip another word than the
  copy's ("Unknown user" / "Usuario conocido": "known" and "conocido" are no cognates).
- `negation` (seventeenth session): "sin errores", "senza problemi" say a success, so a failure
  made one ("Falha ao enviar" / "enviado sin errores") is the failure rule's; a label's Portuguese or
  Spanish "salvo" that ends its clause is "saved", not "except" ("Arquivo salvo." / "Error al
  guardar el archivo.").
- `length`: a label's coordination the copy leaves out ("Guardar y cerrar" / "Salvar") is
  `major`, though a ratio of lengths is not read below 20 letters.
"""

from __future__ import annotations

import pytest

from .helpers import assert_through_apertium

pytestmark = pytest.mark.requires_apertium

CASES = [
    # (check, source language, copy language, source, copy, the severities it raises)
    (
        "tense",
        "es",
        "pt",
        "Nombre de la tipografía predeterminada que se usará para leer documentos.",
        "Nome da letra predefinida utilizada para ler documentos.",
        ["minor"],
    ),
    (
        "tense",
        "pt",
        "es",
        "Insira o número do componente que será removido:",
        "Por favor, introduzca el número del componente a eliminar:",
        ["minor"],
    ),
    (
        "tense",
        "es",
        "pt",
        "Por favor, introduzca el número del componente a eliminar:",
        "Insira o número do componente que será removido:",
        ["minor"],
    ),
    (
        "tense",
        "it",
        "es",
        "Testo visualizzato nella barra di avanzamento",
        "Texto que se mostrará en la barra de progreso",
        ["minor"],
    ),
    ("tense", "en", "es", "Component to remove", "Componente que se eliminará", ["minor"]),
    ("tense", "es", "pt", "El archivo que se borró ayer.", "O ficheiro que será apagado amanhã.", ["major"]),
    ("tense", "es", "pt", "El archivo se guardará.", "O ficheiro foi guardado.", ["major"]),
    (
        "tense",
        "es",
        "it",
        "El archivo se guardó correctamente.",
        "Il file verrà salvato correttamente.",
        ["major"],
    ),
    (
        "negation",
        "es",
        "it",
        "Error al consultar la cadena de versión: %s",
        "Interrogazione della stringa di versione non riuscita: %s",
        ["minor"],
    ),
    ("negation", "pt", "es", "Não foi possível abrir o arquivo.", "Error al abrir el archivo.", ["minor"]),
    (
        "negation",
        "es",
        "fr",
        "No se pudo leer el archivo.",
        "Erreur lors de la lecture du fichier.",
        ["minor"],
    ),
    (
        "negation",
        "it",
        "es",
        'conversione della tabella "%s" in vista fallita perché ha dei trigger',
        "no se pudo convertir la tabla «%s» en vista porque tiene triggers",
        ["minor"],
    ),
    ("negation", "es", "it", "Ninguno en main().", "Assente in main().", ["minor"]),
    ("negation", "es", "pt", "El error no se corrigió.", "O erro foi corrigido.", ["critical"]),
    (
        "negation",
        "es",
        "it",
        "Retener el trabajo hasta que se libere explícitamente",
        "Trattenere il lavoro finché non è esplicitamente rilasciato",
        [],
    ),
    (
        "negation",
        "es",
        "it",
        "No cierre la ventana hasta que termine la descarga.",
        "Chiudi la finestra finché non termina lo scaricamento.",
        ["critical"],
    ),
    (
        "negation",
        "es",
        "fr",
        "Cuántos milisegundos esperar antes de que las teclas de movimiento del ratón empiecen a funcionar.",
        "Combien de millisecondes à patienter avant que les touches de déplacement de la souris ne commencent "
        "à fonctionner.",
        [],
    ),
    ("negation", "pt", "es", "Falha ao enviar o e-mail.", "El correo se envió correctamente.", ["major"]),
    ("negation", "fr", "es", "Échec de la connexion.", "Conexión establecida.", ["major"]),
    ("negation", "es", "it", "Error al guardar.", "Salvataggio completato.", ["major"]),
    ("negation", "fr", "es", "Échec de la connexion.", "Error de conexión.", []),
    # an error noun anywhere on the other side names the failure too
    ("negation", "es", "it", "error recuperando '%s': %s", "errore durante il recupero di '%s': %s", []),
    (
        "negation",
        "fr",
        "es",
        "Erreur pendant l'écriture du fichier « %s »",
        'hubo un error al escribir el fichero "%s"',
        [],
    ),
    ("negation", "pt", "es", "Falha ao enviar o e-mail.", "Error al enviar el correo.", []),
    ("negation", "es", "pt", "El archivo se guardó sin errores.", "O ficheiro foi guardado.", []),
    (
        "names",
        "it",
        "es",
        "Autenticazione richiesta per importare un'immagine VM o un container",
        "Necesita autenticarse para importar una imagen de máquina virtual o de contenedor",
        [],
    ),
    (
        "names",
        "es",
        "fr",
        "ha fallado crl_fetch via DP: %s",
        "échec de crl_fetch par points de distribution : %s",
        [],
    ),
    ("names", "es", "pt", "Reinicie la VM.", "Reinicie o servidor.", ["critical"]),
    # an international acronym swapped for another is no acronym of another language
    ("names", "es", "fr", "Se usa HTTP.", "On utilise FTP.", ["critical", "major"]),
    ("names", "pt", "es", "Conecte-se à VPN.", "Conéctese a la VM.", ["critical", "major"]),
    ("names", "es", "fr", "Se usa HTTP.", "On utilise HTTP.", []),
    (  # an English word in capitals is a term a translator renders: one name the engine cannot confirm
        "names",
        "es",
        "pt",
        "Es necesario especificar un formato de NEWS para escribir la salida.",
        "Tem de especificar um ficheiro de NOTÍCIAS para gravar a saída.",
        ["info"],
    ),
    # a short text's opposite by prefix where the back-translation flips another word of it
    ("negation", "en", "es", "Unknown user.", "Usuario conocido.", ["critical"]),
    ("negation", "en", "es", "Unknown user.", "Usuario desconocido.", []),
    # a read-only review of the first version (each passed or was flagged wrongly by it):
    # an error noun both sides write explains no negator of the message's other clause
    (
        "negation",
        "es",
        "pt",
        "Error al guardar: el archivo no existe.",
        "Erro ao salvar: o arquivo existe.",
        ["critical"],
    ),
    (
        "negation",
        "es",
        "it",
        "Error de red: el servidor no responde.",
        "Errore di rete: il server risponde.",
        ["critical"],
    ),
    # a future made a past the copy's language writes in a form its patterns miss: the engine's reading
    ("tense", "es", "it", "La tienda abrirá el lunes.", "Il negozio aprì lunedì.", ["major"]),
    ("tense", "es", "pt", "La tienda abrirá el lunes.", "A loja abria na segunda-feira.", ["major"]),
    ("tense", "es", "pt", "El programa abrirá el archivo.", "O programa abria o arquivo.", ["major"]),
    ("tense", "es", "fr", "El archivo será eliminado.", "Le fichier fut supprimé.", ["major"]),
    # "finché non ... più" is "until ... no longer": a negation
    (
        "negation",
        "it",
        "es",
        "Attendi finché non compare più il messaggio.",
        "Espera hasta que el mensaje ya no aparezca.",
        [],
    ),
    # a fault named by a word of failure is no failed act
    ("negation", "pt", "es", "Falha de segurança", "Vulnerabilidad de seguridad", []),
    (
        "negation",
        "es",
        "pt",
        "Fallo del Tribunal Supremo sobre la ley",
        "Sentença do Supremo Tribunal sobre a lei",
        [],
    ),
    ("negation", "es", "it", "¡Error al guardar!", "Salvataggio completato", ["major"]),
    # "que" of reported speech opens no relative clause
    (
        "tense",
        "es",
        "it",
        "El sistema comprueba que el disco funciona.",
        "Il sistema verifica che il disco funzionerà.",
        ["major"],
    ),
    (
        "tense",
        "es",
        "pt",
        "El técnico dice que el servidor se reinicia.",
        "O técnico diz que o servidor será reiniciado.",
        ["major"],
    ),
    # a two-letter acronym is not spelt out by "para iniciar"
    (
        "names",
        "es",
        "pt",
        "Escriba la IP para iniciar sesión",
        "Digite o endereço para iniciar sessão",
        ["critical"],
    ),
    # "é" is no "e"; a sign or initials join the parts
    ("length", "es", "pt", "El texto es largo y confuso", "O texto é longo", ["major"]),
    ("length", "es", "pt", "Sí o no", "S/N", []),
    ("length", "es", "fr", "Preguntas y respuestas", "FAQ", []),
    # a coordination the copy drops (QA pass 13: these passed as ok)
    ("length", "es", "pt", "Guardar y cerrar", "Salvar", ["major"]),
    ("length", "fr", "es", "Redémarrer maintenant ou plus tard", "Reiniciar ahora", ["major"]),
    ("length", "es", "pt", "Guardar y cerrar", "Salvar e fechar", []),
    # seventeenth session: a success said "without errors" is no negative word, nor a label's "salvo"
    ("negation", "pt", "es", "Falha ao enviar o e-mail.", "Correo enviado sin errores.", ["major"]),
    ("negation", "pt", "es", "Erro ao salvar o arquivo.", "Archivo guardado sin errores.", ["major"]),
    ("negation", "it", "es", "Impossibile salvare il file.", "Archivo guardado sin problemas.", ["major"]),
    ("negation", "pt", "es", "Arquivo salvo.", "Error al guardar el archivo.", ["major"]),
    ("negation", "pt", "es", "E-mail enviado sem erros.", "Correo enviado sin errores.", []),
    ("negation", "pt", "es", "Arquivo salvo com sucesso.", "Archivo guardado correctamente.", []),
    (
        "negation",
        "es",
        "pt",
        "Todos los archivos salvo los ocultos",
        "Todos os ficheiros exceto os ocultos",
        [],
    ),
    (
        "negation",
        "pt",
        "es",
        "Entrada proibida, salvo com autorização.",
        "No se puede entrar sin autorización.",
        ["minor"],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{c[1]}{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_one_meaning_in_two_idioms(case: tuple[str, str, str, str, str, list[str]]) -> None:
    assert_through_apertium(*case)
