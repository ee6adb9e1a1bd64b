"""Storage deadlines: what this PVZ keeps past its storage period, or whose period ends today or
tomorrow, with cells, so the clerk can remind the customer or collect the overdue for return."""

from __future__ import annotations

from datetime import date

from shared.barcodes import Scan
from shared.qt.models import Column, RecordTableModel
from shared.qt.widgets import make_table
from shared.store import ChangeSet

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
        self.add(self.table, 1)
        self.add_action("refresh", self.tr("Refresh"), "Ctrl+U", self.refresh)

    def reset_prompt(self) -> None:
        items = getattr(self, "items", [])
        if not items:
            self.prompt.set_step(
                self.tr("No storage ends today or tomorrow"),
                self.tr("Units are kept for the site's storage days from the day they arrive."),
                tone="ok",
            )
            return
        counts = {b: sum(1 for e in items if e.bucket == b) for b in ("overdue", "today", "tomorrow")}
        self.prompt.set_step(
            self.tr("%1 overdue, %2 end today, %3 end tomorrow")
            .replace("%1", str(counts["overdue"]))
            .replace("%2", str(counts["today"]))
            .replace("%3", str(counts["tomorrow"])),
            self.tr("Overdue units go into a return box (F4) as expired."),
            tone="warn" if counts["overdue"] else "info",
        )

    def on_activated(self) -> None:
        self.refresh()

    def on_changed(self, changes: ChangeSet) -> None:
        if self.active and (changes.full or changes.units or changes.sites):
            self.refresh()

    def refresh(self) -> None:
        self.query(self.ctx.service.expiring, self._show)

    def _show(self, items: list[Expiring]) -> None:
        self.items = items
        self.model.set_rows(items)
        self.reset_prompt()

    def on_scan(self, scan: Scan) -> None:
        self.refuse_kind(scan, [])


def _day(day: date) -> str:
    return day.strftime("%d.%m.%Y")
