"""`driftcheck cache stats|clear`: text and JSON, the environment variable, a broken cache, help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli.cache import cache_app
from pipeline.engines.cache import TranslationCache
from pipeline.engines.cache_path import ENV_CACHE, FILENAME
from tests.conftest import run_cli
from tests.engines.reverser import run_once


def test_cli_stats_clear(cache_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cache_app, ["stats", "--cache", str(cache_path)])
    assert missing.exit_code == 0 and "entries: 0" in missing.output
    assert not cache_path.exists()  # looking does not create a cache

    run_once(cache_path, ["a", "b", "c"])
    run_once(cache_path, ["a"], src="es", tgt="en")
    with TranslationCache(cache_path) as cache:  # what a source-aware run keeps per segment
        cache.put_derived("rows:x", [(b"k1", b"d1"), (b"k2", b"d2")])
    text = runner.invoke(cache_app, ["stats", "--cache", str(cache_path)])
    assert text.exit_code == 0, text.output
    assert str(cache_path) in text.output and "entries: 3" not in text.output and "entries: 4" in text.output
    assert "en->es" in text.output and "revision=r1" in text.output and "derived: 2" in text.output

    js = runner.invoke(cache_app, ["stats", "--json", "--cache", str(cache_path)])
    data = json.loads(js.output)
    assert data["entries"] == 4 and data["derived"] == 2 and data["path"] == str(cache_path)
    per_direction = {(n["src"], n["tgt"]): n["entries"] for n in data["namespaces"]}
    assert per_direction == {("en", "es"): 3, ("es", "en"): 1}

    cleared = runner.invoke(cache_app, ["clear", "--cache", str(cache_path)])
    assert cleared.exit_code == 0 and "removed 4 cached translations" in cleared.output
    again = runner.invoke(cache_app, ["stats", "--json", "--cache", str(cache_path)])
    assert json.loads(again.output)["entries"] == 0 and json.loads(again.output)["derived"] == 0


def test_cli_reads_the_environment_variable(tmp_path: Path) -> None:
    run_once(tmp_path / FILENAME, ["a", "b"])
    result = CliRunner().invoke(cache_app, ["stats", "--json"], env={ENV_CACHE: str(tmp_path)})
    assert json.loads(result.output)["entries"] == 2


def test_cli_broken_cache_is_one_error_line_and_exit_2(cache_path: Path) -> None:
    """One `driftcheck: error:` line like every other error (the cache commands said `error:`)."""
    cache_path.parent.mkdir(parents=True)
    cache_path.write_bytes(b"garbage" * 1000)
    for args in (["stats"], ["clear"]):
        result = run_cli("cache", *args, "--cache", str(cache_path))
        assert result.code == 2
        assert result.stderr.startswith("driftcheck: error: the translation cache"), result.stderr
        assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert cache_path.read_bytes() == b"garbage" * 1000


def test_cli_an_empty_file_is_an_empty_cache_and_stays_empty(tmp_path: Path) -> None:
    """`cache stats` turned an empty file into a 24 KB SQLite cache (a command that only looks)."""
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    result = run_cli("cache", "stats", "--json", "--cache", str(empty))
    assert result.code == 0 and json.loads(result.stdout)["entries"] == 0
    assert run_cli("cache", "clear", "--cache", str(empty)).code == 0
    assert empty.read_bytes() == b""


@pytest.mark.parametrize("command", ["stats", "clear"])
def test_cli_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cache_app, [command, "--help"])
    assert result.exit_code == 0 and "--cache" in result.output
    assert cache_app.registered_commands and all(c.callback.__doc__ for c in cache_app.registered_commands)


def _contents(path: Path) -> tuple[object, ...]:
    import sqlite3

    with sqlite3.connect(path) as db:
        names = [
            r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        rows = tuple(db.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names)
        return db.execute("PRAGMA user_version").fetchone()[0], names, rows


def test_a_newer_driftchecks_cache_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    """Any layout but this version's and the one before was taken for an older one and dropped: a
    later driftcheck's cache (two versions sharing one file) was emptied, even by `cache stats`."""
    import sqlite3

    (tmp_path / "o.es.txt").write_text("El puente es grande.\n", "utf-8")
    (tmp_path / "c.en.txt").write_text("The bridge is big.\n", "utf-8")
    cache = tmp_path / "v.sqlite"
    run = ("check", "c.en.txt", "--source", "o.es.txt", "-l", "en", "-s", "es", "--engine", "apertium")
    first = run_cli(*run, "--no-semantic", "--cache", str(cache), "-f", "json", "-o", "r.json", cwd=tmp_path)
    assert first.code == 0, first.stderr
    with sqlite3.connect(cache) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA user_version = 99")
    before = _contents(cache)
    for args in (
        ("cache", "stats", "--cache", str(cache)),
        ("cache", "clear", "--cache", str(cache)),
        (*run, "--no-semantic", "--cache", str(cache), "-f", "json", "-o", "r2.json"),
    ):
        r = run_cli(*args, cwd=tmp_path)
        assert (
            r.code == 2 and "a translation cache of a newer driftcheck (layout 99; this one reads" in r.stderr
        ), (args, r.stderr)
        assert r.stderr.count("\n") == 1
    assert _contents(cache) == before and not (tmp_path / "r2.json").exists()


