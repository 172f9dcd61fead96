"""`driftcheck models convert`: a MarianMT folder to a CTranslate2 folder (int8 by default).

Needs torch and transformers (only here). Written to a hidden temp folder beside the result and
renamed into place; an existing result is replaced only with `force` and only when it is an
earlier conversion.
"""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path
from typing import Any

from pipeline.errors import EngineError, ModelNotFoundError, UsageError

from .models import (
    CT2_SUFFIX,
    TOKENIZER_FILES,
    check_marian_folder,
    ct2_dir,
    is_ct2_folder,
    is_marian_folder,
    marian_dir,
    parse_direction,
    pull_again,
    read_provenance,
    write_provenance,
)


def _conversion_paths(target: str, root: Path, output: Path | None) -> tuple[Path, Path]:
    """The MarianMT folder to convert (a folder, or a direction in `root`) and where the result goes."""
    given = Path(target).expanduser()
    if given.is_dir():
        if not is_marian_folder(given):
            raise ModelNotFoundError(
                f"{given} is not a MarianMT folder (needs config.json, source.spm and weights)"
            )
        return given, output or given.with_name(given.name + CT2_SUFFIX)
    src, tgt = parse_direction(target)
    source = marian_dir(root, src, tgt)
    if not is_marian_folder(source):
        raise ModelNotFoundError(
            f"no MarianMT model for {src}-{tgt} at {source}: run `driftcheck models pull {src}-{tgt}` first"
        )
    return source, output or ct2_dir(root, src, tgt)


PARTIAL_SUFFIX = ".driftcheck-partial"


def _check_destination(source: Path, out: Path, force: bool) -> None:
    """Refuse, before converting, a destination whose replacement would lose anything but an
    earlier conversion: `--force` replaces a CTranslate2 model folder and nothing else (not a
    folder of other files, not the models folder, not the model being converted)."""
    src, dst = source.resolve(), out.resolve()
    if dst == src or dst in src.parents:
        raise UsageError(
            f"{out}: the conversion would replace the model it converts ({source}); choose another path"
        )
    if not out.exists() and not out.is_symlink():
        return
    if out.is_symlink() or not out.is_dir():
        raise UsageError(f"{out} exists and is not a folder (or is a link); choose another path")
    if not force:
        raise UsageError(f"{out} already exists: pass --force to replace it")
    if not is_ct2_folder(out):
        raise UsageError(
            f"{out} is not a converted model (no model.bin, source.spm and target.spm): --force "
            "replaces only an earlier conversion; choose another path"
        )


def convert(
    target: str, root: Path, *, output: Path | None = None, quantization: str = "int8", force: bool = False
) -> Path:
    """Convert a MarianMT folder (a direction in `root`, or a path) to a CTranslate2 folder.

    Needs torch and transformers (only here). The tokenizer files are copied in, so the
    ct2 engine runs on the result with sentencepiece alone. Written to a temporary folder
    and renamed into place, so an interrupted conversion leaves nothing half-made.
    """
    source, out = _conversion_paths(target, root, output)
    _check_destination(source, out, force)
    direction = source.name.removeprefix("opus-mt-").split("-")
    redo = pull_again(source, *direction) if len(direction) == 2 else "replace it with a whole opus-mt folder"
    check_marian_folder(source, redo)  # a garbled file: one line naming it (the converter's words said none)
    try:
        import ctranslate2
        import torch  # noqa: F401 - the converter needs it; fail here with a clear line
        import transformers
    except ImportError as exc:
        raise EngineError(
            f"`models convert` needs torch and transformers ({exc.name} is missing): "
            "pip install torch==2.13.0 'driftcheck[marian]'"
        ) from None
    hf_logging: Any = transformers.utils.logging  # untyped module
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    partial = out.with_name(f".{out.name}{PARTIAL_SUFFIX}")  # a name only driftcheck writes
    shutil.rmtree(partial, ignore_errors=True)  # left by an interrupted conversion
    copy = [name for name in TOKENIZER_FILES if (source / name).is_file()]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "Recommended: pip install sacremoses."
            converter = ctranslate2.converters.TransformersConverter(str(source), copy_files=copy)
            converter.convert(str(partial), quantization=quantization, force=True)
    except Exception as exc:  # noqa: BLE001 - converter errors are many and untyped
        shutil.rmtree(partial, ignore_errors=True)
        reason = str(exc).splitlines()[0] if str(exc) else repr(exc)
        raise EngineError(f"converting {source} failed: {reason}") from None
    origin = read_provenance(source)
    write_provenance(
        partial,
        {
            "direction": origin.get("direction"),
            "hub_id": origin.get("hub_id"),
            "revision": origin.get("revision"),
            "converted_from": str(source.resolve()),
            "quantization": quantization,
            "ctranslate2": ctranslate2.__version__,
        },
    )
    if out.exists():
        shutil.rmtree(out)
    partial.rename(out)
    return out
