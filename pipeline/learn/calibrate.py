"""`driftcheck calibrate`: train a calibration file from labelled pairs (see pipeline/learn/train.py).

The shipped calibration (pipeline/data/calibration-source.json) is made by `.ci/train-calibration`
with this command on the two development files; a team runs it on its editors' labels and points
`--calibration` (or `calibration = "..."` in the config) at the result.
"""

from __future__ import annotations

import json
from typing import Any

from ..config import Settings
from ..core import calibration as cal
from ..errors import ConfigError
from ..inputs.read import atomic_write
from ..terminal import inert
from ..version import __version__
from .labelled import Row, collect


def _file_entry(path: str, info: dict[str, Any], pairs: int, trained: int) -> dict[str, Any]:
    return {
        "name": info["name"],
        "sha256": info["sha256"],
        "pairs": pairs,
        "training_pairs": trained,
        "source_lang": info.get("source_lang"),
        "lang": info["lang"],
        "routes": info["routes"],
    }


def _merge(new: dict[str, Any], add_to: str) -> dict[str, Any]:
    """`new`'s variants first, then the variants of `add_to` not named like one of them."""
    old = cal.load_file(add_to)  # validates
    if old.mode != new["mode"]:
        raise ConfigError(f"{add_to}: a {old.mode} calibration; cannot add a {new['mode']} variant")
    names = {v["name"] for v in new["variants"]}
    kept = [dict(v.raw) for v in old.variants if v.name not in names]
    return {**new, "variants": new["variants"] + kept}


