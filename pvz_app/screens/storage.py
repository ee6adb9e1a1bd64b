"""Storage deadlines: what this PVZ keeps past its storage period, or whose period ends today or
tomorrow, with cells, so the clerk can remind the customer; and the collection of the overdue in one
flow: a return box (Ctrl+G prints its label, or scan one), each overdue unit scanned into it (recorded
as expired, not as a refusal), Ctrl+E closes it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel

from shared.barcodes import Scan, ScanKind
from shared.qt.messages import fmt
from shared.qt.models import Column, RecordTableModel
from shared.qt.operations import OpFailure
from shared.qt.widgets import make_table
from shared.store import BoxView, ChangeSet, UnitView

from ..logic.storage import Expiring
from .base import Screen


class StorageScreen(Screen):
    key = "storage"

    def title(self) -> str:
        return self.tr("Storage deadlines")

    def bucket_names(self) -> dict[str, str]:
        return {
            "overdue": self.tr("overdue: collect for return"),
            "today": self.tr("storage ends today"),
            "tomorrow": self.tr("storage ends tomorrow"),
        }

    def build(self) -> None:
        self.items: list[Expiring] = []
        self.box: BoxView | None = None  # the return box the overdue go into
        self.packed: list[str] = []
        self.box_line = QLabel(self)
        self.box_line.setObjectName("expiredBoxLine")
        self.box_line.setProperty("role", "hint")
        self.add(self.box_line)
        self.model: RecordTableModel[Expiring] = RecordTableModel(
            [
                Column(self.tr("Cell"), lambda e: e.cell_number or "", bold=True),
                Column(self.tr("Unit"), lambda e: e.label),
                Column(self.tr("Product"), lambda e: e.product),
                Column(self.tr("Customer"), lambda e: e.customer),
                Column(self.tr("Order"), lambda e: e.order_number or ""),
                Column(self.tr("Kept until"), lambda e: _day(e.deadline)),
                Column(self.tr("State"), lambda e: self.bucket_names()[e.bucket]),
            ],
            key=lambda e: e.unit_id,
            tone=lambda e: {"overdue": "error", "today": "warn", "tomorrow": "info"}[e.bucket],
        )
        self.table = make_table(self.model, self)
        self.table.setObjectName("storageTable")
        # the state is what the clerk acts on: always whole; a long product name gives way (elided)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.add(self.table, 1)
        self.add_action("generate", self.tr("New return box"), "Ctrl+G", self.generate)
        self.add_action("close", self.tr("Close box"), "Ctrl+E", self.close_box)
        self.add_action("refresh", self.tr("Refresh"), "Ctrl+U", self.refresh)
        self._sync()

    def _sync(self) -> None:
        overdue = any(e.bucket == "overdue" for e in self.items)
        self.enable(generate=self.box is None and overdue, close=self.box is not None and bool(self.packed))
        if self.box is None:
            self.box_line.setText("")
        else:
            self.box_line.setText(
                fmt(self.tr("Return box %1: %2 expired units"), self.box.id, len(self.packed))
            )

    def reset_prompt(self) -> None:
        items = getattr(self, "items", [])
        if getattr(self, "box", None) is not None:
            left = sum(1 for e in items if e.bucket == "overdue")
            self.prompt.set_step(
                self.tr("Scan each overdue unit into the return box"),
                fmt(self.tr("%1 overdue left. Ctrl+E closes the box."), left),
                tone="warn" if left else "ok",
            )
            return
        if not items:
            self.prompt.set_step(
                self.tr("No storage ends today or tomorrow"),
                self.tr("Units are kept for the site's storage days from the day they arrive."),
                tone="ok",
            )
            return
        counts = {b: sum(1 for e in items if e.bucket == b) for b in ("overdue", "today", "tomorrow")}
        self.prompt.set_step(
            fmt(
                self.tr("%1 overdue, %2 end today, %3 end tomorrow"),
                counts["overdue"],
                counts["today"],
                counts["tomorrow"],
            ),
            self.tr("Ctrl+G prints a return box label (or scan one); then scan the overdue units into it."),
            tone="warn" if counts["overdue"] else "info",
        )

    def on_activated(self) -> None:
        self.refresh()

    def on_changed(self, changes: ChangeSet) -> None:
        if self.active and (changes.full or changes.units or changes.sites):
            self.refresh()

    def refresh(self) -> None:
        self.query(self.ctx.flows.returns.expiring, self._show)

    def _show(self, items: list[Expiring]) -> None:
        self.items = items
        self.model.set_rows(items)
        self._sync()
        self.reset_prompt()

    # --- collecting the overdue into a return box ----------------------------------------------
    def on_scan(self, scan: Scan) -> None:
        if scan.kind is ScanKind.BOX:
            if self.box is not None:
                self.error(fmt(self.tr("Close box %1 first (Ctrl+E)."), self.box.id))
                return
            if scan.fields.get("box_kind", "return") != "return":
                self.error(self.tr("This is a forward box label: scan a return box label."))
                return
            box_id = scan.fields.get("sscc", scan.code)
            self.run(lambda: self.ctx.flows.returns.open_box(box_id), self._opened)
        elif scan.kind is ScanKind.UNIT and self.box is not None:
            box, label = self.box, scan.code
            self.run(
                lambda: self.ctx.flows.returns.pack_expired(box.id, label),
                self._packed,
                lambda failure: self._pack_failed(failure, label),
            )
        else:
            self.refuse_kind(scan, [ScanKind.UNIT] if self.box is not None else [ScanKind.BOX])

    def generate(self) -> None:
        def make() -> tuple[Any, ChangeSet]:
            return self.ctx.flows.returns.open_new_box()

        self.run(make, self._generated)

    def _generated(self, box: BoxView) -> None:
        self.ctx.reports.label(ScanKind.BOX, box.id, [self.tr("Return: expired"), self.ctx.site_id])
        self._opened(box)

    def _opened(self, box: BoxView) -> None:
        self.box = box
        self.packed = [u.id for u in self.ctx.flows.returns.box_units(box.id)]
        self.success(fmt(self.tr("Return box %1 open: scan the overdue units"), box.id))
        self._sync()
        self.reset_prompt()

    def _packed(self, unit: UnitView) -> None:
        self.packed.append(unit.id)
        self.success(fmt(self.tr("Unit %1 packed as expired"), unit.label))
        self.refresh()

    def _pack_failed(self, failure: OpFailure, label: str) -> None:
        if failure.code == "not_overdue":
            self.error(fmt(self.tr("Unit %1 is not overdue: it stays in its cell."), label))
        else:
            self.error(failure.message)

    def close_box(self) -> None:
        box = self.box
        if box is None:
            return
        self.run(lambda: self.ctx.flows.returns.close_box(box.id), self._closed)

    def _closed(self, box: BoxView) -> None:
        self.success(
            fmt(
                self.tr("Return box %1 closed: %2 units. Hand it over on the returns screen (F4)."),
                box.id,
                box.unit_count,
            )
        )
        self.box = None
        self.packed = []
        self._sync()
        self.reset_prompt()


def _day(day: date) -> str:
    return day.strftime("%d.%m.%Y")
