"""Markup nested deeper than libxml2 reads (256 elements): an HTML page lost everything from there
on, the paragraphs after the deep part too ("no article text found in the HTML page"), and XLIFF or
TMX read "not well-formed XML: Excessive depth in document: 256, use XML_PARSE_HUGE option", a
parser flag no user can set. Such a file is refused with the cause; up to 256 it reads whole."""

from __future__ import annotations

import pytest

from pipeline.errors import InputError
from pipeline.formats.html import parse_html
from pipeline.formats.xmlsafe import parse_xml

TOO_DEEP = (
    "elements nested more than 256 deep (line {}), deeper than driftcheck reads (a safety limit of its "
    "parser, libxml2): flatten the markup"
)


def _page(divs: int) -> str:
    return (
        '<html lang="en"><body><article>\n'
        + "<div>" * divs
        + "<p>The dog eats bread every day in the morning.</p>"
        + "</div>" * divs
        + "\n<p>The cat sleeps on the warm mat all afternoon.</p></article></body></html>\n"
    )


def _xliff(codes: int) -> bytes:
    """An XLIFF 1.2 unit whose target is `codes` <g> deep below the five elements above it."""
    return (
        '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="es" target-language="en" datatype="plaintext" original="x"><body>'
        '<trans-unit id="1"><source>El perro come pan.</source><target>'
        + '<g id="a">' * codes
        + "The dog eats bread."
        + "</g>" * codes
        + "</target></trans-unit></body></file></xliff>\n"
    ).encode()


def test_a_page_nested_too_deep_is_refused_for_that() -> None:
    with pytest.raises(InputError) as caught:
        parse_html(_page(260), "dN.html")
    assert caught.value.message == "dN.html: " + TOO_DEEP.format(2)


def test_a_page_nested_256_deep_reads_whole() -> None:
    """html, body, article, 252 divs and the p: 256 elements."""
    paragraphs, _, _ = parse_html(_page(252), "d.html")
    assert len(paragraphs) == 2


@pytest.mark.parametrize(("codes", "deep"), [(251, False), (252, True)])
def test_xml_nested_too_deep_is_refused_for_that(codes: int, deep: bool) -> None:
    if not deep:
        assert parse_xml(_xliff(codes), "d.xlf") is not None
        return
    with pytest.raises(InputError) as caught:
        parse_xml(_xliff(codes), "d.xlf")
    assert caught.value.message == "d.xlf: " + TOO_DEEP.format(2)
