"""Source-aware units: which source sentences go with which sentences of the copy.

A bilingual file is already aligned (one pair a line). A document pair is split into
sentences on both sides; once the copy has been back-translated, paragraphs and then
sentences are aligned (align.py), and every link becomes one Pair. A source sentence
without a partner is an `omission`, a copy sentence without one an `addition`.
"""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from ..checks import CheckInput, run_checks
from ..checks.health import unverifiable
from ..engines import Engine, plan_route, translate_route
from ..formats.placeholders import unit_view
from ..inputs.segment import Sentence, paragraph_sentences
from ..records import Document, Flag, Segment, SegmentResult, Semantic, SourceComparison, Span
from ..timing import Timer
from . import semantic
from .align import align_paragraphs, align_sentences
from .calibration import route_engine
from .features import semantic_features, source_features
from .judge import Judge, Pending, regrade
from .run_config import RunConfig
from .score import PairStats, many_stats, scores_from
from .verdict import drift


@dataclass(frozen=True)
class Unit:
    text: str
    paragraph: int
    sentence: int
    line: int
    waived: tuple[str, ...] = ()


@dataclass
class SourceJob:
    """One document pair or one bilingual file: the sentences of both sides, in order."""

    doc_index: int
    source_units: list[Unit]
    copy_units: list[Unit]
    aligned: list[Segment] | None = None  # bilingual files: unit i of each side forms segment i


@dataclass(frozen=True)
class Pair:
    segment: Segment
    src_idx: tuple[int, ...]  # into SourceJob.source_units
    copy_idx: tuple[int, ...]  # into SourceJob.copy_units
    flags: tuple[Flag, ...] = field(default=())


def job_from_segments(doc_index: int, segments: list[Segment]) -> SourceJob:
    """Units as the engine sees them: placeholders of PO/XLIFF/TMX units masked out."""
    views = [unit_view(s) for s in segments]
    src = [Unit(v.source, s.paragraph, 1, s.source_line or s.line) for s, v in zip(segments, views)]
    cpy = [Unit(v.text, s.paragraph, 1, s.line) for s, v in zip(segments, views)]
    return SourceJob(doc_index, src, cpy, segments)


def _units(doc: Document) -> list[Unit]:
    out: list[Unit] = []
    for para in doc.paragraphs:
        sents: list[Sentence] = paragraph_sentences(para, doc.lang)
        out.extend(Unit(s.text, para.index, n, s.line, para.waived) for n, s in enumerate(sents, start=1))
    return out


def job_from_documents(doc_index: int, original: Document, copy: Document) -> SourceJob:
    return SourceJob(doc_index, _units(original), _units(copy))


def build_pairs(job: SourceJob, copy_back: list[str]) -> list[Pair]:
    """Link the two sides (bilingual files: 1-1 by line; documents: aligned with the back-translation)."""
    if job.aligned is not None:
        return [Pair(s, (i,), (i,)) for i, s in enumerate(job.aligned)]
    src_paras = _group(job.source_units)
    cpy_paras = _group(job.copy_units)

    def text(idx: list[int], units: list[Unit]) -> str:
        return " ".join(units[i].text for i in idx)

    plinks = align_paragraphs(
        [text(p, job.source_units) for p in src_paras],
        [text(p, job.copy_units) for p in cpy_paras],
        [" ".join(copy_back[i] for i in p) for p in cpy_paras],
    )
    pairs: list[Pair] = []
    for pl in plinks:
        s_idx = [i for p in pl.src for i in src_paras[p]]
        c_idx = [i for p in pl.tgt for i in cpy_paras[p]]
        if s_idx and c_idx:
            slinks = align_sentences(
                [job.source_units[i].text for i in s_idx],
                [job.copy_units[i].text for i in c_idx],
                [copy_back[i] for i in c_idx],
            )
            links = [(tuple(s_idx[k] for k in sl.src), tuple(c_idx[k] for k in sl.tgt)) for sl in slinks]
        else:
            links = [((i,), ()) for i in s_idx] + [((), (i,)) for i in c_idx]
        pairs.extend(_pair(job, s, c, pairs) for s, c in links)
    return pairs


def _group(units: list[Unit]) -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        groups.setdefault(u.paragraph, []).append(i)
    return [groups[k] for k in sorted(groups)]


