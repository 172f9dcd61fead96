"""The structure of a JSON report (schema_version 1), checked before anything renders from it.

`problem(data)` names the first thing a renderer or `baseline create` could not use, as a path
into the report ("segments[3].flags[0].severity: must be one of ..."), or returns None. Only
what they read is required; other keys are allowed, so newer fields never break older readers.
One pass over the report, a few isinstance checks per field: a 20,000-sentence report takes
about a tenth of a second.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..records import FAIL_ON, MODES, SEVERITIES, VERDICTS, Flag, verdict, verdict_rank
from ..words import counted
from .to_json import summarize

SCORE_KEYS = ("chrf", "bleu", "ter")
EDITED = "does not match the segments (was the report edited?)"
SCORE_RANGE = (0.0, 100.0)  # every score is clamped to it when the report is written


class Invalid(Exception):
    """Where the report breaks the structure, and how (the message)."""


def _need(obj: Any, where: str, kind: type | tuple[type, ...], what: str) -> Any:
    if isinstance(obj, bool) and kind in (int, float, (int, float)):
        raise Invalid(f"{where}: must be {what}, not a boolean")
    if not isinstance(obj, kind):
        raise Invalid(f"{where}: must be {what}, not {_name(obj)}")
    return obj


def _name(obj: Any) -> str:
    names: dict[type, str] = {
        bool: "a boolean",
        type(None): "null",
        dict: "an object",
        list: "a list",
        str: "a string",
        int: "an integer",
        float: "a number",
    }
    return names.get(type(obj), type(obj).__name__)


def _field(obj: dict[str, Any], key: str, where: str, kind: type | tuple[type, ...], what: str) -> Any:
    if key not in obj:
        raise Invalid(f'{where}: missing "{key}"')
    return _need(obj[key], f"{where}.{key}", kind, what)


def _scores(obj: Any, where: str) -> None:
    _need(obj, where, dict, "an object")
    lo, hi = SCORE_RANGE
    for key in SCORE_KEYS:
        if not lo <= _field(obj, key, where, (int, float), "a number") <= hi:
            raise Invalid(f"{where}.{key}: must be between {lo:g} and {hi:g}")


def _count(obj: dict[str, Any], key: str, where: str) -> int:
    """A line, paragraph or sentence number, a span offset: a whole number, not negative."""
    value: int = _field(obj, key, where, int, "an integer")
    if value < 0:
        raise Invalid(f"{where}.{key}: must not be negative")
    return value


def _flag(flag: Any, where: str) -> None:
    _need(flag, where, dict, "an object")
    _field(flag, "check", where, str, "a string")
    if _field(flag, "severity", where, str, "a string") not in SEVERITIES:
        raise Invalid(f"{where}.severity: must be one of {', '.join(SEVERITIES)}")
    _field(flag, "message", where, str, "a string")
    for k, span in enumerate(_field(flag, "spans", where, list, "a list") if "spans" in flag else []):
        at = f"{where}.spans[{k}]"
        _need(span, at, dict, "an object")
        _field(span, "field", at, str, "a string")
        if _count(span, "start", at) > _count(span, "end", at):
            raise Invalid(f"{at}: start must not be after end")


def _segment(seg: Any, where: str, documents: set[int]) -> None:
    _need(seg, where, dict, "an object")
    if _field(seg, "document", where, int, "an integer") not in documents:
        raise Invalid(f"{where}.document: {seg['document']} is not the index of a document in the report")
    _field(seg, "id", where, str, "a string")
    for key in ("paragraph", "sentence", "line"):
        _count(seg, key, where)
    _field(seg, "text", where, str, "a string")
    if seg.get("source") is not None:
        _need(seg["source"], f"{where}.source", str, "a string")
    if seg.get("source_line") is not None:
        _count(seg, "source_line", where)
    for k, rt in enumerate(_field(seg, "round_trips", where, list, "a list") if "round_trips" in seg else []):
        at = f"{where}.round_trips[{k}]"
        _need(rt, at, dict, "an object")
        for key in ("pivot", "forward", "back"):
            _field(rt, key, at, str, "a string")
        _scores(_field(rt, "scores", at, dict, "an object"), f"{at}.scores")
    if seg.get("comparison") is not None:
        at = f"{where}.comparison"
        comp = _need(seg["comparison"], at, dict, "an object")
        for key in ("back", "forward", "source_round_trip"):
            _field(comp, key, at, str, "a string")
            _scores(_field(comp, f"{key}_scores", at, dict, "an object"), f"{at}.{key}_scores")
    if not 0 <= _field(seg, "drift", where, (int, float), "a number") <= 1:
        raise Invalid(f"{where}.drift: must be between 0 and 1")
    for k, flag in enumerate(_field(seg, "flags", where, list, "a list")):
        _flag(flag, f"{where}.flags[{k}]")
    if _field(seg, "verdict", where, str, "a string") not in VERDICTS:
        raise Invalid(f"{where}.verdict: must be one of {', '.join(VERDICTS)}")
    _verdict_has_reasons(seg, where)


def _verdict_has_reasons(seg: dict[str, Any], where: str) -> None:
    """A verdict never comes without a flag saying why, and never below what its flags say
    (critical: fail, major: review); flags a baseline accepted say nothing."""
    flags = [Flag(f["check"], f["severity"], f["message"]) for f in seg["flags"] if not f.get("baselined")]
    if seg["verdict"] != "ok" and not flags:
        raise Invalid(f"{where}.verdict: {seg['verdict']} with no flag saying why (was the report edited?)")
    by_flags = verdict(flags)
    if verdict_rank(seg["verdict"]) < verdict_rank(by_flags):
        raise Invalid(
            f"{where}.verdict: {seg['verdict']}, but its flags make it {by_flags} (was the report edited?)"
        )


def _counts(obj: Any, where: str) -> None:
    """An object of whole numbers (per verdict, per check)."""
    for key, value in _need(obj, where, dict, "an object").items():
        _need(value, f"{where}.{key}", int, "an integer")


def _optional(obj: dict[str, Any], key: str, where: str, kind: type | tuple[type, ...], what: str) -> Any:
    """A key renderers read when it is there (null counts as absent)."""
    return None if obj.get(key) is None else _need(obj[key], f"{where}.{key}", kind, what)


def _gate(signature: dict[str, Any]) -> None:
    fail_on = _optional(signature, "fail_on", "signature", str, "a string")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise Invalid(f"signature.fail_on: must be one of {', '.join(FAIL_ON)}")
    gate = _optional(signature, "gate", "signature", dict, "an object")
    for key in ("max_flagged", "min_chrf"):
        if gate is not None:
            _optional(gate, key, "signature.gate", (int, float), "a number")
    said = None if gate is None else _optional(gate, "said", "signature.gate", dict, "an object")
    for key, how in (said or {}).items():
        _need(how, f"signature.gate.said.{key}", str, "a string")
    unread = None if gate is None else _optional(gate, "unread", "signature.gate", list, "a list")
    for k, why in enumerate(unread or []):
        _need(why, f"signature.gate.unread[{k}]", str, "a string")


def check(data: Any) -> None:
    """Raise Invalid naming the first structural problem of a report."""
    _need(data, "the report", dict, "an object")
    if type(data.get("schema_version")) is not int or data["schema_version"] != 1:  # true == 1 in Python
        raise Invalid(f"schema_version: must be 1, not {data.get('schema_version')!r}")
    if _field(data, "mode", "the report", str, "a string") not in MODES:
        raise Invalid(f"mode: must be one of {', '.join(MODES)}")
    _gate(_field(data, "signature", "the report", dict, "an object"))
    indexes: set[int] = set()
    for k, doc in enumerate(_field(data, "documents", "the report", list, "a list")):
        at = f"documents[{k}]"
        _need(doc, at, dict, "an object")
        indexes.add(_field(doc, "index", at, int, "an integer"))
        _field(doc, "path", at, str, "a string")
        _field(doc, "lang", at, str, "a string")
        for name, scores in _field(doc, "scores", at, dict, "an object").items():
            _scores(scores, f"{at}.scores.{name}")
        _counts(_field(doc, "counts", at, dict, "an object"), f"{at}.counts")
        _optional(doc, "source_path", at, str, "a string")
    for k, seg in enumerate(_field(data, "segments", "the report", list, "a list")):
        _segment(seg, f"segments[{k}]", indexes)
    _document_counts(data["documents"], data["segments"])
    _summary(_field(data, "summary", "the report", dict, "an object"), data["segments"])


def _document_counts(documents: list[dict[str, Any]], segments: list[dict[str, Any]]) -> None:
    """Each document's verdict counts are its segments' (the Markdown comment's rows show them)."""
    found = Counter((s["document"], s["verdict"]) for s in segments)
    for k, doc in enumerate(documents):
        for v in VERDICTS:
            said, have = doc["counts"].get(v, 0), found[(doc["index"], v)]
            if said != have:
                raise Invalid(
                    f"documents[{k}].counts.{v}: {said} {EDITED}: {have} of its segments {'says' if have == 1 else 'say'} {v}"
                )


def _summary(summary: dict[str, Any], segments: list[dict[str, Any]]) -> None:
    """The summary's counts are the segments' (the gate reads the segments, the headers the
    summary: a hand-edited summary would show one result and gate another)."""
    if _field(summary, "segments", "summary", int, "an integer") != len(segments):
        raise Invalid(f"summary.segments: {summary['segments']} {EDITED}: there are {len(segments)}")
    computed = summarize(segments)  # what the run would have written, from the segments
    verdicts = _field(summary, "verdicts", "summary", dict, "an object")
    for v in VERDICTS:
        found = computed["verdicts"][v]
        if _field(verdicts, v, "summary.verdicts", int, "an integer") != found:
            raise Invalid(
                f"summary.verdicts.{v}: {verdicts[v]} {EDITED}: {counted(found, 'segment')} {'says' if found == 1 else 'say'} {v}"
            )
    flagged = _optional(summary, "flagged", "summary", int, "an integer")
    if flagged is not None and flagged != verdicts["review"] + verdicts["fail"]:
        raise Invalid(
            f"summary.flagged: {flagged} {EDITED}: {verdicts['review'] + verdicts['fail']} are flagged"
        )
    _optional(summary, "baselined", "summary", int, "an integer")
    if summary.get("checks") is not None:
        _counts(summary["checks"], "summary.checks")
        if summary["checks"] != computed["checks"]:
            raise Invalid(f"summary.checks: {EDITED}: the segments' flags per check are {computed['checks']}")
    worst = _optional(summary, "worst", "summary", str, "a string")
    if worst is not None and worst != computed["worst"]:
        raise Invalid(f"summary.worst: {worst!r} {EDITED}: the worst verdict is {computed['worst']!r}")


def problem(data: Any) -> str | None:
    """The first structural problem as one line, or None for a usable report."""
    try:
        check(data)
    except Invalid as exc:
        return str(exc)
    return None
