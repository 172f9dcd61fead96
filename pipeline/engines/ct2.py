"""CTranslate2 on converted Marian models, tokenized with sentencepiece alone.

For src->tgt the engine loads `<models dir>/opus-mt-<src>-<tgt>-ct2` (what
`driftcheck models convert` writes, with `source.spm` and `target.spm` copied in). This
path imports neither torch nor transformers: ctranslate2 + sentencepiece load in a
fraction of a second. int8 on CPU by default; on CUDA int8_float16. CTranslate2 4.x
wheels need CUDA 12's cuBLAS (libcublas.so.12); when the `nvidia-cublas-cu12` wheel is
installed it is loaded from there, otherwise `--device cuda` fails with one line.
"""

from __future__ import annotations

import ctypes
import importlib.util
import json
import math
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.engines import DEVICES, EngineOptions, ProgressFn, Translations, models, tell_progress
from pipeline.engines.spm_split import assemble, plan, run_batched
from pipeline.errors import EngineError, ModelNotFoundError, first_line
from pipeline.machine import cpus

# On CPU two batches run at once, each on half the threads (CTranslate2's inter_threads):
# small int8 GEMMs scale poorly across threads, so two single-thread batches of 16 translate
# ~15 % faster than one two-thread batch of 32 on 2 cores (benchmarks/bench_ct2_workers.py).
# Larger batches are faster still but CTranslate2's scratch memory grows with them (peak RSS
# of a 300-sentence check: 430 MB at 16, 575 MB at 24). On CUDA one large batch at a time.
MAX_BATCH_SIZE = {"cpu": 16, "cuda": 512}
CPU_WORKERS = 2
DEFAULT_COMPUTE = {"cpu": "int8", "cuda": "int8_float16"}
_SPECIAL = {"</s>", "<unk>", "<pad>", "<s>"}


@dataclass
class _Loaded:
    translator: Any
    source: Any  # sentencepiece processors
    target: Any
    max_decoding_length: int
    split_limit: int
    record: dict[str, object]


