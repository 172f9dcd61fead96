"""The terminal summary printed: the CLI's end of report/text.py (which only renders)."""

from __future__ import annotations

import sys
from typing import Any

from ..report.text import plain_lines, print_into
from ..terminal import write_all


def print_text(data: dict[str, Any], stderr: bool = False, limit: int = 200) -> None:
    stream = sys.stderr if stderr else sys.stdout
    lines = plain_lines(data)
    if lines is not None:  # no table, nothing rich would change: printed without importing rich
        write_all("".join(line + "\n" for line in lines), stream)
        return
    import io

    from rich.console import Console

    if stream.isatty():
        print_into(_wide_enough(Console(stderr=stderr, highlight=False)), data, limit)
        return
    # a pipe or a file: rendered as rich renders for one, then written whole (`write_all`); rich
    # meeting a closed pipe itself exits 1 without a word, which CI reads as a failed gate
    buffer = io.StringIO()
    print_into(_wide_enough(Console(file=buffer, highlight=False)), data, limit)
    write_all(buffer.getvalue(), stream)


MIN_WIDTH, FALLBACK_WIDTH, MAX_WIDTH = 20, 80, 500


def _wide_enough(console: Any) -> Any:
    """The console, at 80 columns where COLUMNS says fewer than 20 (some CI containers set
    COLUMNS=0: the summary came out empty, and at 1 its sentences and reasons were dropped), and
    at most 500 (a 4K screen at a small font has about 400): the table fills the width, and
    COLUMNS=99999 wrote lines of 99,999 characters, 1.5 MB for one sentence."""
    if console.width < MIN_WIDTH:
        console.width = FALLBACK_WIDTH
    elif console.width > MAX_WIDTH:
        console.width = MAX_WIDTH
    return console
