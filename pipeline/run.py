"""What `driftcheck check` does between parsing options and exiting: expand inputs, verify,
apply the baseline, write every requested output atomically, and gate.
"""

from __future__ import annotations

import fnmatch
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import DriftcheckError, InputError, UsageError
from .gate import ERROR, gate
from .read import atomic_write, decode_text, read_bytes
from .report import SUFFIX_FORMATS, extension, render
from .timing import Timer


def expand_inputs(paths: list[str], include: list[str], exclude: list[str]) -> list[str]:
    """Files as given; directories scanned recursively for files matching include and not exclude."""
    out: list[str] = []
    for p in paths:
        if p != "-" and Path(p).is_dir():
            found = sorted(
                str(f)
                for f in Path(p).rglob("*")
                if f.is_file()
                and any(fnmatch.fnmatch(f.name, g) for g in include)
                and not any(fnmatch.fnmatch(str(f), g) or fnmatch.fnmatch(f.name, g) for g in exclude)
            )
            if not found:
                raise InputError(f"{p}: no files matching {', '.join(include)}")
            out.extend(found)
        else:
            out.append(p)
    return out


def _stdin_to_file(paths: list[str]) -> tuple[list[str], str | None]:
    """stdin can be read once: keep it in a temp file so every stage can read it."""
    if "-" not in paths:
        return paths, None
    if paths.count("-") > 1:
        raise UsageError("stdin (-) can be given only once")
    import tempfile

    data = read_bytes("-")
    fd, tmp = tempfile.mkstemp(prefix="driftcheck-stdin-", suffix=".txt")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return [tmp if p == "-" else p for p in paths], tmp


def _validate(paths: list[str], settings: Settings) -> tuple[list[str], list[str]]:
    from .verify import validate_input

    good, errors = [], []
    for p in paths:
        try:
            validate_input(p, settings)
            good.append(p)
        except InputError as exc:
            errors.append(exc.message)
    return good, errors


def plan_outputs(settings: Settings, formats_given: bool) -> list[tuple[str, str | None]]:
    """(format, destination or None for stdout) for every requested format."""
    formats = list(dict.fromkeys(settings.formats))
    out = settings.output
    if out and not formats_given and Path(out).suffix.lower() in SUFFIX_FORMATS and not Path(out).is_dir():
        formats = ["text", SUFFIX_FORMATS[Path(out).suffix.lower()]]
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" not in formats:
        formats.append("github")
    files = [f for f in formats if f not in ("text", "github")]
    plan: list[tuple[str, str | None]] = []
    if out and (len(files) > 1 or Path(out).is_dir() or out.endswith(os.sep)):
        for f in files:
            plan.append((f, str(Path(out) / f"driftcheck{extension(f)}")))
    elif out and files:
        plan.append((files[0], out))
    elif len(files) > 1:
        raise UsageError(f"{len(files)} formats need --output DIR (one file per format)")
    elif files:
        plan.append((files[0], None))
    stdout_taken = any(dest is None for _, dest in plan)
    if "text" in formats and not stdout_taken:
        plan.insert(0, ("text", None))
    if "github" in formats:
        plan.append(("github", None))
    return plan


PER_DOCUMENT_FORMATS = ("json", "html", "markdown")


def per_document_outputs(
    data: dict[str, Any], plan: list[tuple[str, str | None]]
) -> list[tuple[str, str, dict[str, Any]]]:
    """With an output folder and several documents: one report per document beside the combined one.

    The combined `driftcheck.<ext>` is the index (HTML: a table with one row per document).
    CI formats (JUnit, SARIF, GitHub) stay one file for the whole run.
    """
    from .report.to_json import document_subset

    docs = data["documents"]
    out: list[tuple[str, str, dict[str, Any]]] = []
    if len(docs) < 2:
        return out
    for fmt, dest in plan:
        if (
            fmt not in PER_DOCUMENT_FORMATS
            or dest is None
            or Path(dest).name != f"driftcheck{extension(fmt)}"
        ):
            continue
        used: set[str] = set()
        for doc in docs:
            stem = "stdin" if doc["path"] == "-" else Path(doc["path"]).name
            name = stem
            while name in used or name == "driftcheck":
                name = f"{stem}-{doc['index']}"
            used.add(name)
            out.append(
                (fmt, str(Path(dest).parent / f"{name}{extension(fmt)}"), document_subset(data, doc["index"]))
            )
    return out


