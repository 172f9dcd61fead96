"""The one inner loop of both modes: translate -> (align) -> score -> check -> judge.

`run_plan(plan, engine, config, timer)` runs it; the modes differ only in their plan
(source_mode.SourcePlan, roundtrip.RoundTripPlan):

- which texts go through which routes (`texts`, `legs`: each leg translates the concatenation of
  named texts or earlier legs' outputs, one engine call per hop for the whole batch);
- how the translations become rows (`rows`: source-aware document pairs are aligned here, per
  document; round-trip rows are the segments);
- which comparisons of a row are scored (`compare`, and `corpus`: the columns whose statistics
  add up to the per-document corpus scores);
- which check inputs are built and checked (`check`), and which judge gives the verdicts (`judge`).

Each distinct (hypothesis, reference) pair is scored once per batch (`Scorer`); comparisons a plan
knows before the last leg is translated are scored in the background while the engine works.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from ..checks import prepare as prepare_checks
from ..engines import Engine, ProgressFn, translate_route
from ..records import SegmentResult, Semantic
from ..timing import Timer
from . import semantic
from .run_config import RunConfig
from .score import Comparison, PairStats, many_stats, uses_pool
from .score import prepare as prepare_scores
from .segment_memo import SegmentMemo
from .workers import start_server

Row = TypeVar("Row")
Item = TypeVar("Item")
Corpus = dict[int, dict[str, list[PairStats]]]  # document -> route -> statistics, in row order


@dataclass(frozen=True)
class Leg:
    """Translate the texts named in `inputs` (the plan's texts or earlier legs' outputs, concatenated
    in order) along `route`. `prefetch`: hand the translations of the first input to the sentence
    encoder as soon as they exist."""

    name: str
    route: list[str]
    inputs: tuple[str, ...]
    prefetch: bool = False


@dataclass
class Translations:
    """The plan's texts and every leg's output by name; per leg, the inputs an engine split to fit
    its length limit and the inputs it could not translate (and why)."""

    texts: dict[str, list[str]]
    split: dict[str, set[int]] = field(default_factory=dict)
    failed: dict[str, dict[int, str]] = field(default_factory=dict)
    engine_seconds: float = 0.0  # wall time inside the engine calls of the legs


class Plan(Protocol[Row, Item]):
    """What a mode decides; the loop decides nothing."""

    routes: dict[str, list[str]]  # as the report's signature names them
    texts: dict[str, list[str]]  # named inputs of the legs (all encoded up front when semantic is on)
    legs: list[Leg]
    corpus: dict[str, int]  # route name -> the column of `compare` that its corpus scores add up
    aligns: bool  # rows() aligns document pairs (timed as the "align" stage)

    def early(self, leg: Leg, done: Translations) -> list[Comparison]:
        """Comparisons known once `leg` is translated (scored in the background meanwhile)."""
        ...

    def after_translate(self, engine: Engine, done: Translations) -> None: ...

    def close(self) -> None:
        """Stop what the plan started in the background (run_plan calls it however the run ends)."""
        ...

    def rows(self, done: Translations) -> list[Row]: ...

    def document(self, row: Row) -> int: ...

    def compare(self, row: Row) -> list[Comparison]:
        """The row's comparisons, the same number for every row."""
        ...

    def check(self, row: Row, stats: Sequence[PairStats]) -> Item: ...

    def verified(self, row: Row, route: str) -> bool:
        """Whether the row's translations along `route` exist: a text the engine failed on or
        skipped is unverifiable, no evidence for the corpus scores (a sentence the other side
        lacks is: it counts against them)."""
        ...

    def cosines(self, items: list[Item], embeddings: semantic.Embeddings) -> list[Semantic | None]: ...

    def judge_all(self, items: list[Item], cosines: list[Semantic | None]) -> list[SegmentResult]: ...

    def calibration(self) -> dict[str, Any] | None:
        """The calibration the judge used (after judge_all), for the report's signature."""
        ...


class Scorer:
    """Sufficient statistics per distinct (hypothesis, reference) pair, each computed once (or
    found in the memo of earlier runs); pairs handed over early are scored on a background thread
    while the engine translates."""

    def __init__(self, background: ThreadPoolExecutor, memo: SegmentMemo | None = None) -> None:
        self.known: dict[Comparison, PairStats] = {}
        self._memo = memo
        self._background = background
        self._pending: list[Future[None]] = []
        self.background_seconds = 0.0

    def submit(self, pairs: list[Comparison]) -> None:
        if pairs:
            self._pending.append(self._background.submit(self._timed, pairs))

    def _timed(self, pairs: list[Comparison]) -> None:
        t0 = time.perf_counter()
        self._add(pairs)
        self.background_seconds += time.perf_counter() - t0

    def _add(self, pairs: list[Comparison]) -> None:
        new = [p for p in dict.fromkeys(pairs) if p not in self.known]
        if self._memo is not None and new:
            self.known.update(self._memo.get_stats(new))
            new = [p for p in new if p not in self.known]
        computed = dict(zip(new, many_stats(new)))
        self.known.update(computed)
        if self._memo is not None:
            self._memo.put_stats(computed)

    def wait(self) -> None:
        for f in self._pending:
            f.result()
        self._pending.clear()

    def stats(self, pairs: list[Comparison]) -> list[PairStats]:
        self.wait()
        self._add(pairs)
        return [self.known[p] for p in pairs]


