"""Checks whose cost grew faster than the text on repetitive input ("$5 " * 2000, "no " * 5332,
"January " * 1000, "1x" * 8000) read each thing once now: the answers are the ones a
straightforward reading gives, and what they read does not grow with the pairs of what they
compare. No timings: what is counted is calls and cache entries."""

from __future__ import annotations

import hashlib
import itertools
import random
import re
from collections import Counter

import pytest

from pipeline.checks import dates, units, word_order
from pipeline.checks.clauses import clause_end, clause_words, said_between
from pipeline.checks.lexicon import SCALES
from pipeline.checks.numbers import extract, meet
from pipeline.checks.text import fold, tokens
from tests.checks.helpers import make, run

# --- units -------------------------------------------------------------------------------------

_AMOUNTS_ES = [
    "$5",
    "5 km",
    "USD 5",
    "5 €",
    "5km",
    "3 millones de libras",
    "20 euros",
    "la mitad",
    "50 %",
    "de",
    ",",
]
_AMOUNTS_EN = [
    "$5",
    "5 km",
    "USD 5",
    "5 €",
    "5km",
    "3 million pounds",
    "20 dollars",
    "half",
    "50%",
    "5 miles",
    ".",
]


def _units_reference(source: str, target: str) -> list[tuple[str, int, int]]:
    """The units check read the straightforward way: every source amount against every target
    number that meets it, each target unit read again ("US$", "EUR " looked for from the start)."""

    def unit_of(text: str, n, lang: str):  # type: ignore[no-untyped-def]
        known = units.names(lang)
        if (m := units._BEFORE.search(text, 0, n.start)) and (what := known.get(fold(m.group(1)))):
            return what, m.start(1), n.end
        at, skipped = n.end, 0
        for m in units._TOKEN.finditer(text, n.end):
            if text[at : m.start()].strip(" \u00a0\u202f-"):
                break
            if (fold(m.group()) in SCALES or fold(m.group()) in units._BETWEEN) and skipped < 2:
                at, skipped = m.end(), skipped + 1
                continue
            what, end = units._narrowed(text, m, known)
            return what, n.start, end
        return frozenset(), n.start, n.end

    out = []
    tgt_nums = extract(target, "en")
    for n in extract(source, "es"):
        unit, s, e = unit_of(source, n, "es")
        theirs = [unit_of(target, m, "en") for m in tgt_nums if meet(n, m)] if unit else []
        known = [t for t in theirs if t[0]]
        alike = bool(known) and source[s:e].split() == target[known[0][1] : known[0][2]].split()
        if known and not any(u & unit for u, _, _ in known) and not alike:  # "$5" / "$5": one sign
            out.append((source[s : s + 2], known[0][1], known[0][2]))
    return out


def test_units_reads_each_translation_number_once(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: Counter[str] = Counter()
    unit_of = units.unit_of

    def counted(text: str, n, lang: str):  # type: ignore[no-untyped-def]
        reads[lang] += 1
        return unit_of(text, n, lang)

    monkeypatch.setattr(units, "unit_of", counted)
    same = "$5 " * 300
    flags = run("units", make(same, same))
    assert reads["en"] <= 300  # each translation number once (it was 300 x 300 reads)
    assert [(f.spans[1].start, f.spans[1].end) for f in flags] == [
        (b, e) for _, b, e in _units_reference(same, same)
    ]
    rnd = random.Random(5)
    source = " ".join(rnd.choice(_AMOUNTS_ES) for _ in range(150))
    target = " ".join(rnd.choice(_AMOUNTS_EN) for _ in range(150))
    flags = run("units", make(source, target))
    got = [(source[f.spans[0].start : f.spans[0].start + 2], f.spans[1].start, f.spans[1].end) for f in flags]
    assert got == _units_reference(source, target)
    assert got  # the mixed amounts disagree somewhere


# --- negation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "lang", "other"),
    [("no ", "es", "en"), ("not ", "en", "es"), ("never ", "en", "es"), ("ne pas ", "fr", "en")],
)
def test_negation_tokenises_no_clause_per_negator(said: str, lang: str, other: str) -> None:
    held = []
    for times in (100, 400):
        text = said * times
        tokens.cache_clear()
        run("negation", make(text, text, lang, other, back=text, forward=text))
        run("negation", make(text, "x", lang, other, back="x", forward="x"))
        held.append(tokens.cache_info().currsize)
    assert held[0] == held[1]  # the same texts tokenised however many negators (was one per negator)


def test_clause_readers_read_what_a_slice_reads() -> None:
    folded = fold("no es mas que el principio, ni nunca (solo) hasta junio; no l'eau n'a que deux - y ya")
    for end in range(len(folded) + 1):
        stop = clause_end(folded, end)
        assert stop == len(folded) or folded[stop] in ",;()" and not re.search(r"[,;()]", folded[end:stop])
        clause = [t.text for t in tokens(folded[end:stop])]
        for limit in (1, 3, 8):
            assert clause_words(folded, end, limit) == clause[:limit]
    starts = [t.start for t in tokens(folded)] + [len(folded)]
    for lo, hi in itertools.combinations(starts, 2):
        said = {"no", "ni", "nunca"}
        assert said_between(folded, lo, hi, frozenset(said)) == bool(
            said & {t.text for t in tokens(folded[lo:hi])}
        )


