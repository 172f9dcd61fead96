"""Readers: plain text and Markdown paragraphs with line numbers; strict UTF-8 input."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.inputs.markdown import parse_markdown
from pipeline.inputs.read import decode_text, parse_text, read_document
from pipeline.inputs.segment import segment_document

MARKDOWN = """---
title: Front matter is skipped
---
# A heading

First paragraph line one
continues on line two. Second sentence here.

```python
print("code is skipped")
```

- list item one
- list item two

<!-- driftcheck: ignore numbers -->
Waived paragraph with 12 apples.

    indented code is skipped

Last [linked](https://example.com) and **bold** text.
"""


def test_markdown_paragraphs_kinds_and_lines() -> None:
    paras = parse_markdown(MARKDOWN)
    got = [(p.kind, p.line, p.text) for p in paras]
    assert got == [
        ("heading", 4, "A heading"),
        ("text", 6, "First paragraph line one continues on line two. Second sentence here."),
        ("list-item", 13, "list item one"),
        ("list-item", 14, "list item two"),
        ("text", 17, "Waived paragraph with 12 apples."),
        ("text", 21, "Last linked and bold text."),
    ]
    assert paras[4].waived == ("numbers",)
    assert all("print" not in p.text and "indented" not in p.text for p in paras)


@pytest.mark.parametrize(
    "text, want",
    [
        # a block quote right after a list item or a paragraph is a paragraph of its own
        (
            "- list item one\n> A quoted line.\n",
            [("list-item", 1, "list item one"), ("text", 2, "A quoted line.")],
        ),
        (
            "Plain text.\n> Quoted.\nlazy line\n",
            [("text", 1, "Plain text."), ("text", 2, "Quoted. lazy line")],
        ),
        # a bare `>` ends a quote's paragraph; nested markers are all removed
        ("> First.\n>\n> Second.\n", [("text", 1, "First."), ("text", 3, "Second.")]),
        ("> > Nested quote\n> > goes on.\n", [("text", 1, "Nested quote goes on.")]),
    ],
)
def test_block_quotes_are_paragraphs_of_their_own(text: str, want: list[tuple[str, int, str]]) -> None:
    assert [(p.kind, p.line, p.text) for p in parse_markdown(text)] == want


def test_sentence_ids_and_line_numbers_follow_the_input(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text(MARKDOWN, encoding="utf-8")
    segs = segment_document(read_document(str(f), "en"), 0)
    second = [s for s in segs if s.paragraph == 2]
    assert [(s.id, s.line) for s in second] == [("p2.s1", 6), ("p2.s2", 7)]
    assert second[1].text == "Second sentence here."


def test_plain_text_paragraphs_are_blank_line_blocks() -> None:
    paras = parse_text("\n\nOne line.\nTwo line.\n\n\nThird block.\n")
    assert [(p.index, p.line, p.text) for p in paras] == [
        (1, 3, "One line. Two line."),
        (2, 7, "Third block."),
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\n", "only white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("caf\u00e9 cr\u00e8me".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_bytes_are_input_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_text(data, "x.txt")


def test_bom_and_crlf_are_normalised() -> None:
    assert decode_text("\ufeffa\r\nb".encode(), "x") == "a\nb"


def _texts(md: str) -> list[tuple[str, int, tuple[str, ...]]]:
    return [(p.text, p.line, p.waived) for p in parse_markdown(md)]


def test_a_comment_opener_in_code_hides_no_text() -> None:
    """`<!--` inside an inline code span (or a fence) opened a comment that ran to the next `-->`:
    the paragraphs in between were never checked."""
    md = "Type `<!--` before the text.\n\nThe dog eats bread.\n\n```\n<!--\n```\n\nThe cat sleeps.\n\n<!-- a note -->\n\nLast.\n"
    assert [t for t, _, _ in _texts(md)] == [
        "Type <!-- before the text.",
        "The dog eats bread.",
        "The cat sleeps.",
        "Last.",
    ]
    assert [line for _, line, _ in _texts(md)] == [1, 3, 9, 13]


@pytest.mark.parametrize(
    "line",
    [
        "The dog eats bread <!-- driftcheck: ignore negation --> every day.",
        "<!-- driftcheck: ignore negation -->The dog eats bread every day.",
    ],
)
def test_a_waiver_beside_text_waives_that_paragraph_and_keeps_its_text(line: str) -> None:
    """The line was dropped and the *next* paragraph waived instead."""
    assert _texts(f"{line}\n\nThe cat never sleeps.\n") == [
        ("The dog eats bread every day.", 1, ("negation",)),
        ("The cat never sleeps.", 3, ()),
    ]
    assert _texts("<!-- driftcheck: ignore -->\nThe dog.\n\nThe cat.\n") == [
        ("The dog.", 2, ("*",)),
        ("The cat.", 4, ()),
    ]


def test_a_list_items_indented_paragraph_is_text_not_code() -> None:
    """After a blank line, an indented paragraph inside a list item was taken for an indented code
    block and skipped; a nested item kept its `-`."""
    md = "- First step.\n\n    Never turn the machine off.\n\n    - A nested step.\n- Second step.\n\nText.\n\n    code()\n"
    assert _texts(md) == [
        ("First step.", 1, ()),
        ("Never turn the machine off.", 3, ()),
        ("A nested step.", 5, ()),
        ("Second step.", 6, ()),
        ("Text.", 8, ()),
    ]


def test_a_fence_closes_only_at_a_fence_as_long() -> None:
    assert _texts("````\n```\nrm -rf build/\n```\n````\n\nAfter.\n") == [("After.", 7, ())]


@pytest.mark.parametrize(
    ("line", "reads"),
    [
        (
            "Set `max_retry_count` or snake_case_name, not _this_.",
            "Set max_retry_count or snake_case_name, not this.",
        ),
        ("C:\\Users\\ana, \\*not emphasis\\*, 2*3*4.", "C:\\Users\\ana, *not emphasis*, 234."),
        ("Line one<br>line two.", "Line one line two."),
        ("See [the page](https://en.wikipedia.org/wiki/Foo_(bar)) too.", "See the page too."),
        ("Visit <https://example.com> today.", "Visit https://example.com today."),
        ("A &amp; B, `&amp;` in code.", "A & B, &amp; in code."),
        ("A note[^1] here.", "A note here."),
    ],
)
def test_markdown_text_reads_as_a_reader_sees_it(line: str, reads: str) -> None:
    """Intraword underscores were taken for emphasis (maxretrycount), every backslash was dropped,
    <br> glued words, a URL with parentheses left ") too", an autolink vanished, entities stayed
    encoded, footnote markers stayed."""
    assert _texts(line + "\n") == [(reads, 1, ())]


def test_script_and_style_blocks_and_link_definitions_are_no_text() -> None:
    md = (
        'Intro.\n\n<script>\nvar greeting = "Hello from the script";\n</script>\n\n'
        '[docs]: https://example.com/docs "Docs"\n\n<style>p { color: red }</style>\n\n'
        "```\n<script>\n```\n\nEnd.\n\n[^1]: The footnote.\n"
    )
    assert _texts(md) == [("Intro.", 1, ()), ("End.", 15, ()), ("The footnote.", 17, ())]


def test_a_shortcut_reference_link_reads_as_its_text_where_the_label_is_defined() -> None:
    """`[the docs]` with `[The  Docs]: url` further down kept its brackets; an undefined `[x]` is text."""
    md = (
        "Read [the docs] and [the guide][] before [x] the [API][ref].\n\n"
        "[The  Docs]: https://example.com/docs\n[the guide]: /guide\n[ref]: /api\n"
    )
    assert _texts(md) == [("Read the docs and the guide before [x] the API.", 1, ())]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Es la 2.ª vez que ocurre. Vive en el n.º 5 de la calle Mayor.",
         ["Es la 2.ª vez que ocurre.", "Vive en el n.º 5 de la calle Mayor."]),
        ("Llegó en 1.º lugar. Luego se fue.", ["Llegó en 1.º lugar.", "Luego se fue."]),
    ],
)  # fmt: skip
def test_an_ordinal_indicator_does_not_end_a_sentence(
    tmp_path: Path, text: str, sentences: list[str]
) -> None:
    """sentencex splits "2.ª" and "n.º" after the point: "Vive en el n." was a sentence of its own
    (an addition in source-aware mode) and "ª vez que ocurre." another."""
    f = tmp_path / "a.es.txt"
    f.write_text(text + "\n", "utf-8")
    segs = segment_document(read_document(str(f), "es"), 0)
    assert [s.text for s in segs] == sentences


@pytest.mark.parametrize(
    ("lang", "text", "sentences"),
    [
        ("fr", "M. Dupont est arrivé. Il a dit oui.", ["M. Dupont est arrivé.", "Il a dit oui."]),
        ("pt", "Mora nos EUA, p. ex. em Nova Iorque. E depois.",
         ["Mora nos EUA, p. ex. em Nova Iorque.", "E depois."]),
        ("fr", "Voir p. 12 et s. pour plus. Merci.", ["Voir p. 12 et s. pour plus.", "Merci."]),
        ("en", "Then Plan B. Then nothing.", ["Then Plan B.", "Then nothing."]),  # real ends stay
        ("en", "No. He bought one. iPhones sell.", ["No.", "He bought one.", "iPhones sell."]),
        ("en", "The house is big. aaaa is here.", ["The house is big.", "aaaa is here."]),
    ],
)  # fmt: skip
def test_an_abbreviation_point_does_not_end_a_sentence(
    tmp_path: Path, lang: str, text: str, sentences: list[str]
) -> None:
    """sentencex ended sentences at "M." opening a paragraph ("M." was a sentence of its own) and
    at "p." of Portuguese "p. ex." and "s." of French "et s.": fragments flagged as cut off."""
    f = tmp_path / f"a.{lang}.txt"
    f.write_text(text + "\n", "utf-8")
    segs = segment_document(read_document(str(f), lang), 0)
    assert [s.text for s in segs] == sentences


@pytest.mark.parametrize(
    "text, want",
    [
        (  # a table's rows were one "sentence" ("Lisbon 20 million euros Madrid 30 million euros")
            "| City | Cost |\n|------|------|\n| Lisbon | 20 million euros |\n| Madrid | 30 million euros |\n",
            [("City   Cost", 1), ("Lisbon   20 million euros", 3), ("Madrid   30 million euros", 4)],
        ),
        (  # without the outer pipes, an escaped pipe kept in its cell (the rows were "a | b" text)
            "Name | Note\n--- | ---\nx | a \\| b\n\nAfter.\n",
            [("Name   Note", 1), ("x   a | b", 3), ("After.", 5)],
        ),
        (  # a block element's tag is a boundary ("More infoHidden details here.")
            "<details><summary>More info</summary>Hidden details here.</details>\n",
            [("More info", 1), ("Hidden details here.", 1)],
        ),
        (
            "<p>Some text that\ncontinues here.</p>\n<p>Second.</p>\n",
            [("Some text that continues here.", 1), ("Second.", 3)],
        ),
        (
            "<table>\n<tr><td>One cell.</td><td>Two cell.</td></tr>\n</table>\n",
            [("One cell.", 2), ("Two cell.", 2)],
        ),
        (
            "Press <kbd>Ctrl</kbd> and a <b>bold</b> word.\n",
            [("Press Ctrl and a bold word.", 1)],
        ),  # inline tags go
    ],
)
def test_tables_rows_and_html_blocks_are_paragraphs_of_their_own(
    text: str, want: list[tuple[str, int]]
) -> None:
    assert [(p.text, p.line) for p in parse_markdown(text)] == want


def test_html_a_browser_does_not_show_inside_a_markdown_line_is_no_text() -> None:
    """An inline `<script>` was read as prose ("20 km alert("INLINE SCRIPT") to the next"), as were
    `<noscript>`, `<template>` and elements marked `hidden` or `display: none`, which an HTML page
    leaves out; tags that show their text still read as their text."""
    text = (
        'Residents drove 20 km <script>alert("INLINE SCRIPT")</script> to the next crossing.\n\n'
        'Shops saw a fall of 30 per cent <span style="display:none">HIDDEN SPAN</span> in sales.\n\n'
        "<div hidden>HIDDEN DIV should not be checked.</div>\n\n"
        "<noscript>NOSCRIPT should not be checked.</noscript> <template>TEMPLATE</template>\n\n"
        "Use <b>bold</b>, <kbd>Ctrl</kbd> and a <span hidden>hidden</span> line.\n"
    )
    paragraphs = parse_markdown(text)
    assert [(p.line, p.text) for p in paragraphs] == [
        (1, "Residents drove 20 km to the next crossing."),
        (3, "Shops saw a fall of 30 per cent in sales."),
        (9, "Use bold, Ctrl and a line."),
    ]


def test_table_rules_read_the_same_in_time_linear_in_the_line() -> None:
    """`^\\s*\\|?\\s*:?-{3,}` split a run of white space between its two `\\s*` in every way: a line
    of 25,000 spaces took 13 s to parse, a 1,500-item nested list 77 s (time grew with the square
    of the line). The pattern now matches the same lines, and a 2 MB line of spaces parses in a
    subprocess that the old pattern would have kept for hours."""
    import random
    import re
    import subprocess
    import sys

    from pipeline.inputs.markdown import _TABLE_RULE

    old = re.compile(r"^\s*\|?\s*:?-{3,}")
    rng = random.Random(7)
    for _ in range(5000):
        line = "".join(rng.choice(" \t|:-x") for _ in range(rng.randrange(0, 12)))
        assert bool(_TABLE_RULE.match(line)) == bool(old.match(line)), repr(line)
    code = (
        "from pipeline.inputs.markdown import parse_markdown\n"
        "text = 'The dog eats.\\n' + ' ' * 2_000_000 + 'x\\n\\n' + ''.join('  ' * i + '- Item\\n' for i in range(1500))\n"
        "print(len(parse_markdown(text)))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout == "1501\n", proc.stderr  # the paragraph, then each item


@pytest.mark.parametrize(
    ("line", "reads"),
    [
        ("- > The dog eats.", "The dog eats."),
        ("> - The dog eats.", "The dog eats."),
        ("- - The dog eats.", "The dog eats."),
        ("* # The dog eats.", "The dog eats."),
        ("1. > The dog eats.", "The dog eats."),
        ("> 2) The dog eats.", "The dog eats."),
    ],
)
def test_markers_nested_on_one_line_are_all_left_out(line: str, reads: str) -> None:
    """Only the outer marker went: "- > The dog eats." was checked as "> The dog eats."."""
    assert [p.text for p in parse_markdown(line + "\n")] == [reads]