def _pair(job: SourceJob, s: tuple[int, ...], c: tuple[int, ...], before: list[Pair]) -> Pair:
    src_text = " ".join(job.source_units[i].text for i in s)
    copy_text = " ".join(job.copy_units[i].text for i in c)
    src_line = job.source_units[s[0]].line if s else None
    flags: tuple[Flag, ...] = ()
    if c:
        first = job.copy_units[c[0]]
        seg_id, para, sent, line = (
            f"p{first.paragraph}.s{first.sentence}",
            first.paragraph,
            first.sentence,
            first.line,
        )
    else:
        u = job.source_units[s[0]]
        prev = before[-1].segment if before else None
        para, sent = (prev.paragraph, prev.sentence) if prev else (0, 0)
        line = prev.line if prev else 1
        seg_id = f"source-p{u.paragraph}.s{u.sentence}"
        flags = (
            Flag(
                "omission",
                "critical",
                f"source sentence at line {u.line} has no counterpart in the translation: "
                f"\u201c{_short(src_text)}\u201d",
                (Span("source", 0, len(src_text)),),
            ),
        )
    if not s:
        flags = (
            Flag(
                "addition",
                "major",
                f"translation sentence at line {line} has no counterpart in the source: "
                f"\u201c{_short(copy_text)}\u201d",
                (Span("text", 0, len(copy_text)),),
            ),
        )
    waived = tuple(dict.fromkeys(w for i in c for w in job.copy_units[i].waived))
    seg = Segment(seg_id, job.doc_index, para, sent, line, copy_text, src_text, src_line, waived=waived)
    return Pair(seg, s, c, flags)


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def source_routes(engine: Engine, config: RunConfig) -> dict[str, list[str]]:
    """ "back": the copy's language to the source's; "forward": the other way."""
    lang, src_lang = config.lang, config.source_lang or ""
    return {
        "back": plan_route(engine, lang, src_lang, config.via),
        "forward": plan_route(engine, src_lang, lang, config.via),
    }


def run_source(
    jobs: list[SourceJob], engine: Engine, config: RunConfig, timer: Timer, judge: Judge | None = None
) -> tuple[list[SegmentResult], dict[str, list[str]], dict[int, dict[str, list[PairStats]]]]:
    """Forward-translate the source, back-translate the copy and the forward output, align, score, check.

    Returns the results, the routes ("back", "forward") and per document the statistics of the
    corpus scores. `judge`
    (default: one for `config`) turns flags and evidence into verdicts and records the calibration
    used. With semantic scores on, every result carries its sentence-embedding cosines, and the
    judge weighs them as evidence (`semantic:*` features) when its calibration has them.
    """
    planned = source_routes(engine, config)
    judge = judge or Judge(config, getattr(engine, "name", None))
    judge.engine = route_engine(engine, planned)  # `auto` -> the engine its hops use (picks the variant)
    embeddings = semantic.for_run(config.semantic, engine)
    try:
        pending, corpus = _run(jobs, engine, config, timer, planned, embeddings, judge)
        cosines: list[Semantic | None] = [None] * len(pending)
        if embeddings is not None:
            with timer.stage("semantic"):
                cosines = _cosines(pending, embeddings)
    finally:
        if embeddings is not None:
            embeddings.close()
    for p, cos in zip(pending, cosines):
        if cos is not None and p.features:  # omissions and additions have nothing to weigh
            p.features = {**p.features, **semantic_features(cos)}
    results = judge.judge_all(pending)
    results = [r if cos is None else replace(r, semantic=cos) for r, cos in zip(results, cosines)]
    return results, planned, corpus


def _cosines(pending: list[Pending], embeddings: semantic.Embeddings) -> list[Semantic | None]:
    """cosine(source, copy), cosine(forward translation, copy), cosine(back-translation, source)."""
    pairs: list[tuple[str, str]] = []
    for p in pending:
        src, copy, comp = p.segment.source or "", p.segment.text, p.comparison
        fwd, back = (comp.forward, comp.back) if comp is not None else ("", "")
        pairs += [(src, copy), (fwd, copy), (back, src)]
    cos = embeddings.cosines(pairs)
    return [Semantic(cos[3 * k], cos[3 * k + 1], cos[3 * k + 2]) for k in range(len(pending))]


