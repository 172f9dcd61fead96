"""Closed-class word lists per language (en, es, fr, de, it, pt), written from grammar books.

Only closed classes live here (negators, determiners, prepositions, question words,
scale words); open-class knowledge comes from libraries (text2num for number words,
babel for month and day names, wordfreq for word frequencies). All entries are folded
(lowercase, no accents) so they compare with `text.fold`.
"""

from __future__ import annotations

import re

from ..words import ARTICLES as ARTICLES  # shared with the report's word diff

# Negation. "primary" negators negate a clause; "concord" words are negative but, after a
# primary negator in the same clause, only reinforce it (es "no ... nada" = one negation).
NEG_PRIMARY: dict[str, frozenset[str]] = {
    "en": frozenset("not never no nobody nothing none neither nor nowhere cannot".split()),
    "es": frozenset("no nunca jamas nadie nada ningun ninguno ninguna ningunos ningunas ni tampoco".split()),
    "fr": frozenset("ne non".split()),
    "de": frozenset(
        "nicht nie niemals kein keine keinen keinem keiner keines nichts niemand nirgends weder".split()
    ),
    "it": frozenset("non mai nessuno nessuna nessun niente nulla neanche nemmeno neppure".split()),
    "pt": frozenset("nao nunca jamais ninguem nada nenhum nenhuma nem tampouco".split()),
    "ca": frozenset("no mai ningu cap res gens ni tampoc".split()),
    "eo": frozenset("ne neniu nenio neniam nenie nek".split()),  # no concord: "Neniu venis" negates once
}
NEG_CONCORD: dict[str, frozenset[str]] = {
    "en": frozenset("nor".split()),  # neither ... nor
    "es": frozenset("nunca jamas nadie nada ningun ninguno ninguna ningunos ningunas ni tampoco".split()),
    "fr": frozenset("pas jamais rien personne aucun aucune plus ni guere nulle nullement".split()),
    "de": frozenset("noch".split()),  # weder ... noch
    "it": frozenset("mai nessuno nessuna nessun niente nulla neanche nemmeno neppure".split()),
    "pt": frozenset("nunca jamais ninguem nada nenhum nenhuma nem tampouco".split()),
    "ca": frozenset("mai ningu cap res gens ni tampoc".split()),
}
# French negative words that negate on their own when no "ne" precedes them.
NEG_STANDALONE: dict[str, frozenset[str]] = {
    "fr": frozenset("jamais rien aucun aucune ni".split()),
}
# Fixed expressions that contain a negator but do not negate ("sin embargo" has none; listed
# for the negators themselves): the phrase is removed before counting. "a não ser" = "unless",
# "para não dizer" = "to say the least", "no matter" = "independentemente". One ending in " ,"
# counts before a punctuation mark, a conjunction or the end: "or not" closing an alternative
# ("whether true or not,", "quer se goste ou não e", "quer queira quer não)") negates nothing.
NEG_IDIOMS: dict[str, tuple[str, ...]] = {
    "en": ("no doubt", "not only", "no longer", "none the less", "nonetheless", "never the less",
           "no matter", "never mind", "whether or not", "or not ,"),
    "es": ("no obstante", "no solo", "no solamente", "nada mas", "ni siquiera", "a no ser",
           "por no decir", "no cabe duda", "o no ,"),
    "fr": ("non seulement", "ne ... que", "n'importe", "non plus", "a moins que", "pour ne pas dire",
           "ou non ,"),
    "de": ("nicht nur", "nichtsdestotrotz", "oder nicht ,"),
    "it": ("non solo", "nonostante", "non appena", "per non dire", "o no ,", "o meno ,"),
    "pt": ("nao so", "nao apenas", "nada mais", "a nao ser", "para nao dizer", "nao ha duvida",
           "ou nao ,", "quer nao ,"),
}  # fmt: skip
# Words that negate without a negator ("without", "lack", "seldom", "few"): a translation may
# turn "não tem" into "lacks" or "not enough" into "insuficiente". They never raise a flag on
# their own; they explain a difference in negator counts (checks/negation.py). Each language's
# verb "to fail" ("falló", "falhou", "échoue", "fallita") says "could not" as the English list's does.
NEG_IMPLICIT: dict[str, frozenset[str]] = {
    # with the conjunctions and adverbs that carry a negation of the other language's clause:
    # "unless" = "se ... não", "rather than" = "e não", "yet to" = "ainda não", "otherwise" = "caso
    # contrário", "until" = "enquanto ... não" (negation_words.WEAK_LISTED has more, held to a stricter test)
    "en": frozenset(
        "without lack lacks lacked lacking unless seldom rarely few little "
        "fail fails failed failing absent absence neither rather lest yet otherwise instead scarce scant "
        "except until till "
        # "against" (advice against an act is a negator, negation_forms.english_cue); verbs that
        # mean "not do" ("refused the offer" = "no aceptó la oferta"; before "to" a negator too).
        # Prohibitions and "hardly" are negators (negation_forms.LEXICAL_CUES).
        "against decline declines declined declining refuse refuses refused refusing".split()
    ),
    "es": frozenset(
        "sin falta faltan carece carecen apenas pocos pocas escasos escasas ausencia ausente ausentes contrario sino "
        "salvo excepto "
        "falla fallan fallo fallaron fallar fallido fallida fallidos fallidas "  # English "fail"
        "fallado fallada fallados falladas fracasaron fracasar fracasado fracasada".split()
    ),
    "pt": frozenset(
        "sem falta faltam carece carecem poucos poucas escassos escassas ausencia ausente ausentes contrario senao "
        "salvo exceto excepto falha falham falhou falharam falhar falhado falhada fracassou "
        "fracassaram fracassar fracassado fracassada".split()
    ),
    "fr": frozenset(
        "sans manque manquent peu guere absence absent absente absents absentes contraire sinon sauf excepte "
        "echoue echouee echoues echouees echouent echouer echec echecs".split()
    ),
    "it": frozenset(
        "senza manca mancano pochi poche scarsi assenza assente assenti contrario altrimenti salvo tranne "
        "fallito fallita falliti fallite fallisce falliscono fallire".split()
    ),
    "de": frozenset("ohne mangel fehlt fehlen wenig wenige sonst ausser".split()),
    "ca": frozenset("sense falta manca pocs poques falla fallen fallat fallada fallar".split()),
}
# A failed act named by its error: "Error al abrir" = "No se pudo abrir" = "Apertura non riuscita".
# The noun negates only where it opens the text (or follows a colon) and a preposition or a gerund
# follows it ("Error opening", "errore nell'apertura", "erreur lors de"): "el error no se corrigió"
# keeps its negation. Folded.
ERROR_NOUNS = frozenset("error errors erro erros erreur erreurs errore errori".split())
# Words that say an act failed (folded starts): "fail"/"falla"/"falha"/"fallito"/"fracasó", "échec",
# "impossible"/"imposible"/"impossível", "incapaz", "unable", and the failed-act error nouns above.
FAILURE_STEMS = ("fail", "fall", "falh", "fracas", "echec", "echou", "impossib", "imposib", "impossiv",
                 "incapa", "unable", *ERROR_NOUNS)  # fmt: skip
