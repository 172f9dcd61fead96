"""negation: negations that languages say in other forms (checks/negation_forms.py).

Correct natural translations written for an audit (none from the development files) that
`negation` called a dropped or added negation, and their shifted counterparts, which stay flagged:
a restrictive negation is "only" ("no es más que", "non è che", "não passa de"), an approximate one
is "hardly" ("casi no", "quasi nessuno"), a prohibition is a negated permission ("prohibida",
"interdite" = "may not"), verbs of not doing negate their infinitive ("declined to", "se negó
a", "advise against exercising"), and an English "-free" compound frees the noun the other side
negates ("palm-oil free").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.checks.negation import count
from pipeline.checks.negation_words import implicit
from tests.conftest import run_cli

from .helpers import make, run, through

ONLY = "This is only the beginning."
DROPPED = "translation has fewer negations than the source (0 vs 1)"
ADDED = "translation has more negations than the source (1 vs 0)"
CLEAN_DROPPED = f"{DROPPED}: the rest of the clause says the same as the engine's"
CLEAN_ADDED = f"{ADDED}: the rest of the clause says the same as the engine's"
RESTRICTED = (
    "the {} says 'only' where the other side says 'more than': "
    "a restriction ('no ... más que') one side lacks"
)


@pytest.mark.parametrize(
    ("text", "lang", "n"),
    [
        # a prohibition's verb, and its participle as a predicate; not a participle beside a noun
        ("Queda prohibida la reproducción total.", "es", 1),
        ("Prohibido fumar.", "es", 1),
        ("La ley prohíbe fumar en los bares.", "es", 1),
        ("No está prohibido fumar.", "es", 2),
        ("Toute reproduction, même partielle, est interdite.", "fr", 1),
        ("È vietato fumare.", "it", 1),
        ("Smoking is strictly prohibited.", "en", 1),
        ("He was banned from driving.", "en", 1),
        ("They distributed a banned newspaper.", "en", 0),
        ("Distribuíram um jornal proibido.", "pt", 0),
        ("Un produit interdit.", "fr", 0),
        # verbs of not doing before their infinitive; not their nouns
        ("The minister declined to comment.", "en", 1),
        ("Experts advise against exercising.", "en", 1),
        ("El ministro se negó a hacer comentarios.", "es", 1),
        ("El ministro declinó hacer comentarios.", "es", 1),
        ("Los expertos desaconsejan conducir de noche.", "es", 1),
        ("Il ministro si è rifiutato di commentare.", "it", 1),
        ("O ministro recusou-se a comentar.", "pt", 1),
        ("Le ministre a refusé de commenter.", "fr", 1),
        ("Negó haber dicho eso.", "es", 0),
        ("A recusa de tentar uma abordagem.", "pt", 0),
        ("El rechazo a negociar.", "es", 0),
        # "hardly" and its like are negators; "apenas" ("only", "just" as often) is not
        ("Hardly anyone showed up.", "en", 1),
        ("Je vois à peine la route.", "fr", 1),
        ("Riesco a malapena a vedere.", "it", 1),
        ("Apenas había gente en la calle.", "es", 0),
        # a restrictive negation is still a negation: "only" on the other side says it
        ("Esto no es más que el principio.", "es", 1),
    ],
)
def test_negations_said_with_a_word_of_their_own(text: str, lang: str, n: int) -> None:
    assert count(text, lang) == n


@pytest.mark.parametrize(
    ("source", "target", "src", "tgt"),
    [
        ("Esto no es más que el principio.", ONLY, "es", "en"),
        (ONLY, "Isto não passa do começo.", "en", "pt"),
        (ONLY, "Isto não é senão o começo.", "en", "pt"),
        (ONLY, "Isto não é mais do que o começo.", "en", "pt"),
        (ONLY, "Non è che l'inizio.", "en", "it"),
        (ONLY, "Non è altro che l'inizio.", "en", "it"),
        ("Casi no vino nadie.", "Hardly anyone showed up.", "es", "en"),
        ("Hardly anyone showed up.", "Non è venuto quasi nessuno.", "en", "it"),
        ("Apenas había gente en la calle.", "There was almost nobody in the street.", "es", "en"),
        ("Em tempos normais é quase impossível.", "In normal times it is hardly possible.", "pt", "en"),
        (
            "Queda prohibida la reproducción total o parcial de este contenido.",
            "No part of this content may be reproduced.",
            "es",
            "en",
        ),
        (
            "Toute reproduction, même partielle, est interdite.",
            "No part of this content may be reproduced.",
            "fr",
            "en",
        ),
        ("Queda prohibido fumar en el edificio.", "Smoking is not allowed in the building.", "es", "en"),
        ("The minister declined to comment.", "Il ministro non ha voluto commentare.", "en", "it"),
        ("El ministro se negó a hacer comentarios.", "The minister declined to comment.", "es", "en"),
        (
            "Los expertos aconsejan no hacer ejercicio después de comer.",
            "Experts advise against exercising after eating.",
            "es",
            "en",
        ),
    ],
)
def test_the_same_negation_in_another_form_is_no_difference(
    source: str, target: str, src: str, tgt: str
) -> None:
    """Both sides say the same: not even a minor note (each was one, or a major or critical flag)."""
    assert run("negation", make(source, target, src, tgt)) == []


@pytest.mark.parametrize(
    ("source", "target", "src", "tgt"),
    [
        ("Esto no es más que el principio.", "This is more than the beginning.", "es", "en"),
        ("Esto no es más que el principio.", "This is not only the beginning.", "es", "en"),
        ("I think it is only the beginning.", "Non credo che sia l'inizio.", "en", "it"),
        ("Casi no vino nadie.", "Almost everyone showed up.", "es", "en"),
        ("Hardly anyone showed up.", "Vino casi todo el mundo.", "en", "es"),
        ("Queda prohibido fumar en el edificio.", "Smoking is allowed in the building.", "es", "en"),
        ("El ministro quiso comentar.", "The minister declined to comment.", "es", "en"),
        ("Los expertos aconsejan no hacer ejercicio.", "Experts advise exercising.", "es", "en"),
        ("El puente no es seguro.", "The bridge is safe.", "es", "en"),
    ],
)
def test_a_real_negation_dropped_or_added_still_flags(source: str, target: str, src: str, tgt: str) -> None:
    flags = run("negation", make(source, target, src, tgt))
    assert [f.severity for f in flags] == ["major"], flags


def test_the_opposite_of_a_permission_is_the_antonym_not_a_negation() -> None:
    """ "permitido" / "forbidden": the prohibition is the opposite the copy says, not a negation it
    adds, so the swap stays critical (it was minor evidence once "forbidden" counted)."""
    inp = make(
        "Está permitido fumar en el edificio.",
        "Smoking is forbidden in the building.",
        forward="It is allowed to smoke in the building.",
        back="Fumar está prohibido en el edificio.",
    )
    assert [f.severity for f in run("antonyms", inp)] == ["critical"]


def test_a_free_compound_frees_the_noun_the_engine_negates() -> None:
    """ "palm-oil free", "palm oil free" and "free of palm oil" say "ne contient pas d'huile de palme"
    where the engine's rendering negates palm oil; another noun is a minor note, and "free" after
    a verb or a copula is no compound at all."""
    source = "Ce produit ne contient pas d'huile de palme."
    forward = "This product does not contain palm oil."
    for copy in (
        "This product is palm-oil free.",
        "This product is palm oil free.",
        "It is free of palm oil.",
    ):
        assert (
            run("negation", make(source, copy, "fr", "en", forward=forward, back="Ce produit est libre."))
            == []
        )
    flags = run(
        "negation",
        make(
            "Ce produit ne contient pas de sucre.",
            "This product is palm-oil free.",
            "fr",
            "en",
            forward="This product does not contain sugar.",
            back="Ce produit est libre.",
        ),
    )
    assert [(f.severity, f.message) for f in flags] == [
        ("minor", f"{DROPPED}; the other side may negate with 'free'")
    ]
    assert implicit("He felt free.", "en") == implicit("It is free.", "en") == ()


def test_only_where_the_source_says_more_than_is_a_restriction_added() -> None:
    """ "Esto es más que el principio" / "This is only the beginning": as many negations, but the
    copy's "only" says "no es más que"; the engine renders the source "more than", without it."""
    inp = make(
        "Esto es más que el principio.",
        ONLY,
        forward="This is more than the beginning.",
        back="Esto es solo el principio.",
    )
    assert [(f.severity, f.message) for f in run("negation", inp)] == [
        ("major", RESTRICTED.format("translation"))
    ]
    same = make(
        "Esto no es más que el principio.",
        ONLY,
        forward="This is not more than the beginning.",
        back="Esto es solo el principio.",
    )
    assert run("negation", same) == []
    # "just over" says "a little more than": no "only"
    over = make(
        "El viaje dura algo más de tres horas.",
        "The trip takes just over three hours.",
        forward="The trip lasts something more than three hours.",
        back="El viaje toma justo sobre tres horas.",
    )
    assert run("negation", over) == []


