"""Round-trip mode: each sentence of the copy goes to every pivot and back, and is checked
against its own round trip. With several pivots drift is the median and a check flags a
sentence only when most pivots agree.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

from ..checks import CheckInput, run_checks
from ..checks.health import unverifiable
from ..engines import Engine, plan_route, translate_route
from ..records import Flag, RoundTrip, Segment, SegmentResult, Semantic, Span
from ..timing import Timer
from . import semantic
from .copy_judge import CopyJudge
from .judge import finish, regrade
from .pivot_words import doubtful_words, pivot_readings, reader_routes
from .run_config import RunConfig
from .score import PairStats, many_stats, scores_from
from .verdict import drift


def roundtrip_routes(engine: Engine, config: RunConfig) -> dict[str, tuple[list[str], list[str]]]:
    """Per pivot: the route there and the route back (direct, or chained through another pivot)."""
    lang, via = config.lang, config.via
    return {
        pivot: (plan_route(engine, lang, pivot, via), plan_route(engine, pivot, lang, via))
        for pivot in config.pivots
    }


def run_roundtrip(
    segments: list[Segment], engine: Engine, config: RunConfig, timer: Timer, judge: CopyJudge | None = None
) -> tuple[list[SegmentResult], dict[str, list[str]], dict[int, dict[str, list[PairStats]]]]:
    """Results, the route per pivot, and per document and pivot the statistics of the corpus scores.
    `judge` (default: one for `config`) weighs each copy's evidence with the round-trip calibration."""
    judge = judge or CopyJudge(config, getattr(engine, "name", None))
    planned = roundtrip_routes(engine, config)
    embeddings = semantic.for_run(config.semantic, engine)
    try:
        if embeddings is not None:
            embeddings.prefetch([s.text for s in segments])  # encoded while the engine translates
        results, routes, corpus = _run(segments, engine, config, timer, planned, embeddings)
        if embeddings is not None:
            with timer.stage("semantic"):
                results = _with_semantic(results, embeddings)
    finally:
        if embeddings is not None:
            embeddings.close()
    return judge.judge_all(results), routes, corpus


def _with_semantic(results: list[SegmentResult], embeddings: semantic.Embeddings) -> list[SegmentResult]:
    """cosine(original, round trip) per pivot on every result."""
    pairs = [(r.segment.text, rt.back) for r in results for rt in r.round_trips]
    cos = iter(embeddings.cosines(pairs))
    return [
        replace(r, semantic=Semantic(round_trips=tuple((rt.pivot, next(cos)) for rt in r.round_trips)))
        for r in results
    ]