def run_calibrate(
    paths: list[str],
    settings: Settings,
    output: str,
    review_rate: float,
    fail_rate: float,
    budget: float,
    include_heldout: bool,
    add_to: str | None,
    combiner: str = "logistic",
    fallbacks: bool = False,
) -> tuple[dict[str, Any], str]:
    """Train the variant for the evidence the run collected; with `fallbacks`, also one for every
    smaller set of its optional evidence groups (most complete first), from the same collection.
    Returns (what was written, a summary for the terminal: the CLI prints it)."""
    from .train import recipe_for, training_file

    if fail_rate > review_rate:
        raise ConfigError("--fail-rate must not exceed --review-rate")
    if add_to is not None:
        cal.load_file(add_to)  # a bad file fails before any work
    rows, info = collect(paths, settings)
    engine = next(iter(info.values()))["engine"]
    train = [r for r in rows if include_heldout or not r.heldout]
    files = [
        _file_entry(p, info[p], sum(r.file == i for r in rows), sum(r.file == i for r in train))
        for i, p in enumerate(paths)
    ]
    recipe, targets = recipe_for(combiner), {"review": review_rate, "fail": fail_rate}
    variants = []
    for drop in _dropped_groups(rows, fallbacks):
        kept_rows = rows if not drop else [_without(r, drop) for r in rows]
        kept_train = train if not drop else [_without(r, drop) for r in train]
        variant = _fit(kept_train, kept_rows, engine, recipe, targets, budget)
        variant["cv"] = {files[int(k)]["name"]: v for k, v in variant["cv"].items()}
        variant = training_file(variant, files, "")["variants"][0]
        variant["training"]["include_heldout"] = include_heldout
        variants.append(variant)
    data = training_file(variants[0], files, f"driftcheck calibrate {__version__}")
    data["variants"] = variants
    if add_to is not None:
        data = _merge(data, add_to)
    cal.parse(data, output)  # what is written must load
    atomic_write(output, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    return data, "".join(_summary(variant, files, output) for variant in variants)


def _fit(
    train: list[Row],
    rows: list[Row],
    engine: str | None,
    recipe: dict[str, Any],
    targets: dict[str, float],
    budget: float,
) -> dict[str, Any]:
    from .train import fit_variant

    return fit_variant(train, rows, engine, recipe=recipe, targets=targets, budget=budget)


def _dropped_groups(rows: list[Row], fallbacks: bool) -> list[frozenset[str]]:
    """The optional evidence groups to leave out, per variant: none first, then (with fallbacks)
    every non-empty subset, fewest left out first ("semantic", "pv", then both)."""
    from itertools import combinations

    groups = sorted({n.split(":", 1)[0] for r in rows for n in r.features} - cal.CORE_GROUPS)
    out = [frozenset[str]()]
    if fallbacks:
        out += [frozenset(c) for k in range(1, len(groups) + 1) for c in combinations(groups, k)]
    return out


def _without(row: Row, groups: frozenset[str]) -> Row:
    """A copy of a row without the features of some evidence groups."""
    import dataclasses

    kept = {n: v for n, v in row.features.items() if n.split(":", 1)[0] not in groups}
    return dataclasses.replace(row, features=kept)


def run_calibrate_copy(
    paths: list[str],
    natural: list[str],
    settings: Settings,
    output: str,
    review_rate: float,
    budget: float,
    add_to: str | None,
) -> tuple[dict[str, Any], str]:
    """`driftcheck calibrate --mode roundtrip`: the copy-only combiner (pipeline/learn/train_copy.py).
    Returns (what was written, a summary for the terminal)."""
    from ..core.run_config import resolve_config
    from .train import _file
    from .train_copy import collect_copies, fit_copy_variant

    if add_to is not None:
        cal.load_file(add_to)  # a bad file fails before any work
    pivots = list(resolve_config(settings, "roundtrip").pivots)
    rows, info = collect_copies(paths, settings)
    nat_rows, nat_info = collect_copies(natural, settings, first=len(paths))
    engine = next(iter(info.values()))["engine"]
    variant = fit_copy_variant(rows, nat_rows, engine, pivots, review_rate, budget)
    everything, both = paths + natural, rows + nat_rows
    entries = []
    for i, path in enumerate(everything):
        mine = [r for r in both if r.file == i]
        entry = _file_entry(path, {**info, **nat_info}[path], len(mine), sum(not r.heldout for r in mine))
        entries.append({**entry, "role": "labelled" if i < len(paths) else "natural"})
    variant["training"] = {"files": entries, "include_heldout": False}
    data = _file([variant], mode="roundtrip", created=f"driftcheck calibrate {__version__}")
    if add_to is not None:
        data = _merge(data, add_to)
    cal.parse(data, output)  # what is written must load
    atomic_write(output, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    th, cv = variant["thresholds"], variant["cv"]
    capped = sorted(k for k, v in variant["precision"]["checks"].items() if v["severity"] == "minor")
    return data, (
        inert(  # the output path is the user's: no terminal control
            f"calibration: {output} (round-trip, variant '{variant['name']}', {len(variant['model']['terms'])} features)\n"
            f"thresholds: review at drift >= {th['review']} (the combiner never fails a copy)\n"
            f"over the precision budget on natural copy (minor evidence now): {', '.join(capped) or 'none'}\n"
            f"cross-validated, labelled: ROC AUC {cv['labelled']['drift_auc']}, false flags on correct "
            f"{cv['labelled']['false_flags_correct']}, minor edits {cv['labelled']['false_flags_minor']}, "
            f"recall {cv['labelled']['recall_shifted']}\n"
            f"natural copy: false flags on correct {cv['natural']['false_flags_correct']}\n"
        )
    )


def _size(model: dict[str, Any]) -> str:
    if model["kind"] == "trees":
        return f"{len(model['features'])} features, {len(model['trees'])} trees"
    return f"{len(model['terms'])} features"


def _never_reached(th: dict[str, float]) -> list[str]:
    """A warning where the combiner can never raise a verdict (too few correct translations to hold
    the targets): the thresholds were printed without a word."""
    if th["review"] >= 1.0:
        return [
            "warning: no drift reaches 1.0: the combiner never flags, only the checks' own flags give a "
            "verdict (too few correct translations to hold the false-flag target); label more pairs"
        ]
    if th["review"] == th["fail"]:
        return ["note: review and fail share one threshold: the combiner alone never gives 'review'"]
    return []


def _summary(variant: dict[str, Any], files: list[dict[str, Any]], output: str) -> str:
    th = variant["thresholds"]
    capped = sorted(k for k, v in variant["precision"]["checks"].items() if v["severity"] == "minor")
    lowered = sorted(k for k, v in variant["precision"]["checks"].items() if v["severity"] == "major")
    out = [
        f"calibration: {output} (variant '{variant['name']}', {variant['model']['kind']} combiner, {_size(variant['model'])})",
        f"thresholds: review at drift >= {th['review']}, fail at drift >= {th['fail']}",
        *_never_reached(th),
        "over the precision budget (minor evidence now): " + (", ".join(capped) or "none"),
        "critical kinds lowered to major (their fails added up over the fail target): "
        + (", ".join(lowered) or "none"),
        "cross-validated on the training part (by source sentence):",
    ]
    for f in files:
        m = variant["cv"].get(f["name"])
        if m:
            out.append(
                f"  {f['name']}: ROC AUC {m['drift_auc']}, false flags on correct {m['false_flags_correct']}, "
                f"recall {m['recall_shifted']}"
            )
    return inert("\n".join(out)) + "\n"  # file names are the user's: no terminal control
