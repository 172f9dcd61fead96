"""The local model store: where models live, which hub id and commit each direction uses,
and the two ways in: `pull` (download an opus-mt model at a pinned commit) and `convert`
(MarianMT folder -> CTranslate2 folder, in engines/convert.py).

Layout of a models folder (`--models-dir`, else $DRIFTCHECK_MODELS, else the project's
`models/`, else the user data folder when driftcheck is installed outside a checkout):

    opus-mt-en-de/       a Hugging Face MarianMT folder (what `models pull en-de` writes)
    opus-mt-en-de-ct2/   its CTranslate2 conversion (what `models convert en-de` writes),
                         with source.spm/target.spm copied in so it runs without transformers
    */driftcheck-model.json   provenance: hub id, commit, what it was converted from

Heavy libraries (huggingface_hub, ctranslate2, torch, transformers) are imported inside
the functions that need them.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pipeline.engines.langs import check_lang
from pipeline.errors import EngineError, ModelNotFoundError, OutputError, UsageError, first_line

ENV_MODELS = "DRIFTCHECK_MODELS"
# Benchmarks only: force every translation to exactly N output tokens in the marian and ct2
# engines, so random-weight models do the same work in both (see benchmarks/bench_engines.py).
ENV_BENCH_FIXED_LEN = "DRIFTCHECK_BENCH_FIXED_LEN"
PROVENANCE = "driftcheck-model.json"
HUB_TIMEOUT_S = 5.0
CT2_SUFFIX = "-ct2"
SPM_FILES = ("source.spm", "target.spm")  # opus-mt's sentencepiece models, source side first
TOKENIZER_FILES = (
    *SPM_FILES,
    "vocab.json",
    "tokenizer_config.json",
    "generation_config.json",
)

EngineName = Literal["ct2", "marian"]


@dataclass(frozen=True)
class KnownModel:
    direction: str  # "en-de"
    hub_id: str
    revision: str | None  # commit hash; None = not pinned yet (pull resolves and records it)


@dataclass(frozen=True)
class LocalModel:
    direction: str
    kind: EngineName  # "marian" (HF folder) or "ct2" (converted)
    path: Path
    size: int  # bytes
    revision: str | None


def parse_direction(text: str) -> tuple[str, str]:
    """'en-de' -> ('en', 'de'); anything else is a one-line UsageError."""
    parts = text.strip().lower().split("-")
    if len(parts) != 2 or not all(p.isalpha() and 2 <= len(p) <= 3 for p in parts) or parts[0] == parts[1]:
        raise UsageError(f"bad direction '{text}': write it as SRC-TGT with language codes, e.g. en-de")
    # "xx-yy" was taken, and failed only at the download (3 letters: opus-mt's groups, mul)
    for part in parts:
        if len(part) == 2:
            try:
                check_lang(part)
            except UsageError:
                raise UsageError(f"bad direction '{text}': '{part}' is no ISO 639-1 language code") from None
    return parts[0], parts[1]


def models_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The models folder: `explicit`, else $DRIFTCHECK_MODELS, else the project's models/."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_MODELS)
    if env:
        return Path(env).expanduser()
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file():
        return checkout / "models"
    import platformdirs

    return platformdirs.user_data_path("driftcheck") / "models"


@functools.cache
def registry() -> dict[str, KnownModel]:
    """Known directions -> hub id and pinned commit, from pipeline/data/models.json."""
    text = resources.files("pipeline").joinpath("data/models.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {
        direction: KnownModel(direction, entry["hub_id"], entry.get("revision"))
        for direction, entry in data["models"].items()
    }


def known_model(src: str, tgt: str) -> KnownModel:
    direction = f"{src}-{tgt}"
    return registry().get(direction) or KnownModel(direction, f"Helsinki-NLP/opus-mt-{direction}", None)


def marian_dir(root: Path, src: str, tgt: str) -> Path:
    return root / f"opus-mt-{src}-{tgt}"


def ct2_dir(root: Path, src: str, tgt: str) -> Path:
    return root / f"opus-mt-{src}-{tgt}{CT2_SUFFIX}"


def is_marian_folder(path: Path) -> bool:
    has_weights = (path / "model.safetensors").is_file() or (path / "pytorch_model.bin").is_file()
    return (path / "config.json").is_file() and (path / SPM_FILES[0]).is_file() and has_weights


def marian_missing(path: Path) -> list[str]:
    """The files of a MarianMT model that `path` lacks (config, weights, both SentencePiece models,
    the vocabulary: what transformers loads it from); [] when all are there."""
    missing = [name for name in ("config.json", *SPM_FILES, "vocab.json") if not (path / name).is_file()]
    if any((path / name).is_file() for name in ("model.safetensors", "pytorch_model.bin")):
        return missing
    return [*missing, "model.safetensors (or pytorch_model.bin)"]


def pull_again(folder: Path, src: str, tgt: str) -> str:
    """How to replace a damaged opus-mt folder: `pull --force` replaces a MarianMT folder, and one
    without its config, source.spm or weights (which pull leaves alone) must be moved away first."""
    if is_marian_folder(folder):
        return f"download it again (driftcheck models pull {src}-{tgt} --force)"
    return f"move it away and download it again (driftcheck models pull {src}-{tgt})"


def load_sentencepiece(folder: Path, redo: str) -> list[Any]:
    """source.spm and target.spm of `folder` as SentencePiece processors; an empty or garbled one is
    one line naming the file and `redo` (it was "RuntimeError: INTERNAL: unk is not defined")."""
    import sentencepiece

    loaded = []
    for name in SPM_FILES:
        try:
            loaded.append(sentencepiece.SentencePieceProcessor(model_file=str(folder / name)))
        except Exception as exc:  # noqa: BLE001 - "unk is not defined", "could not parse", OSError...
            raise EngineError(f"cannot load {folder / name}: {first_line(exc).rstrip('.')}; {redo}") from None
    return loaded


def check_marian_folder(folder: Path, redo: str) -> None:
    """One line naming the file a damaged opus-mt folder lacks or cannot load, and `redo` (how to
    replace it), before transformers meets it: a missing vocab.json was "TypeError: expected str,
    … not NoneType", a missing target.spm "Either model_file or model_proto must be specified", an
    empty source.spm "unk is not defined", a garbled config.json (`models convert`) "Expecting
    value: line 1 column 1 (char 0)", and a folder without weights was said not to be there."""
    import json

    missing = marian_missing(folder)
    if missing:
        raise ModelNotFoundError(f"the MarianMT folder {folder} has no {', '.join(missing)}: {redo}")
    load_sentencepiece(folder, redo)
    for name in ("config.json", "vocab.json"):
        try:
            if not isinstance(json.loads((folder / name).read_text(encoding="utf-8")), dict):
                raise ValueError("it is no JSON object")
        except (OSError, ValueError) as exc:
            raise ModelNotFoundError(f"cannot load {folder / name}: {first_line(exc)}; {redo}") from None


