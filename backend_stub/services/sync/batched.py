"""The batched path of push: runs of new single-unit ops, checked in memory, written in a few statements.
Runs of count.record (a terminal's cycle counts) take it too (apply_counts).

An op type qualifies when its Plan (shared/domain/operations.py) resolves only a unit and perhaps a
cell of this site, and moves the unit to a target (checked against the domain table) or requires a
status, writing at most its cell: today unit.move, unit.missing, unit.damaged and unit.found. The
whole run is first checked against the unit and cell rows as the earlier ops of the run leave them,
with the same checks the plan runs in handlers.run_plan; the run stops before the first op any check
would refuse (or of another kind), and that op then takes the handler path in its own savepoint, so
every rejection comes from the one place and leaves nothing behind.
tests/unit/test_backend_sync_batched.py checks that both paths give the same answers and state.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, update

from shared.domain import (
    SPECS,
    IllegalTransition,
    InvalidOperation,
    Operation,
    OpSpec,
    OpType,
    Role,
    SiteKind,
    UnitStatus,
    check_transition,
    order_status,
)
from shared.domain.operations import Plan

from ...context import AppContext, dumps
from ...db import Bulk, Fast, FastRow, orders, records, units
from ..auth import Principal
from ..changes import FeedItem, order_data, unit_data
from .opcontext import Actors, admit
from .queries import rows_in
from .shorts import COUNT_DONE, location_data

# A run of batched single-unit ops costs a few statements in all, not a few per op: 250 of them take
# about 10-15 ms on two shared cores, so a group may hold that many.
RUN_MAX_OPS = 250


def batchable(spec: OpSpec) -> bool:
    """Whether ops of this type can take the batched path (see the module's docstring)."""
    plan = spec.plan
    return (
        plan is not None
        and plan.unit is not None
        and plan.box is None
        and plan.task is None
        and plan.location is None
        and plan.target_by is None
        and (plan.target is not None or bool(plan.requires))
        and set(plan.sets) <= {"cell_id"}
        and (plan.cell is not None or plan.sets.get("cell_id") is None)
    )


_HANDLED_IN_BATCH = frozenset(t for t, spec in SPECS.items() if batchable(spec))
_BATCHED_TYPES = frozenset(str(t) for t in _HANDLED_IN_BATCH)
# count.record: a record and the location's open count task done (shorts.count), for a whole run
_COUNT_TYPES = frozenset({str(OpType.COUNT)})


_SET_UNIT = Bulk("update", units, ["status", "cell_id", "updated_at"], key=["id"], params={"id": "b_unit"})
# a PVZ's run touches its own units only (their pvz_id, the partition key, is the site's)
_SET_PVZ_UNIT = Bulk(
    "update", units, ["status", "cell_id", "updated_at"], key=["id"], params={"id": "b_unit"}, scope="pvz_id"
)


def _load_units(
    conn: Connection, refs: list[str], pvz: str | None
) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """Unit refs (id, else label) -> unit id, and each unit's row as a dict; with `pvz`, that PVZ's
    units only (another's would be refused anyway: its op then takes the handler path)."""
    ref_to_id: dict[str, str] = {}
    rows: dict[str, dict[str, Any]] = {}
    scope, at = ("@pvz", {"b_pvz": pvz}) if pvz is not None else ("", {})
    for found in rows_in(conn, "units.id" + scope, refs, **at):
        row = found._mapping
        ref_to_id[row["id"]] = row["id"]
        rows[row["id"]] = row
    by_label = [r for r in refs if r not in ref_to_id]
    for found in rows_in(conn, "units.label" + scope, by_label, **at):
        row = found._mapping
        ref_to_id[row["label"]] = row["id"]
        rows.setdefault(row["id"], row)
    return ref_to_id, rows


def _load_cells(conn: Connection, refs: list[str]) -> dict[str, tuple[str, str]]:
    """Cell refs (id, else label) -> (cell id, site id)."""
    found: dict[str, tuple[str, str]] = {}
    for row in rows_in(conn, "cells.id", refs):
        found[row.id] = (str(row.id), str(row.site_id))
    by_label = [r for r in refs if r not in found]
    for row in rows_in(conn, "cells.label", by_label):
        found[row.label] = (str(row.id), str(row.site_id))
    return found


def apply_batched(
    ctx: AppContext,
    conn: Connection,
    run: Sequence[Mapping[str, Any]],
    caller: Principal,
    actors: Actors,
    feed: list[FeedItem],
) -> int:
    """Apply the longest prefix of run that every check accepts; return its length (0: none).

    The units and orders a run changed go into `feed` (publish_many's items), for the caller to
    publish at the end of its transaction: the feed's turn (database.feed_turn) is then held for the
    feed rows and the commit only, not for the rest of the group's statements."""
    if run and run[0].get("type") in _COUNT_TYPES:
        return apply_counts(ctx, conn, run, caller, actors, feed)
    return _apply_unit_run(ctx, conn, run, caller, actors, feed)


# a run's records (unit notes, counts) in one statement on PostgreSQL
_ADD_RECORDS = Bulk("insert", records, ["kind", "site_id", "ref", "op_id", "actor", "data", "created_at"])


def apply_counts(
    ctx: AppContext,
    conn: Connection,
    run: Sequence[Mapping[str, Any]],
    caller: Principal,
    actors: Actors,
    feed: list[FeedItem],
) -> int:
    """A run of count.record as shorts.count does each: the count noted as a record, and each
    counted location's open count task done (the location, as it is now, into `feed`). The run
    stops before the first op a check would refuse, which then takes the handler path for its
    rejection."""
    site = caller.site_id
    assert site is not None
    ops: list[Operation] = []
    for raw in run:
        try:
            op = Operation.from_wire(raw)
        except InvalidOperation:
            break
        if str(op.type) not in _COUNT_TYPES or admit(conn, op, caller, actors)[0] is None:
            break
        ops.append(op)
    refs = list({str(op.payload["location_id"]) for op in ops})
    found: dict[str, tuple[str, str]] = {r.id: (r.id, r.site_id) for r in rows_in(conn, "locations.id", refs)}
    by_label = [r for r in refs if r not in found]
    found |= {r.label: (r.id, r.site_id) for r in rows_in(conn, "locations.label", by_label)}
    now = ctx.now_iso()
    notes: list[dict[str, Any]] = []
    counted: dict[str, None] = {}  # locations, in order
    for op in ops:
        location = found.get(str(op.payload["location_id"]))
        if location is None or location[1] != site:
            break
        notes.append(
            {
                "b_kind": str(op.type),
                "b_site_id": site,
                "b_ref": location[0],
                "b_op_id": op.op_id,
                "b_actor": op.actor,
                "b_data": dumps({"counted": op.payload["counted"]}),
                "b_created_at": now,
            }
        )
        counted[location[0]] = None
    if not notes:
        return 0
    _ADD_RECORDS.run(conn, notes)
    # open count tasks are few (a short pick opens one): done one location at a time
    open_ = {str(r.location_id) for r in rows_in(conn, "count_tasks.open@location", list(counted))}
    for location_id in counted:
        if location_id in open_:
            COUNT_DONE.run(conn, {"b_location": location_id, "b_now": now}).close()
            data = location_data(conn, location_id)
            if data is not None:
                feed.append(([str(data["site_id"])], "location", location_id, data))
    return len(notes)


def _apply_unit_run(
    ctx: AppContext,
    conn: Connection,
    run: Sequence[Mapping[str, Any]],
    caller: Principal,
    actors: Actors,
    feed: list[FeedItem],
) -> int:
    assert caller.site_id is not None
    site = caller.site_id
    ops: list[tuple[Operation, Role, Plan]] = []
    for raw in run:
        try:
            op = Operation.from_wire(raw)
        except InvalidOperation:
            break
        if op.type not in _HANDLED_IN_BATCH:
            break
        role, _ = admit(conn, op, caller, actors)
        if role is None:
            break
        plan = SPECS[op.type].plan
        assert plan is not None and plan.unit is not None
        ops.append((op, role, plan))
    if not ops:
        return 0
    pvz = site if caller.site_kind is SiteKind.PVZ else None
    ref_to_id, rows = _load_units(
        conn, list({str(op.payload[plan.unit]) for op, _, plan in ops if plan.unit}), pvz
    )
    cell_map = _load_cells(conn, list({str(op.payload[plan.cell]) for op, _, plan in ops if plan.cell}))
    now = ctx.now_iso()
    touched: dict[str, None] = {}  # unit ids, in order of their last change
    refresh: dict[str, None] = {}  # orders whose units changed status
    notes: list[dict[str, Any]] = []
    done = 0
    for op, role, plan in ops:
        unit_id = ref_to_id.get(str(op.payload[plan.unit])) if plan.unit else None
        if unit_id is None:
            break
        row = rows[unit_id]
        owner = row["pvz_id"] if caller.site_kind is SiteKind.PVZ else row["warehouse_id"]
        if owner != site:
            break
        cell_id: str | None = row["cell_id"]
        if plan.cell is not None:
            cell = cell_map.get(str(op.payload[plan.cell]))
            if cell is None or cell[1] != site:
                break
            if "cell_id" in plan.sets:
                cell_id = cell[0]
        elif "cell_id" in plan.sets:
            cell_id = None
        if plan.requires and row["status"] not in plan.requires:
            break
        status = row["status"]
        if plan.target is not None:
            try:
                check_transition(UnitStatus(row["status"]), plan.target, role, caller.site_kind)
            except (IllegalTransition, ValueError):
                break
            status = str(plan.target)
            refresh[row["order_id"]] = None
        if plan.note is not None:
            notes.append(
                {
                    "b_kind": str(op.type),
                    "b_site_id": site,
                    "b_ref": unit_id,
                    "b_op_id": op.op_id,
                    "b_actor": op.actor,
                    "b_data": dumps({k: op.payload[k] for k in plan.note}),
                    "b_created_at": now,
                }
            )
        row["status"], row["cell_id"], row["updated_at"] = status, cell_id, now
        touched.pop(unit_id, None)
        touched[unit_id] = None
        done += 1
    if not done:
        return 0
    changed = [
        {"b_unit": u, "b_status": rows[u]["status"], "b_cell_id": rows[u]["cell_id"], "b_updated_at": now}
        for u in touched
    ]
    if pvz is not None:
        _SET_PVZ_UNIT.run(conn, changed, scope_value=pvz)
    else:
        _SET_UNIT.run(conn, changed)
    feed.extend(
        ((rows[u]["pvz_id"], rows[u]["warehouse_id"]), "unit", u, unit_data(rows[u])) for u in touched
    )
    _ADD_RECORDS.run(conn, notes)
    _refresh_orders(ctx, conn, list(refresh), feed)
    return done


_SET_ORDER = Fast(
    update(orders)
    .where(orders.c.id == bindparam("b_order"))
    .values(status=bindparam("b_status"), updated_at=bindparam("b_now"))
)


def _refresh_orders(ctx: AppContext, conn: Connection, order_ids: list[str], feed: list[FeedItem]) -> None:
    """units.refresh_orders for many orders at once: re-derive each status from its units, write the
    orders whose status changed and add them to `feed`."""
    if not order_ids:
        return
    states: dict[str, list[UnitStatus]] = {o: [] for o in order_ids}
    for row in rows_in(conn, "units.order_id", order_ids):
        states[row.order_id].append(UnitStatus(row.status))
    now = ctx.now_iso()
    changed = []
    for row in rows_in(conn, "orders.id", order_ids):
        status = str(order_status(states[row.id]))
        if row.status != status:
            changed.append({**row._mapping, "status": status, "updated_at": now})
    if changed:
        _SET_ORDER.many(conn, [{"b_order": o["id"], "b_status": o["status"], "b_now": now} for o in changed])
        feed.extend(
            ((o["pvz_id"], o["warehouse_id"]), "order", o["id"], order_data(FastRow(o))) for o in changed
        )


def fresh_run(
    pending: deque[Mapping[str, Any]],
    last: int,
    known: Mapping[str, Any],
    limit: int,
    refused: Mapping[str, tuple[str, str]],
) -> list[Mapping[str, Any]]:
    """The ops at the head of pending that are new (next seqs, unknown op ids), of one batched family
    (single-unit ops, or counts) and not refused up front."""
    run: list[Mapping[str, Any]] = []
    ids: set[str] = set()
    family = next(
        (k for k in (_BATCHED_TYPES, _COUNT_TYPES) if pending and pending[0].get("type") in k), None
    )
    for raw in pending:
        if family is None or len(run) >= limit or raw.get("type") not in family:
            break
        op_id = str(raw["op_id"])
        if op_id in refused:
            break
        if int(raw["seq"]) != last + 1 + len(run) or op_id in known or op_id in ids:
            break
        ids.add(op_id)
        run.append(raw)
    return run
