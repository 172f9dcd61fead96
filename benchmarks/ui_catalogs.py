"""False flags on natural short copy: the user-interface strings of the gettext catalogues a Debian
machine ships (`/usr/share/locale/LANG/LC_MESSAGES/*.mo`: apt, coreutils, git, glib…), English
msgids and their translations, written into one PO file and checked as a team checks its PO
files (placeholders such as %s masked for the engine and the checks, compared on their own).

The catalogues are translated and reviewed by people, so nearly every pair is correct: the share of
pairs driftcheck sends to review (or fails) is its false-flag rate on UI copy, the short strings a
PO or XLIFF workflow holds (buttons, menu items, messages), which the development files (news
sentences) do not have. Each pair is put in a fixed fifth by a hash of its msgid: `part 0` is kept
out of any reading of examples (`--show` lists flagged pairs of the other four fifths only).

    .venv/bin/python benchmarks/ui_catalogs.py [--lang es] [--from LANG] [--max-words 12]
        [--sample 1500] [--engine apertium] [--show 20] [--out DIR] [-- extra driftcheck check options]

`--from es --lang pt` checks copy between two other languages: the two catalogues joined on the
English msgid, the `--from` language's translation as the source and `--lang`'s as the copy (two
people's translations of one string: nearly always the same meaning; strings either side left in
English are left out). The fifths stay those of the English msgid.

Prints, per fifth group (read / held out): pairs, flagged (review or fail), failed, and per check
how many pairs it raised major/critical on. Needs polib (a dependency) and the catalogues.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _part(msgid: str) -> int:
    return int(hashlib.sha256(msgid.encode("utf-8")).hexdigest(), 16) % 5


def catalogue_pairs(lang: str, max_words: int) -> list[dict[str, str]]:
    """Distinct single-line (msgid, msgstr) pairs of every catalogue of `lang`, sorted by msgid."""
    import polib

    seen: dict[str, dict[str, str]] = {}
    for mo in sorted(Path("/usr/share/locale", lang, "LC_MESSAGES").glob("*.mo")):
        try:
            entries = polib.mofile(str(mo))
        except (OSError, ValueError):
            continue
        for e in entries:
            src, tgt = e.msgid.strip(), (e.msgstr or "").strip()
            if not src or not tgt or e.msgid_plural or "\n" in src or "\n" in tgt:
                continue
            if not 1 <= len(src.split()) <= max_words or src in seen:
                continue
            seen[src] = {"id": f"{mo.stem}:{len(seen)}", "source": src, "translation": tgt}
    return [seen[k] for k in sorted(seen)]


def joined(source: list[dict[str, str]], copy: list[dict[str, str]]) -> list[dict[str, str]]:
    """Pairs of two languages' translations of one English msgid (`catalogue_pairs` of each), the
    first language's as the source: {id, source, translation, msgid}; sorted by msgid."""
    theirs = {p["source"]: p for p in copy if p["translation"] != p["source"]}
    return [
        {
            "id": p["id"],
            "source": p["translation"],
            "translation": theirs[p["source"]]["translation"],
            "msgid": p["source"],
        }  # fmt: skip
        for p in source
        if p["source"] in theirs and p["translation"] != p["source"]
    ]


def summarise(data: dict[str, Any], part: dict[str, int], source_lang: str, show: int) -> None:
    """Per fifth group (read / held out): pairs, flagged, failed, major/critical flags per check;
    then `show` flagged pairs of the read fifths."""
    groups: dict[str, list[dict[str, object]]] = {"read (parts 1-4)": [], "held out (part 0)": []}
    for seg in data["segments"]:
        # the English msgid's fifth: the segment's source itself where that is the msgid, as read
        # since the benchmark began (a few sources read back differently from their msgid)
        held_out = (part[seg["meta"]["msgctxt"]] if source_lang != "en" else _part(seg["source"])) == 0
        groups["held out (part 0)" if held_out else "read (parts 1-4)"].append(seg)
    for name, segs in groups.items():
        flagged = [s for s in segs if s["verdict"] != "ok"]
        failed = [s for s in segs if s["verdict"] == "fail"]
        by_check = Counter(
            f["check"]
            for s in segs
            for f in {(f["check"], f["severity"]): f for f in s["flags"]}.values()
            if f["severity"] in ("major", "critical")
        )
        n = max(len(segs), 1)
        print(f"{name}: {len(segs)} pairs, flagged {len(flagged)} ({100 * len(flagged) / n:.1f} %), "
              f"failed {len(failed)} ({100 * len(failed) / n:.1f} %)")  # fmt: skip
        print("   major/critical by check: " + ", ".join(f"{c} {k}" for c, k in by_check.most_common()))
    shown = [s for s in groups["read (parts 1-4)"] if s["verdict"] != "ok"][:show]
    for s in shown:
        why = "; ".join(f"{f['check']}:{f['severity']}" for f in s["flags"] if f["severity"] != "minor")
        print(f"  [{s['verdict']}] {s['source']!r} -> {s['text']!r} ({why})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="es")
    ap.add_argument(
        "--from", dest="source_lang", default="en", help="the source's language (default: English)"
    )
    ap.add_argument("--max-words", type=int, default=12)
    ap.add_argument("--sample", type=int, default=1500)
    ap.add_argument("--engine", default="apertium")
    ap.add_argument("--show", type=int, default=0, help="flagged pairs of the read fifths to list")
    ap.add_argument("--out", type=Path, default=Path("/tmp/driftcheck-ui-catalogs"))
    args, extra = ap.parse_known_args()
    extra = [a for a in extra if a != "--"]  # "-- --no-semantic": the options after it go to check
    pairs = catalogue_pairs(args.lang, args.max_words)
    if args.source_lang != "en":
        pairs = joined(catalogue_pairs(args.source_lang, args.max_words), pairs)
    if not pairs:
        print(f"no catalogues for '{args.lang}' under /usr/share/locale", file=sys.stderr)
        return 2
    part = {p["id"]: _part(p["msgid"]) for p in pairs if "msgid" in p}
    random.Random(0).shuffle(pairs)
    pairs = pairs[: args.sample]
    args.out.mkdir(parents=True, exist_ok=True)
    import polib

    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": args.lang}
    for p in pairs:
        po.append(polib.POEntry(msgid=p["source"], msgstr=p["translation"], msgctxt=p["id"]))
    src = (
        args.out / f"ui-{args.source_lang}-{args.lang}.po"
    )  # a PO file, as a team checks one: placeholders masked
    po.save(str(src))
    report = args.out / f"ui-{args.source_lang}-{args.lang}.json"
    cmd = [str(ROOT / ".venv/bin/driftcheck"), "check", str(src), "-s", args.source_lang, "-l", args.lang,
           "--engine", args.engine, "--fail-on", "never", "-f", "json", "-o", str(report), *extra]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, env={"HF_HUB_OFFLINE": "1", **os.environ})
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        return done.returncode
    summarise(json.loads(report.read_text(encoding="utf-8")), part, args.source_lang, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
