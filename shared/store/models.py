"""Plain records the store hands to screens and to the sync engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from shared.domain import Operation, Role, SiteKind, UnitStatus


@dataclass(frozen=True, slots=True)
class Actor:
    """Who makes an operation, and where."""

    user_id: str
    username: str
    role: Role
    site_id: str
    site_kind: SiteKind


@dataclass(slots=True)
class ChangeSet:
    """Which entities changed, so screens refresh exactly what changed.

    ``full`` means too much changed to list (a first sync, a resync): refresh everything.
    """

    units: set[str] = field(default_factory=set)
    boxes: set[str] = field(default_factory=set)
    cells: set[str] = field(default_factory=set)
    locations: set[str] = field(default_factory=set)
    routes: set[str] = field(default_factory=set)
    orders: set[str] = field(default_factory=set)
    tasks: set[str] = field(default_factory=set)
    products: set[str] = field(default_factory=set)
    sites: set[str] = field(default_factory=set)
    discrepancies: set[str] = field(default_factory=set)  # handover discrepancies (pulled)
    pickup: bool = False  # keys, revocations or short codes
    journal: bool = False  # pending ops or their results changed
    conflicts: bool = False
    full: bool = False

    def merge(self, other: ChangeSet) -> ChangeSet:
        for name in (
            "units",
            "boxes",
            "cells",
            "locations",
            "routes",
            "orders",
            "tasks",
            "products",
            "sites",
            "discrepancies",
        ):
            getattr(self, name).update(getattr(other, name))
        self.pickup |= other.pickup
        self.journal |= other.journal
        self.conflicts |= other.conflicts
        self.full |= other.full
        return self

    def __bool__(self) -> bool:
        return bool(
            self.units
            or self.boxes
            or self.cells
            or self.locations
            or self.routes
            or self.orders
            or self.tasks
            or self.products
            or self.sites
            or self.discrepancies
            or self.pickup
            or self.journal
            or self.conflicts
            or self.full
        )


@dataclass(frozen=True, slots=True)
class Recorded:
    op: Operation
    changes: ChangeSet


@dataclass(frozen=True, slots=True)
class UnitView:
    id: str
    label: str
    order_id: str
    sku: str
    status: UnitStatus
    pvz_id: str
    customer_id: str
    box_id: str | None
    cell_id: str | None
    location_id: str | None
    product_name: str
    brand: str
    gtin: str
    needs_marking: bool
    price: int  # kopecks
    customer_name: str
    customer_phone: str
    cell_number: int | None
    accepted_at: datetime | None
    pending: bool  # a local op on this unit is not yet acknowledged by the server
    order_number: int | None = None  # the order's short number, as the customer knows it
    payment: str = "prepaid"  # the order's: "prepaid" or "on_pickup"
    payment_status: str = ""  # pay-on-pickup: "due" until paid at the counter, then "paid"
    storage_days: int = 7  # its PVZ's storage period
    category: str = ""  # its product's category ("clothes" and "shoes" may be tried on)
    updated_at: datetime | None = None  # the server's last change of the unit


@dataclass(frozen=True, slots=True)
class BoxView:
    id: str
    kind: str  # BoxKind value
    origin_site_id: str
    destination_site_id: str
    closed: bool
    route_id: str | None
    acceptance_closed: bool  # PVZ closed acceptance of this box
    handed_over: bool  # return box handed to the courier
    unit_count: int
    local_only: bool  # created on this device, not yet seen from the server
    status: str  # BoxStatus value derived from units


@dataclass(frozen=True, slots=True)
class RouteView:
    id: str
    origin_site_id: str
    destination_site_id: str
    box_ids: tuple[str, ...]
    closed: bool


@dataclass(frozen=True, slots=True)
class CellView:
    id: str
    site_id: str
    number: int
    capacity: int
    label: str  # printed label text, e.g. C-PVZ-DEMO-1-0042


@dataclass(frozen=True, slots=True)
class CellLoad:
    cell: CellView
    units: int  # units ACCEPTED or REFUSED sitting in the cell
    customers: int


@dataclass(frozen=True, slots=True)
class LocationView:
    id: str
    site_id: str
    code: str


@dataclass(frozen=True, slots=True)
class TaskView:
    id: str
    site_id: str
    order_id: str
    created_at: datetime | None
    total: int
    done: int  # units no longer waiting to be picked (picked, skipped or beyond)
    departs_at: datetime | None = None  # the route's departure: the task's cut-off
    route_name: str = ""

    @property
    def open(self) -> bool:
        return self.done < self.total

    @property
    def left(self) -> int:
        return self.total - self.done


@dataclass(frozen=True, slots=True)
class OrderView:
    id: str
    customer_id: str
    pvz_id: str
    amount: int
    customer_name: str
    customer_phone: str
    created_at: datetime | None
    status: str  # OrderStatus derived from local unit states
    unit_count: int
    number: int | None = None
    payment: str = "prepaid"
    payment_status: str = ""


@dataclass(frozen=True, slots=True)
class ProductView:
    sku: str
    name: str
    brand: str
    price: int
    gtin: str
    needs_marking: bool


@dataclass(frozen=True, slots=True)
class SiteView:
    id: str
    kind: str
    name: str
    address: str
    storage_days: int
    fitting_rooms: int = 2  # fitting rooms at the counter (a PVZ)
    fitting_minutes: int = 15  # a customer's time in one


@dataclass(frozen=True, slots=True)
class Conflict:
    """A pushed op the server rejected; visible until a user resolves it."""

    op_id: str
    seq: int
    op_type: str
    payload: dict[str, Any]
    actor: str
    created_at: datetime
    reason_code: str
    reason_message: str
    rejected_at: datetime
    resolution: str | None  # None (open), "retry" or "discard"
    resolution_reason: str
    resolved_by: str
    resolved_at: datetime | None
    retry_op_id: str | None


@dataclass(frozen=True, slots=True)
class PushOutcome:
    """What apply_push_results did."""

    applied: int
    rejected: int
    unknown: int  # results naming no pending op (ignored)
    changes: ChangeSet


@dataclass(frozen=True, slots=True)
class CachedUser:
    """A user who logged in on this device before: enough for an offline unlock."""

    user_id: str
    username: str
    role: Role
    site_id: str
    site_kind: SiteKind
    display_name: str
    verifier: str  # argon2id hash of the password
    last_login: datetime | None


@dataclass(frozen=True, slots=True)
class PullApplied:
    """What one applied pull page did."""

    applied: int
    changes: ChangeSet
