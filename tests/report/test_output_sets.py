"""The outputs of one run are written as a set: a file that cannot be written (a full disk, a
quota, a name over the file system's limit) leaves every other output as it was."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.report.test_outputs import check, listing


@pytest.mark.requires_apertium
def test_an_output_that_cannot_be_written_leaves_every_output_as_it_was(work: Path) -> None:
    """The outputs were written one by one: with the HTML report over a file-size limit (a full
    disk, a quota) the run exited 2 with the JSON report already replaced. Now every file is
    written beside its target first and renamed only when all are: nothing changes, nothing is
    printed, no temp file stays."""
    import resource

    out = work / "out"
    out.mkdir()
    (out / "driftcheck.json").write_text("OLDJSON")
    (out / "driftcheck.html").write_text("OLDHTML")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))

    seed = ROOT / "seeds" / "albania-camp-raid.en.txt"
    r = run_cli(
        "check", str(seed), "--engine", "apertium", "--no-cache", "-o", "out/", cwd=work, preexec_fn=limit
    )
    assert r.code == 2 and r.stderr.count("\n") == 1, r.stderr
    assert (
        "out/driftcheck.html: cannot write the output: File too large" in r.stderr
        and "nothing was written" in r.stderr
    )
    assert r.stdout == ""
    assert listing(out) == ["driftcheck.html", "driftcheck.json"]
    assert (out / "driftcheck.json").read_text() == "OLDJSON" and (
        out / "driftcheck.html"
    ).read_text() == "OLDHTML"


@pytest.mark.requires_apertium
def test_long_output_names_are_written_or_refused_before_any_work(work: Path) -> None:
    """A name of 229-255 bytes could not be written (the temp name added ~27 characters and went
    over the file system's limit) and failed after the whole run; a name over the limit is now
    refused before any work."""
    fits = "r" * 245 + ".json"
    r = check(work, "--no-cache", "-o", fits)
    assert r.code == 0, r.stderr
    assert json.loads((work / fits).read_text())["segments"]
    too_long = "r" * 260 + ".json"
    r = check(work, "-o", too_long)  # with the cache: a run that started would create it
    assert r.code == 2 and r.stderr.count("\n") == 1 and "is too long" in r.stderr, r.stderr
    assert not (work / "c.sqlite3").exists()  # refused before the engine ran


@pytest.mark.requires_apertium
def test_a_device_that_cannot_be_written_leaves_the_files_and_prints_nothing(work: Path) -> None:
    """Devices are written in place, and they were written last: with `--annotate` on a full
    device the JSON and HTML reports had been replaced and the summary printed before the run
    failed. Devices are written first now: the files stay as they were, nothing is printed."""
    import os
    import stat

    full = work / "full"
    try:
        os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # what /dev/full is
    except PermissionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("mknod needs root (CI runs as root)")
    (work / "es.po").write_text(
        'msgid ""\nmsgstr "Language: es\\nContent-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, python-format\nmsgid "%(count)s files were deleted."\nmsgstr "Se borraron los archivos."\n'
    )
    out = work / "out"
    out.mkdir()
    (out / "driftcheck.json").write_text("OLDJSON")
    (out / "driftcheck.html").write_text("OLDHTML")
    r = run_cli(
        "check", "es.po", "--engine", "apertium", "--no-cache", "-o", "out/", "--annotate", "full", cwd=work
    )
    assert r.code == 2 and r.stderr.count("\n") == 1, r.stderr
    assert "full: cannot write the output: No space left on device; nothing was written" in r.stderr
    assert r.stdout == ""
    assert (out / "driftcheck.json").read_text() == "OLDJSON" and (
        out / "driftcheck.html"
    ).read_text() == "OLDHTML"
    assert listing(out) == ["driftcheck.html", "driftcheck.json"]


def test_a_rename_that_fails_part_way_puts_back_the_files_already_replaced(tmp_path: Path) -> None:
    """The set was renamed into place one file at a time: a rename that failed (here the second
    target turned into a folder after staging) left the first file replaced by the new run's.
    The replaced files are now put back: the old set stays whole, and no temp file or second
    name is left."""
    from pipeline.errors import OutputError
    from pipeline.outputs import commit_outputs, stage_outputs

    (tmp_path / "a.json").write_text("OLD A")
    staged = stage_outputs([(tmp_path / "a.json", "NEW A"), (tmp_path / "b.sarif", "NEW B")])
    (tmp_path / "b.sarif").mkdir()
    with pytest.raises(OutputError) as err:
        commit_outputs(staged)
    assert str(err.value).startswith(f"{tmp_path / 'b.sarif'}: cannot write the output: ")
    assert str(err.value).endswith("; nothing was written")
    assert (tmp_path / "a.json").read_text() == "OLD A"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.sarif"]


@pytest.mark.requires_apertium
def test_an_immutable_report_in_the_set_leaves_every_report_as_it_was(work: Path) -> None:
    """With the SARIF report made immutable (`chattr +i`) the run exited 2 having replaced the JSON
    and HTML reports of the earlier run: a mixed set. Refused before any rename now."""
    import subprocess

    out = work / "out"
    out.mkdir()
    for name in ("driftcheck.json", "driftcheck.html", "driftcheck.sarif"):
        (out / name).write_text(f"OLD {name}")
    locked = out / "driftcheck.sarif"
    if subprocess.run(["chattr", "+i", str(locked)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not permitted here")
    try:
        seed = ROOT / "seeds" / "albania-camp-raid.en.txt"
        r = run_cli(
            "check", str(seed), "--engine", "apertium", "-f", "json", "-f", "html", "-f", "sarif", "-o", "out/",
            cwd=work,
        )  # fmt: skip
    finally:
        subprocess.run(["chattr", "-i", str(locked)], check=True)
    assert r.code == 2 and r.stderr.count("\n") == 1, r.stderr
    assert "out/driftcheck.sarif: cannot write the output: Operation not permitted" in r.stderr
    assert r.stderr.rstrip().endswith("; nothing was written")
    assert {p.name: p.read_text() for p in out.iterdir()} == {
        n: f"OLD {n}" for n in ("driftcheck.json", "driftcheck.html", "driftcheck.sarif")
    }


def test_a_set_waits_while_another_run_renames_into_the_same_folder(tmp_path: Path) -> None:
    """Two runs writing one output folder at once left a mixed set (one's JSON beside the other's
    HTML and SARIF, 1 try in 6). A set is renamed into its folders under a lock on each: while
    another holds it, nothing is replaced; then the whole set is."""
    import fcntl
    import threading

    from pipeline.outputs import commit_outputs, stage_outputs

    for name in ("r.json", "r.html"):
        (tmp_path / name).write_text("OTHER RUN")
    staged = stage_outputs([(tmp_path / "r.json", "MINE"), (tmp_path / "r.html", "MINE")])
    fd = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # the other run, renaming its set
    worker = threading.Thread(target=commit_outputs, args=(staged,))
    worker.start()
    worker.join(timeout=1.0)
    held = [(tmp_path / n).read_text() for n in ("r.json", "r.html")]
    os.close(fd)
    worker.join(timeout=30)
    assert held == ["OTHER RUN", "OTHER RUN"] and not worker.is_alive()
    assert [(tmp_path / n).read_text() for n in ("r.json", "r.html")] == ["MINE", "MINE"]


def test_a_report_that_allows_no_second_name_is_still_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file another user wrote in a shared folder may refuse a hard link (fs.protected_hardlinks)
    where the rename that replaces it is allowed: the set is written, as before the links."""
    import errno

    from pipeline.outputs import commit_outputs, stage_outputs

    (tmp_path / "r.json").write_text("OLD")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    staged = stage_outputs([(tmp_path / "r.json", "NEW"), (tmp_path / "r.html", "NEW")])
    monkeypatch.setattr(os, "link", refuse)
    commit_outputs(staged)
    assert [(tmp_path / n).read_text() for n in ("r.json", "r.html")] == ["NEW", "NEW"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.json"]


def test_an_output_folder_that_cannot_be_made_is_named_itself(tmp_path: Path) -> None:
    """`--shard-results plain/results` (and eval's `-o`) under a file named the probe driftcheck
    tries, "plain/results/.driftcheck-probe: cannot write the output", not the folder given."""
    from pipeline.errors import OutputError
    from pipeline.output_checks import folder_writable_or_error

    (tmp_path / "plain").write_text("a file")
    with pytest.raises(OutputError) as err:
        folder_writable_or_error(tmp_path / "plain" / "results")
    plain = tmp_path / "plain"
    assert err.value.message == f"{plain / 'results'}: cannot write the output: {plain} is not a folder"
