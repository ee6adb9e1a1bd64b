"""Adapters from the shared core onto the PVZ flows' ports (``pvz_app/logic/ports.py``).

The composition root builds them over its LocalStore; the flows never see the store itself (the
terminal's ``scanner_app/adapters.py`` does the same for its flows).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from shared.auth import check_pickup
from shared.domain import Clock, Operation, UnitStatus
from shared.store import Actor, ChangeSet, Conflict, DiscrepancyView, LocalStore, Recorded
from shared.store.models import BoxView, CellView, OrderView, SiteView, UnitView

from .logic.cells import CellSlot
from .logic.flows import PvzFlows, build_flows
from .logic.ports import PaymentsPort, PickupVerdict, Record, Settings


def store_flows(
    store: LocalStore, site_id: str, clock: Clock, payments: PaymentsPort | None = None
) -> PvzFlows:
    """The PVZ's flows over this store at ``site_id`` (the composition root's, and the tests')."""
    return build_flows(
        StoreData(store, site_id), StoreJournal(store), clock, store.ids.new, dispute=store, payments=payments
    )


class StoreData:
    """The PVZ flows' read port over the local store, at one pickup point."""

    def __init__(self, store: LocalStore, site_id: str) -> None:
        self._store = store
        self._site_id = site_id

    def site_id(self) -> str:
        return self._site_id

    def setting(self, key: str) -> str | None:
        return self._store.kv_get(key)

    def site(self, site_id: str) -> SiteView | None:
        return self._store.site(site_id)

    def unit(self, unit_id: str) -> UnitView | None:
        return self._store.unit(unit_id)

    def unit_by_label(self, label: str) -> UnitView | None:
        return self._store.unit_by_label(label)

    def units_by_status(self, *statuses: UnitStatus) -> list[UnitView]:
        return self._store.units_by_status(*statuses)

    def units_for_customer(self, customer_id: str, *statuses: UnitStatus) -> list[UnitView]:
        return self._store.units_for_customer(customer_id, *statuses)

    def expired_units(self, now: datetime) -> list[UnitView]:
        return self._store.expired_units(now, self._site_id)

    def order(self, order_id: str) -> OrderView | None:
        return self._store.order(order_id)

    def units_for_order(self, order_id: str) -> list[UnitView]:
        return self._store.units_for_order(order_id)

    def orders_by_phone_suffix(self, digits: str) -> list[OrderView]:
        return self._store.orders_by_phone_suffix(digits)

    def box(self, box_id: str) -> BoxView | None:
        return self._store.box(box_id)

    def units_in_box(self, box_id: str) -> list[UnitView]:
        return self._store.units_in_box(box_id)

    def surplus(self, box_id: str) -> list[str]:
        return self._store.surplus(box_id)

    def box_photos(self, box_id: str) -> list[str]:
        return [p.sha256 for p in self._store.photos_for(box_id)]

    def cell(self, cell_id: str) -> CellView | None:
        return self._store.cell(cell_id)

    def cell_by_number(self, number: int) -> CellView | None:
        return self._store.cell_by_number(self._site_id, number)

    def cell_slots(self) -> list[CellSlot]:
        return [
            CellSlot(load.cell.id, load.cell.number, load.cell.capacity, load.units)
            for load in self._store.cell_load(self._site_id)
        ]

    def cell_contents(self, cell_id: str) -> list[UnitView]:
        return self._store.cell_contents(cell_id)

    def ops_since(self, seq: int) -> list[Operation]:
        return [op for op, _status in self._store.journal(since_seq=seq, limit=1_000_000)]

    def check_pickup(self, text: str, now: datetime) -> PickupVerdict:
        return check_pickup(self._store, text, self._site_id, now)

    def discrepancies(self, direction: str) -> list[DiscrepancyView]:
        return self._store.discrepancies(direction)

    def conflicts(self) -> list[Conflict]:
        return self._store.conflicts()


class StoreJournal:
    """The PVZ flows' write port: a clerk action's operations in ONE transaction with the local
    settings it changes, so it is confirmed whole or not at all."""

    def __init__(self, store: LocalStore) -> None:
        self._store = store

    def record(self, records: Sequence[Record], actor: Actor, settings: Settings | None = None) -> ChangeSet:
        kv: Mapping[str, str | None] | Callable[[list[Recorded]], Mapping[str, str | None]] | None
        if callable(settings):
            fill = settings
            kv = lambda done: fill([r.op.seq for r in done])  # noqa: E731 (the settings name a seq)
        else:
            kv = settings
        changes = ChangeSet()
        # an op at a damage or defect point names the photos taken of its units (docs/PROTOCOL.md)
        done = self._store.record_many(
            [(r.op_type, self._store.with_photos(r.op_type, r.payload)) for r in records], actor, kv=kv
        )
        for recorded in done:
            changes.merge(recorded.changes)
        return changes

    def resolve(self, op_id: str, action: str, reason: str, actor: Actor) -> ChangeSet:
        recorded = self._store.resolve_conflict(op_id, action, reason, actor)
        changes = (recorded.changes if recorded is not None else None) or ChangeSet(journal=True)
        changes.conflicts = True
        return changes

    def save_photo(self, data: bytes, actor: Actor | None, subject: str, subject_kind: str) -> str:
        taken_by = actor.user_id if actor is not None else ""
        photo = self._store.save_photo(data, taken_by=taken_by, subject=subject, subject_kind=subject_kind)
        return photo.sha256

    def next_return_box_id(self) -> str:
        return self._store.next_sscc(kind_return=True)
