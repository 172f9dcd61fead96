"""Untrusted text made inert for a terminal: control characters shown, never obeyed.

A sentence, a file name or an engine's message may hold ESC sequences (colours, cursor moves,
window titles, hyperlinks) or other control characters. Everything driftcheck prints for people
(the text summary, Markdown, warnings and error lines) passes through `inert`: C0 controls but
tab and newline become their Unicode control pictures (ESC -> ␛), DEL becomes ␡ and C1
controls (U+0080-U+009F, which some terminals also obey) become U+FFFD.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def inert(text: str) -> str:
    return _CONTROL.sub(_picture, text) if _CONTROL.search(text) else text
