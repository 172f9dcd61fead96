"""The thin Typer app: parse options, call the library, write outputs (errors to exit codes: shell.py).

Exit codes: 0 the gate passed, 1 the gate failed, 2 usage, input, config or model error.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..errors import UsageError
from .baseline import baseline_app
from .learn import calibrate, eval_cmd
from .options import (
    Beam,
    CachePath,
    CalibrationOpt,
    ConfigOpt,
    Device,
    Engine,
    Lang,
    ModelsDir,
    MorphOpt,
    NoCache,
    Pivot,
    SemanticOpt,
    SourceLang,
    Threads,
    Via,
    cli_settings,
)
from .shell import EXIT_HELP, DriftcheckApp

app = DriftcheckApp(
    name="driftcheck",
    help="Did the meaning survive? Sentence-level checks of machine-translated copy.\n\n" + EXIT_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(baseline_app, name="baseline")
app.add_lazy_subapps()  # models, cache
main = app


def _show_version(value: bool) -> None:
    if value:
        from ..version import __version__

        typer.echo(f"driftcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Did the meaning survive? Sentence-level checks of machine-translated copy."""


@app.command()
def check(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...",
            help="Files (text, Markdown, HTML; bilingual JSONL, TSV, CSV, Parquet, PO, XLIFF, TMX), directories, or - for stdin.",
        ),
    ],
    lang: Lang = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source", metavar="FILE", help="The original document: check FILE as its translation."
        ),
    ] = None,
    source_lang: SourceLang = None,
    pivot: Pivot = None,
    via: Via = None,
    engine: Engine = None,
    beam: Beam = None,
    models_dir: ModelsDir = None,
    device: Device = None,
    threads: Threads = None,
    cache: CachePath = None,
    no_cache: NoCache = False,
    semantic: SemanticOpt = None,
    morph: MorphOpt = None,
    fmt: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text, json, html, markdown, junit, sarif, github; repeat for several.",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Output file (one format; format inferred from the suffix) or directory (several).",
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="VERDICT",
            help="Fail the gate at this verdict: review, fail (default) or never.",
        ),
    ] = None,
    max_flagged: Annotated[
        int | None,
        typer.Option(
            "--max-flagged", metavar="N", min=0, help="Fail when more sentences than this are flagged."
        ),
    ] = None,
    min_chrf: Annotated[
        float | None,
        typer.Option(
            "--min-chrf",
            metavar="X",
            min=0,
            max=100,
            help="Fail when a document's corpus chrF is below this.",
        ),
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option(
            "--baseline", metavar="FILE", help="Baseline file: only flags not in it count for the gate."
        ),
    ] = None,
    include: Annotated[
        list[str] | None,
        typer.Option("--include", metavar="GLOB", help="Glob for files inside directories (repeat)."),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", metavar="GLOB", help="Glob of files to skip inside directories (repeat)."),
    ] = None,
    calibration: CalibrationOpt = None,
    annotate: Annotated[
        str | None,
        typer.Option(
            "--annotate",
            metavar="PATH",
            help="Write a copy of each PO/XLIFF input with flagged units marked for review "
            "(PO: fuzzy + comment; XLIFF: state + note): a file, or a folder for several.",
        ),
    ] = None,
    unapproved_only: Annotated[
        bool,
        typer.Option(
            "--unapproved-only",
            help="PO/XLIFF: check only units not yet approved (PO: fuzzy; XLIFF: not final).",
        ),
    ] = False,
    executor: Annotated[
        str,
        typer.Option(
            "--executor",
            metavar="EXECUTOR",
            help="local (this process, default) or ray: segment files as shards over Ray workers.",
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            "--address", metavar="ADDR", help="Ray cluster to join (ray start --head); default: a local Ray."
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", metavar="N", min=0, help="Ray workers (0: one per CPU).")
    ] = 0,
    shard_results: Annotated[
        str | None,
        typer.Option(
            "--shard-results", metavar="DIR", help="Ray: also write every shard's JSON report into DIR."
        ),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            metavar="NAME",
            help="The file name stdin (-) stands for: its suffix picks the format (pairs.jsonl, copy.md), "
            "a language code in it declares the language (copy.es.txt), reports name it.",
        ),
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Check translated copy: round trip (copy only) or source-aware (--source, or a bilingual file).

    Formats, by suffix (bilingual ones select source-aware mode):

    \b
      text, Markdown   driftcheck check article.md --pivot es
      HTML article     driftcheck check page.html   (the article only; <html lang> sets --lang)
      HTML pair        driftcheck check page.en.html --source page.es.html
      JSONL, TSV, CSV  driftcheck check pairs.jsonl --source-lang es --lang en
      PO, POT          driftcheck check locale/es.po --annotate review/es.po
      XLIFF 1.2, 2.x   driftcheck check job.xlf --unapproved-only --annotate review/
      TMX 1.4          driftcheck check memory.tmx --lang es

    Exit codes: 0 gate passed, 1 gate failed, 2 usage/input/config/model error, 130 interrupted,
    143 terminated.
    """
    from .run import run_check

    settings = cli_settings(
        config,
        no_cache,
        run=True,
        lang=lang,
        source_lang=source_lang,
        pivots=pivot,
        via=via,
        engine=engine,
        beam=beam,
        models_dir=models_dir,
        device=device,
        threads=threads,
        cache_path=cache,
        semantic=semantic,
        morph=morph,
        fail_on=fail_on,
        max_flagged=max_flagged,
        min_chrf=min_chrf,
        formats=fmt,
        output=output,
        baseline=baseline,
        include=include,
        exclude=exclude,
        calibration=calibration,
        annotate=annotate,
        unapproved_only=unapproved_only or None,
    )
    ray = _ray_options(executor, address, workers, shard_results)
    from .output_plan import settle_outputs

    settle_outputs(settings, cli_formats=bool(fmt), cli_output=output is not None)  # the command line wins
    # formats from a config file count as given, like --format (they were ignored beside `output`,
    # and so was `formats = ["text"]`, which equals the default)
    given = bool(fmt) or "formats" in settings.explicit
    code = run_check(
        files, settings, source, formats_given=given, config=config, ray=ray, stdin_name=stdin_filename
    )
    raise typer.Exit(code)


def _ray_options(executor: str, address: str | None, workers: int, shard_results: str | None) -> Any:
    """None for a local run; the Ray executor's options (pipeline/scale/) otherwise."""
    if executor not in ("local", "ray"):
        raise UsageError(f"--executor must be local or ray, not '{executor}'")
    if executor == "local":
        if address is not None or workers or shard_results is not None:
            raise UsageError("--address, --workers and --shard-results need --executor ray")
        return None
    from ..scale.executor_ray import RayOptions

    return RayOptions(address, workers, shard_results)


@app.command()
def report(
    report_json: Annotated[
        str, typer.Argument(metavar="REPORT.json", help="A JSON report written by `driftcheck check`.")
    ],
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="html, markdown, text, junit, sarif, github or json (default: from the --output "
            "suffix, else html).",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Output file (default: stdout)."),
    ] = None,
) -> None:
    """Re-render a saved JSON report in another format (JSON stays the one source of truth)."""
    from ..api import load_report
    from ..records import FORMATS
    from ..report import render
    from .output_plan import check_suffix, infer_format, names_folder, preflight_outputs
    from .run import write_or_print

    if formats and len(set(formats)) > 1:
        raise UsageError(f"`report` writes one format, not {len(set(formats))}: run it once per format")
    fmt = formats[0] if formats else None
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}': choose one of {', '.join(FORMATS)}")
    dest = None if output in (None, "-", "/dev/stdout") else output
    if dest is not None and names_folder(dest):
        raise UsageError(f"--output {dest} is a folder: `report` writes one file; give a file name")
    if dest is not None:
        fmt = fmt or infer_format(dest)
        check_suffix(fmt, dest, folder=False)  # `report` writes one file: no folder to offer
        preflight_outputs([(f"the {fmt} report", dest)], [("input", report_json)])
    else:
        from ..output_checks import stdout_open_or_error

        stdout_open_or_error()  # `>&-`: said before the report is read
    data = load_report(report_json)
    if fmt == "text" and dest is None:  # as `check` prints its summary: the terminal's width
        from .summary import print_text

        print_text(data)
        return
    write_or_print(render(fmt or "html", data), dest)


# The learning commands (eval, calibrate) live in cli/learn.py; registered here, after `report`,
# so `driftcheck --help` lists the commands in the same order.
app.command("eval")(eval_cmd)
app.command()(calibrate)

if __name__ == "__main__":
    main()
