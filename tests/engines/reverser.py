"""A deterministic stand-in engine for the cache tests, and one 'run' through the cache.

Imported by tests/engines/test_cache.py, tests/engines/test_cached_engine.py and
tests/cli/test_cli_cache.py, and by the writer processes test_cache.py starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.engines import ProgressFn, Translations
from pipeline.engines.cache import TranslationCache
from pipeline.engines.cached_engine import CachedEngine


def expected(text: str, tgt: str = "es") -> str:
    return f"{tgt}:{text[::-1]}"


class Reverser:
    """A stand-in Engine: reverses text, records every call, knows its model per direction without
    loading it."""

    name = "reverser"
    max_len = 40  # inputs longer than this are "split", as a length-limited model would

    def __init__(self, revision: str = "r1", beam: int = 1) -> None:
        self.revision = revision
        self.beam = beam
        self.calls: list[tuple[list[str], str, str]] = []
        self._used: dict[str, str] = {}

    def directions(self) -> set[tuple[str, str]]:
        return {("en", "es"), ("es", "en"), ("en", "fr")}

    def supports(self, src: str, tgt: str) -> bool:
        return (src, tgt) in self.directions()

    def install_hint(self, src: str, tgt: str) -> str:
        return f"no reverser for {src}-{tgt}"

    def translate(
        self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None = None
    ) -> Translations:
        self.calls.append((list(texts), src, tgt))
        self._used[f"{src}-{tgt}"] = f"rev-{src}-{tgt}@{self.revision}"
        split = frozenset(i for i, t in enumerate(texts) if len(t) > self.max_len)
        return Translations([expected(t, tgt) for t in texts], split=split)

    def signature(self) -> dict[str, object]:
        return {"engine": "reverser", "beam": self.beam, "models": dict(self._used)}

    def direction_signature(self, src: str, tgt: str) -> dict[str, object]:
        return {
            "engine": "reverser",
            "model": f"rev-{src}-{tgt}",
            "revision": self.revision,
            "beam": self.beam,
        }

    @property
    def translated(self) -> list[str]:
        return [t for texts, _, _ in self.calls for t in texts]


def run_once(
    path: Path, texts: list[str], engine: Reverser | None = None, src: str = "en", tgt: str = "es"
) -> tuple[list[str], Reverser, CachedEngine]:
    """One 'run': a fresh engine and a fresh connection, as a new driftcheck process would have."""
    engine = engine or Reverser()
    with TranslationCache(path) as cache:
        cached = CachedEngine(engine, cache)
        out = cached.translate(texts, src, tgt).texts
    return out, engine, cached