class CT2Engine:
    name = "ct2"

    def __init__(self, options: EngineOptions | None = None, compute_type: str | None = None) -> None:
        self.options = options or EngineOptions()
        self.root = models.models_dir(self.options.models_dir)
        # compute_type: None = int8 on CPU, int8_float16 on CUDA; "float32" for exact comparisons.
        self.compute_type = compute_type or getattr(self.options, "compute_type", None)
        self._loaded: dict[tuple[str, str], _Loaded] = {}
        self._device: str | None = None
        # one call at a time: a call makes its direction's model the resident one on CPU (and would
        # unload the model another task sharing the engine is using)
        self._lock = threading.Lock()

    def directions(self) -> set[tuple[str, str]]:
        local = models.local_models(self.root)
        return {models.parse_direction(m.direction) for m in local if m.kind == "ct2"}

    def supports(self, src: str, tgt: str) -> bool:
        return (src, tgt) in self._loaded or models.is_ct2_folder(models.ct2_dir(self.root, src, tgt))

    def install_hint(self, src: str, tgt: str) -> str:
        return (
            f"{models.ct2_steps(self.root, src, tgt)} "
            f"(creates {models.ct2_dir(self.root, src, tgt)}), or use --engine marian"
        )

    def translate(
        self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None = None
    ) -> Translations:
        with self._lock:
            return self._translate(texts, src, tgt, progress)

    def _translate(
        self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None
    ) -> Translations:
        loaded = self._load(src, tgt)
        self._make_resident(loaded)
        encode = loaded.source.encode

        def count(text: str) -> int:
            return len(encode(text)) + 1  # + </s>

        p = plan(list(texts), count, loaded.split_limit)
        if not p.parts:
            return Translations([""] * len(texts), split=frozenset(p.split))
        tokens = [[*encode(part, out_type=str), "</s>"] for part in p.parts]
        device = self._device or "cpu"
        workers = self._workers(device)
        # enough batches to keep every worker busy, even for a short article
        size = max(1, min(MAX_BATCH_SIZE[device], math.ceil(len(tokens) / workers)))
        out = run_batched(
            p.parts,
            [len(t) for t in tokens],
            lambda batches: self._run(loaded, [[tokens[i] for i in b] for b in batches]),
            self.options.max_batch_tokens,
            size,
            on_batch=lambda done, total: tell_progress(progress, src, tgt, done, total),
        )
        return Translations(assemble(p, out), split=frozenset(p.split))

    def _make_resident(self, loaded: _Loaded) -> None:
        """On CPU keep one model in memory: a round trip uses each direction once, one after the
        other, so the other direction's weights are dropped (and reloaded, ~0.3 s, if needed again)."""
        if (self._device or "cpu") != "cpu":
            return
        for other in self._loaded.values():
            if other is not loaded and other.translator.model_is_loaded:
                _unload(other.translator)
        if not loaded.translator.model_is_loaded:
            loaded.translator.load_model()

    def _run(self, loaded: _Loaded, batches: list[list[list[str]]]) -> Iterator[list[str]]:
        """Queue every batch at once (the workers take them in turn); yield results in batch order."""
        fixed = models.bench_fixed_len()
        lengths = (
            {"min_decoding_length": fixed, "max_decoding_length": fixed}
            if fixed
            else {"max_decoding_length": loaded.max_decoding_length}
        )
        try:
            pending = [
                loaded.translator.translate_batch(
                    batch,
                    beam_size=max(1, self.options.beam),
                    max_input_length=0,
                    asynchronous=True,
                    **lengths,
                )
                for batch in batches
            ]
            for results in pending:
                yield [_decode(loaded.target, r.result().hypotheses[0]) for r in results]
        except RuntimeError as exc:
            raise EngineError(f"ct2 engine failed: {first_line(exc)}") from None

    def _workers(self, device: str) -> int:
        return CPU_WORKERS if device == "cpu" and self._threads() >= CPU_WORKERS else 1

    def _threads(self) -> int:
        """CPU threads in all: --threads, else the CPUs this process may keep busy (at most 8;
        one in a Ray actor: pipeline/machine.py)."""
        if self.options.threads > 0:
            return self.options.threads
        return min(8, cpus())

    def _load(self, src: str, tgt: str) -> _Loaded:
        if (src, tgt) in self._loaded:
            return self._loaded[(src, tgt)]
        folder = models.ct2_dir(self.root, src, tgt)
        if not models.is_ct2_folder(folder):
            raise ModelNotFoundError(
                f"no CTranslate2 model for {src}-{tgt} in {self.root} (looked for {folder.name}): "
                f"{self.install_hint(src, tgt)}"
            )
        import ctranslate2

        device = self._pick_device(ctranslate2)
        compute = self.compute_type or DEFAULT_COMPUTE[device]
        translator = self._translator(ctranslate2, folder, device, compute)
        origin = models.read_provenance(folder)
        gen = _read_json(folder / "generation_config.json")
        max_length = int(gen.get("max_length") or 512)
        limit = int(_read_json(folder / "tokenizer_config.json").get("model_max_length") or 512)
        redo = f"convert the model again (driftcheck models convert {src}-{tgt} --force)"
        pieces = models.load_sentencepiece(folder, redo)
        loaded = _Loaded(
            translator=translator,
            source=pieces[0],
            target=pieces[1],
            # transformers' max_length counts the decoder start token and a forced </s>.
            max_decoding_length=max(1, max_length - 2),
            split_limit=max(8, min(limit, 512) // 2),
            record={
                "id": origin.get("hub_id") or folder.name,
                "revision": origin.get("revision"),
                "path": str(folder.resolve()),
                "quantization": origin.get("quantization"),
            },
        )
        self._loaded[(src, tgt)] = loaded
        return loaded

    def _pick_device(self, ct2: Any) -> str:
        if self._device is not None:
            return self._device
        wanted = self.options.device
        if wanted not in DEVICES:
            raise EngineError(f"unknown device '{wanted}': choose {', '.join(DEVICES)}")
        has_cuda = wanted != "cpu" and ct2.get_cuda_device_count() > 0
        if wanted == "cuda" and not has_cuda:
            raise EngineError(
                f"--device cuda: CTranslate2 {ct2.__version__} sees no CUDA device "
                "(no GPU or no driver); use --device cpu"
            )
        self._device = "cuda" if has_cuda else "cpu"
        if self._device == "cuda":
            _preload_cublas12()
        return self._device

    def _translator(self, ct2: Any, folder: Path, device: str, compute: str) -> Any:
        def make(dev: str, ctype: str) -> Any:
            workers = self._workers(dev)
            translator = ct2.Translator(
                str(folder),
                device=dev,
                compute_type=ctype,
                intra_threads=max(1, self._threads() // workers) if dev == "cpu" else 0,
                inter_threads=workers,
            )
            # cuBLAS is loaded lazily: one tiny translation proves the device really works.
            translator.translate_batch([["</s>"]], max_decoding_length=1)
            return translator

        try:
            return make(device, compute)
        except (RuntimeError, ValueError) as exc:
            if device == "cuda" and self.options.device == "auto":
                self._device = "cpu"
                return make("cpu", self.compute_type or DEFAULT_COMPUTE["cpu"])
            if device == "cuda" and "cublas" in str(exc).lower():
                raise EngineError(
                    f"--device cuda: CTranslate2 {ct2.__version__} needs CUDA 12 cuBLAS (libcublas.so.12), "
                    "which is not installed: pip install nvidia-cublas-cu12, "
                    "or use --engine marian on torch's CUDA"
                ) from None
            raise EngineError(f"cannot load {folder} on {device} ({compute}): {first_line(exc)}") from None

    def direction_signature(self, src: str, tgt: str) -> dict[str, object]:
        """What decides this direction's output, found without loading the model (cache key)."""
        import importlib.metadata as md

        folder = models.ct2_dir(self.root, src, tgt)
        origin = models.read_provenance(folder)
        # the resolved device (auto -> cpu or cuda), so a cached run keys like a fresh one;
        # without an NVIDIA device node there is no CUDA, and ctranslate2 need not be imported
        if self._device is None and (self.options.device == "cpu" or not _cuda_possible()):
            device = "cpu" if self.options.device != "cuda" else self._pick_device(_import_ct2())
        else:
            device = self._pick_device(_import_ct2())
        sig: dict[str, object] = {
            "engine": self.name,
            "ctranslate2": md.version("ctranslate2"),
            "model": origin.get("hub_id") or folder.name,
            "revision": origin.get("revision"),
            "fingerprint": models.fingerprint(folder),
            "beam": max(1, self.options.beam),
            "device": device,
            "compute_type": self.compute_type or DEFAULT_COMPUTE.get(device, "auto"),
        }
        if models.bench_fixed_len():
            sig["bench_fixed_len"] = models.bench_fixed_len()
        return sig

    def signature(self) -> dict[str, object]:
        import importlib.metadata as md

        device = self._device or self.options.device
        sig: dict[str, object] = {
            "name": self.name,
            "ctranslate2": md.version("ctranslate2"),
            "beam": max(1, self.options.beam),
            "device": device,
            "compute_type": self.compute_type or DEFAULT_COMPUTE.get(device, "int8"),
            "models": {f"{s}-{t}": dict(m.record) for (s, t), m in sorted(self._loaded.items())},
            "split_over_tokens": {f"{s}-{t}": m.split_limit for (s, t), m in sorted(self._loaded.items())},
        }
        if models.bench_fixed_len():
            sig["bench_fixed_len"] = models.bench_fixed_len()
        return sig


def _unload(translator: Any, wait_s: float = 2.0) -> None:
    """Drop a translator's weights. CTranslate2 skips the unload while a worker is still busy, and
    a worker can still be finishing its bookkeeping just after handing over the last result, so
    wait for the workers to go idle. Failing to unload costs memory, never correctness."""
    deadline = time.monotonic() + wait_s
    while translator.model_is_loaded:
        if translator.num_active_batches == 0 and translator.num_queued_batches == 0:
            translator.unload_model()
            if not translator.model_is_loaded:
                return
        if time.monotonic() > deadline:
            return
        time.sleep(0.001)


def _decode(target: Any, pieces: list[str]) -> str:
    """Like transformers' MarianTokenizer.decode(skip_special_tokens=True)."""
    text: str = target.decode_pieces([p for p in pieces if p not in _SPECIAL])
    return text.replace("\u2581", " ").strip()


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _preload_cublas12() -> None:
    """Load libcublas.so.12 from the nvidia-cublas-cu12 wheel, when installed, so CTranslate2 finds it."""
    try:
        spec = importlib.util.find_spec("nvidia.cublas")
    except ImportError:
        return
    if spec is None or not spec.submodule_search_locations:
        return
    for base in spec.submodule_search_locations:
        lib = Path(base) / "lib"
        for name in ("libcublasLt.so.12", "libcublas.so.12"):
            if (lib / name).is_file():
                try:
                    ctypes.CDLL(str(lib / name), mode=ctypes.RTLD_GLOBAL)
                except OSError:
                    return


def _cuda_possible() -> bool:
    """Cheap test: an NVIDIA driver exposes /dev/nvidiactl (or /dev/nvidia0)."""
    return Path("/dev/nvidiactl").exists() or Path("/dev/nvidia0").exists()


def _import_ct2() -> Any:
    import ctranslate2

    return ctranslate2
