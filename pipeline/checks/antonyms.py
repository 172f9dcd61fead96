"""Antonyms: a word swapped for its opposite ("more" -> "less", "opened" -> "closed").

A table of common opposite pairs (the same concepts in en, es, fr, de, it, pt, from general
dictionaries; "word*" matches a prefix, so one entry covers a verb's forms; "went_up" is two words
in a row). Source-aware mode asks both engine views to see the same swap: the translation has more
of one side and less of the other than the forward translation, and the back-translation against
the source likewise.
Round-trip mode compares the original and its round trip directly (same language).
"""

from __future__ import annotations

import functools

from pipeline.records import Flag, Span

from . import Check, CheckInput, register
from .text import fold, tokens

# concept pair -> language -> (words of side A, words of side B)
PAIRS: dict[str, dict[str, tuple[str, str]]] = {
    "more/less": {
        "en": ("more most", "less least fewer fewest"),
        "es": ("mas", "menos"),
        "fr": ("davantage", "moins"),
        "de": ("mehr meisten", "weniger wenigsten"),
        "it": ("piu", "meno"),
        "pt": ("mais", "menos"),
    },
    "before/after": {
        "en": ("before", "after"),
        "es": ("antes", "despues"),
        "fr": ("avant", "apres"),
        "de": ("bevor vorher", "nachdem danach"),
        "it": ("prima", "dopo"),
        "pt": ("antes", "depois"),
    },
    "increase/decrease": {
        "en": (  # "went_up": two words (Apertium says "subió" / "bajó" as "went up" / "went down")
            "increas* rise rises rose risen rising grow grew grown growing go_up goes_up went_up gone_up",
            "decreas* fall falls fell fallen falling declin* drop dropped dropping go_down goes_down went_down"
            " gone_down",
        ),
        "es": (
            "aument* crec* subio subieron sube suben",
            "disminu* descen* cayo cayeron cae caen bajaron redu*",
        ),
        "fr": ("augment* hausse* croissan*", "diminu* baisse* chute*"),
        "de": ("steig* stieg* gestiegen anstieg* erhoh*", "sink* sank* gesunken ruckgang* verringer*"),
        "it": ("aument* cresc*", "diminu* calo cala calat*"),
        "pt": ("aument* cresc* subiu subiram", "diminu* caiu cair queda*"),
    },
    "big/small": {
        "en": ("big bigger biggest large larger largest huge", "small smaller smallest tiny"),
        "es": ("grande grandes enorme enormes", "pequeno pequena pequenos pequenas diminuto diminuta"),
        "fr": ("grand grande grands grandes enorme enormes", "petit petite petits petites minuscule"),
        "de": ("gross grosse grossen grosser riesig*", "klein kleine kleinen kleiner winzig*"),
        "it": ("grande grandi enorme enormi", "piccolo piccola piccoli piccole"),
        "pt": ("grande grandes enorme enormes", "pequeno pequena pequenos pequenas"),
    },
    "best/worst": {
        "en": ("best better", "worst worse"),
        "es": ("mejor mejores", "peor peores"),
        "fr": ("meilleur meilleure meilleurs meilleures mieux", "pire pires"),
        "de": ("besser bessere besten beste", "schlechter schlechteste schlechtesten"),
        "it": ("migliore migliori meglio", "peggiore peggiori peggio"),
        "pt": ("melhor melhores", "pior piores"),
    },
    "first/last": {
        "en": ("first", "last"),
        "es": ("primero primera primer primeros primeras", "ultimo ultima ultimos ultimas"),
        "fr": ("premier premiere premiers premieres", "dernier derniere derniers dernieres"),
        "de": ("erste ersten erster erstes", "letzte letzten letzter letztes"),
        "it": ("primo primi", "ultimo ultima ultimi ultime"),
        "pt": ("primeiro primeira primeiros primeiras", "ultimo ultima ultimos ultimas"),
    },
    "win/lose": {
        "en": ("win wins won winning victory victories", "lose loses lost losing defeat defeats"),
        "es": ("gan* victoria*", "perd* pierd* derrota*"),
        "fr": ("gagn* victoire*", "perd* defaite*"),
        "de": ("gewinn* gewann* sieg*", "verlier* verlor* niederlage*"),
        "it": ("vinc* vinto vinse vittori*", "perd* perso perse sconfitt*"),
        "pt": ("ganh* vitoria*", "perd* derrota*"),
    },
    "open/closed": {
        "en": ("open opens opened opening", "close closes closed closing shut"),
        "es": ("abrir abrio abrieron abre abren abierto abierta", "cerr* cierra cierran"),
        "fr": ("ouvr* ouvert*", "ferm*"),
        "de": ("offnet* geoffnet offen", "schliess* geschlossen schloss"),
        "it": ("apr* apert*", "chiud* chius*"),
        "pt": ("abrir abriu abriram abre abrem aberto aberta", "fech*"),
    },
    "start/end": {
        "en": (
            "start starts started starting begin begins began begun beginning",
            "end ends ended ending finish* stop stops stopped",
        ),
        "es": ("empez* empiez* comenz* comienz*", "termin* acab*"),
        "fr": ("commenc* debut*", "termin* fini finit finir achev*"),
        "de": ("beginn* begann* anfang*", "endet* beend* ende"),
        "it": ("inizi* cominci*", "termin* fini* conclu*"),
        "pt": ("comec* inici*", "termin* acab*"),
    },
    "buy/sell": {
        "en": ("buy buys bought buying", "sell sells sold selling"),
        "es": ("compr*", "vend*"),
        "fr": ("achet* achat*", "vend*"),
        "de": ("kauf* gekauft", "verkauf*"),
        "it": ("compr*", "vend*"),
        "pt": ("compr*", "vend*"),
    },
    "accept/reject": {
        "en": ("accept*", "reject* refus*"),
        "es": ("acept*", "rechaz*"),
        "fr": ("accept*", "rejet* refus*"),
        "de": ("akzeptier* angenommen", "abgelehnt ablehn*"),
        "it": ("accett*", "rifiut* respin*"),
        "pt": ("aceit*", "rejeit* recus*"),
    },
    "allow/forbid": {
        "en": ("allow* permit*", "forbid* forbade prohibit* ban banned bans"),
        "es": ("permit*", "prohib*"),
        "fr": ("autoris* permet* permis", "interdi*"),
        "de": ("erlaub*", "verbot* verbiet*"),
        "it": ("permett* permess* consent*", "vieta* vietat* proib*"),
        "pt": ("permit*", "proib*"),
    },
    "rich/poor": {
        "en": ("rich richer richest wealthy", "poor poorer poorest"),
        "es": ("rico rica ricos ricas", "pobre pobres"),
        "fr": ("riche riches", "pauvre pauvres"),
        "de": ("reich reiche reichen", "arm arme armen"),
        "it": ("ricco ricca ricchi ricche", "povero povera poveri povere"),
        "pt": ("rico rica ricos ricas", "pobre pobres"),
    },
    "strong/weak": {
        "en": ("strong stronger strongest", "weak weaker weakest"),
        "es": ("fuerte fuertes", "debil debiles"),
        "fr": ("fort forte forts fortes", "faible faibles"),
        "de": ("stark starke starken", "schwach schwache schwachen"),
        "it": ("forte forti", "debole deboli"),
        "pt": ("forte fortes", "fraco fraca fracos fracas"),
    },
    "easy/hard": {
        "en": ("easy easier easiest", "difficult hard harder hardest"),
        "es": ("facil faciles", "dificil dificiles"),
        "fr": ("facile faciles", "difficile difficiles"),
        "de": ("leicht einfach", "schwer schwierig*"),
        "it": ("facile facili", "difficile difficili"),
        "pt": ("facil faceis", "dificil dificeis"),
    },
    "early/late": {
        "en": ("early earlier", "late later"),
        "es": ("temprano", "tarde"),
        "fr": ("tot", "tard"),
        "de": ("fruh fruher", "spat spater"),
        "it": ("presto", "tardi"),
        "pt": ("cedo", "tarde"),
    },
    "north/south": {
        "en": ("north northern", "south southern"),
        "es": ("norte", "sur"),
        "fr": ("nord", "sud"),
        "de": ("norden nord", "suden sud"),
        "it": ("nord", "sud"),
        "pt": ("norte", "sul"),
    },
    "east/west": {
        "en": ("east eastern", "west western"),
        "es": ("oriental orientales", "occidental occidentales"),
        "fr": ("oriental orientale orientaux", "occidental occidentale occidentaux"),
        "de": ("osten ost", "westen west"),
        "it": ("est orientale", "ovest occidentale"),
        "pt": ("leste oriental", "oeste ocidental"),
    },
    "maximum/minimum": {
        lang: ("maximum maximo maxima maximal* massimo massima", "minimum minimo minima minimal*")
        for lang in ("en", "es", "fr", "de", "it", "pt")
    },
    "positive/negative": {
        lang: ("positiv* positif* positiva positivo", "negativ* negatif*")
        for lang in ("en", "es", "fr", "de", "it", "pt")
    },
    "possible/impossible": {
        "en": ("possible", "impossible"),
        "es": ("posible posibles", "imposible imposibles"),
        "fr": ("possible possibles", "impossible impossibles"),
        "de": ("moglich*", "unmoglich*"),
        "it": ("possibile possibili", "impossibile impossibili"),
        "pt": ("possivel possiveis", "impossivel impossiveis"),
    },
    "legal/illegal": {
        "en": ("legal lawful", "illegal unlawful"),
        "es": ("legal legales", "ilegal ilegales"),
        "fr": ("legal legale legaux", "illegal illegale illegaux"),
        "de": ("legal legale legalen", "illegal illegale illegalen"),
        "it": ("legale legali", "illegale illegali"),
        "pt": ("legal legais", "ilegal ilegais"),
    },
    "normal/abnormal": {
        "en": ("normal ordinary common usual", "abnormal unusual extraordinary rare"),
        "es": (
            "normal normales comun comunes habitual habituales",
            "anormal anormales inusual inusuales extraordinari* raro rara",
        ),
        "fr": (
            "normal normale normaux ordinaire commun commune habituel*",
            "anormal anormale inhabituel* extraordinaire rare",
        ),
        "de": ("normal normale normalen gewohnlich*", "abnormal* ungewohnlich* selten"),
        "it": (
            "normale normali comune comuni ordinari*",
            "anormale anormali insolit* straordinari* raro rara",
        ),
        "pt": (
            "normal normais comum comuns habitual",
            "anormal anormais incomum incomuns extraordinari* raro rara",
        ),
    },
}


