"""Baselines: accepted flags stop failing the gate, new ones still fail, fixed ones are reported.

Works on tests/data/ci_report.json (see test_report_ci.py); the last test runs the real
pipeline with Apertium twice, moving sentences between the runs.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.errors import ConfigError
from pipeline.report.baseline import (
    apply_baseline,
    create_baseline,
    dumps_baseline,
    flag_key,
    load_baseline,
    save_baseline,
)
from pipeline.report.gate import gate
from tests.conftest import run_cli

DATA = Path(__file__).parents[1] / "data" / "ci_report.json"


@pytest.fixture
def report() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def seg(data: dict[str, Any], doc: int, seg_id: str) -> dict[str, Any]:
    return next(s for s in data["segments"] if s["document"] == doc and s["id"] == seg_id)


def baselined(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(s["id"], f["check"]) for s in data["segments"] for f in s["flags"] if f.get("baselined")]


# --- keys ----------------------------------------------------------------------------------


def test_key_ignores_position_message_and_whitespace(report: dict[str, Any]) -> None:
    s = seg(report, 0, "p2.s1")
    f = s["flags"][0]
    key = flag_key(s, f, "docs/guide.md")
    moved = {**s, "id": "p7.s3", "paragraph": 7, "sentence": 3, "line": 120}
    assert flag_key(moved, f, "docs/guide.md") == key
    reworded = {**f, "message": "other words", "severity": "minor", "spans": []}
    assert flag_key(s, reworded, "docs/guide.md") == key
    rewrapped = {**s, "text": "The camp lies 20\n   kilometres  from Tirana."}
    assert flag_key(rewrapped, f, "./docs\\guide.md") == key


@pytest.mark.parametrize(
    "change",
    [
        lambda s, f, p: ({**s, "text": s["text"].replace("20", "25")}, f, p),  # the sentence was edited
        lambda s, f, p: (s, {**f, "check": "names"}, p),  # another check
        lambda s, f, p: (s, f, "docs/other.md"),  # another file
        lambda s, f, p: ({**s, "source": "El campamento está a 20 km."}, f, p),  # another source sentence
    ],
)
def test_key_changes_with_text_check_path_and_source(report: dict[str, Any], change: Any) -> None:
    s = seg(report, 0, "p2.s1")
    f = s["flags"][0]
    assert flag_key(*change(s, f, "docs/guide.md")) != flag_key(s, f, "docs/guide.md")


# --- create --------------------------------------------------------------------------------


def test_create_is_sorted_deterministic_and_readable(report: dict[str, Any]) -> None:
    b = create_baseline(report)
    assert (b["version"], b["tool"]) == (1, "driftcheck")
    assert len(b["entries"]) == 5
    assert [set(e) for e in b["entries"]] == [{"key", "check", "path", "text_preview"}] * 5
    order = [(e["path"], e["check"], e["text_preview"], e["key"]) for e in b["entries"]]
    assert order == sorted(order)
    shuffled = copy.deepcopy(report)
    shuffled["segments"].reverse()
    assert dumps_baseline(create_baseline(shuffled)) == dumps_baseline(b)
    numbers = next(e for e in b["entries"] if e["check"] == "numbers")
    assert numbers == {
        "key": flag_key(seg(report, 0, "p2.s1"), seg(report, 0, "p2.s1")["flags"][0], "docs/guide.md"),
        "check": "numbers",
        "path": "docs/guide.md",
        "text_preview": "The camp lies 20 kilometres from Tirana.",
    }


def test_create_dedupes_one_check_on_one_sentence(report: dict[str, Any]) -> None:
    s = seg(report, 0, "p2.s1")
    s["flags"].append({**s["flags"][0], "message": "a second number differs"})
    assert len(create_baseline(report)["entries"]) == 5


def test_create_says_entries_and_flags_where_they_differ(report: dict[str, Any], tmp_path: Path) -> None:
    """ "5 flag(s) recorded", then "6 flags accepted by the baseline" from `check` on the same report:
    one check's two flags on one sentence are one entry."""
    s = seg(report, 0, "p2.s1")
    s["flags"].append({**s["flags"][0], "message": "a second number differs"})
    report["summary"]["checks"]["numbers"] += 1  # as the run would count it (report checks the counts)
    (tmp_path / "r.json").write_text(json.dumps(report), encoding="utf-8")
    r = run_cli("baseline", "create", "r.json", "-o", "b.json", cwd=tmp_path)
    flags = sum(len(x["flags"]) for x in report["segments"])
    assert (r.code, r.stdout) == (
        0,
        f"baseline: 5 entries recorded in b.json ({flags} flags: one entry per check and sentence)\n",
    )


