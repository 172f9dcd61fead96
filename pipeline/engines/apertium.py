"""Apertium: rule-based translation through the pipeline of an installed Apertium mode, batched.

One pipeline per direction per batch (spawning one per sentence would cost 0.1-1 s each), run by
stage so that each text is translated as if it were alone (apertium_stream.py: Apertium's tagger
otherwise carries state from one text to the next). The batch is framed so that it can always be split back, whatever a text translates to:
driftcheck does Apertium's own text deformatting itself and runs the pipeline on the stream
format (`apertium -f none`). Each text is escaped (`[ ] \\ ^ $ / @ < > { }`), closed with the
sentence end that Apertium's txt deformatter adds (`.[]`, removed again on the way out) and
followed by a superblank marker `[<dc N>]`, which every stage passes through untouched. The
output is read token by token; the markers must come back in order, so a text that
translates to nothing ("would", "¿") keeps its place, and a lost or reordered marker is
detected instead of shifting every later sentence.

Characters Apertium cannot take are replaced by a space first: control characters, Unicode
non-characters (the pipeline silently stops at U+FFFF) and lone surrogates.

When a batch fails (an exit status, a timeout, markers that do not come back), it is cut in
halves until the failing texts are alone: those come back empty and are listed in
`Translations.failed` with the reason, and every other text is translated. If a one-word probe fails
too, Apertium itself is broken and the run stops with one EngineError line.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from collections.abc import Sequence

from ..errors import EngineError, ModelNotFoundError
from . import EngineOptions, ProgressFn, Translations, tell_progress
from .apertium_stream import ENV_DATADIR, StageFailed, mode_digest, mode_path, pipeline, run_pipeline
from .langs import to_iso1, to_iso3

_MODE = re.compile(r"^([a-z]{2,3})-([a-z]{2,3})$")
_ESCAPE = re.compile(r"([\[\]\\^$/@<>{}])")
_PLANE_NONCHARS = "".join(f"\\U{p:04x}fffe\\U{p:04x}ffff" for p in range(1, 17))
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff" + _PLANE_NONCHARS + "]"
)
# the output in stream format: an escaped character, a superblank, or a run of plain text
_TOKEN = re.compile(r"\\(.)|\[((?:\\.|[^\]\\])*)\]|([^\\\[]+|\[)", re.S)
_MARKER = re.compile(r"<dc (\d+)>")
MAX_BATCH_CHARS = 250_000  # per process: bounded memory and timeouts, progress per batch
MIN_CHARS_PER_SECOND = 2_000  # timeout = 30 s + the batch at this speed (measured: ~16,000/s)
PROBE = "Hello."


@functools.cache
def installed_modes() -> dict[tuple[str, str], str]:
    """(src, tgt) ISO 639-1 pairs -> apertium mode name, from what `apertium -l` lists."""
    binary = shutil.which("apertium")
    if binary is None:
        return {}
    modes: dict[tuple[str, str], str] = {}
    for line in listed_modes(binary):
        m = _MODE.match(line.strip())
        if not m:
            continue  # variants such as spa-eng_US, eco-es-fr
        a, b = to_iso1(m.group(1)), to_iso1(m.group(2))
        if a and b:
            modes.setdefault((a, b), line.strip())
    return modes


_SCRIPT_DATADIR = re.compile(r'^APERTIUM_DATADIR="\$\{APERTIUM_DATADIR:-([^}"]+)\}"$', re.M)


def listed_modes(binary: str) -> list[str]:
    """The mode names `apertium -l` prints, in its order (C locale). The `apertium` shell script lists
    `$APERTIUM_DATADIR/modes/*.mode`, its default folder written in the script; read that folder
    directly when the script names it (running the script forks some 35 processes: ~0.05 s of every
    run), else run `apertium -l`."""
    folder = os.environ.get(ENV_DATADIR)
    if not folder:
        try:
            with open(binary, "rb") as fh:
                head = fh.read(8192).decode("utf-8", "replace")
        except OSError:
            head = ""
        found = _SCRIPT_DATADIR.search(head)
        folder = found.group(1) if found else None
    if folder and os.path.isdir(os.path.join(folder, "modes")):
        names = os.listdir(os.path.join(folder, "modes"))
        files = sorted(n for n in names if n.endswith(".mode") and not n.startswith("."))  # as the glob sorts
        return [n.removesuffix(".mode") for n in files]
    try:
        return subprocess.run([binary, "-l"], capture_output=True, text=True, timeout=30).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return []


def debian_package(src: str, tgt: str) -> str:
    """Best guess at the Debian package for a pair (pairs are packaged in one order)."""
    a, b = to_iso3(src) or src, to_iso3(tgt) or tgt
    first, second = sorted([a, b]) if {a, b} != {"eng", "spa"} else ("eng", "spa")
    return f"apertium-{first}-{second}"


def clean(text: str) -> str:
    """One line of text Apertium can take: unsafe characters become spaces, whitespace runs one space."""
    return " ".join(_UNSAFE.sub(" ", text).split())


def frame(texts: list[str]) -> str:
    """The batch in Apertium's stream format, each text closed by a sentence end and its marker."""
    return "".join(_ESCAPE.sub(r"\\\1", t) + f".[][<dc {i}>]" for i, t in enumerate(texts)) + "\n"


def unframe(output: str, n: int) -> list[str] | None:
    """The n translations between the markers, or None when the markers did not come back in order."""
    pieces: list[str] = []
    buf: list[str] = []
    for m in _TOKEN.finditer(output):
        escaped, blank, plain = m.groups()
        if escaped is not None:
            buf.append(escaped)
        elif blank is None:
            buf.append(plain)
        elif (marker := _MARKER.fullmatch(blank)) is not None:
            if int(marker.group(1)) != len(pieces):
                return None
            pieces.append(" ".join("".join(buf).split()))
            buf = []
        elif blank == "":  # `[]` removes the sentence end the framing added before it
            if buf and buf[-1].endswith("."):
                buf[-1] = buf[-1][:-1]
        else:
            buf.append(re.sub(r"\\(.)", r"\1", blank))  # any other superblank: its text
    if len(pieces) != n or "".join(buf).strip():
        return None
    return pieces


