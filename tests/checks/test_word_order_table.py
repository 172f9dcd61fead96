"""The word-class pair table of `order`'s permutation test ships prebuilt (pipeline/data), built by
.ci/build_order_classes.py from the installed symspellpy and lemminflect."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from pipeline.checks import word_order

from .helpers import ci_script


def _shipped() -> dict[str, object]:
    text = (resources.files("pipeline") / "data" / word_order.CLASS_TABLE).read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def test_the_shipped_table_is_what_the_installed_packages_count() -> None:
    """Stale data fails here: rebuild with .ci/build_order_classes.py after upgrading either package."""
    shipped = _shipped()
    assert shipped["versions"] == word_order.table_versions()
    assert shipped == ci_script("build_order_classes").table()


def test_the_test_reads_the_shipped_table_and_counts_it_without_one(monkeypatch: pytest.MonkeyPatch) -> None:
    word_order._classes.cache_clear()
    shipped = word_order._classes()
    assert word_order._shipped_pairs() is not None
    # other package versions: the table is counted again, with the same result
    monkeypatch.setattr(word_order, "table_versions", lambda: {"symspellpy": "0", "lemminflect": "0"})
    assert word_order._shipped_pairs() is None
    word_order._classes.cache_clear()
    try:
        assert word_order._classes() == shipped
    finally:
        word_order._classes.cache_clear()
    pairs, left, right, total = shipped
    assert pairs[("NOUN", "and")] > 0 and total == sum(left.values()) == sum(right.values())
