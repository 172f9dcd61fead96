"""Where the translation cache lives: `--cache PATH`, else $DRIFTCHECK_CACHE, else the user cache folder."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

ENV_CACHE = "DRIFTCHECK_CACHE"  # a cache file, or a folder to put translations.sqlite3 in
FILENAME = "translations.sqlite3"


def default_cache_path() -> Path:
    """$DRIFTCHECK_CACHE if set, else translations.sqlite3 in the platform's user cache folder."""
    env = os.environ.get(ENV_CACHE, "").strip()
    if env:
        return resolve_cache_path(env)
    return default_folder() / FILENAME


def default_folder() -> Path:
    """driftcheck's folder in the platform's user cache folder ($XDG_CACHE_HOME, else ~/.cache)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("driftcheck"))


def make_folder(folder: Path) -> None:
    """Make the cache's folder. One the user named (--cache, the config, $DRIFTCHECK_CACHE) is made
    with its parents, and so is $XDG_CACHE_HOME (as the XDG spec says); the default ~/.cache only
    in a home that exists, never the home itself (HOME=/nonexistent, as services run, made
    /nonexistent/.cache/driftcheck). Raises OSError naming the folder at fault."""
    if folder != default_folder() or folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        return
    base = folder.parent  # $XDG_CACHE_HOME, else ~/.cache
    if not os.environ.get("XDG_CACHE_HOME", "").strip() and not base.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(base.parent))
    for part in (base, folder):
        if part.exists() and not part.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "is not a folder", str(part))
    folder.mkdir(parents=True, exist_ok=True)


def default_folder_problem() -> str | None:
    """Why the default cache folder cannot be used (made, or written to), else None."""
    folder = default_folder()
    try:
        make_folder(folder)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename and exc.filename != str(folder) else ""
        return f"cannot create the cache folder {folder} ({where}{exc.strerror or exc})"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the cache folder {folder} is not writable"
    return None


def resolve_cache_path(path: str | Path | None) -> Path:
    """The cache file for a --cache value: None -> default; a folder (existing, or a path ending in
    '/') -> FILENAME inside it."""
    if path is None or str(path) == "":
        return default_cache_path()
    p = Path(path).expanduser()
    folder = p.is_dir() or str(path).endswith(("/", os.sep))  # "newdir/": a folder to make, not a file
    return p / FILENAME if folder else p


def tables(db: sqlite3.Connection) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def ownership(db: sqlite3.Connection) -> tuple[int, list[str]]:
    """(application id, tables) of a database, read in one snapshot: another run may be creating
    the cache meanwhile."""
    db.execute("BEGIN")
    try:
        return db.execute("PRAGMA application_id").fetchone()[0], tables(db)
    finally:
        if db.in_transaction:  # SQLite rolls back by itself on some errors (a full disk): the
            db.execute("COMMIT")  # COMMIT then failed and hid the real error


def is_foreign(app_id: int, names: list[str], application_id: int) -> bool:
    """Another program's database: not marked as ours, and not a fresh empty file."""
    return app_id != application_id and not (app_id == 0 and not names)


def foreign_database(path: Path, application_id: int) -> bool:
    """An existing SQLite file of another program, looked at through a read-only connection: closing
    a read-write one checkpoints that program's write-ahead log into its database (its bytes
    changed, its -wal and -shm files gone) even when the file is then refused. False when the file
    is not there, empty, or not readable as a database (the cache's own checks name those)."""
    db = _read_only(path)
    if db is None:
        return False
    try:
        return is_foreign(*ownership(db), application_id)
    except sqlite3.Error:
        return False
    finally:
        db.close()


def _sqlite_file(path: Path) -> bool:
    """The file begins as every SQLite database does (a damaged cache still does)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def unusable(path: Path, exc: sqlite3.Error) -> str:
    """One line that says what to do about a cache SQLite cannot use: a full disk, a folder that
    cannot be written or a file that cannot be opened is no reason to delete a healthy cache."""
    code = getattr(exc, "sqlite_errorcode", None)
    code = code & 0xFF if isinstance(code, int) else None  # the primary code of an extended one
    if code == sqlite3.SQLITE_FULL:
        cause = "the disk is full: free some space"
    elif code in (
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_IOERR,
    ):
        cause = f"{path} cannot be opened or written here: check the file, its folder and their permissions"
    elif code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) and not _sqlite_file(path):
        # someone's document named as the cache (`--cache notes.txt`): never advise deleting it
        return (
            f"the translation cache {path} is unusable ({exc}): it is no SQLite database, so no cache "
            "(another file?): pass another --cache PATH, or run with --no-cache"
        )
    elif code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        cause = "the file is damaged: delete it"
    else:
        cause = "delete that file if it is not in use"
    return (
        f"the translation cache {path} is unusable ({exc}): {cause}, pass another --cache PATH, "
        "or run with --no-cache"
    )


def older_layout(path: Path, application_id: int, current: int) -> int | None:
    """The layout of a driftcheck cache older than `current`, looked at read-only (opening it
    read-write upgrades it: a layout 1 or 2 starts over, empty), else None."""
    db = _read_only(path)
    if db is None:
        return None
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        db.close()
    return version if app_id == application_id and version < current else None


def _read_only(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to an existing, non-empty file, else None."""
    try:
        if path.stat().st_size == 0:
            return None
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except (OSError, sqlite3.Error):
        return None
