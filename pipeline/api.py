"""The library API behind `import pipeline`: verify sentences held in memory, merge batches, load
a saved report. Everything here is also what the CLI runs; nothing prints.

    >>> import pipeline
    >>> report = pipeline.verify_pairs([("Hola.", "Hello.")], source_lang="es", lang="en", engine="apertium")
    >>> report.segments[0].verdict in pipeline.VERDICTS
    True
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from .config import API_SETTINGS, Settings, settings_problem
from .errors import UsageError
from .formats.encoding import readable, whole_characters
from .records import Report, Segment
from .timing import Timer


def _settings(lang: str, engine: str, cache: bool, semantic: bool | None, **more: Any) -> Settings:
    named = {"lang": lang, "engine": engine}
    if "source_lang" in more:
        named["source_lang"] = more["source_lang"]
    for name, value in named.items():
        if not isinstance(value, str):
            raise UsageError(f"{name} must be a string, got {type(value).__name__}")
    settings = Settings(lang=lang, engine=engine, cache=cache, semantic=semantic, **more)
    problem = settings_problem(settings)  # as verify_files checks its Settings ("no" turned the cache on)
    if problem is not None:
        raise UsageError(problem)
    return settings


def _strings(values: Any, what: str, one: str) -> list[str]:
    """A list of strings from an iterable of them; a lone string (an easy slip: it iterates into
    characters) or any other item is a UsageError, not a silent wrong result."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise UsageError(f"{what} must be a list of {one}s, got {type(values).__name__}")
    out = list(values)
    for i, v in enumerate(out):
        if not isinstance(v, str):
            raise UsageError(f"{what}: item {i + 1} must be a {one} (a string), got {type(v).__name__}")
    return out


def _pairs(pairs: Any) -> list[tuple[str, str]]:
    if isinstance(pairs, (str, bytes, dict)) or not isinstance(pairs, Iterable):
        raise UsageError(f"pairs must be a list of (source, translation) tuples, got {type(pairs).__name__}")
    out = []
    for i, p in enumerate(pairs):
        if not isinstance(p, (tuple, list)) or len(p) != 2 or not all(isinstance(t, str) for t in p):
            raise UsageError(
                f"pairs: item {i + 1} must be a (source, translation) tuple of two strings, got {_shape(p)}"
            )
        out.append(
            (readable(whole_characters(p[0])), readable(whole_characters(p[1])))
        )  # half a surrogate pair: U+FFFD
    if not out:
        raise UsageError("pairs is empty: nothing to verify")
    return out


def _shape(value: Any) -> str:
    if isinstance(value, (tuple, list)):
        return f"a {type(value).__name__} of {len(value)} ({', '.join(type(v).__name__ for v in value)})"
    return type(value).__name__


def _not_while_a_worker_imports_the_script() -> None:
    """Refuse a call made at the top level of a script that a worker process is importing.

    Worker processes (TER scoring, the sentence encoder) start from a server that imports the
    script that started them under the name `__mp_main__`, as Python's multiprocessing does; a
    call not under `if __name__ == "__main__":` then ran the whole job again in every worker and
    ended in a misleading error. Calls from functions (a user's own worker processes) are fine."""
    import inspect

    here = inspect.currentframe()
    public = here.f_back if here is not None else None
    frame = public.f_back if public is not None else None  # the caller of the public function
    if (
        frame is not None
        and frame.f_code.co_name == "<module>"
        and frame.f_globals.get("__name__") == "__mp_main__"
    ):
        raise UsageError(
            "driftcheck was called while one of its worker processes imported your script: put the "
            'calls under `if __name__ == "__main__":` (Python\'s rule for scripts whose work starts processes)'
        )


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

    _not_while_a_worker_imports_the_script()
    segments = [
        Segment(str(i + 1), 0, i + 1, 1, i + 1, copy, source=src, source_line=i + 1)
        for i, (src, copy) in enumerate(_pairs(pairs))
    ]
    settings = _settings(lang, engine, cache, semantic, source_lang=source_lang)
    inputs = Inputs(
        "source", [("<memory>", lang, "<memory>", source_lang)], jobs=[job_from_segments(0, segments)]
    )
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

    _not_while_a_worker_imports_the_script()

    texts = _strings(sentences, "sentences", "sentence")
    if not texts:
        raise UsageError("sentences is empty: nothing to verify")
    segments = [
        Segment(str(i + 1), 0, i + 1, 1, i + 1, readable(whole_characters(text)))
        for i, text in enumerate(texts)
    ]
    settings = _settings(lang, engine, cache, semantic, pivots=_strings(pivots, "pivots", "language code"))
    inputs = Inputs("roundtrip", [("<memory>", lang, None, None)], segments=segments, settings=settings)
    inputs.details.append({"format": "memory", "units": {}, "warnings": []})
    return verify([], settings, inputs=inputs)


