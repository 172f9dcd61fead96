"""Translator's notes: asides a translator adds in brackets and signs as such ("(NdT: trickle-down
economics)", "[N. del T.: ...]", "(... – Translator's note)"). They say something about the
translation, not what the other side says, so the other side need not carry them: source-aware
mode masks them out of what the engine and the checks see of a unit, like placeholders (the
report keeps the texts as written).

A note is a bracketed aside (round or square, no nested brackets) holding one of the signatures
translators use in the languages driftcheck reads (a typographic convention, not a vocabulary):
Portuguese "N. do T." / "N. da T." / "NdT" / "Nota do tradutor", Spanish "N. del T." / "N. de la
T.", French and Italian "N.d.T." / "NdT" / "NdlT" / "Note du traducteur" / "Nota del traduttore",
German "Anm. d. Übers." / "A. d. Ü.", English "Translator's note" / "T/N" / "TN:". An aside
without a signature ("(em francês no original)") is content and stays.
"""

from __future__ import annotations

import re

_SIGNATURES = (
    r"N\.\s?d[oa]\s?T\.",  # N. do T., N. da T. (pt)
    r"N\.\s?de(?:l|\sla)\s?T\.",  # N. del T., N. de la T. (es)
    r"N\.\s?d\.\s?T\.",  # N.d.T. (fr, it)
    r"N\.\s?T\.",  # N.T. (pt, es)
    r"NdT",
    r"NdlT",
    r"T/N",
    r"TN(?=:)",
    r"Anm\.\s?d\.\s?Übers\.",
    r"A\.\s?d\.\s?Ü\.",
    # written out, in any case
    r"(?i:nota\sd[oa]\stradu[tç]\w*)",
    r"(?i:nota\sdel?\stradu\w*)",
    r"(?i:note\sdu\straduct\w*)",
    r"(?i:translator['\u2019]s\snote)",
    r"(?i:anmerkung\sdes\sübersetzers)",
)
# a bracketed aside holding a signature as a word of its own (not inside another word)
NOTE = re.compile(r"[(\[][^()\[\]]*?(?<![\w.])(?:" + "|".join(_SIGNATURES) + r")(?!\w)[^()\[\]]*[)\]]")


def note_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the translator's notes in `text`, in order."""
    return [(m.start(), m.end()) for m in NOTE.finditer(text)] if text else []
