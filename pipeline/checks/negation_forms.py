"""Negations that languages say in other forms (checks/negation.py), written from grammar books.

Counted as negators, in every language that says them so:
- a prohibition, a negated permission: its verb ("prohíbe", "forbade") and its participle as a
  predicate ("queda prohibida la reproducción" = "no part may be reproduced", "è vietato
  fumare"), not a participle beside a noun ("a banned newspaper", "un jornal proibido");
- "hardly", "barely", "scarcely", "à peine", "a malapena", "difícilmente": "hardly anyone came" =
  "casi no vino nadie";
- a verb of not doing before the infinitive it negates: "failed/declined/refused to comment" =
  "no quiso comentar" = "non ha voluto commentare" = "se negó a comentar" = "si è rifiutato di
  commentare"; "advise against exercising" = "desaconsejan hacer ejercicio".
No difference at all, where the side with more negators says what the other side says in the
form its language has (negation._said_alike):
- a restrictive negation against an "only": es "no es más que", "no … sino", pt "não … senão",
  "não … mais do que", "não passa de", it "non è che", "non … altro che", ca "no … més que", en
  "no more than", "nothing but" (French "ne … que" is no negation at all in `negation.cues`);
- an approximate negation ("casi no", "quase não", "quasi nessuno", "ne … guère", "hardly")
  against "apenas", "mal", "appena" or "almost" + a negative word ("quase impossível" =
  "hardly possible");
- a negated noun against its English "-free" compound ("ne contient pas d'huile de palme" =
  "palm-oil free", "free of palm oil").
And the other way round: an "only" against an un-negated "more than" is a restriction one side
lacks ("Esto es más que el principio" / "This is only the beginning").
All entries are folded (lowercase, no accents) to compare with `text.fold`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from .clauses import clause_breaks, clause_words, said_between
from .lexicon import CLAUSE_BREAK, DETERMINERS, NEG_PRIMARY, ONLY_WORDS
from .text import Token, fold, tokens, zipf

Cues = Callable[[str, str], tuple[tuple[int, int], ...]]  # negation.cues: the negators' spans
ONLY_WINDOW = 3  # an "only" this few words after a negator is "not only" ("não cria apenas"), no restriction
LOOSE_ONLY = frozenset({"just", "simply"})  # "only" words that are degree words as often
RESTRICTION_WINDOW = 8  # words after the negator in which the restriction's second part stands
NEGATOR = "<negator>"  # the negator's place among its neighbours (approximate)

_WORD = r"(?<![\w'])(?:{})(?![\w'])"
# a prohibition's verb, a negator wherever it stands ("la ley prohíbe fumar", "forbade")
PROHIBIT: dict[str, str] = {
    "en": r"forbid|forbids|forbade|prohibit|prohibits|prohibiting|banning",
    "es": r"prohib(?:e|en|ir|io|ieron|ia|ian|a|an|iendo|imos)",
    "ca": r"prohib(?:eix|eixen|ir|ia|ien)",
    "pt": r"proib(?:e|em|ir|iu|iram|ia|iam|a|am|indo)",
    "fr": r"interdi(?:s|sent|re|sait|saient|ra|ront)",
    "it": r"viet(?:a|ano|are|o|ava|avano)|proibi(?:re|sce|scono)",
    "de": r"verboten|verbietet|verbieten|untersagt",
}
# ... and its participle, a negator as a predicate ("smoking is forbidden", "queda prohibida la
# reproducción", "prohibido fumar", "the law banned it"), not beside a noun ("a banned newspaper",
# "un jornal proibido": no clause is negated)
PROHIBITED: dict[str, str] = {
    "en": r"forbidden|prohibited|banned",
    "es": r"prohibid[oa]s?",
    "ca": r"prohibi(?:t|da|ts|des)",
    "pt": r"proibid[oa]s?",
    "fr": r"interdit(?:e|s|es)?",
    "it": r"vietat[oaie]|proibit[oaie]",
}
# the verbs before a Romance participle that make it a predicate (copulas and auxiliaries)
COPULAS: dict[str, frozenset[str]] = {
    "es": frozenset(
        "es son era eran fue fueron sera seran sea sean ser siendo sido esta estan estaba estaban estuvo "
        "estar estara queda quedan quedo quedaba quedara quedar ha han habia habian haya hayan habra".split()
    ),
    "pt": frozenset(
        "e sao era eram foi foram sera serao seja sejam ser sendo sido esta estao estava estavam estar "
        "fica ficam ficou ficar ficava tem tinha tinham tenha tera".split()
    ),
    "fr": frozenset(
        "est sont etait etaient sera seront soit soient etre ete reste restent a ont avait avaient".split()
    ),
    "it": frozenset(
        "e sono era erano fu furono sara saranno sia siano essere stato stata stati state viene vengono "
        "venne veniva resta restano rimane ha hanno aveva avevano".split()
    ),
    "ca": frozenset("es son era eren fou sera sigui ser estat esta estan queda queden ha han havia".split()),
}
# "hardly" and the words that say it in one word or one phrase: an approximate negation
# ("hardly anyone came" = "casi no vino nadie"), counted as a negator
HARDLY: dict[str, str] = {
    "en": r"hardly|barely|scarcely",
    "es": r"dificilmente",  # "difícilmente podrá ganar" = "he can hardly win"
    "pt": r"dificilmente",
    "fr": r"a peine",
    "it": r"a malapena|a stento|difficilmente",
    "ca": r"a penes|amb prou feines",
    "de": r"kaum",
}
# ... and words that may say it but say "only" or "just" as often ("apenas 5 %", "è appena
# arrivato"): not negators, but an approximate negation on the other side may be what they say
HARDLY_OR_JUST: dict[str, str] = {"es": r"apenas|a duras penas", "pt": r"mal|a custo", "it": r"appena"}
# Verbs of not doing before the infinitive they negate, in the languages that say them so
# ("se negó a comentar", "rehusó comentar", "si è rifiutato di commentare", "a refusé de
# commenter", "desaconsejan conducir" = "advise against driving"), with at most one word between
# that is no determiner ("declinó para comentar"). The reflexive "negarse a" only ("negar" alone
# is "deny"), after its pronoun (and an auxiliary: "se ha negado a", "es va negar a") or with it
# joined ("negou-se a"). English: english_cue.
_REFUSE = (
    r"(?:{pron})\s+(?:\w+\s+)?(?P<r>neg\w*)\s+a\s+{inf}|(?P<j>neg\w*-(?:{pron}))\s+a\s+{inf}"
    r"|(?P<n>(?:{stems})\w*(?:-(?:{pron}))?)\s+(?:(?!(?:{det})(?![\w']))\w+\s+)?{inf}(?![\w'])"
)
NOT_DOING_VERBS: dict[str, dict[str, str]] = {
    # reflexive pronouns, verb stems, an infinitive (with clitics), determiners
    "es": {
        "pron": "se|me|te|nos|os",
        "stems": "rehus|declin|rechaz|desaconsej",
        "inf": r"\w{2,}(?:ar|er|ir)(?:se|lo|la|los|las|le|les|me|te|nos)?",
        "det": "el|la|los|las|lo|un|una|unos|unas|su|sus|este|esta|ese|esa",
    },
    "pt": {
        "pron": "se|me|te|nos",
        "stems": "recus|declin|rejeit|desaconselh",
        "inf": r"\w{2,}(?:ar|er|ir|or)(?:-\w+)?",
        "det": "o|os|as|um|uma|seu|sua|seus|suas|este|esta|esse|essa",  # not "a": also "to"
    },
    "it": {
        "pron": "si|mi|ti|ci|vi",
        "stems": "rifiut|declin|sconsigli",
        "inf": r"\w{2,}(?:are|ere|ire|rre)(?:lo|la|li|le|si|ne|gli|mi|ti|ci|vi)?",
        "det": "il|lo|la|i|gli|le|un|uno|una|suo|sua|questo|questa",
    },
    "fr": {
        "pron": "se|me|te|nous|vous",
        "stems": "refus|declin|deconseill",
        "inf": r"(?:d')?\w{2,}(?:er|ir|re)",
        "det": "le|la|les|un|une|des|du|ce|cette|son|sa|ses",
    },
    "ca": {
        "pron": "es|se|em|et|ens|us",
        "stems": "refus|rebutj|declin|desaconsell",
        "inf": r"\w{2,}(?:ar|er|ir|re)(?:-\w+)?",
        "det": "el|la|els|les|un|una|seu|seva|aquest|aquesta",
    },
}

# English verbs whose "to" + infinitive is not done ("failed to qualify" = "did not qualify")
NOT_DOING = frozenset(
    "fail fails failed failing decline declines declined declining refuse refuses refused refusing".split()
)
# verbs of advice or decision before "against" + gerund ("advised against going" = "advised not to go")
ADVICE_STEMS = ("advis", "warn", "caution", "counsel", "recommend", "decid", "urg")
# Substrings that an English text must hold for english_cue to find anything (a quick test first)
EN_CUE_STEMS = (*sorted({w[:4] for w in NOT_DOING}), "against")
# words before an English "free" that is no "-free" compound ("feel free", "set free", "for free")
NOT_BEFORE_FREE = frozenset(
    "feel feels felt feeling set sets setting break breaks broke breaking broken go goes went going "
    "walk walks walked run runs ran get gets got getting stay stays stayed remain remains remained "
    "become becomes became keep keeps kept let lets come comes came seem seems seemed look looks "
    "looked make makes made roam roams roamed for".split()
)
FUNCTION_WORD_ZIPF = 5.5  # words at least this frequent (the, is, it's) are function words: no noun
# the second part of a restrictive negation, after the negator in its clause ("no es más que")
RESTRICTIONS: dict[str, re.Pattern[str]] = {
    lang: re.compile(pattern)
    for lang, pattern in {
        "en": r"\s+(?:more than|but)\b",  # right after the negator: "no more than", "nothing but"
        "es": r".*?\b(?:mas que|mas de|sino)\b",
        "ca": r".*?\b(?:mes que|mes de|sino)\b",
        "pt": r".*?\b(?:senao|mais do que|mais que|mais de)\b|\s+pass\w* d[aeo]s?\b",
        # "non è che l'inizio", "non ha che due figli", "non fa che": not "non credo che", nor "non
        # è che" before a clause ("non è che sia facile" = "it is not that it is easy")
        "it": r".*?\baltro che\b|(?:\s+\w+){0,2}?\s+(?:e|sono|era|erano|sara|ha|hanno|aveva|avevano|fa|fanno"
        r"|faceva|resta|restano|rimane|rimangono|c'e|c'era|c'erano)\s+che\s+(?!(?:non|sia|siano|fosse|fossero"
        r"|abbia|abbiano|avesse|io|tu|lui|lei|noi|voi|loro)\b)",
    }.items()
}
# "more than" said without a negator: what a restrictive negation negates ("es más que" / "no es
# más que" = "only")
COMPARATIVES: dict[str, re.Pattern[str]] = {
    lang: re.compile(_WORD.format(pattern))
    for lang, pattern in {
        "en": r"more than",
        "es": r"mas que|mas de",
        "pt": r"mais do que|mais que|mais de",
        "fr": r"plus que|plus de|plus d'",
        "it": r"piu che|piu di",
        "ca": r"mes que|mes de",
    }.items()
}
# "almost" before a negator or a negative word makes an approximate negation ("casi no", "quasi
# nessuno"), as "hardly" is one
ALMOST: dict[str, frozenset[str]] = {
    "en": frozenset("almost nearly".split()),
    "es": frozenset("casi apenas".split()),
    "pt": frozenset("quase".split()),
    "it": frozenset("quasi".split()),
    "fr": frozenset("presque".split()),
    "ca": frozenset("gairebe".split()),
    "de": frozenset("fast".split()),
}
_FR_NEGATIVE = frozenset("pas personne rien aucun aucune jamais".split())
_HARDLY = {lang: re.compile(_WORD.format(p)) for lang, p in HARDLY.items()}
_HARDLY_OR_JUST = {lang: re.compile(_WORD.format(p)) for lang, p in HARDLY_OR_JUST.items()}


# "algum" after its noun negates ("de modo algum" = "in no way", "em parte alguma" = "nowhere"):
# in a phrase of a preposition and a noun, where no negator before it in its clause makes it
# concord ("não é de modo algum" negates once). Before its noun it is "some" ("de algum modo").
POSTPOSED: dict[str, str] = {
    "pt": r"(?:de|em|por|sob)\s+\w+\s+(?P<a>alguma?)",
    "es": r"(?:de|en|por|bajo)\s+\w+\s+(?P<a>alguna|alguno)",
}


def _lexical_pattern(lang: str) -> re.Pattern[str]:
    parts = [
        _WORD.format(f"(?P<{group}>{table[lang]})")
        for group, table in (("v", PROHIBIT), ("p", PROHIBITED), ("h", HARDLY))
        if lang in table
    ]
    if lang in POSTPOSED:
        parts.append(_WORD.format(POSTPOSED[lang]))
    if lang in NOT_DOING_VERBS:
        parts.append(_REFUSE.format(**NOT_DOING_VERBS[lang]))
    return re.compile("|".join(parts))


LEXICAL_CUES = {lang: _lexical_pattern(lang) for lang in {*PROHIBIT, *HARDLY, *NOT_DOING_VERBS, *POSTPOSED}}
_ARTICLES = {lang: DETERMINERS.get(lang, frozenset()) for lang in LEXICAL_CUES}


def lexical_cues(folded: str, lang: str) -> frozenset[int]:
    """Where the negators said with a word of their own stand: a prohibition, "hardly", a verb
    of not doing before its infinitive, a postposed "algum" (the start of the word)."""
    pat = LEXICAL_CUES.get(lang)
    if pat is None:
        return frozenset()
    out = set()
    for m in pat.finditer(folded):
        group = next(g for g, v in m.groupdict().items() if v is not None)
        start = m.start(group)
        before = [t.text for t in tokens(folded[max(0, start - 40) : start])[-2:]]
        if group == "p" and not _predicate(folded, lang, before, m.end(group)):
            continue
        if group == "n" and before[-1:] and before[-1] in _ARTICLES[lang]:
            continue  # a noun: "a recusa de tentar" = "the refusal to try"
        if group == "a":  # concord with a negator before it in its clause
            breaks = clause_breaks(folded)
            k = bisect.bisect_left(breaks, start)
            opened = breaks[k - 1] + 1 if k else 0  # after the clause's break ("algum" has a space before)
            if said_between(folded, opened, start, NEG_PRIMARY[lang]):
                continue
        out.add(start)
    return frozenset(out)


def _predicate(folded: str, lang: str, before: list[str], end: int) -> bool:
    """A prohibition's participle said of a clause, not of a noun beside it."""
    after = tokens(folded[end : end + 40])[:2]
    if after and (after[0].text in ("to", "from", "de", "di") or after[0].text.startswith("d'")):
        return True  # "forbidden to enter", "banned from driving", "prohibido de", "interdit de"
    if lang == "en":
        if before[-1:] and before[-1].endswith("ly"):
            before = before[:-1]  # "a strictly prohibited substance", "is strictly prohibited"
        return not (before[-1:] and before[-1] in _ARTICLES["en"])
    if not before or before[-1] in COPULAS.get(lang, frozenset()) or before[-1].endswith(("mente", "ment")):
        return True  # "prohibido fumar", "queda prohibida", "est strictement interdit"
    inf = NOT_DOING_VERBS.get(lang, {}).get("inf")
    return bool(after and inf and re.fullmatch(inf, after[0].text))  # "prohibido fumar"


