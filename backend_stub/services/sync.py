"""Sync push (exactly-once application of journalled operations) and pull (per-site change feed).

Every unit effect of an operation goes through shared.domain.check_transition with the actor's role
and the device's site kind; each op is applied atomically together with its stored result.

Ops are committed in groups (one transaction each). Inside a group an op either goes through its
handler in its own savepoint (a rejection rolls back just that op), or, for a run of new
unit.move / unit.missing / unit.damaged / unit.found ops, the whole run is first checked in memory
against the unit and cell rows as the earlier ops of the run leave them and then written in a few
statements (`_apply_batched`); the run stops before the first op any check would refuse, and that op
takes the handler path, so rejections always come from the handlers and leave nothing behind.
tests/unit/test_backend_sync_batched.py checks that both paths give the same answers and state.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, or_, select, update

from shared.barcodes.formats import SSCC_EXTENSION_FORWARD, SSCC_EXTENSION_RETURN, gs1_valid
from shared.domain import (
    SPECS,
    IllegalTransition,
    InvalidOperation,
    Operation,
    OpType,
    Role,
    SiteKind,
    UnitStatus,
    check_transition,
    order_status,
    parse_iso,
)

from ..context import AppContext, dumps
from ..db import (
    Fast,
    FastRow,
    Savepoint,
    boxes,
    cells,
    changes,
    devices,
    locations,
    op_results,
    orders,
    pick_tasks,
    records,
    routes,
    sites,
    tokens,
    units,
    users,
)
from ..errors import ApiError
from .auth import Principal
from .changes import ALL_SITES, order_data, publish, publish_box, publish_many, publish_route, unit_data
from .pickup import revoke_order_tokens
from .units import move_units

MAX_OPS_PER_PUSH = 500
MAX_PAYLOAD_BYTES = 16 * 1024  # one op's payload, as JSON; a bigger one is rejected, not stored
MAX_CLOCK_AHEAD_S = 24 * 3600  # an op made further in the future than this is refused
SYNC_ROLES = (Role.CLERK, Role.WAREHOUSE, Role.ADMIN)


_UNIT_BY_ID = Fast(select(units).where(units.c.id == bindparam("b_ref")))
_UNIT_BY_LABEL = Fast(select(units).where(units.c.label == bindparam("b_ref")))
_CELL_BY_ID = Fast(select(cells.c.id, cells.c.site_id).where(cells.c.id == bindparam("b_ref")))
_CELL_BY_LABEL = Fast(select(cells.c.id, cells.c.site_id).where(cells.c.label == bindparam("b_ref")))
_DEVICE = Fast(
    select(devices.c.last_seq, devices.c.site_id).where(devices.c.device_id == bindparam("b_device"))
)
_RESULT_BY_SEQ = Fast(
    select(op_results).where(
        op_results.c.device_id == bindparam("b_device"), op_results.c.seq == bindparam("b_seq")
    )
)
_RESULT_COLUMNS = [c.name for c in op_results.columns]
_ADD_RESULT = Fast(insert(op_results).values({c: bindparam("b_" + c) for c in _RESULT_COLUMNS}))
_SET_LAST_SEQ = Fast(
    update(devices)
    .where(devices.c.device_id == bindparam("b_device"))
    .values(last_seq=bindparam("b_seq"), updated_at=bindparam("b_now"))
)
_ADD_RECORD = Fast(
    insert(records).values(
        {c: bindparam("b_" + c) for c in ("kind", "site_id", "ref", "op_id", "actor", "data", "created_at")}
    )
)
GROUP_MAX_OPS = 50  # ops committed together at most (each still atomic with its result row)
GROUP_MAX_SECONDS = 0.02  # and the write lock is held at most about this long
# A run of batched single-unit ops (see _apply_batched) costs a few statements in all, not a few per
# op: 250 of them take about 10-15 ms on two shared cores, so a group may hold that many.
RUN_MAX_OPS = 250


class Reject(Exception):
    """An operation the server refuses; it still takes its seq and its result is final."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class OpContext:
    ctx: AppContext
    conn: Connection
    op: Operation
    role: Role
    site_id: str
    site_kind: SiteKind
    touched_orders: set[str] = field(default_factory=set)

    # ---- lookups ---------------------------------------------------------------------------------
    def unit(self, ref: object) -> Any:
        ref = str(ref)
        row = _UNIT_BY_ID.first(self.conn, {"b_ref": ref})
        if row is None:
            row = _UNIT_BY_LABEL.first(self.conn, {"b_ref": ref})
        if row is None:
            raise Reject("unknown_unit", f"no unit {ref}")
        owner = row.pvz_id if self.site_kind is SiteKind.PVZ else row.warehouse_id
        if owner != self.site_id:
            raise Reject("wrong_site", f"unit {row.label} belongs to another site")
        return row

    def units(self, refs: Sequence[object]) -> list[Any]:
        rows = [self.unit(r) for r in refs]
        if len({r.id for r in rows}) != len(rows):
            raise Reject("invalid_payload", "a unit is listed twice")
        return rows

    def box(self, box_id: object, kind: str | None = None) -> Any:
        row = self.conn.execute(select(boxes).where(boxes.c.id == str(box_id))).first()
        if row is None:
            raise Reject("unknown_box", f"no box {box_id}")
        if self.site_id not in (row.origin_site_id, row.destination_site_id):
            raise Reject("wrong_site", f"box {box_id} belongs to another site")
        if kind is not None and row.kind != kind:
            raise Reject("invalid_payload", f"box {box_id} is a {row.kind} box, not a {kind} box")
        return row

    def cell(self, cell_id: object) -> str:
        row = _CELL_BY_ID.first(self.conn, {"b_ref": str(cell_id)})
        if row is None:
            row = _CELL_BY_LABEL.first(self.conn, {"b_ref": str(cell_id)})
        if row is None or row.site_id != self.site_id:
            raise Reject("unknown_cell", f"no cell {cell_id} at {self.site_id}")
        return str(row.id)

    def location(self, location_id: object) -> str:
        ref = str(location_id)
        row = self.conn.execute(
            select(locations.c.id, locations.c.site_id).where(
                or_(locations.c.id == ref, locations.c.label == ref)
            )
        ).first()
        if row is None or row.site_id != self.site_id:
            raise Reject("unknown_location", f"no location {location_id} at {self.site_id}")
        return str(row.id)

    # ---- writes ----------------------------------------------------------------------------------
    def move(self, rows: Sequence[Any], target: UnitStatus | None, **values: Any) -> None:
        try:
            move_units(self.ctx, self.conn, rows, target, self.role, self.site_kind, **values)
        except IllegalTransition as exc:
            if exc.code == "forbidden_role":
                raise Reject("forbidden_role", str(exc)) from exc
            if exc.source is UnitStatus.CANCELLED:
                raise Reject("conflict", f"the order was cancelled ({exc})") from exc
            raise Reject("illegal_transition", str(exc)) from exc
        self.touched_orders.update(r.order_id for r in rows)

    def record(self, kind: str, ref: str | None, data: Mapping[str, Any]) -> None:
        _ADD_RECORD.run(
            self.conn,
            {
                "b_kind": kind,
                "b_site_id": self.site_id,
                "b_ref": ref,
                "b_op_id": self.op.op_id,
                "b_actor": self.op.actor,
                "b_data": dumps(dict(data)),
                "b_created_at": self.ctx.now_iso(),
            },
        ).close()

    def box_units(self, box_id: str) -> list[Any]:
        return list(self.conn.execute(select(units).where(units.c.box_id == box_id)))


