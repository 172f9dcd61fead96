"""The progress shown on stderr while `driftcheck check` works, when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from ..timing import Timer

STAGE_LABELS = {
    "read": "reading",
    "translate": "translating",
    "align": "aligning",
    "score": "scoring",
    "check": "checking",
}


@contextmanager
def progress() -> Iterator[Timer]:
    """On stderr, when it is a terminal: the running stage, and a bar per translation direction
    (sentences done, total, time left). Silent otherwise (CI logs, pipes)."""
    if not sys.stderr.isatty():
        yield Timer()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        SpinnerColumn(),
        TextColumn("driftcheck: {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
    )
    with Progress(*columns, TimeRemainingColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("starting", total=None)

        def on_stage(name: str) -> None:
            bar.update(
                task, description=f"{STAGE_LABELS.get(name, name)} …", total=None, completed=0, refresh=True
            )

        def on_progress(direction: str, done: int, total: int) -> None:
            bar.update(
                task, description=f"translating {direction}", total=total, completed=done, refresh=True
            )

        yield Timer(on_stage=on_stage, on_progress=on_progress)
