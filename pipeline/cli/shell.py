"""The app shell: every DriftcheckError becomes one line on stderr and exit code 2.

Exit codes: 0 the gate passed, 1 the gate failed, 2 usage, input, config or model error.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any

import typer

from ..errors import ENV_DEBUG, DriftcheckError
from ..terminal import one_line
from .streams import hold_closed_streams

EXIT_HELP = (
    "Exit codes: 0 gate passed, 1 gate failed (a verdict at or above --fail-on), 2 usage/input/config/model "
    "error, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM)."
)


def _usage_line(exc: Any) -> str:
    """click's usage error as one line: the command, the message, where help is."""
    ctx = getattr(exc, "ctx", None)
    command = " ".join(["driftcheck", *(ctx.command_path.split()[1:] if ctx is not None else [])])
    message = " ".join(str(exc.format_message()).split())
    return one_line(f"{message} (see {command} --help)")


class Terminated(Exception):
    """SIGTERM, raised in the main thread so that cleanup runs (temp files, worker processes)."""


def _terminate_like_interrupt() -> None:
    """SIGTERM (a CI job cancelled, `timeout`, `kill`) ends the run the way Ctrl-C does: the
    `finally` blocks run, so no copy of stdin or half-made temp file stays behind; exit 143."""
    import signal

    def handler(signum: int, frame: Any) -> None:
        raise Terminated

    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, handler)


def _signal_behind(exc: BaseException) -> tuple[str, int] | None:
    """("terminated", 143) or ("interrupted", 130) where a signal's exception is behind `exc`: a
    handler that raises inside a library's C code comes out wrapped ("SystemError: <built-in
    method __new__ ...> returned a result with an exception set", in Ray's wait for results), and
    a cancelled CI job read "internal error", exit 2."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, Terminated):
            return "terminated", 143
        if isinstance(cause, KeyboardInterrupt):
            return "interrupted", 130
        cause = cause.__cause__ or cause.__context__
    return None


def _broken_pipe() -> bool:
    """Whether click met a broken pipe (EPIPE): it then wraps stdout and exits 1, which CI reads
    as a failed gate (`check … | head`, a passing check under `set -o pipefail`)."""
    return type(sys.stdout).__name__.endswith("PacifyFlushWrapper")  # click.utils' (typer may carry its own)


def _stdout_closed() -> bool:
    """Whether that pipe is stdout: its reader is gone (poll reports an error on it). A pipe to a
    worker process that ended breaks the same way, and is not stdout's fault."""
    import select

    try:
        poll = select.poll()
        poll.register(sys.stdout.fileno(), select.POLLOUT)
        return any(events & select.POLLERR for _, events in poll.poll(0))
    except (OSError, ValueError, AttributeError):
        return True  # no descriptor to ask: as before, the reader is taken to be gone


def _broken_pipe_exit() -> None:
    """Exit 2 with one line saying which pipe broke."""
    if _stdout_closed():
        message = "stdout was closed before the output was written to it (the pipe's reader ended first)"
    else:
        message = "a pipe to a helper process broke (the process ended early; stdout is fine)"
    typer.echo(f"driftcheck: error: {message}", err=True)
    sys.exit(2)


def _working_directory_gone() -> bool:
    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    return False


def _os_error_exit(exc: OSError) -> None:
    """One line naming the file (or stream) the system refused, exit 2. What stdout still buffers
    after it failed goes nowhere: flushed at exit into the full disk, it failed again, exit 120."""
    where = f"{exc.filename}: " if exc.filename else ""
    message = f"{where}{exc.strerror or exc}"
    if not exc.filename and _working_directory_gone():  # os.getcwd() failed where a library called it
        from ..config import GONE_CWD

        message = GONE_CWD
    typer.echo(one_line(f"driftcheck: error: {message}"), err=True)
    if exc.filename == "stdout":
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(2)


class DriftcheckApp(typer.Typer):
    """A Typer app whose every DriftcheckError becomes one line on stderr and exit code 2."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        hold_closed_streams()  # before anything opens a file (cron, daemons, `2>&-`)
        self.add_lazy_subapps()
        _terminate_like_interrupt()
        try:
            rv = super().__call__(*args, **{**kwargs, "standalone_mode": False})
        except DriftcheckError as exc:
            typer.echo(f"driftcheck: error: {exc.message}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            typer.echo("driftcheck: interrupted", err=True)
            sys.exit(130)
        except Terminated:
            typer.echo("driftcheck: terminated", err=True)
            sys.exit(143)
        except typer.Exit as exc:
            sys.exit(exc.exit_code)
        except SystemExit as exc:
            if exc.code == 1 and _broken_pipe():  # click's answer to EPIPE: a silent exit 1
                _broken_pipe_exit()
            raise
        except OSError as exc:  # the file system said no somewhere a library did not name it
            _os_error_exit(exc)
        # click's own usage errors (typer vendors click), and real bugs: BaseException, because a
        # compiled extension's panic (pyo3's PanicException) is no Exception and would end the run
        # with a traceback and exit code 1, which CI reads as a failed gate
        except BaseException as exc:
            if isinstance(exc, (SystemExit, GeneratorExit)):
                raise
            if callable(getattr(exc, "format_message", None)) and isinstance(
                getattr(exc, "exit_code", None), int
            ):
                if type(exc).__name__ == "NoArgsIsHelpError":
                    exc.show()  # type: ignore[attr-defined] # `driftcheck` alone: the help
                else:
                    # one line, like every error
                    typer.echo(f"driftcheck: error: {_usage_line(exc)}", err=True)
                sys.exit(exc.exit_code)  # type: ignore[attr-defined]
            if type(exc).__name__ == "Abort":  # click's name for Ctrl-C
                typer.echo("driftcheck: interrupted", err=True)
                sys.exit(130)
            signalled = _signal_behind(exc)
            if signalled is not None:
                typer.echo(f"driftcheck: {signalled[0]}", err=True)
                sys.exit(signalled[1])
            if os.environ.get(ENV_DEBUG):
                raise
            typer.echo(
                one_line(
                    f"driftcheck: internal error: {type(exc).__name__}: {exc} (set {ENV_DEBUG}=1 for details)"
                ),
                err=True,
            )
            sys.exit(2)
        # standalone_mode=False makes click return the exit code instead of exiting; typer turns a
        # Ctrl-C inside a command into that code, 130, silently (no command returns 130 itself)
        if rv == 130:
            typer.echo("driftcheck: interrupted", err=True)
        sys.exit(rv if isinstance(rv, int) else 0)

    def add_lazy_subapps(self) -> None:
        """Register `models` and `cache` (their modules import nothing heavy at module level)."""
        if any(g.name == "models" for g in self.registered_groups):
            return
        from .cache import cache_app
        from .models import models_app

        self.add_typer(models_app, name="models", help="List, download, convert and locate MarianMT models.")
        self.add_typer(cache_app, name="cache", help="Inspect or clear the translation cache.")
