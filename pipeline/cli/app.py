"""The thin Typer app: parse options, call the library, write outputs, map errors to exit codes.

Exit codes: 0 the gate passed, 1 the gate failed, 2 usage, input, config or model error.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from typing import Annotated, Any

import typer

from ..errors import DriftcheckError, UsageError

EXIT_HELP = "Exit codes: 0 gate passed, 1 gate failed (a verdict at or above --fail-on), 2 usage/input/config/model error."


class DriftcheckApp(typer.Typer):
    """A Typer app whose every DriftcheckError becomes one line on stderr and exit code 2."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        _lazy_subapps()
        try:
            rv = super().__call__(*args, **{**kwargs, "standalone_mode": False})
        except DriftcheckError as exc:
            typer.echo(f"driftcheck: error: {exc.message}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            typer.echo("driftcheck: interrupted", err=True)
            sys.exit(130)
        except typer.Exit as exc:
            sys.exit(exc.exit_code)
        except OSError as exc:  # the file system said no somewhere a library did not name it
            where = f"{exc.filename}: " if exc.filename else ""
            typer.echo(f"driftcheck: error: {where}{exc.strerror or exc}", err=True)
            sys.exit(2)
        except Exception as exc:  # click's own usage errors (typer vendors click), and real bugs
            if callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int):
                exc.show()  # type: ignore[attr-defined]
                sys.exit(exc.exit_code)  # type: ignore[attr-defined]
            if type(exc).__name__ == "Abort":
                sys.exit(130)
            if os.environ.get("DRIFTCHECK_DEBUG"):
                raise
            typer.echo(
                f"driftcheck: internal error: {type(exc).__name__}: {exc} (set DRIFTCHECK_DEBUG=1 for details)",
                err=True,
            )
            sys.exit(2)
        # standalone_mode=False makes click return the exit code instead of exiting
        sys.exit(rv if isinstance(rv, int) else 0)


app = DriftcheckApp(
    name="driftcheck",
    help="Did the meaning survive? Sentence-level checks of machine-translated copy.\n\n" + EXIT_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
baseline_app = typer.Typer(
    help="Record today's flags so that only new problems fail the gate.", no_args_is_help=True
)
app.add_typer(baseline_app, name="baseline")


def _lazy_subapps() -> None:
    """Register `models` and `cache` (their modules import nothing heavy at module level)."""
    if any(g.name == "models" for g in app.registered_groups):
        return
    from .cache import cache_app
    from .models import models_app

    app.add_typer(models_app, name="models", help="List, download, convert and locate MarianMT models.")
    app.add_typer(cache_app, name="cache", help="Inspect or clear the translation cache.")


main = app


# Options shared by `check` and `eval` -------------------------------------------------------
Lang = Annotated[
    str | None,
    typer.Option(
        "--lang", "-l", metavar="LANG", help="Language of the published copy (ISO 639-1). Default: en."
    ),
]
SourceLang = Annotated[
    str | None,
    typer.Option("--source-lang", "-s", metavar="LANG", help="Language of the original (source-aware mode)."),
]
Engine = Annotated[
    str | None,
    typer.Option(
        "--engine",
        "-e",
        metavar="ENGINE",
        help="auto (per hop: bergamot, a local ct2/marian model, apertium, else marian from the hub), "
        "bergamot, marian, ct2 or apertium.",
    ),
]
Pivot = Annotated[
    list[str] | None,
    typer.Option(
        "--pivot",
        "-p",
        metavar="LANG",
        help="Round-trip pivot language; repeat for several. Default per language (en->es).",
    ),
]
Via = Annotated[
    str | None,
    typer.Option(
        "--via", metavar="LANG", help="Force a pivot language when an engine has no direct direction."
    ),
]
Beam = Annotated[
    int | None,
    typer.Option("--beam", metavar="N", min=1, help="Beam size for Marian/CTranslate2 (default 1: greedy)."),
]
ModelsDir = Annotated[
    str | None,
    typer.Option(
        "--models-dir",
        metavar="DIR",
        help="Local model store (default: $DRIFTCHECK_MODELS, else models/ in the driftcheck checkout).",
    ),
]
Device = Annotated[
    str | None, typer.Option("--device", metavar="DEVICE", help="auto, cpu or cuda (ct2 and marian engines).")
]
Threads = Annotated[
    int | None,
    typer.Option("--threads", metavar="N", min=0, help="CPU threads for the engine (0: engine default)."),
]
CachePath = Annotated[
    str | None,
    typer.Option("--cache", metavar="PATH", help="Translation cache file (default: the user cache folder)."),
]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the translation cache.")]
SemanticOpt = Annotated[
    bool | None,
    typer.Option(
        "--semantic/--no-semantic",
        help="Sentence-embedding cosines per segment (evidence, gates nothing). Default: on when installed.",
        show_default=False,
    ),
]
ConfigOpt = Annotated[
    str | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="A driftcheck.toml (default: ./driftcheck.toml, then [tool.driftcheck] in pyproject.toml).",
    ),
]

CalibrationOpt = Annotated[
    str | None,
    typer.Option(
        "--calibration",
        help="A calibration file from `driftcheck calibrate` for the run's mode (default: the shipped one).",
    ),
]


