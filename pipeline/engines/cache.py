"""Persistent translation cache: SQLite in WAL mode, shared by every run on the machine.

A cached output is found by (namespace, src, tgt, sha256(text)). The namespace is a hash
of what the engine reports for that direction (engine, version, model id and revision,
decoding options), so a new model revision or another beam size starts a fresh namespace
instead of returning stale translations.

Any engine goes through the cache as a `CachedEngine` (pipeline/engines/cached_engine.py).

Robustness: WAL + busy_timeout + one transaction per write, so concurrent runs never see
a half-written batch and a killed run loses at most its last uncommitted batch. A file
that is not a readable driftcheck cache raises one CacheError line naming the file and
the two ways out (delete it, or --no-cache); it is never silently ignored, because a run
that quietly stopped caching would just get slow with nobody told why.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import threading
import time
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import DriftcheckError
from .cache_path import (
    foreign_database,
    is_foreign,
    make_folder,
    ownership,
    resolve_cache_path,
    tables,
    unusable,
)

APPLICATION_ID = 0x64726674  # "drft": marks the file as ours, so we never write into someone else's db
SCHEMA_VERSION = 4  # 2: reports (whole-run results, core/result_memo.py); 3: embeddings; 4: derived
BUSY_TIMEOUT_MS = 30_000
SIDECARS = ("", "-wal", "-shm")  # the database file and what WAL mode keeps beside it
_CHUNK = 500  # bound parameters per SELECT ... IN (...)

_SCHEMA = """
CREATE TABLE translations (
    namespace TEXT NOT NULL,
    src TEXT NOT NULL,
    tgt TEXT NOT NULL,
    key BLOB NOT NULL,            -- sha256 of the input text (UTF-8)
    output TEXT NOT NULL,
    split INTEGER NOT NULL DEFAULT 0,  -- the engine split the input to fit its length limit
    PRIMARY KEY (namespace, src, tgt, key)
) WITHOUT ROWID;
CREATE TABLE namespaces (
    namespace TEXT PRIMARY KEY,
    src TEXT NOT NULL,
    tgt TEXT NOT NULL,
    signature TEXT NOT NULL       -- JSON of what the namespace was hashed from
) WITHOUT ROWID;
CREATE TABLE embeddings (
    model TEXT NOT NULL,          -- the sentence encoder's fingerprint (pipeline/core/semantic.py)
    key BLOB NOT NULL,            -- sha256 of the text (UTF-8)
    vector BLOB NOT NULL,         -- float32 embedding, little-endian
    PRIMARY KEY (model, key)
) WITHOUT ROWID;
CREATE TABLE reports (
    key TEXT PRIMARY KEY,         -- sha256 of everything that decides a run's JSON report
    data BLOB NOT NULL,           -- that report, zlib-compressed JSON
    created REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE derived (
    kind TEXT NOT NULL,           -- what was derived, by which code (pipeline/core/segment_memo.py)
    key BLOB NOT NULL,            -- sha256 of everything it was derived from
    data BLOB NOT NULL,           -- zlib-compressed JSON
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
"""
_DERIVED = _SCHEMA[_SCHEMA.index("CREATE TABLE derived") :]  # added to a version-3 cache as it is


class CacheError(DriftcheckError):
    """The translation cache file cannot be opened, read or written."""


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class TranslationCache:
    """One SQLite file; safe to share between concurrent processes."""

    def __init__(self, path: str | Path) -> None:
        self.path = resolve_cache_path(path)
        try:
            make_folder(self.path.parent)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename and exc.filename != str(self.path.parent) else ""
            raise CacheError(
                f"cannot create the cache folder {self.path.parent}: {exc.strerror}{where}: "
                "pass another --cache PATH, or run with --no-cache"
            ) from exc
        if foreign_database(self.path, APPLICATION_ID):  # looked at read-only: left as it was
            raise self._foreign()
        try:
            # isolation_level=None: no implicit transactions; every write is an explicit BEGIN IMMEDIATE.
            self._db = sqlite3.connect(  # shared by the tasks of an engine: every use holds _lock
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
            self._lock = threading.RLock()
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._refuse_foreign()  # before anything writes: another program's database stays byte-identical
            self._refuse_newer()  # a later driftcheck's too (it was dropped as an "older layout")
            self._enable_wal()
            self._db.execute("PRAGMA synchronous = NORMAL")  # WAL: survives a killed process, fast commits
            self._init_schema()
        except sqlite3.Error as exc:
            self._db.close()
            raise self._error(exc) from exc
        except CacheError:
            self._db.close()
            raise

    def _refuse_foreign(self) -> None:
        """Read-only look at the file: an SQLite database of another program is refused untouched."""
        if is_foreign(*ownership(self._db), APPLICATION_ID):
            raise self._foreign()

    def _foreign(self) -> CacheError:
        return CacheError(
            f"{self.path} is an SQLite database but not a driftcheck translation cache: "
            "pass another --cache PATH or run with --no-cache"
        )

    def _refuse_newer(self) -> None:
        """A later driftcheck's cache (two versions may share one file) is refused, not started over."""
        app_id, version = (
            self._db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("application_id", "user_version")
        )
        if app_id == APPLICATION_ID and version > SCHEMA_VERSION:
            raise CacheError(
                f"{self.path} is a translation cache of a newer driftcheck (layout {version}; this one reads "
                f"{SCHEMA_VERSION}): pass another --cache PATH, run with --no-cache, or upgrade driftcheck"
            )

    def _enable_wal(self) -> None:
        """Switch to WAL, retrying: SQLite answers "locked" at once, without the busy handler,
        while another process is switching the same fresh file (seen with four runs starting together)."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self._db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.005 + random.random() * 0.02)

    def _error(self, exc: sqlite3.Error) -> CacheError:
        return CacheError(unusable(self.path, exc))

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front so concurrent writers queue instead of deadlocking."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._error(exc) from exc
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise self._error(exc) from exc
                raise

    def _init_schema(self) -> None:
        db = self._db
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if app_id == APPLICATION_ID and version == SCHEMA_VERSION:
            return  # the usual case: no write lock needed
        with self._write():
            app_id = db.execute("PRAGMA application_id").fetchone()[0]  # again, under the lock
            version = db.execute("PRAGMA user_version").fetchone()[0]
            names = tables(db)
            if app_id == APPLICATION_ID and version == SCHEMA_VERSION:
                return  # another process initialised it meanwhile
            if app_id == APPLICATION_ID and version == 3:  # keeps its translations and embeddings
                db.execute(_DERIVED.strip().rstrip(";"))
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                return
            self._refuse_newer()  # again, under the lock
            if app_id == APPLICATION_ID:  # an older layout: it is only a cache, start over
                for table in names:
                    db.execute(f'DROP TABLE IF EXISTS "{table}"')
            elif app_id != 0 or names:
                raise self._foreign()
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def get_entries(
        self, namespace: str, src: str, tgt: str, texts: Sequence[str]
    ) -> dict[int, tuple[str, bool]]:
        """index -> (cached output, whether the engine split that input) for the texts found."""
        keys = [text_key(t) for t in texts]
        select = "SELECT key, output, split FROM translations WHERE namespace = ? AND src = ? AND tgt = ?"
        found = {k: (out, bool(split)) for k, out, split in self._select(select, (namespace, src, tgt), keys)}
        return {i: found[k] for i, k in enumerate(keys) if k in found}

    def put_many(
        self,
        namespace: str,
        src: str,
        tgt: str,
        pairs: list[tuple[str, str]],
        *,
        split: Collection[int] = (),
        signature: dict[str, object] | None = None,
    ) -> None:
        """Store (input, output) pairs in one transaction.

        `split`: indices into `pairs` whose input the engine split to fit its length limit.
        `signature`: what the namespace was hashed from, kept for `driftcheck cache stats`.
        """
        if not pairs:
            return
        rows = [
            (namespace, src, tgt, text_key(text), output, int(i in split))
            for i, (text, output) in enumerate(pairs)
        ]
        with self._write() as db:
            db.executemany(
                "INSERT OR REPLACE INTO translations (namespace, src, tgt, key, output, split) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
            if signature is not None:
                db.execute(
                    "INSERT OR IGNORE INTO namespaces (namespace, src, tgt, signature) VALUES (?, ?, ?, ?)",
                    (namespace, src, tgt, json.dumps(signature, sort_keys=True, default=str)),
                )

    def get_vectors(self, model: str, texts: Sequence[str]) -> dict[int, bytes]:
        """index -> stored embedding bytes, for the texts that have one under `model`."""
        keys = [text_key(t) for t in texts]
        found = {
            k: bytes(v)
            for k, v in self._select("SELECT key, vector FROM embeddings WHERE model = ?", (model,), keys)
        }
        return {i: found[k] for i, k in enumerate(keys) if k in found}

    def get_derived(self, kind: str, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """key -> stored data (as put), for the keys that have one under `kind`."""
        return {
            k: bytes(v)
            for k, v in self._select("SELECT key, data FROM derived WHERE kind = ?", (kind,), keys)
        }

    def put_derived(self, kind: str, items: Sequence[tuple[bytes, bytes]]) -> None:
        """Store (key, data) pairs under `kind` in one transaction."""
        if items:
            with self._write() as db:
                db.executemany(
                    "INSERT OR REPLACE INTO derived (kind, key, data) VALUES (?, ?, ?)",
                    [(kind, k, v) for k, v in items],
                )

    def _select(self, select: str, params: tuple[str, ...], keys: Sequence[bytes]) -> list[tuple[Any, ...]]:
        """The rows (key first) of `select` (ending in its WHERE conditions) for the distinct `keys`,
        a chunk of keys at a time."""
        unique = list(dict.fromkeys(keys))
        rows: list[tuple[Any, ...]] = []
        try:
            for start in range(0, len(unique), _CHUNK):
                chunk = unique[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                with self._lock:
                    rows += self._db.execute(f"{select} AND key IN ({marks})", (*params, *chunk)).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        return [(bytes(r[0]), *r[1:]) for r in rows]

    def put_vectors(self, model: str, pairs: Sequence[tuple[str, bytes]]) -> None:
        """Store (text, embedding bytes) pairs in one transaction."""
        if not pairs:
            return
        with self._write() as db:
            db.executemany(
                "INSERT OR REPLACE INTO embeddings (model, key, vector) VALUES (?, ?, ?)",
                [(model, text_key(t), v) for t, v in pairs],
            )

    def get_report(self, key: str) -> dict[str, Any] | None:
        """A stored run report, or None (also when the stored blob does not decode)."""
        import zlib

        try:
            row = self._db.execute("SELECT data FROM reports WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        if row is None:
            return None
        try:
            data = json.loads(zlib.decompress(row[0]).decode("utf-8"))
        except (zlib.error, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def put_report(self, key: str, data: dict[str, Any]) -> None:
        import zlib

        blob = zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass"), 6)
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO reports (key, data, created) VALUES (?, ?, ?)",
                (key, blob, time.time()),
            )

    def stats(self) -> dict[str, object]:
        """path, entries, size_bytes (database + WAL files) and one row per namespace."""
        try:
            total = int(self._db.execute("SELECT count(*) FROM translations").fetchone()[0])
            reports = int(self._db.execute("SELECT count(*) FROM reports").fetchone()[0])
            embeddings = int(self._db.execute("SELECT count(*) FROM embeddings").fetchone()[0])
            derived = int(self._db.execute("SELECT count(*) FROM derived").fetchone()[0])
            rows = self._db.execute(
                "SELECT t.namespace, t.src, t.tgt, count(*), n.signature FROM translations t "
                "LEFT JOIN namespaces n ON n.namespace = t.namespace "
                "GROUP BY t.namespace, t.src, t.tgt ORDER BY t.namespace, t.src, t.tgt"
            ).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        namespaces = [
            {
                "namespace": ns,
                "src": src,
                "tgt": tgt,
                "entries": int(count),
                "signature": json.loads(sig) if sig else None,
            }
            for ns, src, tgt, count, sig in rows
        ]
        return {
            "path": str(self.path),
            "entries": total,
            "reports": reports,
            "embeddings": embeddings,
            "derived": derived,
            "size_bytes": self.size_bytes(),
            "namespaces": namespaces,
        }

    def size_bytes(self) -> int:
        total = 0
        for suffix in SIDECARS:
            try:
                total += os.stat(f"{self.path}{suffix}").st_size
            except OSError:
                pass
        return total

    def clear(self) -> int:
        """Remove every entry; returns how many there were. Shrinks the file when no one else has it open."""
        with self._write() as db:
            removed = int(db.execute("DELETE FROM translations").rowcount)
            db.execute("DELETE FROM namespaces")
            db.execute("DELETE FROM reports")
            db.execute("DELETE FROM embeddings")
            db.execute("DELETE FROM derived")
        try:
            self._db.execute("VACUUM")
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError:
            pass  # another process is reading: the space is reused later instead of returned now
        return removed

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
