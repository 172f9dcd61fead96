"""What `driftcheck eval` and `driftcheck calibrate` read and how they name it: two files with one
name, a file named twice, stdin, mixed language pairs, copy-only files, too small a training part,
bad rates, a config's calibration, and `--cv` beside a team's own calibration (real Apertium)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.learn.runs import write_jsonl
from tests.learn.test_eval import labelled_rows

pytestmark = [pytest.mark.requires_apertium]
APERTIUM = ("--engine", "apertium", "--no-semantic", "--no-morph")


def test_two_files_with_one_name_keep_their_own_results(tmp_path: Path) -> None:
    """Results were keyed by base name: b/labels.jsonl replaced a/labels.jsonl's without a word."""
    rows = labelled_rows()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = write_jsonl(tmp_path / "a" / "labels.jsonl", rows[: len(rows) // 2])
    b = write_jsonl(tmp_path / "b" / "labels.jsonl", rows[len(rows) // 2 :])
    r = run_cli("eval", str(a), str(b), *APERTIUM, "-o", str(tmp_path / "ev"))
    assert r.code == 0, r.stderr
    files = json.loads((tmp_path / "ev" / "eval.json").read_text())["files"]
    assert sorted(files) == [str(a), str(b)]
    assert [
        files[str(p)]["splits"]["heldout"]["n"] + files[str(p)]["splits"]["train"]["n"] for p in (a, b)
    ] == [
        len(rows) // 2,
        len(rows) - len(rows) // 2,
    ]


@pytest.mark.requires_sklearn
def test_a_file_named_twice_counts_once_and_stdin_is_read_once(tmp_path: Path) -> None:
    """Named twice, every pair counted twice and the thresholds moved; from stdin, calibrate ran the
    whole collection and then failed re-reading '-' (a pipe was recorded as the empty file)."""
    f = write_jsonl(tmp_path / "team.jsonl", labelled_rows())
    once, twice, piped = tmp_path / "once.json", tmp_path / "twice.json", tmp_path / "piped.json"
    assert run_cli("calibrate", str(f), *APERTIUM, "-o", str(once)).code == 0
    r = run_cli("calibrate", str(f), str(f), *APERTIUM, "-o", str(twice))
    assert (
        r.code == 0
        and r.stderr == f"driftcheck: warning: {f}: the same file as an input before it: trained on once\n"
    )
    assert twice.read_bytes() == once.read_bytes()
    stdin = run_cli("calibrate", "-", *APERTIUM, "-o", str(piped), stdin=f.read_bytes())
    assert stdin.code == 0, stdin.stderr
    entry = json.loads(piped.read_text())["variants"][0]["training"]["files"][0]
    assert entry["sha256"] == hashlib.sha256(f.read_bytes()).hexdigest()


def test_one_language_pair_per_labelled_file(tmp_path: Path) -> None:
    """A file mixing es-en and pt-en rows was translated wholly as its first row's pair."""
    rows = labelled_rows()
    rows[3] = {**rows[3], "src_lang": "pt"}
    f = write_jsonl(tmp_path / "mixed.jsonl", rows)
    r = run_cli("eval", str(f), *APERTIUM, "-o", str(tmp_path / "ev"))
    assert r.code == 2 and not (tmp_path / "ev").exists()
    assert r.stderr == (
        f"driftcheck: error: {f}:4: src_lang 'pt' differs from the first pair's 'es': "
        "one language pair per labelled file (split it)\n"
    )


@pytest.mark.parametrize("rows_said", [1, 8])  # the first row alone, or every row
def test_an_unknown_language_code_names_its_line_and_field(tmp_path: Path, rows_said: int) -> None:
    """A bad first row was blamed on the valid second one ("src_lang 'es' differs from the first
    pair's 'klingon'"); on every row, the error named neither the file nor the field."""
    rows = labelled_rows()
    rows[:rows_said] = [{**r, "src_lang": "klingon"} for r in rows[:rows_said]]
    f = write_jsonl(tmp_path / "bad.jsonl", rows)
    r = run_cli("eval", str(f), *APERTIUM, "-o", str(tmp_path / "ev"))
    assert (r.code, r.stdout) == (2, "") and not (tmp_path / "ev").exists()
    assert r.stderr == (
        f"driftcheck: error: {f}:1: src_lang: unknown language code 'klingon': use an ISO 639-1 code "
        "such as en, es, fr, de\n"
    )


def test_copy_only_labelled_files_are_split_by_their_text(tmp_path: Path) -> None:
    """With no source every pair had the same split key: nothing was held out, and round-trip mode
    asked for a source language it does not use."""
    rows = [
        {k: v for k, v in r.items() if k not in ("source", "pair_id", "src_lang")} for r in labelled_rows()
    ]
    f = write_jsonl(tmp_path / "copy.jsonl", rows)
    r = run_cli("eval", str(f), "--mode", "roundtrip", "--pivot", "es", *APERTIUM, "-o", str(tmp_path / "ev"))
    assert r.code == 0, r.stderr
    splits = json.loads((tmp_path / "ev" / "eval.json").read_text())["files"]["copy.jsonl"]["splits"]
    assert splits["heldout"]["n"] > 0 and splits["train"]["n"] > 0


@pytest.mark.requires_sklearn
def test_cv_on_too_small_a_training_part_is_one_line(tmp_path: Path) -> None:
    """Fewer than five source sentences to train on: 'internal error: ValueError: Cannot have number
    of splits n_splits=5 greater than the number of groups'."""
    rows = [r for r in labelled_rows() if r["pair_id"] in (0, 1)]
    f = write_jsonl(tmp_path / "tiny.jsonl", rows)
    r = run_cli("eval", str(f), *APERTIUM, "--cv", "-o", str(tmp_path / "ev"))
    assert r.code == 2 and r.stderr.startswith("driftcheck: error: --cv needs at least two source sentences")
    assert r.stderr.count("\n") == 1 and not (tmp_path / "ev").exists()


@pytest.mark.requires_sklearn
def test_calibrate_on_a_file_held_out_whole_says_so(tmp_path: Path) -> None:
    """Every pair in the held-out fifth: calibrate said "cross-validation needs at least two source
    sentences" of a file with three, not that none of them is in the training part."""
    rows = [dict(r, pair_id=5 * (r["pair_id"] + 1)) for r in labelled_rows() if r["pair_id"] in (0, 1, 2)]
    f = write_jsonl(tmp_path / "held.jsonl", rows)
    r = run_cli("calibrate", str(f), *APERTIUM, "-o", str(tmp_path / "c.json"))
    assert (r.code, r.stderr) == (
        2,
        "driftcheck: error: training needs at least two source sentences in the training part (0 pairs "
        "there; the pairs whose pair_id is a multiple of 5 are held out)\n",
    )
    assert not (tmp_path / "c.json").exists()


@pytest.mark.parametrize("option", ["--budget", "--review-rate", "--fail-rate"])
def test_a_rate_that_is_not_a_number_is_refused(tmp_path: Path, option: str) -> None:
    """NaN passed click's range check: `--budget nan` wrote "budget": NaN and capped nothing;
    `--review-rate nan` failed after the whole collection with an internal error."""
    r = run_cli("calibrate", str(tmp_path / "x.jsonl"), option, "nan", "-o", str(tmp_path / "c.json"))
    assert (
        r.code == 2 and r.stderr == f"driftcheck: error: {option} must be a share between 0 and 1, not nan\n"
    )


@pytest.mark.requires_sklearn
def test_calibrate_writes_the_calibration_its_config_names(tmp_path: Path) -> None:
    """A config's `calibration = "mine.json"` (what `check` reads) made calibrate refuse to write
    mine.json, even before it existed, and refused the documented `--add-to mine.json -o mine.json`."""
    f = write_jsonl(tmp_path / "team.jsonl", labelled_rows())
    (tmp_path / "driftcheck.toml").write_text('calibration = "mine.json"\n', "utf-8")
    r = run_cli("calibrate", str(f), *APERTIUM, "-o", "mine.json", cwd=tmp_path)
    assert r.code == 0, r.stderr
    assert json.loads((tmp_path / "mine.json").read_text())["format"]


@pytest.mark.requires_sklearn
def test_cv_beside_a_calibration_retrains_it_as_it_was_trained(tmp_path: Path) -> None:
    """`eval --calibration FILE --cv` filled the cross-validated column with the default recipe,
    whatever FILE's review target and budget were."""
    f = write_jsonl(tmp_path / "team.jsonl", labelled_rows())
    loose = tmp_path / "loose.json"
    made = run_cli(
        "calibrate",
        str(f),
        *APERTIUM,
        "--review-rate",
        "1",
        "--fail-rate",
        "1",
        "--budget",
        "1",
        "-o",
        str(loose),
    )
    assert made.code == 0, made.stderr

    def train_cv(*extra: str) -> dict[str, object]:
        out = tmp_path / ("ev" + str(len(extra)))
        r = run_cli("eval", str(f), *APERTIUM, "--cv", *extra, "-o", str(out))
        assert r.code == 0, r.stderr
        split: dict[str, object] = json.loads((out / "eval.json").read_text())["files"]["team.jsonl"][
            "splits"
        ]
        return split["train_cv"]  # type: ignore[return-value]

    default, own = train_cv(), train_cv("--calibration", str(loose))
    rates = ("false_flags_correct", "false_flags_minor", "recall_shifted")
    assert [own[k] for k in rates] != [default[k] for k in rates]


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_a_spreadsheet_of_labels_reads_like_the_jsonl(tmp_path: Path, suffix: str) -> None:
    """A team's labels exported from a spreadsheet (a header naming the columns): `eval` read JSONL
    only and failed every row ("not valid JSON"); the same rows give the same results."""
    import csv

    rows = labelled_rows()
    jsonl = write_jsonl(tmp_path / "labels.jsonl", rows)
    table = tmp_path / f"labels{suffix}"
    with table.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t" if suffix == ".tsv" else ",", lineterminator="\n")
        writer.writerow(list(rows[0]))
        writer.writerows([["" if v is None else v for v in r.values()] for r in rows])
    results = []
    for f in (jsonl, table):
        r = run_cli("eval", str(f), *APERTIUM, "-o", str(tmp_path / f.suffix[1:]))
        assert r.code == 0, r.stderr
        results.append(
            json.loads((tmp_path / f.suffix[1:] / "eval.json").read_text())["files"][f.name]["splits"]
        )
    assert results[0] == results[1] and results[0]["train"]["n"] + results[0]["heldout"]["n"] == len(rows)


def test_eval_tables_of_a_file_with_nothing_held_out_show_its_training_part(tmp_path: Path) -> None:
    """With nothing in the held-out fifth, the per-check and per-category tables were printed with
    their headers only, though the training part had every pair."""
    rows = [r for r in labelled_rows() if r["pair_id"] in (1, 2)]
    f = write_jsonl(tmp_path / "small.jsonl", rows)
    r = run_cli("eval", str(f), *APERTIUM, "-o", str(tmp_path / "ev"))
    assert r.code == 0, r.stderr
    md = (tmp_path / "ev" / "eval.md").read_text(encoding="utf-8")
    assert "Per check (train;" in md and "Per category (train):" in md
    categories = md.split("Per category (train):")[1]
    assert "| mt | correct | 2 |" in categories


@pytest.mark.parametrize("command", ["calibrate", "baseline create"])
def test_an_output_that_names_a_folder_to_be_is_refused(tmp_path: Path, command: str) -> None:
    """`calibrate -o newdir/` wrote a file named `newdir` (exit 0); a trailing slash names a folder,
    as it does for check's outputs and --cache. A calibration or a baseline is one file."""
    labelled = write_jsonl(tmp_path / "l.jsonl", labelled_rows()[:4])
    what = "the calibration's JSON file" if command == "calibrate" else "the baseline's JSON file"
    r = run_cli(
        *command.split(),
        str(labelled),
        *(APERTIUM if command == "calibrate" else ()),
        "-o",
        "newdir/",
        cwd=tmp_path,
    )
    assert (r.code, r.stderr) == (2, f"driftcheck: error: newdir/: is a folder; name {what}\n")
    assert not (tmp_path / "newdir").exists()


@pytest.mark.requires_sklearn
def test_thresholds_the_combiner_cannot_use_are_said(tmp_path: Path) -> None:
    """A small team file gave one threshold for review and fail (or 1.0, never reached), printed
    beside a good recall without a word: the combiner alone then never gives 'review'."""
    f = write_jsonl(tmp_path / "team.jsonl", labelled_rows())
    r = run_cli("calibrate", str(f), *APERTIUM, "-o", str(tmp_path / "c.json"))
    assert r.code == 0, r.stderr
    lines = r.stdout.splitlines()
    review, fail = (float(x) for x in re.findall(r">= ([\d.]+)", lines[1]))
    assert review == fail, lines[1]  # this file's case; each line below says its own
    assert lines[2] == "note: review and fail share one threshold: the combiner alone never gives 'review'"