def test_create_over_a_baseline_says_what_it_dropped(report: dict[str, Any], tmp_path: Path) -> None:
    """`baseline create` over an existing baseline replaced it without a word: entries accepted
    earlier (an editor's imported false alarms) were gone. A file there that is no baseline (a
    report) was overwritten."""
    (tmp_path / "r.json").write_text(json.dumps(report), encoding="utf-8")
    assert run_cli("baseline", "create", "r.json", "-o", "b.json", cwd=tmp_path).code == 0
    base = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    imported = {
        "key": "0123456789abcdef",
        "check": "names",
        "path": "other.md",
        "text_preview": "An editor's.",
    }
    base["entries"].append(imported)  # accepted earlier, from `baseline import`
    (tmp_path / "b.json").write_text(json.dumps(base), encoding="utf-8")
    r = run_cli("baseline", "create", "r.json", "-o", "b.json", cwd=tmp_path)
    assert r.code == 0 and r.stdout.splitlines()[-1] == (
        f"baseline: 1 of the {len(base['entries'])} entries b.json had are not in this report and were "
        "dropped (`baseline import` adds to a baseline)"
    ), r.stdout
    (tmp_path / "r2.json").write_text(json.dumps(report), encoding="utf-8")  # a report, not a baseline
    r = run_cli("baseline", "create", "r.json", "-o", "r2.json", cwd=tmp_path)
    assert (r.code, r.stderr) == (
        2,
        "driftcheck: error: r2.json: not a driftcheck baseline: it looks like a JSON report: "
        "`baseline create` would replace it; choose another path\n",
    )
    assert json.loads((tmp_path / "r2.json").read_text(encoding="utf-8")) == report


# --- apply ---------------------------------------------------------------------------------


def test_old_flags_pass(report: dict[str, Any]) -> None:
    assert not gate(report).passed
    before = copy.deepcopy(report)
    out, stale = apply_baseline(report, create_baseline(report))
    assert report == before  # the input is not modified
    assert stale == []
    assert len(baselined(out)) == 5
    assert {s["verdict"] for s in out["segments"]} == {"ok"}
    assert out["summary"]["verdicts"] == {"ok": 6, "review": 0, "fail": 0}
    assert (out["summary"]["flagged"], out["summary"]["checks"], out["summary"]["worst"]) == (0, {}, "ok")
    assert out["summary"]["baselined"] == 5
    assert [d["counts"] for d in out["documents"]] == [
        {"ok": 4, "review": 0, "fail": 0},
        {"ok": 2, "review": 0, "fail": 0},
    ]
    assert gate(out, fail_on="review").passed


def test_a_new_flag_still_fails(report: dict[str, Any]) -> None:
    baseline = create_baseline(report)
    seg(report, 1, "p1.s1")["flags"].append(
        {"check": "negation", "severity": "critical", "message": "a negation was added", "spans": []}
    )
    seg(report, 1, "p1.s1")["verdict"] = "fail"
    out, _ = apply_baseline(report, baseline)
    assert [(s["id"], s["verdict"]) for s in out["segments"] if s["verdict"] != "ok"] == [("p1.s1", "fail")]
    assert out["summary"]["checks"] == {"negation": 1}
    result = gate(out)
    assert not result.passed
    assert result.reasons == ("1 sentence with verdict 'fail' or worse (--fail-on fail)",)


def test_same_check_on_an_edited_sentence_is_new(report: dict[str, Any]) -> None:
    baseline = create_baseline(report)
    s = seg(report, 0, "p2.s1")
    s["text"] = "The camp lies 25 kilometres from Tirana."
    out, stale = apply_baseline(report, baseline)
    assert seg(out, 0, "p2.s1")["verdict"] == "fail"
    assert [e["check"] for e in stale] == ["numbers"]  # the old wording no longer exists


