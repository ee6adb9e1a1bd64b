"""Migrations, backups and restores take their time from the injected clock, never the wall clock."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from backend_stub.backup import backup, restore
from backend_stub.context import open_context
from backend_stub.settings import Settings
from shared.domain import ManualClock, utc_iso

# far from any real "now", so a wall-clock read cannot pass for it
T = datetime(2031, 2, 3, 4, 5, 6, tzinfo=UTC)
FAST = {"argon2_time_cost": 1, "argon2_memory_kib": 1024, "argon2_parallelism": 1}


def _settings(path: Path) -> Settings:
    return Settings(data_dir=path, **FAST)  # type: ignore[arg-type]


def test_migrations_record_the_injected_clock(tmp_path: Path) -> None:
    ctx = open_context(_settings(tmp_path / "data"), ManualClock(T))
    ctx.db.dispose()
    db = sqlite3.connect(tmp_path / "data" / "backend.sqlite3")
    try:
        stamps = {r[0] for r in db.execute("SELECT applied_at FROM schema_migrations")}
    finally:
        db.close()
    assert stamps == {utc_iso(T)}


def test_backup_and_restore_name_and_stamp_with_the_injected_clock(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "data")
    open_context(settings, ManualClock(T)).db.dispose()
    made = backup(settings, tmp_path / "backups", clock=ManualClock(T)).path
    assert made.name == "wb-backup-20310203-040506"
    manifest = json.loads((made / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["created_at"] == "2031-02-03T04:05:06Z"

    later = ManualClock(T + timedelta(hours=1))
    restored = restore(settings, made, clock=later, force=True)
    aside = restored.with_name(restored.name + ".before-restore-20310203-050506")
    assert aside.exists()
