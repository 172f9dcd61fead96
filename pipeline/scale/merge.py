"""Shard reports -> one report: byte-identical to a single-process run over the same files, as
long as the engine translates each sentence the same whatever preceded it in its stream (an
Apertium pair can carry transfer state from one sentence to the next; see the README).

A shard is one file, and a file is one document of the report, so every per-document figure
(corpus chrF/BLEU/TER from sacreBLEU's statistics of that document's segments, verdict counts,
units, warnings) comes whole from its shard. The merge puts the shards in input order, renumbers
their documents (each shard ran as document 0), and recomputes the summary the way a
single-process run does. Shards that ran with a different signature (mode, engine, routes,
calibration variant) cannot make one report: that is an error, never a silent mix.
"""

from __future__ import annotations

from typing import Any

from ..errors import DriftcheckError, UsageError
from ..report.to_json import summarize


class MergeError(DriftcheckError):
    """Shard reports that do not belong to one run."""


def _renumbered(shard: dict[str, Any], index: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    docs = [{**d, "index": index} for d in shard["documents"]]
    segments = [{**s, "document": index} for s in shard["segments"]]
    return docs, segments


def _signature(shards: list[dict[str, Any]]) -> dict[str, Any]:
    """The run's signature: the same in every shard, except that the encoder behind semantic
    scores is named only by shards that computed any (as a single run names it when any segment
    has them)."""

    def core(sig: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in sig.items() if k != "semantic"}

    signatures = [s["signature"] for s in shards]
    named = [sig for sig in signatures if "semantic" in sig]
    merged: dict[str, Any] = named[0] if named else signatures[0]
    for sig in signatures:
        if core(sig) != core(merged) or sig.get("semantic", merged.get("semantic")) != merged.get("semantic"):
            diff = sorted(k for k in set(sig) | set(merged) if sig.get(k) != merged.get(k))
            # shards that declare other languages differ however they are rerun: the languages decide
            what = (
                "give --source-lang and --lang"
                if {"lang", "source_lang"} & set(diff)
                else "rerun them together"
            )
            raise MergeError(f"shard reports differ in their signature ({', '.join(diff)}); {what}")
    return merged


def merge_shards(shards: list[dict[str, Any]]) -> dict[str, Any]:
    """One report from shard reports given in input order (shard i becomes document i)."""
    if not shards:
        raise MergeError("no shard reports to merge")
    modes = {s["mode"] for s in shards}
    if len(modes) > 1:
        raise UsageError(
            "cannot mix bilingual files (JSONL/TSV/PO/XLIFF/TMX with a source) with plain documents "
            "or copy-only files in one run"
        )
    documents: list[dict[str, Any]] = []
    segments: list[dict[str, Any]] = []
    for index, shard in enumerate(shards):
        docs, segs = _renumbered(shard, index)
        documents += docs
        segments += segs
    mode = shards[0]["mode"]
    return {
        "schema_version": shards[0]["schema_version"],
        "mode": mode,
        "signature": _signature(shards),
        "documents": documents,
        "segments": segments,
        "summary": summarize(segments, mode),
    }
