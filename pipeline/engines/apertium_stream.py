"""One Apertium pipeline run whose output for a text never depends on the other texts of the batch.

Why: Apertium's HMM part-of-speech tagger (`apertium-tagger -g`) keeps state from one text to the
next in a stream. When a word has an ambiguity class its model was not trained with (English "a lot
of": {ADJ, DETQNT_ORD}), `tagger_utils::find_similar_ambiguity_class` looks for a similar class and
writes the one it finds *into the model's open class* (it holds a reference to it), which is the
tag set of every unknown word from then on and the starting point of the next search. So a text
read after such a word in the same process is tagged differently from the same text read alone
("Tremblay resigned" becomes "Tremblay Dimitido" instead of "Dimitió"): a translation depended
on what came before it in its batch, and a Ray shard (a new process) disagreed with a whole run.

The fix keeps one process per stage for the batch, except the tagger: the pipeline of the mode
(`apertium-wblank-mode`, as `apertium -f none -u` runs it) is cut around the tagger stage. The
stages before it run once; the tagger runs once with `-d`, which names every word with a new
ambiguity class (whether a word has one depends on its analyses alone, not on the state); when
there is none, that output is kept; otherwise the tagger runs again over pieces of the batch, each
ending at a text that holds such a word, so every text starts from the model as loaded. The
stages after the tagger keep no state across texts (tests/engines/test_engine_apertium.py checks
that a batch, shuffled, translates each text the same). Modes without `apertium-tagger` run whole.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shlex
import shutil
import signal
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..errors import EngineError

ENV_DATADIR = "APERTIUM_DATADIR"  # where the `apertium` script finds its modes

_STAGE_SPLIT = re.compile(r"\s+\|\s+")
_WARNED = re.compile(r"^Word '(.*)'\.$", re.M)  # apertium-tagger -d: "A new ambiguity class was found."
_NEW_CLASS = "ambiguity class"  # in any wording: unparsed, every text gets a fresh tagger (cut_after)
_CHUNK_END = re.compile(r"\[<dc \d+>\]")  # the marker closing each framed text (apertium.frame)
UNKNOWN_AS = "-n"  # `apertium -u`: unknown words without the * mark ($1 of a mode)


class StageFailed(Exception):
    """A stage did not run to the end; the message says why."""


@dataclass(frozen=True)
class Pipeline:
    """A mode's shell pipeline, cut around its tagger (tagger is None: run `whole`)."""

    before: str
    tagger: str | None
    after: str

    @property
    def whole(self) -> str:
        return " | ".join(p for p in (self.before, self.tagger, self.after) if p)


def modes_dir() -> Path:
    """Where `apertium` finds its modes: $APERTIUM_DATADIR/modes, the default when it is unset or
    empty (the `apertium` script's `${APERTIUM_DATADIR:-…}`)."""
    return Path(os.environ.get(ENV_DATADIR) or "/usr/share/apertium") / "modes"


def mode_path(mode: str) -> str:
    """The mode file `apertium` runs for a mode."""
    return str(modes_dir() / f"{mode}.mode")


_DATA_FILE = re.compile(rb"""(?:^|[\s'"])(/[^\s'"|]+)""")  # an absolute path a stage reads


def data_digest(stages: bytes) -> str:
    """sha256 of a pipeline's text and of every data file its stages read: a pair rebuilt in place
    (new dictionaries or rules under the same paths) is another translation. A few MB, ~10 ms."""
    digest = hashlib.sha256(stages)
    for name in dict.fromkeys(m.group(1) for m in _DATA_FILE.finditer(stages)):
        try:
            with open(name, "rb") as fh:
                digest.update(b"\0" + name + b"\0" + hashlib.sha256(fh.read()).digest())
        except OSError:
            digest.update(b"\0" + name + b"\0-")  # a stage's file that is missing here
    return digest.hexdigest()[:16]


@functools.cache
def mode_digest(path: str) -> str | None:
    """`data_digest` of a mode file (None when unreadable): its stages and the data they read. A
    mode of another data folder, one edited, or a pair rebuilt in place is another translation."""
    try:
        with open(path, "rb") as fh:
            return data_digest(fh.read())
    except OSError:
        return None


