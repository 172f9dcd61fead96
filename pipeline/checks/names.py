"""Names: proper names and acronyms of the source must reach the translation unchanged.

What counts as a name, and when two spellings are one name, is in propernames.py. This check
weighs the engine's evidence: in source-aware mode a source name may also reappear in the
back-translation (the translation's "Estados Unidos" -> "United States" -> "Estados Unidos"),
a name the engine translates is looked for as the engine renders it, and a name the
translation adds is accepted when the forward translation of the source has it too. A country or
language is found under the name CLDR gives it in the other language (cldrnames.py), a verb or
adverb that opens a sentence is no name, nor is the copy's rendering of it (openers.py), and an
acronym the source defines ("taxa de câmbio real (TCR)", acronyms.defined) need not reappear.
"""

from __future__ import annotations

from pipeline.records import Flag, Span

from . import Check, CheckInput, acronyms, register, units
from .cldrnames import acronym_at, named, said_in
from .initial_names import added_opening, lost_opening
from .name_pairs import COMMON_WORD_ZIPF, PAIR_WINDOW, paired
from .number_words import ordinal_numeral
from .openers import english_term, opening_word, renders_opening_word, shared_word, verb_or_adverb
from .propernames import (
    Name,
    matches,
    missing,
    name_key,
    names,
    through_hyphens,
    vocabulary,
    with_opening_words,
)
from .text import UNKNOWN_WORD_ZIPF, fold, is_capitalised, is_sentence_initial, tokens, zipf

TITLE_MAX_LETTERS = 5  # an abbreviated title before a name: "Dott.", "Sig.", "Prof.", "Sra."
TITLE_ZIPF = 3.0  # ... that the language writes often enough to be a word of its own
FOREIGN_WORD_ZIPF = 1.5  # a name word rarer than this in the target language, and
FOREIGN_WORD_GAP = 1.5  # this much more common in the source language, is a word of the source language
RENDERING_WINDOW = 0.15  # how far (share of the text) the engine's rendering of a name may move


def _translated_by_engine(name: Name, inp: CheckInput, fwd_vocab: set[str]) -> bool:
    """The engine renders this name in other words (México stays, Países Bajos does not).

    A capitalised common word the engine kept only because it did not know it
    ("Cúpula" of "Cúpula de Hierro") counts as translated too, and so does a word of the source
    language that the target language does not write ("Basileia", "Alfândegas"): an engine passes
    words it does not know through unchanged, so keeping one is no evidence that it is a name
    that travels as it is (which is written in both languages: "Walmart", "Guimarães")."""
    for word in name.words:
        if not matches(name_key(word), fwd_vocab, across=False):
            return True
        if (
            zipf(word, inp.source_lang) >= COMMON_WORD_ZIPF - 1
            and zipf(word, inp.target_lang) < COMMON_WORD_ZIPF - 2
        ):
            return True
        if language_word(word, inp.source_lang, inp.target_lang):
            return True
    return False


def language_word(word: str, own: str, other: str) -> bool:
    """A word of language `own` that language `other` does not write (much more common in `own`,
    rare in `other`): an exonym or a plain word ("Basileia", "Alfândegas"; "Netherlands",
    "Cyberwarfare"), not a name that travels between the languages as it is."""
    there = zipf(word, other)
    return there < FOREIGN_WORD_ZIPF and zipf(word, own) >= there + FOREIGN_WORD_GAP


def _renderings(name: Name, inp: CheckInput) -> set[str]:
    """Capitalised words of the forward translation near the name's position that render it
    rather than another word of the source ("Países Bajos" -> "Low Countries")."""
    assert inp.forward is not None
    others = vocabulary(inp.source) - set(name.keys)
    where = name.start / max(1, len(inp.source))
    out: set[str] = set()
    for n in names(inp.forward, inp.target_lang):
        if abs(n.start / max(1, len(inp.forward)) - where) > RENDERING_WINDOW:
            continue
        out |= {k for k in n.keys if len(k) > 2 and (k in name.keys or not matches(k, others))}
    return out