def test_partially_baselined_sentence_keeps_the_worst_remaining_verdict(report: dict[str, Any]) -> None:
    full = create_baseline(report)
    only_drift = {**full, "entries": [e for e in full["entries"] if e["check"] == "drift"]}
    out, _ = apply_baseline(report, only_drift)
    assert seg(out, 0, "p2.s2")["verdict"] == "fail"  # the negation (critical) is still there
    only_negation = {**full, "entries": [e for e in full["entries"] if e["check"] == "negation"]}
    out, _ = apply_baseline(report, only_negation)
    assert seg(out, 0, "p2.s2")["verdict"] == "review"  # the drift flag (major) remains
    assert seg(out, 0, "p2.s1")["verdict"] == "fail"  # untouched segments keep their verdict


def test_stale_entries_are_reported(report: dict[str, Any]) -> None:
    baseline = create_baseline(report)
    fixed = seg(report, 0, "p2.s1")
    fixed["flags"], fixed["verdict"] = [], "ok"
    out, stale = apply_baseline(report, baseline)
    assert [(e["check"], e["path"], e["text_preview"]) for e in stale] == [
        ("numbers", "docs/guide.md", "The camp lies 20 kilometres from Tirana.")
    ]
    assert len(baselined(out)) == 4


def test_entries_of_files_not_checked_are_not_stale(report: dict[str, Any]) -> None:
    baseline = create_baseline(report)
    report["documents"] = report["documents"][1:]
    report["segments"] = [s for s in report["segments"] if s["document"] == 1]
    out, stale = apply_baseline(report, baseline)
    assert stale == [] and baselined(out) == [("p1.s2", "drift")]


def test_a_moved_sentence_still_matches(report: dict[str, Any]) -> None:
    baseline = create_baseline(report)
    for s in report["segments"]:  # a new paragraph of 5 lines was inserted at the top of each file
        s["line"] += 5
        s["paragraph"] += 1
        s["id"] = f"p{s['paragraph']}.s{s['sentence']}"
    out, stale = apply_baseline(report, baseline)
    assert stale == [] and len(baselined(out)) == 5
    assert {s["verdict"] for s in out["segments"]} == {"ok"}


def test_apply_is_deterministic(report: dict[str, Any]) -> None:
    baseline = create_baseline(report)
    assert apply_baseline(report, baseline) == apply_baseline(copy.deepcopy(report), copy.deepcopy(baseline))


# --- files ---------------------------------------------------------------------------------


