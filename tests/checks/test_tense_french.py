"""tense in French: futures of verbs in -er, and the engine's French progressive in a back-translation."""

from __future__ import annotations

import pytest

from .helpers import assert_flags, make, run, through


def test_the_engines_french_progressive_is_read_in_a_back_translation_only() -> None:
    """Apertium writes an English progressive in French as "être en" and a present participle; in a
    back-translation that is a progressive ("c'est en forgeant", "est en avant" are not)."""
    from pipeline.checks.tense import BACK_PROGRESSIVE, PROGRESSIVE

    back = BACK_PROGRESSIVE["fr"]
    for text in (
        "ils sont en dépendant",
        "peux être en cherchant",
        "ont été en y ayant",
        "était en se levant",
    ):
        assert back.search(text) is not None, text
        assert PROGRESSIVE["fr"].search(text) is None, text
    for text in ("C'est en forgeant qu'on devient forgeron", "Il est en avant", "La loi est en vigueur"):
        assert back.search(text) is None, text


@pytest.mark.requires_apertium
def test_a_progressive_added_to_french_is_seen_in_the_back_translation_withapertium() -> None:
    """fr->es->en and back: "pouvez aussi demander" told as "can also be seeking" comes back as
    "peux être en cherchant" (an added progressive, both views); "can also seek" keeps the aspect.
    English into French, the engine's own "étaient en attendant" stands for nothing against
    "attendaient"."""
    source = "Vous pouvez aussi demander conseil à d'autres gouvernements."
    forward = through(source, "fr-es", "spa-eng")
    for copy, added in (
        ("You can also be seeking advice from other governments.", True),
        ("You can also seek advice from other governments.", False),
    ):
        back = through(copy, "eng-spa", "es-fr")
        messages = [f.message for f in run("tense", make(source, copy, "fr", forward=forward, back=back))]
        assert ("the translation adds a progressive form the source does not have" in messages) is added, (
            messages
        )
    english = "They were waiting for the bus."
    french = "Ils attendaient le bus."
    forward = through(english, "eng-spa", "es-fr")
    back = through(french, "fr-es", "spa-eng")
    assert run("tense", make(english, french, "en", "fr", forward=forward, back=back)) == []


def test_french_futures_of_verbs_in_er() -> None:
    """ "aidera", "arriveras", "continuerez" are futures; "espéra" (a past), "opéra", "la Riviera" not."""
    from pipeline.checks.tense import FUTURE

    future = FUTURE["fr"]
    for text in ("Cela vous aidera.", "Tu arriveras demain.", "Vous continuerez.", "Il gèrera la crise."):
        assert future.search(text) is not None, text
    for text in ("Il espéra longtemps.", "Un opéra, puis la Riviera.", "Cela vous aiderait."):
        assert future.search(text) is None, text
    inp = make(
        "Cette introduction vous aiderait à apprendre.",
        "This introduction will help you learn.",
        "fr",
        forward="This introduction you would help to learn.",
        back="Cette introduction vous aidera à apprendre.",
    )
    assert "adds a future" in assert_flags("tense", inp).message