@functools.cache
def _matchers(
    lang: str,
) -> list[tuple[str, tuple[frozenset[str], tuple[str, ...]], tuple[frozenset[str], tuple[str, ...]]]]:
    out = []
    for concept, langs in PAIRS.items():
        if lang not in langs:
            continue
        sides = []
        for words in langs[lang]:
            exact = frozenset(w for w in words.split() if not w.endswith("*"))
            prefixes = tuple(w[:-1] for w in words.split() if w.endswith("*"))
            sides.append((exact, prefixes))
        out.append((concept, sides[0], sides[1]))
    return out


@functools.lru_cache(maxsize=65536)
def _classify(word: str, lang: str) -> tuple[tuple[str, int], ...]:
    """(concept, side) pairs a folded word belongs to (side 0 = A, 1 = B)."""
    out = []
    for concept, a, b in _matchers(lang):
        for side, (exact, prefixes) in enumerate((a, b)):
            if word in exact or word.startswith(prefixes):
                out.append((concept, side))
    return tuple(out)


@functools.cache
def _phrases(lang: str) -> dict[str, tuple[tuple[str, int], ...]]:
    """Two folded words the table lists as one ("went_up") -> their (concept, side) pairs, and each
    phrase's first word -> ()."""
    out: dict[str, list[tuple[str, int]]] = {}
    for concept, a, b in _matchers(lang):
        for side, (exact, _) in enumerate((a, b)):
            for entry in exact:
                if "_" in entry:
                    out.setdefault(entry, []).append((concept, side))
    heads = {entry.split("_")[0]: () for entry in out}  # "went": the first words, to look past the rest
    return {**heads, **{k: tuple(v) for k, v in out.items()}}


