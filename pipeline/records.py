"""Typed records that flow between the stages. Read this file first.

read      -> Document (paragraphs with line numbers)
segment   -> Segment (one sentence, or one aligned source/translation pair)
translate -> RoundTrip / Translations (text the engines produced)
score     -> Scores (sacreBLEU chrF, BLEU, TER), Semantic (sentence-embedding cosines)
checks    -> Flag (check name, severity, message, spans)
verdict   -> SegmentResult, DocumentResult, Report

Every record is a frozen dataclass; `Report.to_dict()` (in report/to_json.py) is
the canonical JSON that every other output format renders from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["info", "minor", "major", "critical"]
Verdict = Literal["ok", "review", "fail"]
Mode = Literal["roundtrip", "source"]
MODES: tuple[Mode, ...] = ("roundtrip", "source")  # the two ways to check copy
MODE_LABELS: dict[str, str] = {"roundtrip": "Round trip", "source": "Source-aware"}  # as reports name them

SEVERITIES: tuple[Severity, ...] = ("info", "minor", "major", "critical")
VERDICTS: tuple[Verdict, ...] = ("ok", "review", "fail")
FAIL_ON: tuple[str, ...] = ("review", "fail", "never")  # --fail-on: the verdict that fails the gate, or never
JSON_MAX_INTEGER = 2**53  # the integers every JSON reader holds exactly (RFC 7493): a report holds no larger
# the command-line flag of a setting where it is not the key's own name ("--" + key, "_" as "-")
_FLAGS = {"pivots": "--pivot", "formats": "--format", "cache_path": "--cache"}


def flag_of(key: str) -> str:
    """The flag that gives a setting on the command line: `max_flagged` -> `--max-flagged`."""
    return _FLAGS.get(key, "--" + key.replace("_", "-"))


VERDICT_ORDER: tuple[Verdict, ...] = VERDICTS[::-1]  # worst first: how reports list and sort them
GATING: tuple[Severity, ...] = ("major", "critical")  # the severities that give a verdict review or fail
ENGINE_HEALTH = "engine_health"  # the check that says a segment could not be verified ...
UNVERIFIABLE = "unverifiable: "  # ... with a message that opens so


def unverifiable_flag(flag: Mapping[str, object]) -> bool:
    """Whether a report's flag says its segment could not be verified (the engine failed on it, the
    text is over the segment limit, or what came back is unusable)."""
    return flag.get("check") == ENGINE_HEALTH and str(flag.get("message", "")).startswith(UNVERIFIABLE)


ENCODER_LEFT_OUT = "encoder_left_out"  # signature.calibration: drift left the encoder's cosines out


def encoder_left_out(signature: Mapping[str, Any]) -> bool:
    """Whether a report's drift left the sentence encoder out, though the run computed its cosines
    (a language pair the calibration was not trained for: core/judge.pick_variant records it)."""
    cal = signature.get("calibration")
    return isinstance(cal, Mapping) and cal.get(ENCODER_LEFT_OUT) is True


SCHEMA_VERSION = 1  # of the canonical JSON report (report/to_json.py); Report.schema_version
# The one list of report formats: format -> ("module:function" that renders it, file extension).
# Config validation, the CLI's messages, report.render and the names of the reports a folder scan
# passes over all read it.
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("pipeline.report.text:render_text", ".txt"),
    "json": ("pipeline.report.to_json:render_json", ".json"),
    "html": ("pipeline.report.html:render_html", ".html"),
    "markdown": ("pipeline.report.markdown:render_markdown", ".md"),
    "junit": ("pipeline.report.junit:render_junit", ".junit.xml"),
    "sarif": ("pipeline.report.sarif:render_sarif", ".sarif"),
    "github": ("pipeline.report.github:render_github", ".github.txt"),
}


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)  # type: ignore[arg-type,unused-ignore]  # any str is looked up


def verdict_rank(verdict: str) -> int:
    return VERDICTS.index(verdict)  # type: ignore[arg-type,unused-ignore]  # any str is looked up


@dataclass(frozen=True)
class Paragraph:
    """A block of text: its index in the document and the line it starts on (1-based)."""

    index: int
    text: str
    line: int
    kind: str = "text"  # text | heading | list-item
    line_offsets: tuple[int, ...] = ()  # offset in `text` where each following input line starts
    waived: tuple[str, ...] = ()  # check names waived by an inline `driftcheck: ignore` comment


@dataclass(frozen=True)
class Document:
    path: str  # as given on the command line; "-" for stdin
    lang: str
    paragraphs: tuple[Paragraph, ...]
    fmt: str = "text"  # text | markdown | html | jsonl | tsv | po | xliff | tmx
    declared_lang: str | None = None  # what the file says its language is (HTML: <html lang>)
    warnings: tuple[str, ...] = ()  # what reading it left out (HTML: text marked as another language)


@dataclass(frozen=True)
class Segment:
    """One unit that gets a verdict.

    Round-trip mode: `text` is a sentence of the published copy, `source` is None.
    Source-aware mode: `text` is the translation (the copy) and `source` the aligned
    original; either may be "" when the aligner found no partner (omission/addition).
    """

    id: str  # "p3.s2" (1-based) or the id given in a bilingual file
    document: int
    paragraph: int  # 1-based
    sentence: int  # 1-based within the paragraph
    line: int  # 1-based line of `text` in its input file
    text: str
    source: str | None = None
    source_line: int | None = None
    meta: tuple[tuple[str, str], ...] = ()
    waived: tuple[str, ...] = ()
    split: bool = False  # True when the text was split to fit the model's length limit
    markup: str = ""  # placeholder syntaxes of text/source, e.g. "python,html" (formats/placeholders.py)


@dataclass(frozen=True)
class Scores:
    chrf: float  # 0..100, higher = closer
    bleu: float  # 0..100
    ter: float  # 0..100 (clamped), lower = closer


@dataclass(frozen=True)
class RoundTrip:
    """Text taken through a pivot language and back, scored against the original."""

    pivot: str
    forward: str
    back: str
    scores: Scores


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of one field of the segment.

    field "text": the segment's text (the published copy, in both modes); "source": the
    aligned original (source-aware mode); "back": the round trip through `pivot`
    (round-trip mode).
    """

    field: str
    start: int
    end: int
    pivot: str | None = None


