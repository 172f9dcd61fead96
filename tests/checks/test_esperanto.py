"""Esperanto copy (Apertium's eo-en): a weekday said as an adverb ("marde", on Tuesday) failed as a
lost date, a dropped "ne" passed, and wordfreq, which has no Esperanto list, printed its notice on
stderr below the CLI ("You asked for word frequencies in language 'eo'…")."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import check_pairs


@pytest.mark.requires_apertium
def test_esperanto_copy(tmp_path: Path) -> None:
    rows = [
        {"id": "day", "source": "Nobody came on Tuesday.", "translation": "Neniu venis marde."},
        {"id": "ok", "source": "The council approved the new budget.", "translation": "La konsilio aprobis la novan buĝeton."},
        {"id": "not", "source": "He did not sign the agreement.", "translation": "Li subskribis la interkonsenton."},
    ]  # fmt: skip
    code, stderr, got = check_pairs(tmp_path, rows, "en", "eo")
    assert (code, stderr) == (0, "")
    assert [got[k]["verdict"] for k in ("day", "ok")] == ["ok", "ok"], [
        got[k]["flags"] for k in ("day", "ok")
    ]
    assert got["not"]["verdict"] != "ok" and "negation" in {f["check"] for f in got["not"]["flags"]}
