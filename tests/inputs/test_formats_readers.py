"""Readers for PO, XLIFF and TMX on files in the shapes real tools write (no engine needed).

The PO files are WTForms' Spanish and Italian catalogues (BSD-3-Clause, see
tests/data/formats/po/WTFORMS-LICENSE.rst), taken unchanged from the wtforms 3.3.2 wheel.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.core.source_mode import job_from_segments
from pipeline.errors import DriftcheckError, InputError, UsageError
from pipeline.formats import format_of, read_units
from pipeline.formats.units import ReadOptions

DATA = Path(__file__).parents[1] / "data" / "formats"
PO_ES = DATA / "po" / "wtforms.es.po"
PO_IT = DATA / "po" / "wtforms.it.po"


def read(path: Path, options: ReadOptions | None = None, data: bytes | None = None):  # type: ignore[no-untyped-def]
    raw = path.read_bytes() if data is None else data
    return read_units(raw, str(path), format_of(str(path)) or "", 0, options or ReadOptions())


def test_po_entries_plurals_metadata_and_lines() -> None:
    f = read(PO_ES)
    assert (f.fmt, f.target_lang, f.source_lang) == ("po", "es", None)
    assert f.counts == {
        "units": 36,
        "checked": 36,
        "fuzzy": 0,
        "untranslated": 0,
        "obsolete": 0,
        "approved": 0,
    }
    by_id = {s.id: s for s in f.segments}
    plural0 = by_id["Field must be at least %(min)d character long.[0]"]
    plural1 = by_id["Field must be at least %(min)d character long.[1]"]
    assert plural0.source == "Field must be at least %(min)d character long."
    assert plural1.source == "Field must be at least %(min)d characters long."
    assert plural1.text == "El campo debe tener al menos %(min)d caracteres."
    meta = dict(plural1.meta)
    assert meta == {"references": "src/wtforms/validators.py:145", "flags": "python-format", "plural": "1"}
    assert plural1.markup == "python,html,ansi"
    lines = PO_ES.read_text(encoding="utf-8").split("\n")
    assert lines[plural1.line - 1].startswith("msgstr[1] ") and lines[plural1.source_line - 1].startswith(
        "msgid_plural"
    )
    wrapped = by_id["Invalid choice(s): one or more data inputs could not be coerced."]
    assert wrapped.text == "Opción(es) inválida(s): una o más entradas de datos no pueden ser coaccionadas."
    assert by_id["This field is required."].markup == "auto,html,ansi"  # no format flag: the common syntaxes


def test_po_fuzzy_checked_and_marked_untranslated_and_obsolete_skipped() -> None:
    extra = b'\n#~ msgid "Gone"\n#~ msgstr "Ido"\n'
    f = read(PO_IT, data=PO_IT.read_bytes() + extra)
    assert f.counts == {
        "units": 36,
        "checked": 32,
        "fuzzy": 3,
        "untranslated": 4,
        "obsolete": 1,
        "approved": 0,
    }
    fuzzy = {s.id for s in f.segments if ("fuzzy", "yes") in s.meta}
    assert fuzzy == {
        "This field cannot be edited.",
        "'%(value)s' is not a valid choice for this field.[0]",
        "'%(value)s' is not a valid choice for this field.[1]",
        "Not a valid week value.",
    }
    only = read(PO_IT, ReadOptions(unapproved_only=True))
    assert {s.id for s in only.segments} == fuzzy and only.counts["approved"] == 29


def test_engine_input_has_no_placeholders() -> None:
    job = job_from_segments(0, read(PO_ES).segments)
    texts = [u.text for u in job.source_units + job.copy_units]
    assert not any("%(" in t or "%s" in t for t in texts)
    assert "El campo debe coincidir con ZXQ." in texts


@pytest.mark.parametrize(
    "name, ids, counts",
    [
        (
            "okapi-rainbow.en-es.xlf",
            ["NONE_1", "NONE_2", "NONE_3", "NONE_4", "NONE_5"],
            {"units": 6, "checked": 5, "untranslated": 0, "not_translatable": 1, "approved": 0},
        ),
        ("memoq.en-es.mqxliff", ["1", "2", "3", "4"], {"units": 5, "checked": 4, "untranslated": 1}),
        (
            "trados.en-es.sdlxliff",
            [
                "0f4c9a11-1c3b-4b5e-9f8e-2a1b3c4d5e6f/1",
                "0f4c9a11-1c3b-4b5e-9f8e-2a1b3c4d5e6f/2",
                "7a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d",
            ],  # fmt: skip
            {"units": 3, "checked": 3},
        ),
        (
            "weblate.en-es.xliff",
            ["welcome_title", "files_count", "storage_full", "share_link", "sync_paused"],
            {"untranslated": 1},  # state="needs-translation" holds the English text
        ),
        ("okapi-v2.en-es.xlf", ["u1", "u2/s2", "u2/s3", "u3", "u4"], {"units": 6, "untranslated": 1}),
    ],
)
def test_xliff_units_ids_and_counts(name: str, ids: list[str], counts: dict[str, int]) -> None:
    f = read(DATA / "xliff" / name)
    assert [s.id for s in f.segments] == ids
    assert {k: f.counts[k] for k in counts} == counts
    assert (f.source_lang or "")[:2] == "en" and (f.target_lang or "")[:2] == "es"


def test_xliff_inline_codes_in_canonical_form() -> None:
    v12 = {s.id: s for s in read(DATA / "xliff" / "okapi-rainbow.en-es.xlf").segments}
    assert v12["NONE_4"].source == 'Press <bpt id="1"/>Ctrl+S<ept id="1"/> to save the document.'
    assert v12["NONE_2"].text == 'Abra el menú <g id="1">Configuración</g> y elija <g id="2">Cuentas</g>.'
    v2 = {s.id: s for s in read(DATA / "xliff" / "okapi-v2.en-es.xlf").segments}
    assert v2["u2/s3"].text == 'Puede eliminarlos en cualquier momento en <pc id="1">su configuración</pc>.'
    assert dict(v2["u2/s3"].meta) == {"state": "reviewed", "note": "First paragraph of the privacy page."}
    approved = read(DATA / "xliff" / "okapi-v2.en-es.xlf", ReadOptions(unapproved_only=True))
    assert [s.id for s in approved.segments] == ["u2/s2", "u2/s3", "u4"] and approved.counts["approved"] == 2
    weblate = read(DATA / "xliff" / "weblate.en-es.xliff", ReadOptions(unapproved_only=True))
    assert "welcome_title" not in [s.id for s in weblate.segments]


def test_tmx_memories_from_omegat_and_trados() -> None:
    omegat = read(
        DATA / "tmx" / "omegat-project_save.en-es.tmx"
    )  # TMX 1.1, `lang`, an external DTD reference
    assert [s.id for s in omegat.segments] == ["tu1", "tu2", "tu3", "tu4"]
    assert omegat.segments[3].text == "Lea el <b0>informe completo</b0> en la web del ayuntamiento."
    trados = read(DATA / "tmx" / "trados-export.en-es.tmx")
    assert [s.id for s in trados.segments] == ["tu1", "tu2", "faq-12"]
    assert ("prop:x-Origin", "MachineTranslation") in trados.segments[1].meta
    assert (trados.source_lang, trados.target_lang) == ("en", "es")


def test_tmx_with_several_translations_needs_lang() -> None:
    raw = (DATA / "tmx" / "trados-export.en-es.tmx").read_bytes()
    more = raw.replace(
        b"</tuv>\n    </tu>", b'</tuv>\n      <tuv xml:lang="fr-FR"><seg>Bonjour</seg></tuv>\n    </tu>', 1
    )
    with pytest.raises(UsageError, match="translations into es, fr; choose one with --lang"):
        read(DATA / "tmx" / "x.tmx", data=more)
    assert read(DATA / "tmx" / "x.tmx", ReadOptions(lang="fr"), data=more).counts["checked"] == 1


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<xliff version="1.2"><file source-language="en" target-language="es"><body>
<trans-unit id="1"><source>&lol3;</source><target>&lol3;</target></trans-unit></body></file></xliff>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv>
<tuv xml:lang="es"><seg>x</seg></tuv></tu></body></tmx>"""


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("bomb.xlf", BOMB, "declares XML entities in its DOCTYPE (lol, lol2, lol3): refused"),
        ("xxe.tmx", XXE, "declares XML entities in its DOCTYPE (xxe): refused"),
        ("broken.xlf", b'<xliff version="1.2"><file><body><trans-unit id="1">', "not well-formed XML"),
        ("wrong.xlf", b"<?xml version='1.0' encoding='UTF-8'?><xliff>caf\xe9</xliff>", "not well-formed XML"),
        (
            "mislabelled.xlf",
            "<?xml version='1.0' encoding='ISO-8859-1'?><xliff>café</xliff>".encode(),
            "declares encoding 'ISO-8859-1' but its bytes are UTF-8",
        ),
        ("html.xlf", b"<html><body>hi</body></html>", "not an XLIFF file (the root element is <html>"),
        ("v3.xlf", b'<xliff version="3.0"/>', "XLIFF version 3.0 is not supported"),
        ("empty.xlf", b'<xliff version="1.2"><file/></xliff>', "no translation units"),
        ("x.tmx", b"<tmx><header srclang='*all*'/><body/></tmx>", "srclang is '*all*' or missing"),
        (  # it said "duplicate tuid in the memory": not which one, nor where
            "x.tmx",
            b"<tmx><header srclang='en'/><body>\n"
            b"<tu tuid='a'><tuv xml:lang='en'><seg>One.</seg></tuv><tuv xml:lang='es'><seg>Uno.</seg></tuv></tu>\n"
            b"<tu tuid='a'><tuv xml:lang='en'><seg>Two.</seg></tuv><tuv xml:lang='es'><seg>Dos.</seg></tuv></tu>\n"
            b"</body></tmx>",
            'x.tmx:3: duplicate tuid "a" (first at line 2)',
        ),
        ("x.po", b'msgid "a"\nmsgstr "b"\nmsgid "c" what\n', "not a valid PO file (syntax error at line 3)"),
        (
            "x.po",
            b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Caf"\nmsgstr "Caf\xe9"\n',
            "declares charset 'UTF-8' but byte 0xe9",
        ),
        (
            "x.po",
            b'msgid ""\nmsgstr "Language: es\\n"\n\nmsgid "a"\nmsgstr ""\n',
            "no translated entries to check (1 untranslated",
        ),
        ("x.po", b"\x00\x01\x02binary", "looks like a binary file"),
        (
            "x.po",
            'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "Cafe"\nmsgstr "Café"\n'.encode(),
            "declares charset 'ISO-8859-1' but its bytes are UTF-8",
        ),
    ],
)
def test_bad_files_are_one_line_input_errors(name: str, data: bytes, message: str) -> None:
    with pytest.raises(DriftcheckError) as err:
        read(DATA / name, data=data)
    assert message in err.value.message and "\n" not in err.value.message
    assert isinstance(err.value, (InputError, UsageError))


