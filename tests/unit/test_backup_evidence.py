"""Backups carry the photo evidence folder; a restore puts back the photos a data dir lacks."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from backend_stub.backup import BackupError, backup, restore, verify
from backend_stub.context import open_context
from backend_stub.settings import Settings
from shared.domain import ManualClock

T = datetime(2031, 2, 3, 4, 5, 6, tzinfo=UTC)
FAST = {"argon2_time_cost": 1, "argon2_memory_kib": 1024, "argon2_parallelism": 1}


def _photo(folder: Path, data: bytes) -> Path:
    sha = hashlib.sha256(data).hexdigest()
    path = folder / "evidence" / sha[:2] / f"{sha}.jpg"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_photos_are_backed_up_verified_and_restored(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    settings = Settings(data_dir=data_dir, **FAST)  # type: ignore[arg-type]
    open_context(settings, ManualClock(T)).db.dispose()
    one = _photo(data_dir, b"\xff\xd8\xff one")
    two = _photo(data_dir, b"\xff\xd8\xff two")
    (one.parent / f".{one.name}.x.part").write_bytes(b"half")  # a write in progress is left out
    made = backup(settings, tmp_path / "backups", clock=ManualClock(T)).path
    kept = sorted(p.name for p in (made / "evidence").rglob("*") if p.is_file())
    assert kept == sorted([one.name, two.name])
    verify(made)

    two.unlink()  # a photo lost on the live machine comes back; one still there is not touched
    restore(settings, made, clock=ManualClock(T), force=True)
    assert two.read_bytes() == b"\xff\xd8\xff two" and one.read_bytes() == b"\xff\xd8\xff one"

    (made / "evidence" / one.parent.name / one.name).write_bytes(b"\xff\xd8\xff changed")
    with pytest.raises(BackupError, match="checksum"):
        verify(made)
    assert one.read_bytes() == b"\xff\xd8\xff one"  # a copy, not a link to the live photo
