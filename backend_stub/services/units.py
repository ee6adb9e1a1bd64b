"""Unit transitions, always through shared.domain.check_transition, and derived order status."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from shared.domain import Role, SiteKind, UnitStatus, check_transition, order_status

from ..context import AppContext
from ..db import Fast, orders, units
from .changes import publish_order, publish_unit_rows


def check_all(rows: Iterable[Any], target: UnitStatus, role: Role, site: SiteKind) -> None:
    """Raise IllegalTransition for the first unit that may not move to target."""
    for row in rows:
        check_transition(UnitStatus(row.status), target, role, site)


_STATUSES_OF_ORDER = Fast(select(units.c.status).where(units.c.order_id == bindparam("b_order")))
_SET_ORDER_STATUS = Fast(
    update(orders)
    .where(orders.c.id == bindparam("b_order"), orders.c.status != bindparam("b_status"))
    .values(status=bindparam("b_status"), updated_at=bindparam("b_now"))
)


@lru_cache(maxsize=64)
def _unit_update(keys: frozenset[str]) -> Fast:
    return Fast(
        update(units).where(units.c.id == bindparam("b_unit")).values({k: bindparam("b_" + k) for k in keys})
    )


def set_units(
    ctx: AppContext, conn: Connection, unit_ids: Sequence[str], target: UnitStatus | None, **values: Any
) -> dict[str, Any]:
    """Write a (pre-checked) status and/or side fields on units; return the values written."""
    vals: dict[str, Any] = {"updated_at": ctx.now_iso(), **values}
    if target is not None:
        vals["status"] = str(target)
    if unit_ids:
        stmt = _unit_update(frozenset(vals))
        params = {"b_" + k: v for k, v in vals.items()}
        stmt.many(conn, [{"b_unit": uid, **params} for uid in unit_ids])
    return vals


def refresh_orders(ctx: AppContext, conn: Connection, order_ids: Iterable[str]) -> None:
    """Re-derive each order's status from its units; publish the order when it changed."""
    for order_id in dict.fromkeys(order_ids):
        states = [r.status for r in _STATUSES_OF_ORDER.all(conn, {"b_order": order_id})]
        status = str(order_status(UnitStatus(s) for s in states))
        changed = _SET_ORDER_STATUS.rowcount(
            conn, {"b_order": order_id, "b_status": status, "b_now": ctx.now_iso()}
        )
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
    if not rows:
        return
    if target is not None:
        check_all(rows, target, role, site)
    written = set_units(ctx, conn, [r.id for r in rows], target, **values)
    publish_unit_rows(conn, [{**r._mapping, **written} for r in rows])
    if target is not None:
        refresh_orders(ctx, conn, [r.order_id for r in rows])
