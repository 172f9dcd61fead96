"""tense: a future or a progressive that appears or disappears, seen from both engine views."""

from __future__ import annotations

import pytest

from .helpers import assert_flags, assert_passes, make, run, through


def test_future_added_flags() -> None:
    inp = make(
        "La relación es difícil.",
        "The relationship will be difficult.",
        forward="The relation is difficult.",
        back="La relación será difícil.",
    )
    flag = assert_flags("tense", inp)
    assert "future" in flag.message and flag.spans[0].field == "text"


def test_future_kept_passes() -> None:
    assert_passes(
        "tense",
        make(
            "La relación será difícil.",
            "The relationship will be difficult.",
            forward="The relation will be difficult.",
            back="La relación será difícil.",
        ),
    )


def test_one_engine_view_agreeing_is_an_idiom() -> None:
    # "es posible que tenga" is a subjunctive where English says "will"; the forward view agrees
    inp = make(
        "Es posible que tenga una reunión.",
        "It is possible that I will have a meeting.",
        forward="It is possible that I will have a meeting.",
        back="Es posible que tendré una reunión.",
    )
    assert_passes("tense", inp)


def test_progressive_added_flags() -> None:
    inp = make(
        "El comité fue fundado en 1937.",
        "The committee was being founded in 1937.",
        forward="The committee was founded in 1937.",
        back="El comité era fundado en 1937.",
    )
    assert "progressive" in assert_flags("tense", inp).message


def test_progressive_dropped_flags() -> None:
    inp = make(
        "Está trabajando en casa.",
        "He works at home.",
        forward="He is working at home.",
        back="Trabaja en casa.",
    )
    assert "drops" in assert_flags("tense", inp).message


def test_going_to_is_not_a_progressive() -> None:
    inp = make("Iba a llover.", "It was going to rain.", forward="It went to rain.", back="Iba a llover.")
    assert_passes("tense", inp)


def test_other_languages() -> None:
    assert_flags("tense", make("Il mange.", "Mangerà.", "fr", "it", mode="roundtrip"))
    assert_passes("tense", make("Ele comerá.", "Ele comerá.", "pt", "pt", mode="roundtrip"))
    assert_flags("tense", make("Il mange.", "Il est en train de manger.", "fr", "fr", mode="roundtrip"))


def test_future_of_a_modal_said_with_a_modal_passes() -> None:
    """ "Poderá" is the future of "poder"; English says "can"/"may" with no future."""
    inp = make(
        "Poderá Israel manter-se como um oásis de estabilidade?",
        "Can Israel remain an oasis of stability?",
        "pt",
        forward="It will be able to Israel maintain like an oasis of stability?",
        back="Pode Israel ficar um oásis de estabilidade?",
    )
    assert_passes("tense", inp)


def test_typographic_apostrophes_are_read_as_plain_ones() -> None:
    """Published English often writes "shouldn’t", "won’t", "it’ll" with a typographic apostrophe:
    the modal that stands for a modal's future and an English future are read all the same, and
    the flag's span still points at the copy's own characters."""
    source = "A água não deverá tornar-se um bem de luxo."
    forward = "The water will not have to become a luxury good."
    back = "El agua no tendría que devenir un bien de lujo."
    for copy in ("Water shouldn't become a luxury good.", "Water shouldn’t become a luxury good."):
        assert [f.severity for f in run("tense", make(source, copy, "pt", forward=forward, back=back))] != [
            "major"
        ]
    assert_passes(
        "tense", make(source, "Water is unlikely to become a luxury good.", "pt", forward=forward, back=back)
    )
    added = make(
        "La crisis termina.",
        "The crisis won’t end.",
        forward="The crisis ends.",
        back="La crisis no terminará.",
    )
    flag = assert_flags("tense", added)
    assert [added.target[s.start : s.end] for s in flag.spans] == ["won’t"]


def test_present_progressive_for_a_simple_present_passes() -> None:
    inp = make(
        "Os mercados indicam que a crise acabou.",
        "Markets are indicating that the crisis is over.",
        "pt",
        forward="The markets indicate that the crisis finished.",
        back="Os mercados estão a indicar que a crise acabou.",
    )
    assert_passes("tense", inp)


def test_periphrastic_future_is_a_future() -> None:
    inp = make(
        "Vamos continuar a trabalhar nesses esforços.",
        "We will continue to build on these efforts.",
        "pt",
        forward="We go to continue to work on these endeavours.",
        back="Continuaremos construir nestes esforços.",
    )
    assert_passes("tense", inp)


