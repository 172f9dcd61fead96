"""Untrusted text made inert for a terminal: control characters shown, never obeyed.

A sentence, a file name or an engine's message may hold ESC sequences (colours, cursor moves,
window titles, hyperlinks) or other control characters. Everything driftcheck prints for people
(the text summary, Markdown, warnings and error lines) passes through `inert`: C0 controls but
tab and newline become their Unicode control pictures (ESC -> ␛), DEL becomes ␡, C1
controls (U+0080-U+009F, which some terminals also obey) become U+FFFD, and the bidirectional
embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069: they reorder what follows on
the line, "Trojan Source") are named, e.g. [U+202E]. The marks LRM, RLM and ALM, which right-to-left
text needs and which reorder nothing around them, stay. Unicode's noncharacters (U+FDD0-U+FDEF and
the last two code points of every plane, U+FFFE, U+FFFF, U+1FFFE...) are named too: no text holds
them, and in HTML (the page's markup, Markdown rendered by a forge) each is a parse error.

A line that names untrusted text (a warning, an error, a path in the summary) goes through
`one_line`, which shows line breaks as pictures too (newline -> ␊): a file name or a page's
`lang` holding a newline must not start a line of its own, where a CI runner would read
`::error::…` or `::stop-commands::…` as a command.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"  # as a character-class range
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17)
)
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}{NONCHARACTERS}]")
_LINE_CONTROL = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}{NONCHARACTERS}]")
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


STREAMS = ("stdin", "stdout", "stderr")
CLOSED_MARK = "driftcheck_closed_at_start"  # set on the stand-in the CLI gives such a stream


def closed_at_start(fd: int) -> bool:
    """Whether the process started without standard descriptor `fd` (0-2: `>&-`, `2>&-`, cron, a
    daemon): Python then sets its stream to None; the CLI puts /dev/null on the descriptor, so no
    file the run opens takes its number, and marks the stream it puts in its place."""
    stream = (sys.stdin, sys.stdout, sys.stderr)[fd]
    return stream is None or bool(getattr(stream, CLOSED_MARK, False))


def closed_stream(fd: int) -> str:
    """What an error says of a standard stream the process started without."""
    given = ("<&-", ">&-", "2>&-")[fd]
    return f"{STREAMS[fd]} is closed (the run started without one, as with {given})"


def no_stdin(name: str) -> str:
    """The error line's text for reading stdin (`name`: "-", "/dev/stdin") where there is none."""
    return f"{name}: {closed_stream(0)}: pipe the text in, or name a file"


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code > 0x9F:  # bidirectional controls, line and paragraph separators, noncharacters
        return f"[U+{code:04X}]"
    return "\u2421" if code == 0x7F else "\ufffd"


def name_bidi(text: str) -> str:
    """Only the bidirectional controls named (for outputs that escape other controls their own way)."""
    return _BIDI.sub(_picture, text)


def inert(text: str) -> str:
    return _CONTROL.sub(_picture, text) if _CONTROL.search(text) else text


def one_line(text: str) -> str:
    """`inert`, and line breaks (newline, and the Unicode line and paragraph separators) shown
    too: the text stays on the line it is printed on."""
    return _LINE_CONTROL.sub(_picture, text) if _LINE_CONTROL.search(text) else text


_COMMAND = re.compile(r"\s*(?:::|##\[)")  # how a CI runner's workflow commands open a line


def not_a_command(path: str) -> str:
    """A path that opens a printed line, made unable to read as a CI runner's command: one that
    starts with `::` or `##[` (GitHub Actions skips the spaces before either) gets `./` in
    front, which names the same file."""
    return f"./{path}" if _COMMAND.match(path) else path


@contextmanager
def naming_stream(name: str) -> Iterator[None]:
    """An error of a write to a standard stream names it (`stdout: No space left on device`, where
    it read "No space left on device", which file unsaid); a broken pipe is left to the CLI."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        if exc.filename is not None:
            raise
        raise OSError(exc.errno, exc.strerror or str(exc), name) from exc


def write_all(text: str, stream: TextIO | None = None) -> None:
    """Write `text` whole to a standard stream (stdout by default) and flush it. Over an unbuffered
    binary layer (PYTHONUNBUFFERED=1, as container images set it) a text stream passes on what one
    write(2) takes and drops the rest when a pipe's reader has gone: `report … | head -c 100` ended
    with exit 0 and a truncated report. The bytes go to the binary layer until all are taken, so a
    reader that is gone raises BrokenPipeError, which the CLI reports (exit 2)."""
    stream = stream or sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a stream of text only (io.StringIO)
        stream.write(text)
        stream.flush()
        return
    with naming_stream("stderr" if stream is sys.stderr else "stdout"):
        stream.flush()
        data = memoryview(text.encode(stream.encoding or "utf-8", stream.errors or "strict"))
        while data:
            taken = buffer.write(data)
            if taken is None:  # a non-blocking stream that is full: wait until it takes more
                import select

                select.select([], [buffer], [])
                continue
            data = data[taken:]
        buffer.flush()
