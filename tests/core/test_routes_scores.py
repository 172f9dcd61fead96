"""Batch plumbing: distinct texts translated once, split marks mapped back; pairs scored once."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.core.score import PIECE_WORDS, corpus_from, many_stats, pair_stats, scores_from, ter_pieces
from pipeline.engines import MAX_SEGMENT_CHARS, ProgressFn, Translations, translate_route
from pipeline.records import Scores


def sentence_scores(hypothesis: str, reference: str) -> Scores:
    return scores_from(pair_stats(hypothesis, reference))


def corpus_scores(hypotheses: list[str], references: list[str]) -> Scores:
    """The corpus scores of the pairs (each pair's statistics, summed), where something counts."""
    got = corpus_from([pair_stats(h, r) for h, r in zip(hypotheses, references, strict=True)])
    assert got is not None
    return got


class Recorder:
    """A stand-in engine: uppercases, records every batch, and 'splits' texts over 20 characters."""

    name = "recorder"

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def translate(
        self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None = None
    ) -> Translations:
        self.batches.append(list(texts))
        split = frozenset(i for i, t in enumerate(texts) if len(t) > 20)
        return Translations([f"{t.upper()}|{tgt}" for t in texts], split=split)


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
        def translate(
            self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None = None
        ) -> Translations:
            out = super().translate(texts, src, tgt)
            failed = {i: "it broke" for i, t in enumerate(texts) if "bad" in t}
            return Translations(["" if i in failed else o for i, o in enumerate(out.texts)], failed=failed)

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


def test_statistics_give_exactly_sacrebleus_sentence_and_corpus_scores() -> None:
    """The statistics are counted through sacreBLEU's public API (chrF's with its public n-gram
    extractor) and summed by us: every score must equal sacreBLEU's own, to the last bit."""
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    pairs = [
        ("The cat sat on the mat.", "The cat is sitting on the mat."),
        ("No, he never said that!", "He did not say that."),
        ("Ünïcode — «quotes» and 3,5 %", "Unicode: quotes and 3.5%"),
        ("a", "a b c d e f g"),
        ("Completely different words here", "Nothing in common at all"),
        ("x y", "x y"),
    ]
    hyps, refs = [h for h, _ in pairs], [r for _, r in pairs]

    def clamp(
        x: float,
    ) -> float:  # driftcheck clamps every score to 0..100 (TER can pass 100, BLEU by a rounding)
        return min(100.0, max(0.0, x))

    for h, r in pairs:
        got = sentence_scores(h, r)
        assert got.chrf == clamp(CHRF().sentence_score(h, [r]).score)
        assert got.bleu == clamp(BLEU(effective_order=True).sentence_score(h, [r]).score)
        assert got.ter == clamp(TER().sentence_score(h, [r]).score)
    corpus = corpus_scores(hyps, refs)
    assert corpus.chrf == clamp(CHRF().corpus_score(hyps, [refs]).score)
    assert corpus.bleu == clamp(BLEU().corpus_score(hyps, [refs]).score)
    assert corpus.ter == clamp(TER().corpus_score(hyps, [refs]).score)
    # batches merge by adding statistics: the halves' statistics give the whole corpus's scores
    assert corpus_from(many_stats(pairs[:3]) + many_stats(pairs[3:])) == corpus


def test_a_sentence_one_side_lacks_counts_against_the_corpus_scores() -> None:
    """An added sentence (no reference) and an omitted one (no hypothesis) keep the worst sentence
    scores and count in the corpus: BLEU and TER as sacreBLEU's own corpus scores with the pairs in;
    chrF counts the omitted sentence's n-grams as sacreBLEU does, and the added sentence's too
    (sacreBLEU's chrF would count none of them: the document would score as if it were not there)."""
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    both = [("The mayor opened the bridge on Friday.", "The mayor opened the bridge the Friday.")]
    alone = corpus_scores([both[0][0]], [both[0][1]])
    added = ("Thousands of people came to see it.", "")
    omitted = ("", "The city paid for it.")
    for one in (added, omitted):
        assert sentence_scores(*one) == sentence_scores("x", "") == sentence_scores("", "x")
        assert sentence_scores("x", "").chrf == 0.0 and sentence_scores("x", "").ter == 100.0
        pairs = [*both, one]
        hyps, refs = [h for h, _ in pairs], [r for _, r in pairs]
        got = corpus_scores(hyps, refs)
        assert got.bleu == min(100.0, BLEU().corpus_score(hyps, [refs]).score) < alone.bleu
        assert got.ter == min(100.0, TER().corpus_score(hyps, [refs]).score) > alone.ter
        assert got.chrf < alone.chrf
    hyps, refs = [both[0][0], ""], [both[0][1], omitted[1]]
    assert corpus_scores(hyps, refs).chrf == CHRF().corpus_score(hyps, [refs]).score
    # both sides empty: nothing to count; a side over the segment limit was never translated
    assert corpus_from([pair_stats("", ""), pair_stats(*both[0])]) == alone
    too_long = pair_stats("", "word " * MAX_SEGMENT_CHARS)
    assert too_long.chrf is None and scores_from(too_long) == sentence_scores("x", "")
    # nothing that counts: no score at all (it was chrF 0, TER 100: the worst, for nothing measured)
    assert corpus_from([]) is None and corpus_from([pair_stats("", ""), too_long]) is None
