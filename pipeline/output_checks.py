"""Outputs checked before any work: an output that is, or would replace, one of the run's inputs is
refused (`same_file_guard`), two outputs that name one file are refused (`distinct_outputs`), and
`writable_or_error` names an output that cannot be written (a read-only folder, a parent that is a
file). outputs.py writes them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import OutputError
from .outputs import is_special, stream_fd
from .terminal import closed_at_start, closed_stream


def stdout_closed() -> OutputError:
    return OutputError(
        f"{closed_stream(1)}: nothing can be written to it; send it to /dev/null to discard the output"
    )


def stdout_open_or_error() -> None:
    """Before any work: output meant for stdout, where the process has none, is one error line."""
    if closed_at_start(1):
        raise stdout_closed()


def file_identity(path: str | Path) -> tuple[int, int] | None:
    """(device, inode) of what a path names after symlinks, or None when nothing is there."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _stdin_identity() -> tuple[int, int] | None:
    try:
        st = os.fstat(0)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def repeats(paths: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(index, the path named before it) for each path that names a file an earlier one names (a
    link, `./b.txt` beside `b.txt`, `/dev/stdin` beside `-`: stdin was read twice, or found empty the
    second time); paths that name nothing are never repeats, nor is `-` after `-` (refused where
    stdin is spooled)."""
    seen: dict[tuple[int, int], str] = {}
    for k, path in enumerate(paths):
        key = file_identity(path) if path != "-" else _stdin_identity()
        if key is None or (path == "-" and seen.get(key) == "-"):
            continue
        if key in seen:
            yield k, seen[key]
        else:
            seen[key] = path


def same_file_guard(outputs: Iterable[str], protected: Iterable[tuple[str, str]]) -> None:
    """Refuse an output that is one of the protected files (inputs, the source, the baseline, the
    config, the cache), after symlinks, relative paths and hard links; one that is not there yet
    (SQLite's -wal file, which it deletes when the cache closes) by its path. `protected` holds
    (what, path) pairs such as ("input", "a.md"). Devices and descriptor paths are never refused."""
    known: dict[tuple[int, int], tuple[str, str]] = {}
    missing: dict[str, tuple[str, str]] = {}  # not there yet (the cache's -wal file): by path
    for what, path in protected:
        ident = file_identity(path)
        if ident is not None:
            known.setdefault(ident, (what, path))
        else:
            missing.setdefault(os.path.realpath(path), (what, path))
    for out in outputs:
        if stream_fd(out) is not None or is_special(out):
            continue
        # the file the writer replaces (Staged.add): `gone/../a.md` names a.md there, where the
        # kernel finds nothing (it does not pass through a missing folder)
        target = os.path.realpath(out)
        ident = file_identity(target)
        found = known.get(ident) if ident is not None else missing.get(target)
        if found is not None:
            what, path = found
            same = "" if os.path.abspath(out) == os.path.abspath(path) else f" (the same file as {path})"
            raise OutputError(
                f"{out}: the output would overwrite the {what} {path}{same}; choose another path"
            )


def distinct_outputs(outputs: Iterable[tuple[str, str]]) -> None:
    """Refuse two outputs of one run that name the same file (one would replace the other, e.g. an
    `--annotate` copy written over the JSON report), after symlinks and relative paths. `outputs`
    holds (what, path) pairs such as ("the json report", "r.json"): the error names both outputs
    (it named the path twice, "(o6.json and o6.json)")."""
    seen: dict[str, tuple[str, str]] = {}
    for what, out in outputs:
        if stream_fd(out) is not None or is_special(out):
            continue
        key = os.path.realpath(out)
        if key in seen:
            first, path = seen[key]
            given = "" if path == out else f" ({path})"
            raise OutputError(
                f"{out}: two outputs of this run would be written there: {first}{given} and {what}; "
                "choose another path"
            )
        seen[key] = (what, out)


def single_file(path: str, what: str) -> None:
    """An output that is one file (a baseline, a calibration): a folder, or a name that ends in a
    slash (a folder to be), is refused: `-o newdir/` wrote a file named `newdir`."""
    if path.endswith(("/", os.sep)) or os.path.isdir(path):
        raise OutputError(f"{path}: is a folder; name {what}")


def writable_or_error(path: str | Path) -> None:
    """Fail now, with one line, for an output that cannot be written: a folder where a file is
    wanted, a parent that is a file, a folder without write permission."""
    fd = stream_fd(path)
    if fd is not None:
        if fd in (1, 2) and closed_at_start(fd):  # /dev/null stands there: the report would be lost
            raise OutputError(f"{path}: {closed_stream(fd)}: name a file instead")
        return
    if os.path.isdir(path):
        raise OutputError(f"{path}: is a folder; give a file name, or a folder for several formats")
    if is_special(path):
        if not os.access(path, os.W_OK):
            raise OutputError(f"{path}: cannot write the output: permission denied")
        return
    target = Path(os.path.realpath(path))
    folder = target.parent
    while not folder.exists():
        if folder.is_symlink():
            break  # a dangling link in the middle: mkdir will report it
        folder = folder.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: cannot write the output: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot write the output: the folder {folder} is not writable")
    for part in target.relative_to(folder).parts:  # the parts still to create, and the file's own name
        if len(os.fsencode(part)) > _name_max(folder):
            raise OutputError(f"{path}: cannot write the output: the name {part[:40]}... is too long")


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def folder_writable_or_error(folder: str | Path) -> None:
    """The same for an output folder (several formats, eval): it or its nearest parent must be a
    writable folder."""
    p = Path(folder)
    if p.exists() and not p.is_dir():
        raise OutputError(f"{folder}: is not a folder (several outputs need a folder)")
    probe = p / ".driftcheck-probe"  # a file the folder would hold: the error names the folder
    try:
        writable_or_error(probe)
    except OutputError as exc:
        raise OutputError(exc.message.replace(str(probe), str(folder), 1)) from None
