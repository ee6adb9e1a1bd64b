"""The support bundle (pending ops, conflicts, settings as JSON and CSV, no secrets) and the journal
tables made STRICT by sqlite-utils' Table.transform in migration 0005."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from shared.domain import ManualClock, OpType
from shared.store import LocalStore
from shared.store.migrations import JOURNAL_TABLES, MIGRATIONS, migrate
from shared.store.support_bundle import (
    MASK,
    SupportBundleError,
    is_secret_name,
    main,
    mask_secrets,
    write_support_bundle,
)
from tests.unit.test_store_journal import BOX, CLERK, PVZ, seed

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


def _device(tmp_path: Path, clock: ManualClock) -> Path:
    """A PVZ data folder: two pending acceptances, one rejected (a conflict), settings with secrets."""
    folder = tmp_path / "pvz-data"
    store = LocalStore.open(folder / "pvz.sqlite", "pvz-dev-7", clock)
    store.apply_pull_page(seed(), "10")
    ops = [
        store.record(OpType.ACCEPT_UNIT, {"unit_id": u, "box_id": BOX, "cell_id": f"{PVZ}:0001"}, CLERK).op
        for u in ("U1", "U2", "U3")
    ]
    store.apply_push_results(
        [
            {
                "op_id": ops[0].op_id,
                "seq": ops[0].seq,
                "status": "rejected",
                "reason": {"code": "order_cancelled", "message": "Заказ отменён"},
            }
        ]
    )
    store.kv_set("auth.refresh_token", "eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl")
    store.kv_set("terminal.badge.0f3a", json.dumps({"verifier": "$argon2id$v=19$m=65536", "failures": 1}))
    store.kv_set("printer.profile", json.dumps({"name": "Zebra", "api_secret": "s3cr3t", "dpi": 203}))
    store.close()
    return folder


def test_secret_names_and_values() -> None:
    for name in ("auth.refresh_token", "terminal.badge.owner.clerk", "adminPassword", "pin", "apiSecret"):
        assert is_secret_name(name), name
    for name in ("sync.cursor", "device_id", "pvz.shift", "device.sscc_block", "auth.offline_failures:clerk"):
        assert not is_secret_name(name), name
    masked = mask_secrets({"a": [{"token": "x"}], "b": "$argon2id$v=19$...", "c": 3})
    assert masked == {"a": [{"token": MASK}], "b": MASK, "c": 3}


def test_bundle_has_pending_ops_conflicts_and_settings_as_json_and_csv(
    tmp_path: Path, clock: ManualClock
) -> None:
    folder = _device(tmp_path, clock)
    bundle = write_support_bundle(folder, tmp_path / "out", now=NOW)
    assert bundle.folder.name == "wb-ops-support-pvz-dev-7-20260301T090000Z"
    assert (bundle.pending, bundle.conflicts, bundle.settings_left_out) == (2, 1, 2)

    pending = json.loads((bundle.folder / "pending_ops.json").read_text(encoding="utf-8"))
    assert [p["seq"] for p in pending] == [2, 3]
    assert pending[0]["type"] == OpType.ACCEPT_UNIT.value
    assert pending[0]["payload"]["unit_id"] == "U2"  # the payload as an object, not a string
    assert pending[0]["actor"] == CLERK.user_id

    conflicts = json.loads((bundle.folder / "conflicts.json").read_text(encoding="utf-8"))
    assert len(conflicts) == 1
    assert conflicts[0]["reason_code"] == "order_cancelled"
    assert conflicts[0]["reason_message"] == "Заказ отменён"
    assert conflicts[0]["payload"]["unit_id"] == "U1" and conflicts[0]["resolution"] is None

    with open(bundle.folder / "conflicts.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["reason_message"] == "Заказ отменён"  # Cyrillic survives, BOM for spreadsheets
    assert json.loads(rows[0]["payload"])["unit_id"] == "U1"
    with open(bundle.folder / "pending_ops.csv", encoding="utf-8-sig", newline="") as fh:
        assert [r["seq"] for r in csv.DictReader(fh)] == ["2", "3"]

    settings = {
        s["key"]: s["value"]
        for s in json.loads((bundle.folder / "settings.json").read_text(encoding="utf-8"))
    }
    assert settings["device_id"] == "pvz-dev-7"
    assert "sync.cursor" in settings
    assert json.loads(settings["printer.profile"]) == {"name": "Zebra", "api_secret": MASK, "dpi": 203}

    manifest = json.loads((bundle.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["device_id"] == "pvz-dev-7" and manifest["store"] == "pvz.sqlite"
    assert manifest["ops_by_state"] == {"pending": 2, "applied": 0, "rejected": 1}
    assert manifest["open_conflicts"] == 1
    assert manifest["migrations"][-1] == MIGRATIONS[-1].name

    # nothing secret anywhere in the bundle, the zip included
    with zipfile.ZipFile(bundle.archive) as zf:
        names = zf.namelist()
        everything = "".join(zf.read(n).decode("utf-8-sig") for n in names)
    assert len(names) == 7 and all(n.startswith(bundle.folder.name + "/") for n in names)
    for secret in ("eyJhbGciOi", "$argon2", "s3cr3t", "refresh_token", "terminal.badge", "verifier"):
        assert secret not in everything, secret


def test_bundle_reads_a_store_the_app_has_open_and_changes_nothing(
    tmp_path: Path, clock: ManualClock
) -> None:
    folder = _device(tmp_path, clock)
    store = LocalStore.open(folder / "pvz.sqlite", "pvz-dev-7", clock)  # the app is running
    try:
        before = store.journal_counts()
        bundle = write_support_bundle(folder / "pvz.sqlite", tmp_path / "out")
        assert bundle.pending == 2
        assert store.journal_counts() == before
        store.record(OpType.ACCEPT_UNIT, {"unit_id": "U1", "box_id": BOX, "cell_id": f"{PVZ}:0002"}, CLERK)
    finally:
        store.close()


def test_cli_writes_the_bundle_and_says_where(
    tmp_path: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _device(tmp_path, clock)
    assert main(["--data-dir", str(folder), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "2 pending, 1 conflicts" in out and "2 secret ones left out" in out
    assert len(list((tmp_path / "out").glob("wb-ops-support-pvz-dev-7-*.zip"))) == 1
    assert main(["--data-dir", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "out")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_a_folder_without_a_store_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(SupportBundleError, match="no app store"):
        write_support_bundle(tmp_path / "empty", tmp_path / "out")


# ---- migration 0005: the journal tables become STRICT (Table.transform) --------------------------


def _table_sql(db: sqlite3.Connection, name: str) -> str:
    return str(
        db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()[0]
    )


def test_an_old_store_is_upgraded_with_its_journal_kept(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    before_0005 = tuple(m for m in MIGRATIONS if m.name != "0005_journal_strict")
    migrate(db, "2026-01-01T00:00:00Z", before_0005)
    db.execute("INSERT INTO kv (key, value) VALUES ('device_id', 'pvz-old')")
    db.execute(
        "INSERT INTO ops (seq, op_id, type, payload, actor, created_at) "
        "VALUES (1, 'op-1', 'unit.accepted', '{\"unit_id\": \"U1\"}', '{}', '2026-01-01T00:00:00Z'), "
        "(2, 'op-2', 'unit.accepted', '{\"unit_id\": \"U2\"}', '{}', '2026-01-01T00:00:01Z')"
    )
    db.execute("UPDATE ops SET state = 'rejected', result = '{}' WHERE seq = 1")
    db.execute("INSERT INTO op_units (seq, unit_id) VALUES (2, 'U2')")
    db.execute(
        "INSERT INTO conflicts (op_id, reason_code, reason_message, rejected_at) VALUES ('op-1', 'c', 'm', '2026-01-01T00:00:02Z')"
    )
    assert "STRICT" not in _table_sql(db, "ops")
    db.close()

    store = LocalStore.open(path, "pvz-old", clock)
    assert sorted(store.migrations()) == sorted(m.name for m in MIGRATIONS)
    assert store.journal_counts() == {"pending": 1, "applied": 0, "rejected": 1}
    assert [c.op_id for c in store.conflicts()] == ["op-1"]
    store.close()

    db = sqlite3.connect(path)
    for table in JOURNAL_TABLES:
        assert _table_sql(db, table).rstrip().endswith("STRICT"), table
    indexes = {
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    }
    assert {"ops_pending", "op_units_seq", "conflicts_open"} <= indexes
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT unit_id FROM op_units WHERE seq = 2").fetchone()[0] == "U2"
    # the constraints came along: CHECK on state, UNIQUE op_id, the foreign key to ops
    db.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE ops SET state = 'lost' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO ops (seq, op_id, type, payload, actor, created_at) VALUES (3, 'op-2', 't', '{}', '{}', 't')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO op_units (seq, unit_id) VALUES (99, 'U9')")
    db.close()


def test_the_strict_journal_refuses_a_value_of_the_wrong_type(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / "s.sqlite"
    LocalStore.open(path, "dev", clock).close()
    db = sqlite3.connect(path)
    with pytest.raises(sqlite3.IntegrityError, match="cannot store BLOB"):
        db.execute(
            "INSERT INTO ops (seq, op_id, type, payload, actor, created_at) VALUES (1, 'x', 't', ?, '{}', 't')",
            (b"\x00\x01",),
        )
    with pytest.raises(sqlite3.IntegrityError, match="cannot store TEXT"):
        db.execute("INSERT INTO op_units (seq, unit_id) VALUES ('not a number', 'U1')")
    db.close()


def test_the_journal_path_does_not_load_sqlite_utils(tmp_path: Path, clock: ManualClock) -> None:
    """Once migrated, opening the store and journalling an op stay on plain sqlite3."""
    path = tmp_path / "hot.sqlite"
    LocalStore.open(path, "dev", clock).close()
    code = (
        "import sys\n"
        "from datetime import UTC, datetime\n"
        "from shared.domain import ManualClock\n"
        "from shared.store import LocalStore\n"
        f"s = LocalStore.open({str(path)!r}, 'dev', ManualClock(datetime(2026, 3, 1, tzinfo=UTC)))\n"
        "s.kv_set('x', '1')\n"
        "s.close()\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
