"""The CPUs this process may keep busy: one answer for the engines' threads and the scoring pools.

A Ray actor declares the CPU Ray gave it (`set_cpus(1)`), so that its engine translates on one
thread and its scoring stays in the process, instead of competing with the other actors for
cores that are theirs. Everywhere else it is every CPU the process may run on.
"""

from __future__ import annotations

import os

_CPUS: list[int] = []  # set_cpus


def set_cpus(n: int | None) -> None:
    """Declare the CPUs this process may keep busy; None: every CPU it may run on again."""
    _CPUS[:] = [] if n is None else [max(1, n)]


def cpus() -> int:
    """The CPUs this process may keep busy (`set_cpus`, else every CPU it may run on)."""
    if _CPUS:
        return _CPUS[0]
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
