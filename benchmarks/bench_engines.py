"""Engine speed benchmark (issue 7): a plain transformers loop, raw CTranslate2, and
`driftcheck check` end to end, on the same sentences in one run.

    .venv/bin/python benchmarks/bench_engines.py [--sentences 300] [--fixed-len 32] [--device cpu|cuda]

First run builds (under benchmarks/.cache/, git-ignored) two random-weight models with the
exact opus-mt-en-de shape (d_model 512, 6+6 layers, 8 heads, FFN 2048, vocabulary 58,101:
sentencepiece models trained on the text at hand, vocab.json padded up to that size) for
en->de and de->en, and their CTranslate2 int8 conversions. Random weights never stop on
their own, so every translation is forced to exactly --fixed-len output tokens in all
measurements (the engines read DRIFTCHECK_BENCH_FIXED_LEN, which exists for this only).

Measured, each in its own process (wall time and peak RSS from os.wait4):
  (a) plain transformers loop: fp32 (fp16 on CUDA), greedy, batch 16, en->de then de->en
  (b) raw CTranslate2 int8 translate_batch, en->de then de->en (start-up also timed alone)
  (c) `driftcheck check FILE --engine ct2 --pivot de --no-cache --format json`, end to end,
      on the same sentences and on twice as many distinct ones (scaling)
  (d) the cached rerun of the sample article (seeds/albania-camp-raid.en.txt): the stored
      report is reused; and a rerun whose report must be rebuilt from cached translations
  (e) `driftcheck --help`
Sentences: the distinct English sentences of /work/shared/data/demetr-es-dev.jsonl (or
tests' sample text when that file is absent), one paragraph each.
Each measurement runs --repeat times (default 3) and the median run is reported (all values
are kept in the JSON). Results are printed as a table with the ratios, and written to
benchmarks/results/.
The models and the measurements that run inside a child process are in
benchmarks/engine_stages.py.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine_stages import HERE, MODELS, ROOT, SEED, STAGES, ensure_models, load_sentences

# -- measuring ------------------------------------------------------------------------------


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run `cmd`; wall seconds, peak RSS (MB) of the process tree, exit code, stdout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0, started = time.perf_counter(), time.time()
        # as installed for a user: Python may keep compiled bytecode (CI sets PYTHONDONTWRITEBYTECODE)
        full_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT, env={**full_env, **(env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {
            "wall_s": wall,
            "started": started,
            "rss_mb": usage.ru_maxrss / 1024,
            "rc": proc.returncode,
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
        }


def run_stage(name: str, input_file: Path, fixed: int, device: str, threads: int) -> dict[str, Any]:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--stage",
        name,
        "--input",
        str(input_file),
        "--fixed-len",
        str(fixed),
        "--device",
        device,
        "--threads",
        str(threads),
    ]
    result = measure(cmd, {"DRIFTCHECK_BENCH_FIXED_LEN": str(fixed)})
    if result["rc"] != 0:
        raise SystemExit(f"stage {name} failed:\n{result['stderr'][-2000:]}")
    out = {
        **json.loads(result["stdout"].strip().splitlines()[-1]),
        "rss_mb": result["rss_mb"],
        "wall_s": result["wall_s"],
    }
    if "done_at" in out:  # from process start (interpreter included) to the first translation
        out["first_s"] = out.pop("done_at") - result["started"]
    return out


def driftcheck(*args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    return measure([sys.executable, "-c", "from pipeline.cli.app import app; app()", *args], env)


def cli_ready() -> str | None:
    """None when `driftcheck check` runs on the ct2 engine; else why not."""
    probe = driftcheck("check", "--help")
    if probe["rc"] != 0:
        return (probe["stderr"].strip().splitlines() or ["driftcheck check --help failed"])[-1]
    if "--no-cache" not in probe["stdout"] or "--models-dir" not in probe["stdout"]:
        return "`driftcheck check` lacks --no-cache or --models-dir"
    return None


def check_args(path: Path, out: Path, device: str, threads: int) -> list[str]:
    return [
        "check",
        str(path),
        "--lang",
        "en",
        "--engine",
        "ct2",
        "--models-dir",
        str(MODELS),
        "--pivot",
        "de",
        "--device",
        device,
        "--threads",
        str(threads),
        "--format",
        "json",
        "--output",
        str(out),
        "--fail-on",
        "never",
    ]


def end_to_end(path: Path, n: int, fixed: int, device: str, threads: int, tmp: Path) -> dict[str, Any]:
    out = tmp / f"{path.stem}.json"
    result = driftcheck(
        *check_args(path, out, device, threads), "--no-cache", env={"DRIFTCHECK_BENCH_FIXED_LEN": str(fixed)}
    )
    if result["rc"] not in (0, 1):
        raise SystemExit(f"driftcheck check failed: {result['stderr'].strip()[-500:]}")
    segments = len(json.loads(out.read_text(encoding="utf-8"))["segments"])
    return {"wall_s": result["wall_s"], "rss_mb": result["rss_mb"], "sentences": n, "segments": segments}


def clear_reports(cache: Path) -> None:
    """Drop the stored reports, keep the translations: the next run rebuilds its report from them."""
    import sqlite3

    with sqlite3.connect(cache) as db:
        db.execute("DELETE FROM reports")


def median_run(measure_once: Any, key: str, repeat: int) -> dict[str, Any]:
    """Run a measurement `repeat` times; the run with the median `key`, with every value kept."""
    runs = [measure_once() for _ in range(max(1, repeat))]
    runs.sort(key=lambda r: float(r[key]))
    chosen = dict(runs[(len(runs) - 1) // 2])
    chosen["all_" + key] = [round(float(r[key]), 3) for r in runs]
    return chosen


def write_paragraphs(path: Path, sentences: list[str]) -> Path:
    path.write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
    return path


# -- main -----------------------------------------------------------------------------------

Row = tuple[str, str, str, str]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--fixed-len", type=int, default=32, help="output tokens per translation")
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    parser.add_argument(
        "--threads",
        type=int,
        default=os.cpu_count() or 1,
        help="CPU threads for every engine (default: all cores; use fewer on a busy machine)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the random-weight models")
    parser.add_argument("--skip-hf", action="store_true", help="skip (a), the slowest measurement")
    parser.add_argument("--stage", choices=[*sorted(STAGES), "build"], help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def run_child(args: argparse.Namespace) -> None:
    """In a child process: build the models, or run one measurement and print it as one JSON line."""
    if args.stage == "build":
        ensure_models(args.rebuild)
        return
    sentences = json.loads(args.input.read_text(encoding="utf-8"))
    print(json.dumps(STAGES[args.stage](sentences, args.fixed_len, args.device, args.threads)))


def build_models(rebuild: bool) -> None:
    """Built in a child: a forked child's peak RSS starts from its parent's, so the parent stays small."""
    build = [sys.executable, str(Path(__file__).resolve()), "--stage", "build"]
    build += ["--rebuild"] if rebuild else []
    if subprocess.run(build, cwd=ROOT).returncode != 0:
        raise SystemExit("building the benchmark models failed")


def rate(r: dict[str, Any], key: str = "translate_s") -> float:
    return float(r["sentences"]) / float(r[key])


@dataclass
class Run:
    """One benchmark run: its options, a scratch folder, the report it fills and the table it prints."""

    args: argparse.Namespace
    tmp: Path
    report: dict[str, Any]
    rows: list[Row] = field(default_factory=list)

    def median(self, measure_once: Any, key: str) -> dict[str, Any]:
        return median_run(measure_once, key, self.args.repeat)

    def row(self, label: str, r: dict[str, Any], seconds: str, rate_of: str | None = None) -> None:
        """A table row: sentences per second (when `rate_of` is given), seconds, peak MB."""
        speed = f"{rate(r, rate_of):.1f}" if rate_of else ""
        self.rows.append((label, speed, f"{r[seconds]:.2f}", f"{r['rss_mb']:.0f}"))


def measure_engines(run: Run, base: Path) -> None:
    """(a) the transformers loop, (b) raw CTranslate2, and the ct2 engine's start to first translation."""
    args = run.args
    stage_opts = (args.fixed_len, args.device, args.threads)
    if not args.skip_hf:
        a = run.median(lambda: run_stage("hf", base, *stage_opts), "translate_s")
        run.report["a_transformers"] = a
        run.row("(a) transformers loop, fp32 greedy, batch 16", a, "translate_s", "translate_s")
    b = run.median(lambda: run_stage("ct2", base, *stage_opts), "translate_s")
    run.report["b_ct2_raw"] = b
    run.row("(b) raw CTranslate2 int8 translate_batch", b, "translate_s", "translate_s")
    first = run.median(lambda: run_stage("first", base, *stage_opts), "first_s")
    run.report["ct2_first_translation"] = first
    run.row("    ct2 engine: start to first translation", first, "first_s")


