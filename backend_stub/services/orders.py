"""Orders: placing (one unit per physical item), reading with access checks, cancelling."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select

from shared.barcodes.formats import make_unit_label
from shared.domain import IllegalTransition, Role, SiteKind, UnitStatus, check_transition

from ..context import AppContext
from ..db import next_counter, orders, products, sites, units, users
from ..errors import ApiError, not_found
from ..events.outbox import append
from .auth import Principal
from .changes import publish_order, publish_units
from .customers import display_name, mask_phone
from .pickup import publish_short_code, revoke_order_tokens
from .units import move_units, refresh_orders, set_units

MAX_UNITS_PER_ORDER = 200
PAYMENT_METHODS = ("prepaid", "on_pickup")


def order_json(conn: Connection, order_id: str) -> dict[str, Any]:
    row = conn.execute(select(orders).where(orders.c.id == order_id)).one()
    unit_rows = conn.execute(select(units).where(units.c.order_id == order_id).order_by(units.c.label))
    return {
        "id": row.id,
        "status": row.status,
        "amount_kopecks": row.amount_kopecks,
        "currency": row.currency,
        "pvz_id": row.pvz_id,
        "customer_id": row.customer_id,
        "number": row.number,
        "customer_name": row.customer_name,
        "customer_phone": row.customer_phone,
        "payment": row.payment,
        "payment_status": row.payment_status,
        "created_at": row.created_at,
        "units": [
            {"id": u.id, "label": u.label, "sku": u.sku, "status": u.status, "cell_id": u.cell_id}
            for u in unit_rows
        ],
    }


def place_order(
    ctx: AppContext,
    customer: Principal,
    pvz_id: str,
    items: Sequence[tuple[str, int]],
    payment: str = "prepaid",
) -> dict[str, Any]:
    """Create the order and its units (CREATED). A pay-on-pickup order is released to the warehouse
    at once: its units go PAID (released for fulfilment; the money is taken at the PVZ through a
    payment intent) and an `OrderPlaced` event, routed like OrderPaid, makes its pick task."""
    if payment not in PAYMENT_METHODS:
        raise ApiError(400, "invalid_order", f"payment is one of {', '.join(PAYMENT_METHODS)}")
    if not items:
        raise ApiError(400, "invalid_order", "an order has at least one item")
    total_units = sum(q for _, q in items)
    if total_units > MAX_UNITS_PER_ORDER:
        raise ApiError(400, "invalid_order", f"at most {MAX_UNITS_PER_ORDER} units in one order")
    now = ctx.now_iso()
    with ctx.db.write() as conn:
        site = conn.execute(select(sites.c.kind).where(sites.c.id == pvz_id)).first()
        if site is None or site.kind != str(SiteKind.PVZ):
            raise ApiError(400, "unknown_pvz", f"no pickup point {pvz_id}")
        skus = sorted({s for s, _ in items})
        found = {r.sku: r for r in conn.execute(select(products).where(products.c.sku.in_(skus)))}
        missing = [s for s in skus if s not in found]
        if missing:
            raise ApiError(400, "unknown_sku", f"no product {', '.join(missing[:5])}")
        order_id = ctx.ids.new()
        amount = sum(found[s].price_kopecks * q for s, q in items)
        person = conn.execute(
            select(users.c.display_name, users.c.phone).where(users.c.id == customer.user_id)
        ).first()
        conn.execute(
            insert(orders).values(
                number=next_counter(conn, "order_number"),
                customer_name=display_name(person.display_name or "") if person else "",
                customer_phone=mask_phone(person.phone or "") if person else "",
                payment=payment,
                payment_status="due" if payment == "on_pickup" else "",
                id=order_id,
                customer_id=customer.user_id,
                pvz_id=pvz_id,
                warehouse_id=None,
                amount_kopecks=amount,
                currency="RUB",
                status="CREATED",
                short_code_gen=0,
                created_at=now,
                updated_at=now,
            )
        )
        first = next_counter(conn, "unit_serial", total_units)
        rows = []
        serial = first
        for sku, qty in items:
            for _ in range(qty):
                rows.append(
                    {
                        "id": ctx.ids.new(),
                        "label": make_unit_label(serial),
                        "order_id": order_id,
                        "sku": sku,
                        "price_kopecks": found[sku].price_kopecks,
                        "status": str(UnitStatus.CREATED),
                        "pvz_id": pvz_id,
                        "customer_id": customer.user_id,
                        "warehouse_id": None,
                        "box_id": None,
                        "cell_id": None,
                        "location_id": None,
                        "updated_at": now,
                    }
                )
                serial += 1
        conn.execute(insert(units), rows)
        append(
            ctx,
            conn,
            "OrderCreated",
            order_id,
            {"order_id": order_id, "pvz_id": pvz_id, "amount_kopecks": amount, "payment": payment},
        )
        if payment == "on_pickup":
            _release_to_warehouse(ctx, conn, order_id, pvz_id, customer.user_id, rows, amount)
        publish_order(conn, order_id)
        publish_units(conn, [r["id"] for r in rows])
        return order_json(conn, order_id)


def _release_to_warehouse(
    ctx: AppContext,
    conn: Connection,
    order_id: str,
    pvz_id: str,
    customer_id: str,
    rows: Sequence[dict[str, Any]],
    amount: int,
) -> None:
    """A pay-on-pickup order goes to the warehouse now, as a paid one does at its webhook."""
    unit_ids = [r["id"] for r in rows]
    check_transition(UnitStatus.CREATED, UnitStatus.PAID, Role.SYSTEM, SiteKind.CENTRAL)
    set_units(ctx, conn, unit_ids, UnitStatus.PAID)
    refresh_orders(ctx, conn, [order_id])
    append(
        ctx,
        conn,
        "OrderPlaced",
        order_id,
        {
            "order_id": order_id,
            "pvz_id": pvz_id,
            "customer_id": customer_id,
            "unit_ids": unit_ids,
            "amount_kopecks": amount,
            "payment": "on_pickup",
        },
    )
    publish_short_code(ctx, conn, order_id, pvz_id, customer_id)


def load_visible_order(conn: Connection, caller: Principal, order_id: str) -> Any:
    """The order row if the caller may see it: its customer, staff of its PVZ, admins; else 404."""
    row = conn.execute(select(orders).where(orders.c.id == order_id)).first()
    if row is None:
        raise not_found(f"no order {order_id}")
    allowed = (
        caller.role is Role.ADMIN
        or (caller.role is Role.CUSTOMER and row.customer_id == caller.user_id)
        or (caller.role is Role.CLERK and row.pvz_id == caller.site_id)
    )
    if not allowed:
        raise not_found(f"no order {order_id}")
    return row


def get_order(ctx: AppContext, caller: Principal, order_id: str) -> dict[str, Any]:
    with ctx.db.read() as conn:
        load_visible_order(conn, caller, order_id)
        return order_json(conn, order_id)


def cancel_order(ctx: AppContext, caller: Principal, order_id: str) -> dict[str, Any]:
    with ctx.db.write() as conn:
        row = load_visible_order(conn, caller, order_id)
        if caller.role is not Role.CUSTOMER or row.customer_id != caller.user_id:
            raise ApiError(403, "forbidden", "only the order's customer may cancel it")
        live = [
            u
            for u in conn.execute(select(units).where(units.c.order_id == order_id))
            if u.status != "CANCELLED"
        ]
        if not live:
            raise ApiError(409, "already_cancelled", "the order is already cancelled")
        try:
            move_units(ctx, conn, live, UnitStatus.CANCELLED, Role.CUSTOMER, SiteKind.CENTRAL)
        except IllegalTransition as exc:
            raise ApiError(
                409, "not_cancellable", f"the order has shipped and can no longer be cancelled ({exc})"
            ) from exc
        revoke_order_tokens(ctx, conn, order_id)
        append(
            ctx,
            conn,
            "OrderCancelled",
            order_id,
            {"order_id": order_id, "unit_ids": [u.id for u in live]},
            site_id=row.pvz_id,
        )
        return order_json(conn, order_id)
