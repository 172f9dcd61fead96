"""Pass/fail helpers for the check case tables.

A case is written as (source, translation) with optional engine views: `forward` (the source
translated into the translation's language) and `back` (the translation translated back).
Hand-written engine views stand in for an engine in these unit tests of pure logic; the
Apertium cases in test_apertium_cases.py use the real engine.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

from pipeline.checks import CheckInput, load_all
from pipeline.records import Flag


def make(
    source: str,
    target: str,
    src: str = "es",
    tgt: str = "en",
    *,
    forward: str | None = None,
    back: str | None = None,
    mode: str = "source",
    options: dict[str, object] | None = None,
) -> CheckInput:
    return CheckInput(source, src, target, tgt, back=back, forward=forward, mode=mode, options=options or {})


def run(check: str, inp: CheckInput) -> list[Flag]:
    """The flags of one registered check for an input."""
    spec = load_all()[check]
    return spec.fn(inp)


def assert_severities(check: str, inp: CheckInput, expected: list[str]) -> None:
    """The severities of the flags one check raises on an input, in order, are `expected`."""
    flags = run(check, inp)
    assert [f.severity for f in flags] == expected, (inp.forward, inp.back, flags)


def gating(check: str, inp: CheckInput) -> list[Flag]:
    """Flags of a check that change the verdict (major or critical)."""
    return [f for f in run(check, inp) if f.severity in ("major", "critical")]


def assert_flags(check: str, inp: CheckInput, *, severity: str | None = None) -> Flag:
    flags = gating(check, inp) if severity is None else [f for f in run(check, inp) if f.severity == severity]
    assert flags, f"{check}: expected a flag for {inp.source!r} -> {inp.target!r}, got {run(check, inp)}"
    flag = flags[0]
    assert flag.check == check and flag.message, flag
    for span in flag.spans:
        text = inp.source if span.field == "source" else inp.target
        assert 0 <= span.start < span.end <= len(text), (span, text)
    return flag


def assert_passes(check: str, inp: CheckInput) -> None:
    flags = gating(check, inp)
    assert not flags, f"{check}: expected no flag for {inp.source!r} -> {inp.target!r}, got {flags}"


_BLANK = re.compile(r"\n[ \t]*\n")


def apertium(texts: list[str], mode: str) -> list[str]:
    """Translate a batch with one apertium process, as the pipeline does (blank-line-joined, -u)."""
    out = subprocess.run(
        ["apertium", "-u", mode],
        input="\n\n".join(texts) + "\n",
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    parts = [" ".join(p.split()) for p in _BLANK.split(out.strip("\n"))]
    assert len(parts) == len(texts)
    return parts


def through(text: str, *modes: str) -> str:
    """Apertium's real translation of one text, hop by hop ("pt-es", "spa-eng")."""
    texts = [text]
    for mode in modes:
        texts = apertium(texts, mode)
    return texts[0]


def ci_script(name: str) -> ModuleType:
    """A build script of `.ci/` (e.g. "build_antonyms") loaded as a module, to test what it builds."""
    path = Path(__file__).resolve().parents[2] / ".ci" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_pairs(
    tmp_path: Path, rows: list[dict[str, str]], src: str, tgt: str
) -> tuple[int, str, dict[str, dict[str, Any]]]:
    """Run `driftcheck check` on `rows` as JSONL pairs with Apertium (no cache, the gate off):
    (exit code, stderr, the report's segments by id)."""
    import json

    from tests.conftest import run_cli

    pairs, out = tmp_path / "p.jsonl", tmp_path / "r.json"
    pairs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    r = run_cli("check", str(pairs), "-s", src, "-l", tgt, "--engine", "apertium", "--no-cache",
                "--fail-on", "never", "-f", "json", "-o", str(out))  # fmt: skip
    segments = json.loads(out.read_text(encoding="utf-8"))["segments"] if out.exists() else []
    return r.code, r.stderr, {s["id"]: s for s in segments}


# Apertium's pairs both ways: (source language, copy language) -> (forward pair, back pair)
DIRECT_ROUTES = {
    ("es", "pt"): ("es-pt", "pt-es"),
    ("pt", "es"): ("pt-es", "es-pt"),
    ("es", "it"): ("spa-ita", "ita-spa"),
    ("fr", "es"): ("fr-es", "es-fr"),
    ("it", "es"): ("ita-spa", "spa-ita"),
    ("es", "fr"): ("es-fr", "fr-es"),
    ("es", "en"): ("spa-eng", "eng-spa"),
    ("en", "es"): ("eng-spa", "spa-eng"),
}


def assert_through_apertium(
    check: str, src: str, tgt: str, source: str, copy: str, expected: list[str]
) -> None:
    """The severities one check raises on a pair whose engine views are Apertium's own, through
    the direct pair each way (`DIRECT_ROUTES`), are `expected`."""
    forward_pair, back_pair = DIRECT_ROUTES[(src, tgt)]
    forward, back = through(source, forward_pair), through(copy, back_pair)
    assert_severities(check, CheckInput(source, src, copy, tgt, forward=forward, back=back), expected)
