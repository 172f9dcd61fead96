"""MarianMT through transformers (AutoTokenizer + AutoModelForSeq2SeqLM).

For src->tgt the engine loads `<models dir>/opus-mt-<src>-<tgt>` when present, offline;
otherwise the hub id from pipeline/data/models.json (default `Helsinki-NLP/opus-mt-<src>-<tgt>`)
at its pinned commit: from the local Hugging Face cache first, and only after a quick
reachability check from the hub, so a missing model fails in seconds, not after
transformers' 23-46 s of retries. torch and transformers are imported on first use.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.engines import EngineOptions, ProgressFn, Translations, models, tell_progress
from pipeline.engines.spm_split import assemble, plan, run_batched
from pipeline.errors import EngineError, ModelNotFoundError, first_line

MAX_BATCH_SIZE = {"cpu": 64, "cuda": 256}


@dataclass
class _Loaded:
    tokenizer: Any
    model: Any
    split_limit: int  # inputs with more tokens than this are split
    record: dict[str, object]  # what signature() reports for this direction


@contextmanager
def _quiet() -> Iterator[None]:
    """Keep transformers' warnings and progress bars off the user's terminal."""
    from transformers.utils import logging

    hf_logging: Any = logging  # untyped module
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


class MarianEngine:
    name = "marian"

    def __init__(self, options: EngineOptions | None = None) -> None:
        self.options = options or EngineOptions()
        self.root = models.models_dir(self.options.models_dir)
        self._loaded: dict[tuple[str, str], _Loaded] = {}
        self._device: str | None = None
        self._lock = threading.Lock()  # two tasks sharing the engine load a model once

    # -- what is available ---------------------------------------------------------------

    def directions(self) -> set[tuple[str, str]]:
        local = [m.direction for m in models.local_models(self.root) if m.kind == "marian"]
        return {models.parse_direction(d) for d in [*local, *models.registry()]}

    def supports(self, src: str, tgt: str) -> bool:
        if (src, tgt) in self._loaded or models.is_marian_folder(models.marian_dir(self.root, src, tgt)):
            return True
        return f"{src}-{tgt}" in models.registry() or in_hf_cache(models.known_model(src, tgt)) is not None

    def install_hint(self, src: str, tgt: str) -> str:
        return models.how_to_provide(self.root, src, tgt)

    # -- translation ---------------------------------------------------------------------

    def translate(
        self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None = None
    ) -> Translations:
        loaded = self._load(src, tgt)
        tokenizer = loaded.tokenizer

        def count(text: str) -> int:
            return len(tokenizer(text)["input_ids"])

        p = plan(list(texts), count, loaded.split_limit)
        if not p.parts:
            return Translations([""] * len(texts), split=frozenset(p.split))
        lengths = [count(part) for part in p.parts]
        device = self._device or "cpu"

        def run(batch: list[int]) -> list[str]:
            return self._generate(loaded, [p.parts[i] for i in batch])

        out = run_batched(
            p.parts,
            lengths,
            lambda batches: map(run, batches),
            self.options.max_batch_tokens,
            MAX_BATCH_SIZE[device],
            on_batch=lambda done, total: tell_progress(progress, src, tgt, done, total),
        )
        return Translations(assemble(p, out), split=frozenset(p.split))

    def _generate(self, loaded: _Loaded, batch: list[str]) -> list[str]:
        import torch

        kwargs: dict[str, Any] = {"num_beams": max(1, self.options.beam), "do_sample": False}
        fixed = models.bench_fixed_len()
        if fixed:
            kwargs.update(min_new_tokens=fixed, max_new_tokens=fixed)
        with _quiet(), torch.inference_mode():
            inputs = loaded.tokenizer(batch, return_tensors="pt", padding=True).to(loaded.model.device)
            try:
                output = loaded.model.generate(**inputs, **kwargs)
            except RuntimeError as exc:
                raise EngineError(f"marian engine failed: {str(exc).splitlines()[0]}") from None
            decoded: list[str] = loaded.tokenizer.batch_decode(output, skip_special_tokens=True)
        return decoded

    # -- loading -------------------------------------------------------------------------

    def _locate(self, src: str, tgt: str) -> tuple[str, dict[str, Any], dict[str, object]]:
        """Where src->tgt loads from: (folder or hub id, from_pretrained kwargs, signature record).

        Needs neither torch nor transformers, so a missing model fails in about a second.
        """
        folder = models.marian_dir(self.root, src, tgt)
        if folder.is_dir():  # the folder is the model, damaged or not (the hub was tried past it)
            models.check_marian_folder(folder, models.pull_again(folder, src, tgt))
            origin = models.read_provenance(folder)
            record: dict[str, object] = {
                "id": origin.get("hub_id") or folder.name,
                "revision": origin.get("revision"),
                "path": str(folder.resolve()),
                "source": "local",
            }
            return str(folder), {"local_files_only": True}, record
        known = models.known_model(src, tgt)
        cached = in_hf_cache(known)
        if cached:
            revision, kwargs = cached, {"local_files_only": True}
        else:
            revision, _ = models.resolve_hub_revision(
                known.hub_id,
                known.revision,
                f"MarianMT model {known.hub_id} for {src}-{tgt} is neither in {folder} nor downloadable"
                + _hf_partial(known),
                models.how_to_provide(self.root, src, tgt),
            )
            kwargs = {}
        record = {
            "id": known.hub_id,
            "revision": revision,
            "path": None,
            "source": "hub-cache" if cached else "hub",
        }
        return known.hub_id, {**kwargs, "revision": revision}, record

    def _load(self, src: str, tgt: str) -> _Loaded:
        with self._lock:
            if (src, tgt) not in self._loaded:
                self._loaded[(src, tgt)] = self._load_new(src, tgt)
            return self._loaded[(src, tgt)]

    def _load_new(self, src: str, tgt: str) -> _Loaded:
        source, kwargs, record = self._locate(src, tgt)
        try:
            import torch
            from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
        except ImportError as exc:
            raise EngineError(
                f"the marian engine needs torch and transformers ({exc.name} is missing): "
                "pip install torch==2.13.0 'driftcheck[marian]', or use --engine ct2 or apertium"
            ) from None
        with _quiet():
            try:
                tokenizer = AutoTokenizer.from_pretrained(source, **kwargs)
                model = AutoModelForSeq2SeqLM.from_pretrained(source, **kwargs)
            except Exception as exc:  # a damaged folder raises anything (SafetensorError, TypeError...)
                why = (
                    first_line(exc)
                    if isinstance(exc, OSError | ValueError)
                    else f"{type(exc).__name__}: {first_line(exc)}"
                )
                redo = f"; {models.pull_again(Path(source), src, tgt)}" if record["path"] else ""
                raise ModelNotFoundError(f"cannot load MarianMT model {source}: {why}{redo}") from None
        mismatch = _vocab_mismatch(tokenizer, model)
        if mismatch:
            local = bool(record["path"])
            redo = (
                models.pull_again(Path(source), src, tgt)
                if local
                else models.how_to_provide(self.root, src, tgt)
            )
            raise ModelNotFoundError(
                f"the tokenizer of {source} does not match its weights ({mismatch}): {redo}"
            )
        model.eval()
        device = self._pick_device(torch)
        if self.options.threads > 0:
            torch.set_num_threads(self.options.threads)
        if device == "cuda":
            model = model.half().to("cuda")
        limit = min(
            int(getattr(model.config, "max_position_embeddings", 512)),
            int(getattr(tokenizer, "model_max_length", 512) or 512),
        )
        return _Loaded(tokenizer, model, split_limit=max(8, limit // 2), record=record)

    def _pick_device(self, torch: Any) -> str:
        if self._device is None:
            wanted = self.options.device
            has_cuda = bool(torch.cuda.is_available())
            if wanted == "cuda" and not has_cuda:
                raise EngineError(
                    f"--device cuda: torch {torch.__version__} sees no usable CUDA device; "
                    "install a CUDA build of torch or use --device cpu"
                )
            self._device = "cuda" if wanted in ("cuda", "auto") and has_cuda else "cpu"
        return self._device

    def direction_signature(self, src: str, tgt: str) -> dict[str, object]:
        """What decides this direction's output, found without loading the model (cache key)."""
        import importlib.metadata as md

        folder = models.marian_dir(self.root, src, tgt)
        sig: dict[str, object] = {
            "engine": self.name,
            "transformers": _version(md, "transformers"),
            "beam": max(1, self.options.beam),
            "device": self.options.device,
        }
        if (src, tgt) in self._loaded:
            record = self._loaded[(src, tgt)].record
            sig.update(model=record["id"], revision=record["revision"])
        elif models.is_marian_folder(folder):
            origin = models.read_provenance(folder)
            sig.update(model=origin.get("hub_id") or folder.name, revision=origin.get("revision"))
        else:
            known = models.known_model(src, tgt)
            sig.update(model=known.hub_id, revision=in_hf_cache(known) or known.revision)
        if models.is_marian_folder(folder):
            sig["fingerprint"] = models.fingerprint(folder)
        if models.bench_fixed_len():
            sig["bench_fixed_len"] = models.bench_fixed_len()
        return sig

    def signature(self) -> dict[str, object]:
        import importlib.metadata as md

        sig: dict[str, object] = {
            "name": self.name,
            "transformers": _version(md, "transformers"),
            "torch": _version(md, "torch"),
            "beam": max(1, self.options.beam),
            "device": self._device or self.options.device,
            "dtype": "float16" if self._device == "cuda" else "float32",
            "models": {f"{s}-{t}": dict(m.record) for (s, t), m in sorted(self._loaded.items())},
            "split_over_tokens": {f"{s}-{t}": m.split_limit for (s, t), m in sorted(self._loaded.items())},
        }
        if models.bench_fixed_len():
            sig["bench_fixed_len"] = models.bench_fixed_len()
        return sig


