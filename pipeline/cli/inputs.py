"""What `driftcheck check` reads: files as given, folders scanned (never the run's own outputs or
reports driftcheck wrote earlier), and streams (stdin, pipes) kept in temp files so that every stage
can read them.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError, NoText, NothingToCheck, UsageError
from ..inputs.read import read_bytes
from ..output_checks import file_identity, repeats
from ..records import FORMATS
from ..terminal import one_line

OWN_REPORT_NAMES = {f"driftcheck{ext}" for _, ext in FORMATS.values()} | {"driftcheck-baseline.json"}
OWN_REPORT_HEADS = (b"### driftcheck: ", b"driftcheck (roundtrip): ", b"driftcheck (source): ")
OWN_REPORT_MARKS = (  # all of one group within the first bytes: the HTML, JSON, JUnit and SARIF reports
    (b'<meta name="generator" content="driftcheck">',),
    (b'"schema_version": ', b'"tool": "driftcheck"'),
    (b'<testsuites name="driftcheck"',),
    (b"/sarif-schema-", b'"name": "driftcheck"'),
)
OWN_ANNOTATIONS = (b"::error ", b"::warning ", b"::notice ")  # GitHub annotations, `title=driftcheck …`
HEAD_BYTES = 2048
BLANK_MAX_BYTES = 4096  # a scanned file this small is read to see whether it holds anything


def own_report(path: Path) -> bool:
    """A report driftcheck wrote: by its name, the first line of a Markdown or text report or of
    GitHub annotations, or the marks its HTML, JSON, JUnit and SARIF reports carry near the top."""
    if path.name in OWN_REPORT_NAMES:
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError:
        return False
    if head.startswith(OWN_ANNOTATIONS) and b",title=driftcheck " in head.split(b"\n", 1)[0]:
        return True
    return head.startswith(OWN_REPORT_HEADS) or any(
        all(m in head for m in marks) for marks in OWN_REPORT_MARKS
    )


def _empty_output(path: Path, outputs: set[tuple[int, int]]) -> bool:
    return file_identity(str(path)) in outputs and path.stat().st_size == 0


def blank_file(path: Path) -> bool:
    """A file with nothing in it but white space, by the rule the text reader refuses a file as
    empty with (`decode_text`: a BOM dropped, any Unicode white space); read only when it is small
    enough to be one. Bytes that are no UTF-8 are not blank: reading the file will say so."""
    try:
        size = path.stat().st_size
        if size > BLANK_MAX_BYTES:
            return False
        with open(path, "rb") as fh:
            return not fh.read(BLANK_MAX_BYTES + 1).decode("utf-8-sig", "replace").strip()
    except OSError:
        return False  # reading it will say what is wrong


def expand_inputs(
    paths: list[str],
    include: list[str],
    exclude: list[str],
    skip: list[str] | None = None,
    outputs: list[str] | None = None,
) -> tuple[list[str], list[str]]:
    """Files as given; directories scanned recursively for files matching include and not exclude.
    Returns the inputs and the blank files the scans passed over.

    Inside a scanned directory the folders and files in `skip` (the run's output folder, its
    `--annotate` copy or folder) and reports driftcheck wrote earlier are never taken as inputs
    (a second run found the first one's review copies and failed), nor is an empty file named in `outputs`
    (the run's output files: writing it loses nothing, e.g. the annotations of a run without
    flags). Any other output file stays an input, so that the guard against overwriting inputs
    refuses it: `-o docs/notes.md` on a scan of docs/ must not replace the user's notes. A blank
    file found by a scan (empty or white space only: a placeholder, another run's empty output)
    has nothing to check and is passed over (the CLI names it in a warning); one named as an
    input is still an error."""
    skipped = {i for i in (file_identity(p) for p in skip or []) if i is not None}
    empty_outputs = {i for i in (file_identity(p) for p in outputs or []) if i is not None}
    out: list[str] = []
    blank: list[str] = []
    for p in paths:
        if p != "-" and Path(p).is_dir():
            found: list[str] = []
            for folder, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if file_identity(os.path.join(folder, d)) not in skipped)
                for name in files:
                    f = Path(folder) / name
                    if (
                        any(fnmatch.fnmatch(name, g) for g in include)
                        and not any(fnmatch.fnmatch(str(f), g) or fnmatch.fnmatch(name, g) for g in exclude)
                        and f.is_file()
                        and not (skipped and file_identity(str(f)) in skipped)
                        and not own_report(f)
                        and not (empty_outputs and _empty_output(f, empty_outputs))
                    ):
                        (blank if blank_file(f) else found).append(str(f))
            if not found:
                what = "only blank files" if blank else "no files"
                but = f" but not {', '.join(exclude)} (--exclude)" if exclude else ""
                raise InputError(f"{p}: {what} matching {', '.join(include)}{but}")
            out.extend(sorted(found))
        else:
            out.append(p)
    return out, sorted(blank)


def _is_stream(path: str) -> bool:
    """stdin, or a pipe or device named as a file (`<(git show HEAD:a.md)`): it can be read once."""
    if path == "-":
        return True
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def spool_streams(paths: list[str], stdin_name: str | None = None) -> tuple[list[str], dict[str, str]]:
    """Inputs that can be read once (stdin, pipes) kept in temp files so that every stage can read
    them; the map gives each temp file the name the user gave (for stdin, `stdin_name` where given:
    its suffixes, "pairs.jsonl" or "copy.es.md", pick the format and declare the language as a
    file's would)."""
    if paths.count("-") > 1:
        raise UsageError("stdin (-) can be given only once")
    if stdin_name is not None and ("-" not in paths or not Path(stdin_name).name):
        raise UsageError("--stdin-filename names what stdin holds: give - as an input, and a file name")
    import tempfile

    shown: dict[str, str] = {}
    out = []
    try:
        for p in paths:
            if not _is_stream(p):
                out.append(p)
                continue
            name = stdin_name if p == "-" and stdin_name else p
            try:
                data = read_bytes(p)
            except InputError as exc:  # named as every other message about it names it
                raise InputError(str(exc).replace(f"{p}: ", f"{name}: ", 1)) from None
            if not (p == "-" and stdin_name) and (kind := _catalogue_kind(data)):
                print(
                    f"driftcheck: warning: {one_line(p)}: looks like {kind[0]} but is read as plain text; "
                    f"give --stdin-filename NAME{kind[1]} to check it as one",
                    file=sys.stderr,
                )
            fd, tmp = tempfile.mkstemp(
                prefix="driftcheck-stdin-", suffix="".join(Path(name).suffixes) or ".txt"
            )
            shown[tmp] = name
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            out.append(tmp)
    except BaseException:
        for tmp in shown:
            os.unlink(tmp)
        raise
    return out, shown


def _catalogue_kind(data: bytes) -> tuple[str, str] | None:
    """(what, suffix) when a stream's bytes are a PO, XLIFF or TMX file: named by nothing, it would be
    checked as English prose (a catalogue's "msgid" lines sent to review, and the gate passing)."""
    head = data[:4096]
    if re.search(rb'(?m)^msgid "', data[:65536]) and re.search(rb"(?m)^msgstr", data[:65536]):
        return "a gettext catalogue (PO)", ".po"
    if b"<xliff" in head:
        return "an XLIFF file", ".xlf"
    return ("a translation memory (TMX)", ".tmx") if b"<tmx" in head else None


def each_once(paths: list[str], how: str) -> list[str]:
    """The paths less those naming a file named before them (a folder and a glob over it, a link, the
    same file twice), each left out with a warning ending in `how` ("checked once")."""
    repeated = dict(repeats(paths))  # stdin twice is refused where it is spooled
    for k in repeated:
        print(
            f"driftcheck: warning: {one_line(paths[k])}: the same file as an input before it: {how}",
            file=sys.stderr,
        )
    return [p for k, p in enumerate(paths) if k not in repeated]


def validate_inputs(
    paths: list[str], settings: Settings, scanned: set[str]
) -> tuple[dict[str, Any], list[str], list[InputError]]:
    """(the inputs to check, each as read, for the run to take instead of parsing it again; the
    errors of those that cannot be read; the inputs skipped: catalogues that `--unapproved-only`
    leaves nothing in, the state a team works towards, and documents of a folder scan with no
    prose, such as a docs tree's section index of front matter only)."""
    from ..core.verify import validate_input

    good: dict[str, Any] = {}
    errors: list[str] = []
    skipped: list[InputError] = []
    for p in paths:
        try:
            good[p] = validate_input(p, settings)
        except NothingToCheck as exc:
            skipped.append(exc)
        except NoText as exc:
            if p not in scanned:
                errors.append(exc.message)
            else:
                skipped.append(exc)
        except InputError as exc:
            errors.append(exc.message)
    return good, errors, skipped


def given_names(messages: list[str], spooled: dict[str, str]) -> list[str]:
    """Messages about the inputs by the names the user gave (stdin and pipes are spooled to temp files)."""
    out = []
    for message in messages:
        for tmp, name in spooled.items():
            message = message.replace(tmp, name)
        out.append(message)
    return out


def say_inputs(
    errors: list[str], skipped: list[InputError], spooled: dict[str, str], nothing_left: bool
) -> None:
    """The inputs' errors and skips on stderr, stdin and pipes by the names the user gave; and
    where every input was skipped, that nothing is left to check."""
    for kind, messages, end in (
        ("error", errors, ""),
        ("warning", [e.message for e in skipped], ": skipped"),
    ):
        for message in given_names(messages, spooled):
            print(f"driftcheck: {kind}: {one_line(message)}{end}", file=sys.stderr)
    if nothing_left and not errors:
        approved = all(isinstance(e, NothingToCheck) for e in skipped)
        why = "every translated entry is approved" if approved else "every input was skipped"
        print(f"driftcheck: nothing to check: {why}; no report written", file=sys.stderr)


def found_by_scans(paths: list[str], named: set[str]) -> set[str]:
    """The inputs a glob or a folder scan found (a document there with no prose is passed over)."""
    return {p for p in paths if p not in named}


def left_as_they_were(dests: list[str]) -> None:
    """Reports a run that checked nothing did not write but an earlier run did, named: a CI step
    that reads them would take the old report for this run's."""
    for dest in dests:
        if os.path.isfile(dest):
            print(
                f"driftcheck: warning: {one_line(dest)}: an earlier run's report, not replaced",
                file=sys.stderr,
            )