def measure_check(run: Run, pool: list[str], n: int) -> None:
    """(c) `driftcheck check` end to end on n sentences, and on 2n distinct ones (scaling)."""
    opts = (run.args.fixed_len, run.args.device, run.args.threads, run.tmp)
    one_x = write_paragraphs(run.tmp / "n.txt", pool[:n])
    two_x = write_paragraphs(run.tmp / "2n.txt", pool)
    c = run.median(lambda: end_to_end(one_x, n, *opts), "wall_s")
    c2 = run.median(lambda: end_to_end(two_x, 2 * n, *opts), "wall_s")
    run.report["c_check"], run.report["c_check_2x"] = c, c2
    run.row("(c) driftcheck check --engine ct2 --no-cache", c, "wall_s", "wall_s")
    run.row(f"    same, {2 * n} distinct sentences", c2, "wall_s", "wall_s")


def measure_cached(run: Run) -> None:
    """(d) the cached rerun of the sample article, and a rerun that rebuilds its report."""
    cache = run.tmp / "cache.sqlite3"
    cached_args = [
        *check_args(SEED, run.tmp / "seed.json", run.args.device, run.args.threads),
        "--cache",
        str(cache),
    ]
    env = {"DRIFTCHECK_BENCH_FIXED_LEN": str(run.args.fixed_len)}
    driftcheck(*cached_args, env=env)  # fills the cache
    d = run.median(lambda: driftcheck(*cached_args, env=env), "wall_s")
    run.report["d_cached_rerun"] = {"wall_s": d["wall_s"], "rss_mb": d["rss_mb"]}
    run.row("(d) cached rerun of the sample article", d, "wall_s")
    # another --fail-on reaches the report: it is rebuilt from cached translations
    rebuilt = [*cached_args[:-4], "--fail-on", "review", *cached_args[-2:]]

    def rebuild_once() -> dict[str, Any]:
        clear_reports(cache)  # keep the translations, drop the stored reports
        return driftcheck(*rebuilt, env=env)

    d2 = run.median(rebuild_once, "wall_s")
    run.report["d_cached_translations"] = {"wall_s": d2["wall_s"], "rss_mb": d2["rss_mb"]}
    run.row("    same, report rebuilt from cached translations", d2, "wall_s")


