"""Copy-only detectors: what round-trip mode sees in the copy itself, with no source.

In round-trip mode a check gets the copy as `source` and its round trip as `target`; these
detectors read the copy alone, so the round trip here is the copy itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.checks import CheckInput
from pipeline.checks.consistency import article_variants, edit_distance
from pipeline.checks.copy import loops
from pipeline.checks.foreign import foreign_spans
from pipeline.checks.language_id import typo_of
from pipeline.checks.scramble import slot_marks
from pipeline.checks.word_order import MAX_P, class_pmi, order_p_value, word_class, words
from pipeline.core.roundtrip import cap_roundtrip
from tests.conftest import run_cli

from .helpers import assert_flags, assert_passes, make, run


def copy(text: str, lang: str = "en", **options: object) -> CheckInput:
    return make(text, text, lang, lang, mode="roundtrip", options=dict(options))


# ---- foreign words ---------------------------------------------------------------------------

FOREIGN = [
    ("The minister said the nuevo plan would start next year.", "nuevo"),
    ("Thousands of people gathered in the square, aunque it was raining.", "aunque"),
    ("The orchestra played until the late evening, et the audience stayed.", "et"),
    ("She bought fresh bread at the bakery und went home.", "und"),
    ("The village council approved the budget avec the new school.", "avec"),
    ("The company announced record profits, según the report.", "según"),
    ("Police closed the road after the accident, вчера evening.", "вчера"),
    ("He visited the museum y the cathedral on the same day.", "y"),
    ("The delegation met the President of the United Estados in the morning.", "Estados"),
]


@pytest.mark.parametrize(("text", "word"), FOREIGN)
def test_foreign_words_are_found_with_their_span(text: str, word: str) -> None:
    inp = copy(text)
    flag = assert_flags("foreign", inp)
    spans = [inp.source[s.start : s.end] for s in flag.spans]
    assert word in spans and f"'{word}'" in flag.message
    assert cap_roundtrip(flag).severity == "major"  # review, never fail on its own


CLEAN = [
    "Leonardo da Vinci painted the Mona Lisa in Florence.",  # name particles
    "The study by Smith et al. was published in 2019.",  # a loan phrase
    "Ludwig van Beethoven was born in Bonn.",
    "They ordered tapas and sangria at a small plaza café.",  # loans English uses
    "The new policy will take effect in Sao Paulo and Buenos Aires.",  # names of places
    "The commitee approved the possibile changes to the sistem.",  # misspellings, not Spanish/Italian
    "Juan Carlos Ortega told reporters the deal was done.",
    "The price is 5 euros per kilo, via the usual channels.",
    "Mr. Nakamura greeted the guests in the lobby.",
    "x and y are the two unknowns, plan b is the fallback.",
    "Hmm, ok.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_names_loans_and_typos_are_not_foreign(text: str) -> None:
    assert_passes("foreign", copy(text))


def test_lower_case_text_asks_more_before_calling_a_name_foreign() -> None:
    # all lower case: "garza" could be a name; a common function word of another language still counts
    assert foreign_spans("the team met maria garza at the hotel near the station", "en") == []
    found = foreign_spans("the team met at the hotel aunque it was late in the evening", "en")
    assert [w for _, _, w, _ in found] == ["aunque"]


def test_the_message_counts_words_in_agreement() -> None:
    """It said "1 word(s) of another language"."""
    one = assert_flags("foreign", copy("the team met at the hotel aunque it was late in the evening"))
    assert one.message == "1 word of another language (where each is most common): 'aunque' (es)"
    two = assert_flags("foreign", copy("The team met at the hotel aunque it was late, pero they stayed."))
    assert (
        two.message == "2 words of another language (where each is most common): 'aunque' (es), 'pero' (es)"
    )


def test_a_typo_of_a_common_word_is_not_foreign() -> None:
    assert typo_of("possibile", "en", 4.0) == "possible"
    assert typo_of("aunque", "en", 4.0) is None


def test_a_sentence_in_another_language_fails_as_wrong_language() -> None:
    inp = copy("El comité aprobó el presupuesto para la nueva escuela del pueblo.")
    flag = assert_flags("wrong_language", inp)
    assert "'es'" in flag.message and flag.severity == "critical"
    assert cap_roundtrip(flag).severity == "critical"  # certain: the one round-trip finding that fails
    assert run("foreign", inp) == []  # reported once


@pytest.mark.parametrize("lang", ["fr", "pt", "it", "ca"])
def test_english_left_in_other_copy_is_wrong_language(lang: str) -> None:
    """English left in French, Portuguese, Italian or Catalan copy was only `foreign` (review): their
    word lists know "the", "year" or "office" well enough that most words counted as their own."""
    for text in ("The minister announced a new plan on Tuesday.", "Prices rose by three percent last year."):
        assert "'en'" in assert_flags("wrong_language", copy(text, lang)).message
    # loans inside a sentence of the copy's language are not a sentence in English
    for text in (
        "Le week-end, nous avons fait du shopping au centre commercial avec des amis.",
        "Le meeting de la start-up a eu lieu dans un open space plein de designers.",
        "O evento de marketing digital teve um workshop sobre branding e social media.",
        "Il manager ha presentato il nuovo business plan durante il meeting di lunedì.",
    ):
        assert run("wrong_language", copy(text, {"Le": "fr", "O ": "pt", "Il": "it"}[text[:2]])) == []


def test_english_with_a_foreign_word_is_not_wrong_language() -> None:
    assert run("wrong_language", copy("The minister said the nuevo plan would start next year.")) == []


def test_a_pivot_that_reads_a_would_be_typo_as_its_own_word_makes_it_foreign() -> None:
    text = "The farmers sold their campos near the river last spring."
    assert foreign_spans(text, "en") == []  # one letter from "campus": read as a typo
    inp = copy(text, pivot_readings={"campos": (("es", "fields"),)})  # the Spanish pivot reads it
    flag = assert_flags("foreign", inp)
    assert [inp.source[s.start : s.end] for s in flag.spans] == ["campos"]
    assert "the es pivot reads it as 'fields'" in flag.message
    # a pivot that only fixes the typo, or reads it as a form of the word one letter away, is no evidence
    assert_passes("foreign", copy(text, pivot_readings={"campos": (("es", "campus"),)}))
    assert_passes("foreign", copy(text, pivot_readings={"campos": (("es", "the campuses"),)}))
    # nor is a reading that is not a word of the copy's language
    assert_passes("foreign", copy(text, pivot_readings={"campos": (("es", "camposanto"),)}))


def test_a_capitalised_word_a_pivot_translates_is_no_name() -> None:
    text = "Thousands of workers joined the Huelga on Monday morning."
    assert foreign_spans(text, "en") == []  # capitalised: could be a name
    found = foreign_spans(text, "en", {"huelga": (("es", "strike"),)})
    assert [w for _, _, w, _ in found] == ["Huelga"]
    # a name passes through the pivot unchanged, so it has no reading and stays a name
    assert foreign_spans("Reporters waited for Siminoff outside the court.", "en", {}) == []


def test_foreign_words_in_spanish_copy() -> None:
    found = foreign_spans("El ministro dijo que el plan, however, empezaría el próximo año.", "es")
    assert [w for _, _, w, _ in found] == ["however"]


# ---- scrambled word order -------------------------------------------------------------------

SCRAMBLED = [
    "Council the of new approved budget the school yesterday for a.",
    "Market prices in of rose the sharply was week last than expected.",
    "They the decision welcomed and but criticised it was late too.",
    "We is going to the with station train early tomorrow.",
]


@pytest.mark.parametrize("text", SCRAMBLED)
def test_scrambled_word_order_is_flagged(text: str) -> None:
    flag = assert_flags("scrambled", copy(text))
    assert "word pairs English does not put in this order" in flag.message


FLUENT = [
    "The council approved the new budget for the school yesterday.",
    "After we left the station, the train was delayed by an hour.",
    "Prices rose more sharply last week than economists had expected.",
    "An honest answer is better than a clever one, the university said.",
    "What are you talking about?",
    "Is it any wonder that the results were delayed?",
    "The decision, which was welcomed by many, came too late for some.",
]


@pytest.mark.parametrize("text", FLUENT)
def test_fluent_english_keeps_its_slots(text: str) -> None:
    assert_passes("scrambled", copy(text))


@pytest.mark.parametrize(
    "text",
    [  # each went to review as scrambled: its identifiers, file names and URLs read as English words
        "Set max_retry_count to 3 in config.yaml.",
        "Visit https://example.com/a_b for more.",
        "Run ./build.sh from /usr/local/bin before you start.",
        "A: Use pip.",  # a label, not the article "A"
    ],
)
def test_technical_copy_is_not_scrambled(text: str) -> None:
    assert_passes("scrambled", copy(text))
    assert_passes("fluency", copy(text))


def test_scrambled_technical_copy_still_flags() -> None:
    assert_flags("scrambled", copy("The of max_retry_count in to set config.yaml the value."))


# Shuffles of sentences written for this test that break no English slot rule: only the
# statistical view of word order sees them.
SHUFFLED_WITHOUT_MARKS = [
    "the next early the year, across will The new said mayor river bridge to traffic open.",
    "end remain repairs summer of until the closed will for the museum The season.",
]


@pytest.mark.parametrize("text", SHUFFLED_WITHOUT_MARKS)
def test_a_shuffle_that_keeps_every_slot_is_caught_by_word_pair_statistics(text: str) -> None:
    assert slot_marks(text) == []
    p = order_p_value(text)
    assert p is not None and p > MAX_P
    assert order_p_value(text) == p  # seeded by the text: the same answer every run
    flag = assert_flags("scrambled", copy(text))
    assert "random orders score higher" in flag.message and flag.spans[0].end == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "The new bridge across the river will open to traffic early next year, the mayor said.",
        "The museum will remain closed for repairs until the end of the summer season.",
        *FLUENT,
    ],
)
def test_english_order_beats_random_orders_of_its_words(text: str) -> None:
    p = order_p_value(text)
    assert p is None or p <= MAX_P
    if len(words(text)) >= 12:
        assert p is not None and p < 0.01  # far above every shuffle


def test_the_order_test_needs_enough_words_and_reads_word_classes() -> None:
    assert order_p_value("Prices rose sharply last week.") is None  # too few orders to tell apart
    assert word_class("the") == "the"  # the most common words are classes of their own
    assert "NOUN" in word_class("bridge") and word_class("xqzv") == "OTHER"
    assert class_pmi("delicious", "bread") > class_pmi("bread", "delicious")  # ADJ NOUN, not NOUN ADJ


def test_open_class_slots_use_the_parts_of_speech_of_english_words() -> None:
    from pipeline.checks.scramble import finite_only

    assert finite_only("predicts") and finite_only("gave")
    assert not finite_only("believed") and not finite_only("cost") and not finite_only("give")
    whys = [why for _, _, why in slot_marks("Experts will predicts growth, and analysts is wrong.")]
    assert whys == [
        "a finite verb where a noun or a plain verb belongs",
        "the verb does not agree with its subject",
    ]
    assert slot_marks("Two years is a long time, and the news was good.") == []


def test_one_a_an_slip_alone_is_a_typo_not_scrambling() -> None:
    assert [why for _, _, why in slot_marks("She ate an pear.")] == [
        "the article does not fit the next sound"
    ]
    assert_passes("scrambled", copy("She ate an pear in the garden."))


def test_scrambled_is_english_only() -> None:
    assert run("scrambled", copy("Consejo el de nuevo aprobó presupuesto el.", "es")) == []


# ---- truncation, empty copy, loops, boilerplate ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["The committee said that the new rules would apply to the", "Talks broke down over the issue of,"],
)
def test_a_copy_that_stops_mid_clause_is_truncated(text: str) -> None:
    flag = assert_flags("truncated", copy(text))
    assert "cut off" in flag.message


@pytest.mark.parametrize(
    "text", ["The committee met on Monday", "Prices rose.", "What were they waiting for?"]
)
def test_a_copy_without_a_full_stop_is_not_truncated(text: str) -> None:
    assert_passes("truncated", copy(text))


@pytest.mark.parametrize("text", [".", "…", " - . "])
def test_a_copy_with_no_words_is_empty_and_fails(text: str) -> None:
    flag = run("empty", copy(text))[0]
    assert flag.severity == "critical" and cap_roundtrip(flag).severity == "critical"


# an emoji or a rating in symbols is what the copy says ("👍" failed as an empty copy)
@pytest.mark.parametrize("text", ["* * *", "---", "A5", "2024", "👍", "★★★★☆", "👨‍👩‍👧 !"])
def test_separators_numbers_and_symbols_are_not_empty(text: str) -> None:
    assert run("empty", copy(text)) == []


def test_translation_loops_are_found_but_a_repeated_word_is_not() -> None:
    assert loops("He said the the the the deal was done.") == []  # four times: a slip
    assert [p for _, _, p, _ in loops("prices of the market of the market of the market rose")] == [
        "of the market"
    ]
    flag = assert_flags("repetition", copy("It was a day of the war of the war of the war of the war."))
    assert "'of the war' 4 times" in flag.message
    assert_passes("repetition", copy("Very, very few people came, he said, very quietly."))


def test_repetition_in_source_mode_counts_only_what_the_source_lacks() -> None:
    looped = "the war of the war of the war of the war"
    assert assert_flags("repetition", make("la guerra", looped))
    assert_passes("repetition", make("la guerra de la guerra de la guerra de la guerra", looped))


@pytest.mark.parametrize(
    "text",
    [
        "Here is the translation: The council met on Monday.",
        "The council met on Monday. (Translated by Google)",
        "As an AI language model, I cannot translate this.",
        "[translation missing]",
        "Lorem ipsum dolor sit amet.",
        "TODO",
    ],
)
def test_boilerplate_of_a_translation_service(text: str) -> None:
    assert_flags("boilerplate", copy(text))


@pytest.mark.parametrize(
    "text", ["The translation of the novel took ten years.", "Google translated 1 billion words."]
)
def test_sentences_about_translation_are_not_boilerplate(text: str) -> None:
    assert_passes("boilerplate", copy(text))


# ---- consistency across the article -----------------------------------------------------------

ARTICLE = (
    "Police in Tirana said the raid began at dawn.",
    "Officers from Tyrana arrested twelve people on 20 June.",
    "The camp held 3,000 people, and 12,500 more lived nearby.",
    "By June 20 only 2.500 remained in the camp outside Tirana.",
    "The Albanian government said the camp in Albania would close.",
)


def test_the_same_name_number_or_date_written_two_ways() -> None:
    found = article_variants(ARTICLE, "en")
    assert "'Tyrana' here, 'Tirana' elsewhere" in found[1][0][2]
    messages = " ".join(m for _, _, m in found[3])
    assert "'2.500' groups thousands differently from '3,000'" in messages
    assert "June 20" in messages or "20 June" in " ".join(m for _, _, m in found[1])
    assert 4 not in found  # Albania / Albanian: a derived form, not a variant
    flag = assert_flags("consistency", copy(ARTICLE[1], article=ARTICLE, article_index=1))
    assert flag.spans and ARTICLE[1][flag.spans[0].start : flag.spans[0].end] == "Tyrana"


def test_consistency_needs_the_article() -> None:
    assert run("consistency", copy(ARTICLE[1])) == []
    assert article_variants(("Paris is big.", "Parks are green in Paris."), "en") == {}


def test_edit_distance_counts_a_swap_as_one() -> None:
    assert edit_distance("tirana", "tyrana") == 1
    assert edit_distance("scholz", "schloz") == 1
    assert edit_distance("albania", "bulgaria") > 2


@pytest.mark.requires_apertium
def test_one_very_long_word_is_checked_within_bounded_memory(tmp_path: Path) -> None:
    """The copy-only typo test built every one-edit variant of a word (length² x alphabet strings):
    a 10,000-letter "word" took over 2.5 GB, 30,000 letters got the process killed. Under a 2.5 GB
    address-space limit the run now finishes like any other."""
    import resource

    (tmp_path / "long.txt").write_text("The house is big. " + "a" * 10_000 + " is here.\n")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2_500_000_000, 2_500_000_000))

    r = run_cli(
        "check", "long.txt", "--engine", "apertium", "--no-cache", "--no-semantic", "-f", "json", "-o", "out.json",
        cwd=tmp_path, preexec_fn=limit,
    )  # fmt: skip
    assert r.code == 0, r.stderr
    assert len(json.loads((tmp_path / "out.json").read_text())["segments"]) == 2
    assert typo_of("a" * 10_000, "en", 3.0) is None and typo_of("huose", "en", 3.0) == "house"