# "Cannot" said with an adjective of impossibility: "No se puede abrir" = "Impossível abrir" =
# "Impossible d'ouvrir" = "Unable to open" (negation._said_alike). The forms of "can" (and "be
# possible", "manage to") a negator before them makes a "cannot", and the stems of the words
# that say it alone (impossible, imposible, impossível, impossibilitado, incapaz, unable). Folded.
CAN: dict[str, str] = {
    "en": r"can|could|can't|cannot|couldn't|able|possible",
    "es": r"puedo|puedes|puede|pueden|pueda|puedan|pude|pudo|pudimos|pudieron|pudiera|pudieran|podido|podia"
    r"|podian|podemos|podra|podran|podria|podrian|poder|posible|consig\w+|consegu\w+",
    "pt": r"posso|podes|pode|podem|podemos|pude|pudemos|puderam|podia|podiam|podera|poderao|poderia|poderiam"
    r"|possa|possam|poder|possivel|consig\w+|consegu\w+",
    "fr": r"peux|peut|peuvent|pouvons|pouvez|pouvait|pouvaient|pourra|pourront|pourrait|pourraient|pu|puisse"
    r"|puissent|pouvoir|possible|parvien\w+|parven\w+|parvenu",
    "it": r"puo|posso|puoi|possono|possiamo|potuto|potra|potranno|potrebbe|potrebbero|poteva|potevano|possa"
    r"|possano|possibile|riesc\w*|riusc\w+",
    "ca": r"puc|pots|pot|podem|podeu|poden|podia|podien|pogut|podra|podran|podria|podrien|pugui|puguin"
    r"|possible|aconsegu\w+",
}
CANNOT_STEMS = ("impossib", "impossiv", "imposib", "incapa", "unable")
# Negative prefixes and suffixes (un-able, in-suficiente, des-conhecido, use-less): a word made of
# one and a word of the language negates it. "strong" ones always negate; the others only in
# front of a longer, common word (in-form and dis-cover do not negate), and in English only where
# WordNet pairs the two words as antonyms (wordnet_antonyms.prefixed_opposite: "dis-agree").
NEG_AFFIXES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # (strong prefixes, weak prefixes, suffixes)
    "en": (("un", "non", "not"), ("in", "im", "ir", "il", "dis", "mis"), ("less",)),
    "es": (("no",), ("in", "im", "ir", "i", "des"), ()),
    "pt": (("nao", "não"), ("in", "im", "ir", "i", "des"), ()),
    "fr": (("non",), ("in", "im", "ir", "il", "dés", "des"), ()),
    "ca": (("no",), ("in", "im", "ir", "il", "des"), ()),
    "it": (("non",), ("in", "im", "ir", "il", "dis"), ()),
    "de": (("un", "nicht"), ("miss",), ("los", "frei")),
}
# A prefix written as one letter only before the letter it took the place of: Spanish and
# Portuguese "in-" is "i-" before an "l" ("ilimitado", "ilegível"; Italian and French double it:
# "illimitato", "illimité", the "il" above).
ASSIMILATED_PREFIXES = {"i": "l"}
H_DROPPED = frozenset({"pt"})  # a prefix drops the word's "h": "desabilitar", "desonesto", "inábil"
# Nouns of an action or its result made from a verb ("información", "impressão", "informazione",
# "desenvolvimento"; folded endings): their "in"/"des" is the verb's own ("informar", "imprimir",
# "desenvolver"), not a negating prefix. (French and Catalan "-ment" also ends adverbs, which are.)
VERBAL_NOUN_ENDINGS: dict[str, tuple[str, ...]] = {
    "es": ("cion", "sion", "ciones", "siones", "miento", "mientos"),
    "pt": ("cao", "sao", "coes", "soes", "mento", "mentos"),
    "fr": ("tion", "sion", "tions", "sions"),
    "it": ("zione", "sione", "zioni", "sioni", "mento", "menti"),
    "ca": ("cio", "sio", "cions", "sions"),
}
# Where a word of NEG_IMPLICIT says no negation (folded text): a connective ("sin embargo" =
# "however"), the second half of "not only ... but" ("no solo de Europa sino del mundo"), and
# "salvo" as "safe" or, in Portuguese, "saved" ("a salvo", "foi salvo": QA pass 11, where "The file
# was not saved" / "O arquivo foi salvo" passed as a negation said with "except"; a label's "Arquivo
# salvo." ends its clause, where "except" has what it leaves out after it).
_LABEL_SALVO = r"|\b(?P<label>salvo)(?=\s*(?:[.!?,;:]|$))"  # a label's participle: "Arquivo salvo."
IMPLICIT_IDIOMS: dict[str, re.Pattern[str]] = {
    "es": re.compile(
        r"\bsin embargo\b|\bno (?:solo|solamente|unicamente)\b[^.;:!?]*?\b(?P<only>sino)\b"
        r"|\b(?:a|en|fue|fueron|es|son|era|eran|sera|seran|sido|ser|esta|estan|estaba|estaban|quedo|quedaron)"
        r"\s+(?P<safe>salvo)\b" + _LABEL_SALVO
    ),
    "pt": re.compile(
        r"\bsem embargo\b|\bnao (?:so|somente|apenas|unicamente)\b[^.;:!?]*?\b(?P<only>senao)\b"
        r"|\b(?:foi|foram|e|sao|era|eram|sera|serao|seja|sejam|sido|ser|esta|estao|estava|estavam|esteja"
        r"|ficou|ficaram|fica|ficam|tem|tinha|tinham|havia|ter|a)\s+(?:(?:\w+mente|ja|bem)\s+)?(?P<saved>salvo)\b"
        + _LABEL_SALVO
    ),
}
# Strong prefixes that are the language's negator: they negate joined by a hyphen ("no-violento",
# "não-linear", "non-violence", "not-so-subtle"); fused, they begin a word of its own ("Noruega",
# "novela", "nonno", "notable").
NEG_HYPHEN_ONLY: dict[str, frozenset[str]] = {
    "en": frozenset({"not"}),  # "not-so-subtle", "not-for-profit"; "notable" is none
    "es": frozenset({"no"}),
    "pt": frozenset({"nao", "não"}),
    "fr": frozenset({"non"}),
    "it": frozenset({"non"}),
    "ca": frozenset({"no"}),
}
# The second part of a hyphenated word that negates its first: "sulphate-free" = "sin sulfatos".
NEG_HYPHEN_SUFFIXES: dict[str, frozenset[str]] = {"en": frozenset({"free"}), "de": frozenset({"frei"})}
# Words that, after a negator, make "not only" rather than a negation ("não cria apenas").
ONLY_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("only just merely simply".split()),
    "es": frozenset("solo solamente unicamente".split()),
    "pt": frozenset("apenas so somente unicamente".split()),
    "fr": frozenset("seulement uniquement".split()),
    "it": frozenset("solo soltanto solamente unicamente".split()),
    "de": frozenset("nur bloss lediglich".split()),
}
# Clause boundaries for negative concord.
CLAUSE_BREAK = re.compile(r"[,;:.!?()\"“”«»—–]")

