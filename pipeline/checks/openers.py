"""Words that open a sentence and are words of their language, not names.

propernames takes a rare capitalised word that opens a sentence for a name ("Pfannenstiel won"),
so a rare verb that opens an instruction ("Preheat the oven") was a source name the copy lost,
and the copy's rendering of it ("Precalienta el horno", "Preescalfa el forn") a name it added: an
engine that does not know a word keeps it as written in both directions, which is what a name
does. A language's lexicon tells them apart where there is one (English: lemminflect): names are
nouns, so a word it knows only as a verb or adverb, standing as one (not before a verb that agrees
with it: "Hawking said"), is none; and the copy's one word that opens the sentence where the
source's opens with a verb or adverb that is no name renders that word. Between two languages
other than English, a rare opening word the other language writes alike and English does not
know ("Temporizador", "Desinstalado", "Preserva") is a word the two share, as is a capitalised
label inside a sentence both use at length ("Clique em Salvar": `shared_word`), and a capitalised
word of English's lexicon in capitals a metavariable of the software ("STRING", "NAME": `english_term`).
"""

from __future__ import annotations

from . import CheckInput
from .propernames import Name, names, travels, vocabulary
from .text import Token, fold, has_letters, is_capitalised, is_sentence_initial, tokens, word_classes, zipf

NOT_NAMES = frozenset({"VERB", "AUX", "ADV"})  # parts of speech a name never has
SHARED_ZIPF = 1.5  # a word two languages share: the other language writes it at least this often
LABEL_ZIPF = 3.0  # ... and a capitalised one inside a sentence, both languages at least this often


def lexicon_classes(word: str, lang: str) -> frozenset[str]:
    """The parts of speech the language's lexicon gives the word (English only: lemminflect)."""
    return word_classes(word.lower()) if lang == "en" else frozenset()


def verb_or_adverb(word: str, lang: str = "en") -> bool:
    """The lexicon knows the word, and only as a verb or an adverb ("preheat", "retrospectively")."""
    classes = lexicon_classes(word, lang)
    return bool(classes) and classes <= NOT_NAMES


def _opens_as_word(text: str, at: int, lang: str) -> bool:
    """The word of `text` at token index `at` may open the sentence as a word of the language: an
    adverb, or a verb in its base form (an instruction: "Preheat", "Save"), unless the next word is
    a verb that agrees with a subject ("Mark said", "Wade is", "Hawking says": a name before it)."""
    toks = tokens(text)
    word = toks[at].text
    if "ADV" not in lexicon_classes(word, lang) and not _base_verb(word, lang):
        return False
    return not _before_agreeing_verb(toks, at, lang)


def _before_agreeing_verb(toks: tuple[Token, ...], at: int, lang: str) -> bool:
    """The word after token `at` is an auxiliary, or a verb that agrees with a subject ("Mark
    said", "Wade is"): the word at `at` is that subject, which may be a name."""
    if at + 1 == len(toks):
        return False
    following = toks[at + 1].text
    classes = lexicon_classes(following, lang)
    return "AUX" in classes or (classes == {"VERB"} and not _base_verb(following, lang))


def _base_verb(word: str, lang: str) -> bool:
    """The lexicon knows the word as a verb in its base form ("preheat"; not "said", "hawking")."""
    if lang != "en":
        return False
    from lemminflect import getAllLemmas

    return word.lower() in getAllLemmas(word.lower()).get("VERB", ())


def _index(text: str, start: int) -> int | None:
    return next((i for i, t in enumerate(tokens(text)) if t.start == start), None)


def opening_word(name: Name, text: str, lang: str) -> bool:
    """A one-word name that opens a sentence of `text` and is a word of the language: one the
    lexicon knows only as a verb or an adverb, standing as one ("Preheat the oven",
    "Retrospectively, ..."; a name is a noun), or another word the lexicon knows, or two it knows
    written as one ("Eraser pressure curve", "Popup", "Timestamp of ..."), not before a verb that
    agrees with it ("Moll says": the subject, which may be a name)."""
    if len(name.words) != 1 or not is_sentence_initial(text, name.start):
        return False
    at = _index(text, name.start)
    if at is None:
        return False
    word = name.words[0]
    if verb_or_adverb(word, lang):
        return _opens_as_word(text, at, lang)
    return _lexicon_word(word, lang) and not _before_agreeing_verb(tokens(text), at, lang)


