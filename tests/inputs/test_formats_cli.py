"""`driftcheck check` on HTML, PO, XLIFF and TMX files end to end, with the real Apertium engine."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import polib
import pytest
from lxml import etree

from tests.conftest import ROOT, run_cli

DATA = ROOT / "tests" / "data" / "formats"
APERTIUM = ["--engine", "apertium", "--no-cache"]
XLF12 = "{urn:oasis:names:tc:xliff:document:1.2}"
XLF2 = "{urn:oasis:names:tc:xliff:document:2.0}"

pytestmark = pytest.mark.requires_apertium


def report(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in data["segments"]}


def checks(seg: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f["check"], f["severity"]) for f in seg["flags"]]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def broken_po(tmp_path: Path) -> Path:
    """The real Spanish WTForms catalogue with one placeholder altered by a translator."""
    po = tmp_path / "es.po"
    text = (DATA / "po" / "wtforms.es.po").read_text(encoding="utf-8")
    po.write_text(
        text.replace(
            '"El campo debe coincidir con %(other_name)s."', '"El campo debe coincidir con %(otro)s."'
        )
    )
    return po


def test_po_units_checked_with_placeholders_masked_and_compared(broken_po: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    r = run_cli("check", str(broken_po), *APERTIUM, "-o", str(out))
    assert r.code == 1, r.stderr
    data = report(out)
    doc = data["documents"][0]
    assert (doc["format"], doc["lang"], doc["source_lang"]) == (
        "po",
        "es",
        "en",
    )  # Language header, gettext's English
    assert doc["units"] == {
        "units": 36,
        "checked": 36,
        "fuzzy": 0,
        "untranslated": 0,
        "obsolete": 0,
        "approved": 0,
    }
    segs = by_id(data)
    bad = segs["Field must be equal to %(other_name)s."]
    assert ("placeholders", "critical") in checks(bad) and bad["verdict"] == "fail"
    assert bad["text"] == "El campo debe coincidir con %(otro)s." and bad["line"] == 30
    for s in data["segments"]:  # the engine never saw a placeholder
        assert "%(" not in s["comparison"]["back"] + s["comparison"]["forward"]
    ok = segs["Field must be between %(min)d and %(max)d characters long."]
    assert "placeholders" not in [c for c, _ in checks(ok)]


@pytest.mark.requires_msgfmt
def test_po_annotate_marks_flagged_entries_and_nothing_else(broken_po: Path, tmp_path: Path) -> None:
    before = sha(broken_po)
    out, rep = tmp_path / "review" / "es.po", tmp_path / "r.json"
    r = run_cli(
        "check", str(broken_po), *APERTIUM, "--annotate", str(out), "-o", str(rep), "--fail-on", "never"
    )
    assert r.code == 0, r.stderr
    assert sha(broken_po) == before  # the input is never written
    flagged = {s["id"] for s in report(rep)["segments"] if s["verdict"] != "ok"}
    annotated = polib.pofile(str(out))
    fuzzy = {e.msgid for e in annotated if e.fuzzy}
    assert fuzzy == {i.split("[")[0] for i in flagged} and "Field must be equal to %(other_name)s." in fuzzy
    entry = annotated.find("Field must be equal to %(other_name)s.")
    assert entry is not None and entry.flags == ["fuzzy", "python-format"]
    assert entry.tcomment.startswith(
        "driftcheck: fail: placeholders (critical): placeholder \u201c%(other_name)s\u201d"
    )
    # every line of the input is still there, in order; only comment and flag lines were added or changed
    old = broken_po.read_text(encoding="utf-8").split("\n")
    new = out.read_text(encoding="utf-8").split("\n")
    kept = [ln for ln in new if not ln.startswith("# driftcheck:")]
    assert [ln for ln in kept if not ln.startswith("#,")] == [ln for ln in old if not ln.startswith("#,")]
    assert shutil.which("msgfmt")
    import subprocess

    check = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    # annotating the annotated copy again replaces driftcheck's comments instead of piling them up
    again = tmp_path / "again.po"
    r = run_cli(
        "check",
        str(out),
        *APERTIUM,
        "--annotate",
        str(again),
        "--fail-on",
        "never",
        "-f",
        "json",
        "-o",
        str(tmp_path / "r2.json"),
    )
    assert r.code == 0, r.stderr
    assert again.read_text(encoding="utf-8").count("# driftcheck:") == out.read_text(encoding="utf-8").count(
        "# driftcheck:"
    )


def test_unflagged_files_round_trip_byte_for_byte(tmp_path: Path) -> None:
    po = tmp_path / "ok.po"
    text = (DATA / "po" / "wtforms.es.po").read_text(encoding="utf-8")
    header, *entries = text.split("\n\n")
    keep = [e for e in entries if any(k in e for k in ('"This field is required."', '"CSRF token expired."'))]
    po.write_bytes(
        ("\n\n".join([header, *keep]) + "\n").replace("\n", "\r\n").encode("utf-8")
    )  # CRLF kept too
    xlf = tmp_path / "ok.xlf"
    raw = (DATA / "xliff" / "okapi-rainbow.en-es.xlf").read_text(encoding="utf-8")
    for unit in ("NONE_1", "NONE_2"):
        start = raw.index(f'<trans-unit id="{unit}"')
        raw = raw[:start] + raw[raw.index("</trans-unit>", start) + len("</trans-unit>\n") :]
    xlf.write_text(raw, encoding="utf-8")
    outdir = tmp_path / "out"
    r = run_cli(
        "check",
        str(po),
        str(xlf),
        *APERTIUM,
        "--annotate",
        str(outdir),
        "-f",
        "json",
        "-o",
        str(tmp_path / "r.json"),
    )
    assert r.code == 0, r.stderr
    assert all(s["verdict"] == "ok" for s in report(tmp_path / "r.json")["segments"])
    assert (outdir / "ok.po").read_bytes() == po.read_bytes()
    assert (outdir / "ok.xlf").read_bytes() == xlf.read_bytes()


def test_xliff_12_annotate_state_and_note(tmp_path: Path) -> None:
    src = DATA / "xliff" / "weblate.en-es.xliff"
    out = tmp_path / "weblate.xliff"
    r = run_cli(
        "check", str(src), *APERTIUM, "--annotate", str(out), "-f", "json", "-o", str(tmp_path / "r.json")
    )
    assert r.code == 1, r.stderr
    data = report(tmp_path / "r.json")
    assert data["documents"][0]["format"] == "xliff"
    share = by_id(data)["share_link"]
    assert ("placeholders", "critical") in checks(share)
    flagged = {s["id"] for s in data["segments"] if s["verdict"] != "ok"}
    root = etree.parse(str(out)).getroot()
    for tu in root.iter(f"{XLF12}trans-unit"):
        target = tu.find(f"{XLF12}target")
        notes = [n.text for n in tu.findall(f"{XLF12}note") if n.get("from") == "driftcheck"]
        if tu.get("id") in flagged:
            assert target.get("state") == "needs-review-translation" and len(notes) == 1
            assert tu.get("approved") != "yes"
        else:
            assert not notes and target.get("state") != "needs-review-translation"
    assert "placeholder \u201c%s\u201d of the source became \u201c%d\u201d" in out.read_text(encoding="utf-8")
    # outside the flagged units the file is unchanged, line for line
    old, new = src.read_text(encoding="utf-8").split("\n"), out.read_text(encoding="utf-8").split("\n")
    kept = [ln for ln in new if 'from="driftcheck"' not in ln]
    changed = [(a, b) for a, b in zip(old, kept) if a != b]
    assert len(kept) == len(old) and len(new) == len(old) + len(flagged)
    assert len(changed) == len(flagged) and all('state="needs-review-translation"' in b for _, b in changed)


def test_xliff_2_annotate_downgrades_state_and_adds_a_note(tmp_path: Path) -> None:
    src = DATA / "xliff" / "okapi-v2.en-es.xlf"
    out = tmp_path / "v2.xlf"
    # The negation check fires on more than 1 % of correct natural copy, so by default its flags are
    # minor evidence; a team that wants every dropped negation to fail says so in its config, which
    # wins over the precision budget.
    config = tmp_path / "driftcheck.toml"
    config.write_text('[checks.negation]\nseverity = "critical"\n', encoding="utf-8")
    r = run_cli(
        "check", str(src), *APERTIUM, "--config", str(config), "--annotate", str(out), "-f", "json", "-o", str(tmp_path / "r.json")
    )  # fmt: skip
    assert r.code == 1, r.stderr
    data = report(tmp_path / "r.json")
    assert by_id(data)["u3"]["verdict"] == "fail"  # "We never sell" became "we sell": state final
    root = etree.parse(str(out)).getroot()
    units = {u.get("id"): u for u in root.iter(f"{XLF2}unit")}
    u3 = units["u3"]
    assert [etree.QName(c).localname for c in u3] == [
        "metadata",
        "notes",
        "segment",
    ]  # where the schema wants it
    note = u3.find(f"{XLF2}notes/{XLF2}note")
    assert note.get("category") == "driftcheck" and note.text.startswith("fail: negation (critical)")
    assert u3.find(f"{XLF2}segment").get("state") == "translated"
    assert units["u1"].find(f"{XLF2}segment").get("state") == "final"  # not flagged: untouched
    # the annotated copy is itself a valid input, and the flagged unit is no longer approved
    r = run_cli(
        "check", str(out), *APERTIUM, "--unapproved-only", "-f", "json", "-o", str(tmp_path / "r2.json")
    )
    again = report(tmp_path / "r2.json")
    assert "u3" in by_id(again) and "u1" not in by_id(again)
    assert again["documents"][0]["units"]["approved"] == 1


def test_tmx_and_sdlxliff_inline_codes_are_checked(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    r = run_cli(
        "check", str(DATA / "tmx" / "trados-export.en-es.tmx"), str(DATA / "xliff" / "trados.en-es.sdlxliff"),
        str(DATA / "xliff" / "memoq.en-es.mqxliff"), *APERTIUM, "-f", "json", "-o", str(out),
    )  # fmt: skip
    assert r.code == 1, r.stderr
    data = report(out)
    assert [d["format"] for d in data["documents"]] == ["tmx", "xliff", "xliff"]
    segs = {(s["document"], s["id"]): s for s in data["segments"]}
    assert checks(segs[(0, "tu2")]) == [
        ("placeholders", "critical")
    ]  # <ph/> dropped; no ZXQ noise from "names"
    assert ("placeholders", "critical") in checks(segs[(1, "0f4c9a11-1c3b-4b5e-9f8e-2a1b3c4d5e6f/2")])
    assert ("placeholders", "critical") in checks(segs[(2, "3")])  # memoQ: bold run lost
    assert ("numbers", "critical") in checks(segs[(2, "4")])  # 500 MB became 50 MB
    assert checks(segs[(0, "faq-12")]) == []


def test_directories_pick_up_the_formats_by_suffix(tmp_path: Path) -> None:
    folder = tmp_path / "locale"
    (folder / "es" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(DATA / "po" / "wtforms.es.po", folder / "es" / "LC_MESSAGES" / "wtforms.po")
    (folder / "wtforms.pot").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "x"\nmsgstr ""\n'
    )  # a template: skipped
    shutil.copy(DATA / "xliff" / "weblate.en-es.xliff", folder / "app.xliff")
    shutil.copy(DATA / "tmx" / "trados-export.en-es.tmx", folder / "memory.tmx")
    out = tmp_path / "r.json"
    r = run_cli("check", str(folder), *APERTIUM, "-f", "json", "-o", str(out), "--fail-on", "never")
    assert r.code == 0, r.stderr
    assert sorted(Path(d["path"]).name for d in report(out)["documents"]) == [
        "app.xliff",
        "memory.tmx",
        "wtforms.po",
    ]


def test_html_page_language_from_the_page_and_a_mismatch_reported(tmp_path: Path) -> None:
    page = DATA / "html" / "diario-harbour-bridge.es.html"
    out = tmp_path / "r.json"
    r = run_cli("check", str(page), *APERTIUM, "-f", "json", "-o", str(out), "--fail-on", "never")
    assert r.code == 0, r.stderr
    data = report(out)
    doc = data["documents"][0]
    assert (doc["format"], doc["lang"], data["signature"]["routes"]) == ("html", "es", {"en": "es->en->es"})
    assert [s["line"] for s in data["segments"]][:3] == [53, 64, 65]  # lines of the HTML file
    assert "warnings" not in doc
    r = run_cli(
        "check", str(page), *APERTIUM, "--lang", "en", "-f", "json", "-o", str(out), "--fail-on", "never"
    )
    assert r.code == 0, r.stderr
    assert (
        f"driftcheck: warning: {page}: declares language 'es' but --lang is 'en'; checked as 'en'" in r.stderr
    )
    assert report(out)["documents"][0]["warnings"] == [
        "declares language 'es' but --lang is 'en'; checked as 'en'"
    ]


def test_a_page_language_is_not_applied_to_a_text_that_declares_none(tmp_path: Path) -> None:
    """A page's `<html lang="es">` became the language of every input of the run: an English text
    beside it was checked as Spanish (wrong-language failures, exit 1, no warning). Now the run is
    refused until --lang says which; with a Spanish page and an English default only."""
    page = DATA / "html" / "diario-harbour-bridge.es.html"
    text = tmp_path / "harbour-bridge.txt"  # no language in its name (".en.txt" would declare one)
    text.write_bytes((ROOT / "seeds" / "harbour-bridge.en.txt").read_bytes())
    out = tmp_path / "r.json"
    r = run_cli("check", str(text), str(page), *APERTIUM, "-f", "json", "-o", str(out))
    assert r.code == 2 and r.stderr.count("\n") == 1, r.stderr
    assert f"{page} declares language 'es' but {text} declares none (taken as 'en'); give --lang" in r.stderr
    assert not out.exists()
    english = DATA / "html" / "guardian-harbour-bridge.en.html"  # declares the default: nothing to choose
    r = run_cli(
        "check", str(text), str(english), *APERTIUM, "-f", "json", "-o", str(out), "--fail-on", "never"
    )
    assert r.code == 0 and {d["lang"] for d in report(out)["documents"]} == {"en"}, r.stderr


def test_source_mode_with_two_html_pages_and_html_against_text(tmp_path: Path) -> None:
    copy = DATA / "html" / "guardian-harbour-bridge.en.html"
    out = tmp_path / "r.json"
    r = run_cli("check", str(copy), "--source", str(DATA / "html" / "diario-harbour-bridge.es.html"), *APERTIUM,
                "-f", "json", "-o", str(out))  # fmt: skip
    assert r.code == 0, r.stderr  # languages from both pages: no --lang, no --source-lang
    data = report(out)
    assert (data["documents"][0]["lang"], data["documents"][0]["source_lang"]) == ("en", "es")
    pairs = [(s["line"], s["source_line"], s["text"]) for s in data["segments"]]
    assert pairs[:2] == [(50, 53, "The harbour bridge opens again"),
                         (58, 64, "The harbour bridge reopened on Monday after 14 months of works.")]  # fmt: skip
    assert not any(c in ("omission", "addition") for s in data["segments"] for c, _ in checks(s))
    r = run_cli("check", str(copy), "--source", str(ROOT / "seeds" / "harbour-bridge.es.txt"), "--source-lang", "es",
                *APERTIUM, "-f", "json", "-o", str(out))  # fmt: skip
    assert r.code == 0, r.stderr
    omitted = [s for s in report(out)["segments"] if any(c == "addition" for c, _ in checks(s))]
    assert [s["text"] for s in omitted] == ["The harbour bridge opens again"]  # the text file has no headline


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("bomb.xlf", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><xliff version="1.2"><file><body><trans-unit id="1"><source>&b;</source><target>&b;</target></trans-unit></body></file></xliff>', "declares XML entities in its DOCTYPE (a, b): refused"),
        ("xxe.xlf", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff version="1.2"><file><body><trans-unit id="1"><source>&e;</source><target>x</target></trans-unit></body></file></xliff>', "declares XML entities in its DOCTYPE (e): refused"),
        ("bad.po", b'msgid "a"\nmsgstr "b"\n"stray"\nmsgid\n', "not a valid PO file"),
        ("bad.tmx", b"<tmx><body><tu>", "not well-formed XML"),
        ("bad.html", b'<html><head><meta charset="utf-8"></head><body><p>\xff\xfe</p></body></html>', "declares charset 'utf-8' but byte 0xff"),
    ],
)  # fmt: skip
def test_bad_input_one_line_exit_2_nothing_written(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    out = tmp_path / "out"
    annotate = ["--annotate", str(out / "copy")] if bad.suffix in (".po", ".xlf") else []
    r = run_cli(
        "check",
        str(bad),
        *APERTIUM,
        "--source-lang",
        "en",
        "-f",
        "json",
        "-o",
        str(out / "r.json"),
        *annotate,
    )
    assert r.code == 2
    assert r.stderr.strip().count("\n") == 0 and message in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()


def test_annotate_refuses_to_write_over_an_input(tmp_path: Path) -> None:
    po = tmp_path / "es.po"
    shutil.copy(DATA / "po" / "wtforms.es.po", po)
    before = sha(po)
    r = run_cli("check", str(po), *APERTIUM, "--annotate", str(po))
    assert r.code == 2 and "would overwrite the input" in r.stderr and r.stderr.count("\n") == 1
    assert sha(po) == before
    r = run_cli(
        "check", str(DATA / "tmx" / "trados-export.en-es.tmx"), *APERTIUM, "--annotate", str(tmp_path / "x")
    )
    assert r.code == 2 and "none of the inputs is one" in r.stderr


def test_annotate_to_stdout_is_refused_not_a_file_named_dash(tmp_path: Path) -> None:
    po = tmp_path / "es.po"
    shutil.copy(DATA / "po" / "wtforms.es.po", po)
    r = run_cli("check", str(po), *APERTIUM, "--annotate", "-", "-f", "json", cwd=tmp_path)
    assert (r.code, r.stderr) == (
        2,
        "driftcheck: error: --annotate -: the marked copies are files; give a path (stdout carries the report)\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["es.po"]
