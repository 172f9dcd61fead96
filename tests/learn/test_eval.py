"""`driftcheck eval` and `driftcheck calibrate` on small hand-made labelled files (real Apertium)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.learn.metrics import roc_auc
from tests.conftest import run_cli
from tests.learn.runs import check_json, write_jsonl

ROWS = [
    ("El puente reabrió el lunes.", "The bridge reopened on Monday.", "ok", "mt", None),
    (
        "Los ingenieros sustituyeron 320 cables.",
        "The engineers replaced 320 cables.",
        "ok",
        "reference",
        None,
    ),
    ("La obra costó 12 millones de euros.", "The work cost 12 million euros.", "ok", "mt", None),
    ("La obra costó 12 millones de euros.", "the work cost 12 million euros", "ok", "full_lower", "minor"),
    (
        "Los ingenieros sustituyeron 320 cables.",
        "The engineers replaced 230 cables.",
        "shifted",
        "numbers_replaced",
        "critical",
    ),
    (
        "El tráfico no estará permitido hasta junio.",
        "Traffic will be allowed until June.",
        "shifted",
        "negation",
        "critical",
    ),
    ("El puente reabrió el lunes.", "Did the bridge reopen on Monday?", "shifted", "question", "major"),
    ("El puente reabrió el lunes.", ".", "shifted", "empty", "critical"),
]

# Twelve sentences written for these tests, each with a correct translation, a harmless typo and
# three meaning shifts: enough sentences for a five-fold calibration.
SENTENCES = [
    ("La ciudad de Valencia contrató a 40 maestros.", "The city of Valencia hired 40 teachers."),
    ("El museo abrirá sus puertas en mayo.", "The museum will open its doors in May."),
    ("Marta Gómez ganó la carrera de 10 kilómetros.", "Marta Gómez won the 10-kilometre race."),
    ("El tren llegó a Sevilla con 25 minutos de retraso.", "The train reached Seville 25 minutes late."),
    ("La fábrica produce 300 coches al día.", "The factory produces 300 cars a day."),
    ("El alcalde de Bilbao inauguró el nuevo parque.", "The mayor of Bilbao opened the new park."),
    ("Los científicos estudiaron 15 especies de aves.", "The scientists studied 15 species of birds."),
    ("El equipo de Madrid jugó contra Lisboa el sábado.", "The Madrid team played Lisbon on Saturday."),
    ("La empresa vendió 8 aviones a Chile.", "The company sold 8 planes to Chile."),
    ("El río Ebro creció durante la noche.", "The Ebro river rose during the night."),
    ("Pedro Ruiz escribió 3 novelas sobre Granada.", "Pedro Ruiz wrote 3 novels about Granada."),
    ("La biblioteca compró 500 libros nuevos.", "The library bought 500 new books."),
]


def _shifts(tgt: str) -> list[tuple[str, str]]:
    words = tgt.split()
    digits = [w for w in words if any(c.isdigit() for c in w)]
    changed = (
        tgt.replace(digits[0], digits[0].replace(digits[0][0], "9" if digits[0][0] != "9" else "7"), 1)
        if digits
        else tgt + " Twice."
    )
    caps = [w.strip(".,") for w in words[1:] if w[:1].isupper()]
    renamed = tgt.replace(caps[0], "Oslo") if caps else "Nobody " + tgt[0].lower() + tgt[1:]
    negated = (
        tgt.replace(" ", " did not ", 1) if " will " not in tgt else tgt.replace(" will ", " will not ", 1)
    )
    return [(changed, "numbers_replaced"), (renamed, "ne_replaced"), (negated, "negation")]


def labelled_rows() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for pid, (src, tgt) in enumerate(SENTENCES):
        variants = [(tgt, "ok", "mt", None), (tgt.replace("The ", "Teh ", 1), "ok", "misspelled", "minor")]
        variants += [(t, "shifted", cat, "critical") for t, cat in _shifts(tgt)]
        for k, (t, label, cat, sev) in enumerate(variants):
            out.append(
                {
                    "id": f"s{pid}-{k}",
                    "pair_id": pid,
                    "src_lang": "es",
                    "tgt_lang": "en",
                    "source": src,
                    "translation": t,
                    "label": label,
                    "category": cat,
                    "severity": sev,
                }
            )
    return out


def evaluate(out: Path, *args: str) -> tuple[Any, dict[str, Any]]:
    """`driftcheck eval ... --engine apertium -o out`: the CLI result and eval.json."""
    r = run_cli("eval", *args, "--engine", "apertium", "-o", str(out))
    assert r.code == 0, r.stderr
    return r, json.loads((out / "eval.json").read_text())


def hand_made(tmp_path: Path) -> Path:
    rows = [
        {
            "id": f"r{i}",
            "src_lang": "es",
            "tgt_lang": "en",
            "source": s,
            "translation": t,
            "label": label,
            "category": cat,
            "severity": sev,
        }
        for i, (s, t, label, cat, sev) in enumerate(ROWS)
    ]
    return write_jsonl(tmp_path / "labelled.jsonl", rows)


@pytest.mark.requires_apertium
def test_eval_flag_rules_give_known_rates(tmp_path: Path) -> None:
    out = tmp_path / "eval"
    r, data = evaluate(out, str(hand_made(tmp_path)), "--no-cache", "--split", "all", "--uncalibrated")
    assert data["mode"] == "source" and data["calibration"] == "none (flag rules)"
    m = data["files"]["labelled.jsonl"]["splits"]["all"]
    assert m["n"] == len(ROWS) and (m["n_correct"], m["n_minor"], m["n_shifted"]) == (3, 1, 4)
    assert m["false_flags_correct"] == 0.0 and m["false_flags_minor"] == 0.0
    assert m["recall_shifted"] == 1.0 and m["mcc"] == 1.0 and m["drift_auc"] == 1.0
    # what 3 correct translations and 4 shifted pairs leave open (95 %, Wilson)
    assert m["intervals"]["false_flags_correct"] == [0.0, 0.5615]
    assert m["intervals"]["recall_shifted"] == [0.5101, 1.0]
    assert m["categories"]["numbers_replaced"] == {"group": "shifted", "n": 1, "flag_rate": 1.0}
    assert m["checks"]["numbers"]["shifted"] == 0.25 and m["checks"]["numbers"]["correct"] == 0.0
    md = (out / "eval.md").read_text()
    assert "| numbers_replaced | shifted | 1 | 100.0% |" in md and "| recall, shifted | 100.0% |" in md
    assert (
        "| recall, shifted | 51.0%–100.0% |" in md
        and "| false flags, correct translations | 0.0%–56.1% |" in md
    )
    assert md in r.stdout


@pytest.mark.requires_apertium
def test_eval_measures_exactly_the_verdicts_check_gives(tmp_path: Path) -> None:
    """eval applies the shipped calibration as `check` does: its rates are those of check's verdicts."""
    f = hand_made(tmp_path)
    report = check_json(tmp_path / "check.json", str(f), "--no-cache")
    sig = report["signature"]["calibration"]
    assert sig["source"] == "shipped" and sig["thresholds"]["review"] <= sig["thresholds"]["fail"]
    _, data = evaluate(tmp_path / "eval", str(f), "--no-cache", "--split", "all")
    m = data["files"]["labelled.jsonl"]["splits"]["all"]
    segs = report["segments"]
    shifted = [s["verdict"] != "ok" for s in segs if s["meta"]["label"] == "shifted"]
    correct = [s["verdict"] != "ok" for s in segs if s["meta"]["category"] in ("mt", "reference")]
    assert m["recall_shifted"] == round(sum(shifted) / len(shifted), 4)
    assert m["false_flags_correct"] == round(sum(correct) / len(correct), 4)
    auc = roc_auc(
        [s["drift"] for s in segs if s["meta"]["label"] == "shifted"],
        [s["drift"] for s in segs if s["meta"]["label"] == "ok"],
    )
    assert m["drift_auc"] == pytest.approx(auc, abs=2e-4)
    order = ["info", "minor", "major", "critical"]
    for s in segs:  # explainability: every verdict comes with a flag that gives it
        worst = max((f["severity"] for f in s["flags"]), key=order.index, default="info")
        assert s["verdict"] == {"critical": "fail", "major": "review"}.get(worst, "ok"), s
        assert ("evidence" in s) == (s["verdict"] != "ok")