def translate_legs(
    plan: Plan[Row, Item],
    engine: Engine,
    scorer: Scorer,
    embeddings: semantic.Embeddings | None,
    progress: ProgressFn | None = None,
) -> Translations:
    """Every leg in order (the engine call sites go through `translate_route`)."""
    done = Translations(dict(plan.texts))
    for n, leg in enumerate(plan.legs):
        parts = [done.texts[name] for name in leg.inputs]
        split: set[int] = set()
        failed: dict[int, str] = {}
        t0 = time.perf_counter()
        texts = [t for part in parts for t in part]
        made = _renderings(leg, parts, plan.texts)
        out = translate_route(engine, texts, leg.route, split, failed, progress, made)
        done.engine_seconds += time.perf_counter() - t0
        done.texts[leg.name], done.split[leg.name], done.failed[leg.name] = out, split, failed
        if embeddings is not None and leg.prefetch:
            embeddings.prefetch(out[: len(parts[0])])  # encoded while the next stages run
        if n < len(plan.legs) - 1:  # overlap scoring with the legs still to translate
            scorer.submit(plan.early(leg, done))
    return done


def _renderings(leg: Leg, parts: list[list[str]], given: dict[str, list[str]]) -> set[int]:
    """The indices of a leg's texts that are earlier legs' outputs, not the plan's own texts."""
    out: set[int] = set()
    start = 0
    for name, part in zip(leg.inputs, parts, strict=True):
        if name not in given:
            out.update(range(start, start + len(part)))
        start += len(part)
    return out


@contextmanager
def _embeddings(config: RunConfig, engine: Engine) -> Iterator[semantic.Embeddings | None]:
    embeddings = semantic.for_run(config.semantic, engine)
    try:
        yield embeddings
    finally:
        if embeddings is not None:
            embeddings.close()


def _prepare(langs: list[str]) -> None:
    prepare_scores()
    prepare_checks(langs)


def run_plan(
    plan: Plan[Row, Item], engine: Engine, config: RunConfig, timer: Timer
) -> tuple[list[SegmentResult], Corpus]:
    """Translate, align, score, check and judge one batch as `plan` says; the results in row order
    and per document the statistics of the corpus scores."""
    try:
        with _embeddings(config, engine) as embeddings, ThreadPoolExecutor(1) as background:
            if embeddings is not None or uses_pool(max(map(len, plan.texts.values()), default=0)):
                start_server()  # from this thread, before the pools start on the background one
            if embeddings is not None:
                embeddings.prefetch([t for texts in plan.texts.values() for t in texts])  # while translating
            # sacreBLEU and the checks' lexicons load while the engine translates (the stages wait for them)
            lexicons = background.submit(_prepare, [x for x in (config.lang, config.source_lang) if x])
            scorer = Scorer(background, SegmentMemo.for_engine(engine))
            with timer.stage("translate"):
                done = translate_legs(plan, engine, scorer, embeddings, timer.on_progress)
                plan.after_translate(engine, done)
                scorer.wait()
            with timer.stage("align") if plan.aligns else nullcontext():
                rows = plan.rows(done)
            with timer.stage("score"):
                width = len(plan.compare(rows[0])) if rows else 0
                stats = scorer.stats([c for row in rows for c in plan.compare(row)])
            with timer.stage("check"):
                lexicons.result()
                items = [plan.check(row, stats[k * width : (k + 1) * width]) for k, row in enumerate(rows)]
            cosines: list[Semantic | None] = [None] * len(items)
            if embeddings is not None:
                with timer.stage("semantic"):
                    cosines = plan.cosines(items, embeddings)
        with timer.stage("judge"):
            results = plan.judge_all(items, cosines)
    finally:
        plan.close()  # what the plan started in the background stops, however the run ends
    for name, seconds in (
        ("translate:engine", done.engine_seconds),
        ("score:background", scorer.background_seconds),
    ):
        timer.stages[name] = timer.stages.get(name, 0.0) + seconds  # parts of the translate stage
    return results, _corpus(plan, rows, stats, width)


def _corpus(plan: Plan[Row, Item], rows: list[Row], stats: list[PairStats], width: int) -> Corpus:
    by_doc: dict[int, list[int]] = {}
    for k, row in enumerate(rows):
        by_doc.setdefault(plan.document(row), []).append(k)
    return {
        doc: {
            route: [stats[k * width + col] for k in idx if plan.verified(rows[k], route)]
            for route, col in plan.corpus.items()
        }
        for doc, idx in sorted(by_doc.items())
    }
