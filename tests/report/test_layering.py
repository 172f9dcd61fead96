"""pipeline/report/ renders the canonical JSON: it reads records and shared constants, never a stage.

Every import in every report module (module level and inside functions) is checked, so a helper
borrowed from core/, checks/, inputs/ or engines/ shows up here and belongs in records.py (or a
shared module below the stages) instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

REPORT = ROOT / "pipeline" / "report"
# What report modules may import from the package: records and errors, the shared modules below
# every stage, the input-format registry (a name list config.py reads too), and report/ itself.
ALLOWED = (
    "pipeline.records",
    "pipeline.errors",
    "pipeline.outputs",
    "pipeline.terminal",
    "pipeline.words",
    "pipeline.pieces",
    "pipeline.formats",
    "pipeline.report",
)
# Known exceptions, each with its reason. SARIF lists every rule with its title and default severity,
# which only the check registry knows until checks declare them as data (issue 14, checks).
EXCEPTIONS = {"sarif.py: pipeline.checks"}


def _imports(path: Path) -> list[str]:
    """Absolute names of the package modules `path` imports (relative imports resolved)."""
    package = "pipeline.report"
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            found += [f"{name}.{a.name}" for a in node.names] if name == "pipeline" else [name]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return [n for n in found if n == "pipeline" or n.startswith("pipeline.")]


def test_report_modules_import_no_stage() -> None:
    modules = sorted(REPORT.glob("*.py"))
    assert len(modules) >= 10
    wrong = {
        f"{path.name}: {name}"
        for path in modules
        for name in _imports(path)
        if not any(name == a or name.startswith(a + ".") for a in ALLOWED)
    }
    assert wrong == EXCEPTIONS, sorted(wrong)


def test_the_checker_sees_relative_and_absolute_imports(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from ..core.verdict import verdict\nfrom . import html\nimport pipeline.checks\nfrom pipeline import api\n"
        "def f():\n    from ..inputs.read import read_bytes\n",
        encoding="utf-8",
    )
    assert _imports(probe) == [
        "pipeline.core.verdict",
        "pipeline.report",
        "pipeline.checks",
        "pipeline.api",
        "pipeline.inputs.read",
    ]
