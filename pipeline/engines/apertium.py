"""Apertium: rule-based translation through the `apertium` binary, batched.

One process per direction per batch: texts are joined with blank lines, the output is
split on blank lines and the counts are checked. `-u` drops the unknown-word marks.
Spawning one process per sentence would cost 0.1-0.3 s each.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess

from ..errors import EngineError, ModelNotFoundError
from . import EngineOptions, tell_progress
from .langs import to_iso1, to_iso3

_MODE = re.compile(r"^([a-z]{2,3})-([a-z]{2,3})$")
_BLANK = re.compile(r"\n[ \t]*\n")


@functools.cache
def installed_modes() -> dict[tuple[str, str], str]:
    """(src, tgt) ISO 639-1 pairs -> apertium mode name, from `apertium -l`."""
    binary = shutil.which("apertium")
    if binary is None:
        return {}
    try:
        out = subprocess.run([binary, "-l"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    modes: dict[tuple[str, str], str] = {}
    for line in out.split():
        m = _MODE.match(line.strip())
        if not m:
            continue  # variants such as spa-eng_US, eco-es-fr
        a, b = to_iso1(m.group(1)), to_iso1(m.group(2))
        if a and b:
            modes.setdefault((a, b), line.strip())
    return modes


def debian_package(src: str, tgt: str) -> str:
    """Best guess at the Debian package for a pair (pairs are packaged in one order)."""
    a, b = to_iso3(src) or src, to_iso3(tgt) or tgt
    first, second = sorted([a, b]) if {a, b} != {"eng", "spa"} else ("eng", "spa")
    return f"apertium-{first}-{second}"


class ApertiumEngine:
    name = "apertium"

    def __init__(self, options: EngineOptions | None = None) -> None:
        self.options = options or EngineOptions()
        self._used: dict[str, str] = {}
        self.calls = 0  # processes spawned, for tests and benchmarks

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

    def translate(self, texts: list[str], src: str, tgt: str) -> list[str]:
        mode = installed_modes().get((src, tgt))
        if mode is None:
            raise ModelNotFoundError(f"apertium cannot translate {src}->{tgt}: {self.install_hint(src, tgt)}")
        self._used[f"{src}-{tgt}"] = mode
        # Blank lines separate texts, so each text must be one line of valid, non-empty text.
        clean = [" ".join(t.split()) for t in texts]
        todo = [i for i, t in enumerate(clean) if t]
        out = [""] * len(texts)
        if not todo:
            return out
        payload = "\n\n".join(clean[i] for i in todo) + "\n"
        self.calls += 1
        tell_progress(self, src, tgt, 0, len(texts))  # one process for the batch: start and end only
        try:
            proc = subprocess.run(
                ["apertium", "-u", mode],
                input=payload.encode("utf-8", errors="replace"),
                capture_output=True,
                timeout=600,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise EngineError(f"apertium {mode} failed to run: {exc}") from exc
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise EngineError(f"apertium {mode} exited with {proc.returncode}: {err[-1] if err else ''}")
        parts = _BLANK.split(proc.stdout.decode("utf-8", "replace").strip("\n"))
        if len(parts) != len(todo):
            raise EngineError(
                f"apertium {mode} returned {len(parts)} segments for {len(todo)} inputs; "
                "the batch could not be split back into sentences"
            )
        for i, part in zip(todo, parts):
            out[i] = " ".join(part.split())
        tell_progress(self, src, tgt, len(texts), len(texts))
        return out

    def direction_signature(self, src: str, tgt: str) -> dict[str, object]:
        """What decides this direction's output (the translation cache keys on it)."""
        return {
            "engine": "apertium",
            "version": apertium_version(),
            "mode": installed_modes().get((src, tgt)),
        }

    def signature(self) -> dict[str, object]:
        return {
            "engine": "apertium",
            "version": apertium_version(),
            "modes": dict(sorted(self._used.items())),
        }


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