# --- dates -------------------------------------------------------------------------------------


def _written_reference(m: dates.Mention, other: str, other_mentions: list[dates.Mention]) -> bool:
    if m.kind not in ("month", "day") or not m.text[:1].isalpha():
        return False
    hits = [x.start() for x in re.finditer(r"(?<!\w)" + re.escape(m.text) + r"(?!\w)", other)]
    return any(not any(o.start <= h < o.end for o in other_mentions) for h in hits)


def _unmatched_reference(
    a: list[dates.Mention], b: list[dates.Mention]
) -> tuple[list[dates.Mention], list[dates.Mention]]:
    left_b, left_a = list(b), list[dates.Mention]()
    for m in a:
        hit = next((x for x in left_b if x.readings & m.readings), None)
        left_a.append(m) if hit is None else left_b.remove(hit)
    return left_a, left_b


def test_dates_reads_each_name_once_against_the_other_text(monkeypatch: pytest.MonkeyPatch) -> None:
    looked: Counter[str] = Counter()
    hits = dates.WrittenIn._hits

    def counted(self: dates.WrittenIn, said: str) -> list[int]:
        looked[said] += 1
        return hits(self, said)

    monkeypatch.setattr(dates.WrittenIn, "_hits", counted)
    copy = "January " * 300 + "Life on Mars, March 3/4/2020 Monday Mondays " * 20 + "JANUARY March."
    back = "January " * 200 + "Mars, on Monday 9:48 PM May " * 30
    mine, theirs = dates.mentions(copy, "en"), dates.mentions(back, "en")
    written = dates.WrittenIn(back, theirs)
    assert [written(m) for m in mine] == [_written_reference(m, back, theirs) for m in mine]
    assert max(looked.values()) == 1  # once per name, not once per mention
    run("dates", make(copy, "en", "en", "en", mode="roundtrip"))  # the check runs through it too
    rnd = random.Random(3)
    for _ in range(200):
        a = [m for m in mine if rnd.random() < 0.1] + [m for m in theirs if rnd.random() < 0.1]
        b = [m for m in theirs if rnd.random() < 0.2] + [m for m in mine if rnd.random() < 0.1]
        assert dates.unmatched(a, b) == _unmatched_reference(a, b)


# --- scrambled ---------------------------------------------------------------------------------


def _p_reference(text: str) -> float:
    """The permutation test read off the n x n table of every pair of positions."""
    import numpy as np

    ws = word_order.words(text)
    n = len(ws)
    pmi = word_order.pmi_matrix(ws)
    own = float(pmi[np.arange(n - 1), np.arange(1, n)].sum())
    seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
    perms = np.argsort(np.random.default_rng(seed).random((word_order.SHUFFLES, n)), axis=1)
    scores = pmi[perms[:, :-1], perms[:, 1:]].sum(axis=1)
    higher, ties = int((scores > own + 1e-9).sum()), int((np.abs(scores - own) <= 1e-9).sum())
    return (1 + higher + ties / 2) / (word_order.SHUFFLES + 1)


def _distinct_words(n: int) -> str:
    return " ".join("".join(p) for p in itertools.islice(itertools.product("bcdfgkmpt", repeat=3), n))


def test_order_test_scores_each_distinct_pair_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: Counter[tuple[str, str]] = Counter()
    class_pmi = word_order.class_pmi

    def counted(a: str, b: str) -> float:
        calls[(a, b)] += 1
        return class_pmi(a, b)

    for text in (
        "The council said on Monday that the bridge would reopen next week after repairs. " * 40,
        "1x" * 600,
        _distinct_words(600),  # more distinct pairs than the shuffles hold: read pair by pair
    ):
        word_order.order_p_value.cache_clear()
        expected = _p_reference(text)
        calls.clear()
        monkeypatch.setattr(word_order, "class_pmi", counted)
        assert word_order.order_p_value(text) == expected
        monkeypatch.undo()
        assert max(calls.values()) == 1, text[:40]  # each word pair once (was once per pair of positions)
    word_order.order_p_value.cache_clear()


def test_code_tokens_are_blanked_from_where_they_start() -> None:
    """`scramble._prose` blanks URLs, identifiers, file names and paths whole, each tried where its
    token starts (a long unbroken token was read again from every character: "1x" * 8000 took
    3.7 s, `benchmarks/bench_pathological.py`); prose and such a token stay as they are."""
    from pipeline.checks.scramble import _prose

    text = "See https://example.org/a_b or max_retry_count in config.yaml under /usr/bin and ./run.sh now"
    assert _prose(text) == (
        "See x                       or x               in x           under x        and x        now"
    )
    assert _prose("1x" * 5000) == "1x" * 5000
    assert _prose("a1x" * 3000 + ".org") == "x" + " " * (9003)
