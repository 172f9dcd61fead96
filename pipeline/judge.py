"""From flags to a SegmentResult: which checks run (config), waivers, and the verdict."""

from __future__ import annotations

from dataclasses import replace

from .checks import load_all
from .config import Settings
from .records import Flag, RoundTrip, Segment, SegmentResult, Severity, SourceComparison
from .verdict import verdict

ALIGNMENT_CHECKS = ("omission", "addition")  # raised by the aligner, not by a check function


def check_config(settings: Settings) -> tuple[set[str], dict[str, Severity]]:
    """Enabled check names and severity overrides, from [checks] in the config."""
    names = set(load_all()) | set(ALIGNMENT_CHECKS)
    enabled = {n for n in names if settings.checks.get(n, {}).get("enabled", True)}
    severities = {n: c["severity"] for n, c in settings.checks.items() if "severity" in c}
    return enabled, severities


def regrade(flags: list[Flag], severities: dict[str, Severity]) -> list[Flag]:
    return [replace(f, severity=severities[f.check]) if f.check in severities else f for f in flags]


def finish(
    seg: Segment, flags: list[Flag], drift: float, rts: tuple[RoundTrip, ...], comp: SourceComparison | None
) -> SegmentResult:
    """Drop waived flags (inline `driftcheck: ignore` comments) and give the verdict."""
    if seg.waived:
        flags = [f for f in flags if "*" not in seg.waived and f.check not in seg.waived]
    return SegmentResult(seg, rts, comp, drift, tuple(flags), verdict(flags))
