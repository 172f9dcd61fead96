"""Words that negate without a negator (`negation` weighs them against a difference in negator
counts): the listed ones ("without", "lacks", "few", "sin", "falta") and words made negative by an
affix ("unable", "insuficiente", "useless", "unterminated"), and "cannot" said with an adjective
("Impossível abrir" = "No se puede abrir", `cannot_said_alike`)."""

from __future__ import annotations

import functools
import re
from difflib import SequenceMatcher

from . import CheckInput
from .lexicon import (
    ASSIMILATED_PREFIXES,
    CAN,
    CANNOT_STEMS,
    ERROR_NOUNS,
    H_DROPPED,
    IMPLICIT_IDIOMS,
    NEG_AFFIXES,
    NEG_HYPHEN_ONLY,
    NEG_HYPHEN_SUFFIXES,
    NEG_IMPLICIT,
    VERBAL_NOUN_ENDINGS,
)
from .negation_forms import free_compound
from .text import Token, fold, inside, tokens, words, zipf
from .wordnet_antonyms import prefixed_opposite, un_participle

CAN_AFTER = 3  # words after a negator that may be the "can" it negates ("no se le puede", "não foi possível")
_CAN = {lang: re.compile(rf"(?:{forms})(?:n't|not)?") for lang, forms in CAN.items()}
AFFIX_STEM_ZIPF = 3.0  # un-able: the rest must be a word at least this common
WEAK_AFFIX_STEM_LEN = 6  # in-suficiente: after a weak prefix, the rest must be this long too
CONFIRMING_STEM_LEN = 5  # des-ligar: as long after "des", where it only confirms a flip the other view shows
# "Different from" says "not" ("distinto de cero" = "non nulle"), "outside" says "not in" ("fuera de
# rango"): only with their preposition ("si fuera", "se fora" are verbs). Folded.
NEGATING_PHRASES = re.compile(
    r"\b(?:(?:distint|diferent|different|divers|distinct)[aeios]*|fuera|fora|hors|fuori)\s+"
    r"(?:de|da|do|du|di|del|dos|das|des|dal|dalla|dallo|dai|dei|from|than|of)\b"
)
_DIFFERENT = re.compile(r"(?:distint|diferent|different|divers|distinct)[aeios]*$")
# Words that negate in a word only in some of their uses ("faltante", "mancante": the participle of "to
# lack" the lists hold; Spanish "mal" = "non corretta", not "mal" = "ill"): `weak` words, as are the
# readings below (phrases, kept English words, rarer rests, "mis-"), which stand in for a negator only
# where the other side does not write the same word (negation._implied)
WEAK_LISTED: dict[str, frozenset[str]] = {
    "es": frozenset({"faltante", "faltantes", "mal"}),
    "pt": frozenset({"faltante", "faltantes"}),
    "fr": frozenset({"manquant", "manquante", "manquants", "manquantes"}),
    "it": frozenset({"mancante", "mancanti"}),
}
KEPT_ENGLISH_ZIPF = 2.5  # an English word kept in other copy ("unsigned long"): this common in English
# A Romance "in-" adjective of possibility ("inalcanzables", "introuvable") negates by how the language
ABLE_STEM_ZIPF = 2.0  # makes words: its rest need only be this common ("alcanzables": 2.4). Endings:
ABLE_ENDINGS = tuple("able ables ible ibles avel aveis ivel iveis abile abili ibile ibili".split())


@functools.lru_cache(maxsize=8192)
def implicit(text: str, lang: str) -> tuple[str, ...]:
    """Words that negate without a negator: "without", "lacks", "few", and words made negative by
    an affix ("unable", "insuficiente", "useless"). They explain a difference in negator counts."""
    return tuple(w for w, _ in _readings(text, lang))


def weak(text: str, lang: str) -> frozenset[str]:
    """The words of `implicit` read by its weaker readings (`WEAK_LISTED`, a phrase of
    `NEGATING_PHRASES`, a kept English word, a prefix read by `_prefix_rest` but not strictly)."""
    return frozenset(w for w, loose in _readings(text, lang) if loose)


