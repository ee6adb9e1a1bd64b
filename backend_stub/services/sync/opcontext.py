"""One operation being applied on the server: its context (connection, actor's role, device's site),
the lookups every handler shares (each checks the row belongs to the device's site), the unit move
that always goes through the domain transition table, and who may be named as an op's actor."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select

from shared.domain import SPECS, IllegalTransition, Operation, Role, SiteKind, UnitStatus

from ...context import AppContext, dumps
from ...db import Fast, boxes, cells, locations, records, tokens, units, users
from ..auth import Principal
from ..units import move_units

SYNC_ROLES = (Role.CLERK, Role.WAREHOUSE, Role.ADMIN)

_UNIT_BY_ID = Fast(select(units).where(units.c.id == bindparam("b_ref")))
_UNIT_BY_LABEL = Fast(select(units).where(units.c.label == bindparam("b_ref")))
_CELL_BY_ID = Fast(select(cells.c.id, cells.c.site_id).where(cells.c.id == bindparam("b_ref")))
_CELL_BY_LABEL = Fast(select(cells.c.id, cells.c.site_id).where(cells.c.label == bindparam("b_ref")))
_LOCATION_BY_ID = Fast(
    select(locations.c.id, locations.c.site_id).where(locations.c.id == bindparam("b_ref"))
)
_LOCATION_BY_LABEL = Fast(
    select(locations.c.id, locations.c.site_id).where(locations.c.label == bindparam("b_ref"))
)
ADD_RECORD = Fast(
    insert(records).values(
        {c: bindparam("b_" + c) for c in ("kind", "site_id", "ref", "op_id", "actor", "data", "created_at")}
    )
)


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
        row = _LOCATION_BY_ID.first(self.conn, {"b_ref": ref})
        if row is None:
            row = _LOCATION_BY_LABEL.first(self.conn, {"b_ref": ref})
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
        ADD_RECORD.run(
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


Handler = Callable[[OpContext, Mapping[str, Any]], None]


class Actors:
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


def admit(
    conn: Connection, op: Operation, caller: Principal, actors: Actors
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