def test_will_for_a_present_subjunctive_in_a_that_clause_passes() -> None:
    inp = make(
        "O Fundo estima que o crescimento atinja os 3,7% este ano.",
        "The Fund estimates that growth will reach 3.7% this year.",
        "pt",
        forward="The Fund estimates that the growth reach the 3,7% this year.",
        back="O Fundo estima que o crescimento alcançará 3.7% este ano.",
    )
    assert_passes("tense", inp)


def test_will_added_to_a_main_clause_still_flags() -> None:
    inp = make(
        "O comité é apoiado pela sua equipa.",
        "The committee will be supported by its team.",
        "pt",
        forward="The committee is supported by his team.",
        back="O comité será apoiado pela sua equipa.",
    )
    assert "adds a future" in assert_flags("tense", inp).message


def test_a_future_in_a_question_that_wonders_may_go() -> None:
    inp = make(
        "Será semelhante a outros desafios globais?",
        "Is it similar to other global challenges?",
        "pt",
        forward="It will be similar to other global challenges?",
        back="É semelhante a outros desafios globais?",
    )
    assert_passes("tense", inp)


def test_mesoclitic_future_is_a_future() -> None:
    inp = make(
        "Caso contrário, desmoronar-se-á mais rapidamente.",
        "Otherwise, it falls apart faster.",
        "pt",
        forward="Otherwise, it will fall apart more quickly.",
        back="Caso contrário, cai aparte mais rápido.",
    )
    # read as a future; said in the present with nothing new in the past, it is evidence
    assert "drops a future" in assert_flags("tense", inp, severity="minor").message


def test_one_future_fewer_said_with_a_modal_is_no_evidence() -> None:
    """The counted evidence keeps the presence test's conventions: the copy has one future fewer
    than the engine's and one modal more ("poderá" = "can")."""
    inp = make(
        "Com um mercado forte, a ASEAN poderá conduzir o seu destino e estará mais protegida.",
        "With a strong market, ASEAN can drive its destiny and will be better protected.",
        "pt",
        forward="With a strong market, ASEAN will be able to drive its destiny and will be more protected.",
        back="Com um mercado forte, ASEAN pode conduzir o seu destino e estará melhor protegida.",
    )
    assert_passes("tense", inp)


def test_one_future_fewer_without_a_modal_is_still_evidence() -> None:
    inp = make(
        "A ASEAN conduzirá o seu destino e estará mais protegida.",
        "ASEAN drove its destiny and will be better protected.",
        "pt",
        forward="ASEAN will drive its destiny and will be more protected.",
        back="A ASEAN conduziu o seu destino e estará melhor protegida.",
    )
    assert "fewer future forms" in assert_flags("tense", inp, severity="minor").message


def test_one_future_more_as_will_in_a_that_clause_is_no_evidence() -> None:
    inp = make(
        "O Fundo estima que o crescimento atinja 3,7% e será maior em 2019.",
        "The Fund estimates that growth will reach 3.7% and will be higher in 2019.",
        "pt",
        forward="The Fund estimates that the growth reach 3,7% and will be bigger in 2019.",
        back="O Fundo estima que o crescimento alcançará 3.7% e será maior em 2019.",
    )
    assert_passes("tense", inp)


def test_will_for_a_present_subjunctive_after_a_verb_of_hoping_without_that_passes() -> None:
    """English drops the "that" of a content clause ("Rome hopes local firms will win"): the
    "will" still renders the source's subjunctive. A "will" the main clause adds still flags."""
    inp = make(
        "A Roma si spera che le ditte locali vincano il contratto.",
        "Rome hopes local firms will win the contract.",
        "it",
        forward="To Rome expects that the local firms win the contract.",
        back="Roma spera que le imprese locali vinceranno il contratto.",
    )
    assert_passes("tense", inp)
    inp = make(
        "A Roma le ditte locali vincono il contratto.",
        "In Rome local firms will win the contract.",
        "it",
        forward="To Rome the local firms win the contract.",
        back="A Roma le ditte locali vinceranno il contratto.",
    )
    assert "adds a future" in assert_flags("tense", inp).message


def test_a_form_that_is_also_a_noun_is_read_by_its_neighbour_each_time() -> None:
    """lemminflect is read once per word (checks/verb_tense.py), but whether "places" is a verb
    still depends on the word before it, in every text and at every place."""
    from pipeline.checks.verb_tense import finite_tenses

    assert finite_tenses("It places the order.") == {"place": {"present"}}
    assert finite_tenses("The places are full.") == {"be": {"present"}}
    assert finite_tenses("The places are full and Walmart places orders.") == {
        "be": {"present"},
        "place": {"present"},
    }


