"""What an engine is: the Engine protocol, the Translations one call gives back, and the progress
callback. Re-exported by the package (`from pipeline.engines import Engine`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

# Progress of one translate() call: (direction label "en→de", inputs done, inputs in all).
ProgressFn = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Translations:
    """What one translate() call gives back: one output per input, in input order; the inputs the
    engine had to split to fit its length limit (`split`, indices), and those it failed on, with
    the reason (`failed`: index -> why; their output is empty)."""

    texts: list[str]
    split: frozenset[int] = frozenset()
    failed: Mapping[int, str] = field(default_factory=dict)


@runtime_checkable
class Engine(Protocol):
    """A translation engine. Nothing about one call is kept on the engine (outputs, split and failed
    inputs come back in `Translations`; progress goes to the callback given), so two tasks may share
    one engine."""

    name: str

    def directions(self) -> set[tuple[str, str]] | None:
        """Directly supported (src, tgt) pairs, or None when unknown until tried (hub models)."""

    def supports(self, src: str, tgt: str) -> bool:
        """Whether a direct src->tgt model is available (locally or, for hub ids, possibly remotely)."""

    def translate(
        self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None = None
    ) -> Translations:
        """Translate a batch; `progress` (when given) hears how far the call is."""

    def install_hint(self, src: str, tgt: str) -> str:
        """How to make src->tgt available here (one clause, for an error line)."""

    def direction_signature(self, src: str, tgt: str) -> dict[str, object]:
        """What decides this direction's output, found without loading a model (the cache keys on it)."""

    def signature(self) -> dict[str, object]:
        """Engine name, version, options and the models used so far (ids, revisions, paths)."""
