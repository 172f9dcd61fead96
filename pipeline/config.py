"""Settings and their precedence: defaults < [tool.driftcheck] in pyproject.toml < config file < CLI flags.

The config file is `--config PATH`, else `driftcheck.toml` in the working directory.
pyproject.toml is looked for in the working directory and its parents. A bad key or
value fails with one line naming it, e.g. `thresholds.forward_chrf: must be between 0 and 100`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from .engines import DEVICES
from .engines import REGISTRY as ENGINE_REGISTRY
from .errors import ConfigError, UsageError
from .formats import DEFAULT_INCLUDE
from .records import FAIL_ON, FORMATS, JSON_MAX_INTEGER, SEVERITIES, flag_of

ENGINES = tuple(ENGINE_REGISTRY)  # the engines' registry (pipeline/engines) names them
LIST_KEYS = ("pivots", "formats", "include", "exclude")
TEXT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.jsonl", "*.tsv", "*.csv", "*.parquet")


CONFIG_FILE = "driftcheck.toml"  # looked for in the working directory
MAX_THREADS = 256  # engine threads: more than the cores of any machine, and the pools abort past it


@dataclass
class Settings:
    lang: str = "en"  # language of the published copy
    source_lang: str | None = None  # language of the original (source-aware mode)
    pivots: list[str] = field(default_factory=list)  # round-trip pivots; [] = default per language
    via: str | None = None  # force a pivot when chaining an engine
    engine: str = "auto"
    models_dir: str | None = None
    beam: int = 1
    device: str = "auto"
    threads: int = 0
    cache: bool = True
    cache_path: str | None = None
    semantic: bool | None = None  # sentence-embedding cosines; None = on when the encoder is installed
    morph: bool | None = None  # Apertium part-of-speech and tense evidence; None = on where analysers exist
    thresholds: dict[str, float] = field(default_factory=dict)
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> {enabled, severity}
    fail_on: str = "fail"
    max_flagged: int | None = None
    min_chrf: float | None = None
    formats: list[str] = field(default_factory=lambda: ["text"])
    output: str | None = None
    include: list[str] = field(default_factory=lambda: [*TEXT_INCLUDE, *DEFAULT_INCLUDE])
    exclude: list[str] = field(default_factory=list)
    baseline: str | None = None
    calibration: str | None = None  # a calibration file (driftcheck calibrate); None: the shipped one
    annotate: str | None = None  # write a copy of each PO/XLIFF input with flagged units marked
    unapproved_only: bool = False  # PO/XLIFF: check only units not yet approved (fuzzy, not final)
    # the keys set by a config file, a flag or the API, not defaulted, each with where it was set:
    # COMMAND_LINE, a config file's path or API_SETTINGS (the last one to set it)
    given: dict[str, str] = field(default_factory=dict)

    @property
    def explicit(self) -> list[str]:
        """The keys the user set (config file, flag or API), in the order first set."""
        return list(self.given)


COMMAND_LINE, API_SETTINGS = "command line", "Settings"


def given_as(settings: Settings, key: str) -> str:
    """How the user gave a setting, for a message: "--lang", "'lang' in driftcheck.toml" or
    "Settings.lang" (a message that says "--lang" to someone who never typed it sends them looking
    for a flag)."""
    origin = settings.given.get(key, COMMAND_LINE)
    if origin == COMMAND_LINE:
        return flag_of(key)
    return f"Settings.{key}" if origin == API_SETTINGS else f"'{key}' in {origin}"


_TYPES: dict[str, tuple[type, ...]] = {
    "lang": (str,),
    "source_lang": (str,),
    "pivots": (list,),
    "via": (str,),
    "engine": (str,),
    "models_dir": (str,),
    "beam": (int,),
    "device": (str,),
    "threads": (int,),
    "cache": (bool,),
    "cache_path": (str,),
    "semantic": (bool,),
    "morph": (bool,),
    "thresholds": (dict,),
    "checks": (dict,),
    "fail_on": (str,),
    "max_flagged": (int,),
    "min_chrf": (int, float),
    "formats": (list,),
    "output": (str,),
    "include": (list,),
    "exclude": (list,),
    "baseline": (str,),
    "calibration": (str,),
    "annotate": (str,),
    "unapproved_only": (bool,),
}
_ALIASES = {"pivot": "pivots", "format": "formats", "source-lang": "source_lang", "fail-on": "fail_on"}


def _validate(key: str, value: Any, origin: str) -> Any:
    # a value from a flag is named as the flag the user typed ("command line: max_flagged" sent
    # them looking for a setting)
    where = flag_of(key) if origin == COMMAND_LINE else f"{origin}: {key}"
    if key not in _TYPES:
        known = ", ".join(sorted(_TYPES))
        raise ConfigError(f"{where}: unknown setting (known: {known})")
    types = _TYPES[key]
    kind = "a number" if float in types else types[0].__name__  # min_chrf = 50.5 is as good as 50
    if isinstance(value, bool) and bool not in types:
        raise ConfigError(f"{where}: must be {kind}, not a boolean")
    if not isinstance(value, types):
        raise ConfigError(f"{where}: must be {kind}, got {type(value).__name__}")
    value = cast(Any, value)  # isinstance against a runtime tuple narrows to object
    if key in (*PATH_KEYS, "annotate") and not value.strip():  # `--baseline "$UNSET"` in a CI script
        raise ConfigError(f"{where}: is empty: name a file or folder (an unset variable?)")
    if key in LIST_KEYS:
        for n, item in enumerate(value, start=1):
            if not isinstance(item, str) or not item.strip():
                got = f"'{item}'" if isinstance(item, str) else f"{item!r} ({type(item).__name__})"
                raise ConfigError(f"{where}: item {n} must be a non-empty string, got {got}")
    if key in ("lang", "source_lang") and origin != COMMAND_LINE:
        _language(value, where)
    if key == "device" and value not in DEVICES:
        raise ConfigError(f"{where}: must be one of {', '.join(DEVICES)}, not '{value}'")
    if key == "engine" and value not in ENGINES:
        raise ConfigError(f"{where}: must be one of {', '.join(ENGINES)}")
    if key == "fail_on" and value not in FAIL_ON:
        raise ConfigError(f"{where}: must be one of {', '.join(FAIL_ON)}")
    if key == "formats":
        bad = [f for f in value if f not in FORMATS]
        if bad:
            raise ConfigError(f"{where}: unknown format '{bad[0]}' (known: {', '.join(FORMATS)})")
    if key in ("beam",) and value < 1:
        raise ConfigError(f"{where}: must be at least 1")
    if key in ("threads", "max_flagged") and value < 0:
        raise ConfigError(f"{where}: must not be negative")
    if key == "max_flagged" and value > JSON_MAX_INTEGER:  # the report records it: no reader read it back
        raise ConfigError(f"{where}: at most 2^53 ({JSON_MAX_INTEGER})")
    if key == "threads" and value > MAX_THREADS:  # the thread pools aborted the process (libgomp)
        raise ConfigError(f"{where}: at most {MAX_THREADS} (0: the engine's default, one per core)")
    if key == "min_chrf" and not 0 <= value <= 100:
        raise ConfigError(f"{where}: must be between 0 and 100")
    if key == "min_chrf":  # a float, as the flag gives it (the report recorded 48 from a file)
        return float(value)
    if key == "thresholds":
        return {k: _threshold(k, v, origin) for k, v in value.items()}
    if key == "checks":
        return {k: _check(k, v, origin) for k, v in value.items()}
    return value


def _language(code: str, where: str) -> None:
    """A config's language code checked where it is read, the file and key named: "unknown
    language code 'klingon'" named neither."""
    from .engines.langs import check_lang

    try:
        check_lang(code)
    except UsageError as exc:
        raise ConfigError(f"{where}: {exc.message}") from None


