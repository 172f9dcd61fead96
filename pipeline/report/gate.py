"""Policy -> exit code. Works on the canonical JSON dict, so a baseline-filtered report gates the same way.

0: the gate passed; 1: it failed; 2 (usage, input, config or model error) is chosen by cli.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..records import VERDICTS, flag_of, verdict_rank
from ..words import counted  # the gate line said "1 sentence(s)", "1 flagged sentences"

PASSED, FAILED, ERROR = 0, 1, 2
GATE_KEYS = ("fail_on", "max_flagged", "min_chrf")  # the settings the gate applies


@dataclass(frozen=True)
class GateResult:
    passed: bool
    reasons: tuple[str, ...]
    # the reasons that are no sentence's: --max-flagged, --min-chrf, unread inputs
    limits: tuple[str, ...] = ()
    unread: tuple[str, ...] = ()  # of those, the inputs the run could not read (said on stderr as errors)

    @property
    def exit_code(self) -> int:
        return PASSED if self.passed else FAILED


def fails(verdict: str, fail_on: str = "fail") -> bool:
    """The one pass/fail rule of a segment: its verdict reaches `fail_on` ("never" fails nothing;
    an unknown level reads as "fail"). The gate and every CI format (JUnit, ...) call this."""
    if fail_on == "never":
        return False
    threshold = fail_on if fail_on in VERDICTS else "fail"
    return verdict_rank(verdict) >= verdict_rank(threshold)


def gate(
    data: dict[str, Any],
    fail_on: str = "fail",
    max_flagged: int | None = None,
    min_chrf: float | None = None,
    unread: tuple[str, ...] = (),
    said: Mapping[str, str] | None = None,
) -> GateResult:
    """`said`: how the user gave a limit that no flag gave ("'max_flagged' in driftcheck.toml"), for
    its reason (a flag otherwise: the reasons named `--max-flagged` to someone who never typed it)."""
    reasons: list[str] = []
    segments = data["segments"]
    bad = [s for s in segments if fails(s["verdict"], fail_on)]

    def limit(key: str, value: object, parenthesised: bool = False) -> str:
        """ "--max-flagged 5" for a flag, "5 ('max_flagged' in driftcheck.toml)" for a config's
        (inside parentheses already: "review: 'fail_on' in driftcheck.toml")."""
        how = (said or {}).get(key)
        if not how:
            return f"{flag_of(key)} {value}"
        return f"{value}: {how}" if parenthesised else f"{value} ({how})"

    if bad:
        reasons.append(
            f"{counted(len(bad), 'sentence')} with verdict '{fail_on}' or worse ({limit('fail_on', fail_on, parenthesised=True)})"
        )
    per_sentence = len(reasons)
    if max_flagged is not None:
        flagged = sum(s["verdict"] != "ok" for s in segments)
        if flagged > max_flagged:
            reasons.append(
                f"{counted(flagged, 'flagged sentence')}, more than {limit('max_flagged', max_flagged)}"
            )
    if min_chrf is not None:
        for doc in data["documents"]:
            if not doc["scores"]:  # nothing measured: the limit cannot be shown to hold
                reasons.append(
                    f"{doc['path']}: no corpus chrF (no sentence of it could be verified) for {limit('min_chrf', f'{min_chrf:g}')}"
                )
            for name, sc in doc["scores"].items():
                if sc["chrf"] < min_chrf:
                    reasons.append(
                        f"{doc['path']}: corpus chrF ({name}) {sc['chrf']:.1f} < {limit('min_chrf', f'{min_chrf:g}')}"
                    )
    not_read = tuple(f"input not read: {why}" for why in unread)
    reasons += not_read
    return GateResult(not reasons, tuple(reasons), tuple(reasons[per_sentence:]), not_read)


def with_limits(
    data: dict[str, Any],
    max_flagged: int | None,
    min_chrf: float | None,
    unread: list[str] | None = None,
    said: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The report with the run's limits in its signature (`gate`: only those set), so that every
    format shows the gate the exit code applied; and the inputs the run could not read (`unread`:
    each input's error), which the exit code (2) says too: a report of the inputs that were read
    looked like a clean run in every CI format. Added after the run, like a baseline: a reused
    report is the same whatever the limits."""
    limits: dict[str, Any] = {
        k: v for k, v in (("max_flagged", max_flagged), ("min_chrf", min_chrf)) if v is not None
    }
    if unread:
        limits["unread"] = list(unread)
    if said:  # the limits a config file (or the API) gave, named as given
        limits["said"] = dict(said)
    if not limits:
        return data
    return {**data, "signature": {**data.get("signature", {}), "gate": limits}}


def gate_of(data: dict[str, Any]) -> GateResult:
    """The gate a report records (`--fail-on` and the limits in its signature): what the exit code
    was and what JUnit, SARIF, Markdown and GitHub annotations show."""
    sig = data.get("signature") or {}
    limits = sig.get("gate") or {}
    fail_on = str(sig.get("fail_on") or "fail")
    return gate(
        data,
        fail_on,
        limits.get("max_flagged"),
        limits.get("min_chrf"),
        tuple(limits.get("unread") or ()),
        limits.get("said"),
    )
