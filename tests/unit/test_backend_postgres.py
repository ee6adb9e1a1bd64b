"""PostgreSQL specifics: the site partitions, writers in commit order (the event feed never passes
over an event that commits late), and the admin CLI's --database-url."""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from backend_stub.context import open_context
from backend_stub.events.outbox import append, read_after
from backend_stub.migrations import PARTITIONED_BY_SITE, PARTITIONS
from backend_stub.settings import Settings
from tests.support.backend import FAST_TEST_HASHING, ROOT


def _ctx(tmp_path: Path, url: str):  # type: ignore[no-untyped-def]
    return open_context(
        Settings(data_dir=tmp_path / "d", database_url=url, argon2_time_cost=1, argon2_memory_kib=1024)
    )


def test_growing_tables_are_hash_partitioned_by_site_with_the_key_in_every_unique_key(
    tmp_path: Path, postgres_url: str
) -> None:
    ctx = _ctx(tmp_path, postgres_url)
    try:
        with ctx.db.read() as conn:
            parted = {
                r[0]: r[1]
                for r in conn.execute(
                    text(
                        "SELECT c.relname, pg_get_partkeydef(c.oid) FROM pg_partitioned_table p "
                        "JOIN pg_class c ON c.oid = p.partrelid"
                    )
                )
            }
            assert parted == {t: f"HASH ({key})" for t, key in PARTITIONED_BY_SITE.items()}
            for table, key in PARTITIONED_BY_SITE.items():
                parts = conn.execute(
                    text("SELECT count(*) FROM pg_inherits WHERE inhparent = CAST(:t AS regclass)"),
                    {"t": table},
                ).scalar()
                assert parts == PARTITIONS
                uniques = conn.execute(
                    text(
                        "SELECT pg_get_indexdef(indexrelid) FROM pg_index "
                        "WHERE indrelid = CAST(:t AS regclass) AND indisunique"
                    ),
                    {"t": table},
                ).scalars()
                for definition in uniques:
                    assert key in definition, definition
    finally:
        ctx.db.dispose()


# lookups by a natural key without the site: each needs an index led by that key (an index led by the
# site column could only be read whole, every partition of it)
_NATURAL_KEYS = {
    "units": ("label",),  # a terminal's scan of a unit label
    "op_results": ("device_id", "seq"),  # a push's replay check
    "outbox": ("event_id",),
}


