"""Packing per pickup point: one box, one destination; picked units go in; close and print."""

from __future__ import annotations

from shared.barcodes import Scan, ScanKind
from shared.domain import OpType, UnitStatus
from shared.store.models import TaskView, UnitView

from .common import Level, Msg, Reaction, Record, WarehouseData, wrong_kind
from .scans import is_return_box


class PackFlow:
    def __init__(self, data: WarehouseData) -> None:
        self._data = data
        self.box_id: str | None = None
        self.pvz_id: str | None = None  # fixed by the box or by its first unit
        self.opened = False  # pack.open is in the journal
        self.units: list[UnitView] = []
        self.closed = False
        self.task: TaskView | None = None  # the pick task of the box's first unit: its route

    def committed(self, reaction: Reaction) -> None:
        self.reload()

    def reload(self) -> None:
        if self.box_id is None:
            return
        box = self._data.box(self.box_id)
        if box is not None:
            self.opened = True
            self.closed = box.closed
            self.pvz_id = box.destination_site_id or self.pvz_id
        self.units = self._data.units_in_box(self.box_id)
        self.task = self._data.task_of_unit(self.units[0].id) if self.units else None

    @property
    def route_name(self) -> str:
        """The route the box leaves on ('' when its units' tasks have none, or before the first unit)."""
        return self.task.route_name if self.task is not None else ""

    def prompt(self) -> Msg:
        if self.box_id is None:
            return Msg.of("pack_scan_box")
        if self.closed:
            return Msg.of("pack_closed", box=self.box_id)
        if self.pvz_id is None:
            return Msg.of("pack_scan_first_unit")
        return Msg.of("pack_scan_unit", pvz=self._data.site_name(self.pvz_id))

    def start_box(self, box_id: str) -> Reaction:
        """A scanned or a freshly generated box label."""
        if is_return_box(box_id):
            return Reaction.error("pack_return_box")
        if self.box_id == box_id:
            return Reaction.info("pack_same_box")
        box = self._data.box(box_id)
        if box is not None and box.closed:
            return Reaction.error("pack_box_closed", box=box_id)
        self.box_id, self.pvz_id, self.opened, self.closed, self.units = box_id, None, False, False, []
        self.task = None
        self.reload()
        if box is not None:
            return Reaction(Level.OK, Msg.of("pack_box_resumed", count=len(self.units)))
        return Reaction(Level.OK, Msg.of("pack_box_new"))

    def handle(self, scan: Scan) -> Reaction:
        if scan.kind is ScanKind.BOX:
            if self.box_id and self.units and not self.closed and scan.code != self.box_id:
                return Reaction.error("pack_close_first")
            return self.start_box(scan.code)
        if scan.kind is not ScanKind.UNIT:
            return wrong_kind(scan, ScanKind.BOX if self.box_id is None else ScanKind.UNIT)
        if self.box_id is None:
            return Reaction.error("pack_box_first")
        if self.closed:
            return Reaction.error("pack_box_closed", box=self.box_id)
        unit = self._data.unit_by_label(scan.code)
        if unit is None:
            return Reaction.error("unknown_unit_label", label=scan.code)
        if unit.status is UnitStatus.PACKED:
            if unit.box_id == self.box_id:
                return Reaction.warn("pack_already_here")
            return Reaction.error("pack_in_other_box", box=unit.box_id or "?")
        if unit.status is not UnitStatus.PICKED:
            return Reaction.error("pack_not_picked", status=unit.status.value)
        if self.pvz_id is not None and unit.pvz_id != self.pvz_id:
            return Reaction.error(
                "pack_wrong_pvz",
                unit_pvz=self._data.site_name(unit.pvz_id),
                box_pvz=self._data.site_name(self.pvz_id),
            )
        records: list[Record] = []
        if not self.opened:
            records.append(Record(OpType.PACK_OPEN, {"box_id": self.box_id, "pvz_id": unit.pvz_id}))
        records.append(Record(OpType.PACK_UNIT, {"box_id": self.box_id, "unit_id": unit.id}))
        return Reaction(
            Level.OK,
            Msg.of("pack_unit_ok", count=len(self.units) + 1, pvz=self._data.site_name(unit.pvz_id)),
            tuple(records),
        )

    def close(self) -> Reaction:
        if self.box_id is None:
            return Reaction.error("pack_box_first")
        if self.closed:
            return Reaction.info("pack_closed", box=self.box_id)
        if not self.units:
            return Reaction.error("pack_empty")
        record = Record(OpType.PACK_CLOSE, {"box_id": self.box_id})
        return Reaction(Level.OK, Msg.of("pack_close_ok", count=len(self.units)), (record,))
