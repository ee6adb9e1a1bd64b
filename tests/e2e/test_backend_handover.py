"""Two-sided handover through the API of a real uvicorn: the warehouse dispatches a route with the
courier's badge and a seal per box, the PVZ closes what it received with the seal it found; every
difference is a discrepancy both sites pull, and the return direction works the same way. Each test
runs on SQLite and on PostgreSQL (the `backend_database` fixture): migration 014's columns and the
discrepancies table on both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect

from shared.barcodes.formats import make_badge_label
from tests.support.backend import BackendServer
from tests.support.world import Device, World

BADGE = make_badge_label(4242)


def _discrepancies(dev: Device) -> dict[str, dict[str, Any]]:
    return {c["id"]: c["data"] for c in dev.pull() if c["entity"] == "discrepancy"}


def _order_in_box(w: World, pvz: str) -> tuple[dict[str, Any], str]:
    order = w.place_order(w.customer, pvz, [w.skus[0]])
    w.pay(order)
    w.pick(order)
    return order, w.pack(order)


def test_route_seals_and_a_missing_box_show_on_both_sides(
    tmp_path: Path, backend_database: str | None
) -> None:
    with (
        BackendServer(tmp_path / "backend", database_url=backend_database) as server,
        World.standard(server) as w,
    ):
        (o1, b1), (o2, b2), (o3, b3) = (_order_in_box(w, w.pvz1) for _ in range(3))
        seals = {b1: "S1000001", b2: "S1000002", b3: "S1000003"}
        picker, clerk = w.device(w.picker), w.device(w.clerk1)
        picker.pull()
        picker.op("route.add_box", {"route_id": "R-X", "box_id": b1, "pvz_id": w.pvz1})
        bad = picker.op(
            "route.close",
            {"route_id": "R-X", "unit_ids": [], "courier_badge": BADGE, "seals": {b1: "S1"}},
            must_apply=False,
        )
        assert bad["status"] == "rejected" and bad["reason"]["code"] == "invalid_payload"
        bad = picker.op(
            "route.close",
            {
                "route_id": "R-X",
                "unit_ids": [u["id"] for u in o1["units"]],
                "courier_badge": BADGE,
                "seals": {b1: "S1000001", b2: "S1000002"},
            },
            must_apply=False,
        )
        assert bad["status"] == "rejected" and "each box" in bad["reason"]["message"]
        picker.op(
            "route.close",
            {
                "route_id": "R-X",
                "unit_ids": [u["id"] for u in o1["units"]],
                "courier_badge": BADGE,
                "seals": {b1: seals[b1]},
            },
        )
        route = w.dispatch(
            [b2, b3], w.pvz1, handover={"courier_badge": BADGE, "seals": {b2: seals[b2], b3: seals[b3]}}
        )

        # the PVZ accepts b1 with its seal intact: nothing differs, nothing to pull
        clerk.pull()
        w.accept(o1, b1)
        clerk.op("box.accept_close", {"box_id": b1, "seal": seals[b1], "seal_broken": False})
        assert _discrepancies(clerk) == {}
        # b2 arrives under another seal, broken, photographed; b3 never arrives
        w.accept(o2, b2)
        photo = "ab" * 32
        clerk.op(
            "box.accept_close",
            {"box_id": b2, "seal": "S9999999", "seal_broken": True, "photos": [photo]},
        )
        at_pvz = _discrepancies(clerk)
        at_warehouse = _discrepancies(picker)
        assert at_pvz == at_warehouse
        assert sorted(at_pvz) == sorted([f"{b2}:seal_mismatch", f"{b2}:seal_broken", f"{b3}:not_received"])
        mismatch = at_pvz[f"{b2}:seal_mismatch"]
        assert (mismatch["seal_sent"], mismatch["seal_received"]) == (seals[b2], "S9999999")
        assert mismatch["courier_badge"] == BADGE and mismatch["handover_id"] == route
        assert mismatch["photos"] == [photo] and mismatch["direction"] == "forward"
        assert at_pvz[f"{b3}:not_received"]["resolved_at"] is None

        # b3 turns up after all: its "not received" is resolved on both sides
        w.accept(o3, b3)
        clerk.op("box.accept_close", {"box_id": b3, "seal": seals[b3], "seal_broken": False})
        assert _discrepancies(clerk)[f"{b3}:not_received"]["resolved_at"] is not None
        assert _discrepancies(picker)[f"{b3}:not_received"]["resolved_at"] is not None
        # the other PVZ sees none of it
        assert _discrepancies(w.device(w.clerk2)) == {}

        # the admins' view (GET /api/v1/admin/discrepancies): open ones, then all, site-scoped
        url = "/api/v1/admin/discrepancies"
        central = w.client(w.admin)
        open_now = central.get(url).json()
        assert sorted(d["id"] for d in open_now) == sorted([f"{b2}:seal_mismatch", f"{b2}:seal_broken"])
        assert len(central.get(url, params={"all": "true"}).json()) == 3
        assert central.get(url, params={"site_id": w.pvz2}).json() == []
        pvz1_admin = w.client(w.add_user("admin-handover-pvz1", "admin", w.pvz1))
        assert len(pvz1_admin.get(url).json()) == 2
        assert pvz1_admin.get(url, params={"site_id": w.pvz2}).status_code == 403
        pvz2_admin = w.client(w.add_user("admin-handover-pvz2", "admin", w.pvz2))
        assert pvz2_admin.get(url).json() == []
        refused = w.client(w.clerk1).get(url)
        assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"


def test_return_seals_and_a_box_not_sent_show_on_both_sides(
    tmp_path: Path, backend_database: str | None
) -> None:
    with (
        BackendServer(tmp_path / "backend", database_url=backend_database) as server,
        World.standard(server) as w,
    ):
        clerk, picker = w.device(w.clerk1), w.device(w.picker)
        boxes: list[str] = []
        units: list[str] = []
        for _ in range(3):
            order, box = _order_in_box(w, w.pvz1)
            w.dispatch([box], w.pvz1)
            w.accept(order, box)
            clerk.op("box.accept_close", {"box_id": box})
            unit = order["units"][0]["id"]
            ret = w.new_sscc(kind_return=True)
            clerk.op("return.open", {"box_id": ret})
            clerk.op("return.pack", {"box_id": ret, "unit_id": unit, "reason": "damaged"})
            clerk.op("return.close", {"box_id": ret})
            boxes.append(ret)
            units.append(unit)
        r1, r2, r3 = boxes
        bad = clerk.op(
            "return.handover",
            {"box_ids": [r1, r2], "unit_ids": units[:2], "courier_badge": BADGE, "seals": {r1: "S2000001"}},
            must_apply=False,
        )
        assert bad["status"] == "rejected" and bad["reason"]["code"] == "invalid_payload"
        clerk.op(
            "return.handover",
            {
                "box_ids": [r1, r2],
                "unit_ids": units[:2],
                "courier_badge": BADGE,
                "seals": {r1: "S2000001", r2: "S2000002"},
            },
        )
        # the warehouse receives r1 under another seal; r3 was never handed over; r2 does not come
        picker.op("return.receive", {"box_id": r1, "unit_id": units[0]})
        picker.op(
            "return.receipt_close", {"box_id": r1, "missing": [], "seal": "S2000009", "seal_broken": False}
        )
        picker.op("return.receipt_close", {"box_id": r3, "missing": [], "seal": "", "seal_broken": False})
        at_warehouse, at_pvz = _discrepancies(picker), _discrepancies(clerk)
        assert at_warehouse == at_pvz
        assert sorted(at_pvz) == sorted([f"{r1}:seal_mismatch", f"{r2}:not_received", f"{r3}:not_sent"])
        assert {d["direction"] for d in at_pvz.values()} == {"return"}
        assert at_pvz[f"{r1}:seal_mismatch"]["seal_received"] == "S2000009"


def test_an_older_database_gets_the_handover_columns_on_upgrade(
    tmp_path: Path, backend_database: str | None
) -> None:
    """Migration 014 on a database made before it (no seal columns on boxes, no discrepancies
    table): the server adds them at start, and a handover's discrepancy is kept and pulled."""
    data = tmp_path / "backend"
    server = BackendServer(data, database_url=backend_database)
    server.start()
    server.stop()
    engine = create_engine(backend_database or f"sqlite:///{data / 'backend.sqlite3'}")
    try:
        with engine.begin() as conn:  # as the release before 014 left it
            conn.exec_driver_sql("DROP TABLE discrepancies")
            for column in ("handover_id", "courier_badge", "seal"):
                conn.exec_driver_sql(f"ALTER TABLE boxes DROP COLUMN {column}")
            conn.exec_driver_sql("DELETE FROM schema_migrations WHERE name = '014_handover_seals'")
        with server, World.standard(server) as w:
            (order, box) = _order_in_box(w, w.pvz1)
            w.dispatch([box], w.pvz1, handover={"courier_badge": BADGE, "seals": {box: "S7000001"}})
            clerk = w.device(w.clerk1)
            clerk.pull()
            w.accept(order, box)
            clerk.op("box.accept_close", {"box_id": box, "seal": "S7000002", "seal_broken": False})
            found = _discrepancies(clerk)[f"{box}:seal_mismatch"]
            assert (found["seal_sent"], found["seal_received"]) == ("S7000001", "S7000002")
        with engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("boxes")}
            applied = {r[0] for r in conn.exec_driver_sql("SELECT name FROM schema_migrations")}
        assert {"handover_id", "courier_badge", "seal"} <= columns and "014_handover_seals" in applied
    finally:
        engine.dispose()
