"""Operations: the unit of offline work, journalled locally and pushed to the backend exactly once.

Each operation type declares its payload fields and which unit transitions it makes. The backend
(authoritative) and the apps' journal (optimistic) both read this one table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from .clock import parse_iso, utc_iso
from .states import SiteKind, UnitStatus


class OpType(StrEnum):
    # pickup point
    SHIFT_OPEN = "shift.open"
    SHIFT_CLOSE = "shift.close"
    ACCEPT_UNIT = "unit.accept"
    MOVE_UNIT = "unit.move"
    MARK_MISSING = "unit.missing"
    MARK_DAMAGED = "unit.damaged"
    FOUND_UNIT = "unit.found"
    RECORD_SURPLUS = "box.surplus"
    CLOSE_ACCEPTANCE = "box.accept_close"
    COMPLETE_PICKUP = "pickup.complete"
    RETURN_OPEN = "return.open"
    RETURN_PACK = "return.pack"
    RETURN_CLOSE = "return.close"
    RETURN_HANDOVER = "return.handover"
    INVENTORY = "inventory.record"
    # warehouse
    PICK_UNIT = "pick.unit"
    PICK_SKIP = "pick.skip"
    PACK_OPEN = "pack.open"
    PACK_UNIT = "pack.unit"
    PACK_CLOSE = "pack.close"
    ROUTE_ADD_BOX = "route.add_box"
    ROUTE_CLOSE = "route.close"
    RETURN_RECEIVE = "return.receive"
    RETURN_RECEIPT_CLOSE = "return.receipt_close"
    COUNT = "count.record"
    PUTAWAY = "putaway.record"


class InvalidOperation(Exception):
    """An operation that is malformed or not allowed; nothing is written for it."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(f"{code}: {message}")


Effects = Callable[[Mapping[str, Any]], list[tuple[str, UnitStatus]]]


def _one(target: UnitStatus) -> Effects:
    return lambda p: [(str(p["unit_id"]), target)]


def _many(key: str, target: UnitStatus) -> Effects:
    return lambda p: [(str(u), target) for u in p[key]]


def _skip(p: Mapping[str, Any]) -> list[tuple[str, UnitStatus]]:
    target = UnitStatus.DAMAGED if p["reason"] == "damaged" else UnitStatus.MISSING
    return [(str(p["unit_id"]), target)]


def _pickup(p: Mapping[str, Any]) -> list[tuple[str, UnitStatus]]:
    issued = [(str(u), UnitStatus.ISSUED) for u in p["issued"]]
    refused = [(str(r["unit_id"]), UnitStatus.REFUSED) for r in p["refused"]]
    return issued + refused


def _none(p: Mapping[str, Any]) -> list[tuple[str, UnitStatus]]:
    return []


@dataclass(frozen=True, slots=True)
class OpSpec:
    op_type: OpType
    site: SiteKind
    fields: Mapping[str, type]
    effects: Effects


_P = SiteKind.PVZ
_W = SiteKind.WAREHOUSE
_S: type = str
_L: type = list

