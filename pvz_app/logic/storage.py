"""Storage deadlines: a unit that arrives at a PVZ is kept for the site's storage days, to the end
of the last day (the PVZ's local calendar). Pure: the caller passes the local day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

WARN_DAYS = 1  # the issue screen warns when the deadline is today or tomorrow


def local_day(moment: datetime) -> date:
    """The PVZ's calendar day of an aware time (this computer's time zone)."""
    return moment.astimezone().date()


def storage_until(accepted_at: datetime | None, storage_days: int) -> date | None:
    """The last day a unit accepted at ``accepted_at`` is kept (None before it arrived)."""
    if accepted_at is None:
        return None
    return local_day(accepted_at) + timedelta(days=max(1, storage_days))


def bucket(deadline: date | None, today: date) -> str | None:
    """'overdue', 'today', 'tomorrow', or None (later, or no deadline)."""
    if deadline is None:
        return None
    if deadline < today:
        return "overdue"
    if deadline == today:
        return "today"
    if deadline == today + timedelta(days=1):
        return "tomorrow"
    return None


@dataclass(frozen=True, slots=True)
class Expiring:
    """One unit on the storage screen."""

    unit_id: str
    label: str
    cell_number: int | None
    product: str
    customer: str
    order_number: int | None
    deadline: date
    bucket: str  # overdue | today | tomorrow


BUCKET_ORDER = {"overdue": 0, "today": 1, "tomorrow": 2}


def sort_key(item: Expiring) -> tuple[int, date, int, str]:
    return (BUCKET_ORDER[item.bucket], item.deadline, item.cell_number or 0, item.label)
