"""Policy -> exit code. Works on the canonical JSON dict, so a baseline-filtered report gates the same way.

0: the gate passed; 1: it failed; 2 (usage, input, config or model error) is chosen by cli.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..records import verdict_rank

PASSED, FAILED, ERROR = 0, 1, 2


@dataclass(frozen=True)
class GateResult:
    passed: bool
    reasons: tuple[str, ...]

    @property
    def exit_code(self) -> int:
        return PASSED if self.passed else FAILED


def gate(
    data: dict[str, Any], fail_on: str = "fail", max_flagged: int | None = None, min_chrf: float | None = None
) -> GateResult:
    reasons: list[str] = []
    segments = data["segments"]
    if fail_on != "never":
        bad = [s for s in segments if verdict_rank(s["verdict"]) >= verdict_rank(fail_on)]
        if bad:
            reasons.append(f"{len(bad)} sentence(s) with verdict '{fail_on}' or worse (--fail-on {fail_on})")
    if max_flagged is not None:
        flagged = sum(s["verdict"] != "ok" for s in segments)
        if flagged > max_flagged:
            reasons.append(f"{flagged} flagged sentences, more than --max-flagged {max_flagged}")
    if min_chrf is not None:
        for doc in data["documents"]:
            for name, sc in doc["scores"].items():
                if sc["chrf"] < min_chrf:
                    reasons.append(
                        f"{doc['path']}: corpus chrF ({name}) {sc['chrf']:.1f} < --min-chrf {min_chrf:g}"
                    )
    return GateResult(not reasons, tuple(reasons))
