"""Unit transitions, always through shared.domain.check_transition, and derived order status."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select, update

from shared.domain import Role, SiteKind, UnitStatus, check_transition, order_status

from ..context import AppContext
from ..db import orders, units
from .changes import publish_order, publish_units


def check_all(rows: Iterable[Any], target: UnitStatus, role: Role, site: SiteKind) -> None:
    """Raise IllegalTransition for the first unit that may not move to target."""
    for row in rows:
        check_transition(UnitStatus(row.status), target, role, site)


def set_units(
    ctx: AppContext, conn: Connection, unit_ids: Sequence[str], target: UnitStatus | None, **values: Any
) -> None:
    """Write a (pre-checked) status and/or side fields on units, and publish them."""
    if not unit_ids:
        return
    vals: dict[str, Any] = {"updated_at": ctx.now_iso(), **values}
    if target is not None:
        vals["status"] = str(target)
    conn.execute(update(units).where(units.c.id.in_(list(unit_ids))).values(**vals))


def refresh_orders(ctx: AppContext, conn: Connection, order_ids: Iterable[str]) -> None:
    """Re-derive each order's status from its units; publish the order when it changed."""
    for order_id in dict.fromkeys(order_ids):
        states = [r.status for r in conn.execute(select(units.c.status).where(units.c.order_id == order_id))]
        status = str(order_status(UnitStatus(s) for s in states))
        changed = conn.execute(
            update(orders)
            .where(orders.c.id == order_id, orders.c.status != status)
            .values(status=status, updated_at=ctx.now_iso())
        ).rowcount
        if changed:
            publish_order(conn, order_id)


def move_units(
    ctx: AppContext,
    conn: Connection,
    rows: Sequence[Any],
    target: UnitStatus | None,
    role: Role,
    site: SiteKind,
    **values: Any,
) -> None:
    """Check every unit's transition, then write, publish, and refresh their orders."""
    if target is not None:
        check_all(rows, target, role, site)
    ids = [r.id for r in rows]
    set_units(ctx, conn, ids, target, **values)
    publish_units(conn, ids)
    refresh_orders(ctx, conn, [r.order_id for r in rows])
