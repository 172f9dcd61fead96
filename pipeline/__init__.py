"""driftcheck as a library: `import pipeline`.

The names below are imported on first use, so importing the package (and `driftcheck --help`)
stays fast. See the README's "Python API" section.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .version import __version__

__all__ = [
    "VERDICTS",
    "Batch",
    "BatchResult",
    "ConfigError",
    "DriftcheckError",
    "EngineError",
    "EngineSpec",
    "InputError",
    "OutputError",
    "Report",
    "RunConfig",
    "RunInfo",
    "Settings",
    "UsageError",
    "__version__",
    "load_engine",
    "load_report",
    "merge",
    "resolve_config",
    "to_json",
    "verify_copy",
    "verify_files",
    "verify_pairs",
    "verify_segments",
]

_WHERE = {
    **dict.fromkeys(
        ("DriftcheckError", "UsageError", "InputError", "OutputError", "ConfigError", "EngineError"),
        "pipeline.errors",
    ),
    "VERDICTS": "pipeline.records",
    "Report": "pipeline.records",
    "Settings": "pipeline.config",
    "Batch": "pipeline.core.batch",
    "BatchResult": "pipeline.core.batch",
    "RunInfo": "pipeline.core.batch",
    "merge": "pipeline.core.batch",
    "verify_segments": "pipeline.core.batch",
    "RunConfig": "pipeline.core.run_config",
    "EngineSpec": "pipeline.engines",
    "load_engine": "pipeline.engines",
    "resolve_config": "pipeline.core.run_config",
    "load_report": "pipeline.api",
    "to_json": "pipeline.api",
    "verify_copy": "pipeline.api",
    "verify_files": "pipeline.api",
    "verify_pairs": "pipeline.api",
}

if TYPE_CHECKING:
    from .api import load_report, to_json, verify_copy, verify_files, verify_pairs
    from .config import Settings
    from .core.batch import Batch, BatchResult, RunInfo, merge, verify_segments
    from .core.run_config import RunConfig, resolve_config
    from .engines import EngineSpec, load_engine
    from .errors import ConfigError, DriftcheckError, EngineError, InputError, OutputError, UsageError
    from .records import VERDICTS, Report


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
