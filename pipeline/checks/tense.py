"""Tense and aspect: a future or a progressive that appears or disappears in translation.

Each language marks these with a few closed forms: English "will" ("shall" in the first
person), the synthetic futures of Spanish, Portuguese, Italian and French ("será", "farà",
"seront"), and progressives ("is being", "está haciendo", "sta facendo", "en train de"). Comparing the source
with the translation across languages is unreliable (Spanish uses a present subjunctive where
English says "will"), so source-aware mode asks both engine views to agree: the translation
differs from the forward translation *and* the back-translation differs from the source, the
same way. Round-trip mode compares the original and its round trip directly. A present dated
ahead ("opens on Friday") is a future reference either way (checks/futurate.py).
German future and progressive are not marked reliably by form and are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .futurate import futurate, in_relative_clauses, no_new_past
from .modal_forms import MODAL, MODAL_BEFORE, modal_for_modal_future, modal_futures, modals_for_futures
from .verb_tense import BEING, VerbForms, status_line

Matcher = re.Pattern[str] | VerbForms  # what a table of forms holds per language

_ING_NOUNS = (
    r"(?!(?:some|no|any|every)?thing\b|morning\b|evening\b|king\b|ring\b|spring\b|wing\b|during\b"
    r"|sibling\b|going\s+to\b)"  # nouns in -ing, and "going to" (a future)
)

# Synthetic futures and the periphrastic ones ("going to", "vamos continuar", "va a llegar",
# "va partir"): a language says the future either way, a translation may switch between them. A
# periphrastic future is one in every person and with what may come between: a negation or an
# adverb ("isn't going to", "ne va pas partir"), clitic pronouns ("vamos a rendirnos", "vai se
# tornar", "va le faire"). The imminent future is one too: "is about to", "está a punto de",
# "está prestes a", "est sur le point de", "sta per partire".
_ES_CLITICS = r"(?:[mts]e|nos|os|l[aeo]s?)*"
_FR_BETWEEN = (
    r"(?:\s+(?:pas|plus|jamais|bientôt|aussi|encore|également|probablement|certainement|peut-être|désormais))*"
    r"\s+(?:(?:[mts]e|l[ae]|les|lui|leur|nous|vous|y|en)\s+|[mtsl]['’]|[mts]['’]en\s+)*"
)
# "going to the station" goes somewhere: a determiner after "to" opens a place, not a verb.
_NOT_A_PLACE = r"(?!(?:the|a|an|this|that|these|those|my|your|his|her|its|our|their|\d+)\b)"
# The future of "ir" itself ("irá caducar" = "caducará"): "ir" is one letter short of the synthetic
# pattern; "Irán" and "Irão" are Iran.
FUTURE: dict[str, re.Pattern[str]] = {
    # "shall" is a future in the first person ("we shall see", "shall I"); with any other subject it
    # is an obligation ("the tenant shall pay", "the courts shall have jurisdiction")
    "en": re.compile(
        r"\b(?:will|won't|wo n't)\b|\w'll\b|\b(?:I|we)\s+shall\b|\bshall\s+(?:I|we)\b"
        r"|\b(?:am|is|are|'s|'re|'m)(?:\s+not|n't)?\s+(?:going|about)\s+to\s+" + _NOT_A_PLACE + r"\w",
        re.I,
    ),
    "es": re.compile(
        r"\b\w{2,}(?:ré|rás|rá|remos|réis|rán)\b|\bir(?:é|ás|á|emos|éis)\b|(?-i:\birán\b)"
        r"|\b(?:voy|vas|va|vamos|vais|van|vaya|vayas|vayamos|vayáis|vayan)\s+a\s+\w*[aeiáéí]r"
        + _ES_CLITICS
        + r"\b"
        r"|\b(?:estoy|estás|está|estamos|estáis|están)\s+a\s+punto\s+de\b",
        re.I,
    ),
    "pt": re.compile(
        r"\b\w{2,}(?:rei|rás|rá|remos|reis|rão)\b|\bir(?:ei|ás|á|emos|eis)\b|(?-i:\birão\b)"
        r"|\b(?:vou|vais|vai|vamos|ides|vão|vá|vás)\s+(?:(?:se|me|te|nos|lhes?)\s+)?"
        r"(?:\w+(?:ar|er|ir)\b|pôr\b|\w+[áêô]-l[oa]s?\b)"
        r"|\b\w+[aei]r-(?:se|me|te|nos|vos|lhe|lhes|o|a|os|as)-(?:ei|ás|á|emos|eis|ão)\b"  # desmoronar-se-á
        r"|\bprestes\s+a\b",
        re.I,
    ),
    "it": re.compile(
        r"\b\w{2,}(?:rò|rà|ranno)\b"
        r"|\b(?:sto|stai|sta|stiamo|state|stanno)\s+per\s+\w+[aeir]r(?:e|(?:[mtscv]i|l[oaie]|gli|ne)+)\b",
        re.I,
    ),
    # Catalan's synthetic future ("aprovarà", "obriran"; not "extrem"); "va aprovar" is its past
    "ca": re.compile(r"\b(?!(?:extrem|suprem)\b)\w{2,}(?:ré|ràs|rà|rem|reu|ran)\b|\ba\s+punt\s+de\b", re.I),
    "fr": re.compile(
        # -rai, -ront, -rons; verbs in -er also "aidera", "continuerez" (lower case: not "Riviera"; "espéra" is past)
        r"\b\w{2,}(?:rai|ront|rons)\b|\b(?!opera\b)(?-i:[a-zà-ÿœ])\w+(?:era|eras|erez)\b"
        r"|\b(?:sera|aura|fera|ira|pourra|devra|faudra|viendra|saura|verra|voudra|tiendra)\b"
        r"|\b(?:vais|vas|va|allons|allez|vont)(?:-t-(?:il|elle|on)|-(?:je|tu|nous|vous|ils|elles))?"
        + _FR_BETWEEN
        + r"\w+(?:er|ir|re)\b|\bsur\s+le\s+point\s+d(?:e\b|['’])",
        re.I,
    ),
}
# Subordinators after which English says "will" for a Romance present subjunctive ("instituições
# que ajudem" = "institutions that will help", "espero que prevaleça" = "I hope it will prevail").
_EN_SUB_FUTURE = r"\b(?:{})\b(?:\W+\w+){{0,4}}?\W+(?:will|shall|won't|\w+'ll)\b"
# ... and the verbs of saying, thinking and hoping whose content clause English opens without a
# "that" ("Paris hopes French firms will win" for "si spera che ... ricevano").
_EN_CONTENT_VERBS = (
    "hope|hopes|hoped|hoping|expect|expects|expected|believe|believes|believed|think|thinks|thought"
    "|say|says|said|predict|predicts|predicted|fear|fears|feared|ensure|ensures|ensured"
)
# After a preposition "that" is a demonstrative ("For that time he will", "after that"): no clause opens.
_PREP = "about after against at before by during for from into of on over since through to under until with"
_THAT = "".join(rf"(?<!\b{p}\s)" for p in _PREP.split()) + "that"
_SUBORDINATORS = _THAT + "|when|whether|if|though|although|until|unless|once|" + _EN_CONTENT_VERBS
SUBORDINATE_FUTURE = {"en": re.compile(_EN_SUB_FUTURE.format(_SUBORDINATORS), re.I)}
# Content clauses only: English puts no "will" in a clause of time or condition ("if it passes"),
# so one future more there than the engine's is evidence (`_idiomatic_count`).
CONTENT_FUTURE: dict[str, re.Pattern[str]] = {
    "en": re.compile(_EN_SUB_FUTURE.format(_THAT + "|whether|" + _EN_CONTENT_VERBS), re.I)
}
# English progressives: a form of "be" (negated or not), up to two adverbs ("is not growing", "are
# already dramatically improving"), a verb in -ing (an adjective in -ing is none: verb_tense.VerbForms).
_EN_ADVERBS = r"(?:\s+(?:not|\w+ly|already|still|now|also|even|just|again|always|never|ever)){0,2}"
_EN_ING = r"\s+" + _ING_NOUNS + r"(?P<ing>\w{2,}ing)\b(?=(?:\s+(?P<next>\w+))?)"


def _en_progressive(auxiliaries: str) -> VerbForms:
    return VerbForms(
        re.compile(r"(?:\b(?:" + auxiliaries + r")(?:n't)?|\w'(?:s|re|m))" + _EN_ADVERBS + _EN_ING, re.I)
    )


# Present progressives: English says "are indicating" where Romance languages use a simple
# present ("indicam"), so an added present progressive of an active verb is idiom, not aspect.
PRESENT_PROGRESSIVE: dict[str, Matcher] = {"en": _en_progressive("am|is|are")}
_FR_TRAIN = r"\ben train d(?:e\b|')"  # French's own progressive, "être en train de"
PROGRESSIVE: dict[str, Matcher] = {
    "en": _en_progressive("am|is|are|was|were|be|been|being"),
    "es": re.compile(
        r"\b(?:estar|estoy|estás|está|estamos|están|estaba|estaban|estuvo|estuvieron|estará|estarán|estaría|estado)"
        r"\s+\w+(?:ando|iendo|yendo)\b",
        re.I,
    ),
    "pt": re.compile(
        r"\b(?:estar|estou|estás|está|estamos|estão|estava|estavam|esteve|estará)\s+(?:a\s+\w+r\b|\w+(?:ando|endo|indo)\b)",
        re.I,
    ),
    "it": re.compile(
        r"\b(?:sto|stai|sta|stiamo|state|stanno|stavo|stava|stavano|stare)\s+\w+(?:ando|endo)\b", re.I
    ),
    "fr": re.compile(_FR_TRAIN, re.I),
}
# A progressive in a back-translation: Apertium's French for an English progressive (through Spanish
# "estar" + gerund) is "être en" + present participle ("are depending" -> "sont en dépendant", "have
# been having" -> "ont été en y ayant"); French prose writes that only after "c'est" ("c'est en
# forgeant"), left out, as are adverbs in -ant ("est en avant"). Read in back-translations only: in a
# French copy the engine's own French ("étaient en attendant") would stand against "attendaient".
BACK_PROGRESSIVE: dict[str, Matcher] = {
    **PROGRESSIVE,
    "fr": re.compile(
        _FR_TRAIN + r"|(?<!c')(?<!c’)(?<!\bce )\b(?:être|suis|es|est|sommes|êtes|sont|étais|était|étions"
        r"|étiez|étaient|serai|seras|sera|serons|serez|seront|serais|serait|serions|seriez|seraient|été|étant)"
        r"\s+en\s+(?:y\s+|en\s+|[lms]['’]|[lms]e\s+|la\s+|les\s+|nous\s+|vous\s+)?"
        r"(?!(?:avant|devant|pendant|durant|cependant|maintenant|suivant|tant|quant)\b)\w{2,}ant\b",
        re.I,
    ),
}
FEATURES: dict[str, Mapping[str, Matcher]] = {"future": FUTURE, "progressive": PROGRESSIVE}


def _adds_being(inp: CheckInput) -> bool:
    pat = BEING.get(inp.target_lang)
    if pat is None or inp.forward is None:
        return False
    return len(pat.findall(inp.target)) > len(pat.findall(inp.forward))


def _has(text: str, lang: str, table: Mapping[str, Matcher]) -> bool | None:
    pat = table.get(lang)
    return None if pat is None else pat.search(text) is not None


def _spans(text: str, lang: str, table: Mapping[str, Matcher], field: str) -> tuple[Span, ...]:
    pat = table.get(lang)
    return () if pat is None else tuple(Span(field, m.start(), m.end()) for m in pat.finditer(text))


def _wonders(inp: CheckInput) -> bool:
    """The source is a question: its future wonders ("Será que...?" = "Is it...?"), it does not date."""
    return inp.source.rstrip().endswith("?")


def _romance_modal(inp: CheckInput) -> bool:
    """Every future the source has is a modal's, which the Romance copy says with its modals."""
    futures = len(FUTURE[inp.source_lang].findall(inp.source)) if inp.source_lang in FUTURE else 0
    return modal_for_modal_future(inp.source, inp.source_lang, futures, inp.target, inp.target_lang)


