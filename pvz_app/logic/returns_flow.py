"""Returns at the PVZ: refused, damaged, overdue and brought-back units packed into return boxes,
and the boxes handed to the courier (with the courier's badge and each box's seal)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from shared.domain import Clock, OpType, UnitStatus
from shared.store.handover import DiscrepancyView
from shared.store.models import BoxView, ChangeSet, UnitView

from .ports import Clerk, Done, PvzData, PvzError, PvzJournal, Record
from .storage import Expiring, bucket, is_overdue, local_day, sort_key, storage_until


@dataclass(frozen=True)
class ReturnCandidate:
    unit: UnitView
    reason: str  # "refused", "damaged", "expired"


class ReturnsFlow:
    def __init__(self, data: PvzData, journal: PvzJournal, clerk: Clerk, clock: Clock) -> None:
        self.data = data
        self.journal = journal
        self.clerk = clerk
        self.clock = clock

    def _record(self, op_type: OpType, payload: dict[str, Any]) -> ChangeSet:
        return self.journal.record([Record(op_type, payload)], self.clerk.require())

    def candidates(self) -> list[ReturnCandidate]:
        """What waits to be packed for return: refused and damaged units, then the overdue."""
        site_id = self.data.site_id()
        out = [
            ReturnCandidate(u, "refused" if u.status is UnitStatus.REFUSED else "damaged")
            for u in self.data.units_by_status(UnitStatus.REFUSED, UnitStatus.DAMAGED)
            if u.pvz_id == site_id
        ]
        out.extend(ReturnCandidate(u, "expired") for u in self.data.expired_units(self.clock.now()))
        return out

    def box(self, box_id: str) -> BoxView | None:
        return self.data.box(box_id)

    def box_units(self, box_id: str) -> list[UnitView]:
        return self.data.units_in_box(box_id)

    def discrepancies(self) -> list[DiscrepancyView]:
        """Open handover discrepancies of the return boxes sent from here."""
        return self.data.discrepancies("return")

    def new_box_id(self) -> str:
        """A fresh return SSCC from the store's allocator (the same one the terminal uses)."""
        return self.journal.next_return_box_id()

    def open_box(self, box_id: str) -> Done:
        box = self.data.box(box_id)
        if box is not None:
            if box.kind != "return":
                raise PvzError("wrong_box_kind", f"{box_id} is not a return box")
            if box.closed:
                raise PvzError("box_closed", f"{box_id} is closed")
            return box, ChangeSet()
        changes = self._record(OpType.RETURN_OPEN, {"box_id": box_id})
        return self.data.box(box_id), changes

    def open_new_box(self) -> Done:
        """A return box with a fresh SSCC."""
        return self.open_box(self.new_box_id())

    def reason(self, unit: UnitView) -> str | None:
        if unit.pvz_id != self.data.site_id():
            return None
        if unit.status is UnitStatus.REFUSED:
            return "refused"
        if unit.status is UnitStatus.DAMAGED:
            return "damaged"
        if unit.status is UnitStatus.ISSUED:
            return "brought_back"
        if unit.status is UnitStatus.ACCEPTED:  # the storage screen's rule (shared/domain/storage.py)
            return "expired" if is_overdue(unit.accepted_at, unit.storage_days, self.clock.now()) else None
        return None

    def pack(self, box_id: str, label: str, brought_back_reason: str = "") -> Done:
        unit = self.data.unit_by_label(label)
        if unit is None:
            raise PvzError("unknown_unit", label)
        reason = self.reason(unit)
        if reason is None:
            raise PvzError("not_returnable", f"{label} is {unit.status}")
        if reason == "brought_back":
            if not brought_back_reason:
                raise PvzError("reason_required", "say why the customer brought it back")
            reason = f"brought_back:{brought_back_reason}"
        changes = self._record(OpType.RETURN_PACK, {"box_id": box_id, "unit_id": unit.id, "reason": reason})
        return self.data.unit(unit.id), changes

    def pack_expired(self, box_id: str, label: str) -> Done:
        """The storage screen's collection: an overdue unit into the open return box, recorded as
        expired (not a refusal). Any other unit raises ``not_overdue``."""
        unit = self.data.unit_by_label(label)
        if unit is None:
            raise PvzError("unknown_unit", label)
        if unit.pvz_id != self.data.site_id() or unit.status is not UnitStatus.ACCEPTED:
            raise PvzError("not_overdue", f"{label} is {unit.status}")
        if not is_overdue(unit.accepted_at, unit.storage_days, self.clock.now()):
            raise PvzError("not_overdue", f"{label}: its storage is not over yet")
        changes = self._record(
            OpType.RETURN_PACK, {"box_id": box_id, "unit_id": unit.id, "reason": "expired"}
        )
        return self.data.unit(unit.id), changes

    def close_box(self, box_id: str) -> Done:
        changes = self._record(OpType.RETURN_CLOSE, {"box_id": box_id})
        return self.data.box(box_id), changes

    def handover(
        self, box_ids: list[str], badge: str | None = None, seals: dict[str, str] | None = None
    ) -> Done:
        """Hand return boxes to the courier: with the courier's badge and each box's seal."""
        unit_ids = [u.id for b in box_ids for u in self.data.units_in_box(b)]
        payload: dict[str, Any] = {"box_ids": box_ids, "unit_ids": unit_ids}
        if badge is not None:
            payload |= {"courier_badge": badge, "seals": dict(seals or {})}
        changes = self._record(OpType.RETURN_HANDOVER, payload)
        return {"boxes": box_ids, "units": unit_ids}, changes

    # ------------------------------------------------------------------ storage deadlines
    def today(self) -> date:
        return local_day(self.clock.now())

    def expiring(self) -> list[Expiring]:
        """Units waiting here whose storage ends today or tomorrow, or is over, with their cells."""
        today = self.today()
        site_id = self.data.site_id()
        out = []
        for u in self.data.units_by_status(UnitStatus.ACCEPTED):
            if u.pvz_id != site_id:
                continue
            deadline = storage_until(u.accepted_at, u.storage_days)
            when = bucket(deadline, today)
            if deadline is not None and when is not None:
                out.append(
                    Expiring(
                        u.id,
                        u.label,
                        u.cell_number,
                        u.product_name,
                        u.customer_name,
                        u.order_number,
                        deadline,
                        when,
                    )
                )
        return sorted(out, key=sort_key)