@pytest.mark.requires_apertium
def test_eval_reports_each_file_and_split(tmp_path: Path) -> None:
    rows = labelled_rows()
    a = write_jsonl(tmp_path / "a.jsonl", rows)
    b = write_jsonl(tmp_path / "b.jsonl", [r for r in rows if r["pair_id"] < 6])
    out = tmp_path / "eval"
    _, data = evaluate(out, str(a), str(b))
    files = data["files"]
    assert set(files) == {"a.jsonl", "b.jsonl"}
    held = [r for r in rows if r["pair_id"] % 5 == 0]
    assert files["a.jsonl"]["splits"]["heldout"]["n"] == len(held)
    assert files["a.jsonl"]["splits"]["train"]["n"] == len(rows) - len(held)
    assert files["b.jsonl"]["splits"]["heldout"]["n"] == sum(1 for r in held if r["pair_id"] < 6)
    assert set(files["a.jsonl"]["splits"]) == {"heldout", "train"}
    md = (out / "eval.md").read_text()
    assert "### a.jsonl" in md and "### b.jsonl" in md and "| | heldout | train |" in md


def test_eval_rejects_a_file_without_labels(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"source": "Hola.", "translation": "Hello.", "src_lang": "es"}) + "\n")
    r = run_cli("eval", str(f), "--engine", "apertium", "--no-cache", "-o", str(tmp_path / "o"))
    assert r.code == 2 and "'label' must be ok or shifted" in r.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("option", "message"), [(["--split", "some"], "--split must be"), (["--mode", "x"], "--mode must be")]
)
def test_eval_rejects_bad_options(tmp_path: Path, option: list[str], message: str) -> None:
    r = run_cli("eval", str(tmp_path / "x.jsonl"), *option, "-o", str(tmp_path / "o"))
    assert r.code == 2 and message in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.requires_apertium