# ---- handlers, one per operation type ------------------------------------------------------------
Handler = Callable[[OpContext, Mapping[str, Any]], None]


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


def _move(c: OpContext, p: Mapping[str, Any]) -> None:
    unit = c.unit(p["unit_id"])
    if unit.status != UnitStatus.ACCEPTED:
        raise Reject("illegal_transition", f"only an ACCEPTED unit sits in a cell; this one is {unit.status}")
    c.move([unit], None, cell_id=c.cell(p["cell_id"]))


def _to_status(target: UnitStatus) -> Handler:
    def handler(c: OpContext, p: Mapping[str, Any]) -> None:
        unit = c.unit(p["unit_id"])
        c.move([unit], target, cell_id=None)
        c.record(str(c.op.type), unit.id, {"reason": p["reason"]})

    return handler


def _found(c: OpContext, p: Mapping[str, Any]) -> None:
    c.move([c.unit(p["unit_id"])], UnitStatus.ACCEPTED, cell_id=c.cell(p["cell_id"]))


def _surplus(c: OpContext, p: Mapping[str, Any]) -> None:
    box = c.box(p["box_id"])
    c.record("box.surplus", box.id, {"box_id": box.id, "label": p["label"]})


def _accept_close(c: OpContext, p: Mapping[str, Any]) -> None:
    box = c.box(p["box_id"], "forward")
    if box.destination_site_id != c.site_id:
        raise Reject("wrong_site", f"box {box.id} goes to {box.destination_site_id}")
    c.conn.execute(update(boxes).where(boxes.c.id == box.id).values(accepted_at=c.ctx.now_iso()))
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
    c.move(issued, UnitStatus.ISSUED, cell_id=None)
    c.move(refused, UnitStatus.REFUSED)
    reasons = {str(r["unit_id"]): r.get("reason") for r in p["refused"]}
    c.record("pickup.complete", order.id, {"issued": [u.id for u in issued], "refused": reasons})
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