def english_cue(folded: str, toks: tuple[Token, ...], i: int) -> bool:
    """An English verb of not doing before its infinitive, or "against" + gerund after a verb
    of advice or decision ("strongly advise against exercising")."""
    w = toks[i].text
    if w in NOT_DOING:
        return folded[toks[i].end : toks[i].end + 4] == " to "
    if w != "against" or i + 1 >= len(toks) or not toks[i + 1].text.endswith("ing"):
        return False
    return any(t.text.startswith(ADVICE_STEMS) for t in toks[max(0, i - 2) : i])


def free_compound(folded: str, toks: tuple[Token, ...], i: int) -> bool:
    """An English "free" that says "without" its noun: "sulphate-free", the open compound "palm
    oil free" / "palm-oil free", and "free of (from) palm oil"; not "is free", "feel free",
    "completely free", "free to go"."""
    tok = toks[i]
    if folded[tok.start - 1 : tok.start] == "-":
        return True
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    if nxt in ("of", "from"):
        return True
    if not i or nxt == "to" or folded[toks[i - 1].end : tok.start] != " ":
        return False
    prev = toks[i - 1].text
    return not (prev in NOT_BEFORE_FREE or prev.endswith("ly") or zipf(prev, "en") >= FUNCTION_WORD_ZIPF)