@pytest.mark.requires_sklearn
def test_calibrate_trains_a_reproducible_file_that_check_and_eval_use(tmp_path: Path) -> None:
    f = write_jsonl(tmp_path / "team.jsonl", labelled_rows())
    first, second = tmp_path / "cal1.json", tmp_path / "cal2.json"
    r = run_cli("calibrate", str(f), "--engine", "apertium", "-o", str(first))
    assert r.code == 0, r.stderr
    assert "thresholds: review at drift >=" in r.stdout and "cross-validated" in r.stdout
    assert run_cli("calibrate", str(f), "--engine", "apertium", "-o", str(second)).code == 0
    assert first.read_bytes() == second.read_bytes()  # fixed seed, deterministic solver
    data = json.loads(first.read_text())
    v = data["variants"][0]
    assert (
        data["mode"] == "source" and v["engine"] == "apertium" and v["training"]["include_heldout"] is False
    )
    assert v["training"]["files"][0]["training_pairs"] == sum(1 for r in labelled_rows() if r["pair_id"] % 5)
    report = check_json(tmp_path / "report.json", str(f), "--calibration", str(first))
    sig = report["signature"]["calibration"]
    assert sig["source"] == str(first) and sig["thresholds"] == v["thresholds"]
    _, result = evaluate(tmp_path / "eval", str(f), "--calibration", str(first), "--cv")
    splits = result["files"]["team.jsonl"]["splits"]
    assert set(splits) == {"heldout", "train", "train_cv"}
    assert splits["train_cv"]["n"] == splits["train"]["n"]