def _idiomatic(name: str, added: bool, inp: CheckInput) -> bool:
    """Differences a faithful translation makes: a modal (or "need to", "is to") for a modal's
    future, either way, no future in a question that wonders ("Será que...?"), "will" in a subordinate
    clause for a present subjunctive, a present progressive for a simple present (never a passive
    "is being done"), either way a present dated ahead for a future ("opens on Friday" = "se abrirá
    el viernes", checks/futurate.py), and a simple present for an English present progressive
    ("It's raining" = "Llueve"); neither of the last two may move into the past. An English status
    line ("Skipping package") may be told in the future."""
    if name == "future" and futurate(inp, "source" if added else "text"):
        return True
    if name == "future" and not added:
        if _wonders(inp):
            return True
        pat = MODAL.get(inp.target_lang)
        return pat.search(inp.target) is not None if pat is not None else _romance_modal(inp)
    if name == "future" and added:
        if inp.source_lang == "en" and status_line(inp.source):
            return True  # "Skipping package" / "S'ometrà el paquet"
        sub = SUBORDINATE_FUTURE.get(inp.target_lang)
        every = len(FUTURE[inp.target_lang].findall(inp.target))
        modal = modal_futures(inp.target, inp.target_lang) or 0  # "should" / "deberá" (modal_forms.py)
        if modal >= every and modals_for_futures(inp.source, inp.source_lang, modal):
            return True
        return sub is not None and len(sub.findall(inp.target)) >= every
    if name == "progressive" and added and _continuative(inp):
        return True
    if name == "progressive" and added and not _adds_being(inp):
        present = PRESENT_PROGRESSIVE.get(inp.target_lang)
        progressives = PROGRESSIVE[inp.target_lang]
        return present is not None and len(present.findall(inp.target)) >= len(
            progressives.findall(inp.target)
        )
    if name == "progressive" and not added:
        return _simple_for_progressive(inp) or _participle_kept(inp) or _modal_progressive(inp)
    return False


