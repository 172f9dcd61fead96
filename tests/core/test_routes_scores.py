"""Batch plumbing: distinct texts translated once, split marks mapped back; pairs scored once."""

from __future__ import annotations

from pipeline.core.score import (
    PIECE_WORDS,
    corpus_scores,
    many_stats,
    scores_from,
    sentence_scores,
    ter_pieces,
)
from pipeline.engines import MAX_SEGMENT_CHARS, translate_route


class Recorder:
    """A stand-in engine: uppercases, records every batch, and 'splits' texts over 20 characters."""

    name = "recorder"

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.last_split: set[int] = set()
        self.last_failed: dict[int, str] = {}

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


def test_failed_and_over_long_texts_come_back_empty_with_their_reason() -> None:
    class Failing(Recorder):
        def translate(self, texts: list[str], src: str, tgt: str) -> list[str]:
            out = super().translate(texts, src, tgt)
            self.last_failed = {i: "it broke" for i, t in enumerate(texts) if "bad" in t}
            return ["" if i in self.last_failed else o for i, o in enumerate(out)]

    eng = Failing()
    long = "x" * (MAX_SEGMENT_CHARS + 1)
    failed: dict[int, str] = {}
    out = translate_route(eng, ["ok", "bad one", long, "bad one"], ["en", "es"], None, failed)  # type: ignore[arg-type]
    assert out == ["OK|es", "", "", ""]
    assert long not in eng.batches[0]  # never sent to the engine
    assert failed[1] == failed[3] == "the engine failed on this text: it broke"
    assert failed[2].startswith(f"the text has {MAX_SEGMENT_CHARS + 1:,} characters")


LONG_REF = (
    "The council said on Monday that the bridge, closed since March for repairs to its cables, "
    "would reopen to cars and buses next week, while cyclists would have to wait until the "
    "summer because the new lane on its eastern side was not finished yet. "
)


def test_a_long_pair_is_scored_in_aligned_pieces_with_linear_cost() -> None:
    ref = (LONG_REF * 12).strip()
    hyp = ref.replace("bridge", "bridges").replace("next week", "the next week")
    words = max(len(ref.split()), len(hyp.split()))
    pieces = ter_pieces(hyp.split(), ref.split())
    assert len(pieces) == -(-words // PIECE_WORDS)  # ~PIECE_WORDS words each
    assert " ".join(r for _, r in pieces) == ref and " ".join(h for h, _ in pieces) == hyp
    stats = many_stats([(hyp, ref)])[0]
    assert stats.pieces == len(pieces)
    # the cuts line up: the edits are those of the changed words, as on the whole pair
    whole = sentence_scores(
        LONG_REF.replace("bridge", "bridges").replace("next week", "the next week"), LONG_REF
    )
    assert abs(scores_from(stats).ter - whole.ter) < 0.5
    assert ter_pieces("a b".split(), "a b c".split()) == [("a b", "a b c")]  # short: one piece
