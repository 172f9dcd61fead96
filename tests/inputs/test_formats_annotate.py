"""Write-back for review, file by file: only the flagged units change, in the file's own encoding."""

from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

import polib
import pytest
from lxml import etree

from pipeline.errors import InputError, UsageError
from pipeline.formats.annotate import plan_annotations
from pipeline.formats.annotate_po import annotate_po
from pipeline.formats.annotate_xliff import annotate_xliff
from pipeline.formats.po import parse_po
from tests.conftest import run_cli

DATA = Path(__file__).parents[1] / "data" / "formats"
XLF2 = "{urn:oasis:names:tc:xliff:document:2.0}"

LATIN1_PO = (
    '# Traducción al español.\r\nmsgid ""\r\nmsgstr ""\r\n"Language: es\\n"\r\n'
    '"Content-Type: text/plain; charset=ISO-8859-1\\n"\r\n"Plural-Forms: nplurals=2; plural=n != 1;\\n"\r\n\r\n'
    '#: app.c:10\r\nmsgid "Café is ready"\r\nmsgstr "El café está listo"\r\n\r\n'
    '# Revisado por Ana.\r\n#: app.c:20\r\n#, c-format\r\nmsgid "%d file"\r\nmsgid_plural "%d files"\r\n'
    'msgstr[0] "%d archivo"\r\nmsgstr[1] "%d archivos"\r\n'
)


def test_po_in_latin1_with_crlf_keeps_both_and_marks_plural_entries_once() -> None:
    data = LATIN1_PO.encode("latin-1")
    out = annotate_po(data, "es.po", {"%d file[1]": ["fail: numbers (critical): “2” ≠ “3” in “ça → 日”"]})
    text = out.decode("latin-1")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    # what Latin-1 lacks: driftcheck's quotes and signs plain, anything else escaped (it was "?")
    assert (
        "# Revisado por Ana.\r\n# driftcheck: plural form 1: fail: numbers (critical): "
        '"2" != "3" in "ça -> \\u65e5"\r\n' in text
    )
    assert "#, fuzzy, c-format\r\n" in text
    # every original line survives; only the comment was added and the flags line changed
    old, new = data.decode("latin-1").split("\r\n"), text.split("\r\n")
    assert [ln for ln in new if not ln.startswith("# driftcheck")] == [
        "#, fuzzy, c-format" if ln == "#, c-format" else ln for ln in old
    ]
    po = polib.pofile(text.replace("\r\n", "\n"))
    assert [e.msgid for e in po if e.fuzzy] == ["%d file"]
    assert annotate_po(out, "es.po", {"%d file[1]": ["fail: numbers"]}).count(b"# driftcheck") == 1


def test_po_entry_without_flags_gets_a_fuzzy_line_before_previous_msgid() -> None:
    data = b'msgid ""\nmsgstr "Language: es\\n"\n\n#: a.py:1\n#| msgid "Old"\nmsgid "New"\nmsgstr "Nuevo"\n'
    out = annotate_po(data, "x.po", {"New": ["review: drift (major): low chrF"]}).decode()
    assert out.endswith(
        '# driftcheck: review: drift (major): low chrF\n#: a.py:1\n#, fuzzy\n#| msgid "Old"\nmsgid "New"\nmsgstr "Nuevo"\n'
    )
    assert annotate_po(data, "x.po", {}) == data


LINE_SEPARATOR_PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: es\\n"\n\n'
    'msgid "Line one.\u2028"\nmsgstr "Línea uno.\u2028"\n\n\x0c\n\x0c\n'
    '#. page\fbreak\nmsgid "Line two.\u2028"\nmsgstr "Línea dos.\u2028"\n\n'
    'msgid ""\n"The house has "\n"320 rooms."\nmsgstr ""\n"La casa tiene 230 habitaciones."\n'
)


