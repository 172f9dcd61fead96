"""XLIFF 1.2 (Okapi, memoQ, Trados, Weblate) and 2.x: every translated unit or segment is a segment.

- XLIFF 1.2: a <trans-unit> is one segment (id = its id); when it is segmented with
  <seg-source> and <mrk mtype="seg">, each <mrk> pair is one (id = unit id/mid).
- XLIFF 2.x: each <segment> of a <unit> is one (id = the unit id, or unit id/segment id
  when a unit has several).
- Inline codes (<g>, <x/>, <bx/>, <ex/>, <ph>, <bpt>, <ept>, <it>, <pc>, <sc/>, <ec/>) are
  kept out of the engine and compared as placeholders (formats/placeholders.py).
- translate="no" units are skipped; units without a translation (no or empty target,
  state new/needs-translation/initial with an empty target) are skipped and counted;
  approved units (1.2: approved="yes" or state final/signed-off; 2.x: state final) are
  checked unless only unapproved units are asked for.
Languages come from source-language/target-language (1.2) or srcLang/trgLang (2.x).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError, NothingToCheck
from ..records import Segment
from .units import ReadOptions, UnitFile, unit_segment
from .xmlsafe import inline_text, local, parse_xml

MARKUP = "xml,html,auto,ansi"
UNTRANSLATED_STATES = {"new", "needs-translation"}
APPROVED_STATES_12 = {"final", "signed-off"}


@dataclass
class XUnit:
    """One checkable piece of an XLIFF file, with the elements the annotator marks."""

    id: str
    unit: Any  # <trans-unit> (1.2) or <unit> (2.x)
    element: Any  # the element carrying the state: <target> (1.2) or <segment> (2.x)
    source: Any
    target: Any  # None when the unit has no <target>
    source_text: str
    target_text: str
    file_key: str
    state: str | None
    approved: bool
    translatable: bool = True
    meta: list[tuple[str, str]] = field(default_factory=list)


def _child(elem: Any, name: str) -> Any | None:
    return next((c for c in elem if local(c.tag) == name), None)


def _notes(elem: Any) -> str:
    texts = [" ".join("".join(n.itertext()).split()) for n in elem.iter() if local(n.tag) == "note"]
    return " | ".join(t for t in texts if t)


def _units_12(root: Any, path: str) -> list[XUnit]:
    out: list[XUnit] = []
    for n, f in enumerate((c for c in root if local(c.tag) == "file"), start=1):
        fkey = f.get("original") or f"file{n}"
        for tu in (e for e in f.iter() if local(e.tag) == "trans-unit"):
            out.extend(_trans_unit(tu, fkey, path))
    return out


def _seg_marks(elem: Any, path: str, uid: str) -> dict[str, Any]:
    """The <mrk mtype="seg"> of a <seg-source> or <target> by mid; a mid given twice would pair the
    wrong sentences (one of them silently dropped), so it is an InputError."""
    marks = [m for m in elem.iter() if local(m.tag) == "mrk" and m.get("mtype") == "seg"]
    mids = Counter(m.get("mid") for m in marks)
    dup = next((mid for mid, n in mids.items() if n > 1), None)
    if dup is not None:
        raise InputError(
            f"{path}: trans-unit '{uid}': segment mid '{dup}' appears twice in <{local(elem.tag)}>"
        )
    return {m.get("mid"): m for m in marks}


def _translatable(elem: Any) -> bool:
    """`translate="no"` on the unit or on a <group> or <file> around it (both versions inherit it:
    a unit in a group marked so was checked as translatable)."""
    for e in (elem, *elem.iterancestors()):
        if e.get("translate") is not None:
            return bool(e.get("translate") != "no")
    return True


def _trans_unit(tu: Any, fkey: str, path: str) -> list[XUnit]:
    uid = tu.get("id") or ""
    source, target = _child(tu, "source"), _child(tu, "target")
    if source is None:
        return []
    state = target.get("state") if target is not None else None
    approved = tu.get("approved") == "yes" or state in APPROVED_STATES_12
    meta = [(k, v) for k, v in (("resname", tu.get("resname")), ("state", state)) if v]
    if approved:
        meta.append(("approved", "yes"))
    notes = _notes(tu)
    if notes:
        meta.append(("note", notes))
    translatable = _translatable(tu)
    seg_source = _child(tu, "seg-source")
    pairs: list[tuple[str, Any, Any | None]] = [(uid, source, target)]
    if seg_source is not None and target is not None:
        src_mrk = _seg_marks(seg_source, path, uid)
        tgt_mrk = _seg_marks(target, path, uid)
        if src_mrk and tgt_mrk:  # a target without segment marks pairs whole with the whole source
            many = len(src_mrk) > 1
            pairs = [(f"{uid}/{mid}" if many else uid, m, tgt_mrk.get(mid)) for mid, m in src_mrk.items()]
    return [
        XUnit(
            pid,
            tu,
            target,
            src,
            tgt,
            inline_text(src),
            inline_text(tgt) if tgt is not None else "",
            fkey,
            state,
            approved,
            translatable,
            list(meta),
        )  # fmt: skip
        for pid, src, tgt in pairs
    ]


def _units_2(root: Any) -> list[XUnit]:
    out: list[XUnit] = []
    for n, f in enumerate((c for c in root if local(c.tag) == "file"), start=1):
        fkey = f.get("id") or f"file{n}"
        for unit in (e for e in f.iter() if local(e.tag) == "unit"):
            segments = [c for c in unit if local(c.tag) == "segment"]
            notes = _notes(unit)
            for k, seg in enumerate(segments, start=1):
                source, target = _child(seg, "source"), _child(seg, "target")
                if source is None:
                    continue
                uid = unit.get("id") or ""
                sid = uid if len(segments) == 1 else f"{uid}/{seg.get('id') or k}"
                state = seg.get("state")
                meta = [(k2, v) for k2, v in (("name", unit.get("name")), ("state", state)) if v]
                if notes:
                    meta.append(("note", notes))
                out.append(
                    XUnit(
                        sid,
                        unit,
                        seg,
                        source,
                        target,
                        inline_text(source),
                        inline_text(target) if target is not None else "",
                        fkey,
                        state,
                        state == "final",
                        _translatable(unit),
                        meta,
                    )  # fmt: skip
                )
    return out


def xliff_units(root: Any, path: str) -> tuple[str, list[XUnit]]:
    """("1.2" or "2.x", the units in document order) with ids unique in the file."""
    if local(root.tag) != "xliff":
        raise InputError(f"{path}: not an XLIFF file (the root element is <{local(root.tag)}>, not <xliff>)")
    version = root.get("version") or ("2.0" if "document:2" in str(root.tag) else "1.2")
    if version.startswith("1."):
        kind, units = "1.2", _units_12(root, path)
    elif version.startswith("2."):
        kind, units = "2.x", _units_2(root)
    else:
        raise InputError(f"{path}: XLIFF version {version} is not supported (1.2 and 2.x are)")
    if len({u.id for u in units}) < len(units):
        for u in units:
            u.id = f"{u.file_key}#{u.id}"
        dup = [k for k, c in Counter(u.id for u in units).items() if c > 1]
        if dup:
            raise InputError(f"{path}: duplicate unit id '{dup[0].split('#', 1)[1]}' in one <file>")
    return kind, units


def _languages(root: Any, kind: str, path: str) -> tuple[str | None, str | None]:
    """The file's source and target languages; XLIFF 1.2 says them per <file>, and <file>s that
    say different ones are refused (one run checks one pair: a French <file> beside a Portuguese
    one was judged as Portuguese)."""
    if kind == "2.x":
        return root.get("srcLang"), root.get("trgLang")
    files = [c for c in root if local(c.tag) == "file"]
    out: list[str | None] = []
    for attr in ("source-language", "target-language"):
        said = list(dict.fromkeys(f.get(attr) for f in files if f.get(attr)))
        if len(said) > 1:
            raise InputError(
                f"{path}: its <file> elements say different {attr}s ({', '.join(said[:3])}): check each language pair in a file of its own"
            )
        out.append(said[0] if said else None)
    return out[0], out[1]


def read_xliff(data: bytes, path: str, doc_index: int, options: ReadOptions) -> UnitFile:
    root = parse_xml(data, path)
    kind, units = xliff_units(root, path)
    counts = {"units": 0, "checked": 0, "untranslated": 0, "not_translatable": 0, "approved": 0}
    segments: list[Segment] = []
    for u in units:
        counts["units"] += 1
        if not u.translatable:
            counts["not_translatable"] += 1
            continue
        if not u.target_text.strip() or (u.state in UNTRANSLATED_STATES):
            counts["untranslated"] += 1
            continue
        if options.unapproved_only and u.approved:
            counts["approved"] += 1
            continue
        counts["checked"] += 1
        segments.append(
            unit_segment(
                u.id,
                doc_index,
                len(segments) + 1,
                u.target.sourceline,
                u.source_text,
                u.target_text,
                u.source.sourceline,
                u.meta,
                MARKUP,
            )  # fmt: skip
        )
    if not units:
        raise InputError(f"{path}: no translation units in this XLIFF {kind} file")
    if not segments:
        raise (NothingToCheck if counts["approved"] else InputError)(
            f"{path}: no translated units to check ({counts['untranslated']} untranslated, "
            f"{counts['approved']} approved, {counts['not_translatable']} not translatable)"
        )
    src, tgt = _languages(root, kind, path)
    return UnitFile("xliff", segments, source_lang=src, target_lang=tgt, counts=counts)
