"""verdict(): fail on critical, review on major, else ok; drift(): 0..1 ranking."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from pipeline.checks import CheckInput
from pipeline.core.verdict import drift, verdict
from pipeline.records import Flag


def flag(severity: str, check: str = "numbers") -> Flag:
    return Flag(check, severity, f"a {severity} finding")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("severities", "expected"),
    [
        ([], "ok"),
        (["info"], "ok"),
        (["minor", "minor", "info"], "ok"),
        (["major"], "review"),
        (["minor", "major", "info"], "review"),
        (["critical"], "fail"),
        (["major", "critical", "minor"], "fail"),
    ],
)
def test_verdict(severities: list[str], expected: str) -> None:
    assert verdict([flag(s) for s in severities]) == expected


SOURCE = "El comité fue fundado en 1937."
GOOD = "The committee was founded in 1937."


def inp(target: str = GOOD, back: str = SOURCE, options: Mapping[str, object] | None = None) -> CheckInput:
    return CheckInput(SOURCE, "es", target, "en", back=back, forward=GOOD, options=options or {})


def test_drift_bands_follow_severity() -> None:
    none = drift(inp(), [])
    minor = drift(inp(), [flag("minor")])
    major = drift(inp(), [flag("major")])
    critical = drift(inp(), [flag("critical")])
    assert 0.0 <= none < 0.6 <= major < 0.85 <= critical <= 1.0
    assert none <= minor < 0.6


def test_drift_grows_with_distance() -> None:
    close = drift(inp(), [])
    far = drift(inp("Bananas are yellow and grow in warm countries.", back="Los plátanos son amarillos."), [])
    assert close < far


def test_unverifiable_sits_mid_band() -> None:
    assert drift(inp(), [flag("info", "engine_health")]) == pytest.approx(0.3)
