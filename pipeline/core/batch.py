"""One batch through the stages, and batches reduced into one report.

`verify_segments(batch, engine, config)` runs translate -> score -> check -> judge on a Batch of
either mode and returns a BatchResult; `merge(batches, run)` reduces BatchResults into the Report.
A run in one process is one batch; an executor (Ray) may cut a run into several batches, each of
whole documents, verify them anywhere and merge them in order: the per-document corpus scores come
from the batches' sufficient statistics (sacreBLEU's per-pair statistics, summed in segment order),
so the merged report is the report of one batch over the same input.

Alignment of a document pair needs the whole pair, and round-trip checks read the other sentences
of the segment's document (consistency): a batch therefore never splits a document (`split_inputs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..engines import Engine
from ..errors import UsageError, expect
from ..records import (
    MODE_LABELS,
    MODES,
    SCHEMA_VERSION,
    VERDICTS,
    DocumentResult,
    Mode,
    Report,
    Scores,
    Segment,
    SegmentResult,
)
from ..timing import Timer
from ..version import __version__
from .loop import Plan
from .run_config import RunConfig
from .score import PairStats, corpus_from, metric_signatures
from .source_pairs import SourceJob
from .trained_pairs import not_trained_for

DocumentEntry = tuple[str, str, "str | None", "str | None"]  # path, lang, source path, source lang


@dataclass(frozen=True)
class Batch:
    """Segments to verify: round-trip segments, or source-aware jobs (a document pair or a bilingual
    file each). `Segment.document` (and `SourceJob.doc_index`) index the run's input files."""

    mode: Mode
    segments: tuple[Segment, ...] = ()  # round-trip mode
    jobs: tuple[SourceJob, ...] = ()  # source-aware mode

    def __post_init__(self) -> None:
        if self.mode not in MODES:  # verify_segments raised KeyError on it
            raise UsageError(f"Batch mode must be one of {', '.join(MODES)}, not {self.mode!r}")


@dataclass(frozen=True)
class BatchResult:
    """What a batch yields: results in input order, the routes taken, the sufficient statistics of
    the corpus scores per document and route, the calibration the judge used, and stage timings."""

    results: tuple[SegmentResult, ...]
    routes: dict[str, list[str]]
    stats: dict[int, dict[str, list[PairStats]]]
    calibration: dict[str, Any] | None = None
    stages: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class RunInfo:
    """What the report says about the run as a whole (known before any batch runs)."""

    mode: Mode
    documents: tuple[DocumentEntry, ...]  # per input file
    details: tuple[dict[str, Any], ...]  # per input file: format, units, warnings
    config: RunConfig
    engine: dict[str, object]  # engine_signature(): what decides the translations
    extra: dict[str, object] = field(default_factory=dict)  # models_dir of the model engines


def verify_segments(
    batch: Batch, engine: Engine, config: RunConfig, timer: Timer | None = None
) -> BatchResult:
    """Translate, score, check and judge one batch (either mode) with a loaded engine.

    `config` is the run's resolved configuration (`resolve_config`). `timer` collects the
    stage timings (and carries the progress callback); the BatchResult holds them too. The engine is
    only read: no attribute of it is set here beyond what the stages did before (progress).
    """
    from .loop import run_plan

    expect(batch, Batch, "batch")
    expect(config, RunConfig, "config (from resolve_config)")
    if not callable(getattr(engine, "translate", None)):
        raise UsageError(f"engine must be an engine (from load_engine), got {type(engine).__name__}")
    if batch.mode != config.mode:  # an unrelated calibration error came of it
        said = {m: MODE_LABELS[m].lower() for m in (batch.mode, config.mode)}
        raise UsageError(f"batch is {said[batch.mode]} but config is for {said[config.mode]}")
    timer = timer or Timer()
    plan = mode_plan(batch, engine, config)
    results, stats = run_plan(plan, engine, config, timer)  # the one loop; the plan is the mode
    return BatchResult(tuple(results), plan.routes, stats, plan.calibration(), dict(timer.stages))


def mode_plan(batch: Batch, engine: Engine, config: RunConfig) -> Plan[Any, Any]:
    """What the batch's mode translates, compares, checks and judges (the loop is the same)."""
    from .copy_judge import CopyJudge
    from .judge import Judge
    from .roundtrip import RoundTripPlan
    from .source_mode import SourcePlan

    name = getattr(engine, "name", None)
    if batch.mode == "source":
        return SourcePlan(list(batch.jobs), engine, config, Judge(config, name))
    return RoundTripPlan(list(batch.segments), engine, config, CopyJudge(config, name))


