"""The marian engine on a tiny real MarianMT model: real sentencepiece files, real
`from_pretrained`, real `generate`. The weights are random, so outputs are gibberish, but
they are deterministic and depend on the input, which is all these tests need.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tiny_marian import ENGLISH

from pipeline.engines import EngineOptions, create
from pipeline.engines.marian import MarianEngine
from pipeline.errors import ModelNotFoundError

pytest_plugins = ["conftest_marian"]  # tiny model fixtures, built once per session
pytestmark = pytest.mark.requires_marian

SENTENCES = [
    "Police raided a camp.",
    "The weather was cold and rainy, and the roads were closed for hours.",
    "Hello",
    "Prices rose by three percent last year.",
    "Police raided a camp.",
    "Children played in the park while their parents talked about the news.",
]
LONG = " ".join(ENGLISH.split("\n")) * 3  # several hundred tokens, over the 512-position model's safe length


def engine(models_dir: Path, **options: Any) -> MarianEngine:
    made = create("marian", EngineOptions(models_dir=str(models_dir), **options))
    assert isinstance(made, MarianEngine)
    return made


def spy_generate(eng: MarianEngine, src: str, tgt: str) -> list[tuple[int, int]]:
    """Record (batch size, input length) of every generate() call on the loaded model."""
    loaded = eng._load(src, tgt)
    calls: list[tuple[int, int]] = []
    real = loaded.model.generate

    def generate(**kwargs: Any) -> Any:
        calls.append(tuple(kwargs["input_ids"].shape))
        return real(**kwargs)

    loaded.model.generate = generate
    return calls


def test_loads_the_local_folder_and_records_it_in_the_signature(tiny_models_dir: Path) -> None:
    eng = engine(tiny_models_dir)
    out = eng.translate(["Police raided a camp."], "en", "de").texts
    assert len(out) == 1 and out[0].strip()
    model = eng.signature()["models"]["en-de"]  # type: ignore[index]
    assert model["path"] == str((tiny_models_dir / "opus-mt-en-de").resolve())
    assert model["source"] == "local"
    assert eng.signature()["beam"] == 1
    assert eng.supports("en", "de") and eng.supports("de", "en")
    assert ("en", "de") in eng.directions()


def test_batched_output_equals_one_by_one_in_input_order(tiny_models_dir: Path) -> None:
    eng = engine(tiny_models_dir)
    calls = spy_generate(eng, "en", "de")
    batch = eng.translate([*SENTENCES, ""], "en", "de").texts
    assert calls == [(5, max(c[1] for c in calls))]  # one generate call for 5 distinct texts
    alone = [eng.translate([s], "en", "de").texts[0] for s in SENTENCES]
    assert batch[:-1] == alone
    assert batch[-1] == ""  # empty input: empty output, no model call
    assert batch[0] == batch[4]  # duplicates translated once, answered twice
    assert len(set(batch[:-1])) >= 4  # outputs depend on the input, so order is really checked


def test_token_budget_splits_batches_longest_first(tiny_models_dir: Path) -> None:
    eng = engine(tiny_models_dir, max_batch_tokens=40)
    calls = spy_generate(eng, "en", "de")
    small_batches = eng.translate(SENTENCES, "en", "de").texts
    assert len(calls) > 1
    assert all(size * length <= 40 or size == 1 for size, length in calls)
    lengths = [length for _, length in calls]
    assert lengths == sorted(lengths, reverse=True)
    assert small_batches == engine(tiny_models_dir).translate(SENTENCES, "en", "de").texts


def test_beam_option_is_used_and_recorded(tiny_models_dir: Path) -> None:
    eng = engine(tiny_models_dir, beam=3)
    out = eng.translate(SENTENCES[:3], "en", "de").texts
    assert len(out) == 3 and all(isinstance(o, str) for o in out)
    assert eng.signature()["beam"] == 3
    assert eng.direction_signature("en", "de")["beam"] == 3


def test_long_input_is_split_not_crashed_or_truncated(tiny_models_dir: Path) -> None:
    eng = engine(tiny_models_dir)
    tokenizer = eng._load("en", "de").tokenizer
    assert len(tokenizer(LONG)["input_ids"]) > 512  # would crash the model unsplit
    calls = spy_generate(eng, "en", "de")
    done = eng.translate(["Hello", LONG, "Police raided a camp."], "en", "de")
    out = done.texts
    assert len(out) == 3 and out[1].strip()
    assert done.split == {1}
    assert max(length for _, length in calls) <= 256
    alone = eng.translate(["Hello"], "en", "de")
    assert out[0] == alone.texts[0] and alone.split == set()


def test_keeps_transformers_noise_off_the_terminal(
    tiny_models_dir: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    eng = engine(tiny_models_dir)
    eng.translate(["Police raided a camp.", LONG], "de", "en")
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_direction_signature_changes_with_the_model_without_loading_it(
    tmp_path: Path, tiny_models_dir: Path
) -> None:
    shutil.copytree(tiny_models_dir / "opus-mt-en-de", tmp_path / "opus-mt-en-de")
    eng = engine(tmp_path)
    before = eng.direction_signature("en", "de")
    assert eng._loaded == {}  # the cache key never loads a model
    assert before["model"] == "opus-mt-en-de" and before["engine"] == "marian"
    shutil.rmtree(tmp_path / "opus-mt-en-de")
    # other weights in the same place
    shutil.copytree(tiny_models_dir / "opus-mt-de-en", tmp_path / "opus-mt-en-de")
    assert eng.direction_signature("en", "de")["fingerprint"] != before["fingerprint"]
    assert engine(tmp_path, beam=2).direction_signature("en", "de") != eng.direction_signature("en", "de")


def test_direction_signature_changes_with_the_tokenizer(tmp_path: Path, tiny_models_dir: Path) -> None:
    """The fingerprint read the configs and the weights only: a vocabulary or SentencePiece model
    replaced under the same weights kept it, and the cache answered with the old translations."""
    import json

    shutil.copytree(tiny_models_dir / "opus-mt-en-de", tmp_path / "opus-mt-en-de")
    before = engine(tmp_path).direction_signature("en", "de")["fingerprint"]
    vocab_file = tmp_path / "opus-mt-en-de" / "vocab.json"
    vocab = json.loads(vocab_file.read_text("utf-8"))
    (a, ia), (b, ib) = list(vocab.items())[-2:]
    vocab[a], vocab[b] = ib, ia  # two pieces trade ids: another tokenizer, the same weights
    vocab_file.write_text(json.dumps(vocab), "utf-8")
    assert engine(tmp_path).direction_signature("en", "de")["fingerprint"] != before


@pytest.mark.parametrize(
    "env",
    [{"HF_HUB_OFFLINE": "1"}, {"HF_HUB_OFFLINE": "", "HF_ENDPOINT": "http://127.0.0.1:9"}],
    ids=["offline", "hub-unreachable"],
)
def test_missing_model_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    eng = engine(tmp_path)
    with pytest.raises(ModelNotFoundError) as info:
        eng.translate(["Hello"], "xx", "yy")  # a direction no HF cache anywhere holds
    message = str(info.value)
    assert "\n" not in message
    assert "Helsinki-NLP/opus-mt-xx-yy" in message
    assert str(tmp_path / "opus-mt-xx-yy") in message
    assert "driftcheck models pull xx-yy" in message
    assert ("offline mode" if env["HF_HUB_OFFLINE"] else "is unreachable") in message


def test_missing_model_fails_before_importing_torch(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pipeline.engines import EngineOptions, create\n"
        "from pipeline.errors import ModelNotFoundError\n"
        f"engine = create('marian', EngineOptions(models_dir={str(tmp_path)!r}))\n"
        "try:\n"
        "    engine.translate(['Hello'], 'xx', 'yy')\n"
        "except ModelNotFoundError:\n"
        "    print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def partial_hf_cache(hf_home: Path, tiny_models_dir: Path, hub_id: str, files: tuple[str, ...]) -> Path:
    """A Hugging Face cache entry of `hub_id` holding `files` of the tiny en-de model (a download
    cut short); returns its snapshot folder."""
    repo = hf_home / "hub" / f"models--{hub_id.replace('/', '--')}"
    commit = "0123456789abcdef0123456789abcdef01234567"
    snapshot = repo / "snapshots" / commit
    snapshot.mkdir(parents=True)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit, encoding="utf-8")
    for name in files:
        shutil.copy(tiny_models_dir / "opus-mt-en-de" / name, snapshot / name)
    return snapshot


NO_WEIGHTS = ("config.json", "source.spm", "target.spm", "vocab.json", "tokenizer_config.json")


@pytest.mark.requires_apertium
@pytest.mark.parametrize("files", [("config.json",), NO_WEIGHTS], ids=["config-alone", "no-weights"])
def test_auto_passes_over_a_model_the_hf_cache_holds_in_part(
    tmp_path: Path, tiny_models_dir: Path, files: tuple[str, ...]
) -> None:
    """A cache entry with config.json counted as the model: offline `auto` chose it for en->fr over
    Apertium's en->es->fr and failed ("TypeError: expected str, … not NoneType", exit 2)."""
    import json

    from pipeline.engines.apertium import installed_modes
    from tests.conftest import run_cli

    if not {("es", "fr"), ("fr", "es")} <= set(installed_modes()):
        pytest.skip("needs Apertium's fr-es pair (apt-get install apertium-fr-es)")
    partial_hf_cache(tmp_path / "hf", tiny_models_dir, "Helsinki-NLP/opus-mt-en-fr", files)
    (tmp_path / "a.en.txt").write_text("The bridge will open in May.\n", encoding="utf-8")
    args = ("check", "a.en.txt", "--pivot", "fr", "--models-dir", str(tmp_path / "models"), "-o", "r.json")
    r = run_cli(*args, "--no-cache", "--no-semantic", cwd=tmp_path, env={"HF_HOME": str(tmp_path / "hf")})
    assert (r.code, r.stderr) == (0, "")
    hops = json.loads((tmp_path / "r.json").read_text("utf-8"))["signature"]["engine"]["directions"]
    assert {hop: sig["engine"] for hop, sig in hops.items()} == dict.fromkeys(
        ("en-es", "es-fr", "fr-es", "es-en"), "apertium"
    )


