"""A short Markdown summary for pull-request comments, rendered from the canonical JSON dict.

Counts, corpus scores and a table of the worst sentences with the reasons, kept within
`limit` characters (GitHub refuses comments over 65,536). Text from the report is escaped
so it cannot break the table, start Markdown or HTML, or notify people (@mentions).
"""

from __future__ import annotations

import re
from typing import Any

from ..records import MODE_LABELS, VERDICT_ORDER
from ..terminal import inert
from ..words import counted
from .gate import gate_of
from .html import engine_facts, segment_chrf

ICONS = {"fail": "❌ fail", "review": "⚠️ review", "ok": "✅ ok"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")
_PING = re.compile(r"([@#])(?=\w)")
_SPACE = re.compile(r"\s+")


def md_escape(text: str, max_chars: int | None = None) -> str:
    """One table cell: whitespace (newlines too) collapsed, Markdown and HTML characters escaped."""
    plain = inert(_SPACE.sub(" ", str(text)).strip())
    if max_chars is not None and len(plain) > max_chars:
        plain = plain[: max_chars - 1].rstrip() + "…"
    escaped = _MD_SPECIAL.sub(r"\\\1", plain)
    return _PING.sub("\\1\u2060", escaped)  # a word joiner after @ or # stops mentions and issue links


def _f(x: Any) -> str:
    return f"{float(x):.1f}"


def _counts_line(verdicts: dict[str, Any]) -> str:
    return " · ".join(f"{ICONS[v]} **{int(verdicts.get(v, 0))}**" for v in VERDICT_ORDER)


def _header(data: dict[str, Any]) -> list[str]:
    summary = data.get("summary") or {}
    total, flagged = int(summary.get("segments", 0)), int(summary.get("flagged", 0))
    documents = list(data.get("documents", []))
    mode = MODE_LABELS.get(str(data.get("mode")), str(data.get("mode")))
    if flagged:
        title = f"### driftcheck: {flagged} of {total} sentence{'s' if total != 1 else ''} need a look"
    elif total == 1:
        title = "### driftcheck: the sentence came through"  # was "all 1 sentence came through"
    else:
        title = f"### driftcheck: all {total} sentences came through"
    facts = dict(engine_facts(data.get("signature") or {}))
    about = [f"{mode} check"]
    if facts.get("Engine"):
        about.append(md_escape(facts["Engine"], 120))
    lines = [title, "", _counts_line(summary.get("verdicts") or {}) + " — " + " · ".join(about), ""]
    if summary.get("note"):
        lines += ["> " + md_escape(summary["note"]), ""]
    calibration = (data.get("signature") or {}).get("calibration")
    if (
        isinstance(calibration, dict)
        and calibration.get("not_trained_for")
        and facts.get("Calibration trained on")
    ):
        lines += ["> Calibration trained on " + md_escape(facts["Calibration trained on"], 200), ""]
    limits = gate_of(data).limits
    if limits:  # the run failed though no sentence did, or beyond the sentences that did
        lines += ["**Gate failed:** " + "; ".join(md_escape(r) for r in limits), ""]
    lines += ["| Document | Fail | Review | OK | Corpus chrF / BLEU / TER |", "|---|--:|--:|--:|---|"]
    for doc in documents:
        path = md_escape(doc.get("path", ""), 120)
        if doc.get("source_path"):
            path += " ← " + md_escape(doc["source_path"], 120)
        counts = doc.get("counts") or {}
        scores = (
            "<br>".join(
                f"{md_escape(name)}: {_f(s['chrf'])} / {_f(s['bleu'])} / {_f(s['ter'])}"
                for name, s in (doc.get("scores") or {}).items()
            )
            or "no score (nothing verified)"
        )
        tally = " | ".join(str(int(counts.get(v, 0))) for v in VERDICT_ORDER)
        lines.append(f"| {path} | {tally} | {scores} |")
    checks = summary.get("checks") or {}
    if checks:
        lines += ["", "Flags: " + ", ".join(f"{md_escape(k)} {v}" for k, v in checks.items())]
    if summary.get("baselined"):  # the PR comment said nothing of the flags a baseline accepted
        lines += [
            "",
            f"Accepted by the baseline: {counted(int(summary['baselined']), 'flag')}, not counted above.",
        ]
    return lines


def worst_segments(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Sentences that need a look, worst first: fail before review, then by drift."""
    flagged = [(i, s) for i, s in enumerate(data.get("segments", [])) if s.get("verdict", "ok") != "ok"]
    rank: dict[str, int] = {v: n for n, v in enumerate(VERDICT_ORDER)}
    flagged.sort(key=lambda p: (rank.get(str(p[1].get("verdict")), 0), -float(p[1].get("drift", 0)), p[0]))
    return [s for _, s in flagged]


def _row(seg: dict[str, Any], paths: dict[int, str]) -> str:
    path = paths.get(int(seg.get("document", 0)), "")
    where = f"{path}:{seg['line']}" if seg.get("line") else path
    where = md_escape(f"{where} ({seg.get('id', '')})", 160)
    reasons = "; ".join(f"{f.get('check', '')}: {f.get('message', '')}" for f in seg.get("flags", []))
    chrf = segment_chrf(seg)
    return (
        f"| {ICONS.get(str(seg.get('verdict')), md_escape(seg.get('verdict', '')))} | {where} "
        f"| {md_escape(seg.get('text', ''), 200)} | {float(seg.get('drift', 0)):.2f} "
        f"| {'' if chrf is None else _f(chrf)} | {md_escape(reasons, 300) or 'low scores'} |"
    )


def render_markdown(data: dict[str, Any], limit: int = 65000, top: int = 20) -> str:
    """The summary as Markdown of at most `limit` characters; at most `top` sentences are listed."""
    lines = _header(data)
    worst = worst_segments(data)
    paths = {int(d.get("index", 0)): str(d.get("path", "")) for d in data.get("documents", [])}
    if worst:
        lines += [
            "",
            "#### Worst sentences",
            "",
            "| Verdict | Where | Sentence | Drift | chrF | Why |",
            "|---|---|---|--:|--:|---|",
        ]
    else:
        lines += ["", "No sentence needs a look."]
    out = "\n".join(lines) + "\n"
    shown = 0
    for seg in worst[:top]:
        row = _row(seg, paths) + "\n"
        if len(out) + len(row) + len(_note(len(worst) - shown)) > limit:
            break
        out += row
        shown += 1
    if shown < len(worst):
        out += _note(len(worst) - shown)
    if len(out) > limit:  # only when the header alone does not fit
        out = out[: limit - 1] + "…" if limit > 0 else ""
    return out


def _note(hidden: int) -> str:
    more = f"{hidden} more sentence{'s' if hidden != 1 else ''}"
    return f"\n_… and {more} that need a look, not listed here: the HTML or JSON report has them all._\n"
