"""Untranslated text: a translation identical to its source, or source-language words left in it.

A word counts as left untranslated (code-mixing) when it is common in the source language
and far rarer in the target language (wordfreq, offline: "también" is 6.2 on the Zipf scale
in Spanish and 2.0 in English), so loanwords both languages use ("tapas", "plaza", "hospital")
pass. Capitalised words need a wider gap and must come from the source, so the
translation's own names pass. Source-aware mode only: in round-trip mode both sides share
one language.

A team keeps some terms as written on purpose ("commit", "branch" in a Spanish git catalogue): a
lower-case word the copy keeps in at least KEPT_TERM_MIN segments of one document (a PO file, a
bilingual file, a document pair; `kept_terms`, which the source-aware stage passes as
`options["kept_terms"]`) is reported as `minor` evidence, not as a sentence left half translated;
so are lower-case words the engine's own translation of the source keeps as written too and the
target language uses (LOANWORD_ZIPF: technical loanwords, "shell", "bytecode").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from pipeline.records import Flag, Span
from pipeline.words import counted

from . import Check, CheckInput, register
from .propernames import names
from .text import (
    Token,
    attached,
    fold,
    has_letters,
    inside,
    is_acronym,
    is_capitalised,
    is_sentence_initial,
    quote,
    quoted_literals,
    tokens,
    zipf,
)

MIN_SOURCE_ZIPF = 2.0  # the word is at least this common in the source language ...
MIN_ZIPF_GAP = 1.7  # ... and this much more common there than in the target language (log10 scale)
MIN_ZIPF_GAP_CAPITALISED = 2.5  # capitalised words are often names: ask for a wider gap
MIN_ZIPF_SHORT = 5.0  # one- and two-letter words ("y", "un") only when this common in the source language
TARGET_OWN_ZIPF = 5.0  # a word this common in the target language is one of its own ("per", "via", "son")
KEPT_TERM_MIN = 3  # a word kept as written in this many segments of a document is the team's term
LOANWORD_ZIPF = 1.5  # a source word the target language uses at least this often may be its loanword
KEPT_WORD_ZIPF = 2.0  # a word the engine keeps that the target language writes this often is its own
OWN_WORD_ZIPF = 3.0  # a word the engine writes that its language writes this often is no slip of the engine
# A word or two in brackets right after a word: the term the copy glosses ("ordenamiento (collation)")
_GLOSS = re.compile(r"(?<=[^\W\d_] )\([^\W\d_][\w'-]*(?: [^\W\d_][\w'-]*)?\)")


def foreign_words(inp: CheckInput) -> list[tuple[int, int, str]]:
    """Words of the target that belong to the source language rather than the target language."""
    src_vocab = {fold(t.text) for t in tokens(inp.source)}
    src_names = {k for n in names(inp.source, inp.source_lang) for k in n.keys}
    kept = {fold(t.text) for t in tokens(inp.forward)}  # what the engine itself leaves as written
    back = {fold(t.text) for t in tokens(inp.back)} if inp.back is not None else None
    glossed = [
        m.span()
        for m in _GLOSS.finditer(inp.target)
        if not {fold(t.text) for t in tokens(m.group())} & src_vocab
    ]
    quoted = quoted_literals(inp.target) + glossed  # a gloss adds a word the source does not write
    toks = tokens(inp.target)
    command = _command(inp.target, toks)
    out = []
    for i, tok in enumerate(toks):
        w = tok.text
        if not has_letters(w) or any(c.isdigit() for c in w) or is_acronym(w):
            continue
        if inside(tok.start, quoted) or i < command:
            continue  # a literal the copy quotes (`height`, «context», `nice') or glosses, a command
        if i == 0 and inp.target[tok.end : tok.end + 1] == ":" and fold(w) == _label(inp.source):
            continue  # the program's name that opens a message: "sleep: missing operand"
        f = fold(w)
        in_source = f in src_vocab
        capitalised = is_capitalised(w)
        if (
            len(w) == 1
            and w.isupper()
            and not is_sentence_initial(inp.target, tok.start)
            and not _titled(toks, i)
        ):
            continue  # a letter as a symbol ("para Y", "drive C"), not the word it spells
        if capitalised and (not in_source or f in kept):
            continue  # a name of the translation's own, or one the engine's translation keeps ("Selic")
        if (
            capitalised
            and _inside_name(toks, i)
            and not _mixed_name(inp.target, toks, i, src_vocab, inp.target_lang)
        ):
            continue
        if not capitalised and f in src_names:
            continue  # a source name written in lower case ("comercial mexicana")
        if not in_source and back is not None and f not in back:
            continue  # not the source's, and the engine translates it: the copy's own (Catalan "enter")
        if attached(inp.target, tok) or _particle(toks, i):
            continue
        low = w.lower()
        if len(w) < 3 and (zipf(low, inp.source_lang) < MIN_ZIPF_SHORT or not in_source):
            continue
        gap = MIN_ZIPF_GAP_CAPITALISED if capitalised else MIN_ZIPF_GAP
        if _by_frequency(low, inp.source_lang, inp.target_lang, gap):
            out.append((tok.start, tok.end, w))
    return out


def _by_frequency(word: str, source_lang: str, target_lang: str, gap: float) -> bool:
    """The frequencies make a lower-case word one of the source language: common enough there,
    not one of the target language's own, and `gap` more common in the source language."""
    z_src, z_tgt = zipf(word, source_lang), zipf(word, target_lang)
    return z_src >= MIN_SOURCE_ZIPF and z_tgt < TARGET_OWN_ZIPF and z_src - z_tgt >= gap


