"""The languages a calibration was trained on, and the pairs of a run it was not trained for.

`driftcheck calibrate` records each labelled file's languages in the variant it writes
(`training.files`): "es->en" for a source-aware file, "en" for copy alone (round trip). The report
signature lists them (`calibration.trained_on`) and, where a run's documents go beyond them,
`calibration.not_trained_for`, which `check` turns into one warning line. A source-aware pair is
within them where it was trained on, or shares a language every trained pair has (the shipped
calibration learned es->en and pt->en: every pair with English on one side, which the UI
catalogues measured, en->es as well; not es->pt or fr->es, copy between two Romance languages,
which sends about twice as many correct strings to review). A round trip is within them where its
copy's language was trained on. For a source-aware pair outside them, drift leaves the sentence
encoder out where the calibration has a variant without it (core/judge.pick_variant).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..records import encoder_left_out


def trained_pairs(raw: Mapping[str, Any]) -> list[str]:
    """The languages of the labelled files a calibration variant (`raw`, as stored) was trained on:
    "es->en" per source-aware file, "en" per copy-only one; none where it does not say."""
    training = raw.get("training")
    files = training.get("files", []) if isinstance(training, Mapping) else []
    out = set()
    for f in files:
        if not isinstance(f, Mapping) or not isinstance(f.get("lang"), str):
            continue
        src = f.get("source_lang")
        out.add(f"{src}->{f['lang']}" if isinstance(src, str) else f["lang"])
    return sorted(out)


def not_trained_for(trained: Iterable[str], mode: str, pairs: Iterable[tuple[str | None, str]]) -> list[str]:
    """The run's (source language, copy language) pairs, as "es->pt" (round trip: the copy's
    language), that a calibration trained on `trained` was not trained for (module docstring)."""
    trained = list(trained)
    langs = [set(t.split("->")) for t in trained if "->" in t]
    hub = set.intersection(*langs) if langs else set()
    out = set()
    for src, lang in pairs:
        if mode == "source" and src:
            key = f"{src}->{lang}"
            if key not in trained and not hub & {src, lang}:
                out.add(key)
        elif mode == "roundtrip" and lang not in trained and any("->" not in t for t in trained):
            out.add(lang)
    return sorted(out)


def untrained_warning(signature: Mapping[str, Any]) -> str | None:
    """The warning line for a report whose signature says its calibration was not trained for some
    of its language pairs (`not_trained_for`), or None."""
    cal = signature.get("calibration")
    if not isinstance(cal, Mapping) or not cal.get("not_trained_for"):
        return None
    untrained = cal["not_trained_for"]
    return (
        f"the calibration ({cal.get('source')}) was trained on {', '.join(cal.get('trained_on', []))}, not "
        f"for {', '.join(untrained)}: drift and its thresholds were not measured there"
        + (
            " (drift leaves the sentence encoder out there: its cosines differ between language pairs)"
            if encoder_left_out(signature)
            else ""
        )
        + "; a calibration trained on your own labelled pairs fits them: driftcheck calibrate"
    )