def shared_word(name: Name, inp: CheckInput, copy: bool) -> bool:
    """A one-word name of one side (the copy's if `copy`, else the source's) is a word its language
    shares with the other side's (neither English): the other language writes it too and it does
    not travel into English (propernames.travels). One that opens a sentence may be rare
    ("Temporizador", "Desinstalado"), unless the other side opens with a capitalised word that
    travels ("Brais" / "Hugo": a name swapped in); one inside a sentence is a label both languages
    use at length, where the other side has such a label for it ("Haga clic en Guardar" / "Clique
    em Salvar"; not "firmó Guerra" / "por Costa", a surname for a name)."""
    sides = ((inp.source, inp.source_lang), (inp.target, inp.target_lang))
    (text, lang), (other, other_lang) = sides[::-1] if copy else sides
    if len(name.words) != 1 or "en" in (lang, other_lang) or lang == other_lang:
        return False
    word = name.words[0]
    if zipf(word, other_lang) < SHARED_ZIPF or travels(word, lang):
        return False
    if not is_sentence_initial(text, name.start):  # a label, where the other side has one for it
        return _label(word, lang, other_lang) and any(
            is_capitalised(t.text)
            and not is_sentence_initial(other, t.start)
            and _label(t.text.lower(), other_lang, lang)
            for t in tokens(other)
        )
    first = next((t.text for t in tokens(other) if has_letters(t.text)), "")
    return not (is_capitalised(first) and travels(first.lower(), other_lang))


def _label(word: str, lang: str, other_lang: str) -> bool:
    """A word both languages use at length (`LABEL_ZIPF`) that does not travel into English."""
    return min(zipf(word, lang), zipf(word, other_lang)) >= LABEL_ZIPF and not travels(word, lang)


def _lexicon_word(word: str, lang: str) -> bool:
    """The lexicon knows the word, or its two halves ("pop|up", "title|bar", "time|stamp"; the
    first of three letters or more): a compound, as interface words often are."""
    if lexicon_classes(word, lang):
        return True
    w = word.lower()
    return any(lexicon_classes(w[:i], lang) and lexicon_classes(w[i:], lang) for i in range(3, len(w) - 1))


def _openers(text: str) -> list[int]:
    """The token index of the first word of each sentence of `text`."""
    return [
        i for i, t in enumerate(tokens(text)) if has_letters(t.text) and is_sentence_initial(text, t.start)
    ]


def renders_opening_word(name: Name, inp: CheckInput) -> bool:
    """A one-word name of the copy that opens its k-th sentence, where the source's k-th sentence
    opens with a word of the source language that opens it as a verb or an adverb and is no name:
    the copy's rendering of it ("Preheat" / "Precalienta", "Bake" / "Enforna", "Save" / "Desa"). A
    word that may be a noun too must be one the engine translates: it keeps a name ("Mark said" /
    "Mark dijo"), and the copy's word there may be another name."""
    if len(name.words) != 1 or not is_sentence_initial(inp.target, name.start):
        return False
    src_open, copy_open = _openers(inp.source), _openers(inp.target)
    at = _index(inp.target, name.start)
    if len(src_open) != len(copy_open) or at not in copy_open:
        return False
    i = src_open[copy_open.index(at)]
    word = tokens(inp.source)[i]
    if not _opens_as_word(inp.source, i, inp.source_lang):
        return False
    if verb_or_adverb(word.text, inp.source_lang):
        return True
    if any(n.start == word.start for n in names(inp.source, inp.source_lang)):
        return False  # a rare word taken for a name, which may be one
    return inp.forward is not None and fold(word.text) not in vocabulary(inp.forward)


def english_term(name: Name, inp: CheckInput) -> bool:
    """Between two languages neither of which is English, a name written in capitals whose every
    word is a word of English's lexicon (lemminflect: "STRING", "NAME", "TRUE", "BUS-NAME"): a
    metavariable or constant of the software one translator keeps and another renders ("CADEIA",
    "NOM"), not a name. Capitalised words are not read so: "Grace", "Mark" and "Writer" are names
    as often as "Release" and "Commit" are terms."""
    if "en" in (inp.source_lang, inp.target_lang):
        return False
    said = [t.text for t in tokens(name.text) if not t.text.isdigit()]
    return bool(said) and all(w.isupper() and word_classes(w.lower()) for w in said)