def test_marian_named_says_what_the_hf_cache_lacks(tmp_path: Path, tiny_models_dir: Path) -> None:
    from tests.conftest import run_cli

    snapshot = partial_hf_cache(tmp_path / "hf", tiny_models_dir, "Helsinki-NLP/opus-mt-en-fr", NO_WEIGHTS)
    (tmp_path / "a.en.txt").write_text("The bridge will open in May.\n", encoding="utf-8")
    models = tmp_path / "models"
    args = ("check", "a.en.txt", "--pivot", "fr", "--engine", "marian", "--models-dir", str(models))
    r = run_cli(*args, "--no-cache", "--no-semantic", cwd=tmp_path, env={"HF_HOME": str(tmp_path / "hf")})
    assert (r.code, r.stderr) == (
        2,
        "driftcheck: error: MarianMT model Helsinki-NLP/opus-mt-en-fr for en-fr is neither in "
        f"{models / 'opus-mt-en-fr'} nor downloadable (its entry in the Hugging Face cache, {snapshot}, "
        "lacks model.safetensors (or pytorch_model.bin)): offline mode is on (HF_HUB_OFFLINE); run "
        "`driftcheck models pull en-fr` (add `driftcheck models convert en-fr` for the ct2 engine), or put "
        f"an opus-mt folder at {models / 'opus-mt-en-fr'}\n",
    )


