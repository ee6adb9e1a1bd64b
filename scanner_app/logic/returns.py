"""Receiving a return box from a pickup point: scan the box, the seal on it, its units; close with
what is missing (the seal goes with the close: the server compares it with the one the PVZ sent)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from shared.barcodes import Scan, ScanKind
from shared.domain import BoxKind, OpType, UnitStatus
from shared.domain.operations import MAX_PHOTOS_PER_OP
from shared.store.models import UnitView

from .common import Level, Msg, Reaction, Record, WarehouseData, wrong_kind


class ReturnFlow:
    def __init__(self, data: WarehouseData) -> None:
        self._data = data
        self.box_id: str | None = None
        self.units: list[UnitView] = []
        self.closed = False
        self.seal: str | None = None  # the seal found on the box; "" when it came without one
        self.seal_broken = False  # the seal found broken (F4), with photos of the box
        self.photos: list[str] = []

    def reload(self) -> None:
        if self.box_id is not None:
            self.units = self._data.units_in_box(self.box_id)

    @property
    def received(self) -> list[UnitView]:
        return [u for u in self.units if u.status is UnitStatus.RETURNED]

    @property
    def expected(self) -> list[UnitView]:
        return [u for u in self.units if u.status is UnitStatus.RETURN_SHIPPED]

    def prompt(self) -> Msg:
        if self.box_id is None:
            return Msg.of("ret_scan_box")
        if self.closed:
            return Msg.of("ret_closed")
        if self.seal is None:
            return Msg.of("ret_scan_seal", box=self.box_id)
        return Msg.of("ret_scan_unit", left=len(self.expected))

    def handle(self, scan: Scan) -> Reaction:
        if scan.kind is ScanKind.BOX:
            return self._box(scan.code)
        if self.box_id is not None and not self.closed and self.seal is None:
            if scan.kind is not ScanKind.SEAL:
                return wrong_kind(scan, ScanKind.SEAL)
            self.seal = scan.code
            return Reaction.ok("ret_seal_ok", seal=scan.code)
        if scan.kind is not ScanKind.UNIT:
            return wrong_kind(scan, ScanKind.BOX if self.box_id is None else ScanKind.UNIT)
        if self.box_id is None:
            return Reaction.error("ret_box_first")
        if self.closed:
            return Reaction.error("ret_closed")
        unit = next((u for u in self.units if u.label == scan.code), None)
        if unit is None:
            return Reaction.error("ret_not_in_box", label=scan.code)
        if unit.status is UnitStatus.RETURNED:
            return Reaction.warn("ret_already")
        if unit.status is not UnitStatus.RETURN_SHIPPED:
            return Reaction.error("ret_not_receivable", status=unit.status.value)
        record = Record(OpType.RETURN_RECEIVE, {"box_id": self.box_id, "unit_id": unit.id})
        return Reaction(
            Level.OK, Msg.of("ret_unit_ok", done=len(self.received) + 1, total=len(self.units)), (record,)
        )

    def _box(self, box_id: str) -> Reaction:
        if self.box_id is not None and not self.closed and self.received and box_id != self.box_id:
            return Reaction.error("ret_close_first")
        box = self._data.box(box_id)
        if box is None:
            return Reaction.error("unknown_box_label", box=box_id)
        if box.kind != BoxKind.RETURN:
            return Reaction.error("ret_not_return_box")
        units = self._data.units_in_box(box_id)
        if not units:
            return Reaction.error("ret_box_empty")
        self.box_id, self.units, self.seal = box_id, units, None
        self.seal_broken, self.photos = False, []
        self.closed = box.acceptance_closed  # its receipt was closed here (or on another terminal)
        return Reaction(Level.OK, Msg.of("ret_box_ok", count=len(units)))

    def close(self) -> Reaction:
        if self.box_id is None:
            return Reaction.error("ret_box_first")
        if self.closed:
            return Reaction.info("ret_closed")
        if self.seal is None:
            return Reaction.error("ret_seal_first")
        missing = [u.id for u in self.expected]
        payload: dict[str, Any] = {
            "box_id": self.box_id,
            "missing": missing,
            "seal": self.seal,
            "seal_broken": self.seal_broken,
        }
        if self.photos:
            payload["photos"] = list(self.photos)
        record = Record(OpType.RETURN_RECEIPT_CLOSE, payload)
        level = Level.WARN if missing else Level.OK
        return Reaction(
            level, Msg.of("ret_close_ok", received=len(self.received), missing=len(missing)), (record,)
        )

    def no_seal(self) -> Reaction:
        """The box came without a seal: that is recorded (and differs from the seal sent)."""
        if self.box_id is None or self.closed:
            return Reaction.error("ret_box_first")
        self.seal = ""
        return Reaction.warn("ret_no_seal")

    def broken(self, photos: Sequence[str]) -> Reaction:
        """The seal is broken: recorded with the close, with the photos taken of the box (its number
        is still scanned, or F1 when it is gone)."""
        if self.box_id is None or self.closed:
            return Reaction.error("ret_box_first")
        self.seal_broken = True
        self.photos = list(dict.fromkeys([*self.photos, *photos]))[-MAX_PHOTOS_PER_OP:]
        return Reaction.warn("ret_seal_broken", photos=len(self.photos))

    def committed(self, reaction: Reaction) -> None:
        if any(r.op_type is OpType.RETURN_RECEIPT_CLOSE for r in reaction.records):
            self.closed = True
        self.reload()
