"""Session fixtures: tiny real Marian models (and their CTranslate2 conversions) in temp folders.

Register in tests/conftest.py with `pytest_plugins = ["conftest_marian"]`, or import the
fixtures into a test module. Building needs torch and transformers; tests that use these
fixtures carry the `requires_marian` marker.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def tiny_models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models folder with `opus-mt-en-de` and `opus-mt-de-en` (random weights, real tokenizers)."""
    from tiny_marian import build_tiny_models

    from pipeline.engines.marian import _quiet

    with _quiet():
        models: Path = build_tiny_models(tmp_path_factory.mktemp("tiny-models"))
    return models


@pytest.fixture(scope="session")
def tiny_ct2_models_dir(tiny_models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of `tiny_models_dir` plus float32 CTranslate2 conversions of both directions.

    float32 (not the default int8) so that the ct2 engine's outputs can be compared with
    the marian engine's token for token.
    """
    from pipeline.engines.convert import convert

    root = tmp_path_factory.mktemp("tiny-ct2-models")
    for folder in tiny_models_dir.iterdir():
        shutil.copytree(folder, root / folder.name)
    for direction in ("en-de", "de-en"):
        convert(direction, root, quantization="float32")
    return root
