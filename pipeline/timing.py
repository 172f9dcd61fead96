"""Wall time per stage (read, translate, align, score, check, write), for benchmarks and --verbose."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Timer:
    stages: dict[str, float] = field(default_factory=dict)
    on_stage: Callable[[str], None] | None = None  # progress display (the CLI's spinner on stderr)
    # translation progress (direction, done, total), handed to the engine as its `progress`
    on_progress: Callable[[str, int, int], None] | None = None

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self.on_stage is not None:
            self.on_stage(name)
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - t0