PULL_AGAIN = "download it again (driftcheck models pull en-de --force)"
MOVE_AWAY = "move it away and download it again (driftcheck models pull en-de)"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("source.spm", b"", "cannot load {f}/source.spm: INTERNAL: unk is not defined; " + PULL_AGAIN),
        ("vocab.json", None, "the MarianMT folder {f} has no vocab.json: " + PULL_AGAIN),
        (
            "vocab.json",
            b"{x",
            "cannot load {f}/vocab.json: Expecting property name enclosed in double quotes: "
            "line 1 column 2 (char 1); " + PULL_AGAIN,
        ),
        ("target.spm", None, "the MarianMT folder {f} has no target.spm: " + PULL_AGAIN),
        (
            "model.safetensors",
            None,
            "the MarianMT folder {f} has no model.safetensors (or pytorch_model.bin): " + MOVE_AWAY,
        ),
        ("source.spm", None, "the MarianMT folder {f} has no source.spm: " + MOVE_AWAY),
        (
            "model.safetensors",
            (5000).to_bytes(8, "little") + b"{" * 100,  # cut short: its header is 5000 bytes
            "cannot load MarianMT model {f}: SafetensorError: Error while deserializing header: "
            "invalid header length; " + PULL_AGAIN,
        ),
    ],
    ids=[
        "empty-source-spm",
        "no-vocab",
        "garbled-vocab",
        "no-target-spm",
        "no-weights",
        "no-source-spm",
        "truncated-weights",
    ],
)
def test_a_damaged_folder_is_one_line_naming_the_file_and_how_to_redo_it(
    tmp_path: Path, tiny_models_dir: Path, name: str, data: bytes | None, message: str
) -> None:
    """Each was a library's words ("unk is not defined", "TypeError: expected str, … not NoneType",
    "Either model_file or model_proto must be specified"), or, without weights or source.spm, that
    the model was "neither in" the folder that is there "nor downloadable"."""
    from tests.conftest import run_cli

    models = tmp_path / "models"
    shutil.copytree(tiny_models_dir, models)
    damaged = models / "opus-mt-en-de" / name
    if data is None:
        damaged.unlink()
    else:
        damaged.write_bytes(data)
    (tmp_path / "a.en.txt").write_text("Police raided a camp.\n", encoding="utf-8")
    args = ("check", "a.en.txt", "--engine", "marian", "--pivot", "de", "--models-dir", str(models))
    r = run_cli(*args, "--no-cache", "--no-semantic", "-o", "r.json", cwd=tmp_path)
    expected = message.format(f=models / "opus-mt-en-de")
    assert (r.code, r.stderr) == (2, f"driftcheck: error: {expected}\n")
    assert not (tmp_path / "r.json").exists()


