"""modal_forms: a future of a modal verb in a Romance copy of an English modal ("should indicate" /
"deberá indicar", "can drive" / "poderá conduzir") is idiom, not a tense shift; without a modal in
the source, or with a future of another verb, it still counts. Hand-written sentences, none from the
development files: end to end through Apertium for English -> Spanish, hand-written engine views
for Portuguese, Italian and French."""

from __future__ import annotations

import pytest

from pipeline.checks.modal_forms import modal_futures, modals_for_futures

from .helpers import make, run, through


def _tense(source: str, copy: str, tgt: str, forward: str, back: str) -> list[tuple[str, str]]:
    return [
        (f.severity, f.message)
        for f in run("tense", make(source, copy, "en", tgt, forward=forward, back=back))
    ]


@pytest.mark.requires_apertium
@pytest.mark.parametrize(
    "source, copy, flagged",
    [
        (
            "Sort direction the sort indicator should indicate",
            "Dirección de ordenación que el indicador deberá indicar",
            False,
        ),
        ("The file should be saved before closing.", "El archivo deberá guardarse antes de cerrar.", False),
        ("You can change it later.", "Podrá cambiarlo más tarde.", False),
        ("You must restart the computer.", "Tendrá que reiniciar el equipo.", False),
        (
            "The file was saved before closing.",
            "El archivo se guardará antes de cerrar.",
            True,
        ),  # a past told as a future
        (
            "The file is saved before closing.",
            "El archivo deberá guardarse antes de cerrar.",
            True,
        ),  # no modal in the source
    ],
)
def test_a_modals_future_for_an_english_modal_withapertium(source: str, copy: str, flagged: bool) -> None:
    flags = _tense(source, copy, "es", through(source, "eng-spa"), through(copy, "spa-eng"))
    assert bool(flags) is flagged, flags


@pytest.mark.parametrize(
    "source, copy, tgt, forward, back",
    [
        (
            "You can drive the new car.",
            "Poderá conduzir o carro novo.",
            "pt",
            "Pode conduzir o carro novo.",
            "Will be able to drive the new car.",
        ),
        (
            "Users must accept the terms.",
            "Gli utenti dovranno accettare i termini.",
            "it",
            "Gli utenti devono accettare i termini.",
            "The users will have to accept the terms.",
        ),
        (
            "He should restart the computer.",
            "Il devra redémarrer l'ordinateur.",
            "fr",
            "Il devrait redémarrer l'ordinateur.",
            "He will have to restart the computer.",
        ),
    ],
)
def test_other_languages_modal_futures_are_idiom(
    source: str, copy: str, tgt: str, forward: str, back: str
) -> None:
    assert _tense(source, copy, tgt, forward, back) == []
    # the same future of a verb that is no modal still adds a future the source does not have
    plain = {
        "pt": ("conduzir", "conduzirá"),
        "it": ("dovranno accettare", "accetteranno"),
        "fr": ("devra redémarrer", "redémarrera"),
    }[tgt]
    changed = copy.replace("Poderá conduzir", "Conduzirá") if tgt == "pt" else copy.replace(*plain)
    assert _tense(source, changed, tgt, forward, back), changed


def test_counts() -> None:
    assert modal_futures("Deberá indicar y podrán verlo; tendrá que irse, tendrá tiempo.", "es") == 3
    assert modal_futures("anything", "en") is None  # English says its modals without a future
    assert modals_for_futures("You should go and may stay.", "en", 2)
    assert not modals_for_futures("You should go.", "en", 2) and not modals_for_futures("Irá.", "es", 1)
    # a Romance source's modal accounts for a modal's future of Romance copy ("deben" / "deverão")
    assert modals_for_futures("Debe ir.", "es", 1) and modals_for_futures("Devem ter.", "pt", 1)
    assert not modals_for_futures("Debe ir.", "es", 2) and not modals_for_futures("Il part.", "fr", 1)


@pytest.mark.requires_apertium
def test_a_romance_modal_excuses_no_future_turned_past() -> None:
    """A modal in Spanish copy of English says nothing of a future the copy turned into a past (it
    excuses a modal's future only: test_romance_pairs.py)."""
    source = "Your password will expire tomorrow and you must change it"
    copy = "Su contraseña caducó ayer y debe cambiarla"
    flags = _tense(source, copy, "es", through(source, "eng-spa"), through(copy, "spa-eng"))
    assert [severity for severity, _ in flags] == ["major"], flags
