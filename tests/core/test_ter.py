"""pipeline/core/ter.py counts TER's edits exactly as sacreBLEU does (it is only faster)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from sacrebleu.metrics.ter import TER

from pipeline.core.score import pair_stats
from pipeline.core.ter import edits

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "demetr-es-sample.jsonl"


def _pairs() -> list[tuple[str, str]]:
    """Realistic pairs (variants of one translation, source vs translation) and hard ones for the
    shift search: shuffled words, rotated clauses, dropped and repeated words."""
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(14)
    pairs: list[tuple[str, str]] = []
    for k, r in enumerate(rows[:60]):
        words = r["translation"].split()
        if k % 3 == 0:
            rng.shuffle(words)
        elif k % 3 == 1 and len(words) > 4:
            cut = rng.randrange(2, len(words) - 1)
            words = words[cut:] + words[:cut]
        else:
            words = [w for w in words if rng.random() > 0.25] + words[:3]
        pairs += [(" ".join(words), r["translation"]), (r["source"], r["translation"])]
    variants = [r["translation"] for r in rows[:40]]
    pairs += list(zip(variants, variants[1:]))
    return pairs + [("", "a b"), ("a b", ""), ("A b C", "a B c d"), ("x " * 70, "y x " * 30), ("a", "a")]


@pytest.mark.parametrize("start", range(0, 200, 50))
def test_edits_match_sacrebleu_ter(start: int) -> None:
    ter = TER()
    for hyp, ref in _pairs()[start : start + 50]:
        expected = ter.sentence_score(hyp, [ref])
        words_ref = ter.tokenizer(ref.rstrip()).split()
        got = edits(ter.tokenizer(hyp.rstrip()).split(), words_ref)
        assert (got, float(len(words_ref))) == (expected.num_edits, expected.ref_length), (hyp, ref)


def test_pair_stats_ter_is_sacrebleus_sentence_ter() -> None:
    ter = TER()
    for hyp, ref in _pairs()[:40]:
        if not hyp.strip() or not ref.strip():
            continue
        st = pair_stats(hyp, ref)
        expected = ter.sentence_score(" ".join(hyp.split()), [" ".join(ref.split())])
        assert st.ter == (expected.num_edits, expected.ref_length)


def test_full_beam_is_the_plain_edit_distance_and_a_lower_bound_elsewhere() -> None:
    """The candidates' pricing: where the beam holds every cell, RapidFuzz's edit distance is the
    beam distance; where it does not (long references), it is never more."""
    from rapidfuzz.distance import Levenshtein

    from pipeline.core.ter import BeamDistance, full_beam

    rng = random.Random(7)
    vocab = [f"w{k}" for k in range(12)]
    seen = {True: 0, False: 0}
    for _ in range(400):
        ref = [rng.choice(vocab) for _ in range(rng.randrange(1, 70))]
        hyp = [rng.choice(vocab) for _ in range(rng.randrange(1, 70))]
        beam, plain = BeamDistance(ref)(hyp)[0], Levenshtein.distance(hyp, ref)
        full = full_beam(len(hyp), len(ref))
        seen[full] += 1
        assert beam == plain if full else beam >= plain, (len(hyp), len(ref))
    assert min(seen.values()) > 50  # both cases were exercised
    assert full_beam(30, 24) and not full_beam(30, 40)
