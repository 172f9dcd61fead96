"""`driftcheck eval`: run the pipeline on labelled files and measure it, per file and per split.

Input: JSONL with `source`, `translation`, `label` (ok|shifted), `category`, `severity`, and
`pair_id` grouping the variants of one source sentence (pipeline/learn/labelled.py). A pair counts as
flagged when its verdict is review or fail. Per file and per split (`heldout`: pair_id % 5 == 0,
never used for training; `train`: the rest; `all`) it reports: false flags on correct
translations (label ok, no severity) and on harmless edits (label ok with a severity), recall on
shifted pairs, the share of correct translations failed, MCC of flagged vs shifted, the ROC AUC of
`drift`, flag rates per category and per check (fires on correct / on shifted, as raised, and how
often it still gates a correct translation after the precision budget). With `--cv` the training
part is also judged cross-validated: each source sentence by a calibration trained without it.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..config import Settings
from ..inputs.read import atomic_write
from ..records import GATING
from ..terminal import inert
from .labelled import Row, collect, judge_rows
from .metrics import mcc, roc_auc, wilson_interval

EVAL_FILES = ("eval.json", "eval.md")  # what `driftcheck eval` writes into its folder


def _flagged(r: Row) -> bool:
    return r.verdict != "ok"


def _failed(r: Row) -> bool:
    return r.verdict == "fail"


# The rates reported per split: key, group of pairs, what counts. Each also gets its interval.
RATES = (
    ("false_flags_correct", "correct", _flagged),
    ("false_flags_minor", "minor", _flagged),
    ("recall_shifted", "shifted", _flagged),
    ("fail_correct", "correct", _failed),
)


def _rate(rows: Sequence[Row], pred: Any = _flagged) -> float | None:
    if not rows:
        return None
    return round(sum(1 for r in rows if pred(r)) / len(rows), 4)


def _interval(rows: Sequence[Row], pred: Any) -> list[float] | None:
    """The 95 % Wilson interval of `_rate` (what the number of pairs leaves open)."""
    if not rows:
        return None
    lo, hi = wilson_interval(sum(1 for r in rows if pred(r)), len(rows))
    return [round(lo, 4), round(hi, 4)]


def _checks(rows: Sequence[Row]) -> dict[str, dict[str, float | None]]:
    """Per check: share of each group it fires on (as raised, minor and up) and of correct
    translations it still gates (major/critical after the budget)."""
    names = sorted({f.check for r in rows for f in r.flags if f.severity != "info"})
    groups = {g: [r for r in rows if r.group == g] for g in ("correct", "minor", "shifted")}
    out: dict[str, dict[str, float | None]] = {}
    for name in names:

        def fires(r: Row, name: str = name) -> bool:
            return any(f.check == name and f.severity != "info" for f in r.flags)

        def gates(r: Row, name: str = name) -> bool:
            return any(f.check == name and f.severity in GATING for f in r.final_flags)

        out[name] = {
            "correct": _rate(groups["correct"], fires),
            "minor": _rate(groups["minor"], fires),
            "shifted": _rate(groups["shifted"], fires),
            "gates_correct": _rate(groups["correct"], gates),
        }
    return out


def signal_aucs(rows: Sequence[Row]) -> dict[str, float | None]:
    """ROC AUC (shifted vs ok) of every signal on its own, untuned (chrF both ways, each cosine)."""
    table: dict[str, float | None] = {}
    for name in dict.fromkeys(k for r in rows for k in r.signals):
        pos = [r.signals[name] for r in rows if name in r.signals and r.shifted]
        neg = [r.signals[name] for r in rows if name in r.signals and not r.shifted]
        auc = roc_auc(pos, neg)
        table[name] = None if auc is None else round(auc, 4)
    return table


def measure(rows: Sequence[Row]) -> dict[str, Any]:
    groups: dict[str, list[Row]] = defaultdict(list)
    by_cat: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        groups[r.group].append(r)
        by_cat[r.category].append(r)
    flagged = [r.verdict != "ok" for r in rows]
    tp = sum(1 for r, f in zip(rows, flagged) if f and r.shifted)
    fp = sum(1 for r, f in zip(rows, flagged) if f and not r.shifted)
    fn = sum(1 for r, f in zip(rows, flagged) if not f and r.shifted)
    tn = len(rows) - tp - fp - fn
    auc = roc_auc(
        [r.drift for r in groups["shifted"]], [r.drift for r in groups["correct"] + groups["minor"]]
    )
    m = mcc(tp, fp, fn, tn)
    return {
        "n": len(rows),
        "n_correct": len(groups["correct"]),
        "n_minor": len(groups["minor"]),
        "n_shifted": len(groups["shifted"]),
        **{key: _rate(groups[group], pred) for key, group, pred in RATES},
        "intervals": {key: _interval(groups[group], pred) for key, group, pred in RATES},  # 95 %, Wilson
        "mcc": None if m is None else round(m, 4),
        "drift_auc": None if auc is None else round(auc, 4),
        "categories": {
            cat: {"group": rs[0].group, "n": len(rs), "flag_rate": _rate(rs)}
            for cat, rs in sorted(by_cat.items())
        },
        "checks": _checks(rows),
        "signal_auc": signal_aucs(rows),
    }


def split_rows(rows: Sequence[Row], split: str) -> list[Row]:
    if split == "heldout":
        return [r for r in rows if r.heldout]
    if split == "train":
        return [r for r in rows if not r.heldout]
    return list(rows)


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.1%}"


def _span(x: list[float] | None) -> str:
    return "–" if x is None else f"{x[0]:.1%}–{x[1]:.1%}"


def _num(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


SUMMARY = (
    ("pairs", "n", str),
    ("false flags, correct translations", "false_flags_correct", _pct),
    ("false flags, harmless edits", "false_flags_minor", _pct),
    ("recall, shifted", "recall_shifted", _pct),
    ("failed, correct translations", "fail_correct", _pct),
    ("MCC", "mcc", _num),
    ("ROC AUC of drift", "drift_auc", _num),
)


def file_markdown(name: str, splits: dict[str, dict[str, Any]]) -> list[str]:
    cols = list(splits)
    lines = [f"### {name}", "", "| | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    for label, key, fmt in SUMMARY:
        lines.append(f"| {label} | " + " | ".join(fmt(splits[c][key]) for c in cols) + " |")
    lines += ["", "95 % intervals of the rates (Wilson: what the number of pairs leaves open):", ""]
    lines += ["| | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    for label, key, _ in SUMMARY:
        if key in splits[cols[0]]["intervals"]:  # the rates
            lines.append(
                f"| {label} | " + " | ".join(_span(splits[c]["intervals"][key]) for c in cols) + " |"
            )
    # the held-out part's tables, else the first split that has pairs (a file with none held out
    # printed them empty, headers only)
    which = next((c for c in ("heldout", *cols) if splits.get(c, {}).get("n")), cols[0])
    main = splits[which]
    lines += [
        "",
        f"Per check ({which}; fires: as raised, minor and up; gates: still major/critical after the budget):",
        "",
        "| check | fires on correct | fires on harmless edits | fires on shifted | gates correct |",
        "|---|---:|---:|---:|---:|",
    ]
    for check, c in main["checks"].items():
        lines.append(
            f"| {check} | {_pct(c['correct'])} | {_pct(c['minor'])} | {_pct(c['shifted'])} | {_pct(c['gates_correct'])} |"
        )
    aucs = {s: splits[s]["signal_auc"] for s in cols}
    names = list(dict.fromkeys(n for s in cols for n in aucs[s]))
    lines += ["", "ROC AUC of each signal alone (untuned), and of the calibrated drift:", ""]
    lines += ["| signal | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    for n in names:
        lines.append(f"| {n} | " + " | ".join(_num(aucs[s].get(n)) for s in cols) + " |")
    lines.append("| drift | " + " | ".join(_num(splits[s]["drift_auc"]) for s in cols) + " |")
    if not any(n.startswith("cos(") for n in names):
        lines += [
            "",
            "Semantic scores were off: `pip install -e '.[neural]'` adds the sentence-encoder cosines.",
        ]
    lines += ["", f"Per category ({which}):", "", "| category | group | n | flagged |", "|---|---|---:|---:|"]
    cats = sorted(main["categories"].items(), key=lambda kv: (kv[1]["group"] != "shifted", kv[0]))
    lines += [f"| {cat} | {c['group']} | {c['n']} | {_pct(c['flag_rate'])} |" for cat, c in cats]
    return lines + [""]


def evaluate(
    paths: list[str], settings: Settings, mode: str, splits: Sequence[str], cv: bool, calibrated: bool = True
) -> dict[str, Any]:
    """Measure every file; returns the eval JSON (no output written)."""
    t0 = time.perf_counter()
    calibration_sig: dict[str, Any] | None = None
    how: tuple[dict[str, Any], dict[str, float], float] | None = None  # how --cv retrains
    if mode == "source":
        rows, info = collect(paths, settings)
        engine = next(iter(info.values()))["engine"]
        if calibrated:
            from ..core import calibration as cal
            from ..core.judge import pick_variant
            from .train import trained_how

            found = cal.resolve("source", settings.calibration)
            severities = {n: c["severity"] for n, c in settings.checks.items() if "severity" in c}
            for index, path in enumerate(paths):
                if found is None:
                    break
                mine = [r for r in rows if r.file == index]  # each file by the variant of its engine
                groups = set().union(*(cal.groups_of(r.features) for r in mine))
                pair = (info[path]["source_lang"], info[path]["lang"])
                variant, _ = pick_variant(found, groups, info[path]["engine"], pair)
                judge_rows(mine, variant, severities)
                how = how or trained_how(variant.raw)  # --cv retrains as the calibration was trained
                info[path]["calibration"] = cal.signature(found, variant)
                calibration_sig = calibration_sig or info[path]["calibration"]
    else:
        from .train_copy import collect_copies, judge_copy_rows

        rows, info = collect_copies(paths, settings)
        engine = next(iter(info.values()))["engine"]
        if calibrated:
            calibration_sig = judge_copy_rows(rows, settings, engine)
    cv_rows: list[Row] = []
    if cv and mode == "source":
        from .train import cross_validated

        cv_rows = cross_validated(rows, engine, *(how or ()))
    files: dict[str, Any] = {}
    for index, path in enumerate(paths):
        mine = [r for r in rows if r.file == index]
        out = {s: measure(split_rows(mine, s)) for s in splits}
        if cv_rows:
            out["train_cv"] = measure([r for r in cv_rows if r.file == index])
        files[info[path]["name"]] = {"input": path, **info[path], "splits": out}
    return {
        "mode": mode,
        "engine": engine,
        "calibration": calibration_sig if calibrated else "none (flag rules)",
        "seconds": round(time.perf_counter() - t0, 2),
        "files": files,
    }


def to_markdown(result: dict[str, Any]) -> str:
    cal = result["calibration"]
    cal_text = cal if isinstance(cal, str) else f"{cal['source']} ({cal['variant']})" if cal else "none"
    lines = [
        f"## driftcheck eval: mode {result['mode']}, engine {result['engine']}, calibration {cal_text}",
        "",
    ]
    for name, f in result["files"].items():
        variant = (f.get("calibration") or {}).get("variant")
        lines += [f"engine {f['engine']}" + (f", calibration variant {variant}" if variant else ""), ""]
        lines += file_markdown(name, f["splits"])
    return "\n".join(lines)


def run_eval(
    paths: list[str],
    settings: Settings,
    mode: str,
    output: str,
    splits: Sequence[str],
    cv: bool,
    calibrated: bool,
) -> tuple[dict[str, Any], str]:
    """Measure the files, write eval.json and eval.md into `output`; returns (the result, the
    Markdown and where it went, for the terminal: the CLI prints it)."""
    result = evaluate(paths, settings, mode, splits, cv, calibrated)
    md = inert(to_markdown(result))  # file names are the user's: no terminal control
    out = Path(output)
    json_path, md_path = (out / name for name in EVAL_FILES)
    atomic_write(json_path, json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    atomic_write(md_path, md)
    return result, md + inert(f"\nwritten: {json_path}, {md_path}") + "\n"
