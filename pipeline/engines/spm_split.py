"""Shared by the marian and ct2 engines: split over-long inputs, batch by length, reassemble.

Marian models accept at most 512 positions; a longer input crashes transformers and
CTranslate2 (or, with its default max_input_length, gets cut silently). An input longer
than the split limit (half the model's limit, so that its translation also fits the
512-token output cap) is cut where its text allows, best first: after sentence
punctuation, after a comma, colon or dash, at any space, and only then between
characters. The parts are translated like any other input and joined again; the engine
records which inputs were split so the report can say so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

# Cut points, best first: each match is the whitespace (or, after CJK punctuation, the empty
# string) where a cut may happen; nothing but whitespace is ever dropped.
_TIERS = (
    re.compile(r"(?:(?<=[.!?;…])|(?<=[.!?…][\"'”’»)\]]))\s+|(?<=[。！？；])(?=\S)"),
    re.compile(r"(?<=[,:，：、)\]—–-])\s+|\s+(?=[—–(])|(?<=[，、])(?=\S)"),
    re.compile(r"\s+"),
)


def split_long(text: str, count: Callable[[str], int], limit: int) -> list[tuple[str, str]]:
    """Cut `text` into parts of at most `limit` tokens; returns (part, joiner-after) pairs.

    `count` gives the token count of a string as the model sees it. Joining the parts'
    translations with their joiners gives the translation of the whole. Text that fits is
    returned as one part.
    """
    if count(text) <= limit or len(text) < 2:
        return [(text, "")]
    cut = _best_cut(text)
    if cut is None:
        mid = len(text) // 2
        left, right, joiner = text[:mid], text[mid:], ""
    else:
        start, end = cut
        left, right, joiner = text[:start], text[end:], " " if end > start else ""
    parts = split_long(left, count, limit)
    parts[-1] = (parts[-1][0], joiner)
    return parts + split_long(right, count, limit)


def _best_cut(text: str) -> tuple[int, int] | None:
    """The whitespace run of the best tier nearest to the middle of `text`."""
    mid = len(text) / 2
    for tier in _TIERS:
        spans = [m.span() for m in tier.finditer(text) if 0 < m.start() and m.end() < len(text)]
        if spans:
            return min(spans, key=lambda s: abs((s[0] + s[1]) / 2 - mid))
    return None


@dataclass
class Plan:
    """Unique non-empty parts to translate, and how each input is put back together."""

    parts: list[str] = field(default_factory=list)
    layout: list[list[tuple[int, str]]] = field(default_factory=list)  # per input: (part index, joiner)
    split: set[int] = field(default_factory=set)  # inputs that were cut


def plan(texts: list[str], count: Callable[[str], int], limit: int) -> Plan:
    result = Plan()
    index: dict[str, int] = {}
    for i, text in enumerate(texts):
        stripped = text.strip()
        if not stripped:
            result.layout.append([])
            continue
        pieces = split_long(stripped, count, limit)
        if len(pieces) > 1:
            result.split.add(i)
        row: list[tuple[int, str]] = []
        for part, joiner in pieces:
            part = part.strip()
            if not part:
                continue
            if part not in index:
                index[part] = len(result.parts)
                result.parts.append(part)
            row.append((index[part], joiner))
        result.layout.append(row)
    return result


def assemble(p: Plan, translations: list[str]) -> list[str]:
    out = []
    for row in p.layout:
        text = "".join(translations[i].strip() + joiner for i, joiner in row)
        out.append(text.strip())
    return out


def plan_batches(lengths: list[int], max_tokens: int, max_size: int) -> list[list[int]]:
    """Indices grouped into batches, longest first, each under a padded token budget.

    A batch costs (its longest length) x (its size); similar lengths share a batch, so
    little goes to padding. A single input longer than the budget gets a batch of its own.
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        longest = lengths[current[0]] if current else lengths[i]
        if current and (len(current) + 1 > max_size or longest * (len(current) + 1) > max_tokens):
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


def run_batched(
    parts: list[str],
    lengths: list[int],
    translate_batches: Callable[[list[list[int]]], Iterable[list[str]]],
    max_tokens: int,
    max_size: int,
    on_batch: Callable[[int, int], None] | None = None,
) -> list[str]:
    """Translate `parts` in length-sorted batches; results in part order.

    `translate_batches(batches of part indices)` yields each batch's outputs in batch order
    (it may queue every batch before the first result, as the ct2 engine does).
    `on_batch(parts done, parts in all)` is called before the first batch and after each one
    (the progress display)."""
    out = [""] * len(parts)
    done = 0
    if on_batch is not None:
        on_batch(done, len(parts))
    batches = plan_batches(lengths, max_tokens, max_size)
    for batch, outputs in zip(batches, translate_batches(batches), strict=True):
        for i, text in zip(batch, outputs, strict=True):
            out[i] = text
        done += len(batch)
        if on_batch is not None:
            on_batch(done, len(parts))
    return out