@pytest.mark.requires_apertium
@pytest.mark.requires_sklearn
def test_calibrate_trains_boosted_trees_that_check_uses(tmp_path: Path) -> None:
    f = write_jsonl(tmp_path / "team.jsonl", labelled_rows())
    out = tmp_path / "trees.json"
    r = run_cli(
        "calibrate", str(f), "--engine", "apertium", "--no-semantic", "--combiner", "trees", "-o", str(out)
    )
    assert r.code == 0, r.stderr
    assert "trees combiner" in r.stdout and "200 trees" in r.stdout
    v = json.loads(out.read_text())["variants"][0]
    assert v["model"]["kind"] == "trees" and v["recipe"]["kind"] == "trees"
    report = check_json(tmp_path / "report.json", str(f), "--calibration", str(out))
    assert report["signature"]["calibration"]["source"] == str(out)
    flagged = [s for s in report["segments"] if s["verdict"] != "ok"]
    assert flagged and all(s["flags"] for s in flagged)  # every verdict says why
    bad = run_cli("calibrate", str(f), "--combiner", "forest", "-o", str(tmp_path / "x.json"))
    assert bad.code == 2 and "--combiner must be trees or logistic" in bad.stderr
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    ("rows", "options", "message"),
    [
        (
            [{"source": "Hola.", "translation": "Hello.", "src_lang": "es"}],
            [],
            "'label' must be ok or shifted",
        ),
        (
            [{"source": "Hola.", "translation": "Hello.", "src_lang": "es", "label": "ok"}],
            ["--fail-rate", "0.2"],
            "--fail-rate must not exceed --review-rate",
        ),
    ],
)
def test_calibrate_rejects_bad_input_and_writes_nothing(
    tmp_path: Path, rows: list[dict[str, Any]], options: list[str], message: str
) -> None:
    f = write_jsonl(tmp_path / "x.jsonl", rows)
    out = tmp_path / "cal.json"
    r = run_cli("calibrate", str(f), "--engine", "apertium", "--no-cache", "-o", str(out), *options)
    assert r.code == 2 and message in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.requires_apertium
@pytest.mark.requires_bergamot
@pytest.mark.requires_encoder
@pytest.mark.parametrize(
    ("source", "lang", "engine", "semantic", "variant"),
    [
        ("O diretor não assinou o novo contrato.", "pt", "auto", "--semantic", "bergamot+semantic"),
        ("O diretor não assinou o novo contrato.", "pt", "bergamot", "--no-semantic", "bergamot"),
        ("El director no firmó el nuevo contrato.", "es", "auto", "--semantic", "apertium+pv+semantic"),
        ("El director no firmó el nuevo contrato.", "es", "apertium", "--no-semantic", "apertium+pv"),
        ("El director no firmó el nuevo contrato.", "es", "apertium", "--no-morph", "apertium+semantic"),
    ],
)
def test_the_shipped_variant_follows_the_engine_and_the_evidence(
    tmp_path: Path, source: str, lang: str, engine: str, semantic: str, variant: str
) -> None:
    """`auto` is named by the engine of its hops (pt<->en: Bergamot, es<->en: Apertium); the
    variant trained on that engine with the evidence the run has judges it, and the signature
    says which. A clean dropped negation is flagged by default: where its kind is within the
    precision budget the negation flag gates itself, and where natural copy put it over the budget
    (minor evidence) the combiner raises the verdict and names the negation as what weighed most.
    With Apertium's analysers installed the `pv` variants judge (`--no-morph` falls back)."""
    pairs = write_jsonl(
        tmp_path / "p.jsonl", [{"source": source, "translation": "The director signed the new contract."}]
    )
    r = run_cli("check", str(pairs), "--source-lang", lang, "--engine", engine, semantic, "--no-cache",
                "-f", "json", "--fail-on", "never")  # fmt: skip
    assert r.code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["signature"]["calibration"]["variant"] == variant
    (seg,) = data["segments"]
    negation = [f for f in seg["flags"] if f["check"] == "negation"]
    assert negation and "the rest of the clause says the same" in negation[0]["message"], seg["flags"]
    gating = [f for f in seg["flags"] if f["severity"] in ("major", "critical")]
    assert gating, seg["flags"]
    assert all(f["check"] == "negation" or "weighed most: negation" in f["message"] for f in gating), gating
    assert seg["verdict"] != "ok"


@pytest.mark.requires_apertium
def test_eval_prints_file_names_inert(tmp_path: Path) -> None:
    """A file name with terminal escapes reached the terminal raw through eval's summary."""
    rows = [
        {"id": f"r{i}", "pair_id": pid, "src_lang": "es", "tgt_lang": "en", "source": s, "translation": t,
         "label": label, "category": cat, "severity": sev}
        for i, ((s, t, label, cat, sev), pid) in enumerate(zip(ROWS, ["1", "2", "7", "10", "-3", "805.0", "4", "8"]))
    ]  # fmt: skip
    f = write_jsonl(tmp_path / "evil\x1b[35m.jsonl", rows)
    r, data = evaluate(tmp_path / "eval", str(f), "--no-cache", "--split", "all")
    assert "\x1b" not in r.stdout and "### evil␛[35m.jsonl" in r.stdout
    assert data["files"]["evil\x1b[35m.jsonl"]["splits"]["all"]["n"] == len(ROWS)


