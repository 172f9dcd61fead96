"""Source-aware mode as a plan for the one loop (pipeline/core/loop.py).

Legs: the source forward into the copy's language; the copy and that forward output back into
the source's language (one batch, one engine call per hop). Rows: the aligned pairs
(source_pairs.py; bilingual files are aligned already). Comparisons per row: back-translation vs
source, copy vs forward translation, the source's own round trip vs source (the engine's noise).
Checks: the pair's check input (PO/XLIFF/TMX units without their placeholders). Judge: Judge,
with the semantic cosines as evidence when they were computed.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..checks import CheckInput, engine_free, run_checks
from ..checks.health import unverifiable
from ..checks.text import fold, tokens
from ..checks.untranslated import kept_terms
from ..engines import Engine
from ..formats.placeholders import UnitView, unit_view
from ..records import Flag, SegmentResult, Semantic, SourceComparison
from ..timing import Timer
from . import semantic
from .calibration import route_engine
from .features import semantic_features, source_features
from .judge import Judge, Pending, regrade
from .loop import Corpus, Leg, Translations, run_plan
from .run_config import RunConfig, source_routes
from .score import Comparison, PairStats, scores_from
from .segment_memo import Remembered, SegmentMemo, row_key, run_context
from .source_pairs import Pair, SourceJob, Unit, build_pairs, job_from_documents, job_from_segments
from .verdict import drift

__all__ = ["Pair", "SourceJob", "SourcePlan", "Unit", "job_from_documents", "job_from_segments", "run_source"]


@dataclass(frozen=True)
class SourceRow:
    """One aligned pair with its translations: back (copy -> source language), forward (source ->
    copy language) and the source's own round trip; `unusable`: why the engine could not translate it."""

    pair: Pair
    back: str
    forward: str
    source_rt: str
    view: UnitView
    unusable: str | None
    key: bytes | None = None  # of its results in the segment memo (checked rows of a cached run)
    terms: tuple[str, ...] = ()  # its document's kept terms its copy has (checks/untranslated.py)

    def material(self) -> list[object]:
        """Everything of the row its checks and evidence are computed from."""
        seg = self.pair.segment
        return [
            seg.source,
            seg.text,
            dataclasses.asdict(self.view),
            self.back,
            self.forward,
            self.source_rt,
            [dataclasses.asdict(f) for f in self.pair.flags],
            self.terms,
        ]

    @property
    def checked(self) -> bool:
        """Translated, with a source and a copy side: checked and weighed (an omission or an
        addition has nothing to weigh)."""
        return self.unusable is None and bool(self.pair.src_idx) and bool(self.pair.copy_idx)


def _with_terms(rows: list[SourceRow], config: RunConfig) -> list[SourceRow]:
    """Each row with the terms its document (one job) keeps as written that its copy has."""
    if "untranslated" not in config.enabled:
        return rows
    lang, src_lang = config.lang, config.source_lang or ""
    checked = [r for r in rows if r.checked and r.view.checkable]
    terms = kept_terms((r.view.source, src_lang, r.view.text, lang) for r in checked)
    if not terms:
        return rows
    out = []
    for r in rows:
        has = sorted(terms & {fold(t.text) for t in tokens(r.view.text)})
        out.append(replace(r, terms=tuple(has)) if has else r)
    return out


