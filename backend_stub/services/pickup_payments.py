"""Payment at pickup: a payment intent for exactly the kept units of a pay-on-pickup order, its СБП
QR payload, completion by the provider's signed webhook naming the intent, and the wake-up that lets
a waiting PVZ learn of it at once (a long poll, not a polling loop)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from typing import Any

from sqlalchemy import Connection, select, update

from shared.domain import Role

from ..context import AppContext, dumps
from ..db import orders, payment_intents, units
from ..errors import ApiError, not_found
from ..events.outbox import append
from .auth import Principal
from .changes import publish_order

SBP_BANK = "100000000111"  # the acquiring bank's id in the СБП QR (the provider's, set at contract)
PENDING, SUCCEEDED, FAILED, SUPERSEDED = "PENDING", "SUCCEEDED", "FAILED", "SUPERSEDED"


def crc16_ccitt(data: bytes) -> int:
    """CRC-16/CCITT-FALSE, the check the СБП QR link carries in `crc`."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def sbp_payload(intent_id: str, amount_kopecks: int) -> str:
    """A dynamic СБП QR link (https://qr.nspk.ru/<id>?type=02&bank=&sum=&cur=RUB&crc=)."""
    code = ("A" + intent_id).upper()[:32].ljust(32, "0")
    link = f"https://qr.nspk.ru/{code}?type=02&bank={SBP_BANK}&sum={amount_kopecks}&cur=RUB"
    return f"{link}&crc={crc16_ccitt(link.encode()):04X}"


def intent_json(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "order_id": row.order_id,
        "unit_ids": json.loads(row.unit_ids),
        "amount_kopecks": row.amount_kopecks,
        "currency": row.currency,
        "status": row.status,
        "qr": row.qr_payload,
        "created_at": row.created_at,
        "paid_at": row.paid_at,
    }


def _clerk_order(conn: Connection, caller: Principal, order_id: str) -> Any:
    row = conn.execute(select(orders).where(orders.c.id == order_id)).first()
    if row is None or not (
        caller.role is Role.ADMIN or (caller.role is Role.CLERK and row.pvz_id == caller.site_id)
    ):
        raise not_found(f"no order {order_id}")
    return row


def create_intent(ctx: AppContext, caller: Principal, order_id: str, unit_ids: list[str]) -> dict[str, Any]:
    """A new intent for `unit_ids` (the kept units, each waiting at the order's PVZ); an earlier
    pending intent of the order is superseded (the customer changed their mind about a unit)."""
    with ctx.db.write() as conn:
        order = _clerk_order(conn, caller, order_id)
        if order.payment != "on_pickup":
            raise ApiError(409, "not_pay_on_pickup", "the order was paid online: nothing to pay here")
        if order.payment_status == "paid":
            raise ApiError(409, "already_paid", "the order is already paid")
        wanted = list(dict.fromkeys(unit_ids))
        if not wanted:
            raise ApiError(400, "invalid_request", "name at least one kept unit")
        found = {r.id: r for r in conn.execute(select(units).where(units.c.order_id == order_id))}
        strangers = [u for u in wanted if u not in found]
        if strangers:
            raise ApiError(400, "unknown_unit", f"unit {strangers[0]} is not in order {order_id}")
        not_here = [u for u in wanted if found[u].status != "ACCEPTED"]
        if not_here:
            raise ApiError(
                409, "not_ready", f"unit {not_here[0]} is {found[not_here[0]].status}, not waiting at the PVZ"
            )
        conn.execute(
            update(payment_intents)
            .where(payment_intents.c.order_id == order_id, payment_intents.c.status == PENDING)
            .values(status=SUPERSEDED)
        )
        intent_id = ctx.ids.new()
        amount = sum(int(found[u].price_kopecks) for u in wanted)
        row = {
            "id": intent_id,
            "order_id": order_id,
            "pvz_id": order.pvz_id,
            "unit_ids": dumps(wanted),
            "amount_kopecks": amount,
            "currency": order.currency,
            "status": PENDING,
            "qr_payload": sbp_payload(intent_id, amount),
            "tx_id": None,
            "created_by": caller.user_id,
            "created_at": ctx.now_iso(),
            "paid_at": None,
        }
        conn.execute(payment_intents.insert().values(**row))
        return intent_json(
            conn.execute(select(payment_intents).where(payment_intents.c.id == intent_id)).one()
        )