@pytest.mark.parametrize("pid", ["--5", "²", "x", 801.5, True])
def test_a_pair_id_that_is_no_whole_number_is_refused(tmp_path: Path, pid: object) -> None:
    """An odd pair_id ("--5" was an internal error; then "x", 801.5, true were hashed like a missing
    one) put its row in the held-out fifth or not by chance, apart from its source's other pairs."""
    rows = [{"id": "a", "pair_id": 7, "src_lang": "es", "source": "La casa es grande.",
             "translation": "The house is big.", "label": "ok"},
            {"id": "b", "pair_id": pid, "src_lang": "es", "source": "La casa es grande.",
             "translation": "The house is small.", "label": "shifted"}]  # fmt: skip
    f = write_jsonl(tmp_path / "odd.jsonl", rows)
    r = run_cli(
        "eval", str(f), "--engine", "apertium", "--no-cache", "--no-semantic", "-o", str(tmp_path / "o")
    )
    assert (r.code, r.stdout) == (2, "")
    assert r.stderr.startswith(f"driftcheck: error: {f}:2: 'pair_id' must be a whole number"), r.stderr
    assert not (tmp_path / "o").exists()


def test_a_pair_without_a_pair_id_joins_its_source_sentence(tmp_path: Path) -> None:
    """Without a pair_id a row was split by the hash of its source: one variant of pair 803 fell in
    the held-out fifth while its seven siblings trained (`eval`: held out 1, train 47)."""
    from pipeline.learn.labelled import load_labelled, split_key

    source = next(
        f"La casa {i} es grande." for i in range(100) if split_key({}, f"La casa {i} es grande.")[1]
    )
    rows = [{"id": f"r{i}", "src_lang": "es", "source": source, "translation": f"The house {i}.", "label": "ok",
             **({"pair_id": 803} if i else {})} for i in range(4)]  # fmt: skip
    rows.append({**rows[1], "id": "other", "source": "Otra frase.", "pair_id": None})
    segments, _ = load_labelled(str(write_jsonl(tmp_path / "p.jsonl", rows)), need_source=True)
    keys = [split_key(dict(s.meta), s.source or "") for s in segments]
    assert keys[:4] == [("p803", False)] * 4  # the first row's own hash says held out
    assert keys[4] == split_key({}, "Otra frase.")  # no sibling with an id: its source's hash


def test_eval_and_calibrate_refuse_labelled_pairs_without_a_source(tmp_path: Path) -> None:
    """Source-aware evaluation of rows with no 'source' compared every copy with an empty source
    (100 % false flags, exit 0) and calibrate trained on that; now one line, exit 2, nothing written."""
    f = write_jsonl(
        tmp_path / "nosrc.jsonl",
        [{"id": "a", "translation": "The house is big.", "src_lang": "es", "label": "ok"}],
    )
    for args in (
        ("eval", str(f), "-o", str(tmp_path / "o")),
        ("calibrate", str(f), "-o", str(tmp_path / "c.json")),
    ):
        r = run_cli(*args, "--engine", "apertium", "--no-cache", "--no-semantic")
        assert r.code == 2 and r.stderr == (
            f"driftcheck: error: {f}:1: no 'source': source-aware evaluation needs the original of every pair\n"
        ), r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nosrc.jsonl"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--uncalibrated", "--calibration", "cal.json"],
            "--uncalibrated and --calibration contradict each other",
        ),
        (["--cv", "--uncalibrated"], "--cv trains calibrations to judge the training part"),
        (["--cv", "--mode", "roundtrip"], "--cv cross-validates the source-aware calibration"),
    ],
)
def test_eval_options_that_were_ignored_are_refused(tmp_path: Path, args: list[str], message: str) -> None:
    """`--calibration` beside `--uncalibrated` and `--cv` in round-trip mode were ignored without a
    word, and `--uncalibrated --cv` put calibrated cross-validation beside uncalibrated columns."""
    r = run_cli("eval", str(hand_made(tmp_path)), *args, "-o", str(tmp_path / "ev"))
    assert r.code == 2 and r.stderr.count("\n") == 1 and message in r.stderr, r.stderr
    assert not (tmp_path / "ev").exists()
