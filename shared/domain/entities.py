"""Plain, immutable domain records shared by the backend and the apps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .money import Money
from .states import BoxKind, Role, SiteKind, UnitStatus


@dataclass(frozen=True, slots=True)
class Site:
    id: str  # "PVZ-DEMO-1", "WH-DEMO-1"
    kind: SiteKind
    name: str
    address: str = ""
    storage_days: int = 7  # how long a PVZ keeps an unclaimed unit


@dataclass(frozen=True, slots=True)
class User:
    id: str
    username: str
    role: Role
    site_id: str | None = None
    display_name: str = ""


@dataclass(frozen=True, slots=True)
class Product:
    sku: str
    name: str
    brand: str
    price: Money
    gtin: str
    needs_marking: bool = False  # Честный знак: a DataMatrix must be scanned at issue


@dataclass(frozen=True, slots=True)
class Unit:
    """One physical item of an order, with its own unit label."""

    id: str
    label: str
    order_id: str
    sku: str
    status: UnitStatus
    pvz_id: str
    customer_id: str
    box_id: str | None = None
    cell_id: str | None = None
    location_id: str | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Order:
    id: str
    customer_id: str
    pvz_id: str
    amount: Money
    created_at: datetime
    unit_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Box:
    id: str  # the SSCC-18
    kind: BoxKind
    origin_site_id: str
    destination_site_id: str
    closed: bool = False
    route_id: str | None = None


@dataclass(frozen=True, slots=True)
class Route:
    id: str
    origin_site_id: str
    destination_site_id: str
    box_ids: tuple[str, ...] = ()
    closed: bool = False


@dataclass(frozen=True, slots=True)
class Cell:
    """A numbered shelf cell at a PVZ."""

    id: str  # "PVZ-DEMO-1:0042"
    site_id: str
    number: int
    capacity: int = 10


@dataclass(frozen=True, slots=True)
class Location:
    """A warehouse storage location: zone letter, aisle, shelf, level."""

    id: str  # "WH-DEMO-1:A-01-02-3"
    site_id: str
    code: str  # "A-01-02-3"


@dataclass(frozen=True, slots=True)
class PickTask:
    id: str
    site_id: str
    order_id: str
    event_id: str  # the OrderPaid event it came from (dedupe key)
    created_at: datetime
    unit_ids: tuple[str, ...] = field(default=())
