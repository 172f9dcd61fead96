"""negation: as many negated clauses in the translation as in the source."""

from __future__ import annotations

import pytest

from pipeline.checks.negation import count
from pipeline.checks.negation_words import implicit

from .helpers import assert_flags, assert_passes, make, run

SAME = [
    pytest.param("No vive en México.", "He doesn't live in Mexico.", "es", "en", id="no=n't"),
    pytest.param("No dijo nada.", "He said nothing.", "es", "en", id="negative concord"),
    pytest.param("Nunca viene.", "He never comes.", "es", "en", id="nunca=never"),
    pytest.param(
        "Es el No. 5 de la lista.", "It is number 5 on the list.", "es", "en", id="No. 5 is a number sign"
    ),
    pytest.param("It ranks No 5.", "Ocupa el puesto 5.", "en", "es", id="No 5"),
    pytest.param("No obstante, ganó.", "Nevertheless, he won.", "es", "en", id="no obstante"),
    pytest.param("Il ne mange pas.", "He does not eat.", "fr", "en", id="fr ne...pas"),
    pytest.param("Er kommt nicht.", "No viene.", "de", "es", id="de nicht"),
    pytest.param("Non è vero.", "Não é verdade.", "it", "pt", id="it-pt"),
    pytest.param("No ha logrado clasificarse.", "It has failed to qualify.", "es", "en", id="failed to"),
]

DIFFERENT = [
    pytest.param("Vive en México.", "He does not live in Mexico.", "es", "en", id="added not"),
    pytest.param("No vive en México.", "He lives in Mexico.", "es", "en", id="dropped no"),
    pytest.param("Il mange.", "He doesn't eat.", "fr", "en", id="fr added"),
    pytest.param("Nadie vino.", "Everybody came.", "es", "en", id="nadie dropped"),
]


@pytest.mark.parametrize(("source", "target", "src", "tgt"), SAME)
def test_same_polarity_passes(source: str, target: str, src: str, tgt: str) -> None:
    assert_passes("negation", make(source, target, src, tgt))


@pytest.mark.parametrize(("source", "target", "src", "tgt"), DIFFERENT)
def test_changed_polarity_flags(source: str, target: str, src: str, tgt: str) -> None:
    # no engine view to say the rest of the clause is the same: major (evidence unless in budget)
    assert assert_flags("negation", make(source, target, src, tgt)).severity == "major"


IMPLICIT = [
    pytest.param(
        "A técnica permanece não regulamentada.",
        "The technique remains unregulated.",
        "The technique remains not regulated.",
        "A técnica permanece desregulada.",
        id="morphological negation",
    ),
    pytest.param(
        "O progresso será incremental e não revolucionário.",
        "Progress will be incremental rather than revolutionary.",
        "The progress will be incremental and not revolutionary.",
        "O progresso será incremental mais que revolucionário.",
        id="rather than",
    ),
    pytest.param(
        "Muitos acabam por não obter a formação.",
        "Many end up without the training.",
        "Many finish by not obtaining the formation.",
        "Muitos acabam sem a formação.",
        id="without",
    ),
]


@pytest.mark.parametrize(("source", "target", "forward", "back"), IMPLICIT)
def test_negation_said_with_a_word_is_minor_evidence(
    source: str, target: str, forward: str, back: str
) -> None:
    """Both engine views disagree on the count, but the side with fewer negators negates with a
    word or an affix: a difference of wording, reported as minor evidence for the calibrated judge."""
    inp = make(source, target, "pt", "en", forward=forward, back=back)
    assert_passes("negation", inp)
    assert "may negate with" in assert_flags("negation", inp, severity="minor").message


def test_negation_dropped_without_a_trace_stays_critical() -> None:
    inp = make(
        "A técnica não é regulamentada.",
        "The technique is regulated.",
        "pt",
        "en",
        forward="The technique is not regulated.",
        back="A técnica é regulada.",
    )
    assert assert_flags("negation", inp).severity == "critical"


@pytest.mark.parametrize(
    ("source", "target", "forward", "back"),
    [
        pytest.param(
            "El contrato no está firmado por el director.",
            "The contract is signed by the director.",
            "The contract is not signed by the director.",
            "El contrato está firmado por el director.",
            id="dropped: the negated words stand un-negated",
        ),
        pytest.param(
            "El gobierno aprobó la nueva ley.",
            "The government did not approve the new law.",
            "The government approved the new law.",
            "El gobierno no aprobó la ley nueva.",
            id="added: the copy negates what the engine says plainly",
        ),
    ],
)
def test_an_unambiguous_polarity_change_is_critical(
    source: str, target: str, forward: str, back: str
) -> None:
    inp = make(source, target, forward=forward, back=back)
    flag = assert_flags("negation", inp)
    assert flag.severity == "critical" and "the rest of the clause says the same" in flag.message


