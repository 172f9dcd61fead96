"""Placeholders: found per syntax, compared as facts, masked from the engine with spans mapped back."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from pipeline.formats.placeholders import MASK_TOKEN, compare, find_codes, mask, unit_view
from pipeline.records import Flag, Segment, Span


@pytest.mark.parametrize(
    "text, markup, keys",
    [
        ("Saved %s files to %d folders", "c", ["%s", "%d"]),
        ("%1$s of %2$d", "c", ["%1$s", "%2$d"]),
        ("100%% done, %(count)d left", "python", [None, "%(count)d"]),
        ("{0} of {total} items, {{literal}}", "python-brace", ["{0}", "{total}", None, None]),
        ("Welcome %1 to %2", "qt", ["%1", "%2"]),
        ("Copy $SRC to ${DEST}", "sh", ["$SRC", "${DEST}"]),
        # unflagged gettext entries: the common syntaxes, but "50% off" is text
        ("50% off for {name}, %s left", "auto", ["{name}", "%s"]),
        ("<b>Bold</b> and <a href='%s'>link</a><br/>", "auto,html", ["<b>", "</b>", "<a>", "</a>", "<br>"]),
        ("Usage: prog <file> [options]", "auto,html", []),  # <file> is not an HTML element
        ('Click <g id="1">here</g> <x id="2"/>', "xml,html,auto", ["<g 1>", "</g>", "<x 2/>"]),
        ("Lea el <b0>informe</b0> y <x1/>", "omegat", ["<b0>", "</b0>", "<x1/>"]),
        ("%s", "", []),
        # terminal colours, as the character or spelt as a catalogue writes it: one key either way
        ("\x1b[1;31mError\x1b[0m %s", "auto,ansi", ["ESC[1;31m", "ESC[0m", "%s"]),
        ("\\033[31mSave\\033[0m or \\x1b[31mquit\\e[0m", "ansi", ["ESC[31m", "ESC[0m", "ESC[31m", "ESC[0m"]),
    ],
)
def test_find_codes_per_syntax(text: str, markup: str, keys: list[str | None]) -> None:
    assert [c.key for c in find_codes(text, markup)] == keys


def test_mask_keeps_a_whole_sentence_and_maps_back() -> None:
    raw = "El campo debe coincidir con %(other_name)s."
    m = mask(raw, "python,html")
    assert m.text == f"El campo debe coincidir con {MASK_TOKEN}."
    assert "%(" not in m.text
    # every masked character knows where it came from
    assert all(raw[m.origin[i]] == ch for i, ch in enumerate(m.text) if ch not in MASK_TOKEN)
    tags = mask("Open the <b>Settings</b> menu<br/> now.", "auto,html")
    assert tags.text == "Open the Settings menu now."


def test_compare_missing_extra_altered_and_order() -> None:
    def flags(src: str, tgt: str, markup: str = "python,html", plural: bool = False) -> list[tuple[str, str]]:
        return [(f.severity, f.message) for f in compare(src, tgt, markup, plural)]

    assert flags("Equal to %(other_name)s.", "Igual a %(other_name)s.") == []
    assert flags("Equal to %(other_name)s.", "Igual a %(otro)s.") == [
        (
            "critical",
            "placeholder \u201c%(other_name)s\u201d of the source became \u201c%(otro)s\u201d in the translation",
        )
    ]
    assert flags("Saved %s.", "Guardado.") == [
        ("critical", "placeholder \u201c%s\u201d of the source is missing from the translation")
    ]
    assert flags("Saved.", "Guardado %s.") == [
        ("critical", "placeholder \u201c%s\u201d in the translation is not in the source")
    ]
    # unnamed printf arguments are filled in order: swapping them is a bug, positional ones may move
    assert flags("%s of %d", "%d de %s", "c")[0][1].startswith("unnamed placeholders changed order")
    assert flags("%1$s of %2$d", "%2$d de %1$s", "c") == []
    # a plural form for a single number may leave the number out
    assert flags("%(n)d file", "Un archivo", plural=True)[0][0] == "minor"
    # ... and show the number its singular source leaves out (msgstr[0] of French, Russian: 0, 1, 21...)
    assert flags("One file", "%d fichier", "c", plural=True)[0][0] == "minor"
    assert flags("One file", "%s fichier", "c", plural=True)[0][0] == "critical"
    # an HTML <em> in an XLIFF or TMX unit is a code; XLIFF 2's empty <em/> closes an annotation
    assert [m for _, m in flags("Click <em>here</em>.", "Haga clic aquí.", "xml,html,auto")] == [
        "placeholder \u201c<em>\u201d of the source is missing from the translation",
        "placeholder \u201c</em>\u201d of the source is missing from the translation",
    ]
    assert flags('<sm id="1" type="x"/>Hi<em startRef="1"/>', "Hola", "xml,html,auto") == []
    assert flags("<b>Warning</b>", "Aviso") == [
        ("critical", "placeholder \u201c<b>\u201d of the source is missing from the translation"),
        ("critical", "placeholder \u201c</b>\u201d of the source is missing from the translation"),
    ]


NUMBERED = [  # (msgid, msgstr): a translation may print a printf string's arguments by number
    ("%s-%s", "%2$s de %1$s"),
    ('class "%s" of method %s lacks function %d', "falta la función %3$d de la clase «%1$s» del método %2$s"),
    ("%s-%d", "%2$s de %1$d"),  # the second argument is the number
    ("%s-%s", "%2$s de %2$s"),  # the first is never printed
    ("%s of %d", "%2$d de %1$s"),
    ("%s of %d", "%d de %s"),  # unnumbered: printed in order, so swapped
]


@pytest.mark.requires_msgfmt
def test_numbered_printf_directives_are_matched_by_argument_as_msgfmt_does() -> None:
    """ "%s-%s" translated "%2$s de %1$s" failed (the keys "%s" and "%2$s" differed); gettext's
    own `msgfmt --check-format` accepts it, and refuses a number printed as a string."""
    for msgid, msgstr in NUMBERED:
        entry = f"#, c-format\nmsgid {json.dumps(msgid, ensure_ascii=False)}\nmsgstr {json.dumps(msgstr, ensure_ascii=False)}\n"
        po = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + entry
        checked = subprocess.run(
            ["msgfmt", "--check-format", "-o", "/dev/null", "-"], input=po.encode(), capture_output=True
        )
        assert (compare(msgid, msgstr, "c") == []) == (checked.returncode == 0), (
            msgid,
            msgstr,
            checked.stderr,
        )
    assert [m.severity for m in compare(*NUMBERED[2], "c")] == ["critical", "critical"]


def test_a_lone_percent_in_a_printf_format_translation_is_a_broken_directive() -> None:
    """msgfmt refuses "%d%%" translated "%d%" ("ends in the middle of a directive"); it passed."""
    broken = compare("%d%% done", "Hecho al %d%", "c")
    assert [(m.severity, m.message) for m in broken] == [
        (
            "critical",
            "a lone \u201c%\u201d in the translation is no printf directive (a percent sign is \u201c%%\u201d)",
        )
    ]
    assert compare("%d%% done", "Hecho al %d%%", "c") == []
    assert compare("100% sure", "100% seguro", "c") == []  # the source has it too: not the translation's
    assert compare("Save", "Guardar 5%", "html") == []  # not a printf format


def test_a_message_about_the_mask_token_is_left_to_the_placeholder_check() -> None:
    """A coverage note in lower case ("missing: 'zxq'") named the made-up token to editors."""
    seg = Segment("x", 0, 1, 1, 1, "Guardado.", "Saved %s.", markup="c")
    view = unit_view(seg)
    noted = [Flag("coverage", "major", "words of the source seem to be missing: 'zxq'", ())]
    assert view.remap(noted) == []


def test_gettext_language_modifiers_are_read() -> None:
    """`Language: ca@valencia` (gettext's modifier) was "not a language code; ignored"."""
    from pipeline.formats.languages import normalise

    assert [normalise(c) for c in ("ca@valencia", "sr_RS@latin", "pt_BR", "es-ES", "@x")] == [
        "ca",
        "sr",
        "pt",
        "es",
        None,
    ]


def test_unit_view_masks_and_remaps_spans_of_other_checks() -> None:
    seg = Segment("x", 0, 1, 1, 1, "Tiene %d mensajes de Ana.", "You have %d messages from Ana.", markup="c")
    view = unit_view(seg)
    assert view.source == f"You have {MASK_TOKEN} messages from Ana."
    assert view.text == f"Tiene {MASK_TOKEN} mensajes de Ana."
    at = view.text.index("Ana")
    moved = view.remap([Flag("names", "critical", "x", (Span("text", at, at + 3),))])
    span = moved[0].spans[0]
    assert seg.text[span.start : span.end] == "Ana"
    # a finding about the mask token itself is the placeholder check's business
    assert view.remap([Flag("names", "critical", f"source name '{MASK_TOKEN}' not found")]) == []
    only_codes = unit_view(Segment("y", 0, 1, 1, 1, "%s: %s", "%s: %s", markup="c"))
    assert not only_codes.checkable
    plain = unit_view(Segment("z", 0, 1, 1, 1, "Hola %s", "Hello %s"))
    assert (plain.source, plain.text, plain.options) == ("Hello %s", "Hola %s", {})


@pytest.mark.requires_apertium
def test_terminal_colours_in_a_catalogue_are_codes_not_numbers(tmp_path: Path) -> None:
    """A colour the translation changed was a `numbers` failure ("source number '31' not found");
    the escape is a code around text, compared as one: the same colours pass, another fails as
    `placeholders`, and its digits are never numbers."""
    from tests.conftest import run_cli

    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: es\\n"\n\n'
    entry = 'msgid "Press \\033[31mSave\\033[0m to continue."\nmsgstr "Pulse \\033[{}mGuardar\\033[0m para continuar."\n'
    results = []
    for colour in ("31", "32"):
        po = tmp_path / f"c{colour}.po"
        po.write_text(head + entry.format(colour), encoding="utf-8")
        out = tmp_path / f"c{colour}.json"
        r = run_cli("check", str(po), "--engine", "apertium", "--no-cache", "-f", "json", "-o", str(out))
        seg = json.loads(out.read_text(encoding="utf-8"))["segments"][0]
        results.append(
            (r.code, seg["verdict"], [(f["check"], f["severity"], f["message"]) for f in seg["flags"]])
        )
    changed = (
        "placeholder \u201c\\033[31m\u201d of the source became \u201c\\033[32m\u201d in the translation"
    )
    assert results == [(0, "ok", []), (1, "fail", [("placeholders", "critical", changed)])]
