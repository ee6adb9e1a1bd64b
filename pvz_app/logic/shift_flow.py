"""The clerk's shift: opened and closed with the journal, its work counted for the shift report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from shared.domain import Clock, OpType
from shared.store.models import ChangeSet

from .ports import Clerk, Done, PvzData, PvzError, PvzJournal, Record
from .reports import shift_counts

SHIFT_KEY = "pvz.shift"  # "<shift id>|<first seq>|<user id>|<opened at>"


@dataclass(frozen=True)
class Shift:
    shift_id: str
    first_seq: int
    user_id: str
    opened_at: str


class ShiftFlow:
    def __init__(
        self, data: PvzData, journal: PvzJournal, clerk: Clerk, clock: Clock, new_id: Callable[[], str]
    ) -> None:
        self.data = data
        self.journal = journal
        self.clerk = clerk
        self.clock = clock
        self.new_id = new_id

    def current(self) -> Shift | None:
        """The open shift, or None."""
        raw = self.data.setting(SHIFT_KEY)
        if not raw:
            return None
        shift_id, seq, user, opened = raw.split("|", 3)
        return Shift(shift_id, int(seq), user, opened)

    def open(self) -> Done:
        current = self.current()
        if current is not None:
            return current, ChangeSet()
        shift_id = self.new_id()
        actor = self.clerk.require()
        opened = self.clock.now().isoformat(timespec="seconds")
        # The journalled shift.open and the open-shift setting are one transaction: a crash leaves
        # neither or both.
        changes = self.journal.record(
            [Record(OpType.SHIFT_OPEN, {"shift_id": shift_id})],
            actor,
            lambda seqs: {SHIFT_KEY: f"{shift_id}|{seqs[0]}|{actor.user_id}|{opened}"},
        )
        changes.journal = True
        return self.current(), changes

    def summary(self) -> dict[str, int]:
        """Counts of the shift's work, and the money of the units issued by payment method
        (``money_prepaid``: paid online before; ``money_on_pickup``: paid at this counter), kopecks."""
        shift = self.current()
        if shift is None:
            return {**shift_counts([]), "money_prepaid": 0, "money_on_pickup": 0}
        ops = self.data.ops_since(shift.first_seq - 1)
        money = {"money_prepaid": 0, "money_on_pickup": 0}
        for op in ops:
            if op.type is OpType.COMPLETE_PICKUP:
                for unit_id in op.payload.get("issued", []):
                    unit = self.data.unit(unit_id)
                    if unit is not None:
                        key = "money_on_pickup" if unit.payment == "on_pickup" else "money_prepaid"
                        money[key] += unit.price
        return {**shift_counts(ops), **money}

    def close(self) -> Done:
        """Close the shift; returns its summary (for the shift report)."""
        shift = self.current()
        if shift is None:
            raise PvzError("no_shift", "no shift is open")
        summary = self.summary()
        changes = self.journal.record(
            [Record(OpType.SHIFT_CLOSE, {"shift_id": shift.shift_id})],
            self.clerk.require(),
            {SHIFT_KEY: None},
        )
        changes.journal = True
        return summary, changes
