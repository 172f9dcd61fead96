"""Morphological evidence: what the two engine views say about parts of speech and verb tenses.

Source-aware mode has two views of a segment in one language each: the copy against the engine's
forward translation of the source (copy language), and the copy's back-translation against the
source (source language). A rule-based engine transfers morphology word by word, so its output
keeps the source's nouns, adjectives, verbs and tenses; a correct translation keeps most of them
too, and a translation that dropped a verb or an adjective, added one, or moved a verb to another
tense differs from the engine's rendering the same way in both views. Apertium's analysers
(engines/apertium_analysis.py) read every side; per part of speech and per tense, the evidence
`pv:<kind>_lost` / `pv:<kind>_new` is the difference both views agree on (the smaller of the
two, zero when they disagree): `pv:tense:future_new` = 1 when the copy has one future more than
the forward translation and the back-translation one more than the source.

Optional evidence, like the sentence encoder's: present when an Apertium analyser is installed
for both languages (`--morph/--no-morph`, `morph = true|false`); a calibration that was trained
with it requires the `pv` group, and a run without it falls back to a variant without it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..engines.apertium_analysis import Reading

GROUP = "pv"
# Apertium tense tags -> the tense they name (Romance: pri present indicative, prs present
# subjunctive, ifi preterite, pii/pis imperfect, fti/fts future, cni conditional; English: pri /
# pres, past).
TENSES = {
    "pri": "present", "pres": "present", "prs": "present",
    "ifi": "past", "pii": "past", "pis": "past", "past": "past",
    "fti": "future", "fts": "future", "cni": "cond",
}  # fmt: skip
FINITE = frozenset({"vblex", "vbser", "vbhaver", "vbmod", "vaux", "vbdo"})
PARTS = ("n", "adj", "adv", "vblex", "np", "num", "prn", "pr", "cnjsub", "det")
KINDS = (
    tuple(f"pos:{p}" for p in PARTS)
    + tuple(f"tense:{t}" for t in ("present", "past", "future", "cond"))
    + ("aspect:ger",)
)


def profile(readings: Sequence[Reading]) -> Counter[str]:
    """How many words of each kind a text has: parts of speech, finite verbs per tense, gerunds."""
    out: Counter[str] = Counter()
    for lemma, tags in readings:
        if not tags:
            continue
        pos = tags[0]
        if pos in PARTS:
            out[f"pos:{pos}"] += 1
        if pos not in FINITE:
            continue
        tense = next((TENSES[t] for t in tags[1:] if t in TENSES), None)
        if pos == "vaux" and lemma in ("will", "shall"):  # English "will" + infinitive
            tense = "cond" if "past" in tags else "future"
        elif lemma == "would":
            tense = "cond"
        if tense is not None:
            out[f"tense:{tense}"] += 1
        if "ger" in tags:
            out["aspect:ger"] += 1
    return out


def features(
    source: Counter[str], copy: Counter[str], forward: Counter[str], back: Counter[str]
) -> dict[str, float]:
    """`pv:<kind>_lost` / `_new`: what both engine views agree the copy lost or gained."""
    out: dict[str, float] = {}
    for kind in KINDS:
        fwd = copy[kind] - forward[kind]  # the copy against the engine's rendering of the source
        bwd = back[kind] - source[kind]  # the copy's back-translation against the source
        out[f"{GROUP}:{kind}_lost"] = float(min(max(0, -fwd), max(0, -bwd)))
        out[f"{GROUP}:{kind}_new"] = float(min(max(0, fwd), max(0, bwd)))
    return out
