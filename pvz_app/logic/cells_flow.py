"""The cells: finding units (by label, order, phone tail or cell number), moving one to another
cell, counting a cell (inventory)."""

from __future__ import annotations

from shared.domain import OpType, UnitStatus
from shared.store.models import UnitView

from .inventory import CellCount
from .ports import Clerk, Done, PvzData, PvzError, PvzJournal, Record


class CellsFlow:
    def __init__(self, data: PvzData, journal: PvzJournal, clerk: Clerk) -> None:
        self.data = data
        self.journal = journal
        self.clerk = clerk

    def search(self, query: str) -> list[UnitView]:
        """Units by unit label, order id, the customer's phone's last digits, or cell number."""
        q = query.strip()
        if not q:
            return []
        unit = self.data.unit_by_label(q.upper())
        if unit is not None:
            return [unit]
        if self.data.order(q) is not None:
            return self.data.units_for_order(q)
        if q.isdigit() and len(q) >= 4:
            found = []
            for order in self.data.orders_by_phone_suffix(q):
                found.extend(self.data.units_for_order(order.id))
            if found:
                return found
        if q.isdigit():
            cell = self.data.cell_by_number(int(q))
            if cell is not None:
                return self.data.cell_contents(cell.id)
        return []

    def unit_by_label(self, label: str) -> UnitView | None:
        return self.data.unit_by_label(label)

    def contents(self, cell_id: str) -> list[UnitView]:
        return self.data.cell_contents(cell_id)

    def move(self, unit_id: str, cell_id: str) -> Done:
        changes = self.journal.record(
            [Record(OpType.MOVE_UNIT, {"unit_id": unit_id, "cell_id": cell_id})], self.clerk.require()
        )
        return self.data.unit(unit_id), changes

    def start_count(self, cell_id: str) -> CellCount:
        if self.data.cell(cell_id) is None:
            raise PvzError("unknown_cell", cell_id)
        units = [
            u
            for u in self.data.cell_contents(cell_id)
            if u.status in (UnitStatus.ACCEPTED, UnitStatus.REFUSED)
        ]
        return CellCount(
            cell_id, {u.id: u.label for u in units}, products={u.id: u.product_name for u in units}
        )

    def record_count(self, count: CellCount) -> Done:
        changes = self.journal.record([Record(OpType.INVENTORY, count.payload())], self.clerk.require())
        return count.payload(), changes
