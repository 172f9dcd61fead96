"""drift: chrF against the engine's rendering of the source, in both directions."""

from __future__ import annotations

from pipeline.checks.drift import chrf

from .helpers import assert_flags, assert_passes, make

SOURCE = "El comité fue fundado en 1937, pero la guerra interrumpió su actividad."
FORWARD = "The committee was founded in 1937, but the war interrupted its activity."
BACK = "El comité fue fundado en 1937, pero la guerra interrumpió su actividad."
OTHER = "Further south is Niagara Falls, while the north is home to unspoilt natural beauty."
OTHER_BACK = "Más al sur está Niagara Falls, mientras el norte es casa a belleza natural."


def test_translation_of_another_sentence_flags() -> None:
    flag = assert_flags("drift", make(SOURCE, OTHER, forward=FORWARD, back=OTHER_BACK))
    assert flag.severity == "major" and "chrF forward" in flag.message and "chrF back" in flag.message


def test_close_translation_passes() -> None:
    assert_passes("drift", make(SOURCE, FORWARD, forward=FORWARD, back=BACK))


def test_one_low_view_is_not_enough() -> None:
    # a free translation can be far from the engine's forward rendering; the back view vouches for it
    assert_passes("drift", make(SOURCE, OTHER, forward=FORWARD, back=BACK))


def test_scores_from_the_score_stage_are_used() -> None:
    inp = make(SOURCE, FORWARD, forward=FORWARD, back=BACK, options={"chrf_forward": 5.0, "chrf_back": 5.0})
    assert_flags("drift", inp)


def test_thresholds_come_from_options() -> None:
    inp = make(
        SOURCE,
        OTHER,
        forward=FORWARD,
        back=OTHER_BACK,
        options={"thresholds.drift_forward_chrf": 1.0, "thresholds.drift_back_chrf": 1.0},
    )
    assert_passes("drift", inp)


def test_round_trip_mode() -> None:
    assert_flags("drift", make(FORWARD, OTHER, "en", "en", mode="roundtrip"))
    assert_passes("drift", make(FORWARD, FORWARD.replace("its", "his"), "en", "en", mode="roundtrip"))


def test_chrf_matches_sacrebleu() -> None:
    from sacrebleu import sentence_chrf

    assert abs(chrf(OTHER, FORWARD) - sentence_chrf(OTHER, [FORWARD]).score) < 1e-9