@pytest.mark.requires_msgfmt
def test_po_with_line_separators_in_strings_is_read_whole_and_marked_in_place() -> None:
    """polib splits lines at U+2028 and form feeds (gettext does not): the strings came back cut
    and the marks landed inside the next entries, between msgid and msgstr (msgfmt: syntax error)."""
    data = LINE_SEPARATOR_PO.encode("utf-8")
    po, _ = parse_po(data, "x.po")
    assert [(e.msgid, e.msgstr, e.linenum) for e in po] == [
        ("Line one.\u2028", "Línea uno.\u2028", 6),
        ("Line two.\u2028", "Línea dos.\u2028", 11),  # the entry starts at its comment
        ("The house has 320 rooms.", "La casa tiene 230 habitaciones.", 15),
    ]
    assert po[1].comment == "page\fbreak"
    out = annotate_po(data, "x.po", {"The house has 320 rooms.": ["fail: numbers (critical): 320"]}).decode()
    assert out == LINE_SEPARATOR_PO.replace(
        'msgid ""\n"The house', '# driftcheck: fail: numbers (critical): 320\n#, fuzzy\nmsgid ""\n"The house'
    )
    again, _ = parse_po(out.encode(), "x.po")
    assert [e.msgid for e in again if e.fuzzy] == ["The house has 320 rooms."]
    import subprocess

    for po in (data, out.encode()):  # GNU gettext reads both: the input and its review copy
        assert (
            subprocess.run(["msgfmt", "-o", "/dev/null", "-"], input=po, capture_output=True).returncode == 0
        )


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_xliff_in_utf16_stays_utf16_and_only_the_unit_changes(codec: str, bom: bool) -> None:
    """Without a byte-order mark (XML allows it: the file opens with '<?' in two-byte units) the copy
    was decoded as UTF-8 after the whole run: an internal error, nothing written."""
    src = (
        (DATA / "xliff" / "okapi-rainbow.en-es.xlf")
        .read_text(encoding="utf-8")
        .replace('encoding="UTF-8"', 'encoding="UTF-16"')
    )
    mark = (codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE) if bom else b""
    data = mark + src.encode(codec)
    out = annotate_xliff(data, "x.xlf", {"NONE_5": ["fail: numbers (critical): 20 <> 30 & more"]})
    assert out.startswith(mark)
    text = out[len(mark) :].decode(codec)
    assert '<target xml:lang="es" state="needs-review-translation">La copia' in text
    assert '<note from="driftcheck">fail: numbers (critical): 20 &lt;&gt; 30 &amp; more</note>' in text
    assert (
        text.replace(
            '<note from="driftcheck">fail: numbers (critical): 20 &lt;&gt; 30 &amp; more</note>\n', ""
        ).replace(' state="needs-review-translation"', "", 1)
        == src
    )
    etree.fromstring(out)  # still well-formed


def test_xliff_2_note_joins_existing_notes_and_a_rerun_replaces_it() -> None:
    data = (DATA / "xliff" / "okapi-v2.en-es.xlf").read_bytes()
    once = annotate_xliff(data, "v2.xlf", {"u2/s3": ["review: drift (major): x"]})
    twice = annotate_xliff(once, "v2.xlf", {"u2/s3": ["review: drift (major): y"]})
    for blob, text in ((once, "x"), (twice, "y")):
        unit = next(u for u in etree.fromstring(blob).iter(f"{XLF2}unit") if u.get("id") == "u2")
        notes = [(n.get("category"), n.text) for n in unit.find(f"{XLF2}notes")]
        assert notes == [
            ("context", "First paragraph of the privacy page."),
            ("driftcheck", f"u2/s3: review: drift (major): {text}"),  # u2 has two segments: which one
        ]
        assert [s.get("state") for s in unit.iter(f"{XLF2}segment")] == ["reviewed", "translated"]
    assert (
        once.decode().count("\n") == data.decode().count("\n") + 1
    )  # one note line, indented like its sibling