def test_baselines_key_translation_units_on_their_ids() -> None:
    from pipeline.report.baseline import apply_baseline, create_baseline

    def seg(doc: int, sid: str) -> dict[str, object]:
        flag = {"check": "drift", "severity": "major", "message": "m", "spans": []}
        return {
            "document": doc,
            "id": sid,
            "text": "Abrir",
            "source": "Open",
            "flags": [flag],
            "verdict": "review",
        }

    data = {
        "documents": [
            {"index": 0, "path": "menu.xlf", "format": "xliff", "counts": {}},
            {"index": 1, "path": "notes.md", "format": "markdown", "counts": {}},
        ],
        "segments": [seg(0, "menu.open"), seg(0, "button.open"), seg(1, "p1.s1"), seg(1, "p7.s1")],
    }
    entries = create_baseline(data)["entries"]
    assert sorted(e["path"] for e in entries) == ["menu.xlf", "menu.xlf", "notes.md"]  # one string, two units
    moved = {**data, "segments": [seg(0, "button.open"), seg(0, "menu.open"), seg(1, "p9.s2")]}
    out, stale = apply_baseline(moved, {"entries": entries})
    assert all(f.get("baselined") for s in out["segments"] for f in s["flags"]) and stale == []
    renamed = {**data, "segments": [seg(0, "menu.open.v2")]}
    out, _ = apply_baseline(renamed, {"entries": entries})
    assert not out["segments"][0]["flags"][0].get("baselined")


