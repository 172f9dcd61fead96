"""Build pipeline/data/order-classes-en.json: the word-class pair counts of `order`'s test.

`order` (checks/word_order.py) reads a word pair missing from symspellpy's bigram list through
the classes of its words, counted over the whole list (`class_pairs`: 243,342 pairs, each word's
parts of speech from lemminflect). Counting them costs about a second per process, so the table
ships, with the versions of the two packages it was counted from; a process whose installed
versions differ counts it again itself (same result when the packages' data did not change). A
pure function of the pinned packages, reproducible from the package registry alone:

    .venv/bin/python .ci/build_order_classes.py > pipeline/data/order-classes-en.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline.checks.word_order import class_pairs, table_versions  # noqa: E402


def table() -> dict[str, object]:
    pairs = class_pairs()
    return {"versions": table_versions(), "pairs": [[a, b, n] for (a, b), n in sorted(pairs.items())]}


if __name__ == "__main__":
    json.dump(table(), sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")
