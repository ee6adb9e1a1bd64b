"""One pickup: the customer card (every parcel of the customer at this PVZ: ready ones with their
cells, ones on the way with the expected day, returns in progress), which units were fetched, taken
or refused, and what a pay-on-pickup order still needs paid before it may be issued.

Pure state; the issuing screen feeds it scans (already parsed and looked up) and asks what to show.
All ready orders of the customer are issued in one go: one COMPLETE_PICKUP per order, recorded
together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from shared.domain import UnitStatus
from shared.domain.operations import REFUSAL_REASONS, TRY_ON_CATEGORIES


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
    order_id: str = ""
    order_number: int | None = None
    price: int = 0  # kopecks
    pay_on_pickup: bool = False  # its order is paid at the counter ...
    paid: bool = False  # ... and that payment has succeeded
    storage_until: date | None = None  # the last day it is kept here (ready units)
    expected: date | None = None  # units on the way: the day expected here
    category: str = ""  # the product's: clothes and shoes may be tried on

    @property
    def payment_due(self) -> bool:
        return self.pay_on_pickup and not self.paid

    @property
    def try_on(self) -> bool:
        """A unit the customer may take into a fitting room."""
        return self.category in TRY_ON_CATEGORIES


ON_THE_WAY = frozenset({UnitStatus.PAID, UnitStatus.PICKED, UnitStatus.PACKED, UnitStatus.SHIPPED})
RETURNING = frozenset({UnitStatus.REFUSED, UnitStatus.RETURN_PACKED})


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
    if unit.status is UnitStatus.RETURN_PACKED:
        return "returning"
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
    customer_name: str = ""
    customer_phone: str = ""  # masked: +7 *** ***-12-34
    paid_now: set[str] = field(default_factory=set)  # orders paid at the counter in this pickup
    fitting_room: int | None = None  # the customer came back from this fitting room

    def for_fitting(self) -> list[PickupUnit]:
        """Fetched units the customer may take into a fitting room (try-on categories, not refused)."""
        return [u for u in self.kept() if u.try_on]

    def state(self) -> dict[str, Any]:
        """What a fitting room keeps of this pickup while the customer tries things on."""
        return {
            "order_id": self.order_id,
            "fetched": list(self.fetched),
            "marked": dict(self.marked),
            "refused": dict(self.refused),
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Back from the fitting room: the units fetched before (still ready here) are fetched again."""
        ready = {u.id for u in self.ready}
        self.fetched = [u for u in state.get("fetched", []) if u in ready]
        self.marked = {k: v for k, v in state.get("marked", {}).items() if k in ready}
        self.refused = {k: v for k, v in state.get("refused", {}).items() if k in ready}

    @property
    def order_ids(self) -> list[str]:
        """The customer's orders on the card, the scanned one first."""
        seen = dict.fromkeys([self.order_id, *(u.order_id for u in self.units if u.order_id)])
        return list(seen)

    def order_number(self, order_id: str) -> int | None:
        return next((u.order_number for u in self.units if u.order_id == order_id and u.order_number), None)

    @property
    def ready_orders(self) -> list[str]:
        ready = {u.order_id for u in self.ready}
        return [o for o in self.order_ids if o in ready]

    def kept(self, order_id: str | None = None) -> list[PickupUnit]:
        """Fetched units the customer keeps (of one order, or of all)."""
        return [
            u
            for u in (self.unit(i) for i in self.fetched)
            if u is not None and u.id not in self.refused and (order_id is None or u.order_id == order_id)
        ]

    def paid(self, unit: PickupUnit) -> bool:
        return not unit.payment_due or unit.order_id in self.paid_now

    @property
    def payment_due(self) -> str | None:
        """The first order whose kept units must be paid at the counter before completing."""
        return next((u.order_id for u in self.kept() if not self.paid(u)), None)

    def amount_due(self, order_id: str) -> int:
        return sum(u.price for u in self.kept(order_id))

    @property
    def has_pay_on_pickup(self) -> bool:
        return any(u.payment_due for u in self.ready)

    def on_the_way(self) -> list[PickupUnit]:
        return [u for u in self.units if u.status in ON_THE_WAY and u.pvz_id == self.site_id]

    def returning(self) -> list[PickupUnit]:
        return [u for u in self.units if u.status in RETURNING and u.pvz_id == self.site_id]

    def expiring(self, today: date, days: int = 1) -> list[PickupUnit]:
        """Ready units whose storage ends within ``days`` days (or is over)."""
        return [
            u for u in self.ready if u.storage_until is not None and (u.storage_until - today).days <= days
        ]

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
        """The COMPLETE_PICKUP payload of a one-order pickup: ISSUED and REFUSED units in one
        operation (a card with several orders: :meth:`payloads`)."""
        (one,) = self.payloads()
        return one

    def payloads(self) -> list[dict[str, Any]]:
        """One COMPLETE_PICKUP payload per order with fetched units, in card order."""
        if self.awaiting_marking is not None:
            raise PickupError("marking_expected", self.awaiting_marking)
        if not self.fetched:
            raise PickupError("nothing_fetched", self.order_id)
        due = self.payment_due
        if due is not None:
            raise PickupError("payment_due", due)
        out = []
        for order_id in self.order_ids:
            mine = [i for i in self.fetched if (u := self.unit(i)) is not None and u.order_id == order_id]
            if not mine:
                continue
            issued = [u for u in mine if u not in self.refused]
            refused = [{"unit_id": u, "reason": self.refused[u]} for u in mine if u in self.refused]
            one: dict[str, Any] = {"order_id": order_id, "issued": issued, "refused": refused}
            # the DataMatrix of each kept marked unit leaves circulation with it; refused keep theirs
            marking = {u: self.marked[u] for u in issued if u in self.marked}
            if marking:
                one["marking"] = marking
            out.append(one)
        return out


def session_for(
    order_id: str,
    customer_id: str,
    site_id: str,
    units: Sequence[PickupUnit],
    customer_name: str = "",
    customer_phone: str = "",
) -> PickupSession:
    """The card: ready units first (by cell), then the rest; units without an order id belong to
    the scanned order."""
    units = [u if u.order_id else _with_order(u, order_id) for u in units]
    ordered = sorted(
        units, key=lambda u: (not_ready_reason(u, site_id) is not None, u.cell_number or 0, u.label)
    )
    return PickupSession(
        order_id,
        customer_id,
        site_id,
        list(ordered),
        customer_name=customer_name,
        customer_phone=customer_phone,
    )


def _with_order(unit: PickupUnit, order_id: str) -> PickupUnit:
    from dataclasses import replace

    return replace(unit, order_id=order_id)
