"""Which shards a scaled run reads, and in which order: the order a single-process run gives them
(the command line's, directories sorted), so document indexes agree. Quoted globs are expanded
here (a shell would hit its argument limit on a large corpus)."""

from __future__ import annotations

import glob
import os

from ..errors import UsageError
from ..inputs.bilingual import BILINGUAL_SUFFIXES, SEGMENT_FORMATS, bilingual_format

_SUFFIXES = ", ".join(BILINGUAL_SUFFIXES)
_GLOB_CHARS = frozenset("*?[")


def expand_globs(paths: list[str]) -> list[str]:
    """A path that does not exist and holds *, ? or [ is a glob (** recursive): its files, sorted.
    A pattern that matches nothing stays as given, so it fails as a missing file does (a file name
    may hold those characters)."""
    out: list[str] = []
    for p in paths:
        if p == "-" or os.path.exists(p) or not _GLOB_CHARS & set(p):
            out.append(p)
            continue
        found = sorted(f for f in glob.glob(p, recursive=True) if os.path.isfile(f))
        out.extend(found or [p])
    return out


def check_shards(paths: list[str], source: str | None) -> None:
    """A scaled run reads segment files, one shard each; anything else is a usage error."""
    if source is not None:
        raise UsageError(
            "--executor ray checks segment files (JSONL, TSV, CSV, Parquet); --source is for one document"
        )
    for p in paths:
        if p == "-":  # named for what it is, whatever --stdin-filename says it holds
            raise UsageError(
                f"-: --executor ray reads shards from files, not stdin: save it to a file ({_SUFFIXES})"
            )
        if bilingual_format(p) not in SEGMENT_FORMATS:
            raise UsageError(f"{p}: --executor ray reads segment files ({_SUFFIXES}), one shard each")
