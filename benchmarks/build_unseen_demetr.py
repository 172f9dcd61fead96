"""Build the "unseen" DEMETR files the README's Accuracy section measures: every DEMETR item of a
language whose source sentence is not in the development file, in the development file's format.

DEMETR (Karpinska et al., EMNLP 2022; MIT licence) is at https://github.com/marzenakrp/demetr;
clone it, then

    .venv/bin/python benchmarks/build_unseen_demetr.py DEMETR_CHECKOUT OUT_DIR [--dev ../shared/data/demetr-es-dev.jsonl]

writes OUT_DIR/demetr-{es,fr,it,de,pl,ru,cs}-unseen.jsonl. The recipe is the development file's:
per source sentence the machine translation (`mt`) and the human reference (`reference`), each
perturbation whose check passed (`pert_check`) with label `ok` for a minor one and `shifted` for a
critical or major one, the empty translation (`empty`) and another sentence's translation
(`other_sentence`); `pair_id` is DEMETR's item id, so `pair_id % 5 == 0` is again a held-out fifth.
Counts this gives: es 1,297 pairs (80 correct), fr 3,186 (200), it 3,161 (200).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

LANGS = {
    "spanish": "es",
    "french": "fr",
    "italian": "it",
    "german": "de",
    "polish": "pl",
    "russian": "ru",
    "czech": "cs",
}
SPECIAL = {"base_id33_empty": "empty", "base_id33_shuffle_trans": "other_sentence"}


def _category(name: str, item: dict[str, object]) -> tuple[str, str, str] | None:
    """(category, label, severity) of one perturbed item, None when it does not count."""
    if name in SPECIAL:
        return SPECIAL[name], "shifted", "critical"
    if name == "base_id35_reference" or not item.get("pert_check", True):
        return None  # the reference is added per sentence below; a perturbation that did not apply
    severity = str(item["severity"])
    return name.split("_", 2)[2], "ok" if severity == "minor" else "shifted", severity


def build(demetr: Path, dev: Path) -> dict[str, list[dict[str, object]]]:
    seen = {
        json.loads(line)["source"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()
    }
    out: dict[str, list[dict[str, object]]] = {code: [] for code in LANGS.values()}
    base: dict[str, dict[int, dict[str, object]]] = {code: {} for code in LANGS.values()}
    for path in sorted((demetr / "dataset").glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            code = LANGS.get(item["lang_tag"])
            if code is None or item["src_sent"] in seen:
                continue
            base[code].setdefault(item["id"], item)
            kind = _category(path.stem, item)
            if kind is not None:
                out[code].append(_row(code, item, item["pert_sent"], *kind))
    for code, items in base.items():
        for item in items.values():
            out[code].append(_row(code, item, item["mt_sent"], "mt", "ok", None))
            out[code].append(_row(code, item, item["eng_sent"], "reference", "ok", None))
    for rows in out.values():
        rows.sort(key=lambda r: (r["pair_id"], r["category"]))
    return out


def _row(
    code: str, item: dict[str, object], text: object, category: str, label: str, severity: str | None
) -> dict[str, object]:
    return {
        "id": f"{code}-{item['id']}-{category}",
        "pair_id": item["id"],
        "src_lang": code,
        "tgt_lang": "en",
        "source": item["src_sent"],
        "translation": text,
        "label": label,
        "category": category,
        "severity": severity,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("demetr", type=Path, help="a checkout of github.com/marzenakrp/demetr")
    parser.add_argument("out", type=Path, help="folder for the unseen JSONL files")
    default_dev = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "demetr-es-dev.jsonl"
    parser.add_argument("--dev", type=Path, default=default_dev, help="the development file to leave out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for code, rows in build(args.demetr, args.dev).items():
        path = args.out / f"demetr-{code}-unseen.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        correct = sum(r["category"] in ("mt", "reference") for r in rows)
        print(f"{path}: {len(rows)} pairs, {correct} correct translations")


if __name__ == "__main__":
    main()