def _simple_for_progressive(inp: CheckInput) -> bool:
    """The source's progressives are English present progressives of active verbs ("It's raining",
    "prices are rising"), which Spanish, Portuguese, French and Italian say with a simple present
    ("Piove", "los precios suben"); the copy puts nothing in the past ("Llovió" is a tense change).
    Not the other way: English copy without a Romance source's marked progressive changes aspect."""
    if inp.source_lang != "en" or inp.target_lang == "en" or BEING["en"].search(inp.source):
        return False
    present = PRESENT_PROGRESSIVE["en"].findall(inp.source)
    return len(present) >= len(PROGRESSIVE["en"].findall(inp.source)) and no_new_past(inp, "text")


# Portuguese says an action that has gone on until now with "ter" + participle ("têm falado": they
# have been speaking); English says it with a present perfect progressive.
_PT_CONTINUATIVE = re.compile(r"\b(?:tenho|tens|tem|temos|tendes|têm)\s+(?:\w+\s+)?\w+(?:ado|ido)\b", re.I)
_EN_PERFECT_PROGRESSIVE = re.compile(r"\b(?:has|have|'ve)(?:n't)?(?:\s+\w+ly)?\s+been\s+\w{2,}ing\b", re.I)


def _continuative(inp: CheckInput) -> bool:
    """Every progressive of English copy is a present perfect progressive, for a Portuguese
    continuative perfect of the source ("têm falado" / "have been speaking")."""
    if inp.source_lang != "pt" or inp.target_lang != "en" or not _PT_CONTINUATIVE.search(inp.source):
        return False
    perfect = len(_EN_PERFECT_PROGRESSIVE.findall(inp.target))
    return perfect > 0 and perfect >= len(PROGRESSIVE["en"].findall(inp.target))