@dataclass(frozen=True)
class Flag:
    check: str
    severity: Severity
    message: str
    spans: tuple[Span, ...] = ()


def verdict(flags: Iterable[Flag]) -> Verdict:
    """The flag rule: fail if any critical flag, review if any major, else ok (info and minor flags
    never change a verdict). The judges start from it; a baseline applies it to the flags it keeps."""
    worst: Verdict = "ok"
    for f in flags:
        if f.severity == "critical":
            return "fail"
        if f.severity == "major":
            worst = "review"
    return worst


@dataclass(frozen=True)
class SourceComparison:
    """Source-aware mode: the copy compared with its original through the engine."""

    back: str  # the copy translated into the source language
    back_scores: Scores  # back vs source
    forward: str  # the source translated into the copy's language
    forward_scores: Scores  # forward vs copy
    source_round_trip: str  # the engine's own round trip of the source (noise reference; never gated)
    source_round_trip_scores: Scores


@dataclass(frozen=True)
class Semantic:
    """Cosine similarity (-1..1, higher = closer in meaning) of multilingual sentence embeddings.

    Evidence only: no check or verdict reads it. None where a side is empty (omission, addition).
    """

    source_copy: float | None = None  # source-aware: the source vs the copy (across languages)
    forward_copy: float | None = None  # source-aware: forward translation of the source vs the copy
    back_source: float | None = None  # source-aware: back-translation of the copy vs the source
    round_trips: tuple[tuple[str, float | None], ...] = ()  # round-trip mode: (pivot, original vs round trip)

    def signals(self) -> dict[str, float]:
        """The values present, by name: source_copy, forward_copy, back_source, round_trip.<pivot>."""
        named = {
            "source_copy": self.source_copy,
            "forward_copy": self.forward_copy,
            "back_source": self.back_source,
        }
        named.update({f"round_trip.{pivot}": value for pivot, value in self.round_trips})
        return {k: v for k, v in named.items() if v is not None}


