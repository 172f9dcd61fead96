"""Conventions of the languages, not of any sentence set: times before a time zone, regional month
abbreviations, names that look like dates or numbers, coordinated decades, number words in
idioms, restrictive negation ("ne ... que", "not ... until"), words the target language owns,
and tense evidence beyond the presence of a future."""

from __future__ import annotations

import pytest

from pipeline.checks.calendar_names import month_abbreviations

from .helpers import assert_flags, assert_passes, make, run


@pytest.mark.parametrize(
    ("source", "target", "src"),
    [
        ("La reunión empezó a las 9:30 GMT.", "The meeting began at 0930 GMT.", "es"),
        ("La séance a été levée à 18 h 15 UTC.", "The session closed at 18.15 UTC.", "fr"),
        ("Il treno parte alle 7:05 CET.", "The train leaves at 0705 CET.", "it"),
        # copy written all in lower case keeps its time zone
        ("Le vol a atterri vers 12 h 00 GMT.", "the flight landed around 1200 gmt.", "fr"),
        ("La reunión empezó a las 9:30 UTC.", "the meeting began at 0930 utc.", "es"),
    ],
)
def test_a_time_before_a_time_zone_is_a_time(source: str, target: str, src: str) -> None:
    assert_passes("dates", make(source, target, src))


def test_a_time_before_a_time_zone_still_compares() -> None:
    assert_flags("dates", make("La reunión empezó a las 9:30 GMT.", "The meeting began at 1130 GMT.", "es"))
    assert_flags("dates", make("La reunión empezó a las 9:30 GMT.", "the meeting began at 1130 gmt.", "es"))


def test_regional_month_abbreviations() -> None:
    assert month_abbreviations("en")["sept"] == 9  # en_GB, en_AU write "Sept"
    assert_passes("dates", make("El plazo vence el 14 de septiembre.", "The deadline is Sept. 14.", "es"))
    assert_flags("dates", make("El plazo vence el 14 de septiembre.", "The deadline is Oct. 14.", "es"))


def test_a_month_name_written_the_same_in_both_is_a_title() -> None:
    inp = make("Elle a chanté « Mars » de Holst hier soir.", 'She sang Holst\'s "Mars" last night.', "fr")
    assert_passes("dates", inp)
    # ... but a month the translation reads as its own date still counts
    assert_flags("dates", make("Il est parti en mars.", "He left in May.", "fr"))


def test_a_number_word_written_the_same_in_both_is_a_name() -> None:
    inp = make("Lo firmó el arquitecto Otto Weber.", "The architect Otto Weber signed it.", "it")
    assert_passes("numbers", inp)
    assert_flags("numbers", make("Arrivarono otto persone.", "Nine people arrived.", "it"))


@pytest.mark.parametrize(
    ("source", "target", "src"),
    [
        ("Dans les années 60 et 70, la ville a grandi.", "In the 1960s and 1970s, the town grew.", "fr"),
        ("Negli anni '50 e '60 la città crebbe.", "In the 1950s and 1960s the city grew.", "it"),
        ("En los años 80 y 90 hubo crisis.", "In the 1980s and 1990s there were crises.", "es"),
    ],
)
def test_coordinated_decades(source: str, target: str, src: str) -> None:
    assert_passes("numbers", make(source, target, src))


def test_a_lost_number_word_is_major_a_lost_or_changed_digit_critical() -> None:
    idiom = run(
        "numbers", make("Il a payé ce vélo deux fois rien.", "He paid next to nothing for the bike.", "fr")
    )
    assert [f.severity for f in idiom] == ["major"]
    changed = run("numbers", make("Llegaron tres personas.", "Four people arrived.", "es"))
    assert [f.severity for f in changed] == ["critical"]
    digits = run("numbers", make("Llegaron 3 personas.", "People arrived.", "es"))
    assert [f.severity for f in digits] == ["critical"]


def test_restrictive_ne_que_is_not_a_negation() -> None:
    assert_passes("negation", make("Il ne reste que deux places.", "Only two seats are left.", "fr"))
    assert_passes("negation", make("Prenez-en ne serait-ce qu'un seul.", "Take just one.", "fr"))
    assert_flags("negation", make("Il ne veut pas que tu partes.", "He wants you to leave.", "fr"))


def test_not_until_for_only_is_weak_evidence() -> None:
    inp = make("El puente abrió solo en 2019.", "The bridge did not open until 2019.")
    assert_passes("negation", inp)
    assert [f.severity for f in run("negation", inp)] == ["minor"]
    assert_flags("negation", make("El puente abrió en 2019.", "The bridge did not open in 2019."))


def test_a_common_word_of_the_target_is_not_untranslated() -> None:
    assert_passes("untranslated", make("Costa 5 euro al chilo.", "It costs 5 euros per kilo.", "it"))
    assert_flags("untranslated", make("Costa 5 euro al chilo.", "It costs 5 euros al chilo.", "it"))


def test_tense_evidence_beyond_presence() -> None:
    # a second future where the source has one: both engine views show it
    inp = make(
        "Si el gobierno aprueba la ley, el precio subirá.",
        "If the government will pass the law, the price will rise.",
        forward="If the government approves the law, the price will rise.",
        back="Si el gobierno aprobará la ley, el precio subirá.",
    )
    assert [(f.check, f.severity) for f in run("tense", inp)] == [("tense", "minor")]
    # the same verb in the other tense than the engine's translation
    inp = make(
        "La ministra dio una respuesta.",
        "The minister gives an answer.",
        forward="The minister gave an answer.",
        back="La ministra da una respuesta.",
    )
    flags = run("tense", inp)
    assert [f.severity for f in flags] == ["minor"] and "'give'" in flags[0].message
    same = make(
        "La ministra dio una respuesta.",
        "The minister gave a reply.",
        forward="The minister gave an answer.",
        back="La ministra dio una respuesta.",
    )
    assert run("tense", same) == []