def _spelt_as_acronym(name: Name, inp: CheckInput) -> bool:
    """The translation abbreviates this name: the initials of the source's run of capitalised
    words around it ("Instituto de Tecnologia de Massachusetts" / MIT), or of the engine's
    rendering near its position ("Estados Unidos" -> "United States" / US), are an acronym of
    the translation."""
    found = acronyms.in_text(inp.target)
    if not found:
        return False
    own = acronyms.run_initials(inp.source, name.start, name.end)
    if own and any(acronyms.alike(own, a) for a in found):
        return True
    if inp.forward is None:
        return False
    where = name.start / max(1, len(inp.source))
    return any(
        abs(s / max(1, len(inp.forward)) - where) <= PAIR_WINDOW
        and any(acronyms.alike(ini, a) for a in found)
        for s, _, ini in acronyms.capital_runs(inp.forward)
    )


def _title_abbreviation(name: Name, inp: CheckInput) -> bool:
    """A short capitalised word cut off by a full stop inside a name, that the source language
    writes as a word of its own (wordfreq): an abbreviated title, with its ending after the stop
    ("la Dott.ssa Décary", "la Sig.ra Rossi") or of three letters before a capitalised name ("el
    Sr. García", "la Dra. López"), as the copy's own titles ("Dr", "Mr") are not names either.
    A word that ends a sentence ("visited Paris.") and acronyms (all capitals) stay names."""
    word, after = name.text, inp.source[name.end : name.end + 3]
    if " " in word or not 2 <= len(word) <= TITLE_MAX_LETTERS or word.isupper():
        return False
    ending = after[:1] == "." and after[1:2].islower()
    before_name = len(word) <= 3 and after[:2] == ". " and after[2:3].isupper()
    return (ending or before_name) and zipf(word.lower(), inp.source_lang) >= TITLE_ZIPF


def _unknown_word(name: Name, inp: CheckInput) -> bool:
    """A sentence-initial capitalised word taken for a name because it is rare, which is a word of
    the source language that the target language does not know: a word the engine could not
    translate ("Confrontadas com ..."), not a name (names travel between languages)."""
    if len(name.words) != 1 or not is_sentence_initial(inp.source, name.start):
        return False
    word = name.words[0]
    return (
        zipf(word, inp.source_lang) >= UNKNOWN_WORD_ZIPF and zipf(word, inp.target_lang) < UNKNOWN_WORD_ZIPF
    )


OPENING_FUNCTION_ZIPF = 5.5  # words this frequent ("he", "let", "us") come before a rendering


def _rendered_as_no_noun(name: Name, inp: CheckInput, rendered: set[str]) -> bool:
    """A rare capitalised word that opens the source sentence, which the engine renders as a
    word that can only be an English verb or adverb ("Prenotando in anticipo" -> "Reserving with
    ...", "Retrospectivamente" -> "Retrospectively"), or whose rendering opens with one ("Devorou
    toda a produção" -> "He devoured all production"): taken for a name for its capital. Names
    are nouns; a name the engine renders as a common word ("Turquía" -> "Turkey", "Santos" ->
    "Saints", "Ocidentais" -> "Western") stays a name."""
    if inp.target_lang != "en" or len(name.words) != 1 or not is_sentence_initial(inp.source, name.start):
        return False
    opening = _opening_word(inp.forward or "", inp.target_lang)
    if opening is not None and verb_or_adverb(opening):
        return True  # "Devorou toda a produção" -> "He devoured all production"
    return bool(rendered) and all(verb_or_adverb(r) for r in rendered)


def _opening_word(text: str, lang: str) -> str | None:
    """The first word of `text` that is not a function word (a pronoun or an auxiliary the
    engine puts before its rendering of an opening verb: "He devoured", "Let us move")."""
    for tok in tokens(text):
        word = tok.text.lower()
        if word.isalpha() and zipf(word, lang) < OPENING_FUNCTION_ZIPF:
            return word
    return None


