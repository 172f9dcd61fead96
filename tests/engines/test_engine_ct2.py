"""The ct2 engine on the tiny Marian models converted to CTranslate2 by a fixture.

With float32 weights and compute, greedy CTranslate2 must give exactly what the marian
engine (transformers) gives: same tokenizer handling, same length cap, same splitting.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from tiny_marian import ENGLISH, GERMAN

from pipeline.engines import EngineOptions, create
from pipeline.engines.ct2 import CT2Engine
from pipeline.errors import EngineError, ModelNotFoundError

pytest_plugins = ["conftest_marian"]  # tiny model fixtures, built once per session
pytestmark = pytest.mark.requires_marian  # the fixture builds and converts with transformers

ROOT = Path(__file__).resolve().parents[2]
EN = [line for line in ENGLISH.splitlines() if line][:12]
DE = [line for line in GERMAN.splitlines() if line][:12]
LONG_EN = " ".join(EN) * 4
LONG_DE = " ".join(DE) * 4


def ct2(models_dir: Path, compute_type: str | None = None, **options: Any) -> CT2Engine:
    return CT2Engine(EngineOptions(models_dir=str(models_dir), **options), compute_type=compute_type)


@pytest.mark.parametrize(
    ("src", "tgt", "texts"), [("en", "de", [*EN, LONG_EN, ""]), ("de", "en", [LONG_DE, *DE])]
)
def test_float32_ct2_equals_marian_under_greedy(
    tiny_ct2_models_dir: Path, src: str, tgt: str, texts: list[str]
) -> None:
    marian = create("marian", EngineOptions(models_dir=str(tiny_ct2_models_dir)))
    fast = ct2(tiny_ct2_models_dir, "float32")
    expected = marian.translate(texts, src, tgt)
    assert fast.translate(texts, src, tgt) == expected
    long_index = texts.index(LONG_EN if src == "en" else LONG_DE)
    assert expected.split == {long_index}
    assert len(set(expected.texts)) > len(texts) // 2  # outputs really differ per input


def test_default_is_int8_on_cpu_and_the_signature_says_so(tiny_ct2_models_dir: Path) -> None:
    eng = create("ct2", EngineOptions(models_dir=str(tiny_ct2_models_dir), device="cpu"))
    out = eng.translate(EN[:3], "en", "de").texts
    assert len(out) == 3 and all(o.strip() for o in out)
    sig = eng.signature()
    assert (sig["name"], sig["device"], sig["compute_type"]) == ("ct2", "cpu", "int8")
    model = sig["models"]["en-de"]  # type: ignore[index]
    assert model["path"] == str((tiny_ct2_models_dir / "opus-mt-en-de-ct2").resolve())
    assert model["quantization"] == "float32"  # as converted; int8 is applied at load time
    assert eng.supports("en", "de") and not eng.supports("en", "fr")
    assert eng.directions() == {("en", "de"), ("de", "en")}


def test_token_budget_batches_longest_first_and_keeps_order(tiny_ct2_models_dir: Path) -> None:
    eng = ct2(tiny_ct2_models_dir, "float32", max_batch_tokens=60)
    loaded = eng._load("en", "de")
    calls: list[list[int]] = []
    real = loaded.translator

    class Spy:
        def __getattr__(self, name: str) -> Any:  # model_is_loaded, load_model, ...
            return getattr(real, name)

        def translate_batch(self, batch: list[list[str]], **kwargs: Any) -> Any:
            calls.append([len(tokens) for tokens in batch])
            return real.translate_batch(batch, **kwargs)

    loaded.translator = Spy()
    out = eng.translate(EN, "en", "de").texts
    assert len(calls) > 1
    assert all(max(c) * len(c) <= 60 or len(c) == 1 for c in calls)
    firsts = [c[0] for c in calls]
    assert firsts == sorted(firsts, reverse=True)
    assert out == ct2(tiny_ct2_models_dir, "float32").translate(EN, "en", "de").texts


def test_on_cpu_two_workers_share_the_batches_and_keep_order(tiny_ct2_models_dir: Path) -> None:
    two = ct2(tiny_ct2_models_dir, "float32", threads=2)
    loaded = two._load("en", "de")
    assert loaded.translator.num_translators == 2  # two batches in flight, one thread each
    sizes: list[int] = []
    real = loaded.translator

    class Spy:
        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

        def translate_batch(self, batch: list[list[str]], **kwargs: Any) -> Any:
            sizes.append(len(batch))
            assert kwargs["asynchronous"] is True  # queued, so the second worker can start
            return real.translate_batch(batch, **kwargs)

    loaded.translator = Spy()
    texts = EN[:5]
    out = two.translate(texts, "en", "de").texts
    assert sorted(sizes) == [2, 3]  # a short input still gives each worker a batch
    one = ct2(tiny_ct2_models_dir, "float32", threads=1)
    assert one._load("en", "de").translator.num_translators == 1
    assert (
        out
        == one.translate(texts, "en", "de").texts
        == [one.translate([t], "en", "de").texts[0] for t in texts]
    )


def test_on_cpu_one_model_stays_resident_and_reloads_when_needed(tiny_ct2_models_dir: Path) -> None:
    eng = ct2(tiny_ct2_models_dir, "float32")
    first = eng.translate(EN, "en", "de").texts
    back = eng.translate(first, "de", "en").texts
    there, home = eng._loaded[("en", "de")].translator, eng._loaded[("de", "en")].translator
    assert not there.model_is_loaded and home.model_is_loaded  # the peak holds one model's weights
    assert eng.translate(EN, "en", "de").texts == first and there.model_is_loaded and not home.model_is_loaded
    assert back == ct2(tiny_ct2_models_dir, "float32").translate(first, "de", "en").texts


def test_missing_converted_model_names_the_folder_and_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError) as info:
        ct2(tmp_path).translate(["Hello"], "en", "de")
    message = str(info.value)
    assert "opus-mt-en-de-ct2" in message and "driftcheck models convert en-de" in message
    assert "\n" not in message


def test_device_cuda_without_a_usable_gpu_fails_with_one_line(tiny_ct2_models_dir: Path) -> None:
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("a CUDA device is present here")
    with pytest.raises(EngineError, match=r"^--device cuda: CTranslate2 .* sees no CUDA device"):
        ct2(tiny_ct2_models_dir, device="cuda").translate(["Hello"], "en", "de")
    auto = ct2(tiny_ct2_models_dir, device="auto")
    auto.translate(["Hello"], "en", "de")
    assert auto.signature()["device"] == "cpu"


def test_bench_fixed_length_forces_the_same_work_in_both_engines(
    tiny_ct2_models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRIFTCHECK_BENCH_FIXED_LEN", "7")
    fast = ct2(tiny_ct2_models_dir, "float32")
    loaded = fast._load("en", "de")
    results = loaded.translator.translate_batch(
        [["▁Police", "</s>"]], min_decoding_length=7, max_decoding_length=7
    )
    assert len(results[0].hypotheses[0]) == 7
    marian = create("marian", EngineOptions(models_dir=str(tiny_ct2_models_dir)))
    model = marian._load("en", "de").model  # type: ignore[attr-defined]
    shapes: list[int] = []
    real = model.generate

    def generate(**kwargs: Any) -> Any:
        output = real(**kwargs)
        shapes.append(output.shape[1])
        return output

    model.generate = generate
    marian.translate(EN[:2], "en", "de")
    assert shapes == [1 + 7]  # decoder start + exactly 7 tokens
    assert fast.signature()["bench_fixed_len"] == 7
    assert fast.direction_signature("en", "de")["bench_fixed_len"] == 7


def test_ct2_path_imports_neither_torch_nor_transformers(tiny_ct2_models_dir: Path) -> None:
    code = textwrap.dedent(
        f"""
        import json, sys
        from pipeline.engines import models
        from pipeline.engines import EngineOptions, create
        root = models.models_dir({str(tiny_ct2_models_dir)!r})
        from pipeline.engines.auto import AutoEngine
        assert AutoEngine(EngineOptions(models_dir=str(root))).choose("en", "de") == "ct2"
        engine = create("ct2", EngineOptions(models_dir=str(root)))
        out = engine.translate(["Police raided a camp.", "Hello"], "en", "de").texts
        engine.signature(); engine.direction_signature("en", "de"); models.local_models(root)
        heavy = sorted(m for m in ("torch", "transformers") if m in sys.modules)
        print(json.dumps({{"out": out, "heavy": heavy}}))
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["heavy"] == []
    assert len(result["out"]) == 2