_SEEMS = re.compile(r"\b(?:seems?|seemed|appears?|appeared)\b", re.I)


def _modal_progressive(inp: CheckInput) -> bool:
    """Every progressive of the source is an infinitive after a modal or a verb of seeming ("pode
    estar a ser", "parece estar a crescer"), and the English copy has a modal or a verb of seeming."""
    modal = MODAL_BEFORE.get(inp.source_lang)
    if modal is None or inp.target_lang != "en":
        return False
    found = list(PROGRESSIVE[inp.source_lang].finditer(inp.source))
    if not found or not all(modal.search(inp.source, 0, m.start()) for m in found):
        return False
    return MODAL["en"].search(inp.target) is not None or _SEEMS.search(inp.target) is not None


def _participle_kept(inp: CheckInput) -> bool:
    """English copy says the engine's progressive with its participle alone, in a reduced relative
    clause or an absolute phrase ("the people already helping the needy" for "que já estão a
    ajudar", "ideas being refined"): the same verb in -ing, the aspect kept."""
    if inp.target_lang != "en" or inp.forward is None:
        return False
    engine = {m.group("ing").lower() for m in PROGRESSIVE["en"].finditer(inp.forward)}
    return bool(engine & {w.lower() for w in re.findall(r"\b\w+ing\b", inp.target)})


