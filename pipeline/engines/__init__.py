"""Translation engines behind one protocol, registered by name and imported lazily.

An engine translates a batch of texts in one direction. Heavy imports (torch,
transformers, ctranslate2) live inside the engine modules, which are imported only
when `create()` is called, so `driftcheck --help` stays fast. The protocol itself (Engine,
Translations, ProgressFn) is defined in protocol.py and re-exported here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from ..errors import UnsupportedPairError, UsageError
from .protocol import Engine as Engine
from .protocol import ProgressFn as ProgressFn
from .protocol import Translations as Translations

# name -> "module:Class"; the module is imported only when the engine is created.
# The one list of engine names: config's validation and the CLI's messages read it.
REGISTRY: dict[str, str] = {
    "auto": "pipeline.engines.auto:AutoEngine",  # per hop: bergamot, local ct2/marian, apertium, hub marian
    "marian": "pipeline.engines.marian:MarianEngine",
    "ct2": "pipeline.engines.ct2:CT2Engine",
    "apertium": "pipeline.engines.apertium:ApertiumEngine",
    "bergamot": "pipeline.engines.bergamot:BergamotEngine",
}


DEVICES = ("auto", "cpu", "cuda")  # where a neural engine runs


@dataclass(frozen=True)
class EngineOptions:
    """Options every engine accepts (an engine ignores those that do not apply)."""

    models_dir: str | None = None
    beam: int = 1
    device: str = "auto"  # auto | cpu | cuda
    threads: int = 0  # 0 = engine default
    max_batch_tokens: int = 4096


def tell_progress(progress: ProgressFn | None, src: str, tgt: str, done: int, total: int) -> None:
    if progress is not None:
        progress(f"{src}\u2192{tgt}", done, total)


def create(name: str, options: EngineOptions | None = None) -> Engine:
    """Instantiate a registered engine by name (imports its module now)."""
    if name not in REGISTRY:
        known = ", ".join(sorted(REGISTRY))
        raise UsageError(f"unknown engine '{name}': choose one of {known}")
    module_name, _, cls_name = REGISTRY[name].partition(":")
    module = importlib.import_module(module_name)
    engine: Engine = getattr(module, cls_name)(options or EngineOptions())
    return engine


@dataclass(frozen=True)
class EngineSpec:
    """What to load, picklable: an engine by name with its options, and the translation cache file to
    wrap it in (None: no cache). A worker process gets a spec and loads its own engine from it."""

    name: str
    options: EngineOptions = EngineOptions()
    cache_path: str | None = None


def load_engine(spec: EngineSpec | str) -> Engine:
    """The engine a spec describes, wrapped in its translation cache when it names one; a name alone
    ("apertium") is a spec with the default options and no cache."""
    if isinstance(spec, str):
        spec = EngineSpec(spec)
    if not isinstance(spec, EngineSpec):
        raise UsageError(f"load_engine takes an EngineSpec or an engine name, not {type(spec).__name__}")
    engine = create(spec.name, spec.options)  # auto: the best engine per hop (engines/auto.py)
    if spec.cache_path is None:
        return engine
    from .cache import TranslationCache
    from .cached_engine import CachedEngine

    return CachedEngine(engine, TranslationCache(spec.cache_path))


def plan_route(engine: Engine, src: str, tgt: str, via: str | None = None) -> list[str]:
    """Languages to pass through from src to tgt: [src, tgt] or [src, pivot, tgt].

    A direct model is preferred; otherwise one pivot is searched (English and Spanish
    first, the usual hubs of Marian and Apertium). `via` forces a pivot.
    """
    if src == tgt:
        raise UsageError(f"source and target language are both '{src}': nothing to translate")
    if via:
        missing = [(a, b) for a, b in ((src, via), (via, tgt)) if not engine.supports(a, b)]
        if not missing:
            return [src, via, tgt]
        a, b = missing[0]  # the hop that is missing, not the direct pair
        raise UnsupportedPairError(
            f"engine '{engine.name}' cannot translate {src}->{via}->{tgt}: {engine.install_hint(a, b)}"
        )
    if engine.supports(src, tgt):
        return [src, tgt]
    known = engine.directions() or set()
    hubs = ["en", "es"] + sorted({b for _, b in known} - {"en", "es"})
    for pivot in hubs:
        if pivot in (src, tgt):
            continue
        if engine.supports(src, pivot) and engine.supports(pivot, tgt):
            return [src, pivot, tgt]
    raise UnsupportedPairError(
        f"engine '{engine.name}' cannot translate {src}->{tgt}, directly or through a pivot: "
        f"{engine.install_hint(src, tgt)}"
    )


MAX_SEGMENT_CHARS = 20_000  # a longer "sentence" is not sent to an engine: it is reported unverifiable
# An engine's own rendering of a segment (a round trip's pivot text) may be longer than the
# segment: "dog dog …" of 19,600 characters is 40,000 in Spanish, and was refused as the user's.
MAX_RENDERING_CHARS = 4 * MAX_SEGMENT_CHARS


def too_long(text: str, rendering: bool = False) -> str | None:
    """Why a text is not translated at all, or None. `rendering`: an engine's output sent on."""
    if len(text) <= (MAX_RENDERING_CHARS if rendering else MAX_SEGMENT_CHARS):
        return None
    if rendering:
        return (
            f"the engine's rendering has {len(text):,} characters, over the {MAX_RENDERING_CHARS:,} "
            "sent on to the next engine; it was not translated back"
        )
    return (  # starts like checks.health.TOO_LONG
        f"the text has {len(text):,} characters, over the {MAX_SEGMENT_CHARS:,} one segment may have "
        "(a missing sentence or paragraph break?); it was not translated"
    )


