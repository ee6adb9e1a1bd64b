"""Short picks that heal, count tasks and label reprints: the composite handlers of pick.skip,
count.record and label.reprint (their local, optimistic side is in shared/store/effects.py).

A short pick (pick.skip) moves the unit MISSING ("not_found") or DAMAGED as before, and then:

- "not_found" opens a count task for the location (one open task per location): whoever does
  cycle counts sees it on the terminal (the location entity's ``count_task``); a count.record at
  that location closes it.
- the line is re-allocated when a free unit of the same SKU sits at another location of this
  warehouse. A unit row is one physical item with its own label, so re-allocation is not a
  relabelling: the free item's row joins the short unit's order in its place (order, PVZ, customer
  and the price the customer paid), becomes PAID and so a line of the same pick task at its own
  location; the short unit stays in the order as MISSING (or DAMAGED), which order_status counts
  as done, so the order goes on. Free means: on a shelf of this warehouse (a location, no box) and
  needed by no live order, i.e. CANCELLED: its order was cancelled or refunded while it sat there
  (a picked unit of a cancelled order is put back at the location it was picked from). The first
  such unit by location id, then unit id, is taken; the terminal makes the same choice
  optimistically and the server's answer wins at the next pull. The order it came from keeps its
  stored status and loses the row; a record ``pick.reallocate`` keeps the trace.
- with no free unit, the order's customer is told: an ``OrderItemShort`` outbox event.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from shared.domain import UnitStatus
from shared.domain.operations import SKIP_REASONS

from ...db import Fast, boxes, count_tasks, locations, pick_tasks, units
from ...events.outbox import append
from ..changes import publish, publish_unit_rows, unit_data
from ..units import refresh_orders, set_units
from .opcontext import OpContext, Reject


def location_data(conn: Connection, location_id: str) -> dict[str, Any] | None:
    """The location entity as pulled: its code and label, and its open count task (or None)."""
    row = conn.execute(select(locations).where(locations.c.id == location_id)).first()
    if row is None:
        return None
    task = conn.execute(
        select(count_tasks)
        .where(count_tasks.c.location_id == location_id, count_tasks.c.status == "OPEN")
        .order_by(count_tasks.c.id)
        .limit(1)
    ).first()
    return {
        "id": row.id,
        "site_id": row.site_id,
        "code": row.code,
        "label": row.label,
        "count_task": None
        if task is None
        else {"id": task.id, "reason": task.reason, "sku": task.sku, "since": task.created_at},
    }


def publish_location(conn: Connection, location_id: str) -> None:
    data = location_data(conn, location_id)
    if data is not None:
        publish(conn, [str(data["site_id"])], "location", location_id, data)


def open_count_task(c: OpContext, location_id: str, sku: str, unit_id: str) -> str:
    """The location's open count task, made if there is none."""
    open_ = c.conn.execute(
        select(count_tasks.c.id).where(
            count_tasks.c.location_id == location_id, count_tasks.c.status == "OPEN"
        )
    ).first()
    if open_ is not None:
        return str(open_.id)
    task_id = c.ctx.ids.new()
    c.conn.execute(
        insert(count_tasks).values(
            id=task_id,
            site_id=c.site_id,
            location_id=location_id,
            reason="short_pick",
            sku=sku,
            unit_id=unit_id,
            status="OPEN",
            created_at=c.ctx.now_iso(),
            op_id=c.op.op_id,
        )
    )
    publish_location(c.conn, location_id)
    return task_id


def free_unit(c: OpContext, sku: str, not_at: str | None) -> Any:
    """A unit of this SKU free at another location of this warehouse (see the module's rule)."""
    query = (
        select(units)
        .where(
            units.c.warehouse_id == c.site_id,
            units.c.sku == sku,
            units.c.status == str(UnitStatus.CANCELLED),
            units.c.location_id.is_not(None),
            units.c.box_id.is_(None),
        )
        .order_by(units.c.location_id, units.c.id)
        .limit(1)
    )
    if not_at is not None:
        query = query.where(units.c.location_id != not_at)
    return c.conn.execute(query).first()