def test_a_reworded_clause_is_not_unambiguous() -> None:
    # the engine negates ("do not remember"), the copy rewords ("escapes me"): other words
    inp = make(
        "No recuerdo su nombre.",
        "His name escapes me.",
        forward="I do not remember his name.",
        back="Su nombre me escapa.",
    )
    assert assert_flags("negation", inp).severity == "major"


def test_not_only_with_words_between() -> None:
    assert count("A hiperconectividade não cria apenas novas oportunidades.", "pt") == 0
    assert count("Hyper-connectivity not only creates new opportunities.", "en") == 0


def test_engine_views_veto_an_idiom() -> None:
    # The back-translation keeps the source's polarity: a cue-list difference, not a meaning change.
    inp = make(
        "Sin duda vendrá.",
        "He will certainly come, no doubt about it.",
        forward="Without doubt it will come.",
        back="Sin duda vendrá, sin duda.",
    )
    assert_passes("negation", inp)


def test_moved_negation_flags() -> None:
    inp = make(
        "Prometió seguir, aunque no dio detalles.",
        "He didn't promise to continue, and he gave details.",
        forward="He promised to continue, although he did not give details.",
        back="No prometió continuar, y dio detalles.",
    )
    assert "different word" in assert_flags("negation", inp).message


@pytest.mark.parametrize(
    ("text", "lang", "n"),
    [
        ("No, no lo sé.", "es", 2),
        ("No. 5 ganó.", "es", 0),
        ("Je n'ai rien vu.", "fr", 1),
        ("Weder A noch B.", "de", 1),
        ("He can't and won't.", "en", 2),
        ("Não fez nada.", "pt", 1),
        ("Non ho visto nessuno.", "it", 1),
        # "or not" closing an alternative (before a punctuation mark, a conjunction or the end)
        # negates nothing; before what it negates it does
        ("Whether spoken or not, it is a source of anguish.", "en", 0),
        ("Whether one likes it or not and whether it is good policy or not – it holds.", "en", 0),
        ("Should universities survive (or not) in a global market?", "en", 0),
        ("Whether or not to go is his choice.", "en", 0),
        ("It is either too much or not enough.", "en", 1),
        ("Quer se goste ou não e seja uma boa política ou não - é o direito.", "pt", 0),
        ("O Egipto terá um papel de orientador (quer queira quer não).", "pt", 0),
        ("Te guste o no, vendrá.", "es", 0),
        ("O trabajas o no hay dinero.", "es", 1),
    ],
)
def test_counts(text: str, lang: str, n: int) -> None:
    assert count(text, lang) == n


def test_until_says_as_long_as_not() -> None:
    """ "Until" negates the clause it replaces ("while ... not"): a difference of wording."""
    inp = make(
        "Mientras el público no lo valore, el reto seguirá.",
        "Until the public values it, the challenge will remain.",
        forward="While the public does not value it, the challenge will remain.",
        back="Hasta que el público lo valora, el reto quedará.",
    )
    assert_passes("negation", inp)
    assert "'until'" in assert_flags("negation", inp, severity="minor").message


def test_not_unless_is_a_restriction() -> None:
    """ "Can only ... if" and "cannot ... unless" say the same: one negation more, no flip."""
    inp = make(
        "Solo podrá corregirse si todos aceptan.",
        "It cannot be corrected unless everyone agrees.",
        forward="It can only be corrected if everyone accepts.",
        back="No puede ser corregido a no ser que todo el mundo acuerda.",
    )
    assert_passes("negation", inp)
    assert "restriction" in assert_flags("negation", inp, severity="minor").message


def test_unless_without_only_still_flags() -> None:
    inp = make(
        "Podrá corregirse si todos aceptan.",
        "It cannot be corrected unless everyone agrees.",
        forward="It can be corrected if everyone accepts.",
        back="No puede ser corregido a no ser que todo el mundo acuerda.",
    )
    assert_flags("negation", inp)


def test_until_the_source_says_too_does_not_explain_a_dropped_negation() -> None:
    """ "No ... hasta junio" / "until June": the engine writes "until" as well, so the copy's
    "until" renders "hasta", not the negation it dropped."""
    inp = make(
        "El tráfico no estará permitido hasta junio.",
        "Traffic will be allowed until June.",
        forward="Traffic will not be allowed until June.",
        back="El tráfico será permitido hasta junio.",
    )
    assert assert_flags("negation", inp).severity == "critical"


