"""A memo of word-frequency lookups, kept beside the translation cache.

Loading wordfreq and a language's table costs ~0.35 s and ~40-70 MB; a rerun over text it
has seen answers every lookup from this small JSON file instead. Values are a pure function
of (word, language, wordfreq version), so the memo never changes a result.

The process's memo lives in memory until a run with a translation cache attaches it to the
cache's folder (`persist`, called where the engine and its cache are built): then it is read
from there and rewritten atomically at exit when the run added words; a missing or damaged
file is simply rebuilt. A run without the cache (`--no-cache`) writes nothing.
"""

from __future__ import annotations

import atexit
import functools
import json
from pathlib import Path

MAX_ENTRIES = 200_000
FILENAME = "wordfreq-memo.json"


class ZipfMemo:
    def __init__(self, version: str) -> None:
        self.path: Path | None = None  # in memory only until `attach`
        self.version = version
        self.entries: dict[str, float] = {}
        self.added = 0

    def attach(self, path: Path) -> None:
        """Take the entries stored at `path` as well, and save there from now on."""
        self.path = path
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if (
                isinstance(data, dict)
                and data.get("wordfreq") == self.version
                and isinstance(data.get("entries"), dict)
            ):
                stored = {str(k): float(v) for k, v in data["entries"].items()}
                self.entries = {**stored, **self.entries}
                self.added = len(self.entries) - len(stored)
        except (OSError, ValueError, TypeError):
            self.added = len(self.entries)

    def get(self, word: str, lang: str) -> float | None:
        return self.entries.get(f"{lang}\t{word}")

    def put(self, word: str, lang: str, value: float) -> None:
        if len(self.entries) < MAX_ENTRIES:
            self.entries[f"{lang}\t{word}"] = value
            self.added += 1

    def save(self) -> None:
        if not self.added or self.path is None:
            return
        from ..outputs import atomic_write

        try:
            atomic_write(self.path, json.dumps({"wordfreq": self.version, "entries": self.entries}))
            self.added = 0
        except OSError:
            pass  # a memo that cannot be written costs speed, never correctness


@functools.cache
def memo() -> ZipfMemo:
    """The process's memo: in memory only until `persist` gives it a file."""
    from importlib.metadata import version

    return ZipfMemo(version("wordfreq"))


def persist(folder: Path) -> None:
    """Keep the process's memo in `folder` (the translation cache's): read what it holds now,
    write what the process adds at exit. A later call moves it to another folder."""
    m = memo()
    path = folder / FILENAME
    if m.path == path:
        return
    if m.path is None:
        atexit.register(m.save)
    m.attach(path)
