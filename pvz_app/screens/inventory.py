"""Inventory: cell after cell, scan what is there; missing and unexpected units are shown and recorded."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLabel

from shared.barcodes import Scan, ScanKind
from shared.qt.messages import fmt
from shared.qt.models import Column, RecordTableModel
from shared.qt.widgets import make_table

from ..logic.inventory import CellCount
from .base import Screen


@dataclass(frozen=True)
class CountRow:
    unit_id: str
    label: str
    state: str  # "expected", "found", "unexpected"
    product: str = ""  # the product's name from the pulled catalog; "" for a unit unknown here


class InventoryScreen(Screen):
    key = "inventory"

    def title(self) -> str:
        return self.tr("Inventory")

    def build(self) -> None:
        self.count: CellCount | None = None
        self.recorded_cells: list[str] = []
        self.cell_line = QLabel(self)
        self.cell_line.setObjectName("inventoryLine")
        self.cell_line.setProperty("role", "hint")
        self.cell_line.setWordWrap(True)
        self.add(self.cell_line)
        self.model: RecordTableModel[CountRow] = RecordTableModel(
            [
                Column(self.tr("Unit"), lambda r: r.label, bold=True),
                Column(self.tr("Product"), lambda r: r.product or self.tr("unknown here")),
                Column(self.tr("Result"), self._state_text),
            ],
            key=lambda r: r.unit_id,
            tone=lambda r: {"found": "ok", "unexpected": "error", "expected": None}.get(r.state),
        )
        self.table = make_table(self.model, self)
        self.table.setObjectName("inventoryTable")
        self.add(self.table, 1)
        self.add_action("record", self.tr("Record cell"), "Ctrl+Return", self.record, primary=True)
        self.add_action("cancel", self.tr("Cancel cell"), "Ctrl+N", self.cancel)
        self._sync()

    def _state_text(self, r: CountRow) -> str:
        return {
            "expected": self.tr("not scanned yet (missing)"),
            "found": self.tr("found"),
            "unexpected": self.tr("unexpected here"),
        }[r.state]

    def _rows(self) -> list[CountRow]:
        c = self.count
        if c is None:
            return []
        names = c.products
        rows = [
            CountRow(u, c.expected[u], "found" if u in c.scanned else "expected", names.get(u, ""))
            for u in c.expected
        ]
        rows += [CountRow(u, c.scanned[u], "unexpected", names.get(u, "")) for u in c.unexpected]
        return rows

    def _sync(self) -> None:
        c = self.count
        self.model.set_rows(self._rows())
        self.enable(record=c is not None, cancel=c is not None)
        if c is None:
            self.cell_line.setText(fmt(self.tr("Cells recorded this session: %1"), len(self.recorded_cells)))
        else:
            self.cell_line.setText(
                fmt(
                    self.tr("Cell %1: expected %2, found %3, missing %4, unexpected %5"),
                    c.cell_id.split(":")[-1].lstrip("0"),
                    len(c.expected),
                    len(c.found),
                    len(c.missing),
                    len(c.unexpected),
                )
            )

    def reset_prompt(self) -> None:
        if getattr(self, "count", None) is None:
            self.prompt.set_step(
                self.tr("Scan a cell label to count it"), self.tr("Then scan every unit in the cell.")
            )
        else:
            self.prompt.set_step(
                self.tr("Scan every unit in the cell"),
                self.tr("Ctrl+Enter records the cell; scanning the next cell records this one too."),
            )

    def on_scan(self, scan: Scan) -> None:
        if scan.kind is ScanKind.CELL:
            cell_id = scan.fields["cell_id"]
            if self.count is not None:
                if self.count.cell_id == cell_id:
                    self.warning(self.tr("This cell is being counted: scan its units."))
                    return
                self.record(then=cell_id)
                return
            self._start(cell_id)
        elif scan.kind is ScanKind.UNIT:
            if self.count is None:
                self.refuse_kind(scan, [ScanKind.CELL])
                return
            label = scan.code
            self.query(lambda: self.ctx.flows.cells.unit_by_label(label), lambda u: self._counted(u, label))
        else:
            self.refuse_kind(scan, [ScanKind.UNIT] if self.count else [ScanKind.CELL])

    def _start(self, cell_id: str) -> None:
        self.query(lambda: self.ctx.flows.cells.start_count(cell_id), self._started)

    def _started(self, count: CellCount) -> None:
        self.count = count
        self._sync()
        self.info(
            fmt(
                self.tr("Cell %1: %2 units expected"),
                count.cell_id.split(":")[-1].lstrip("0"),
                len(count.expected),
            )
        )
        self.reset_prompt()

    def _counted(self, unit: object, label: str) -> None:
        c = self.count
        if c is None:
            return
        unit_id = getattr(unit, "id", None) or label  # an unknown unit is recorded by its label
        if not c.scan(unit_id, label, str(getattr(unit, "product_name", "") or "")):
            self.warning(fmt(self.tr("Unit %1 is already counted."), label))
            return
        if unit_id in c.expected:
            self.success(fmt(self.tr("Found: %1"), label))
        else:
            self.error(fmt(self.tr("Unexpected in this cell: %1"), label))
        self._sync()

    def record(self, then: str | None = None) -> None:
        c = self.count
        if c is None:
            return
        self.run(lambda: self.ctx.flows.cells.record_count(c), lambda payload: self._recorded(payload, then))

    def _recorded(self, payload: dict[str, object], then: str | None) -> None:
        missing = payload["missing"]
        unexpected = payload["unexpected"]
        assert isinstance(missing, list) and isinstance(unexpected, list)
        self.recorded_cells.append(str(payload["cell_id"]))
        text = fmt(self.tr("Cell recorded: missing %1, unexpected %2"), len(missing), len(unexpected))
        if missing or unexpected:
            self.warning(text)
        else:
            self.success(text)
        self.count = None
        self._sync()
        self.reset_prompt()
        if then:
            self._start(then)

    def cancel(self) -> None:
        self.count = None
        self._sync()
        self.reset_prompt()
        self.clear_stale()