def merge(batches: Sequence[BatchResult], run: RunInfo) -> Report:
    """One Report from the batches of a run, given in input order."""
    if isinstance(batches, str | bytes) or not isinstance(batches, Sequence):
        raise UsageError(f"batches must be a list of BatchResult, got {type(batches).__name__}")
    for b in batches:
        expect(b, BatchResult, "batches: each item")
    expect(run, RunInfo, "run")
    _in_order(batches, run)
    results = tuple(r for b in batches for r in b.results)
    stats: dict[int, dict[str, list[PairStats]]] = {}
    for b in batches:
        for doc, per_route in b.stats.items():
            for route, items in per_route.items():
                stats.setdefault(doc, {}).setdefault(route, []).extend(items)
    corpus = {doc: _scored(per) for doc, per in stats.items()}
    routes = next((b.routes for b in batches), {})
    stages: dict[str, float] = {}
    for b in batches:
        for name, seconds in b.stages.items():
            stages[name] = stages.get(name, 0.0) + seconds
    calibration = next((b.calibration for b in batches if b.calibration is not None), None)
    if calibration and calibration.get("trained_on"):  # the run's pairs it was not trained for
        pairs = [(src_lang, lang) for _, lang, _, src_lang in run.documents]
        untrained = not_trained_for(calibration["trained_on"], run.mode, pairs)
        calibration = {**calibration, "not_trained_for": untrained} if untrained else calibration
    signature = _signature(run, routes, results, calibration)
    documents = _documents(run, results, corpus)
    return Report(SCHEMA_VERSION, run.mode, signature, documents, results, stages)


def _scored(per_route: dict[str, list[PairStats]]) -> dict[str, Scores]:
    """A document's corpus scores per route; a route with nothing verified has none."""
    scores = {route: corpus_from(items) for route, items in per_route.items()}
    return {route: s for route, s in scores.items() if s is not None}


def _in_order(batches: Sequence[BatchResult], run: RunInfo) -> None:
    """Every document of the run in exactly one batch, the batches in input order: a batch given
    twice (a retried task's result kept twice), left out or out of order made a wrong report
    without a word (segments counted twice, a lost document listed as all clear)."""
    seen: set[int] = set()
    last = -1
    for k, b in enumerate(batches):
        for doc in dict.fromkeys(r.segment.document for r in b.results):
            if doc in seen:
                raise UsageError(f"batches: document {doc} is in more than one batch (batch {k} repeats it)")
            if doc < last:
                raise UsageError(
                    f"batches: out of order, document {doc} after document {last}: give them in input order"
                )
            seen.add(doc)
            last = doc
    missing = [i for i in range(len(run.documents)) if i not in seen]
    if missing:
        raise UsageError(
            f"batches: no result for document {missing[0]} ({run.documents[missing[0]][0]}): a batch is missing"
        )


def _signature(
    run: RunInfo,
    routes: dict[str, list[str]],
    results: tuple[SegmentResult, ...],
    calibration: dict[str, Any] | None,
) -> dict[str, object]:
    from ..checks.thresholds import THRESHOLDS

    config = run.config
    signature: dict[str, object] = {
        "tool": "driftcheck",
        "version": __version__,
        "mode": run.mode,
        "lang": config.lang,
        "source_lang": config.source_lang if run.mode == "source" else None,
        "engine": run.engine,
        "routes": {k: "->".join(v) for k, v in routes.items()},
        "decoding": _decoding(run.engine, config.beam),
        **run.extra,
        "metrics": metric_signatures(),
        **_semantic_entry(results),
        **_morph_entry(run, results),
        "thresholds": {**THRESHOLDS, **config.thresholds},
        "checks": {n: config.severities.get(n, "default") for n in sorted(config.enabled)},
        "fail_on": config.fail_on,
    }
    if calibration is not None:
        signature["calibration"] = calibration
    return signature


def _decoding(engine: dict[str, object], beam: int) -> dict[str, object]:
    """The beam, where an engine of the run decodes with one (Apertium and Bergamot do not: the
    option was recorded for runs it played no part in)."""
    directions = engine.get("directions")
    hops = directions.values() if isinstance(directions, dict) else [engine]
    return {"beam": beam} if any(isinstance(d, dict) and "beam" in d for d in hops) else {}


def _semantic_entry(results: tuple[SegmentResult, ...]) -> dict[str, object]:
    """The encoder behind the semantic scores, when the run computed them."""
    if not any(r.semantic is not None for r in results):
        return {}
    from .semantic import encoder_signature

    return {"semantic": encoder_signature()}


def _morph_entry(run: RunInfo, results: tuple[SegmentResult, ...]) -> dict[str, object]:
    """The analysers behind the part-of-speech and tense evidence, when the run used them."""
    if not any(k.startswith("pv:") for r in results for k in r.features):
        return {}
    from ..engines.apertium_analysis import signature

    return {"morph": signature([run.config.lang, run.config.source_lang or ""])}


def _documents(
    run: RunInfo, results: tuple[SegmentResult, ...], corpus: dict[int, dict[str, Scores]]
) -> tuple[DocumentResult, ...]:
    docs: list[DocumentResult] = []
    for i, (path, lang, src_path, src_lang) in enumerate(run.documents):
        counts: dict[str, int] = {
            v: sum(r.verdict == v for r in results if r.segment.document == i) for v in VERDICTS
        }
        info = run.details[i] if i < len(run.details) else {}
        docs.append(
            DocumentResult(
                i,
                path,
                lang,
                src_path,
                src_lang,
                corpus.get(i, {}),
                counts,
                fmt=info.get("format", "text"),
                units=info.get("units", {}),
                warnings=tuple(info.get("warnings", [])),
            )  # fmt: skip
        )
    return tuple(docs)
