"""Cycle count: scan a location, scan what is on it; the difference against the books is shown."""

from __future__ import annotations

from dataclasses import dataclass

from shared.barcodes import Scan, ScanKind
from shared.domain import OpType, UnitStatus

from .common import Level, Msg, Reaction, Record, WarehouseData, location_code, wrong_kind
from .scans import scan_location_id

# units that should physically sit on a warehouse shelf
_ON_SHELF = {UnitStatus.PAID}


@dataclass(frozen=True, slots=True)
class CountRow:
    sku: str
    name: str
    expected: int
    counted: int

    @property
    def difference(self) -> int:
        return self.counted - self.expected


class CountFlow:
    def __init__(self, data: WarehouseData) -> None:
        self._data = data
        self.location_id: str | None = None
        self.expected: dict[str, int] = {}
        self.counted: dict[str, int] = {}
        self._names: dict[str, str] = {}
        self._seen_units: set[str] = set()
        self.finished = False

    def prompt(self) -> Msg:
        if self.location_id is None or self.finished:
            return Msg.of("count_scan_location")
        return Msg.of("count_scan_items", location=location_code(self.location_id))

    def rows(self) -> list[CountRow]:
        skus = sorted(set(self.expected) | set(self.counted))
        return [
            CountRow(s, self._names.get(s, s), self.expected.get(s, 0), self.counted.get(s, 0)) for s in skus
        ]

    @property
    def differences(self) -> int:
        return sum(1 for r in self.rows() if r.difference)

    def handle(self, scan: Scan) -> Reaction:
        if scan.kind is ScanKind.LOCATION:
            return self._location(scan_location_id(scan))
        if self.location_id is None or self.finished:
            return wrong_kind(scan, ScanKind.LOCATION)
        if scan.kind is ScanKind.UNIT:
            unit = self._data.unit_by_label(scan.code)
            if unit is None:
                return Reaction.error("unknown_unit_label", label=scan.code)
            if unit.id in self._seen_units:
                return Reaction.warn("count_unit_twice")
            self._seen_units.add(unit.id)
            self._names.setdefault(unit.sku, unit.product_name)
            return self._add(unit.sku)
        if scan.kind is ScanKind.PRODUCT:
            gtin = scan.fields.get("gtin", scan.code)
            product = self._data.product_by_gtin(gtin)
            if product is None:
                return Reaction.error("unknown_product", gtin=gtin)
            self._names.setdefault(product.sku, product.name)
            return self._add(product.sku)
        return wrong_kind(scan, ScanKind.PRODUCT, ScanKind.UNIT)

    def _location(self, loc: str) -> Reaction:
        if self.location_id is not None and not self.finished and self.counted and loc != self.location_id:
            return Reaction.error("count_finish_first")
        if self._data.location(loc) is None:
            return Reaction.error("unknown_location", location=location_code(loc))
        self.location_id, self.counted, self._seen_units, self.finished = loc, {}, set(), False
        self.expected = {}
        for unit in self._data.units_at_location(loc):
            if unit.status in _ON_SHELF:
                self.expected[unit.sku] = self.expected.get(unit.sku, 0) + 1
                self._names.setdefault(unit.sku, unit.product_name)
        return Reaction(Level.OK, Msg.of("count_location_ok", location=location_code(loc)))

    def _add(self, sku: str) -> Reaction:
        self.counted[sku] = self.counted.get(sku, 0) + 1
        level = Level.OK if self.counted[sku] <= self.expected.get(sku, 0) else Level.WARN
        return Reaction(level, Msg.of("count_item", name=self._names.get(sku, sku), count=self.counted[sku]))

    def finish(self) -> Reaction:
        if self.location_id is None or self.finished:
            return Reaction.error("count_scan_location")
        record = Record(OpType.COUNT, {"location_id": self.location_id, "counted": dict(self.counted)})
        level = Level.WARN if self.differences else Level.OK
        return Reaction(level, Msg.of("count_done", differences=self.differences), (record,))

    def committed(self, reaction: Reaction) -> None:
        if any(r.op_type is OpType.COUNT for r in reaction.records):
            self.finished = True
