"""A present that refers to the future: the "futurate" present of schedules and arrangements.

English says "The new bridge opens to traffic on Friday", "The committee meets next month", "The
exhibition stays open until the end of the summer" where Spanish, Portuguese, French and Italian
write a future ("se abrirá al tráfico el viernes"), and those languages use their own present
the same way ("se reúne el mes que viene"). A present beside a time expression that dates the
event (a weekday, a month or a date as the `dates` check reads them, "tomorrow", "next week", "in
three days' time", "until the end of …") is a future reference, so a future on the other side
says the same time.

The present must be one: a past beside the same expression is a tense change ("se abrirá el
viernes" / "opened on Friday"). The tenses are read in English, where a rule-based engine carries
the morphology over word by word: the English side as written, the other side in the engine's
English (its forward translation of the source, its back-translation of the copy). Each verb the
side without the future has in a finite past must be in a past on the other side too; a pair with
no English side is not read, and its difference stays.
"""

from __future__ import annotations

import re

from . import CheckInput

# Nouns of a stretch of time that "next" / "próxima" / "prochaine" place ahead (closed class).
_UNITS = {
    "en": r"weeks?|months?|years?|weekend|season|spring|summer|autumn|fall|winter",
    "es": r"semanas?|mes(?:es)?|años?|fin\s+de\s+semana|temporada|primavera|verano|otoño|invierno",
    "pt": r"semanas?|mês|meses|anos?|fim[\s-]de[\s-]semana|temporada|época|primavera|verão|outono|inverno",
    "fr": r"semaines?|mois|années?|an|week-end|saison|printemps|été|automne|hiver",
    "it": r"settiman[ae]|mes[ei]|ann[oi]|fine\s+settimana|weekend|stagione|primavera|estate|autunno|inverno",
}
# Time units counted ahead from now ("in three days' time", "dentro de dos semanas", "daqui a").
_SPANS = {
    "en": r"days?|weeks?|months?|years?",
    "es": r"días|semanas|meses|años",
    "pt": r"dias|semanas|meses|anos",
    "fr": r"jours|semaines|mois|ans|années",
    "it": r"giorni|settimane|mesi|anni",
}
# A clause of time in the future subjunctive dates its sentence ahead ("Quando chegarmos, ligamos"
# = "We will call when we arrive", "assim que o contrato for assinado"): the irregular forms, and
# the regular ones of the plural (the singular is the infinitive's: only right after the conjunction).
_PT_WHEN_LATER = (
    r"(?:quando|assim\s+que|logo\s+que|sempre\s+que|enquanto|depois\s+que)\s+(?:(?:\w+\s+){{0,3}}?"
    r"(?:for|forem|formos|tiver|tiverem|tivermos|estiver|estiverem|houver|puder|puderem|quiser|quiserem"
    r"|vier|vierem|viermos|fizer|fizerem|disser|disserem|souber|souberem|der|derem|vir|virem"
    r"|\w+[aei]rmos|\w+[aei]rem)|(?:eu\s+|ele\s+|ela\s+|você\s+)?\w+[aei]r)"
)
_AHEAD_FORMS = {
    "en": r"tomorrow|tonight|next\s+(?:{u})|(?:later|early)\s+(?:this|next)\s+(?:{u})"
    r"|in\s+\w+\s+(?:{s})['’]?\s+time|\w+\s+(?:{s})\s+from\s+now|(?:until|till|by)\s+the\s+end",
    "es": r"(?<!la\s)(?<!esta\s)(?<!una\s)(?<!cada\s)(?<!toda\s)(?<!media\s)(?<!misma\s)mañana"
    r"|(?:próxim[oa]s?)\s+(?:{u})|(?:{u})\s+(?:que\s+viene|próxim[oa])|esta\s+noche"
    r"|dentro\s+de\s+\w+\s+(?:{s})|(?:hasta|para)\s+(?:el\s+)?(?:fin|final|finales)",
    "pt": r"amanhã|próxim[oa]s?\s+(?:{u})|(?:{u})\s+que\s+vem|esta\s+noite|daqui\s+a"
    r"|dentro\s+de\s+\w+\s+(?:{s})|até\s+(?:ao?\s+|o\s+)?(?:fim|final)|" + _PT_WHEN_LATER,
    "fr": r"demain|prochaine?s?\s+(?:{u})|(?:{u})\s+prochaine?s?|ce\s+soir"
    r"|dans\s+\w+\s+(?:{s})|(?:jusqu['’]à|d['’]ici)\s+(?:la\s+)?fin",
    "it": r"domani|dopodomani|prossim[oai]\s+(?:{u})|(?:{u})\s+prossim[oai]|stasera"
    r"|(?:tra|fra)\s+\w+\s+(?:{s})|(?:fino\s+a(?:lla)?|entro\s+la)\s+fine",
}
AHEAD: dict[str, re.Pattern[str]] = {
    lang: re.compile(r"(?<!\w)(?:" + forms.format(u=_UNITS[lang], s=_SPANS[lang]) + r")(?!\w)", re.I)
    for lang, forms in _AHEAD_FORMS.items()
}


