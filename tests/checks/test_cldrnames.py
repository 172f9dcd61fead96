"""cldrnames: a country or language said by another name in the other language (CLDR), and in
English by WordNet's other names and adjectives of a country; the table's builder on a small
WordNet-format database."""

from __future__ import annotations

from pathlib import Path

from pipeline.checks.cldrnames import acronym_at, said_in

from .helpers import assert_flags, ci_script, make, run


def test_a_country_is_named_in_every_variety_of_the_language() -> None:
    """CLDR names countries per regional variety: "Irã" in Brazil, "Irão" in Portugal. Both are
    the name of Iran in a Portuguese source, so "Iran" in the copy says it."""
    assert said_in("Irão", "pt", "Iran will head the movement.", "en")
    assert said_in("Irã", "pt", "Iran will head the movement.", "en")
    assert not said_in("Irão", "pt", "Iraq will head the movement.", "en")


def test_a_country_is_named_by_wordnet_other_english_names_and_adjective() -> None:
    """English says a country by names CLDR does not list: "America", "the USA", "Britain",
    "Holland" and the adjective ("American", "Dutch"), as WordNet's place synsets and relational
    adjectives give them. An acronym among them counts only in capitals ("us" is a pronoun), and
    another country's name never does ("China" sits in WordNet's synset of Taiwan)."""
    assert said_in("Estados Unidos", "pt", "Nowhere more so than in America.", "en")
    assert said_in("Estados Unidos", "pt", "The Russian-American plan.", "en")
    assert said_in("Estados Unidos", "pt", "It hurts the USA.", "en")
    assert said_in("Reino Unido", "pt", "The young activists in Britain.", "en")
    assert said_in("Países Bajos", "es", "Dutch exports grew.", "en")
    assert not said_in("Estados Unidos", "pt", "Tell us more.", "en")
    assert not said_in("Estados Unidos", "pt", "The young activists in Britain.", "en")
    assert not said_in("Taiwan", "pt", "It exports to China.", "en")
    # the other way round: an English source's "America" is the Portuguese copy's "Estados Unidos"
    assert said_in("America", "en", "Nos Estados Unidos.", "pt")
    lost = make(
        "El Reino Unido votó.", "France voted.", forward="The United Kingdom voted.", back="Francia votó."
    )
    assert "'Reino Unido'" in assert_flags("names", lost, severity="critical").message
    said = make(
        "El Reino Unido votó.",
        "Britain voted.",
        forward="The United Kingdom voted.",
        back="Gran Bretaña votó.",
    )
    assert run("names", said) == []


def test_wordnet_places_builder_keeps_proper_synonyms_of_the_name_a_synset_opens_with(tmp_path: Path) -> None:
    """The builder reads WordNet's data files: the synset a CLDR name heads gives its other proper
    names and its relational adjectives (by the pointer's word numbers); a synset where the name is
    not first, a lowercase lemma, an article-led one and another territory's CLDR name do not."""
    nouns = [
        "09044862 15 n 05 United_States 0 America 0 U.S. 0 the_States 0 mainland 0 000 | the country\n",
        "08700000 15 n 02 Taiwan 0 China 0 000 | the island\n",
        "08723006 15 n 01 China 0 000 | the mainland\n",
    ]
    adjs = [
        "02927512 01 a 02 American 0 Chinese 0 002 \\ 09044862 n 0102 \\ 08700000 n 0202 | of the country\n"
    ]
    (tmp_path / "data.noun").write_text("  1 This is a licence line\n" + "".join(nouns), encoding="latin-1")
    (tmp_path / "data.adj").write_text("".join(adjs), encoding="latin-1")
    for name in ("verb", "adv"):
        (tmp_path / f"data.{name}").write_text("", encoding="latin-1")
    table = ci_script("build_places").places(tmp_path, ["China", "Taiwan", "United States"])
    assert table == {"United States": ["America", "American", "US"]}


def test_a_country_is_named_by_cldr_short_and_variant_names() -> None:
    """CLDR keeps short and variant names beside a territory's name, which babel drops: "EUA" is
    the United States in Portuguese, "ONU" the United Nations, "EE. UU." the United States in
    Spanish, "Ivory Coast" and "Türkiye" English names. Each says its territory, and only it; an
    acronym still counts only in capitals."""
    assert said_in("EUA", "pt", "The U.S. will respond.", "en")
    assert said_in("EUA", "pt", "The United States will respond.", "en")
    assert said_in("EUA", "pt", "America will respond.", "en")
    assert said_in("ONU", "pt", "The UN will respond.", "en")
    assert said_in("ONU", "pt", "The United Nations will respond.", "en")
    assert said_in("US", "en", "Os EUA vão responder.", "pt")
    assert said_in("US", "en", "Los EE. UU. responderán.", "es")
    assert said_in("US", "en", "Los EE.UU. responderán.", "es")
    assert said_in("Turquía", "es", "Türkiye will respond.", "en")
    assert said_in("Costa de Marfil", "es", "Ivory Coast will respond.", "en")
    assert not said_in("EUA", "pt", "The UK will respond.", "en")
    assert not said_in("EUA", "pt", "Tell us more.", "en")
    assert not said_in("ONU", "pt", "The US will respond.", "en")
    # a bracket of common words qualifies a name and is none itself: "Congo (República)"
    assert not said_in("República", "es", "Congo will respond.", "en")
    # where a name starts inside an acronym, the whole acronym as said_in reads it
    text = "Los EE. UU. y la ONU votaron."
    assert [acronym_at(text, text.index(w)) for w in ("EE", "UU", "ONU", "votaron")] == [
        "EEUU",
        "EEUU",
        "ONU",
        "",
    ]


def test_cldr_alternates_builder_keeps_names_that_differ_in_the_varieties_read(tmp_path: Path) -> None:
    """The builder reads CLDR's JSON release: a territory's alt names per language, merged over
    its regional locales; one equal to the standard name is dropped, a locale in another script
    ("en-Dsrt") is not read, nor a language babel has no names for."""
    import json

    def locale(name: str, territories: dict[str, str]) -> None:
        folder = tmp_path / "main" / name
        folder.mkdir(parents=True)
        body = {"main": {name: {"localeDisplayNames": {"territories": territories}}}}
        (folder / "territories.json").write_text(json.dumps(body), encoding="utf-8")

    locale("pt", {"US": "Estados Unidos", "US-alt-short": "EUA", "BR-alt-short": "Brasil"})
    locale("pt-PT", {"GB": "Reino Unido", "GB-alt-short": "GB", "US-alt-short": "EUA"})
    locale("en-Dsrt", {"US-alt-short": "𐐏𐐝"})
    locale("xx", {"US-alt-short": "XX"})
    table = ci_script("build_cldr_alt").alternates(tmp_path)
    assert table == {"pt": {"GB": ["GB"], "US": ["EUA"]}}
