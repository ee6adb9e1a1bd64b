"""The PVZ flows' ports: what they read from the local store, how they journal, who is signed in.

The flows in this package are plain Python over these small interfaces: no Qt, no store, no HTTP.
The composition root fills them (``pvz_app.adapters`` adapts the LocalStore; the payments client
is shared.sync's), as the terminal's ``scanner_app/logic/common.WarehouseData`` and ``Journal``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from shared.domain import InvalidOperation, Operation, OpType, UnitStatus
from shared.store.handover import DiscrepancyView
from shared.store.models import Actor, BoxView, CellView, ChangeSet, Conflict, OrderView, SiteView, UnitView

from .cells import CellSlot

Done = tuple[Any, ChangeSet]
"""What a clerk action returns: its value and what changed (the operations hub's result)."""


class PvzError(InvalidOperation):
    """A clerk action the PVZ rules refuse; ``code`` is translated by shared.qt.i18n."""


@dataclass(frozen=True, slots=True)
class Record:
    """One operation to journal."""

    op_type: OpType
    payload: Mapping[str, Any]


# local settings written with the ops: fixed, or a function of the recorded ops' seqs
Settings = Mapping[str, str | None] | Callable[[Sequence[int]], Mapping[str, str | None]]


class PickupVerdict(Protocol):
    """An offline check of a pickup QR or short code (shared.auth.offline_pickup.PickupCheck)."""

    @property
    def ok(self) -> bool: ...

    @property
    def code(self) -> str: ...

    @property
    def order_id(self) -> str | None: ...

    @property
    def message(self) -> str: ...


class PvzData(Protocol):
    """What the PVZ flows read from the local store (``pvz_app.adapters.StoreData`` maps it)."""

    def site_id(self) -> str:
        """This pickup point."""
        ...

    def setting(self, key: str) -> str | None:
        """A local setting of this device (the open shift, the fitting rooms)."""
        ...

    def site(self, site_id: str) -> SiteView | None: ...

    def unit(self, unit_id: str) -> UnitView | None: ...

    def unit_by_label(self, label: str) -> UnitView | None: ...

    def units_by_status(self, *statuses: UnitStatus) -> list[UnitView]: ...

    def units_for_customer(self, customer_id: str, *statuses: UnitStatus) -> list[UnitView]: ...

    def expired_units(self, now: datetime) -> list[UnitView]:
        """Units at this PVZ whose storage is over (shared/domain/storage.py)."""
        ...

    def order(self, order_id: str) -> OrderView | None: ...

    def units_for_order(self, order_id: str) -> list[UnitView]: ...

    def orders_by_phone_suffix(self, digits: str) -> list[OrderView]: ...

    def box(self, box_id: str) -> BoxView | None: ...

    def units_in_box(self, box_id: str) -> list[UnitView]: ...

    def surplus(self, box_id: str) -> list[str]:
        """Labels recorded as surplus in a box."""
        ...

    def box_photos(self, box_id: str) -> list[str]:
        """SHA-256s of the photos taken of a box (its seal), oldest first."""
        ...

    def cell(self, cell_id: str) -> CellView | None: ...

    def cell_by_number(self, number: int) -> CellView | None: ...

    def cell_slots(self) -> list[CellSlot]:
        """This PVZ's cells with their load."""
        ...

    def cell_contents(self, cell_id: str) -> list[UnitView]: ...

    def ops_since(self, seq: int) -> list[Operation]:
        """This device's journalled ops after ``seq``, in order (the shift's work)."""
        ...

    def check_pickup(self, text: str, now: datetime) -> PickupVerdict:
        """A scanned pickup QR or typed short code, checked offline (key, revocations, hashes)."""
        ...

    def discrepancies(self, direction: str) -> list[DiscrepancyView]:
        """Open handover discrepancies of this site, ``forward`` (acceptance) or ``return``."""
        ...

    def conflicts(self) -> list[Conflict]:
        """Open conflicts (pushed ops the server rejected), oldest first."""
        ...


class PvzJournal(Protocol):
    """The flows' write port (``pvz_app.adapters.StoreJournal``): journal operations, keep photos."""

    def record(self, records: Sequence[Record], actor: Actor, settings: Settings | None = None) -> ChangeSet:
        """Validate, apply and journal ``records`` in order in ONE transaction with ``settings``
        (confirmed whole or not at all); an op at a damage point names the photos of its units.
        Returns what changed; raises InvalidOperation (nothing written) when a rule refuses."""
        ...

    def resolve(self, op_id: str, action: str, reason: str, actor: Actor) -> ChangeSet:
        """A conflict resolved: 'retry' journals the op again, 'discard' records why it is dropped."""
        ...

    def save_photo(self, data: bytes, actor: Actor | None, subject: str, subject_kind: str) -> str:
        """Keep a photo (on disk first, then queued for upload); return its SHA-256."""
        ...

    def next_return_box_id(self) -> str:
        """A fresh return SSCC from the device's allocator (the one the terminal uses)."""
        ...


class PaymentsPort(Protocol):
    """The backend's payment at pickup (shared.sync.pickup_payments.PickupPaymentsClient)."""

    def create_intent(self, order_id: str, unit_ids: list[str]) -> dict[str, Any]: ...

    def wait_intent(self, order_id: str, intent_id: str, wait_s: float) -> dict[str, Any]: ...


@dataclass
class Clerk:
    """Who is signed in at this counter: set by the window at login, ``None`` after logout; every
    flow journals as them."""

    actor: Actor | None = None

    def require(self) -> Actor:
        if self.actor is None:
            raise PvzError("no_user", "nobody is logged in")
        return self.actor