def read_intent(ctx: AppContext, caller: Principal, order_id: str, intent_id: str) -> dict[str, Any]:
    with ctx.db.read() as conn:
        _clerk_order(conn, caller, order_id)
        row = conn.execute(
            select(payment_intents).where(
                payment_intents.c.id == intent_id, payment_intents.c.order_id == order_id
            )
        ).first()
        if row is None:
            raise not_found(f"no payment intent {intent_id}")
        return intent_json(row)


def apply_webhook(ctx: AppContext, conn: Connection, event: Any, order: Any) -> None:
    """The webhook's event names an intent (inside the webhook's transaction): succeeded marks the
    intent and the order paid and writes `PickupPaymentSucceeded`; failed marks the intent failed."""
    intent = conn.execute(select(payment_intents).where(payment_intents.c.id == event.intent_id)).first()
    if intent is None or intent.order_id != order.id:
        raise ApiError(404, "unknown_intent", f"no payment intent {event.intent_id} for order {order.id}")
    if event.currency != intent.currency or event.amount_kopecks != intent.amount_kopecks:
        raise ApiError(
            409,
            "amount_mismatch",
            f"the intent is {intent.amount_kopecks} {intent.currency}, the event says "
            f"{event.amount_kopecks} {event.currency}",
        )
    if event.type == "payment.refunded":
        raise ApiError(409, "conflict", "a payment at pickup is refunded as a customer return")
    if intent.status != PENDING:
        raise ApiError(409, "conflict", f"the payment intent is {intent.status}")
    now = ctx.now_iso()
    if event.type == "payment.succeeded":
        conn.execute(
            update(payment_intents)
            .where(payment_intents.c.id == intent.id)
            .values(status=SUCCEEDED, tx_id=event.tx_id, paid_at=now)
        )
        conn.execute(
            update(orders).where(orders.c.id == order.id).values(payment_status="paid", updated_at=now)
        )
        publish_order(conn, order.id)
        append(
            ctx,
            conn,
            "PickupPaymentSucceeded",
            order.id,
            {
                "order_id": order.id,
                "pvz_id": order.pvz_id,
                "intent_id": intent.id,
                "unit_ids": json.loads(intent.unit_ids),
                "amount_kopecks": intent.amount_kopecks,
                "tx_id": event.tx_id,
                "payment_event_id": event.event_id,
            },
        )
    else:
        conn.execute(update(payment_intents).where(payment_intents.c.id == intent.id).values(status=FAILED))
        append(
            ctx,
            conn,
            "PaymentFailed",
            order.id,
            {"order_id": order.id, "tx_id": event.tx_id, "intent_id": intent.id, "pvz_id": order.pvz_id},
        )


class IntentWaiters:
    """Long polls waiting for an intent to leave PENDING, woken by the webhook in this process.

    A webhook answered by another API process (PostgreSQL deployments) is seen by the waiter's
    re-read once a second, so a PVZ learns within about a second either way."""

    RECHECK_S = 1.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[str, set[tuple[asyncio.AbstractEventLoop, asyncio.Event]]] = {}

    def register(self, intent_id: str) -> tuple[asyncio.AbstractEventLoop, asyncio.Event]:
        entry = (asyncio.get_running_loop(), asyncio.Event())
        with self._lock:
            self._waiting.setdefault(intent_id, set()).add(entry)
        return entry

    def unregister(self, intent_id: str, entry: tuple[asyncio.AbstractEventLoop, asyncio.Event]) -> None:
        with self._lock:
            waiting = self._waiting.get(intent_id)
            if waiting is not None:
                waiting.discard(entry)
                if not waiting:
                    del self._waiting[intent_id]

    def notify(self, intent_id: str) -> None:
        """Wake every waiter of the intent (safe from any thread)."""
        with self._lock:
            entries = list(self._waiting.get(intent_id, ()))
        for loop, event in entries:
            with contextlib.suppress(RuntimeError):  # a loop already closed
                loop.call_soon_threadsafe(event.set)


def waiters(ctx: AppContext) -> IntentWaiters:
    found = ctx.extras.get("intent_waiters")
    if found is None:
        found = ctx.extras.setdefault("intent_waiters", IntentWaiters())
    assert isinstance(found, IntentWaiters)
    return found