def settings_problem(settings: Settings) -> str | None:
    """The first value of a Settings built in code that a config file could not hold (a wrong
    type, an unknown engine or format, a number out of range), by the config file's rules; or None."""
    for key in _TYPES:
        value = getattr(settings, key, None)
        if value is None:
            continue
        try:
            _validate(key, value, "settings")
        except ConfigError as exc:
            return exc.message
    return None


def _threshold(name: str, value: Any, origin: str) -> float:
    from .checks.thresholds import THRESHOLDS

    where = f"{origin}: thresholds.{name}"
    if name not in THRESHOLDS:
        raise ConfigError(f"{where}: unknown threshold (known: {', '.join(sorted(THRESHOLDS))})")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"{where}: must be a number")
    lo, hi = THRESHOLD_RANGES.get(name) or (
        (0.0, 100.0) if "chrf" in name else (0.0, max(100.0, float(THRESHOLDS[name]) * 10))
    )
    if not lo <= value <= hi:
        raise ConfigError(f"{where}: must be between {lo:g} and {hi:g}")
    if name.startswith("length_ratio") and value <= 0:
        raise ConfigError(f"{where}: must be above 0 (a ratio of lengths)")
    return float(value)


# thresholds that are no chrF or ratio: Kendall's tau is a correlation, the kept pairs a share
THRESHOLD_RANGES = {"order_tau": (-1.0, 1.0), "order_bigram_keep": (0.0, 1.0)}