COMMAND_MAX = 3  # words of a command before its synopsis' arguments ("git branch [<options>]")


def _command(text: str, toks: tuple[Token, ...]) -> int:
    """How many words open `text` as the command of a usage synopsis: up to COMMAND_MAX lower-case
    words at its start, followed by an argument as synopses write one ("git branch [<options>]",
    "git revert <subcommand>", "logout [n]", "ls [-a | -l]"; not a bracket of prose: "[if any]").
    Code: no translation translates them."""
    for n in range(1, min(COMMAND_MAX, len(toks)) + 1):
        words = toks[:n]
        if toks[0].start or not all(t.text.islower() for t in words):
            return 0
        if any(text[a.end : b.start] != " " for a, b in zip(words, words[1:], strict=False)):
            return 0
        if _ARGUMENT.match(text, words[-1].end):
            return n
    return 0


# a synopsis' argument after a space: " <name>", " [<…>]", " [-r | -a]", " [n]"
_ARGUMENT = re.compile(r" (?:<[^>\s]+>|\[(?:[<-][^\]]*|[^\]\s]+)\])")


def _label(text: str) -> str | None:
    """The folded word that opens a text as its label ("sleep: missing operand"), if one does."""
    toks = tokens(text)
    return (
        fold(toks[0].text)
        if toks and toks[0].start == 0 and text[toks[0].end : toks[0].end + 1] == ":"
        else None
    )


def _translatable(text: str) -> list[str]:
    """The folded words an identical copy would have left untranslated: lower case (a capitalised
    word kept as is is a name or a title: "Colin Plumb", "Microsoft Natural"), of two letters or
    more, without digits, not code (`text.attached`: "--optimize", "%s") and not a quoted literal."""
    quoted = quoted_literals(text)
    return [
        fold(t.text)
        for t in tokens(text)
        if has_letters(t.text)
        and len(t.text) >= 2
        and not any(c.isdigit() for c in t.text)
        and not is_capitalised(t.text)
        and not attached(text, t)
        and not inside(t.start, quoted)
    ]