@functools.lru_cache(maxsize=8192)
def _readings(text: str, lang: str) -> tuple[tuple[str, bool], ...]:
    """Each word of `implicit`, and whether only a weaker reading makes it one (`weak`)."""
    listed = NEG_IMPLICIT.get(lang, frozenset())
    strong, fused, suffixes = _prefixes(lang)
    hyphen_suffixes = NEG_HYPHEN_SUFFIXES.get(lang, frozenset())
    out = []
    folded = fold(text)
    toks = tokens(folded)
    idiom = IMPLICIT_IDIOMS.get(lang)  # "sin embargo"; of "no solo ... sino", the "sino"
    inert = [m.span(m.lastgroup or 0) for m in idiom.finditer(folded)] if idiom else []
    phrased = {m.start() for m in NEGATING_PHRASES.finditer(folded)}  # "distinto de cero", "fuera de"
    for i, tok in enumerate(toks):
        if inside(tok.start, inert):
            continue
        w = tok.text.replace("-", "")
        spelt = text[tok.start : tok.end].lower().replace("-", "")  # accents kept, for frequencies
        hyphened = (
            (folded[tok.end : tok.end + 1] == "-" and tok.text in strong)
            or (
                tok.text in hyphen_suffixes  # "sulphate-free", "palm oil free"
                and (
                    folded[tok.start - 1 : tok.start] == "-"
                    or (lang == "en" and free_compound(folded, toks, i))
                )
            )
        )
        weakly = tok.start in phrased or w in WEAK_LISTED.get(lang, ()) or _kept_english(w, spelt, lang)
        if (
            weakly
            or w in listed
            or hyphened
            or _affixed(w, spelt, lang, fused, strong, suffixes)
            or _failed_act(folded, tok)
        ):
            loose = _prefix_rest(w, spelt, lang, fused, strong) is not None
            strictly = loose and _prefix_rest(w, spelt, lang, fused, strong, strict=True) is not None
            out.append((tok.text, weakly or (loose and not strictly)))
    return tuple(out)


# What names the act after a word of failure: a preposition ("Error al abrir", "Falha ao enviar",
# "erreur lors de", "Failed to"), an infinitive ("Impossibile eliminare"), an English gerund ("Error
# opening"), or "de"/"di" and a noun of action ("Échec de la connexion", "errore nell'apertura",
# "Error de conexión"; not "Falha de segurança", "Fallo del sistema": a fault, not a failed act).
_ACT_FOLLOWS = re.compile(
    r"\s+(?:al|en|ao|a|na|no|nel|nell|nella|nello|durante|lors|pendant|while|when|during|to|in|on|at)\b"
    r"|\s+\w{3,}(?:ing|ar|er|ir|re)\b"
    r"|\s+(?:d['’]|(?:de|di|du|del|da|do|des|della|dello|dei|degli)\s+"
    r"(?:(?:la|le|les|el|los|las|o|a|os|as|il|lo|gli|un|una|uno|une)\s+|l['’])?)"
    r"\w+(?:ion|ions|ione|ioni|cao|sao|coes|soes|mento|mentos|menti|miento|mientos|ment|ments|age|aggio|ure|ura)\b"
)
_OPENING = frozenset(
    ("", ":", "¡", "¿", '"', "'", "«", "“", "(", "[")
)  # what may come before a message's first word


def act_follows(folded: str, tok: Token) -> bool:
    """`tok` opens a message (the text's first word, or the first after a colon, an opening mark or
    quote before it), and an act follows it (`_ACT_FOLLOWS`)."""
    if folded[: tok.start].rstrip()[-1:] not in _OPENING:
        return False
    return _ACT_FOLLOWS.match(folded, tok.end) is not None


def kind(word: str) -> str:
    """A negating word as two texts are compared: the words of "different from" are one ("distinto",
    "diferente", "distinct"); any other word is itself."""
    return "different" if _DIFFERENT.match(fold(word)) else word


def _failed_act(folded: str, tok: Token) -> bool:
    """An error noun that names a failed act (`lexicon.ERROR_NOUNS`, `act_follows`)."""
    return tok.text in ERROR_NOUNS and act_follows(folded, tok)


