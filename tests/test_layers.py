"""The import graph of `pipeline`: no module imports itself in a circle, and stages import downward.

The graph is built from the source with `ast` (nothing is imported). Every `import` counts, at
module level, inside a function (a lazy import is still a dependency, and it is how a cycle
hides: checks/drift.py imported core/verdict.py at module level while verdict imported drift
inside a function) and under `if TYPE_CHECKING:`. Imports by string (`importlib.import_module`)
are not seen.

A module's stage is its first name under `pipeline` (pipeline/core/verdict.py -> "core",
pipeline/records.py -> "records"). `LAYERS` orders the stages the way a sentence flows through
them; a module may import its own stage and the stages below it, never one above. Known
violations that other work owns are listed in `KNOWN` with who owns them; the last test fails
when one of them is gone, so the list only shrinks.
"""

from __future__ import annotations

import ast
import functools
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

LAYERS: tuple[tuple[str, ...], ...] = (
    # foundation: imports no stage
    (
        "records",
        "errors",
        "terminal",
        "timing",
        "outputs",
        "output_checks",
        "words",
        "pieces",
        "version",
        "machine",
    ),
    ("inputs", "formats", "engines"),  # read files, translate
    ("checks",),  # compare texts, raise flags
    ("config",),  # settings, validated against the checks' registry and thresholds
    ("core",),  # plan, score, run the checks, judge, merge
    ("report",),  # render a Report
    ("scale", "learn"),  # Ray; training and evaluation
    ("api",),  # the library's public functions
    ("cli",),  # the only place that prints and exits
    ("pipeline",),  # the package root (pipeline/__init__.py): the public API's names
)
RANK = {stage: rank for rank, stages in enumerate(LAYERS) for stage in stages}

# (importer, imported) -> who owns it and what it is. Each edge is left out of both tests.
KNOWN: dict[tuple[str, str], str] = {}


def module_name(path: Path) -> tuple[str, bool]:
    """(dotted name, is a package's __init__) of a source file under PACKAGE."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _targets(node: ast.Import | ast.ImportFrom, name: str, is_package: bool, modules: set[str]) -> set[str]:
    """The modules of `pipeline` an import statement in module `name` reads."""
    if isinstance(node, ast.Import):
        wanted = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = name.split(".") if is_package else name.split(".")[:-1]
            package = package[: len(package) - (node.level - 1)]
            base = ".".join([*package, base] if base else package)
        # `from . import drift` reads the module drift; `from . import CheckInput` the package
        wanted = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
    out = set()
    for target in wanted:
        while target not in modules and "." in target:
            target = target.rsplit(".", 1)[0]  # `import pipeline.x.y as z` where y is a name in x
        if target in modules and target != name:
            out.add(target)
    return out


@functools.cache
def import_graph() -> dict[str, frozenset[str]]:
    """Module -> the modules of `pipeline` it imports."""
    files = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    modules = {name for name, _ in files}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for (name, is_package), path in files.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                graph[name] |= _targets(node, name, is_package, modules)
    return {name: frozenset(targets) for name, targets in graph.items()}


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def checked_graph() -> dict[str, set[str]]:
    return {m: {t for t in ts if (m, t) not in KNOWN} for m, ts in import_graph().items()}


def first_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as err:
        return list(err.args[1])
    return None


def test_the_graph_sees_every_kind_of_import() -> None:
    graph = import_graph()
    assert "pipeline.checks.drift" in graph["pipeline.core.verdict"]  # module level
    assert "pipeline.checks.thresholds" in graph["pipeline.checks.drift"]  # relative, `from .x import`
    assert "pipeline.checks" in graph["pipeline.checks.drift"]  # `from . import CheckInput`
    assert "pipeline.formats.placeholders" in graph["pipeline.checks.placeholders"]  # inside a function
    assert "pipeline.core.run_config" in graph["pipeline.core.judge"]  # under TYPE_CHECKING
    assert "pipeline.checks.zipf_memo" in graph["pipeline.core.verify"]  # `from ..checks import zipf_memo`
    assert len(graph) > 100 and sum(map(len, graph.values())) > 300


def test_the_cycle_finder_finds_cycles() -> None:
    assert first_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    cycle = first_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}})
    assert cycle is not None and set(cycle) == {"a", "b", "c"}


def test_no_import_cycles() -> None:
    cycle = first_cycle(checked_graph())
    assert cycle is None, "import cycle: " + " -> ".join(reversed(cycle))


def test_every_stage_has_a_layer() -> None:
    assert {stage(m) for m in import_graph()} <= set(RANK)


def test_stages_import_only_their_own_layer_and_below() -> None:
    upward = sorted(
        f"{m} ({stage(m)}) imports {t} ({stage(t)})"
        for m, ts in checked_graph().items()
        for t in ts
        if RANK[stage(t)] > RANK[stage(m)]
    )
    assert upward == []


def test_known_exceptions_still_exist() -> None:
    graph = import_graph()
    gone = sorted(f"{m} -> {t}" for m, t in KNOWN if t not in graph.get(m, frozenset()))
    assert gone == [], "fixed: remove these from KNOWN"
