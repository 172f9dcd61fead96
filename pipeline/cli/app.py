"""The thin Typer app: parse options, call the library, write outputs (errors to exit codes: shell.py).

Exit codes: 0 the gate passed, 1 the gate failed, 2 usage, input, config or model error.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Annotated, Any

import typer

from ..errors import UsageError
from .baseline import baseline_app
from .options import (
    Beam,
    CachePath,
    CalibrationOpt,
    ConfigOpt,
    Device,
    Engine,
    Lang,
    ModelsDir,
    NoCache,
    Pivot,
    SemanticOpt,
    SourceLang,
    Threads,
    Via,
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


def _settings(config: str | None, **cli: Any) -> Any:
    from ..config import load_settings

    if cli.get("models_dir") is None and os.environ.get("DRIFTCHECK_MODELS"):
        pass  # resolved by the engines (flag > config > env > ./models)
    return load_settings(cli, config)


@app.command()
def check(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...",
            help="Files (text, Markdown, HTML; bilingual JSONL, TSV, PO, XLIFF, TMX), directories, or - for stdin.",
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
    config: ConfigOpt = None,
) -> None:
    """Check translated copy: round trip (copy only) or source-aware (--source, or a bilingual file).

    Formats, by suffix (bilingual ones select source-aware mode):

    \b
      text, Markdown   driftcheck check article.md --pivot es
      HTML article     driftcheck check page.html   (the article only; <html lang> sets --lang)
      HTML pair        driftcheck check page.en.html --source page.es.html
      JSONL, TSV       driftcheck check pairs.jsonl --source-lang es --lang en
      PO, POT          driftcheck check locale/es.po --annotate review/es.po
      XLIFF 1.2, 2.x   driftcheck check job.xlf --unapproved-only --annotate review/
      TMX 1.4          driftcheck check memory.tmx --lang es

    Exit codes: 0 gate passed, 1 gate failed, 2 usage/input/config/model error.
    """
    from .run import run_check

    settings = _settings(
        config,
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
    if no_cache:
        settings = dataclasses.replace(settings, cache=False)
    raise typer.Exit(run_check(files, settings, source, formats_given=bool(fmt), config=config))


@app.command()
def report(
    report_json: Annotated[
        str, typer.Argument(metavar="REPORT.json", help="A JSON report written by `driftcheck check`.")
    ],
    fmt: Annotated[
        str | None,
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
    from ..report import RENDERERS, render
    from .output_plan import check_suffix, infer_format
    from .run import load_report, preflight_outputs, write_or_print

    if fmt is not None and fmt not in RENDERERS:
        raise UsageError(f"unknown format '{fmt}': choose one of {', '.join(RENDERERS)}")
    dest = None if output in (None, "-", "/dev/stdout") else output
    if dest is not None:
        fmt = fmt or infer_format(dest)
        check_suffix(fmt, dest)
        preflight_outputs([dest], [("input", report_json)])
    data = load_report(report_json)
    write_or_print(render(fmt or "html", data), dest)


@app.command("eval")
def eval_cmd(
    labelled: Annotated[
        list[str],
        typer.Argument(
            metavar="LABELLED.jsonl...",
            help="Labelled JSONL files: source, translation, label (ok|shifted), category, severity, pair_id.",
        ),
    ],
    mode: Annotated[
        str,
        typer.Option(
            "--mode", metavar="MODE", help="source (compare with the source) or roundtrip (copy only)."
        ),
    ] = "source",
    split: Annotated[
        str,
        typer.Option(
            "--split",
            metavar="PART",
            help="heldout (pair_id % 5 == 0), train, all, or both (heldout and train).",
        ),
    ] = "both",
    cv: Annotated[
        bool,
        typer.Option(
            "--cv", help="Also judge the training part cross-validated by sentence (needs scikit-learn)."
        ),
    ] = False,
    uncalibrated: Annotated[
        bool, typer.Option("--uncalibrated", help="Verdicts from the flag rules alone (no calibration).")
    ] = False,
    calibration: CalibrationOpt = None,
    lang: Lang = None,
    source_lang: SourceLang = None,
    engine: Engine = None,
    pivot: Pivot = None,
    models_dir: ModelsDir = None,
    cache: CachePath = None,
    no_cache: NoCache = False,
    semantic: SemanticOpt = None,
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="PATH", help="Folder for eval.json and eval.md.")
    ] = "reports/eval",
    config: ConfigOpt = None,
) -> None:
    """Measure labelled files: false flags, recall, MCC, ROC AUC of drift, per check and category."""
    from ..learn.evaluate import run_eval

    if mode not in ("source", "roundtrip"):
        raise UsageError(f"--mode must be source or roundtrip, not '{mode}'")
    splits = {"both": ("heldout", "train"), "heldout": ("heldout",), "train": ("train",), "all": ("all",)}
    if split not in splits:
        raise UsageError(f"--split must be heldout, train, all or both, not '{split}'")
    settings = _settings(
        config,
        lang=lang,
        source_lang=source_lang,
        engine=engine,
        pivots=pivot,
        models_dir=models_dir,
        cache_path=cache,
        semantic=semantic,
        calibration=calibration,
    )
    if no_cache:
        settings = dataclasses.replace(settings, cache=False)
    from pathlib import Path

    from .run import preflight_outputs

    folder = Path(output)
    preflight_outputs(
        [str(folder / "eval.json"), str(folder / "eval.md")],
        [("input", path) for path in labelled] + ([("config file", config)] if config else []),
    )
    run_eval(labelled, settings, mode, output, splits[split], cv, not uncalibrated)


@app.command()
def calibrate(
    labelled: Annotated[
        list[str],
        typer.Argument(
            metavar="LABELLED.jsonl...",
            help="Labelled JSONL files (as for eval): your editors' ok/shifted judgements.",
        ),
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="FILE", help="The calibration file to write.")
    ],
    engine: Engine = None,
    lang: Lang = None,
    source_lang: SourceLang = None,
    models_dir: ModelsDir = None,
    cache: CachePath = None,
    no_cache: NoCache = False,
    semantic: SemanticOpt = None,
    review_rate: Annotated[
        float,
        typer.Option(
            "--review-rate", metavar="RATE", min=0.0, max=1.0, help="Share of correct translations flagged."
        ),
    ] = 0.05,
    fail_rate: Annotated[
        float,
        typer.Option(
            "--fail-rate", metavar="RATE", min=0.0, max=1.0, help="Share of correct translations failed."
        ),
    ] = 0.01,
    budget: Annotated[
        float,
        typer.Option(
            "--budget",
            metavar="RATE",
            min=0.0,
            max=1.0,
            help="A check kind over this false-flag share raises minor only.",
        ),
    ] = 0.01,
    include_heldout: Annotated[
        bool,
        typer.Option("--include-heldout", help="Train on the held-out fifth too (nothing left to test on)."),
    ] = False,
    add_to: Annotated[
        str | None,
        typer.Option(
            "--add-to",
            metavar="FILE",
            help="Put the new variant first in this existing calibration file's variants.",
        ),
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Train a calibration (source-aware verdicts) on labelled files; needs scikit-learn (the `train` extra)."""
    from pathlib import Path

    from ..learn.calibrate import run_calibrate
    from .run import preflight_outputs

    settings = _settings(
        config,
        lang=lang,
        source_lang=source_lang,
        engine=engine,
        models_dir=models_dir,
        cache_path=cache,
        semantic=semantic,
    )
    if no_cache:
        settings = dataclasses.replace(settings, cache=False)
    inputs = [("input", path) for path in labelled] + ([("config file", config)] if config else [])
    if add_to is not None and Path(add_to).resolve() != Path(output).resolve():
        inputs.append(("calibration file", add_to))
    preflight_outputs([output], inputs)
    run_calibrate(labelled, settings, output, review_rate, fail_rate, budget, include_heldout, add_to)


if __name__ == "__main__":
    main()
