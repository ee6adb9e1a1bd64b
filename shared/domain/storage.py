"""Storage deadlines at a PVZ, the one rule: a unit accepted on day D is kept to the end of day
D + storage_days (the PVZ's local calendar); from the next day on it is overdue and goes back to the
warehouse as expired. The storage screen, the issue screen's warning and the returns flow all ask
this module. Pure: the caller passes the times."""

from __future__ import annotations

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


def is_overdue(accepted_at: datetime | None, storage_days: int, now: datetime) -> bool:
    """Whether the unit's storage is over at ``now``: its last day has passed."""
    deadline = storage_until(accepted_at, storage_days)
    return deadline is not None and deadline < local_day(now)


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
