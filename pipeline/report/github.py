"""GitHub Actions workflow commands: one annotation per flag, shown on the pull request's diff.

    ::error file=docs/guide.md,line=12,col=5,endColumn=9,title=driftcheck numbers::p3.s2: 25 became 52

critical -> ::error, major -> ::warning, minor/info -> ::notice. Flags accepted by a baseline
are left out. Escaping follows @actions/core: in the message `%`, CR and LF become %25, %0D,
%0A; in property values `:` and `,` also become %3A and %2C. Other control characters are
dropped, and right-to-left overrides are named as in the terminal ([U+202E]). Columns are the
approximate ones described in report/sarif.py; the line is exact.
Standard input ("-") gets no file property.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.report.baseline import iter_flags, located
from pipeline.report.gate import gate_of
from pipeline.report.sarif import flag_region, sentence_columns
from pipeline.terminal import name_bidi

COMMANDS = {"critical": "error", "major": "warning", "minor": "notice", "info": "notice"}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C1 too: some terminals obey CSI (0x9b)


def escape_data(text: str) -> str:
    """Message part. Other control characters (ESC would start a terminal sequence) are dropped."""
    return name_bidi(_CONTROL.sub("", text)).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, message: str, **props: object) -> str:
    """`::command k=v,...::message` with both parts escaped; None-valued properties are omitted."""
    parts = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{command}{' ' + parts if parts else ''}::{escape_data(message)}"


def render_github(data: dict[str, Any]) -> str:
    cols = sentence_columns(data)
    mode = str(data.get("mode", "roundtrip"))
    lines = []
    for seg, flag, path in iter_flags(data):
        if flag.get("baselined"):
            continue
        region = flag_region(seg, flag, cols, mode)
        lines.append(
            annotation(
                COMMANDS.get(flag["severity"], "warning"),
                f"{seg['id']}: {flag['message']}",
                file=None if path == "-" else located(path),
                line=region["startLine"],
                col=region.get("startColumn"),
                endColumn=region.get("endColumn"),
                title=f"driftcheck {flag['check']}",
            )
        )
    lines += [annotation("error", reason, title="driftcheck gate") for reason in gate_of(data).limits]
    return "".join(line + "\n" for line in lines)