def pick_skip(c: OpContext, task: Any, p: Mapping[str, Any]) -> Any:
    """The short itself, its count task and its re-allocation or event; returns the re-allocated
    unit (None when the customer was told). The caller finishes the task if nothing waits."""
    unit = c.unit(p["unit_id"])
    if unit.order_id != task.order_id:
        raise Reject("invalid_payload", f"unit {unit.label} is not in this task")
    reason = str(p["reason"])
    c.move([unit], SKIP_REASONS[reason])
    note: dict[str, Any] = {"task_id": task.id, "reason": reason}
    if reason == "not_found" and unit.location_id:
        note["count_task"] = open_count_task(c, unit.location_id, unit.sku, unit.id)
    spare = free_unit(c, unit.sku, unit.location_id)
    if spare is not None:
        values = {
            "order_id": unit.order_id,
            "pvz_id": unit.pvz_id,
            "customer_id": unit.customer_id,
            "price_kopecks": unit.price_kopecks,
            "cell_id": None,
        }
        written = set_units(c.ctx, c.conn, [spare.id], UnitStatus.PAID, **values)
        publish_unit_rows(c.conn, [{**unit_data(spare), **written}])
        refresh_orders(c.ctx, c.conn, [unit.order_id])
        c.touched_orders.add(unit.order_id)
        note["reallocated_to"] = spare.id
        c.record(
            "pick.reallocate",
            spare.id,
            {
                "task_id": task.id,
                "short_unit": unit.id,
                "unit": spare.id,
                "label": spare.label,
                "location_id": spare.location_id,
                "from_order": spare.order_id,
            },
        )
    else:
        append(
            c.ctx,
            c.conn,
            "OrderItemShort",
            unit.order_id,
            {
                "order_id": unit.order_id,
                "pvz_id": unit.pvz_id,
                "customer_id": unit.customer_id,
                "unit_ids": [unit.id],
                "sku": unit.sku,
                "reason": reason,
                "refund_kopecks": unit.price_kopecks,
            },
        )
    c.record("pick.skip", unit.id, note)
    if spare is not None:  # the task now lists the new unit: the terminal sees it at its stop
        from ...events.relay import task_data

        fresh = c.conn.execute(select(pick_tasks).where(pick_tasks.c.id == task.id)).one()
        publish(c.conn, [c.site_id], "task", task.id, task_data(c.conn, fresh))
    return spare


COUNT_DONE = Fast(
    update(count_tasks)
    .where(count_tasks.c.location_id == bindparam("b_location"), count_tasks.c.status == "OPEN")
    .values(status="DONE", done_at=bindparam("b_now"))
)


def count(c: OpContext, p: Mapping[str, Any]) -> None:
    """A cycle count at a location: noted, and the location's open count task is done."""
    location_id = c.location(p["location_id"])
    c.record(str(c.op.type), location_id, {"counted": p["counted"]})
    done = COUNT_DONE.rowcount(c.conn, {"b_location": location_id, "b_now": c.ctx.now_iso()})
    if done:
        publish_location(c.conn, location_id)


def label_reprint(c: OpContext, p: Mapping[str, Any]) -> None:
    """A label printed again: the box (by SSCC) or unit (by id or label) must be this site's."""
    kind, code = str(p["kind"]), str(p["code"])
    if kind == "box":
        row = c.conn.execute(select(boxes).where(boxes.c.id == code)).first()
        if row is None:
            raise Reject("unknown_box", f"no box {code}")
        if c.site_id not in (row.origin_site_id, row.destination_site_id):
            raise Reject("wrong_site", f"box {code} belongs to another site")
        ref = str(row.id)
    else:
        ref = str(c.unit(code).id)
    c.record("label.reprint", ref, {"kind": kind, "code": code, "reason": p["reason"]})
