"""The composition root: runs the stages in order and nothing else.

inputs -> documents/pairs -> segments -> translations (one engine call per direction
per run) -> scores -> checks -> verdicts -> Report.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from . import __version__
from .bilingual import bilingual_format, read_pairs
from .checks import CheckInput, load_all, run_checks
from .config import Settings
from .engines import Engine, EngineOptions, create, plan_route, translate_route
from .engines.langs import check_lang, default_pivot
from .errors import UsageError
from .read import decode_text, read_bytes, read_document
from .records import (
    Document,
    DocumentResult,
    Flag,
    Report,
    RoundTrip,
    Segment,
    SegmentResult,
    SourceComparison,
    Span,
    VERDICTS,
)
from .report.to_json import SCHEMA_VERSION
from .score import corpus_scores, metric_signatures, sentence_scores
from .source_mode import SourceJob, build_pairs, job_from_documents, job_from_segments
from .verdict import THRESHOLDS, drift, verdict

Progress = Callable[[str], None]


@dataclass
class Inputs:
    """What was read: either copies to round-trip, or pairs to compare with their source."""

    mode: str
    documents: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)  # round-trip mode
    jobs: list[SourceJob] = field(default_factory=list)  # source mode


@dataclass
class Timer:
    stages: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - t0


def load_inputs(paths: list[str], settings: Settings, source: str | None = None) -> Inputs:
    """Read every input. Bilingual files and --source select source-aware mode."""
    lang = check_lang(settings.lang)
    fmts = [bilingual_format(p) for p in paths]
    if source is not None:
        if len(paths) != 1:
            raise UsageError("--source compares one translation with one original; give exactly one FILE")
        if fmts[0]:
            raise UsageError("--source is for documents; a bilingual JSONL/TSV file already holds the source")
    source_mode = source is not None or any(fmts)
    if source_mode and not all(fmts) and source is None:
        raise UsageError("cannot mix bilingual files (JSONL/TSV) with plain documents in one run")
    if source_mode:
        if not settings.source_lang:
            raise UsageError("source-aware mode needs --source-lang (the language of the original)")
        src_lang = check_lang(settings.source_lang, "source language")
        if src_lang == lang:
            raise UsageError(f"--source-lang and --lang are both '{lang}': a translation needs two languages")
        inputs = Inputs("source")
        for i, (path, fmt) in enumerate(zip(paths, fmts)):
            text = decode_text(read_bytes(path), path)
            if fmt:
                inputs.jobs.append(job_from_segments(i, read_pairs(text, path, fmt, i)))
            else:
                assert source is not None
                copy = read_document(path, lang, text=text)
                inputs.jobs.append(job_from_documents(i, read_document(source, src_lang), copy))
            inputs.documents.append((path, lang, source, src_lang))
        return inputs
    inputs = Inputs("roundtrip")
    from .segment import segment_document

    for i, path in enumerate(paths):
        doc: Document = read_document(path, lang)
        inputs.segments.extend(segment_document(doc, i))
        inputs.documents.append((path, lang, None, None))
    return inputs


def build_engine(settings: Settings, langs: list[str]) -> Engine:
    options = EngineOptions(
        models_dir=settings.models_dir, beam=settings.beam, device=settings.device, threads=settings.threads
    )
    name = settings.engine
    if name == "auto":
        from .models import models_dir, pick_engine

        name = pick_engine(models_dir(settings.models_dir), langs[0], langs[1])
    engine = create(name, options)
    if settings.cache:
        from .cache import CachedEngine, TranslationCache, resolve_cache_path

        engine = CachedEngine(engine, TranslationCache(resolve_cache_path(settings.cache_path)))
    return engine


def _check_config(settings: Settings) -> tuple[set[str], dict[str, str]]:
    names = set(load_all()) | {"omission", "addition"}
    enabled = {n for n in names if settings.checks.get(n, {}).get("enabled", True)}
    severities = {n: c["severity"] for n, c in settings.checks.items() if "severity" in c}
    return enabled, severities


def _finish(
    seg: Segment, flags: list[Flag], d: float, rts: tuple[RoundTrip, ...], comp: SourceComparison | None
) -> SegmentResult:
    if seg.waived:
        flags = [f for f in flags if "*" not in seg.waived and f.check not in seg.waived]
    return SegmentResult(seg, rts, comp, d, tuple(flags), verdict(flags))


def run_roundtrip(
    segments: list[Segment], engine: Engine, settings: Settings, timer: Timer
) -> tuple[list[SegmentResult], dict[str, list[str]]]:
    lang = check_lang(settings.lang)
    pivots = [check_lang(p, "pivot language") for p in settings.pivots] or [default_pivot(lang)]
    if lang in pivots:
        raise UsageError(f"pivot '{lang}' is the language of the copy; choose another pivot")
    texts = [s.text for s in segments]
    routes: dict[str, list[str]] = {}
    per_pivot: list[tuple[str, list[str], list[str]]] = []
    with timer.stage("translate"):
        for pivot in pivots:
            there = plan_route(engine, lang, pivot, settings.via)
            back = plan_route(engine, pivot, lang, settings.via)
            routes[pivot] = there + back[1:]
            forward = translate_route(engine, texts, there)
            per_pivot.append((pivot, forward, translate_route(engine, forward, back)))
    enabled, severities = _check_config(settings)
    results: list[SegmentResult] = []
    for i, seg in enumerate(segments):
        rts: list[RoundTrip] = []
        flag_sets: list[list[Flag]] = []
        drifts: list[float] = []
        for pivot, fwd, back in per_pivot:
            with timer.stage("score"):
                rts.append(RoundTrip(pivot, fwd[i], back[i], sentence_scores(back[i], seg.text)))
            with timer.stage("check"):
                inp = CheckInput(seg.text, lang, back[i], lang, mode="roundtrip", options=settings.thresholds)
                flags = [_roundtrip_spans(f, pivot) for f in run_checks(inp, enabled, severities)]  # type: ignore[arg-type]
                flag_sets.append(flags)
                drifts.append(drift(inp, flags))
        results.append(_finish(seg, _majority(flag_sets), statistics.median(drifts), tuple(rts), None))
    return results, routes


def _roundtrip_spans(flag: Flag, pivot: str) -> Flag:
    """Checks see (original, round trip) as (source, target): name the fields as the report does."""
    spans = tuple(
        Span("text", s.start, s.end) if s.field == "source" else Span("back", s.start, s.end, pivot)
        for s in flag.spans
    )
    return replace(flag, spans=spans)


def engine_signature(engine: Engine, routes: dict[str, list[str]]) -> dict[str, object]:
    """What decides the translations, per direction used: the same whether or not the cache answered."""
    inner: Engine = getattr(engine, "engine", engine)
    per_direction = getattr(inner, "direction_signature", None)
    if not callable(per_direction):
        return inner.signature()
    hops = sorted({(a, b) for route in routes.values() for a, b in zip(route, route[1:])})
    return {"name": inner.name, "directions": {f"{a}-{b}": per_direction(a, b) for a, b in hops}}


def _majority(flag_sets: list[list[Flag]]) -> list[Flag]:
    """With several pivots a check flags a sentence only when most pivots agree."""
    if len(flag_sets) == 1:
        return flag_sets[0]
    need = len(flag_sets) // 2 + 1
    counts: dict[str, int] = {}
    for flags in flag_sets:
        for name in {f.check for f in flags}:
            counts[name] = counts.get(name, 0) + 1
    seen: set[tuple[str, str]] = set()
    out: list[Flag] = []
    for flags in flag_sets:
        for f in flags:
            if counts[f.check] >= need and (f.check, f.message) not in seen:
                seen.add((f.check, f.message))
                out.append(f)
    return out


def run_source(
    jobs: list[SourceJob], engine: Engine, settings: Settings, timer: Timer
) -> tuple[list[SegmentResult], dict[str, list[str]]]:
    """Forward-translate the source, back-translate the copy and the forward output, align, check."""
    lang = check_lang(settings.lang)
    src_lang = check_lang(settings.source_lang or "", "source language")
    to_src = plan_route(engine, lang, src_lang, settings.via)
    to_tgt = plan_route(engine, src_lang, lang, settings.via)
    source_units = [u.text for j in jobs for u in j.source_units]
    copy_units = [u.text for j in jobs for u in j.copy_units]
    with timer.stage("translate"):
        forward_all = translate_route(engine, source_units, to_tgt)
        # the copy and the forward output go the same direction: one batch, one engine call
        backs = translate_route(engine, copy_units + forward_all, to_src)
    back_all, srt_all = backs[: len(copy_units)], backs[len(copy_units) :]
    enabled, severities = _check_config(settings)
    results: list[SegmentResult] = []
    s_off = c_off = 0
    for job in jobs:
        ns, nc = len(job.source_units), len(job.copy_units)
        back_j, fwd_j, srt_j = back_all[c_off : c_off + nc], forward_all[s_off : s_off + ns], srt_all[s_off : s_off + ns]
        s_off, c_off = s_off + ns, c_off + nc
        with timer.stage("align"):
            pairs = build_pairs(job, back_j)
        for pair in pairs:
            seg = pair.segment
            src = seg.source or ""
            back = " ".join(back_j[i] for i in pair.copy_idx)
            fwd = " ".join(fwd_j[i] for i in pair.src_idx)
            srt = " ".join(srt_j[i] for i in pair.src_idx)
            with timer.stage("score"):
                comp = SourceComparison(
                    back, sentence_scores(back, src), fwd, sentence_scores(seg.text, fwd),
                    srt, sentence_scores(srt, src),
                )
            with timer.stage("check"):
                inp = CheckInput(src, src_lang, seg.text, lang, back, fwd, "source", settings.thresholds)
                flags = [f for f in pair.flags if f.check in enabled]
                if pair.src_idx and pair.copy_idx:
                    flags += run_checks(inp, enabled, severities)  # type: ignore[arg-type]
                flags = [replace(f, severity=severities[f.check]) if f.check in severities else f for f in flags]  # type: ignore[arg-type]
                results.append(_finish(seg, flags, 1.0 if pair.flags else drift(inp, flags), (), comp))
    return results, {"back": to_src, "forward": to_tgt}


def _document_results(inputs: Inputs, results: list[SegmentResult]) -> list[DocumentResult]:
    docs: list[DocumentResult] = []
    for i, (path, lang, src_path, src_lang) in enumerate(inputs.documents):
        mine = [r for r in results if r.segment.document == i]
        counts = {v: sum(r.verdict == v for r in mine) for v in VERDICTS}
        scores = {}
        if inputs.mode == "source":
            comps = [(r.segment, r.comparison) for r in mine if r.comparison is not None]
            scores["back"] = corpus_scores([c.back for _, c in comps], [s.source or "" for s, _ in comps])
            scores["forward"] = corpus_scores([s.text for s, _ in comps], [c.forward for _, c in comps])
        else:
            pivots = [rt.pivot for rt in mine[0].round_trips] if mine else []
            for k, pivot in enumerate(pivots):
                scores[pivot] = corpus_scores([r.round_trips[k].back for r in mine], [r.segment.text for r in mine])
        docs.append(DocumentResult(i, path, lang, src_path, src_lang, scores, counts))
    return docs


def verify(
    paths: list[str], settings: Settings, source: str | None = None, engine: Engine | None = None
) -> Report:
    timer = Timer()
    with timer.stage("read"):
        inputs = load_inputs(paths, settings, source)
    lang = check_lang(settings.lang)
    if inputs.mode == "source":
        first = (lang, check_lang(settings.source_lang or "", "source language"))
    else:
        pivots = settings.pivots or [default_pivot(lang)]
        first = (lang, check_lang(pivots[0], "pivot language"))
    engine = engine or build_engine(settings, list(first))
    if inputs.mode == "source":
        results, routes = run_source(inputs.jobs, engine, settings, timer)
    else:
        results, routes = run_roundtrip(inputs.segments, engine, settings, timer)
    with timer.stage("score"):
        documents = _document_results(inputs, results)
    enabled, severities = _check_config(settings)
    signature: dict[str, object] = {
        "tool": "driftcheck",
        "version": __version__,
        "mode": inputs.mode,
        "lang": lang,
        "source_lang": settings.source_lang if inputs.mode == "source" else None,
        "engine": engine_signature(engine, routes),
        "routes": {k: "->".join(v) for k, v in routes.items()},
        "decoding": {"beam": settings.beam},
        "metrics": metric_signatures(),
        "thresholds": {**THRESHOLDS, **settings.thresholds},
        "checks": {n: severities.get(n, "default") for n in sorted(enabled)},
        "fail_on": settings.fail_on,
    }
    return Report(SCHEMA_VERSION, inputs.mode, signature, tuple(documents), tuple(results), timer.stages)  # type: ignore[arg-type]