def _engine_keeps(inp: CheckInput) -> bool:
    """The engine's own translation keeps every word an identical copy would have left, and each is
    a word of the copy's language too: close languages spell them alike ("número hexadecimal
    inválido" is Spanish and Portuguese), so the copy is what a translation writes. (An engine
    passes a word it does not know through as written: "cifrando" is none in Portuguese.)"""
    if not inp.forward:
        return False
    kept = {fold(t.text): t.text.lower() for t in tokens(inp.forward)}
    words = set(_translatable(inp.source))
    return words <= kept.keys() and all(zipf(kept[w], inp.target_lang) >= KEPT_WORD_ZIPF for w in words)


def _titled(toks: tuple[Token, ...], i: int) -> bool:
    """The word stands between two capitalised words: a title's ("Guardar Y Salir")."""
    return 0 < i < len(toks) - 1 and is_capitalised(toks[i - 1].text) and is_capitalised(toks[i + 1].text)


def _engine_renders(inp: CheckInput) -> bool:
    """The engine's own translation writes a word the copy kept as the source has it otherwise
    ("Uso de memoria" / "Uso de memória"): the copy's language has a word of its own for it. Where
    every word the engine writes instead is one the copy's language hardly writes (Apertium's
    Portuguese "varra" for "barra", Zipf 1.8), the engine slipped, and only a kept word the source
    language writes more than the copy's counts ("memoria": 4.9 in Spanish, 3.4 in Portuguese;
    "pegar" / the engine's "colar" still counts: "colar" is Portuguese)."""
    if not inp.forward:
        return False
    kept = {fold(t.text): t.text.lower() for t in tokens(inp.target)}
    said = {fold(t.text): t.text.lower() for t in tokens(inp.forward)}
    other, instead = set(kept) - set(said), set(said) - set(kept)
    if any(zipf(said[w], inp.target_lang) >= OWN_WORD_ZIPF for w in instead):
        return bool(other)
    return any(zipf(kept[w], inp.source_lang) > zipf(kept[w], inp.target_lang) for w in other)


def _source_words(inp: CheckInput) -> bool:
    """The words an identical copy left as they were include one of the source language rather
    than of both: one `_by_frequency` says is, or one the copy's language hardly writes and the
    source's writes more ("cifrando" in Portuguese). "complemento a 2, big endian" is Italian as
    much as Spanish."""
    spelt = {fold(t.text): t.text.lower() for t in tokens(inp.source)}

    def source_word(w: str) -> bool:
        z_src, z_tgt = zipf(w, inp.source_lang), zipf(w, inp.target_lang)
        return _by_frequency(w, inp.source_lang, inp.target_lang, MIN_ZIPF_GAP) or (
            z_tgt < KEPT_WORD_ZIPF and z_src > z_tgt
        )

    return any(source_word(spelt[w]) for w in _translatable(inp.source))


def _short_lower(word: str) -> bool:
    """A word that may be a particle of a name: lower case, three letters at most ("de", "da", "van")."""
    return len(word) <= 3 and word.islower()


def _particle(toks: tuple[Token, ...], i: int) -> bool:
    """A short lower-case word in front of a capitalised one: a particle of a name ("Rio de
    Janeiro", "Aubrey de Grey", "de Gaulle"), kept in every language."""
    return _short_lower(toks[i].text) and i + 1 < len(toks) and is_capitalised(toks[i + 1].text)