def _length_ratios(thresholds: dict[str, float], origin: str) -> None:
    """The length check's bounds, once every layer is merged: min above max sent every sentence to review."""
    from .checks.thresholds import THRESHOLDS

    lo = thresholds.get("length_ratio_min", THRESHOLDS["length_ratio_min"])
    hi = thresholds.get("length_ratio_max", THRESHOLDS["length_ratio_max"])
    if lo >= hi:
        raise ConfigError(
            f"{origin}: thresholds.length_ratio_min ({lo:g}) must be below length_ratio_max ({hi:g})"
        )


def _check(name: str, value: Any, origin: str) -> dict[str, Any]:
    from .checks import check_names

    where = f"{origin}: checks.{name}"
    if name not in check_names():
        raise ConfigError(f"{where}: unknown check (known: {', '.join(sorted(check_names()))})")
    if isinstance(value, bool):
        return {"enabled": value}
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: must be true/false or a table with enabled and severity")
    out: dict[str, Any] = {}
    for k, v in value.items():
        if k == "enabled" and isinstance(v, bool):
            out[k] = v
        elif k == "severity" and v in SEVERITIES:
            out[k] = v
        elif k == "severity":
            raise ConfigError(f"{where}.severity: must be one of {', '.join(SEVERITIES)}")
        else:
            raise ConfigError(f"{where}.{k}: unknown or invalid (use enabled = true/false, severity = ...)")
    return out


# Settings that name a file or folder: in a config file, relative to the file's folder (a
# pyproject.toml found above the working directory named folders under wherever the run started)
PATH_KEYS = ("models_dir", "cache_path", "output", "baseline", "calibration")


def _apply(settings: Settings, table: dict[str, Any], origin: str, folder: Path | None = None) -> None:
    """Apply one config layer; `folder`: the config file's folder, which its relative paths are in
    (None: the working directory, where they are as written)."""
    for raw_key, value in table.items():
        key = _ALIASES.get(raw_key, raw_key.replace("-", "_"))
        value = _validate(key, value, origin)
        if key in PATH_KEYS and folder is not None and not os.path.isabs(value):
            value = os.path.normpath(os.path.join(folder, value))
        if key in ("thresholds", "checks"):
            merged = dict(getattr(settings, key))
            merged.update(value)
            value = merged
        if key == "thresholds":
            _length_ratios(value, origin)
        setattr(settings, key, value)
        settings.given[key] = origin


def _elsewhere(config: Path, cwd: Path) -> Path | None:
    """The folder of a config file that is not the working directory (None when it is)."""
    folder = config.parent.absolute()
    return None if folder == cwd.absolute() else folder


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: not valid UTF-8 (byte offset {exc.start}); TOML files are UTF-8"
        ) from None


GONE_CWD = "the working directory no longer exists (it was deleted or moved away): cd into an existing folder"


def working_directory() -> Path:
    """The folder the run works in, or a UsageError when it has been deleted (a shell left in a
    removed folder: config discovery failed with "No such file or directory", naming nothing)."""
    try:
        return Path.cwd()
    except FileNotFoundError:
        raise UsageError(GONE_CWD) from None


def find_pyproject(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_settings(
    cli: dict[str, Any] | None = None, config_path: str | None = None, cwd: Path | None = None
) -> Settings:
    """Merge the layers. `cli` holds only the flags the user actually gave (None = not given)."""
    cwd = cwd or working_directory()
    settings = Settings()
    pyproject = find_pyproject(cwd)
    if pyproject is not None:
        tool = _load_toml(pyproject).get("tool", {})
        table = tool.get("driftcheck") if isinstance(tool, dict) else None  # not ours to judge
        if isinstance(table, dict):
            _apply(settings, table, f"{pyproject} [tool.driftcheck]", _elsewhere(pyproject, cwd))
    path = Path(config_path) if config_path else cwd / CONFIG_FILE
    if config_path and path.is_dir():
        raise ConfigError(f"{config_path}: is a folder; --config names a TOML file (such as driftcheck.toml)")
    if config_path and not path.is_file():
        raise ConfigError(f"{config_path}: config file not found")
    if path.is_file():
        data = _load_toml(path)
        table = data
        if "tool" in data:
            if not isinstance(data["tool"], dict):
                raise ConfigError(f"{path}: tool: must be a table")
            table = data["tool"].get("driftcheck", data)
            if not isinstance(table, dict):
                raise ConfigError(f"{path}: tool.driftcheck: must be a table")
            others = sorted(k for k in data if k != "tool")
            if table is not data and others:  # the top-level keys were dropped without a word
                raise ConfigError(
                    f"{path}: has both a [tool.driftcheck] table and settings outside it "
                    f"({', '.join(others)}): put them in one place"
                )
        _apply(settings, table, str(path), _elsewhere(path, cwd))
    for key, value in (cli or {}).items():
        if value is None or value == [] or value == ():
            continue
        setattr(settings, key, _validate(key, value, COMMAND_LINE) if key in _TYPES else value)
        settings.given[key] = COMMAND_LINE
    return settings
