"""Local, optimistic effects of each operation type on the store's tables.

An operation with a Plan in shared/domain/operations.py runs it here (``_planned``); only the
composite operations have a hand-written effect (``COMPOSITE``).

``apply_effects`` runs inside the journal transaction: it first checks everything (raising
InvalidOperation or IllegalTransition, so the caller rolls back and nothing is written), then writes.
The backend stays authoritative; these rules only keep the screens truthful while offline.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from shared.domain import (
    SPECS,
    BoxKind,
    OpType,
    SiteKind,
    UnitStatus,
    check_transition,
    utc_iso,
)
from shared.domain.operations import SKIP_REASONS, Operation, Plan

from .errors import refused
from .models import Actor, ChangeSet


@dataclass
class Effect:
    changes: ChangeSet = field(default_factory=ChangeSet)
    touched_units: set[str] = field(default_factory=set)


class _Ctx:
    def __init__(self, db: sqlite3.Connection, op: Operation, actor: Actor) -> None:
        self.db = db
        self.op = op
        self.p: Mapping[str, Any] = op.payload
        self.actor = actor
        self.when = utc_iso(op.created_at)
        self.effect = Effect()
        self.units: dict[str, sqlite3.Row] = {}

    # ---- reads and checks -------------------------------------------------------------------
    def unit(self, unit_id: str) -> sqlite3.Row:
        row = self.units.get(unit_id)
        if row is None:
            row = self.db.execute("SELECT * FROM units WHERE id = ?", (unit_id,)).fetchone()
            if row is None:
                raise refused("unknown_unit", unit=unit_id)
            self.units[unit_id] = row
        return row

    def box(self, box_id: str) -> sqlite3.Row:
        row: sqlite3.Row | None = self.db.execute("SELECT * FROM boxes WHERE id = ?", (box_id,)).fetchone()
        if row is None:
            raise refused("unknown_box", box=box_id)
        return row

    def cell(self, cell_id: str) -> sqlite3.Row:
        row: sqlite3.Row | None = self.db.execute("SELECT * FROM cells WHERE id = ?", (cell_id,)).fetchone()
        if row is None:
            raise refused("unknown_cell", cell=cell_id)
        if row["site_id"] and row["site_id"] != self.actor.site_id:
            raise refused("wrong_site", cell=cell_id)
        return row

    def location(self, location_id: str) -> sqlite3.Row:
        row: sqlite3.Row | None = self.db.execute(
            "SELECT * FROM locations WHERE id = ?", (location_id,)
        ).fetchone()
        if row is None:
            raise refused("unknown_location", location=location_id)
        return row

    def task_unit(self, task_id: str, unit_id: str) -> None:
        if self.db.execute("SELECT 1 FROM tasks WHERE id = ?", (task_id,)).fetchone() is None:
            raise refused("unknown_task", task=task_id)
        hit = self.db.execute(
            "SELECT 1 FROM task_units WHERE task_id = ? AND unit_id = ?", (task_id, unit_id)
        ).fetchone()
        if hit is None:
            raise refused("not_in_task", unit=unit_id, task=task_id)

    def at_my_pvz(self, unit_id: str) -> None:
        row = self.unit(unit_id)
        if row["pvz_id"] and row["pvz_id"] != self.actor.site_id:
            raise refused("wrong_site", unit=row["label"] or unit_id)

    # ---- writes -----------------------------------------------------------------------------
    def set_unit(self, unit_id: str, **cols: Any) -> None:
        row = self.unit(unit_id)
        sets = ", ".join(f"{k} = ?" for k in cols)
        self.db.execute(f"UPDATE units SET {sets} WHERE id = ?", (*cols.values(), unit_id))
        ch = self.effect.changes
        ch.units.add(unit_id)
        ch.orders.add(row["order_id"])
        for key in ("cell_id", "box_id"):
            if row[key]:
                (ch.cells if key == "cell_id" else ch.boxes).add(row[key])
        if cols.get("cell_id"):
            ch.cells.add(cols["cell_id"])
        if cols.get("box_id"):
            ch.boxes.add(cols["box_id"])
        for (task_id,) in self.db.execute("SELECT task_id FROM task_units WHERE unit_id = ?", (unit_id,)):
            ch.tasks.add(task_id)
        self.effect.touched_units.add(unit_id)


def _accept(c: _Ctx) -> None:
    uid = c.p["unit_id"]
    c.at_my_pvz(uid)
    c.cell(c.p["cell_id"])
    row = c.unit(uid)
    if row["box_id"] and row["box_id"] != c.p["box_id"]:
        raise refused("wrong_box", unit=row["label"] or uid, box=row["box_id"])
    c.set_unit(uid, status=UnitStatus.ACCEPTED.value, cell_id=c.p["cell_id"], accepted_at=c.when)


def _surplus(c: _Ctx) -> None:
    c.box(c.p["box_id"])
    c.db.execute(
        "INSERT INTO surplus (box_id, label, op_id, recorded_at) VALUES (?, ?, ?, ?)",
        (c.p["box_id"], c.p["label"], c.op.op_id, c.when),
    )
    c.effect.changes.boxes.add(c.p["box_id"])


def _close_acceptance(c: _Ctx) -> None:
    c.box(c.p["box_id"])
    c.db.execute("UPDATE boxes SET acceptance_closed = 1 WHERE id = ?", (c.p["box_id"],))
    c.effect.changes.boxes.add(c.p["box_id"])


def _pickup(c: _Ctx) -> None:
    ids = [str(u) for u in c.p["issued"]] + [str(r["unit_id"]) for r in c.p["refused"]]
    for uid in ids:
        c.at_my_pvz(uid)
        if c.unit(uid)["order_id"] != c.p["order_id"]:
            raise refused("wrong_order", unit=c.unit(uid)["label"] or uid)
    for uid in c.p["issued"]:
        c.set_unit(str(uid), status=UnitStatus.ISSUED.value, cell_id=None)
    for r in c.p["refused"]:
        c.set_unit(str(r["unit_id"]), status=UnitStatus.REFUSED.value)


def _return_open(c: _Ctx) -> None:
    if c.db.execute("SELECT 1 FROM boxes WHERE id = ?", (c.p["box_id"],)).fetchone() is not None:
        raise refused("box_exists", box=c.p["box_id"])
    c.db.execute(
        "INSERT INTO boxes (id, kind, origin_site_id, destination_site_id, local_only) VALUES (?, ?, ?, '', 1)",
        (c.p["box_id"], BoxKind.RETURN.value, c.actor.site_id),
    )
    c.effect.changes.boxes.add(c.p["box_id"])


def _open_box(c: _Ctx, box_id: str, kind: BoxKind) -> sqlite3.Row:
    box = c.box(box_id)
    if box["kind"] != kind.value:
        raise refused("wrong_box_kind", box=box_id, kind=kind.value)
    if box["closed"]:
        raise refused("box_closed", box=box_id)
    return box


def _close_box(c: _Ctx, kind: BoxKind) -> None:
    box_id = c.p["box_id"]
    _open_box(c, box_id, kind)
    n = c.db.execute("SELECT count(*) FROM units WHERE box_id = ?", (box_id,)).fetchone()[0]
    if n == 0:
        raise refused("box_empty", box=box_id)
    c.db.execute("UPDATE boxes SET closed = 1 WHERE id = ?", (box_id,))
    c.effect.changes.boxes.add(box_id)


def _return_close(c: _Ctx) -> None:
    _close_box(c, BoxKind.RETURN)


def _handover(c: _Ctx) -> None:
    boxes = [str(b) for b in c.p["box_ids"]]
    for b in boxes:
        row = c.box(b)
        if not row["closed"]:
            raise refused("box_open", box=b)
    for uid in c.p["unit_ids"]:
        if c.unit(str(uid))["box_id"] not in boxes:
            raise refused("not_in_box", unit=uid)
    for uid in c.p["unit_ids"]:
        c.set_unit(str(uid), status=UnitStatus.RETURN_SHIPPED.value)
    for b in boxes:
        c.db.execute("UPDATE boxes SET handed_over = 1 WHERE id = ?", (b,))
        c.effect.changes.boxes.add(b)


def _pack_open(c: _Ctx) -> None:
    row = c.db.execute("SELECT * FROM boxes WHERE id = ?", (c.p["box_id"],)).fetchone()
    if row is not None:
        raise refused("box_exists", box=c.p["box_id"])
    c.db.execute(
        "INSERT INTO boxes (id, kind, origin_site_id, destination_site_id, local_only) VALUES (?, ?, ?, ?, 1)",
        (c.p["box_id"], BoxKind.FORWARD.value, c.actor.site_id, c.p["pvz_id"]),
    )
    c.effect.changes.boxes.add(c.p["box_id"])


def _pack_close(c: _Ctx) -> None:
    _close_box(c, BoxKind.FORWARD)


def _route_add(c: _Ctx) -> None:
    box = c.box(c.p["box_id"])
    if not box["closed"]:
        raise refused("box_open", box=c.p["box_id"])
    if box["destination_site_id"] and box["destination_site_id"] != c.p["pvz_id"]:
        raise refused("wrong_destination", box=c.p["box_id"], goes=box["destination_site_id"])
    route = c.db.execute("SELECT * FROM routes WHERE id = ?", (c.p["route_id"],)).fetchone()
    if route is None:
        c.db.execute(
            "INSERT INTO routes (id, origin_site_id, destination_site_id, local_only) VALUES (?, ?, ?, 1)",
            (c.p["route_id"], c.actor.site_id, c.p["pvz_id"]),
        )
    elif route["closed"]:
        raise refused("route_closed", route=c.p["route_id"])
    elif route["destination_site_id"] and route["destination_site_id"] != c.p["pvz_id"]:
        raise refused("wrong_destination", route=c.p["route_id"], goes=route["destination_site_id"])
    c.db.execute("UPDATE boxes SET route_id = ? WHERE id = ?", (c.p["route_id"], c.p["box_id"]))
    c.effect.changes.boxes.add(c.p["box_id"])
    c.effect.changes.routes.add(c.p["route_id"])


def _route_close(c: _Ctx) -> None:
    route = c.db.execute("SELECT * FROM routes WHERE id = ?", (c.p["route_id"],)).fetchone()
    if route is None:
        raise refused("unknown_route", route=c.p["route_id"])
    if route["closed"]:
        raise refused("route_closed", route=c.p["route_id"])
    if "seals" in c.p:  # a seal for each box on the route, and only those
        on_route = {r[0] for r in c.db.execute("SELECT id FROM boxes WHERE route_id = ?", (c.p["route_id"],))}
        if set(c.p["seals"]) != on_route:
            raise refused("seal_required", route=c.p["route_id"])
    for uid in c.p["unit_ids"]:
        c.set_unit(str(uid), status=UnitStatus.SHIPPED.value)
    c.db.execute("UPDATE routes SET closed = 1 WHERE id = ?", (c.p["route_id"],))
    c.effect.changes.routes.add(c.p["route_id"])


def _return_receive(c: _Ctx) -> None:
    row = c.unit(c.p["unit_id"])
    if row["box_id"] and row["box_id"] != c.p["box_id"]:
        raise refused("wrong_box", unit=row["label"] or row["id"], box=row["box_id"])
    c.set_unit(c.p["unit_id"], status=UnitStatus.RETURNED.value, box_id=c.p["box_id"])


def _receipt_close(c: _Ctx) -> None:
    for uid in c.p["missing"]:
        c.set_unit(str(uid), status=UnitStatus.MISSING.value)
    if c.db.execute("SELECT 1 FROM boxes WHERE id = ?", (c.p["box_id"],)).fetchone() is not None:
        c.db.execute("UPDATE boxes SET acceptance_closed = 1 WHERE id = ?", (c.p["box_id"],))
    c.effect.changes.boxes.add(c.p["box_id"])


def _shift_open(c: _Ctx) -> None:
    c.db.execute(
        "INSERT INTO kv (key, value) VALUES ('shift.current', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (c.p["shift_id"],),
    )


def _shift_close(c: _Ctx) -> None:
    c.db.execute("DELETE FROM kv WHERE key = 'shift.current'")


def _pick_skip(c: _Ctx) -> None:
    """A short pick, optimistically as the server does it (backend_stub/services/sync/shorts.py):
    the unit goes MISSING or DAMAGED; "not_found" marks its location to count; the first free unit
    of the SKU elsewhere (CANCELLED, on a shelf, no box; by location, then id) joins the task."""
    task_id, unit_id, reason = str(c.p["task_id"]), str(c.p["unit_id"]), str(c.p["reason"])
    c.task_unit(task_id, unit_id)
    row = c.unit(unit_id)
    c.set_unit(unit_id, status=SKIP_REASONS[reason].value)
    where = row["location_id"]
    if reason == "not_found" and where:
        due = {"id": "", "reason": "short_pick", "sku": row["sku"], "since": c.when}
        c.db.execute(
            "UPDATE locations SET data = json_set(data, '$.count_task', json(?)) "
            "WHERE id = ? AND json_extract(data, '$.count_task') IS NULL",
            (json.dumps(due), where),
        )
        c.effect.changes.locations.add(where)
    spare = c.db.execute(
        "SELECT id FROM units WHERE sku = ? AND status = ? AND location_id IS NOT NULL AND box_id IS NULL "
        "AND location_id != ? ORDER BY location_id, id LIMIT 1",
        (row["sku"], UnitStatus.CANCELLED.value, where or ""),
    ).fetchone()
    if spare is None:
        return
    c.set_unit(
        spare["id"],
        status=UnitStatus.PAID.value,
        order_id=row["order_id"],
        pvz_id=row["pvz_id"],
        customer_id=row["customer_id"],
        cell_id=None,
    )
    c.db.execute(
        "INSERT INTO task_units (task_id, position, unit_id) "
        "SELECT ?, COALESCE(MAX(position), -1) + 1, ? FROM task_units WHERE task_id = ?",
        (task_id, spare["id"], task_id),
    )
    c.effect.changes.tasks.add(task_id)
    c.effect.changes.orders.add(row["order_id"])


def _count(c: _Ctx) -> None:
    """A cycle count: the location must be known; its count task is done."""
    where = str(c.p["location_id"])
    c.location(where)
    c.db.execute("UPDATE locations SET data = json_remove(data, '$.count_task') WHERE id = ?", (where,))
    c.effect.changes.locations.add(where)


def _label_reprint(c: _Ctx) -> None:
    """A label printed again: the box or unit must be known here; nothing else changes."""
    code = str(c.p["code"])
    if c.p["kind"] == "box":
        c.box(code)
        return
    hit = c.db.execute("SELECT id FROM units WHERE label = ?", (code,)).fetchone()
    c.unit(hit["id"] if hit is not None else code)  # refuses a unit unknown here


def _planned(c: _Ctx, plan: Plan) -> None:
    """Run an operation's declared plan against the local mirror (shared/domain/operations.py)."""
    p = c.p
    resolved: dict[str, Any] = {}
    box: sqlite3.Row | None = None
    if plan.task is not None and plan.unit is not None:
        c.task_unit(p[plan.task], p[plan.unit])
    if plan.box is not None:
        ref = plan.box
        box = _open_box(c, p[ref.field], ref.kind) if ref.open_here else c.box(p[ref.field])
        resolved["box"] = box["id"]
    row: sqlite3.Row | None = None
    if plan.unit is not None:
        uid = p[plan.unit]
        if c.actor.site_kind is SiteKind.PVZ:
            c.at_my_pvz(uid)
        row = c.unit(uid)
        goes = box["destination_site_id"] if box is not None else None
        if (
            plan.box is not None
            and plan.box.same_destination
            and goes
            and row["pvz_id"] not in ("", None, goes)
        ):
            raise refused(
                "wrong_destination", unit=row["label"] or row["id"], unit_goes=row["pvz_id"], goes=goes
            )
        if plan.requires and row["status"] not in plan.requires:
            raise refused(plan.refusal, unit=row["label"] or uid, status=row["status"])
    if plan.cell is not None:
        c.cell(p[plan.cell])
        resolved["cell"] = p[plan.cell]
    if plan.location is not None:
        c.location(p[plan.location])
        resolved["location"] = p[plan.location]
    if row is None:  # an op about a place, not a unit: the screens showing it refresh
        ch = c.effect.changes
        if "cell" in resolved:
            ch.cells.add(resolved["cell"])
        if "location" in resolved:
            ch.locations.add(resolved["location"])
        if "box" in resolved:
            ch.boxes.add(resolved["box"])
        return
    cols: dict[str, Any] = {}
    target = plan.target_for(p)
    if target is not None:
        cols["status"] = target.value
        if target is UnitStatus.ACCEPTED:
            cols["accepted_at"] = row["accepted_at"] or c.when
    for column, ref_name in plan.sets.items():
        cols[column] = None if ref_name is None else resolved[ref_name]
    if cols:
        c.set_unit(row["id"], **cols)


