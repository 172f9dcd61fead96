"""Batch plumbing: distinct texts translated once, split marks mapped back; pairs scored once."""

from __future__ import annotations

from pipeline.engines import translate_route
from pipeline.score import corpus_scores, many_stats, scores_from, sentence_scores


class Recorder:
    """A stand-in engine: uppercases, records every batch, and 'splits' texts over 20 characters."""

    name = "recorder"

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.last_split: set[int] = set()

    def translate(self, texts: list[str], src: str, tgt: str) -> list[str]:
        self.batches.append(list(texts))
        self.last_split = {i for i, t in enumerate(texts) if len(t) > 20}
        return [f"{t.upper()}|{tgt}" for t in texts]


def test_each_distinct_text_is_translated_once_per_hop_and_order_is_kept() -> None:
    eng = Recorder()
    texts = ["a", "b", "a", "a very long sentence here", "b"]
    split: set[int] = set()
    out = translate_route(eng, texts, ["en", "es", "fr"], split)  # type: ignore[arg-type]
    assert out == ["A|ES|fr", "B|ES|fr", "A|ES|fr", "A VERY LONG SENTENCE HERE|ES|fr", "B|ES|fr"]
    assert eng.batches[0] == ["a", "b", "a very long sentence here"] and len(eng.batches) == 2
    assert split == {3}


def test_many_stats_scores_identical_pairs_once_and_matches_sacrebleu() -> None:
    pairs = [("the cat sat", "the cat sat down"), ("a dog", "the dog"), ("the cat sat", "the cat sat down")]
    stats = many_stats(pairs)
    assert stats[0] is stats[2]
    for (h, r), st in zip(pairs, stats):
        assert scores_from(st) == sentence_scores(h, r)
    assert corpus_scores([h for h, _ in pairs], [r for _, r in pairs]).chrf > 0


def test_parallel_scoring_gives_the_same_numbers_as_serial() -> None:
    pairs = [(f"sentence {i} about {i % 7} cats", f"sentence {i} about {i % 5} dogs") for i in range(450)]
    parallel = many_stats(pairs)  # over the threshold: a process pool on a multi-core machine
    assert [scores_from(s) for s in parallel] == [sentence_scores(h, r) for h, r in pairs]