def test_another_apertium_data_folder_is_not_answered_from_the_cache(tmp_path: Path) -> None:
    """The cache keyed Apertium on its package versions and mode name only: a run with another
    APERTIUM_DATADIR (a local build, an edited mode) got the old translations and the old report."""
    import shutil

    (tmp_path / "o.es.txt").write_text("El puente se abrió en 1932.\n", "utf-8")
    (tmp_path / "c.en.txt").write_text("The bridge opened in 1932.\n", "utf-8")
    data = tmp_path / "data"
    shutil.copytree("/usr/share/apertium/modes", data / "modes")
    mode = data / "modes" / "spa-eng.mode"
    mode.write_text(mode.read_text("utf-8").rstrip("\n") + " | sed 's/bridge/footbridge/'\n", "utf-8")
    run = (
        "check",
        "c.en.txt",
        "--source",
        "o.es.txt",
        "-l",
        "en",
        "-s",
        "es",
        "--engine",
        "apertium",
        "--no-semantic",
    )
    cache = ("--cache", str(tmp_path / "c.sqlite"), "-f", "json")
    assert run_cli(*run, *cache, "-o", "a.json", cwd=tmp_path).code == 0
    other = run_cli(*run, *cache, "-o", "b.json", cwd=tmp_path, env={"APERTIUM_DATADIR": str(data)})
    assert other.code == 0, other.stderr

    def forward(name: str) -> str:
        return str(json.loads((tmp_path / name).read_text("utf-8"))["segments"][0]["comparison"]["forward"])

    assert forward("a.json") == "The bridge opened in 1932."
    assert forward("b.json") == "The footbridge opened in 1932."


def test_an_apertium_pair_rebuilt_in_place_is_not_answered_from_the_cache(tmp_path: Path) -> None:
    """The signature held the mode file's digest only: a pair rebuilt under the same paths (new
    dictionaries, the mode file unchanged) was answered from the cache with the old translations."""
    import shutil

    (tmp_path / "o.es.txt").write_text("El color del puente es gris.\n", "utf-8")
    (tmp_path / "c.en.txt").write_text("The colour of the bridge is grey.\n", "utf-8")
    system = "/usr/share/apertium/apertium-eng-spa"
    data = tmp_path / "data"
    shutil.copytree(system, data / "apertium-eng-spa")
    (data / "modes").mkdir()
    for name in ("spa-eng", "eng-spa"):
        text = Path(f"/usr/share/apertium/modes/{name}.mode").read_text("utf-8")
        (data / "modes" / f"{name}.mode").write_text(text.replace(system, str(data / "apertium-eng-spa")))
    run = ("check", "c.en.txt", "--source", "o.es.txt", "-l", "en", "-s", "es", "--engine", "apertium")
    opts = ("--no-semantic", "--no-morph", "--cache", str(tmp_path / "c.sqlite"), "-f", "json")
    env = {"APERTIUM_DATADIR": str(data)}
    assert run_cli(*run, *opts, "-o", "a.json", cwd=tmp_path, env=env).code == 0
    generator = data / "apertium-eng-spa" / "spa-eng.autogen.bin"  # rebuilt: US spelling
    generator.write_bytes((data / "apertium-eng-spa" / "spa-eng_US.autogen.bin").read_bytes())
    assert run_cli(*run, *opts, "-o", "b.json", cwd=tmp_path, env=env).code == 0

    def forward(name: str) -> str:
        return str(json.loads((tmp_path / name).read_text("utf-8"))["segments"][0]["comparison"]["forward"])

    assert forward("a.json") == "The colour of the bridge is grey."
    assert forward("b.json") == "The color of the bridge is gray."


