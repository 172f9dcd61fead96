"""Renderers. JSON (to_json) is canonical; every other format renders from the same dict."""

from __future__ import annotations

import importlib
from typing import Any

# format -> ("module:function", file extension)
RENDERERS: dict[str, tuple[str, str]] = {
    "json": ("pipeline.report.to_json:render_json", ".json"),
    "text": ("pipeline.report.text:render_text", ".txt"),
    "html": ("pipeline.report.html:render_html", ".html"),
    "markdown": ("pipeline.report.markdown:render_markdown", ".md"),
    "junit": ("pipeline.report.junit:render_junit", ".junit.xml"),
    "sarif": ("pipeline.report.sarif:render_sarif", ".sarif"),
    "github": ("pipeline.report.github:render_github", ".github.txt"),
}


def render(fmt: str, data: dict[str, Any]) -> str:
    target, _ = RENDERERS[fmt]
    module, _, fn = target.partition(":")
    out: str = getattr(importlib.import_module(module), fn)(data)
    return out


def extension(fmt: str) -> str:
    return RENDERERS[fmt][1]