def test_save_and_load_round_trip_atomically(tmp_path: Path, report: dict[str, Any]) -> None:
    path = tmp_path / "ci" / "driftcheck-baseline.json"
    baseline = create_baseline(report)
    save_baseline(path, baseline)
    assert load_baseline(path) == baseline
    assert path.read_text(encoding="utf-8") == dumps_baseline(baseline)
    assert path.read_text(encoding="utf-8").endswith("}\n")
    save_baseline(path, {**baseline, "entries": []})  # replacing an existing file
    assert load_baseline(path)["entries"] == []
    assert sorted(p.name for p in path.parent.iterdir()) == ["driftcheck-baseline.json"]  # no temp files left


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        ("{not json", "baseline file is not valid JSON"),
        ('["a"]', "not a driftcheck baseline"),
        ('{"tool": "other", "version": 1, "entries": []}', "not a driftcheck baseline"),
        ('{"tool": "driftcheck", "version": 2, "entries": []}', "baseline version 2 is not supported"),
        ('{"tool": "driftcheck", "entries": []}', 'baseline "version" is missing (expected 1)'),
        ('{"tool": "driftcheck", "version": "1", "entries": []}', 'baseline version "1" is not supported'),
        ('{"tool": "driftcheck", "version": 1, "entries": {}}', '"entries" must be a list'),
        ('{"tool": "driftcheck", "version": 1, "entries": [{"check": "x"}]}', "baseline entry 1 needs"),
    ],
)
def test_bad_baseline_files_are_one_line_config_errors(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_baseline(path)
    assert message in err.value.message and str(path) in err.value.message
    assert "\n" not in err.value.message and err.value.exit_code == 2


def test_unwritable_baseline_is_a_config_error(tmp_path: Path, report: dict[str, Any]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot write baseline"):
        save_baseline(blocker / "baseline.json", create_baseline(report))


# --- the real pipeline (Apertium) ----------------------------------------------------------


@pytest.mark.requires_apertium
def test_real_runs_baseline_survives_moving_sentences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_cache: Path
) -> None:
    from pipeline.config import Settings
    from pipeline.core.verify import verify
    from pipeline.report.to_json import to_dict

    monkeypatch.chdir(tmp_path)
    doc, src = Path("news.md"), Path("news.es.md")
    flagged = "The engineers replaced 230 cables."  # the source says 320
    src.write_text(
        "La policía entró en el campamento. Los ingenieros sustituyeron 320 cables.\n", encoding="utf-8"
    )
    doc.write_text(f"Police entered the camp. {flagged}\n", encoding="utf-8")
    settings = Settings(lang="en", source_lang="es", engine="apertium")
    first = to_dict(verify([str(doc)], settings, source=str(src)))
    assert first["summary"]["flagged"] >= 1, "the changed number is flagged"
    baseline = create_baseline(first)

    src.write_text(
        "# Actualización\n\nDecenas de heridos.\n\nLa policía entró en el campamento.\n"
        "Los ingenieros sustituyeron 320 cables.\n",
        encoding="utf-8",
    )
    doc.write_text(
        f"# Update\n\nDozens were injured.\n\nPolice entered the camp.\n{flagged}\n", encoding="utf-8"
    )
    second = to_dict(verify([str(doc)], settings, source=str(src)))
    moved = next(s for s in second["segments"] if s["text"] == flagged)
    assert moved["line"] == 6 and moved["verdict"] != "ok"
    out, stale = apply_baseline(second, baseline)
    assert stale == []
    assert next(s for s in out["segments"] if s["text"] == flagged)["verdict"] == "ok"
    assert gate(out, fail_on="review").passed == all(s["verdict"] == "ok" for s in out["segments"])


@pytest.mark.requires_apertium
def test_a_report_given_as_the_baseline_says_how_to_make_one(report: dict[str, Any], work: Path) -> None:
    """`check --baseline r.json`, r.json a report, said only "not a driftcheck baseline (expected
    "tool": "driftcheck")"."""
    (work / "my r.json").write_text(json.dumps(report), encoding="utf-8")
    r = run_cli(
        "check", "a.txt", "-l", "en", "--engine", "apertium", "--no-semantic", "--no-cache",
        "-f", "json", "-o", "out.json", "--baseline", "my r.json", cwd=work,
    )  # fmt: skip
    assert (r.code, r.stdout, r.stderr) == (
        2,
        "",
        "driftcheck: error: my r.json: not a driftcheck baseline: it looks like a JSON report; "
        "`driftcheck baseline create 'my r.json'` makes a baseline of it\n",
    )
    assert sorted(p.name for p in work.iterdir()) == ["a.txt", "my r.json"]


def test_create_refuses_a_report_suffix(report: dict[str, Any], tmp_path: Path) -> None:
    """`-o base.sarif` wrote the baseline's JSON under a SARIF name (`check` refuses such a mismatch)."""
    (tmp_path / "r.json").write_text(json.dumps(report), encoding="utf-8")
    r = run_cli("baseline", "create", "r.json", "-o", "base.sarif", cwd=tmp_path)
    assert (r.code, r.stderr) == (
        2,
        "driftcheck: error: base.sarif: a baseline is a JSON file, not .sarif; name it .json\n",
    )
    assert not (tmp_path / "base.sarif").exists()
    assert (
        run_cli("baseline", "create", "r.json", "-o", "accepted-flags", cwd=tmp_path).code == 0
    )  # no suffix: fine


@pytest.mark.parametrize(
    ("output", "error"),
    [
        ("-", "--output -: a baseline is a file, extended by later runs, not stdout; name a .json file"),
        ("", "--output: is empty: name the baseline's JSON file (an unset variable?)"),
        ("kept", "kept: is a folder; name the baseline's JSON file"),
    ],
)
def test_create_and_import_refuse_what_is_no_baseline_file(
    report: dict[str, Any], tmp_path: Path, output: str, error: str
) -> None:
    """`-o -` wrote a file named "-" (stdout for `check`), `-o ''` said "error: : cannot write
    baseline (Is a directory)", and a folder was told to name "a folder for several formats"."""
    (tmp_path / "r.json").write_text(json.dumps(report), encoding="utf-8")
    (tmp_path / "d.json").write_text('{"decisions": []}', encoding="utf-8")
    (tmp_path / "kept").mkdir()
    for args in (("create", "r.json"), ("import", "d.json")):
        r = run_cli("baseline", *args, "-o", output, cwd=tmp_path)
        assert (r.code, r.stderr, r.stdout) == (2, f"driftcheck: error: {error}\n", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.json", "kept", "r.json"]