def shift_vocabulary(folder: Path) -> None:
    """vocab.json with its pieces' ids moved 400 up, past the weights' 431 embeddings."""
    import json

    vocab = json.loads((folder / "vocab.json").read_text("utf-8"))
    shifted = {piece: i + 400 if i > 5 else i for piece, i in vocab.items()}
    (folder / "vocab.json").write_text(json.dumps(shifted), "utf-8")


def put_t5_in(folder: Path) -> None:
    """A tiny T5 model (100 embeddings) written over the Marian model, its tokenizer files kept."""
    import torch
    from transformers import T5Config, T5ForConditionalGeneration

    from pipeline.engines.marian import _quiet

    torch.manual_seed(0)
    config = T5Config(vocab_size=100, d_model=16, d_ff=32, num_layers=1, num_heads=2, d_kv=8)
    config.decoder_start_token_id = 0  # as t5-small's config.json says
    with _quiet():
        T5ForConditionalGeneration(config).save_pretrained(folder)


@pytest.mark.parametrize(
    ("damage", "ids"),
    [
        (shift_vocabulary, "ids up to 830, the model 431"),
        (put_t5_in, "ids up to 430, the model 100"),
    ],
    ids=["vocabulary-past-the-weights", "t5-model"],
)
def test_a_tokenizer_that_does_not_match_the_weights_is_one_line(
    tmp_path: Path, tiny_models_dir: Path, damage: Any, ids: str
) -> None:
    """It was "driftcheck: internal error: IndexError: index out of range in self", at the first
    translation."""
    from tests.conftest import run_cli

    models = tmp_path / "models"
    shutil.copytree(tiny_models_dir, models)
    damage(models / "opus-mt-en-de")
    (tmp_path / "a.en.txt").write_text("Police raided a camp.\n", encoding="utf-8")
    args = ("check", "a.en.txt", "--engine", "marian", "--pivot", "de", "--models-dir", str(models))
    r = run_cli(*args, "--no-cache", "--no-semantic", "-o", "r.json", cwd=tmp_path)
    assert (r.code, r.stderr) == (
        2,
        f"driftcheck: error: the tokenizer of {models / 'opus-mt-en-de'} does not match its weights (its "
        f"vocabulary has {ids} embeddings): download it again (driftcheck models pull en-de --force)\n",
    )
    assert not (tmp_path / "r.json").exists()
