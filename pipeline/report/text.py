"""Terminal summary: one line of counts and a table of the sentences that need a look.

rich drops colour when stdout is not a TTY or NO_COLOR is set.
"""

from __future__ import annotations

import re
from typing import Any

from ..records import unverifiable_flag
from ..words import counted  # the summary said "1 sentences in 1 document(s)"

ICONS = {"ok": "✓ ok", "review": "! review", "fail": "✗ fail"}
STYLES = {"ok": "green", "review": "yellow", "fail": "bold red"}


def summary_line(data: dict[str, Any]) -> str:
    """Counts of verdicts, then what the ok sentences carry: sentences that could not be verified,
    flags a baseline accepted (a critical one among them was called a "minor note") and notes."""
    s = data["summary"]
    v = s["verdicts"]
    ok = [seg for seg in data["segments"] if seg["verdict"] == "ok"]
    unverified = sum(any(unverifiable_flag(f) for f in seg["flags"]) for seg in ok)
    baselined = sum(bool(f.get("baselined")) for seg in ok for f in seg["flags"])
    notes = sum(not f.get("baselined") and not unverifiable_flag(f) for seg in ok for f in seg["flags"])
    carried = [
        f"{unverified} unverifiable" if unverified else "",
        f"{counted(baselined, 'flag')} accepted by the baseline" if baselined else "",
        f"{counted(notes, 'minor note')}" if notes else "",
    ]
    told = "; ".join(c for c in carried if c)
    return (
        f"driftcheck ({data['mode']}): {counted(s['segments'], 'sentence')} in "
        f"{counted(len(data['documents']), 'document')}: {v['ok']} ok, {v['review']} review, {v['fail']} fail"
        + (f"; {told} on ok sentences (see the JSON or HTML report)" if told else "")
    )


WHERE_MAX = 32  # columns of the summary table's "where" (document:line id) before it folds


def render_text(data: dict[str, Any], width: int | None = None, limit: int = 200) -> str:
    import io

    from rich.console import Console

    # record into memory only: a Console prints to stdout as it records unless given a file
    console = Console(
        file=io.StringIO(), record=True, width=width or 120, force_terminal=False, no_color=True
    )
    print_into(console, data, limit)
    return console.export_text()


def _head(data: dict[str, Any]) -> list[str]:
    """The summary line, the note and a line of corpus scores per document (untrusted parts inert)."""
    from ..terminal import inert, not_a_command, one_line  # paths, sentences and messages are untrusted

    lines = [summary_line(data)]
    if data["summary"].get("note"):
        lines.append(one_line(f"  note: {data['summary']['note']}"))
    for doc in data["documents"]:
        scores = (
            ", ".join(
                f"{inert(k)}: chrF {v['chrf']:.1f}, BLEU {v['bleu']:.1f}, TER {v['ter']:.1f}"
                for k, v in doc["scores"].items()
            )
            or "no scores (no sentence of it could be verified)"
        )
        lines.append(f"  {not_a_command(one_line(doc['path']))}: {scores}")  # no name starts a line
    return lines


# What rich's Console.print changes in unstyled text printed with soft wrap: emoji codes such as
# :smile: (replaced), tabs (expanded) and control characters (dropped; inert text has none left).
_RICH_CHANGES = re.compile(r":\S*:|[\t\x00-\x08\x0b-\x1f\x7f]")


def plain_lines(data: dict[str, Any]) -> list[str] | None:
    """The summary's lines when nothing is flagged and rich would print them unchanged, else None."""
    if any(s["verdict"] != "ok" for s in data["segments"]):
        return None
    lines = _head(data)
    return None if any(_RICH_CHANGES.search(line) for line in lines) else lines


NARROW = 72  # columns below which the table's sentence column is too narrow to read


def print_into(console: Any, data: dict[str, Any], limit: int) -> None:
    """The summary into a rich Console (`render_text` records one; the CLI prints with one): the
    sentences to review as a table, or one block each on a terminal narrower than NARROW columns
    (at 40 the table left the sentence two characters: every word cut to a letter), each in a box:
    its left border starts every folded line, as the table's does, so no word of the sentence
    starts a line of its own, where a CI runner reads `::error::` as a command (it skips spaces,
    so an indent would not do)."""
    from rich import box
    from rich.panel import Panel
    from rich.text import Text

    for i, line in enumerate(_head(data)):  # the summary line alone is printed with highlighting as before
        console.print(line, markup=False, soft_wrap=True, **({} if i == 0 else {"highlight": False}))
    rows = _rows(data, limit)
    if not rows:
        return
    if console.width < NARROW:
        console.print(Text("Sentences to review", style="bold"))
        for where, verdict, drift, cell in rows:  # the place and id in the box too: they fold as well
            head = verdict + Text(f"  {drift}  ") + where
            console.print(Panel(Text("\n").join([head, cell]), box=box.SQUARE, padding=(0, 1)))
    else:
        _table(console, rows)
    flagged = sum(s["verdict"] != "ok" for s in data["segments"])
    if flagged > limit:
        console.print(f"… and {flagged - limit} more (see the JSON or HTML report)", markup=False)


def _rows(data: dict[str, Any], limit: int) -> list[tuple[Any, Any, str, Any]]:
    """(where, verdict, drift, sentence and reasons) of the flagged sentences, worst first, as rich
    Text (a plain str is read as markup: "[/b]" in an id)."""
    from rich.text import Text

    from ..terminal import inert, one_line  # paths, sentences and messages are untrusted: no terminal control

    flagged = [s for s in data["segments"] if s["verdict"] != "ok"]
    flagged.sort(key=lambda s: (-["ok", "review", "fail"].index(s["verdict"]), -s["drift"]))
    docs = {d["index"]: d["path"] for d in data["documents"]}
    rows = []
    for s in flagged[:limit]:
        reasons = inert("\n".join(f"[{f['severity']}] {f['check']}: {f['message']}" for f in s["flags"]))
        cell = Text(inert(s["text"] or s.get("source") or ""))
        if reasons:
            cell.append("\n" + reasons, style="dim")
        where = Text(one_line(f"{docs.get(s['document'], '?')}:{s['line']} {s['id']}"))
        rows.append((where, Text(ICONS[s["verdict"]], style=STYLES[s["verdict"]]), f"{s['drift']:.2f}", cell))
    return rows


def _table(console: Any, rows: list[tuple[Any, Any, str, Any]]) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Sentences to review", show_lines=False, expand=True)
    # a long path folds over lines: kept on one, it took the whole width of an 80-column CI log
    # and the sentence and its reasons were cut to nothing
    table.add_column("where", overflow="fold", max_width=WHERE_MAX)
    table.add_column("verdict", no_wrap=True)
    table.add_column("drift", justify="right", no_wrap=True)
    table.add_column("sentence and reasons", ratio=1)
    for where, verdict, drift, cell in rows:
        table.add_row(where, verdict, Text(drift), cell)
    console.print(table)
