"""The journal's hash chain (docs/PROTOCOL.md, "The hash chain"): each device's ops name the hash of
the op before; the backend verifies it on push and rejects a forged, reordered or removed op as a
`broken_chain` conflict, while the apps' own chain passes across batches, replays and device epochs."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from backend_stub.db import devices, op_results
from shared.domain import ManualClock, OpType, parse_iso
from shared.domain.chain import canonical_bytes, genesis, op_hash
from shared.store import LocalStore
from tests.support.backend import BackendServer
from tests.support.client import open_client, pvz_scene
from tests.support.world import World


def test_canonical_bytes_are_sorted_compact_utf8_json_of_the_chain_fields() -> None:
    op = {
        "seq": 3,
        "op_id": "01J",
        "device_id": "d",
        "type": "unit.damaged",
        "payload": {"unit_id": "U1", "reason": "мокрая коробка"},
        "actor": "u",
        "created_at": "2026-01-02T03:04:05.000000Z",
        "prev_hash": "ab" * 32,
        "hash": "ignored",
    }
    raw = canonical_bytes(op)
    assert (
        raw
        == (
            '{"actor":"u","created_at":"2026-01-02T03:04:05.000000Z","device_id":"d","op_id":"01J",'
            '"payload":{"reason":"мокрая коробка","unit_id":"U1"},"prev_hash":"' + "ab" * 32 + '",'
            '"seq":3,"type":"unit.damaged"}'
        ).encode()
    )
    assert op_hash(op) == hashlib.sha256(raw).hexdigest()
    assert genesis("pvz-1") == hashlib.sha256(b"wb-ops:pvz-1").hexdigest()


def _seeded(path: Path, device: str = "pvz-dev-1") -> LocalStore:
    from tests.unit.test_store_journal import seed

    clock = ManualClock(parse_iso("2026-03-01T09:00:00Z"))
    store = LocalStore.open(path, device, clock)
    store.apply_pull_page(seed(), "10")
    return store


def test_the_store_chains_each_op_and_sends_the_chain_in_the_wire_op(tmp_path: Path) -> None:
    from tests.unit.test_store_journal import CLERK, PVZ, accept

    store = _seeded(tmp_path / "a.sqlite3")
    for uid in ("U1", "U2"):
        accept(store, uid)
    store.record(OpType.MOVE_UNIT, {"unit_id": "U1", "cell_id": f"{PVZ}:0002"}, CLERK)
    wire = [store.wire(op) for op in store.pending_ops()]
    assert wire[0]["prev_hash"] == genesis("pvz-dev-1")
    for before, op in itertools.pairwise(wire):
        assert op["prev_hash"] == before["hash"]
    assert all(op["hash"] == op_hash(op) for op in wire)
    # a new device epoch: the pending ops are renumbered under the new id and chain from its genesis
    store.start_epoch("pvz-dev-1~2", None)
    again = [store.wire(op) for op in store.pending_ops()]
    assert [op["seq"] for op in again] == [1, 2, 3]
    assert again[0]["prev_hash"] == genesis("pvz-dev-1~2")
    assert all(op["hash"] == op_hash(op) for op in again)
    assert again[1]["prev_hash"] == again[0]["hash"]
    nxt = store.record(OpType.MOVE_UNIT, {"unit_id": "U1", "cell_id": f"{PVZ}:0003"}, CLERK).op
    assert store.wire(nxt)["prev_hash"] == again[-1]["hash"] and store.wire(nxt)["seq"] == 4
    store.close()


def test_ops_journalled_before_the_chain_start_it_at_the_first_op_with_a_hash(tmp_path: Path) -> None:
    from tests.unit.test_store_journal import CLERK, PVZ, accept

    store = _seeded(tmp_path / "a.sqlite3")
    accept(store, "U1")
    with store._tx() as db:  # as an older version journalled it
        db.execute("UPDATE ops SET prev_hash = NULL, hash = NULL")
    old = store.wire(store.pending_ops()[0])
    assert "prev_hash" not in old and "hash" not in old
    store.record(OpType.MOVE_UNIT, {"unit_id": "U1", "cell_id": f"{PVZ}:0003"}, CLERK)
    assert store.wire(store.pending_ops()[1])["prev_hash"] == genesis("pvz-dev-1")
    store.close()


# ---- the backend, over real HTTP ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendServer]:
    with BackendServer(tmp_path_factory.mktemp("chain") / "backend") as running:
        yield running


@pytest.fixture(scope="module")
def world(server: BackendServer) -> Iterator[World]:
    with World.standard(server) as w:
        yield w


def _unit(w: World) -> tuple[str, list[str]]:
    order = w.place_order(w.customer, w.pvz1, w.skus[:1])
    w.pay(order)
    w.accept(order, w.ship(order))
    return order["units"][0]["id"], [f"{w.pvz1}:{n:04d}" for n in range(1, 11)]


def _stored(server: BackendServer, op_id: str) -> Any:
    ctx = server.context()
    try:
        with ctx.db.read() as conn:
            return conn.execute(select(op_results).where(op_results.c.op_id == op_id)).first()
    finally:
        ctx.db.dispose()


def _moves(dev: Any, unit: str, cells: list[str]) -> list[dict[str, Any]]:
    return [dev.make_op("unit.move", {"unit_id": unit, "cell_id": c}) for c in cells]


def test_a_chained_device_passes_across_batches_and_replays(world: World, server: BackendServer) -> None:
    unit, cells = _unit(world)
    dev = world.device(world.clerk1, "pvz-chain-ok")
    dev.chain = True
    first, second = _moves(dev, unit, cells[1:2]), _moves(dev, unit, cells[2:5])
    assert [r["status"] for r in dev.push(first)] == ["applied"]
    assert [r["status"] for r in dev.push(second)] == ["applied"] * 3
    assert [r["replayed"] for r in dev.push(first + second)] == [True] * 4  # a lost answer: replayed
    assert [r["status"] for r in dev.push(_moves(dev, unit, cells[5:6]))] == ["applied"]
    row = _stored(server, second[0]["op_id"])
    assert (row.prev_hash, row.hash) == (first[0]["hash"], second[0]["hash"])


def test_a_forged_op_is_rejected_as_broken_chain_and_changes_nothing(
    world: World, server: BackendServer
) -> None:
    unit, cells = _unit(world)
    dev = world.device(world.clerk1, "pvz-chain-forged")
    dev.chain = True
    ops = _moves(dev, unit, cells[1:4])
    ops[1]["payload"]["cell_id"] = cells[8]  # changed after it was hashed
    results = dev.push(ops)
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert results[1]["reason"]["code"] == "broken_chain"
    assert _unit_cell(world, unit) == cells[3]  # the forged move to cells[8] was not applied
    row = _stored(server, ops[1]["op_id"])
    assert row.reason_code == "broken_chain" and row.prev_hash == ops[1]["prev_hash"]


def _unit_cell(world: World, unit: str) -> str | None:
    from backend_stub.db import units

    with world._ctx.db.read() as conn:
        return conn.execute(select(units.c.cell_id).where(units.c.id == unit)).scalar_one()  # type: ignore[no-any-return]


def test_a_removed_op_is_rejected_as_broken_chain(world: World, server: BackendServer) -> None:
    unit, cells = _unit(world)
    dev = world.device(world.clerk1, "pvz-chain-removed")
    dev.chain = True
    kept, removed, after = _moves(dev, unit, cells[1:4])
    assert dev.push([kept])[0]["status"] == "applied"
    after = dict(after, seq=removed["seq"])  # the op between was deleted and the rest renumbered
    after["hash"] = op_hash(after)
    result = dev.push([after])[0]
    assert (result["status"], result["reason"]["code"]) == ("rejected", "broken_chain")
    assert _unit_cell(world, unit) == cells[1]  # nothing applied for it


def test_reordered_ops_are_rejected_as_broken_chain(world: World, server: BackendServer) -> None:
    unit, cells = _unit(world)
    dev = world.device(world.clerk1, "pvz-chain-reordered")
    dev.chain = True
    a, b = _moves(dev, unit, cells[1:3])
    swapped = [dict(b, seq=a["seq"]), dict(a, seq=b["seq"])]
    results = dev.push(swapped)
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert {r["reason"]["code"] for r in results} == {"broken_chain"}
    assert _unit_cell(world, unit) == cells[0]
    # the chain runs over every op sent, rejected ones too: the device's next op chains on
    nxt = dev.make_op("unit.move", {"unit_id": unit, "cell_id": cells[5]})
    nxt["prev_hash"] = swapped[-1]["hash"]
    nxt["hash"] = op_hash(nxt)
    assert dev.push([nxt])[0]["status"] == "applied"


def test_an_op_without_a_chain_is_unchecked_and_the_next_chains_from_genesis(
    world: World, server: BackendServer
) -> None:
    unit, cells = _unit(world)
    dev = world.device(world.clerk1, "pvz-chain-old-client")
    assert dev.push(_moves(dev, unit, cells[1:2]))[0]["status"] == "applied"  # an old client
    dev.chain = True
    assert [r["status"] for r in dev.push(_moves(dev, unit, cells[2:4]))] == ["applied"] * 2
    ctx = server.context()
    try:
        with ctx.db.read() as conn:
            last = conn.execute(
                select(devices.c.last_hash).where(devices.c.device_id == "pvz-chain-old-client")
            ).scalar_one()
    finally:
        ctx.db.dispose()
    assert last == dev.last_hash


def test_the_apps_chain_passes_across_batches_and_a_new_device_epoch(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "backend") as srv:
        scene = pvz_scene(srv, units=2, device_id="pvz-chain-app")
        units = [u["id"] for u in scene.order["units"]]
        store, engine, client = open_client(tmp_path / "pvz.sqlite3", srv.url, scene.token, "pvz-chain-app")
        assert engine.sync_once().ok
        for i in range(260):  # two push batches
            store.record(
                OpType.MOVE_UNIT, {"unit_id": units[i % 2], "cell_id": scene.cells[i % 7]}, scene.actor
            )
        assert engine.sync_once().ok
        assert store.journal_counts()["rejected"] == 0 and store.pending_count() == 0
        store.close()
        client.close()
        # a fresh journal under the same id: a new device epoch, its ops chained from its genesis
        store, engine, client = open_client(tmp_path / "new.sqlite3", srv.url, scene.token, "pvz-chain-app")
        assert engine.sync_once().ok
        for c in scene.cells[2:5]:
            store.record(OpType.MOVE_UNIT, {"unit_id": units[0], "cell_id": c}, scene.actor)
        report = engine.sync_once()
        assert report.ok, report.error
        assert store.device_id != "pvz-chain-app"
        assert store.journal_counts() == {"pending": 0, "applied": 3, "rejected": 0}
        last = store.wire(store.journal()[-1][0])
        assert _stored(srv, last["op_id"]).hash == last["hash"]
        store.close()
        client.close()


def test_a_dispute_pack_shows_each_ops_chain_hashes(tmp_path: Path) -> None:
    from pvz_app.logic.dispute import build_pack, resolve
    from tests.unit.test_store_journal import PVZ, accept

    store = _seeded(tmp_path / "a.sqlite3")
    accept(store, "U1")
    pack = build_pack(
        store,
        resolve(store, "unit", "U1"),
        site_id=PVZ,
        built_by="clerk",
        now=store.clock.now(),
        status_name=str,
    )
    wire = store.wire(store.pending_ops()[0])
    [entry] = [e for e in pack.entries if e.op_id == wire["op_id"]]
    assert (entry.prev_hash, entry.op_hash) == (wire["prev_hash"], wire["hash"])
    assert [op["hash"] for op in pack.raw_ops] == [wire["hash"]]
    store.close()