def test_annotate_paths(tmp_path: Path) -> None:
    (tmp_path / "a" / "es").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    po, xlf = tmp_path / "a" / "es" / "x.po", tmp_path / "b" / "x.xlf"
    po.write_text("x")
    xlf.write_text("x")
    out = tmp_path / "review"
    plan, skipped = plan_annotations(str(out), [str(po), str(xlf), "m.tmx"], None)
    assert plan == {str(po): str(out / "a" / "es" / "x.po"), str(xlf): str(out / "b" / "x.xlf")}
    assert skipped == ["m.tmx"]
    assert plan_annotations(str(tmp_path / "one.po"), [str(po)], None)[0] == {
        str(po): str(tmp_path / "one.po")
    }
    link = tmp_path / "link.po"
    link.symlink_to(po)
    with pytest.raises(UsageError, match="would overwrite the input"):
        plan_annotations(str(link), [str(po)], None)
    with pytest.raises(UsageError, match="would overwrite the input"):
        plan_annotations(str(tmp_path / "a" / "es"), [str(po)], None)  # the input's own folder


def test_po_string_left_open_is_a_syntax_error_not_a_cut_translation() -> None:
    """msgfmt refuses a string that ends with its line ("end-of-line within string"); polib read on,
    the translation came back as 'Hol' and the next entry was swallowed, exit 0."""
    data = (
        b'msgid ""\nmsgstr ""\n"Language: es\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        b'msgid "Hello"\nmsgstr "Hola\nmsgid "x"\nmsgstr "y"\n'
    )
    with pytest.raises(InputError, match=r"x\.po: not a valid PO file \(a string not closed at line 7\)"):
        parse_po(data, "x.po")
    fixed, _ = parse_po(data.replace(b'"Hola\n', b'"Hola"\n\n'), "x.po")
    assert [(e.msgid, e.msgstr) for e in fixed] == [("Hello", "Hola"), ("x", "y")]
    escaped, _ = parse_po(b'msgid "a \\" b"\nmsgstr "d\\\\"\n', "x.po")  # an escaped quote, a final backslash
    assert [(e.msgid, e.msgstr) for e in escaped] == [('a " b', "d\\")]


def test_po_charset_after_a_long_header_comment_is_still_read() -> None:
    """The charset was looked for in the first 4 KB only: a Latin-1 file with a long licence
    comment above its header was refused as "not valid UTF-8"."""
    data = ("# " + "Licence text. " * 400 + "\r\n" + LATIN1_PO).encode("latin-1")
    po, _ = parse_po(data, "es.po")
    assert [e.msgstr for e in po][0] == "El café está listo"
    out = annotate_po(data, "es.po", {"Café is ready": ["review: drift (major): low chrF"]})
    assert '#, fuzzy\r\nmsgid "Café is ready"' in out.decode("latin-1")


