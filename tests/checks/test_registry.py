"""The check registry: every check named, graded, titled, documented, and cheap to import."""

from __future__ import annotations

import subprocess
import sys

from pipeline.checks import CHECK_MODULES, load_all, run_checks
from pipeline.records import SEVERITIES

from .helpers import make

REQUIRED = {
    "numbers",
    "dates",
    "names",
    "negation",
    "mood",
    "untranslated",
    "empty",
    "truncated",
    "length",
    "engine_health",
    "drift",
}


def test_required_checks_are_registered() -> None:
    registry = load_all()
    assert REQUIRED <= set(registry)
    for name, spec in registry.items():
        assert spec.name == name and spec.severity in SEVERITIES and spec.title
        assert spec.fn.__doc__, f"{name} has no docstring"
        assert set(spec.modes) <= {"source", "roundtrip"}


def test_every_check_runs_on_odd_input() -> None:
    for inp in (
        make("", ""),
        make("¿?", "!"),
        make("1.000.000,5 %", "1,000,000.5%"),
        make("x" * 2000, "y" * 2000),
    ):
        for f in run_checks(inp):
            assert f.severity in SEVERITIES and f.message


def test_importing_the_checks_stays_light() -> None:
    code = (
        "import sys, importlib\n"
        f"for m in {list(CHECK_MODULES)!r}: importlib.import_module(m)\n"
        "import pipeline.core.verdict\n"
        "names = ('wordfreq', 'lingua', 'dateparser', 'torch', 'transformers', 'sacrebleu')\n"
        "heavy = [m for m in names if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""