@functools.cache
def _prefixes(lang: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(strong prefixes, the prefixes written fused: all but those that negate only hyphenated,
    suffixes) of a language (`NEG_AFFIXES`)."""
    strong, weak, suffixes = NEG_AFFIXES.get(lang, ((), (), ()))
    return (
        strong,
        tuple(p for p in strong + weak if p not in NEG_HYPHEN_ONLY.get(lang, frozenset())),
        suffixes,
    )


def _affixed(
    w: str, spelt: str, lang: str, fused: tuple[str, ...], strong: tuple[str, ...], suffixes: tuple[str, ...]
) -> bool:
    """`w` (folded; `spelt`: the same word with its accents) made negative by a prefix written
    fused to it (`fused`: the language's prefixes but those that negate only hyphenated) or by a
    suffix."""
    if _prefix_rest(w, spelt, lang, fused, strong) is not None:
        return True
    for sfx in suffixes:
        rest = w[: -len(sfx)]
        if w.endswith(sfx) and len(rest) >= 3 and _freq(rest, spelt[: -len(sfx)], lang) >= AFFIX_STEM_ZIPF:
            return True
    return False


def _kept_english(w: str, spelt: str, lang: str) -> bool:
    """An English word negated by its prefix kept in other copy, commoner in English ("valor unsigned")."""
    if lang == "en" or not w.startswith(("un", "non", "in", "im", "ir", "il", "dis")):
        return False
    english = zipf(w, "en")
    if english < KEPT_ENGLISH_ZIPF or english <= _freq(w, spelt, lang) + 1:
        return False
    strong, fused, _ = _prefixes("en")
    return _prefix_rest(w, w, "en", fused, strong) is not None


def _freq(a: str, b: str, lang: str) -> float:
    """The frequency of a word read as written and as folded: folding loses what an accent tells
    ("inválidos": "validos" is rare in Portuguese, "válidos" common)."""
    return max(zipf(a, lang), zipf(b, lang))


def _prefix_rest(
    w: str,
    spelt: str,
    lang: str,
    fused: tuple[str, ...],
    strong: tuple[str, ...],
    weak_min: int = WEAK_AFFIX_STEM_LEN,
    strict: bool = False,
) -> str | None:
    """What follows the prefix of `w` (folded) where a prefix makes it negative ("valido" of
    "invalido", "known" of "unknown"), else None. `strict`: not by the weaker readings (a rarer
    rest of "-able", a five-letter rest after "i-", English "mis-")."""
    if lang == "en" and un_participle(w):
        return w[2:]  # "unterminated", rare as a whole word
    verbal_noun = lang != "en" and w.endswith(VERBAL_NOUN_ENDINGS.get(lang, ()))
    for p in () if verbal_noun else tuple(p for p in fused if not (strict and p == "mis")):
        rest, rest_spelt = w[len(p) :], spelt[len(p) :]
        if not w.startswith(p) or len(rest) < 3 or not rest.startswith(ASSIMILATED_PREFIXES.get(p, "")):
            continue
        if lang in H_DROPPED and _freq("h" + rest, "h" + rest_spelt, lang) > _freq(rest, rest_spelt, lang):
            rest, rest_spelt = "h" + rest, "h" + rest_spelt  # "desabilitar": "habilitar"
        if lang == "en" and prefixed_opposite(w, rest):
            return rest
        able = lang != "en" and rest.endswith(ABLE_ENDINGS) and not strict
        least = ABLE_STEM_ZIPF if able else AFFIX_STEM_ZIPF
        if len(rest) >= 4 and _freq(rest, rest_spelt, lang) >= least:
            # a rest of `weak_min` letters after a prefix of three ("des-ligar") or an "i-" that
            # doubles the "l" it took the place of ("i-legal"); "in-forma", "im-porta" are words
            least_len = (
                CONFIRMING_STEM_LEN if p in ASSIMILATED_PREFIXES and not strict else WEAK_AFFIX_STEM_LEN
            )
            if p in strong or (lang != "en" and len(rest) >= (weak_min if len(p) >= 3 else least_len)):
                # an English "un-"/"non-" before a common word negates it however rare the whole
                # ("nonportable", "unescaped"); elsewhere the whole must be a word of the language
                if _freq(w, spelt, lang) > 0 or (lang == "en" and p in strong):
                    return rest
                return None
    return None


@functools.lru_cache(maxsize=8192)
def prefixed(text: str, lang: str, weak_min: int = WEAK_AFFIX_STEM_LEN) -> dict[str, str]:
    """The words of `text` made negative by a fused prefix, folded, each with what follows the
    prefix ("invalido" -> "valido", "desconocido" -> "conocido", "unknown" -> "known")."""
    strong, fused, _ = _prefixes(lang)
    out = {}
    for tok in tokens(fold(text)):
        rest = _prefix_rest(tok.text, text[tok.start : tok.end].lower(), lang, fused, strong, weak_min)
        if rest is not None:
            out[tok.text] = rest
    return out


_AGREEMENT = re.compile(r"[aeiou]s?$")  # the ending agreement changes ("válido", "válida", "válidos")


def _agreed(word: str) -> str:
    return _AGREEMENT.sub("", word)


def flipped_prefix(one: str, other: str, lang: str) -> list[tuple[str, str, bool]]:
    """(word, what follows its prefix) where one text of a language says a word negated by a
    prefix ("inválido") and the other the plain word in any agreement ("válida") without the
    prefixed one, either way: an opposite said with the language's own prefix. A plain side that
    negates with a word ("little likely" / "unlikely") says the same. Texts with a negator are the
    caller's to leave out ("no es válido" / "é inválido"). The third item: the prefixed word is in `one`."""
    if not (prefixed(one, lang) or prefixed(other, lang)):
        return []
    keys_one = {_agreed(fold(t.text)) for t in tokens(one)}
    keys_other = {_agreed(fold(t.text)) for t in tokens(other)}
    found = []
    for text, plain, mine, theirs, in_one in (
        (one, other, keys_one, keys_other, True),
        (other, one, keys_other, keys_one, False),
    ):
        if set(implicit(plain, lang)) - set(prefixed(plain, lang)) - set(implicit(text, lang)):
            continue  # the plain side negates with a word the other does not write ("pouco provável")
        for w, rest in prefixed(text, lang).items():
            if _agreed(w) not in theirs and _agreed(rest) in theirs and _agreed(rest) not in mine:
                found.append((w, rest, in_one))
    return found


COGNATE_RATIO = 0.6  # plain words of the two engine views this alike are one word in two languages
SHORT_TEXT_WORDS = 6  # a label or message this short has one word a prefix can flip


def _cognate(a: str, b: str) -> bool:
    """Two folded words that begin alike and share most letters in order ("valid" / "valido",
    "attiva" / "activa", "conhecido" / "conocido")."""
    return a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= COGNATE_RATIO


def prefix_flips(inp: CheckInput) -> list[tuple[str, str]]:
    """The copy's flips against the engine's forward translation (`flipped_prefix`) where the
    back-translation flips the source's too, the same way round: on the same word (the plain words
    of the two views are cognates: "valid" and "válido"; the engine's "invalid" for the copy's
    "valid", and its "válido" for the source's "inválido"), or, in a text of a few words, on the
    word the engine chose ("Conectar" / "Desconectar": the back-translation's "Desligar";
    "Unknown user" / "Usuario conocido": "known" and "conocido"). Empty without both views."""
    if inp.forward is None or inp.back is None:
        return []
    short = len(tokens(inp.source)) <= SHORT_TEXT_WORDS
    found = flipped_prefix(inp.forward, inp.target, inp.target_lang)
    back = flipped_prefix(inp.source, inp.back, inp.source_lang) if found or short else []
    leans = _leans(inp.source, inp.back, inp.source_lang, CONFIRMING_STEM_LEN) if short else None
    flips = [
        (w, rest)
        for w, rest, engine_side in found
        if leans == engine_side or any(_cognate(rest, other) for _, other, _ in back)
    ]
    if flips or not short:
        return flips
    # the other way round: the source's view flips on one word ("Conectar" / back-translated
    # "Desconectar") and the copy's leans the same way, where the engine said it with another verb
    # ("Ligar" for the copy's "Desconectar")
    leans = _leans(inp.forward, inp.target, inp.target_lang, CONFIRMING_STEM_LEN)
    return [(w, rest) for w, rest, source_side in back if leans == source_side]


def _leans(one: str, other: str, lang: str, weak_min: int = WEAK_AFFIX_STEM_LEN) -> bool | None:
    """Which of two texts alone has words negated by a prefix: `one` (True), `other` (False), or
    neither or both (None)."""
    mine, theirs = set(prefixed(one, lang, weak_min)), set(prefixed(other, lang, weak_min))
    if mine - theirs and not theirs - mine:
        return True
    return False if theirs - mine and not mine - theirs else None


def cannot_said_alike(more: str, more_lang: str, cues: tuple[tuple[int, int], ...], fewer: str) -> int:
    """How many negators of `more` (folded) negate a "can" ("no se puede", "não foi possível",
    "cannot", "n'a pas pu") that `fewer` (folded, the side with fewer negators) says with a word of
    impossibility of its own ("impossível", "imposible de", "incapaz de", "unable to"): "cannot"
    both ways, no difference of meaning. An impossibility word both sides write counts for neither."""
    can = _CAN.get(more_lang)
    if can is None or not cues:
        return 0
    toks = tokens(more)
    said = sum(t.text.startswith(CANNOT_STEMS) for t in tokens(fewer))
    said -= sum(t.text.startswith(CANNOT_STEMS) for t in toks)
    if said <= 0:
        return 0
    starts = {t.start: i for i, t in enumerate(toks)}
    negated = 0
    for start, _ in cues:
        i = starts.get(start)
        # the "can" before the negator ("could not"), after it ("no se puede", "não foi possível")
        # or the negator itself ("cannot", "can't")
        if i is not None and any(can.fullmatch(t.text) for t in toks[max(0, i - 1) : i + 1 + CAN_AFTER]):
            negated += 1
    return min(negated, said)


def read_by_engine(inp: CheckInput, copy_side: bool = True) -> tuple[str, ...]:
    """Words the engine negates with beyond those of the side it renders, on the side with fewer negators:
    the copy's back-translation ("fallita" / "failed": a word its language's list lacks), or, not
    `copy_side`, words negated by a prefix in the forward translation ("inconnu" / "desconocido", where
    the copy says "No se reconoce"; its listed words may render a plain word: "hasta" / "until")."""
    view, own, lang = (
        (inp.back, inp.source, inp.source_lang) if copy_side else (inp.forward, inp.target, inp.target_lang)
    )
    if view is None:
        return ()
    said = [kind(w) for w in implicit(own, lang)]
    out = []
    for w in implicit(view, lang):
        if kind(w) in said:
            said.remove(kind(w))
        elif copy_side or w in prefixed(view, lang):
            out.append(w)
    return tuple(out)


def unspent(implied: tuple[str, ...], cannot: int) -> tuple[str, ...]:
    """The words that negate without a negator, less the first `cannot` words of impossibility:
    those said a negated "can" of the other side (`cannot_said_alike`) and explain nothing else."""
    out = []
    for w in implied:
        if cannot and w.startswith(CANNOT_STEMS):
            cannot -= 1
        else:
            out.append(w)
    return tuple(out)


def borne_out(said: tuple[str, ...], forward: str | None, back: str | None, lang: str) -> tuple[str, ...]:
    """The source's negating words ("sin", "escasos", "insuficiente") that may be what the copy
    says with a negator, as the engine sees them. Not a word the back-translation of the copy keeps
    beside its new negator ("inmigrantes" read as in-migrantes: "no llegan ... inmigrantes"), and
    no more of them than the forward translation negates with a word or an affix of its own
    ("without", "few", "insufficient") or leaves untranslated (then it cannot tell): a word the
    engine renders plainly ("hará falta" / "will take") explains no added negation."""
    if back is not None:
        kept_back = set(words(back))
        said = tuple(w for w in said if w not in kept_back)
    if forward is None:
        return said
    kept = set(words(forward))
    return said[: len(implicit(forward, lang)) + sum(w in kept for w in said)]
