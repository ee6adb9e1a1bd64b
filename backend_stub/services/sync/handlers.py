"""The server's handler of each operation type: a plan-only operation runs its Plan from
shared/domain/operations.py (``run_plan``); the composite ones (shift, accepting a unit, closing an
acceptance, pickup completion, opening, closing and handing over boxes, routes, return receipt) are
written here by hand, as they are in the app's shared/store/effects.py.

A handler raises Reject to refuse the op; push rolls back its savepoint and stores the rejection.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, insert, or_, select, update

from shared.barcodes.formats import SSCC_EXTENSION_FORWARD, SSCC_EXTENSION_RETURN, gs1_valid
from shared.domain import SPECS, OpType, UnitStatus
from shared.domain.operations import Plan

from ...db import boxes, orders, pick_tasks, routes, sites, units
from ...events.outbox import append
from ..changes import publish, publish_box, publish_route
from ..handover import record_received, record_sent
from ..pickup import revoke_order_tokens
from .opcontext import Handler, OpContext, Reject
from .shorts import count, label_reprint, pick_skip


def run_plan(c: OpContext, plan: Plan, p: Mapping[str, Any]) -> None:
    """Resolve the plan's references (each checked against the device's site), move the unit, write
    its side fields, note what the plan names, and finish a pick task nothing waits for any more."""
    task = _task(c, p[plan.task]) if plan.task is not None else None
    box: Any = None
    if plan.box is not None:
        ref = plan.box
        kind = ref.kind.value
        box = _open_box(c, p[ref.field], kind) if ref.open_here else c.box(p[ref.field], kind)
    unit: Any = None
    if plan.unit is not None:
        unit = c.unit(p[plan.unit])
        if task is not None and unit.order_id != task.order_id:
            raise Reject("invalid_payload", f"unit {unit.label} is not in this task")
        if plan.box is not None and plan.box.same_destination and unit.pvz_id != box.destination_site_id:
            raise Reject(
                "wrong_destination",
                f"unit {unit.label} goes to {unit.pvz_id}, the box to {box.destination_site_id}",
            )
        if plan.requires and unit.status not in plan.requires:
            needed = " or ".join(sorted(plan.requires))
            raise Reject(
                "illegal_transition", f"{c.op.type} needs a unit {needed}; this one is {unit.status}"
            )
    resolved: dict[str, Any] = {"box": box.id if box is not None else None}
    if plan.cell is not None:
        resolved["cell"] = c.cell(p[plan.cell])
    if plan.location is not None:
        resolved["location"] = c.location(p[plan.location])
    if unit is not None:
        sets = {col: None if ref_name is None else resolved[ref_name] for col, ref_name in plan.sets.items()}
        c.move([unit], plan.target_for(p), **sets)
    if plan.note is not None:
        subject = unit.id if unit is not None else resolved.get("cell") or resolved.get("location") or box.id
        c.record(str(c.op.type), subject, {k: p[k] for k in plan.note})
    if task is not None:
        _maybe_finish_task(c, task)


def _shift(c: OpContext, p: Mapping[str, Any]) -> None:
    c.record(
        str(c.op.type), str(p["shift_id"]), {"shift_id": p["shift_id"], "at": c.op.created_at.isoformat()}
    )


def _accept(c: OpContext, p: Mapping[str, Any]) -> None:
    unit = c.unit(p["unit_id"])
    box = c.box(p["box_id"], "forward")
    if box.destination_site_id != c.site_id:
        raise Reject("wrong_site", f"box {box.id} goes to {box.destination_site_id}")
    c.move([unit], UnitStatus.ACCEPTED, cell_id=c.cell(p["cell_id"]), box_id=box.id)


def _surplus(c: OpContext, p: Mapping[str, Any]) -> None:
    box = c.box(p["box_id"])
    c.record("box.surplus", box.id, {"box_id": box.id, "label": p["label"]})


def _accept_close(c: OpContext, p: Mapping[str, Any]) -> None:
    box = c.box(p["box_id"], "forward")
    if box.destination_site_id != c.site_id:
        raise Reject("wrong_site", f"box {box.id} goes to {box.destination_site_id}")
    c.conn.execute(update(boxes).where(boxes.c.id == box.id).values(accepted_at=c.ctx.now_iso()))
    if "seal" in p:  # the receiving side of the handover: compare with what the warehouse sent
        route = c.conn.execute(select(routes.c.closed).where(routes.c.id == box.route_id)).first()
        sent = route is not None and bool(route.closed)
        record_received(c.conn, box, p, sent=sent, now=c.ctx.now_iso())
    publish_box(c.conn, box.id)
    expected = [u.label for u in c.box_units(box.id) if u.status == UnitStatus.SHIPPED]
    c.record("box.accept_close", box.id, {"box_id": box.id, "not_accepted": expected})


def _pickup(c: OpContext, p: Mapping[str, Any]) -> None:
    order = c.conn.execute(select(orders).where(orders.c.id == str(p["order_id"]))).first()
    if order is None:
        raise Reject("unknown_order", f"no order {p['order_id']}")
    if order.pvz_id != c.site_id:
        raise Reject("wrong_site", "the order goes to another pickup point")
    issued = c.units(p["issued"])
    refused = c.units([r["unit_id"] for r in p["refused"]])
    for u in [*issued, *refused]:
        if u.order_id != order.id:
            raise Reject("invalid_payload", f"unit {u.label} is not in order {order.id}")
    if issued and order.payment == "on_pickup" and order.payment_status != "paid":
        raise Reject("payment_due", f"order {order.id} is paid at pickup and its payment has not succeeded")
    c.move(issued, UnitStatus.ISSUED, cell_id=None)
    c.move(refused, UnitStatus.REFUSED)
    reasons = {str(r["unit_id"]): r.get("reason") for r in p["refused"]}
    c.record("pickup.complete", order.id, {"issued": [u.id for u in issued], "refused": reasons})
    _withdraw_marking(c, order, issued, p.get("marking") or {})
    left = c.conn.execute(
        select(func.count())
        .select_from(units)
        .where(
            units.c.order_id == order.id,
            units.c.status.in_(["ACCEPTED", "SHIPPED", "PACKED", "PICKED", "PAID"]),
        )
    ).scalar_one()
    if not left:
        revoke_order_tokens(c.ctx, c.conn, order.id)


def _withdraw_marking(c: OpContext, order: Any, issued: Sequence[Any], marking: Mapping[str, Any]) -> None:
    """Keep the DataMatrix scanned with each issued unit and announce the codes leaving circulation
    (kept units only: a refused unit keeps its code) for the national marking system."""
    by_ref = {u.id: u for u in issued} | {u.label: u for u in issued}
    codes = []
    for ref, code in marking.items():
        unit = by_ref.get(str(ref))
        if unit is None:
            raise Reject("invalid_payload", f"marking code for {ref}, which is not issued here")
        c.conn.execute(update(units).where(units.c.id == unit.id).values(marking_code=str(code)))
        codes.append({"unit_id": unit.id, "sku": unit.sku, "code": str(code)})
    if codes:
        append(
            c.ctx,
            c.conn,
            "MarkingCodesWithdrawn",
            order.id,
            {
                "order_id": order.id,
                "pvz_id": order.pvz_id,
                "unit_ids": [x["unit_id"] for x in codes],
                "codes": codes,
            },
        )


def _return_pack_events(c: OpContext, p: Mapping[str, Any], before: Any) -> None:
    """After return.pack's plan: an overdue unit packed as expired -> OrderStorageExpired; a bought
    unit the customer brought back, with its withdrawn marking code -> MarkingCodesReturned."""
    reason = str(p.get("reason", ""))
    base = {"order_id": before.order_id, "pvz_id": before.pvz_id, "unit_ids": [before.id]}
    if reason == "expired" and before.status == UnitStatus.ACCEPTED:
        append(c.ctx, c.conn, "OrderStorageExpired", before.order_id, {**base, "box_id": str(p["box_id"])})
    elif before.status == UnitStatus.ISSUED and getattr(before, "marking_code", None):
        codes = [{"unit_id": before.id, "sku": before.sku, "code": before.marking_code}]
        append(
            c.ctx, c.conn, "MarkingCodesReturned", before.order_id, {**base, "codes": codes, "reason": reason}
        )


# Plan-only operations whose server side also writes events: (the unit as it was, after the plan)
PLAN_EVENTS: dict[OpType, Callable[[OpContext, Mapping[str, Any], Any], None]] = {
    OpType.RETURN_PACK: _return_pack_events,
}


def _check_sscc(box_id: str, extension: str) -> None:
    if len(box_id) != 18 or not gs1_valid(box_id) or box_id[0] != extension:
        kind = "return" if extension == SSCC_EXTENSION_RETURN else "forward"
        raise Reject("invalid_payload", f"{box_id} is not a {kind} box SSCC")


def _new_box(c: OpContext, box_id: str, kind: str, destination: str) -> None:
    existing = c.conn.execute(select(boxes).where(boxes.c.id == box_id)).first()
    if existing is not None:
        raise Reject("conflict", f"box {box_id} exists already")
    c.conn.execute(
        insert(boxes).values(
            id=box_id,
            kind=kind,
            origin_site_id=c.site_id,
            destination_site_id=destination,
            closed=False,
            route_id=None,
            created_at=c.ctx.now_iso(),
        )
    )
    publish_box(c.conn, box_id)


def _default_warehouse(c: OpContext) -> str:
    row = c.conn.execute(
        select(sites.c.id).where(sites.c.kind == "warehouse").order_by(sites.c.id).limit(1)
    ).first()
    if row is None:
        raise Reject("conflict", "no warehouse to return to")
    return str(row.id)


def _return_open(c: OpContext, p: Mapping[str, Any]) -> None:
    box_id = str(p["box_id"])
    _check_sscc(box_id, SSCC_EXTENSION_RETURN)
    _new_box(c, box_id, "return", _default_warehouse(c))


def _open_box(c: OpContext, box_id: object, kind: str) -> Any:
    box = c.box(box_id, kind)
    if box.origin_site_id != c.site_id:
        raise Reject("wrong_site", f"box {box.id} was packed elsewhere")
    if box.closed:
        raise Reject("conflict", f"box {box.id} is closed")
    return box


def _close_box(kind: str) -> Handler:
    def handler(c: OpContext, p: Mapping[str, Any]) -> None:
        box = _open_box(c, p["box_id"], kind)
        if not c.box_units(box.id):
            raise Reject("conflict", f"box {box.id} is empty")
        c.conn.execute(update(boxes).where(boxes.c.id == box.id).values(closed=True))
        publish_box(c.conn, box.id)

    return handler


def _same_set(given: Sequence[Any], actual: Sequence[Any], what: str) -> None:
    given_ids = {str(g) for g in given}
    actual_ids = {a.id for a in actual} | {a.label for a in actual}
    if len(given_ids) != len(given) or not given_ids <= actual_ids or len(given_ids) != len(actual):
        raise Reject("conflict", f"the units listed do not match the contents of {what}")


def _return_handover(c: OpContext, p: Mapping[str, Any]) -> None:
    box_rows = []
    for box_id in p["box_ids"]:
        box = c.box(box_id, "return")
        if box.origin_site_id != c.site_id:
            raise Reject("wrong_site", f"box {box.id} was packed elsewhere")
        if not box.closed or box.handed_over_at is not None:
            raise Reject("conflict", f"box {box.id} is not closed or was handed over already")
        box_rows.append(box)
    if not box_rows:
        raise Reject("invalid_payload", "no boxes")
    contents = [u for b in box_rows for u in c.box_units(b.id)]
    _same_set(p["unit_ids"], contents, "the boxes")
    c.move(contents, UnitStatus.RETURN_SHIPPED)
    record_sent(c.conn, [b.id for b in box_rows], c.op.op_id, p)
    for b in box_rows:
        c.conn.execute(update(boxes).where(boxes.c.id == b.id).values(handed_over_at=c.ctx.now_iso()))
        publish_box(c.conn, b.id)


def _task(c: OpContext, task_id: object) -> Any:
    task = c.conn.execute(select(pick_tasks).where(pick_tasks.c.id == str(task_id))).first()
    if task is None or task.site_id != c.site_id:
        raise Reject("unknown_task", f"no pick task {task_id} here")
    if task.status == "CANCELLED":
        raise Reject("conflict", "the order was cancelled")
    return task


def _maybe_finish_task(c: OpContext, task: Any) -> None:
    waiting = c.conn.execute(
        select(func.count())
        .select_from(units)
        .where(units.c.order_id == task.order_id, units.c.status == "PAID")
    ).scalar_one()
    if not waiting and task.status != "DONE":
        from ...events.relay import task_data

        c.conn.execute(update(pick_tasks).where(pick_tasks.c.id == task.id).values(status="DONE"))
        fresh = c.conn.execute(select(pick_tasks).where(pick_tasks.c.id == task.id)).one()
        publish(c.conn, [c.site_id], "task", task.id, task_data(c.conn, fresh))


def _pick_skip(c: OpContext, p: Mapping[str, Any]) -> None:
    task = _task(c, p["task_id"])
    pick_skip(c, task, p)
    _maybe_finish_task(c, task)


def _pack_open(c: OpContext, p: Mapping[str, Any]) -> None:
    box_id, pvz = str(p["box_id"]), str(p["pvz_id"])
    _check_sscc(box_id, SSCC_EXTENSION_FORWARD)
    site = c.conn.execute(select(sites.c.kind).where(sites.c.id == pvz)).first()
    if site is None or site.kind != "pvz":
        raise Reject("invalid_payload", f"no pickup point {pvz}")
    _new_box(c, box_id, "forward", pvz)


def _route_add(c: OpContext, p: Mapping[str, Any]) -> None:
    route_id, pvz = str(p["route_id"]), str(p["pvz_id"])
    box = c.box(p["box_id"], "forward")
    if box.origin_site_id != c.site_id:
        raise Reject("wrong_site", f"box {box.id} was packed elsewhere")
    if box.destination_site_id != pvz:
        raise Reject(
            "wrong_destination", f"box {box.id} goes to {box.destination_site_id}, the route to {pvz}"
        )
    if not box.closed:
        raise Reject("conflict", f"box {box.id} is still open")
    route = c.conn.execute(select(routes).where(routes.c.id == route_id)).first()
    if route is None:
        c.conn.execute(
            insert(routes).values(
                id=route_id,
                origin_site_id=c.site_id,
                destination_site_id=pvz,
                closed=False,
                created_at=c.ctx.now_iso(),
            )
        )
    elif route.origin_site_id != c.site_id or route.destination_site_id != pvz:
        raise Reject("wrong_destination", f"route {route_id} goes to {route.destination_site_id}")
    elif route.closed:
        raise Reject("conflict", f"route {route_id} is closed")
    if box.route_id not in (None, route_id):
        raise Reject("conflict", f"box {box.id} is on route {box.route_id}")
    c.conn.execute(update(boxes).where(boxes.c.id == box.id).values(route_id=route_id))
    publish_route(c.conn, route_id)
    publish_box(c.conn, box.id)


def _route_close(c: OpContext, p: Mapping[str, Any]) -> None:
    route = c.conn.execute(select(routes).where(routes.c.id == str(p["route_id"]))).first()
    if route is None or route.origin_site_id != c.site_id:
        raise Reject("unknown_route", f"no route {p['route_id']} here")
    if route.closed:
        raise Reject("conflict", f"route {route.id} is closed")
    box_ids = [b.id for b in c.conn.execute(select(boxes.c.id).where(boxes.c.route_id == route.id))]
    contents = list(c.conn.execute(select(units).where(units.c.box_id.in_(box_ids)))) if box_ids else []
    _same_set(p["unit_ids"], contents, f"route {route.id}")
    if "seals" in p and set(p["seals"]) != set(box_ids):
        raise Reject("invalid_payload", f"seals must name each box on route {route.id}, and only those")
    record_sent(c.conn, box_ids, route.id, p)
    c.move(contents, UnitStatus.SHIPPED)
    c.conn.execute(
        update(routes).where(routes.c.id == route.id).values(closed=True, closed_at=c.ctx.now_iso())
    )
    publish_route(c.conn, route.id)
    for b in box_ids:
        publish_box(c.conn, b)


def _return_receive(c: OpContext, p: Mapping[str, Any]) -> None:
    box = c.box(p["box_id"], "return")
    if box.destination_site_id != c.site_id:
        raise Reject("wrong_site", f"box {box.id} goes to {box.destination_site_id}")
    row = c.conn.execute(
        select(units).where(or_(units.c.id == str(p["unit_id"]), units.c.label == str(p["unit_id"])))
    ).first()
    if row is None:
        raise Reject("unknown_unit", f"no unit {p['unit_id']}")
    if row.box_id != box.id:
        raise Reject("conflict", f"unit {row.label} is not in box {box.id}")
    c.move([row], UnitStatus.RETURNED, warehouse_id=c.site_id, box_id=None)


def _receipt_close(c: OpContext, p: Mapping[str, Any]) -> None:
    box = c.box(p["box_id"], "return")
    if box.destination_site_id != c.site_id:
        raise Reject("wrong_site", f"box {box.id} goes to {box.destination_site_id}")
    contents = {u.id: u for u in c.box_units(box.id)}
    by_label = {u.label: u for u in contents.values()}
    missing = []
    for ref in p["missing"]:
        unit = contents.get(str(ref)) or by_label.get(str(ref))
        if unit is None:
            raise Reject("conflict", f"unit {ref} is not waiting in box {box.id}")
        missing.append(unit)
    c.move(missing, UnitStatus.MISSING, warehouse_id=c.site_id)
    c.conn.execute(update(boxes).where(boxes.c.id == box.id).values(received_at=c.ctx.now_iso()))
    if "seal" in p:  # the receiving side of the handover: compare with what the PVZ sent
        record_received(c.conn, box, p, sent=box.handed_over_at is not None, now=c.ctx.now_iso())
    publish_box(c.conn, box.id)


# Composite operations: hand-written here and in shared/store/effects.py; every other type runs its
# Plan. tests/unit/test_operation_plans.py checks each type has exactly one of the two.
COMPOSITE: dict[OpType, Handler] = {
    OpType.SHIFT_OPEN: _shift,
    OpType.SHIFT_CLOSE: _shift,
    OpType.ACCEPT_UNIT: _accept,
    OpType.RECORD_SURPLUS: _surplus,
    OpType.CLOSE_ACCEPTANCE: _accept_close,
    OpType.COMPLETE_PICKUP: _pickup,
    OpType.RETURN_OPEN: _return_open,
    OpType.RETURN_CLOSE: _close_box("return"),
    OpType.RETURN_HANDOVER: _return_handover,
    OpType.PACK_OPEN: _pack_open,
    OpType.PACK_CLOSE: _close_box("forward"),
    OpType.ROUTE_ADD_BOX: _route_add,
    OpType.ROUTE_CLOSE: _route_close,
    OpType.RETURN_RECEIVE: _return_receive,
    OpType.RETURN_RECEIPT_CLOSE: _receipt_close,
    OpType.PICK_SKIP: _pick_skip,  # shorts.py: a short pick heals
    OpType.COUNT: count,
    OpType.LABEL_REPRINT: label_reprint,
}


def apply_handler(c: OpContext, p: Mapping[str, Any]) -> None:
    """Apply the op of c: its Plan, or its composite handler."""
    plan = SPECS[c.op.type].plan
    if plan is not None:
        events = PLAN_EVENTS.get(c.op.type)
        before = c.unit(p[plan.unit]) if events is not None and plan.unit is not None else None
        run_plan(c, plan, p)
        if events is not None:
            events(c, p, before)
    else:
        COMPOSITE[c.op.type](c, p)