def test_po_in_its_declared_latin1() -> None:
    data = 'msgid ""\nmsgstr "Language: fr\\nContent-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "Coffee"\nmsgstr "Café"\n'
    f = read(DATA / "x.po", data=data.encode("latin-1"))
    assert [(s.source, s.text) for s in f.segments] == [("Coffee", "Café")] and f.target_lang == "fr"


def test_xliff_segment_marks_with_a_repeated_mid_are_refused_not_mispaired() -> None:
    """Two <mrk mid="1"> in one <seg-source>: the second replaced the first, "The cat." was paired
    with "La casa." and "The house." was never checked; now the file is refused with one line."""
    data = (
        b'<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        b'<file source-language="en" target-language="es" datatype="plaintext" original="x"><body>'
        b'<trans-unit id="1"><seg-source><mrk mtype="seg" mid="1">The house.</mrk><mrk mtype="seg" mid="1">The cat.</mrk>'
        b'</seg-source><source>The house. The cat.</source><target><mrk mtype="seg" mid="1">La casa.</mrk></target>'
        b"</trans-unit></body></file></xliff>"
    )
    with pytest.raises(
        InputError, match=r"m\.xlf: trans-unit '1': segment mid '1' appears twice in <seg-source>"
    ):
        read(Path("m.xlf"), data=data)
    ok = read(Path("m.xlf"), data=data.replace(b'mid="1">The cat.', b'mid="2">The cat.'))
    assert [(s.id, s.source, s.text) for s in ok.segments] == [
        ("1/1", "The house.", "La casa.")
    ]  # 1/2: untranslated


