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
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

T_START = time.perf_counter()
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
MODELS = CACHE / "models"
SEED = ROOT / "seeds" / "albania-camp-raid.en.txt"
DEMETR = ROOT.parent / "shared" / "data" / "demetr-es-dev.jsonl"
OPUS_MT_VOCAB = 58101
DIRECTIONS = (("en", "de"), ("de", "en"))
# Large random weights make the output depend on the input (at 0.02 every input gives the
# same string); outputs still repeat, so every measurement translates each distinct text
# once per direction, as driftcheck does, and the report gives the distinct counts.
INIT_STD = 1.0


# -- building the models --------------------------------------------------------------------


def corpus_text() -> dict[str, str]:
    """Training text for the sentencepiece models, per language."""
    sys.path.insert(0, str(ROOT / "tests"))
    from tiny_marian import ENGLISH, GERMAN

    english = [ENGLISH, SEED.read_text(encoding="utf-8")]
    spanish: list[str] = []
    if DEMETR.is_file():
        for line in DEMETR.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            english.append(row["translation"])
            spanish.append(row["source"])
    # German text is scarce here; the Spanish side gives the German spm a realistic size.
    return {"en": "\n".join(english), "de": "\n".join([GERMAN, *spanish])}


def ensure_models(rebuild: bool) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    sys.path.insert(0, str(ROOT))
    from tiny_marian import OPUS_MT_SIZES, build_marian

    from pipeline.engines import models
    from pipeline.engines.marian import _quiet

    text = corpus_text()
    for seed, (src, tgt) in enumerate(DIRECTIONS):
        folder = models.marian_dir(MODELS, src, tgt)
        if rebuild or not models.is_marian_folder(folder):
            shutil.rmtree(folder, ignore_errors=True)
            print(f"building random-weight opus-mt-{src}-{tgt} shape model in {folder} ...", file=sys.stderr)
            with _quiet():
                build_marian(
                    folder,
                    src,
                    tgt,
                    text_src=text[src],
                    text_tgt=text[tgt],
                    sizes=OPUS_MT_SIZES,
                    spm_vocab_size=8000,
                    vocab_pad_to=OPUS_MT_VOCAB,
                    max_length=512,
                    init_std=INIT_STD,
                    seed=seed,
                )
        if rebuild or not models.is_ct2_folder(models.ct2_dir(MODELS, src, tgt)):
            print(f"converting {folder.name} to CTranslate2 int8 ...", file=sys.stderr)
            models.convert(f"{src}-{tgt}", MODELS, quantization="int8", force=True)


def load_sentences(n: int) -> list[str]:
    pool: list[str] = []
    if DEMETR.is_file():
        for line in DEMETR.read_text(encoding="utf-8").splitlines():
            pool.append(" ".join(json.loads(line)["translation"].split()))
    pool += [s for s in SEED.read_text(encoding="utf-8").splitlines() if len(s.split()) > 3]
    unique = [s for s in dict.fromkeys(pool) if len(s.split()) >= 3]
    if len(unique) < n:
        raise SystemExit(f"only {len(unique)} distinct sentences here: use --sentences {len(unique) // 2}")
    return unique[:n]


# -- stages, each run in a child process ----------------------------------------------------


def stage_hf(sentences: list[str], fixed: int, device: str, threads: int, batch: int = 16) -> dict[str, Any]:
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from pipeline.engines.marian import _quiet

    torch.set_num_threads(threads)
    t_load = time.perf_counter()
    loaded = {}
    with _quiet():
        for src, tgt in DIRECTIONS:
            folder = MODELS / f"opus-mt-{src}-{tgt}"
            model = AutoModelForSeq2SeqLM.from_pretrained(folder).eval()
            if device == "cuda":
                model = model.half().to("cuda")
            loaded[(src, tgt)] = (AutoTokenizer.from_pretrained(folder), model)
    load_s = time.perf_counter() - t_load
    texts = sentences
    seconds = 0.0
    distinct = []
    with _quiet(), torch.inference_mode():
        for direction in DIRECTIONS:
            tokenizer, model = loaded[direction]
            t0 = time.perf_counter()
            unique = list(dict.fromkeys(texts))
            out: list[str] = []
            for i in range(0, len(unique), batch):
                inputs = tokenizer(unique[i : i + batch], return_tensors="pt", padding=True).to(model.device)
                ids = model.generate(
                    **inputs, num_beams=1, do_sample=False, min_new_tokens=fixed, max_new_tokens=fixed
                )
                out += tokenizer.batch_decode(ids, skip_special_tokens=True)
            if device == "cuda":
                torch.cuda.synchronize()
            seconds += time.perf_counter() - t0
            distinct.append(len(unique))
            translated = dict(zip(unique, out, strict=True))
            texts = [translated[t] for t in texts]
    return {"load_s": load_s, "translate_s": seconds, "sentences": len(sentences), "distinct": distinct}


