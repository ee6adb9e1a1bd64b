"""The keyed hash chain against a real backend on loopback (SQLite, then PostgreSQL): a device gets
its chain key at login and keeps it in the keyring; someone who edits the device's SQLite file and
recomputes the (unkeyed) chain is refused `broken_chain` with nothing applied, while the device's own
work syncs as before, across a re-login, an app restart, a device epoch and an upgrade from the
unkeyed chain."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from shared.auth import AuthClient, Session, TokenStore
from shared.domain import OpType, SiteKind, SystemClock
from shared.domain.chain import genesis, op_hash
from shared.store import LocalStore
from shared.sync import SyncEngine
from tests.support.backend import BackendServer
from tests.support.client import StaticTokens, actor_for, server_ops
from tests.support.keyring import FAST_HASH, MemoryKeyring
from tests.support.world import World


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[BackendServer]:
    url = None
    if request.param == "postgresql":
        url = request.getfixturevalue("postgres_server").new_database()
    with BackendServer(tmp_path_factory.mktemp("backend"), database_url=url) as s:
        yield s


@pytest.fixture(scope="module")
def world(server: BackendServer) -> Iterator[World]:
    w = World.standard(server)
    yield w
    w.close()


class App:
    """One start of the PVZ app on a device: its store, session and sync engine."""

    def __init__(self, server: BackendServer, path: Path, device: str, ring: MemoryKeyring) -> None:
        clock = SystemClock()
        self.store = LocalStore.open(path, device, clock)
        self.http = httpx.Client(base_url=server.url, timeout=10)
        self.session = Session(
            self.store,
            AuthClient(self.http),
            TokenStore(ring),
            clock,
            device_id=device,
            site_kind=SiteKind.PVZ,
            hasher=FAST_HASH,
        )
        self.engine = SyncEngine(self.store, self.http, self.session, clock)

    def close(self) -> None:
        self.store.close()
        self.http.close()


def shipped_units(world: World, n: int = 2) -> tuple[str, list[str], str]:
    order = world.place_order(world.customer, world.pvz1, world.skus[:n])
    world.pay(order)
    box = world.ship(order)
    return order["id"], [u["id"] for u in order["units"]], box


def server_statuses(world: World, order_id: str) -> set[str]:
    return {u["status"] for u in world.get_order(world.admin, order_id)["units"]}


def forge(path: Path, op_seq: int, cell_id: str) -> None:
    """What someone with the SQLite file but not the key does: edit an op's payload, then recompute
    the hash chain of every op from it on (plain SHA-256, as chain.py describes it)."""
    raw = sqlite3.connect(path)
    try:
        raw.row_factory = sqlite3.Row
        device = raw.execute("SELECT value FROM kv WHERE key = 'device_id'").fetchone()[0]
        payload = json.loads(raw.execute("SELECT payload FROM ops WHERE seq = ?", (op_seq,)).fetchone()[0])
        payload["cell_id"] = cell_id
        raw.execute("UPDATE ops SET payload = ? WHERE seq = ?", (json.dumps(payload), op_seq))
        prev = raw.execute("SELECT prev_hash FROM ops WHERE seq = ?", (op_seq,)).fetchone()[0]
        for row in raw.execute("SELECT * FROM ops WHERE seq >= ? ORDER BY seq", (op_seq,)).fetchall():
            wire = {
                "op_id": row["op_id"],
                "device_id": device,
                "seq": row["seq"],
                "type": row["type"],
                "payload": json.loads(row["payload"]),
                "actor": row["actor"],
                "created_at": row["created_at"],
                "prev_hash": prev,
            }
            prev = op_hash(wire)
            raw.execute(
                "UPDATE ops SET prev_hash = ?, hash = ? WHERE seq = ?", (wire["prev_hash"], prev, row["seq"])
            )
        raw.commit()
    finally:
        raw.close()


def test_an_edited_journal_is_refused_and_the_device_works_on(
    server: BackendServer, world: World, tmp_path: Path
) -> None:
    ring = MemoryKeyring()
    device = "pvz-chain-1"
    app = App(server, tmp_path / "local.sqlite3", device, ring)
    actor = app.session.login("clerk1", world.clerk1.password)
    assert app.engine.sync_once().ok
    key_hex = ring.items[("wb-ops", f"chain-key/{device}")]  # in the keyring
    assert len(bytes.fromhex(key_hex)) == 32
    for f in tmp_path.iterdir():  # and in no file of the app's data folder
        data = f.read_bytes()
        assert key_hex.encode() not in data and bytes.fromhex(key_hex) not in data

    order, units, box = shipped_units(world)
    assert app.engine.sync_once().ok
    for i, u in enumerate(units, start=1):
        app.store.record(
            OpType.ACCEPT_UNIT, {"unit_id": u, "box_id": box, "cell_id": f"{world.pvz1}:{i:04d}"}, actor
        )
    # the journal is edited before it is sent: the first unit goes to another cell, chain recomputed
    forge(app.store.path, app.store.last_seq() - 1, f"{world.pvz1}:0009")
    report = app.engine.sync_once()
    assert report.rejected == 2 and report.applied == 0
    conflicts = app.store.conflicts()
    assert [c.reason_code for c in conflicts] == ["broken_chain", "broken_chain"]
    assert server_statuses(world, order) == {"SHIPPED"}  # nothing of it applied
    assert [s for _, _, s in server_ops(server, device)][-2:] == ["rejected", "rejected"]

    # the device's own work after that goes through: the chain carries on from what it sent
    order2, others, box2 = shipped_units(world)
    assert app.engine.sync_once().ok
    for i, u in enumerate(others, start=3):
        app.store.record(
            OpType.ACCEPT_UNIT, {"unit_id": u, "box_id": box2, "cell_id": f"{world.pvz1}:{i:04d}"}, actor
        )
    report = app.engine.sync_once()
    assert report.ok and report.applied == 2 and report.rejected == 0
    assert server_statuses(world, order2) == {"ACCEPTED"}
    app.close()


def test_relogin_and_restart_keep_the_key_and_pending_ops_verify(
    server: BackendServer, world: World, tmp_path: Path
) -> None:
    ring = MemoryKeyring()
    device = "pvz-chain-2"
    app = App(server, tmp_path / "local.sqlite3", device, ring)
    actor = app.session.login("clerk1", world.clerk1.password)
    order, units, box = shipped_units(world, 3)
    assert app.engine.sync_once().ok
    key = ring.items[("wb-ops", f"chain-key/{device}")]
    app.store.record(
        OpType.ACCEPT_UNIT, {"unit_id": units[0], "box_id": box, "cell_id": f"{world.pvz1}:0001"}, actor
    )
    # another login on the same device while an op waits: the same key, the op still verifies
    app.session.login("clerk1", world.clerk1.password)
    assert ring.items[("wb-ops", f"chain-key/{device}")] == key
    app.store.record(
        OpType.ACCEPT_UNIT, {"unit_id": units[1], "box_id": box, "cell_id": f"{world.pvz1}:0002"}, actor
    )
    app.close()
    # the app restarts offline: the key comes from the keyring, the next op is keyed with it
    again = App(server, tmp_path / "local.sqlite3", device, ring)
    actor = again.session.unlock_offline("clerk1", world.clerk1.password)
    again.store.record(
        OpType.ACCEPT_UNIT, {"unit_id": units[2], "box_id": box, "cell_id": f"{world.pvz1}:0003"}, actor
    )
    wire = [again.store.wire(op) for op in again.store.pending_ops()]
    assert all(op["hash"] == op_hash(op, bytes.fromhex(key)) != op_hash(op) for op in wire)
    again.session.login("clerk1", world.clerk1.password)  # the network is back
    report = again.engine.sync_once()
    assert report.ok and report.applied == 3 and report.rejected == 0
    assert server_statuses(world, order) == {"ACCEPTED"}
    again.close()


def test_a_new_device_epoch_is_keyed_with_its_own_key(
    server: BackendServer, world: World, tmp_path: Path
) -> None:
    ring = MemoryKeyring()
    device = "pvz-chain-3"
    order, units, box = shipped_units(world, 3)
    old = App(server, tmp_path / "old.sqlite3", device, ring)
    actor = old.session.login("clerk1", world.clerk1.password)
    assert old.engine.sync_once().ok
    old.store.record(
        OpType.ACCEPT_UNIT, {"unit_id": units[0], "box_id": box, "cell_id": f"{world.pvz1}:0001"}, actor
    )
    assert old.engine.sync_once().ok
    old.close()
    # the disk was replaced: a fresh journal under the same id numbers from 1 again
    app = App(server, tmp_path / "new.sqlite3", device, ring)
    actor = app.session.login("clerk1", world.clerk1.password)
    assert app.engine.sync_once().ok
    for i, u in enumerate(units[1:], start=2):
        app.store.record(
            OpType.ACCEPT_UNIT, {"unit_id": u, "box_id": box, "cell_id": f"{world.pvz1}:{i:04d}"}, actor
        )
    report = app.engine.sync_once()  # seq_conflict -> a new epoch, the pending ops keyed anew
    assert report.ok and report.rejected == 0, report.error
    new_id = app.store.device_id
    assert new_id != device
    new_key = bytes.fromhex(ring.items[("wb-ops", f"chain-key/{new_id}")])
    assert ("wb-ops", f"chain-key/{device}") not in ring.items  # the old id's key is gone
    assert [s for _, _, s in server_ops(server, new_id)] == ["applied", "applied"]
    assert server_statuses(world, order) == {"ACCEPTED"}
    journal = [app.store.wire(op) for op, _ in app.store.journal() if op.seq > app.store.seq_base()]
    assert journal[0]["prev_hash"] == genesis(new_id)
    assert all(op["hash"] == op_hash(op, new_key) for op in journal)
    app.close()


def test_ops_chained_before_the_key_stay_valid(server: BackendServer, world: World, tmp_path: Path) -> None:
    """A device upgraded from the unkeyed chain: what it journalled before its key still verifies."""
    device = "pvz-chain-4"
    order, units, box = shipped_units(world, 3)
    token = world.login(world.clerk1, device)  # the old app's login: it asks for no key
    actor = actor_for(world.clerk1)
    store = LocalStore.open(tmp_path / "local.sqlite3", device, SystemClock())
    http = httpx.Client(base_url=server.url, timeout=10)
    engine = SyncEngine(store, http, StaticTokens(token), SystemClock())
    assert engine.sync_once().ok
    store.record(
        OpType.ACCEPT_UNIT, {"unit_id": units[0], "box_id": box, "cell_id": f"{world.pvz1}:0001"}, actor
    )
    assert engine.sync_once().ok
    store.record(
        OpType.ACCEPT_UNIT, {"unit_id": units[1], "box_id": box, "cell_id": f"{world.pvz1}:0002"}, actor
    )
    store.close()
    http.close()
    # the new version starts with that op still pending: the key takes effect after it
    app = App(server, tmp_path / "local.sqlite3", device, MemoryKeyring())
    actor = app.session.login("clerk1", world.clerk1.password)
    assert app.store.kv_get("chain.key_from") == "2"
    app.store.record(
        OpType.ACCEPT_UNIT, {"unit_id": units[2], "box_id": box, "cell_id": f"{world.pvz1}:0003"}, actor
    )
    wire = [app.store.wire(op) for op in app.store.pending_ops()]
    assert wire[0]["hash"] == op_hash(wire[0]) and wire[1]["hash"] != op_hash(wire[1])
    report = app.engine.sync_once()
    assert report.ok and report.applied == 2 and report.rejected == 0
    assert server_statuses(world, order) == {"ACCEPTED"}
    app.close()
