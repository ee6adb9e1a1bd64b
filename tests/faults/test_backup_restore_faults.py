"""Backups that went wrong, and restores that must not go ahead: each refused with a reason, nothing lost."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backend_stub.backup import BackupError, backup, list_backups, restore, verify
from backend_stub.services.admin import create_site
from backend_stub.settings import Settings
from shared.domain import ManualClock
from tests.support.backend import BackendServer

T0 = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def _sites(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM sites ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def data(tmp_path: Path) -> Settings:
    from backend_stub.context import open_context

    settings = Settings(data_dir=tmp_path / "data")
    ctx = open_context(settings)
    try:
        create_site(ctx, "PVZ-F-1", "pvz", "one")
    finally:
        ctx.db.dispose()
    return settings


def test_a_damaged_backup_is_refused_and_the_live_data_stays(data: Settings, tmp_path: Path) -> None:
    made = backup(data, tmp_path / "b", clock=ManualClock(T0)).path
    raw = bytearray((made / "backend.sqlite3").read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    (made / "backend.sqlite3").write_bytes(bytes(raw))
    with pytest.raises(BackupError, match="checksum"):
        restore(data, made, clock=ManualClock(T0), force=True)
    assert _sites(data.data_dir / "backend.sqlite3") == ["PVZ-F-1"]


def test_a_backup_with_a_missing_key_file_is_refused(data: Settings, tmp_path: Path) -> None:
    made = backup(data, tmp_path / "b", clock=ManualClock(T0)).path
    (made / "secrets" / "pickup_signing_key.pem").unlink()
    with pytest.raises(BackupError, match="incomplete"):
        verify(made)


def test_restore_does_not_overwrite_without_force_and_keeps_what_it_replaces(
    data: Settings, tmp_path: Path
) -> None:
    from backend_stub.context import open_context

    made = backup(data, tmp_path / "b", clock=ManualClock(T0)).path
    ctx = open_context(data)
    try:
        create_site(ctx, "PVZ-F-2", "pvz", "made after the backup")
    finally:
        ctx.db.dispose()
    with pytest.raises(BackupError, match="--force"):
        restore(data, made, clock=ManualClock(T0))
    assert _sites(data.data_dir / "backend.sqlite3") == ["PVZ-F-1", "PVZ-F-2"]

    restore(data, made, force=True, clock=ManualClock(T0 + timedelta(hours=1)))
    assert _sites(data.data_dir / "backend.sqlite3") == ["PVZ-F-1"]
    kept = data.data_dir / "backend.sqlite3.before-restore-20261125-040000"
    assert _sites(kept) == ["PVZ-F-1", "PVZ-F-2"]  # the newer data is kept aside, whole
    assert (data.data_dir / "secrets.before-restore-20261125-040000").is_dir()


def test_restore_refuses_while_the_backend_serves(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "live") as server:
        done = server.cli("backup", str(tmp_path / "b"))
        made = list_backups(tmp_path / "b")[0]
        assert str(made) in done.stdout
        refused = server.cli("restore", str(made), "--force", check=False)
        assert refused.returncode == 2
        assert "in use" in refused.stderr
        assert server.client().get("/health").status_code == 200


def test_an_unfinished_backup_never_counts_and_keep_prunes_old_ones(data: Settings, tmp_path: Path) -> None:
    dest = tmp_path / "b"
    dest.mkdir()
    partial = dest / ".wb-backup-20261124-030000.partial"
    partial.mkdir()
    (partial / "backend.sqlite3").write_bytes(b"half a file")
    assert list_backups(dest) == []
    with pytest.raises(BackupError, match="not a backup"):
        verify(partial)
    for day in range(4):
        backup(data, dest, clock=ManualClock(T0 + timedelta(days=day)), keep=2)
    names = [p.name for p in list_backups(dest)]
    assert names == ["wb-backup-20261127-030000", "wb-backup-20261128-030000"]


def test_backup_of_a_missing_database_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="wb-backend init"):
        backup(Settings(data_dir=tmp_path / "empty"), tmp_path / "b", clock=ManualClock(T0))
    with pytest.raises(BackupError, match="pg_dump"):
        backup(
            Settings(data_dir=tmp_path / "x", database_url="postgresql://db/wb"),
            tmp_path / "b",
            clock=ManualClock(T0),
        )