def _abbreviated(name: Name, inp: CheckInput) -> bool:
    """The translation shortens a multi-word name to the start of one of its words, as written or
    as the engine renders it ("Reserva Federal" -> "Federal Reserve" / "the Fed")."""
    if len(name.words) < 2:
        return False
    words = {fold(w) for w in name.words}
    if inp.forward is not None:
        where = name.start / max(1, len(inp.source))
        for n in names(inp.forward, inp.target_lang):
            if abs(n.start / max(1, len(inp.forward)) - where) <= RENDERING_WINDOW:
                words |= set(n.keys)
    for t in tokens(inp.target):
        short = fold(t.text)
        if is_capitalised(t.text) and len(short) >= 3 and not is_sentence_initial(inp.target, t.start):
            if any(w.startswith(short) and len(w) > len(short) for w in words):
                return True
    return False


def _kept_less_common_words(name: Name, lost: tuple[str, ...], inp: CheckInput, fwd_vocab: set[str]) -> bool:
    """A name of several words is in the translation but for common words of the source language
    (zipf at least COMMON_WORD_ZIPF: "Instituto", "Oriental"), which translations drop or word
    their way, while a word of it that the engine keeps as it is (a name word: "Ifo", "Ásia") is
    there. A name whose found words are all translated ("Instituto Aéreo" with "Institute"
    alone) is not the name. `lost`: the name's words the translation lacks."""
    found = [w for w in name.words if w not in lost]
    if not lost or not found or any(zipf(w, inp.source_lang) < COMMON_WORD_ZIPF for w in lost):
        return False
    return any(name_key(w) in fwd_vocab for w in found)


def lost_names(inp: CheckInput) -> list[tuple[Name, bool]]:
    """Source names found neither in the translation nor in its back-translation, each with
    whether the engine translates it (rather than keeping it as it is). An acronym counts as
    found when the translation has one with the same letters reordered (FMI = IMF)."""
    target_vocab = vocabulary(inp.target, inp.back)
    fwd_vocab = vocabulary(inp.forward) if inp.forward is not None else set()
    lost = []
    # Spelling conventions differ between languages, not within one: a round trip that turns
    # "Tirana" into "Tyrant" has lost the name.
    across = inp.source_lang != inp.target_lang
    defined = acronyms.defined(inp.source)
    for n, keys in missing(names(inp.source, inp.source_lang), target_vocab, across):
        if all(ordinal_numeral(w) for w in n.text.split()):
            continue  # a number ("século XIX" / "19th century"): the numbers check compares it
        if _title_abbreviation(n, inp):
            continue  # "Dott.ssa", "Sr.", "Prof.": a title, which translations render their way
        if (
            opening_word(n, inp.source, inp.source_lang)
            or shared_word(n, inp, copy=False)
            or units.named_alike(n.text, inp.source_lang, inp.target, inp.target_lang)
        ):
            continue  # "Preheat the oven": a verb or adverb that opens the sentence; "MB": a unit
        whole = acronym_at(inp.source, n.start) or through_hyphens(n, inp.source)  # "EE. UU." is one
        if any(
            said_in(name, inp.source_lang, inp.target, inp.target_lang)
            for name in dict.fromkeys((whole, with_opening_words(n, inp.source)))
        ):
            continue  # CLDR's name of the country, language or currency in the copy's ("Países Bajos")
        written = {name_key(t.text): t.text for t in tokens(n.text)}
        keys = [k for k in keys if not acronyms.given(written.get(k, ""), inp.target, inp.back)]
        # an acronym the source defines ("taxa de câmbio real (TCR)") is its language's own:
        # translations expand it or use theirs (RER), and its expansion is checked for itself
        keys = [k for k in keys if acronyms.letters(written.get(k, "")) not in defined]
        if not keys or _spelt_as_acronym(n, inp) or _abbreviated(n, inp):
            continue
        lost_words = tuple(w for w in n.words if name_key(w) in keys)
        if _kept_less_common_words(n, lost_words, inp, fwd_vocab):
            continue  # "Instituto Ifo" / "the Ifo index", "Ásia Oriental" / "East Asia"
        words = lost_words or n.words
        part = Name(n.text, n.start, n.end, tuple(keys), words)
        by_engine = inp.forward is not None and _translated_by_engine(part, inp, fwd_vocab)
        translated = by_engine or _unknown_word(n, inp)
        if translated:
            rendered = _renderings(n, inp)
            if any(matches(r, vocabulary(inp.target)) for r in rendered):
                continue  # the translation names it the way the engine does
            if _rendered_as_no_noun(n, inp, rendered):
                continue  # a verb or adverb that opens the sentence ("Prenotando" / "Reserving"), not a name
        lost.append((n, translated and not named(whole, inp.source_lang, inp.target_lang)))  # CLDR: as kept
    return lost