def _return_pack(c: OpContext, p: Mapping[str, Any]) -> None:
    box = _open_box(c, p["box_id"], "return")
    unit = c.unit(p["unit_id"])
    c.move([unit], UnitStatus.RETURN_PACKED, box_id=box.id, cell_id=None)
    c.record("return.pack", unit.id, {"box_id": box.id, "reason": p["reason"]})


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
    for b in box_rows:
        c.conn.execute(update(boxes).where(boxes.c.id == b.id).values(handed_over_at=c.ctx.now_iso()))
        publish_box(c.conn, b.id)


def _inventory(c: OpContext, p: Mapping[str, Any]) -> None:
    cell = c.cell(p["cell_id"])
    c.record("inventory.record", cell, {k: p[k] for k in ("found", "missing", "unexpected")})


def _task(c: OpContext, task_id: object) -> Any:
    task = c.conn.execute(select(pick_tasks).where(pick_tasks.c.id == str(task_id))).first()
    if task is None or task.site_id != c.site_id:
        raise Reject("unknown_task", f"no pick task {task_id} here")
    if task.status == "CANCELLED":
        raise Reject("conflict", "the order was cancelled")
    return task


def _pick(c: OpContext, p: Mapping[str, Any]) -> None:
    task = _task(c, p["task_id"])
    unit = c.unit(p["unit_id"])
    if unit.order_id != task.order_id:
        raise Reject("invalid_payload", f"unit {unit.label} is not in this task")
    c.move([unit], UnitStatus.PICKED, location_id=c.location(p["location_id"]))
    _maybe_finish_task(c, task)


def _pick_skip(c: OpContext, p: Mapping[str, Any]) -> None:
    task = _task(c, p["task_id"])
    unit = c.unit(p["unit_id"])
    if unit.order_id != task.order_id:
        raise Reject("invalid_payload", f"unit {unit.label} is not in this task")
    target = UnitStatus.DAMAGED if p["reason"] == "damaged" else UnitStatus.MISSING
    c.move([unit], target)
    c.record("pick.skip", unit.id, {"task_id": task.id, "reason": p["reason"]})
    _maybe_finish_task(c, task)


def _maybe_finish_task(c: OpContext, task: Any) -> None:
    waiting = c.conn.execute(
        select(func.count())
        .select_from(units)
        .where(units.c.order_id == task.order_id, units.c.status == "PAID")
    ).scalar_one()
    if not waiting and task.status != "DONE":
        from ..events.relay import task_data

        c.conn.execute(update(pick_tasks).where(pick_tasks.c.id == task.id).values(status="DONE"))
        fresh = c.conn.execute(select(pick_tasks).where(pick_tasks.c.id == task.id)).one()
        publish(c.conn, [c.site_id], "task", task.id, task_data(c.conn, fresh))


def _pack_open(c: OpContext, p: Mapping[str, Any]) -> None:
    box_id, pvz = str(p["box_id"]), str(p["pvz_id"])
    _check_sscc(box_id, SSCC_EXTENSION_FORWARD)
    site = c.conn.execute(select(sites.c.kind).where(sites.c.id == pvz)).first()
    if site is None or site.kind != "pvz":
        raise Reject("invalid_payload", f"no pickup point {pvz}")
    _new_box(c, box_id, "forward", pvz)


def _pack_unit(c: OpContext, p: Mapping[str, Any]) -> None:
    box = _open_box(c, p["box_id"], "forward")
    unit = c.unit(p["unit_id"])
    if unit.pvz_id != box.destination_site_id:
        raise Reject(
            "wrong_destination",
            f"unit {unit.label} goes to {unit.pvz_id}, the box to {box.destination_site_id}",
        )
    c.move([unit], UnitStatus.PACKED, box_id=box.id)


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
    publish_box(c.conn, box.id)


def _count(c: OpContext, p: Mapping[str, Any]) -> None:
    loc = c.location(p["location_id"])
    c.record("count.record", loc, {"counted": p["counted"]})


def _putaway(c: OpContext, p: Mapping[str, Any]) -> None:
    loc = c.location(p["location_id"])
    c.record("putaway.record", loc, {"document": p["document"], "items": p["items"]})


HANDLERS: dict[OpType, Handler] = {
    OpType.SHIFT_OPEN: _shift,
    OpType.SHIFT_CLOSE: _shift,
    OpType.ACCEPT_UNIT: _accept,
    OpType.MOVE_UNIT: _move,
    OpType.MARK_MISSING: _to_status(UnitStatus.MISSING),
    OpType.MARK_DAMAGED: _to_status(UnitStatus.DAMAGED),
    OpType.FOUND_UNIT: _found,
    OpType.RECORD_SURPLUS: _surplus,
    OpType.CLOSE_ACCEPTANCE: _accept_close,
    OpType.COMPLETE_PICKUP: _pickup,
    OpType.RETURN_OPEN: _return_open,
    OpType.RETURN_PACK: _return_pack,
    OpType.RETURN_CLOSE: _close_box("return"),
    OpType.RETURN_HANDOVER: _return_handover,
    OpType.INVENTORY: _inventory,
    OpType.PICK_UNIT: _pick,
    OpType.PICK_SKIP: _pick_skip,
    OpType.PACK_OPEN: _pack_open,
    OpType.PACK_UNIT: _pack_unit,
    OpType.PACK_CLOSE: _close_box("forward"),
    OpType.ROUTE_ADD_BOX: _route_add,
    OpType.ROUTE_CLOSE: _route_close,
    OpType.RETURN_RECEIVE: _return_receive,
    OpType.RETURN_RECEIPT_CLOSE: _receipt_close,
    OpType.COUNT: _count,
    OpType.PUTAWAY: _putaway,
}
assert set(HANDLERS) == set(SPECS), "every operation type needs a handler"


