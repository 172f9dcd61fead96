"""`--annotate OUT`: a copy of each PO/XLIFF input with every flagged unit marked for review.

OUT is a file for one such input, or a folder (an existing one, one ending in '/', or
whenever there are several: then a name with a catalogue's suffix is refused) where each copy keeps its path relative to the inputs' common
folder. The inputs are never written: OUT may not be, or contain as a copy's path, an input.
The marks come from the JSON report (units whose verdict is review or fail after the
baseline, with the checks that gave it), so a reused report annotates like a fresh one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..records import GATING
from . import ANNOTATABLE, format_of


def _same(a: str, b: str) -> bool:
    pa, pb = Path(a), Path(b)
    if pa.resolve() == pb.resolve():
        return True
    try:
        return pa.exists() and pb.exists() and pa.samefile(pb)
    except OSError:
        return False


def plan_annotations(
    dest: str, inputs: list[str], source: str | None, said: str = "--annotate"
) -> tuple[dict[str, str], list[str]]:
    """({input: copy path} for every PO/XLIFF input, the inputs that cannot be annotated). `said`:
    the setting as the user gave it ("'annotate' in driftcheck.toml"), for the messages."""
    if dest == "-":  # was a file named "-" in the working folder
        raise UsageError(f"{said} -: the marked copies are files; give a path (stdout carries the report)")
    todo = list(dict.fromkeys(p for p in inputs if format_of(p) in ANNOTATABLE))
    skipped = [p for p in inputs if p not in todo]
    if not todo:
        raise UsageError(f"{said} writes marked copies of PO and XLIFF files; none of the inputs is one")
    named_folder = Path(dest).is_dir() or dest.endswith(("/", os.sep))
    if len(todo) > 1 and not named_folder and format_of(dest) in ANNOTATABLE:
        raise UsageError(  # a folder named like one catalogue: `-o x.html` for two formats is refused too
            f"{said} {dest}: {len(todo)} PO/XLIFF inputs get one copy each, so OUT is a folder; "
            f"give a folder ({dest}/ if that name is meant)"
        )
    folder = len(todo) > 1 or named_folder
    if folder:
        parents = [str(Path(p).resolve().parent) for p in todo]
        common = Path(os.path.commonpath(parents))
        plan = {p: str(Path(dest) / Path(p).resolve().relative_to(common)) for p in todo}
    else:
        plan = {todo[0]: dest}
    for out in plan.values():
        for given in [*inputs, *([source] if source else [])]:
            if _same(out, given):
                raise UsageError(
                    f"{said} {dest}: would overwrite the input {given}; write the copies elsewhere"
                )
    return plan, skipped


def unit_reasons(data: dict[str, Any], index: int) -> dict[str, list[str]]:
    """Segment id -> one line per flag that made the segment review/fail (baselined flags left out)."""
    out: dict[str, list[str]] = {}
    for seg in data["segments"]:
        if seg["document"] != index or seg["verdict"] == "ok":
            continue
        flags = [f for f in seg["flags"] if not f.get("baselined")]
        lines = [f"{f['check']} ({f['severity']}): {f['message']}" for f in flags if f["severity"] in GATING]
        out[str(seg["id"])] = [f"{seg['verdict']}: " + line for line in lines] or [f"{seg['verdict']}"]
    return out


def render_annotations(
    data: dict[str, Any], plan: dict[str, str], spooled: dict[str, str] | None = None
) -> list[tuple[str, bytes]]:
    """(copy path, bytes) for every planned input that was checked; nothing is written here.
    `spooled`: where the bytes of an input read once (stdin, named by --stdin-filename) are kept."""
    from ..inputs.read import read_bytes
    from .annotate_po import annotate_po
    from .annotate_xliff import annotate_xliff

    out: list[tuple[str, bytes]] = []
    for doc in data["documents"]:
        dest = plan.get(doc["path"])
        if dest is None:
            continue
        path = str(doc["path"])
        reasons = unit_reasons(data, int(doc["index"]))
        raw = read_bytes((spooled or {}).get(path, path))
        annotated = (
            annotate_po(raw, path, reasons) if format_of(path) == "po" else annotate_xliff(raw, path, reasons)
        )
        out.append((dest, annotated))
    return out
