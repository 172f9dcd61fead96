"""Source-aware units: which source sentences go with which sentences of the copy.

A bilingual file is already aligned (one pair a line). A document pair is split into
sentences on both sides; once the copy has been back-translated, paragraphs and then
sentences are aligned (align.py), and every link becomes one Pair. A source sentence
without a partner is an `omission`, a copy sentence without one an `addition`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..checks import ADDITION, MOVED, OMISSION
from ..formats.placeholders import unit_view
from ..inputs.segment import Sentence, paragraph_sentences
from ..records import Document, Flag, Segment, Span
from .align import Link, align_paragraphs, align_sentences, cross_similarity

# An omission and an addition at least this alike (the aligner's measure, over the source and the
# back-translation) are one sentence the copy moved. Measured with Apertium on 300 correct DEMETR
# es-en pairs of the training part: faithful pairs 0.34-1.0 (4 % under 0.5), 1,505 unrelated ones
# at most 0.29. Missing a move costs an omission beside an addition, as before; a false move would
# hide an omission, so the bar stands well above the unrelated.
MOVED_SIMILARITY = 0.5
# Paragraphs the copy swapped: the aligner is monotone, and two poor 1-1 links cost less than the
# four skips that would leave them out, so every sentence of both was compared with the wrong
# source sentence (and flagged for numbers, names, negation it never lost). A 1-1 link that looks
# unrelated (under the unrelated pairs' ceiling, 0.29 above) whose paragraphs each match another
# such link's as well as a faithful pair does (at least the lowest faithful score, 0.34, and
# SWAP_GAIN above both old links) is re-paired, and its sentences flagged `moved`.
UNRELATED = 0.3
MOVED_FLOOR = 0.34
SWAP_GAIN = 0.2


@dataclass(frozen=True)
class Unit:
    text: str
    paragraph: int
    sentence: int
    line: int
    waived: tuple[str, ...] = ()


@dataclass
class SourceJob:
    """One document pair or one bilingual file: the sentences of both sides, in order."""

    doc_index: int
    source_units: list[Unit]
    copy_units: list[Unit]
    aligned: list[Segment] | None = None  # bilingual files: unit i of each side forms segment i


@dataclass(frozen=True)
class Pair:
    segment: Segment
    src_idx: tuple[int, ...]  # into SourceJob.source_units
    copy_idx: tuple[int, ...]  # into SourceJob.copy_units
    flags: tuple[Flag, ...] = field(default=())


def job_from_segments(doc_index: int, segments: list[Segment]) -> SourceJob:
    """Units as the engine sees them: placeholders of PO/XLIFF/TMX units masked out."""
    views = [unit_view(s) for s in segments]
    src = [Unit(v.source, s.paragraph, 1, s.source_line or s.line) for s, v in zip(segments, views)]
    cpy = [Unit(v.text, s.paragraph, 1, s.line) for s, v in zip(segments, views)]
    return SourceJob(doc_index, src, cpy, segments)


def _units(doc: Document) -> list[Unit]:
    out: list[Unit] = []
    for para in doc.paragraphs:
        sents: list[Sentence] = paragraph_sentences(para, doc.lang)
        out.extend(Unit(s.text, para.index, n, s.line, para.waived) for n, s in enumerate(sents, start=1))
    return out


def job_from_documents(doc_index: int, original: Document, copy: Document) -> SourceJob:
    return SourceJob(doc_index, _units(original), _units(copy))


def build_pairs(job: SourceJob, copy_back: list[str]) -> list[Pair]:
    """Link the two sides (bilingual files: 1-1 by line; documents: aligned with the back-translation)."""
    if job.aligned is not None:
        return [Pair(s, (i,), (i,)) for i, s in enumerate(job.aligned)]
    src_paras = _group(job.source_units)
    cpy_paras = _group(job.copy_units)

    def text(idx: list[int], units: list[Unit]) -> str:
        return " ".join(units[i].text for i in idx)

    plinks = align_paragraphs(
        [text(p, job.source_units) for p in src_paras],
        [text(p, job.copy_units) for p in cpy_paras],
        [" ".join(copy_back[i] for i in p) for p in cpy_paras],
        merges=True,  # a copy that joins two paragraphs or splits one still pairs every sentence
    )
    plinks, swapped = _swapped(
        plinks,
        [text(p, job.source_units) for p in src_paras],
        [" ".join(copy_back[i] for i in p) for p in cpy_paras],
    )
    links: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    elsewhere: set[int] = set()  # copy sentences of swapped paragraphs
    for region in _regions(plinks, swapped):
        s_idx = [i for k in region for p in plinks[k].src for i in src_paras[p]]
        c_idx = [i for k in region for p in plinks[k].tgt for i in cpy_paras[p]]
        if s_idx and c_idx:
            slinks = align_sentences(
                [job.source_units[i].text for i in s_idx],
                [job.copy_units[i].text for i in c_idx],
                [copy_back[i] for i in c_idx],
            )
            links += [(tuple(s_idx[k] for k in sl.src), tuple(c_idx[k] for k in sl.tgt)) for sl in slinks]
        else:
            links += [((i,), ()) for i in s_idx] + [((), (i,)) for i in c_idx]
        if region[0] in swapped:  # alone in its region
            elsewhere.update(c_idx)
    moved = _moved(job, links, copy_back)
    pairs: list[Pair] = []
    for s, c in links:
        if s and not c and s[0] in moved.values():
            continue  # it pairs where the copy put it
        if c and not s and c[0] in moved:
            s = (moved[c[0]],)
        there = bool(s and c and (c[0] in moved or c[0] in elsewhere))
        pairs.append(_pair(job, s, c, pairs, moved=there))
    return pairs


def _swapped(links: list[Link], src: list[str], back: list[str]) -> tuple[list[Link], frozenset[int]]:
    """The paragraph links with swapped paragraphs re-paired (UNRELATED, SWAP_GAIN), and the
    indices of the links re-paired. Best-matched first; a link keeps its copy paragraph (the
    report stays in the copy's order) and takes the source paragraph that matches it."""
    weak = [
        k for k, link in enumerate(links) if len(link.src) == len(link.tgt) == 1 and link.score < UNRELATED
    ]
    if len(weak) < 2:
        return links, frozenset()
    sims = cross_similarity([src[links[k].src[0]] for k in weak], [back[links[k].tgt[0]] for k in weak])
    scored = sorted(
        (
            (sims[a][b], weak[a], weak[b])
            for a in range(len(weak))
            for b in range(len(weak))
            if a != b
            and sims[a][b] >= MOVED_FLOOR
            and sims[a][b] >= max(links[weak[a]].score, links[weak[b]].score) + SWAP_GAIN
        ),
        reverse=True,
    )
    out, taken_src, taken_tgt = list(links), set(), set()
    for sim, from_link, to_link in scored:
        if from_link in taken_src or to_link in taken_tgt:
            continue
        taken_src.add(from_link)
        taken_tgt.add(to_link)
        out[to_link] = Link(links[from_link].src, links[to_link].tgt, sim)
    if taken_src != taken_tgt:  # not a closed exchange: a source left without partner, or two
        return links, frozenset()
    return out, frozenset(taken_tgt)


def _moved(
    job: SourceJob, links: list[tuple[tuple[int, ...], tuple[int, ...]]], back: list[str]
) -> dict[int, int]:
    """Copy sentence -> source sentence, for sentences the copy moved elsewhere: an omission and an
    addition of one document as alike as a faithful pair (the aligner is monotone, so a moved
    sentence is left out where it stood and added where it arrived). Best-matched first."""
    left = [s[0] for s, c in links if len(s) == 1 and not c]
    added = [c[0] for s, c in links if len(c) == 1 and not s and back[c[0]].strip()]
    if not left or not added:
        return {}
    sims = cross_similarity([job.source_units[i].text for i in left], [back[j] for j in added])
    scored = sorted(
        (
            (sim, added[b], left[a])
            for a, row in enumerate(sims)
            for b, sim in enumerate(row)
            if sim >= MOVED_SIMILARITY
        ),
        reverse=True,
    )
    found: dict[int, int] = {}
    taken: set[int] = set()
    for _, j, i in scored:
        if j not in found and i not in taken:
            found[j] = i
            taken.add(i)
    return found


def _regions(links: list[Link], alone: frozenset[int] = frozenset()) -> list[list[int]]:
    """Indices of the paragraph links whose sentences are aligned together: each run of links other than 1-1 (a
    paragraph left out, added, split or joined) with the 1-1 link on either side of it, so that a
    copy that splits one paragraph into three or more (one per sentence, as a CMS may re-flow it),
    or joins them, still pairs sentence by sentence; a paragraph really left out is still found
    by the sentence alignment. A swapped paragraph's link (`alone`) is a region of its own."""
    odd = [k for k, link in enumerate(links) if len(link.src) != 1 or len(link.tgt) != 1]
    near = {j for k in odd for j in (k - 1, k, k + 1) if 0 <= j < len(links) and j not in alone}
    regions: list[list[int]] = []
    for k in range(len(links)):
        if k in near and k - 1 in near and regions:
            regions[-1].append(k)
        else:
            regions.append([k])
    return regions


def _group(units: list[Unit]) -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        groups.setdefault(u.paragraph, []).append(i)
    return [groups[k] for k in sorted(groups)]


def _pair(
    job: SourceJob, s: tuple[int, ...], c: tuple[int, ...], before: list[Pair], moved: bool = False
) -> Pair:
    src_text = " ".join(job.source_units[i].text for i in s)
    copy_text = " ".join(job.copy_units[i].text for i in c)
    src_line = job.source_units[s[0]].line if s else None
    flags: tuple[Flag, ...] = ()
    if c:
        first = job.copy_units[c[0]]
        seg_id, para, sent, line = (
            f"p{first.paragraph}.s{first.sentence}",
            first.paragraph,
            first.sentence,
            first.line,
        )
    if moved:
        u = job.source_units[s[0]]
        flags = (
            MOVED.flag(
                f"source sentence at line {u.line} stands elsewhere in the translation, at line {line}",
                (Span("source", 0, len(src_text)),),
            ),
        )
    if not c:
        u = job.source_units[s[0]]
        prev = before[-1].segment if before else None
        para, sent = (prev.paragraph, prev.sentence) if prev else (0, 0)
        line = prev.line if prev else 1
        seg_id = f"source-p{u.paragraph}.s{u.sentence}"
        flags = (
            OMISSION.flag(
                f"source sentence at line {u.line} has no counterpart in the translation: "
                f"\u201c{_short(src_text)}\u201d",
                (Span("source", 0, len(src_text)),),
            ),
        )
    if not s:
        flags = (
            ADDITION.flag(
                f"translation sentence at line {line} has no counterpart in the source: "
                f"\u201c{_short(copy_text)}\u201d",
                (Span("text", 0, len(copy_text)),),
            ),
        )
    waived = tuple(dict.fromkeys(w for i in c for w in job.copy_units[i].waived))
    seg = Segment(seg_id, job.doc_index, para, sent, line, copy_text, src_text, src_line, waived=waived)
    return Pair(seg, s, c, flags)


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"