def added_names(inp: CheckInput) -> list[Name]:
    """Names of the translation that come from neither the source nor the engine's forward translation."""
    known = vocabulary(inp.source, inp.forward)
    back_vocab = vocabulary(inp.back) if inp.back is not None else None
    out = []
    for n in names(inp.target, inp.target_lang):
        if (
            renders_opening_word(n, inp)
            or shared_word(n, inp, copy=True)
            or units.named_alike(n.text, inp.target_lang, inp.source, inp.source_lang)
        ):
            continue  # the copy's rendering of the source's opening verb or adverb, or a unit ("Mo")
        if said_in(n.text, inp.target_lang, inp.source, inp.source_lang):
            continue  # CLDR's name in the copy's language of a country or language the source names
        if len(n.keys) > 1 and any(matches(k, known) for k in n.keys):
            continue  # partly known: a rendering of a source name ("Aeronautics Institute")
        if len(n.keys) > 1 and any(acronyms.given(w, inp.source, inp.forward) for w in n.text.split()):
            continue  # ... by the source's acronym in this language ("Conselho do FMI" / "IMF Board")
        across = inp.source_lang != inp.target_lang
        new = [k for k in n.keys if not matches(k, known, across) and not _common(k, inp.target_lang)]
        if back_vocab is not None:
            # A name the engine keeps in the back-translation is a real name; a capitalised
            # phrase it translates ("Iron Dome" -> "domo de Hierro") renders the source.
            new = [k for k in new if k in back_vocab]
        if new and all(acronyms.letters(w) for w in n.text.split()):
            # the source's acronym in this language's word order (CCP for PCC), spelt out or written
            # as a word there ("Sida" / AIDS); or defined by the translation itself ("World Trade
            # Organization (WTO)", whose words are checked in their own right); or this language's
            # acronym for one the source defines and the translation does not keep (`_for_defined`)
            new = [
                k
                for k in new
                if not acronyms.given(k.upper(), inp.source, inp.forward)
                and not acronyms.expanded(k.upper(), inp.target)
                and not _for_defined(k.upper(), inp)
            ]
        if new and not _renders_unknown_word(n, inp):
            out.append(n)
    return out


def _for_defined(acronym: str, inp: CheckInput) -> bool:
    """The translation's acronym for one the source defines and the translation does not keep
    ("sistemas de gestão integrada das águas urbanas (GIAU)" / "IUWM systems"): about as long
    (letters within one, as `acronyms.alike` has it), in other letters."""
    kept = set(acronyms.in_text(inp.target))
    return any(abs(len(d) - len(acronym)) <= 1 for d in acronyms.defined(inp.source) - kept)


def _renders_unknown_word(name: Name, inp: CheckInput) -> bool:
    """The forward translation left a source word untranslated near this name's position, so
    the name may be its rendering ("periodista tapatío" -> "a journalist from Guadalajara")."""
    if inp.forward is None:
        return False
    src_vocab = {fold(t.text) for t in tokens(inp.source)}
    where = name.start / max(1, len(inp.target))
    for tok in tokens(inp.forward):
        w = tok.text
        if len(w) < 4 or is_capitalised(w) or fold(w) not in src_vocab:
            continue
        if abs(tok.start / max(1, len(inp.forward)) - where) > RENDERING_WINDOW:
            continue
        if zipf(w.lower(), inp.target_lang) < UNKNOWN_WORD_ZIPF and zipf(w.lower(), inp.source_lang) > 0:
            return True
    return False


