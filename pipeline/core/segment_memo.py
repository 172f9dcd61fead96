"""What a segment's scores and checks came to, kept so that a changed file re-checks only what changed.

With the translation cache a rerun of a 2,000-pair file with one pair edited skips the engine, but
still scored, checked and analysed every pair (about three quarters of a fresh run). Every one of
those results is a pure function of a few texts and of the code that made it, so each is stored
in the translation cache's SQLite file (table `derived`) under a sha256 of all of them:

- `stats`: a comparison's sufficient statistics (chrF, BLEU, TER), by (hypothesis, reference);
- `rows`: a source-aware pair's check flags, its evidence (features, with the analysers'
  `pv:*`; not the sentence encoder's cosines, which come from their own cache) and its flag-band
  drift, by the pair's texts and translations, the flags its alignment raised, and the run's
  configuration (languages, checks and severities, thresholds, whether and with which installed
  Apertium data the analysers read it).

Both kinds are named by a fingerprint of driftcheck's code and of the installed distributions
(`result_memo`), so an edited check, a new sacreBLEU or another Python misses. A stored value
that does not decode is a miss. `--no-cache` uses none of it; `driftcheck cache clear` empties
it. A report made from stored results is byte for byte the one a fresh run makes (tested).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ..records import Flag, Scores, Span
from .run_config import RunConfig
from .score import Comparison, PairStats

if TYPE_CHECKING:
    from ..engines import Engine
    from ..engines.cache import TranslationCache

KEY_VERSION = 1
# RunConfig fields a pair's stored results do not read: the judge's (calibration; the gate's
# fail_on), the evidence kept elsewhere (semantic) or recorded on its own (morph: whether the
# analysers ran), and the engine's, whose translations are part of every key anyway.
NOT_READ = frozenset({"calibration", "fail_on", "semantic", "morph", "engine", "beam", "via", "pivots"})


@dataclass(frozen=True)
class Remembered:
    """One source-aware pair's results: the checks' flags, the evidence of the checks and scores,
    the analysers' evidence (`pv:*`, empty when they did not run) and the flag-band drift."""

    flags: tuple[Flag, ...]
    features: dict[str, float]
    morph: dict[str, float]
    legacy: float


class SegmentMemo:
    """The stored results in one translation cache, read and written in bulk."""

    def __init__(self, cache: TranslationCache) -> None:
        from .result_memo import code_fingerprint, environment_fingerprint

        self.cache = cache
        code = hashlib.sha256(f"{KEY_VERSION}\0{code_fingerprint()}\0{environment_fingerprint()}".encode())
        self.stats_kind, self.rows_kind = f"stats:{code.hexdigest()[:32]}", f"rows:{code.hexdigest()[:32]}"

    @classmethod
    def for_engine(cls, engine: Engine) -> SegmentMemo | None:
        """The memo in the engine's translation cache; None when the run has no cache (--no-cache)."""
        from ..engines.cached_engine import CachedEngine

        return cls(engine.cache) if isinstance(engine, CachedEngine) else None

    def get_stats(self, pairs: Sequence[Comparison]) -> dict[Comparison, PairStats]:
        keys = {_digest(list(p)): p for p in pairs}
        found = self.cache.get_derived(self.stats_kind, list(keys))
        out: dict[Comparison, PairStats] = {}
        for key, blob in found.items():
            stats = _decode(blob, _stats_from)
            if stats is not None:
                out[keys[key]] = stats
        return out

    def put_stats(self, items: Mapping[Comparison, PairStats]) -> None:
        self.cache.put_derived(
            self.stats_kind, [(_digest(list(p)), _encode(_stats_to(s))) for p, s in items.items()]
        )

    def get_rows(self, keys: Sequence[bytes]) -> dict[bytes, Remembered]:
        out: dict[bytes, Remembered] = {}
        for key, blob in self.cache.get_derived(self.rows_kind, keys).items():
            row = _decode(blob, _row_from)
            if row is not None:
                out[key] = row
        return out

    def put_rows(self, items: Sequence[tuple[bytes, Remembered]]) -> None:
        self.cache.put_derived(self.rows_kind, [(k, _encode(_row_to(r))) for k, r in items])


def run_context(config: RunConfig, morph: bool) -> str:
    """What besides its texts decides a pair's results: the run's configuration and, when the
    analysers read it, their stages and the installed Apertium data (a hex digest, part of each
    row key)."""
    read = {k: v for k, v in asdict(config).items() if k not in NOT_READ}
    context: dict[str, object] = {"config": read, "morph": None}
    if morph:
        from ..engines.apertium import apertium_version
        from ..engines.apertium_analysis import data_signature, signature

        langs = [config.lang, config.source_lang or ""]
        context["morph"] = [signature(langs), apertium_version(), data_signature(langs)]
    return _digest(context).hex()


def row_key(parts: Sequence[object]) -> bytes:
    """The key of a pair's results: everything they were computed from (JSON-able)."""
    return _digest(list(parts))


def _digest(material: object) -> bytes:
    blob = json.dumps(material, sort_keys=True, default=_plain, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).digest()


def _plain(value: object) -> object:
    """JSON for what json cannot write: sets in sorted order (their iteration order changes from
    one process to the next), anything else as its str."""
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return str(value)


def _encode(data: object) -> bytes:
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass"), 1)


def _decode(blob: bytes, build: Any) -> Any:
    try:
        return build(json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass")))
    except (zlib.error, ValueError, TypeError, KeyError, IndexError):
        return None


def _stats_to(s: PairStats) -> list[object]:
    empty = None if s.empty is None else [s.empty.chrf, s.empty.bleu, s.empty.ter]
    return [s.chrf, s.bleu, s.ter, empty, s.pieces]


def _stats_from(data: list[Any]) -> PairStats:
    chrf, bleu, ter, empty, pieces = data

    def ints(v: Any) -> tuple[int, ...] | None:
        return None if v is None else tuple(int(x) for x in v)

    return PairStats(
        ints(chrf),
        ints(bleu),
        None if ter is None else (ter[0], ter[1]),
        None if empty is None else Scores(*empty),
        int(pieces),
    )


def _row_to(r: Remembered) -> dict[str, object]:
    flags = [
        [f.check, f.severity, f.message, [[s.field, s.start, s.end, s.pivot] for s in f.spans]]
        for f in r.flags
    ]
    return {"flags": flags, "features": r.features, "morph": r.morph, "legacy": r.legacy}


def _row_from(data: dict[str, Any]) -> Remembered:
    flags = tuple(Flag(c, sev, msg, tuple(Span(*s) for s in spans)) for c, sev, msg, spans in data["flags"])
    features, morph, legacy = dict(data["features"]), dict(data["morph"]), data["legacy"]
    if not all(isinstance(v, int | float) for v in [*features.values(), *morph.values(), legacy]):
        raise ValueError("not a stored row")
    return Remembered(flags, features, morph, legacy)
