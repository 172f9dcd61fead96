"""Outputs behave like a careful Unix tool: devices, FIFOs and /dev/stdout are written, never
replaced; a symlink's target is replaced and the link stays; no output may overwrite an input;
the format follows the suffix; output folders are never read back as inputs."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from pipeline.cli.output_plan import per_document_dests, plan_outputs
from pipeline.errors import OutputError, UsageError
from pipeline.output_checks import same_file_guard, writable_or_error
from pipeline.outputs import atomic_write
from tests.conftest import drop_file_permission_override, run_cli
from tests.report.conftest import SENTENCE


def check(work: Path, *args: str):  # type: ignore[no-untyped-def]
    """`driftcheck check` on a.txt with Apertium, the cache in the work folder (reruns reuse the report)."""
    return run_cli(
        "check", "a.txt", "--engine", "apertium", "--cache", str(work / "c.sqlite3"), *args, cwd=work
    )


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def docs_folder(work: Path, first: str, second: str) -> Path:
    """docs/ in the work folder with two documents: the sentence, and one with a number."""
    docs = work / "docs"
    docs.mkdir()
    (docs / first).write_text(SENTENCE)
    (docs / second).write_text("Engineers replaced 320 cables.\n")
    return docs


def null_node(folder: Path) -> Path:
    """A character device like /dev/null, made in a temp folder (never the real /dev)."""
    node = folder / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("mknod needs root (CI runs as root)")
    return node


# --- the plan: unit tests, no engine --------------------------------------------------------------

PLAN_CASES = [
    # (formats, formats given, output, expected plan)
    (["text"], False, None, [("text", None)]),
    (["text"], False, "r.json", [("text", None), ("json", "r.json")]),
    (["text"], False, "r.txt", [("text", "r.txt")]),
    (["text"], True, "r.txt", [("text", "r.txt")]),
    (["text"], False, "r.md", [("text", None), ("markdown", "r.md")]),
    (["text"], False, "r.junit.xml", [("text", None), ("junit", "r.junit.xml")]),
    (["text"], False, "r.sarif.json", [("text", None), ("sarif", "r.sarif.json")]),
    (["sarif"], True, "r.json", [("sarif", "r.json")]),
    (["json"], True, "/dev/null", [("json", "/dev/null")]),
    (["json"], True, "/dev/stdout", [("json", None)]),
    (["json"], True, "-", [("json", None)]),
    (["text", "json"], True, "r.json", [("text", None), ("json", "r.json")]),
    (["github"], True, "ann.txt", [("github", "ann.txt")]),
    (
        ["text"],
        False,
        "out/",
        [("text", None), ("json", "out/driftcheck.json"), ("html", "out/driftcheck.html")],
    ),
    (["json", "sarif"], True, "out", [("json", "out/driftcheck.json"), ("sarif", "out/driftcheck.sarif")]),
    # `-f github -o DIR/` was silently written to stdout, the folder ignored
    (["github"], True, "ann/", [("github", "ann/driftcheck.github.txt")]),
]


@pytest.mark.parametrize(
    ("formats", "given", "output", "expected"),
    [
        (["text"], False, None, [("text", None), ("github", None)]),
        (["text"], False, "r.json", [("text", None), ("json", "r.json"), ("github", None)]),
        # a report on stdout: the automatic annotations were appended to it (invalid JSON/SARIF)
        (["json"], True, None, [("json", None)]),
        (["sarif"], True, "-", [("sarif", None)]),
    ],
)
def test_github_actions_annotations_never_follow_a_report_on_stdout(
    formats: list[str], given: bool, output: str | None, expected: list[tuple[str, str | None]], work: Path
) -> None:
    assert plan_outputs(formats, output, given, github=True) == expected


@pytest.mark.parametrize(("formats", "given", "output", "expected"), PLAN_CASES)
def test_plan_follows_the_suffix(
    formats: list[str], given: bool, output: str | None, expected: list[tuple[str, str | None]], work: Path
) -> None:
    assert plan_outputs(formats, output, given) == expected


@pytest.mark.parametrize(
    ("formats", "given", "output", "message"),
    [
        (["sarif"], True, "x.html", "does not match"),
        (["text"], True, "x.json", "does not match"),
        (["junit"], True, "x.sarif.json", "does not match"),
        (["json", "html"], True, "y.html", "need --output DIR"),
        (["json", "html"], True, None, "need --output DIR"),
        (["text"], False, "x.foo", "cannot tell the report format"),
        (["text"], False, "/dev/null", "cannot tell the report format"),
        (["json", "github"], True, None, "github goes to stdout, which already carries the json report"),
        # the summary was dropped without a word: stdout carried the JSON alone
        (["text", "json"], True, None, "text goes to stdout, which already carries the json report"),
        (["sarif", "text"], True, "-", "text goes to stdout, which already carries the sarif report"),
    ],
)
def test_plan_errors(formats: list[str], given: bool, output: str | None, message: str, work: Path) -> None:
    with pytest.raises(UsageError, match=message):
        plan_outputs(formats, output, given)


def test_two_formats_and_an_existing_file_is_an_error_not_a_folder(work: Path) -> None:
    (work / "report").write_text("keep")
    with pytest.raises(UsageError, match="names a file"):
        plan_outputs(["json", "html"], "report", True)


def test_per_document_names_never_collide() -> None:
    plan: list[tuple[str, str | None]] = [("json", "out/driftcheck.json")]
    dests = per_document_dests(["a/x.txt", "b/x.txt", "x.txt-1", "driftcheck"], plan)
    names = [Path(d).name for _, d, _ in dests]
    assert len(set(names)) == 4 and "driftcheck.json" not in names


# --- writing: devices, FIFOs, descriptors, symlinks -----------------------------------------------


def test_a_device_node_is_written_not_replaced(tmp_path: Path) -> None:
    node = null_node(tmp_path)
    atomic_write(node, "{}\n")
    assert stat.S_ISCHR(os.stat(node).st_mode) and os.stat(node).st_rdev == os.makedev(1, 3)
    assert listing(tmp_path) == ["null"]


def test_a_fifo_is_written_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write(fifo, "hello\n")
    reader.join(10)
    assert got == [b"hello\n"] and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_symlink_is_followed_and_its_target_replaced(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    atomic_write(link, "new")
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to("sub/created.json")
    atomic_write(dangling, "x")
    assert dangling.is_symlink() and (tmp_path / "sub" / "created.json").read_text() == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling.json", "link.json", "real.json", "sub"]


def test_same_file_guard_sees_through_links_and_relative_paths(tmp_path: Path) -> None:
    a = tmp_path / "a.md"
    a.write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sym.md").symlink_to(a)
    os.link(a, tmp_path / "hard.md")
    gone = tmp_path / "gone" / ".." / "a.md"  # the kernel finds nothing there; the writer writes a.md
    for out in (a, tmp_path / "sub" / ".." / "a.md", gone, tmp_path / "sym.md", tmp_path / "hard.md"):
        with pytest.raises(OutputError, match="would overwrite the input"):
            same_file_guard([str(out)], [("input", str(a))])
    same_file_guard([str(tmp_path / "b.md"), "/dev/null"], [("input", str(a))])


def test_unwritable_outputs_are_named_before_any_work(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="is not a folder"):
        writable_or_error(blocker / "deeper" / "r.json")
    with pytest.raises(OutputError, match="is a folder"):
        writable_or_error(tmp_path)


# --- end to end ----------------------------------------------------------------------------------


@pytest.mark.requires_apertium
def test_device_fifo_and_stdout_through_the_cli(work: Path) -> None:
    node = null_node(work)
    r = check(work, "-f", "json", "-o", str(node))
    assert r.code == 0, r.stderr
    assert stat.S_ISCHR(os.stat(node).st_mode) and os.stat(node).st_rdev == os.makedev(1, 3)
    r = check(work, "-f", "json", "-o", "/dev/stdout")
    assert r.code == 0 and json.loads(r.stdout)["schema_version"] == 1, r.stderr
    fifo = work / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    r = check(work, "-f", "sarif", "-o", str(fifo))
    reader.join(30)
    assert r.code == 0 and json.loads(got[0])["version"] == "2.1.0" and stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.requires_apertium
@pytest.mark.parametrize(
    "args",
    [
        ("-o", "a.txt"),
        ("-f", "text", "-o", "./sub/../a.txt"),
        ("-o", "gone/../a.txt"),  # through a missing folder: it replaced the input, exit 0
        ("-f", "text", "-o", "x/y/../../a.txt"),
        ("-f", "json", "-o", "link.json"),
        ("-f", "json", "-o", "hard.json"),
    ],
)
def test_an_output_that_is_an_input_is_refused_before_any_work(work: Path, args: tuple[str, ...]) -> None:
    (work / "sub").mkdir()
    (work / "link.json").symlink_to("a.txt")
    os.link(work / "a.txt", work / "hard.json")
    before = listing(work)
    r = check(work, "--no-cache", *args)
    assert r.code == 2 and "would overwrite the input" in r.stderr, r.stderr
    assert r.stderr.count("\n") == 1 and "internal error" not in r.stderr
    assert (work / "a.txt").read_text() == SENTENCE and listing(work) == before


@pytest.mark.requires_apertium
def test_the_source_document_and_the_report_input_are_protected(work: Path) -> None:
    src = work / "a.es.txt"
    src.write_text("El puente reabrió el lunes.\n")
    r = check(work, "--source", "a.es.txt", "-s", "es", "-o", "a.es.txt")
    assert r.code == 2 and "would overwrite the source document" in r.stderr
    assert src.read_text() == "El puente reabrió el lunes.\n"
    r = check(work, "-f", "json", "-o", "r.json")
    assert r.code == 0, r.stderr
    saved = (work / "r.json").read_bytes()
    for args in (
        ("report", "r.json", "-f", "json", "-o", "r.json"),
        ("baseline", "create", "r.json", "-o", "r.json"),
        ("baseline", "create", "r.json", "-o", "gone/../r.json"),
    ):
        r = run_cli(*args, cwd=work)
        assert r.code == 2 and "would overwrite the input" in r.stderr, (args, r.stderr)
    assert (work / "r.json").read_bytes() == saved


@pytest.mark.requires_apertium
def test_a_per_document_output_that_is_an_input_is_refused(work: Path) -> None:
    docs = docs_folder(work, "a.md", "b.md")
    (docs / "a.md.json").write_text("Notes kept as JSON-named text.\n")  # an input under --include *.json
    r = run_cli(
        "check", "docs", "--include", "*.md", "--include", "*.json", "--engine", "apertium", "--no-cache",
        "-f", "json", "-o", "docs/", cwd=work,
    )  # fmt: skip
    assert r.code == 2 and "docs/a.md.json: the output would overwrite the input" in r.stderr, r.stderr
    assert listing(docs) == ["a.md", "a.md.json", "b.md"]


@pytest.mark.requires_apertium
def test_format_follows_the_suffix_end_to_end(work: Path) -> None:
    r = check(work, "-f", "sarif", "-o", "x.html")
    assert r.code == 2 and "does not match" in r.stderr and not (work / "x.html").exists()
    r = check(work, "-f", "json", "-f", "html", "-o", "y.html")
    assert r.code == 2 and not (work / "y.html").exists()
    r = check(work, "-o", "x.txt")
    assert r.code == 0 and r.stdout == "", r.stdout
    assert (work / "x.txt").read_text().startswith("driftcheck (roundtrip): 1 sentence in 1 document: ")
    r = check(work, "-o", "x.json")
    assert r.code == 0 and "written: x.json" in r.stdout
    r = run_cli("report", "x.json", "-f", "text", "-o", "again.txt", cwd=work)
    assert r.code == 0 and r.stdout == "" and "1 ok" in (work / "again.txt").read_text()
    r = run_cli("report", "x.json", "-o", "x.md", cwd=work)  # the format follows the suffix here too
    assert r.code == 0 and (work / "x.md").read_text().startswith("### driftcheck:")


@pytest.mark.requires_apertium
def test_output_folders_and_old_reports_are_not_read_back(work: Path) -> None:
    docs = docs_folder(work, "a.md", "b.txt")
    for _ in range(2):
        r = run_cli(
            "check", "docs", "--engine", "apertium", "--cache", str(work / "c.sqlite3"),
            "-f", "json", "-f", "markdown", "-o", "docs/reports", cwd=work,
        )  # fmt: skip
        assert r.code == 0, r.stderr
        data = json.loads((docs / "reports" / "driftcheck.json").read_text())
        assert sorted(Path(d["path"]).name for d in data["documents"]) == ["a.md", "b.txt"]
    (docs / "summary.md").write_text((docs / "reports" / "driftcheck.md").read_text())  # an old report
    r = run_cli("check", "docs", "--engine", "apertium", "--no-cache", "-f", "json", cwd=work)
    assert r.code == 0 and len(json.loads(r.stdout)["documents"]) == 2, r.stderr


@pytest.mark.requires_apertium
def test_unwritable_output_folder_and_file_parent_are_one_line(work: Path) -> None:
    (work / "file").write_text("x")
    r = check(work, "-f", "json", "-o", "file/r.json")
    assert r.code == 2 and "is not a folder" in r.stderr and "internal error" not in r.stderr
    assert r.stderr.count("\n") == 1
    # a read-only folder (root ignores permissions: the child drops that privilege)
    ro = work / "ro"
    ro.mkdir(mode=0o555)
    ro.chmod(0o555)
    try:
        r = run_cli(
            "check", "a.txt", "--engine", "apertium", "--no-cache", "-f", "json", "-o", "ro/r.json",
            cwd=work, preexec_fn=drop_file_permission_override if os.geteuid() == 0 else None,
        )  # fmt: skip
        assert r.code == 2 and "not writable" in r.stderr and "internal error" not in r.stderr, r.stderr
        assert listing(ro) == []
    finally:
        ro.chmod(0o755)


@pytest.mark.requires_apertium
def test_a_scanned_file_named_as_the_output_is_refused_not_replaced(work: Path) -> None:
    """`-o docs/b.txt` on a scan of docs/ named the user's b.txt as the report: it was left out of
    the inputs and replaced by the summary. Only driftcheck's own earlier reports are left out."""
    docs = docs_folder(work, "a.txt", "b.txt")
    (docs / "notes.md").write_text("# Notes\n\nKeep these.\n")
    before = {p.name: p.read_bytes() for p in docs.iterdir()}
    for target in ("docs/b.txt", "docs/notes.md"):
        r = run_cli("check", "docs", "--engine", "apertium", "--no-cache", "-o", target, cwd=work)
        assert r.code == 2 and f"{target}: the output would overwrite the input" in r.stderr, r.stderr
        assert {p.name: p.read_bytes() for p in docs.iterdir()} == before
    # a report of an earlier run at that name is driftcheck's own: rewritten, not read as an input
    r = run_cli("check", "docs/a.txt", "--engine", "apertium", "--no-cache", "-o", "docs/old.txt", cwd=work)
    assert r.code == 0, r.stderr
    r = run_cli("check", "docs", "--engine", "apertium", "--no-cache", "-o", "docs/old.txt", cwd=work)
    assert r.code == 0, r.stderr
    assert "in 3 documents:" in (docs / "old.txt").read_text().splitlines()[0]  # a.txt, b.txt, notes.md


