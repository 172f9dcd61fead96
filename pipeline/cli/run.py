"""What `driftcheck check` does between parsing options and exiting: expand inputs, verify,
apply the baseline, write every requested output atomically, and gate.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import COMMAND_LINE, CONFIG_FILE, Settings, given_as
from ..errors import InputError, UsageError
from ..output_checks import file_identity, stdout_open_or_error
from ..outputs import commit_outputs, stage_outputs, write_output
from ..report import render
from ..report.gate import ERROR, GATE_KEYS, gate_of, with_limits
from ..terminal import one_line, write_all
from . import output_plan
from .inputs import (
    each_once,
    expand_inputs,
    found_by_scans,
    given_names,
    left_as_they_were,
    say_inputs,
    spool_streams,
    validate_inputs,
)
from .output_plan import Plan, named_outputs, per_document_dests, preflight_outputs
from .progress import progress

if TYPE_CHECKING:
    from ..scale.executor_ray import RayOptions


def plan_outputs(settings: Settings, formats_given: bool) -> Plan:
    """(format, destination or None for stdout) for every requested format (rules: output_plan.py);
    output meant for stdout where the process has none (`>&-`) fails here, before any work."""
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    plan = output_plan.plan_outputs(settings.formats, settings.output, formats_given, github)
    if any(dest is None for _, dest in plan):
        stdout_open_or_error()
    return plan


def per_document_outputs(data: dict[str, Any], plan: Plan) -> list[tuple[str, str, dict[str, Any]]]:
    """(format, destination, the document's own report) for per-document outputs (output_plan.py)."""
    from ..report.to_json import document_subset

    paths = [d["path"] for d in data["documents"]]
    return [(fmt, dest, document_subset(data, i)) for fmt, dest, i in per_document_dests(paths, plan)]


def write_or_print(text: str | bytes, dest: str | None) -> None:
    if dest is None:
        body = text if isinstance(text, str) else text.decode("utf-8", "replace")
        write_all(body if body.endswith("\n") else body + "\n")
    else:
        write_output(dest, text)


def protected_files(
    paths: list[str], settings: Settings, source: str | None, config: str | None = None
) -> list[tuple[str, str]]:
    """What no output may overwrite: every input, the source, the baseline, the config, the
    calibration, the cache and the word-frequency memo kept beside it."""
    from ..config import find_pyproject, working_directory

    files = [("input", p) for p in paths if p != "-"]
    if source is not None:
        files.append(("source document", source))
    if settings.baseline:
        files.append(("baseline", settings.baseline))
    if settings.calibration:
        files.append(("calibration file", settings.calibration))
    pyproject = find_pyproject(working_directory())
    for c in (config, CONFIG_FILE, str(pyproject) if pyproject else None):
        if c:
            files.append(("config file", c))
    if settings.cache:
        from ..checks.zipf_memo import FILENAME
        from ..engines.cache import SIDECARS
        from ..engines.cache_path import resolve_cache_path

        cache = str(resolve_cache_path(settings.cache_path))
        # SQLite keeps its -wal and -shm files beside the file a link names, not beside the link
        bases = dict.fromkeys((cache, os.path.realpath(cache)))
        files += [("translation cache", base + suffix) for base in bases for suffix in SIDECARS]
        files.append(("word-frequency memo", str(Path(cache).parent / FILENAME)))  # rewritten at exit
    return files


def _cache_is_no_input(protected: list[tuple[str, str]]) -> None:
    """The translation cache named as one of the inputs (or the source) would be refused as "not a
    database", with advice to delete it: the user's document."""
    caches = {file_identity(p) for what, p in protected if what == "translation cache"} - {None}
    for what, path in protected:
        if what in ("input", "source document") and file_identity(path) in caches:
            raise UsageError(
                f"--cache {path}: the translation cache would be the {what} {path}; pass another --cache PATH"
            )


def _plan_annotations(settings: Settings, paths: list[str], source: str | None) -> dict[str, str]:
    """Where `--annotate` puts the marked copy of each PO/XLIFF input (checked before any work)."""
    if not settings.annotate:
        return {}
    from ..formats.annotate import plan_annotations

    plan, not_annotated = plan_annotations(settings.annotate, paths, source, given_as(settings, "annotate"))
    for p in not_annotated:
        print(
            f"driftcheck: warning: {one_line(p)}: not a PO or XLIFF file; --annotate makes no copy of it",
            file=sys.stderr,
        )
    return plan


def _unapproved_only_note(settings: Settings, paths: list[str]) -> None:
    """`--unapproved-only` reads the approval states of PO and XLIFF units; any other input has none
    and is checked whole: said, as `--annotate` says what it makes no copy of (it was silent)."""
    if not settings.unapproved_only:
        return
    from ..formats import format_of

    for p in paths:
        if format_of(p) not in ("po", "xliff"):
            print(
                f"driftcheck: warning: {one_line(p)}: not a PO or XLIFF file, which has no approval states: "
                "--unapproved-only leaves it whole",
                file=sys.stderr,
            )


def _show_warnings(data: dict[str, Any], spooled: dict[str, str], settings: Settings) -> None:
    """Name stdin "-" in the report, and print the documents' warnings (inert: they quote input)."""
    for doc in data["documents"]:
        doc["path"] = spooled.get(doc["path"], doc["path"])
        for warning in doc.get("warnings", []):
            print(one_line(f"driftcheck: warning: {doc['path']}: {warning}"), file=sys.stderr)
    for warning in report_warnings(data):
        print(f"driftcheck: warning: {one_line(warning)}", file=sys.stderr)
    if data.get("mode") == "roundtrip" and "source_lang" in settings.explicit:
        print(
            f"driftcheck: warning: source language '{settings.source_lang}' given, but no input holds an "
            "original (give --source ORIGINAL, or pairs in a bilingual file): checked by round trip",
            file=sys.stderr,
        )


def _before_any_work(
    settings: Settings, plan: Plan, protected: list[tuple[str, str]]
) -> dict[str, Any] | None:
    """What can fail before the run does: the cache named as an input, outputs that clash or cannot
    be written, a baseline that cannot be read (it was read after the whole run). Returns the
    baseline, read once for the run."""
    from ..report.baseline import load_baseline

    _cache_is_no_input(protected)
    preflight_outputs(named_outputs(plan), protected)
    return load_baseline(settings.baseline) if settings.baseline else None


def _baselined(data: dict[str, Any], baseline: str, accepted: dict[str, Any]) -> dict[str, Any]:
    """The report with the baseline's accepted flags marked (`accepted`, the file `baseline` as read
    before the run); stale entries are named on stderr."""
    from ..report.baseline import apply_baseline, normalise_path

    data, stale = apply_baseline(data, accepted)
    named = {normalise_path(str(e.get("path", ""))) for e in accepted.get("entries", [])}
    by_name: dict[str, str] = {}  # file name -> the first path the baseline names it by
    for n in sorted(named):
        by_name.setdefault(n.rsplit("/", 1)[-1], n)
    for path in sorted({normalise_path(str(d["path"])) for d in data["documents"]} - named):
        # paths are keys: the same file named another way (another folder) matches nothing; a new
        # file the baseline never saw (a pre-commit run on it alone) is no such case
        alike = by_name.get(path.rsplit("/", 1)[-1])
        if alike:
            print(
                one_line(
                    f"driftcheck: warning: {baseline} names {alike}, not {path}: paths count as given, "
                    "relative to the folder the check runs in (run it from the folder the baseline was made in)"
                ),
                file=sys.stderr,
            )
    for entry in stale:
        print(
            one_line(
                f"driftcheck: stale baseline entry: {entry.get('check')} in {entry.get('path')}: "
                f"{entry.get('text_preview', '')}"
            ),
            file=sys.stderr,
        )
    return data


def _gate(data: dict[str, Any]) -> int:
    """The exit code of the gate the report records; each reason it fails named on stderr (but
    the unread inputs, named as errors already)."""
    result = gate_of(data)
    for reason in result.reasons:
        if reason in result.unread:
            continue
        print(one_line(f"driftcheck: gate failed: {reason}"), file=sys.stderr)  # a reason may name a file
    return result.exit_code


def _expanded(paths: list[str], settings: Settings, folder: str | None, dests: list[str]) -> list[str]:
    """The files a run reads (globs and folder scans expanded), each once: a file named twice (a
    folder and a glob over it, a link) is checked once, and that and the blank files a scan passed
    over are named on stderr. The files a glob or a scan found are not named: `inputs.found_by_scans`."""
    from ..scale.shards import expand_globs

    found, blank = expand_inputs(
        expand_globs(paths),
        settings.include,
        settings.exclude,
        skip=[p for p in (folder, settings.annotate) if p],
        outputs=dests,
    )
    for name in blank:
        print(
            f"driftcheck: warning: {one_line(name)}: blank file, nothing to check: skipped", file=sys.stderr
        )
    return each_once(found, "checked once")


def _validated(
    paths: list[str], settings: Settings, source: str | None, scanned: set[str]
) -> tuple[list[str], dict[str, Any], list[str], list[InputError]]:
    """(the inputs to check; what validation read of them and of --source, by path, for the run to
    take; the inputs' errors; the inputs skipped): inputs.validate_inputs, and the source."""
    read, errors, skipped = validate_inputs(paths, settings, scanned)
    good = list(read)
    if source is not None:
        from ..core.verify import validate_input

        read = {**read, source: validate_input(source, settings)}
    return good, read, errors, skipped


def run_check(
    paths: list[str],
    settings: Settings,
    source: str | None,
    formats_given: bool,
    config: str | None = None,
    ray: RayOptions | None = None,
    stdin_name: str | None = None,
) -> int:
    from ..api import check_data
    from ..scale.shards import check_shards

    plan = plan_outputs(settings, formats_given)  # fail on bad output options before any work
    dests = [d for _, d in plan if d is not None]
    named = set(paths)  # as given: the rest a glob or a folder scan found
    paths = _expanded(paths, settings, output_plan.output_folder(plan), dests)
    protected = protected_files(paths, settings, source, config)
    accepted = _before_any_work(settings, plan, protected)
    if ray is not None:  # before stdin is spooled: its error names "-", not a temp file
        check_shards(paths, source)
    paths, spooled = spool_streams(paths, stdin_name)
    try:
        named_as = [spooled.get(p, p) for p in paths]
        annotate_plan = _plan_annotations(settings, named_as, source)
        _unapproved_only_note(settings, named_as)
        preflight_outputs(named_outputs(plan, annotate_plan), protected)
        good, read, errors, skipped = _validated(paths, settings, source, found_by_scans(paths, named))
        say_inputs(errors, skipped, spooled, nothing_left=not good)
        if not good:
            left_as_they_were(dests)
            return ERROR if errors else 0  # every input skipped: nothing to check is no error
        every = named_outputs(plan, annotate_plan, [spooled.get(p, p) for p in good])
        preflight_outputs(every + _shard_results(ray, good), protected)
        if ray is not None:  # scale-out: shards over Ray actors, merged (pipeline/scale/)
            from ..scale.executor_ray import ray_check_data

            data = ray_check_data(good, settings, source, ray, read)
        else:
            with progress() as timer:
                data = check_data(good, settings, source, timer=timer, read=read)
        _show_warnings(data, spooled, settings)
        # the gate every format shows, and the inputs not read (said on stderr already)
        said = {
            k: given_as(settings, k) for k in GATE_KEYS if settings.given.get(k, COMMAND_LINE) != COMMAND_LINE
        }
        data = with_limits(data, settings.max_flagged, settings.min_chrf, given_names(errors, spooled), said)
        if settings.baseline and accepted is not None:
            data = _baselined(data, settings.baseline, accepted)
        annotated: list[tuple[str, bytes]] = []
        if annotate_plan:
            from ..formats.annotate import render_annotations

            annotated = render_annotations(data, annotate_plan, {name: tmp for tmp, name in spooled.items()})
        write_outputs(data, plan, annotated)
        code = _gate(data)
        return ERROR if errors else code
    finally:
        for tmp in spooled:
            os.unlink(tmp)


def _shard_results(ray: RayOptions | None, paths: list[str]) -> list[tuple[str, str]]:
    """Where `--shard-results` puts each shard's report (its folder checked now, before Ray starts)."""
    if ray is None or ray.shard_results is None:
        return []
    from ..output_checks import folder_writable_or_error
    from ..scale.executor_ray import shard_result_paths

    folder_writable_or_error(ray.shard_results)
    return [("a --shard-results report", dest) for dest in shard_result_paths(ray.shard_results, paths)]


def report_warnings(data: dict[str, Any]) -> list[str]:
    """`path:line: why` for every segment the engine could not translate (it is unverifiable), and
    the language pairs the calibration was not trained for (core/trained_pairs.py)."""
    from ..checks.health import not_translated
    from ..core.trained_pairs import untrained_warning

    paths = {d["index"]: d["path"] for d in data["documents"]}
    return [
        f"{paths.get(seg['document'], '?')}:{seg['line']}: {flag['message']}"
        for seg in data["segments"]
        for flag in seg["flags"]
        if not_translated(flag)
    ] + [w for w in (untrained_warning(data["signature"]),) if w]


def write_outputs(data: dict[str, Any], plan: Plan, annotated: list[tuple[str, bytes]] | None = None) -> None:
    """Render everything before writing anything (a renderer error leaves no partial output set),
    then the files (and --annotate copies, rendered already), then the terminal summary and
    whatever goes to stdout; the summary ends with where the files went."""
    rendered: list[tuple[str | None, str | bytes]] = [
        (dest, render(fmt, data)) for fmt, dest in plan if not (fmt == "text" and dest is None)
    ]
    rendered += [(dest, render(fmt, sub)) for fmt, dest, sub in per_document_outputs(data, plan)]
    rendered += list(annotated or [])
    # every file is written beside its target before any is replaced or anything printed: one that
    # cannot be written (a full disk, a quota) fails the run with all the others as they were
    staged = stage_outputs([(dest, text) for dest, text in rendered if dest is not None])
    summary = any(fmt == "text" and dest is None for fmt, dest in plan)
    commit_outputs(staged)  # devices first, then the renames: one that fails leaves the files as they were
    if summary:  # nothing is printed for a run whose outputs failed
        from .summary import print_text

        print_text(data)
    for dest, text in rendered:
        if dest is None:
            write_or_print(text, dest)
    files = [dest for dest, _ in rendered if dest is not None]
    if summary and files:
        shown = files if len(files) <= 4 else [*files[:3], f"and {len(files) - 3} more"]
        write_all(one_line(f"written: {', '.join(shown)}") + "\n")
