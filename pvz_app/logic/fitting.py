"""Fitting rooms: a customer takes the units of try-on categories (clothes, shoes) into a room for
the site's fitting time while the clerk serves the queue; back at the counter each unit is taken or
refused with a reason and the pickup completes with what was kept.

Pure state: which customer is in which room since when, and what their pickup had fetched; the
pickup flow keeps the rooms in the store's settings, written in the same transaction as the
``fitting.start`` operations."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from shared.domain import parse_iso

FITTING_KEY = "pvz.fitting"  # JSON list of the occupied rooms
DEFAULT_ROOMS = 2
DEFAULT_MINUTES = 15


@dataclass(frozen=True)
class Fitting:
    """One occupied room."""

    room: int
    order_id: str  # the order whose code opened the pickup
    customer_id: str
    customer_name: str
    order_numbers: list[int]
    unit_ids: list[str]  # the units in the room
    labels: list[str]
    started_at: str  # ISO UTC
    minutes: int
    pickup: dict[str, Any] = field(default_factory=dict)  # PickupSession.state()

    def ends_at(self) -> datetime:
        return parse_iso(self.started_at) + timedelta(minutes=self.minutes)

    def left(self, now: datetime) -> timedelta:
        """Time left (negative once it is over)."""
        return self.ends_at() - now

    def over(self, now: datetime) -> bool:
        return self.left(now) <= timedelta(0)


def load(raw: str | None) -> list[Fitting]:
    if not raw:
        return []
    try:
        return [Fitting(**item) for item in json.loads(raw)]
    except (ValueError, TypeError):
        return []


def dump(rooms: list[Fitting]) -> str | None:
    if not rooms:
        return None
    return json.dumps([asdict(f) for f in sorted(rooms, key=lambda f: f.room)], ensure_ascii=False)


def free_room(rooms: list[Fitting], count: int) -> int | None:
    """The first free room of ``count`` (numbered from 1), or None when all are taken."""
    taken = {f.room for f in rooms}
    return next((r for r in range(1, max(1, count) + 1) if r not in taken), None)


def clock_text(left: timedelta) -> str:
    """'12:05' left, or '-03:10' once the time is over."""
    seconds = int(left.total_seconds())
    sign = "-" if seconds < 0 else ""
    minutes, sec = divmod(abs(seconds), 60)
    return f"{sign}{minutes:02d}:{sec:02d}"
