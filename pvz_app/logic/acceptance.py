"""Accepting one box: expected units, the unit waiting for its cell, discrepancies, the report."""

from __future__ import annotations

from dataclasses import dataclass, field

from shared.domain import UnitStatus

from .cells import CellSlot


@dataclass(frozen=True, slots=True)
class BoxUnit:
    id: str
    label: str
    status: UnitStatus
    customer_id: str
    customer: str
    product: str
    cell_number: int | None


@dataclass(frozen=True, slots=True)
class Placement:
    """A scanned unit and the cell suggested for it; confirmed by scanning the cell label."""

    unit: BoxUnit
    cell: CellSlot
    chosen_freely: bool = False  # the clerk asked for another cell: any cell with room will do


@dataclass
class AcceptanceSession:
    box_id: str
    units: list[BoxUnit]
    surplus: list[str] = field(default_factory=list)  # labels of units not meant for this box/PVZ
    placement: Placement | None = None
    last_unknown: str | None = None  # a label scanned that is not in the box (surplus candidate)
    # the handover's receiving side: the seal found on the box ("" none), whether it is broken
    seal: str | None = None
    seal_broken: bool = False
    closed_before: bool = False  # its acceptance was closed already: no seal is asked again

    @property
    def needs_seal(self) -> bool:
        """The seal on the box is to be scanned (or recorded as missing) before the box closes."""
        return self.seal is None and not self.closed_before

    def find(self, label: str) -> BoxUnit | None:
        return next((u for u in self.units if u.label == label), None)

    def update(self, unit: BoxUnit) -> None:
        self.units = [unit if u.id == unit.id else u for u in self.units]

    @property
    def waiting(self) -> list[BoxUnit]:
        return [u for u in self.units if u.status is UnitStatus.SHIPPED]

    @property
    def accepted(self) -> list[BoxUnit]:
        return [u for u in self.units if u.status is UnitStatus.ACCEPTED]

    @property
    def missing(self) -> list[BoxUnit]:
        return [u for u in self.units if u.status is UnitStatus.MISSING]

    @property
    def damaged(self) -> list[BoxUnit]:
        return [u for u in self.units if u.status is UnitStatus.DAMAGED]

    @property
    def done(self) -> bool:
        return not self.waiting

    def counts(self) -> dict[str, int]:
        return {
            "expected": len(self.units),
            "accepted": len(self.accepted),
            "waiting": len(self.waiting),
            "missing": len(self.missing),
            "damaged": len(self.damaged),
            "surplus": len(self.surplus),
        }
