"""Aspect: a completed past action told as an ongoing one ("dimitió" -> "was resigning").

Romance languages mark the difference with two past tenses: the preterite for a completed event
("dimitió", "anunciou", "annonça") and the imperfect for one in progress or habitual
("dimitía", "anunciava", "annonçait"), which English may say with a past progressive ("was
resigning"). An English past progressive is faithful to an imperfect and changes the meaning of
a preterite. Source-aware mode reads both engine views: the English copy has more past
progressives than the engine's English rendering of the source (which transfers the source's
tenses: a preterite comes out as a simple past), and the engine's back-translation of the copy
has more imperfects or progressives than the source, so the source said the event as completed.

English copy of a Spanish, Catalan, Portuguese, Italian or French source only. `tense` reads the
presence of progressives and futures (checks/tense.py); this check reads which past the source chose.
"""

from __future__ import annotations

import re

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .tense import _ING_NOUNS, BACK_PROGRESSIVE, PROGRESSIVE
from .verb_tense import VerbForms

# "was resigning", "were not protesting", "was quietly signing"; never "was being ..." (a passive
# progressive: `tense` reads it) nor "was going to" (a future seen from the past).
_PAST_PROGRESSIVE = VerbForms(
    re.compile(
        r"\b(?:was|were)(?:\s+not|n't)?(?:\s+\w+ly)?\s+" + _ING_NOUNS + r"(?!being\b)(?P<ing>\w{2,}ing)\b"
        r"(?=(?:\s+(?P<next>\w+))?)",
        re.I,
    )
)
# Imperfects (and, in Spanish, Catalan and Portuguese, conditionals, which share the endings: a
# conditional on one side stays one on the other, so the count compares like with like).
IMPERFECT: dict[str, re.Pattern[str]] = {
    "es": re.compile(r"\b\w{2,}(?:aba|abas|ábamos|abais|aban|ía|ías|íamos|íais|ían)\b", re.I),
    "ca": re.compile(r"\b\w{2,}(?:ava|aves|àvem|àveu|aven|ia|ies|íem|íeu|ien)\b", re.I),
    "pt": re.compile(r"\b\w{2,}(?:ava|avas|ávamos|áveis|avam|ia|ias|íamos|íeis|iam)\b", re.I),
    "it": re.compile(r"\b\w{2,}(?:avo|ava|avamo|avano|evo|eva|evamo|evano|ivo|iva|ivamo|ivano)\b", re.I),
    # French: the singular persons and the third plural ("regardais", "regardait", "regardaient"); the
    # first and second plural ("-ions", "-iez") are left out, their endings being those of countless nouns
    "fr": re.compile(r"\b\w{2,}(?:ais|ait|aient)\b", re.I),
}


# The imperfects of "be" and "stay" ("era" needs no entry: too short for IMPERFECT). English "was" /
# "were" is a preterite or an imperfect of these as the context wants, and the engine renders it as an
# imperfect ("What she was saying was that" -> "... disait était que" for "... disait c'est que"), so
# in a back-translation such an imperfect says nothing of aspect; in the source it is the writer's
# choice ("estava acima das expectativas" / "was performing above expectations") and counts.
_COPULA = re.compile(
    r"^(?:estab(?:a|as|an)|estábamos|estabais|estav(?:a|as|am|es|en)|estávamos|estáveis|estàvem|estàveu"
    r"|étai[st]|étaient|stav(?:o|a|ano)|stavamo)$",
    re.I,
)


def past_progressives(text: str) -> list[tuple[int, int, str]]:
    """(start, end, words) of the English past progressives of a text ("was opening")."""
    return [
        (m.start(), m.end("ing"), text[m.start() : m.end("ing")]) for m in _PAST_PROGRESSIVE.finditer(text)
    ]


def _ongoing(text: str, lang: str, back: bool = False) -> int:
    """Imperfects and progressives of a Romance text (Catalan's progressives are not read: Apertium
    renders an English past progressive as an imperfect); of a `back`-translation, not the imperfects
    of "be" and "stay" (`_COPULA`: there they render an English "was"), and the progressives as the
    engine writes them (`tense.BACK_PROGRESSIVE`: French "étaient en attendant")."""
    progressive = (BACK_PROGRESSIVE if back else PROGRESSIVE).get(lang)
    imperfects = [m for m in IMPERFECT[lang].findall(text) if not back or _COPULA.match(m) is None]
    return len(imperfects) + (len(progressive.findall(text)) if progressive else 0)


ASPECT = Check("aspect", "major", "Aspect differs", modes=("source",))


@register(ASPECT)
def check_aspect(inp: CheckInput) -> list[Flag]:
    """A past progressive only where the source has an imperfect or a progressive, by both engine views."""
    inp = inp.plain()  # "wasn’t resigning"
    if inp.target_lang != "en" or inp.source_lang not in IMPERFECT or inp.forward is None or inp.back is None:
        return []
    found = past_progressives(inp.target)
    if len(found) <= len(past_progressives(inp.forward)):
        return []  # the engine's translation has as many: the source says the past as ongoing
    if _ongoing(inp.back, inp.source_lang, back=True) <= _ongoing(inp.source, inp.source_lang):
        return []  # the back-translation has no imperfect more than the source
    said = ", ".join(repr(words) for _, _, words in found[:2])
    return [
        ASPECT.flag(
            f"the translation tells a completed past action as ongoing ({said}): the source has a simple past",
            tuple(Span("text", start, end) for start, end, _ in found),
        )
    ]
