"""Standard streams the process started without: cron jobs and daemons run with descriptors 0-2
closed, and so does `2>&-`, `>&-` or `<&-`. Python then sets sys.stdin, sys.stdout or sys.stderr
to None, and the first file the run opened took the free number: its warnings and a child
process's messages would go into a report or the cache.

`hold_closed_streams` (the first thing the CLI does) puts /dev/null on each closed descriptor and
a stand-in in the stream's place: stderr's swallows what is written (a run without stderr still
writes its reports and exits with its gate's code; its messages are lost), stdout's refuses with
one error line (output meant for stdout has nowhere to go: exit 2, as for a pipe whose reader has
gone); sys.stdin stays None, which the readers of stdin name (`-: stdin is closed …`).
"""

from __future__ import annotations

import io
import os
import sys

from ..output_checks import stdout_closed
from ..terminal import CLOSED_MARK


class ClosedStdout(io.TextIOBase):
    """sys.stdout of a process started without one: writing to it is an error."""

    encoding = "utf-8"
    errors = "strict"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not text:
            return 0
        raise stdout_closed()


setattr(ClosedStdout, CLOSED_MARK, True)


def _closed(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return True
    return False


def hold_closed_streams() -> None:
    """/dev/null on every closed standard descriptor, and stand-ins for the streams Python left None."""
    for fd in (0, 1, 2):
        if not _closed(fd):
            continue
        null = os.open(
            os.devnull, os.O_RDWR
        )  # the lowest free number: `fd` itself when the ones below are open
        if null != fd:
            os.dup2(null, fd)  # inheritable: child processes get /dev/null there too
            os.close(null)
        else:
            os.set_inheritable(fd, True)
    if sys.stderr is None:
        stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        setattr(stderr, CLOSED_MARK, True)
        sys.stderr = stderr
    if sys.stdout is None:
        sys.stdout = ClosedStdout()