def _common(key: str, lang: str) -> bool:
    """Titles and everyday abbreviations ("Dr", "ID", "CEO") are not names of their own."""
    z = zipf(key, lang)
    return z >= COMMON_WORD_ZIPF + 1 or (len(key) <= 3 and z >= COMMON_WORD_ZIPF)


NAMES = Check("names", "critical", "Names or acronyms differ", also=("info", "minor", "major"))


def _lost_flags(lost: list[tuple[Name, bool]], added: list[Name], inp: CheckInput) -> list[Flag]:
    """A lost name the engine keeps as it is: critical; one it translates: minor. Between two
    languages other than English, an English term of the software ("Release", "NAME") one
    translator keeps and another renders is no name of the source's (`english_term`), where the
    copy adds no name in its place ("Grace" / "Mark" is a swap)."""
    flags: list[Flag] = []
    term = [n for n, _ in lost if not added and english_term(n, inp)]
    kept = [n for n, translated in lost if not translated and n not in term]
    rendered = [n for n, translated in lost if translated or n in term]
    if kept:
        what = ", ".join(f"'{n.text}'" for n in kept)
        spans = tuple(Span("source", n.start, n.end) for n in kept)
        flags.append(NAMES.flag(f"source name {what} not found in the translation", spans))
    if rendered:
        what = ", ".join(f"'{n.text}'" for n in rendered)
        spans = tuple(Span("source", n.start, n.end) for n in rendered)
        msg = f"source name {what} not found in the translation, neither as the engine renders it"
        flags.append(NAMES.flag(msg, spans, severity="minor"))
    return flags


@register(NAMES)
def check_names(inp: CheckInput) -> list[Flag]:
    """Source names reappear in the translation; the translation adds no names of its own.

    Severity says how sure the engine makes it: a name the engine keeps as it is (a real name)
    missing from the copy is critical, a name the translation adds is major, a capitalised name the
    engine translates whose rendering the copy lacks is minor (translators word these freely:
    "Ocidente" / "the West"; not a country CLDR names: cldrnames.named), and a pair the engine
    cannot compare is info."""
    flags: list[Flag] = []
    lost = lost_names(inp)
    added = added_names(inp)
    # a name that opens a sentence counts beside a lost or added name on the other side (initial_names)
    opening_lost = lost_opening(inp, [n for n, _ in lost])
    opening_added = added_opening(inp, added)
    if opening_added and (lost or opening_lost):
        added = sorted([*added, *opening_added], key=lambda n: n.start)
    if opening_lost and added:
        lost = sorted([*lost, *((n, False) for n in opening_lost)], key=lambda pair: pair[0].start)
    unsure: dict[tuple[str, str], list[Span]] = {}  # one flag for a pair of names however often it recurs
    for n, translated in list(lost):
        near = [a for a in added if paired(n, translated, a, inp)]
        if near:
            lost.remove((n, translated))
            added.remove(near[0])
            unsure.setdefault((n.text, near[0].text), []).extend(
                (Span("source", n.start, n.end), Span("text", near[0].start, near[0].end))
            )
    for (source_name, rendering), places in unsure.items():
        msg = (
            f"unverifiable: source name '{source_name}' may be rendered as '{rendering}', "
            "which the engine cannot confirm"
        )
        flags.append(NAMES.flag(msg, tuple(places), severity="info"))
    # An engine keeps a word it does not know in both directions, so an added name whose words
    # are all words of the target language that the source language does not write ("the
    # Netherlands", "Cyberwarfare") is a rendering the engine cannot confirm, not a new name; it
    # may still pair with a lost name above. So is an English term where no source name the
    # engine keeps is lost ("Disparadores" / "Trigger").
    added = [n for n in added if not all(language_word(k, inp.target_lang, inp.source_lang) for k in n.keys)]
    flags += _lost_flags(lost, added, inp)
    if lost and all(translated for _, translated in lost):
        added = [n for n in added if not english_term(n, inp)]
    if added:
        what = ", ".join(f"'{n.text}'" for n in added)
        spans = tuple(Span("text", n.start, n.end) for n in added)
        flags.append(
            NAMES.flag(f"translation has name {what} that is not in the source", spans, severity="major")
        )
    return flags
