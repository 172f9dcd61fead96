"""The HTML report's Jinja2 environment, with its templates compiled ahead of time.

Compiling report.html.j2 (lexing, parsing, generating and compiling Python) costs more than
rendering it, on every run. So the compiled templates ship in `compiled/`: the Python modules
jinja2's public `Environment.compile_templates` writes, loaded by its `ModuleLoader`, with a
manifest naming the sha256 of every template source, the jinja2 version and the environment's
options they were compiled from. They are used only while the manifest matches what is installed;
an edited template, another jinja2 or other options compile from source, as before, so the page
never comes from a stale template. `python -m pipeline.report.templating` writes them again (a test
fails while they are stale); nothing is written at run time.

CSS and JS files in templates/ are inlined verbatim by html.py (`static`), never compiled.
"""

from __future__ import annotations

import functools
import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = ("report.html.j2", "macros.html.j2")
OPTIONS: dict[str, Any] = {
    "autoescape": True,
    "undefined": jinja2.StrictUndefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}
COMPILED = Path(__file__).with_name("compiled")
MANIFEST = "manifest.json"


def static(name: str) -> str:
    """The text of a file in templates/ (bytes decoded as UTF-8, newlines untouched)."""
    return (resources.files("pipeline.report") / "templates" / name).read_bytes().decode("utf-8")


def manifest() -> dict[str, Any]:
    """What compiled templates must have been compiled from to be used now."""
    options = {k: v.__name__ if isinstance(v, type) else v for k, v in OPTIONS.items()}
    return {
        "jinja2": jinja2.__version__,
        "options": options,
        "sources": {name: hashlib.sha256(static(name).encode("utf-8")).hexdigest() for name in TEMPLATES},
    }


def _fresh(folder: Path) -> bool:
    try:
        stored = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(stored == manifest())


@functools.cache
def environment(folder: Path = COMPILED) -> jinja2.Environment:
    """The report's environment: the compiled templates of `folder` when they are fresh, else the
    template sources (compiled in memory on first use)."""
    loader: jinja2.BaseLoader
    if _fresh(folder):
        loader = jinja2.ModuleLoader(str(folder))
    else:
        loader = jinja2.PackageLoader("pipeline.report", "templates")
    return jinja2.Environment(loader=loader, **OPTIONS)


def compile_all(folder: Path = COMPILED) -> list[Path]:
    """Compile the templates into `folder` (replacing what was there) and write the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("tmpl_*.py"):
        old.unlink()
    source = jinja2.Environment(loader=jinja2.PackageLoader("pipeline.report", "templates"), **OPTIONS)
    source.compile_templates(str(folder), zip=None, filter_func=lambda name: name in TEMPLATES)
    (folder / MANIFEST).write_text(json.dumps(manifest(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return sorted(folder.iterdir())


if __name__ == "__main__":  # python -m pipeline.report.templating
    for path in compile_all():
        print(path)
