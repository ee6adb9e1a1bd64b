"""Route cut-offs: which departure an order's boxes leave on, and whether its pick task makes it.

A warehouse sends each PVZ's boxes on routes that leave at fixed times of day (UTC), each with a
lead time: an order paid at least ``lead_minutes`` before a departure goes on it, later ones on the
next. The backend gives every pick task its route's name and departure time (``route_name``,
``departs_at``); the terminal sorts its task list by departure and warns about tasks that will miss
theirs at the picker's pace.

Pure: no Qt, no I/O; times are passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Departure:
    """A route that leaves every day at ``at`` (UTC) for one PVZ."""

    name: str
    at: time
    lead_minutes: int = 90

    @staticmethod
    def parse(name: str, hhmm: str, lead_minutes: int = 90) -> Departure:
        hours, _, minutes = hhmm.partition(":")
        return Departure(name, time(int(hours), int(minutes or 0)), lead_minutes)


def next_departure(schedule: Iterable[Departure], paid_at: datetime) -> tuple[str, datetime] | None:
    """The first departure an order paid at ``paid_at`` can make (its lead time before it), or None
    without a schedule."""
    paid_at = paid_at.astimezone(UTC)
    best: tuple[str, datetime] | None = None
    for dep in schedule:
        for day in range(3):
            when = datetime.combine(paid_at.date() + timedelta(days=day), dep.at, UTC)
            if paid_at <= when - timedelta(minutes=dep.lead_minutes):
                if best is None or when < best[1]:
                    best = (dep.name, when)
                break
    return best


class CutoffState(StrEnum):
    NONE = "none"  # no route departure known
    ON_TIME = "on_time"
    AT_RISK = "at_risk"  # at this pace the boxes will not be on the route in time
    MISSED = "missed"  # the route has left


@dataclass(frozen=True, slots=True)
class Pace:
    """How long work takes: per unit still to pick, and packing and loading after the last one."""

    seconds_per_unit: float = 60.0
    pack_and_load_minutes: float = 20.0

    def finish(self, now: datetime, units_left: int) -> datetime:
        return now + timedelta(seconds=self.seconds_per_unit * units_left, minutes=self.pack_and_load_minutes)


def cutoff_state(
    departs_at: datetime | None, units_left: int, now: datetime, pace: Pace = Pace()
) -> CutoffState:
    if departs_at is None:
        return CutoffState.NONE
    if now >= departs_at:
        return CutoffState.MISSED
    if pace.finish(now, units_left) > departs_at:
        return CutoffState.AT_RISK
    return CutoffState.ON_TIME


def by_cutoff(departures: Sequence[datetime | None], created: Sequence[datetime | None]) -> list[int]:
    """Indexes in task-list order: earliest departure first, tasks with none last, then oldest."""
    far = datetime.max.replace(tzinfo=UTC)
    return sorted(
        range(len(departures)),
        key=lambda i: (departures[i] or far, created[i] or far, i),
    )
