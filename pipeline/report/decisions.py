"""Review decisions exported from the HTML report, and what driftcheck makes of them.

An editor marks flagged sentences in the report as "confirmed" (the flag is right),
"false_alarm" (the sentence is fine) or "fixed" (the flag was right and the copy has been
corrected since); the report exports them as a decisions file (format below).

- `baseline_from_decisions`: false alarms become baseline entries (same keys as
  `driftcheck baseline create`: document path + sentence text + source + check), so the
  gate stops counting them.
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
from .baseline import BASELINE_VERSION, _preview, flag_key, normalise_path, normalise_text

DECISIONS_VERSION = 1
LABELS = {"confirmed": "shifted", "false_alarm": "ok", "fixed": "shifted"}


def load_decisions(path: str | Path) -> dict[str, Any]:
    """Read and check a decisions file; any problem is one InputError line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{p}: decisions file not found (export it from the HTML report)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read decisions file ({exc.__class__.__name__})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{p}: decisions file is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or data.get("tool") != "driftcheck" or data.get("kind") != "decisions":
        raise InputError(f'{p}: not a driftcheck decisions file (expected "kind": "decisions")')
    if data.get("version") != DECISIONS_VERSION:
        raise InputError(f"{p}: decisions version {data.get('version')!r} is not supported (expected 1)")
    items = data.get("decisions")
    if not isinstance(items, list):
        raise InputError(f'{p}: "decisions" must be a list')
    for n, d in enumerate(items, start=1):
        ok = (
            isinstance(d, dict)
            and isinstance(d.get("document"), str)
            and isinstance(d.get("translation"), str)
            and (d.get("source") is None or isinstance(d.get("source"), str))
            and d.get("decision") in LABELS
            and isinstance(d.get("checks", []), list)
            and all(isinstance(c, str) for c in d.get("checks", []))
        )
        if not ok:
            raise InputError(
                f'{p}: decision {n} needs "document", "translation", "checks" and a "decision" of '
                "confirmed, false_alarm or fixed"
            )
    return data


def baseline_from_decisions(
    decisions: dict[str, Any], existing: dict[str, Any] | None = None
) -> tuple[dict[str, Any], int]:
    """A baseline with every false alarm's checks added to `existing`; (baseline, entries added)."""
    entries: dict[str, dict[str, str]] = {}
    for e in (existing or {}).get("entries", []):
        entries[str(e["key"])] = e
    added = 0
    for d in decisions["decisions"]:
        if d["decision"] != "false_alarm":
            continue
        seg = {"text": d["translation"], "source": d.get("source")}
        for check in d.get("checks", []):
            key = flag_key(seg, {"check": check}, d["document"])
            if key in entries:
                continue
            entries[key] = {
                "key": key,
                "check": check,
                "path": normalise_path(d["document"]),
                "text_preview": _preview(seg),
            }
            added += 1
    ordered = sorted(entries.values(), key=lambda e: (e["path"], e["check"], e["text_preview"], e["key"]))
    return {"version": BASELINE_VERSION, "tool": "driftcheck", "entries": ordered}, added


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
    from ..inputs.read import atomic_write

    try:
        atomic_write(path, dumps_jsonl(rows))
    except OSError as exc:
        raise InputError(f"{path}: cannot write labels ({exc.strerror or exc.__class__.__name__})") from None