class SourcePlan:
    """Which translations, comparisons, check inputs and judge source-aware mode uses."""

    aligns = True
    corpus = {"back": 0, "forward": 1}

    def __init__(self, jobs: list[SourceJob], engine: Engine, config: RunConfig, judge: Judge) -> None:
        self.jobs, self.config, self.judge = jobs, config, judge
        self.analyses: Analyses | None = None  # started by rows() where the analysers are installed
        self.memo = SegmentMemo.for_engine(engine)  # results of earlier runs (segment_memo.py)
        self.remembered: dict[bytes, Remembered] = {}
        self.hits: list[tuple[Pending, Remembered]] = []
        self.fresh: list[tuple[bytes, Pending, tuple[Flag, ...], dict[str, float]]] = []  # to remember
        self.routes = source_routes(engine, config)
        judge.engine = route_engine(engine, self.routes)  # `auto` -> the engine its hops use
        self.texts = {
            "source": [u.text for j in jobs for u in j.source_units],
            "copy": [u.text for j in jobs for u in j.copy_units],
        }
        # the copy and the forward output go the same direction: one batch, one engine call
        self.legs = [
            Leg("forward", self.routes["forward"], ("source",), prefetch=True),
            Leg("back", self.routes["back"], ("copy", "forward"), prefetch=True),
        ]

    def early(self, leg: Leg, done: Translations) -> list[Comparison]:
        """Bilingual files are aligned already: copy vs forward translation is known before the
        back-translation (scoring is CPU work, TER above all)."""
        if leg.name != "forward" or not all(j.aligned is not None for j in self.jobs):
            return []
        return list(zip(self.texts["copy"], done.texts["forward"]))

    def after_translate(self, engine: Engine, done: Translations) -> None:
        return None

    def close(self) -> None:
        if self.analyses is not None:
            self.analyses.close()

    def rows(self, done: Translations) -> list[SourceRow]:
        """Align each job (a document pair, or a bilingual file) on its own; then the analysers
        start reading the rows' texts in the background (judge_all weighs what they found)."""
        rows: list[SourceRow] = []
        s_off = c_off = 0
        for job in self.jobs:
            rows += self._job_rows(job, done, s_off, c_off)
            s_off, c_off = s_off + len(job.source_units), c_off + len(job.copy_units)
        morph = morph_on(self.config)
        if self.memo is not None:
            context = run_context(self.config, morph)
            rows = [replace(r, key=row_key([context, *r.material()])) if r.checked else r for r in rows]
            self.remembered = self.memo.get_rows([r.key for r in rows if r.key is not None])
        if morph:
            weighed = [r for r in rows if r.checked and r.key not in self.remembered]
            self.analyses = Analyses(
                [t for r in weighed for t in (r.pair.segment.source or "", r.back)],
                [t for r in weighed for t in (r.pair.segment.text, r.forward)],
                self.config,
            )
        return rows

    def _job_rows(self, job: SourceJob, done: Translations, s_off: int, c_off: int) -> list[SourceRow]:
        n_copy = len(self.texts["copy"])
        ns, nc = len(job.source_units), len(job.copy_units)
        backs = done.texts["back"]
        back_j = backs[c_off : c_off + nc]
        fwd_j = done.texts["forward"][s_off : s_off + ns]
        srt_j = backs[n_copy + s_off : n_copy + s_off + ns]
        split_src, split_back = done.split["forward"], done.split["back"]
        failed_src = done.failed["forward"]
        # a failed source round trip (index >= n_copy) only costs the noise reference: it comes back empty
        failed_copy = {i: why for i, why in done.failed["back"].items() if i < n_copy}
        rows: list[SourceRow] = []
        for pair in build_pairs(job, back_j):
            if any(c_off + i in split_back for i in pair.copy_idx) or any(
                s_off + i in split_src for i in pair.src_idx
            ):
                pair = replace(pair, segment=replace(pair.segment, split=True))
            reasons = [failed_copy[c_off + i] for i in pair.copy_idx if c_off + i in failed_copy]
            reasons += [failed_src[s_off + i] for i in pair.src_idx if s_off + i in failed_src]
            rows.append(
                SourceRow(
                    pair,
                    " ".join(back_j[i] for i in pair.copy_idx),
                    " ".join(fwd_j[i] for i in pair.src_idx),
                    " ".join(srt_j[i] for i in pair.src_idx),
                    unit_view(pair.segment),
                    reasons[0] if reasons else None,
                )
            )
        return _with_terms(rows, self.config)

    def document(self, row: SourceRow) -> int:
        return row.pair.segment.document

    def verified(self, row: SourceRow, route: str) -> bool:
        return row.unusable is None

    def compare(self, row: SourceRow) -> list[Comparison]:
        src = row.view.source
        return [(row.back, src), (row.view.text, row.forward), (row.source_rt, src)]

    def check(self, row: SourceRow, stats: Sequence[PairStats]) -> Pending:
        pair, view = row.pair, row.view
        lang, src_lang = self.config.lang, self.config.source_lang or ""
        enabled = self.judge.enabled
        seg = pair.segment
        back_s, fwd_s, srt_s = (scores_from(s) for s in stats)
        if any(s.pieces > 1 for s in stats):
            seg = dataclasses.replace(seg, split=True)
        comp = SourceComparison(row.back, back_s, row.forward, fwd_s, row.source_rt, srt_s)
        # the drift check reads the chrF already computed instead of scoring again
        opts: dict[str, object] = {
            **self.config.thresholds,
            "chrf_back": back_s.chrf,
            "chrf_forward": fwd_s.chrf,
        }
        if row.terms:
            opts["kept_terms"] = row.terms  # its document keeps these as written (checks/untranslated.py)
        # PO/XLIFF/TMX units: checked without their placeholders, which are compared apart
        inp = CheckInput(
            view.source, src_lang, view.text, lang, row.back, row.forward, "source", {**opts, **view.options}
        )
        flags: list[Flag] = [fl for fl in pair.flags if fl.check in enabled]
        aligned = len(flags)  # the aligner's; the checks' follow
        features: dict[str, float] = {}
        known = self.remembered.get(row.key) if row.key is not None else None
        if known is not None:
            pending = Pending(seg, flags + list(known.flags), dict(known.features), comp, known.legacy)
            self.hits.append((pending, known))
            return pending
        if row.unusable is not None:
            flags += [f for f in [unverifiable(row.unusable, "text", len(seg.text))] if f.check in enabled]
            # the checks that need no engine still run (numbers, dates, units, placeholders)
            free = engine_free() if view.checkable and pair.src_idx and pair.copy_idx else {"placeholders"}
            flags += view.remap(run_checks(inp, enabled & free))
        elif row.checked:
            which = enabled if view.checkable else enabled & {"placeholders"}
            flags += view.remap(run_checks(inp, which))  # native severities: evidence for the judge
            features = source_features(inp.source, src_lang, inp.target, lang, comp, flags)
        # an omission or an addition: the aligner's flag alone (a moved sentence is checked as a pair)
        legacy = (
            1.0 if not (pair.src_idx and pair.copy_idx) else drift(inp, regrade(flags, self.judge.severities))
        )
        pending = Pending(seg, flags, features, comp, legacy)
        if row.key is not None:
            self.fresh.append((row.key, pending, tuple(flags[aligned:]), dict(features)))
        return pending

    def cosines(self, items: list[Pending], embeddings: semantic.Embeddings) -> list[Semantic | None]:
        """cosine(source, copy), cosine(forward translation, copy), cosine(back-translation, source)."""
        pairs: list[tuple[str, str]] = []
        for p in items:
            src, copy, comp = p.segment.source or "", p.segment.text, p.comparison
            fwd, back = (comp.forward, comp.back) if comp is not None else ("", "")
            pairs += [(src, copy), (fwd, copy), (back, src)]
        cos = embeddings.cosines(pairs)
        return [Semantic(cos[3 * k], cos[3 * k + 1], cos[3 * k + 2]) for k in range(len(items))]

    def calibration(self) -> dict[str, Any] | None:
        return self.judge.signature()

    def _morph(self, items: list[Pending]) -> None:
        """The analysers' evidence, read now or remembered; then what was computed now is remembered."""
        from .morph import GROUP

        if self.analyses is not None:  # it read every row but the remembered ones
            remembered = {id(p) for p, _ in self.hits}
            add_morph([p for p in items if id(p) not in remembered], self.analyses)
        for p, known in self.hits:
            if p.features and known.morph:
                p.features = {**p.features, **known.morph}
        if self.memo is not None and self.fresh:
            self.memo.put_rows(
                [
                    (key, Remembered(flags, features, _group(p.features, GROUP), p.legacy_drift))
                    for key, p, flags, features in self.fresh
                ]
            )

    def judge_all(self, items: list[Pending], cosines: list[Semantic | None]) -> list[SegmentResult]:
        """The judge weighs the cosines (`semantic:*`) and the morphological evidence (`pv:*`, where
        Apertium's analysers are installed) when its calibration has them."""
        for p, cos in zip(items, cosines):
            if cos is not None and p.features:  # omissions and additions have nothing to weigh
                p.features = {**p.features, **semantic_features(cos)}
        self._morph(items)
        results = self.judge.judge_all(items)
        return [r if cos is None else replace(r, semantic=cos) for r, cos in zip(results, cosines)]


