"""The counter's events over HTTP (in-process backend, manual clock): Честный знак codes withdrawn
when a pickup completes (kept units only) and returned when a bought unit comes back, a storage
period over (OrderStorageExpired), fitting rooms (a product category and the site's fitting settings
in the pull feed, fitting.start), and a pay-on-pickup order that is not paid refused at completion."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from backend_stub.db import records, units
from shared.domain import ManualClock
from tests.support.inprocess import InProcessBackend
from tests.support.world import World

CODE = "0104601234567893215abcDEF\x1d93Zx9q"


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    clock = ManualClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    with (
        InProcessBackend(tmp_path / "b", clock=clock) as backend,
        World.standard(backend, products=6) as world,
    ):
        yield world


def events(w: World, kind: str) -> list[dict[str, Any]]:
    items = w.client(w.admin).get("/api/v1/events", params={"limit": 1000}).json()["items"]
    return [e for e in items if e["type"] == kind]


def ready(w: World, skus: list[str], payment: str = "prepaid") -> dict[str, Any]:
    order = w.place_order(w.customer, w.pvz1, skus, payment=payment)
    if payment == "prepaid":
        w.pay(order)
    else:
        w.wait_for_task(order["id"])
    w.accept(order, w.ship(order))
    return order


def test_marking_codes_withdrawn_for_kept_units_and_returned_when_brought_back(w: World) -> None:
    marked = w.add_products(2, marking_every=1, category="shoes")
    order = ready(w, marked)
    kept, refused = (u["id"] for u in order["units"])
    clerk = w.device(w.clerk1)
    clerk.op(
        "pickup.complete",
        {
            "order_id": order["id"],
            "issued": [kept],
            "refused": [{"unit_id": refused, "reason": "did_not_fit"}],
            "marking": {kept: CODE},
        },
    )
    [withdrawn] = events(w, "MarkingCodesWithdrawn")
    assert withdrawn["aggregate_id"] == order["id"]
    assert withdrawn["payload"]["codes"] == [{"unit_id": kept, "sku": marked[0], "code": CODE}]
    with w._ctx.db.read() as conn:
        codes = dict(
            conn.execute(
                select(units.c.id, units.c.marking_code).where(units.c.order_id == order["id"])
            ).all()
        )
    assert codes == {kept: CODE, refused: None}  # the refused unit keeps its code in circulation
    # a code for a unit that is not issued is malformed
    bad = clerk.op(
        "pickup.complete",
        {
            "order_id": order["id"],
            "issued": [],
            "refused": [{"unit_id": refused, "reason": "x"}],
            "marking": {refused: CODE},
        },
        must_apply=False,
    )
    assert bad["status"] == "rejected" and bad["reason"]["code"] == "invalid_payload"
    # the customer brings the bought unit back: its code returns to circulation
    box = w.new_sscc(kind_return=True)
    clerk.op("return.open", {"box_id": box})
    clerk.op("return.pack", {"box_id": box, "unit_id": kept, "reason": "brought_back:defect"})
    clerk.op("return.pack", {"box_id": box, "unit_id": refused, "reason": "refused"})
    [back] = events(w, "MarkingCodesReturned")
    assert back["payload"]["codes"] == [{"unit_id": kept, "sku": marked[0], "code": CODE}]
    assert back["payload"]["reason"] == "brought_back:defect" and back["payload"]["pvz_id"] == w.pvz1


def test_an_overdue_unit_packed_as_expired_announces_the_storage_over(w: World) -> None:
    order = ready(w, [w.skus[0], w.skus[1]])
    overdue = order["units"][0]["id"]
    clerk = w.device(w.clerk1)
    box = w.new_sscc(kind_return=True)
    clerk.op("return.open", {"box_id": box})
    clerk.op("return.pack", {"box_id": box, "unit_id": overdue, "reason": "expired"})
    [expired] = events(w, "OrderStorageExpired")
    assert expired["aggregate_id"] == order["id"]
    assert expired["payload"] == {
        "order_id": order["id"],
        "pvz_id": w.pvz1,
        "unit_ids": [overdue],
        "box_id": box,
    }
    assert {u["id"]: u["status"] for u in w.get_order(w.customer, order["id"])["units"]}[
        overdue
    ] == "RETURN_PACKED"
    assert events(w, "MarkingCodesReturned") == []


def test_fitting_settings_and_categories_reach_the_pvz_and_fitting_start_is_noted(w: World) -> None:
    clothes = w.add_products(1, category="clothes")
    clerk = w.device(w.clerk1)
    feed = clerk.pull()
    site = next(c["data"] for c in feed if c["entity"] == "site" and c["id"] == w.pvz1)
    assert (site["fitting_rooms"], site["fitting_minutes"]) == (2, 15)
    product = next(c["data"] for c in feed if c["entity"] == "product" and c["id"] == clothes[0])
    assert product["category"] == "clothes"
    assert w.client(w.customer).get(f"/api/v1/catalog/products/{clothes[0]}").json()["category"] == "clothes"
    order = w.place_order(w.customer, w.pvz1, clothes)
    w.pay(order)
    unit = order["units"][0]["id"]
    box = w.ship(order)
    early = clerk.op("fitting.start", {"unit_id": unit, "room": "1"}, must_apply=False)
    assert early["status"] == "rejected" and early["reason"]["code"] == "illegal_transition"
    w.accept(order, box)
    clerk.op("fitting.start", {"unit_id": unit, "room": "1"})
    with w._ctx.db.read() as conn:
        note = conn.execute(
            select(records.c.data).where(records.c.kind == "fitting.start", records.c.ref == unit)
        ).one()
        status = conn.execute(select(units.c.status).where(units.c.id == unit)).scalar_one()
    assert '"room": "1"' in note.data or '"room":"1"' in note.data
    assert status == "ACCEPTED"  # still the PVZ's until the pickup completes


def test_a_pay_on_pickup_order_is_not_issued_before_its_payment(w: World) -> None:
    order = ready(w, [w.skus[2]], payment="on_pickup")
    unit = order["units"][0]["id"]
    clerk = w.device(w.clerk1)
    payload = {"order_id": order["id"], "issued": [unit], "refused": []}
    early = clerk.op("pickup.complete", payload, must_apply=False)
    assert early["status"] == "rejected" and early["reason"]["code"] == "payment_due"
    assert w.get_order(w.customer, order["id"])["units"][0]["status"] == "ACCEPTED"
    # once the bank paid the intent for the kept unit, the pickup completes
    intent = (
        w.client(w.clerk1)
        .post(f"/api/v1/orders/{order['id']}/payment-intent", json={"unit_ids": [unit]})
        .json()
    )
    w.pay_intent(order, intent)
    assert clerk.op("pickup.complete", payload)["status"] == "applied"
