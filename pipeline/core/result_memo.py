"""Whole-run results, reused when nothing that decides them has changed.

CI checks the same articles again and again. With the translation cache a rerun skips the
engine, but still pays for scoring and checking (and for importing sacreBLEU, babel and
the checks); this memo skips those too. It lives in the translation cache's SQLite file
(table `reports`), so `--no-cache`, `--cache PATH` and `driftcheck cache clear` cover it.

The key is a sha256 over everything that decides the canonical JSON report:
- driftcheck's own code: every file of the `pipeline` package (so an edited check, even in
  an editable install, is a miss);
- the Python version and every installed distribution with its version (the `*.dist-info`
  names on sys.path: sacreBLEU, babel, wordfreq, ... and their data);
- the mode, each input as given on the command line with the sha256 of its bytes, and the
  source document the same way;
- the settings that reach the report (languages, pivots, via, engine, models dir, beam,
  device, thresholds, checks, fail_on; not formats, outputs, baseline, include/exclude,
  cache location, threads or gate limits, which act on the report afterwards), and where each of
  them was given (a flag, a config file's path: the report's warnings name it);
- the engine signature of every direction the run would take (engine version, model id,
  revision and fingerprint, decoding options: what the translation cache keys on), with
  the routes planned now, so a newly installed direct model is a miss; the resolved
  models folder, which the report names; and, with semantic scores on, the sentence
  encoder's files (by size, inode and times: `files_identity`).

What is stored is the report before baseline and gating; every output is rendered from it
exactly as on a fresh run, so a reused report gives byte-identical files and exit codes.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

from ..config import Settings

# Settings that act on the finished report (or on where things go), never on its content.
NOT_IN_REPORT = frozenset(
    {
        "formats",
        "output",
        "include",
        "exclude",
        "baseline",
        "cache",
        "cache_path",
        "threads",
        "max_flagged",
        "min_chrf",
        "annotate",
        "given",
    }
)
KEY_VERSION = 1


@functools.cache
def code_fingerprint() -> str:
    """sha256 over the package's files (relative path and bytes), bytecode caches excluded."""
    root = Path(__file__).resolve().parents[1]
    files: list[tuple[str, str]] = []
    for folder, dirs, names in os.walk(root):  # os.walk: a tenth of Path.rglob's time here
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        rel = Path(folder).relative_to(root)
        files += [((rel / name).as_posix(), os.path.join(folder, name)) for name in names]
    digest = hashlib.sha256()
    for rel_name, path in sorted(files):
        digest.update(rel_name.encode() + b"\0")
        with open(path, "rb") as fh:
            digest.update(fh.read())
        digest.update(b"\0")
    return digest.hexdigest()


@functools.cache
def environment_fingerprint() -> str:
    """Python version and the installed distributions (name and version) on sys.path."""
    found: set[str] = set()
    for entry in sys.path:
        folder = Path(entry or ".")
        try:
            names = [p.name for p in folder.iterdir() if p.name.endswith((".dist-info", ".egg-info"))]
        except OSError:
            continue
        found.update(names)
    blob = json.dumps([sys.version, sorted(found)])
    return hashlib.sha256(blob.encode()).hexdigest()


def file_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def files_identity(paths: list[Path]) -> list[list[object]]:
    """Large files the report depends on (the sentence encoder's 32 MB of weights), known by path,
    size, inode and modification and change times instead of their bytes: rewriting, replacing or
    touching a file changes its ctime, and hashing them would cost more than the rest of a reuse."""
    found: list[list[object]] = []
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            found.append([str(path), None])
            continue
        found.append([str(path), st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns])
    return found


def run_key(
    mode: str,
    paths: list[str],
    source: str | None,
    settings: Settings,
    engine_signature: dict[str, object],
    routes: dict[str, list[str]],
    context: dict[str, object] | None = None,
) -> str:
    """`context`: anything else the report's signature records (the resolved models folder)."""
    material = {
        "key_version": KEY_VERSION,
        "code": code_fingerprint(),
        "environment": environment_fingerprint(),
        "mode": mode,
        "inputs": [[p, file_digest(p)] for p in paths],
        "source": [source, file_digest(source)] if source is not None else None,
        "settings": {k: v for k, v in asdict(settings).items() if k not in NOT_IN_REPORT},
        # where each of those was given: a warning names it ("'source_lang' in /a/driftcheck.toml"),
        # and a reused report named the config file of the run that stored it
        "given": {k: v for k, v in settings.given.items() if k not in NOT_IN_REPORT},
        "engine": engine_signature,
        "routes": routes,
        "context": context or {},
    }
    blob = json.dumps(material, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()
