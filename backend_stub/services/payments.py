"""The payment provider's webhook: signature check, then one transaction for event, units and outbox."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, replace

from sqlalchemy import Connection, bindparam, insert, or_, select

from shared.domain import IllegalTransition, Role, SiteKind, UnitStatus

from ..context import AppContext
from ..db import Fast, orders, payment_events, units
from ..errors import ApiError
from ..events.outbox import append
from . import pickup_payments
from .pickup import publish_short_code, revoke_order_tokens
from .units import move_units

_SEEN = Fast(
    select(payment_events.c.event_id).where(
        or_(payment_events.c.event_id == bindparam("b_event"), payment_events.c.tx_id == bindparam("b_tx"))
    )
)
_ORDER = Fast(select(orders).where(orders.c.id == bindparam("b_order")))
_EVENT_TYPES_OF_ORDER = Fast(
    select(payment_events.c.type).where(payment_events.c.order_id == bindparam("b_order"))
)
_UNITS = Fast(select(units).where(units.c.order_id == bindparam("b_order")))
_RECORD = Fast(
    insert(payment_events).values(
        {
            c: bindparam("b_" + c)
            for c in ("event_id", "tx_id", "type", "order_id", "amount_kopecks", "currency", "received_at")
        }
    )
)

EVENT_TYPES = ("payment.succeeded", "payment.failed", "payment.refunded")
SIGNATURE_HEADER = "X-Payment-Signature"


def sign(secret: bytes, timestamp: int, body: bytes) -> str:
    """The header value a provider sends: 't=<unix>,v1=<hex hmac>'."""
    mac = hmac.new(secret, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify_signature(secret: bytes, header: str | None, body: bytes, now: float, tolerance_s: int) -> None:
    """Raise ApiError 401 unless the header carries a fresh timestamp and a matching v1."""
    if not header:
        raise ApiError(401, "missing_signature", f"{SIGNATURE_HEADER} is missing")
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t":
            try:
                timestamp = int(value)
            except ValueError:
                timestamp = None
        elif key == "v1" and value:
            candidates.append(value.strip().lower())
    if timestamp is None or not candidates:
        raise ApiError(401, "bad_signature", f"{SIGNATURE_HEADER} needs t=<unix seconds> and v1=<hex>")
    if abs(now - timestamp) > tolerance_s:
        raise ApiError(401, "stale_signature", "the signature timestamp is outside the tolerance")
    expected = hmac.new(secret, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    # bytes, not str: compare_digest raises TypeError on non-ASCII str (a header byte >= 0x80)
    if not any(hmac.compare_digest(expected.encode(), c.encode()) for c in candidates):
        raise ApiError(401, "bad_signature", "the signature does not match")


@dataclass(frozen=True)
class PaymentEvent:
    event_id: str
    type: str
    tx_id: str
    order_id: str
    amount_kopecks: int
    currency: str
    created_at: str
    intent_id: str | None = None  # a payment at pickup names its payment intent


def parse_event(body: bytes) -> PaymentEvent:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "malformed", "the body is not JSON") from exc
    if not isinstance(data, dict):
        raise ApiError(400, "malformed", "the body is not a JSON object")

    def text(name: str) -> str:
        value = data.get(name)
        if not isinstance(value, str) or not value or len(value) > 100:
            raise ApiError(400, "malformed", f"'{name}' must be a non-empty string")
        return value

    amount = data.get("amount_kopecks")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
        raise ApiError(400, "malformed", "'amount_kopecks' must be a whole non-negative number")
    event = PaymentEvent(
        event_id=text("event_id"),
        type=text("type"),
        tx_id=text("tx_id"),
        order_id=text("order_id"),
        amount_kopecks=amount,
        currency=text("currency"),
        created_at=text("created_at"),
    )
    if event.type not in EVENT_TYPES:
        raise ApiError(400, "malformed", f"'type' must be one of {', '.join(EVENT_TYPES)}")
    if "intent_id" in data:
        event = replace(event, intent_id=text("intent_id"))
    return event


def process(ctx: AppContext, event: PaymentEvent) -> str:
    """Apply a verified event; 'processed' or 'duplicate'. One transaction; raises ApiError otherwise."""
    with ctx.db.write() as conn:
        seen = _SEEN.first(conn, {"b_event": event.event_id, "b_tx": event.tx_id})
        if seen is not None:
            return "duplicate"
        order = _ORDER.first(conn, {"b_order": event.order_id})
        if order is None:
            raise ApiError(404, "unknown_order", f"no order {event.order_id}")
        if event.intent_id is not None:
            pickup_payments.apply_webhook(ctx, conn, event, order)
            _record(ctx, conn, event, order.id)
            return "processed"
        if order.payment == "on_pickup":
            raise ApiError(409, "conflict", "the order is paid at pickup: the event must name its intent")
        if event.currency != order.currency or event.amount_kopecks != order.amount_kopecks:
            raise ApiError(
                409,
                "amount_mismatch",
                f"the order is {order.amount_kopecks} {order.currency}, the event says "
                f"{event.amount_kopecks} {event.currency}",
            )
        rows = _UNITS.all(conn, {"b_order": order.id})
        if event.type == "payment.succeeded":
            try:
                move_units(ctx, conn, rows, UnitStatus.PAID, Role.SYSTEM, SiteKind.CENTRAL)
            except IllegalTransition as exc:
                raise ApiError(409, "conflict", f"the order cannot be paid now: {exc}") from exc
            append(
                ctx,
                conn,
                "OrderPaid",
                order.id,
                {
                    "order_id": order.id,
                    "pvz_id": order.pvz_id,
                    "customer_id": order.customer_id,
                    "unit_ids": [r.id for r in rows],
                    "amount_kopecks": order.amount_kopecks,
                    "tx_id": event.tx_id,
                    "payment_event_id": event.event_id,
                },
            )
            publish_short_code(ctx, conn, order.id, order.pvz_id, order.customer_id)
        elif event.type == "payment.refunded":
            # one refund per paid order: never for an order no payment succeeded for, never twice
            seen_types = {r.type for r in _EVENT_TYPES_OF_ORDER.all(conn, {"b_order": order.id})}
            if "payment.succeeded" not in seen_types:
                raise ApiError(409, "conflict", "the order was never paid: there is nothing to refund")
            if "payment.refunded" in seen_types:
                raise ApiError(409, "conflict", "the order is already refunded")
            live = [r for r in rows if r.status != "CANCELLED"]
            try:
                move_units(ctx, conn, live, UnitStatus.CANCELLED, Role.SYSTEM, SiteKind.CENTRAL)
            except IllegalTransition as exc:
                raise ApiError(409, "conflict", f"the order cannot be refunded now: {exc}") from exc
            revoke_order_tokens(ctx, conn, order.id)
            append(
                ctx,
                conn,
                "OrderRefunded",
                order.id,
                {"order_id": order.id, "unit_ids": [r.id for r in live]},
                site_id=order.pvz_id,
            )
        else:
            append(
                ctx,
                conn,
                "PaymentFailed",
                order.id,
                {"order_id": order.id, "tx_id": event.tx_id},
                site_id=order.pvz_id,
            )
        _record(ctx, conn, event, order.id)
    return "processed"


def _record(ctx: AppContext, conn: Connection, event: PaymentEvent, order_id: str) -> None:
    _RECORD.run(
        conn,
        {
            "b_event_id": event.event_id,
            "b_tx_id": event.tx_id,
            "b_type": event.type,
            "b_order_id": order_id,
            "b_amount_kopecks": event.amount_kopecks,
            "b_currency": event.currency,
            "b_received_at": ctx.now_iso(),
        },
    ).close()