def _report(
    tmp_path: Path, pairs: dict[str, tuple[str, str]], src: str, tgt: str
) -> dict[str, tuple[str, list[str]]]:
    """Each pair's verdict and negation messages, from the real tool with Apertium."""
    f = tmp_path / "pairs.jsonl"
    rows = [{"id": k, "source": s, "translation": t} for k, (s, t) in pairs.items()]
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "r.json"
    args = ("--source-lang", src, "--lang", tgt, "--fail-on", "never")
    r = run_cli("check", str(f), "--engine", "apertium", "--no-cache", "--no-semantic", "-o", str(out), *args)
    assert r.code == 0, r.stderr
    segs = json.loads(out.read_text(encoding="utf-8"))["segments"]
    return {
        s["id"]: (s["verdict"], [g["message"] for g in s["flags"] if g["check"] == "negation"]) for s in segs
    }


@pytest.mark.requires_apertium
def test_spanish_to_english_with_apertium(tmp_path: Path) -> None:
    pairs = {
        "only": ("Esto no es más que el principio.", ONLY),
        "more_than": ("Esto es más que el principio.", ONLY),
        "restriction_dropped": ("Esto no es más que el principio.", "This is more than the beginning."),
        "hardly": ("Casi no vino nadie.", "Hardly anyone showed up."),
        "hardly_dropped": ("Casi no vino nadie.", "Almost everyone showed up."),
        "prohibited": (
            "Queda prohibida la reproducción total o parcial de este contenido.",
            "No part of this content may be reproduced.",
        ),
        "forbidden": ("Está permitido fumar en el edificio.", "Smoking is forbidden in the building."),
        "against": (
            "Los expertos aconsejan no hacer ejercicio después de comer.",
            "Experts advise against exercising after eating.",
        ),
        "against_dropped": (
            "Los expertos aconsejan no hacer ejercicio después de comer.",
            "Experts advise exercising after eating.",
        ),
        "declined": ("El ministro se negó a hacer comentarios.", "The minister declined to comment."),
        "declined_added": ("El ministro quiso comentar.", "The minister declined to comment."),
    }
    assert _report(tmp_path, pairs, "es", "en") == {
        "only": ("ok", []),
        # raised major, lowered to minor by the budget (negation:major is over it with Apertium):
        # the combiner weighs it, and since the seventh session's retraining drift reviews it
        # without the encoder's cosines (--no-semantic) too, as the default run with them does
        "more_than": ("review", [RESTRICTED.format("translation")]),
        "restriction_dropped": ("review", [DROPPED]),
        "hardly": ("ok", []),
        "hardly_dropped": ("review", [DROPPED]),
        "prohibited": ("ok", []),
        "forbidden": ("fail", [ADDED]),
        "against": ("ok", []),
        "against_dropped": ("fail", [CLEAN_DROPPED]),
        "declined": ("ok", []),
        "declined_added": ("fail", [CLEAN_ADDED]),
    }


