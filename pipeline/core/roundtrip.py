"""Round-trip mode as a plan for the one loop (pipeline/core/loop.py): each sentence of the copy
goes to every pivot and back (two legs per pivot), and is checked against its own round trip.
With several pivots drift is the median and a check flags a sentence only when most pivots agree.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..checks import CheckInput, run_checks
from ..checks.health import unverifiable
from ..engines import Engine
from ..records import GATING, Flag, RoundTrip, Segment, SegmentResult, Semantic, Span
from ..timing import Timer
from . import semantic
from .copy_judge import CopyJudge
from .judge import finish, regrade
from .loop import Corpus, Leg, Translations, run_plan
from .pivot_words import doubtful_words, pivot_readings, reader_routes
from .run_config import RunConfig, roundtrip_routes
from .score import Comparison, PairStats, scores_from
from .verdict import drift


@dataclass(frozen=True)
class CopyRow:
    """One copy sentence with its translations per pivot (there, back) and why a pivot's engine
    could not translate it."""

    index: int
    segment: Segment
    trips: tuple[tuple[str, str, str], ...]  # per pivot: pivot, translation there, round trip back
    failed: tuple[str | None, ...]  # per pivot
    split: bool


class RoundTripPlan:
    """Which translations, comparisons, check inputs and judge round-trip mode uses."""

    aligns = False

    def __init__(self, segments: list[Segment], engine: Engine, config: RunConfig, judge: CopyJudge) -> None:
        self.segments, self.config, self.judge = segments, config, judge
        self.planned = roundtrip_routes(engine, config)
        self.routes = {pivot: there + back[1:] for pivot, (there, back) in self.planned.items()}
        self.texts = {"copy": [s.text for s in segments]}
        self.legs: list[Leg] = []
        for pivot, (there, back) in self.planned.items():  # one engine call per hop, whole batch
            self.legs += [
                Leg(f"{pivot}>", there, ("copy",)),
                Leg(f"{pivot}<", back, (f"{pivot}>",), prefetch=True),
            ]
        self.corpus = {pivot: k for k, pivot in enumerate(self.planned)}
        self.readings: dict[str, tuple[tuple[str, str], ...]] = {}
        self.articles = _articles(segments)

    def early(self, leg: Leg, done: Translations) -> list[Comparison]:
        """A pivot's round trips are scored while the next pivot translates."""
        return list(zip(done.texts[leg.name], self.texts["copy"])) if leg.name.endswith("<") else []

    def close(self) -> None:
        return None

    def after_translate(self, engine: Engine, done: Translations) -> None:
        """Every pivot's reading of the copy's doubtful words, for the copy-only detectors."""
        texts, lang = self.texts["copy"], self.config.lang
        readers = {p: back for p, (_, back) in self.planned.items()} | reader_routes(
            engine, lang, list(self.planned)
        )
        self.readings = pivot_readings(engine, doubtful_words(texts, lang), readers)

    def rows(self, done: Translations) -> list[CopyRow]:
        split = set().union(*done.split.values()) if done.split else set()
        failed = [{**done.failed[f"{p}>"], **done.failed[f"{p}<"]} for p in self.planned]
        trips = [(p, done.texts[f"{p}>"], done.texts[f"{p}<"]) for p in self.planned]
        return [
            CopyRow(
                i,
                seg,
                tuple((p, there[i], back[i]) for p, there, back in trips),
                tuple(why.get(i) for why in failed),
                i in split,
            )
            for i, seg in enumerate(self.segments)
        ]

    def document(self, row: CopyRow) -> int:
        return row.segment.document

    def verified(self, row: CopyRow, route: str) -> bool:
        return row.failed[self.corpus[route]] is None

    def compare(self, row: CopyRow) -> list[Comparison]:
        return [(back, row.segment.text) for _, _, back in row.trips]

    def check(self, row: CopyRow, stats: Sequence[PairStats]) -> SegmentResult:
        """Each pivot's round trip checked against the copy; most pivots must agree on a check."""
        seg, (article, index) = row.segment, self.articles[row.index]
        enabled, severities = set(self.config.enabled), dict(self.config.severities)
        rts: list[RoundTrip] = []
        flag_sets: list[list[Flag]] = []
        drifts: list[float] = []
        for (pivot, fwd, back), st, why in zip(row.trips, stats, row.failed):
            scores = scores_from(st)
            rts.append(RoundTrip(pivot, fwd, back, scores))
            opts = {
                **self.config.thresholds,
                "chrf_roundtrip": scores.chrf,
                "article": article,  # the document's sentences, for the consistency check
                "article_index": index,
                "pivot_readings": self.readings,  # every pivot's, for the copy-only detectors
            }
            inp = CheckInput(
                seg.text, self.config.lang, back, self.config.lang, mode="roundtrip", options=opts
            )
            if why is not None:
                flags = [
                    f
                    for f in regrade([unverifiable(why, "text", len(seg.text))], severities)
                    if f.check in enabled
                ]
            else:
                flags = [cap_roundtrip(_report_spans(f, pivot)) for f in run_checks(inp, enabled, severities)]
            flag_sets.append(flags)
            drifts.append(drift(inp, flags))
        seg = replace(seg, split=True) if row.split or any(s.pieces > 1 for s in stats) else seg
        return finish(seg, majority(flag_sets), statistics.median(drifts), tuple(rts), None)

    def cosines(self, items: list[SegmentResult], embeddings: semantic.Embeddings) -> list[Semantic | None]:
        """cosine(original, round trip) per pivot."""
        cos = iter(embeddings.cosines([(r.segment.text, rt.back) for r in items for rt in r.round_trips]))
        return [Semantic(round_trips=tuple((rt.pivot, next(cos)) for rt in r.round_trips)) for r in items]

    def calibration(self) -> dict[str, Any] | None:
        return self.judge.signature()

    def judge_all(self, items: list[SegmentResult], cosines: list[Semantic | None]) -> list[SegmentResult]:
        """The copy judge weighs each copy's evidence with the round-trip calibration."""
        items = [r if cos is None else replace(r, semantic=cos) for r, cos in zip(items, cosines)]
        return self.judge.judge_all(items)