def freed(folded: str, negated: frozenset[str], stem: int) -> int:
    """How many English "-free" compounds free a noun that the other side negates, as the engine
    renders it ("palm-oil free" / "ne contient pas d'huile de palme": "does not contain ... oil
    of palm"): the same "without" said both ways. `negated`: stems of the negated words."""
    toks = tokens(folded)
    n = 0
    for i, tok in enumerate(toks):
        if tok.text != "free" or not free_compound(folded, toks, i):
            continue
        of = i + 1 < len(toks) and toks[i + 1].text in ("of", "from")
        nouns = toks[i + 2 : i + 4] if of else toks[max(0, i - 2) : i]
        n += any(t.text[:stem] in negated for t in nouns if len(t.text) > 2)
    return n


def folded(text: str) -> str:
    """A text as the negation readers compare it: folded, with typographic apostrophes plain."""
    return fold(text).replace("’", "'")


def restrictive(folded: str, lang: str, cues: tuple[tuple[int, int], ...]) -> int:
    """How many negators open a restrictive negation ("no es más que el principio" = "only")."""
    pat = RESTRICTIONS.get(lang)
    if pat is None:
        return 0
    n = 0
    for _, end in cues:
        head = " ".join(clause_words(folded, end, RESTRICTION_WINDOW))
        n += bool(pat.match(" " + head))
    return n