@pytest.mark.requires_apertium
def test_reports_written_into_the_scanned_folder_are_not_read_back(work: Path) -> None:
    """The per-document HTML reports of `-o docs/` carry their generator mark: a rerun skips them
    (they matched the `*.html` articles before and the rerun refused to overwrite them)."""
    docs = docs_folder(work, "a.txt", "b.txt")
    for _ in range(2):
        r = run_cli(
            "check",
            "docs",
            "--engine",
            "apertium",
            "--cache",
            str(work / "c.sqlite3"),
            "-o",
            "docs/",
            cwd=work,
        )
        assert r.code == 0, r.stderr
        data = json.loads((docs / "driftcheck.json").read_text())
        assert sorted(Path(d["path"]).name for d in data["documents"]) == ["a.txt", "b.txt"]
    assert (docs / "a.txt.html").exists()


@pytest.mark.requires_apertium
def test_github_annotations_written_into_the_scanned_folder_are_not_read_back(work: Path) -> None:
    """`check docs -f github -o docs/ann.txt` failed when run again: its annotations file (empty
    after a run without flags) was scanned as an input, and writing it was refused; an annotations
    file another run wrote was read as an article."""
    docs = work / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(SENTENCE)
    args = ("check", "docs", "--engine", "apertium", "--no-cache", "--fail-on", "never")
    for _ in range(2):
        r = run_cli(*args, "-f", "github", "-o", "docs/ann.txt", cwd=work)
        assert r.code == 0 and r.stderr == "", r.stderr
    assert (docs / "ann.txt").read_text() == ""  # the sentence comes through: no annotation
    (docs / "ann.txt").unlink()  # (to another run, an empty file is an empty input)
    (docs / "old.txt").write_text("::warning file=docs/a.txt,line=1,title=driftcheck drift::chrF 40\n")
    r = run_cli(*args, "-o", "docs/r.txt", cwd=work)
    assert r.code == 0 and r.stderr == "", r.stderr
    assert "in 1 document:" in (docs / "r.txt").read_text().splitlines()[0]


@pytest.mark.requires_apertium
def test_formats_from_a_config_file_are_kept_beside_an_output_file(work: Path) -> None:
    """`formats = ["sarif"]` with `output = "r.json"` in driftcheck.toml wrote JSON: the config's
    formats were dropped for the suffix's. They count as given now, like `--format`."""
    (work / "driftcheck.toml").write_text('formats = ["sarif"]\noutput = "r.json"\n')
    r = check(work, "--no-cache")
    assert r.code == 0 and r.stdout == "", r.stderr
    assert json.loads((work / "r.json").read_text())["version"] == "2.1.0"  # SARIF, not driftcheck's JSON

