"""Placeholders in segment files (JSONL, TSV, CSV): a pair's "%s", "%(name)s", "{0}" and "{name}"
are compared as in a PO file without format flags, and the checks read the strings without them
(QA pass 13: "Archivo %s no encontrado." / "Arquivo não encontrado." passed, and "{count} files
selected" / "{count} archivos seleccionados" failed as English left in the copy). Copy alone
(round trip) has nothing to compare them with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.formats.placeholders import find_codes
from pipeline.inputs.bilingual import read_pairs
from tests.conftest import run_cli

PAIRS = [
    ("{count} files selected", "{count} archivos seleccionados", "ok"),
    ("{name} joined the chat", "{name} se unió al chat", "ok"),
    ("Copied %d files.", "Se copiaron %d archivos.", "ok"),
    ("Welcome, {user}!", "¡Bienvenido, {usuario}!", "fail"),
    ("File %s not found.", "Archivo no encontrado.", "fail"),
]


def test_pairs_carry_the_placeholder_syntaxes_copy_alone_does_not() -> None:
    pairs = read_pairs('{"source": "%s left", "text": "%s salió"}\n', "p.jsonl", "jsonl", 0)
    copy = read_pairs('{"text": "%s salió"}\n', "c.jsonl", "jsonl", 0)
    empty = read_pairs(
        '{"source": "", "text": "%s salió"}\n{"source": "a", "text": "b"}\n', "e.jsonl", "jsonl", 0
    )
    assert (pairs[0].markup, copy[0].markup, empty[0].markup) == ("auto", "", "")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Abre https://ejemplo.com/a%2fb y %s", ["%s"]),  # a URL's percent-encoding is no placeholder
        ("El 50%de los usuarios", []),  # after a digit, a percentage (the typo "50%de" is no "%d")
        ("%d de %s en {name}", ["%d", "%s", "{name}"]),
    ],
)
def test_the_auto_guess_reads_no_url_or_percentage(text: str, found: list[str]) -> None:
    assert [text[c.start : c.end] for c in find_codes(text, "auto")] == found


@pytest.mark.requires_apertium
@pytest.mark.parametrize("fmt", ["jsonl", "tsv"])
def test_placeholders_of_segment_files_are_compared(tmp_path: Path, fmt: str) -> None:
    if fmt == "jsonl":
        body = "".join(json.dumps({"source": s, "text": t}) + "\n" for s, t, _ in PAIRS)
    else:
        body = "source\ttarget\n" + "".join(f"{s}\t{t}\n" for s, t, _ in PAIRS)
    path = tmp_path / f"strings.{fmt}"
    path.write_text(body, encoding="utf-8")
    out = tmp_path / "report.json"
    result = run_cli(
        "check",
        str(path),
        "--source-lang",
        "en",
        "--lang",
        "es",
        "--engine",
        "apertium",
        "--no-cache",
        "-o",
        str(out),
    )
    assert result.code == 1, result.stderr
    segments = json.loads(out.read_text(encoding="utf-8"))["segments"]
    assert [s["verdict"] for s in segments] == [v for _, _, v in PAIRS]
    failed = [[f["check"] for f in s["flags"] if f["severity"] == "critical"] for s in segments[3:]]
    assert failed == [["placeholders"], ["placeholders"]]
