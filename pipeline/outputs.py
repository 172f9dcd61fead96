"""Writing outputs like a careful Unix tool.

- A regular file, or a path that does not exist yet, is replaced atomically: the text goes to an
  anonymous temp file in the same folder (O_TMPFILE where the kernel has it, so a killed run leaves
  nothing behind), is flushed to disk, and is renamed over the path: a reader sees the old file or
  the new one, never half of one. An existing file keeps its permission bits.
- A symlink is followed: its target is replaced atomically and the link itself stays a link
  (a dangling link's target is created).
- Anything that is not a regular file (a device such as /dev/null, a FIFO, a socket, a terminal),
  and /dev/stdout, /dev/stderr and /dev/fd/N, is opened and written, never replaced.
- The outputs of one run are written as a set (`write_outputs`): every file to its temp file
  first, then all renamed into place, so one that cannot be written (a full disk, a quota) leaves
  every other output as it was. Temp names are short, whatever the target's name.
- The checks made before any work (an output that is or would replace an input, one that cannot
  be written) are in output_checks.py.

`atomic_write` raises OSError; `write_output` turns it into an OutputError with one line.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import sys
from pathlib import Path

from .errors import OutputError

_FD_PATH = re.compile(r"^/(?:dev/fd|proc/self/fd)/(\d+)$")
_STD_PATHS = {"/dev/stdout": 1, "/dev/stderr": 2}


def stream_fd(path: str | Path) -> int | None:
    """The file descriptor a path names (/dev/stdout: 1, /dev/stderr: 2, /dev/fd/N: N), else None."""
    p = os.path.normpath(os.path.abspath(str(path)))
    if p in _STD_PATHS:
        return _STD_PATHS[p]
    m = _FD_PATH.match(p)
    return int(m.group(1)) if m else None


def is_special(path: str | Path) -> bool:
    """True when the path is written in place: a descriptor path, or an existing non-regular file."""
    if stream_fd(path) is not None:
        return True
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)  # follows symlinks
    except OSError:
        return False  # does not exist (yet): a new regular file


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write text (UTF-8) or bytes to `path` by the rules above. Raises OSError."""
    staged = Staged()
    staged.add(path, data)
    staged.commit()


class Staged:
    """Outputs written to temp files next to their targets, not yet renamed into place (devices,
    FIFOs and descriptor paths wait for `commit`, which writes them in place)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, bytes, Path | None, Path | None]] = []  # path, data, temp, target
        self.failed = ""  # the output a failed commit is about

    def add(self, path: str | Path, data: str | bytes) -> None:
        """Write one output to a temp file beside it (raises OSError, having left no temp file)."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if stream_fd(path) is not None or is_special(path):
            if os.path.isdir(path):
                raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
            self.items.append((str(path), raw, None, None))
            return
        target = Path(os.path.realpath(path))  # a symlink is followed: its target is replaced
        target.parent.mkdir(parents=True, exist_ok=True)
        self.items.append((str(path), raw, _temp_copy(target, raw), target))

    def commit(self, done: list[str] | None = None) -> None:
        """Write the in-place outputs, then rename every staged one into place (each path appended
        to `done` once written, and to stay written). In-place first: a device can still fail
        (/dev/full). A rename rarely fails, but can (a file made immutable, one owned by another
        user in a sticky folder): each file a rename replaces keeps a second name (a hard link)
        until the set is in place, and a failed rename puts back those already replaced, so the
        set is written whole or not at all (a file that allows no second name is renamed first, so
        that a refusal there comes before any other rename). Raises OSError (`failed`: the output
        it is about); what is left staged is removed."""
        olds: list[Path | None] = []
        renamed: list[int] = []
        folders = _locked({target.parent for _, _, _, target in self.items if target is not None})
        try:
            olds = [
                _keep_old(target, k) if target else None for k, (_, _, _, target) in enumerate(self.items)
            ]
            order = sorted(
                range(len(self.items)), key=lambda k: (self.items[k][2] is not None, olds[k] != UNSAVED)
            )
            for k in order:
                path, raw, tmp, target = self.items[k]
                self.failed = path
                if tmp is None or target is None:
                    _write_in_place(path, raw)
                else:
                    os.replace(tmp, target)
                    renamed.append(k)
                    _fsync_folder(target.parent)
                if done is not None:
                    done.append(path)
        except BaseException:
            for k in reversed(renamed):  # undo: old files back, new ones gone
                if olds[k] != UNSAVED:
                    _put_back(self.items[k][3], olds[k])
            if done is not None:  # what stays written: in place, or replacing a file without a second name
                done[:] = [
                    p
                    for k, (p, _, tmp, _) in enumerate(self.items)
                    if p in done and (tmp is None or olds[k] == UNSAVED)
                ]
            raise
        finally:
            self.discard()
            for old in olds:
                if old is not None and old != UNSAVED and os.path.lexists(old):
                    os.unlink(old)
            for fd in folders:
                os.close(fd)  # the lock goes with it

    def discard(self) -> None:
        for _, _, tmp, _ in self.items:
            if tmp is not None and os.path.lexists(tmp):
                os.unlink(tmp)