def test_a_reused_report_never_names_another_models_folder(
    tiny_ct2_models_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from pipeline.api import check_data
    from pipeline.config import Settings

    doc = tmp_path / "doc.en.txt"
    doc.write_text(EN[0] + "\n", encoding="utf-8")
    other = tmp_path / "other-models"
    shutil.copytree(tiny_ct2_models_dir, other)  # the same models, elsewhere
    settings = Settings(lang="en", pivots=["de"], engine="ct2", cache_path=str(tmp_path / "c.sqlite3"))
    reports = []
    for folder in (tiny_ct2_models_dir, other):  # chosen by the environment, not by a setting
        monkeypatch.setenv("DRIFTCHECK_MODELS", str(folder))
        reports.append(check_data([str(doc)], settings))
    assert [r["signature"]["models_dir"] for r in reports] == [str(tiny_ct2_models_dir), str(other)]
    assert reports[1]["segments"] == reports[0]["segments"]  # same models, same translations


@pytest.mark.parametrize("engine", ["ct2", "marian"])
def test_progress_climbs_batch_by_batch_to_the_total(tiny_ct2_models_dir: Path, engine: str) -> None:
    eng = create(engine, EngineOptions(models_dir=str(tiny_ct2_models_dir), threads=2, max_batch_tokens=60))
    seen: list[tuple[str, int, int]] = []
    eng.translate(EN, "en", "de", lambda d, done, total: seen.append((d, done, total)))
    assert {d for d, _, _ in seen} == {"en\u2192de"} and {t for _, _, t in seen} == {len(EN)}
    done = [n for _, n, _ in seen]
    assert done[0] == 0 and done[-1] == len(EN) and done == sorted(done) and len(done) > 2


def test_the_cache_hands_progress_to_the_engine_for_the_misses(
    tiny_ct2_models_dir: Path, tmp_path: Path
) -> None:
    from pipeline.engines.cache import TranslationCache
    from pipeline.engines.cached_engine import CachedEngine

    cached = CachedEngine(ct2(tiny_ct2_models_dir), TranslationCache(tmp_path / "c.sqlite3"))
    cached.translate(EN[:4], "en", "de")
    seen: list[tuple[str, int, int]] = []
    cached.translate(
        EN[:6], "en", "de", lambda d, done, total: seen.append((d, done, total))
    )  # 4 hits, 2 misses
    assert seen[-1] == ("en\u2192de", 2, 2)


def test_a_process_given_one_cpu_runs_one_translator_on_one_thread(tiny_ct2_models_dir: Path) -> None:
    """A Ray actor declares the one CPU Ray gave it (pipeline/machine.py): CTranslate2 then runs
    one batch at a time on one thread, and translates the same."""
    from pipeline import machine

    try:
        machine.set_cpus(1)
        alone = ct2(tiny_ct2_models_dir, "float32")
        assert alone._load("en", "de").translator.num_translators == 1
        out = alone.translate(EN[:3], "en", "de").texts
    finally:
        machine.set_cpus(None)
    assert out == ct2(tiny_ct2_models_dir, "float32", threads=1).translate(EN[:3], "en", "de").texts


@pytest.mark.parametrize(
    ("engine", "damage", "message"),
    [
        ("ct2", ("opus-mt-en-de-ct2", "source.spm", b""), "/opus-mt-en-de-ct2/source.spm: "),
        ("ct2", ("opus-mt-en-de-ct2", "target.spm", b"garbage\n"), "/opus-mt-en-de-ct2/target.spm: "),
        ("marian", ("opus-mt-en-de", "vocab.json", None), "/opus-mt-en-de has no vocab.json: "),
    ],
)
def test_a_damaged_model_folder_is_one_line_naming_it(
    tiny_models_dir: Path, tiny_ct2_models_dir: Path, tmp_path: Path, engine: str, damage: Any, message: str
) -> None:
    """An empty or garbled SentencePiece model, or a missing vocabulary, was "internal error:
    RuntimeError: INTERNAL: unk is not defined" (or a TypeError): a bug, not the folder to fix."""
    import shutil

    from tests.conftest import run_cli

    models = tmp_path / "models"
    shutil.copytree(tiny_ct2_models_dir if engine == "ct2" else tiny_models_dir, models)
    folder, name, data = damage
    if data is None:
        (models / folder / name).unlink()
    else:
        (models / folder / name).write_bytes(data)
    (tmp_path / "a.en.txt").write_text(EN[0] + "\n", encoding="utf-8")
    args = ("check", "a.en.txt", "--engine", engine, "--models-dir", str(models), "--pivot", "de")
    r = run_cli(*args, "--no-semantic", "--no-cache", "-o", "r.json", cwd=tmp_path)
    assert r.code == 2 and r.stderr.count("\n") == 1 and "internal error" not in r.stderr, r.stderr
    assert message in r.stderr and not (tmp_path / "r.json").exists()


def test_a_model_from_a_later_ctranslate2_is_named_in_the_librarys_whole_line(
    tiny_ct2_models_dir: Path, tmp_path: Path
) -> None:
    """CTranslate2's line was cut at 200 characters, mid-word: "…the model was generated by a la"."""
    import shutil

    from tests.conftest import run_cli

    models = tmp_path / "models"
    shutil.copytree(tiny_ct2_models_dir, models)
    weights = models / "opus-mt-en-de-ct2" / "model.bin"
    data = bytearray(weights.read_bytes())
    data[:4] = (99).to_bytes(4, "little")  # the binary version a later CTranslate2 writes
    weights.write_bytes(bytes(data))
    (tmp_path / "a.en.txt").write_text(EN[0] + "\n", encoding="utf-8")
    args = ("check", "a.en.txt", "--engine", "ct2", "--device", "cpu", "--models-dir", str(models))
    r = run_cli(*args, "--pivot", "de", "--no-semantic", "--no-cache", cwd=tmp_path)
    assert (r.code, r.stderr) == (
        2,
        f"driftcheck: error: cannot load {models / 'opus-mt-en-de-ct2'} on cpu (int8): Unsupported model "
        "binary version. This executable supports models with binary version v6 or below, but the model "
        "has binary version v99. This usually means that the model was generated by a later version of "
        "CTranslate2. (Forward compatibility is not guaranteed.)\n",
    )


def test_a_library_line_too_long_to_keep_is_cut_between_words() -> None:
    from pipeline.errors import first_line

    said = first_line(RuntimeError("unsupported " * 40 + "\nsecond line"))
    assert said == ("unsupported " * 33).strip() + "…"
    assert first_line(RuntimeError("x" * 500)) == "x" * 400 + "…"


def test_beside_an_opus_mt_folder_the_ct2_engine_says_to_convert_it(
    tiny_models_dir: Path, tmp_path: Path
) -> None:
    """With opus-mt-en-de there, `--engine ct2` still said to run `models pull en-de` first."""
    from tests.conftest import run_cli

    (tmp_path / "a.en.txt").write_text(EN[0] + "\n", encoding="utf-8")
    args = ("check", "a.en.txt", "--engine", "ct2", "--models-dir", str(tiny_models_dir), "--pivot", "de")
    r = run_cli(*args, "--no-semantic", "--no-cache", cwd=tmp_path)
    assert (r.code, r.stderr) == (
        2,
        "driftcheck: error: engine 'ct2' cannot translate en->de, directly or through a pivot: run "
        f"`driftcheck models convert en-de` (creates {tiny_models_dir / 'opus-mt-en-de-ct2'}), "
        "or use --engine marian\n",
    )
