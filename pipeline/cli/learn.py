"""The learning commands: `driftcheck eval` (measure on labelled files) and `driftcheck calibrate`
(train a calibration); registered on the app in cli/app.py."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import UsageError
from ..learn.defaults import BUDGET, TARGETS
from ..terminal import write_all
from .options import (
    CachePath,
    CalibrationOpt,
    ConfigOpt,
    Engine,
    Lang,
    ModelsDir,
    ModeOpt,
    MorphOpt,
    NoCache,
    Pivot,
    SemanticOpt,
    SourceLang,
    checked_mode,
    cli_settings,
)


def eval_cmd(
    labelled: Annotated[
        list[str],
        typer.Argument(
            metavar="LABELLED.jsonl...",
            help="Labelled files (JSONL; CSV, TSV or Parquet with a header): source, translation, label (ok|shifted), "
            "category, severity, pair_id.",
        ),
    ],
    mode: ModeOpt = "source",
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
    morph: MorphOpt = None,
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="PATH", help="Folder for eval.json and eval.md.")
    ] = "reports/eval",
    config: ConfigOpt = None,
) -> None:
    """Measure labelled files: false flags, recall, MCC, ROC AUC of drift, per check and category."""
    from ..learn.evaluate import EVAL_FILES, run_eval

    checked_mode(mode)
    splits = {"both": ("heldout", "train"), "heldout": ("heldout",), "train": ("train",), "all": ("all",)}
    if split not in splits:
        raise UsageError(f"--split must be heldout, train, all or both, not '{split}'")
    # combinations that were silently ignored (or mixed calibrated and uncalibrated columns)
    if uncalibrated and calibration is not None:
        raise UsageError("--uncalibrated and --calibration contradict each other: give one")
    if cv and uncalibrated:
        raise UsageError(
            "--cv trains calibrations to judge the training part: it cannot go with --uncalibrated"
        )
    if cv and mode != "source":
        raise UsageError("--cv cross-validates the source-aware calibration: use it with --mode source")
    settings = cli_settings(
        config,
        no_cache,
        run=True,
        lang=lang,
        source_lang=source_lang,
        engine=engine,
        pivots=pivot,
        models_dir=models_dir,
        cache_path=cache,
        semantic=semantic,
        morph=morph,
        calibration=calibration,
    )
    from pathlib import Path

    from .inputs import each_once
    from .output_plan import preflight_outputs
    from .run import protected_files

    folder = Path(output)
    labelled = each_once(labelled, "measured once")
    preflight_outputs(
        [(f"the {name} file", str(folder / name)) for name in EVAL_FILES],
        protected_files(labelled, settings, None, config),
    )
    write_all(run_eval(labelled, settings, mode, output, splits[split], cv, not uncalibrated)[1])


def _calibrate_options(
    mode: str,
    rates: dict[str, float | None],
    roundtrip_only: bool,
    fallbacks: bool,
    heldout: bool,
    combiner: str,
) -> None:
    """`calibrate`'s options that do not go together, each one line and exit 2."""
    from ..core.calibration import COMBINERS

    checked_mode(mode)
    for name, rate in rates.items():
        if rate is not None and not 0.0 <= rate <= 1.0:  # NaN passes click's range check
            raise UsageError(f"{name} must be a share between 0 and 1, not {rate}")
    if mode == "source" and roundtrip_only:
        raise UsageError("--natural and --pivot are for --mode roundtrip")
    if mode == "roundtrip" and fallbacks:
        raise UsageError("--fallbacks is for --mode source")
    if mode == "roundtrip" and heldout:
        raise UsageError(
            "--include-heldout is for --mode source (round-trip training keeps the held-out fifth out)"
        )
    if combiner not in COMBINERS:
        raise UsageError(f"--combiner must be {' or '.join(COMBINERS)}, not '{combiner}'")


def calibrate(
    labelled: Annotated[
        list[str],
        typer.Argument(
            metavar="LABELLED.jsonl...",
            help="Labelled files (as for eval): your editors' ok/shifted judgements.",
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
    morph: MorphOpt = None,
    review_rate: Annotated[
        float,
        typer.Option(
            "--review-rate", metavar="RATE", min=0.0, max=1.0, help="Share of correct translations flagged."
        ),
    ] = TARGETS["review"],
    fail_rate: Annotated[
        float,
        typer.Option(
            "--fail-rate", metavar="RATE", min=0.0, max=1.0, help="Share of correct translations failed."
        ),
    ] = TARGETS["fail"],
    budget: Annotated[
        float | None,
        typer.Option(
            "--budget",
            metavar="RATE",
            min=0.0,
            max=1.0,
            help=f"A check kind over this false-flag share raises minor only (default {BUDGET}; round trip: the review rate).",
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
    fallbacks: Annotated[
        bool,
        typer.Option(
            "--fallbacks",
            help="Also train, from the same run, a variant for every smaller set of the optional "
            "evidence (without the encoder, without the analysers): runs that lack some still fit one.",
        ),
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Train a calibration (source-aware or round-trip verdicts) on labelled files; needs scikit-learn (the `train` extra)."""
    from dataclasses import replace
    from pathlib import Path

    from ..learn.calibrate import run_calibrate
    from ..output_checks import single_file
    from .inputs import each_once
    from .output_plan import preflight_outputs
    from .run import protected_files

    _calibrate_options(mode, {"--review-rate": review_rate, "--fail-rate": fail_rate, "--budget": budget},
                       bool(natural or pivot), fallbacks, include_heldout, combiner)  # fmt: skip
    settings = cli_settings(
        config,
        no_cache,
        run=True,
        lang=lang,
        source_lang=source_lang,
        engine=engine,
        pivots=pivot,
        models_dir=models_dir,
        cache_path=cache,
        semantic=semantic,
        morph=morph,
    )
    labelled = each_once(labelled, "trained on once")
    # the calibration a config names is what `check` reads; calibrate writes a new one, and may
    # write that file (it used to be refused as the "calibration file" even where it did not exist)
    inputs = protected_files([*labelled, *(natural or [])], replace(settings, calibration=None), None, config)
    if add_to is not None and Path(add_to).resolve() != Path(output).resolve():
        inputs.append(("calibration file", add_to))
    single_file(output, "the calibration's JSON file")
    preflight_outputs([("the calibration file", output)], inputs)
    if mode == "roundtrip":
        from ..learn.calibrate import run_calibrate_copy

        budget = review_rate if budget is None else budget
        write_all(
            run_calibrate_copy(labelled, natural or [], settings, output, review_rate, budget, add_to)[1]
        )
        return
    budget = BUDGET if budget is None else budget
    _, summary = run_calibrate(
        labelled,
        settings,
        output,
        review_rate,
        fail_rate,
        budget,
        include_heldout,
        add_to,
        combiner,
        fallbacks,
    )
    write_all(summary)
