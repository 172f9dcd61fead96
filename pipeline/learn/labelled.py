"""Labelled pairs (JSONL: source, translation, label ok|shifted, category, severity, pair_id) and
the evidence driftcheck gathers on them, for `driftcheck eval` and `driftcheck calibrate`. A TSV,
CSV or Parquet file holds the same fields as columns (a spreadsheet of a team's labels: the table's
header names them, inputs/bilingual.py).

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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..engines.langs import check_lang
from ..errors import InputError, UsageError
from ..inputs.bilingual import bilingual_format, pair_text, read_pairs
from ..inputs.read import read_bytes
from ..records import Flag, Segment, SegmentResult

HELDOUT_MOD = 5  # pair_id % 5 == 0: the held-out fifth
# a pair_id that is a whole number, "805" or "805.0" as a spreadsheet exports it ("--5", "²", "801.5"
# and "true" are not: refused)
_INTEGER = re.compile(r"-?[0-9]+(?:\.0+)?")
_UNSAID = ("", "null")  # a field absent, or JSON null (a pair without pair_id is grouped by its source)


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
        pid = int(float(raw)) if "." in raw else int(raw)
        return f"p{pid}", pid % HELDOUT_MOD == 0
    digest = int(hashlib.sha256(source.encode("utf-8")).hexdigest(), 16)
    return f"s{digest:x}"[:17], digest % HELDOUT_MOD == 0


def load_labelled(path: str, need_source: bool = False) -> tuple[list[Segment], str]:
    """The labelled pairs of a file (JSONL; TSV, CSV or Parquet by its suffix) and the sha256 of its
    bytes (read once: stdin and a pipe too); `need_source`: source-aware mode, every row has a source."""
    data = read_bytes(path)
    fmt = bilingual_format(path) or "jsonl"  # stdin: JSONL
    segments = read_pairs(pair_text(data, path, fmt), path, fmt, 0)
    for s in segments:
        meta = dict(s.meta)
        if meta.get("label") not in ("ok", "shifted"):
            raise InputError(f"{path}:{s.line}: 'label' must be ok or shifted")
        if need_source and s.source is None:
            raise InputError(
                f"{path}:{s.line}: no 'source': source-aware evaluation needs the original of every pair"
            )
        raw = meta.get("pair_id", "").strip()
        if raw not in _UNSAID and not _INTEGER.fullmatch(raw):
            raise InputError(
                f"{path}:{s.line}: 'pair_id' must be a whole number (it decides the held-out fifth and the "
                f"folds), not {raw[:40]!r}"
            )
    return _siblings_share_pair_id(segments), hashlib.sha256(data).hexdigest()


def _siblings_share_pair_id(segments: list[Segment]) -> list[Segment]:
    """A pair without a `pair_id` takes the one another pair of the same source sentence has: its
    hash put it in the held-out fifth while its variants trained (a sentence seen in training
    and measured as unseen)."""
    import dataclasses

    known: dict[str, str] = {}
    for s in segments:
        raw = dict(s.meta).get("pair_id", "").strip()
        if raw not in _UNSAID:
            known.setdefault(s.source or s.text, raw)
    out = []
    for s in segments:
        meta = dict(s.meta)
        shared = known.get(s.source or s.text)
        if meta.get("pair_id", "").strip() in _UNSAID and shared is not None:
            meta["pair_id"] = shared
            s = dataclasses.replace(s, meta=tuple(meta.items()))
        out.append(s)
    return out


def languages(
    segments: list[Segment], settings: Settings, path: str, need_source: bool = True
) -> tuple[str, str]:
    """(source language, target language): from the flags, else from the file's src_lang/tgt_lang,
    which must be the same on every row (one language pair per file: a file that mixed pairs was
    translated wholly as its first row's). Round-trip mode (`need_source` false) needs no source
    language."""
    for s in segments:  # each row's codes first: a bad first row was blamed on the second
        for key, code in dict(s.meta).items():
            if key in ("src_lang", "tgt_lang") and code.strip() not in _UNSAID:  # "" or null: not said
                try:
                    check_lang(code, "language")
                except UsageError as exc:
                    raise InputError(f"{path}:{s.line}: {key}: {exc}") from None
    first = dict(segments[0].meta)
    for s in segments[1:]:
        meta = dict(s.meta)
        for key in ("src_lang", "tgt_lang"):
            if meta.get(key, first.get(key)) != first.get(key):
                raise InputError(
                    f"{path}:{s.line}: {key} {meta.get(key)!r} differs from the first pair's "
                    f"{first.get(key)!r}: one language pair per labelled file (split it)"
                )
    src = settings.source_lang or first.get("src_lang") or ""
    if not src and need_source:
        raise InputError(f"{path}: no source language: give --source-lang or a 'src_lang' field")
    tgt = settings.lang if settings.lang != "en" else first.get("tgt_lang", "en")
    return check_lang(src, "source language") if src else "", check_lang(tgt)


def file_names(paths: Sequence[str]) -> dict[str, str]:
    """How results name each labelled file: its base name, or the path as given where two files
    share one (a/labels.jsonl, b/labels.jsonl: one file's results replaced the other's)."""
    names = [Path(p).name for p in paths]
    return {p: (n if names.count(n) == 1 else p) for p, n in zip(paths, names, strict=True)}


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
        key, heldout = split_key(meta, r.segment.source or r.segment.text)  # copy only: by its text
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
    names = file_names(paths)
    for index, path in enumerate(paths):
        segments, digest = load_labelled(path, need_source=True)
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
            "name": names[path],
            "sha256": digest,
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