def _version(md: Any, package: str) -> str | None:
    try:
        return str(md.version(package))
    except md.PackageNotFoundError:
        return None


def _vocab_mismatch(tokenizer: Any, model: Any) -> str:
    """How the tokenizer's ids overrun the model's embeddings ("" when they fit): another model's
    vocab.json, or a T5 model in an opus-mt folder, failed at the first translation with
    "internal error: IndexError: index out of range in self"."""
    size = int(model.get_input_embeddings().num_embeddings)
    top = max(tokenizer.get_vocab().values(), default=-1)
    return f"its vocabulary has ids up to {top}, the model {size} embeddings" if top >= size else ""


def hf_snapshot(known: models.KnownModel) -> Path | None:
    """The folder of `known` in the local Hugging Face cache (.../snapshots/<commit>), if its config is there."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return None
    found = try_to_load_from_cache(known.hub_id, "config.json", revision=known.revision)
    return Path(found).parent if isinstance(found, str) else None


def in_hf_cache(known: models.KnownModel) -> str | None:
    """The commit hash of `known` in the local Hugging Face cache, if the whole model is there: an
    entry with its config alone (an interrupted download) made `auto` choose the hub over a chain of
    installed hops, and loading it failed ("TypeError: expected str, … not NoneType")."""
    snapshot = hf_snapshot(known)
    return snapshot.name if snapshot is not None and not models.marian_missing(snapshot) else None


def _hf_partial(known: models.KnownModel) -> str:
    """What an incomplete Hugging Face cache entry of `known` lacks, for a message ("" if none)."""
    snapshot = hf_snapshot(known)
    missing = models.marian_missing(snapshot) if snapshot is not None else []
    return (
        f" (its entry in the Hugging Face cache, {snapshot}, lacks {', '.join(missing)})" if missing else ""
    )
