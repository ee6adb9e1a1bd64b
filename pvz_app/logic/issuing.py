"""One pickup: the order's units, which are ready, which were fetched, taken or refused.

Pure state; the issuing screen feeds it scans (already parsed and looked up) and asks what to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from shared.domain import UnitStatus

REFUSAL_REASONS: tuple[str, ...] = ("did_not_fit", "damaged", "not_as_described", "changed_mind", "other")


@dataclass(frozen=True, slots=True)
class PickupUnit:
    id: str
    label: str
    status: UnitStatus
    pvz_id: str
    cell_number: int | None
    product: str
    gtin: str
    needs_marking: bool


def not_ready_reason(unit: PickupUnit, site_id: str) -> str | None:
    """None for a unit ready to issue here; else a reason code ('in_transit', 'other_pvz', ...)."""
    if unit.pvz_id != site_id:
        return "other_pvz"
    if unit.status is UnitStatus.ACCEPTED:
        return None
    if unit.status in (UnitStatus.PAID, UnitStatus.PICKED, UnitStatus.PACKED, UnitStatus.CREATED):
        return "at_warehouse"
    if unit.status is UnitStatus.SHIPPED:
        return "in_transit"
    if unit.status is UnitStatus.ISSUED:
        return "issued"
    if unit.status is UnitStatus.REFUSED:
        return "refused"
    return "unavailable"


class PickupError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class PickupSession:
    order_id: str
    customer_id: str
    site_id: str
    units: list[PickupUnit]
    fetched: list[str] = field(default_factory=list)  # unit ids, in scan order
    marked: dict[str, str] = field(default_factory=dict)  # unit id -> marking code
    refused: dict[str, str] = field(default_factory=dict)  # unit id -> reason

    @property
    def awaiting_marking(self) -> str | None:
        """The unit whose DataMatrix must be scanned next: fetched, marked goods, not refused
        (a refused unit stays at the PVZ and needs no marking code), no code scanned yet."""
        return next((unit_id for unit_id in self.fetched if self._code_due(unit_id)), None)

    def _code_due(self, unit_id: str) -> bool:
        unit = self.unit(unit_id)
        return bool(
            unit and unit.needs_marking and unit_id not in self.refused and unit_id not in self.marked
        )

    @property
    def ready(self) -> list[PickupUnit]:
        return [u for u in self.units if not_ready_reason(u, self.site_id) is None]

    def not_ready(self) -> dict[str, int]:
        """Why the order's other units cannot be issued here: reason code -> how many."""
        counts: dict[str, int] = {}
        for unit in self.units:
            reason = not_ready_reason(unit, self.site_id)
            if reason is not None:
                counts[reason] = counts.get(reason, 0) + 1
        return counts

    @property
    def started(self) -> bool:
        """Units were fetched: leaving now means putting them back in their cells."""
        return bool(self.fetched)

    def unit(self, unit_id: str) -> PickupUnit | None:
        return next((u for u in self.units if u.id == unit_id), None)

    def fetch(self, unit_id: str | None, label: str) -> PickupUnit:
        """A unit label was scanned; raise PickupError for a unit not ready in this order."""
        if self.awaiting_marking is not None:
            waiting = self.unit(self.awaiting_marking)
            raise PickupError("marking_expected", waiting.label if waiting else "")
        unit = self.unit(unit_id) if unit_id else None
        if unit is None:
            raise PickupError("wrong_unit", label)
        reason = not_ready_reason(unit, self.site_id)
        if reason is not None:
            raise PickupError(f"not_ready:{reason}", label)
        if unit.id in self.fetched:
            raise PickupError("already_fetched", label)
        self.fetched.append(unit.id)
        return unit

    def mark(self, gtin: str, code: str) -> PickupUnit:
        """The marking DataMatrix of the unit just fetched; its GTIN must be the product's."""
        if self.awaiting_marking is None:
            raise PickupError("marking_not_needed", code)
        unit = self.unit(self.awaiting_marking)
        assert unit is not None
        if gtin.lstrip("0") != unit.gtin.lstrip("0"):
            raise PickupError("gtin_mismatch", code)
        self.marked[unit.id] = code
        return unit

    def refuse(self, unit_id: str, reason: str) -> None:
        if unit_id not in self.fetched:
            raise PickupError("not_fetched", unit_id)
        if reason not in REFUSAL_REASONS:
            raise PickupError("bad_reason", reason)
        self.refused[unit_id] = reason

    def take(self, unit_id: str) -> None:
        """Undo a refusal: the customer takes the unit after all (marked goods: its DataMatrix is
        then due before the pickup completes)."""
        self.refused.pop(unit_id, None)

    def decision(self, unit_id: str) -> str:
        """'waiting', 'taken', 'refused' or 'marking' (fetched, DataMatrix still to scan)."""
        if unit_id not in self.fetched:
            return "waiting"
        if self._code_due(unit_id):
            return "marking"
        return "refused" if unit_id in self.refused else "taken"

    @property
    def can_complete(self) -> bool:
        return bool(self.fetched) and self.awaiting_marking is None

    def payload(self) -> dict[str, Any]:
        """The COMPLETE_PICKUP payload: ISSUED and REFUSED units in one operation."""
        if self.awaiting_marking is not None:
            raise PickupError("marking_expected", self.awaiting_marking)
        if not self.fetched:
            raise PickupError("nothing_fetched", self.order_id)
        issued = [u for u in self.fetched if u not in self.refused]
        refused = [{"unit_id": u, "reason": self.refused[u]} for u in self.fetched if u in self.refused]
        return {"order_id": self.order_id, "issued": issued, "refused": refused}


def session_for(order_id: str, customer_id: str, site_id: str, units: Sequence[PickupUnit]) -> PickupSession:
    ordered = sorted(
        units, key=lambda u: (not_ready_reason(u, site_id) is not None, u.cell_number or 0, u.label)
    )
    return PickupSession(order_id, customer_id, site_id, list(ordered))
