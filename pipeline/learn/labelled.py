"""Labelled pairs (JSONL: source, translation, label ok|shifted, category, severity, pair_id) and
the evidence driftcheck gathers on them, for `driftcheck eval` and `driftcheck calibrate`.

- Groups: `correct` (label ok, no severity: a machine or human translation), `minor` (label ok
  with a severity: a harmless edit such as a typo) and `shifted`.
- The held-out part is fixed: pairs whose `pair_id` is a multiple of 5 (files without `pair_id`:
  the sha256 of the source, modulo 5). It stays out of all training; cross-validation folds and
  the split group the variants of one source sentence (same `pair_id`, else same source).
- `collect` runs the pipeline once per file without a calibration and keeps, per pair, the flags
  as the checks raised them and the features (pipeline/core/features.py); any calibration can then be
  applied to them in memory (`judge_rows`), which is what evaluation and cross-validation need.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..engines.langs import check_lang
from ..errors import InputError
from ..inputs.bilingual import read_pairs
from ..inputs.read import decode_text, read_bytes
from ..records import Flag, Segment, SegmentResult

HELDOUT_MOD = 5  # pair_id % 5 == 0: the held-out fifth
_INTEGER = re.compile(r"-?[0-9]+")  # a pair_id that is a number ("--5", "²" are not: hashed like none)


@dataclass
class Row:
    file: int  # index of the labelled file
    id: str
    key: str  # groups the variants of one source sentence (pair_id, else the source)
    heldout: bool
    group: str  # correct | minor | shifted
    category: str
    flags: tuple[Flag, ...]  # as the checks raised them (config regrades applied, no budget)
    features: dict[str, float]
    text_length: int
    drift: float = 0.0  # filled by a judge
    verdict: str = "ok"
    final_flags: tuple[Flag, ...] = field(default=())
    signals: dict[str, float] = field(default_factory=dict)  # each untuned signal alone (signals_of)

    @property
    def shifted(self) -> bool:
        return self.group == "shifted"


def group_of(meta: dict[str, str]) -> str:
    if meta.get("label") == "shifted":
        return "shifted"
    return "minor" if meta.get("severity") not in (None, "", "null") else "correct"


def split_key(meta: dict[str, str], source: str) -> tuple[str, bool]:
    """(group key, held out?) of one labelled pair."""
    raw = meta.get("pair_id")
    if raw is not None and _INTEGER.fullmatch(raw.strip()):
        pid = int(raw)
        return f"p{pid}", pid % HELDOUT_MOD == 0
    digest = int(hashlib.sha256(source.encode("utf-8")).hexdigest(), 16)
    return f"s{digest:x}"[:17], digest % HELDOUT_MOD == 0


def load_labelled(path: str, need_source: bool = False) -> list[Segment]:
    """The labelled pairs of a JSONL file; `need_source`: source-aware mode, every row has a source."""
    segments = read_pairs(decode_text(read_bytes(path), path), path, "jsonl", 0)
    for s in segments:
        if dict(s.meta).get("label") not in ("ok", "shifted"):
            raise InputError(f"{path}:{s.line}: 'label' must be ok or shifted")
        if need_source and s.source is None:
            raise InputError(
                f"{path}:{s.line}: no 'source': source-aware evaluation needs the original of every pair"
            )
    return segments


def languages(segments: list[Segment], settings: Settings, path: str) -> tuple[str, str]:
    """(source language, target language): from the flags, else from the file's src_lang/tgt_lang."""
    meta = dict(segments[0].meta)
    src = settings.source_lang or meta.get("src_lang") or ""
    if not src:
        raise InputError(f"{path}: no source language: give --source-lang or a 'src_lang' field")
    tgt = settings.lang if settings.lang != "en" else meta.get("tgt_lang", "en")
    return check_lang(src, "source language"), check_lang(tgt)


def signals_of(r: SegmentResult) -> dict[str, float]:
    """Each untuned signal of a result, oriented so that higher = more likely shifted (similarities
    negated): chrF of every comparison and every sentence-embedding cosine."""
    out: dict[str, float] = {}
    if r.comparison is not None:
        out["chrF(back-translation, source)"] = -r.comparison.back_scores.chrf
        out["chrF(forward translation, copy)"] = -r.comparison.forward_scores.chrf
    for rt in r.round_trips:
        out[f"chrF(round trip via {rt.pivot}, original)"] = -rt.scores.chrf
    names = {
        "source_copy": "cos(source, copy)",
        "forward_copy": "cos(forward translation, copy)",
        "back_source": "cos(back-translation, source)",
    }
    for key, value in (r.semantic.signals() if r.semantic is not None else {}).items():
        label = names.get(key) or f"cos(round trip via {key.removeprefix('round_trip.')}, original)"
        out[label] = -value
    return out


def rows_from(index: int, results: list[SegmentResult]) -> list[Row]:
    rows = []
    for r in results:
        meta = dict(r.segment.meta)
        key, heldout = split_key(meta, r.segment.source or "")
        rows.append(
            Row(
                index,
                r.segment.id,
                key,
                heldout,
                group_of(meta),
                meta.get("category") or "?",
                r.flags,
                dict(r.features),
                len(r.segment.text),
                r.drift,
                r.verdict,
                r.flags,
                signals_of(r),
            )
        )
    return rows


def collect(
    paths: list[str], settings: Settings, engine_name: str | None = None
) -> tuple[list[Row], dict[str, Any]]:
    """Run source-aware mode on every labelled file, uncalibrated. Returns the rows and, per
    file, what ran (languages, routes, engine signature, seconds)."""
    import dataclasses
    import time

    from ..core.calibration import route_engine
    from ..core.judge import Judge
    from ..core.run_config import resolve_config
    from ..core.source_mode import job_from_segments, run_source
    from ..core.verify import build_engine
    from ..timing import Timer

    rows: list[Row] = []
    info: dict[str, Any] = {}
    for index, path in enumerate(paths):
        segments = load_labelled(path, need_source=True)
        src, tgt = languages(segments, settings, path)
        local = dataclasses.replace(settings, source_lang=src, lang=tgt)
        engine = build_engine(local, [tgt, src])
        timer = Timer()
        t0 = time.perf_counter()
        config = resolve_config(local, "source")
        judge = Judge(config, engine_name or engine.name, raw=True)
        results, routes, _ = run_source([job_from_segments(0, segments)], engine, config, timer, judge)
        rows += rows_from(index, results)
        info[path] = {
            "name": Path(path).name,
            "source_lang": src,
            "lang": tgt,
            "routes": {k: "->".join(v) for k, v in routes.items()},
            "engine": route_engine(engine, routes) or engine.name,
            "seconds": round(time.perf_counter() - t0, 2),
        }
    return rows, info


def judge_rows(rows: list[Row], variant: Any, severities: dict[str, Any] | None = None) -> None:
    """Apply a calibration variant (pipeline.core.calibration.Variant) to collected rows, in place."""
    from ..core.calibration import judge

    for r in rows:
        if not r.features:
            continue
        out = judge(r.flags, r.features, variant, overridden=severities or {}, text_length=r.text_length)
        r.drift, r.verdict, r.final_flags = out.drift, out.verdict, out.flags
