"""End to end, two devices and a real uvicorn: the warehouse terminal hands a route of two boxes to a
courier (badge, a seal scanned per box); the PVZ app accepts one box under another seal and never
gets the other; after a sync both devices show the same two discrepancies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shared.barcodes import make_badge_label, make_cell_label
from tests.qt.pvz_harness import PvzHarness
from tests.qt.test_terminal_flows import Harness
from tests.support.backend import BackendServer
from tests.support.world import World


def test_a_different_seal_and_a_missing_box_show_on_both_devices(
    qapp: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    with BackendServer(tmp_path / "backend") as server, World.standard(server) as world:
        orders, boxes = [], []
        for sku in world.skus[:2]:
            order = world.place_order(world.customer, world.pvz1, [sku])
            world.pay(order)
            world.pick(order)
            orders.append(order)
            boxes.append(world.pack(order))
        first, second = boxes

        term = Harness(qtbot, server, world, tmp_path / "t")
        try:
            term.login()
            term.sync()
            term.window.navigate("ship")
            for box in boxes:
                term.scan(box)
                assert term.tone == "ok", term.message
            term.key(Qt.Key.Key_F2)
            term.scan("S0000001")  # a seal before the badge: refused, nothing recorded
            assert term.tone == "error"
            term.scan(make_badge_label(77))
            term.scan("S0000001")
            term.scan("S0000002")
            assert term.tone == "ok", term.message
            term.sync()
            assert term.t.store.pending_count() == 0 and term.t.store.conflicts_count() == 0

            pvz = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", server.url, world.pvz1)
            try:
                pvz.login(world.clerk1)
                pvz.sync()
                pvz.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
                pvz.key(Qt.Key.Key_F3)
                pvz.scan(first)
                acceptance: Any = pvz.current
                assert first in pvz.prompt
                pvz.scan("S0000009")  # not the seal the warehouse put on
                assert acceptance.session.seal == "S0000009"
                pvz.scan(orders[0]["units"][0]["label"])
                pvz.scan(make_cell_label(world.pvz1, acceptance.session.placement.cell.number))
                pvz.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
                pvz.sync()
                assert pvz.app.store.pending_count() == 0

                at_pvz = {(d.box_id, d.kind) for d in pvz.app.store.discrepancies("forward")}
                assert at_pvz == {(first, "seal_mismatch"), (second, "not_received")}
                mismatch = next(d for d in pvz.app.store.discrepancies() if d.kind == "seal_mismatch")
                assert (mismatch.seal_sent, mismatch.seal_received) == ("S0000001", "S0000009")
                assert mismatch.courier_badge == make_badge_label(77)
                shown = acceptance.discrepancy_line.text()
                assert first[-6:] in shown and second[-6:] in shown and "S0000009" in shown
            finally:
                pvz.close()

            term.sync()
            at_warehouse = {(d.box_id, d.kind) for d in term.t.store.discrepancies("forward")}
            assert at_warehouse == at_pvz
            term.window.navigate("menu")
            term.window.navigate("ship")
            ship: Any = term.window.screens["ship"]
            if not ship.flow.closed:
                ship.start_new()
            listed = [ship.boxes.item(i).text() for i in range(ship.boxes.count())]
            assert any(first[-6:] in line and "S0000009" in line for line in listed), listed
            assert any(second[-6:] in line for line in listed), listed
        finally:
            term.close()