def _ct2_device(device: str) -> tuple[str, str]:
    return (device, "int8_float16") if device == "cuda" else ("cpu", "int8")


def stage_ct2(sentences: list[str], fixed: int, device: str, threads: int) -> dict[str, Any]:
    import ctranslate2
    import sentencepiece

    dev, compute = _ct2_device(device)
    t_load = time.perf_counter()
    loaded = {}
    for src, tgt in DIRECTIONS:
        folder = MODELS / f"opus-mt-{src}-{tgt}-ct2"
        loaded[(src, tgt)] = (
            ctranslate2.Translator(str(folder), device=dev, compute_type=compute, intra_threads=threads),
            sentencepiece.SentencePieceProcessor(model_file=str(folder / "source.spm")),
            sentencepiece.SentencePieceProcessor(model_file=str(folder / "target.spm")),
        )
    load_s = time.perf_counter() - t_load
    texts = sentences
    seconds = 0.0
    distinct = []
    for direction in DIRECTIONS:
        translator, source, target = loaded[direction]
        t0 = time.perf_counter()
        unique = list(dict.fromkeys(texts))
        tokens = [[*source.encode(t, out_type=str), "</s>"] for t in unique]
        results = translator.translate_batch(
            tokens, max_batch_size=64, beam_size=1, min_decoding_length=fixed, max_decoding_length=fixed
        )
        translated = {t: target.decode_pieces(r.hypotheses[0]) for t, r in zip(unique, results, strict=True)}
        texts = [translated[t] for t in texts]
        seconds += time.perf_counter() - t0
        distinct.append(len(unique))
    return {"load_s": load_s, "translate_s": seconds, "sentences": len(sentences), "distinct": distinct}


def stage_first(sentences: list[str], fixed: int, device: str, threads: int) -> dict[str, Any]:
    """Start to first translation on the ct2 engine path (imports + model load + one sentence)."""
    from pipeline.engines import EngineOptions, create

    engine = create("ct2", EngineOptions(models_dir=str(MODELS), device=device, threads=threads))
    engine.translate(sentences[:1], "en", "de")
    return {"first_s": time.perf_counter() - T_START, "done_at": time.time()}


STAGES = {"hf": stage_hf, "ct2": stage_ct2, "first": stage_first}


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


