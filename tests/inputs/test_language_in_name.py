"""A language code before a file's extension declares the file's language ("article.es.txt"), as
an HTML page's <html lang> does: `--source orig.es.txt` needs no --source-lang, and a Spanish
text named so is checked as Spanish copy instead of failing as English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.inputs.read import language_in_name
from tests.conftest import ROOT, run_cli

APERTIUM = ("--engine", "apertium")


@pytest.mark.parametrize(
    ("path", "tag"),
    [
        ("seeds/harbour-bridge.es.txt", "es"),
        ("docs/guide.pt-BR.md", "pt-BR"),
        ("page.en_GB.html", "en_GB"),
        ("notas.es-419.md", "es-419"),
        ("report.ES.txt", None),  # a code is written in lower case
        ("notes.v2.txt", None),
        ("data.old.txt", None),  # three letters: a word more often than a code
        ("x.zz.txt", None),  # not a language
        ("readme.txt", None),
        ("docs.es/readme.txt", None),  # a folder's name says nothing
    ],
)
def test_language_in_name(path: str, tag: str | None) -> None:
    assert language_in_name(path) == tag


def _report(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.requires_apertium
def test_the_source_file_name_gives_the_source_language(tmp_path: Path) -> None:
    copy, original = ROOT / "seeds" / "harbour-bridge.en.txt", ROOT / "seeds" / "harbour-bridge.es.txt"
    out = tmp_path / "r.json"
    r = run_cli("check", str(copy), "--source", str(original), *APERTIUM, "-f", "json", "-o", str(out))
    assert r.code == 0, r.stderr  # was: exit 2, "source-aware mode needs --source-lang"
    doc = _report(out)["documents"][0]  # type: ignore[index]
    assert (doc["lang"], doc["source_lang"]) == ("en", "es") and "warnings" not in doc
    # a flag wins, and the file it overrides is named
    r = run_cli("check", str(copy), "--source", str(original), "-s", "pt", *APERTIUM, "-f", "json", "-o", str(out),
                "--fail-on", "never")  # fmt: skip
    assert r.code == 0, r.stderr
    assert f"{original}: declares source language 'es' but --source-lang is 'pt'; checked as 'pt'" in r.stderr
    # a flag in capitals names the language the file declares: no warning ("checked as 'ES'" was
    # said while the report recorded "es", and the run's cached report replayed it to later runs)
    r = run_cli("check", str(copy), "--source", str(original), "-s", "ES", "-l", "EN", *APERTIUM, "--no-cache", "-f", "json",
                "-o", str(out))  # fmt: skip
    assert r.code == 0, r.stderr
    assert "warning" not in r.stderr and "warnings" not in _report(out)["documents"][0]  # type: ignore[index]


@pytest.mark.requires_apertium
def test_a_language_from_the_config_is_named_as_the_config_sets_it(tmp_path: Path) -> None:
    """The warning said "--lang is 'pt'" and the refusal "--source-lang and --lang are both" to a
    user who set the languages in driftcheck.toml and never typed a flag."""
    copy, original = ROOT / "seeds" / "harbour-bridge.en.txt", ROOT / "seeds" / "harbour-bridge.es.txt"
    config = tmp_path / "driftcheck.toml"
    config.write_text('source_lang = "pt"\nfail_on = "never"\n', encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli(
        "check", str(copy), "--source", str(original), *APERTIUM, "-f", "json", "-o", str(out), cwd=tmp_path
    )
    assert r.code == 0, r.stderr
    said = f"{original}: declares source language 'es' but 'source_lang' in {config} is 'pt'; checked as 'pt'"
    assert said in r.stderr and "--source-lang" not in r.stderr
    config.write_text('source_lang = "en"\n', encoding="utf-8")
    r = run_cli("check", str(copy), "--source", str(original), "-l", "en", *APERTIUM, cwd=tmp_path)
    assert (r.code, r.stderr) == (
        2,
        f"driftcheck: error: 'source_lang' in {config} and --lang are both 'en': a translation needs two languages\n",
    )


@pytest.mark.requires_apertium
def test_a_text_named_as_spanish_is_checked_as_spanish_copy(tmp_path: Path) -> None:
    text = tmp_path / "nota.es.txt"
    text.write_text("El puente del puerto reabrió el lunes tras catorce meses de obras.\n", encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli("check", str(text), *APERTIUM, "-f", "json", "-o", str(out), "--fail-on", "never")
    assert r.code == 0, r.stderr
    data = _report(out)
    assert data["documents"][0]["lang"] == "es"  # type: ignore[index]
    flags = {f["check"] for s in data["segments"] for f in s["flags"]}  # type: ignore[attr-defined]
    assert "wrong_language" not in flags  # as English copy, every sentence failed as Spanish


@pytest.mark.requires_apertium
@pytest.mark.parametrize("name", ["strings.pt.jsonl", "strings.pt.tsv"])
def test_a_pair_file_named_as_portuguese_is_checked_as_portuguese_copy(tmp_path: Path, name: str) -> None:
    """A pair file's name gives its copy's language as a document's does: "strings.pt.jsonl" of
    Spanish sources was checked as English copy ("untranslated … 'Nunca'", a gate failed)."""
    rows = [("No se puede abrir el archivo.", "Impossível abrir o ficheiro."), ("Nunca guarde la contraseña.", "Nunca guarde a senha.")]  # fmt: skip
    pairs = tmp_path / name
    if name.endswith(".jsonl"):
        pairs.write_text(
            "".join(json.dumps({"source": s, "translation": t}) + "\n" for s, t in rows), "utf-8"
        )
    else:
        pairs.write_text("source\ttranslation\n" + "".join(f"{s}\t{t}\n" for s, t in rows), "utf-8")
    out = tmp_path / "r.json"
    r = run_cli(
        "check",
        str(pairs),
        "-s",
        "es",
        *APERTIUM,
        "--no-semantic",
        "--no-morph",
        "-f",
        "json",
        "-o",
        str(out),
    )
    assert r.code == 0, r.stderr
    data = _report(out)
    assert data["documents"][0]["lang"] == "pt"  # type: ignore[index]
    assert [s["verdict"] for s in data["segments"]] == ["ok", "ok"]  # type: ignore[attr-defined]


@pytest.mark.requires_apertium
def test_a_page_declaration_wins_over_its_name(tmp_path: Path) -> None:
    page = tmp_path / "pagina.fr.html"  # the name says French, <html lang="es"> says Spanish
    page.write_bytes(
        (ROOT / "tests" / "data" / "formats" / "html" / "diario-harbour-bridge.es.html").read_bytes()
    )
    out = tmp_path / "r.json"
    r = run_cli("check", str(page), *APERTIUM, "-f", "json", "-o", str(out), "--fail-on", "never")
    assert r.code == 0, r.stderr
    assert _report(out)["documents"][0]["lang"] == "es"  # type: ignore[index]


@pytest.mark.requires_apertium
def test_a_text_named_as_english_beside_a_spanish_page_is_two_languages(tmp_path: Path) -> None:
    page = ROOT / "tests" / "data" / "formats" / "html" / "diario-harbour-bridge.es.html"
    named = ROOT / "seeds" / "harbour-bridge.en.txt"
    out = tmp_path / "r.json"
    r = run_cli("check", str(named), str(page), *APERTIUM, "-f", "json", "-o", str(out))
    assert r.code == 2 and r.stderr.count("\n") == 1, r.stderr
    assert "the inputs declare different languages" in r.stderr and not out.exists()


@pytest.mark.requires_apertium
@pytest.mark.parametrize("lang", ["EN", "en-US"])
def test_a_flag_in_capitals_or_with_a_region_checks_a_file_that_declares_nothing(
    tmp_path: Path, lang: str
) -> None:
    """`--lang EN` or `--lang en-US` on a file without a language of its own (or stdin) was
    "internal error: StopIteration", exit 2: the flag's tag, normalised, was taken for a page's."""
    copy = tmp_path / "article.txt"
    copy.write_text("The bridge will open in May.\n", encoding="utf-8")
    out = tmp_path / "r.json"
    r = run_cli("check", str(copy), "--lang", lang, *APERTIUM, "--no-cache", "-f", "json", "-o", str(out))
    assert (r.code, r.stderr) == (0, ""), r.stderr
    assert _report(out)["documents"][0]["lang"] == "en"  # type: ignore[index]