SPECS: dict[OpType, OpSpec] = {
    s.op_type: s
    for s in (
        OpSpec(OpType.SHIFT_OPEN, _P, {"shift_id": _S}, _none),
        OpSpec(OpType.SHIFT_CLOSE, _P, {"shift_id": _S}, _none),
        OpSpec(
            OpType.ACCEPT_UNIT, _P, {"unit_id": _S, "box_id": _S, "cell_id": _S}, _one(UnitStatus.ACCEPTED)
        ),
        OpSpec(OpType.MOVE_UNIT, _P, {"unit_id": _S, "cell_id": _S}, _none),
        OpSpec(OpType.MARK_MISSING, _P, {"unit_id": _S, "reason": _S}, _one(UnitStatus.MISSING)),
        OpSpec(OpType.MARK_DAMAGED, _P, {"unit_id": _S, "reason": _S}, _one(UnitStatus.DAMAGED)),
        OpSpec(OpType.FOUND_UNIT, _P, {"unit_id": _S, "cell_id": _S}, _one(UnitStatus.ACCEPTED)),
        OpSpec(OpType.RECORD_SURPLUS, _P, {"box_id": _S, "label": _S}, _none),
        OpSpec(OpType.CLOSE_ACCEPTANCE, _P, {"box_id": _S}, _none),
        OpSpec(OpType.COMPLETE_PICKUP, _P, {"order_id": _S, "issued": _L, "refused": _L}, _pickup),
        OpSpec(OpType.RETURN_OPEN, _P, {"box_id": _S}, _none),
        OpSpec(
            OpType.RETURN_PACK,
            _P,
            {"box_id": _S, "unit_id": _S, "reason": _S},
            _one(UnitStatus.RETURN_PACKED),
        ),
        OpSpec(OpType.RETURN_CLOSE, _P, {"box_id": _S}, _none),
        OpSpec(
            OpType.RETURN_HANDOVER,
            _P,
            {"box_ids": _L, "unit_ids": _L},
            _many("unit_ids", UnitStatus.RETURN_SHIPPED),
        ),
        OpSpec(OpType.INVENTORY, _P, {"cell_id": _S, "found": _L, "missing": _L, "unexpected": _L}, _none),
        OpSpec(
            OpType.PICK_UNIT, _W, {"task_id": _S, "unit_id": _S, "location_id": _S}, _one(UnitStatus.PICKED)
        ),
        OpSpec(OpType.PICK_SKIP, _W, {"task_id": _S, "unit_id": _S, "reason": _S}, _skip),
        OpSpec(OpType.PACK_OPEN, _W, {"box_id": _S, "pvz_id": _S}, _none),
        OpSpec(OpType.PACK_UNIT, _W, {"box_id": _S, "unit_id": _S}, _one(UnitStatus.PACKED)),
        OpSpec(OpType.PACK_CLOSE, _W, {"box_id": _S}, _none),
        OpSpec(OpType.ROUTE_ADD_BOX, _W, {"route_id": _S, "box_id": _S, "pvz_id": _S}, _none),
        OpSpec(
            OpType.ROUTE_CLOSE, _W, {"route_id": _S, "unit_ids": _L}, _many("unit_ids", UnitStatus.SHIPPED)
        ),
        OpSpec(OpType.RETURN_RECEIVE, _W, {"box_id": _S, "unit_id": _S}, _one(UnitStatus.RETURNED)),
        OpSpec(
            OpType.RETURN_RECEIPT_CLOSE,
            _W,
            {"box_id": _S, "missing": _L},
            _many("missing", UnitStatus.MISSING),
        ),
        OpSpec(OpType.COUNT, _W, {"location_id": _S, "counted": dict}, _none),
        OpSpec(OpType.PUTAWAY, _W, {"document": _S, "location_id": _S, "items": _L}, _none),
    )
}

PICK_SKIP_REASONS = frozenset({"not_found", "damaged"})


@dataclass(frozen=True, slots=True)
class Operation:
    """One journalled user action. op_id is client-generated; (device_id, seq) has no gaps."""

    op_id: str
    device_id: str
    seq: int
    type: OpType
    payload: Mapping[str, Any]
    actor: str  # user id of whoever made it
    created_at: datetime

    def to_wire(self) -> dict[str, Any]:
        return {
            "op_id": self.op_id,
            "device_id": self.device_id,
            "seq": self.seq,
            "type": str(self.type),
            "payload": dict(self.payload),
            "actor": self.actor,
            "created_at": utc_iso(self.created_at),
        }

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> Operation:
        try:
            op = cls(
                op_id=str(data["op_id"]),
                device_id=str(data["device_id"]),
                seq=int(data["seq"]),
                type=OpType(data["type"]),
                payload=dict(data["payload"]),
                actor=str(data["actor"]),
                created_at=parse_iso(str(data["created_at"])),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise InvalidOperation("invalid_operation", f"malformed operation: {exc}") from exc
        validate_payload(op.type, op.payload)
        return op

    def effects(self) -> list[tuple[str, UnitStatus]]:
        return SPECS[self.type].effects(self.payload)


def validate_payload(op_type: OpType, payload: Mapping[str, Any]) -> None:
    """Check the payload has every declared field with the declared type."""
    spec = SPECS.get(op_type)
    if spec is None:
        raise InvalidOperation("unknown_type", f"unknown operation type {op_type!r}")
    for name, kind in spec.fields.items():
        if name not in payload:
            raise InvalidOperation("invalid_payload", f"{op_type}: field '{name}' is missing")
        if not isinstance(payload[name], kind):
            raise InvalidOperation("invalid_payload", f"{op_type}: field '{name}' has the wrong type")
    if op_type is OpType.PICK_SKIP and payload["reason"] not in PICK_SKIP_REASONS:
        raise InvalidOperation("invalid_payload", "pick.skip: reason must be not_found or damaged")
    if op_type is OpType.COMPLETE_PICKUP:
        for item in payload["refused"]:
            if not isinstance(item, dict) or not isinstance(item.get("unit_id"), str):
                raise InvalidOperation("invalid_payload", "pickup.complete: refused items need unit_id")
        units = [str(u) for u in payload["issued"]] + [str(r["unit_id"]) for r in payload["refused"]]
        if len(set(units)) != len(units):
            raise InvalidOperation("invalid_payload", "pickup.complete: a unit is listed twice")
        if not units:
            raise InvalidOperation("invalid_payload", "pickup.complete: no units")
