"""Operations: the unit of offline work, journalled locally and pushed to the backend exactly once.

Each operation type declares, once, its payload fields and what it does: a Plan (the references it
resolves, the unit transition, the side fields it sets, what the server notes) for most, or the
transitions of a composite op whose code is written by hand on both sides. The backend
(authoritative: services/sync/), the apps' journal (optimistic: shared/store/effects.py) and the
backend's batched push path all read this one table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from .clock import parse_iso, utc_iso
from .evidence import is_sha256
from .handover import check_received, check_sent
from .states import BoxKind, SiteKind, UnitStatus


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
    FITTING_START = "fitting.start"
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
    LABEL_REPRINT = "label.reprint"


# pick.skip: why a unit was not picked, and where that leaves the unit (the server heals the line:
# docs/PROTOCOL.md, "Short picks")
SKIP_REASONS: Mapping[str, UnitStatus] = {"not_found": UnitStatus.MISSING, "damaged": UnitStatus.DAMAGED}
# label.reprint: what is reprinted and why
REPRINT_KINDS = ("box", "unit")
REPRINT_REASONS = ("damaged", "unreadable", "lost", "other")


# pickup.complete: why the customer refused a unit (at the counter or after the fitting room)
REFUSAL_REASONS = ("did_not_fit", "did_not_like", "damaged", "not_as_described", "changed_mind", "other")
# `photos`: the photos an op at a damage or defect point names (SHA-256 hex of each, as kept in the
# evidence store and uploaded by PUT /api/v1/evidence/{sha256}); at most this many per op
MAX_PHOTOS_PER_OP = 10
# pickup.complete: the refusal reasons that are a defect, whose units' photos the op names
DEFECT_REFUSALS = frozenset({"damaged", "not_as_described"})

# product categories a customer may try on in a fitting room (fitting.start)
TRY_ON_CATEGORIES = frozenset({"clothes", "shoes"})


class InvalidOperation(Exception):
    """An operation that is malformed or not allowed; nothing is written for it.

    ``code`` is stable (screens translate by it, a push rejection carries it as ``reason.code``),
    ``params`` name what it is about (``unit``, ``box``, ...), ``message`` is the text (the store
    renders it from the catalog; the backend's is plain English for an admin).
    """

    def __init__(self, code: str, message: str, params: Mapping[str, Any] | None = None) -> None:
        self.code = code
        self.message = message
        self.params: dict[str, Any] = dict(params or {})
        super().__init__(f"{code}: {message}")


Effects = Callable[[Mapping[str, Any]], list[tuple[str, UnitStatus]]]


@dataclass(frozen=True, slots=True)
class BoxRef:
    """A payload field naming a box, and what the box must be."""

    field: str
    kind: BoxKind
    open_here: bool = False  # packed at this site and still open
    same_destination: bool = False  # the unit goes where the box goes


@dataclass(frozen=True, slots=True)
class Plan:
    """What an operation does, declared once; the app's local effects, the server's handler and the
    server's batched path all run it (shared/store/effects.py, backend_stub/services/sync/).

    The references it resolves come from payload fields (a unit by id or label, a cell, a storage
    location, a box, a pick task the unit must belong to); each side checks them its own way (the
    server against the authoritative rows and the device's site, the app against its local mirror).
    Then the unit moves to ``target`` (checked against the one transition table) or, with no target,
    must already be in one of ``requires``; ``sets`` writes side fields on the unit: column -> the
    resolved ``"cell"``, ``"box"`` or ``"location"``, or None to clear it. ``note`` names payload
    fields the server keeps in its records (kind: the op type; ref: the unit, else the cell,
    location or box). A pick-task op finishes the task on the server once no unit of it waits.
    """

    unit: str | None = None
    cell: str | None = None
    location: str | None = None
    box: BoxRef | None = None
    task: str | None = None
    target: UnitStatus | None = None
    target_by: tuple[str, Mapping[str, UnitStatus]] | None = None  # (payload field, value -> target)
    requires: frozenset[UnitStatus] = frozenset()
    refusal: str = "wrong_status"  # the app's error code when `requires` is not met
    sets: Mapping[str, str | None] = field(default_factory=dict)
    note: tuple[str, ...] | None = None

    def target_for(self, payload: Mapping[str, Any]) -> UnitStatus | None:
        if self.target_by is not None:
            key, targets = self.target_by
            return targets[str(payload[key])]
        return self.target

    def effects(self, payload: Mapping[str, Any]) -> list[tuple[str, UnitStatus]]:
        target = self.target_for(payload)
        if self.unit is None or target is None:
            return []
        return [(str(payload[self.unit]), target)]


def _many(key: str, target: UnitStatus) -> Effects:
    return lambda p: [(str(u), target) for u in p[key]]


def _pickup(p: Mapping[str, Any]) -> list[tuple[str, UnitStatus]]:
    issued = [(str(u), UnitStatus.ISSUED) for u in p["issued"]]
    refused = [(str(r["unit_id"]), UnitStatus.REFUSED) for r in p["refused"]]
    return issued + refused


def _accept(p: Mapping[str, Any]) -> list[tuple[str, UnitStatus]]:
    return [(str(p["unit_id"]), UnitStatus.ACCEPTED)]


def _none(p: Mapping[str, Any]) -> list[tuple[str, UnitStatus]]:
    return []


def _skip(p: Mapping[str, Any]) -> list[tuple[str, UnitStatus]]:
    return [(str(p["unit_id"]), SKIP_REASONS[str(p["reason"])])]


Photos = Callable[[Mapping[str, Any]], list[str]]


def _photos_of_unit(p: Mapping[str, Any]) -> list[str]:
    return [str(p["unit_id"])]


def _photos_of_damaged_skip(p: Mapping[str, Any]) -> list[str]:
    return [str(p["unit_id"])] if p.get("reason") == "damaged" else []


def _photos_of_the_box(p: Mapping[str, Any]) -> list[str]:
    return []  # a receipt's photos are of the box and its seal: the app names them itself


def _photos_of_defect_refusals(p: Mapping[str, Any]) -> list[str]:
    return [
        str(r["unit_id"]) for r in p["refused"] if isinstance(r, dict) and r.get("reason") in DEFECT_REFUSALS
    ]


@dataclass(frozen=True, slots=True)
class OpSpec:
    """An operation type: where it is done, its payload fields, and either its Plan (most ops) or, for
    a composite op with hand-written code on both sides, the unit transitions it makes."""

    op_type: OpType
    site: SiteKind
    fields: Mapping[str, type]
    plan: Plan | None = None
    composite: Effects | None = None
    # a damage or defect point: the op may name photos (optional payload field `photos`, a list of
    # SHA-256 hex); this gives the units whose photos the apps put in (shared/store/evidence.py)
    photos: Photos | None = None
    # payload fields an op may carry (checked when present): newer fields older clients do not send
    optional: Mapping[str, type] = field(default_factory=dict)

    def effects(self, payload: Mapping[str, Any]) -> list[tuple[str, UnitStatus]]:
        if self.plan is not None:
            return self.plan.effects(payload)
        assert self.composite is not None
        return self.composite(payload)


_P = SiteKind.PVZ
_W = SiteKind.WAREHOUSE
_S: type = str
_L: type = list
_U = UnitStatus
# the two sides of a handover (shared/domain/handover.py): the courier's badge and a seal per box
# when sent, the seal found (and whether it is broken) when received
_SENT: Mapping[str, type] = {"courier_badge": str, "seals": dict}
_RECEIVED: Mapping[str, type] = {"seal": str, "seal_broken": bool}

SPECS: dict[OpType, OpSpec] = {
    s.op_type: s
    for s in (
        OpSpec(OpType.SHIFT_OPEN, _P, {"shift_id": _S}, composite=_none),
        OpSpec(OpType.SHIFT_CLOSE, _P, {"shift_id": _S}, composite=_none),
        OpSpec(OpType.ACCEPT_UNIT, _P, {"unit_id": _S, "box_id": _S, "cell_id": _S}, composite=_accept),
        OpSpec(
            OpType.MOVE_UNIT,
            _P,
            {"unit_id": _S, "cell_id": _S},
            Plan(
                unit="unit_id",
                cell="cell_id",
                requires=frozenset({_U.ACCEPTED}),
                refusal="not_in_cell",
                sets={"cell_id": "cell"},
            ),
        ),
        OpSpec(
            OpType.MARK_MISSING,
            _P,
            {"unit_id": _S, "reason": _S},
            Plan(unit="unit_id", target=_U.MISSING, sets={"cell_id": None}, note=("reason",)),
        ),
        OpSpec(
            OpType.MARK_DAMAGED,
            _P,
            {"unit_id": _S, "reason": _S},
            Plan(unit="unit_id", target=_U.DAMAGED, sets={"cell_id": None}, note=("reason",)),
            photos=_photos_of_unit,
        ),
        OpSpec(
            OpType.FOUND_UNIT,
            _P,
            {"unit_id": _S, "cell_id": _S},
            Plan(unit="unit_id", cell="cell_id", target=_U.ACCEPTED, sets={"cell_id": "cell"}),
        ),
        OpSpec(OpType.RECORD_SURPLUS, _P, {"box_id": _S, "label": _S}, composite=_none),
        # the receiving side of a handover: the seal found on the box (docs/PROTOCOL.md, "Handover")
        OpSpec(
            OpType.CLOSE_ACCEPTANCE,
            _P,
            {"box_id": _S},
            composite=_none,
            photos=_photos_of_the_box,
            optional=_RECEIVED,
        ),
        OpSpec(
            OpType.COMPLETE_PICKUP,
            _P,
            {"order_id": _S, "issued": _L, "refused": _L},
            composite=_pickup,
            photos=_photos_of_defect_refusals,
        ),
        # a unit of a try-on category goes with its customer into a fitting room; it stays ACCEPTED
        # until the pickup completes (taken: ISSUED, refused: REFUSED)
        OpSpec(
            OpType.FITTING_START,
            _P,
            {"unit_id": _S, "room": _S},
            Plan(unit="unit_id", requires=frozenset({_U.ACCEPTED}), refusal="not_ready", note=("room",)),
        ),
        OpSpec(OpType.RETURN_OPEN, _P, {"box_id": _S}, composite=_none),
        OpSpec(
            OpType.RETURN_PACK,
            _P,
            {"box_id": _S, "unit_id": _S, "reason": _S},
            Plan(
                box=BoxRef("box_id", BoxKind.RETURN, open_here=True),
                unit="unit_id",
                target=_U.RETURN_PACKED,
                sets={"box_id": "box", "cell_id": None},
                note=("box_id", "reason"),
            ),
            photos=_photos_of_unit,
        ),
        OpSpec(OpType.RETURN_CLOSE, _P, {"box_id": _S}, composite=_none),
        OpSpec(
            OpType.RETURN_HANDOVER,
            _P,
            {"box_ids": _L, "unit_ids": _L},
            composite=_many("unit_ids", _U.RETURN_SHIPPED),
            optional=_SENT,
        ),
        OpSpec(
            OpType.INVENTORY,
            _P,
            {"cell_id": _S, "found": _L, "missing": _L, "unexpected": _L},
            Plan(cell="cell_id", note=("found", "missing", "unexpected")),
        ),
        OpSpec(
            OpType.PICK_UNIT,
            _W,
            {"task_id": _S, "unit_id": _S, "location_id": _S},
            Plan(
                task="task_id",
                unit="unit_id",
                location="location_id",
                target=_U.PICKED,
                sets={"location_id": "location"},
            ),
        ),
        # composite: a short also opens a count task and re-allocates the line or tells the customer
        OpSpec(
            OpType.PICK_SKIP,
            _W,
            {"task_id": _S, "unit_id": _S, "reason": _S},
            composite=_skip,
            photos=_photos_of_damaged_skip,
        ),
        OpSpec(OpType.PACK_OPEN, _W, {"box_id": _S, "pvz_id": _S}, composite=_none),
        OpSpec(
            OpType.PACK_UNIT,
            _W,
            {"box_id": _S, "unit_id": _S},
            Plan(
                box=BoxRef("box_id", BoxKind.FORWARD, open_here=True, same_destination=True),
                unit="unit_id",
                target=_U.PACKED,
                sets={"box_id": "box"},
            ),
        ),
        OpSpec(OpType.PACK_CLOSE, _W, {"box_id": _S}, composite=_none),
        OpSpec(OpType.ROUTE_ADD_BOX, _W, {"route_id": _S, "box_id": _S, "pvz_id": _S}, composite=_none),
        OpSpec(
            OpType.ROUTE_CLOSE,
            _W,
            {"route_id": _S, "unit_ids": _L},
            composite=_many("unit_ids", _U.SHIPPED),
            optional=_SENT,
        ),
        OpSpec(
            OpType.RETURN_RECEIVE,
            _W,
            {"box_id": _S, "unit_id": _S},
            composite=lambda p: [(str(p["unit_id"]), _U.RETURNED)],
        ),
        OpSpec(
            OpType.RETURN_RECEIPT_CLOSE,
            _W,
            {"box_id": _S, "missing": _L},
            composite=_many("missing", _U.MISSING),
            photos=_photos_of_the_box,
            optional=_RECEIVED,
        ),
        # composite: a count also closes the location's open count task
        OpSpec(OpType.COUNT, _W, {"location_id": _S, "counted": dict}, composite=_none),
        OpSpec(
            OpType.PUTAWAY,
            _W,
            {"document": _S, "location_id": _S, "items": _L},
            Plan(location="location_id", note=("document", "items")),
        ),
        # composite: the code names a box or a unit, by kind
        OpSpec(OpType.LABEL_REPRINT, _W, {"kind": _S, "code": _S, "reason": _S}, composite=_none),
    )
}


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
    # the hash chain (shared/domain/chain.py): the previous op's hash and this op's own; None for an
    # op journalled before the chain existed (or by an old client): unchecked
    prev_hash: str | None = None
    hash: str | None = None

    def to_wire(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "op_id": self.op_id,
            "device_id": self.device_id,
            "seq": self.seq,
            "type": str(self.type),
            "payload": dict(self.payload),
            "actor": self.actor,
            "created_at": utc_iso(self.created_at),
        }
        if self.prev_hash is not None:
            body["prev_hash"] = self.prev_hash
            body["hash"] = self.hash
        return body

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
                prev_hash=None if data.get("prev_hash") is None else str(data["prev_hash"]),
                hash=None if data.get("hash") is None else str(data["hash"]),
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
    for name, kind in spec.optional.items():
        if name in payload and not isinstance(payload[name], kind):
            raise InvalidOperation("invalid_payload", f"{op_type}: field '{name}' has the wrong type")
    if "photos" in payload:
        _check_photos(op_type, spec, payload["photos"])
    if spec.optional is _SENT or spec.optional is _RECEIVED:
        boxes = payload["box_ids"] if op_type is OpType.RETURN_HANDOVER else None
        problem = check_sent(boxes, payload) if spec.optional is _SENT else check_received(payload)
        if problem is not None:
            raise InvalidOperation("invalid_payload", f"{op_type}: {problem}")
    if spec.plan is not None and spec.plan.target_by is not None:
        key, targets = spec.plan.target_by
        if payload[key] not in targets:
            raise InvalidOperation("invalid_payload", f"{op_type}: {key} must be {' or '.join(targets)}")
    if op_type is OpType.PICK_SKIP and payload["reason"] not in SKIP_REASONS:
        raise InvalidOperation("invalid_payload", f"{op_type}: reason must be {' or '.join(SKIP_REASONS)}")
    if op_type is OpType.LABEL_REPRINT:
        if payload["kind"] not in REPRINT_KINDS:
            raise InvalidOperation("invalid_payload", f"{op_type}: kind must be {' or '.join(REPRINT_KINDS)}")
        if payload["reason"] not in REPRINT_REASONS:
            raise InvalidOperation(
                "invalid_payload", f"{op_type}: reason must be one of {', '.join(REPRINT_REASONS)}"
            )
        if not payload["code"]:
            raise InvalidOperation("invalid_payload", f"{op_type}: no code")
    if op_type is OpType.COMPLETE_PICKUP:
        for item in payload["refused"]:
            if not isinstance(item, dict) or not isinstance(item.get("unit_id"), str):
                raise InvalidOperation("invalid_payload", "pickup.complete: refused items need unit_id")
        units = [str(u) for u in payload["issued"]] + [str(r["unit_id"]) for r in payload["refused"]]
        marking = payload.get("marking", {})
        if not isinstance(marking, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in marking.items()
        ):
            raise InvalidOperation("invalid_payload", "pickup.complete: marking maps unit ids to codes")
        if not set(marking) <= {str(u) for u in payload["issued"]}:
            raise InvalidOperation(
                "invalid_payload", "pickup.complete: marking codes are withdrawn for issued units only"
            )
        if len(set(units)) != len(units):
            raise InvalidOperation("invalid_payload", "pickup.complete: a unit is listed twice")
        if not units:
            raise InvalidOperation("invalid_payload", "pickup.complete: no units")


def _check_photos(op_type: OpType, spec: OpSpec, photos: object) -> None:
    """`photos`: only on a damage or defect point, a list of at most MAX_PHOTOS_PER_OP distinct
    SHA-256 hex strings (64 lower-case hex digits)."""
    if spec.photos is None:
        raise InvalidOperation("invalid_payload", f"{op_type}: this operation names no photos")
    if not isinstance(photos, list) or len(photos) > MAX_PHOTOS_PER_OP:
        raise InvalidOperation(
            "invalid_payload", f"{op_type}: photos is a list of at most {MAX_PHOTOS_PER_OP}"
        )
    if not all(isinstance(p, str) and is_sha256(p) for p in photos) or len(set(photos)) != len(photos):
        raise InvalidOperation("invalid_payload", f"{op_type}: photos are distinct lower-case hex SHA-256")
