"""A persistent memo of word-frequency lookups, beside the translation cache.

Loading wordfreq and a language's table costs ~0.35 s and ~40-70 MB; a rerun over text it
has seen answers every lookup from this small JSON file instead. Values are a pure function
of (word, language, wordfreq version), so the memo never changes a result; it is rewritten
atomically at exit when a run added words, and a missing or damaged file is simply rebuilt.
"""

from __future__ import annotations

import atexit
import functools
import json
from pathlib import Path

MAX_ENTRIES = 200_000


class ZipfMemo:
    def __init__(self, path: Path, version: str) -> None:
        self.path, self.version = path, version
        self.entries: dict[str, float] = {}
        self.added = 0
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if (
                isinstance(data, dict)
                and data.get("wordfreq") == version
                and isinstance(data.get("entries"), dict)
            ):
                self.entries = {str(k): float(v) for k, v in data["entries"].items()}
        except (OSError, ValueError, TypeError):
            pass

    def get(self, word: str, lang: str) -> float | None:
        return self.entries.get(f"{lang}\t{word}")

    def put(self, word: str, lang: str, value: float) -> None:
        if len(self.entries) < MAX_ENTRIES:
            self.entries[f"{lang}\t{word}"] = value
            self.added += 1

    def save(self) -> None:
        if not self.added:
            return
        from ..outputs import atomic_write

        try:
            atomic_write(self.path, json.dumps({"wordfreq": self.version, "entries": self.entries}))
            self.added = 0
        except OSError:
            pass  # a memo that cannot be written costs speed, never correctness


@functools.cache
def memo() -> ZipfMemo:
    from importlib.metadata import version

    from ..engines.cache import default_cache_path

    m = ZipfMemo(default_cache_path().parent / "wordfreq-memo.json", version("wordfreq"))
    atexit.register(m.save)
    return m
