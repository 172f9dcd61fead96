"""One version: pyproject.toml reads it from pipeline/version.py, the package root re-exports it."""

from __future__ import annotations

from importlib.metadata import version

import pipeline
from pipeline.version import __version__


def test_the_installed_distribution_has_the_version_of_pipeline_version() -> None:
    assert version("driftcheck") == __version__ == pipeline.__version__
    assert "__version__" in pipeline.__all__


def test_the_cli_says_its_version() -> None:
    from tests.conftest import run_cli

    r = run_cli("--version")
    assert (r.code, r.stdout, r.stderr) == (0, f"driftcheck {__version__}\n", "")
