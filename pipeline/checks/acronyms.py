"""Acronyms across languages: the same organisation abbreviated in two word orders.

An acronym is the initials of a name, and languages order the words of a name differently: the
International Monetary Fund is the IMF in English and the FMI (Fundo Monetário Internacional) in
Portuguese; the Sustainable Development Goals are the SDGs and the ODS. So two acronyms are taken
for one name when they share most of their letters (`alike`), and an acronym is taken as given when
the other text spells out a name whose initials are alike (`capital_runs`: "Massachusetts Institute
of Technology" for MIT, the engine's "United States" for US). No list of acronyms is involved.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from .text import Token, elision_end, fold, is_sentence_initial, tokens

OVERLAP = 2 / 3  # acronyms sharing this share of their letters abbreviate the same words, reordered
CONNECTOR_MAX = 3  # lowercase words this short may sit inside a name ("Instituto de Tecnologia")
_PLURAL = re.compile(r"(?:['’]s|s)$")


def letters(word: str) -> str | None:
    """The capitals of an acronym-like word ("IMF", "NRIs" -> "NRI", "AfDB" -> "AFDB"), else None.

    Acronym-like: at least two capitals, and capitals make at least half of its letters."""
    core = _PLURAL.sub("", word) if sum(c.isupper() for c in word) >= 2 else word
    caps = sum(c.isupper() for c in core)
    alpha = sum(c.isalpha() for c in core)
    if caps < 2 or caps * 2 < alpha:
        return None
    return "".join(c.upper() for c in core if c.isalpha())


def given(word: str, *texts: str | None) -> bool:
    """`word` is an acronym the texts carry in their word order, spell out or write as a word of its
    letters ("AIDS" / "Sida"), or a word they write as such an acronym ("Sida" / AIDS)."""
    caps = letters(word)
    if caps is None:
        return written_as_word(word, *texts)
    return spelt_out(caps, *texts) or as_word_in(caps, *texts)


def written_as_word(word: str, *texts: str | None) -> bool:
    """A source word that some languages write as a word and others as an acronym, with its
    letters in another order ("Sida" / AIDS, "Otan" / NATO): capitalised, MIN_WORD letters or
    more, and exactly the letters of an acronym of the texts (the expansions' word orders differ)."""
    return any(_reordered(word, a) for text in texts for a in in_text(text))


def as_word_in(acronym: str, *texts: str | None) -> bool:
    """The texts write the acronym as a word of its letters (`written_as_word` the other way), an
    elided article before it or not ("l'Otan" / NATO)."""
    return any(_reordered(t.text[elision_end(t.text) :], acronym) for text in texts for t in tokens(text))


def _reordered(word: str, acronym: str) -> bool:
    return (
        len(word) == len(acronym) >= MIN_WORD
        and word.isalpha()
        and word[:1].isupper()
        and sorted(word.upper()) == sorted(acronym)
    )


def alike(a: str, b: str) -> bool:
    """One acronym in two languages: lengths within one, at least two thirds of the letters shared."""
    if not a or not b or abs(len(a) - len(b)) > 1:
        return False
    shared = sum((Counter(a) & Counter(b)).values())
    return shared / max(len(a), len(b)) >= OVERLAP


@functools.lru_cache(maxsize=8192)
def in_text(text: str | None) -> tuple[str, ...]:
    """The acronyms of a text, as their capitals."""
    out = []
    for t in tokens(text):
        caps = letters(t.text)
        if caps is not None:
            out.append(caps)
    return tuple(out)


@functools.lru_cache(maxsize=8192)
def capital_runs(text: str | None) -> tuple[tuple[int, int, str], ...]:
    """Runs of capitalised words (short lowercase connectors allowed inside; acronyms and the
    first word of a sentence left out) with their initials:
    "Instituto de Tecnologia de Massachusetts" -> (start, end, "ITM")."""
    out: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []  # capitalised words of the current run
    gap: list[str] = []

    def flush() -> None:
        if len(run) >= 2:
            out.append((run[0][0], run[-1][1], "".join(w[0].upper() for _, _, w in run)))
        run.clear()
        gap.clear()

    last = 0
    for t in tokens(text):
        w = t.text
        if run and (text or "")[last : t.start].strip(" -"):
            flush()  # punctuation ends a name
        last = t.end
        if w[:1].isupper() and not w.isupper() and not is_sentence_initial(text or "", t.start):
            run.append((t.start, t.end, w))  # title-case words (not acronyms, not "The" at the start)
            gap.clear()
        elif run and w.islower() and len(w) <= CONNECTOR_MAX and not gap:
            gap.append(w)
        else:
            flush()
    flush()
    return tuple(out)


def spelt_out(acronym: str, *texts: str | None) -> bool:
    """The texts name what the acronym abbreviates, or carry an acronym alike."""
    return any(any(alike(acronym, a) for a in in_text(text)) or expanded(acronym, text) for text in texts)


def expanded(acronym: str, text: str | None) -> bool:
    """The text spells out what the acronym abbreviates: a run of capitalised words with initials
    alike ("World Trade Organization" for WTO), or words it is made of (`abbreviates`)."""
    return any(alike(acronym, initials) for _, _, initials in capital_runs(text)) or abbreviates(
        acronym, text
    )


def abbreviates(acronym: str, text: str | None) -> bool:
    """A run of words of `text`, capitalised or not, that the acronym is made of: each word gives
    its first letter and may give more of its own letters in order ("tuberculosis" for TB,
    "antimicrobial resistance" for AMR, "gross domestic product" for GDP); short connectors
    ("of", "and") may sit between them and give their initial or none. One word alone must be four times as long as the acronym
    ("unusual" is no US). The words may also come in the reverse order (`_reversed`)."""
    target = acronym.lower()
    words = [t.text.lower() for t in tokens(text)]
    return _reversed(target, words) or any(
        _made_of(target, words, i) for i, w in enumerate(words) if w[:1] == target[:1] and len(w) >= MIN_WORD
    )


def _reversed(acronym: str, words: list[str]) -> bool:
    """Consecutive words whose initials, read from the last, are the acronym's letters, as a Romance
    language puts a noun before its modifiers ("máquina virtual" for VM, "liste de révocations de
    certificat" for CRL): each word of REVERSED_WORD letters or more gives its initial alone, and
    at most one shorter word (a connector: "de", "para") stands between two of them."""
    if len(acronym) < 2:
        return False
    content = [(i, w) for i, w in enumerate(words) if len(w) >= REVERSED_WORD]
    initials = "".join(w[0] for _, w in content)
    wanted, n = acronym[::-1], len(acronym)
    for k in range(len(content) - n + 1):
        run = content[k : k + n]
        if initials[k : k + n] == wanted and all(
            b[0] - a[0] <= 2 for a, b in zip(run, run[1:], strict=False)
        ):
            return True
    return False


REVERSED_WORD = 5  # shorter words are connectors there ("para", "como", "pela": "para iniciar" is no IP)
SINGLE_WORD_LETTERS = 4  # one word makes an acronym when it has this many letters per letter of it
MIN_WORD = 4  # shorter words are connectors an acronym skips ("of", "and", "the")


def _made_of(acronym: str, words: list[str], i: int, used: int = 0) -> bool:
    """The acronym's letters from word i on, as described in `abbreviates` (`used`: words so far)."""
    while used and i < len(words) and len(words[i]) < MIN_WORD:  # a connector inside the name
        if len(acronym) > 1 and words[i][:1] == acronym[:1] and _made_of(acronym[1:], words, i + 1, used + 1):
            return True  # it gives its initial ("table of contents" for TOC, "Bank of England" for BoE)
        i += 1  # or none
    if i >= len(words) or words[i][:1] != acronym[:1]:
        return False
    w, rest = words[i], acronym[1:]
    for taken in range(len(rest) + 1):  # how many more letters this word gives, in order
        if taken and not _subsequence(rest[:taken], w[1:]):
            break
        if taken == len(rest):
            return used > 0 or len(w) >= SINGLE_WORD_LETTERS * len(acronym)
        if _made_of(rest[taken:], words, i + 1, used + 1):
            return True
    return False


def _subsequence(letters: str, word: str) -> bool:
    it = iter(word)
    return all(c in it for c in letters)


def run_initials(text: str | None, start: int, end: int) -> str | None:
    """Initials of the run of capitalised words around [start, end) of `text`, if any."""
    for s, e, initials in capital_runs(text):
        if s <= start and end <= e:
            return initials
    return None


@functools.lru_cache(maxsize=8192)
def defined(text: str | None) -> frozenset[str]:
    """The acronyms (their capitals) that `text` defines: written in parentheses right after the
    words they abbreviate ("taxa de câmbio real (TCR)", "quantitative easing (QE3)"), or with
    those words in parentheses right after them ("TPI (Tribunal Penal Internacional)"). Each
    letter is the initial of one word of the expansion, in order; short lowercase words inside it
    (CONNECTOR_MAX: "de", "of", "the") may give a letter or none, and a digit may end the acronym
    (letters drops it). Such an acronym is the language's own abbreviation of words the text
    spells out, which a translation expands or abbreviates its own way."""
    if not text:
        return frozenset()
    toks = tokens(text)
    out: set[str] = set()
    for i, t in enumerate(toks):
        caps = letters(t.text)
        if caps is None:
            continue
        closed = text[t.end :].lstrip()[:1] in (")", ",", ";")
        if i and closed and text[toks[i - 1].end : t.start].strip() == "(":
            run = _run(text, toks, i - 1, -1)[::-1]  # the words right before "(", in order
            if any(_initials(caps, run[k:]) for k in range(len(run))):
                out.add(caps)
        elif i + 1 < len(toks) and text[t.end : toks[i + 1].start].strip() == "(":
            run = _run(text, toks, i + 1, 1)
            if text[toks[i + len(run)].end :].lstrip()[:1] == ")" and _initials(caps, run):
                out.add(caps)
    return frozenset(out)


def _run(text: str, toks: tuple[Token, ...], i: int, step: int) -> list[str]:
    """Words from token i on (step 1) or back (step -1) joined by spaces or hyphens only."""
    out = [toks[i].text]
    j = i + step
    while 0 <= j < len(toks):
        a, b = (toks[j - 1], toks[j]) if step > 0 else (toks[j], toks[j + 1])
        if text[a.end : b.start].strip(" -"):
            break
        out.append(toks[j].text)
        j += step
    return out


def _initials(caps: str, words: list[str], first: bool = True) -> bool:
    """`words` are what `caps` abbreviates: each letter the initial of one word, in order, the
    first word giving the first letter; connectors may give none (see `defined`)."""
    if not caps or not words:
        return not caps and not words
    w = words[0]
    connector = w.islower() and len(w) <= CONNECTOR_MAX
    if first and connector:
        return False
    if fold(w[:1]).upper() == fold(caps[:1]).upper() and _initials(caps[1:], words[1:], False):
        return True
    return connector and _initials(caps, words[1:], False)
