"""Who runs the outbox relay: exactly one process at a time, whatever `--workers` says.

- PostgreSQL: a session advisory lock (`pg_try_advisory_lock`) on a connection of its own. A leader
  that dies (SIGKILL, a lost machine) drops its connection and the server frees the lock at once.
- SQLite: an exclusive `flock` on `<data dir>/relay.lock`, freed by the kernel when the process dies.

Every API process tries each relay interval; the one that holds the lock relays, the others wait,
so a killed leader is replaced within about one interval. Correctness does not rest on the lock
(writers take turns, and pick tasks are deduped on the event id): it keeps one relay busy instead of
N racing for the same rows, and one publisher feeding the broker in outbox order.

`<data dir>/relay.leader` names the leading process (its pid), for admins and tests.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any, Protocol

from ..database import RELAY_LOCK_KEY, Database

log = logging.getLogger("wb.backend.relay")


class LeaderLock(Protocol):
    def acquire(self) -> bool:
        """True while this process leads (takes the lock if free; checks a held lock is still ours)."""
        ...

    def release(self) -> None: ...


class FileLeaderLock:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        if self._fd is not None:
            return True
        import fcntl

        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the only descriptor drops the flock
            self._fd = None


class PgLeaderLock:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._conn: Any = None

    def acquire(self) -> bool:
        if self._conn is not None:
            try:  # still ours? a failover or a restarted server took the session, and the lock, away
                self._conn.exec_driver_sql("SELECT 1").scalar()
                return True
            except Exception:
                log.warning("relay lock connection lost: trying to lead again")
                self._drop()
        conn = None
        try:
            conn = self._db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            got = bool(conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({RELAY_LOCK_KEY})").scalar())
        except Exception:
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()
            raise
        if not got:
            conn.close()
            return False
        self._conn = conn
        return True

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.invalidate()  # never back to the pool: the session holds the lock
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None

    def release(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.exec_driver_sql(f"SELECT pg_advisory_unlock({RELAY_LOCK_KEY})")
            self._drop()


def leader_lock(db: Database, data_dir: Path) -> LeaderLock:
    if db.is_postgresql:
        return PgLeaderLock(db)
    data_dir.mkdir(parents=True, exist_ok=True)
    return FileLeaderLock(data_dir / "relay.lock")


def announce(data_dir: Path) -> None:
    """Write this process's pid to <data dir>/relay.leader (atomically)."""
    tmp = data_dir / f".relay.leader.{os.getpid()}"
    tmp.write_text(f"{os.getpid()}\n")
    os.replace(tmp, data_dir / "relay.leader")