def morph_on(config: RunConfig) -> bool:
    """Morphological evidence: on unless configured off, when both languages have an analyser."""
    from ..engines.apertium_analysis import analysis_pipeline

    langs = (config.lang, config.source_lang or "")
    return config.morph is not False and all(analysis_pipeline(x) is not None for x in langs)


class Analyses:
    """Apertium's readings of the rows' texts, profiled (core/morph.py): one background thread per
    language (each its own chain of processes) reads them while the loop scores and checks. A
    text's readings never depend on the rest of the batch (engines/apertium_analysis.py)."""

    def __init__(self, src_texts: list[str], tgt_texts: list[str], config: RunConfig) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(2, thread_name_prefix="analyser")
        self._src = self._pool.submit(_profiles, src_texts, config.source_lang or "")
        self._tgt = self._pool.submit(_profiles, tgt_texts, config.lang)

    def profiles(self) -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
        """Source-language and copy-language profiles by text (waits for the analysers)."""
        return self._src.result(), self._tgt.result()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _profiles(texts: list[str], lang: str) -> dict[str, Counter[str]]:
    from ..engines.apertium_analysis import analyse
    from .morph import profile

    return {t: profile(r) for t, r in zip(texts, analyse(texts, lang))}


def _group(features: Mapping[str, float], group: str) -> dict[str, float]:
    return {k: v for k, v in features.items() if k.startswith(f"{group}:")}


def add_morph(pending: list[Pending], analyses: Analyses) -> None:
    """`pv:*` features (core/morph.py) for every segment with something to weigh."""
    from .morph import features

    src, tgt = analyses.profiles()
    for p in pending:
        c = p.comparison
        if p.features and c is not None:
            extra = features(src[p.segment.source or ""], tgt[p.segment.text], tgt[c.forward], src[c.back])
            p.features = {**p.features, **extra}


def run_source(
    jobs: list[SourceJob], engine: Engine, config: RunConfig, timer: Timer, judge: Judge | None = None
) -> tuple[list[SegmentResult], dict[str, list[str]], Corpus]:
    """Results, the routes ("back", "forward") and per document the statistics of the corpus scores.
    `judge` (default: one for `config`) turns flags and evidence into verdicts and records the
    calibration used."""
    plan = SourcePlan(jobs, engine, config, judge or Judge(config, getattr(engine, "name", None)))
    results, corpus = run_plan(plan, engine, config, timer)
    return results, plan.routes, corpus