def test_cache_and_models_commands_use_the_config_check_uses(tmp_path: Path) -> None:
    """`cache clear` ignored the config's cache_path and emptied the user's cache instead (with
    $DRIFTCHECK_CACHE, that one); `models path` ignored its models_dir."""
    (tmp_path / "c.en.txt").write_text("The bridge opened in 1932.\n", "utf-8")
    (tmp_path / "driftcheck.toml").write_text(
        'engine = "apertium"\ncache_path = "project.sqlite3"\nmodels_dir = "/opt/team-models"\nsemantic = false\n'
    )
    user = tmp_path / "user.sqlite3"
    env = {"DRIFTCHECK_CACHE": str(user)}
    assert run_cli("check", "c.en.txt", "-f", "json", "-o", "a.json", cwd=tmp_path, env=env).code == 0
    assert (
        run_cli("check", "c.en.txt", "--cache", str(user), "-f", "json", "-o", "b.json", cwd=tmp_path).code
        == 0
    )
    before = _contents(user)
    r = run_cli("cache", "clear", cwd=tmp_path, env=env)
    assert r.code == 0 and r.stdout == "removed 2 cached translations from project.sqlite3\n", r.stdout
    assert _contents(user) == before  # the other cache is left as it was
    stats = json.loads(run_cli("cache", "stats", "--json", cwd=tmp_path, env=env).stdout)
    assert stats["entries"] == 0 and stats["path"] == "project.sqlite3"
    path = run_cli("models", "path", "en-de", "--kind", "marian", cwd=tmp_path)
    assert path.code == 2 and "no marian model for en-de at /opt/team-models/opus-mt-en-de:" in path.stderr


def test_a_cache_that_cannot_be_written_is_not_called_damaged(tmp_path: Path) -> None:
    """Every SQLite error said "delete that file": a full disk, /dev/null or a folder that cannot
    be written too, where the file (if any) is healthy."""
    (tmp_path / "c.en.txt").write_text("The bridge opened in 1932.\n", "utf-8")
    args = ("check", "c.en.txt", "--engine", "apertium", "--pivot", "es", "--no-semantic", "-f", "json")
    r = run_cli(*args, "--cache", "/dev/null", "-o", "r.json", cwd=tmp_path)
    assert r.code == 2 and r.stderr.count("\n") == 1 and not (tmp_path / "r.json").exists()
    assert "/dev/null cannot be opened or written here" in r.stderr and "delete" not in r.stderr
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    r = run_cli(*args, "--cache", str(damaged), "-o", "r.json", cwd=tmp_path)
    assert r.code == 2 and "the file is damaged: delete it" in r.stderr, r.stderr
    # a document given as the cache is no damaged cache: it was "the file is damaged: delete it"
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", "utf-8")
    r = run_cli(*args, "--cache", "notes.txt", "-o", "r.json", cwd=tmp_path)
    assert r.code == 2 and r.stderr == (
        "driftcheck: error: the translation cache notes.txt is unusable (file is not a database): it is no "
        "SQLite database, so no cache (another file?): pass another --cache PATH, or run with --no-cache\n"
    )
    assert notes.read_text("utf-8") == "my notes\n" and not (tmp_path / "r.json").exists()


def test_cache_path_on_the_command_line_wins_and_a_trailing_slash_is_a_folder(tmp_path: Path) -> None:
    """`--cache PATH` beside a config's `cache = false` was ignored without a word, and `--cache
    newdir/` made an SQLite file named `newdir`."""
    (tmp_path / "a.en.txt").write_text("The bridge opened in 1932.\n", "utf-8")
    (tmp_path / "driftcheck.toml").write_text("cache = false\nsemantic = false\n", "utf-8")
    args = ("check", "a.en.txt", "--engine", "apertium", "--pivot", "es", "-f", "json", "-o", "r.json")
    r = run_cli(*args, "--cache", "newdir/", cwd=tmp_path)
    assert r.code == 0, r.stderr
    assert (tmp_path / "newdir").is_dir() and (tmp_path / "newdir" / "translations.sqlite3").is_file()


@pytest.mark.parametrize(("layout", "what"), [(2, "starts it over"), (3, "keeps its entries")])
def test_stats_leaves_an_older_driftchecks_cache_as_it_is(tmp_path: Path, layout: int, what: str) -> None:
    """`cache stats` opened an older layout read-write, which upgrades it: layouts 1 and 2 came
    out empty ("entries: 0" printed for a cache that held translations), layout 3 was rewritten
    for this version, which an older driftcheck sharing the file then refused as newer."""
    import sqlite3

    path = tmp_path / "c.sqlite"
    with TranslationCache(path) as tc:
        tc.put_many("apertium", "en", "es", [("Hello.", "Hola.")])
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {layout}")
    db.close()
    before = path.read_bytes()
    r = run_cli("cache", "stats", "--cache", str(path))
    assert (r.code, r.stderr) == (
        2,
        f"driftcheck: error: {path} is a translation cache of an older driftcheck (layout {layout}; this one "
        f"reads 4): left as it is; the next `driftcheck check` with it upgrades it ({what})\n",
    )
    assert path.read_bytes() == before