@functools.cache
def pipeline(mode: str) -> Pipeline:
    """The stages `apertium -f none -u` runs for a mode; the `apertium` command itself, whole, when
    they cannot be read here."""
    whole = Pipeline(f"apertium -f none -u {shlex.quote(mode)}", None, "")
    path = mode_path(mode)
    if shutil.which("apertium-wblank-mode") is None or not os.path.isfile(path):
        return whole
    try:
        script = subprocess.run(
            ["apertium-wblank-mode", path], capture_output=True, text=True, timeout=30, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return whole
    if not script or "\n" in script:
        return whole
    stages = _STAGE_SPLIT.split(script)
    at = next((i for i, s in enumerate(stages) if s.split()[:1] == ["apertium-tagger"]), None)
    if at is None:
        return Pipeline(script, None, "")
    return Pipeline(" | ".join(stages[:at]), stages[at], " | ".join(stages[at + 1 :]))


def run_stage(script: str, data: bytes, timeout: float, label: str) -> tuple[bytes, bytes]:
    """stdout and stderr of one shell pipeline given `data`; StageFailed when it fails."""
    if not script:
        return data, b""
    try:
        proc = subprocess.run(
            ["bash", "-c", f"set -o pipefail; {script}", "apertium", UNKNOWN_AS, ""],
            input=data,
            capture_output=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        raise StageFailed(f"{label} took longer than {timeout:.0f} s") from None
    except OSError as exc:
        raise EngineError(f"{label} failed to run: {exc.strerror or exc}") from None
    if proc.returncode != 0:
        raise StageFailed(f"{label} {status(proc.returncode)}: {last_line(proc.stderr)}")
    return proc.stdout, proc.stderr


def run_pipeline(pipe: Pipeline, payload: bytes, timeout: float, label: str) -> bytes:
    """The mode's output for a framed batch, each text tagged as if it were alone."""
    if pipe.tagger is None:
        return run_stage(pipe.whole, payload, timeout, label)[0]
    analysed = run_stage(pipe.before, payload, timeout, label)[0]
    return run_stage(pipe.after, tag(pipe.tagger, analysed, timeout, label), timeout, label)[0]


def tag(tagger: str, analysed: bytes, timeout: float, label: str) -> bytes:
    """The tagger's output, with a fresh tagger after every text holding a word of a new ambiguity
    class (only those change the tagger's state). The first run's output holds up to and including
    the first such text; the pieces after it are tagged again, side by side."""
    debug = re.sub(r"^apertium-tagger\b", "apertium-tagger -d", tagger)
    tagged, messages = run_stage(debug, analysed, timeout, label)
    notes = messages.decode("utf-8", "replace")
    if _NEW_CLASS not in notes.lower():
        return tagged
    pieces = cut_after(analysed.decode("utf-8", "surrogateescape"), set(_WARNED.findall(notes)))
    if len(pieces) == 1:
        return tagged
    first = _CHUNK_END.findall(pieces[0])[-1].encode("utf-8")
    at = tagged.find(first)  # markers pass through the tagger (unframe checks they all came back)
    head, todo = (tagged[: at + len(first)], pieces[1:]) if at >= 0 else (b"", pieces)
    with ThreadPoolExecutor(min(4, len(todo))) as pool:
        rest = pool.map(
            lambda piece: run_stage(tagger, piece.encode("utf-8", "surrogateescape"), timeout, label)[0], todo
        )
        return head + b"".join(rest)


def cut_after(stream: str, words: set[str]) -> list[str]:
    """The analysed stream in pieces, each ending with a text that holds one of `words` (its
    surface form as a lexical unit `^form/`); a text is never cut. Without named words (a message
    in another format), every text is its own piece."""
    ends = [m.end() for m in _CHUNK_END.finditer(stream)]
    starts = [0, *ends]
    heads = tuple(f"^{_escape(w)}/" for w in words) + tuple(f"^{w}/" for w in words)
    pieces: list[str] = []
    begin = 0
    for k, end in enumerate(ends):
        chunk = stream[starts[k] : end]
        if not words or any(h in chunk for h in heads):
            pieces.append(stream[begin:end])
            begin = end
    pieces.append(stream[begin:])
    return [p for p in pieces if p]


def _escape(word: str) -> str:
    return re.sub(r"([\[\]\\^$/@<>{}*~#+])", r"\\\1", word)


def status(code: int) -> str:
    """'exited with 3', or 'was stopped by SIGPIPE' (a shell pipeline reports 128 + the signal)."""
    number = -code if code < 0 else code - 128 if code > 128 else 0
    if number:
        try:
            return f"was stopped by {signal.Signals(number).name} (exit status {code})"
        except ValueError:
            pass
    return f"exited with {code}"


def last_line(stderr: bytes) -> str:
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    lines = [
        ln
        for ln in lines
        if not ln.startswith(("Error: A new ambiguity", "Retraining", "Word '", "New ambiguity"))
    ]
    return lines[-1] if lines else "it printed no message"