TENSE = Check("tense", "major", "Tense or aspect differs", also=("minor",))


@register(TENSE)
def check_tense(inp: CheckInput) -> list[Flag]:
    """A future or progressive form is in the translation exactly when it is in the source."""
    inp = inp.plain()  # "won’t", "it’ll", "shouldn’t"
    flags: list[Flag] = []
    for name, table in FEATURES.items():
        tgt = _has(inp.target, inp.target_lang, table)
        src = _has(inp.source, inp.source_lang, table)
        if tgt is None or src is None or tgt == src:
            continue
        if inp.mode == "source":
            if inp.forward is None or inp.back is None:
                continue
            fwd = _has(inp.forward, inp.target_lang, table)
            back = _has(inp.back, inp.source_lang, BACK_PROGRESSIVE if name == "progressive" else table)
            if fwd == tgt:
                continue  # the forward translation agrees: a difference of idiom, not of tense
            if back == src and not (name == "progressive" and tgt and _adds_being(inp)):
                continue  # the back-translation agrees
        added = bool(tgt and not src)
        if inp.mode == "source" and _idiomatic(name, added, inp):
            continue
        where = (
            _spans(inp.target, inp.target_lang, table, "text")
            if added
            else _spans(inp.source, inp.source_lang, table, "source")
        )
        if added:
            msg = f"the translation adds a {name} form the source does not have"
            flags.append(TENSE.flag(msg, where, severity="minor" if _relative_future(name, inp) else "major"))
        else:
            msg = f"the translation drops a {name} form the source has"
            flags.append(
                TENSE.flag(msg, where, severity="minor" if _future_said_otherwise(name, inp) else "major")
            )
    if not flags and inp.mode == "source":
        flags = _weak_evidence(inp)
    return flags


