"""Short picks that heal, over HTTP: "not found" opens a count task for the location and moves the
line to a free unit of the same SKU elsewhere, or, with none, the customer is told (OrderItemShort);
a count closes the count task; label reprints are recorded; the cart size reaches the terminal."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from backend_stub.db import count_tasks, locations, records, units
from backend_stub.services.admin import set_cart_size
from shared.domain import ManualClock
from tests.support.inprocess import InProcessBackend
from tests.support.world import World


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    clock = ManualClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    with InProcessBackend(tmp_path / "b", clock=clock) as backend, World.standard(backend) as world:
        yield world


def paid_task(w: World, sku: str) -> tuple[dict[str, Any], dict[str, Any]]:
    order = w.place_order(w.customer, w.pvz1, [sku])
    w.pay(order)
    return order, w.wait_for_task(order["id"])


def put_on_shelf(w: World, unit_id: str, location: str) -> None:
    """Where the item physically sits (the test arranges the warehouse)."""
    with w.server.context().db.write() as conn:
        conn.execute(update(units).where(units.c.id == unit_id).values(location_id=location))


def latest(changes: list[dict[str, Any]], entity: str, entity_id: str) -> dict[str, Any]:
    found = [c["data"] for c in changes if c["entity"] == entity and c["id"] == entity_id]
    assert found, f"no {entity} {entity_id} in the pull"
    data: dict[str, Any] = found[-1]
    return data


def events(w: World, type_: str) -> list[dict[str, Any]]:
    items = w.client(w.admin).get("/api/v1/events").json()["items"]
    return [e for e in items if e["type"] == type_]


def test_a_short_pick_is_reallocated_to_a_free_unit_elsewhere(w: World) -> None:
    sku = w.skus[1]
    order, task = paid_task(w, sku)
    short = task["units"][0]
    # another customer's order of the same product was cancelled while its item sat on a shelf
    other, _ = paid_task(w, sku)
    assert w.client(w.customer).post(f"/api/v1/orders/{other['id']}/cancel").status_code == 200
    spare = w.get_order(w.customer, other["id"])["units"][0]
    with w.server.context().db.read() as conn:
        shelves = [
            r.id for r in conn.execute(select(locations.c.id).where(locations.c.site_id == w.warehouse))
        ]
    elsewhere = next(s for s in shelves if s != short["location_id"])
    put_on_shelf(w, spare["id"], elsewhere)

    dev = w.device(w.picker)
    dev.pull()
    dev.op("pick.skip", {"task_id": task["id"], "unit_id": short["id"], "reason": "not_found"})

    tasks = w.client(w.picker).get("/api/v1/warehouse/tasks").json()["items"]
    healed = next(t for t in tasks if t["id"] == task["id"])
    assert healed["status"] == "OPEN"
    by_id = {u["id"]: u for u in healed["units"]}
    assert by_id[short["id"]]["status"] == "MISSING"
    assert by_id[spare["id"]] == {
        "id": spare["id"],
        "label": spare["label"],  # the physical item keeps its own label
        "sku": sku,
        "status": "PAID",
        "location_id": elsewhere,
    }
    # the order now holds the other item (the short one stays, MISSING); nobody is told of a short
    mine = w.get_order(w.customer, order["id"])
    assert {u["id"]: u["status"] for u in mine["units"]} == {short["id"]: "MISSING", spare["id"]: "PAID"}
    assert events(w, "OrderItemShort") == []
    # the terminal gets the task with its new stop, and the location to count
    changes = dev.pull()
    assert {u["id"] for u in latest(changes, "task", task["id"])["units"]} == {short["id"], spare["id"]}
    count_task = latest(changes, "location", short["location_id"])["count_task"]
    assert count_task["reason"] == "short_pick" and count_task["sku"] == sku
    assert latest(changes, "unit", spare["id"])["order_id"] == order["id"]

    # the new line is picked at its stop: the task is done
    dev.op("pick.unit", {"task_id": task["id"], "unit_id": spare["id"], "location_id": elsewhere})
    tasks = w.client(w.picker).get("/api/v1/warehouse/tasks").json()["items"]
    assert next(t for t in tasks if t["id"] == task["id"])["status"] == "DONE"
    # whoever counts the shelf closes the count task
    dev.op("count.record", {"location_id": short["location_id"], "counted": {}})
    assert latest(dev.pull(), "location", short["location_id"])["count_task"] is None
    with w.server.context().db.read() as conn:
        kinds = [r.kind for r in conn.execute(select(records).order_by(records.c.id))]
    assert "pick.reallocate" in kinds and "count.record" in kinds


def test_a_short_pick_with_nothing_free_tells_the_customer(w: World) -> None:
    order, task = paid_task(w, w.skus[2])
    unit = task["units"][0]
    dev = w.device(w.picker)
    dev.op("pick.skip", {"task_id": task["id"], "unit_id": unit["id"], "reason": "not_found"})
    assert w.get_order(w.customer, order["id"])["units"][0]["status"] == "MISSING"
    tasks = w.client(w.picker).get("/api/v1/warehouse/tasks").json()["items"]
    assert next(t for t in tasks if t["id"] == task["id"])["status"] == "DONE"
    (told,) = events(w, "OrderItemShort")
    assert told["aggregate_id"] == order["id"]
    assert told["payload"]["unit_ids"] == [unit["id"]]
    assert told["payload"]["customer_id"] == w.customer.user_id
    assert latest(dev.pull(), "location", unit["location_id"])["count_task"] is not None
    # a second short at the same shelf joins the open count task
    _, task2 = paid_task(w, w.skus[2])
    dev.op("pick.skip", {"task_id": task2["id"], "unit_id": task2["units"][0]["id"], "reason": "not_found"})
    with w.server.context().db.read() as conn:
        assert len(conn.execute(select(count_tasks)).all()) == 1


def test_a_damaged_unit_opens_no_count_task(w: World) -> None:
    _, task = paid_task(w, w.skus[3])
    unit = task["units"][0]
    dev = w.device(w.picker)
    dev.op("pick.skip", {"task_id": task["id"], "unit_id": unit["id"], "reason": "damaged"})
    changes = dev.pull()
    assert not [c for c in changes if c["entity"] == "location" and c["data"].get("count_task")]
    assert len(events(w, "OrderItemShort")) == 1


def test_label_reprints_are_recorded(w: World) -> None:
    order, task = paid_task(w, w.skus[4])
    unit = task["units"][0]
    dev = w.device(w.picker)
    dev.op("label.reprint", {"kind": "unit", "code": unit["label"], "reason": "unreadable"})
    w.pick(order)
    box = w.pack(order)
    dev.op("label.reprint", {"kind": "box", "code": box, "reason": "damaged"})
    refused = dev.op(
        "label.reprint", {"kind": "box", "code": w.new_sscc(), "reason": "lost"}, must_apply=False
    )
    assert refused["status"] == "rejected" and refused["reason"]["code"] == "unknown_box"
    bad = dev.op(
        "label.reprint", {"kind": "unit", "code": unit["label"], "reason": "bored"}, must_apply=False
    )
    assert bad["status"] == "rejected" and bad["reason"]["code"] == "invalid_payload"
    with w.server.context().db.read() as conn:
        rows = conn.execute(select(records).where(records.c.kind == "label.reprint").order_by(records.c.id))
        logged = [(r.ref, json.loads(r.data)) for r in rows]
    assert logged == [
        (unit["id"], {"kind": "unit", "code": unit["label"], "reason": "unreadable"}),
        (box, {"kind": "box", "code": box, "reason": "damaged"}),
    ]


def test_the_cart_size_reaches_the_terminal_by_pull(w: World) -> None:
    dev = w.device(w.picker)
    assert latest(dev.pull(), "site", w.warehouse)["cart_size"] == 6
    set_cart_size(w.server.context(), w.warehouse, 4)
    assert latest(dev.pull(), "site", w.warehouse)["cart_size"] == 4
