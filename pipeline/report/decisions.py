"""Review decisions exported from the HTML report, and what driftcheck makes of them.

An editor marks flagged sentences in the report as "confirmed" (the flag is right),
"false_alarm" (the sentence is fine) or "fixed" (the flag was right and the copy has been
corrected since); the report exports them as a decisions file (format below).

- `baseline_from_decisions`: false alarms become baseline entries (same keys as
  `driftcheck baseline create`: document path + sentence text + source + check, and the unit id
  in a PO/XLIFF/TMX file), so the gate stops counting them.
- `labelled_rows`: every decision with a source as a labelled pair in the format of the
  dev sets (`driftcheck eval` / `driftcheck calibrate` read it): confirmed -> "shifted",
  false_alarm -> "ok", fixed -> "shifted" (the recorded translation is the one before the
  fix). Round-trip decisions have no source and are left out.

Decisions file (version 1):
    {"tool": "driftcheck", "kind": "decisions", "version": 1,
     "report": {"key": ..., "mode": "source" | "roundtrip", "signature": {...}},
     "decisions": [{"document": PATH, "id": SEGMENT_ID, "source": TEXT | null,
                    "translation": TEXT, "source_lang": ..., "lang": ...,
                    "decision": "confirmed" | "false_alarm" | "fixed",
                    "label": "shifted" | "ok", "checks": [CHECK, ...], "verdict": ...,
                    "decided_at": ISO-8601}, ...]}
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..errors import InputError
from .baseline import baseline_of, flag_key, normalise_text
from .files import check_header, read_json, write_text

DECISIONS_VERSION = 1
LABELS = {"confirmed": "shifted", "false_alarm": "ok", "fixed": "shifted"}


def _valid(d: Any) -> bool:
    checks = (
        d.get("checks") if isinstance(d, dict) else None
    )  # required: a false alarm without it was dropped
    return (
        isinstance(d, dict)
        and isinstance(d.get("document"), str)
        and isinstance(d.get("translation"), str)
        and (d.get("source") is None or isinstance(d.get("source"), str))
        and (d.get("id") is None or isinstance(d.get("id"), str | int) and not isinstance(d.get("id"), bool))
        and all(d.get(k) is None or isinstance(d.get(k), str) for k in ("source_lang", "lang"))
        and d.get("decision") in LABELS
        and isinstance(checks, list)
        and all(isinstance(c, str) and c for c in checks)
    )


def load_decisions(path: str | Path) -> dict[str, Any]:
    """Read and check a decisions file; any problem is one InputError line. A sentence decided twice
    the same way counts once (its checks merged); decided two ways, the file is refused."""
    missing = "decisions file not found (export it from the HTML report)"
    data = read_json(path, InputError, "decisions file", missing)
    items = check_header(
        data, path, InputError, "decisions file", DECISIONS_VERSION, "decisions", "decisions"
    )
    kept: dict[tuple[object, ...], tuple[int, dict[str, Any]]] = {}
    for n, d in enumerate(items, start=1):
        if not _valid(d):
            raise InputError(
                f'{path}: decision {n} needs "document", "translation", a "decision" of confirmed, false_alarm '
                'or fixed, "checks" as a list of check names, and "id", '
                '"source", "source_lang" and "lang" as strings when present'
            )
        key = (d["document"], str(d.get("id")), d["translation"], d.get("source"))
        if key not in kept:
            kept[key] = (n, dict(d))
            continue
        first, earlier = kept[key]
        if earlier["decision"] != d["decision"]:
            raise InputError(
                f"{path}: decisions {first} and {n} disagree on one sentence ({d['document']}, id "
                f"{d.get('id')}): {earlier['decision']} and {d['decision']}; keep one"
            )
        earlier["checks"] = list(dict.fromkeys([*earlier.get("checks", []), *d.get("checks", [])]))
    return {**data, "decisions": [d for _, d in kept.values()]}


def baseline_from_decisions(
    decisions: dict[str, Any], existing: dict[str, Any] | None = None
) -> tuple[dict[str, Any], int]:
    """A baseline with every false alarm's checks added to `existing`; (baseline, entries added)."""
    from ..formats import UNIT_FORMATS, format_of

    accepted = []
    for d in decisions["decisions"]:
        if d["decision"] != "false_alarm":
            continue
        seg = {"text": d["translation"], "source": d.get("source"), "id": d.get("id")}
        # a PO/XLIFF/TMX unit's key holds its id, as `baseline create` makes it (it was left out,
        # and the imported entries never matched: stale, the gate still failing)
        unit = format_of(d["document"]) in UNIT_FORMATS
        accepted += [
            (flag_key(seg, {"check": c}, d["document"], unit), c, d["document"], seg)
            for c in d.get("checks", [])
        ]
    baseline = baseline_of(accepted, existing)
    return baseline, len(baseline["entries"]) - len(
        {str(e["key"]) for e in (existing or {}).get("entries", [])}
    )


def labelled_rows(decisions: dict[str, Any]) -> list[dict[str, Any]]:
    """Decisions with a source, as labelled pairs (the dev-set JSONL format); pair_id groups a source."""
    out = []
    for d in decisions["decisions"]:
        source = d.get("source")
        if source is None or not normalise_text(source):
            continue
        group = hashlib.sha256(normalise_text(source).encode("utf-8")).hexdigest()
        out.append(
            {
                "id": f"{d['document']}#{d.get('id', '')}",
                "pair_id": int(group[:8], 16),
                "src_lang": d.get("source_lang"),
                "tgt_lang": d.get("lang"),
                "source": source,
                "translation": d["translation"],
                "label": LABELS[d["decision"]],
                "category": f"review:{d['decision']}",
                "severity": None,
                "checks": list(d.get("checks", [])),
            }
        )
    return out


def dumps_jsonl(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def save_labels(path: str | Path, rows: list[dict[str, Any]]) -> None:
    """Write the labelled JSONL atomically; a folder that cannot be written is one InputError line."""
    write_text(path, dumps_jsonl(rows), InputError, "labels")
