"""The database: one engine per URL, read and write transactions, and the writers' turns.

`Database(url)` picks by the URL: ``sqlite:///...`` (WAL, BEGIN IMMEDIATE: one writer at a time) or
``postgresql+psycopg://...`` (advisory locks: writers of different sites side by side, feed rows in
commit order; docs/SCALING.md). The tables are in db.py, the migrations in migrations.py.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError

# Writers' locks on PostgreSQL (docs/SCALING.md, "Writers take turns"), transaction-scoped advisory
# locks, as BEGIN IMMEDIATE makes every writer take turns on SQLite. The services read, check a rule
# and write (a unit's status, a device's next seq), and feed ids (outbox, changes) must be handed
# out in commit order, so a reader's `id > cursor` never passes over a row that commits later.
# - A writer for the whole database (`write()`) holds WRITE_LOCK_KEY exclusively: it runs alone.
# - A writer for one site (`write(site=...)`: a push whose ops touch only its own site's rows) holds
#   WRITE_LOCK_KEY shared and the site's own lock (SITE_LOCK_CLASS, hashtext(site)) exclusively, so
#   writers of different sites run side by side; before its first feed row it takes FEED_LOCK_KEY
#   (`feed_turn`) and keeps it to its commit, so feed ids still commit in order. Lock order is
#   always global, site, feed: no two writers wait on each other in a circle.
WRITE_LOCK_KEY = 0x5742_0001
FEED_LOCK_KEY = 0x5742_0003
SITE_LOCK_CLASS = 0x5742
_SITE_MODE = "wb_site_write"  # conn.info: this transaction holds a site's lock, not the global one
_FEED_HELD = "wb_feed_held"
# Site writers of one process in a transaction at once; the others wait here, holding no connection.
# Every site writer ends in the feed's turn, one at a time: more of them in PostgreSQL's lock queues
# add no throughput, only held connections and waits long enough (deadlock_timeout, 1 s) to make
# each waiter run PostgreSQL's deadlock check.
SITE_WRITERS = 4
# Session-scoped: held by the one process that runs the outbox relay (events/leader.py).
RELAY_LOCK_KEY = 0x5742_0002


class Database:
    """One engine; `write()` serialises writers (BEGIN IMMEDIATE on SQLite, an advisory lock on
    PostgreSQL), `read()` does not."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.dialect = make_url(url).get_backend_name()
        self.is_sqlite = self.dialect == "sqlite"
        self.is_postgresql = self.dialect == "postgresql"
        if not (self.is_sqlite or self.is_postgresql):
            raise ValueError(
                f"unsupported database URL {make_url(url).render_as_string(hide_password=True)}: "
                "use sqlite:///<file> or postgresql+psycopg://user:password@host/db"
            )
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
            kwargs["pool_size"] = 20
            kwargs["max_overflow"] = 40
        else:
            # 30 kept, none made for a peak and closed after it: an overflow connection (10 pooled
            # + 20 overflow, as before) was closed on its return whenever 10 were idle, so a busy
            # process opened and closed PostgreSQL backends all the time (a fork, authentication and
            # cold caches each), which made PostgreSQL's CPU swing from 0.3 to 0.8 cores at 1,000
            # devices. The busiest stay warm (LIFO); 30 is the most a process ever held.
            kwargs["pool_size"] = 30
            kwargs["max_overflow"] = 0
            kwargs["pool_use_lifo"] = True
        self.engine: Engine = create_engine(url, **kwargs)
        self._write_lock = threading.Lock()
        self._site_writers = threading.BoundedSemaphore(SITE_WRITERS)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
        else:
            event.listen(self.engine, "checkin", _note_checkin)
            event.listen(self.engine, "checkout", _ping_if_idle(self.engine.dialect))

    @contextmanager
    def write(self, site: str | None = None) -> Iterator[Connection]:
        """A write transaction: alone (`site` None), or beside other sites' (`site`: every row it
        writes is that site's, but for feed rows, which take their turn in `feed_turn`). SQLite
        has one writer at a time either way."""
        if site is not None and self.is_postgresql:
            with self._site_writers, self.engine.connect() as conn, conn.begin():
                conn.info[_SITE_MODE], conn.info[_FEED_HELD] = True, False
                try:
                    conn.exec_driver_sql(
                        f"SELECT pg_advisory_xact_lock_shared({WRITE_LOCK_KEY}), "
                        f"pg_advisory_xact_lock({SITE_LOCK_CLASS}, hashtext(%(site)s))",
                        {"site": site},
                    )
                    yield conn
                finally:
                    conn.info.pop(_SITE_MODE, None)
                    conn.info.pop(_FEED_HELD, None)
            return
        with self._write_lock, self.engine.connect() as conn:
            conn.execution_options(wb_immediate=True)
            with conn.begin():
                if self.is_postgresql:
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A reader's connection. On PostgreSQL in autocommit: under READ COMMITTED every statement
        reads its own snapshot whether or not a BEGIN came first, so BEGIN and COMMIT were two round
        trips a read that bought nothing. Writing through a reader is a mistake either way."""
        if self.is_postgresql:
            with self.engine.connect() as conn:
                yield conn.execution_options(isolation_level="AUTOCOMMIT")
            return
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def ping(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT 1")).scalar() == 1

    def dispose(self) -> None:
        self.engine.dispose()


# A pooled PostgreSQL connection idle longer than this is pinged before it is handed out, and
# replaced if the server is gone (a failover, a restart). One in steady use is not: a ping per
# checkout (pool_pre_ping) was a round trip on every request. A connection that died while in use
# fails its statement; SQLAlchemy then discards every connection pooled before that moment.
PING_IDLE_S = 1.0
_IDLE_SINCE = "wb_idle_since"


def _note_checkin(_dbapi_conn: Any, record: Any) -> None:
    record.info[_IDLE_SINCE] = time.monotonic()


def _ping_if_idle(dialect: Any) -> Any:
    def on_checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get(_IDLE_SINCE)
        if since is None or time.monotonic() - since <= PING_IDLE_S:
            return  # new, or back from use a moment ago
        try:
            dialect.do_ping(dbapi_conn)  # an empty query, in autocommit: one round trip
        except Exception as exc:  # whatever the driver raises, this connection is gone
            raise DisconnectionError(f"pooled connection lost while idle: {exc}") from exc

    return on_checkout


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get("wb_immediate")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def feed_turn(conn: Connection) -> None:
    """Before a feed row (changes, outbox) in a site's write transaction: wait for the feed's turn
    and keep it to the commit, so feed ids commit in order. A no-op for a whole-database writer."""
    info = conn.info
    if info.get(_SITE_MODE) and not info.get(_FEED_HELD):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({FEED_LOCK_KEY})")
        info[_FEED_HELD] = True
