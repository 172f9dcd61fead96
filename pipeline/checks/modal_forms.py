"""Modal verbs, a closed class per language, and their futures.

A future of a modal verb says an obligation or an ability, not a time: Portuguese "poderá
conduzir" is English "can drive", and English "should indicate" is Spanish "deberá indicar" as
often as "debería indicar". `tense` reads a future that only a modal's future accounts for as
idiom, in either direction (the English side has the modal, the Romance side its future).
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
    """The English source has modals enough for `added` modal futures of the translation."""
    pat = MODAL.get(source_lang)
    return source_lang == "en" and pat is not None and len(pat.findall(source)) >= added > 0
