"""End to end: cluster picking against the real backend (uvicorn). The warehouse's cart size (3)
reaches the terminal by pull; three paid orders go onto one cart, a tote each; the walk puts every
item into its tote, and one item is not on its shelf: the server moves that line to a free item of the
same product on another shelf (a cancelled order's), which the terminal picks after the next sync.
The backend ends with every task DONE, the short unit MISSING and a count task for its shelf."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from backend_stub.db import count_tasks, locations, pick_tasks, units
from backend_stub.services.admin import set_cart_size
from shared.barcodes import make_tote_label
from shared.domain import UnitStatus
from tests.qt.test_terminal_flows import Harness, location_label
from tests.support.backend import BackendServer
from tests.support.world import World


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendServer]:
    with BackendServer(tmp_path_factory.mktemp("cluster-e2e")) as srv:
        yield srv


@pytest.fixture(scope="module")
def world(server: BackendServer) -> Iterator[World]:
    with World.standard(server) as w:
        yield w


def paid(world: World, skus: list[str]) -> dict[str, Any]:
    order = world.place_order(world.customer, world.pvz1, skus)
    assert world.post_webhook(world.webhook_body(order)).status_code == 200
    world.wait_for_task(order["id"])
    return order


def test_a_cart_of_three_is_picked_against_the_backend(
    qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path
) -> None:
    set_cart_size(world._ctx, world.warehouse, 3)
    orders = [
        paid(world, [world.skus[0], world.skus[1]]),
        paid(world, [world.skus[2]]),
        paid(world, [world.skus[3]]),
    ]
    short_unit = orders[0]["units"][0]  # skus[0]: not on its shelf
    # an item of skus[0] from a cancelled order sits on another shelf
    spare_order = paid(world, [world.skus[0]])
    assert world.client(world.customer).post(f"/api/v1/orders/{spare_order['id']}/cancel").status_code == 200
    spare = spare_order["units"][0]
    with world._ctx.db.write() as conn:
        shelf = conn.execute(select(units.c.location_id).where(units.c.id == short_unit["id"])).scalar_one()
        elsewhere = conn.execute(
            select(locations.c.id)
            .where(locations.c.site_id == world.warehouse, locations.c.id != shelf)
            .limit(1)
        ).scalar_one()
        conn.execute(update(units).where(units.c.id == spare["id"]).values(location_id=elsewhere))

    h = Harness(qtbot, server, world, tmp_path)
    try:
        h.login()
        h.sync()
        h.window.navigate("tasks")
        tasks: Any = h.window.screens["tasks"]
        assert "3" in tasks.cart_button.text()  # the warehouse's cart size, pulled
        h.key(Qt.Key.Key_F3)
        assert h.window.current.name == "cluster"
        screen: Any = h.window.screens["cluster"]
        flow = screen.flow
        assert len(flow.task_ids) == 3
        for n in range(1, 4):
            h.scan(make_tote_label(n))
            assert h.tone == "ok", h.message
        h.key(Qt.Key.Key_F3)
        assert flow.walking

        shorted = False
        while not flow.finished:
            cl = flow.current
            if not flow.location_confirmed:
                h.scan(location_label(cl.line.location_id))
                assert h.tone == "ok", h.message
            unit = cl.line.open_units[0]
            if unit.id == short_unit["id"] and not shorted:
                h.key(Qt.Key.Key_F1)
                h.key(Qt.Key.Key_F1)  # not found: asked, then recorded
                assert h.tone == "warn", h.message
                shorted = True
                h.sync()  # the server's answer: the line at its new stop
                continue
            h.scan(unit.label)
            assert h.tone == "info", h.message  # which tote
            h.scan(make_tote_label(cl.position))
            assert h.tone == "ok", h.message
        assert shorted
        assert h.t.store.unit(spare["id"]).status is UnitStatus.PICKED
        h.sync()
        assert h.t.store.pending_count() == 0 and h.t.store.conflicts_count() == 0
    finally:
        h.close()

    with world._ctx.db.read() as conn:
        done = {
            r.order_id: r.status
            for r in conn.execute(
                select(pick_tasks).where(pick_tasks.c.order_id.in_([o["id"] for o in orders]))
            )
        }
        assert set(done.values()) == {"DONE"} and len(done) == 3
        statuses = dict(
            conn.execute(select(units.c.id, units.c.status).where(units.c.order_id == orders[0]["id"])).all()
        )
        open_counts = conn.execute(
            select(count_tasks.c.location_id).where(count_tasks.c.status == "OPEN")
        ).all()
    assert statuses[short_unit["id"]] == "MISSING" and statuses[spare["id"]] == "PICKED"
    assert [r.location_id for r in open_counts] == [shelf]
