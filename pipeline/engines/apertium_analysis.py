"""Apertium's morphological analysis: the first half of a translation mode, on its own.

Every installed Apertium mode starts by analysing its source language: `lt-proc` with the
language's analyser, then `apertium-tagger` (and `cg-proc` rules where the pair has them) pick one
reading per word: `^dar<vblex><ifi><p3><sg>$` is "dio" (the preterite of "dar"). These stages are
run alone, from the mode file the language data installs (`$APERTIUM_DATADIR/modes/*.mode`, the
format `apertium` itself reads), on one batch of texts: one process chain per language per batch,
texts separated by NUL with the stages' null-flush option (`-z`), Apertium's stream characters
escaped. Nothing is translated; the readings feed the morphological evidence (core/morph.py).
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import subprocess
from pathlib import Path

from ..errors import EngineError
from .langs import to_iso1

Reading = tuple[str, tuple[str, ...]]  # (lemma in lower case, tags: part of speech first)

_STREAM_CHARS = re.compile(r"([\\^$@*/<>{}\[\]#+~])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_WORD = re.compile(r"\^((?:\\.|[^$\\])*)\$")
_TAG = re.compile(r"<([^>]+)>")
_ANALYSIS_STAGES = ("lt-proc", "cg-proc", "apertium-tagger")
MAX_BATCH_CHARS = 100_000  # per process chain
SECONDS_PER_MB = 600.0  # timeout: 60 s + the batch at this pace (measured: ~1 MB in 2 s on a quiet machine)


def modes_dir() -> Path:
    return Path(os.environ.get("APERTIUM_DATADIR") or "/usr/share/apertium") / "modes"


@functools.cache
def analysis_stages(lang: str) -> tuple[tuple[str, ...], ...] | None:
    """The analysis stages (argv lists) of the first installed mode that starts from `lang`, or
    None when no installed pair analyses it."""
    folder = modes_dir()
    if not folder.is_dir():
        return None
    for mode in sorted(folder.glob("*.mode")):
        name = mode.stem
        if "_" in name or name.count("-") != 1 or to_iso1(name.split("-")[0]) != lang:
            continue  # variants (spa-eng_US) and chained modes (eco-es-fr) are skipped
        stages = _stages(mode.read_text(encoding="utf-8", errors="replace"))
        if stages:
            return stages
    return None


def _stages(mode_text: str) -> tuple[tuple[str, ...], ...] | None:
    out: list[tuple[str, ...]] = []
    for stage in mode_text.strip().split("|"):
        argv = [a for a in shlex.split(stage) if a not in ("$1", "$2")]
        if not argv or argv[0] not in _ANALYSIS_STAGES:
            return None
        out.append((argv[0], "-z", *argv[1:]))
        if argv[0] == "apertium-tagger":
            return tuple(out)
    return None


def signature(langs: list[str]) -> dict[str, object]:
    """What decides the readings: the analysis stages per language (their files name the data)."""
    return {
        lang: " | ".join(" ".join(s) for s in analysis_stages(lang) or ()) or None for lang in sorted(langs)
    }


def analyse(texts: list[str], lang: str) -> list[tuple[Reading, ...]]:
    """The readings of every text, in order (empty for a text with no words)."""
    stages = analysis_stages(lang)
    if stages is None:
        raise EngineError(f"no Apertium analyser for {lang} is installed")
    out: list[tuple[Reading, ...]] = []
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and size + len(text) > MAX_BATCH_CHARS:
            out += _run(stages, batch, lang)
            batch, size = [], 0
        batch.append(text)
        size += len(text) + 1
    if batch:
        out += _run(stages, batch, lang)
    return out


def _run(stages: tuple[tuple[str, ...], ...], texts: list[str], lang: str) -> list[tuple[Reading, ...]]:
    data = "".join(_STREAM_CHARS.sub(r"\\\1", _CONTROL.sub(" ", t)) + "\0" for t in texts).encode("utf-8")
    timeout = 60 + SECONDS_PER_MB * len(data) / 1e6
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for argv in stages:
            stdin = procs[-1].stdout if procs else subprocess.PIPE
            procs.append(
                subprocess.Popen(argv, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            )
            if len(procs) > 1 and procs[-2].stdout is not None:
                procs[-2].stdout.close()  # the next stage owns the pipe now
        stdout = _chain(procs, data, timeout)
    except (OSError, subprocess.SubprocessError) as exc:
        raise EngineError(f"the Apertium analyser for {lang} failed: {exc}") from exc
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    parts = stdout.decode("utf-8", "replace").split("\0")
    if len(parts) < len(texts) or any(p.strip() for p in parts[len(texts) :]):
        raise EngineError(f"the Apertium analyser for {lang} lost the text boundaries")
    return [tuple(_readings(p)) for p in parts[: len(texts)]]


def _chain(procs: list[subprocess.Popen[bytes]], data: bytes, timeout: float) -> bytes:
    """Write the input to the first stage from a thread while the last stage's output is read."""
    import threading

    def write() -> None:
        assert procs[0].stdin is not None
        try:
            procs[0].stdin.write(data)
        except BrokenPipeError:
            pass
        finally:
            procs[0].stdin.close()

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    stdout, _ = procs[-1].communicate(timeout=timeout) if len(procs) > 1 else (procs[0].stdout.read(), None)  # type: ignore[union-attr]
    writer.join(timeout)
    for p in procs[:-1]:
        p.wait(timeout)
    if any(p.returncode for p in procs):
        raise subprocess.SubprocessError("a stage exited with " + str([p.returncode for p in procs]))
    return stdout


def _readings(part: str) -> list[Reading]:
    out: list[Reading] = []
    for m in _WORD.finditer(part):
        body = m.group(1)
        cut = body.find("<")
        if cut <= 0:
            continue  # an unknown word (*word) has no tags
        out.append((body[:cut].lower(), tuple(_TAG.findall(body[cut:]))))
    return out