def test_po_ids_tell_apart_every_entry_gettext_does() -> None:
    """The id was `msgctxt|msgid` joined as it stood: a context holding "|", a msgid holding "|",
    an empty context or a msgid ending in "[0]" made two valid entries one id, and the file was
    refused as holding a duplicate (or two verdicts shared an id). The parts are escaped now;
    ids without those characters read as before, and a real duplicate is still refused."""
    entries = [
        ("a|b", "c"),  # was a|b|c
        ("a", "b|c"),  # was a|b|c
        (None, "a|b"),  # was a|b, as context "a" with msgid "b"
        ("a", "b"),
        ("", "a|b"),  # an empty context is a context to gettext
        (None, "Item [0]"),  # was Item [0], as the plural form 0 of "Item "
        ("menu", "Open"),
    ]
    body = (
        "".join(
            (f'msgctxt "{ctx}"\n' if ctx is not None else "") + f'msgid "{mid}"\nmsgstr "x {n}"\n\n'
            for n, (ctx, mid) in enumerate(entries)
        )
        + 'msgid "Item "\nmsgid_plural "Items "\nmsgstr[0] "y0"\nmsgstr[1] "y1"\n'
    )
    head = 'msgid ""\nmsgstr "Language: es\\nContent-Type: text/plain; charset=UTF-8\\n"\n\n'
    f = read(DATA / "ids.po", data=(head + body).encode())
    ids = [s.id for s in f.segments]
    assert ids == [
        "a\\|b|c",
        "a|b\\|c",
        "a\\|b",
        "a|b",
        "|a\\|b",
        "Item \\[0]",
        "menu|Open",
        "Item [0]",
        "Item [1]",
    ]
    assert [s.text for s in f.segments][:7] == [f"x {n}" for n in range(7)]
    twice = head + body + '\nmsgctxt "menu"\nmsgid "Open"\nmsgstr "z"\n'
    with pytest.raises(InputError, match=r"ids\.po:\d+: duplicate entry for msgid .Open."):
        read(DATA / "ids.po", data=twice.encode())


XLIFF12_GROUPS = b"""<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a"
 source-language="en" target-language="es" datatype="plaintext"><body>
<trans-unit id="1"><source>The door is open.</source><target>La puerta est\xc3\xa1 abierta.</target></trans-unit>
<group id="g" translate="no"><trans-unit id="2"><source>ACME Pro</source><target>ACME Nunca</target></trans-unit>
<trans-unit id="2b" translate="yes"><source>Buy now.</source><target>Compre ahora.</target></trans-unit></group>
<trans-unit id="3"><source>The cat sleeps.</source><seg-source><mrk mtype="seg" mid="1">The cat sleeps.</mrk></seg-source>
<target>El gato no duerme.</target></trans-unit>
</body></file></xliff>"""