# Determiners and prepositions: a determiner directly before a preposition, a conjunction
# or a final punctuation mark is a sign of a word that went missing ("the that is").
DETERMINERS: dict[str, frozenset[str]] = {
    "en": frozenset("the a an this these those my your his its our their every each".split()),
    "es": frozenset(
        "el la los las un una unos unas este esta estos estas ese esa esos esas "
        "aquel aquella su sus mi mis tu tus nuestro nuestra cada".split()
    ),
    "fr": frozenset(
        "le la les un une des ce cet cette ces mon ma mes ton ta tes son sa ses "
        "notre nos votre vos leur leurs chaque du au aux".split()
    ),
    "de": frozenset(
        "der die das den dem des ein eine einen einem einer eines dieser diese dieses "
        "diesen diesem jeder jede jedes mein meine sein seine ihr ihre unser unsere".split()
    ),
    "it": frozenset(
        "il lo la i gli le un uno una questo questa questi queste quel quella quei "
        "quelle suo sua suoi sue mio mia ogni".split()
    ),
    "pt": frozenset(
        "o a os as um uma uns umas este esta estes estas esse essa esses essas "
        "aquele aquela seu sua seus suas meu minha cada".split()
    ),
}
PREPOSITIONS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "of in on at to from with by for about into onto over under between among "
        "through during after before since until against without within".split()
    ),
    "es": frozenset(
        "de en a con por para sin sobre entre desde hasta hacia contra durante tras ante bajo segun".split()
    ),
    "fr": frozenset(
        "de en a avec par pour sans sur sous entre depuis jusqu vers contre pendant "
        "chez dans apres avant selon".split()
    ),
    "de": frozenset(
        "von in an auf mit bei nach zu aus fur uber unter zwischen durch gegen ohne "
        "seit wahrend vor hinter".split()
    ),
    "it": frozenset(
        "di a da in con su per tra fra senza sopra sotto verso durante contro presso dopo prima".split()
    ),
    "pt": frozenset(
        "de em a com por para sem sobre entre desde ate contra durante apos ante perante sob segundo".split()
    ),
}
# Languages that need an explicit subject: a statement opening with one of these finite
# auxiliaries followed by a participle or adjective has lost its subject ("Is considered").
SUBJECT_AUXILIARIES: dict[str, frozenset[str]] = {
    "en": frozenset(
        "is are was were has have had will would can could should shall may might must does did do".split()
    ),
    "fr": frozenset("est sont etait etaient sera seront ont avait avaient".split()),
    "de": frozenset("ist sind war waren hat haben hatte hatten wird werden wurde wurden".split()),
}
# Words that may follow such an auxiliary at the start of a well-formed sentence
# (inversion, imperatives, existentials: "Had I known", "Do not", "Is there").
SUBJECT_STARTERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "i you he she it we they there this that these those the a an not no all any some "
        "each every one many much more most such what".split()
    ),
    "fr": frozenset("il elle ils elles on ce cela ceci le la les un une des ne pas".split()),
    "de": frozenset(
        "ich du er sie es wir ihr der die das den dem ein eine einen nicht kein keine man".split()
    ),
}
# Words that open a clause or join two: never right after an article.
CLAUSE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("and or but that which who whom whose because although if".split()),
    "de": frozenset("und oder aber dass weil obwohl wenn".split()),
}
# Determiners that always need a noun after them (never pronouns on their own). Followed by a
# preposition, a clause word, an article or a finite auxiliary they mark a dropped noun
# ("the was founded", "a from Guadalajara", "whose were guaranteed").
NOUN_DETERMINERS: dict[str, frozenset[str]] = {
    "en": frozenset("the a an its my your our their every whose".split()),
    "de": frozenset("der die das den dem des ein eine einen einem einer eines".split()),
}
FINITE_AUXILIARIES: dict[str, frozenset[str]] = {
    "en": frozenset("is are was were has had does did would could should shall".split()),
    "de": frozenset("ist sind war waren hat haben hatte hatten wird werden wurde wurden".split()),
}
# Articles and prepositions that cannot end a phrase: before a punctuation mark they lost
# their noun ("the shoulders of, each visit"). Particles of phrasal or separable verbs
# ("catch on,", "kommt an.") and articles that double as pronouns ("no la.") are left out.
# Written with their accents and compared as written (lower case): folded, the pronoun "él", the
# verb "é" and "où" read as the article "el", the conjunction "e" and "ou".
DANGLING: dict[str, frozenset[str]] = {
    "en": frozenset("the a an of from with at into onto between among during without within".split()),
    "es": frozenset(
        "el un una unos unas de en con por para sin sobre entre desde hasta hacia contra durante tras".split()
    ),
    "fr": frozenset("un une des du au aux de avec pour sans sur sous entre depuis vers chez dans".split()),
    "de": frozenset("ein eine einen einem einer von für zwischen während wegen ohne gegen".split()),
    "it": frozenset("il un uno una di da in con per tra fra senza".split()),
    "pt": frozenset(
        "um uma uns umas de em com por para sem sobre entre desde ao aos da das do dos na nas no num numa "
        "pela pelas pelo pelos".split()  # contractions of a preposition and an article ("perto da")
    ),
    "ca": frozenset(
        "un una uns unes de del dels a al als amb per pel pels sense sobre entre des cap".split()
    ),
}
# The articles left out of DANGLING because they double as pronouns ("no la."): after a
# preposition they are articles ("cerca de la", "dans la", "perto do"), and a text that stops
# there lost its noun. "l" is the elided "l'" as tokens() reads it ("près de l'").
_ELIDED = frozenset({"l"})
ARTICLE_PRONOUNS: dict[str, frozenset[str]] = {
    "es": ARTICLES["es"] - DANGLING["es"],
    "pt": ARTICLES["pt"] - DANGLING["pt"],
    "fr": ARTICLES["fr"] - DANGLING["fr"] | _ELIDED,
    "it": ARTICLES["it"] - DANGLING["it"] | _ELIDED,
    "ca": frozenset("el la els les".split()) | _ELIDED,
}
# Coordinating conjunctions: a text that stops on one was cut off.
COORDINATORS: dict[str, frozenset[str]] = {
    "en": frozenset("and or but".split()),
    "es": frozenset("y e o u pero".split()),
    "fr": frozenset("et ou mais".split()),
    "de": frozenset("und oder aber".split()),
    "it": frozenset("e ed o ma".split()),
    "pt": frozenset("e ou mas".split()),
    "ca": frozenset("i o però".split()),
}
# Scale words that multiply a preceding digit ("35 millones" = 35 000 000).
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
    "mil": 1e3,
    "millon": 1e6,
    "millones": 1e6,
    "billon": 1e12,
    "billones": 1e12,
    "millier": 1e3,
    "milliers": 1e3,
    "milliard": 1e9,
    "milliards": 1e9,
    "tausend": 1e3,
    "millionen": 1e6,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "mille": 1e3,
    "mila": 1e3,
    "milione": 1e6,
    "milioni": 1e6,
    "miliardo": 1e9,
    "miliardi": 1e9,
    "milhao": 1e6,
    "milhoes": 1e6,
    "bilhao": 1e9,
    "bilhoes": 1e9,
    "biliao": 1e12,  # European Portuguese: bilião = 10^12 (mil milhões = 10^9)
    "bilioes": 1e12,
    "trilhao": 1e12,
    "trilhoes": 1e12,
    "triliao": 1e18,
    "trilioes": 1e18,
    "milio": 1e6,  # Catalan: milió, bilió = 10^12 (mil milions = 10^9)
    "milions": 1e6,
    "bilio": 1e12,
    "bilions": 1e12,
    "mm": 1e6,
    "bn": 1e9,
    "k": 1e3,
}
# Scale words whose value differs between varieties of a language (long and short scales):
# Brazilian bilhão = 10^9, European bilião = 10^12; either reading matches (es billón and ca
# bilió are 10^12, often used for the English billion).
SCALE_ALTERNATIVES: dict[str, tuple[float, ...]] = {
    "bilhao": (1e12,),
    "bilhoes": (1e12,),
    "biliao": (1e9,),
    "bilioes": (1e9,),
    "trilhao": (1e18,),
    "trilhoes": (1e18,),
    "triliao": (1e12,),
    "trilioes": (1e12,),
    "billon": (1e9,),
    "billones": (1e9,),
    "bilio": (1e9,),
    "bilions": (1e9,),
}
# Quantifiers that say "two" without the number ("os dois partidos" = "both parties").
DUAL_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("both couple pair double twice twin twins dual".split()),
    "es": frozenset("ambos ambas par pareja doble dos".split()),
    "pt": frozenset("ambos ambas par dupla duplo dois duas".split()),
    "fr": frozenset("deux couple paire double".split()),
    "it": frozenset("entrambi entrambe ambedue coppia doppio paio".split()),
    "de": frozenset("beide beiden paar doppelt doppelte zweifach".split()),
}
# "15 por ciento" / "per cento" / "pour cent" / "per cent": a percentage, whose "hundred" is no number
PERCENT_PHRASE = re.compile(r"\b(?:por|per|pour)\s+(?:ciento|cento|cent)\b", re.IGNORECASE)