def run_roundtrip(
    segments: list[Segment], engine: Engine, config: RunConfig, timer: Timer, judge: CopyJudge | None = None
) -> tuple[list[SegmentResult], dict[str, list[str]], Corpus]:
    """Results, the route per pivot, and per document and pivot the statistics of the corpus scores.
    `judge` (default: one for `config`) weighs each copy's evidence with the round-trip calibration."""
    plan = RoundTripPlan(segments, engine, config, judge or CopyJudge(config, getattr(engine, "name", None)))
    results, corpus = run_plan(plan, engine, config, timer)
    return results, plan.routes, corpus


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
    if flag.check in ENGINE_NOISE_CHECKS and flag.severity in GATING:
        return replace(flag, severity="minor")
    if flag.check in CERTAIN_CHECKS:
        return flag
    return replace(flag, severity="major") if flag.severity == "critical" else flag


# Outside quotes, what the checks call the source is the copy and the translation its round trip.
_QUOTED = re.compile(r"((?<!\w)'[^']*'(?!\w)|\u201c[^\u201d]*\u201d|\"[^\"]*\")")  # not an "engine's"
_SIDES = re.compile(r"\b(source|translation)\b", re.IGNORECASE)
_SIDE_NAMES = {"source": "copy", "translation": "round trip"}


def round_trip_words(message: str) -> str:
    """A check's message in round-trip terms: "source number '5' not found in the translation" is
    "copy number '5' not found in the round trip" (the run has no source and no translation); quoted
    text is left as it is."""

    def side(m: re.Match[str]) -> str:
        name = _SIDE_NAMES[m.group(1).lower()]
        return name.capitalize() if m.group(1)[0].isupper() else name

    parts = _QUOTED.split(message)
    return "".join(p if k % 2 else _SIDES.sub(side, p) for k, p in enumerate(parts))


def _report_spans(flag: Flag, pivot: str) -> Flag:
    """Checks see (original, round trip) as (source, target); the report calls them text and back,
    and so does the message (round_trip_words)."""
    spans = tuple(
        Span("text", s.start, s.end) if s.field == "source" else Span("back", s.start, s.end, pivot)
        for s in flag.spans
    )
    return replace(flag, spans=spans, message=round_trip_words(flag.message))


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
