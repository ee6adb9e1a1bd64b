"""PostgreSQL specifics: the site partitions, writers in commit order (the event feed never passes
over an event that commits late), and the admin CLI's --database-url."""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import text

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
