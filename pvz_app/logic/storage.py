"""Storage deadlines on the PVZ's screens: the rule itself is shared/domain/storage.py (one place,
for the storage screen, the issue screen's warning and the returns flow alike)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shared.domain.storage import WARN_DAYS, bucket, is_overdue, local_day, storage_until

__all__ = ["WARN_DAYS", "Expiring", "bucket", "is_overdue", "local_day", "sort_key", "storage_until"]


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