@pytest.mark.requires_apertium
def test_english_to_italian_through_spanish_with_apertium(tmp_path: Path) -> None:
    """Apertium translates en↔it through Spanish: "declined to" comes out "ha declinato partorisca
    commentare", which counts as the Italian copy's "non ha voluto" does."""
    pairs = {
        "declined": ("The minister declined to comment.", "Il ministro non ha voluto commentare."),
        "declined_dropped": ("The minister declined to comment.", "Il ministro ha voluto commentare."),
        "che": (ONLY, "Non è che l'inizio."),
        "altro_che": (ONLY, "Non è altro che l'inizio."),
        "credo_che": ("I think it is only the beginning.", "Non credo che sia l'inizio."),
        "hardly": ("Hardly anyone showed up.", "Non è venuto quasi nessuno."),
    }
    assert _report(tmp_path, pairs, "en", "it") == {
        "declined": ("ok", []),
        "declined_dropped": ("fail", [CLEAN_DROPPED]),
        "che": ("ok", []),
        "altro_che": ("ok", []),
        "credo_che": ("fail", [CLEAN_ADDED]),
        "hardly": ("ok", []),
    }


@pytest.mark.requires_apertium
def test_english_to_spanish_and_portuguese_with_apertium(tmp_path: Path) -> None:
    spanish = {
        "only": (ONLY, "Esto no es más que el principio."),
        "more_than": (ONLY, "Esto es más que el principio."),
        "hardly": ("Hardly anyone showed up.", "Casi no vino nadie."),
        "hardly_dropped": ("Hardly anyone showed up.", "Vino casi todo el mundo."),
        "prohibited": (
            "No part of this content may be reproduced.",
            "Queda prohibida la reproducción total o parcial de este contenido.",
        ),
        "against": (
            "Experts advise against exercising after eating.",
            "Los expertos aconsejan no hacer ejercicio después de comer.",
        ),
    }
    assert _report(tmp_path, spanish, "en", "es") == {
        "only": ("ok", []),
        "more_than": ("review", [RESTRICTED.format("source")]),
        "hardly": ("ok", []),
        "hardly_dropped": ("ok", [DROPPED]),
        "prohibited": ("ok", []),
        "against": ("ok", []),
    }
    portuguese = {
        "passa": (ONLY, "Isto não passa do começo."),
        "senao": (ONLY, "Isto não é senão o começo."),
        "mais_do_que": (ONLY, "Isto não é mais do que o começo."),
        "hardly": ("Hardly anyone showed up.", "Quase não apareceu ninguém."),
    }
    assert _report(tmp_path, portuguese, "en", "pt") == {k: ("ok", []) for k in portuguese}