# ---- push ----------------------------------------------------------------------------------------
def _result_json(row: Any, replayed: bool) -> dict[str, Any]:
    reason = {"code": row.reason_code, "message": row.reason_message} if row.reason_code else None
    return {"op_id": row.op_id, "seq": row.seq, "status": row.status, "reason": reason, "replayed": replayed}


class _Actors:
    """Who may be named as an op's actor; looked up once per request.

    A counter PC is shared: clerk A's offline work may be pushed while clerk B is logged in. So the
    actor need not be the caller, but must be an active user of this site (or an admin) who has
    logged in on this very device at some point (offline unlock needs that too). A device can thus
    never name a colleague who never used it, nor an admin it never saw, to borrow their role.
    """

    def __init__(self, caller: Principal, device_id: str) -> None:
        self.caller = caller
        self.device_id = device_id
        self.cache: dict[str, Role | None] = {}

    def role(self, conn: Connection, actor: str) -> Role | None:
        if actor not in self.cache:
            row = conn.execute(
                select(users.c.role, users.c.site_id, users.c.active).where(users.c.id == actor)
            ).first()
            ok = (
                row is not None
                and row.active
                and (row.site_id == self.caller.site_id or row.role == Role.ADMIN)
                and (actor == self.caller.user_id or self._used_this_device(conn, actor))
            )
            self.cache[actor] = Role(row.role) if ok and row is not None else None
        return self.cache[actor]

    def _used_this_device(self, conn: Connection, actor: str) -> bool:
        hit = conn.execute(
            select(tokens.c.id)
            .where(tokens.c.user_id == actor, tokens.c.device_id == self.device_id)
            .limit(1)
        ).first()
        return hit is not None


def _admit(
    conn: Connection, op: Operation, caller: Principal, actors: _Actors
) -> tuple[Role | None, tuple[str, str, str] | None]:
    """The actor's role if this device's site may do op, else the rejection."""
    spec = SPECS[op.type]
    if spec.site is not caller.site_kind:
        return None, (
            "rejected",
            "wrong_site",
            f"{op.type} is done at a {spec.site}, this device is at a {caller.site_kind}",
        )
    role = actors.role(conn, op.actor)
    if role is None:
        return None, ("rejected", "forbidden_role", f"actor {op.actor} is not staff of {caller.site_id}")
    expected = {SiteKind.PVZ: Role.CLERK, SiteKind.WAREHOUSE: Role.WAREHOUSE}.get(caller.site_kind)
    if role not in (expected, Role.ADMIN):
        return None, ("rejected", "forbidden_role", f"a {role} may not do {op.type}")
    return role, None


def _apply_one(
    ctx: AppContext, conn: Connection, raw: Mapping[str, Any], caller: Principal, actors: _Actors
) -> tuple[str, str | None, str | None]:
    """Apply one op inside the caller's transaction; return (status, reason code, reason message)."""
    try:
        op = Operation.from_wire(raw)
    except InvalidOperation as exc:
        code = exc.code if exc.code in ("unknown_type", "invalid_payload") else "invalid_payload"
        return "rejected", code, exc.message
    assert caller.site_id is not None
    role, rejection = _admit(conn, op, caller, actors)
    if role is None:
        assert rejection is not None
        return rejection
    octx = OpContext(ctx, conn, op, role, caller.site_id, caller.site_kind)
    savepoint = Savepoint(conn)
    try:
        HANDLERS[op.type](octx, op.payload)
    except Reject as exc:
        savepoint.rollback()
        return "rejected", exc.code, exc.message
    except (KeyError, TypeError, ValueError) as exc:
        savepoint.rollback()
        return "rejected", "invalid_payload", f"{op.type}: {exc}"
    savepoint.commit()
    return "applied", None, None


# ---- the batched path: runs of single-unit ops, checked in memory, written in a few statements ----
# The same checks as the handlers above (_move, _to_status, _found), run first for the whole run
# against the rows as the earlier ops of the run leave them. The run stops before the first op that
# any check would refuse (or that is not of these kinds); that op then goes through its handler in
# its own savepoint, so every rejection comes from the one place and leaves nothing behind.
_HANDLED_IN_BATCH = frozenset({OpType.MOVE_UNIT, OpType.MARK_MISSING, OpType.MARK_DAMAGED, OpType.FOUND_UNIT})
_BATCHED_TYPES = frozenset(str(t) for t in _HANDLED_IN_BATCH)
_BATCH_TARGET = {
    OpType.MARK_MISSING: UnitStatus.MISSING,
    OpType.MARK_DAMAGED: UnitStatus.DAMAGED,
    OpType.FOUND_UNIT: UnitStatus.ACCEPTED,
}


