"""The JSON files driftcheck writes and reads back — reports, baselines, review decisions — read by
one reader and written by one writer; every problem is one error line naming the file.

`read_json` takes the bytes (size-limited; "-" is stdin), refuses binary data, decodes UTF-8 and
parses JSON; `check_header` checks the `tool`/`kind`/`version` fields and the list of entries a
baseline or a decisions file holds; `write_text` writes atomically. `load_report` is the reader of
saved reports (`driftcheck report`, `baseline create`, and `pipeline.load_report` in the API).
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path
from typing import Any, TypeGuard

from ..errors import DriftcheckError, InputError
from ..formats.encoding import whole_characters
from ..outputs import atomic_write
from ..records import JSON_MAX_INTEGER, SCHEMA_VERSION
from ..terminal import closed_at_start, no_stdin
from .validate import problem

MIB = 1024 * 1024
MAX_REPORT_BYTES = 512 * MIB  # a report is held in memory at about 4.5x its size (measured)
MAX_FILE_BYTES = 64 * MIB  # a baseline or a decisions file

_ESCAPED_SURROGATE = re.compile(rb"\\[uU][dD][89abcdefABCDEF]")


def _bytes(path: str | Path, error: type[DriftcheckError], name: str, missing: str, limit: int) -> bytes:
    if str(path) == "-":
        if closed_at_start(0):  # `<&-`: Python's sys.stdin is None
            raise error(no_stdin("-"))
        data = sys.stdin.buffer.read(limit + 1)
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
        except FileNotFoundError:
            raise error(f"{path}: {missing}") from None
        except IsADirectoryError:
            raise error(f"{path}: is a directory, not a {name}") from None
        except OSError as exc:
            raise error(f"{path}: cannot read {name} ({exc.strerror or exc.__class__.__name__})") from None
    if len(data) > limit:
        raise error(f"{path}: {name} is larger than {limit // MIB} MiB")
    return data


def read_json(
    path: str | Path,
    error: type[DriftcheckError],
    name: str,
    missing: str | None = None,
    limit: int = MAX_FILE_BYTES,
) -> Any:
    """The JSON value a driftcheck file holds. `name` says what the file is in error lines ("baseline
    file"); `missing` replaces "<name> not found" when the file is not there."""
    raw = _bytes(path, error, name, missing or f"{name} not found", limit)
    if b"\x00" in raw[:4096]:
        raise error(f"{path}: looks like a binary file, not a {name}")
    try:
        data = json.loads(raw, parse_constant=_not_json, parse_float=_finite, parse_int=_whole)
    except _NotJson as exc:
        raise error(f"{path}: {name} is not valid JSON ({exc})") from None
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not valid UTF-8 (byte offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise error(f"{path}: {name} is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise error(f"{path}: not a driftcheck {name} (nested too deeply)") from None
    if _ESCAPED_SURROGATE.search(raw):
        data = _whole_characters(data)  # half a surrogate pair is not text: U+FFFD, as the readers do
    return data


class _NotJson(ValueError):
    pass


def _finite(text: str) -> float:
    """A JSON number that fits a float: 1e999 is valid JSON, read as infinity, and came back out
    as `Infinity` (invalid JSON; the HTML report's script stopped on it)."""
    value = float(text)
    if math.isinf(value):
        raise _NotJson(f"{text} is not a JSON number")
    return value


def _whole(text: str) -> int:
    """A JSON integer within ±2^53, the integers every JSON reader holds exactly (RFC 7493): a
    400-digit one is valid JSON, and the report's renderers stopped on it with an internal error."""
    if len(text.lstrip("-")) > 16 or abs(int(text)) > JSON_MAX_INTEGER:
        raise _NotJson(
            f"{text[:20]}{'…' if len(text) > 20 else ''} is beyond the integers JSON readers share (±2^53)"
        )
    return int(text)


def _not_json(constant: str) -> Any:
    """NaN and Infinity: Python's json reads them, JSON has no such numbers (a report holding one
    would make the SARIF and JSON written from it invalid)."""
    raise _NotJson(f"{constant} is not a JSON number")


def _whole_characters(obj: Any) -> Any:
    if isinstance(obj, str):
        return whole_characters(obj)
    if isinstance(obj, list):
        return [_whole_characters(x) for x in obj]
    if isinstance(obj, dict):
        return {_whole_characters(k): _whole_characters(v) for k, v in obj.items()}
    return obj


def check_header(
    data: Any,
    path: str | Path,
    error: type[DriftcheckError],
    name: str,
    version: int,
    items: str,
    kind: str | None = None,
) -> list[Any]:
    """A driftcheck file's `tool` (and `kind`, when given) and `version`; returns its list `items`."""
    if not isinstance(data, dict) or data.get("tool") != "driftcheck" or data.get("kind", kind) != kind:
        expected = f'"kind": "{kind}"' if kind else '"tool": "driftcheck"'
        raise error(f"{path}: not a driftcheck {name} (expected {expected})")
    if "version" not in data:  # it said "version None is not supported"
        raise error(f'{path}: {name} "version" is missing (expected {version})')
    if data["version"] != version:
        found_version = json.dumps(data["version"], ensure_ascii=False)[:40]
        raise error(f"{path}: {name} version {found_version} is not supported (expected {version})")
    found = data.get(items)
    if not isinstance(found, list):
        raise error(f'{path}: {name} "{items}" must be a list')
    return found


def write_text(path: str | Path, text: str, error: type[DriftcheckError], what: str) -> None:
    """Write atomically (temp file in the same folder, then rename); a failure is one error line."""
    try:
        atomic_write(path, text)
    except OSError as exc:
        raise error(f"{path}: cannot write {what} ({exc.strerror or exc.__class__.__name__})") from None


def load_report(path: str) -> dict[str, Any]:
    """A JSON report driftcheck wrote (`check -f json`), checked for the structure the renderers
    need; any problem (not there, not JSON, not a report, a broken structure) is one InputError line
    naming the file. "-" reads stdin."""
    data = read_json(path, InputError, "JSON report", "no such file", MAX_REPORT_BYTES)
    if isinstance(data, dict) and _newer(data.get("schema_version")):  # it said "not a driftcheck report"
        raise InputError(
            f"{path}: a JSON report of schema_version {data['schema_version']}, newer than this "
            f"driftcheck reads (schema_version {SCHEMA_VERSION}): upgrade driftcheck to read it"
        )
    if not looks_like_report(data) or data.get("schema_version") != SCHEMA_VERSION:
        raise InputError(f"{path}: not a driftcheck JSON report (schema_version {SCHEMA_VERSION})")
    why = problem(data)
    if why is not None:
        raise InputError(f"{path}: not a valid driftcheck report: {why}")
    return data


def looks_like_report(data: Any) -> TypeGuard[dict[str, Any]]:
    """A JSON report's shape (`schema_version` and `segments`), whatever its version."""
    return isinstance(data, dict) and "schema_version" in data and "segments" in data


def _newer(version: Any) -> bool:
    return type(version) is int and version > SCHEMA_VERSION  # true == 1 in Python
