"""A backend refuses a database written by a newer version (an unknown migration) instead of
running on it; the CLI says so in one line."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from backend_stub.cli import main


def test_a_database_from_a_newer_version_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WB_ARGON2_MEMORY_KIB", "1024")
    data = tmp_path / "d"
    assert main(["init", "--data-dir", str(data)]) == 0
    with sqlite3.connect(data / "backend.sqlite3") as db:
        db.execute("INSERT INTO schema_migrations (name, applied_at) VALUES ('999_from_the_future', 'x')")
    capsys.readouterr()
    assert main(["init", "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert "newer wb-backend" in err and "999_from_the_future" in err
    assert len(err.strip().splitlines()) == 1


def test_the_apps_local_store_refuses_a_newer_database_too(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from shared.domain import ManualClock
    from shared.store import LocalStore
    from shared.store.errors import StoreError

    clock = ManualClock(datetime(2026, 11, 25, tzinfo=UTC))
    path = tmp_path / "pvz.sqlite"
    LocalStore.open(path, "pvz-pc-1", clock).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO _migrations (name, applied_at) VALUES ('9999_from_the_future', 'x')")
    with pytest.raises(StoreError, match="более новой версией"):
        LocalStore.open(path, "pvz-pc-1", clock)