@pytest.mark.requires_apertium
def test_french_to_english_through_spanish_with_apertium(tmp_path: Path) -> None:
    """ "palm-oil free": the engine's "does not contain of oil of palme" negates the compound's noun."""
    pairs = {
        "free": ("Ce produit ne contient pas d'huile de palme.", "This product is palm-oil free."),
        "open_free": ("Ce produit ne contient pas d'huile de palme.", "This product is palm oil free."),
        "interdite": (
            "Toute reproduction, même partielle, est interdite.",
            "No part of this content may be reproduced.",
        ),
        "guere_dropped": ("Je ne vois guère la route.", "I can see the road well."),
        "guere": ("Je ne vois guère la route.", "I can hardly see the road."),
    }
    assert _report(tmp_path, pairs, "fr", "en") == {
        "free": ("ok", []),
        "open_free": ("ok", []),
        "interdite": ("ok", []),
        "guere_dropped": ("fail", [CLEAN_DROPPED]),
        "guere": ("ok", []),
    }


@pytest.mark.requires_apertium
def test_a_hyphenated_negator_of_the_source_accounts_for_no_added_not() -> None:
    """An English strong prefix with a hyphen negates on its own ("non-recursive" / "no recursivo",
    tests/checks/test_ui_strings.py); French "non-", the language's own negator, was counted the
    same way, once per word, and took the flag from a DEMETR copy that adds a "not"."""
    source = (
        "De nombreuses traditions liées à ces fêtes ont été également adoptées par des non-croyants "
        "dans les pays chrétiens et par des non-chrétiens dans le monde."
    )
    copy = (
        "Many traditions not related to these holidays have also been adopted by non-believers in "
        "Christian countries and by non-Christians around the world."
    )
    inp = make(
        source,
        copy,
        "fr",
        "en",
        forward=through(source, "fr-es", "spa-eng"),
        back=through(copy, "eng-spa", "es-fr"),
    )
    assert [f.severity for f in run("negation", inp)] == ["major"]
