"""The client core against a real backend on loopback: login, first sync, offline work, conflicts,
count-check resync, token refresh and offline pickup checks."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from shared.auth import AuthClient, Session, TokenStore, check_pickup
from shared.domain import OpType, SiteKind, SystemClock, UnitStatus
from shared.store import LocalStore
from shared.sync import SyncEngine, SyncStatus
from tests.support.backend import BackendServer, free_port
from tests.support.keyring import FAST_HASH, MemoryKeyring
from tests.support.world import World


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[BackendServer]:
    """A real backend on SQLite, then on PostgreSQL (the app's sync engine against both)."""
    url = None
    if request.param == "postgresql":
        postgres = request.getfixturevalue("postgres_server")
        url = postgres.new_database()
    with BackendServer(tmp_path_factory.mktemp("backend"), database_url=url) as s:
        yield s


@pytest.fixture(scope="module")
def world(server: BackendServer) -> Iterator[World]:
    w = World.standard(server)
    yield w
    w.close()


def shipped_order(world: World, n: int = 2) -> tuple[dict, str]:  # type: ignore[type-arg]
    order = world.place_order(world.customer, world.pvz1, world.skus[:n])
    world.pay(order)
    return order, world.ship(order)


def client_for(server: BackendServer, tmp_path: Path, device: str, keyring: MemoryKeyring | None = None):  # type: ignore[no-untyped-def]
    clock = SystemClock()
    store = LocalStore.open(tmp_path / device / "local.sqlite3", device, clock)
    http = httpx.Client(base_url=server.url, timeout=10)
    session = Session(
        store,
        AuthClient(http),
        TokenStore(keyring or MemoryKeyring()),
        clock,
        device_id=device,
        site_kind=SiteKind.PVZ,
        hasher=FAST_HASH,
    )
    engine = SyncEngine(store, http, session, clock, page_size=7, full_page_size=7)
    return store, session, engine, http


def test_pvz_day_online_offline_and_back(server: BackendServer, world: World, tmp_path: Path) -> None:
    order, box = shipped_order(world)
    store, session, engine, http = client_for(server, tmp_path, "pvz-e2e-1")
    actor = session.login("clerk1", world.clerk1.password)
    assert actor.site_id == world.pvz1 and actor.site_kind is SiteKind.PVZ
    progress: list[tuple[int | None, int | None]] = []
    engine.on_status(lambda st: progress.append((st.progress_done, st.progress_total)))
    first = engine.sync_once()
    assert first.ok and first.pages > 1 and first.changes.full
    shown = [p for p in progress if p[0] is not None]
    assert shown and shown[-1][0] == shown[-1][1] == first.pulled  # done/total ends at the total
    assert shown[0][1] == first.pulled  # the total was known from the first page
    units = store.units_in_box(box)
    assert {u.id for u in units} == {u["id"] for u in order["units"]}
    assert all(u.status is UnitStatus.SHIPPED and u.product_name for u in units)

    # the network goes away: work goes on, and the status says so
    http.base_url = httpx.URL(f"http://127.0.0.1:{free_port()}")  # nothing listens there
    engine.max_attempts = 1
    for i, u in enumerate(units, start=1):
        store.record(
            OpType.ACCEPT_UNIT, {"unit_id": u.id, "box_id": box, "cell_id": f"{world.pvz1}:{i:04d}"}, actor
        )
    offline = engine.sync_once()
    st: SyncStatus = engine.status
    assert not offline.ok and not st.online and st.pending == len(units) and st.oldest_pending_at is not None
    assert all(u.status is UnitStatus.ACCEPTED and u.pending for u in store.units_in_box(box))

    # back online: pushed exactly once, the server agrees, nothing pending
    http.base_url = httpx.URL(server.url)
    back = engine.sync_once()
    assert back.ok and back.applied == len(units) and engine.status.pending == 0 and engine.status.online
    assert all(u["status"] == "ACCEPTED" for u in world.get_order(world.admin, order["id"])["units"])
    assert all(not u.pending for u in store.units_in_box(box))

    # offline pickup check with the key, revocations and short codes pull brought
    code = world.pickup_code(order)
    engine.sync_once()
    now = SystemClock().now()
    good = check_pickup(store, code["qr"], world.pvz1, now)
    assert good.ok and good.order_id == order["id"]
    assert check_pickup(store, code["short_code"], world.pvz1, now).order_id == order["id"]
    assert check_pickup(store, code["qr"], world.pvz2, now).code == "wrong_pvz"
    issued = store.record(
        OpType.COMPLETE_PICKUP,
        {"order_id": order["id"], "issued": [u.id for u in units], "refused": []},
        actor,
    )
    assert issued.changes.units == {u.id for u in units}
    assert engine.sync_once().ok and store.pending_count() == 0
    assert all(u["status"] == "ISSUED" for u in world.get_order(world.admin, order["id"])["units"])
    store.close()
    http.close()


def test_a_rejected_op_is_a_conflict_until_resolved(
    server: BackendServer, world: World, tmp_path: Path
) -> None:
    order, box = shipped_order(world, 1)
    [unit] = order["units"]
    a_store, a_session, a_engine, a_http = client_for(server, tmp_path, "pvz-e2e-a")
    b_store, b_session, b_engine, b_http = client_for(server, tmp_path, "pvz-e2e-b")
    a = a_session.login("clerk1", world.clerk1.password)
    b = b_session.login("clerk1", world.clerk1.password)
    assert a_engine.sync_once().ok and b_engine.sync_once().ok
    # both counters accept the same unit while apart; A syncs first
    a_store.record(
        OpType.ACCEPT_UNIT, {"unit_id": unit["id"], "box_id": box, "cell_id": f"{world.pvz1}:0003"}, a
    )
    b_store.record(
        OpType.ACCEPT_UNIT, {"unit_id": unit["id"], "box_id": box, "cell_id": f"{world.pvz1}:0004"}, b
    )
    assert a_engine.sync_once().ok
    report = b_engine.sync_once()
    assert report.ok and report.rejected == 1 and b_engine.status.conflicts == 1
    [conflict] = b_store.conflicts()
    assert conflict.reason_code == "illegal_transition" and "ACCEPTED" in conflict.reason_message
    assert b_store.unit(unit["id"]).cell_id == f"{world.pvz1}:0003"  # type: ignore[union-attr]  # the server's truth
    assert b_store.pending_count() == 0
    b_store.resolve_conflict(conflict.op_id, "discard", "другой сотрудник уже принял товар", b)
    b_engine.sync_once()
    assert b_engine.status.conflicts == 0
    for s, h in ((a_store, a_http), (b_store, b_http)):
        s.close()
        h.close()


def test_count_mismatch_triggers_a_full_resync(server: BackendServer, world: World, tmp_path: Path) -> None:
    order, _box = shipped_order(world, 1)
    store, session, engine, http = client_for(server, tmp_path, "pvz-e2e-c")
    session.login("clerk1", world.clerk1.password)
    assert engine.sync_once().ok
    uid = order["units"][0]["id"]
    raw = sqlite3.connect(store.path)
    raw.execute("DELETE FROM units WHERE id = ?", (uid,))  # local data drifted from the server
    raw.commit()
    raw.close()
    world.pickup_code(order)  # one more change so the next pull reaches its last page with counts
    report = engine.sync_once()
    assert report.ok and report.resynced and report.changes.full
    assert store.unit(uid) is not None
    assert not engine.sync_once().resynced  # in agreement now
    store.close()
    http.close()


def test_tokens_refresh_and_offline_unlock_after_restart(
    server: BackendServer, world: World, tmp_path: Path
) -> None:
    ring = MemoryKeyring()
    store, session, engine, http = client_for(server, tmp_path, "pvz-e2e-d", ring)
    session.login("clerk1", world.clerk1.password)
    assert session.keyring_warning is None and any("clerk1" in k[1] for k in ring.items)
    session._access = "expired-token"  # the access token ran out
    assert engine.sync_once().ok  # one refresh with the keyring's refresh token, then on
    store.close()
    http.close()
    # the app restarts with no network: the clerk unlocks offline with the same password
    store2, session2, engine2, http2 = client_for(server, tmp_path, "pvz-e2e-d", ring)
    with pytest.raises(Exception) as wrong:
        session2.unlock_offline("clerk1", "not-the-password")
    assert getattr(wrong.value, "code", "") == "wrong_password"
    actor = session2.unlock_offline("clerk1", world.clerk1.password)
    assert not session2.online and actor.site_id == world.pvz1
    store2.record(OpType.SHIFT_OPEN, {"shift_id": "e2e-shift"}, actor)
    # the network is back: the refresh token from the keyring gets a new access token before pushing
    assert engine2.sync_once().ok and store2.pending_count() == 0 and session2.online
    session2.logout()  # revokes the pair on the server and forgets the refresh token
    session2._actor = actor
    store2.record(OpType.SHIFT_CLOSE, {"shift_id": "e2e-shift"}, actor)
    report = engine2.sync_once()
    assert not report.ok and engine2.status.needs_login and store2.pending_count() == 1
    store2.close()
    http2.close()


def test_warehouse_pick_pack_ship_through_the_store(
    server: BackendServer, world: World, tmp_path: Path
) -> None:
    order = world.place_order(world.customer, world.pvz1, world.skus[:2])
    world.pay(order)
    world.wait_for_task(order["id"])
    clock = SystemClock()
    store = LocalStore.open(tmp_path / "wh.sqlite3", "wh-e2e-1", clock)
    http = httpx.Client(base_url=server.url, timeout=10)
    session = Session(
        store,
        AuthClient(http),
        TokenStore(MemoryKeyring()),
        clock,
        device_id="wh-e2e-1",
        site_kind=SiteKind.WAREHOUSE,
        hasher=FAST_HASH,
    )
    picker = session.login("picker", world.picker.password)
    assert picker.site_kind is SiteKind.WAREHOUSE
    engine = SyncEngine(store, http, session, clock)
    assert engine.sync_once().ok
    [task] = [t for t in store.pick_tasks() if t.order_id == order["id"]]
    units = store.task_units(task.id)
    assert task.total == 2 and task.done == 0 and {u.id for u in units} == {u["id"] for u in order["units"]}
    for u in units:
        assert u.location_id is not None
        store.record(
            OpType.PICK_UNIT, {"task_id": task.id, "unit_id": u.id, "location_id": u.location_id}, picker
        )
    assert store.pick_task(task.id).done == 2  # type: ignore[union-attr]
    box = world.new_sscc()
    store.record(OpType.PACK_OPEN, {"box_id": box, "pvz_id": world.pvz1}, picker)
    for u in units:
        store.record(OpType.PACK_UNIT, {"box_id": box, "unit_id": u.id}, picker)
    store.record(OpType.PACK_CLOSE, {"box_id": box}, picker)
    route = "R-E2E-" + box[-6:]
    store.record(OpType.ROUTE_ADD_BOX, {"route_id": route, "box_id": box, "pvz_id": world.pvz1}, picker)
    store.record(OpType.ROUTE_CLOSE, {"route_id": route, "unit_ids": [u.id for u in units]}, picker)
    report = engine.sync_once()
    assert report.ok and report.applied == 8 and report.rejected == 0
    assert all(u["status"] == "SHIPPED" for u in world.get_order(world.admin, order["id"])["units"])
    view = store.box(box)
    assert view is not None and not view.local_only and view.closed and view.route_id == route
    assert store.pick_tasks() == [] or task.id not in {t.id for t in store.pick_tasks()}
    store.close()
    http.close()
