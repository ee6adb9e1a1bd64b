"""`GET /api/v1/events` checks role and site: admins read every event, warehouse staff only the
events routed to their own warehouse and never customer or payment details."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from shared.domain import ManualClock
from tests.support.inprocess import InProcessBackend
from tests.support.world import Account, World

SECRET_KEYS = {"customer_id", "amount_kopecks", "tx_id", "payment_event_id"}


@pytest.fixture
def w(tmp_path: Path, backend_database: str | None) -> Iterator[World]:
    """On SQLite and on PostgreSQL."""
    clock = ManualClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    with (
        InProcessBackend(tmp_path / "b", clock=clock, database_url=backend_database) as backend,
        World.standard(backend) as world,
    ):
        yield world


def _feed(w: World, account: Account, after: str | None = None) -> dict[str, Any]:
    params = {"limit": 1000} | ({"after": after} if after else {})
    answer = w.client(account).get("/api/v1/events", params=params)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _strings(value: object) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(_strings(v) | {str(k)} for k, v in value.items())) if value else set()
    if isinstance(value, list):
        return set().union(*(_strings(v) for v in value)) if value else set()
    return {str(value)}


def test_a_warehouse_reads_only_its_own_events_without_customer_or_payment_details(w: World) -> None:
    other_wh = w.add_site("WH-T-9", "warehouse", "Склад другой")
    other_picker = w.add_user("picker9", "warehouse", other_wh)
    paid = w.place_order(w.customer, w.pvz1, [w.skus[0], w.skus[1]])
    unpaid = w.place_order(w.customer2, w.pvz2, [w.skus[2]])
    tx_id = "tx-secret-1"
    assert w.post_webhook(w.webhook_body(paid, tx_id=tx_id)).json() == {"status": "processed"}

    # the relay has not routed the order yet: nothing is the warehouse's business
    assert _feed(w, w.picker)["items"] == []
    task = w.wait_for_task(paid["id"])  # runs the relay: WH-T-1 gets the pick task
    assert task["site_id"] == w.warehouse

    mine = _feed(w, w.picker)["items"]
    assert [(e["type"], e["aggregate_id"]) for e in mine] == [("OrderPaid", paid["id"])]
    payload = mine[0]["payload"]
    assert payload == {
        "order_id": paid["id"],
        "pvz_id": w.pvz1,
        "unit_ids": payload["unit_ids"],
    }
    assert sorted(payload["unit_ids"]) == sorted(u["id"] for u in paid["units"])
    assert not SECRET_KEYS & set(payload)
    seen = _strings(mine)
    assert tx_id not in seen and w.customer.user_id not in seen and str(paid["amount_kopecks"]) not in seen
    assert unpaid["id"] not in seen

    # another warehouse sees none of it
    assert _feed(w, other_picker)["items"] == []

    # the admin still reads the whole outbox, payment details included
    everything = _feed(w, w.admin)["items"]
    assert {(e["type"], e["aggregate_id"]) for e in everything} >= {
        ("OrderCreated", paid["id"]),
        ("OrderCreated", unpaid["id"]),
        ("OrderPaid", paid["id"]),
    }
    admin_paid = next(e for e in everything if e["type"] == "OrderPaid")
    assert admin_paid["payload"]["tx_id"] == tx_id
    assert admin_paid["payload"]["customer_id"] == w.customer.user_id


def test_a_routed_orders_later_events_follow_and_the_cursor_pages_them(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[3]])
    w.pay(order)
    w.wait_for_task(order["id"])
    first = _feed(w, w.picker)
    assert [e["type"] for e in first["items"]] == ["OrderPaid"]
    refund = w.webhook_body(order, type_="payment.refunded")
    assert w.post_webhook(refund).json() == {"status": "processed"}
    # not shown before the relay has passed it (so it can never appear behind a caller's cursor)
    assert _feed(w, w.picker, first["next_cursor"])["items"] == []
    w.server.run_relay()  # type: ignore[union-attr]
    later = _feed(w, w.picker, first["next_cursor"])
    assert [e["type"] for e in later["items"]] == ["OrderRefunded"]
    assert set(later["items"][0]["payload"]) <= {"order_id", "pvz_id", "unit_ids"}
    assert _feed(w, w.picker, later["next_cursor"])["items"] == []


def test_clerks_and_customers_get_no_feed_and_a_garbage_cursor_is_a_400(w: World) -> None:
    for account in (w.clerk1, w.customer):
        assert w.client(account).get("/api/v1/events").status_code == 403
    for cursor in ("²", "1.5", "-1", "abc", "9" * 20):
        answer = w.client(w.admin).get("/api/v1/events", params={"after": cursor})
        assert answer.status_code == 400, (cursor, answer.text)
        assert answer.json()["error"]["code"] == "invalid_cursor"
