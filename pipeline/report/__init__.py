"""Renderers. JSON (to_json) is canonical; every other format renders from the same dict."""

from __future__ import annotations

import importlib
from typing import Any

from ..records import FORMATS  # format -> ("module:function", file extension): declared once there


def render(fmt: str, data: dict[str, Any]) -> str:
    target, _ = FORMATS[fmt]
    module, _, fn = target.partition(":")
    out: str = getattr(importlib.import_module(module), fn)(data)
    return out


def extension(fmt: str) -> str:
    return FORMATS[fmt][1]