def only_words(folded: str, lang: str, strict: bool = False) -> int:
    """How many "only" words restrict (not the "only" of "not only", "não … apenas"); `strict`:
    not "just" and "simply", which say other things as often ("just over three hours")."""
    only = ONLY_WORDS.get(lang, frozenset()) - (LOOSE_ONLY if strict else frozenset())
    negators = NEG_PRIMARY.get(lang, frozenset()) | {"not"}
    toks = tokens(folded)
    return sum(
        t.text in only
        and not any(p.text in negators or p.text.endswith("n't") for p in toks[max(0, i - ONLY_WINDOW) : i])
        for i, t in enumerate(toks)
    )


def approximate(folded: str, lang: str, cues: tuple[tuple[int, int], ...]) -> int:
    """How many negators negate approximately: "hardly" and its like, "almost" right before the
    negator or before a negative word of its clause ("casi no vino", "presque personne n'est
    venu", "non è venuto quasi nessuno"), French "ne … guère"."""
    almost, hardly = ALMOST.get(lang, frozenset()), _HARDLY.get(lang)
    negative = NEG_PRIMARY.get(lang, frozenset()) | _FR_NEGATIVE
    n = 0
    for start, end in cues:
        lead = folded[max(0, start - 24) : start]
        cut = [m.end() for m in CLAUSE_BREAK.finditer(lead)]
        before = [t.text for t in tokens(lead[cut[-1] if cut else 0 :])[-2:]]
        after = clause_words(folded, end, RESTRICTION_WINDOW)
        seq = [*before, NEGATOR, *after]
        near = {a for a, b in zip(seq, seq[1:]) if b == NEGATOR or b in negative}
        n += bool(
            near & almost
            or (hardly is not None and hardly.match(folded, start))
            or (lang == "fr" and "guere" in after)
        )
    return n