def _in_statement(what: str, n: int) -> Any:
    values: list[Any] = [bindparam(f"b_{i}") for i in range(n)]
    if what == "units.id":
        return select(units).where(units.c.id.in_(values))
    if what == "units.label":
        return select(units).where(units.c.label.in_(values))
    if what == "cells.id":
        return select(cells.c.id, cells.c.label, cells.c.site_id).where(cells.c.id.in_(values))
    if what == "cells.label":
        return select(cells.c.id, cells.c.label, cells.c.site_id).where(cells.c.label.in_(values))
    if what == "units.order_id":
        return select(units.c.order_id, units.c.status).where(units.c.order_id.in_(values))
    if what == "orders.id":
        return select(orders).where(orders.c.id.in_(values))
    if what == "op_results.op_id":
        return select(op_results).where(op_results.c.op_id.in_(values))
    if what == "op_results.seq":  # of one device
        return select(op_results).where(
            op_results.c.device_id == bindparam("b_device"), op_results.c.seq.in_(values)
        )
    raise ValueError(what)


@lru_cache(maxsize=128)
def _in_list(what: str, n: int) -> Fast:
    """The rows whose column is one of n values (n a power of two; callers pad with repeats)."""
    return Fast(_in_statement(what, n))


def _rows_in(conn: Connection, what: str, refs: Sequence[object], **params: Any) -> list[FastRow]:
    """Rows matching any of refs, in queries of at most 512 values."""
    rows: list[FastRow] = []
    for start in range(0, len(refs), 512):
        chunk = list(refs[start : start + 512])
        size = 1 << (len(chunk) - 1).bit_length()
        padded = chunk + [chunk[-1]] * (size - len(chunk))
        binds = {f"b_{i}": r for i, r in enumerate(padded)}
        rows.extend(_in_list(what, size).all(conn, {**params, **binds}))
    return rows


_SET_UNIT = Fast(
    update(units)
    .where(units.c.id == bindparam("b_unit"))
    .values(
        status=bindparam("b_status"), cell_id=bindparam("b_cell_id"), updated_at=bindparam("b_updated_at")
    )
)


def _load_units(conn: Connection, refs: list[str]) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """Unit refs (id, else label) -> unit id, and each unit's row as a dict."""
    ref_to_id: dict[str, str] = {}
    rows: dict[str, dict[str, Any]] = {}
    for found in _rows_in(conn, "units.id", refs):
        row = found._mapping
        ref_to_id[row["id"]] = row["id"]
        rows[row["id"]] = row
    by_label = [r for r in refs if r not in ref_to_id]
    for found in _rows_in(conn, "units.label", by_label):
        row = found._mapping
        ref_to_id[row["label"]] = row["id"]
        rows.setdefault(row["id"], row)
    return ref_to_id, rows


def _load_cells(conn: Connection, refs: list[str]) -> dict[str, tuple[str, str]]:
    """Cell refs (id, else label) -> (cell id, site id)."""
    found: dict[str, tuple[str, str]] = {}
    for row in _rows_in(conn, "cells.id", refs):
        found[row.id] = (str(row.id), str(row.site_id))
    by_label = [r for r in refs if r not in found]
    for row in _rows_in(conn, "cells.label", by_label):
        found[row.label] = (str(row.id), str(row.site_id))
    return found