def is_ct2_folder(path: Path) -> bool:
    return all((path / name).is_file() for name in ("model.bin", *SPM_FILES))


def read_provenance(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / PROVENANCE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_provenance(folder: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    (folder / PROVENANCE).write_text(text, encoding="utf-8")


WEIGHTS = ("model.bin", "model.safetensors", "pytorch_model.bin")  # hashed by size and two ends


def fingerprint(folder: Path) -> str:
    """A content hash of a model folder: every file in full (configs, SentencePiece models,
    vocabularies: they decide the output as much as the weights), the weights by their size and
    their first and last MiB, without reading hundreds of MB. The provenance driftcheck writes is
    left out. A tokenizer replaced under a model used to keep its fingerprint, and the cache
    answered with the old model's translations."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.name != PROVENANCE):
        size = path.stat().st_size
        digest.update(f"{path.name}:{size}:".encode())
        with path.open("rb") as handle:
            if path.name not in WEIGHTS or size <= 2 << 20:
                digest.update(hashlib.sha256(handle.read()).digest())
                continue
            digest.update(handle.read(1 << 20))
            handle.seek(size - (1 << 20))
            digest.update(handle.read(1 << 20))
    return digest.hexdigest()[:16]


@functools.cache
def _sha256(path: Path, size: int, mtime_ns: int) -> bytes:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.digest()


def file_sha256(path: Path) -> bytes:
    """sha256 of a file, memoised per process on its size and mtime (~1 ms per MB). OSError if unreadable."""
    st = path.stat()
    return _sha256(path, st.st_size, st.st_mtime_ns)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def local_models(root: Path) -> list[LocalModel]:
    """Model folders present in `root` (opus-mt-SRC-TGT and opus-mt-SRC-TGT-ct2)."""
    found: list[LocalModel] = []
    if not root.is_dir():
        return found
    for path in sorted(root.glob("opus-mt-*")):
        name = path.name.removeprefix("opus-mt-")
        kind: EngineName = "ct2" if name.endswith(CT2_SUFFIX) else "marian"
        direction = name.removesuffix(CT2_SUFFIX)
        ok = is_ct2_folder(path) if kind == "ct2" else is_marian_folder(path)
        if ok and direction.count("-") == 1:
            rev = read_provenance(path).get("revision")
            revision = rev if isinstance(rev, str) else None
            found.append(LocalModel(direction, kind, path, folder_size(path), revision))
    return found


def model_path(root: Path, direction: str, kind: str = "auto") -> Path:
    """The folder a direction would be loaded from; ModelNotFoundError when absent."""
    src, tgt = parse_direction(direction)
    if kind not in ("auto", "marian", "ct2"):
        raise UsageError(f"unknown model kind '{kind}': choose auto, marian or ct2")
    ct2, marian = ct2_dir(root, src, tgt), marian_dir(root, src, tgt)
    if kind in ("auto", "ct2") and is_ct2_folder(ct2):
        return ct2
    if kind in ("auto", "marian") and is_marian_folder(marian):
        return marian
    wanted = ct2 if kind == "ct2" else marian
    what = "" if kind == "auto" else f"{kind} "
    # a ct2 folder is converted from an opus-mt one, not an opus-mt folder itself
    how = ct2_steps(root, src, tgt) if kind == "ct2" else how_to_provide(root, src, tgt)
    raise ModelNotFoundError(f"no {what}model for {src}-{tgt} at {wanted}: {how}")


def ct2_steps(root: Path, src: str, tgt: str) -> str:
    """What makes the ct2 model of src-tgt: a conversion of the opus-mt folder, pulled first
    only when it is not there (both were advised beside an opus-mt folder ready to convert)."""
    convert = f"`driftcheck models convert {src}-{tgt}`"
    if is_marian_folder(marian_dir(root, src, tgt)):
        return f"run {convert}"
    return f"run `driftcheck models pull {src}-{tgt}` and {convert}"


def how_to_provide(root: Path, src: str, tgt: str) -> str:
    return (
        f"run `driftcheck models pull {src}-{tgt}` (add `driftcheck models convert {src}-{tgt}` for the "
        f"ct2 engine), or put an opus-mt folder at {marian_dir(root, src, tgt)}"
    )


def bench_fixed_len() -> int | None:
    """Output length forced by $DRIFTCHECK_BENCH_FIXED_LEN (benchmarks only), else None."""
    value = os.environ.get(ENV_BENCH_FIXED_LEN, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def hub_offline() -> bool:
    return any(
        os.environ.get(v, "").strip().lower() in ("1", "true", "yes", "on")
        for v in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    )


def _endpoint() -> str:
    return os.environ.get("HF_ENDPOINT", "").strip() or "https://huggingface.co"


def resolve_hub_revision(
    hub_id: str, revision: str | None, unavailable: str, hint: str
) -> tuple[str, list[str]]:
    """Commit hash and file names of `hub_id` at `revision`, asked with a short timeout.

    Fails within seconds with a ModelNotFoundError: `unavailable` (what could not be done),
    why, and `hint` (how to provide the model instead), instead of the 23-46 s of retries that a
    plain `from_pretrained` spends when the hub is unreachable.
    """
    if hub_offline():
        raise ModelNotFoundError(f"{unavailable}: offline mode is on (HF_HUB_OFFLINE); {hint}")
    import huggingface_hub
    from huggingface_hub import errors as hf_errors

    try:
        info = huggingface_hub.HfApi(endpoint=_endpoint()).model_info(
            hub_id, revision=revision, timeout=HUB_TIMEOUT_S
        )
    except (hf_errors.RepositoryNotFoundError, hf_errors.RevisionNotFoundError):
        raise ModelNotFoundError(
            f"{unavailable}: {hub_id} at revision {revision or 'main'} does not exist on the hub; {hint}"
        ) from None
    except Exception as exc:  # noqa: BLE001 - any network failure means the same thing to the user
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise ModelNotFoundError(
            f"{unavailable}: the Hugging Face hub ({_endpoint()}) is unreachable ({reason}); {hint}"
        ) from None
    files = [s.rfilename for s in (info.siblings or [])]
    return str(info.sha or revision), files


def _weights_to_fetch(files: list[str]) -> list[str]:
    wanted = [f for f in files if f in TOKENIZER_FILES or f == "config.json"]
    weights = "model.safetensors" if "model.safetensors" in files else "pytorch_model.bin"
    return [*wanted, weights]


def pull(direction: str, root: Path, *, force: bool = False, progress: bool = True) -> Path:
    """Download the opus-mt model for `direction` into `root` at its pinned commit."""
    src, tgt = parse_direction(direction)
    known = known_model(src, tgt)
    dest = marian_dir(root, src, tgt)
    if is_marian_folder(dest) and not force:
        missing = marian_missing(dest)
        if missing:  # an interrupted download was reported pulled, and `check` then refused it
            raise ModelNotFoundError(
                f"{dest} is there but has no {', '.join(missing)}: {pull_again(dest, src, tgt)}"
            )
        return dest
    if dest.exists() and not is_marian_folder(dest):  # someone's files: the download would replace them
        raise OutputError(
            f"{dest} exists and is not a MarianMT folder (needs config.json, source.spm and weights); "
            "move it away, or pull into another --models-dir"
        )
    sha, files = resolve_hub_revision(
        known.hub_id,
        known.revision,
        f"cannot download {known.hub_id} into {dest}",
        "pull on a connected machine and copy the folder here, or set HF_ENDPOINT to a reachable mirror",
    )
    import huggingface_hub
    from huggingface_hub import utils as hf_utils

    partial = dest.with_name(dest.name + ".partial")
    root.mkdir(parents=True, exist_ok=True)
    if not progress:
        hf_utils.disable_progress_bars()  # type: ignore[attr-defined] # re-exported lazily
    try:
        huggingface_hub.snapshot_download(
            known.hub_id,
            revision=sha,
            local_dir=partial,
            allow_patterns=_weights_to_fetch(files),
            endpoint=_endpoint(),
        )
    except Exception as exc:  # noqa: BLE001 - a failed download is one message, resumable
        raise ModelNotFoundError(
            f"downloading {known.hub_id} failed ({type(exc).__name__}): run the pull again to resume"
        ) from None
    finally:
        if not progress:
            hf_utils.enable_progress_bars()  # type: ignore[attr-defined] # re-exported lazily
    shutil.rmtree(partial / ".cache", ignore_errors=True)
    write_provenance(partial, {"direction": f"{src}-{tgt}", "hub_id": known.hub_id, "revision": sha})
    if dest.exists():
        shutil.rmtree(dest)
    partial.rename(dest)
    return dest
