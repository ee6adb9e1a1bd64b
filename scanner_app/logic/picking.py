"""Picking one line at a time: go to the location, scan it, then scan each unit of the line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shared.barcodes import Scan, ScanKind
from shared.domain import OpType, UnitStatus
from shared.domain.walk import Walk
from shared.store.models import UnitView

from .common import Level, Msg, Reaction, Record, WarehouseData, location_code, wrong_kind
from .scans import scan_location_id

_SKIPPED = {UnitStatus.MISSING, UnitStatus.DAMAGED}


@dataclass(frozen=True, slots=True)
class PickLine:
    """The units of one product at one location: the line a picker works on."""

    location_id: str
    sku: str
    product_name: str
    gtin: str
    units: tuple[UnitView, ...]

    @property
    def location_code(self) -> str:
        return location_code(self.location_id)

    @property
    def demand(self) -> int:
        return sum(1 for u in self.units if u.status is not UnitStatus.CANCELLED)

    @property
    def picked(self) -> int:
        return sum(1 for u in self.units if _is_picked(u))

    @property
    def skipped(self) -> int:
        return sum(1 for u in self.units if u.status in _SKIPPED)

    @property
    def open_units(self) -> list[UnitView]:
        return [u for u in self.units if u.status is UnitStatus.PAID]

    @property
    def done(self) -> bool:
        return not self.open_units


def _is_picked(unit: UnitView) -> bool:
    return unit.status not in _SKIPPED | {UnitStatus.PAID, UnitStatus.CANCELLED, UnitStatus.CREATED}


def build_lines(units: list[UnitView], walk: Walk | None = None) -> list[PickLine]:
    """Group a task's units into lines, in walk order (serpentine through the aisles; by location
    code without a walk)."""
    groups: dict[tuple[str, str], list[UnitView]] = {}
    for unit in units:
        groups.setdefault((unit.location_id or "", unit.sku), []).append(unit)
    lines = [
        PickLine(loc, sku, us[0].product_name, us[0].gtin, tuple(us)) for (loc, sku), us in groups.items()
    ]
    lines.sort(key=lambda line: (location_code(line.location_id), line.sku))
    if walk is not None:
        lines = walk.order(lines, lambda line: line.location_id)
    return lines


class PickFlow:
    """One pick task. ``reload()`` after every journalled operation (the screen does it)."""

    def __init__(self, data: WarehouseData, task_id: str) -> None:
        self._data = data
        self.task_id = task_id
        self.lines: list[PickLine] = []
        self.location_confirmed = False
        self._line_key: tuple[str, str] | None = None
        self.walk = data.walk()
        self.reload()

    # --- state -------------------------------------------------------------------------------

    def committed(self, reaction: Reaction) -> None:
        self.reload()

    def reload(self) -> None:
        self.lines = build_lines(self._data.task_units(self.task_id), self.walk)
        line = self.current
        key = (line.location_id, line.sku) if line else None
        if key != self._line_key:
            # a new line starts at another shelf (or the same one): confirm it again
            same_place = (
                line is not None and self._line_key is not None and line.location_id == self._line_key[0]
            )
            self.location_confirmed = self.location_confirmed and same_place
            self._line_key = key

    @property
    def current(self) -> PickLine | None:
        for line in self.lines:
            if not line.done:
                return line
        return None

    @property
    def finished(self) -> bool:
        return self.current is None

    @property
    def total(self) -> int:
        return sum(line.demand for line in self.lines)

    @property
    def picked_count(self) -> int:
        return sum(line.picked for line in self.lines)

    @property
    def short_count(self) -> int:
        """Units recorded short (not found or damaged): never counted as picked."""
        return sum(line.skipped for line in self.lines)

    @property
    def line_number(self) -> int:
        line = self.current
        return self.lines.index(line) + 1 if line else len(self.lines)

    def prompt(self) -> Msg:
        line = self.current
        if line is None:
            if self.short_count:
                return Msg.of(
                    "pick_done_short", picked=self.picked_count, total=self.total, short=self.short_count
                )
            return Msg.of("pick_done")
        if not self.location_confirmed:
            return Msg.of("pick_scan_location", location=line.location_code)
        return Msg.of("pick_scan_unit", product=line.product_name)

    # --- input -------------------------------------------------------------------------------

    def handle(self, scan: Scan) -> Reaction:
        line = self.current
        if line is None:
            return Reaction.info("pick_done")
        if scan.kind is ScanKind.LOCATION:
            return self._location(line, scan)
        if scan.kind in (ScanKind.UNIT, ScanKind.PRODUCT):
            elsewhere = self._belongs_elsewhere(line, scan)
            if elsewhere is not None:
                return elsewhere
            if not self.location_confirmed:
                return Reaction.error("pick_location_first", location=line.location_code)
            return self._unit(line, scan)
        return wrong_kind(scan, ScanKind.LOCATION if not self.location_confirmed else ScanKind.UNIT)

    def _belongs_elsewhere(self, line: PickLine, scan: Scan) -> Reaction | None:
        """A unit (or product) of this task that is picked at another stop: say which stop."""
        if scan.kind is ScanKind.UNIT:
            owner = next((ln for ln in self.lines if any(u.label == scan.code for u in ln.units)), None)
        else:
            gtin = scan.fields.get("gtin", scan.code)
            if _same_gtin(gtin, line.gtin):
                return None
            owner = next((ln for ln in self.lines if not ln.done and _same_gtin(gtin, ln.gtin)), None)
        if owner is None or owner.location_id == line.location_id:
            return None
        return Reaction.error(
            "pick_unit_elsewhere",
            location=owner.location_code,
            stop=self.lines.index(owner) + 1,
            here=line.location_code,
        )

    def _location(self, line: PickLine, scan: Scan) -> Reaction:
        scanned = scan_location_id(scan)
        if scanned != line.location_id:
            return Reaction.error(
                "pick_wrong_location", scanned=location_code(scanned), location=line.location_code
            )
        self.location_confirmed = True
        return Reaction(Level.OK, Msg.of("pick_location_ok", location=line.location_code))

    def _unit(self, line: PickLine, scan: Scan) -> Reaction:
        if scan.kind is ScanKind.PRODUCT:
            gtin = scan.fields.get("gtin", scan.code)
            if not _same_gtin(gtin, line.gtin):
                return Reaction.error("pick_wrong_product", product=line.product_name)
            candidates = line.open_units
            if not candidates:
                return Reaction.error("pick_demand_met", demand=line.demand)
            unit = candidates[0]
        else:
            found = next((u for u in line.units if u.label == scan.code), None)
            if found is None:
                # another line at this same stop (another product on the shelf): take it from there
                here = next(
                    (
                        ln
                        for ln in self.lines
                        if ln.location_id == line.location_id and any(u.label == scan.code for u in ln.units)
                    ),
                    None,
                )
                if here is not None:
                    return self._unit(here, scan)
                return Reaction.error("pick_not_in_task", label=scan.code)
            if found.status is not UnitStatus.PAID:
                if _is_picked(found):
                    return Reaction.warn("pick_already_picked", demand=line.demand)
                return Reaction.error("pick_not_pickable", status=found.status.value)
            unit = found
        record = Record(
            OpType.PICK_UNIT, {"task_id": self.task_id, "unit_id": unit.id, "location_id": line.location_id}
        )
        return Reaction.ok("pick_unit_ok", record, picked=line.picked + 1, demand=line.demand)

    def skip(self, reason: str, photos: Sequence[str] = ()) -> Reaction:
        """Skip what is left of the current line: 'not_found' or 'damaged' (the backend records a
        shortage). A damaged skip names the photos taken of the damage (each of its ops)."""
        line = self.current
        if line is None:
            return Reaction.info("pick_done")
        if reason not in ("not_found", "damaged"):
            raise ValueError(f"unknown skip reason {reason!r}")
        extra = {"photos": list(dict.fromkeys(photos))} if photos and reason == "damaged" else {}
        records = [
            Record(OpType.PICK_SKIP, {"task_id": self.task_id, "unit_id": u.id, "reason": reason, **extra})
            for u in line.open_units
        ]
        return Reaction(Level.WARN, short_message(self._data, line, len(records)), tuple(records))


def short_message(data: WarehouseData, line: PickLine, count: int) -> Msg:
    """What a short pick leads to: the line moves to a free unit elsewhere, or the customer is told
    (the server decides; this is what the terminal's own mirror says will happen)."""
    spare = data.free_unit(line.sku, line.location_id)
    if spare is not None:
        return Msg.of("pick_short_moved", count=count, location=location_code(spare.location_id))
    return Msg.of("pick_short_told", count=count)


def _same_gtin(a: str, b: str) -> bool:
    return a.lstrip("0") == b.lstrip("0") and bool(a)