def _xliff_2(unit: tuple[str, str]) -> str:
    """An XLIFF 2 file of one unit (source, target) from Spanish to English."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="es" trgLang="en">'
        f'<file id="f1">\n<unit id="u1"><segment state="final"><source>{unit[0]}</source>\n'
        f"<target>{unit[1]}</target></segment></unit></file></xliff>\n"
    )


def test_a_note_quoting_a_character_xml_forbids_leaves_the_review_copy_valid_xml(tmp_path: Path) -> None:
    """An XLIFF 2 `<cp hex="1"/>` reads as U+0001; a note that quoted it raw made the copy unreadable
    (by xmllint, lxml, and driftcheck itself on a rerun)."""
    from tests.conftest import run_cli

    job = tmp_path / "job.xlf"
    job.write_text(
        _xliff_2(("Compre ahora.", 'Buy<cp hex="1"/><cp hex="FFFE"/> now buy now buy now buy now.')), "utf-8"
    )
    review = tmp_path / "review.xlf"
    args = ("--engine", "apertium", "--no-semantic", "--no-cache", "-f", "json")
    r = run_cli("check", str(job), *args, "-o", str(tmp_path / "r.json"), "--annotate", str(review))
    assert r.code == 0, r.stderr  # a review (the repetition), below the default gate
    notes = etree.parse(str(review)).getroot().findall(f".//{XLF2}note")  # strict XML 1.0: it parses
    assert len(notes) == 1 and "'Buy now' 4 times" in (notes[0].text or "")
    again = run_cli("check", str(review), *args, "-o", str(tmp_path / "r2.json"))
    assert again.code == 0, again.stderr  # it was 2: "not well-formed XML"
    assert json.loads((tmp_path / "r2.json").read_text("utf-8"))["segments"][0]["verdict"] == "review"


def test_half_a_surrogate_pair_from_cp_is_a_replacement_character_not_a_panic(tmp_path: Path) -> None:
    """`<cp hex="D800"/>` reached text2num (a compiled extension), which panicked: a traceback and
    exit code 1, which CI reads as a failed gate."""
    from tests.conftest import run_cli

    job = tmp_path / "job.xlf"
    job.write_text(_xliff_2(("Gastó 320 euros.", 'Spent 230<cp hex="D800"/> euros.')), "utf-8")
    out = tmp_path / "r.json"
    r = run_cli(
        "check", str(job), "--engine", "apertium", "--no-semantic", "--no-cache", "-f", "json", "-o", str(out)
    )
    assert r.code == 1 and "Traceback" not in r.stderr, r.stderr
    seg = json.loads(out.read_text("utf-8"))["segments"][0]
    assert seg["text"] == "Spent 230\ufffd euros." and seg["verdict"] == "fail"
    assert any(f["check"] == "numbers" for f in seg["flags"])


def test_a_translators_driftcheck_comment_stays_and_only_driftchecks_own_lines_are_replaced() -> None:
    """Every comment starting "# driftcheck:" was dropped as an earlier run's, a translator's own
    ("# driftcheck: keep this note") with it: the review copy is byte for byte the file otherwise."""
    data = (
        b'msgid ""\nmsgstr "Language: es\\n"\n\n# driftcheck: keep this translator note\n'
        b"# driftcheck: review: drift (major): an earlier run\n# driftcheck: plural form 1: fail: numbers\n"
        b'msgid "New"\nmsgstr "Nuevo"\n'
    )
    out = annotate_po(data, "x.po", {"New": ["fail: numbers (critical): '2' != '3'"]}).decode()
    assert out.endswith(
        "# driftcheck: keep this translator note\n# driftcheck: fail: numbers (critical): '2' != '3'\n"
        '#, fuzzy\nmsgid "New"\nmsgstr "Nuevo"\n'
    ), out


@pytest.mark.requires_msgfmt
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # no header: polib numbers the first entry 0, and the marks went before the file's last line
        (
            '#: a.c:10\nmsgid "Open %s"\nmsgstr "Abrir"\n\nmsgid "Save"\nmsgstr "Guardar"\n',
            '# driftcheck: fail: x\n#: a.c:10\n#, fuzzy\nmsgid "Open %s"\nmsgstr "Abrir"\n\nmsgid "Save"\nmsgstr "Guardar"\n',
        ),
        # a blank line among the comments: the flags that count are those right above msgid
        (
            'msgid ""\nmsgstr "Language: es\\n"\n\n# keep it short\n\n#: io.c:10\n#, c-format\nmsgid "Open %s"\nmsgstr "Abrir"\n',
            'msgid ""\nmsgstr "Language: es\\n"\n\n# keep it short\n\n# driftcheck: fail: x\n#: io.c:10\n'
            '#, fuzzy, c-format\nmsgid "Open %s"\nmsgstr "Abrir"\n',
        ),
        # two flag lines: gettext reads the last one
        (
            'msgid ""\nmsgstr "Language: es\\n"\n\n#, c-format\n#, no-wrap\nmsgid "Open %s"\nmsgstr "Abrir"\n',
            'msgid ""\nmsgstr "Language: es\\n"\n\n# driftcheck: fail: x\n#, c-format\n#, fuzzy, no-wrap\n'
            'msgid "Open %s"\nmsgstr "Abrir"\n',
        ),
    ],
)
def test_the_flagged_entry_is_the_one_gettext_reads_as_fuzzy(data: str, expected: str) -> None:
    """A review copy must leave the flagged entry fuzzy for gettext itself (msgfmt compiles a
    fuzzy entry's translation out): the marks broke a file with no header, and `fuzzy` went on a
    `#,` line msgfmt does not read."""
    import subprocess

    out = annotate_po(data.encode(), "x.po", {"Open %s": ["fail: x"]})
    assert out.decode() == expected
    stats = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", "-"], input=out, capture_output=True)
    assert stats.returncode == 0 and b"1 fuzzy translation" in stats.stderr, stats.stderr


def test_a_rerun_removes_driftchecks_marks_from_entries_that_now_pass_and_keeps_the_approval_state() -> None:
    """A review copy whose flagged entries a translator fixed kept every `# driftcheck: fail` comment
    and note on a rerun (the report said ok, the copy still claimed the failure). driftcheck's own
    marks go; `fuzzy` and the XLIFF state stay, approving is the reviewer's; others' notes stay."""
    po = (
        b'msgid ""\nmsgstr "Language: es\\n"\n\n# driftcheck: keep this translator note\n'
        b"# driftcheck: fail: numbers (critical): an earlier run\n#: app.py:3\n#, fuzzy\n"
        b'msgid "New"\nmsgstr "Nuevo"\n'
    )
    assert annotate_po(po, "x.po", {}) == po.replace(
        b"# driftcheck: fail: numbers (critical): an earlier run\n", b""
    )
    clean = po.replace(b"# driftcheck: fail: numbers (critical): an earlier run\n", b"")
    assert annotate_po(clean, "x.po", {}) == clean  # a translator's "# driftcheck:" note is no mark
    v12 = (DATA / "xliff" / "okapi-v2.en-es.xlf").read_bytes()
    marked = annotate_xliff(v12, "v2.xlf", {"u2/s3": ["review: drift (major): x"]})
    assert (
        annotate_xliff(marked, "v2.xlf", {}).replace(b' state="translated"', b' state="reviewed"', 1) == v12
    )
    unit = next(
        u
        for u in etree.fromstring(annotate_xliff(marked, "v2.xlf", {})).iter(f"{XLF2}unit")
        if u.get("id") == "u2"
    )
    assert [(n.get("category"), n.text) for n in unit.find(f"{XLF2}notes")] == [
        ("context", "First paragraph of the privacy page.")
    ]
    assert [s.get("state") for s in unit.iter(f"{XLF2}segment")] == ["reviewed", "translated"]
    utf16 = codecs.BOM_UTF16_LE + v12.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode(
        "utf-16-le"
    )
    marked16 = annotate_xliff(utf16, "v2.xlf", {"u2/s3": ["review: drift (major): x"]})
    unmarked16 = annotate_xliff(marked16, "v2.xlf", {})  # the marks were looked for as UTF-8 bytes
    assert unmarked16.decode("utf-16").replace(' state="translated"', ' state="reviewed"', 1) == utf16.decode(
        "utf-16"
    )


@pytest.mark.requires_apertium
def test_annotate_refuses_to_write_over_the_runs_own_report(tmp_path: Path) -> None:
    """The review copy named like the JSON report replaced it after the run (exit 1, the report
    lost); two outputs of one run on one path are refused before any work now."""
    po = tmp_path / "es.po"
    shutil.copy(DATA / "po" / "wtforms.es.po", po)
    (tmp_path / "rv").mkdir()
    # the line names the two outputs (it named the path twice: "(rev.po and rev.po)")
    there = ": two outputs of this run would be written there: the"
    for args, line in (
        (("-o", "rv", "--annotate", "rv/driftcheck.json"), f"rv/driftcheck.json{there} json report"),
        (("-f", "json", "-o", "rev.po", "--annotate", "rev.po"), f"rev.po{there} json report"),
        (
            ("-f", "sarif", "-o", "r.sarif", "--annotate", "./r.sarif"),
            f"./r.sarif{there} sarif report (r.sarif)",
        ),
    ):
        r = run_cli("check", "es.po", "--engine", "apertium", "--no-cache", *args, cwd=tmp_path)
        assert (r.code, r.stderr) == (
            2,
            f"driftcheck: error: {line} and the --annotate copy of es.po; choose another path\n",
        )
        assert sorted(p.name for p in tmp_path.rglob("*")) == ["es.po", "rv"]