class BatchFailed(Exception):
    """One apertium process did not give one output per input; the reason is the message."""


class ApertiumEngine:
    name = "apertium"

    def __init__(self, options: EngineOptions | None = None) -> None:
        self.options = options or EngineOptions()
        self._used: dict[str, str] = {}
        self.calls = 0  # processes spawned, for tests and benchmarks
        self._probed: set[str] = set()

    def directions(self) -> set[tuple[str, str]]:
        return set(installed_modes())

    def supports(self, src: str, tgt: str) -> bool:
        return (src, tgt) in installed_modes()

    def install_hint(self, src: str, tgt: str) -> str:
        if shutil.which("apertium") is None:
            return "the apertium binary is not installed (Debian: apt-get install apertium apertium-eng-spa)"
        return (
            f"no Apertium pair {src}-{tgt} is installed "
            f"(Debian: apt-get install {debian_package(src, tgt)}; apt-cache search apertium lists pairs)"
        )

    def translate(
        self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None = None
    ) -> Translations:
        mode = installed_modes().get((src, tgt))
        if mode is None:
            raise ModelNotFoundError(f"apertium cannot translate {src}->{tgt}: {self.install_hint(src, tgt)}")
        self._used[f"{src}-{tgt}"] = mode
        failed: dict[int, str] = {}  # input index -> why the engine failed on it
        cleaned = [clean(t) for t in texts]
        todo = [i for i, t in enumerate(cleaned) if t]
        out = [""] * len(texts)
        if not todo:
            return Translations(out)
        tell_progress(progress, src, tgt, 0, len(texts))
        batches = _batches(todo, cleaned)
        for n, batch in enumerate(batches):
            outputs, batch_failed = self._bisect(mode, [cleaned[i] for i in batch])
            for k, i in enumerate(batch):
                out[i] = outputs[k]
                if k in batch_failed:
                    failed[i] = batch_failed[k]
            # inputs done so far, counted by position (empty ones were never sent)
            tell_progress(
                progress, src, tgt, batch[-1] + 1 if n + 1 < len(batches) else len(texts), len(texts)
            )
        return Translations(out, failed=failed)

    def _bisect(self, mode: str, texts: list[str]) -> tuple[list[str], dict[int, str]]:
        """Outputs, and the failing texts (index -> reason) isolated by halving the batch."""
        try:
            return self._run(mode, texts), {}
        except BatchFailed as exc:
            if len(texts) == 1:
                self._probe(mode)
                return [""], {0: str(exc)}
            mid = len(texts) // 2
            left, lf = self._bisect(mode, texts[:mid])
            right, rf = self._bisect(mode, texts[mid:])
            return left + right, {**lf, **{k + mid: why for k, why in rf.items()}}

    def _probe(self, mode: str) -> None:
        """A text failed alone: make sure Apertium itself works, else stop with its reason."""
        if mode in self._probed:
            return
        try:
            self._run(mode, [PROBE])
        except BatchFailed as exc:
            raise EngineError(f"apertium {mode} does not work: {exc}") from None
        self._probed.add(mode)

    def _run(self, mode: str, texts: list[str]) -> list[str]:
        payload = frame(texts)
        self.calls += 1
        timeout = 30 + len(payload) / MIN_CHARS_PER_SECOND
        try:
            output = run_pipeline(pipeline(mode), payload.encode("utf-8"), timeout, f"apertium {mode}")
        except StageFailed as exc:
            raise BatchFailed(str(exc)) from None
        pieces = unframe(output.decode("utf-8", "replace"), len(texts))
        if pieces is None:
            raise BatchFailed(f"apertium {mode} lost the text boundaries; its output could not be split back")
        return pieces

    def direction_signature(self, src: str, tgt: str) -> dict[str, object]:
        """What decides this direction's output (the translation cache keys on it)."""
        mode = installed_modes().get((src, tgt))
        return {
            "engine": "apertium",
            "version": apertium_version(),
            "mode": mode,
            # the mode file's bytes: its stages and data files (another APERTIUM_DATADIR, a local
            # build, an edited mode translate otherwise under the same package versions)
            "mode_file": mode_digest(mode_path(mode)) if mode else None,
            # v2: how texts are cleaned and framed; v3: each text tagged as if alone (apertium_stream.py).
            # A new value is a fresh cache namespace: older outputs depended on their batch.
            "framing": "stream-v3",
        }

    def signature(self) -> dict[str, object]:
        return {
            "engine": "apertium",
            "version": apertium_version(),
            "modes": dict(sorted(self._used.items())),
        }


def _batches(todo: list[int], texts: list[str]) -> list[list[int]]:
    """Indices in batches of at most MAX_BATCH_CHARS characters (a longer text goes alone)."""
    batches: list[list[int]] = []
    size = MAX_BATCH_CHARS
    for i in todo:
        if size + len(texts[i]) > MAX_BATCH_CHARS:
            batches.append([])
            size = 0
        batches[-1].append(i)
        size += len(texts[i]) + 12
    return batches


@functools.cache
def apertium_version() -> str:
    """Version of the installed language data (dpkg), which is what changes translations."""
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Package}=${Version}\\n", "apertium", "apertium-*"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    pkgs = [line for line in out.splitlines() if "=" in line and not line.endswith("=")]
    return ", ".join(sorted(pkgs)) or "unknown"
