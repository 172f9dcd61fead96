"""Closed-class words that more than one stage reads (folded: lowercase, no accents), and `counted`,
the count with its noun in agreement that every message writes ("1 flag", "3 flags").

The articles: the fluency check (pipeline/checks/fluency.py) and the HTML report's word diff
(pipeline/report/rows.py), which tells an article-only change apart. The checks' other word lists
are in pipeline/checks/lexicon.py.
"""

from __future__ import annotations

# Articles only (no demonstratives or possessives, which also stand alone as pronouns).
ARTICLES: dict[str, frozenset[str]] = {
    "en": frozenset("the a an".split()),
    "es": frozenset("el la los las un una unos unas".split()),
    "fr": frozenset("le la les un une des du au aux".split()),
    "de": frozenset("der die das den dem des ein eine einen einem einer eines".split()),
    "it": frozenset("il lo la i gli le un uno una".split()),
    "pt": frozenset("o a os as um uma uns umas".split()),
}


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 sentence", "2 sentences" (`plural` where adding an s is wrong): messages said "1 sentences",
    "1 sentence(s)", "3 flag(s)", "1 word(s)"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
