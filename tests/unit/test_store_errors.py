"""A full disk, a read-only database and a locked database give typed errors and lose nothing."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from shared.domain import ManualClock, OpType, Role, SiteKind
from shared.store import (
    Actor,
    CorruptError,
    DiskFullError,
    LocalStore,
    LockedError,
    ReadOnlyError,
    StoreError,
)

ACTOR = Actor("u1", "clerk", Role.CLERK, "PVZ-1", SiteKind.PVZ)


def shift(store: LocalStore, n: int) -> str:
    return store.record(OpType.SHIFT_OPEN, {"shift_id": f"shift-{n}-" + "x" * 200}, ACTOR).op.op_id


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))


def test_full_disk_is_a_clear_error_and_confirmed_ops_survive(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / "s.sqlite3"
    store = LocalStore.open(path, "dev", clock)
    confirmed = [shift(store, i) for i in range(5)]
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")  # the "disk" is full now
    with pytest.raises(DiskFullError) as err:
        for i in range(5, 500):
            confirmed.append(shift(store, i))
    assert "Диск заполнен" in err.value.message and err.value.code == "disk_full"
    assert store.pending_count() == len(confirmed)  # the refused op left nothing half-written
    store.close()
    again = LocalStore.open(path, "dev", clock)  # space freed (a new connection has no limit)
    assert [op.op_id for op in again.pending_ops(1000)] == confirmed
    assert [op.seq for op in again.pending_ops(1000)] == list(range(1, len(confirmed) + 1))
    shift(again, 999)
    assert again.pending_count() == len(confirmed) + 1


def test_read_only_database_refuses_writes_with_a_clear_error(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / "s.sqlite3"
    store = LocalStore.open(path, "dev", clock)
    kept = shift(store, 1)
    store.close()
    ro = LocalStore.open(path, "dev", clock, read_only=True)
    assert [op.op_id for op in ro.pending_ops()] == [kept]  # reading still works
    with pytest.raises(ReadOnlyError) as err:
        shift(ro, 2)
    assert "только для чтения" in err.value.message
    with pytest.raises(ReadOnlyError):
        ro.kv_set("x", "y")
    ro.close()
    assert [op.op_id for op in LocalStore.open(path, "dev", clock).pending_ops()] == [kept]


def test_locked_database_is_a_clear_error(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / "s.sqlite3"
    store = LocalStore.open(path, "dev", clock, busy_timeout_ms=50)
    kept = shift(store, 1)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process holds the database
    try:
        with pytest.raises(LockedError) as err:
            shift(store, 2)
        assert "занята" in err.value.message
    finally:
        other.execute("ROLLBACK")
        other.close()
    shift(store, 3)
    assert [op.seq for op in store.pending_ops()] == [1, 2]
    assert store.pending_ops()[0].op_id == kept


def test_a_file_that_is_not_a_database(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is a text file, not SQLite" * 100)
    with pytest.raises(CorruptError) as err:
        LocalStore.open(path, "dev", clock)
    assert isinstance(err.value, StoreError) and err.value.message


def test_a_folder_that_cannot_be_created(tmp_path: Path, clock: ManualClock) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        LocalStore.open(blocker / "sub" / "s.sqlite3", "dev", clock)