def points_ahead(text: str, lang: str) -> bool:
    """The text dates an event: a weekday, a month or a date (`dates`), or an expression that
    places it ahead of now ("tomorrow", "next week", "until the end of")."""
    pat = AHEAD.get(lang)
    if pat is None:
        return False
    if pat.search(text):
        return True
    from .dates import mentions

    return any(m.kind in ("day", "month", "date") and not m.optional for m in mentions(text, lang))


# Pasts a Romance text writes unmistakably: a compound past (an auxiliary and a participle: "ha
# anunciado", "si è riunito", "a annoncé", "tinha chegado"), a preterite with its own ending
# ("anunciaron", "chegou", "partirono"), a past of "be" or of an auxiliary ("era", "estava", "avait").
# Read where the present side is not English: an engine's English may miss them ("si è riunito" ->
# "is gathered"). The modals' imperfects ("debía", "devia", "doveva"): other imperfects end like
# nouns or presents ("economía", "memória", "acaba", "grava"), which the engine's rendering of the
# other language tells apart (`_no_more_pasts`).
_PAST_ES = (
    r"\b(?:he|has|ha|hemos|habéis|han|había|habían)\s+\w+(?:ado|ido|to|cho)\b"
    r"|\b\w{2,}(?:aron|ieron|ó)\b|\b(?:fue|fueron|fui|era|eran|estaba|estaban)\b"
    r"|\b(?:deb|pod|quer|sab)ían?\b"
)
_PAST_PT = (
    r"\b(?:tem|têm|tinha|tinham|havia|haviam)\s+\w+(?:ado|ido|to)\b|\b(?!estou\b)\w{3,}(?:ou|iu)\b"
    r"|\b\w{2,}(?:aram|eram|iram)\b|\b(?:foi|foram|fui|era|estava|estavam|tinha|tinham|havia)\b"
    r"|\b(?:dev|pod|quer|sab)iam?\b"
)
_PAST_IT = (
    r"\b(?:ho|hai|ha|abbiamo|avete|hanno|sono|sei|è|siamo|siete)\s+"
    r"(?:(?:già|anche|appena|sempre|mai|non|ancora|pure|poi|ormai|subito)\s+)?"
    r"(?:\w+(?:at|ut|it)|fatt|dett|pres|mess|vist|decis|scritt|mort)[oaie]\b"
    r"|\b\w{2,}(?:arono|erono|irono|avano|evano)\b|\b(?:fu|furono|venne|vennero|era|erano|stava|stavano|aveva|avevano)\b"
    r"|\b(?:dov|pot|vol|sap)ev[ao]\b"
)
_FR_ADVERB = r"(?:(?:pas|plus|jamais|déjà|aussi|bien|encore|enfin|toujours|souvent|récemment)\s+)?"
_PAST_FR = (
    r"\b(?:ai|as|a|avons|avez|ont)\s+"
    + _FR_ADVERB
    + r"(?:\w+(?:é|ée|és|ées)|eu|été|fait|dit|pris|mis|vu|pu|dû|voulu|\w*(?:ouvert|offert|souffert)e?s?"
    r"|\w*(?:écrit|dui|pri|permi|promi)t?e?s?|lu|su|cru|reçue?s?|\w*(?:tenu|venu|connu|rendu|vendu|tendu|perdu)e?s?"
    r"|fini|choisi|réussi|suivi)\b"
    r"|\b(?:suis|es|est|sommes|êtes|sont)\s+"
    + _FR_ADVERB
    + r"(?:allée?s?|venue?s?|partie?s?|née?s?|morte?s?|devenue?s?)\b"
    r"|\b\w+èrent\b|\b\w{2,}aient\b|\b(?:était|avait|allait|devait|pouvait|fallait|fut|furent)\b"
)
ROMANCE_PAST: dict[str, re.Pattern[str]] = {
    lang: re.compile(pat, re.I)
    for lang, pat in (("es", _PAST_ES), ("pt", _PAST_PT), ("it", _PAST_IT), ("fr", _PAST_FR))
}


def english(inp: CheckInput, side: str) -> str | None:
    """One side of the pair ("source" or "text") in English: as written, or the engine's English
    translation of it (the forward translation of the source, the back-translation of the copy)."""
    if side == "source":
        return inp.source if inp.source_lang == "en" else inp.forward if inp.target_lang == "en" else None
    return inp.target if inp.target_lang == "en" else inp.back if inp.source_lang == "en" else None


