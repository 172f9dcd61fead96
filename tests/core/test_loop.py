"""The one loop (pipeline/core/loop.py): both modes run it, each distinct pair is scored once,
and the comparisons a plan knows early are scored while the engine still translates."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from pipeline.config import Settings
from pipeline.core.batch import mode_plan, verify_segments
from pipeline.core.loop import Scorer
from pipeline.core.run_config import resolve_config
from pipeline.core.score import many_stats
from pipeline.core.verify import build_engine, load_inputs, whole_batch
from pipeline.records import Mode
from pipeline.timing import Timer
from tests.conftest import ROOT


def test_scorer_scores_each_distinct_pair_once_and_reuses_early_work() -> None:
    early = [("The bridge opened.", "The bridge reopened."), ("It cost three.", "It cost three million.")]
    later = [early[1], ("The mayor came.", "The mayor did not come."), early[1]]
    with ThreadPoolExecutor(1) as background:
        scorer = Scorer(background)
        scorer.submit(early)
        stats = scorer.stats(later)
    assert len(scorer.known) == 3  # early[0], early[1], the new pair: nothing scored twice
    assert stats == many_stats(later)
    assert scorer.background_seconds > 0


@pytest.mark.requires_apertium
@pytest.mark.parametrize(
    ("mode", "args", "legs", "columns"),
    [
        ("source", {"source_lang": "es"}, ["forward", "back"], {"back": 0, "forward": 1}),
        ("roundtrip", {"pivots": ["es"]}, ["es>", "es<"], {"es": 0}),
    ],
)
def test_both_modes_are_plans_for_the_same_loop(
    mode: Mode, args: dict[str, object], legs: list[str], columns: dict[str, int]
) -> None:
    seeds = ROOT / "seeds"
    source = str(seeds / "harbour-bridge.es.txt") if mode == "source" else None
    settings = Settings(lang="en", engine="apertium", cache=False, semantic=False, **args)  # type: ignore[arg-type]
    inputs = load_inputs([str(seeds / "harbour-bridge.en.txt")], settings, source)
    assert inputs.mode == mode and inputs.settings is not None
    config = resolve_config(inputs.settings, mode)
    engine = build_engine(inputs.settings)
    plan = mode_plan(whole_batch(inputs), engine, config)
    assert [leg.name for leg in plan.legs] == legs and plan.corpus == columns
    timer = Timer()
    done = verify_segments(whole_batch(inputs), engine, config, timer)
    assert {"translate", "score", "check", "judge"} <= set(timer.stages)
    assert ("align" in timer.stages) == (mode == "source")  # document pairs are aligned, per document
    assert done.results and all(r.verdict in ("ok", "review", "fail") for r in done.results)
    assert set(done.stats[0]) == set(columns)
