"""A newcomer's setup: `.ci/setup` runs apt-get only when a binary or an Apertium mode is missing
(judged by what is there, since apertium-fra-spa is a virtual package dpkg never lists), and the
help names every value (FILE..., LANG, ENGINE) instead of <str>."""

from __future__ import annotations

import subprocess
from pathlib import Path

import click
import pytest
import typer

from tests.conftest import ROOT

SCRIPT = ROOT / ".ci" / "system-packages"


def missing(path: str) -> list[str]:
    out = subprocess.run(
        ["bash", str(SCRIPT)], capture_output=True, text=True, env={"PATH": path}, check=True
    )
    return out.stdout.split()


@pytest.mark.requires_apertium
@pytest.mark.requires_chromium
def test_nothing_is_missing_where_everything_is_installed() -> None:
    assert missing("/usr/local/bin:/usr/bin:/bin") == []


def test_missing_modes_and_binaries_are_named_by_package(tmp_path: Path) -> None:
    fake = tmp_path / "apertium"
    fake.write_text('#!/bin/sh\nprintf "  eng-spa\\n  spa-eng\\n  fr-es\\n  es-fr\\n"\n')
    fake.chmod(0o755)
    for tool in ("bash", "sort", "tr"):
        (tmp_path / tool).symlink_to(
            subprocess.run(["which", tool], capture_output=True, text=True).stdout.strip()
        )
    assert missing(str(tmp_path)) == [
        "apertium-eng-cat", "apertium-eo-en", "apertium-es-pt", "apertium-spa-ita", "chromium", "gettext",
    ]  # fmt: skip
    fake.unlink()
    assert "apertium" in missing(str(tmp_path)) and "apertium-eng-spa" in missing(str(tmp_path))


def test_setup_asks_apt_only_through_the_check() -> None:
    setup = (ROOT / ".ci" / "setup").read_text()
    assert "dpkg -s" not in setup and "bash .ci/system-packages" in setup


def test_every_value_in_the_help_has_a_name() -> None:
    from pipeline.cli.app import app

    root = typer.main.get_command(app)

    def walk(cmd: click.Command, path: str) -> None:
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                walk(sub, f"{path} {name}")
            return
        ctx = click.Context(cmd, info_name=path)
        for param in cmd.params:
            if isinstance(param, click.Option) and (param.is_flag or param.count):
                continue
            metavar = param.make_metavar(ctx) if isinstance(param, click.Option) else param.metavar
            assert metavar and metavar == metavar.upper().replace(".JSONL", ".jsonl").replace(
                ".JSON", ".json"
            ), (
                path,
                param.name,
                metavar,
            )
            assert "<" not in metavar, (path, param.name, metavar)

    walk(root, "driftcheck")