def test_no_more_than_is_a_restriction() -> None:
    """ "borrow no more than the budget allows" says "only borrow what it allows": with "only" on
    the other side it is the same restriction (as "no es más que" is "only"), no difference at all
    (it was a minor note)."""
    inp = make(
        "El gobierno solo puede pedir prestado lo que el presupuesto permite.",
        "The government may borrow no more than the budget allows.",
        forward="The government only can borrow what the budget allows.",
        back="El gobierno puede pedir prestado no más de lo que el presupuesto permite.",
    )
    assert run("negation", inp) == []


def test_an_added_negation_is_not_explained_by_a_word_that_only_looks_negative() -> None:
    """ "inmigrantes" reads as in-migrantes; the engine renders it plainly and its back-translation
    keeps it beside the copy's new "no": the added negation stands (major: the source's
    look-alike leaves it short of unambiguous). "Noruega" is no no-ruega at all: a prefix that is
    the language's negator negates only hyphenated ("no-violento")."""
    inp = make(
        "Noruega exporta petróleo a los inmigrantes.",
        "Norway does not export oil to the immigrants.",
        forward="Norway exports oil to the immigrants.",
        back="Noruega no exporta petróleo a los inmigrantes.",
    )
    flag = assert_flags("negation", inp, severity="major")
    assert "does not read 'inmigrantes'" in flag.message and "noruega" not in flag.message
    assert implicit("Noruega y la novela", "es") == () and implicit("una vía no-violenta", "es") == ("no",)
    assert implicit("Não-alinhados e nonnos", "pt") == ("nao",)
    # a word the engine renders as a negation too still explains the difference
    inp = make(
        "El proyecto es insuficiente.",
        "The project is not enough.",
        forward="The project is insufficient.",
        back="El proyecto no es bastante.",
    )
    assert "may negate with 'insuficiente'" in assert_flags("negation", inp, severity="minor").message


def test_english_prefixes_negate_where_wordnet_says_so() -> None:
    """A weak prefix makes an English word negative only where WordNet pairs it with the rest as
    antonyms: "disagree", "insufficient", "unfit"; "immigrant", "increase" and "intended" negate
    nothing. The strong prefixes keep their rule ("unreported")."""
    assert implicit("We disagree: it is insufficient and unfit, and unreported.", "en") == (
        "disagree",
        "insufficient",
        "unfit",
        "unreported",
    )
    assert implicit("The immigrant intended an increase.", "en") == ()
    # "not" negates as a prefix only hyphenated: "not-so-subtle", never "notable"
    assert implicit("a not-so-subtle, notable shift", "en") == ("not",)
    # "Even if we disagree" says "Mesmo que não concordemos": the difference is one of wording
    inp = make(
        "Mesmo que não concordemos, fico satisfeito.",
        "Even if we disagree, I am glad.",
        "pt",
        forward="Even if we do not agree, I am satisfied.",
        back="Aunque discrepamos, estoy contento.",
    )
    assert "may negate with 'disagree'" in assert_flags("negation", inp, severity="minor").message


def test_idioms_whose_negative_word_negates_nothing() -> None:
    """ "Sin embargo" is "however", and the "sino" of "no sólo ... sino" completes "not only":
    neither explains a negation the copy adds."""
    assert implicit("Sin embargo, está convencida.", "es") == ()
    assert implicit("No sólo de Europa sino del mundo.", "es") == ()
    assert implicit("No es rojo sino azul.", "es") == ("sino",)
    assert implicit("Não só isto, senão aquilo.", "pt") == ()
    inp = make(
        "Sin embargo, Pilata está convencida de que Lerik tiene futuro.",
        "However, Pilata is not convinced that Lerik has a future.",
        forward="However, Pilata is convinced that Lerik has future.",
        back="Aun así, Pilata no está convencida que Lerik tiene un futuro.",
    )
    assert "the rest of the clause" in assert_flags("negation", inp, severity="critical").message


def test_algum_after_its_noun_negates_unless_a_negator_comes_first() -> None:
    """ "de modo algum" is "in no way", "en modo alguno" "in no way": "algum" after its noun, in a
    phrase with a preposition, negates; after "não" in its clause it is concord (one negation),
    and before its noun it is "some" ("de algum modo")."""
    assert count("Isto pode ajudar, mas de modo algum o desculpa.", "pt") == 1
    assert count("Mas não foi de forma alguma o único obstáculo.", "pt") == 1
    assert count("De algum modo, funcionou.", "pt") == 0
    assert count("En modo alguno lo aceptaré.", "es") == 1
    inp = make(
        "Isto pode ajudar a explicar o que aconteceu em Delhi, mas de modo algum o desculpa.",
        "This might help to explain what happened in Delhi, but it does not in any way excuse it.",
        "pt",
        forward="This can help to explain what happened in Delhi, but of way some excuses it.",
        back="Esto puede ayudar para explicar qué pasó en Delhi, pero no lo excusa en cualquier manera.",
    )
    assert_passes("negation", inp)
