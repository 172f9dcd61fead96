"""Any engine behind the translation cache (pipeline/engines/cache.py).

Where the namespace comes from: an engine that has `direction_signature(src, tgt)` is asked
for it; that must name everything that changes the output for that direction *without
loading the model*, so a fully cached run never loads one. An engine without it is probed: the
shortest text of the first batch in that direction goes through the engine first (which loads
the model), and only then is `signature()` read. That is correct for engines that record
models lazily (an unloaded model is never missing from the key), at the price of one engine
call per direction and run; the probe's output is kept like any other.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from ..errors import EngineError
from .cache import TranslationCache

if TYPE_CHECKING:
    from . import Engine, ProgressFn


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
    (repeats of a missed text within one batch, translated once).
    `last_split` holds the input indices of the last batch whose text the engine split, and
    `last_failed` those the engine failed on, with the reason (a failed output is never stored).
    `used` maps "src-tgt" to the signature that keyed each direction translated so far: the
    models and revisions behind the outputs, known even when every one came from the cache
    (the inner engine's own signature() may only list models it actually loaded).
    """

    def __init__(self, engine: Engine, cache: TranslationCache) -> None:
        self.engine = engine
        self.cache = cache
        self.name = engine.name
        self.stats: dict[str, int] = {"lookups": 0, "hits": 0, "misses": 0, "duplicates": 0}
        self.last_split: set[int] = set()
        self.last_failed: dict[int, str] = {}
        self._failed: dict[str, str] = {}  # text -> reason, for the batch in hand
        self.used: dict[str, dict[str, object]] = {}
        self._namespaces: dict[tuple[str, str], tuple[str, dict[str, object]]] = {}
        self.progress: ProgressFn | None = None  # handed to the inner engine: misses are what it translates

    def directions(self) -> set[tuple[str, str]] | None:
        return self.engine.directions()

    def supports(self, src: str, tgt: str) -> bool:
        return self.engine.supports(src, tgt)

    def install_hint(self, src: str, tgt: str) -> str:
        hint = getattr(self.engine, "install_hint", None)
        return str(hint(src, tgt)) if callable(hint) else "install a model for that direction"

    def signature(self) -> dict[str, object]:
        return {**self.engine.signature(), "cache": True}

    def _inner(self, texts: list[str], src: str, tgt: str) -> tuple[list[str], set[int], dict[int, str]]:
        if self.progress is not None:
            setattr(self.engine, "progress", self.progress)  # noqa: B010 - not part of the Engine protocol
        outputs = self.engine.translate(texts, src, tgt)
        if len(outputs) != len(texts):
            raise EngineError(
                f"engine '{self.name}' returned {len(outputs)} translations "
                f"for {len(texts)} texts ({src}->{tgt})"
            )
        split = getattr(self.engine, "last_split", None)
        failed = getattr(self.engine, "last_failed", None) or {}
        return (
            list(outputs),
            {i for i in (split or ()) if 0 <= i < len(texts)},
            {i: str(why) for i, why in failed.items() if 0 <= i < len(texts)},
        )

    def _namespace(
        self, texts: list[str], src: str, tgt: str
    ) -> tuple[str, dict[str, object], dict[str, tuple[str, bool]]]:
        """The namespace for src->tgt, and any text translated to find it (the probe)."""
        direction_signature = getattr(self.engine, "direction_signature", None)
        if callable(direction_signature):
            sig = dict(direction_signature(src, tgt))
            return namespace_for(sig, src, tgt), sig, {}
        if (src, tgt) in self._namespaces:
            ns, sig = self._namespaces[(src, tgt)]
            return ns, sig, {}
        probe = min(texts, key=len)
        outputs, split, failed = self._inner([probe], src, tgt)
        sig = dict(self.engine.signature())
        ns = namespace_for(sig, src, tgt)
        self._namespaces[(src, tgt)] = (ns, sig)
        if failed:
            self._failed[probe] = failed[0]
        else:
            self.cache.put_many(ns, src, tgt, [(probe, outputs[0])], split=split, signature=sig)
        return ns, sig, {probe: (outputs[0], 0 in split)}

    def translate(self, texts: list[str], src: str, tgt: str) -> list[str]:
        """Cached outputs where present; the misses go to the engine in one call, de-duplicated."""
        self.last_split = set()
        self.last_failed = {}
        self._failed = {}
        if not texts:
            return []
        ns, sig, known = self._namespace(texts, src, tgt)
        self.used[f"{src}-{tgt}"] = sig
        self.stats["lookups"] += len(texts)
        if known:
            self.stats["misses"] += len(known)
        unique = [t for t in dict.fromkeys(texts) if t not in known]
        found = self.cache.get_entries(ns, src, tgt, unique)
        results: dict[str, tuple[str, bool]] = {unique[i]: entry for i, entry in found.items()}
        todo = [t for t in unique if t not in results]
        if todo:
            outputs, split, failed = self._inner(todo, src, tgt)
            pairs = list(zip(todo, outputs, strict=True))
            self._failed.update({todo[i]: why for i, why in failed.items()})
            kept = [(k, p) for k, p in enumerate(pairs) if k not in failed]
            kept_split = {n for n, (k, _) in enumerate(kept) if k in split}
            self.cache.put_many(ns, src, tgt, [p for _, p in kept], split=kept_split, signature=sig)
            results.update({t: (out, i in split) for i, (t, out) in enumerate(pairs)})
            self.stats["misses"] += len(todo)
        results.update(known)
        fresh = set(todo) | set(known)
        seen: set[str] = set()
        out: list[str] = []
        for i, text in enumerate(texts):
            output, was_split = results[text]
            out.append(output)
            if was_split:
                self.last_split.add(i)
            if text in self._failed:
                self.last_failed[i] = self._failed[text]
            if text in fresh:
                if text in seen:
                    self.stats["duplicates"] += 1
                seen.add(text)
            else:
                self.stats["hits"] += 1
        return out
