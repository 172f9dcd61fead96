"""Kill driftcheck at random moments and look for what it leaves behind.

Each trial starts `driftcheck check` on 2,000 source-aware sentence pairs (Apertium, a shared
translation cache, JSON + HTML into a folder) in a session of its own, sends SIGKILL or SIGTERM
(alternating) at a random moment of the run, and then checks that:

- no process of that session is left (scoring workers, their server, Apertium) after a grace period;
- the cache passes `PRAGMA integrity_check`;
- no partial output exists: no temp file, and any report present is complete.

Each trial's input differs by one sentence, so translations come from the cache (warm after the
first run) but the stored report is never reused: every run scores and checks for real.

    .venv/bin/python benchmarks/kill_stress.py [--trials 20] [--seed 1] [--pairs 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "demetr-es-dev.jsonl"
GRACE_S = 5.0


def make_input(folder: Path, pairs: int, trial: int) -> Path:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = [{"source": r["source"], "translation": r["translation"]} for r in (rows * 2)[: pairs - 1]]
    out.append(
        {"source": f"Esta es la prueba número {trial}.", "translation": f"This is test number {trial}."}
    )
    path = folder / f"pairs-{trial}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    return path


def command(inp: Path, cache: Path, out: Path) -> list[str]:
    return [
        sys.executable, "-c", "from pipeline.cli.app import app; app()", "check", str(inp), "-s", "es",
        "--engine", "apertium", "--cache", str(cache), "-f", "json", "-f", "html", "-o", str(out) + "/",
    ]  # fmt: skip


def session_members(sid: int) -> list[str]:
    """'pid command' of every live process in session `sid` (zombies excluded)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[3]) != sid or fields[0] == "Z":
                continue
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except (OSError, ValueError, IndexError):
            continue
        found.append(f"{entry.name} {cmd[:100]}")
    return found


def leftovers(out: Path) -> list[str]:
    """Partial outputs: temp files, or a report that is not complete."""
    bad = []
    if not out.exists():
        return bad
    for f in out.iterdir():
        if f.name.startswith(".") or ".driftcheck-" in f.name:
            bad.append(f"temp file {f.name}")
        elif f.suffix == ".json":
            try:
                if json.loads(f.read_text(encoding="utf-8")).get("schema_version") != 1:
                    bad.append(f"{f.name}: not a report")
            except ValueError:
                bad.append(f"{f.name}: incomplete JSON")
        elif f.suffix == ".html" and not f.read_text(encoding="utf-8").rstrip().endswith("</html>"):
            bad.append(f"{f.name}: incomplete HTML")
    return bad


def warm_up(tmp: Path, cache: Path, pairs: int, env: dict[str, str]) -> float:
    """A full run first (fills the cache), then the seconds a run with a warm cache takes."""
    warm = subprocess.run(command(make_input(tmp, pairs, -1), cache, tmp / "warm"), env=env)
    if warm.returncode not in (0, 1):
        raise SystemExit("the warm-up run failed")
    t0 = time.perf_counter()
    subprocess.run(command(make_input(tmp, pairs, -2), cache, tmp / "warm2"), env=env)
    return time.perf_counter() - t0


def kill_a_run(
    tmp: Path,
    cache: Path,
    out: Path,
    pairs: int,
    trial: int,
    sig: signal.Signals,
    delay: float,
    env: dict[str, str],
) -> tuple[int, float]:
    """Start a run in a session of its own and send it `sig` after `delay` s; (its pid, the delay used)."""
    while True:  # a run that finished before its kill is tried again, killed sooner
        proc = subprocess.Popen(
            command(make_input(tmp, pairs, trial), cache, out),
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        finished = proc.poll() is not None
        if not finished:
            os.kill(proc.pid, sig)
        proc.wait()
        if not finished:
            return proc.pid, delay
        delay /= 2
        shutil.rmtree(out, ignore_errors=True)


def survivors(sid: int) -> list[str]:
    """The session's processes still alive after the grace period."""
    deadline = time.monotonic() + GRACE_S
    while session_members(sid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return session_members(sid)


def kill_survivors(alive: list[str]) -> None:
    for line in alive:  # never leave them running
        try:
            os.kill(int(line.split()[0]), signal.SIGKILL)
        except OSError:
            pass


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pairs", type=int, default=2000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        cache = tmp / "cache.sqlite3"
        length = warm_up(tmp, cache, args.pairs, env)
        print(f"a run with a warm translation cache takes {length:.1f} s")
        kills = {signal.SIGKILL: 0, signal.SIGTERM: 0}
        for trial in range(args.trials):
            sig = signal.SIGKILL if trial % 2 == 0 else signal.SIGTERM
            out = tmp / f"out-{trial}"
            pid, delay = kill_a_run(
                tmp, cache, out, args.pairs, trial, sig, rng.uniform(0.2, 0.8 * length), env
            )
            kills[sig] += 1
            alive = survivors(pid)
            with sqlite3.connect(cache) as db:
                integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
            partial = leftovers(out)
            ok = not alive and integrity == "ok" and not partial
            failures += not ok
            print(
                f"trial {trial + 1:2d}: {signal.Signals(sig).name} at {delay:5.1f} s  survivors {len(alive)}  "
                f"cache {integrity}  partial outputs {len(partial)}  {'ok' if ok else 'FAIL ' + '; '.join(alive + partial)}"
            )
            kill_survivors(alive)
        print(f"kills: {kills[signal.SIGKILL]} SIGKILL, {kills[signal.SIGTERM]} SIGTERM")
    print(f"{args.trials - failures} of {args.trials} trials clean")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