def _leading(conn) -> dict[str, set[tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    """Per table, the leading columns of its indexes (as many as its natural key has)."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for table, natural in _NATURAL_KEYS.items():
        rows = conn.execute(
            text(
                "SELECT array_agg(a.attname ORDER BY k.n) FROM pg_index i "
                "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n) "
                "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                "WHERE i.indrelid = CAST(:t AS regclass) GROUP BY i.indexrelid"
            ),
            {"t": table},
        ).scalars()
        out[table] = {tuple(cols[: len(natural)]) for cols in rows}
    return out


def test_a_lookup_by_a_natural_key_without_the_site_has_an_index_led_by_that_key(
    tmp_path: Path, postgres_url: str
) -> None:
    ctx = _ctx(tmp_path, postgres_url)
    try:
        with ctx.db.read() as conn:
            leading = _leading(conn)
        for table, natural in _NATURAL_KEYS.items():
            assert natural in leading[table], (table, leading[table])
    finally:
        ctx.db.dispose()


def test_migration_017_rebuilds_site_first_unique_keys_of_an_older_database(
    tmp_path: Path, postgres_url: str
) -> None:
    """A database whose 001 widened the unique keys with the site first ((pvz_id, label)) gets them
    rebuilt with the site last; the keys still refuse a duplicate, and the rows stay."""
    ctx = _ctx(tmp_path, postgres_url)
    try:
        with ctx.db.write() as conn:
            for table, cols, name in (
                ("units", "label", "units_label_pvz_id_key"),
                ("op_results", "device_id, seq", "uq_op_results_device_seq"),
                ("outbox", "event_id", "outbox_event_id_site_id_key"),
            ):
                key = PARTITIONED_BY_SITE[table]
                conn.execute(text(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))
                named = f'CONSTRAINT "{name}" ' if name.startswith("uq_") else ""
                conn.execute(text(f"ALTER TABLE {table} ADD {named}UNIQUE ({key}, {cols})"))
            conn.execute(text("DELETE FROM schema_migrations WHERE name = '017_natural_keys_first'"))
            row = (
                "'{id}', 'DEV-1', {seq}, 'unit.move', 'U', 'PVZ-A', 'applied', NULL, NULL, '{{}}', 'x', 'x', "
                "NULL, NULL"
            )
            conn.execute(text(f"INSERT INTO op_results VALUES ({row.format(id='OP-1', seq=1)})"))
        with ctx.db.read() as conn:
            leading = _leading(conn)
        assert not any(natural in leading[t] for t, natural in _NATURAL_KEYS.items())  # the older one
    finally:
        ctx.db.dispose()
    ctx = _ctx(tmp_path, postgres_url)  # opening it migrates
    try:
        with ctx.db.read() as conn:
            leading = _leading(conn)
            assert all(natural in leading[t] for t, natural in _NATURAL_KEYS.items()), leading
            assert conn.execute(text("SELECT count(*) FROM op_results")).scalar() == 1
        with pytest.raises(IntegrityError, match=r"Key \(device_id, seq, site_id\)"), ctx.db.write() as conn:
            conn.execute(text(f"INSERT INTO op_results VALUES ({row.format(id='OP-2', seq=1)})"))
    finally:
        ctx.db.dispose()


def test_feed_never_skips_an_event_that_committed_after_a_later_id(tmp_path: Path, postgres_url: str) -> None:
    """Writers that hold their transaction open for a while after taking an outbox id, from several
    threads (two for the whole database, two for their own sites, side by side), while a reader
    follows the feed by cursor: the reader sees every event."""
    ctx = _ctx(tmp_path, postgres_url)
    written: list[str] = []
    lock = threading.Lock()
    rng = random.Random(7)
    delays = [rng.uniform(0, 0.02) for _ in range(60)]

    def writer(chunk: list[float], site: str | None) -> None:
        for delay in chunk:
            with ctx.db.write(site=site) as conn:
                time.sleep(delay / 2)  # a site's own work, beside other sites' writers
                event_id = append(ctx, conn, "Probe", "x", {"n": 1})
                time.sleep(delay)  # an id taken, not yet committed
            with lock:
                written.append(event_id)

    sites = [None, None, "PVZ-A", "PVZ-B"]
    threads = [threading.Thread(target=writer, args=(delays[i::4], sites[i])) for i in range(4)]
    seen: list[str] = []
    cursor = 0
    for t in threads:
        t.start()
    try:
        while any(t.is_alive() for t in threads) or len(seen) < len(delays):
            with ctx.db.read() as conn:
                page = read_after(conn, cursor, 1000)
            seen += [e["id"] for e in page]
            if page:
                cursor = int(page[-1]["cursor"])
            time.sleep(0.001)
            assert len(seen) <= len(delays)
    finally:
        for t in threads:
            t.join()
        ctx.db.dispose()
    assert sorted(seen) == sorted(written) and len(set(seen)) == len(delays)


def test_cli_init_and_seed_demo_on_postgresql(tmp_path: Path, postgres_url: str) -> None:
    env = {**FAST_TEST_HASHING, "PATH": "/usr/bin:/bin"}

    def cli(*args: str) -> str:
        where = ["--data-dir", str(tmp_path / "d"), "--database-url", postgres_url]
        done = subprocess.run(
            [sys.executable, "-m", "backend_stub.cli", *args, *where],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "data dir ready" in cli("init")
    assert "demo data loaded" in cli("seed-demo", "--products", "200", "--password", "demo-password-1234")
    ctx = _ctx(tmp_path, postgres_url)
    try:
        with ctx.db.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM products")).scalar() == 200
            assert conn.execute(text("SELECT count(*) FROM sites")).scalar() == 3
    finally:
        ctx.db.dispose()
    assert not (tmp_path / "d" / "backend.sqlite3").exists()  # nothing went to SQLite


def test_writers_of_different_sites_run_side_by_side_and_a_whole_database_writer_alone(
    tmp_path: Path, postgres_url: str
) -> None:
    ctx = _ctx(tmp_path, postgres_url)
    holding, release = threading.Event(), threading.Event()
    done: list[str] = []

    def hold_site_a() -> None:
        with ctx.db.write(site="PVZ-A"):
            holding.set()
            release.wait(30)
        done.append("A")

    def write(name: str, site: str | None) -> None:
        with ctx.db.write(site=site) as conn:
            conn.execute(text("SELECT 1"))
        done.append(name)

    def waiting_locks() -> int:
        with ctx.db.read() as conn:
            n = conn.execute(
                text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
            )
            return int(n.scalar_one())

    a = threading.Thread(target=hold_site_a)
    a.start()
    try:
        assert holding.wait(30)
        b = threading.Thread(target=write, args=("B", "PVZ-B"))
        b.start()
        b.join(30)  # another site's writer does not wait for PVZ-A's
        assert done == ["B"]
        whole = threading.Thread(target=write, args=("whole", None))
        same = threading.Thread(target=write, args=("A2", "PVZ-A"))
        whole.start()
        same.start()
        deadline = time.monotonic() + 30
        while waiting_locks() < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert waiting_locks() == 2 and done == ["B"]  # both wait: one for everyone, one for PVZ-A
    finally:
        release.set()
        a.join(30)
    whole.join(30)
    same.join(30)
    ctx.db.dispose()
    assert sorted(done) == ["A", "A2", "B", "whole"]


def test_pooled_connections_outlive_a_database_restart_without_an_error(tmp_path: Path) -> None:
    """The backend's pooled connections to a PostgreSQL that restarted while they sat idle: the
    next request gets a fresh connection (an idle one is pinged first), not an error."""
    from backend_stub import database as dbmod
    from tests.support.postgres import PostgresServer

    with PostgresServer() as pg:
        ctx = _ctx(tmp_path, pg.new_database())
        try:
            with ctx.db.read() as a, ctx.db.read() as b:  # two pooled connections
                assert a.execute(text("SELECT 1")).scalar() == b.execute(text("SELECT 1")).scalar() == 1
            pg.stop()
            pg.start()
            time.sleep(dbmod.PING_IDLE_S + 0.2)
            for _ in range(3):
                with ctx.db.read() as conn:
                    assert conn.execute(text("SELECT count(*) FROM sites")).scalar() is not None
            with ctx.db.write() as conn:
                conn.execute(text("UPDATE counters SET value = value WHERE name = 'unit_serial'"))
        finally:
            ctx.db.dispose()


def test_a_process_keeps_a_few_site_writers_in_postgresql_at_once_and_queues_the_rest(
    tmp_path: Path, postgres_url: str
) -> None:
    """Twelve sites' pushes at once from one process: at most SITE_WRITERS are in a transaction (the
    rest wait in the process, holding no connection, out of PostgreSQL's lock queues), and all finish."""
    from backend_stub.database import SITE_WRITERS

    ctx = _ctx(tmp_path, postgres_url)
    inside, most, finished = 0, 0, []
    lock = threading.Lock()

    def writer(n: int) -> None:
        nonlocal inside, most
        with ctx.db.write(site=f"PVZ-{n}") as conn:
            with lock:
                inside += 1
                most = max(most, inside)
            conn.execute(text("SELECT pg_sleep(0.05)"))
            with lock:
                inside -= 1
        finished.append(n)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(12)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
    finally:
        ctx.db.dispose()
    assert sorted(finished) == list(range(12))
    assert 1 < most <= SITE_WRITERS
