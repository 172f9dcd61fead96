"""`driftcheck baseline create|import`: record accepted flags so that only new problems fail the gate."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..errors import UsageError
from ..words import counted

baseline_app = typer.Typer(
    help="Record today's flags so that only new problems fail the gate.", no_args_is_help=True
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
    from ..api import load_report
    from ..report.baseline import create_baseline, iter_flags, save_baseline
    from .output_plan import known_suffix, preflight_outputs

    _baseline_file(output)
    suffix = known_suffix(output)
    if suffix not in (None, ".json"):  # a report's name: `-o base.sarif` wrote a baseline's JSON there
        raise UsageError(f"{output}: a baseline is a JSON file, not {suffix}; name it .json")
    preflight_outputs([("the baseline", output)], [("input", report_json)])
    report = load_report(report_json)
    before = _entries_there(output)
    data = create_baseline(report)
    save_baseline(output, data)
    flags, entries = sum(1 for _ in iter_flags(report)), len(data["entries"])
    # a check's flags on one sentence are one entry: say both counts, as `check` counts flags
    per = f" ({flags} flags: one entry per check and sentence)" if flags != entries else ""
    typer.echo(f"baseline: {counted(entries, 'entry', 'entries')} recorded in {output}{per}")
    gone = len(before - {e["key"] for e in data["entries"]})
    if gone:  # the baseline there was replaced without a word, its other entries gone
        typer.echo(
            f"baseline: {gone} of the {len(before)} entries {output} had are not in this report and were "
            "dropped (`baseline import` adds to a baseline)"
        )


def _entries_there(output: str) -> set[str]:
    """The keys of the baseline `create` replaces; a file there that is no baseline (a report) is
    refused: it was overwritten."""
    import os

    from ..errors import DriftcheckError
    from ..report.baseline import load_baseline

    if not os.path.exists(output) or os.path.getsize(output) == 0:
        return set()
    try:
        return {str(e["key"]) for e in load_baseline(output, advise=False)["entries"]}
    except DriftcheckError as exc:
        raise UsageError(f"{exc.message}: `baseline create` would replace it; choose another path") from None


def _baseline_file(output: str) -> None:
    """A baseline is one file, extended by later runs: `-o -` wrote a file named "-" (for `check`
    it is stdout), an empty name gave "error: : cannot write baseline (Is a directory)", and a
    folder was told to name "a folder for several formats"."""
    from ..output_checks import single_file

    if not output.strip():
        raise UsageError("--output: is empty: name the baseline's JSON file (an unset variable?)")
    if output == "-":
        raise UsageError(
            "--output -: a baseline is a file, extended by later runs, not stdout; name a .json file"
        )
    single_file(output, "the baseline's JSON file")


def _known_names(decisions: dict[str, Any], path: str) -> None:
    """Every decision names checks the registry knows and language codes: an unknown one went into
    the baseline, where it can never match, and into the labels, where `eval` failed on it later."""
    from ..checks import check_names
    from ..engines.langs import check_lang
    from ..errors import DriftcheckError, InputError

    known = check_names()
    for n, d in enumerate(decisions["decisions"], start=1):
        unknown = [c for c in d.get("checks", []) if c not in known]
        if unknown:
            raise InputError(
                f"{path}: decision {n}: unknown check '{unknown[0]}' (known: {', '.join(sorted(known))})"
            )
        for key in ("source_lang", "lang"):
            if d.get(key) is not None:
                try:
                    check_lang(d[key])
                except DriftcheckError as exc:
                    raise InputError(f"{path}: decision {n}: {key}: {exc.message}") from None


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

    from ..output_checks import same_file_guard
    from ..report.baseline import load_baseline, save_baseline
    from ..report.decisions import baseline_from_decisions, labelled_rows, load_decisions, save_labels
    from .output_plan import preflight_outputs

    _baseline_file(output)
    preflight_outputs(
        [("the baseline", output), *([("the --labels file", labels)] if labels else [])],
        [("input", decisions_json)],
    )
    if labels:
        same_file_guard([labels], [("baseline", output)])
    decisions = load_decisions(decisions_json)
    _known_names(decisions, decisions_json)
    existing = load_baseline(output) if Path(output).exists() else None
    baseline, added = baseline_from_decisions(decisions, existing)
    rows = labelled_rows(decisions) if labels else []
    if labels:
        save_labels(labels, rows)
    save_baseline(output, baseline)
    alarms = sum(1 for d in decisions["decisions"] if d["decision"] == "false_alarm")
    typer.echo(
        f"baseline: {counted(alarms, 'false alarm')} -> {counted(added, 'new entry', 'new entries')} "
        f"({len(baseline['entries'])} in {output})"
    )
    if labels:
        typer.echo(f"labels: {counted(len(rows), 'labelled pair')} written to {labels}")
