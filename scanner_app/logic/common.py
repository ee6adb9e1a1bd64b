"""Shared vocabulary of the terminal flows: messages, reactions and the data port they read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Protocol

from shared.barcodes import Scan, ScanKind
from shared.domain import OpType
from shared.domain.walk import Walk
from shared.store.handover import DiscrepancyView
from shared.store.models import BoxView, LocationView, ProductView, RouteView, TaskView, UnitView

_EMPTY: Mapping[str, str] = MappingProxyType({})


class Level(StrEnum):
    OK = "ok"  # success sound, green
    INFO = "info"  # no sound, neutral
    WARN = "warn"  # warning sound, amber
    ERROR = "error"  # error sound, red, vibration


@dataclass(frozen=True, slots=True)
class Msg:
    """A message for the worker: a key the UI translates, and the values to put into it."""

    key: str
    params: Mapping[str, str] = field(default_factory=lambda: _EMPTY)

    @staticmethod
    def of(key: str, **params: object) -> Msg:
        return Msg(key, MappingProxyType({k: str(v) for k, v in params.items()}))


@dataclass(frozen=True, slots=True)
class Record:
    """One operation to write to the local journal."""

    op_type: OpType
    payload: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Reaction:
    """What a flow answers to a scan or a button: a message and the operations to journal (in order).

    With operations, the message is shown only once they are in the journal; when journalling fails
    the screen shows that failure instead and nothing changes.
    """

    level: Level
    message: Msg
    records: Sequence[Record] = field(default=())

    @staticmethod
    def error(key: str, **params: object) -> Reaction:
        return Reaction(Level.ERROR, Msg.of(key, **params))

    @staticmethod
    def warn(key: str, **params: object) -> Reaction:
        return Reaction(Level.WARN, Msg.of(key, **params))

    @staticmethod
    def info(key: str, **params: object) -> Reaction:
        return Reaction(Level.INFO, Msg.of(key, **params))

    @staticmethod
    def ok(key: str, *records: Record, **params: object) -> Reaction:
        return Reaction(Level.OK, Msg.of(key, **params), tuple(records))


def wrong_kind(scan: Scan, *expected: ScanKind) -> Reaction:
    return Reaction.error("wrong_kind", scanned=scan.kind.value, expected="|".join(k.value for k in expected))


class WarehouseData(Protocol):
    """What the terminal flows read from the local store (an adapter maps LocalStore onto it)."""

    def site_id(self) -> str: ...

    def pick_tasks(self, open_only: bool = True) -> list[TaskView]: ...

    def task(self, task_id: str) -> TaskView | None: ...

    def task_units(self, task_id: str) -> list[UnitView]: ...

    def task_of_unit(self, unit_id: str) -> TaskView | None:
        """The pick task a unit belongs to (its route and departure)."""
        ...

    def unit_by_label(self, label: str) -> UnitView | None: ...

    def unit(self, unit_id: str) -> UnitView | None: ...

    def location(self, location_id: str) -> LocationView | None: ...

    def product_by_gtin(self, gtin: str) -> ProductView | None: ...

    def product(self, sku: str) -> ProductView | None: ...

    def box(self, box_id: str) -> BoxView | None: ...

    def units_in_box(self, box_id: str) -> list[UnitView]: ...

    def route(self, route_id: str) -> RouteView | None: ...

    def open_routes(self) -> list[RouteView]: ...

    def units_at_location(self, location_id: str) -> list[UnitView]: ...

    def site_name(self, site_id: str) -> str: ...

    def free_unit(self, sku: str, not_at: str | None) -> UnitView | None:
        """The unit a short pick of ``sku`` is re-allocated to: free at another location."""
        ...

    def cart_size(self) -> int:
        """Totes on a picking cart at this warehouse (a warehouse setting, pulled)."""
        ...

    def count_due(self) -> list[tuple[str, str, str, str]]:
        """Locations to count (a short pick there): (location id, code, sku, since)."""
        ...

    def walk(self) -> Walk:
        """The walk through this warehouse (its location codes and walk settings)."""
        ...

    def picked_units(self) -> list[UnitView]:
        """Units picked and waiting to be packed."""
        ...

    def boxes_to_ship(self) -> list[BoxView]:
        """Closed forward boxes not on a route yet."""
        ...

    def discrepancies(self, direction: str) -> list[DiscrepancyView]:
        """Open handover discrepancies of this site, ``forward`` (routes) or ``return``, newest first."""
        ...


def waiting_by_destination(data: WarehouseData, items: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """(destination name, count) summed per destination, largest first."""
    totals: dict[str, int] = {}
    for site, n in items:
        totals[site] = totals.get(site, 0) + n
    named = [(data.site_name(site), n) for site, n in totals.items()]
    return sorted(named, key=lambda item: (-item[1], item[0]))


def location_code(location_id: str | None) -> str:
    """'WH-DEMO-1:A-01-02-3' -> 'A-01-02-3' (what a worker reads on the shelf)."""
    if not location_id:
        return "—"
    return location_id.split(":", 1)[-1]