def measure_help(run: Run) -> None:
    """(e) `driftcheck --help`, median of 5."""
    helps = [driftcheck("--help") for _ in range(5)]
    h = {
        "wall_s": statistics.median(x["wall_s"] for x in helps),
        "rss_mb": max(x["rss_mb"] for x in helps),
    }
    run.report["e_help"] = h
    run.row("(e) driftcheck --help (median of 5)", h, "wall_s")


def ratios(report: dict[str, Any], n: int) -> dict[str, float]:
    """The ratios the issue's floors are stated in, from this run's measurements."""
    out = {}
    if "c_check" in report:
        c_rate = n / report["c_check"]["wall_s"]
        out["c/b (floor 0.9)"] = c_rate / rate(report["b_ct2_raw"])
        if "a_transformers" in report:
            out["c/a (floor 4)"] = c_rate / rate(report["a_transformers"])
        doubled = report["c_check_2x"]["wall_s"] / report["c_check"]["wall_s"]
        out["time 2x input / 1x input (ceiling 2.2)"] = doubled
    if "a_transformers" in report:
        out["b/a"] = rate(report["b_ct2_raw"]) / rate(report["a_transformers"])
    return out


def print_report(run: Run, n: int) -> None:
    args, report = run.args, run.report
    print(
        f"\n{n} sentences, round trip en->de->en, {args.fixed_len} output tokens each, median of {args.repeat} runs, "
        f"device {args.device}, {args.threads} thread(s) on {os.cpu_count()} CPUs; "
        f"distinct texts per direction: {report['b_ct2_raw']['distinct']}"
    )
    width = max(len(r[0]) for r in run.rows)
    print(f"{'':{width}}  {'sent/s':>8}  {'seconds':>8}  {'peak MB':>8}")
    for label, speed, seconds, rss in run.rows:
        print(f"{label:{width}}  {speed:>8}  {seconds:>8}  {rss:>8}")
    print()
    for key, value in report["ratios"].items():
        print(f"{key}: {value:.2f}")


def main() -> None:
    args = parse_args()
    sys.path.insert(0, str(ROOT))
    if args.stage:  # child process
        run_child(args)
        return
    build_models(args.rebuild)
    n = args.sentences
    pool = load_sentences(2 * n)
    report: dict[str, Any] = {
        "sentences": n,
        "fixed_len": args.fixed_len,
        "device": args.device,
        "cpus": os.cpu_count(),
        "threads": args.threads,
    }
    with tempfile.TemporaryDirectory() as tmpdir:
        run = Run(args, Path(tmpdir), report)
        base = run.tmp / "sentences.json"
        base.write_text(json.dumps(pool[:n]), encoding="utf-8")
        measure_engines(run, base)
        why_not = cli_ready()
        if why_not:
            print(f"skipping (c), (d), --help: the CLI is not ready ({why_not})", file=sys.stderr)
        else:
            measure_check(run, pool, n)
            measure_cached(run)
            measure_help(run)
    report["ratios"] = ratios(report, n)
    print_report(run, n)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / f"bench_engines-{args.device}.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
