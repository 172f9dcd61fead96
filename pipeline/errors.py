"""One error base. The library raises these; only cli.py prints them and picks exit codes.

Every message is one line written for the person at the terminal: what went wrong and
what to do about it.
"""

from __future__ import annotations

ENV_DEBUG = "DRIFTCHECK_DEBUG"  # set: a bug ends with its traceback, Ray keeps its logs


class DriftcheckError(Exception):
    """Base of every error driftcheck reports to a user (exit code 2)."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        from .terminal import inert

        super().__init__(inert(" ".join(message.split())))  # always one line, no terminal control

    @property
    def message(self) -> str:
        return str(self)


def expect(value: object, kind: type, what: str) -> None:
    """A UsageError naming `what` unless `value` is a `kind` (the library API's arguments)."""
    if not isinstance(value, kind):
        raise UsageError(f"{what} must be a {kind.__name__}, got {type(value).__name__}")


class InputError(DriftcheckError):
    """A file that cannot be read: missing, empty, binary, not UTF-8, too large, malformed."""


class NothingToCheck(InputError):
    """A catalogue whose every translated entry is approved, checked with `--unapproved-only`:
    the state a team works towards, so a run skips it with a warning instead of failing."""


class NoText(InputError):
    """A document with nothing to check, only code, comments or markup (a docs tree's section
    index holds only front matter): a folder scan passes over it with a warning, as over a blank
    file; named as an input it is an error (the other inputs are still checked)."""


class UsageError(DriftcheckError):
    """Options that do not make sense together, an unknown language or engine."""


class OutputError(DriftcheckError):
    """An output that cannot be written, or that would overwrite one of the run's inputs."""


class ConfigError(DriftcheckError):
    """A bad key or value in pyproject.toml [tool.driftcheck] or a driftcheck.toml."""


class EngineError(DriftcheckError):
    """A translation engine failed while running."""


class ModelNotFoundError(EngineError):
    """A model or language pair is not installed and cannot be fetched."""


class UnsupportedPairError(EngineError):
    """No engine direction (direct or chained) exists for a language pair."""


def first_line(exc: BaseException) -> str:
    """What a library's exception says, for a one-line message: its first line (at most 200
    characters), or its type's name when it says nothing."""
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__
