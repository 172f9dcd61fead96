"""What one sentence's row says at a glance, computed from the canonical segment dict.

- `fold_flags`: which flags explain the verdict ("primary") and which are consequences of
  them ("implied"): an empty translation, an omitted or an added sentence explains every
  other flag of its segment; a cut-off translation explains the broken grammar, order and
  length that follow from it; the summary checks (drift, length, coverage) are folded
  under a specific finding of at least their severity.
- `reason`: the top reason in a few words ("numbers: 320 → 230", "source sentence missing").
- `row_data`: the compact, text-free record the page's script renders a row and its
  on-demand detail panel from (marks as offsets, diffs as offset runs); the texts
  themselves are read from the embedded report, never copied.
"""

from __future__ import annotations

from typing import Any

from ..records import SEVERITIES
from .diff import grouped_diff

WHOLE_SENTENCE = ("empty", "omission", "addition")
SUMMARY_CHECKS = frozenset({"drift", "length", "coverage"})
CUT_OFF_EXPLAINS = frozenset({"fluency", "order", "length", "coverage", "drift"})
NOTE_SEVERITIES = frozenset({"info", "minor"})
REASON_CHARS = 110
SPAN_CHARS = 40


def sev_rank(severity: Any) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else 1


def fold_flags(flags: list[dict[str, Any]]) -> tuple[list[int], list[int]]:
    """(primary, implied) flag indices; primary sorted worst first, stable otherwise."""
    active = [i for i, f in enumerate(flags) if not f.get("baselined")]
    order = sorted(active, key=lambda i: -sev_rank(flags[i].get("severity")))
    checks = {str(flags[i].get("check")) for i in active}
    whole = next((i for i in order if flags[i].get("check") in WHOLE_SENTENCE), None)
    if whole is not None:
        return [whole], [i for i in order if i != whole]
    primary: list[int] = []
    implied: list[int] = []
    specific = [
        i
        for i in order
        if flags[i].get("check") not in SUMMARY_CHECKS and sev_rank(flags[i].get("severity")) >= 2
    ]
    for i in order:
        check, rank = str(flags[i].get("check")), sev_rank(flags[i].get("severity"))
        if "truncated" in checks and check in CUT_OFF_EXPLAINS:
            implied.append(i)
        elif check in SUMMARY_CHECKS and any(sev_rank(flags[j].get("severity")) >= rank for j in specific):
            implied.append(i)
        else:
            primary.append(i)
    return primary, implied


def _field_text(seg: dict[str, Any], field: str, pivot: Any = None) -> str:
    if field == "source":
        return str(seg.get("source") or "")
    if field == "back":
        trips = seg.get("round_trips") or []
        for rt in trips:
            if pivot is None or rt.get("pivot") == pivot:
                return str(rt.get("back", ""))
        return ""
    return str(seg.get("text") or "")


def span_texts(seg: dict[str, Any], flag: dict[str, Any], fields: tuple[str, ...]) -> list[str]:
    out = []
    for sp in flag.get("spans", []):
        if sp.get("field") in fields and isinstance(sp.get("start"), int) and isinstance(sp.get("end"), int):
            piece = " ".join(_field_text(seg, sp["field"], sp.get("pivot"))[sp["start"] : sp["end"]].split())
            if piece:
                out.append(piece)
    return out


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def reason(seg: dict[str, Any], flag: dict[str, Any], same: list[dict[str, Any]] | None = None) -> str:
    """The top reason of a row: the check and what it found, in a few words.

    `same`: other primary flags of the same check, whose spans complete the picture (round
    trip: "source name 'Tirana' not found" and "translation has 'Tyrant'" read "Tirana → Tyrant").
    """
    check = str(flag.get("check", ""))
    spans = [sp for f in [flag, *(same or [])] for sp in f.get("spans", [])]
    flag = {**flag, "spans": spans}
    has_text, has_source = _has_words(str(seg.get("text") or "")), _has_words(str(seg.get("source") or ""))
    if check == "omission" or (check == "empty" and not has_text and seg.get("source") is not None):
        return "source sentence missing" if check == "omission" else "empty translation"
    if check == "addition" or (check == "empty" and not has_source):
        return "sentence added: no source"
    before = span_texts(seg, flag, ("source",)) or (
        span_texts(seg, flag, ("text",)) if seg.get("source") is None else []
    )
    after = (
        span_texts(seg, flag, ("text",))
        if seg.get("source") is not None
        else span_texts(seg, flag, ("back",))
    )
    if before and after and all(len(x) <= SPAN_CHARS for x in before + after):
        return _short(f"{check}: {', '.join(before)} → {', '.join(after)}", REASON_CHARS)
    if check == "negation" and before and not after:
        return _short(f"negation dropped: {', '.join(before)}", REASON_CHARS)
    return _short(f"{check}: {flag.get('message', '')}", REASON_CHARS)


def marks(seg: dict[str, Any]) -> dict[str, list[list[int]]]:
    """Every flag's spans by field, as [start, end, severity rank] (back spans: [.., pivot index])."""
    pivots = [str(rt.get("pivot", "")) for rt in seg.get("round_trips") or []]
    out: dict[str, list[list[int]]] = {}
    for flag in seg.get("flags", []):
        rank = sev_rank(flag.get("severity"))
        if flag.get("baselined"):
            rank = 0
        for sp in flag.get("spans", []):
            start, end, field = sp.get("start"), sp.get("end"), str(sp.get("field", ""))
            if not (isinstance(start, int) and isinstance(end, int)) or end <= start:
                continue
            entry = [start, end, rank]
            if field == "back":
                pivot = sp.get("pivot")
                entry.append(pivots.index(pivot) if pivot in pivots else (0 if len(pivots) == 1 else -1))
            out.setdefault(field, []).append(entry)
    return out


def diffs(
    seg: dict[str, Any], articles: dict[str, frozenset[str]], lang: str, source_lang: str
) -> dict[str, Any]:
    """Grouped diff runs for the detail panel (see diff.grouped_diff)."""
    text, src = str(seg.get("text") or ""), str(seg.get("source") or "")
    own, other = articles.get(lang, frozenset()), articles.get(source_lang, frozenset())
    comparison = seg.get("comparison")
    if comparison:
        return {
            "back": grouped_diff(src, str(comparison.get("back", "")), other),
            "forward": grouped_diff(text, str(comparison.get("forward", "")), own),
            "source_round_trip": grouped_diff(src, str(comparison.get("source_round_trip", "")), other),
        }
    return {
        "round_trips": [
            grouped_diff(text, str(rt.get("back", "")), own) for rt in seg.get("round_trips") or []
        ]
    }


def summarise_flags(seg: dict[str, Any], verdict: str) -> dict[str, Any]:
    """reason, tone (severity of the top reason), kind (flag | note | ""), counts, folding."""
    flags = list(seg.get("flags", []))
    primary, implied = fold_flags(flags)
    top = flags[primary[0]] if primary else None
    is_note = verdict == "ok" and top is not None and top.get("severity") in NOTE_SEVERITIES
    return {
        "reason": reason(
            seg, top, [flags[i] for i in primary[1:] if flags[i].get("check") == top.get("check")]
        )
        if top is not None
        else "",
        "tone": str(top.get("severity", "")) if top is not None else "",
        "kind": ("note" if is_note else "flag") if top is not None else "",
        "primary": primary,
        "implied": implied,
        "baselined": sum(1 for f in flags if f.get("baselined")),
    }