def _future_said_otherwise(name: str, inp: CheckInput) -> bool:
    """A dropped future is evidence (`minor`), not a finding, where the copy says nothing in the
    past that the source does not (`futurate.no_new_past`; a future told in the past, "se abrirá"
    / "opened", stays `major`): Romance languages say with a synthetic future what English says in
    the present or with a modal (the consequence of a condition, a general truth: "si llueve, el
    partido se suspenderá" = "if it rains, the match is called off"). Measured on the training part of
    the development files, the dropped-future flag fired on 17 correct WMT22 translations (0.57 %)
    and on one tense shift of DEMETR. A dropped progressive stays `major`
    (`_simple_for_progressive` reads the idiom that excuses one)."""
    return name == "future" and no_new_past(inp, "text")


def _relative_future(name: str, inp: CheckInput) -> bool:
    """An added future is evidence (`minor`) where each of the Romance copy's futures is a relative
    clause's verb (`futurate.in_relative_clauses`) and the source says nothing in the past the copy
    does not ("el archivo que se borró" / "que será borrado" stays `major`)."""
    return (
        name == "future"
        and inp.target_lang != "en"
        and in_relative_clauses(inp.target, FUTURE[inp.target_lang])
        and no_new_past(inp, "source")
    )


def _count(text: str | None, lang: str, name: str) -> int | None:
    pat = FEATURES[name].get(lang)
    return None if pat is None or text is None else len(pat.findall(text))


def _idiomatic_count(diff: int, inp: CheckInput) -> bool:
    """The conventions of `_idiomatic`, counted against the engine's forward translation: futures
    the translation lacks that as many more modals than the engine's stand for ("poderá conduzir"
    = "can drive", where a rule-based engine writes "will be able to drive"), futures a question
    that wonders leaves out, futures it adds as "will" in as many more content clauses ("estima
    que atinja" = "estimates that it will reach"), and a present dated ahead either way."""
    if inp.forward is None:
        return False
    if diff < 0 and (_wonders(inp) or (inp.target_lang not in MODAL and _romance_modal(inp))):
        return True
    if futurate(inp, "text" if diff < 0 else "source"):
        return True
    if diff > 0:
        more = (modal_futures(inp.target, inp.target_lang) or 0) - (
            modal_futures(inp.forward, inp.target_lang) or 0
        )
        if more >= diff and modals_for_futures(inp.source, inp.source_lang, more):
            return True  # "should indicate": "deberá indicar" where the engine writes "debería"
    pat = (CONTENT_FUTURE if diff > 0 else MODAL).get(inp.target_lang)
    return pat is not None and len(pat.findall(inp.target)) - len(pat.findall(inp.forward)) >= abs(diff)


def _weak_evidence(inp: CheckInput) -> list[Flag]:
    """Evidence (minor) the presence test above cannot see: one future more or less where the
    source already has one, in both engine views alike; an English verb the translation shares
    with the engine's in the other tense ("gives" / "gave", checks/verb_tense.py)."""
    out: list[Flag] = []
    tgt, fwd = _count(inp.target, inp.target_lang, "future"), _count(inp.forward, inp.target_lang, "future")
    src, back = _count(inp.source, inp.source_lang, "future"), _count(inp.back, inp.source_lang, "future")
    if (
        None not in (tgt, fwd, src, back)
        and tgt != fwd
        and (tgt > fwd) == (back > src)  # type: ignore[operator]
        and back != src
        and not _idiomatic_count(tgt - fwd, inp)  # type: ignore[operator]
    ):
        more = "more" if tgt > fwd else "fewer"  # type: ignore[operator]
        where = _spans(inp.target, inp.target_lang, FUTURE, "text")
        out.append(
            TENSE.flag(f"the translation has {more} future forms than the engine's", where, severity="minor")
        )
    if inp.target_lang == "en" and inp.forward is not None:
        from .verb_tense import switches

        for lemma, said, engine in switches(inp.target, inp.forward):
            out.append(
                TENSE.flag(
                    f"the translation says '{lemma}' in the {said} where the engine's translation says the {engine}",
                    (Span("text", 0, len(inp.target)),),
                    severity="minor",
                )
            )
    return out[:1]  # one piece of weak evidence is enough
