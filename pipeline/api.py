"""The library API behind `import pipeline`: verify sentences held in memory, merge batches, load
a saved report. Everything here is also what the CLI runs; nothing prints.

    >>> import pipeline
    >>> report = pipeline.verify_pairs([("Hola.", "Hello.")], source_lang="es", lang="en", engine="apertium")
    >>> report.segments[0].verdict in pipeline.VERDICTS
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .config import Settings
from .records import Report, Segment


def _settings(lang: str, engine: str, cache: bool, semantic: bool | None, **more: Any) -> Settings:
    return Settings(lang=lang, engine=engine, cache=cache, semantic=semantic, **more)


def verify_pairs(
    pairs: Iterable[tuple[str, str]],
    *,
    source_lang: str,
    lang: str = "en",
    engine: str = "auto",
    cache: bool = False,
    semantic: bool | None = False,
) -> Report:
    """Source-aware verification of (source, translation) pairs, one segment each, in order.

    `engine`: auto, bergamot, marian, ct2 or apertium; `cache`: use the translation cache of the
    CLI (default off); `semantic`: sentence-embedding cosines (default off; None: when installed).
    """
    from .core.source_mode import job_from_segments
    from .core.verify import Inputs, verify

    segments = [
        Segment(str(i + 1), 0, i + 1, 1, i + 1, copy, source=src, source_line=i + 1)
        for i, (src, copy) in enumerate(pairs)
    ]
    settings = _settings(lang, engine, cache, semantic, source_lang=source_lang)
    inputs = Inputs("source", [("<memory>", lang, "<memory>", source_lang)], jobs=[job_from_segments(0, segments)])
    inputs.details.append({"format": "memory", "units": {}, "warnings": []})
    inputs.settings = settings
    return verify([], settings, inputs=inputs)


def verify_copy(
    sentences: Iterable[str],
    *,
    lang: str = "en",
    pivots: Iterable[str] = (),
    engine: str = "auto",
    cache: bool = False,
    semantic: bool | None = False,
) -> Report:
    """Round-trip verification of sentences of one document with no source (copy only), in order."""
    from .core.verify import Inputs, verify

    segments = [Segment(str(i + 1), 0, i + 1, 1, i + 1, text) for i, text in enumerate(sentences)]
    settings = _settings(lang, engine, cache, semantic, pivots=list(pivots))
    inputs = Inputs("roundtrip", [("<memory>", lang, None, None)], segments=segments, settings=settings)
    inputs.details.append({"format": "memory", "units": {}, "warnings": []})
    return verify([], settings, inputs=inputs)


def verify_files(paths: list[str], *, source: str | None = None, settings: Settings | None = None) -> Report:
    """Verify files as `driftcheck check` reads them (any input format; `source`: the original of a
    single document). `settings`: everything the CLI's flags and config files set (default: defaults)."""
    from .core.verify import verify

    return verify(paths, settings or Settings(), source)


def to_json(report: Report) -> dict[str, Any]:
    """The canonical JSON of a report (what `driftcheck check -f json` writes)."""
    from .report.to_json import to_dict

    return to_dict(report)


def load_report(path: str) -> dict[str, Any]:
    """A JSON report driftcheck wrote, checked (InputError names the file and the problem)."""
    from .cli.run import load_report as load

    return load(path)
