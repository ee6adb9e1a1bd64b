"""Which cell a unit goes to: a customer's units together, capacity respected.

Pure: takes the cells' current loads and the customer's units per cell, returns a cell id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CellSlot:
    """A cell with how many units sit in it now."""

    cell_id: str
    number: int
    capacity: int
    units: int

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.units)


def suggest_cell(slots: Sequence[CellSlot], customer_units: Mapping[str, int]) -> CellSlot | None:
    """The cell for one more unit of a customer.

    1. A cell already holding this customer's units with room left (the one holding most of them;
       lowest number on a tie), so the clerk fetches one cell at pickup.
    2. Else an empty cell (lowest number), so customers do not share a cell while there is room.
    3. Else the cell with the most free room (lowest number on a tie).
    None when every cell is full.
    """
    with_room = [s for s in slots if s.free > 0]
    if not with_room:
        return None
    own = [s for s in with_room if customer_units.get(s.cell_id, 0) > 0]
    if own:
        return min(own, key=lambda s: (-customer_units[s.cell_id], s.number))
    empty = [s for s in with_room if s.units == 0]
    if empty:
        return min(empty, key=lambda s: s.number)
    return min(with_room, key=lambda s: (-s.free, s.number))


def place(slots: list[CellSlot], cell_id: str, delta: int = 1) -> list[CellSlot]:
    """The loads after ``delta`` units went into (or, negative, out of) ``cell_id``."""
    return [
        CellSlot(s.cell_id, s.number, s.capacity, max(0, s.units + delta)) if s.cell_id == cell_id else s
        for s in slots
    ]
