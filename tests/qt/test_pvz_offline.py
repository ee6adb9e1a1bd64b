"""The network is cut in the middle of a flow: work goes on, the status bar says so, nothing is lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from shared.barcodes import make_cell_label
from tests.qt.pvz_harness import PvzHarness
from tests.support.backend import BackendServer
from tests.support.world import World


def test_server_stops_in_the_middle_of_a_box(qapp: Any, qtbot: Any, tmp_path: Path) -> None:
    with BackendServer(tmp_path / "backend") as server, World.standard(server) as world:
        order = world.place_order(world.customer, world.pvz1, world.skus[:3])
        world.pay(order)
        box = world.ship(order)
        order = world.get_order(world.customer, order["id"])
        pvz = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", server.url, world.pvz1)
        try:
            pvz.login(world.clerk1)
            pvz.sync()
            pvz.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
            pvz.key(Qt.Key.Key_F3)
            pvz.scan(box)
            screen: Any = pvz.current
            first, *rest = order["units"]
            pvz.scan(first["label"])
            pvz.scan(make_cell_label(world.pvz1, screen.session.placement.cell.number))
            assert pvz.sync().online is True

            server.kill()  # power cut at the server, mid-box
            for unit in rest:
                pvz.scan(unit["label"])
                pvz.scan(make_cell_label(world.pvz1, screen.session.placement.cell.number))
                assert pvz.tone == "success"  # journalled locally: the clerk carries on
            pvz.close_box()
            pvz.sync()
            bar = pvz.app.window.status_bar
            assert bar.connection.text() == "● Offline"
            assert bar.pending.text().startswith(f"Pending: {len(rest) + 1}")
            assert {pvz.app.store.unit(u["id"]).status.value for u in order["units"]} == {"ACCEPTED"}

            server.start()
            assert pvz.sync().online is True
            assert bar.connection.text() == "● Online"
            assert bar.pending.text() == "Pending: 0"
        finally:
            pvz.close()
        states = {u["status"] for u in world.get_order(world.customer, order["id"])["units"]}
        assert states == {"ACCEPTED"}
