"""When the server's numbering and a device's journal disagree, no clerk's work is lost or doubled.

- The backend is restored from a backup older than ops it had acknowledged: the device's next push
  gets 409 seq_gap, and the engine sends the lost ops again from its journal (real backup and
  restore, real uvicorn).
- A device lost its journal and starts again from seq 1 under the same id: the server answers 409
  seq_conflict (never another op's stored result), and the engine carries on under a new device epoch.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from backend_stub.backup import list_backups
from shared.domain import OpType
from tests.support.backend import BackendServer
from tests.support.client import audit, open_client, pvz_scene, server_ops

DEVICE = "pvz-pc-restore"


def test_ops_the_restored_server_lost_are_sent_again_from_the_journal(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "backend") as server:
        scene = pvz_scene(server, units=2, device_id=DEVICE)
        store, engine, client = open_client(tmp_path / "pvz.sqlite3", server.url, scene.token, DEVICE)
        units = [u["id"] for u in scene.order["units"]]
        confirmed: list[str] = []

        def move(i: int) -> None:
            op = store.record(
                OpType.MOVE_UNIT, {"unit_id": units[i % 2], "cell_id": scene.cells[i % 5]}, scene.actor
            )
            confirmed.append(op.op.op_id)

        assert engine.sync_once().ok
        move(1)
        move(2)
        assert engine.sync_once().ok
        server.cli("backup", str(tmp_path / "backups"))
        move(3)
        move(4)
        assert engine.sync_once().ok and store.pending_count() == 0  # acknowledged by the server
        scene.world.close()  # its admin connection would hold the database
        server.stop()
        server.cli("restore", str(list_backups(tmp_path / "backups")[0]), "--force")
        server.start()
        client.base_url = httpx.URL(server.url)
        assert [op_id for _, op_id, _ in server_ops(server, DEVICE)] == confirmed[:2]
        move(5)
        report = engine.sync_once()
        assert report.ok, report.error
        assert [op_id for _, op_id, _ in server_ops(server, DEVICE)] == confirmed
        figures = audit(store, server, confirmed)
        assert figures["lost"] == 0 and figures["duplicated"] == 0 and figures["pending"] == 0
        assert engine.status.last_error == ""
        store.close()
        client.close()


def test_a_journal_that_restarted_carries_on_under_a_new_device_epoch(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "backend") as server:
        scene = pvz_scene(server, units=2, device_id=DEVICE)
        units = [u["id"] for u in scene.order["units"]]
        old, engine, client = open_client(tmp_path / "old.sqlite3", server.url, scene.token, DEVICE)
        assert engine.sync_once().ok
        first = old.record(OpType.MOVE_UNIT, {"unit_id": units[0], "cell_id": scene.cells[1]}, scene.actor)
        assert engine.sync_once().ok
        old.close()
        client.close()
        # the disk was replaced: a fresh journal under the same device id, numbering from 1 again
        store, engine, client = open_client(tmp_path / "new.sqlite3", server.url, scene.token, DEVICE)
        assert engine.sync_once().ok
        mine = [
            store.record(OpType.MOVE_UNIT, {"unit_id": units[1], "cell_id": c}, scene.actor).op.op_id
            for c in scene.cells[2:4]
        ]
        report = engine.sync_once()
        assert report.ok, report.error
        assert store.device_id != DEVICE and store.device_id.startswith(DEVICE)
        assert store.pending_count() == 0
        assert [op_id for _, op_id, _ in server_ops(server, DEVICE)] == [first.op.op_id]
        assert [op_id for _, op_id, status in server_ops(server, store.device_id)] == mine
        assert all(status == "applied" for _, _, status in server_ops(server, store.device_id))
        # the store reopens under its epoch id even though the app is configured with the old one
        path = store.path
        store.close()
        client.close()
        again, _engine, c2 = open_client(path, server.url, scene.token, DEVICE)
        assert again.device_id == report_device(again)
        again.close()
        c2.close()


def report_device(store: object) -> str:
    from shared.store import LocalStore

    assert isinstance(store, LocalStore)
    return str(store.kv_get("device_id"))
