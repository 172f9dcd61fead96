"""Which format goes where, decided before any work.

- `--output FILE`: one format, written to FILE. Without `--format` the format follows the suffix
  (`.json`, `.html`, `.md`, `.xml`/`.junit.xml`, `.sarif`/`.sarif.json`, `.txt`); an unknown suffix
  needs `--format`. With `--format` the suffix must agree (`-f sarif -o x.html` is an error); a path
  without a known suffix (`/dev/null`, `out.data`) takes any format. The terminal summary (`text`)
  still goes to stdout beside a file of another format when no `--format` is given, or `text` is
  one of them (`-f text -f sarif -o r.sarif`); `-o x.txt` writes it to the file instead.
- `--output DIR` (an existing folder, a path ending in `/`, or a path without a report suffix when
  several formats are asked for): `driftcheck.<ext>` per format, plus one report per document when
  there are several documents. Without `--format` a folder gets JSON and HTML; `-f github` alone
  gets `driftcheck.github.txt` there.
- GitHub annotations go to stdout (where the runner reads them): automatically in GitHub Actions
  when stdout is free, never after a report printed there (`-f json -f github` without `--output`
  is an error; the automatic ones are left out). The same for the terminal summary: `-f json -f
  text` without `--output` is an error, not a JSON with the summary dropped.
- Several file formats with a file name (`-f json -f html -o y.html`) is an error, never a folder
  named y.html. `-o -` and `-o /dev/stdout` mean stdout.
- `preflight_outputs`, before any work: no output overwrites an input or another output of the run
  (the error names both: "the json report and the --annotate copy of es.po"), and each can be
  written.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..config import Settings
from ..errors import UsageError
from ..report import extension

# suffix -> format when no --format is given (compound suffixes first)
INFER: tuple[tuple[str, str], ...] = (
    (".junit.xml", "junit"),
    (".sarif.json", "sarif"),
    (".github.txt", "github"),
    (".json", "json"),
    (".html", "html"),
    (".htm", "html"),
    (".md", "markdown"),
    (".markdown", "markdown"),
    (".xml", "junit"),
    (".sarif", "sarif"),
    (".txt", "text"),
    (".text", "text"),
    (".log", "text"),
)
# format -> the suffixes it may be written to
ACCEPTS: dict[str, tuple[str, ...]] = {
    "json": (".json",),
    "html": (".html", ".htm"),
    "markdown": (".md", ".markdown"),
    "junit": (".xml",),
    "sarif": (".sarif", ".json"),
    "text": (".txt", ".text", ".log"),
    "github": (".txt", ".log"),
}
FOLDER_DEFAULT = ("json", "html")
STDOUT_ONLY = ("text", "github")  # formats that go to stdout beside a file of another format

Plan = list[tuple[str, str | None]]  # (format, destination; None = stdout)


def known_suffix(path: str) -> str | None:
    """The report suffix of a path (`.json`, `.junit.xml`, ...), or None."""
    name = Path(path).name.lower()
    for suffix, _ in INFER:
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return None


def infer_format(path: str) -> str:
    suffix = known_suffix(path)
    if suffix is None:
        known = ", ".join(s for s, _ in INFER)
        raise UsageError(
            f"--output {path}: cannot tell the report format from the file name; "
            f"give --format, or use one of {known}"
        )
    return dict(INFER)[suffix]


def check_suffix(fmt: str, path: str, folder: bool = True) -> None:
    """A format written to a path whose known suffix says another format is an error. The message
    offers a folder only where one is taken (`check`; `report` writes one file: folder=False)."""
    suffix = known_suffix(path)
    if suffix is None:
        return
    inferred = dict(INFER)[suffix]
    compound = suffix.count(".") > 1  # .junit.xml, .sarif.json, .github.txt name their format
    if inferred != fmt and (compound or suffix not in ACCEPTS[fmt]):
        raise UsageError(
            f"--format {fmt} does not match --output {path}: its suffix {suffix} is for "
            f"{inferred}; use {' or '.join(ACCEPTS[fmt])}{', or a folder' if folder else ''}"
        )


def settle_outputs(settings: Settings, cli_formats: bool, cli_output: bool) -> None:
    """The command line wins over the config files for where and in which format the report goes:
    beside `--output FILE` a config's `formats` that that file cannot hold are dropped (its suffix,
    or `--format`, says the format), and beside `--format` a config's `output` file that cannot
    hold them is dropped (the report goes to stdout); an output folder holds any format and stays.
    Both were refused, quoting a `--format` or `--output` the user never typed."""
    if settings.output is None or names_folder(settings.output) or cli_formats == cli_output:
        return
    key = "formats" if cli_output else "output"
    if key not in settings.explicit:
        return  # the other half came from the command line too (or is the default): no config to drop
    files = [
        f for f in settings.formats if f not in STDOUT_ONLY
    ] or settings.formats  # text alone goes to the file
    try:
        for f in files:
            check_suffix(f, settings.output)
        if len(files) < 2:
            return  # they fit
    except UsageError:
        pass
    setattr(settings, key, getattr(Settings(), key))
    settings.given.pop(key, None)


def names_folder(out: str) -> bool:
    """An existing folder, or a path ending in `/`."""
    return out.endswith(("/", os.sep)) or os.path.isdir(out)


def is_folder(out: str, file_formats: list[str]) -> bool:
    if names_folder(out):
        return True
    if len(file_formats) > 1:
        if known_suffix(out) is not None or os.path.lexists(out):
            raise UsageError(
                f"{len(file_formats)} formats ({', '.join(file_formats)}) need --output DIR "
                f"(one file per format); {out} names a file"
            )
        return True
    return False


def plan_outputs(formats: list[str], output: str | None, formats_given: bool, github: bool = False) -> Plan:
    """(format, destination or None for stdout) for every requested format. Raises UsageError."""
    formats = list(dict.fromkeys(formats))
    out = None if output in ("-", "/dev/stdout") else output
    plan: Plan = []
    if out is None:
        files = [f for f in formats if f not in STDOUT_ONLY]
        if len(files) > 1:
            raise UsageError(f"{len(files)} formats need --output DIR (one file per format)")
        plan += [(f, None) for f in files]
    elif is_folder(out, [f for f in formats if f not in STDOUT_ONLY]):
        if not formats_given:
            formats = ["text", *FOLDER_DEFAULT]
        files = [f for f in formats if f not in STDOUT_ONLY] or formats  # `-f github -o dir/`: a file there
        plan += [(f, str(Path(out) / f"driftcheck{extension(f)}")) for f in files]
    else:
        if not formats_given:
            fmt = infer_format(out)
            formats = [fmt] if fmt in STDOUT_ONLY else ["text", fmt]
        files = [f for f in formats if f not in STDOUT_ONLY] or formats[:1]
        check_suffix(files[0], out)
        plan.append((files[0], out))
    stdout_taken = any(dest is None for _, dest in plan)
    taken = {f for f, _ in plan}
    if "text" in formats and "text" not in taken:
        _stdout_free("text", plan)
        plan.insert(0, ("text", None))
    if "github" in formats and "github" not in taken:
        _stdout_free("github", plan)
        plan.append(("github", None))
    elif github and "github" not in taken and not stdout_taken:  # automatic in GitHub Actions
        plan.append(("github", None))
    return plan


def _stdout_free(fmt: str, plan: Plan) -> None:
    """A report on stdout (JSON, SARIF...) takes it whole: `-f json -f text` without `--output`
    printed the JSON alone (the summary was dropped), `-f json -f github` an invalid JSON. The
    summary and the annotations share it (as under GitHub Actions)."""
    on_stdout = next((f for f, dest in plan if dest is None and f not in STDOUT_ONLY), None)
    if on_stdout is not None:
        raise UsageError(
            f"--format {fmt} goes to stdout, which already carries the {on_stdout} report; "
            "write that report to a file with --output"
        )


def output_folder(plan: Plan) -> str | None:
    """The folder of a folder plan (several files named driftcheck.<ext>), else None."""
    for fmt, dest in plan:
        if dest is not None and Path(dest).name == f"driftcheck{extension(fmt)}":
            return str(Path(dest).parent)
    return None


def preflight_outputs(outputs: list[tuple[str, str]], protected: list[tuple[str, str]]) -> None:
    """Before any work: no output overwrites an input or another output, and every output can be
    written. `outputs` holds (what, path) pairs ("the json report", "r.json"), as `protected` does."""
    from ..output_checks import distinct_outputs, same_file_guard, writable_or_error

    dests = [dest for _, dest in outputs]
    distinct_outputs(outputs)
    same_file_guard(dests, protected)
    for dest in dests:
        writable_or_error(dest)


def named_outputs(
    plan: Plan, annotate: dict[str, str] | None = None, docs: list[str] | None = None
) -> list[tuple[str, str]]:
    """(what, path) of the files of a plan ("the json report"), of the --annotate copies and, given
    the documents, of the per-document reports of an output folder."""
    files = [(f"the {fmt} report", dest) for fmt, dest in plan if dest is not None]
    files += [(f"the --annotate copy of {p}", dest) for p, dest in (annotate or {}).items()]
    docs = docs or []
    return files + [
        (f"the {fmt} report of {docs[k]}", dest) for fmt, dest, k in per_document_dests(docs, plan)
    ]


PER_DOCUMENT_FORMATS = ("json", "html", "markdown")


def per_document_dests(doc_paths: list[str], plan: Plan) -> list[tuple[str, str, int]]:
    """With an output folder and several documents: (format, destination, document index) for one
    report per document beside the combined `driftcheck.<ext>`, which is the index. CI formats
    (JUnit, SARIF, GitHub) stay one file for the whole run."""
    out: list[tuple[str, str, int]] = []
    if len(doc_paths) < 2:
        return out
    for fmt, dest in plan:
        if (
            fmt not in PER_DOCUMENT_FORMATS
            or dest is None
            or Path(dest).name != f"driftcheck{extension(fmt)}"
        ):
            continue
        used: set[str] = set()
        for index, path in enumerate(doc_paths):
            stem = "stdin" if path == "-" else Path(path).name
            name, n = stem, index
            while name in used or name == "driftcheck":
                name, n = f"{stem}-{n}", n + 1
            used.add(name)
            out.append((fmt, str(Path(dest).parent / f"{name}{extension(fmt)}"), index))
    return out
