"""The HTML report's compiled templates (pipeline/report/templating.py): shipped fresh, used only
while fresh, and rendering exactly what the template sources render."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jinja2
import pytest

from pipeline.report import html, templating
from tests.report.samples import hostile_report


def test_the_shipped_compiled_templates_are_those_of_the_sources(tmp_path: Path) -> None:
    """Fails when a template was edited without `python -m pipeline.report.templating`."""
    written = templating.compile_all(tmp_path / "compiled")
    shipped = sorted(templating.COMPILED.iterdir())
    assert [p.name for p in written] == [p.name for p in shipped if p.name != "__pycache__"]
    for new in written:
        assert new.read_bytes() == (templating.COMPILED / new.name).read_bytes(), new.name


def test_fresh_compiled_templates_are_loaded_as_modules() -> None:
    env = templating.environment()
    assert isinstance(env.loader, jinja2.ModuleLoader)


@pytest.mark.parametrize(
    "stale",
    [
        {"sources": {"report.html.j2": "0" * 64, "macros.html.j2": "0" * 64}},
        {"jinja2": "0.0"},
        {"options": {"autoescape": False}},
    ],
    ids=["edited-template", "other-jinja2", "other-options"],
)
def test_stale_compiled_templates_are_not_used(tmp_path: Path, stale: dict[str, object]) -> None:
    folder = tmp_path / "compiled"
    shutil.copytree(templating.COMPILED, folder, ignore=shutil.ignore_patterns("__pycache__"))
    manifest = json.loads((folder / templating.MANIFEST).read_text())
    (folder / templating.MANIFEST).write_text(json.dumps({**manifest, **stale}))
    env = templating.environment(folder)
    assert isinstance(env.loader, jinja2.PackageLoader)
    (folder / templating.MANIFEST).unlink()  # no manifest: compiled from source too
    assert isinstance(templating.environment.__wrapped__(folder).loader, jinja2.PackageLoader)


def test_compiled_and_source_templates_render_the_same_page(monkeypatch: pytest.MonkeyPatch) -> None:
    data = hostile_report()
    compiled = html.render_html(data)
    source = jinja2.Environment(loader=jinja2.PackageLoader("pipeline.report", "templates"), **templating.OPTIONS)
    monkeypatch.setattr(html, "environment", lambda: source)
    assert html.render_html(data) == compiled
