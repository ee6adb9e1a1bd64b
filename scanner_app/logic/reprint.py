"""Reprinting a label: scan (or type) a box SSCC or a unit label, choose why, and the label prints
again; the reprint is journalled (label.reprint) and the server keeps it in its records."""

from __future__ import annotations

from shared.barcodes import Scan, ScanKind
from shared.domain import OpType
from shared.domain.operations import REPRINT_REASONS

from .common import Level, Msg, Reaction, Record, WarehouseData, wrong_kind

REASONS = REPRINT_REASONS  # damaged, unreadable, lost, other


class ReprintFlow:
    def __init__(self, data: WarehouseData) -> None:
        self._data = data
        self.kind: str | None = None  # "box" | "unit"
        self.code: str | None = None  # the SSCC or the unit's label
        self.lines: list[str] = []  # what the label says under the code
        self.printed: tuple[str, str, list[str]] | None = None  # (kind, code, lines) to print now

    def prompt(self) -> Msg:
        if self.code is None:
            return Msg.of("reprint_scan")
        return Msg.of("reprint_reason", code=self.code)

    def handle(self, scan: Scan) -> Reaction:
        if scan.kind is ScanKind.BOX:
            box = self._data.box(scan.code)
            if box is None:
                return Reaction.error("reprint_unknown", code=scan.code)
            self.kind, self.code = "box", box.id
            dest = self._data.site_name(box.destination_site_id) if box.destination_site_id else ""
            self.lines = [dest] if dest else []
        elif scan.kind is ScanKind.UNIT:
            unit = self._data.unit_by_label(scan.code)
            if unit is None:
                return Reaction.error("reprint_unknown", code=scan.code)
            self.kind, self.code = "unit", unit.label
            self.lines = [unit.product_name] if unit.product_name else []
        else:
            return wrong_kind(scan, ScanKind.BOX, ScanKind.UNIT)
        return Reaction(Level.INFO, Msg.of("reprint_found", what=" · ".join(self.lines) or self.code))

    def choose(self, reason: str) -> Reaction:
        """The reason picked: journal the reprint (the screen prints once it is journalled)."""
        if reason not in REASONS:
            raise ValueError(f"unknown reprint reason {reason!r}")
        if self.kind is None or self.code is None:
            return Reaction.error("reprint_scan")
        record = Record(OpType.LABEL_REPRINT, {"kind": self.kind, "code": self.code, "reason": reason})
        return Reaction.ok("reprint_done", record, code=self.code)

    def committed(self, reaction: Reaction) -> None:
        if any(r.op_type is OpType.LABEL_REPRINT for r in reaction.records) and self.kind and self.code:
            self.printed = (self.kind, self.code, self.lines)
            self.kind, self.code, self.lines = None, None, []

    def cancel(self) -> None:
        self.kind, self.code, self.lines = None, None, []
