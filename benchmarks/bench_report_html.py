"""How the HTML report holds up at scale: page size, time to interactive, filter/sort/search, memory.

Input: a real source-aware report (driftcheck check with Apertium on the DEMETR es->en dev set,
1,987 pairs) replicated to N segments (default 20,000): copy k of a segment gets the id
"<id>~k", its own paragraph and line, and the copies are interleaved in a fixed shuffled order
so that flagged sentences are spread as in a real long input; summary and counts are
recomputed with the pipeline's own summarize(). The sample article's report (seeds/, round
trip with Apertium) is measured in the same run as the baseline.

Measured in Debian's Chromium through Playwright, page loaded from file://:
  size      HTML bytes / JSON bytes (the JSON as `driftcheck check -f json` writes it)
  ready     ms from navigation start to the page's script having run (its `driftcheck-ready`
            mark; pages without it: domContentLoadedEventEnd, where their inline script has run)
  respond   ms for the first control change after ready to take effect (click "Flagged only")
  ops       ms per filter / sort / search: change the control, then wait one frame (layout
            and paint included); median of 3
  memory    the page's renderer process in MB (/proc): RSS and private memory; the JS heap in use

Usage:
  python benchmarks/bench_report_html.py [--segments 20000] [--renderer PATH_TO_PACKAGE_ROOT]
--renderer renders with another checkout's pipeline package (e.g. the previous main, for the
"before" numbers). Results go to benchmarks/results/report_html.json and stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache"
RESULTS = ROOT / "benchmarks" / "results"
DEMETR = ROOT.parent / "shared" / "data" / "demetr-es-dev.jsonl"
SEED = ROOT / "seeds" / "albania-camp-raid.en.txt"
CHROMIUM = "/usr/bin/chromium"


def driftcheck(*args: str) -> None:
    cmd = [sys.executable, "-c", "from pipeline.cli.app import app; app()", *args]
    subprocess.run(cmd, cwd=ROOT, check=False, env={**os.environ, "HF_HUB_OFFLINE": "1"})


def real_reports() -> tuple[Path, Path]:
    """The DEMETR and sample-article reports, made once by the real pipeline with Apertium."""
    CACHE.mkdir(parents=True, exist_ok=True)
    demetr, article = CACHE / "demetr-es.json", CACHE / "albania-camp-raid.json"
    if not demetr.exists():
        driftcheck("check", str(DEMETR), "--source-lang", "es", "--lang", "en", "--engine", "apertium",
                   "--format", "json", "--output", str(demetr), "--fail-on", "never")  # fmt: skip
    if not article.exists():
        driftcheck("check", "seeds/albania-camp-raid.en.txt", "--engine", "apertium", "--format", "json",
                   "--output", str(article), "--fail-on", "never")  # fmt: skip
    return demetr, article


def replicate(data: dict[str, Any], n: int) -> dict[str, Any]:
    """N segments from a real report: copies with their own ids, paragraphs and lines, interleaved."""
    from pipeline.report.to_json import summarize

    base = data["segments"]
    picks = [(k // len(base), k % len(base)) for k in range(n)]
    random.Random(17).shuffle(picks)
    segments = []
    for line, (copy, i) in enumerate(picks, start=1):
        seg = json.loads(json.dumps(base[i]))
        seg.update(id=f"{seg['id']}~{copy}", paragraph=line, sentence=1, line=line, source_line=line)
        segments.append(seg)
    out = {**data, "segments": segments, "summary": summarize(segments)}
    doc = dict(data["documents"][0])
    doc["counts"] = out["summary"]["verdicts"]
    out["documents"] = [doc]
    return out


def render(json_path: Path, html_path: Path, renderer: str | None) -> None:
    code = (
        "import json,sys; from pipeline.report.html import render_html; "
        "d=json.load(open(sys.argv[1],encoding='utf-8')); open(sys.argv[2],'w',encoding='utf-8').write(render_html(d))"
    )
    env = {**os.environ, "PYTHONPATH": renderer or str(ROOT)}
    subprocess.run([sys.executable, "-c", code, str(json_path), str(html_path)], check=True, env=env,
                   cwd=renderer or ROOT)  # fmt: skip


def renderer_mb(profile: str) -> dict[str, float]:
    """The largest renderer process of this browser: RSS, and its private memory (what the page itself
    holds; RSS also counts the browser's shared code and fonts, about 150 MB for any page)."""
    best, private = 0, 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
            if "--type=renderer" not in cmd or profile not in cmd and "--user-data-dir" in cmd:
                continue
            status = Path(f"/proc/{pid}/status").read_text()
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        rss = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
        if rss > best:
            best = rss
            private = sum(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Private_"))
    return {"renderer_rss_mb": round(best / 1024, 1), "renderer_private_mb": round(private / 1024, 1)}


OP_JS = """async ([sel, kind, value]) => {
  const el = document.querySelector(sel);
  if (!el) return null;
  const t0 = performance.now();
  if (kind === 'click') el.click();
  else { if (kind === 'check') el.checked = !el.checked; else el.value = value;
         el.dispatchEvent(new Event(kind === 'text' ? 'input' : 'change', {bubbles: true})); }
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}"""

OPS = [
    ("hide OK", "[data-filter-verdict=ok]", "check", None),
    ("show OK", "[data-filter-verdict=ok]", "check", None),
    ("flagged only", "#flagged-only", "check", None),
    ("all again", "#flagged-only", "check", None),
    ("check = names", "#check-filter", "select", "names"),
    ("check = all", "#check-filter", "select", ""),
    ("sort by drift", "#sort", "select", "drift"),
    ("sort by chrF", "#sort", "select", "chrf"),
    ("sort as in the input", "#sort", "select", "order"),
    ("search 'walmart'", "#search", "text", "walmart"),
    ("search cleared", "#search", "text", ""),
]


def measure(html: Path, runs: int = 3) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="dc-bench-") as profile, sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, viewport={"width": 1280, "height": 800},
            args=["--no-sandbox", "--disable-gpu", "--enable-precise-memory-info"],
        )  # fmt: skip
        page = ctx.new_page()
        page.set_default_timeout(180_000)
        ready, respond = [], []
        for _ in range(runs):
            page.goto("about:blank")
            page.goto(html.as_uri(), wait_until="load")
            ready.append(page.evaluate(
                "() => { const m = performance.getEntriesByName('driftcheck-ready')[0];"
                " return m ? m.startTime : performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd; }"
            ))  # fmt: skip
            respond.append(page.evaluate(OP_JS, ["#flagged-only", "check", None]))
        out["ready_ms"] = round(statistics.median(ready))
        out["respond_ms"] = round(statistics.median(respond))
        out["interactive_ms"] = round(statistics.median(r + s for r, s in zip(ready, respond)))
        page.evaluate(OP_JS, ["#flagged-only", "check", None])
        ops: dict[str, float | None] = {}
        for name, sel, kind, value in OPS:
            times = []
            for k in range(runs):
                t = page.evaluate(OP_JS, [sel, kind, value])
                if t is None:
                    break
                times.append(t)
                if k < runs - 1 and kind == "check":  # undo and redo to time the same change again
                    page.evaluate(OP_JS, [sel, kind, value])
                elif k < runs - 1:
                    page.evaluate(OP_JS, [sel, kind, "" if value else "order" if sel == "#sort" else ""])
            ops[name] = round(statistics.median(times)) if times else None
        out["ops_ms"] = ops
        out["ops_max_ms"] = max((v for v in ops.values() if v is not None), default=None)
        time.sleep(0.5)
        cdp = ctx.new_cdp_session(page)
        cdp.send("Performance.enable")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        out["js_heap_mb"] = round(metrics.get("JSHeapUsedSize", 0) / 2**20, 1)
        out.update(renderer_mb(profile))
        ctx.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--segments", type=int, default=20_000)
    ap.add_argument("--renderer", help="root of another checkout whose pipeline package renders the HTML")
    ap.add_argument("--label", default="this branch")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    demetr, article = real_reports()
    big = CACHE / f"demetr-x{args.segments}.json"
    if not big.exists():
        from pipeline.report.to_json import dumps

        big.write_text(
            dumps(replicate(json.loads(demetr.read_text(encoding="utf-8")), args.segments)), encoding="utf-8"
        )
    results: dict[str, Any] = {"label": args.label, "segments": args.segments}
    for name, src in (("sample article", article), (f"{args.segments} segments", big)):
        html = CACHE / f"{src.stem}.{'other' if args.renderer else 'this'}.html"
        render(src, html, args.renderer)
        row = {
            "json_mb": round(src.stat().st_size / 2**20, 2),
            "html_mb": round(html.stat().st_size / 2**20, 2),
        }
        row["html_over_json"] = round(html.stat().st_size / src.stat().st_size, 2)
        row.update(measure(html, args.runs))
        results[name] = row
        print(name, json.dumps(row, indent=1), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    tag = "before" if args.renderer else "after"
    (RESULTS / f"report_html_{tag}_{args.segments}.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
