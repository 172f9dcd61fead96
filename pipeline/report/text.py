"""Terminal summary: one line of counts and a table of the sentences that need a look.

rich drops colour when stdout is not a TTY or NO_COLOR is set.
"""

from __future__ import annotations

from typing import Any

ICONS = {"ok": "✓ ok", "review": "! review", "fail": "✗ fail"}
STYLES = {"ok": "green", "review": "yellow", "fail": "bold red"}


def summary_line(data: dict[str, Any]) -> str:
    s = data["summary"]
    v = s["verdicts"]
    docs = len(data["documents"])
    notes = sum(len(seg["flags"]) for seg in data["segments"] if seg["verdict"] == "ok")
    return (
        f"driftcheck ({data['mode']}): {s['segments']} sentences in {docs} document(s): "
        f"{v['ok']} ok, {v['review']} review, {v['fail']} fail"
        + (f"; {notes} minor note(s) on ok sentences (see the JSON or HTML report)" if notes else "")
    )


def render_text(data: dict[str, Any], width: int | None = None, limit: int = 200) -> str:
    import io

    from rich.console import Console

    # record into memory only: a Console prints to stdout as it records unless given a file
    console = Console(
        file=io.StringIO(), record=True, width=width or 120, force_terminal=False, no_color=True
    )
    _print(console, data, limit)
    return console.export_text()


def print_text(data: dict[str, Any], stderr: bool = False, limit: int = 200) -> None:
    from rich.console import Console

    _print(Console(stderr=stderr, highlight=False), data, limit)


def _print(console: Any, data: dict[str, Any], limit: int) -> None:
    from ..terminal import inert  # paths, sentences and messages are untrusted: no terminal control

    console.print(summary_line(data), markup=False, soft_wrap=True)
    if data["summary"].get("note"):
        console.print(f"  note: {data['summary']['note']}", markup=False, highlight=False, soft_wrap=True)
    for doc in data["documents"]:
        scores = ", ".join(
            f"{inert(k)}: chrF {v['chrf']:.1f}, BLEU {v['bleu']:.1f}, TER {v['ter']:.1f}"
            for k, v in doc["scores"].items()
        )
        console.print(f"  {inert(doc['path'])}: {scores}", markup=False, highlight=False, soft_wrap=True)
    flagged = [s for s in data["segments"] if s["verdict"] != "ok"]
    if not flagged:
        return
    flagged.sort(key=lambda s: (-["ok", "review", "fail"].index(s["verdict"]), -s["drift"]))
    docs = {d["index"]: d["path"] for d in data["documents"]}
    from rich.table import Table  # only when there is a table to print

    table = Table(title="Sentences to review", show_lines=False, expand=True)
    table.add_column("where", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("drift", justify="right", no_wrap=True)
    table.add_column("sentence and reasons", ratio=1)
    from rich.text import Text

    for s in flagged[:limit]:
        reasons = inert("\n".join(f"[{f['severity']}] {f['check']}: {f['message']}" for f in s["flags"]))
        cell = Text(inert(s["text"] or s.get("source") or ""))
        if reasons:
            cell.append("\n" + reasons, style="dim")
        table.add_row(
            inert(f"{docs.get(s['document'], '?')}:{s['line']} {s['id']}"),
            Text(ICONS[s["verdict"]], style=STYLES[s["verdict"]]),
            f"{s['drift']:.2f}",
            cell,
        )
    console.print(table)
    if len(flagged) > limit:
        console.print(f"… and {len(flagged) - limit} more (see the JSON or HTML report)", markup=False)