def test_a_source_language_word_the_engine_kept_is_no_name_that_travels() -> None:
    """An engine passes a word it does not know through unchanged; a word of Portuguese that
    English does not write ("Basileia", "Alfândegas") kept that way is no evidence of a name the
    copy must keep: at most minor evidence, never critical."""
    inp = make(
        "As normas do Acordo de Basileia III e da Organização Mundial das Alfândegas.",
        "The standards of Basel III and of the World Customs Organization.",
        "pt",
        forward="The norms of the Agreement of Basileia III and of the World-wide Organisation of the Alfândegas.",
        back="As normas de Basel III e da Organização Mundial de Alfândegas.",
    )
    assert not [f for f in run("names", inp) if f.severity == "critical"], run("names", inp)
    # a name written in both languages that the copy drops is still critical
    lost = make(
        "O antigo analista Edward Snowden falou na terça-feira.",
        "The former analyst spoke on Tuesday.",
        "pt",
        forward="The former analyst Edward Snowden spoke in the Tuesday.",
        back="O antigo analista falou na terça-feira.",
    )
    assert_flags("names", lost, severity="critical")


def test_a_word_of_the_target_language_the_copy_adds_is_not_a_new_name() -> None:
    """A capitalised English word Portuguese does not write ("Cyberwarfare" at the start) is a rendering the engine cannot confirm (it keeps words it does
    not know in the back-translation too), not a name the copy made up. A name that travels between
    the languages ("Snowden") added by the copy is still one."""
    inp = make(
        "A capacidade bélica cibernética é tão ameaçadora como o conflito convencional.",
        "Cyberwarfare is as threatening as conventional conflict.",
        "pt",
        forward="The warlike capacity cybernetic is so threatening like the conventional conflict.",
        back="Cyberwarfare é tão ameaçador como conflito convencional.",
    )
    flags = run("names", inp)
    assert not [f for f in flags if f.severity in ("major", "critical")], flags
    added = make(
        "Os grevistas de fome morreram na prisão.",
        "The hunger strikers died in Snowden's prison.",
        "pt",
        forward="The strikers of hunger died in the prison.",
        back="Os grevistas de fome morreram na prisão de Snowden.",
    )
    assert_flags("names", added)


def test_a_roman_numeral_is_a_number_not_a_name() -> None:
    """ "século XIX" / "19th century": the numbers check compares the value; names leaves it."""
    inp = make(
        "No final do século XIX a cidade cresceu.", "At the end of the 19th century the city grew.", "pt"
    )
    assert not run("names", inp)
    assert_passes("numbers", inp)
    assert_flags(
        "numbers",
        make(
            "No final do século XIX a cidade cresceu.", "At the end of the 18th century the city grew.", "pt"
        ),
    )


def test_an_exonym_spelt_alike_pairs_with_the_name_it_renders() -> None:
    """ "Losanna" / "Lausanne": the same place spelt in two languages, at the same place in the
    sentence, is one name the engine cannot confirm (info), not a lost and an added name. A name
    replaced by another spelt otherwise ("Losanna" / "Lugano") still is both."""
    inp = make(
        "Le analisi sono state effettuate dai laboratori di Losanna.",
        "The tests were carried out by laboratories in Lausanne.",
        "it",
        forward="The analyses have been carried out by the laboratories of Losanna.",
        back="Le prove sono state effettuate dai laboratori in Lausanne.",
    )
    flags = run("names", inp)
    assert [f.severity for f in flags] == ["info"], flags
    other = make(
        "Le analisi sono state effettuate dai laboratori di Losanna.",
        "The tests were carried out by laboratories in Lugano.",
        "it",
        forward="The analyses have been carried out by the laboratories of Losanna.",
        back="Le prove sono state effettuate dai laboratori in Lugano.",
    )
    assert_flags("names", other, severity="major")


@pytest.mark.parametrize(
    ("source", "src"),
    [
        ("Según el ayuntamiento, el tráfico bajará un 15 por ciento.", "es"),
        ("Il traffico calerà del 15 per cento.", "it"),
        ("O tráfego vai cair 15 por cento.", "pt"),
    ],
)
def test_the_hundred_of_a_percentage_is_no_number(source: str, src: str) -> None:
    """ "15 por ciento" is 15 %: its "ciento" is no hundred the translation must carry."""
    assert_passes("numbers", make(source, "Traffic will fall by 15 per cent.", src))
    assert_flags("numbers", make(source, "Traffic will fall by 25 per cent.", src))


def test_within_one_language_a_name_spelt_alike_is_still_lost() -> None:
    """A round trip that turns "Tirana" into "Tyrant" has lost the name: spellings differ between
    languages, not within one, so the exonym pairing is for source-aware pairs only."""
    inp = make(
        "The delegation arrived in Tirana on Monday.",
        "The delegation arrived in Tyrant on Monday.",
        "en",
        "en",
        mode="roundtrip",
    )
    assert [f.severity for f in run("names", inp) if f.severity != "info"], run("names", inp)