@functools.lru_cache(maxsize=8192)
def profile(text: str, lang: str) -> dict[str, tuple[int, int]]:
    """concept -> (count of side A words, count of side B words) in `text`."""
    counts: dict[str, list[int]] = {}
    words = [fold(t.text) for t in tokens(text)]
    phrases = _phrases(lang)
    for i, word in enumerate(words):
        pair = phrases.get(f"{word}_{words[i + 1]}", ()) if word in phrases and i + 1 < len(words) else ()
        for concept, side in _classify(word, lang) + pair:
            counts.setdefault(concept, [0, 0])[side] += 1
    return {c: (n[0], n[1]) for c, n in counts.items()}


def _swap(new: dict[str, tuple[int, int]], old: dict[str, tuple[int, int]], concept: str) -> int:
    """+1 when `new` has more A and fewer B than `old`, -1 for the reverse, else 0."""
    a1, b1 = new.get(concept, (0, 0))
    a0, b0 = old.get(concept, (0, 0))
    if a1 > a0 and b1 < b0:
        return 1
    if a1 < a0 and b1 > b0:
        return -1
    return 0


ANTONYMS = Check("antonyms", "critical", "A word became its opposite", also=("minor", "major"))


@register(ANTONYMS)
def check_antonyms(inp: CheckInput) -> list[Flag]:
    """No word of the source is turned into its opposite ("more" into "less")."""
    if not _matchers(inp.target_lang) or not _matchers(inp.source_lang):
        return []
    tgt = profile(inp.target, inp.target_lang)
    if inp.mode == "roundtrip":
        src = profile(inp.source, inp.source_lang)
        swaps = {c: _swap(tgt, src, c) for c in set(tgt) | set(src)}
    else:
        if inp.forward is None or inp.back is None:
            return []
        fwd = profile(inp.forward, inp.target_lang)
        back, src = profile(inp.back, inp.source_lang), profile(inp.source, inp.source_lang)
        swaps = {}
        for c in set(tgt) | set(fwd):
            s1, s2 = _swap(tgt, fwd, c), _swap(back, src, c)
            swaps[c] = s1 if s1 and s1 == s2 else 0
    found = [c for c, s in swaps.items() if s]
    if not found:
        return _english_view(inp) if inp.mode != "roundtrip" else []
    span = (Span("text", 0, len(inp.target)),)
    msg = f"a word became its opposite ({', '.join(sorted(found))})"
    if inp.mode != "roundtrip" and _negated_instead(inp):
        return [ANTONYMS.flag(f"{msg}, and a negation changed too: said the other way round?", span, "minor")]
    return [ANTONYMS.flag(msg, span)]


