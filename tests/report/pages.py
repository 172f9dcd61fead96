"""Helpers of the browser tests (tests/report/test_browser*.py): Chromium's flags, an opened page.

The fixtures that use them (`reports`, `browser`, `context`, `open_report`) are in
tests/report/conftest.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.report.html import anchor_for

if TYPE_CHECKING:
    from playwright.sync_api import Dialog

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / ".ci" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def by_id(anchor: str) -> str:
    """A CSS selector for an element id with dots in it."""
    return f'[id="{anchor}"]'


@dataclass
class Opened:
    page: Any
    url: str
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def visible_ids(self) -> list[str]:
        ids: list[str] = self.page.eval_on_selector_all(
            "main article.seg", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"
        )
        return ids

    def shown(self) -> str:
        return str(self.page.text_content("#shown"))


def anchors(data: dict[str, Any], pred: Any = lambda s: True) -> list[str]:
    return [anchor_for(s["document"], s["id"]) for s in data["segments"] if pred(s)]


def record_and_dismiss(dialogs: list[str], dialog: Dialog) -> None:
    dialogs.append(dialog.message)
    dialog.dismiss()