def no_new_past(inp: CheckInput, side: str) -> bool:
    """One side ("source" or "text") says nothing in the past that the other does not, read in
    English: each verb it puts in the past the other has in the past too ("announced that tickets go
    on sale" / "announced that they will be put on sale"); written in a Romance language, it has no
    more pasts of its own than the other's English. Between two Romance languages (no English
    in the pair), each side's own pasts are counted: no more on this side than on the other
    ("que se usará" / "utilizada": a participle is no past). False for other pairs."""
    from .verb_tense import past_lemmas

    mine = english(inp, side)
    other = english(inp, "text" if side == "source" else "source")
    if mine is None or other is None:
        return _no_more_pasts(inp, side)
    theirs = past_lemmas(other)
    text, lang = _written(inp, side)
    own = ROMANCE_PAST.get(lang)
    return past_lemmas(mine) <= theirs and (own is None or len(own.findall(text)) <= len(theirs))


def _no_more_pasts(inp: CheckInput, side: str) -> bool:
    """Both sides Romance: `side` has no more pasts than the other, each read in its own language
    and in the engine's rendering of it in the other's (the back-translation reads "aprì",
    "abría", "fut" as "abrió", which the patterns of one language miss), the larger count."""
    other_side = "text" if side == "source" else "source"
    (text, lang), (other, other_lang) = _written(inp, side), _written(inp, other_side)
    mine, theirs = ROMANCE_PAST.get(lang), ROMANCE_PAST.get(other_lang)
    if mine is None or theirs is None:
        return False
    view, other_view = (inp.back, inp.forward) if side == "text" else (inp.forward, inp.back)
    told = len(theirs.findall(view or "")) + _imperfects(other, other_lang, view or "")
    mine_n = max(len(mine.findall(text)), told)
    return mine_n <= max(len(theirs.findall(other)), len(mine.findall(other_view or "")))


# A synthetic future's stem and theme vowel ("abr-i-rá", "guard-a-rá", "cancell-e-rà"), and the
# imperfect endings of that vowel: "abría", "guardaba", "cancellava".
_FUTURE_STEM: dict[str, re.Pattern[str]] = {
    "es": re.compile(r"\b(\w{2,}?)([aei])r(?:é|ás|á|emos|éis|án)\b", re.I),
    "pt": re.compile(r"\b(\w{2,}?)([aei])r(?:ei|ás|á|emos|eis|ão)\b", re.I),
    "it": re.compile(r"\b(\w{2,}?)([ei])r(?:ò|ai|à|emo|ete|anno)\b", re.I),
}
_IMPERFECT: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {"a": ("aba", "aban"), "e": ("ía", "ían"), "i": ("ía", "ían")},
    "pt": {"a": ("ava", "avam"), "e": ("ia", "iam"), "i": ("ia", "iam")},
    "it": {"e": ("ava", "eva", "avano", "evano"), "i": ("iva", "ivano")},
}


def _imperfects(futures: str, lang: str, text: str) -> int:
    """How many verbs of the futures of `futures` stand in the imperfect in `text` (the same
    language: the engine's rendering of the other side): "abrirá" / "abría"."""
    pat = _FUTURE_STEM.get(lang)
    if pat is None or not text:
        return 0
    said = {t.lower() for t in re.findall(r"\w+", text)}
    return sum(
        any(m.group(1).lower() + end in said for end in _IMPERFECT[lang][m.group(2).lower()])
        for m in pat.finditer(futures)
    )


def futurate(inp: CheckInput, side: str) -> bool:
    """The side ("source" or "text") without the other's future says it with a present and a time
    expression that dates the event ("go on sale on Monday" = "se pondrán a la venta el lunes")."""
    return points_ahead(*_written(inp, side)) and no_new_past(inp, side)


def _written(inp: CheckInput, side: str) -> tuple[str, str]:
    """One side ("source" or "text") as written, with its language."""
    return (inp.source, inp.source_lang) if side == "source" else (inp.target, inp.target_lang)


# A relative pronoun that is the subject of its clause's verb: only clitics and negators between
# them ("que se usará", "qui ne seront pas", "che verrà", "que usar-se-á"), no subject of its own
# ("verifica che il disco funzionerà" reports; "que el disco funcionará" too).
_RELATIVE = re.compile(
    r"\b(?:que|quien|quienes|quem|cual|cuales|qual|quais|quale|quali|qui|che|cui|donde|onde|dove|où|dont)"
    r"\s+(?:(?:se|si|ne|no|non|não|lo|la|le|les|los|las|me|te|nos|vos|ci|vi|gli|y|en|lui|leur|o|a|os|as)\s+)*"
    r"(?:[nmtsl]['’])?$",
    re.I,
)


def in_relative_clauses(text: str, futures: re.Pattern[str]) -> bool:
    """Every future of a Romance text is the verb of a relative clause: a restrictive relative says
    what a thing is for or will undergo ("la fuente que se usará", "el componente que será
    eliminado"), which another language says with a participle or an infinitive ("la fuente
    utilizada", "o componente a eliminar") without a change of tense."""
    found = list(futures.finditer(text))
    return bool(found) and all(_RELATIVE.search(text, max(0, m.start() - 40), m.start()) for m in found)