# Composite operations: hand-written here and in the backend's services/sync/handlers.py. Every
# other operation type runs its Plan (_planned); tests/unit/test_operation_plans.py checks each type
# has exactly one of the two.
COMPOSITE: dict[OpType, Callable[[_Ctx], None]] = {
    OpType.SHIFT_OPEN: _shift_open,
    OpType.SHIFT_CLOSE: _shift_close,
    OpType.ACCEPT_UNIT: _accept,
    OpType.RECORD_SURPLUS: _surplus,
    OpType.CLOSE_ACCEPTANCE: _close_acceptance,
    OpType.COMPLETE_PICKUP: _pickup,
    OpType.RETURN_OPEN: _return_open,
    OpType.RETURN_CLOSE: _return_close,
    OpType.RETURN_HANDOVER: _handover,
    OpType.PACK_OPEN: _pack_open,
    OpType.PACK_CLOSE: _pack_close,
    OpType.ROUTE_ADD_BOX: _route_add,
    OpType.ROUTE_CLOSE: _route_close,
    OpType.RETURN_RECEIVE: _return_receive,
    OpType.RETURN_RECEIPT_CLOSE: _receipt_close,
    OpType.PICK_SKIP: _pick_skip,
    OpType.COUNT: _count,
    OpType.LABEL_REPRINT: _label_reprint,
}


def apply_effects(db: sqlite3.Connection, op: Operation, actor: Actor) -> Effect:
    """Check the op against local state and apply its effect; raise (and write nothing usable) if not allowed."""
    spec = SPECS[op.type]
    if spec.site is not actor.site_kind:
        raise refused("wrong_site", op=op.type.value, site=spec.site.value)
    ctx = _Ctx(db, op, actor)
    # Every unit transition the op declares is checked against the one domain table first.
    for unit_id, target in op.effects():
        row = ctx.unit(unit_id)
        check_transition(UnitStatus(row["status"]), target, actor.role, actor.site_kind)
    if spec.plan is not None:
        _planned(ctx, spec.plan)
    else:
        COMPOSITE[op.type](ctx)
    ctx.effect.changes.journal = True
    return ctx.effect
