"""The PVZ's flows, one per area of the counter's work, over the ports of ``ports.py``.

The composition root builds one :class:`PvzFlows` (``build_flows``) and screens reach them as
``ctx.flows.<area>.<action>(...)``; tests build them the same way over a real store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from shared.domain import Clock

from .acceptance_flow import AcceptanceFlow
from .cells_flow import CellsFlow
from .conflicts import ConflictsFlow
from .dispute import DisputeFlow, DisputeSource
from .pickup_flow import PickupFlow
from .ports import Clerk, PaymentsPort, PvzData, PvzJournal
from .returns_flow import ReturnsFlow
from .shift_flow import ShiftFlow


@dataclass(frozen=True)
class PvzFlows:
    clerk: Clerk  # who is signed in: every flow journals as them
    shift: ShiftFlow
    acceptance: AcceptanceFlow
    pickup: PickupFlow  # issuing, fitting rooms, payment at pickup, the phone-tail search
    returns: ReturnsFlow  # return boxes and their handover, storage deadlines and the overdue
    cells: CellsFlow  # search, moves, cell counts
    conflicts: ConflictsFlow
    dispute: DisputeFlow  # dispute packs of a unit, order or box, and their photos
    site_id: str


def build_flows(
    data: PvzData,
    journal: PvzJournal,
    clock: Clock,
    new_id: Callable[[], str],
    dispute: DisputeSource,
    payments: PaymentsPort | None = None,
) -> PvzFlows:
    clerk = Clerk()
    return PvzFlows(
        clerk=clerk,
        shift=ShiftFlow(data, journal, clerk, clock, new_id),
        acceptance=AcceptanceFlow(data, journal, clerk),
        pickup=PickupFlow(data, journal, clerk, clock, payments),
        returns=ReturnsFlow(data, journal, clerk, clock),
        cells=CellsFlow(data, journal, clerk),
        conflicts=ConflictsFlow(data, journal, clerk),
        dispute=DisputeFlow(dispute, journal, clerk),
        site_id=data.site_id(),
    )
