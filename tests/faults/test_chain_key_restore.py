"""A server restored from a backup still verifies the keyed chain of the ops devices send again.

Real backup and restore, real uvicorn: a device keyed before the backup re-sends the keyed ops the
restore lost and every one verifies; a device that got its key after the backup (the restored
database has never heard of it) logs in again, gets the same key and chain_from, and its re-sent
ops verify too. Nothing is lost, nothing is refused as broken_chain.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from backend_stub.backup import list_backups
from shared.auth import AuthClient, Session, TokenStore
from shared.domain import OpType, SiteKind, SystemClock
from shared.store import LocalStore
from shared.sync import SyncEngine
from tests.support.backend import BackendServer
from tests.support.client import pvz_scene, server_ops
from tests.support.keyring import FAST_HASH, MemoryKeyring


def _app(path: Path, url: str, device: str) -> tuple[LocalStore, Session, SyncEngine, httpx.Client]:
    clock = SystemClock()
    store = LocalStore.open(path, device, clock)
    http = httpx.Client(base_url=url, timeout=10)
    session = Session(
        store,
        AuthClient(http),
        TokenStore(MemoryKeyring()),
        clock,
        device_id=device,
        site_kind=SiteKind.PVZ,
        hasher=FAST_HASH,
    )
    return store, session, SyncEngine(store, http, session, clock), http


def test_keyed_ops_sent_again_after_a_restore_still_verify(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "backend") as server:
        scene = pvz_scene(server, units=2)
        units = [u["id"] for u in scene.order["units"]]
        password = scene.world.clerk1.password
        a_store, a_session, a_engine, a_http = _app(tmp_path / "a.sqlite3", server.url, "pvz-key-a")
        actor = a_session.login("clerk1", password)
        assert a_engine.sync_once().ok

        def move(store: LocalStore, i: int) -> str:
            rec = store.record(
                OpType.MOVE_UNIT, {"unit_id": units[i % 2], "cell_id": scene.cells[i % 5]}, actor
            )
            return rec.op.op_id

        a_ops = [move(a_store, 1)]
        assert a_engine.sync_once().ok
        server.cli("backup", str(tmp_path / "backups"))
        a_ops += [move(a_store, 2), move(a_store, 3)]
        assert a_engine.sync_once().ok and a_store.pending_count() == 0
        # a second device registers after the backup: the restore forgets it ever existed
        b_store, b_session, b_engine, b_http = _app(tmp_path / "b.sqlite3", server.url, "pvz-key-b")
        b_session.login("clerk1", password)
        assert b_engine.sync_once().ok
        b_ops = [move(b_store, 4), move(b_store, 5)]
        assert b_engine.sync_once().ok and b_store.pending_count() == 0

        scene.world.close()
        server.stop()
        server.cli("restore", str(list_backups(tmp_path / "backups")[0]), "--force")
        server.start()
        for http in (a_http, b_http):
            http.base_url = httpx.URL(server.url)

        a_ops.append(move(a_store, 6))
        report = a_engine.sync_once()
        assert report.ok and report.rejected == 0, report.error
        assert [(op_id, s) for _, op_id, s in server_ops(server, "pvz-key-a")] == [
            (o, "applied") for o in a_ops
        ]

        b_ops.append(move(b_store, 7))
        assert not b_engine.sync_once().ok  # its tokens went with the restore: the clerk logs in
        b_session.login("clerk1", password)
        report = b_engine.sync_once()
        assert report.ok and report.rejected == 0, report.error
        assert [(op_id, s) for _, op_id, s in server_ops(server, "pvz-key-b")] == [
            (o, "applied") for o in b_ops
        ]
        assert not a_store.conflicts() and not b_store.conflicts()
        for closable in (a_store, b_store, a_http, b_http):
            closable.close()