def test_english_progressives_read_adverbs_negations_and_adjectives() -> None:
    from pipeline.checks.tense import PROGRESSIVE

    english = PROGRESSIVE["en"]
    assert english.findall("Cheap tablets are already dramatically improving lives.") == [
        "are already dramatically improving"
    ]
    assert english.findall("Turnout isn't growing; prices were not rising.") == [
        "isn't growing",
        "were not rising",
    ]
    # an adjective in -ing with nothing after it is no progressive; with an object it is a verb
    assert english.findall("The results were disappointing.") == []
    assert english.findall("The mayor was opening the bridge.") == ["was opening"]


REDUCED_SOURCE = "As organizações que já estão a ajudar as famílias pedem mais fundos."
REDUCED_FORWARD = "The organisations that already are helping the families ask for more funds."


def test_a_progressive_said_with_its_participle_alone_passes() -> None:
    """A reduced relative clause keeps the engine's progressive verb in -ing ("already helping")."""
    inp = make(
        REDUCED_SOURCE,
        "Organisations already helping the families ask for more funds.",
        "pt",
        forward=REDUCED_FORWARD,
        back="Organizações já ajudando as famílias pedem mais fundos.",
    )
    assert_passes("tense", inp)
    inp = make(
        REDUCED_SOURCE,
        "Organisations that helped the families ask for more funds.",
        "pt",
        forward=REDUCED_FORWARD,
        back="Organizações que ajudaram as famílias pedem mais fundos.",
    )
    assert "drops a progressive" in assert_flags("tense", inp).message


def test_a_portuguese_continuative_perfect_is_a_perfect_progressive() -> None:
    """ "têm protestado" goes on until now: "have been protesting" is its English; a preterite
    ("protestaram") said that way still flags."""
    copy = "The unions have been protesting against the reform."
    back = "Os sindicatos estão a protestar contra a reforma."
    inp = make(
        "Os sindicatos têm protestado contra a reforma.",
        copy,
        "pt",
        forward="The unions have protested against the reform.",
        back=back,
    )
    assert_passes("tense", inp)
    inp = make(
        "Os sindicatos protestaram contra a reforma.",
        copy,
        "pt",
        forward="The unions protested against the reform.",
        back=back,
    )
    assert "adds a progressive" in assert_flags("tense", inp).message


@pytest.mark.requires_apertium
def test_a_progressive_kept_in_its_participle_withapertium() -> None:
    """Portuguese through the Spanish pivot: Apertium renders "que já estão a ajudar" as "that
    already are helping"; the copy's "already helping" keeps the progressive, "that helped" drops it."""
    source = REDUCED_SOURCE
    forward = through(source, "pt-es", "spa-eng")
    for copy, dropped in (
        ("Organisations already helping the families ask for more funds.", False),
        ("Organisations that helped the families ask for more funds.", True),
    ):
        back = through(copy, "eng-spa", "es-pt")
        messages = [f.message for f in run("tense", make(source, copy, "pt", forward=forward, back=back))]
        assert ("the translation drops a progressive form the source has" in messages) is dropped, messages


@pytest.mark.requires_apertium
def test_a_progressive_after_a_modal_says_how_likely_withapertium() -> None:
    """Apertium's real pt->es->en and en->es->pt translations: "pode estar a crescer" ("may be
    growing") is a likelihood, so "may grow" keeps it and "appears to be on the rise" keeps
    "parece estar a crescer"; a progressive without the modal ("está a crescer") dropped for
    "grows" still flags, as does the modal one where the copy drops the modal too."""
    cases = (
        (
            "A procura pode estar a crescer mais depressa do que se pensa.",
            "Demand may grow faster than thought.",
            False,
        ),
        (
            "A participação parece estar a crescer neste ciclo.",
            "Turnout appears to be on the rise this cycle.",
            False,
        ),
        (
            "A procura está a crescer mais depressa do que se pensa.",
            "Demand grows faster than thought.",
            True,
        ),
        (
            "A procura pode estar a crescer mais depressa do que se pensa.",
            "Demand grows faster than thought.",
            True,
        ),
    )
    for source, copy, dropped in cases:
        forward = through(source, "pt-es", "spa-eng")
        back = through(copy, "eng-spa", "es-pt")
        messages = [f.message for f in run("tense", make(source, copy, "pt", forward=forward, back=back))]
        assert ("the translation drops a progressive form the source has" in messages) is dropped, (
            copy,
            messages,
        )