def _run(
    segments: list[Segment],
    engine: Engine,
    config: RunConfig,
    timer: Timer,
    planned: dict[str, tuple[list[str], list[str]]],
    embeddings: semantic.Embeddings | None,
) -> tuple[list[SegmentResult], dict[str, list[str]], dict[int, dict[str, list[PairStats]]]]:
    lang = config.lang
    texts = [s.text for s in segments]
    routes: dict[str, list[str]] = {}
    per_pivot: list[tuple[str, list[str], list[str]]] = []
    split: set[int] = set()  # segments an engine split to fit its length limit
    failed: list[dict[int, str]] = []  # per pivot: segments the engine could not translate, and why
    with timer.stage("translate"):
        for pivot, (there, back) in planned.items():
            routes[pivot] = there + back[1:]
            why: dict[int, str] = {}
            forward = translate_route(
                engine, texts, there, split, why, timer.on_progress
            )  # one engine call per hop, whole batch
            back_texts = translate_route(engine, forward, back, split, why, timer.on_progress)
            per_pivot.append((pivot, forward, back_texts))
            failed.append(why)
            if embeddings is not None:
                embeddings.prefetch(back_texts)  # encoded while the next stages run
        readers = {p: back for p, (_, back) in planned.items()} | reader_routes(engine, lang, list(planned))
        readings = pivot_readings(engine, doubtful_words(texts, lang), readers)
    with timer.stage("score"):
        stats = [many_stats(list(zip(back, texts))) for _, _, back in per_pivot]
    enabled, severities = set(config.enabled), dict(config.severities)
    articles = _articles(segments)
    results: list[SegmentResult] = []
    with timer.stage("check"):
        for i, seg in enumerate(segments):
            article, index = articles[i]
            rts: list[RoundTrip] = []
            flag_sets: list[list[Flag]] = []
            drifts: list[float] = []
            for k, (pivot, fwd, back) in enumerate(per_pivot):
                scores = scores_from(stats[k][i])
                rts.append(RoundTrip(pivot, fwd[i], back[i], scores))
                opts = {
                    **config.thresholds,
                    "chrf_roundtrip": scores.chrf,
                    "article": article,  # the document's sentences, for the consistency check
                    "article_index": index,
                    "pivot_readings": readings,  # every pivot's, for the copy-only detectors
                }
                inp = CheckInput(seg.text, lang, back[i], lang, mode="roundtrip", options=opts)
                if i in failed[k]:
                    flags = regrade([unverifiable(failed[k][i], "text", len(seg.text))], severities)
                    flags = [f for f in flags if f.check in enabled]
                else:
                    flags = [
                        cap_roundtrip(_report_spans(f, pivot)) for f in run_checks(inp, enabled, severities)
                    ]
                flag_sets.append(flags)
                drifts.append(drift(inp, flags))
            pieced = any(stats[k][i].pieces > 1 for k in range(len(per_pivot)))
            seg = replace(seg, split=True) if i in split or pieced else seg
            results.append(finish(seg, majority(flag_sets), statistics.median(drifts), tuple(rts), None))
    corpus: dict[int, dict[str, list[PairStats]]] = {}
    for doc, idx in sorted(_by_document(segments).items()):
        corpus[doc] = {pivot: [stats[k][i] for i in idx] for k, (pivot, _, _) in enumerate(per_pivot)}
    return results, routes, corpus


def _by_document(segments: list[Segment]) -> dict[int, list[int]]:
    """Segment positions per document, in order."""
    by_doc: dict[int, list[int]] = {}
    for i, s in enumerate(segments):
        by_doc.setdefault(s.document, []).append(i)
    return by_doc


def _articles(segments: list[Segment]) -> list[tuple[tuple[str, ...], int]]:
    """Per segment: the texts of its document, in order, and its index among them."""
    out: list[tuple[tuple[str, ...], int]] = [((), 0)] * len(segments)
    for idx in _by_document(segments).values():
        texts = tuple(segments[i].text for i in idx)
        for k, i in enumerate(idx):
            out[i] = (texts, k)
    return out


# Measured on the labelled dev set (driftcheck eval --mode roundtrip, Apertium): these checks fire
# on 25 % of correct translations in round-trip mode, almost always because the engine, not the
# copy, lost a name, a negation or a tense. In this mode they inform (minor) and never gate.
ENGINE_NOISE_CHECKS = frozenset({"names", "negation", "tense", "mood", "dates", "numbers"})


# Copy-only findings that are certain without a source: a sentence with no words, a sentence
# in another language. They keep their severity (critical: fail).
CERTAIN_CHECKS = frozenset({"empty", "wrong_language"})


def cap_roundtrip(flag: Flag) -> Flag:
    """Round trip alone cannot tell the copy's error from the engine's (measured: AUC ~0.5): a
    round-trip finding asks for review at most, and engine-noise checks only inform. Only the
    certain copy-only findings (CERTAIN_CHECKS) may fail a sentence."""
    if flag.check in ENGINE_NOISE_CHECKS and flag.severity in ("major", "critical"):
        return replace(flag, severity="minor")
    if flag.check in CERTAIN_CHECKS:
        return flag
    return replace(flag, severity="major") if flag.severity == "critical" else flag


def _report_spans(flag: Flag, pivot: str) -> Flag:
    """Checks see (original, round trip) as (source, target); the report calls them text and back."""
    spans = tuple(
        Span("text", s.start, s.end) if s.field == "source" else Span("back", s.start, s.end, pivot)
        for s in flag.spans
    )
    return replace(flag, spans=spans)


def majority(flag_sets: list[list[Flag]]) -> list[Flag]:
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