def main() -> None:
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
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    if args.stage == "build":
        ensure_models(args.rebuild)
        return
    if args.stage:  # child process: one measurement, one JSON line
        sentences = json.loads(args.input.read_text(encoding="utf-8"))
        print(json.dumps(STAGES[args.stage](sentences, args.fixed_len, args.device, args.threads)))
        return

    # Built in a child: a forked child's peak RSS starts from its parent's, so the parent stays small.
    build = [sys.executable, str(Path(__file__).resolve()), "--stage", "build"]
    build += ["--rebuild"] if args.rebuild else []
    if subprocess.run(build, cwd=ROOT).returncode != 0:
        raise SystemExit("building the benchmark models failed")
    n = args.sentences
    pool = load_sentences(2 * n)
    rows: list[tuple[str, str, str, str]] = []
    report: dict[str, Any] = {
        "sentences": n,
        "fixed_len": args.fixed_len,
        "device": args.device,
        "cpus": os.cpu_count(),
        "threads": args.threads,
    }
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        base = tmp / "sentences.json"
        base.write_text(json.dumps(pool[:n]), encoding="utf-8")

        stage_opts = (args.fixed_len, args.device, args.threads)

        def rate(r: dict[str, Any], key: str = "translate_s") -> float:
            return float(r["sentences"]) / float(r[key])

        if not args.skip_hf:
            a = median_run(lambda: run_stage("hf", base, *stage_opts), "translate_s", args.repeat)
            report["a_transformers"] = a
            rows.append(
                (
                    "(a) transformers loop, fp32 greedy, batch 16",
                    f"{rate(a):.1f}",
                    f"{a['translate_s']:.2f}",
                    f"{a['rss_mb']:.0f}",
                )
            )
        b = median_run(lambda: run_stage("ct2", base, *stage_opts), "translate_s", args.repeat)
        report["b_ct2_raw"] = b
        rows.append(
            (
                "(b) raw CTranslate2 int8 translate_batch",
                f"{rate(b):.1f}",
                f"{b['translate_s']:.2f}",
                f"{b['rss_mb']:.0f}",
            )
        )
        first = median_run(lambda: run_stage("first", base, *stage_opts), "first_s", args.repeat)
        report["ct2_first_translation"] = first
        rows.append(
            (
                "    ct2 engine: start to first translation",
                "",
                f"{first['first_s']:.2f}",
                f"{first['rss_mb']:.0f}",
            )
        )

        why_not = cli_ready()
        if why_not:
            print(f"skipping (c), (d), --help: the CLI is not ready ({why_not})", file=sys.stderr)
        else:
            opts = (args.fixed_len, args.device, args.threads, tmp)
            one_x, two_x = write_paragraphs(tmp / "n.txt", pool[:n]), write_paragraphs(tmp / "2n.txt", pool)
            c = median_run(lambda: end_to_end(one_x, n, *opts), "wall_s", args.repeat)
            c2 = median_run(lambda: end_to_end(two_x, 2 * n, *opts), "wall_s", args.repeat)
            report["c_check"], report["c_check_2x"] = c, c2
            rows.append(
                (
                    "(c) driftcheck check --engine ct2 --no-cache",
                    f"{rate(c, 'wall_s'):.1f}",
                    f"{c['wall_s']:.2f}",
                    f"{c['rss_mb']:.0f}",
                )
            )
            rows.append(
                (
                    f"    same, {2 * n} distinct sentences",
                    f"{rate(c2, 'wall_s'):.1f}",
                    f"{c2['wall_s']:.2f}",
                    f"{c2['rss_mb']:.0f}",
                )
            )
            cache = tmp / "cache.sqlite3"
            cached_args = [
                *check_args(SEED, tmp / "seed.json", args.device, args.threads),
                "--cache",
                str(cache),
            ]
            env = {"DRIFTCHECK_BENCH_FIXED_LEN": str(args.fixed_len)}
            driftcheck(*cached_args, env=env)  # fills the cache
            d = median_run(lambda: driftcheck(*cached_args, env=env), "wall_s", args.repeat)
            report["d_cached_rerun"] = {"wall_s": d["wall_s"], "rss_mb": d["rss_mb"]}
            rows.append(
                ("(d) cached rerun of the sample article", "", f"{d['wall_s']:.2f}", f"{d['rss_mb']:.0f}")
            )
            # another --fail-on reaches the report: it is rebuilt from cached translations
            rebuilt = [*cached_args[:-4], "--fail-on", "review", *cached_args[-2:]]

            def rebuild_once() -> dict[str, Any]:
                clear_reports(cache)  # keep the translations, drop the stored reports
                return driftcheck(*rebuilt, env=env)

            d2 = median_run(rebuild_once, "wall_s", args.repeat)
            report["d_cached_translations"] = {"wall_s": d2["wall_s"], "rss_mb": d2["rss_mb"]}
            rows.append(
                (
                    "    same, report rebuilt from cached translations",
                    "",
                    f"{d2['wall_s']:.2f}",
                    f"{d2['rss_mb']:.0f}",
                )
            )
            helps = [driftcheck("--help") for _ in range(5)]
            h = {
                "wall_s": statistics.median(x["wall_s"] for x in helps),
                "rss_mb": max(x["rss_mb"] for x in helps),
            }
            report["e_help"] = h
            rows.append(
                ("(e) driftcheck --help (median of 5)", "", f"{h['wall_s']:.2f}", f"{h['rss_mb']:.0f}")
            )

    print(
        f"\n{n} sentences, round trip en->de->en, {args.fixed_len} output tokens each, median of {args.repeat} runs, "
        f"device {args.device}, {args.threads} thread(s) on {os.cpu_count()} CPUs; "
        f"distinct texts per direction: {report['b_ct2_raw']['distinct']}"
    )
    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  {'sent/s':>8}  {'seconds':>8}  {'peak MB':>8}")
    for label, speed, seconds, rss in rows:
        print(f"{label:{width}}  {speed:>8}  {seconds:>8}  {rss:>8}")
    ratios = {}
    if "c_check" in report:
        c_rate = n / report["c_check"]["wall_s"]
        ratios["c/b (floor 0.9)"] = c_rate / rate(report["b_ct2_raw"])
        if "a_transformers" in report:
            ratios["c/a (floor 4)"] = c_rate / rate(report["a_transformers"])
        doubled = report["c_check_2x"]["wall_s"] / report["c_check"]["wall_s"]
        ratios["time 2x input / 1x input (ceiling 2.2)"] = doubled
    if "a_transformers" in report:
        ratios["b/a"] = rate(report["b_ct2_raw"]) / rate(report["a_transformers"])
    report["ratios"] = ratios
    print()
    for key, value in ratios.items():
        print(f"{key}: {value:.2f}")
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / f"bench_engines-{args.device}.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
