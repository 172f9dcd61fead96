"""The check registry: every check named, graded, titled, documented, and cheap to import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.checks import CHECK_MODULES, Check, load_all, register, run_checks
from pipeline.records import SEVERITIES, Flag, Span

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
        assert spec.severity in spec.check.severities and set(spec.check.severities) <= set(SEVERITIES)
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


def test_checks_run_in_the_order_of_their_modules() -> None:
    """A segment's flags come in CHECK_MODULES order, even when another module (core/verdict.py
    imports checks/drift.py) brought one check in first."""
    code = (
        "import pipeline.core.verdict\n"
        "from pipeline.checks import load_all\n"
        "print(' '.join(spec.fn.__module__ for spec in load_all().values()))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    seen = out.split()
    assert "pipeline.checks.drift" in seen
    assert seen == sorted(seen, key=CHECK_MODULES.index)
    assert seen[0] == CHECK_MODULES[0]


def test_a_check_fills_in_its_name_and_severity() -> None:
    check = Check("example", "major", "An example", also=("info",))
    span = (Span("text", 0, 3),)
    assert check.flag("it differs", span) == Flag("example", "major", "it differs", span)
    assert check.flag("unsure", severity="info") == Flag("example", "info", "unsure")
    assert check.flag("same", severity="major").severity == "major"
    assert check.severities == ("info", "major")
    with pytest.raises(ValueError, match="did not declare severity 'critical'"):
        check.flag("worse", severity="critical")


def test_a_declaration_is_checked() -> None:
    with pytest.raises(ValueError, match="bad declaration"):
        Check("example", "huge", "An example")  # type: ignore[arg-type]  # what mypy would catch
    with pytest.raises(ValueError, match="bad declaration"):
        Check("example", "major", "An example", modes=())


def test_one_name_one_function() -> None:
    numbers = load_all()["numbers"]
    with pytest.raises(ValueError, match="registered twice"):
        register(numbers.check)(lambda inp: [])
    assert load_all()["numbers"] is numbers


def test_checks_build_flags_only_through_their_declaration() -> None:
    """No check module writes `Flag(...)` itself: the name and severity come from its `Check`."""
    folder = Path(__file__).resolve().parents[2] / "pipeline" / "checks"
    direct = [
        f"{path.name}:{node.lineno}"
        for path in sorted(folder.glob("*.py"))
        if path.name != "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Flag"
    ]
    assert direct == []


def test_prepare_loads_the_lexicons_ahead_and_says_nothing() -> None:
    """What the loop runs while the engine translates: every check imported, the word lists of the
    run's languages and the English inflection tables loaded; a language wordfreq lacks is left
    to the checks (no word list guessed, nothing logged)."""
    code = (
        "import sys\n"
        "from pipeline.checks import prepare\n"
        "prepare(['en', 'es', 'eu'])\n"
        "from wordfreq import get_frequency_dict\n"
        "print(get_frequency_dict.cache_info().currsize, 'pipeline.checks.names' in sys.modules,\n"
        "      'lemminflect' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["2", "True", "True"] and done.stderr == ""