def _apply_batched(
    ctx: AppContext, conn: Connection, run: Sequence[Mapping[str, Any]], caller: Principal, actors: _Actors
) -> int:
    """Apply the longest prefix of run that every check accepts; return its length (0: none)."""
    assert caller.site_id is not None
    site = caller.site_id
    ops: list[tuple[Operation, Role]] = []
    for raw in run:
        try:
            op = Operation.from_wire(raw)
        except InvalidOperation:
            break
        if op.type not in _HANDLED_IN_BATCH:
            break
        role, _ = _admit(conn, op, caller, actors)
        if role is None:
            break
        ops.append((op, role))
    if not ops:
        return 0
    ref_to_id, rows = _load_units(conn, list({str(op.payload["unit_id"]) for op, _ in ops}))
    cell_map = _load_cells(
        conn, list({str(op.payload["cell_id"]) for op, _ in ops if "cell_id" in op.payload})
    )
    now = ctx.now_iso()
    touched: dict[str, None] = {}  # unit ids, in order of their last change
    refresh: dict[str, None] = {}  # orders whose units changed status
    notes: list[dict[str, Any]] = []
    done = 0
    for op, role in ops:
        unit_id = ref_to_id.get(str(op.payload["unit_id"]))
        if unit_id is None:
            break
        row = rows[unit_id]
        owner = row["pvz_id"] if caller.site_kind is SiteKind.PVZ else row["warehouse_id"]
        if owner != site:
            break
        cell_id: str | None = None
        if op.type in (OpType.MOVE_UNIT, OpType.FOUND_UNIT):
            cell = cell_map.get(str(op.payload["cell_id"]))
            if cell is None or cell[1] != site:
                break
            cell_id = cell[0]
        if op.type is OpType.MOVE_UNIT:
            if row["status"] != UnitStatus.ACCEPTED:
                break
            status = row["status"]
        else:
            target = _BATCH_TARGET[op.type]
            try:
                check_transition(UnitStatus(row["status"]), target, role, caller.site_kind)
            except (IllegalTransition, ValueError):
                break
            status = str(target)
            refresh[row["order_id"]] = None
            if op.type is not OpType.FOUND_UNIT:
                notes.append(
                    {
                        "b_kind": str(op.type),
                        "b_site_id": site,
                        "b_ref": unit_id,
                        "b_op_id": op.op_id,
                        "b_actor": op.actor,
                        "b_data": dumps({"reason": op.payload["reason"]}),
                        "b_created_at": now,
                    }
                )
        row["status"], row["cell_id"], row["updated_at"] = status, cell_id, now
        touched.pop(unit_id, None)
        touched[unit_id] = None
        done += 1
    if not done:
        return 0
    _SET_UNIT.many(
        conn,
        [
            {"b_unit": u, "b_status": rows[u]["status"], "b_cell_id": rows[u]["cell_id"], "b_updated_at": now}
            for u in touched
        ],
    )
    publish_many(
        conn, [((rows[u]["pvz_id"], rows[u]["warehouse_id"]), "unit", u, unit_data(rows[u])) for u in touched]
    )
    _ADD_RECORD.many(conn, notes)
    _refresh_orders(ctx, conn, list(refresh))
    return done


_SET_ORDER = Fast(
    update(orders)
    .where(orders.c.id == bindparam("b_order"))
    .values(status=bindparam("b_status"), updated_at=bindparam("b_now"))
)


def _refresh_orders(ctx: AppContext, conn: Connection, order_ids: list[str]) -> None:
    """units.refresh_orders for many orders at once: re-derive each status from its units, write and
    publish the orders whose status changed."""
    if not order_ids:
        return
    states: dict[str, list[UnitStatus]] = {o: [] for o in order_ids}
    for row in _rows_in(conn, "units.order_id", order_ids):
        states[row.order_id].append(UnitStatus(row.status))
    now = ctx.now_iso()
    changed = []
    for row in _rows_in(conn, "orders.id", order_ids):
        status = str(order_status(states[row.id]))
        if row.status != status:
            changed.append({**row._mapping, "status": status, "updated_at": now})
    if changed:
        _SET_ORDER.many(conn, [{"b_order": o["id"], "b_status": o["status"], "b_now": now} for o in changed])
        publish_many(
            conn,
            [((o["pvz_id"], o["warehouse_id"]), "order", o["id"], order_data(FastRow(o))) for o in changed],
        )


def _precheck(ctx: AppContext, raw: Mapping[str, Any]) -> tuple[str, str] | None:
    """What refuses an op before any handler sees it: a payload over the size limit, a time far in the
    future. Such an op is rejected (it still takes its seq), and an oversized payload is not stored."""
    size = len(dumps(raw.get("payload")).encode())
    if size > MAX_PAYLOAD_BYTES:
        return "invalid_payload", f"the payload is {size} bytes, the limit is {MAX_PAYLOAD_BYTES}"
    created = raw.get("created_at")
    try:
        when = parse_iso(str(created))
    except (TypeError, ValueError):
        return "invalid_payload", f"created_at {str(created)[:40]!r} is not an ISO-8601 time"
    ahead = (when - ctx.clock.now()).total_seconds()
    if ahead > MAX_CLOCK_AHEAD_S:
        return "invalid_payload", (
            f"created_at is {ahead / 3600:.0f} h ahead of the server's clock: check the device's date and time"
        )
    return None


def _fresh_run(
    pending: deque[Mapping[str, Any]],
    last: int,
    known: Mapping[str, Any],
    limit: int,
    refused: Mapping[str, tuple[str, str]],
) -> list[Mapping[str, Any]]:
    """The ops at the head of pending that are new (next seqs, unknown op ids), of batched kinds and
    not refused up front."""
    run: list[Mapping[str, Any]] = []
    ids: set[str] = set()
    for raw in pending:
        if len(run) >= limit or raw.get("type") not in _BATCHED_TYPES:
            break
        op_id = str(raw["op_id"])
        if op_id in refused:
            break
        if int(raw["seq"]) != last + 1 + len(run) or op_id in known or op_id in ids:
            break
        ids.add(op_id)
        run.append(raw)
    return run