def _run(
    jobs: list[SourceJob],
    engine: Engine,
    config: RunConfig,
    timer: Timer,
    planned: dict[str, list[str]],
    embeddings: semantic.Embeddings | None,
    judge: Judge,
) -> tuple[list[Pending], dict[int, dict[str, list[PairStats]]]]:
    lang, src_lang = config.lang, config.source_lang or ""
    to_src, to_tgt = planned["back"], planned["forward"]
    source_units = [u.text for j in jobs for u in j.source_units]
    copy_units = [u.text for j in jobs for u in j.copy_units]
    if embeddings is not None:
        embeddings.prefetch(source_units + copy_units)  # encoded while the engine translates
    with timer.stage("translate"):
        split_src: set[int] = set()
        split_back: set[int] = set()
        failed_src: dict[int, str] = {}  # source units (forward, and the source round trip)
        failed_back: dict[int, str] = {}  # copy units, then forward outputs (offset by len(copy_units))
        forward_all = translate_route(engine, source_units, to_tgt, split_src, failed_src, timer.on_progress)
        if embeddings is not None:
            embeddings.prefetch(forward_all)  # encoded while the engine back-translates
        # Bilingual files are aligned already: score copy vs forward translation in the
        # background while the engine back-translates (scoring is CPU work, TER above all).
        prealigned = all(j.aligned is not None for j in jobs)
        with ThreadPoolExecutor(1) as background:
            early = background.submit(many_stats, list(zip(copy_units, forward_all))) if prealigned else None
            # the copy and the forward output go the same direction: one batch, one engine call
            backs = translate_route(engine, copy_units + forward_all, to_src, split_back, failed_back, timer.on_progress)
            forward_stats = early.result() if early is not None else None
    back_all, srt_all = backs[: len(copy_units)], backs[len(copy_units) :]
    if embeddings is not None:
        embeddings.prefetch(back_all)  # encoded while aligning, scoring and checking
    n_copy = len(copy_units)
    failed_copy = {i: why for i, why in failed_back.items() if i < n_copy}  # a failed source round
    # trip (i >= n_copy) only costs the noise reference: it comes back empty
    unusable: dict[int, str] = {}  # row -> why the engine could not translate it
    rows: list[tuple[Pair, str, str, str]] = []  # pair, back, forward, source round trip
    s_off = c_off = 0
    with timer.stage("align"):
        for job in jobs:
            ns, nc = len(job.source_units), len(job.copy_units)
            back_j, fwd_j = back_all[c_off : c_off + nc], forward_all[s_off : s_off + ns]
            srt_j = srt_all[s_off : s_off + ns]
            for pair in build_pairs(job, back_j):
                if any(c_off + i in split_back for i in pair.copy_idx) or any(
                    s_off + i in split_src for i in pair.src_idx
                ):
                    pair = dataclasses.replace(pair, segment=dataclasses.replace(pair.segment, split=True))
                reasons = [failed_copy[c_off + i] for i in pair.copy_idx if c_off + i in failed_copy]
                reasons += [failed_src[s_off + i] for i in pair.src_idx if s_off + i in failed_src]
                if reasons:
                    unusable[len(rows)] = reasons[0]
                rows.append(
                    (
                        pair,
                        " ".join(back_j[i] for i in pair.copy_idx),
                        " ".join(fwd_j[i] for i in pair.src_idx),
                        " ".join(srt_j[i] for i in pair.src_idx),
                    )
                )
            s_off, c_off = s_off + ns, c_off + nc
    views = [unit_view(pair.segment) for pair, *_ in rows]
    with timer.stage("score"):
        work: list[tuple[str, str]] = []
        for (_, back, fwd, srt), view in zip(rows, views):
            src = view.source
            work += (
                [(back, src), (srt, src)] if forward_stats else [(back, src), (view.text, fwd), (srt, src)]
            )
        done = many_stats(work)
        if forward_stats:  # interleave: back, forward, source round trip per row
            done = [x for k in range(len(rows)) for x in (done[2 * k], forward_stats[k], done[2 * k + 1])]
        stats = done
    judge_enabled, judge_severities = judge.enabled, judge.severities
    pending: list[Pending] = []
    with timer.stage("check"):
        for k, (pair, back, fwd, srt) in enumerate(rows):
            seg = pair.segment
            back_s, fwd_s, srt_s = (scores_from(s) for s in stats[3 * k : 3 * k + 3])
            if any(s.pieces > 1 for s in stats[3 * k : 3 * k + 3]):
                seg = dataclasses.replace(seg, split=True)
            comp = SourceComparison(back, back_s, fwd, fwd_s, srt, srt_s)
            # the drift check reads the chrF already computed instead of scoring again
            opts = {**config.thresholds, "chrf_back": back_s.chrf, "chrf_forward": fwd_s.chrf}
            view = views[
                k
            ]  # PO/XLIFF/TMX units: checked without their placeholders, which are compared apart
            inp = CheckInput(
                view.source, src_lang, view.text, lang, back, fwd, "source", {**opts, **view.options}
            )
            flags = [fl for fl in pair.flags if fl.check in judge_enabled]
            features: dict[str, float] = {}
            if k in unusable:
                flags += [
                    f for f in [unverifiable(unusable[k], "text", len(seg.text))] if f.check in judge_enabled
                ]
            elif pair.src_idx and pair.copy_idx:
                which = judge_enabled if view.checkable else judge_enabled & {"placeholders"}
                flags += view.remap(run_checks(inp, which))  # native severities: evidence for the judge
                features = source_features(inp.source, src_lang, inp.target, lang, comp, flags)
            legacy = 1.0 if pair.flags else drift(inp, regrade(flags, judge_severities))
            pending.append(Pending(seg, flags, features, comp, legacy))
    corpus: dict[int, dict[str, list[PairStats]]] = {}
    for doc in sorted({p.segment.document for p, *_ in rows}):
        idx = [k for k, (p, *_) in enumerate(rows) if p.segment.document == doc]
        corpus[doc] = {"back": [stats[3 * k] for k in idx], "forward": [stats[3 * k + 1] for k in idx]}
    return pending, corpus