def _negated_instead(inp: CheckInput) -> bool:
    """Both engine views differ in negations as well (by negators, or by negative words that are
    not themselves one of the opposites): the translation against the forward translation and
    the back-translation against the source ("não será possível" / "will be impossible", "who
    did not accept it" / "who rejected it"). A word said as the negation of its opposite keeps
    the meaning; the counts alone cannot tell that from a flip, so it stays evidence."""
    forward_view = _negations(inp.target, inp.target_lang) != _negations(inp.forward, inp.target_lang)
    back_view = _negations(inp.back, inp.source_lang) != _negations(inp.source, inp.source_lang)
    return forward_view and back_view


def _negations(text: str | None, lang: str) -> int:
    """Negators and negative words of a text, less the words that are one of the opposites (a
    negator that is itself one, "forbidden", is the swap, not a negation more)."""
    from .negation import cues
    from .negation_words import implicit

    said = sum(1 for s, e in cues(text or "", lang) if not _classify(fold((text or "")[s:e]), lang))
    return said + sum(1 for w in implicit(text or "", lang) if not _classify(fold(w), lang))


def _english_view(inp: CheckInput) -> list[Flag]:
    """A WordNet antonym in the one engine view that is English (see `wordnet_antonyms`), where the
    other view changed a word too (a back-translation that gives the source's words back says the
    copy kept them): `major`, one view only; `minor` where the English view differs in negations
    too (said the other way round)."""
    from .wordnet_antonyms import placed_alike, swaps

    view = english_view(inp)
    found = [(a, b) for a, b in swaps(*view) if placed_alike(view[0], a, view[1], b)] if view else []
    if not view or not found:
        return []
    reference, other = view
    said = ", ".join(f"{a}/{b}" for a, b in found[:3])
    msg = f"a word became its opposite in the engine's English view ({said})"
    span = (Span("text", 0, len(inp.target)),)
    if _negations(reference, "en") != _negations(other, "en"):
        return [ANTONYMS.flag(f"{msg}, and a negation changed too: said the other way round?", span, "minor")]
    return [ANTONYMS.flag(msg, span, "major")]


def english_view(inp: CheckInput) -> tuple[str, str] | None:
    """The one engine view that is English, as (the engine's text, the other text): into English
    the forward translation and the copy, from English the source and the back-translation. None
    without engine views, with neither side English, or where the other view did not change a
    word (a back-translation that gives the source's words back says the copy kept them). WordNet
    is English: the antonyms here and `hypernyms` read this view."""
    if inp.forward is None or inp.back is None:
        return None
    if inp.target_lang == "en":
        view, moved = (inp.forward, inp.target), _moved(inp.source, inp.back)
    elif inp.source_lang == "en":
        view, moved = (inp.source, inp.back), _moved(inp.forward, inp.target)
    else:
        return None
    return view if moved else None


def _moved(reference: str, other: str) -> bool:
    """The other text lacks a word of four letters or more of the reference and has one of its own."""
    a = {fold(t.text) for t in tokens(reference) if len(t.text) >= 4}
    b = {fold(t.text) for t in tokens(other) if len(t.text) >= 4}
    return bool(a - b) and bool(b - a)
