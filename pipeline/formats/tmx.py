"""TMX 1.4 translation memories: each <tu> with a source and a translation variant is a segment.

The source language is the header's `srclang` (or --source-lang; TMX allows `*all*`), the
translation the one other language of the memory (or --lang when it holds several). The id
is the <tu>'s `tuid`, else its position (`tu12`); <prop> and <note> become metadata. Inline
codes (<bpt>, <ept>, <ph>, <it>, <hi>, <ut>) are compared as placeholders.

Languages are matched by their primary subtag (es-ES and es-MX are both Spanish); where a <tu>
holds several variants of one language, the one whose whole code is the one asked for (the
header's `srclang` en-GB, `--lang es-MX`) is taken, else the first (it used to be the first always).
"""

from __future__ import annotations

from typing import Any

from ..engines.langs import to_iso1
from ..errors import InputError, UsageError
from ..records import Segment
from .units import ReadOptions, UnitFile, unit_segment
from .xmlsafe import inline_text, local, parse_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MARKUP = "xml,html,omegat,auto,ansi"


def _primary(code: str | None) -> str | None:
    if not code or code == "*all*":
        return None
    return to_iso1(code.replace("_", "-").split("-")[0].lower()) or code.lower()


def _full(code: str | None) -> str:
    return (code or "").replace("_", "-").lower()


def _variants(tu: Any) -> dict[str, list[tuple[str, Any]]]:
    """Primary language -> (whole code, <seg>) of each variant, in document order."""
    out: dict[str, list[tuple[str, Any]]] = {}
    for tuv in (c for c in tu if local(c.tag) == "tuv"):
        code = tuv.get(XML_LANG) or tuv.get("lang")
        lang = _primary(code)
        seg = next((c for c in tuv if local(c.tag) == "seg"), None)
        if lang and seg is not None:
            out.setdefault(lang, []).append((_full(code), seg))
    return out


def _seg(variants: dict[str, list[tuple[str, Any]]], lang: str, wanted: str) -> Any | None:
    """The <seg> of `lang` whose whole code is `wanted`, else its first variant."""
    found = variants.get(lang, [])
    return next((seg for code, seg in found if code == wanted), found[0][1] if found else None)


def _meta(tu: Any) -> list[tuple[str, str]]:
    meta = [
        (f"prop:{p.get('type', '')}", " ".join((p.text or "").split())) for p in tu if local(p.tag) == "prop"
    ]
    notes = [" ".join((n.text or "").split()) for n in tu if local(n.tag) == "note"]
    if notes:
        meta.append(("note", " | ".join(notes)))
    return meta


def _pick_target(langs: set[str], src: str, options: ReadOptions, path: str) -> str:
    if options.lang:
        return _primary(options.lang) or options.lang
    others = sorted(langs - {src})
    if len(others) != 1:
        found = ", ".join(others) or "none"
        raise UsageError(f"{path}: the memory holds translations into {found}; choose one with --lang")
    return others[0]


def read_tmx(data: bytes, path: str, doc_index: int, options: ReadOptions) -> UnitFile:
    root = parse_xml(data, path)
    if local(root.tag) != "tmx":
        raise InputError(f"{path}: not a TMX file (the root element is <{local(root.tag)}>, not <tmx>)")
    header = next((c for c in root if local(c.tag) == "header"), None)
    body = next((c for c in root if local(c.tag) == "body"), None)
    if body is None:
        raise InputError(f"{path}: not a TMX file (no <body>)")
    tus = [c for c in body if local(c.tag) == "tu"]
    variants = [_variants(tu) for tu in tus]
    src_code = options.source_lang or (header.get("srclang") if header is not None else None)
    src = _primary(src_code)
    if src is None:
        raise UsageError(f"{path}: the memory's srclang is '*all*' or missing; give --source-lang")
    langs = {lang for v in variants for lang in v}
    tgt = _pick_target(langs, src, options, path)
    counts = {"units": len(tus), "checked": 0, "untranslated": 0}
    segments: list[Segment] = []
    for n, (tu, var) in enumerate(zip(tus, variants), start=1):
        source, target = _seg(var, src, _full(src_code)), _seg(var, tgt, _full(options.lang))
        if source is None or target is None or not "".join(target.itertext()).strip():
            counts["untranslated"] += 1
            continue
        counts["checked"] += 1
        segments.append(
            unit_segment(
                tu.get("tuid") or f"tu{n}",
                doc_index,
                len(segments) + 1,
                target.sourceline,
                inline_text(source),
                inline_text(target),
                source.sourceline,
                _meta(tu),
                MARKUP,
            )  # fmt: skip
        )
    if not segments:
        raise InputError(f"{path}: no translation units with both {src} and {tgt} text")
    first: dict[str, int] = {}
    for seg in segments:
        if seg.id in first:
            raise InputError(
                f"{path}:{seg.line}: duplicate tuid \"{seg.id}\" (first at line {first[seg.id]})"
            )
        first[seg.id] = seg.line
    return UnitFile("tmx", segments, source_lang=src, target_lang=tgt, counts=counts)
