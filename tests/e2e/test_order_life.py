"""The order's whole life, as the design brief tells it, across every part of the suite.

A storefront order, a signed payment webhook (and its replay), the relay's pick task, a warehouse
terminal that picks, packs and ships while offline, a PVZ that accepts, checks the pickup code
offline, issues one unit, refuses another and packs it into a return box while offline, and the
warehouse receiving that return. Both devices use the real local store and sync engine the apps use,
against a real uvicorn on loopback; the backend ends with every unit where the story put it and
every confirmed operation held exactly once.
"""

from __future__ import annotations

import socket
from pathlib import Path

import httpx

from shared.auth.offline_pickup import check_pickup
from shared.domain import OpType, SiteKind, SystemClock, UnitStatus
from shared.store import LocalStore
from shared.sync import Backoff, SyncEngine
from tests.support.backend import BackendServer
from tests.support.client import StaticTokens, actor_for, audit
from tests.support.world import World


def _dead_url() -> str:
    """A loopback port nothing listens on: the network is 'cut'."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _engine(store: LocalStore, url: str, token: str) -> tuple[SyncEngine, httpx.Client]:
    client = httpx.Client(base_url=url, timeout=10.0)
    engine = SyncEngine(
        store, client, StaticTokens(token), SystemClock(), max_attempts=1, backoff=Backoff(0.01, 0.05)
    )
    return engine, client


def _sync(store: LocalStore, url: str, token: str) -> None:
    engine, client = _engine(store, url, token)
    try:
        report = engine.sync_once()
        assert report.ok, report.error
        assert report.rejected == 0
    finally:
        client.close()


def _offline(store: LocalStore, token: str) -> None:
    engine, client = _engine(store, _dead_url(), token)
    try:
        report = engine.sync_once()
        assert not report.ok
        assert not engine.status.online
    finally:
        client.close()


def test_order_life_from_storefront_to_return(tmp_path: Path) -> None:
    clock = SystemClock()
    with BackendServer(tmp_path / "backend") as server, World.standard(server) as w:
        # 1. The customer orders three units for PVZ-T-1.
        order = w.place_order(w.customer, w.pvz1, w.skus[1:4])
        assert order["status"] == "CREATED" and len(order["units"]) == 3
        u_take, u_refuse, u_stay = (u["id"] for u in order["units"])

        # 2. The payment provider calls the webhook; a replay changes nothing.
        body = w.webhook_body(order)
        first = w.post_webhook(body)
        again = w.post_webhook(body)
        assert first.json() == {"status": "processed"}
        assert again.json() == {"status": "duplicate"}
        assert {u["status"] for u in w.get_order(w.customer, order["id"])["units"]} == {"PAID"}

        # 3. The relay turned the one OrderPaid event into one pick task.
        task = w.wait_for_task(order["id"], w.picker)

        # 4. The warehouse terminal syncs, then picks, packs and ships with the network cut.
        picker_token = w.login(w.picker, "terminal-1")
        picker = actor_for(w.picker, SiteKind.WAREHOUSE)
        wh = LocalStore.open(tmp_path / "terminal.db", "terminal-1", clock)
        _sync(wh, server.url, picker_token)
        units = wh.task_units(task["id"])
        assert {u.id for u in units} == {u_take, u_refuse, u_stay}
        _offline(wh, picker_token)
        for unit in units:
            assert unit.location_id, "the pick task says where each unit lies"
            wh.record(
                OpType.PICK_UNIT,
                {"task_id": task["id"], "unit_id": unit.id, "location_id": unit.location_id},
                picker,
            )
        box = w.new_sscc()
        wh.record(OpType.PACK_OPEN, {"box_id": box, "pvz_id": w.pvz1}, picker)
        for unit in units:
            wh.record(OpType.PACK_UNIT, {"box_id": box, "unit_id": unit.id}, picker)
        wh.record(OpType.PACK_CLOSE, {"box_id": box}, picker)
        wh.record(OpType.ROUTE_ADD_BOX, {"route_id": "R-LIFE-1", "box_id": box, "pvz_id": w.pvz1}, picker)
        wh.record(OpType.ROUTE_CLOSE, {"route_id": "R-LIFE-1", "unit_ids": [u.id for u in units]}, picker)
        assert wh.pending_count() == 3 + 1 + 3 + 1 + 2
        assert {u.status for u in wh.units_in_box(box)} == {UnitStatus.SHIPPED}
        _sync(wh, server.url, picker_token)  # the network is back
        assert wh.pending_count() == 0

        # 5. The PVZ pulls the expected box, then accepts and issues with the network cut.
        clerk_token = w.login(w.clerk1, "pvz-pc-1")
        clerk = actor_for(w.clerk1, SiteKind.PVZ)
        pvz = LocalStore.open(tmp_path / "pvz.db", "pvz-pc-1", clock)
        _sync(pvz, server.url, clerk_token)
        expected = pvz.units_in_box(box)
        assert {u.id for u in expected} == {u_take, u_refuse, u_stay}
        code = w.pickup_code(order)  # the customer's phone has it before the network drops
        _offline(pvz, clerk_token)
        cells = set()
        for unit in expected:
            cell = pvz.suggest_cell(unit.customer_id, w.pvz1)
            assert cell is not None
            cells.add(cell.id)
            pvz.record(OpType.ACCEPT_UNIT, {"unit_id": unit.id, "box_id": box, "cell_id": cell.id}, clerk)
        assert len(cells) == 1, "one customer's units are kept together"
        for shown in (code["qr"], code["short_code"]):
            check = check_pickup(pvz, shown, w.pvz1, clock.now())
            assert check.ok, check.message
            assert check.order_id == order["id"]
        pvz.record(
            OpType.COMPLETE_PICKUP,
            {
                "order_id": order["id"],
                "issued": [u_take],
                "refused": [{"unit_id": u_refuse, "reason": "size"}],
            },
            clerk,
        )
        return_box = w.new_sscc(kind_return=True)
        pvz.record(OpType.RETURN_OPEN, {"box_id": return_box}, clerk)
        pvz.record(
            OpType.RETURN_PACK, {"box_id": return_box, "unit_id": u_refuse, "reason": "refused"}, clerk
        )
        pvz.record(OpType.RETURN_CLOSE, {"box_id": return_box}, clerk)
        pvz.record(OpType.RETURN_HANDOVER, {"box_ids": [return_box], "unit_ids": [u_refuse]}, clerk)
        assert pvz.unit(u_take).status is UnitStatus.ISSUED
        assert pvz.unit(u_refuse).status is UnitStatus.RETURN_SHIPPED
        _sync(pvz, server.url, clerk_token)
        assert pvz.pending_count() == 0

        # 7. The warehouse receives the return box.
        _sync(wh, server.url, picker_token)
        assert {u.id for u in wh.units_in_box(return_box)} == {u_refuse}
        wh.record(OpType.RETURN_RECEIVE, {"box_id": return_box, "unit_id": u_refuse}, picker)
        wh.record(OpType.RETURN_RECEIPT_CLOSE, {"box_id": return_box, "missing": []}, picker)
        _sync(wh, server.url, picker_token)

        # The backend, the only authority, tells the same story.
        final = {u["id"]: u["status"] for u in w.get_order(w.admin, order["id"])["units"]}
        assert final == {u_take: "ISSUED", u_refuse: "RETURNED", u_stay: "ACCEPTED"}
        events = w.client(w.admin).get("/api/v1/events", params={"limit": 1000}).json()["items"]
        paid = [e for e in events if e["type"] == "OrderPaid" and e["aggregate_id"] == order["id"]]
        assert len(paid) == 1
        for store in (wh, pvz):
            figures = audit(store, server, [])
            assert figures["lost"] == 0 and figures["duplicated"] == 0 and figures["pending"] == 0
            assert figures["server"] == figures["ops"]
        wh.close()
        pvz.close()
