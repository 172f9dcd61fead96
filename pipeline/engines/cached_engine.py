"""Any engine behind the translation cache (pipeline/engines/cache.py).

The namespace of a direction comes from the engine's `direction_signature(src, tgt)`, which names
everything that changes the output for that direction without loading the model, so a fully
cached run never loads one.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import EngineError
from .cache import TranslationCache
from .protocol import Translations

if TYPE_CHECKING:
    from .protocol import Engine, ProgressFn


def namespace_for(engine_signature: dict[str, object], src: str, tgt: str) -> str:
    """A stable name for one engine configuration in one direction: "<engine>/<src>-<tgt>/<hash>".

    The hash covers the whole signature (json.dumps with sorted keys), so any change in
    model id, revision or decoding options gives another namespace.
    """
    blob = json.dumps(
        {"signature": engine_signature, "src": src, "tgt": tgt},
        sort_keys=True,
        default=str,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    digest = hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    name = str(engine_signature.get("engine") or engine_signature.get("name") or "engine")
    return f"{name}/{src}-{tgt}/{digest}"


class CachedEngine:
    """Any Engine, with outputs looked up in and stored to a TranslationCache.

    `stats` counts, over this object's life: `lookups` (texts asked for), `hits` (answered
    from the cache), `misses` (distinct texts the engine translated) and `duplicates`
    (repeats of a missed text within one batch, translated once). A failed output is never stored.
    `used` maps "src-tgt" to the signature that keyed each direction translated so far: the
    models and revisions behind the outputs, known even when every one came from the cache
    (the inner engine's own signature() may only list models it actually loaded). Nothing about
    one call is kept on the object, so two tasks may share it (the counters take a lock).
    """

    def __init__(self, engine: Engine, cache: TranslationCache) -> None:
        self.engine = engine
        self.cache = cache
        self.name = engine.name
        self.stats: dict[str, int] = {"lookups": 0, "hits": 0, "misses": 0, "duplicates": 0}
        self.used: dict[str, dict[str, object]] = {}
        self._lock = threading.Lock()

    def directions(self) -> set[tuple[str, str]] | None:
        return self.engine.directions()

    def supports(self, src: str, tgt: str) -> bool:
        return self.engine.supports(src, tgt)

    def install_hint(self, src: str, tgt: str) -> str:
        return self.engine.install_hint(src, tgt)

    def direction_signature(self, src: str, tgt: str) -> dict[str, object]:
        return self.engine.direction_signature(src, tgt)

    def signature(self) -> dict[str, object]:
        return {**self.engine.signature(), "cache": True}

    def _inner(self, texts: list[str], src: str, tgt: str, progress: ProgressFn | None) -> Translations:
        done = self.engine.translate(texts, src, tgt, progress)
        if len(done.texts) != len(texts):
            raise EngineError(
                f"engine '{self.name}' returned {len(done.texts)} translations "
                f"for {len(texts)} texts ({src}->{tgt})"
            )
        return done

    def translate(
        self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None = None
    ) -> Translations:
        """Cached outputs where present; the misses go to the engine in one call, de-duplicated."""
        if not texts:
            return Translations([])
        sig = dict(self.engine.direction_signature(src, tgt))
        ns = namespace_for(sig, src, tgt)
        unique = list(dict.fromkeys(texts))
        found = self.cache.get_entries(ns, src, tgt, unique)
        results: dict[str, tuple[str, bool]] = {unique[i]: entry for i, entry in found.items()}
        todo = [t for t in unique if t not in results]
        failed_text: dict[str, str] = {}
        if todo:
            done = self._inner(todo, src, tgt, progress)
            failed_text = {todo[i]: why for i, why in done.failed.items()}
            kept = [k for k in range(len(todo)) if k not in done.failed]
            self.cache.put_many(
                ns, src, tgt, [(todo[k], done.texts[k]) for k in kept],
                split={n for n, k in enumerate(kept) if k in done.split}, signature=sig,
            )  # fmt: skip
            results.update({t: (done.texts[i], i in done.split) for i, t in enumerate(todo)})
        self._count(src, tgt, sig, texts, set(todo))
        out = [results[t][0] for t in texts]
        split = frozenset(i for i, t in enumerate(texts) if results[t][1])
        failed = {i: failed_text[t] for i, t in enumerate(texts) if t in failed_text}
        return Translations(out, split=split, failed=failed)

    def _count(
        self, src: str, tgt: str, sig: dict[str, object], texts: Sequence[str], fresh: set[str]
    ) -> None:
        seen: set[str] = set()
        duplicates = 0
        for text in texts:
            if text in fresh:
                duplicates += text in seen
                seen.add(text)
        with self._lock:
            self.used[f"{src}-{tgt}"] = sig
            self.stats["lookups"] += len(texts)
            self.stats["misses"] += len(fresh)
            self.stats["duplicates"] += duplicates
            self.stats["hits"] += len(texts) - len(fresh) - duplicates
