"""Placeholders and inline tags: every %s, %(name)s, {0}, {name}, HTML tag and XLIFF/TMX inline
code of the source must be in the translation, none added, and unnamed printf arguments in
the same order. Only units read from PO, XLIFF or TMX files carry placeholder syntaxes; the
comparison itself lives in formats/placeholders.py, next to the masking it shares; this check
names and grades what it finds.
"""

from __future__ import annotations

from collections.abc import Mapping

from pipeline.records import Flag

from . import Check, CheckInput, register

PLACEHOLDERS = Check(
    "placeholders",
    "critical",
    "Placeholders or inline tags differ",
    modes=("source",),
    also=("minor",),
    engine=False,
)


@register(PLACEHOLDERS)
def check_placeholders(inp: CheckInput) -> list[Flag]:
    """The unit's raw strings (the engine and the other checks see them without placeholders)."""
    info = inp.options.get("placeholders")
    if not isinstance(info, Mapping):
        return []
    from pipeline.formats.placeholders import compare

    found = compare(str(info["source"]), str(info["target"]), str(info["markup"]), bool(info.get("plural")))
    return [PLACEHOLDERS.flag(m.message, m.spans, severity=m.severity) for m in found]
