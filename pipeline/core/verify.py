"""The composition root: runs the stages in order and nothing else.

inputs -> documents/pairs -> segments -> translations (one engine call per direction
per run) -> scores -> checks -> verdicts -> Report.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings, given_as
from ..engines import Engine, EngineOptions, EngineSpec, load_engine
from ..engines.langs import check_lang
from ..errors import InputError, UsageError
from ..formats import UNIT_FORMATS, format_of, read_units
from ..formats.languages import NOT_A_CODE, Declared, resolve
from ..formats.units import ReadOptions, UnitFile
from ..inputs.bilingual import SEGMENT_FORMATS, bilingual_format, is_copy_only, pair_text, read_pairs
from ..inputs.read import detect_format, language_in_name, read_bytes, read_document
from ..records import Document, Report, Segment
from ..timing import Timer
from .run_config import RunConfig, resolve_config

if TYPE_CHECKING:  # the stages are imported when they run: a reused report needs none of them
    from .batch import Batch, RunInfo
    from .source_pairs import SourceJob


@dataclass
class Inputs:
    """What was read: either copies to round-trip, or pairs to compare with their source."""

    mode: str
    documents: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)  # round-trip mode
    jobs: list[SourceJob] = field(default_factory=list)  # source mode
    details: list[dict[str, Any]] = field(default_factory=list)  # per document: format, units, warnings
    settings: Settings | None = None  # the run's settings with languages resolved from the inputs


PAIR_FORMATS = (*SEGMENT_FORMATS, *UNIT_FORMATS)


def input_format(path: str) -> str:
    """text, markdown, html, jsonl, tsv, csv, parquet, po, xliff or tmx, by suffix."""
    return bilingual_format(path) or format_of(path) or detect_format(path)


def _declared_pair(segments: list[Segment], path: str) -> tuple[str | None, str | None]:
    """The `src_lang` / `tgt_lang` a JSONL file's rows declare (the labelled-data fields; a TSV header of
    two language tags gives its rows the same), read like
    a PO header or an <html lang>: `check` ignored them and checked Portuguese copy as Spanish
    when told so. Rows that declare two pairs are one line and exit 2."""
    out: list[str | None] = []
    for key in ("src_lang", "tgt_lang"):
        found = {str(v) for s in segments if (v := dict(s.meta).get(key))}
        if len(found) > 1:
            raise InputError(
                f"{path}: rows declare several {key} values ({', '.join(sorted(found))}): "
                "one language pair per file (split it)"
            )
        out.append(found.pop() if found else None)
    return out[0], out[1]


def _read(path: str, fmt: str, i: int, settings: Settings) -> Document | UnitFile:
    if fmt in SEGMENT_FORMATS:
        segments = read_pairs(pair_text(read_bytes(path), path, fmt), path, fmt, i)
        src, tgt = _declared_pair(segments, path)
        return UnitFile(fmt, segments, source_lang=src, target_lang=tgt)
    if fmt in UNIT_FORMATS:
        given = settings.explicit
        options = ReadOptions(
            settings.lang if "lang" in given else None,
            settings.source_lang if "source_lang" in given else None,
            settings.unapproved_only,
        )
        return read_units(read_bytes(path), path, fmt, i, options)
    return read_document(path, settings.lang, fmt)


def validate_input(path: str, settings: Settings) -> Document | UnitFile:
    """The file as read, or the InputError it raises (every format parsed fully, so that one
    malformed file among several is reported and the others checked, as for a missing one; it
    stopped the whole run). A text or Markdown document with no prose raises errors.NoText. The
    run takes what this read (`load_inputs(..., read=...)`) instead of parsing the file again."""
    return _read(path, input_format(path), 0, settings)


def _as_read(item: Document | UnitFile | None, index: int) -> Document | UnitFile | None:
    """What validate_input read, as the run's input number `index` (a unit file's segments carry it)."""
    if not isinstance(item, UnitFile) or index == 0:
        return item
    return dataclasses.replace(item, segments=[dataclasses.replace(s, document=index) for s in item.segments])


def _both_named(settings: Settings, lang: str) -> str:
    """ "--source-lang and --lang are both 'en'" where the user gave both (named as given: a flag,
    a config key, a Settings field); otherwise the languages came from the inputs (a name such as
    copy.es.txt, a PO file's English msgids) or the default, and the line says so instead of naming
    settings the user never gave."""
    given = [given_as(settings, key) for key in ("source_lang", "lang") if key in settings.explicit]
    if len(given) == 2:
        return f"{given[0]} and {given[1]} are both '{lang}'"
    said = f"{given[0]} given, the other" if given else "both"
    return f"the original and the copy are both '{lang}' ({said} from the inputs or the default; give --lang or --source-lang)"


def _declared(paths: list[str], loaded: list[Document | UnitFile], original: Document | None) -> Declared:
    decl = Declared()
    for path, item in zip(paths, loaded):
        # a unit file's name may say its copy's language ("strings.pt.jsonl"), as a document's does
        target = (
            item.declared_lang if isinstance(item, Document) else item.target_lang or language_in_name(path)
        )
        if target:
            decl.targets.append((path, target))
        else:
            decl.silent.append(path)
        if isinstance(item, UnitFile) and item.source_lang:
            decl.sources.append((path, item.source_lang))
        if isinstance(item, UnitFile) and item.fmt == "po" and not item.source_lang:
            decl.conventional.append(path)
    if original is not None and original.declared_lang:
        decl.sources.append((original.path, original.declared_lang))
    return decl


def _details(
    paths: list[str],
    loaded: list[Document | UnitFile],
    warnings: dict[str, list[str]],
    original: Document | None,
) -> list[dict[str, Any]]:
    """Per document, for the report: its format, what a unit file held, and what to warn about."""
    details: list[dict[str, Any]] = []
    for path, item in zip(paths, loaded):
        notes = warnings.get(path, []) + list(item.warnings)
        if original is not None:
            notes += [
                f"{original.path}: {w}" for w in warnings.get(original.path, []) + list(original.warnings)
            ]
        units = item.counts if isinstance(item, UnitFile) and item.fmt in UNIT_FORMATS else {}
        details.append({"format": item.fmt, "units": units, "warnings": notes})
    return details


def _read_all(
    paths: list[str], settings: Settings, source: str | None, read: Mapping[str, Document | UnitFile]
) -> list[Document | UnitFile]:
    fmts = [input_format(p) for p in paths]
    if source is not None:
        if len(paths) != 1:
            raise UsageError("--source compares one translation with one original; give exactly one FILE")
        if fmts[0] in PAIR_FORMATS:
            raise UsageError(f"--source is for documents; a {fmts[0].upper()} file already holds the source")
    return [_as_read(read.get(p), i) or _read(p, f, i, settings) for i, (p, f) in enumerate(zip(paths, fmts))]


def _original(source: str, settings: Settings, read: Mapping[str, Document | UnitFile]) -> Document:
    """The --source document, as validation read it where it did (its language is the source's)."""
    lang = settings.source_lang or settings.lang
    known = read.get(source)
    return (
        dataclasses.replace(known, lang=lang) if isinstance(known, Document) else read_document(source, lang)
    )


def languages_agree(paths: list[str], settings: Settings, read: Mapping[str, Document | UnitFile]) -> None:
    """Refuse what `load_inputs` refuses before any work when the inputs declare different
    languages: a scaled run reads its shards apart, and they disagreed only at the merge, after
    all the work ("rerun them together", which failed the same way)."""
    _languages(paths, settings, _read_all(paths, settings, None, read), None)


def _languages(
    paths: list[str], settings: Settings, loaded: list[Document | UnitFile], original: Document | None
) -> tuple[str, str | None, dict[str, list[str]]]:
    """The run's languages from the settings and what the inputs declare (formats/languages.resolve)."""
    given_by = {key: given_as(settings, key) for key in settings.explicit}
    return resolve(settings.lang, settings.source_lang, given_by, _declared(paths, loaded, original))


def load_inputs(
    paths: list[str],
    settings: Settings,
    source: str | None = None,
    read: Mapping[str, Document | UnitFile] | None = None,
) -> Inputs:
    """Read every input. Bilingual files (JSONL, TSV, PO, XLIFF, TMX) holding sources, and --source,
    select source-aware mode; documents and JSONL/TSV files of copy alone are checked by round trip.
    `read`: inputs (and the --source document) validate_input has already read, by path (with the
    same settings)."""
    loaded = _read_all(paths, settings, source, read or {})
    pairs = [isinstance(item, UnitFile) and not is_copy_only(item.segments) for item in loaded]
    source_mode = source is not None or any(pairs)
    if source_mode and not all(pairs) and source is None:
        raise UsageError(
            "cannot mix bilingual files (JSONL/TSV/PO/XLIFF/TMX with a source) with plain documents "
            "or copy-only files in one run"
        )
    original = _original(source, settings, read or {}) if source is not None else None
    lang, src_lang, warnings = _languages(paths, settings, loaded, original)
    lang = check_lang(lang)
    settings = dataclasses.replace(settings, lang=lang, source_lang=src_lang)
    details = _details(paths, loaded, warnings, original)
    if source_mode:
        ignored = next((f"{p}: {w}" for p, ws in warnings.items() for w in ws if w.endswith(NOT_A_CODE)), "")
        why = f" ({ignored})" if ignored else ""  # a file's declaration was unusable: name it
        if not src_lang:
            raise UsageError(f"source-aware mode needs --source-lang (the language of the original){why}")
        src_lang = check_lang(src_lang, "source language")
        if src_lang == lang:
            raise UsageError(f"{_both_named(settings, lang)}: a translation needs two languages{why}")
        from .source_mode import job_from_documents, job_from_segments

        inputs = Inputs(
            "source", details=details, settings=dataclasses.replace(settings, source_lang=src_lang)
        )
        for i, (path, item) in enumerate(zip(paths, loaded)):
            if isinstance(item, UnitFile):
                inputs.jobs.append(job_from_segments(i, item.segments))
            else:
                assert original is not None and source is not None
                copy = dataclasses.replace(item, lang=lang)
                inputs.jobs.append(job_from_documents(i, dataclasses.replace(original, lang=src_lang), copy))
            inputs.documents.append((path, lang, source, src_lang))
        return inputs
    inputs = Inputs("roundtrip", details=details, settings=settings)
    from ..inputs.segment import segment_document

    for i, (path, item) in enumerate(zip(paths, loaded)):
        if isinstance(item, UnitFile):
            inputs.segments.extend(item.segments)  # copy alone: one segment a line, ids and metadata kept
        else:
            inputs.segments.extend(segment_document(dataclasses.replace(item, lang=lang), i))
        inputs.documents.append((path, lang, None, None))
    return inputs


def build_engine(settings: Settings, langs: list[str] | None = None) -> Engine:
    """The configured engine, cached unless --no-cache. `langs` (the first direction) is no longer
    needed: `auto` chooses per hop."""
    spec = engine_spec(settings)
    if spec.cache_path is not None:
        from ..checks import zipf_memo

        zipf_memo.persist(Path(spec.cache_path).parent)  # word frequencies, kept beside the translations
    return load_engine(spec)


def engine_spec(settings: Settings) -> EngineSpec:
    """The engine the settings ask for, as a picklable spec (the cache file resolved here)."""
    options = EngineOptions(
        models_dir=settings.models_dir, beam=settings.beam, device=settings.device, threads=settings.threads
    )
    cache_path = None
    if settings.cache:
        from ..engines.cache_path import resolve_cache_path

        cache_path = str(resolve_cache_path(settings.cache_path))
    return EngineSpec(settings.engine, options, cache_path)


def engine_signature(engine: Engine, routes: dict[str, list[str]]) -> dict[str, object]:
    """What decides the translations, per direction used: the same whether or not the cache answered."""
    inner: Engine = getattr(engine, "engine", engine)
    per_direction = getattr(inner, "direction_signature", None)
    if not callable(per_direction):
        return inner.signature()
    hops = sorted({(a, b) for route in routes.values() for a, b in zip(route, route[1:])})
    return {"name": inner.name, "directions": {f"{a}-{b}": per_direction(a, b) for a, b in hops}}


def _models_dir_entry(engine: Engine, settings: Settings) -> dict[str, object]:
    if engine.name not in ("marian", "ct2", "auto"):
        return {}
    from ..engines.models import models_dir

    return {"models_dir": str(models_dir(settings.models_dir))}


def memo_context(engine: Engine, settings: Settings) -> dict[str, object]:
    """What else a reused report depends on: the models folder, the encoder's weights when on, and a
    user-given calibration file's bytes."""
    from . import semantic

    context = _models_dir_entry(engine, settings)
    context["word_readers"] = _readers_entry(engine, "roundtrip", settings.lang, list(settings.pivots))
    if semantic.enabled(settings.semantic):
        from .result_memo import files_identity

        context["semantic"] = files_identity(semantic.resource_files())
    if settings.morph is not False and settings.source_lang:  # the analysers' data (source-aware)
        from ..engines.apertium_analysis import data_signature

        context["morph"] = data_signature([settings.lang, settings.source_lang])
    if settings.calibration is not None:  # the file's bytes decide the verdicts, not its name
        from .result_memo import file_digest

        context["calibration"] = file_digest(settings.calibration)
    return context


def _readers_entry(engine: Engine, mode: str, lang: str, pivots: list[str]) -> dict[str, object]:
    """Round-trip mode: the languages that read the copy's doubtful words besides the pivots."""
    if mode != "roundtrip":
        return {}
    from .pivot_words import reader_routes

    return {"word_readers": sorted(reader_routes(engine, lang, pivots))}


def whole_batch(inputs: Inputs) -> Batch:
    """The run as one batch (what a single process verifies)."""
    from .batch import Batch

    return Batch(inputs.mode, tuple(inputs.segments), tuple(inputs.jobs))  # type: ignore[arg-type]


def split_batches(inputs: Inputs, max_segments: int) -> list[Batch]:
    """The run cut into batches of whole documents, about `max_segments` segments each, in input
    order: a document (and a document pair) is never split, since alignment and the round-trip
    consistency check read all of it. merge() of their results in this order gives the report of
    whole_batch(inputs)."""
    from .batch import Batch

    batches: list[Batch] = []
    if inputs.mode == "source":
        jobs: list[SourceJob] = []
        for job in inputs.jobs:
            if jobs and sum(len(j.copy_units) for j in jobs) + len(job.copy_units) > max_segments:
                batches.append(Batch("source", jobs=tuple(jobs)))
                jobs = []
            jobs.append(job)
        return batches + ([Batch("source", jobs=tuple(jobs))] if jobs else [])
    segments: list[Segment] = []
    for doc in dict.fromkeys(s.document for s in inputs.segments):
        mine = [s for s in inputs.segments if s.document == doc]
        if segments and len(segments) + len(mine) > max_segments:
            batches.append(Batch("roundtrip", segments=tuple(segments)))
            segments = []
        segments.extend(mine)
    return batches + ([Batch("roundtrip", segments=tuple(segments))] if segments else [])


def run_info(
    inputs: Inputs, engine: Engine, config: RunConfig, settings: Settings, routes: dict[str, list[str]]
) -> RunInfo:
    """What the report says about the whole run."""
    from .batch import RunInfo

    return RunInfo(
        config.mode,
        tuple(inputs.documents),
        tuple(inputs.details),
        config,
        engine_signature(engine, routes),
        {
            **_readers_entry(engine, config.mode, config.lang, list(config.pivots)),
            **_models_dir_entry(engine, settings),
        },
    )


def check_calibration(mode: str, settings: Settings) -> None:
    """The calibration given (--calibration, config) loads and is made for the run's mode."""
    if settings.calibration is None:
        return
    from .calibration import resolve as resolve_calibration

    resolve_calibration(mode, settings.calibration)


def verify(
    paths: list[str],
    settings: Settings,
    source: str | None = None,
    engine: Engine | None = None,
    timer: Timer | None = None,
    inputs: Inputs | None = None,
    config: RunConfig | None = None,
) -> Report:
    timer = timer or Timer()
    if inputs is None:
        with timer.stage("read"):
            inputs = load_inputs(paths, settings, source)
    settings = inputs.settings or settings
    config = config or resolve_config(settings, inputs.mode)  # type: ignore[arg-type]
    engine = engine or build_engine(settings, config.first_direction)
    check_calibration(inputs.mode, settings)
    from .batch import merge, verify_segments

    done = verify_segments(whole_batch(inputs), engine, config, timer)
    report = merge([done], run_info(inputs, engine, config, settings, done.routes))
    return dataclasses.replace(report, timings=timer.stages)