def write_or_print(text: str, dest: str | None) -> None:
    if dest is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    else:
        atomic_write(dest, text)


def load_report(path: str) -> dict[str, Any]:
    text = decode_text(read_bytes(path), path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not a JSON report ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(data, dict) or "segments" not in data or data.get("schema_version") != 1:
        raise InputError(f"{path}: not a driftcheck JSON report (schema_version 1)")
    return data


STAGE_LABELS = {
    "read": "reading",
    "translate": "translating",
    "align": "aligning",
    "score": "scoring",
    "check": "checking",
}


@contextmanager
def progress() -> Iterator[Timer]:
    """On stderr, when it is a terminal: the running stage, and a bar per translation direction
    (sentences done, total, time left). Silent otherwise (CI logs, pipes)."""
    if not sys.stderr.isatty():
        yield Timer()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        SpinnerColumn(),
        TextColumn("driftcheck: {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
    )
    with Progress(*columns, TimeRemainingColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("starting", total=None)

        def on_stage(name: str) -> None:
            bar.update(
                task, description=f"{STAGE_LABELS.get(name, name)} …", total=None, completed=0, refresh=True
            )

        def on_progress(direction: str, done: int, total: int) -> None:
            bar.update(
                task, description=f"translating {direction}", total=total, completed=done, refresh=True
            )

        yield Timer(on_stage=on_stage, on_progress=on_progress)


def _plan_annotations(settings: Settings, paths: list[str], source: str | None) -> dict[str, str]:
    """Where `--annotate` puts the marked copy of each PO/XLIFF input (checked before any work)."""
    if not settings.annotate:
        return {}
    from .formats.annotate import plan_annotations

    plan, not_annotated = plan_annotations(settings.annotate, paths, source)
    for p in not_annotated:
        print(
            f"driftcheck: warning: {p}: not a PO or XLIFF file; --annotate makes no copy of it",
            file=sys.stderr,
        )
    return plan


def run_check(paths: list[str], settings: Settings, source: str | None, formats_given: bool) -> int:
    from .verify import check_data

    plan = plan_outputs(settings, formats_given)  # fail on bad output options before any work
    paths, tmp = _stdin_to_file(expand_inputs(paths, settings.include, settings.exclude))
    try:
        annotate_plan = _plan_annotations(settings, paths, source)
        good, errors = _validate(paths, settings)
        if source is not None:
            from .verify import validate_input

            validate_input(source, settings)
        for e in errors:
            print(f"driftcheck: error: {e}", file=sys.stderr)
        if not good:
            return ERROR
        with progress() as timer:
            data = check_data(good, settings, source, timer=timer)
        for doc in data["documents"]:
            if tmp and doc["path"] == tmp:
                doc["path"] = "-"
            for warning in doc.get("warnings", []):
                print(f"driftcheck: warning: {doc['path']}: {warning}", file=sys.stderr)
        if settings.baseline:
            from .baseline import apply_baseline, load_baseline

            data, stale = apply_baseline(data, load_baseline(settings.baseline))
            for entry in stale:
                print(
                    f"driftcheck: stale baseline entry: {entry.get('check')} in {entry.get('path')}: "
                    f"{entry.get('text_preview', '')}",
                    file=sys.stderr,
                )
        # render everything before writing anything: a renderer error leaves no partial output set
        rendered = [(dest, render(fmt, data)) for fmt, dest in plan if not (fmt == "text" and dest is None)]
        rendered += [(dest, render(fmt, sub)) for fmt, dest, sub in per_document_outputs(data, plan)]
        annotated: list[tuple[str, bytes]] = []
        if annotate_plan:
            from .formats.annotate import render_annotations

            annotated = render_annotations(data, annotate_plan)
        for fmt, dest in plan:
            if fmt == "text" and dest is None:
                from .report.text import print_text

                print_text(data)
        for dest, text in rendered:
            write_or_print(text, dest)
        for dest, blob in annotated:
            try:
                atomic_write(dest, blob)
            except OSError as exc:
                raise UsageError(f"--annotate: cannot write {dest}: {exc.strerror or exc}") from None
        result = gate(data, settings.fail_on, settings.max_flagged, settings.min_chrf)
        for reason in result.reasons:
            print(f"driftcheck: gate failed: {reason}", file=sys.stderr)
        return ERROR if errors else result.exit_code
    except DriftcheckError:
        raise
    finally:
        if tmp:
            os.unlink(tmp)