def push(
    ctx: AppContext, caller: Principal, device_id: str, ops: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    if caller.role not in SYNC_ROLES or caller.site_id is None or caller.site_kind is SiteKind.CENTRAL:
        raise ApiError(403, "forbidden", "sync is for staff of a pickup point or a warehouse")
    if caller.device_id != device_id:
        # only a token issued at a login on this device may push for it (services/devices.py)
        raise ApiError(403, "wrong_device", "the token was not issued for this device: log in on it")
    if len(ops) > MAX_OPS_PER_PUSH:
        raise ApiError(400, "too_many_ops", f"at most {MAX_OPS_PER_PUSH} ops in one push")
    for raw in ops:
        if raw.get("device_id") != device_id:
            raise ApiError(400, "invalid_request", "every op must carry the request's device_id")
    with ctx.db.read() as conn:
        dev = _DEVICE.first(conn, {"b_device": device_id})
        if dev is not None and dev.site_id != caller.site_id:
            raise ApiError(403, "wrong_device", "this device is registered at another site")
        last_seq = dev.last_seq if dev is not None else 0
        expected = last_seq + 1
        for raw in ops:
            seq = int(raw["seq"])
            if seq > expected:
                raise ApiError(409, "seq_gap", f"expected seq {expected}, got {seq}", expected_seq=expected)
            if seq == expected:
                expected += 1
        # replays first, in one read: ops whose seq the device has already used
        old = [int(raw["seq"]) for raw in ops if int(raw["seq"]) <= last_seq]
        stored_by_seq: dict[int, Any] = {
            r.seq: r for r in _rows_in(conn, "op_results.seq", old, b_device=device_id)
        }
        for raw in ops:
            taken = stored_by_seq.get(int(raw["seq"]))
            if taken is not None and taken.op_id != str(raw["op_id"]):
                raise _seq_conflict(int(raw["seq"]), taken.op_id)
        # ops the server knows under another (device, seq): looked up once, here (writers are serialised)
        fresh_ids = [str(raw["op_id"]) for raw in ops if int(raw["seq"]) > last_seq]
        stored_by_op: dict[str, Any] = {r.op_id: r for r in _rows_in(conn, "op_results.op_id", fresh_ids)}
    actors = _Actors(caller, device_id)
    refused = {str(raw["op_id"]): bad for raw in ops if (bad := _precheck(ctx, raw)) is not None}
    results: list[dict[str, Any]] = []
    pending = deque(ops)
    while pending:
        # a group of ops in one transaction, each op atomic with its result row (savepoint)
        with ctx.db.write() as conn:
            started = ctx.clock.monotonic()
            done_in_group = 0
            current = _DEVICE.first(conn, {"b_device": device_id})
            if current is not None and current.site_id != caller.site_id:
                raise ApiError(403, "wrong_device", "this device is registered at another site")
            last = current.last_seq if current is not None else 0
            new_device = current is None
            while pending and done_in_group < RUN_MAX_OPS:
                if done_in_group and ctx.clock.monotonic() - started > GROUP_MAX_SECONDS:
                    break
                run = _fresh_run(pending, last, stored_by_op, RUN_MAX_OPS - done_in_group, refused)
                done = _apply_batched(ctx, conn, run, caller, actors) if run else 0
                if done:
                    applied_at = ctx.now_iso()
                    rows = []
                    for raw in run[:done]:
                        pending.popleft()
                        seq, op_id = int(raw["seq"]), str(raw["op_id"])
                        rows.append(_result_params(raw, device_id, caller.site_id, "applied", None, None))
                        rows[-1]["b_applied_at"] = applied_at
                        results.append(
                            {
                                "op_id": op_id,
                                "seq": seq,
                                "status": "applied",
                                "reason": None,
                                "replayed": False,
                            }
                        )
                        stored_by_op[op_id] = FastRow(
                            {
                                "op_id": op_id,
                                "seq": seq,
                                "status": "applied",
                                "reason_code": None,
                                "reason_message": None,
                            }
                        )
                    _ADD_RESULT.many(conn, rows)
                    last += done
                    done_in_group += done
                    continue
                if done_in_group >= GROUP_MAX_OPS:
                    break
                raw = pending.popleft()
                seq, op_id = int(raw["seq"]), str(raw["op_id"])
                stored = stored_by_seq.get(seq) if seq <= last_seq else None
                if stored is None and seq <= last:
                    stored = _RESULT_BY_SEQ.first(conn, {"b_device": device_id, "b_seq": seq})
                if stored is not None and stored.op_id != op_id:  # taken meanwhile by another op
                    raise _seq_conflict(seq, stored.op_id)
                if stored is None:
                    stored = stored_by_op.get(op_id)
                    if stored is not None and seq == last + 1:  # same op under a new seq: it takes the seq
                        _set_last_seq(ctx, conn, device_id, caller.site_id, seq, new_device)
                        last, new_device = seq, False
                if stored is not None:
                    results.append(_result_json(stored, True))
                    continue
                if seq != last + 1:  # a concurrent push from the same device moved on meanwhile
                    raise ApiError(
                        409, "seq_gap", f"expected seq {last + 1}, got {seq}", expected_seq=last + 1
                    )
                if op_id in refused:
                    status, (code, message) = "rejected", refused[op_id]
                    if len(dumps(raw.get("payload")).encode()) > MAX_PAYLOAD_BYTES:
                        raw = dict(raw, payload={"_not_stored": "over the size limit"})
                else:
                    status, code, message = _apply_one(ctx, conn, raw, caller, actors)
                params = _result_params(raw, device_id, caller.site_id, status, code, message)
                params["b_applied_at"] = ctx.now_iso()
                _ADD_RESULT.run(conn, params).close()
                last = seq
                done_in_group += 1
                reason = {"code": code, "message": message} if code else None
                results.append(
                    {"op_id": op_id, "seq": seq, "status": status, "reason": reason, "replayed": False}
                )
                stored_by_op[op_id] = FastRow(
                    {
                        "op_id": op_id,
                        "seq": seq,
                        "status": status,
                        "reason_code": code,
                        "reason_message": message,
                    }
                )
            if done_in_group or new_device:
                _set_last_seq(ctx, conn, device_id, caller.site_id, last, new_device and last > 0)
    with ctx.db.read() as conn:
        final = _DEVICE.first(conn, {"b_device": device_id})
    return {"results": results, "last_seq": int(final.last_seq) if final is not None else 0}


def _seq_conflict(seq: int, stored_op_id: str) -> ApiError:
    return ApiError(
        409,
        "seq_conflict",
        f"seq {seq} of this device is already taken by op {stored_op_id}: the device's journal "
        "restarted; start a new device epoch (POST /api/v1/sync/epoch)",
        seq=seq,
        stored_op_id=stored_op_id,
    )


def _result_params(
    raw: Mapping[str, Any],
    device_id: str,
    site_id: str,
    status: str,
    code: str | None,
    message: str | None,
) -> dict[str, Any]:
    """The op_results row of an op (without applied_at)."""
    return {
        "b_op_id": str(raw["op_id"]),
        "b_device_id": device_id,
        "b_seq": int(raw["seq"]),
        "b_type": str(raw.get("type", ""))[:40],
        "b_actor": str(raw.get("actor", ""))[:26],
        "b_site_id": site_id,
        "b_status": status,
        "b_reason_code": code,
        "b_reason_message": message,
        "b_payload": dumps(raw.get("payload")),
        "b_created_at": str(raw.get("created_at", ""))[:30],
    }


def _set_last_seq(
    ctx: AppContext, conn: Connection, device_id: str, site_id: str, seq: int, new: bool
) -> None:
    if new:
        conn.execute(
            insert(devices).values(
                device_id=device_id, site_id=site_id, last_seq=seq, updated_at=ctx.now_iso()
            )
        )
    else:
        _SET_LAST_SEQ.run(conn, {"b_device": device_id, "b_seq": seq, "b_now": ctx.now_iso()}).close()


# ---- pull ----------------------------------------------------------------------------------------
def pull(ctx: AppContext, caller: Principal, cursor: str | None, limit: int) -> dict[str, Any]:
    if caller.role not in SYNC_ROLES or caller.site_id is None:
        raise ApiError(403, "forbidden", "sync is for staff of a pickup point or a warehouse")
    after = 0
    if cursor:
        if not (cursor.isascii() and cursor.isdigit() and len(cursor) <= 18):
            raise ApiError(400, "invalid_cursor", "the cursor is not one this server gave out")
        after = int(cursor)
    scope = changes.c.site_id.in_([caller.site_id, ALL_SITES])
    with ctx.db.read() as conn:
        rows = list(
            conn.execute(
                select(changes).where(scope, changes.c.id > after).order_by(changes.c.id).limit(limit + 1)
            )
        )
        page, has_more = rows[:limit], len(rows) > limit
        next_cursor = str(page[-1].id) if page else str(after)
        remaining = 0
        counts: dict[str, int] | None = None
        if has_more:
            remaining = conn.execute(
                select(func.count()).select_from(changes).where(scope, changes.c.id > page[-1].id)
            ).scalar_one()
        else:
            counts = {
                r.entity: int(r.n)
                for r in conn.execute(
                    select(changes.c.entity, func.count().label("n"))
                    .where(scope, changes.c.op == "upsert")
                    .group_by(changes.c.entity)
                )
            }
    return {
        "changes": [
            {"entity": r.entity, "id": r.entity_id, "op": r.op, "data": json.loads(r.data)} for r in page
        ],
        "next_cursor": next_cursor,
        "has_more": has_more,
        "remaining": int(remaining),
        "counts": counts,
    }
