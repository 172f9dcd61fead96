"""Modal verbs, a closed class per language, and their futures.

A future of a modal verb says an obligation or an ability, not a time: Portuguese "poderá
conduzir" is English "can drive", and English "should indicate" is Spanish "deberá indicar" as
often as "debería indicar". `tense` reads a future that only a modal's future accounts for as
idiom, in either direction (one side has the modal, the other its future: English or Romance).
"""

from __future__ import annotations

import re

# English modals and their periphrases ("needs to", "is likely to")
MODAL: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:can|could|may|might|must|should|would|ought|cannot|can't|couldn't|shouldn't"
        r"|needs?\s+to|(?:has|have)\s+to|(?:is|are)\s+to|(?:is|are)\s+(?:un)?likely\s+to)\b",
        re.I,
    ),
}
# Romance modals in the present, conditional and subjunctive (no past: "podia" = "could", "devia"
# = "had to"): Portuguese descriptions say "deverão" (a modal's future) where Spanish says "deben"
# ("Se as etiquetas deverão ou não ter mnemónicas" / "Indica si las etiquetas deben tener
# mnemónicos"). Only a modal's future is accounted for by them (`modals_for_futures`,
# `modal_for_modal_future`), not any future: "caducará" / "debe cambiarla" is still a change.
ROMANCE_MODAL: dict[str, re.Pattern[str]] = {
    "es": re.compile(
        r"\b(?:deb(?:e|en|o|es|emos|ería|erían|iera|ieran|a|an)|pued(?:e|en|o|es|a|an)|podemos|podría|podrían"
        r"|pudiera|pudieran)\b",
        re.I,
    ),
    "pt": re.compile(
        r"\b(?:dev(?:e|em|o|es|emos|eria|eriam|a|am)|pod(?:e|em|es|emos|eria|eriam)|possa|possam)\b", re.I
    ),
    "it": re.compile(
        r"\b(?:dev(?:e|ono|o|i)|dobbiamo|dovrebbe|dovrebbero|debba|debbano|può|puoi|possono|posso|possiamo"
        r"|potrebbe|potrebbero|possa|possano)\b",
        re.I,
    ),
    "fr": re.compile(
        r"\b(?:doi[st]|doivent|devons|devez|devrait|devraient|doive|peu[xt]|peuvent|pouvons|pouvez|pourrait"
        r"|pourraient|puisse|puissent)\b",
        re.I,
    ),
    "ca": re.compile(r"\b(?:ha de|han de|has de|pot|pots|poden|podem|hauria|haurien|podria|podrien)\b", re.I),
}
# A progressive infinitive after a modal or a verb of seeming says how likely, not how long: "pode
# estar a ser subestimada" = "may be an underestimate", "parece estar a crescer" = "appears to be on
# the upswing"; English copy that drops it keeps the meaning (tense._modal_progressive).
MODAL_BEFORE: dict[str, re.Pattern[str]] = {  # ... right before a progressive's infinitive
    "pt": re.compile(
        r"\b(?:pode|podem|poderá|poderão|poderia|poderiam|possa|possam|deve|devem|deverá|deveria|deveriam"
        r"|parece|parecem|pareça|parecia|pareciam)\s+$",
        re.I,
    ),
    "es": re.compile(
        r"\b(?:puede|pueden|podrá|podrán|podría|podrían|pueda|puedan|debe|deben|debería|deberían"
        r"|parece|parecen|parecía|parecían)\s+$",
        re.I,
    ),
    "it": re.compile(
        r"\b(?:può|possono|potrà|potrebbe|potrebbero|deve|devono|dovrebbe|dovrebbero|sembra|sembrano)\s+$",
        re.I,
    ),
}
# Futures of the modal verbs (must/should, can/may; "have to" with its particle; French "il
# faudra", it will be necessary): each is one of the language's futures (tense.FUTURE) too
MODAL_FUTURE: dict[str, re.Pattern[str]] = {
    "es": re.compile(
        r"\b(?:deber|podr)(?:é|ás|á|emos|éis|án)\b|\b(?:tendr|habr)(?:é|ás|á|emos|éis|án)\s+(?:que|de)\b",
        re.I,
    ),
    "pt": re.compile(
        r"\b(?:dever|poder)(?:ei|ás|á|emos|eis|ão)\b|\bter(?:ei|ás|á|emos|eis|ão)\s+(?:que|de)\b", re.I
    ),
    "it": re.compile(r"\b(?:dovr|potr)(?:ò|ai|à|emo|ete|anno)\b", re.I),
    "fr": re.compile(r"\b(?:devr|pourr)(?:ai|as|a|ons|ez|ont)\b|\bfaudra\b", re.I),
}


def modal_futures(text: str, lang: str) -> int | None:
    """How many futures of a modal verb `text` has (None: not read in `lang`)."""
    pat = MODAL_FUTURE.get(lang)
    return None if pat is None else len(pat.findall(text))


def modals_for_futures(source: str, source_lang: str, added: int) -> bool:
    """The source has modals enough for `added` modal futures of the translation (English modals,
    or a Romance language's present or conditional ones)."""
    pat = MODAL.get(source_lang) or ROMANCE_MODAL.get(source_lang)
    return pat is not None and len(pat.findall(source)) >= added > 0


def modal_for_modal_future(source: str, source_lang: str, futures: int, copy: str, copy_lang: str) -> bool:
    """Between two Romance languages, each of the source's `futures` is a modal's ("deverão ter")
    and the copy has as many modals of its own ("deben tener"): it dropped no time, only a form."""
    pat, modal = ROMANCE_MODAL.get(copy_lang), modal_futures(source, source_lang) or 0
    return pat is not None and modal >= futures > 0 and len(pat.findall(copy)) >= modal