def _locked(folders: set[Path]) -> list[int]:
    """The folders locked (flock, in a fixed order) while a set is renamed into them: two runs
    writing one output folder at once left a mixed set, one's JSON beside the other's HTML. The
    descriptors hold the locks; where a file system has no locks, nothing is held."""
    import fcntl

    fds = []
    for folder in sorted(folders):
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            os.close(fd)
            continue
        fds.append(fd)
    return fds


UNSAVED = Path("\0")  # a file a rename replaces that allows no second name (never a real path)


def _keep_old(target: Path, k: int) -> Path | None:
    """A second name (hard link) for the file a rename will replace, so it can be put back; None
    where there is no file, UNSAVED where the file allows no second name (immutable, another
    user's under fs.protected_hardlinks, a file system without links)."""
    if not target.is_file():
        return None
    old = target.with_name(f".driftcheck-{os.getpid()}-{k}-{secrets.token_hex(4)}.old")
    try:
        os.link(target, old)
    except OSError:
        return UNSAVED
    return old


def _put_back(target: Path | None, old: Path | None) -> None:
    try:
        if old is not None and target is not None:
            os.replace(old, target)
        elif target is not None:
            os.unlink(target)
    except OSError:
        pass  # nothing more can be done: the error being raised names the output


def _write_in_place(path: str, raw: bytes) -> None:
    fd = stream_fd(path)
    if fd is not None:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        _write_all(fd, raw)
        return
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    try:
        _write_all(fd, raw)
    finally:
        os.close(fd)


def _write_all(fd: int, raw: bytes) -> None:
    view = memoryview(raw)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _temp_copy(target: Path, raw: bytes) -> Path:
    """`raw` in a temp file beside `target` (with its permission bits), flushed to disk. The temp
    name is short whatever the target's (a target name near the 255-byte limit stays writable)."""
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    tmp = target.with_name(f".driftcheck-{os.getpid()}-{secrets.token_hex(6)}.tmp")
    try:
        if not _write_anonymous(target.parent, tmp.name, raw, mode):
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            try:
                _fill(fd, raw, mode)
            finally:
                os.close(fd)
    except BaseException:
        if os.path.lexists(tmp):
            os.unlink(tmp)
        raise
    return tmp


def _fill(fd: int, raw: bytes, mode: int | None) -> None:
    if mode is not None:
        os.fchmod(fd, mode)  # an existing file keeps its permission bits
    _write_all(fd, raw)
    os.fsync(fd)


def _write_anonymous(folder: Path, name: str, raw: bytes, mode: int | None) -> bool:
    """Write an unnamed file in `folder` (Linux O_TMPFILE) and only then give it `name`: a run
    killed while writing leaves nothing. False where the system cannot (then a named temp file)."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(folder, flag | os.O_WRONLY, 0o666)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return False
        raise
    try:
        _fill(fd, raw, mode)
        dir_fd = os.open(folder, os.O_RDONLY)
        try:  # linkat(AT_SYMLINK_FOLLOW) through /proc: Python uses linkat only with a dir fd
            os.link(f"/proc/self/fd/{fd}", name, dst_dir_fd=dir_fd, follow_symlinks=True)
        except OSError:
            return False
        finally:
            os.close(dir_fd)
    finally:
        os.close(fd)
    return True


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename is done either way
    finally:
        os.close(fd)


def write_output(path: str | Path, data: str | bytes) -> None:
    """atomic_write with any OS failure as one named OutputError."""
    write_outputs([(path, data)])


def write_outputs(outputs: list[tuple[str | Path, str | bytes]]) -> None:
    """Several outputs as one (`stage_outputs`, then `commit_outputs`)."""
    commit_outputs(stage_outputs(outputs))


def stage_outputs(outputs: list[tuple[str | Path, str | bytes]]) -> Staged:
    """Every output written to a temp file beside it: an output that cannot be written (a full
    disk, a quota) is one named OutputError, and no output has been replaced."""
    staged = Staged()
    current = ""
    try:
        for path, data in outputs:
            current = str(path)
            staged.add(path, data)
    except BaseException as exc:
        staged.discard()
        if not isinstance(exc, OSError):
            raise
        raise OutputError(
            f"{current}: cannot write the output: {_reason(exc)}; nothing was written"
        ) from None
    return staged


def commit_outputs(staged: Staged) -> None:
    """The staged outputs renamed into place; where one fails, the others are put back (only an
    output written in place, a device or a pipe, cannot be: named as already written)."""
    done: list[str] = []
    try:
        staged.commit(done)
    except OSError as exc:
        current = staged.failed
        written = f"; already written: {', '.join(done)}" if done else "; nothing was written"
        raise OutputError(f"{current}: cannot write the output: {_reason(exc)}{written}") from None


def _reason(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename and str(exc.filename) else ""
    return f"{exc.strerror or type(exc).__name__}{where}"