@dataclass(frozen=True)
class Evidence:
    """One feature's share in a calibrated `drift`: its value and what it added to the log-odds."""

    feature: str  # e.g. "flag:names:critical", "dist:back:chrf" (pipeline/core/features.py)
    value: float
    weight: float  # contribution to the log-odds of "meaning shifted" (positive = towards shifted)
    label: str = ""  # the reader's name when the judge knows better than the feature alone


EVIDENCE_LABELS = {  # feature prefix -> what it means to a reader
    "dist:back": "back-translation far from the source",
    "dist:fwd": "far from the engine's translation",
    "dist:back_vs_noise": "back-translation worse than the engine's own round trip",
    "len:fwd_short": "shorter than the engine's translation",
    "len:fwd_long": "longer than the engine's translation",
    "len:back_short": "back-translation shorter than the source",
    "len:back_long": "back-translation longer than the source",
    "cov:fwd_lost": "words of the engine's translation missing",
    "cov:fwd_new": "words the engine's translation does not have",
    "cov:back_lost": "source words missing from the back-translation",
    "cov:back_new": "back-translation words the source does not have",
}


MORPH_WORDS = {  # core/morph.py kinds -> what a reader calls them
    "pos:n": "nouns", "pos:adj": "adjectives", "pos:adv": "adverbs", "pos:vblex": "verbs",
    "pos:np": "proper nouns", "pos:num": "numbers", "pos:prn": "pronouns", "pos:pr": "prepositions",
    "pos:cnjsub": "subordinators", "pos:det": "determiners", "tense:present": "present-tense verbs",
    "tense:past": "past-tense verbs", "tense:future": "future-tense verbs",
    "tense:cond": "conditional verbs", "aspect:ger": "gerunds",
}  # fmt: skip


def evidence_label(e: Evidence) -> str:
    """A reader's name for one piece of evidence ("names (critical)", "shorter than the engine's
    translation (0.41)", "both engine views: 1 adjective fewer")."""
    if e.label:
        return e.label
    kind, _, rest = e.feature.partition(":")
    if kind == "flag":
        check, _, sev = rest.partition(":")
        return f"{check} ({sev})"
    if kind == "pv":
        what, _, way = rest.rpartition("_")
        more = "fewer" if way == "lost" else "more"
        word = MORPH_WORDS.get(what, what)
        return f"both engine views: {e.value:g} {word[:-1] if e.value == 1 else word} {more}"
    for prefix, text in EVIDENCE_LABELS.items():
        if e.feature == prefix or e.feature.startswith(prefix + ":"):
            metric = e.feature[len(prefix) + 1 :]
            return f"{text} ({metric + ' ' if metric else ''}{e.value:.2f})"
    return f"{e.feature} ({e.value:.2f})"


@dataclass(frozen=True)
class SegmentResult:
    segment: Segment
    round_trips: tuple[RoundTrip, ...]
    comparison: SourceComparison | None
    drift: float  # 0..1, higher = more likely shifted (calibrated: estimated probability)
    flags: tuple[Flag, ...]
    verdict: Verdict
    semantic: Semantic | None = None  # None when semantic scores are off (--no-semantic, encoder missing)
    evidence: tuple[Evidence, ...] = ()  # what weighed most (calibrated verdicts of flagged segments)
    # every feature the judge saw (pipeline/core/features.py); used by eval and calibrate, not serialised
    features: Mapping[str, float] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class DocumentResult:
    index: int
    path: str
    lang: str
    source_path: str | None
    source_lang: str | None
    scores: dict[str, Scores]  # corpus scores: per pivot in round-trip mode; "back"/"forward" in source mode
    counts: dict[str, int]  # verdict -> number of segments
    fmt: str = "text"
    units: dict[str, int] = field(default_factory=dict)  # PO/XLIFF/TMX: units read, checked, skipped
    warnings: tuple[str, ...] = ()  # e.g. the page declares another language than --lang


@dataclass(frozen=True)
class Report:
    schema_version: int
    mode: Mode
    signature: dict[str, object]
    documents: tuple[DocumentResult, ...]
    segments: tuple[SegmentResult, ...]
    timings: dict[str, float] = field(default_factory=dict)  # not serialised: keeps JSON deterministic