def verify_files(paths: list[str], *, source: str | None = None, settings: Settings | None = None) -> Report:
    """Verify files as `driftcheck check` reads them (any input format; `source`: the original of a
    single document). `settings`: everything the CLI's flags and config files set (default: defaults)."""
    from .core.verify import verify

    _not_while_a_worker_imports_the_script()
    files = _strings(paths, "paths", "path")
    if not files:
        raise UsageError("paths is empty: nothing to verify")
    if settings is not None and not isinstance(settings, Settings):
        raise UsageError(f"settings must be a pipeline.Settings, got {type(settings).__name__}")
    problem = settings_problem(settings) if settings is not None else None
    if problem is not None:  # checked as a config file's values are (they failed deep inside, or not at all)
        raise UsageError(problem)
    if source is not None and not isinstance(source, str):
        raise UsageError(f"source must be a path (a string), got {type(source).__name__}")
    _each_once(files)
    return verify(files, _as_given(settings or Settings()), source)


def _each_once(files: list[str]) -> None:
    """A file named twice (`b.txt` and `./b.txt`, a link) was checked twice, its segments and flags
    counted twice; the CLI checks it once with a warning, the API says so."""
    from .output_checks import repeats

    for k, first in repeats(files):
        raise UsageError(f"paths: {files[k]} is the same file as {first}: name each file once")


# What the CLI does with a report after the run; verify_files returns the report, so these were
# accepted and silently not applied (a baseline file that does not exist too)
_AFTER_THE_RUN = ("baseline", "max_flagged", "min_chrf", "formats", "output", "annotate")


def _as_given(settings: Settings) -> Settings:
    """The settings with every value that differs from the default counted as given, as a flag is
    (`Settings(lang="es")` lost to a language in the file name, where `--lang es` wins and warns);
    settings that act after the run are refused, not ignored."""
    if not isinstance(settings.given, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in settings.given.items()
    ):
        raise UsageError(
            "settings: given must map setting names to where each was set, e.g. given={'lang': 'Settings'}"
        )
    defaults = Settings()
    changed = [
        f.name
        for f in dataclasses.fields(Settings)
        if f.name != "given" and getattr(settings, f.name) != getattr(defaults, f.name)
    ]
    after = [k for k in _AFTER_THE_RUN if k in changed]
    if after:
        raise UsageError(
            f"settings: {', '.join(after)}: verify_files returns the report and applies nothing after "
            "the run; `driftcheck check` applies them (a baseline, the gate's limits, output files)"
        )
    new = [k for k in changed if k not in settings.given]
    return dataclasses.replace(settings, given={**settings.given, **dict.fromkeys(new, API_SETTINGS)})


def check_data(
    paths: list[str],
    settings: Settings,
    source: str | None = None,
    timer: Timer | None = None,
    read: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The canonical JSON report of a run (what `driftcheck check` renders); an unchanged rerun
    reuses the stored one (pipeline.core.result_memo). `read`: the inputs as the CLI's validation
    read them (core.verify.validate_input), by path: not parsed again.

    The stored report is looked up before the checks are resolved or the stages imported: a reused
    report costs reading the inputs, the engine's routes and signature, and one database read."""
    from .core.run_config import planned_routes, resolve_languages, with_checks
    from .core.verify import (
        build_engine,
        check_calibration,
        engine_signature,
        load_inputs,
        memo_context,
        verify,
    )

    timer = timer or Timer()
    with timer.stage("read"):
        inputs = load_inputs(paths, settings, source, read)
    settings = inputs.settings or settings  # languages declared by the files, when not given
    check_calibration(inputs.mode, settings)  # a bad calibration fails here, before any work
    languages = resolve_languages(settings, inputs.mode)  # type: ignore[arg-type]
    engine = build_engine(settings, languages.first_direction)
    memo = getattr(engine, "cache", None)
    key = None
    if memo is not None:
        from .core.result_memo import run_key

        routes = planned_routes(engine, languages)
        signature = engine_signature(engine, routes)
        key = run_key(inputs.mode, paths, source, settings, signature, routes, memo_context(engine, settings))
        stored: dict[str, Any] | None = memo.get_report(key)
        if stored is not None:
            return stored
    config = with_checks(languages, settings)
    data = to_json(verify(paths, settings, source, engine=engine, timer=timer, inputs=inputs, config=config))
    if memo is not None and key is not None and not _engine_failed(data):
        memo.put_report(key, data)  # not reused when the engine failed: that may pass
    return data


def _engine_failed(data: dict[str, Any]) -> bool:
    from .checks.health import not_translated

    return any(not_translated(f) for s in data["segments"] for f in s["flags"])


def to_json(report: Report) -> dict[str, Any]:
    """The canonical JSON of a report (what `driftcheck check -f json` writes)."""
    from .report.to_json import to_dict

    if not isinstance(report, Report):
        raise UsageError(f"to_json needs a pipeline.Report, got {type(report).__name__}")
    return to_dict(report)


def load_report(path: str) -> dict[str, Any]:
    """A JSON report driftcheck wrote (`check -f json`), checked for the structure every renderer
    reads; any problem is an InputError naming the file and what is wrong. "-" reads stdin.
    (Example in the README's "Python API" section, run by tests/test_api.py.)"""
    from .report.files import load_report as load

    if not isinstance(path, str):
        raise UsageError(f"load_report needs a path (a string), got {type(path).__name__}")
    return load(path)
