"""The customer at the counter and payment at pickup, on the backend (in-process, manual clock):
order numbers, display names and masked phones in answers and the pull feed; a pay-on-pickup
order going to the warehouse at creation; a payment intent for the kept units, completed by the
signed webhook naming it, and the long poll that hears of it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from backend_stub.services.customers import display_name, mask_phone, normalise_phone
from backend_stub.services.pickup_payments import crc16_ccitt, sbp_payload
from shared.domain import ManualClock
from tests.support.inprocess import InProcessBackend
from tests.support.world import World


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    clock = ManualClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    with InProcessBackend(tmp_path / "b", clock=clock) as backend, World.standard(backend) as world:
        yield world


def test_names_and_phones_as_the_counter_sees_them() -> None:
    assert display_name("Анна Смирнова") == "Анна С."
    assert display_name("  Олег  ") == "Олег" and display_name("") == ""
    assert normalise_phone("8 (916) 123-45-67") == "+79161234567" == normalise_phone("9161234567")
    assert mask_phone("+7 916 123-45-67") == "+7 *** ***-45-67"
    assert mask_phone("") == "" and mask_phone("12") == ""
    assert crc16_ccitt(b"123456789") == 0x29B1  # the CRC-16/CCITT-FALSE check value
    link = sbp_payload("01JABCDEFGHJKMNPQRSTVWXYZ0", 12345)
    assert link.startswith("https://qr.nspk.ru/A01JABCDEFGHJKMNPQRSTVWXYZ0") and "sum=12345&cur=RUB" in link


def test_orders_carry_number_customer_and_payment(w: World) -> None:
    first = w.place_order(w.customer, w.pvz1, [w.skus[0]])
    second = w.place_order(w.customer2, w.pvz1, [w.skus[1]], payment="on_pickup")
    assert second["number"] == first["number"] + 1 and first["number"] > 100_000
    assert first["customer_name"] == "Анна С." and first["customer_phone"] == "+7 *** ***-12-34"
    assert (first["payment"], first["payment_status"]) == ("prepaid", "")
    assert (second["payment"], second["payment_status"]) == ("on_pickup", "due")
    assert "1231234" not in str(first)  # the full phone never leaves the backend
    feed = {c["id"]: c["data"] for c in w.device(w.clerk1).pull() if c["entity"] == "order"}
    assert feed[first["id"]]["number"] == first["number"]
    assert feed[second["id"]]["customer_phone"] == "+7 *** ***-67-89"
    bad = w.client(w.customer).post(
        "/api/v1/orders",
        json={"pvz_id": w.pvz1, "items": [{"sku": w.skus[0], "quantity": 1}], "payment": "cash"},
    )
    assert bad.status_code == 400


def test_pay_on_pickup_goes_to_the_warehouse_at_once_and_is_paid_for_kept_units(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0], w.skus[1]], payment="on_pickup")
    assert {u["status"] for u in order["units"]} == {"PAID"}  # released for fulfilment
    task = w.wait_for_task(order["id"])  # OrderPlaced -> one pick task
    assert task["order_id"] == order["id"]
    events = w.client(w.admin).get("/api/v1/events").json()["items"]
    assert [e["type"] for e in events if e["aggregate_id"] == order["id"]] == ["OrderCreated", "OrderPlaced"]
    # a prepaid-style webhook without the intent is refused: nothing changes
    assert w.post_webhook(w.webhook_body(order)).status_code == 409
    w.accept(order, w.ship(order))
    kept = order["units"][0]
    clerk = w.client(w.clerk1)
    other_pvz = w.client(w.clerk2).post(
        f"/api/v1/orders/{order['id']}/payment-intent", json={"unit_ids": [kept["id"]]}
    )
    assert other_pvz.status_code == 404
    first = clerk.post(
        f"/api/v1/orders/{order['id']}/payment-intent", json={"unit_ids": [u["id"] for u in order["units"]]}
    )
    assert first.status_code == 201, first.text
    intent = clerk.post(
        f"/api/v1/orders/{order['id']}/payment-intent", json={"unit_ids": [kept["id"]]}
    ).json()
    price = (
        w.get_order(w.admin, order["id"])["amount_kopecks"]
        - first.json()["amount_kopecks"]
        + intent["amount_kopecks"]
    )
    assert intent["amount_kopecks"] < first.json()["amount_kopecks"] and price > 0
    assert intent["status"] == "PENDING" and intent["qr"].startswith("https://qr.nspk.ru/")
    superseded = w.post_webhook(w.webhook_body(order, intent=first.json()))
    assert superseded.status_code == 409  # the earlier intent no longer counts
    wrong_amount = w.post_webhook(w.webhook_body(order, intent=intent, amount=1))
    assert wrong_amount.status_code == 409
    url = f"/api/v1/orders/{order['id']}/payment-intent/{intent['id']}"
    assert clerk.get(url, params={"wait": 0}).json()["status"] == "PENDING"
    assert w.pay_intent(order, intent)["status"] == "processed"
    done = clerk.get(url, params={"wait": 5}).json()
    assert done["status"] == "SUCCEEDED" and done["paid_at"]
    assert w.get_order(w.admin, order["id"])["payment_status"] == "paid"
    events = w.client(w.admin).get("/api/v1/events").json()["items"]
    paid = [e for e in events if e["type"] == "PickupPaymentSucceeded"]
    assert paid and paid[0]["payload"]["unit_ids"] == [kept["id"]]
    again = clerk.post(f"/api/v1/orders/{order['id']}/payment-intent", json={"unit_ids": [kept["id"]]})
    assert again.status_code == 409


def test_a_waiting_long_poll_is_woken_by_the_webhook(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0]], payment="on_pickup")
    w.wait_for_task(order["id"])
    w.accept(order, w.ship(order))
    clerk = w.client(w.clerk1)
    intent = clerk.post(
        f"/api/v1/orders/{order['id']}/payment-intent", json={"unit_ids": [order["units"][0]["id"]]}
    ).json()
    threading.Timer(0.3, lambda: w.pay_intent(order, intent)).start()
    started = time.monotonic()
    answer = clerk.get(f"/api/v1/orders/{order['id']}/payment-intent/{intent['id']}", params={"wait": 10})
    assert answer.json()["status"] == "SUCCEEDED"
    assert time.monotonic() - started < 2.0
