"""Apertium's morphological analysis: the first half of a translation mode, on its own.

Every installed Apertium mode starts by analysing its source language: `lt-proc` with the
language's analyser, then `apertium-tagger` (and `cg-proc` rules where the pair has them) pick one
reading per word: `^dar<vblex><ifi><p3><sg>$` is "dio" (the preterite of "dar"). These stages are
run alone, from the mode file the language data installs (`$APERTIUM_DATADIR/modes/*.mode`, the
format `apertium` itself reads), on one batch of texts framed as the translation engine frames
them (engines/apertium.py), through the same runner (engines/apertium_stream.py): the tagger
starts afresh after any text that would change its state, so a text's readings never depend on
the rest of its batch. Nothing is translated; the readings feed the morphological evidence
(core/morph.py).
"""

from __future__ import annotations

import functools
import re

from ..errors import EngineError
from .apertium import clean, frame
from .apertium_stream import Pipeline, StageFailed, data_digest, modes_dir, run_pipeline
from .langs import to_iso1

Reading = tuple[str, tuple[str, ...]]  # (lemma in lower case, tags: part of speech first)

_WORD = re.compile(r"\^((?:\\.|[^$\\])*)\$")
_TAG = re.compile(r"<([^>]+)>")
_MARKER = re.compile(r"\[<dc (\d+)>\]")
_ANALYSIS_STAGES = ("lt-proc", "cg-proc", "apertium-tagger")
MAX_BATCH_CHARS = 2_000_000  # per run of the stages (each run loads the analyser: ~0.3 s)
SECONDS_PER_MB = 600.0  # timeout: 60 s + the batch at this pace (measured: ~1 MB in 2 s on a quiet machine)


@functools.cache
def analysis_pipeline(lang: str) -> Pipeline | None:
    """The analysis stages of the first installed mode (by name) that starts from `lang` (cut
    around its tagger), or None when no installed pair analyses it. The choice matters: for
    English, en-eo's tagger gave better evidence than eng-spa's (cross-validated WMT22 ROC AUC
    0.887 against 0.880, apertium+pv+semantic), at more tagger restarts (120 words of an
    untrained class per 1,000 sentences against 46)."""
    folder = modes_dir()
    if not folder.is_dir():
        return None
    for mode in sorted(folder.glob("*.mode")):
        name = mode.stem
        if "_" in name or name.count("-") != 1 or to_iso1(name.split("-")[0]) != lang:
            continue  # variants (spa-eng_US) and chained modes (eco-es-fr) are skipped
        stages = [
            st.strip() for st in mode.read_text(encoding="utf-8", errors="replace").strip().split(" | ")
        ]
        for k, stage in enumerate(stages):
            program = stage.split()[0] if stage else ""
            if program not in _ANALYSIS_STAGES:
                break
            if program == "apertium-tagger":
                return Pipeline(" | ".join(stages[:k]), stage, "")
    return None


def signature(langs: list[str]) -> dict[str, object]:
    """What decides the readings: the analysis stages per language (their files name the data)."""
    out: dict[str, object] = {}
    for lang in sorted(langs):
        pipe = analysis_pipeline(lang)
        out[lang] = None if pipe is None else pipe.whole
    return out


def data_signature(langs: list[str]) -> dict[str, str | None]:
    """The analysers' data per language (`data_digest`): a pair rebuilt or upgraded in place
    reads differently under the same stages."""
    return {lang: _analyser_digest(lang) for lang in sorted(set(langs))}


@functools.cache
def _analyser_digest(lang: str) -> str | None:
    """Once a process, like the mode files' digests: the run's memo key and its rows' both ask."""
    pipe = analysis_pipeline(lang)
    return None if pipe is None else data_digest(pipe.whole.encode("utf-8"))


def analyse(texts: list[str], lang: str) -> list[tuple[Reading, ...]]:
    """The readings of every text, in order (empty for a text with no words). Each distinct text
    is analysed once: its readings never depend on the rest of the batch."""
    pipe = analysis_pipeline(lang)
    if pipe is None:
        raise EngineError(f"no Apertium analyser for {lang} is installed")
    unique = list(dict.fromkeys(clean(t) for t in texts))
    done: list[tuple[Reading, ...]] = []
    batch: list[str] = []
    size = 0
    for text in unique:
        if batch and size + len(text) > MAX_BATCH_CHARS:
            done += _run(pipe, batch, lang)
            batch, size = [], 0
        batch.append(text)
        size += len(text) + 12
    if batch:
        done += _run(pipe, batch, lang)
    readings = dict(zip(unique, done))
    return [readings[clean(t)] for t in texts]


def _run(pipe: Pipeline, texts: list[str], lang: str) -> list[tuple[Reading, ...]]:
    payload = frame(texts).encode("utf-8")
    try:
        stream = run_pipeline(
            pipe, payload, 60 + SECONDS_PER_MB * len(payload) / 1e6, f"apertium analyser ({lang})"
        )
    except StageFailed as exc:
        raise EngineError(str(exc)) from None
    parts = _MARKER.split(stream.decode("utf-8", "replace"))
    if [int(i) for i in parts[1::2]] != list(range(len(texts))):
        raise EngineError(f"the Apertium analyser for {lang} lost the text boundaries")
    return [tuple(_readings(p)) for p in parts[0::2][: len(texts)]]


def _readings(part: str) -> list[Reading]:
    out: list[Reading] = []
    for m in _WORD.finditer(part):
        body = m.group(1)
        cut = body.find("<")
        if cut <= 0:
            continue  # an unknown word (*word) has no tags
        tags = tuple(_TAG.findall(body[cut:]))
        if tags and tags[0] != "sent":
            out.append((body[:cut].lower(), tags))
    return out
