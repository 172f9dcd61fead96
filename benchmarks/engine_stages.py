"""The models and the in-process measurements of benchmarks/bench_engines.py.

bench_engines.py runs each stage here in a child process of its own (`--stage NAME`), so its
wall time and peak RSS are that stage's alone; benchmarks/bench_ct2_workers.py reuses the models
and the sentences. See bench_engines.py's docstring for what is built and why.
"""

from __future__ import annotations

import json
import shutil
import sys
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
    from pipeline.engines.convert import convert
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
            convert(f"{src}-{tgt}", MODELS, quantization="int8", force=True)


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