ModeOpt = Annotated[
    str,
    typer.Option("--mode", metavar="MODE", help="source (compare with the source) or roundtrip (copy only)."),
]


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
    ray = _ray_options(executor, address, workers, shard_results)
    raise typer.Exit(run_check(files, settings, source, formats_given=bool(fmt), config=config, ray=ray))


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
    mode: ModeOpt = "source",
    split: Annotated[
        str,
        typer.Option("--split", help="heldout (pair_id % 5 == 0), train, all, or both (heldout and train)."),
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
        float | None,
        typer.Option(
            "--budget",
            metavar="RATE",
            min=0.0,
            max=1.0,
            help="A check kind over this false-flag share raises minor only (default 0.01; round trip: the review rate).",
        ),
    ] = None,
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
    mode: ModeOpt = "source",
    natural: Annotated[
        list[str] | None,
        typer.Option(
            "--natural",
            metavar="LABELLED.jsonl",
            help="Round-trip mode: files of natural copy whose correct sides set the review threshold.",
        ),
    ] = None,
    pivot: Pivot = None,
    combiner: Annotated[
        str,
        typer.Option(
            "--combiner",
            metavar="KIND",
            help="logistic (one weight per evidence) or trees (monotone boosted trees: interactions).",
        ),
    ] = "logistic",
    config: ConfigOpt = None,
) -> None:
    """Train a calibration (source-aware or round-trip verdicts) on labelled files; needs scikit-learn (the `train` extra)."""
    from pathlib import Path

    from ..learn.calibrate import run_calibrate
    from .run import preflight_outputs

    if mode not in ("source", "roundtrip"):
        raise UsageError(f"--mode must be source or roundtrip, not '{mode}'")
    if mode == "source" and (natural or pivot):
        raise UsageError("--natural and --pivot are for --mode roundtrip")
    if mode == "roundtrip" and include_heldout:
        raise UsageError("--include-heldout is for --mode source (round-trip training keeps the held-out fifth out)")
    settings = _settings(
        config,
        lang=lang,
        source_lang=source_lang,
        engine=engine,
        pivots=pivot,
        models_dir=models_dir,
        cache_path=cache,
        semantic=semantic,
    )
    if no_cache:
        settings = dataclasses.replace(settings, cache=False)
    if combiner not in ("trees", "logistic"):
        raise UsageError(f"--combiner must be trees or logistic, not '{combiner}'")
    inputs = [("input", path) for path in [*labelled, *(natural or [])]]
    inputs += [("config file", config)] if config else []
    if add_to is not None and Path(add_to).resolve() != Path(output).resolve():
        inputs.append(("calibration file", add_to))
    preflight_outputs([output], inputs)
    if mode == "roundtrip":
        from ..learn.calibrate import run_calibrate_copy

        budget = review_rate if budget is None else budget
        run_calibrate_copy(labelled, natural or [], settings, output, review_rate, budget, add_to)
        return
    budget = 0.01 if budget is None else budget
    run_calibrate(
        labelled, settings, output, review_rate, fail_rate, budget, include_heldout, add_to, combiner
    )


@baseline_app.command("create")
def baseline_create(
    report_json: Annotated[
        str,
        typer.Argument(
            metavar="REPORT.json", help="A JSON report written by `driftcheck check --format json`."
        ),
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="FILE", help="Baseline file to write.")
    ] = "driftcheck-baseline.json",
) -> None:
    """Record the flags of a report as accepted: later runs with --baseline fail only on new ones."""
    from ..report.baseline import create_baseline, save_baseline
    from .run import load_report, preflight_outputs

    preflight_outputs([output], [("input", report_json)])
    data = create_baseline(load_report(report_json))
    save_baseline(output, data)
    typer.echo(f"baseline: {len(data['entries'])} flag(s) recorded in {output}")


@baseline_app.command("import")
def baseline_import(
    decisions_json: Annotated[
        str,
        typer.Argument(
            metavar="DECISIONS.json",
            help="A decisions file exported from the HTML report (Export decisions).",
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Baseline file to write; an existing one is extended."
        ),
    ] = "driftcheck-baseline.json",
    labels: Annotated[
        str | None,
        typer.Option(
            "--labels",
            metavar="FILE",
            help="Also write the decisions as labelled JSONL (confirmed/fixed: shifted, false alarm: ok).",
        ),
    ] = None,
) -> None:
    """Turn the false alarms of an editor's review into baseline entries (and, optionally, labelled data)."""
    from pathlib import Path

    from ..outputs import same_file_guard
    from ..report.baseline import load_baseline, save_baseline
    from ..report.decisions import baseline_from_decisions, labelled_rows, load_decisions, save_labels
    from .run import preflight_outputs

    preflight_outputs([output, *([labels] if labels else [])], [("input", decisions_json)])
    if labels:
        same_file_guard([labels], [("baseline", output)])
    decisions = load_decisions(decisions_json)
    existing = load_baseline(output) if Path(output).exists() else None
    baseline, added = baseline_from_decisions(decisions, existing)
    rows = labelled_rows(decisions) if labels else []
    if labels:
        save_labels(labels, rows)
    save_baseline(output, baseline)
    alarms = sum(1 for d in decisions["decisions"] if d["decision"] == "false_alarm")
    typer.echo(
        f"baseline: {alarms} false alarm(s) -> {added} new entr{'y' if added == 1 else 'ies'} "
        f"({len(baseline['entries'])} in {output})"
    )
    if labels:
        typer.echo(f"labels: {len(rows)} labelled pair(s) written to {labels}")


if __name__ == "__main__":
    main()


_lazy_subapps()
