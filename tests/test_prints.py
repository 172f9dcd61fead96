"""Only the CLI prints: below `pipeline/cli/` no module calls `print`, writes to `sys.stdout` or
`sys.stderr`, or prints with a rich Console it makes for the terminal. The library's functions
return what they have to say (`learn.evaluate.run_eval` and `learn.calibrate.run_calibrate`
return their summaries; they used to write them to stdout themselves), and `terminal.write_all`,
the one writer, is called only by the CLI. Seen with `ast`; a `__main__` block is a script's own."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"
WRITER = "write_all"  # terminal.write_all: defined below the CLI, called only from it


def _main_block(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.If)
        and isinstance(node.test, ast.Compare)
        and isinstance(node.test.left, ast.Name)
        and node.test.left.id == "__name__"
    )


def printing_calls(source: str) -> list[str]:
    """Calls that print in this source: print(), sys.stdout/sys.stderr writes, write_all(),
    Console(...) made for the terminal (no file= given) or with stderr=True."""
    out: list[str] = []

    def visit(node: ast.AST) -> None:
        if _main_block(node):
            return
        if isinstance(node, ast.Call):
            f = node.func
            dotted = ast.unparse(f)
            keywords = {k.arg for k in node.keywords}
            if (
                dotted == "print"
                or dotted.startswith(("sys.stdout.", "sys.stderr."))
                and dotted.endswith("write")
            ):
                out.append(f"{dotted}() line {node.lineno}")
            elif dotted == WRITER or dotted.endswith("." + WRITER):
                out.append(f"{dotted}() line {node.lineno}")
            elif dotted.endswith("Console") and "file" not in keywords:
                out.append(f"{dotted}() for the terminal, line {node.lineno}")
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return out


def test_the_measure_sees_prints() -> None:
    source = (
        "import sys\nprint('x')\nsys.stdout.write('y')\nwrite_all('z')\nConsole(stderr=True)\n"
        "Console(file=buf)\nif __name__ == '__main__':\n    print('script')\n"
    )
    assert printing_calls(source) == [
        "print() line 2",
        "sys.stdout.write() line 3",
        "write_all() line 4",
        "Console() for the terminal, line 5",
    ]


def test_nothing_below_the_cli_prints() -> None:
    found = sorted(
        f"{p.relative_to(PACKAGE.parent)}: {call}"
        for p in PACKAGE.rglob("*.py")
        if "cli" not in p.relative_to(PACKAGE).parts[:1] and "compiled" not in p.parts
        for call in printing_calls(p.read_text(encoding="utf-8"))
    )
    assert found == []
