"""The structure of a JSON report (schema_version 1), checked before anything renders from it.

`problem(data)` names the first thing a renderer or `baseline create` could not use, as a path
into the report ("segments[3].flags[0].severity: must be one of ..."), or returns None. Only
what they read is required; other keys are allowed, so newer fields never break older readers.
One pass over the report, a few isinstance checks per field: a 20,000-sentence report takes
about a tenth of a second.
"""

from __future__ import annotations

from typing import Any

from ..records import MODES, SEVERITIES, VERDICTS

SCORE_KEYS = ("chrf", "bleu", "ter")


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
    for key in SCORE_KEYS:
        _field(obj, key, where, (int, float), "a number")


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
        _field(span, "start", at, int, "an integer")
        _field(span, "end", at, int, "an integer")


def _segment(seg: Any, where: str, documents: set[int]) -> None:
    _need(seg, where, dict, "an object")
    if _field(seg, "document", where, int, "an integer") not in documents:
        raise Invalid(f"{where}.document: {seg['document']} is not the index of a document in the report")
    _field(seg, "id", where, str, "a string")
    for key in ("paragraph", "sentence", "line"):
        _field(seg, key, where, int, "an integer")
    _field(seg, "text", where, str, "a string")
    if seg.get("source") is not None:
        _need(seg["source"], f"{where}.source", str, "a string")
    if seg.get("source_line") is not None:
        _need(seg["source_line"], f"{where}.source_line", int, "an integer")
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


def _counts(obj: Any, where: str) -> None:
    """An object of whole numbers (per verdict, per check)."""
    for key, value in _need(obj, where, dict, "an object").items():
        _need(value, f"{where}.{key}", int, "an integer")


def _optional(obj: dict[str, Any], key: str, where: str, kind: type | tuple[type, ...], what: str) -> Any:
    """A key renderers read when it is there (null counts as absent)."""
    return None if obj.get(key) is None else _need(obj[key], f"{where}.{key}", kind, what)


def _gate(signature: dict[str, Any]) -> None:
    gate = _optional(signature, "gate", "signature", dict, "an object")
    for key in ("max_flagged", "min_chrf"):
        if gate is not None:
            _optional(gate, key, "signature.gate", (int, float), "a number")
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
    _summary(_field(data, "summary", "the report", dict, "an object"), data["segments"])


def _summary(summary: dict[str, Any], segments: list[dict[str, Any]]) -> None:
    """The summary's counts are the segments' (the gate reads the segments, the headers the
    summary: a hand-edited summary would show one result and gate another)."""
    edited = "does not match the segments (was the report edited?)"
    if _field(summary, "segments", "summary", int, "an integer") != len(segments):
        raise Invalid(f"summary.segments: {summary['segments']} {edited}: there are {len(segments)}")
    verdicts = _field(summary, "verdicts", "summary", dict, "an object")
    for v in VERDICTS:
        found = sum(s["verdict"] == v for s in segments)
        if _field(verdicts, v, "summary.verdicts", int, "an integer") != found:
            raise Invalid(f"summary.verdicts.{v}: {verdicts[v]} {edited}: {found} segment(s) say {v}")
    flagged = _optional(summary, "flagged", "summary", int, "an integer")
    if flagged is not None and flagged != verdicts["review"] + verdicts["fail"]:
        raise Invalid(
            f"summary.flagged: {flagged} {edited}: {verdicts['review'] + verdicts['fail']} are flagged"
        )
    _optional(summary, "baselined", "summary", int, "an integer")
    if summary.get("checks") is not None:
        _counts(summary["checks"], "summary.checks")


def problem(data: Any) -> str | None:
    """The first structural problem as one line, or None for a usable report."""
    try:
        check(data)
    except Invalid as exc:
        return str(exc)
    return None