def hardly_or_just(folded: str, lang: str, negative: frozenset[str]) -> int:
    """How many words may say "hardly" without a negator: "apenas había gente", and "almost"
    before a word that negates without one (`negative`: "quase impossível" = "hardly possible")."""
    pat = _HARDLY_OR_JUST.get(lang)
    toks, almost = tokens(folded), ALMOST.get(lang, frozenset())
    near = sum(a.text in almost and b.text in negative for a, b in zip(toks, toks[1:]))
    return near + (0 if pat is None else len(pat.findall(folded)))


def bare_comparatives(folded: str, lang: str, cues: tuple[tuple[int, int], ...]) -> int:
    """How many "more than"s no negator of their clause turns into "only" ("es más que")."""
    pat = COMPARATIVES.get(lang)
    if pat is None:
        return 0
    negators = sorted(s for s, _ in cues)
    breaks = clause_breaks(folded)
    n = 0
    for m in pat.finditer(folded):
        # the last negator before it, and whether a clause break stands between them
        i, k = bisect.bisect_left(negators, m.start()), bisect.bisect_left(breaks, m.start())
        n += not (i and (not k or breaks[k - 1] < negators[i - 1]))
    return n


def only_for_more_than(text: tuple[str, str], other: tuple[str, str], view: str, cues: Cues) -> bool:
    """`text` says "only" where `other` says "more than" with no negator, and so does the engine's
    rendering of `other` in `text`'s language (`view`), without the "only": `text` restricts
    ("no es más que" = "only") where `other` does not."""
    (said, lang), (other_text, other_lang) = text, other

    def more_than(t: str, lg: str) -> int:
        return bare_comparatives(folded(t), lg, cues(t, lg))

    only = only_words(folded(said), lang, strict=True)
    return (
        only > only_words(folded(other_text), other_lang, strict=True)
        and only > only_words(folded(view), lang, strict=True)
        and more_than(other_text, other_lang) > more_than(said, lang) < more_than(view, lang)
    )
