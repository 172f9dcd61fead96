"""Baselines: record today's flags so that only new problems fail the gate.

A flag is identified by a key that survives edits elsewhere in the file: a hash of the
document path, the sentence text (and its source, in source-aware mode) after whitespace
and Unicode normalisation, and the check name. Line numbers, segment ids, messages and
severities are left out on purpose: moving a sentence, inserting a paragraph above it or
re-wording a check's message must not make an accepted flag count again.

Everything here works on the canonical JSON dict (report/to_json.py), so a filtered report
renders and gates exactly like a fresh one.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
import posixpath
import shlex
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..records import VERDICTS, Flag, verdict
from .files import check_header, looks_like_report, read_json, write_text
from .to_json import summarize

BASELINE_VERSION = 1
PREVIEW_CHARS = 80


def normalise_path(path: str) -> str:
    """Forward slashes, no `./` prefix, `a/../b` collapsed, and an absolute path inside the working
    folder made relative to it (`$PWD/docs/a.md` is `docs/a.md`: a CI step that passes absolute
    paths matches the baseline made with relative ones), as is a relative one that leaves it and
    comes back (`../site/a.md` from `site/` is `a.md`); "-" (stdin) stays "-"."""
    if path == "-":
        return path
    path = path.replace("\\", "/")
    if os.path.isabs(path) or os.pardir in path.split("/"):
        rel = os.path.relpath(path)
        if rel != os.pardir and not rel.startswith(os.pardir + os.sep):
            path = rel
    return posixpath.normpath(path)


def located(path: str) -> str:
    """A report's path as CI places it (GitHub code scanning, workflow annotations): relative to the
    root of the git work tree that holds the working directory (a run from a subfolder wrote
    `../docs/x.md`, and `x.md` for `site/x.md`), else to the working directory, forward slashes;
    a file outside them keeps its absolute path."""
    p = normalise_path(path)
    if p == "-" or p.startswith("<"):  # stdin, or a report of text held in memory (the API's "<memory>")
        return p
    root = repository_root()
    if (root is None and not Path(p).is_absolute()) or "\0" in p:  # a NUL names no file to resolve
        return p
    try:
        return Path(p).resolve().relative_to(root or Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(p).resolve().as_posix()


def repository_root() -> Path | None:
    """The nearest folder from the working directory up that holds `.git` (a folder, or a file in a
    worktree or submodule); None outside a repository. Looked up once per working folder (SARIF
    and GitHub annotations ask for every flag)."""
    return _root_of(os.getcwd())


@functools.lru_cache(maxsize=8)
def _root_of(folder: str) -> Path | None:
    here = Path(folder).resolve()
    return next((d for d in (here, *here.parents) if (d / ".git").exists()), None)


def normalise_text(text: str) -> str:
    """NFKC, whitespace runs collapsed to one space, ends stripped (a re-wrapped line keeps its key)."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def flag_key(segment: dict[str, Any], flag: dict[str, Any], path: str, unit: bool = False) -> str:
    """Stable id of one flag: sha256 over path, sentence text, source text and check; 16 hex digits.

    `path` is the document's path (segments carry only the document index). Two flags of the
    same check on the same sentence share a key: the baseline accepts the check on that
    sentence, not one particular message. `unit`: the document is a PO/XLIFF/TMX file, whose
    segments are translation units with ids; the unit id is part of the key, so two units with
    the same text (one word in two contexts) are accepted one by one, and moving a unit in the
    file keeps its key.
    """
    parts = (
        "driftcheck-baseline-v1",
        normalise_path(path),
        *([f"unit:{segment.get('id')}"] if unit else []),
        normalise_text(segment.get("text") or ""),
        normalise_text(segment.get("source") or ""),
        str(flag["check"]),
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def document_paths(data: dict[str, Any]) -> dict[int, str]:
    return {int(d["index"]): str(d["path"]) for d in data.get("documents", [])}


def _preview(segment: dict[str, Any]) -> str:
    text = normalise_text(segment.get("text") or "") or normalise_text(segment.get("source") or "")
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "\u2026"


def unit_documents(data: dict[str, Any]) -> set[int]:
    """Indices of the documents whose segments are translation units (PO, XLIFF, TMX)."""
    from ..formats import UNIT_FORMATS

    return {int(d["index"]) for d in data.get("documents", []) if d.get("format") in UNIT_FORMATS}


def iter_flags(data: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    """(segment, flag, document path) for every flag in report order."""
    paths = document_paths(data)
    return [
        (seg, flag, paths.get(int(seg["document"]), f"document-{seg['document']}"))
        for seg in data.get("segments", [])
        for flag in seg.get("flags", [])
    ]


def create_baseline(data: dict[str, Any]) -> dict[str, Any]:
    """A baseline accepting every flag of a report (baselined or not), one entry per key, sorted."""
    units = unit_documents(data)
    return baseline_of(
        (flag_key(seg, flag, path, int(seg["document"]) in units), str(flag["check"]), path, seg)
        for seg, flag, path in iter_flags(data)
    )


def baseline_of(
    accepted: Iterable[tuple[str, str, str, dict[str, Any]]], existing: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A baseline of `existing`'s entries and one entry per new key of `accepted` (key, check,
    document path, segment), sorted by path, check, preview and key."""
    entries: dict[str, dict[str, str]] = {str(e["key"]): e for e in (existing or {}).get("entries", [])}
    for key, check, path, seg in accepted:
        entries.setdefault(
            key, {"key": key, "check": check, "path": normalise_path(path), "text_preview": _preview(seg)}
        )
    ordered = sorted(entries.values(), key=lambda e: (e["path"], e["check"], e["text_preview"], e["key"]))
    return {"version": BASELINE_VERSION, "tool": "driftcheck", "entries": ordered}


def verdict_of(flags: list[dict[str, Any]]) -> str:
    """The verdict rule of verdict.py (fail if any critical, review if any major, else ok) on flag dicts."""
    return verdict(Flag(f["check"], f["severity"], f.get("message", "")) for f in flags)


def apply_baseline(
    data: dict[str, Any], baseline: dict[str, Any]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Mark flags found in the baseline and recompute verdicts, counts and summary from the rest.

    Returns (a new report dict, the stale entries). A flag in the baseline gets
    `"baselined": true`; a segment with at least one baselined flag gets its verdict from its
    other flags (segments without baselined flags keep theirs). Stale entries are baseline
    entries for documents in this report that no flag matched any more (fixed or reworded);
    entries for files not checked in this run are not stale, so checking a subset of files
    (pre-commit) stays quiet.
    """
    out = copy.deepcopy(data)
    entries = [e for e in baseline.get("entries", []) if isinstance(e, dict) and "key" in e]
    known = {str(e["key"]) for e in entries}
    matched: set[str] = set()
    paths = document_paths(out)
    units = unit_documents(out)
    for seg in out.get("segments", []):
        path = paths.get(int(seg["document"]), f"document-{seg['document']}")
        hit = False
        for flag in seg.get("flags", []):
            key = flag_key(seg, flag, path, int(seg["document"]) in units)
            if key in known:
                flag["baselined"] = True
                matched.add(key)
                hit = True
        if hit:
            seg["verdict"] = verdict_of([f for f in seg["flags"] if not f.get("baselined")])
    _recount(out)
    checked = {normalise_path(p) for p in paths.values()}
    stale = [
        e
        for e in entries
        if str(e["key"]) not in matched and normalise_path(str(e.get("path", ""))) in checked
    ]
    return out, stale


def _recount(data: dict[str, Any]) -> None:
    verdicts = VERDICTS
    for doc in data.get("documents", []):
        mine = [s for s in data.get("segments", []) if s["document"] == doc["index"]]
        doc["counts"] = {v: sum(s["verdict"] == v for s in mine) for v in verdicts}
    summary = summarize(data.get("segments", []), data.get("mode"))
    summary["baselined"] = sum(
        bool(f.get("baselined")) for s in data.get("segments", []) for f in s.get("flags", [])
    )
    data["summary"] = summary


def load_baseline(path: str | Path, advise: bool = True) -> dict[str, Any]:
    """Read and validate a baseline file; any problem is a one-line ConfigError. A report given as
    the baseline says so, and (`advise`) how to make a baseline of it."""
    missing = "baseline file not found (create one with `driftcheck baseline create`)"
    data = read_json(path, ConfigError, "baseline file", missing)
    name = "baseline"
    if looks_like_report(data):  # it said "not a driftcheck baseline" alone
        how = f"; `driftcheck baseline create {shlex.quote(str(path))}` makes a baseline of it"
        raise ConfigError(
            f"{path}: not a driftcheck baseline: it looks like a JSON report{how if advise else ''}"
        )
    for n, e in enumerate(check_header(data, path, ConfigError, name, BASELINE_VERSION, "entries"), start=1):
        if not (isinstance(e, dict) and isinstance(e.get("key"), str) and isinstance(e.get("check"), str)):
            raise ConfigError(f'{path}: baseline entry {n} needs string "key" and "check" fields')
    return dict(data)


def dumps_baseline(baseline: dict[str, Any]) -> str:
    return json.dumps(baseline, ensure_ascii=False, indent=2) + "\n"


def save_baseline(path: str | Path, baseline: dict[str, Any]) -> None:
    """Write atomically (temp file in the same folder, then os.replace)."""
    write_text(path, dumps_baseline(baseline), ConfigError, "baseline")
