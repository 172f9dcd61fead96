"""When a source name the copy lacks and a name the copy adds are one name in two languages.

A lost source name and an added name at about the same place may be one name that the engine
cannot confirm ("Países Bajos" / "Netherlands", an exonym such as "Losanna" / "Lausanne", two
acronyms TCR / RER): `names` then says so as `info`, not as a lost and an added name. It does not
where the engine tells the two apart: it renders the source name as a name spelt like it
("Berlín" -> "Berlin") that is not the copy's, and reads the copy's name back as another name
("Paris" -> "París").
"""

from __future__ import annotations

from difflib import SequenceMatcher

from . import CheckInput, acronyms
from .openers import lexicon_classes
from .propernames import Name
from .text import fold, is_capitalised, tokens, zipf

COMMON_WORD_ZIPF = 4.0  # capitalised words this common are often translated or generic
EXONYM_RATIO = 0.6  # a lost and an added name this alike at the same place are one name in two languages
PAIR_WINDOW = 0.35  # how far apart a lost name and an unknown added name may be to pair up
INTERNATIONAL_ZIPF = 2.5  # an acronym both languages write this often, and about as often (within
INTERNATIONAL_GAP = 0.5  # this), is one every language keeps: HTTP, VPN, GPU (not "FAI": Italian "you do")


def paired(lost: Name, translated: bool, added: Name, inp: CheckInput) -> bool:
    """A lost source name and an added name at about the same place that may be one name in two
    languages the engine cannot confirm: a name the engine translates where the copy has a
    well-known name ("Países Bajos" / "Netherlands"), or two acronyms (TCR / RER)."""
    where = lost.start / max(1, len(inp.source))
    if abs(added.start / max(1, len(inp.target)) - where) > PAIR_WINDOW:
        return False
    both_acronyms = all(acronyms.letters(w) for w in lost.text.split()) and all(
        acronyms.letters(w) for w in added.text.split()
    )
    # acronyms differ between languages (TICEN / CTBT): no spelling tells them apart, unless the
    # lost one is international and the added one not alike ("HTTP" / "FTP", "VPN" / "VM")
    if both_acronyms and _international(lost.text, inp) and not acronyms.alike(lost.text, added.text):
        return False
    if translated and not both_acronyms and _engine_disagrees(lost, added, inp):
        return False
    if translated and min(zipf(w, inp.target_lang) for w in added.words) >= COMMON_WORD_ZIPF:
        return True
    if inp.source_lang != inp.target_lang and _spelt_alike(lost, added):
        # an exonym ("Losanna" / "Lausanne"); within one language a round trip that turns
        # "Tirana" into "Tyrant" has lost the name
        return True
    return both_acronyms


def _international(acronym: str, inp: CheckInput) -> bool:
    """An acronym in capitals of three letters or more that both languages write as it is, about as
    often: one name in every language (HTTP, VPN, USB), where
    EUA (US), OMS (WHO) and PIB (GDP) are not. Two letters make words in too many languages ("RU",
    "PS"), and mixed case is an organisation's own ("ApA", "AfD"). Not where either side is English:
    English copy renames organisations with English acronyms, and English's word list counts
    every language's acronyms of it (a correct WMT22 pair held out failed with it)."""
    if "en" in (inp.source_lang, inp.target_lang):
        return False
    if not (acronym.isupper() and acronym.isalpha() and len(acronym) >= 3):
        return False
    key = acronym.lower()
    if lexicon_classes(key, "en"):
        return False  # an English word in capitals, a term translators render ("NEWS" / "NOTÍCIAS")
    there, here = zipf(key, inp.target_lang), zipf(key, inp.source_lang)
    return min(there, here) >= INTERNATIONAL_ZIPF and abs(there - here) <= INTERNATIONAL_GAP


def _engine_disagrees(lost: Name, added: Name, inp: CheckInput) -> bool:
    """The engine renders the lost name as a name spelt like it ("Berlín" -> "Berlin"), which is not
    the copy's, and reads the copy's name back as another name ("Paris" -> "París"), not the
    source's: two names, one swapped for the other (they passed as one name the engine could not
    confirm), where a rendering such as "Países Bajos" -> "Low Countries" leaves it open."""
    if inp.forward is None or inp.back is None:
        return False
    key = "".join(lost.keys)
    renders = any(
        is_capitalised(t.text) and _alike(key, fold(t.text)) and not _alike(fold(t.text), "".join(added.keys))
        for t in tokens(inp.forward)
    )
    back = {fold(t.text) for t in tokens(inp.back)}
    return renders and not any(_alike(key, w) for w in back)


def _alike(x: str, y: str) -> bool:
    return x[:1] == y[:1] and SequenceMatcher(None, x, y).ratio() >= EXONYM_RATIO


def _spelt_alike(a: Name, b: Name) -> bool:
    """Two names spelt alike, as one place is in two languages: same first letter, and most of the
    letters in the same order (difflib ratio at least EXONYM_RATIO)."""
    return _alike("".join(a.keys), "".join(b.keys))
