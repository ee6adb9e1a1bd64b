"""Cells: search by unit, order, phone digits or cell; see a cell's contents; move a unit by scanning."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from shared.barcodes import Scan, ScanKind
from shared.qt import i18n
from shared.qt.messages import fmt
from shared.qt.models import Column, RecordTableModel
from shared.qt.widgets import make_table
from shared.store import ChangeSet, UnitView

from .base import Screen


class CellsScreen(Screen):
    key = "cells"

    def title(self) -> str:
        return self.tr("Cells")

    def build(self) -> None:
        self.moving: UnitView | None = None
        self.last_query = ""
        row = QWidget(self)
        form = QFormLayout(row)
        form.setContentsMargins(0, 0, 0, 0)
        self.search_box = QLineEdit(row)
        self.search_box.setObjectName("cellSearch")
        self.search_box.setPlaceholderText(self.tr("unit label, order, last 4+ phone digits or cell number"))
        self.search_box.returnPressed.connect(self.search)
        form.addRow(self.tr("Find"), self.search_box)
        self.add(row)
        self.model: RecordTableModel[UnitView] = RecordTableModel(
            [
                Column(self.tr("Cell"), lambda u: u.cell_number or "", bold=True),
                Column(self.tr("Unit"), lambda u: u.label),
                Column(self.tr("Product"), lambda u: u.product_name),
                Column(self.tr("Customer"), lambda u: u.customer_name),
                Column(
                    self.tr("Phone"), lambda u: "".join(ch for ch in u.customer_phone if ch.isdigit())[-4:]
                ),
                Column(self.tr("State"), lambda u: i18n.state_name(u.status)),
            ],
            key=lambda u: u.id,
        )
        self.table = make_table(self.model, self)
        self.table.setObjectName("cellsTable")
        self.add(self.table, 1)
        self.add_action("find", self.tr("Find"), "Ctrl+F", self.focus_search)
        self.add_action("move", self.tr("Move unit"), "Ctrl+M", self.start_move)
        self.add_action("cancel", self.tr("Cancel move"), "Ctrl+N", self.cancel_move)
        self.enable(cancel=False)

    def reset_prompt(self) -> None:
        moving = getattr(self, "moving", None)
        if moving is None:
            self.prompt.set_step(
                self.tr("Scan a cell or a unit, or search (Ctrl+F)"),
                self.tr("To move a unit: Ctrl+M, scan the unit, then the new cell."),
            )
        else:
            self.prompt.set_step(
                fmt(self.tr("Scan the new cell for %1"), moving.label),
                fmt(self.tr("Now in cell %1"), moving.cell_number or "—"),
                tone="warn",
            )

    def on_activated(self) -> None:
        self.search_box.setFocus()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def search(self, query: str | None = None, *, quiet: bool = False) -> None:
        q = (query if query is not None else self.search_box.text()).strip()
        self.last_query = q
        if quiet:
            self.query(lambda: self.ctx.flows.cells.search(q), self.model.set_rows)
            return
        self.ctx.ops.progress.emit(self.tr("Searching…"), 0, 0)
        self.query(lambda: self.ctx.flows.cells.search(q), self._found)

    def _found(self, units: list[UnitView]) -> None:
        self.model.set_rows(units)
        if units:
            self.table.selectRow(0)
            self.info(fmt(self.tr("Found: %1"), len(units)))
        else:
            self.warning(self.tr("Nothing found"))

    def start_move(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.moving = self.model.row_at(rows[0].row()) if rows else None
        self._move_mode = True
        self.enable(cancel=True)
        if self.moving is None:
            self.prompt.set_step(self.tr("Scan the unit to move"), tone="warn")
        else:
            self.reset_prompt()

    def cancel_move(self) -> None:
        self.moving = None
        self._move_mode = False
        self.enable(cancel=False)
        self.reset_prompt()

    def on_scan(self, scan: Scan) -> None:
        moving = getattr(self, "_move_mode", False)
        if scan.kind is ScanKind.CELL:
            cell_id = scan.fields["cell_id"]
            if moving and self.moving is not None:
                unit = self.moving
                self.run(lambda: self.ctx.flows.cells.move(unit.id, cell_id), self._moved)
                return
            self.search_box.setText(scan.fields.get("number", "").lstrip("0"))
            self.query(lambda: self.ctx.flows.cells.contents(cell_id), self._found)
        elif scan.kind is ScanKind.UNIT:
            label = scan.code
            if moving:
                self.query(lambda: self.ctx.flows.cells.unit_by_label(label), self._move_unit)
            else:
                self.search_box.setText(label)
                self.search(label)
        else:
            self.refuse_kind(scan, [ScanKind.CELL] if self.moving else [ScanKind.CELL, ScanKind.UNIT])

    def _move_unit(self, unit: UnitView | None) -> None:
        if unit is None or unit.cell_id is None:
            self.error(self.tr("This unit is not in a cell here."))
            return
        self.moving = unit
        self.info(fmt(self.tr("Unit %1"), unit.label))
        self.reset_prompt()

    def _moved(self, unit: UnitView) -> None:
        if not self.model.update_row(unit):
            self.model.set_rows([unit])
        self.cancel_move()
        self.success(fmt(self.tr("Unit %1 moved to cell %2"), unit.label, unit.cell_number))

    def on_changed(self, changes: ChangeSet) -> None:
        if self.active and self.last_query and (changes.units or changes.full):
            ids = {u.id for u in self.model.rows}
            if changes.full or ids & changes.units:
                self.search(self.last_query, quiet=True)
