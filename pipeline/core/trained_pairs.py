"""The language pairs a calibration was trained on, and a warning for a run it was not trained for.

`driftcheck calibrate` records each labelled file's languages in the variant it writes
(`training.files`); the report signature lists them (`calibration.trained_on`), and the CLI warns
where a source-aware run's documents pair other languages: the shipped calibration learned from
Spanish and Portuguese copy into English, so copy between two Romance languages, or into German,
is judged by weights and thresholds never measured there (README, Natural short copy).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def trained_pairs(raw: Mapping[str, Any]) -> list[str]:
    """The language pairs ("es->en") of the labelled files a calibration variant (`raw`, as stored)
    was trained on; none where it does not say (a file written by hand, a round-trip calibration)."""
    training = raw.get("training")
    files = training.get("files", []) if isinstance(training, Mapping) else []
    return sorted(
        {
            f"{f['source_lang']}->{f['lang']}"
            for f in files
            if isinstance(f, Mapping)
            and isinstance(f.get("source_lang"), str)
            and isinstance(f.get("lang"), str)
        }
    )


def untrained_pairs(data: Mapping[str, Any]) -> str | None:
    """A warning for a source-aware report (its JSON) whose documents pair languages its
    calibration was not trained on: the shipped one learned from Spanish and Portuguese into
    English, and its drift and thresholds were never measured elsewhere. None where they were."""
    cal = data.get("signature", {}).get("calibration")
    trained = cal.get("trained_on") if isinstance(cal, Mapping) else None
    if data.get("mode") != "source" or not trained:
        return None
    run = {
        f"{d.get('source_lang')}->{d.get('lang')}" for d in data.get("documents", []) if d.get("source_lang")
    }
    untrained = sorted(run - set(trained))
    if not untrained:
        return None
    return (
        f"the calibration ({cal.get('source')}) was trained on {', '.join(trained)}, not on "
        f"{', '.join(untrained)}: drift and its thresholds were not measured for that pair "
        "(a calibration trained on your own labelled pairs fits it: driftcheck calibrate)"
    )