def translate_route(
    engine: Engine,
    texts: list[str],
    route: list[str],
    split: set[int] | None = None,
    failed: dict[int, str] | None = None,
    progress: ProgressFn | None = None,
    renderings: set[int] | None = None,
) -> list[str]:
    """Translate along a route: one engine call per hop for the whole batch, each distinct text once.

    Inputs an engine had to split (`Translations.split`) are added to `split` (as indices into
    `texts`). Texts the engine failed on (`Translations.failed`) and texts over MAX_SEGMENT_CHARS
    come back empty and are added to `failed` with the reason; a failed text goes no further along
    the route. `progress` hears each hop's progress. `renderings`: the indices of texts that are an
    engine's output (held to MAX_RENDERING_CHARS, not to the segment limit).
    """
    unique = list(dict.fromkeys(texts))
    given = {t for i, t in enumerate(texts) if i not in (renderings or ())}
    reasons = {i: why for i, t in enumerate(unique) if (why := too_long(t, t not in given)) is not None}
    out = list(unique)
    split_unique: set[int] = set()
    for a, b in zip(route, route[1:]):
        live = [i for i in range(len(unique)) if i not in reasons]  # failed texts go no further
        done = engine.translate([out[i] for i in live], a, b, progress)
        out = [""] * len(unique)
        for k, i in enumerate(live):
            out[i] = done.texts[k]
        split_unique.update(live[k] for k in done.split)
        hop = "" if len(route) == 2 else f" ({a}->{b})"
        for k, why in done.failed.items():  # checks.health.ENGINE_FAILED
            reasons.setdefault(live[k], f"the engine failed on this text{hop}: {why}")
    by_text = {unique[i]: why for i, why in reasons.items()}
    if failed is not None:
        failed.update((i, by_text[t]) for i, t in enumerate(texts) if t in by_text)
    if split is not None and split_unique:
        long_texts = {unique[i] for i in split_unique}
        split.update(i for i, t in enumerate(texts) if t in long_texts)
    if len(unique) == len(texts):
        return out
    found = dict(zip(unique, out))
    return [found[t] for t in texts]
