"""Acceptance of a box from the warehouse: each unit scanned into the cell suggested for it, the
shortage, damage and surplus recorded, the box closed with the seal found on it."""

from __future__ import annotations

from collections import Counter
from typing import Any

from shared.domain import OpType, UnitStatus
from shared.domain.operations import MAX_PHOTOS_PER_OP
from shared.store.handover import DiscrepancyView
from shared.store.models import UnitView

from .acceptance import AcceptanceSession, BoxUnit, Placement
from .cells import CellSlot, suggest_cell
from .ports import Clerk, Done, PvzData, PvzError, PvzJournal, Record


def box_unit(u: UnitView) -> BoxUnit:
    return BoxUnit(
        u.id, u.label, UnitStatus(u.status), u.customer_id, u.customer_name, u.product_name, u.cell_number
    )


class AcceptanceFlow:
    def __init__(self, data: PvzData, journal: PvzJournal, clerk: Clerk) -> None:
        self.data = data
        self.journal = journal
        self.clerk = clerk

    def _record(self, op_type: OpType, payload: dict[str, Any]) -> Any:
        return self.journal.record([Record(op_type, payload)], self.clerk.require())

    def open_box(self, box_id: str) -> AcceptanceSession:
        site_id = self.data.site_id()
        box = self.data.box(box_id)
        if box is None:
            raise PvzError("unknown_box", f"box {box_id} is not known here")
        if box.kind != "forward":
            raise PvzError("wrong_box_kind", f"box {box_id} is a return box")
        if box.destination_site_id and box.destination_site_id != site_id:
            raise PvzError("wrong_site", f"box {box_id} goes to {box.destination_site_id}")
        units = [box_unit(u) for u in self.data.units_in_box(box_id)]
        return AcceptanceSession(
            box_id, units, surplus=self.data.surplus(box_id), closed_before=box.acceptance_closed
        )

    def cell_slots(self) -> list[CellSlot]:
        return self.data.cell_slots()

    def suggest_for(self, session: AcceptanceSession, label: str) -> Placement:
        """A unit label scanned during acceptance: which cell it goes to.

        Reads ``session`` but never changes it: the screen applies results on the GUI thread.
        Raises ``surplus_candidate`` for a label not in the box (the screen offers surplus).
        """
        site_id = self.data.site_id()
        unit = session.find(label)
        if unit is None:
            found = self.data.unit_by_label(label)
            if found is not None and found.pvz_id == site_id and found.box_id != session.box_id:
                raise PvzError("not_in_box", f"{label} was shipped in another box")
            raise PvzError("surplus_candidate", f"{label} is not in this box")
        if unit.status is UnitStatus.ACCEPTED:
            raise PvzError("already_in_state", f"{label} is already in cell {unit.cell_number}")
        if unit.status not in (UnitStatus.SHIPPED, UnitStatus.MISSING):
            raise PvzError("not_allowed", f"{label} is {unit.status}")
        own: Counter[str] = Counter(
            u.cell_id
            for u in self.data.units_for_customer(unit.customer_id, UnitStatus.ACCEPTED)
            if u.cell_id and u.pvz_id == site_id
        )
        cell = suggest_cell(self.cell_slots(), own)
        if cell is None:
            raise PvzError("cell_full", "every cell is full")
        return Placement(unit, cell)

    def found_in_box(self, label: str) -> AcceptanceSession:
        """A unit label scanned with no box open: a unit of a box delivered here and recorded short
        that has turned up. Returns its box's session with a cell suggested for it; any other
        unit raises ``scan_box_first``."""
        found = self.data.unit_by_label(label)
        if (
            found is None
            or found.pvz_id != self.data.site_id()
            or not found.box_id
            or UnitStatus(found.status) is not UnitStatus.MISSING
        ):
            raise PvzError("scan_box_first", f"{label}: scan the box label first")
        session = self.open_box(found.box_id)
        session.placement = self.suggest_for(session, label)
        return session

    def place(self, box_id: str, placement: Placement, cell_id: str) -> Done:
        """The cell label scanned: journal ACCEPT_UNIT into that cell (the suggested one, or any
        cell with room when the clerk asked for another); a unit recorded short that turned up
        is journalled as FOUND_UNIT. Returns the unit as it is now."""
        if cell_id != placement.cell.cell_id:
            if not placement.chosen_freely:
                raise PvzError("wrong_cell", f"expected {placement.cell.cell_id}, got {cell_id}")
            slot = next((s for s in self.cell_slots() if s.cell_id == cell_id), None)
            if slot is None:
                raise PvzError("unknown_cell", cell_id)
            if slot.free <= 0:
                raise PvzError("cell_full", cell_id)
        if placement.unit.status is UnitStatus.MISSING:
            changes = self._record(OpType.FOUND_UNIT, {"unit_id": placement.unit.id, "cell_id": cell_id})
        else:
            changes = self._record(
                OpType.ACCEPT_UNIT, {"unit_id": placement.unit.id, "box_id": box_id, "cell_id": cell_id}
            )
        return self._box_unit(placement.unit.id), changes

    def mark_shortage(self, unit_id: str) -> Done:
        changes = self._record(OpType.MARK_MISSING, {"unit_id": unit_id, "reason": "shortage"})
        return self._box_unit(unit_id), changes

    def mark_damaged(self, unit_id: str) -> Done:
        changes = self._record(OpType.MARK_DAMAGED, {"unit_id": unit_id, "reason": "damaged_on_arrival"})
        return self._box_unit(unit_id), changes

    def record_surplus(self, box_id: str, label: str, known: list[str]) -> Done:
        if label in known:
            raise PvzError("already_in_state", f"{label} is already recorded as surplus")
        changes = self._record(OpType.RECORD_SURPLUS, {"box_id": box_id, "label": label})
        return label, changes

    def close_box(
        self, box_id: str, waiting: list[str], seal: str | None = None, seal_broken: bool = False
    ) -> Done:
        """Close acceptance: units never scanned are recorded as a shortage first. ``seal``: the
        seal found on the box ("" none), with the box's photos; None: not checked.
        Returns the box's units as they are now."""
        records = [
            Record(OpType.MARK_MISSING, {"unit_id": unit_id, "reason": "shortage"}) for unit_id in waiting
        ]
        close: dict[str, Any] = {"box_id": box_id}
        if seal is not None:
            close |= {"seal": seal, "seal_broken": seal_broken}
            photos = self.data.box_photos(box_id)[-MAX_PHOTOS_PER_OP:]
            if photos:
                close["photos"] = photos
        records.append(Record(OpType.CLOSE_ACCEPTANCE, close))
        changes = self.journal.record(records, self.clerk.require())  # all or nothing
        return [box_unit(u) for u in self.data.units_in_box(box_id)], changes

    def save_box_photo(self, box_id: str, data: bytes) -> str:
        """A photo of the box (a broken seal): kept and queued; it goes with the box's close."""
        return self.journal.save_photo(data, self.clerk.actor, box_id, "box")

    def discrepancies(self) -> list[DiscrepancyView]:
        """Open handover discrepancies of boxes sent here."""
        return self.data.discrepancies("forward")

    def _box_unit(self, unit_id: str) -> BoxUnit:
        fresh = self.data.unit(unit_id)
        if fresh is None:
            raise PvzError("unknown_unit", unit_id)
        return box_unit(fresh)
