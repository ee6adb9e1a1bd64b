"""End to end: a signed webhook marks an order PAID; the warehouse terminal picks, packs and ships it
through its screens and its pty scanner; the backend shows the units SHIPPED to the right PVZ, once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from backend_stub.db import boxes, op_results, routes, units
from shared.barcodes import make_badge_label
from shared.domain import UnitStatus
from shared.qt.printing import LabelPrinter
from tests.qt.test_terminal_flows import Harness, location_label
from tests.support.backend import BackendServer
from tests.support.world import World


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendServer]:
    with BackendServer(tmp_path_factory.mktemp("terminal-e2e")) as srv:
        yield srv


@pytest.fixture(scope="module")
def world(server: BackendServer) -> Iterator[World]:
    with World.standard(server) as w:
        yield w


def test_paid_order_is_picked_packed_and_shipped_once(
    qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path
) -> None:
    order = world.place_order(world.customer, world.pvz2, [world.skus[0], world.skus[1], world.skus[0]])
    body = world.webhook_body(order)
    assert world.post_webhook(body).status_code == 200
    assert world.post_webhook(body).status_code == 200  # the provider retries: nothing changes twice
    assert {u["status"] for u in world.get_order(world.admin, order["id"])["units"]} == {"PAID"}
    task = world.wait_for_task(order["id"])
    unit_ids = {u["id"] for u in order["units"]}

    h = Harness(qtbot, server, world, tmp_path, lang="ru")
    try:
        h.login()
        h.sync()
        # the task list: tap the order's task
        h.window.navigate("tasks")
        tasks = h.window.screens["tasks"]
        model, view = tasks.model, tasks.view  # type: ignore[attr-defined]
        row = next(i for i in range(model.rowCount()) if model.task(i).id == task["id"])
        view.scrollTo(model.index(row))
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(row)).center()
        )
        assert h.window.current.name == "pick"
        flow = h.window.screens["pick"].flow  # type: ignore[attr-defined]
        assert flow.task_id == task["id"]
        while not flow.finished:
            line = flow.current
            if not flow.location_confirmed:
                h.scan(location_label(line.location_id))
            h.scan(line.open_units[0].label)
            assert h.tone == "ok", h.message

        # packing: a new box for the order's PVZ, every unit in, closed, label printed
        h.window.navigate("pack")
        h.key(Qt.Key.Key_F1)
        box = h.window.screens["pack"].flow.box_id  # type: ignore[attr-defined]
        for unit in order["units"]:
            h.scan(unit["label"])
            assert h.tone == "ok", h.message
        h.key(Qt.Key.Key_F2)
        doc = h.t.services.printer.last_document
        image = LabelPrinter.render_pages(doc, dpi=300)[0]
        decoded = zxingcpp.read_barcodes(_to_pil(image))
        assert any(r.text.endswith(box) for r in decoded), [r.text for r in decoded]

        # shipping: the box onto a route to its PVZ, route closed
        h.window.navigate("ship")
        h.scan(box)
        assert h.tone == "ok", h.message
        route_id = h.window.screens["ship"].flow.route_id  # type: ignore[attr-defined]
        h.key(Qt.Key.Key_F2)  # handed to the courier: the badge, then the box's seal closes the route
        h.scan(make_badge_label(42))
        h.scan("S0000042")
        assert h.tone == "ok", h.message
        assert {h.t.store.unit(u).status for u in unit_ids} == {UnitStatus.SHIPPED}

        h.sync()
        assert h.t.store.pending_count() == 0 and h.t.store.conflicts_count() == 0
        journal = [op for op, _state in h.t.store.journal()]
        # an answer lost on the way back: the same ops pushed again are replayed, not re-applied
        token = h.t.auth.core.access_token()
        replay = httpx.post(
            server.url + "/api/v1/sync/push",
            json={"device_id": h.config.device_id, "ops": [op.to_wire() for op in journal]},
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
        assert replay.status_code == 200
        assert all(r["replayed"] and r["status"] == "applied" for r in replay.json()["results"])
    finally:
        h.close()

    # the backend: SHIPPED, in our box, on a route to the order's PVZ; every op applied once
    assert {u["status"] for u in world.get_order(world.admin, order["id"])["units"]} == {"SHIPPED"}
    with world._ctx.db.read() as conn:
        rows = conn.execute(
            select(units.c.id, units.c.box_id, units.c.pvz_id).where(units.c.id.in_(unit_ids))
        ).all()
        assert {(r.box_id, r.pvz_id) for r in rows} == {(box, world.pvz2)}
        b = conn.execute(select(boxes).where(boxes.c.id == box)).one()
        assert (b.destination_site_id, b.closed, b.route_id) == (world.pvz2, True, route_id)
        r = conn.execute(select(routes).where(routes.c.id == route_id)).one()
        assert (r.destination_site_id, r.closed) == (world.pvz2, True)
        applied = conn.execute(
            select(op_results.c.type, func.count())
            .where(op_results.c.device_id == h.config.device_id, op_results.c.status == "applied")
            .group_by(op_results.c.type)
        ).all()
    counts = dict(applied)
    assert counts["pick.unit"] == 3 and counts["pack.unit"] == 3
    assert (
        counts["pack.open"] == counts["pack.close"] == counts["route.add_box"] == counts["route.close"] == 1
    )
    # the PVZ now expects the box: its clerk's pull carries it and the units, SHIPPED
    pulled = world.device(world.clerk2).pull()
    box_changes = [c for c in pulled if c["entity"] == "box" and c["id"] == box]
    assert box_changes and box_changes[-1]["data"]["destination_site_id"] == world.pvz2
    latest = {c["id"]: c["data"] for c in pulled if c["entity"] == "unit" and c["id"] in unit_ids}
    assert {d["status"] for d in latest.values()} == {"SHIPPED"} and len(latest) == 3
    # and the other PVZ sees none of it
    other = world.device(world.clerk1).pull()
    assert not [c for c in other if c["id"] == box or c["id"] in unit_ids]


def _to_pil(image: object) -> object:
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[attr-defined]
    import io

    return Image.open(io.BytesIO(bytes(buffer.data())))