def _mixed_name(text: str, toks: tuple[Token, ...], i: int, src_vocab: set[str], tgt: str) -> bool:
    """A name half in the target language: a capitalised neighbour is a common target-language
    word the source does not have ("the United Estados", "Mercantile Concursos"). A sentence's
    first word is capitalised whatever it is: "The Chamberí district" keeps a name as written."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks):
            n = toks[j].text
            if j < i and is_sentence_initial(text, toks[j].start):
                continue
            if is_capitalised(n) and fold(n) not in src_vocab and zipf(n.lower(), tgt) >= MIN_SOURCE_ZIPF + 2:
                return True
    return False


def _inside_name(toks: tuple[Token, ...], i: int) -> bool:
    """A capitalised word next to another capitalised word that is not from the source ("Rio Grande"),
    also across a particle ("Estádio da Luz", "Rio Grande do Sul")."""
    neighbours = []
    for step in (-1, 1):
        j = i + step
        if 0 <= j < len(toks) and _short_lower(toks[j].text):
            j += step  # a particle of the name
        if 0 <= j < len(toks):
            neighbours.append(toks[j].text)
    return any(is_capitalised(n) and not n.isupper() for n in neighbours)


UNTRANSLATED = Check("untranslated", "critical", "Text left untranslated", modes=("source",), also=("minor",))


@register(UNTRANSLATED)
def check_untranslated(inp: CheckInput) -> list[Flag]:
    """The translation is in the target language: not a copy of the source, no source words left in it."""
    if inp.source_lang == inp.target_lang or not inp.target.strip():
        return []
    src_words = [t for t in tokens(inp.source) if has_letters(t.text)]
    if (
        # accents kept: a copy that respells the source's words ("altaï méridional" / "Altai,
        # meridional") was written in the copy's language
        " ".join(t.text.lower() for t in src_words)
        == " ".join(t.text.lower() for t in tokens(inp.target) if has_letters(t.text))
        and len(_translatable(inp.source)) >= 2
        and len(names(inp.source, inp.source_lang)) < len(src_words)
        and not _engine_keeps(inp)
        and (_source_words(inp) or _engine_renders(inp))
    ):
        return [
            UNTRANSLATED.flag(
                "the translation is identical to the source",
                (Span("text", 0, len(inp.target)),),
            )
        ]
    found = foreign_words(inp)
    if not found:
        return []
    given = inp.options.get("kept_terms", ())
    terms = frozenset(given) if isinstance(given, tuple | frozenset) else frozenset()
    slips = [f for f in found if fold(f[2]) not in terms]
    # a lower-case word the engine's own translation keeps as written and the copy's language uses
    # too: a loanword or a term ("shell", "bytecode"), evidence, not a finding ("bateadores", kept
    # by an engine that does not know it, is no English word: still one)
    engine_kept = {fold(t.text) for t in tokens(inp.forward) if t.text.islower()}
    loans = [
        f
        for f in slips
        if f[2].islower() and fold(f[2]) in engine_kept and zipf(f[2], inp.target_lang) >= LOANWORD_ZIPF
    ]
    words = ", ".join(quote(w, 24) for _, _, w in (slips or found)[:6])
    if not slips:
        msg = f"kept as written, as in {KEPT_TERM_MIN} or more segments of this document (terms?): {words}"
        return [UNTRANSLATED.flag(msg, tuple(Span("text", s, e) for s, e, _ in found), "minor")]
    if len(loans) == len(slips):
        msg = f"kept as written, as the engine's translation keeps them too (loanwords or terms?): {words}"
        return [UNTRANSLATED.flag(msg, tuple(Span("text", s, e) for s, e, _ in found), "minor")]
    return [
        UNTRANSLATED.flag(
            f"{counted(len(slips), 'word')} of the source language left in the translation: {words}",
            tuple(Span("text", s, e) for s, e, _ in slips),
        )
    ]


def kept_terms(pairs: Iterable[tuple[str, str, str, str]]) -> frozenset[str]:
    """The lower-case words that (source, source language, copy, copy language) pairs of one
    document leave as written in at least KEPT_TERM_MIN segments: the document's terms."""
    seen: Counter[str] = Counter()
    for source, source_lang, copy, copy_lang in pairs:
        candidates = (t.text for t in tokens(copy) if t.text.islower() and len(t.text) >= 3)
        if not any(_by_frequency(w, source_lang, copy_lang, MIN_ZIPF_GAP) for w in candidates):
            continue  # no word of the copy is one (most pairs): the rest of the test is not needed
        inp = CheckInput(source, source_lang, copy, copy_lang)
        seen.update({fold(w) for _, _, w in foreign_words(inp) if w.islower()})
    return frozenset(w for w, n in seen.items() if n >= KEPT_TERM_MIN)
