"""The sample reports of tests/data (see tests/report/test_report_html.py) and a hostile one.

`hostile_report` puts hostile text in every field a renderer shows; the HTML tests, the browser
tests and the template tests render it.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parents[1] / "data"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"report_{name}.json").read_text(encoding="utf-8"))
    return data


SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JINJA = "{{ 7*7 }}"
TEXTAREA = "</textarea>"
CLOSE_SCRIPT = "</script><script>window.pwned=1</script>"
PWN = '<img src=x onerror="window.pwned=1">'
LONG = "Donaudampfschifffahrtsgesellschaftskapitän" * 40
RTL = "הכוח של המשטרה באלבניה פשט על המחנה"


def hostile_report() -> dict[str, Any]:
    """The source-aware sample with hostile text in every field a renderer shows."""
    data = copy.deepcopy(load("source"))
    segs = data["segments"]
    segs[0]["text"] = f"{SCRIPT} {IMG} {JINJA} {TEXTAREA}"
    segs[0]["source"] = CLOSE_SCRIPT
    segs[0]["flags"] = [{
        "check": 'x"><script>alert(1)</script>', "severity": 'major" onclick="window.pwned=1',
        "message": f"{PWN} {JINJA}", "spans": [{"field": "text", "start": 0, "end": len(SCRIPT)}],
    }]  # fmt: skip
    segs[0]["comparison"]["back"] = CLOSE_SCRIPT + " <!-- ]]>"
    segs[0]["comparison"]["forward"] = "'; window.pwned=1; '"
    segs[0]["meta"] = {"note": IMG}
    segs[0]["id"] = 'p1.s1"><b>'
    segs[1]["text"] = PWN
    segs[2]["text"] = LONG
    segs[3]["text"] = RTL
    data["documents"][0]["path"] = IMG + ".txt"
    data["documents"][0]["lang"] = 'es" onmouseover="window.pwned=1'
    data["signature"]["engine"] = {"engine": SCRIPT, "version": TEXTAREA}
    data["summary"]["checks"] = {SCRIPT: 1}
    return data