XLIFF2_GROUPS = b"""<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">
<file id="f1"><unit id="u1"><segment><source>Open.</source><target>Abierto.</target></segment></unit>
<group id="g" translate="no"><unit id="u2"><segment><source>ACME</source><target>ACME No</target></segment></unit></group>
</file><file id="f2" translate="no"><unit id="u6"><segment><source>Keep.</source><target>Guardar.</target></segment></unit></file>
</xliff>"""


def test_translate_no_on_a_group_or_a_file_holds_for_the_units_inside() -> None:
    """Both XLIFF versions inherit `translate`; only the unit's own attribute was read, so the units
    of a group or file marked "no" were checked (and flagged) as translations."""
    v12 = read(DATA / "xliff" / "g.xlf", data=XLIFF12_GROUPS)
    assert [s.id for s in v12.segments] == ["1", "2b", "3"] and v12.counts["not_translatable"] == 1
    v2 = read(DATA / "xliff" / "g2.xlf", data=XLIFF2_GROUPS)
    assert [s.id for s in v2.segments] == ["u1"] and v2.counts["not_translatable"] == 2


def test_a_segmented_source_with_a_plain_target_pairs_whole() -> None:
    """<seg-source> with <mrk> segments and a target without them: the unit was counted untranslated."""
    v12 = {s.id: s for s in read(DATA / "xliff" / "g.xlf", data=XLIFF12_GROUPS).segments}
    assert (v12["3"].source, v12["3"].text) == ("The cat sleeps.", "El gato no duerme.")


def test_a_tmx_variant_is_chosen_by_its_whole_language_code() -> None:
    """Variants were keyed by primary language, first one kept: es-ES was checked for --lang es-MX,
    and an en-US source used where the header says en-GB."""
    tmx = b"""<tmx version="1.4"><header srclang="en-GB" datatype="plaintext" segtype="sentence" adminlang="en"
 o-tmf="x" creationtool="t" creationtoolversion="1"/><body>
<tu tuid="t1"><tuv xml:lang="en-GB"><seg>The door is red.</seg></tuv><tuv xml:lang="es-ES"><seg>La puerta es roja.</seg></tuv>
<tuv xml:lang="es-MX"><seg>La puerta no es azul.</seg></tuv></tu>
<tu tuid="t2"><tuv xml:lang="en-US"><seg>The cat sleeps.</seg></tuv><tuv xml:lang="en-GB"><seg>The dog sleeps.</seg></tuv>
<tuv xml:lang="es-ES"><seg>El perro duerme.</seg></tuv></tu></body></tmx>"""
    mx = read(DATA / "tmx" / "r.tmx", ReadOptions(lang="es-MX"), data=tmx)
    assert [(s.source, s.text) for s in mx.segments] == [
        ("The door is red.", "La puerta no es azul."),
        ("The dog sleeps.", "El perro duerme."),
    ]
    es = read(DATA / "tmx" / "r.tmx", ReadOptions(lang="es"), data=tmx)
    assert es.segments[0].text == "La puerta es roja."  # no variant coded "es" alone: the first


def test_a_plural_form_left_empty_is_named_not_silently_skipped() -> None:
    """msgstr[0] empty beside a translated msgstr[1]: form 0 (the reader sees the English) was left
    out without a word and the entry counted as checked."""
    po = (
        b'msgid ""\nmsgstr ""\n"Language: es\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        b'msgid "One file"\nmsgid_plural "%d files"\nmsgstr[0] ""\nmsgstr[1] "%d archivos"\n\nmsgid "Open"\nmsgstr "Abrir"\n'
    )
    f = read(DATA / "p.po", data=po)
    assert [s.id for s in f.segments] == ["One file[1]", "Open"]
    assert f.counts["empty_plural_forms"] == 1
    assert f.warnings == [
        "1 plural form left empty in translated entries (msgstr lines 8): readers get the untranslated "
        "text there, and nothing is checked"
    ]
