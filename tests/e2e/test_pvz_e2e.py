"""End to end: the warehouse ships a box through the API; the PVZ app accepts it, then, with the
server gone, issues one unit and refuses another; back online, the backend has ISSUED and REFUSED,
each exactly once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from shared.barcodes import make_cell_label
from tests.qt.pvz_harness import PvzHarness
from tests.support.backend import BackendServer
from tests.support.world import World


def test_ship_accept_then_issue_and_refuse_offline_then_sync_exactly_once(
    qapp: Any, qtbot: Any, tmp_path: Path
) -> None:
    with BackendServer(tmp_path / "backend") as server, World.standard(server) as world:
        # the warehouse side, through the API: order, payment webhook, pick, pack, route
        order = world.place_order(world.customer, world.pvz1, [world.skus[0], world.skus[1]])
        world.pay(order)
        box = world.ship(order)
        order = world.get_order(world.customer, order["id"])
        assert {u["status"] for u in order["units"]} == {"SHIPPED"}
        code = world.pickup_code(order)  # the customer's QR, shown on their phone

        pvz = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", server.url, world.pvz1)
        try:
            pvz.login(world.clerk1)
            pvz.sync()
            pvz.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
            pvz.key(Qt.Key.Key_F3)
            pvz.scan(box)
            acceptance: Any = pvz.current
            for unit in order["units"]:
                pvz.scan(unit["label"])
                pvz.scan(make_cell_label(world.pvz1, acceptance.session.placement.cell.number))
            pvz.close_box()
            pvz.sync()
            assert pvz.app.store.pending_count() == 0

            server.stop()  # the network is gone
            pvz.key(Qt.Key.Key_F2)
            pvz.scan(code["qr"])  # verified offline: Ed25519 key and revocations from the last pull
            issuing: Any = pvz.current
            assert issuing.session is not None, pvz.banner
            keep, refuse = order["units"]
            pvz.scan(keep["label"])
            pvz.scan(refuse["label"])
            issuing.table.selectRow(issuing.model.find(refuse["id"]))
            pvz.choices.append("did not fit")
            pvz.key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
            pvz.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            status = pvz.sync()
            assert status.online is False
            snapshot = pvz.app.ctx.status.snapshot
            assert not snapshot.online and snapshot.pending >= 1
            assert pvz.app.window.status_bar.connection.text() == "● Offline"
            assert pvz.app.store.pending_count() >= 1

            server.start()  # back online
            status = pvz.sync()
            assert status.online is True
            assert pvz.app.store.pending_count() == 0
            pvz.sync()  # a second sync sends nothing again
        finally:
            pvz.close()

        states = {u["id"]: u["status"] for u in world.get_order(world.customer, order["id"])["units"]}
        assert states == {keep["id"]: "ISSUED", refuse["id"]: "REFUSED"}
        from backend_stub.db import op_results

        ctx = server.context()
        try:
            with ctx.db.read() as conn:
                rows = conn.execute(
                    select(op_results.c.payload, op_results.c.status).where(
                        op_results.c.type == "pickup.complete"
                    )
                ).all()
        finally:
            ctx.db.dispose()
        mine = [r for r in rows if order["id"] in r.payload]
        assert len(mine) == 1 and mine[0].status == "applied"
