"""The store's connection: opening (WAL, synchronous=FULL, migrations), the device claim, write
transactions, queries and the kv settings table. Every other part of LocalStore builds on StoreCore.

Thread-safe: one connection guarded by a lock, so the UI thread and the sync worker can share a
store. Every write runs in one ``BEGIN IMMEDIATE`` transaction and commits with ``synchronous=FULL``
in WAL mode, so an operation that ``record`` returned is on disk.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Self

from shared.domain import (
    Clock,
    IdFactory,
    parse_iso,
    utc_iso,
)

from .errors import StoreError, is_disk_full, translate
from .migrations import migrate

GEN_KEY = "sync.gen"
EPOCH_OF_KEY = "device.epoch_of"  # the configured device id an epoch id stands in for
DEVICE_KEY = "device_id"


def parse_dt(text: str | None) -> datetime | None:
    return parse_iso(text) if text else None


class StoreCore:
    """The connection and its plumbing; ``LocalStore.open(path, device_id, clock)`` opens one."""

    def __init__(
        self, db: sqlite3.Connection, path: Path, device_id: str, clock: Clock, ids: IdFactory
    ) -> None:
        self._db = db
        self._lock = threading.RLock()
        self.path = path
        self.device_id = device_id
        self.clock = clock
        self.ids = ids
        self._gen = int(self.kv_get(GEN_KEY) or 0)

    @classmethod
    def open(
        cls,
        path: Path | str,
        device_id: str,
        clock: Clock,
        ids: IdFactory | None = None,
        *,
        busy_timeout_ms: int = 5000,
        read_only: bool = False,
    ) -> Self:
        """Open (creating and migrating if needed) the store at ``path``.

        Raises StoreError (ReadOnlyError, LockedError, DiskFullError, CorruptError) with a message
        for the user. ``read_only`` opens through a ``mode=ro`` URI (reading a store still works when
        its folder cannot be written; every write then raises ReadOnlyError).
        """
        path = Path(path)
        try:
            if read_only:
                db = sqlite3.connect(
                    f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
                )
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        except OSError as exc:
            if is_disk_full(exc):  # no room (or quota) even for the folder or the new file
                raise translate(exc) from exc
            raise StoreError("data_folder", detail=str(exc)) from exc
        except sqlite3.Error as exc:
            raise translate(exc, path) from exc
        db.row_factory = sqlite3.Row
        try:
            db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            if not read_only:
                mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise StoreError("no_wal", detail=str(mode))
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                migrate(db, utc_iso(clock.now()))
            store = cls(db, path, device_id, clock, ids or IdFactory(clock))
            if not read_only:
                store._claim_device(device_id)
        except sqlite3.Error as exc:
            db.close()
            raise translate(exc, path) from exc
        except BaseException:
            db.close()
            raise
        return store

    def _claim_device(self, device_id: str) -> None:
        known = self.kv_get(DEVICE_KEY)
        if known is not None and known != device_id and self.kv_get(EPOCH_OF_KEY) == device_id:
            self.device_id = known  # this store carries on under the epoch id the server gave it
            return
        if known is None:
            self.kv_set(DEVICE_KEY, device_id)
        elif known != device_id:
            has_ops = self._db.execute("SELECT 1 FROM ops LIMIT 1").fetchone() is not None
            if has_ops:
                raise StoreError("foreign_device", detail=f"stored {known}, given {device_id}")
            self.kv_set(DEVICE_KEY, device_id)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; sqlite errors become StoreError, anything raised rolls back."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc
            try:
                yield self._db
            except sqlite3.Error as exc:
                self._rollback()
                raise translate(exc, self.path) from exc
            except BaseException:
                self._rollback()
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise translate(exc, self.path) from exc

    def _rollback(self) -> None:
        try:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        rows = self._q(sql, params)
        return rows[0] if rows else None

    def kv_get(self, key: str, default: str | None = None) -> str | None:
        row = self._one("SELECT value FROM kv WHERE key = ?", (key,))
        return str(row[0]) if row is not None else default

    def kv_set(self, key: str, value: str | None) -> None:
        """Set (or, with None, delete) a local setting."""
        with self._tx() as db:
            self._kv_write(db, key, value)

    @staticmethod
    def _kv_write(db: sqlite3.Connection, key: str, value: str | None) -> None:
        if value is None:
            db.execute("DELETE FROM kv WHERE key = ?", (key,))
        else:
            db.execute(
                "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def migrations(self) -> list[str]:
        """Names of the migrations applied to this file, in order."""
        return [r[0] for r in self._q("SELECT name FROM _migrations ORDER BY rowid")]
