"""A picker's numbers for the shift, counted from their own ops in the local journal: lines and units
picked per hour and units recorded short. A line is one product at one location of one task."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from shared.domain import Operation, OpType

SHIFT = timedelta(hours=12)  # ops older than this belong to an earlier shift
MIN_RATE_WINDOW = timedelta(minutes=10)  # per-hour figures only once there is enough to go on
COUNTED = (OpType.PICK_UNIT.value, OpType.PICK_SKIP.value)


@dataclass(frozen=True, slots=True)
class ShiftNumbers:
    lines: int
    units: int
    short: int
    started: datetime | None  # the shift's first pick
    hours: float  # from the first pick until now

    @property
    def has_rates(self) -> bool:
        return self.hours * 3600 >= MIN_RATE_WINDOW.total_seconds()

    @property
    def lines_per_hour(self) -> float:
        return self.lines / self.hours if self.has_rates else 0.0

    @property
    def units_per_hour(self) -> float:
        return self.units / self.hours if self.has_rates else 0.0

    @property
    def seconds_per_unit(self) -> float | None:
        """This picker's pace, for the cut-off estimate (None until there are rates)."""
        return self.hours * 3600 / self.units if self.has_rates and self.units else None


def shift_numbers(ops: Sequence[Operation], sku_of: Callable[[str], str], now: datetime) -> ShiftNumbers:
    """``ops``: the worker's pick.unit and pick.skip ops of the shift (oldest first);
    ``sku_of(unit_id)`` names a unit's product ('' when unknown)."""
    picks = [op for op in ops if op.type is OpType.PICK_UNIT]
    short = sum(1 for op in ops if op.type is OpType.PICK_SKIP)
    lines = {
        (
            str(op.payload.get("task_id", "")),
            str(op.payload.get("location_id", "")),
            sku_of(str(op.payload["unit_id"])),
        )
        for op in picks
    }
    started = min((op.created_at for op in ops), default=None)
    hours = max(0.0, (now - started).total_seconds() / 3600) if started else 0.0
    return ShiftNumbers(len(lines), len(picks), short, started, hours)
