"""The PVZ's core operations over the local store: plain Python, no Qt, one method per clerk action.

Screens call these through the operations hub (off the GUI thread). Each mutating method journals
its operation with ``LocalStore.record`` (validated, applied and journalled in one transaction) and
returns ``(value, ChangeSet)``; a refusal raises an error with a ``code`` the UI translates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from shared.auth import check_pickup
from shared.domain import Clock, InvalidOperation, OpType, UnitStatus
from shared.domain.operations import MAX_PHOTOS_PER_OP
from shared.store import Actor, ChangeSet, LocalStore, UnitView

from .logic.acceptance import AcceptanceSession, BoxUnit, Placement
from .logic.cells import CellSlot, suggest_cell
from .logic.fitting import DEFAULT_MINUTES, DEFAULT_ROOMS, FITTING_KEY, Fitting, dump, free_room, load
from .logic.inventory import CellCount
from .logic.issuing import ON_THE_WAY, RETURNING, PickupSession, PickupUnit, session_for
from .logic.reports import shift_counts
from .logic.storage import Expiring, bucket, is_overdue, local_day, sort_key, storage_until

SHIFT_KEY = "pvz.shift"  # "<shift id>|<first seq>|<user id>|<opened at>"

Done = tuple[Any, ChangeSet]


class PvzError(InvalidOperation):
    """A clerk action the PVZ rules refuse; ``code`` is translated by shared.qt.i18n."""


def _box_unit(u: UnitView) -> BoxUnit:
    return BoxUnit(
        u.id, u.label, UnitStatus(u.status), u.customer_id, u.customer_name, u.product_name, u.cell_number
    )


def _pickup_unit(u: UnitView) -> PickupUnit:
    expected = None
    if u.status in ON_THE_WAY and u.updated_at is not None:
        # no carrier ETA here: a shipped unit is due the next day, one still at the warehouse in two
        expected = local_day(u.updated_at) + timedelta(days=1 if u.status is UnitStatus.SHIPPED else 2)
    return PickupUnit(
        u.id,
        u.label,
        UnitStatus(u.status),
        u.pvz_id,
        u.cell_number,
        u.product_name,
        u.gtin,
        u.needs_marking,
        order_id=u.order_id,
        order_number=u.order_number,
        price=u.price,
        pay_on_pickup=u.payment == "on_pickup",
        paid=u.payment_status == "paid",
        storage_until=storage_until(u.accepted_at, u.storage_days)
        if u.status is UnitStatus.ACCEPTED
        else None,
        expected=expected,
        category=u.category,
    )


class PaymentsPort(Protocol):
    """The backend's payment at pickup (shared.sync.pickup_payments.PickupPaymentsClient)."""

    def create_intent(self, order_id: str, unit_ids: list[str]) -> dict[str, Any]: ...

    def wait_intent(self, order_id: str, intent_id: str, wait_s: float) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Shift:
    shift_id: str
    first_seq: int
    user_id: str
    opened_at: str


@dataclass(frozen=True)
class ReturnCandidate:
    unit: UnitView
    reason: str  # "refused", "damaged", "expired"


class PvzService:
    """Clerk actions at one PVZ. ``actor`` is set at login (``None`` before)."""

    def __init__(self, store: LocalStore, site_id: str, clock: Clock) -> None:
        self.store = store
        self.site_id = site_id
        self.clock = clock
        self.actor: Actor | None = None
        self.payments: PaymentsPort | None = None  # set by the composition root (online only)

    # ------------------------------------------------------------------ plumbing
    def _actor(self) -> Actor:
        if self.actor is None:
            raise PvzError("no_user", "nobody is logged in")
        return self.actor

    def _record(self, op_type: OpType, payload: dict[str, Any]) -> ChangeSet:
        # at a damage or defect point the op names the photos taken of its unit (docs/PROTOCOL.md)
        return self.store.record(op_type, self.store.with_photos(op_type, payload), self._actor()).changes

    # ------------------------------------------------------------------ shift
    def shift(self) -> Shift | None:
        raw = self.store.kv_get(SHIFT_KEY)
        if not raw:
            return None
        shift_id, seq, user, opened = raw.split("|", 3)
        return Shift(shift_id, int(seq), user, opened)

    def open_shift(self) -> Done:
        current = self.shift()
        if current is not None:
            return current, ChangeSet()
        shift_id = self.store.ids.new()
        actor = self._actor()
        opened = self.clock.now().isoformat(timespec="seconds")
        # The journalled shift.open and the open-shift setting are one transaction: a crash leaves
        # neither or both.
        (done,) = self.store.record_many(
            [(OpType.SHIFT_OPEN, {"shift_id": shift_id})],
            actor,
            kv=lambda r: {SHIFT_KEY: f"{shift_id}|{r[0].op.seq}|{actor.user_id}|{opened}"},
        )
        changes = done.changes
        changes.journal = True
        return self.shift(), changes

    def shift_summary(self) -> dict[str, int]:
        """Counts of the shift's work, and the money of the units issued by payment method
        (``money_prepaid``: paid online before; ``money_on_pickup``: paid at this counter), kopecks."""
        shift = self.shift()
        if shift is None:
            return {**shift_counts([]), "money_prepaid": 0, "money_on_pickup": 0}
        ops = [op for op, _status in self.store.journal(since_seq=shift.first_seq - 1, limit=1_000_000)]
        money = {"money_prepaid": 0, "money_on_pickup": 0}
        for op in ops:
            if op.type is OpType.COMPLETE_PICKUP:
                for unit_id in op.payload.get("issued", []):
                    unit = self.store.unit(unit_id)
                    if unit is not None:
                        key = "money_on_pickup" if unit.payment == "on_pickup" else "money_prepaid"
                        money[key] += unit.price
        return {**shift_counts(ops), **money}

    def close_shift(self) -> Done:
        shift = self.shift()
        if shift is None:
            raise PvzError("no_shift", "no shift is open")
        summary = self.shift_summary()
        (done,) = self.store.record_many(
            [(OpType.SHIFT_CLOSE, {"shift_id": shift.shift_id})], self._actor(), kv={SHIFT_KEY: None}
        )
        changes = done.changes
        changes.journal = True
        return summary, changes

    # ------------------------------------------------------------------ acceptance
    def open_box(self, box_id: str) -> AcceptanceSession:
        box = self.store.box(box_id)
        if box is None:
            raise PvzError("unknown_box", f"box {box_id} is not known here")
        if box.kind != "forward":
            raise PvzError("wrong_box_kind", f"box {box_id} is a return box")
        if box.destination_site_id and box.destination_site_id != self.site_id:
            raise PvzError("wrong_site", f"box {box_id} goes to {box.destination_site_id}")
        units = [_box_unit(u) for u in self.store.units_in_box(box_id)]
        return AcceptanceSession(
            box_id, units, surplus=self.store.surplus(box_id), closed_before=box.acceptance_closed
        )

    def cell_slots(self) -> list[CellSlot]:
        return [
            CellSlot(load.cell.id, load.cell.number, load.cell.capacity, load.units)
            for load in self.store.cell_load(self.site_id)
        ]

    def suggest_for(self, session: AcceptanceSession, label: str) -> Placement:
        """A unit label scanned during acceptance: which cell it goes to.

        Reads ``session`` but never changes it: the screen applies results on the GUI thread.
        Raises ``surplus_candidate`` for a label not in the box (the screen offers surplus).
        """
        unit = session.find(label)
        if unit is None:
            found = self.store.unit_by_label(label)
            if found is not None and found.pvz_id == self.site_id and found.box_id != session.box_id:
                raise PvzError("not_in_box", f"{label} was shipped in another box")
            raise PvzError("surplus_candidate", f"{label} is not in this box")
        if unit.status is UnitStatus.ACCEPTED:
            raise PvzError("already_in_state", f"{label} is already in cell {unit.cell_number}")
        if unit.status not in (UnitStatus.SHIPPED, UnitStatus.MISSING):
            raise PvzError("not_allowed", f"{label} is {unit.status}")
        own: Counter[str] = Counter(
            u.cell_id
            for u in self.store.units_for_customer(unit.customer_id, UnitStatus.ACCEPTED)
            if u.cell_id and u.pvz_id == self.site_id
        )
        cell = suggest_cell(self.cell_slots(), own)
        if cell is None:
            raise PvzError("cell_full", "every cell is full")
        return Placement(unit, cell)

    def found_in_box(self, label: str) -> AcceptanceSession:
        """A unit label scanned with no box open: a unit of a box delivered here and recorded short
        that has turned up. Returns its box's session with a cell suggested for it; any other
        unit raises ``scan_box_first``."""
        found = self.store.unit_by_label(label)
        if (
            found is None
            or found.pvz_id != self.site_id
            or not found.box_id
            or UnitStatus(found.status) is not UnitStatus.MISSING
        ):
            raise PvzError("scan_box_first", f"{label}: scan the box label first")
        session = self.open_box(found.box_id)
        session.placement = self.suggest_for(session, label)
        return session

    def place(self, box_id: str, placement: Placement, cell_id: str) -> Done:
        """The cell label scanned: journal ACCEPT_UNIT into that cell (the suggested one, or any
        cell with room when the clerk asked for another); a unit recorded short that turned up
        is journalled as FOUND_UNIT. Returns the unit as it is now."""
        if cell_id != placement.cell.cell_id:
            if not placement.chosen_freely:
                raise PvzError("wrong_cell", f"expected {placement.cell.cell_id}, got {cell_id}")
            slot = next((s for s in self.cell_slots() if s.cell_id == cell_id), None)
            if slot is None:
                raise PvzError("unknown_cell", cell_id)
            if slot.free <= 0:
                raise PvzError("cell_full", cell_id)
        if placement.unit.status is UnitStatus.MISSING:
            changes = self._record(OpType.FOUND_UNIT, {"unit_id": placement.unit.id, "cell_id": cell_id})
        else:
            changes = self._record(
                OpType.ACCEPT_UNIT, {"unit_id": placement.unit.id, "box_id": box_id, "cell_id": cell_id}
            )
        return self._box_unit(placement.unit.id), changes

    def mark_shortage(self, unit_id: str) -> Done:
        changes = self._record(OpType.MARK_MISSING, {"unit_id": unit_id, "reason": "shortage"})
        return self._box_unit(unit_id), changes

    def mark_damaged(self, unit_id: str) -> Done:
        changes = self._record(OpType.MARK_DAMAGED, {"unit_id": unit_id, "reason": "damaged_on_arrival"})
        return self._box_unit(unit_id), changes

    def record_surplus(self, box_id: str, label: str, known: list[str]) -> Done:
        if label in known:
            raise PvzError("already_in_state", f"{label} is already recorded as surplus")
        changes = self._record(OpType.RECORD_SURPLUS, {"box_id": box_id, "label": label})
        return label, changes

    def close_box(
        self, box_id: str, waiting: list[str], seal: str | None = None, seal_broken: bool = False
    ) -> Done:
        """Close acceptance: units never scanned are recorded as a shortage first. ``seal``: the
        seal found on the box ("" none), with the box's photos; None: not checked.
        Returns the box's units as they are now."""
        changes = ChangeSet()
        records: list[tuple[OpType | str, Mapping[str, Any]]] = [
            (OpType.MARK_MISSING, {"unit_id": unit_id, "reason": "shortage"}) for unit_id in waiting
        ]
        close: dict[str, Any] = {"box_id": box_id}
        if seal is not None:
            close |= {"seal": seal, "seal_broken": seal_broken}
            photos = [p.sha256 for p in self.store.photos_for(box_id)][-MAX_PHOTOS_PER_OP:]
            if photos:
                close["photos"] = photos
        records.append((OpType.CLOSE_ACCEPTANCE, close))
        for done in self.store.record_many(records, self._actor()):  # all or nothing
            changes.merge(done.changes)
        return [_box_unit(u) for u in self.store.units_in_box(box_id)], changes

    def _box_unit(self, unit_id: str) -> BoxUnit:
        fresh = self.store.unit(unit_id)
        if fresh is None:
            raise PvzError("unknown_unit", unit_id)
        return _box_unit(fresh)

    # ------------------------------------------------------------------ issuing
    def pickup(self, text: str) -> PickupSession:
        """A scanned pickup QR or a typed 8-digit short code, verified offline (Ed25519 key,
        revocations and short-code hashes from sync); loads the order's units."""
        check = check_pickup(self.store, text, self.site_id, self.clock.now())
        if not check.ok or not check.order_id:
            raise PvzError(f"pickup_{check.code}", check.message)
        session = self._pickup_session(check.order_id)
        back = next((f for f in self.fittings() if f.customer_id == session.customer_id), None)
        return self._back_from(back, session) if back is not None else session

    def _back_from(self, fitting: Fitting, session: PickupSession) -> PickupSession:
        """The customer is back from a fitting room: the pickup goes on where it stopped."""
        session.restore(fitting.pickup)
        session.fitting_room = fitting.room
        return session

    def _pickup_session(self, order_id: str) -> PickupSession:
        """The customer card: the scanned order's units, and every other parcel of the same
        customer at this PVZ that is ready, on the way or going back."""
        order = self.store.order(order_id)
        units = self.store.units_for_order(order_id)
        if order is None or not units:
            raise PvzError("unknown_order", order_id)
        wanted = {UnitStatus.ACCEPTED, *ON_THE_WAY, *RETURNING}
        others = [
            u
            for u in self.store.units_for_customer(order.customer_id, *wanted)
            if u.pvz_id == self.site_id and u.order_id != order_id
        ]
        return session_for(
            order_id,
            order.customer_id,
            self.site_id,
            [_pickup_unit(u) for u in [*units, *others]],
            customer_name=order.customer_name,
            customer_phone=order.customer_phone,
        )

    def unit_id_for(self, label: str) -> str | None:
        found = self.store.unit_by_label(label)
        return found.id if found else None

    def complete_pickup(self, session: PickupSession) -> Done:
        """ISSUED and REFUSED in one COMPLETE_PICKUP per order of the card, all recorded together
        (confirmed whole or not at all). Returns the totals {"issued", "refused", "orders"}."""
        payloads = session.payloads()
        changes = ChangeSet()
        kv: dict[str, str | None] = {}
        if session.fitting_room is not None:  # the room is free again, in the same transaction
            kv[FITTING_KEY] = dump([f for f in self.fittings() if f.room != session.fitting_room])
        records: list[tuple[OpType | str, Mapping[str, Any]]] = [
            (OpType.COMPLETE_PICKUP, self.store.with_photos(OpType.COMPLETE_PICKUP, p)) for p in payloads
        ]
        for done in self.store.record_many(records, self._actor(), kv=kv):
            changes.merge(done.changes)
        totals = {
            "issued": [u for p in payloads for u in p["issued"]],
            "refused": [r for p in payloads for r in p["refused"]],
            "orders": [p["order_id"] for p in payloads],
        }
        return totals, changes

    # ------------------------------------------------------------------ fitting rooms
    def fitting_settings(self) -> tuple[int, int]:
        """The site's fitting rooms and minutes in one (pulled from the server)."""
        site = self.store.site(self.site_id)
        if site is None:
            return DEFAULT_ROOMS, DEFAULT_MINUTES
        return max(1, site.fitting_rooms), max(1, site.fitting_minutes)

    def fittings(self) -> list[Fitting]:
        """The occupied fitting rooms, by room."""
        return load(self.store.kv_get(FITTING_KEY))

    def start_fitting(self, session: PickupSession) -> Done:
        """The customer takes the fetched units of try-on categories into a free fitting room (the
        room they came back from, when they go again): one ``fitting.start`` per unit, journalled
        with the room's record in one transaction. The counter is free for the next customer."""
        units = session.for_fitting()
        if not units:
            raise PvzError("no_try_on", "no fetched unit of a try-on category (clothes, shoes)")
        rooms = self.fittings()
        count, minutes = self.fitting_settings()
        room = session.fitting_room or free_room(rooms, count)
        if room is None:
            raise PvzError("fitting_full", "every fitting room is taken")
        numbers = sorted({u.order_number for u in units if u.order_number})
        entry = Fitting(
            room,
            session.order_id,
            session.customer_id,
            session.customer_name,
            numbers,
            [u.id for u in units],
            [u.label for u in units],
            self.clock.now().isoformat(timespec="seconds"),
            minutes,
            session.state(),
        )
        kept = [f for f in rooms if f.room != room and f.customer_id != session.customer_id]
        records: list[tuple[OpType | str, Mapping[str, Any]]] = [
            (OpType.FITTING_START, {"unit_id": u.id, "room": str(room)}) for u in units
        ]
        changes = ChangeSet()
        for done in self.store.record_many(records, self._actor(), kv={FITTING_KEY: dump([*kept, entry])}):
            changes.merge(done.changes)
        changes.journal = True
        return entry, changes

    def back_from_fitting(self, room: int) -> PickupSession:
        """The customer of ``room`` is back at the counter: their pickup, as it was."""
        fitting = next((f for f in self.fittings() if f.room == room), None)
        if fitting is None:
            raise PvzError("fitting_free", f"fitting room {room} is free")
        return self._back_from(fitting, self._pickup_session(fitting.order_id))

    # ------------------------------------------------------------------ payment at pickup
    def _payments(self) -> PaymentsPort:
        if self.payments is None:
            raise PvzError("payment_offline", "payment at pickup needs the connection to the server")
        return self.payments

    def request_payment(self, session: PickupSession, order_id: str) -> dict[str, Any]:
        """A payment intent for exactly the units of ``order_id`` the customer keeps: its id,
        amount and СБП QR payload. Needs the server: offline it raises ``payment_offline``."""
        kept = [u.id for u in session.kept(order_id)]
        if not kept:
            raise PvzError("nothing_fetched", order_id)
        return self._payments().create_intent(order_id, kept)

    def wait_payment(self, order_id: str, intent_id: str, wait_s: float = 20.0) -> dict[str, Any]:
        """The intent once it is no longer PENDING, or still PENDING after ``wait_s`` (a long poll:
        the server answers as soon as the provider's webhook arrives)."""
        return self._payments().wait_intent(order_id, intent_id, wait_s)

    def lookup_phone(self, digits: str) -> list[UnitView]:
        """Parcels here of customers whose phone ends with these 4 digits (ready, on the way or
        going back), to find them; issuing still needs the QR or the short code."""
        found: list[UnitView] = []
        live = {UnitStatus.ACCEPTED, *ON_THE_WAY, *RETURNING}
        for order in self.store.orders_by_phone_suffix(digits):
            found.extend(
                u
                for u in self.store.units_for_order(order.id)
                if u.pvz_id == self.site_id and u.status in live
            )
        return sorted(found, key=lambda u: (u.customer_name, u.cell_number or 0, u.label))

    # ------------------------------------------------------------------ storage deadlines
    def today(self) -> date:
        return local_day(self.clock.now())

    def expiring(self) -> list[Expiring]:
        """Units waiting here whose storage ends today or tomorrow, or is over, with their cells."""
        today = self.today()
        out = []
        for u in self.store.units_by_status(UnitStatus.ACCEPTED):
            if u.pvz_id != self.site_id:
                continue
            deadline = storage_until(u.accepted_at, u.storage_days)
            when = bucket(deadline, today)
            if deadline is not None and when is not None:
                out.append(
                    Expiring(
                        u.id,
                        u.label,
                        u.cell_number,
                        u.product_name,
                        u.customer_name,
                        u.order_number,
                        deadline,
                        when,
                    )
                )
        return sorted(out, key=sort_key)

    # ------------------------------------------------------------------ returns
    def return_candidates(self) -> list[ReturnCandidate]:
        out = [
            ReturnCandidate(u, "refused" if u.status is UnitStatus.REFUSED else "damaged")
            for u in self.store.units_by_status(UnitStatus.REFUSED, UnitStatus.DAMAGED)
            if u.pvz_id == self.site_id
        ]
        out.extend(
            ReturnCandidate(u, "expired") for u in self.store.expired_units(self.clock.now(), self.site_id)
        )
        return out

    def new_return_box_id(self) -> str:
        """A fresh return SSCC from the store's allocator (the same one the terminal uses)."""
        return self.store.next_sscc(kind_return=True)

    def open_return_box(self, box_id: str) -> Done:
        box = self.store.box(box_id)
        if box is not None:
            if box.kind != "return":
                raise PvzError("wrong_box_kind", f"{box_id} is not a return box")
            if box.closed:
                raise PvzError("box_closed", f"{box_id} is closed")
            return box, ChangeSet()
        changes = self._record(OpType.RETURN_OPEN, {"box_id": box_id})
        return self.store.box(box_id), changes

    def return_reason(self, unit: UnitView) -> str | None:
        if unit.pvz_id != self.site_id:
            return None
        if unit.status is UnitStatus.REFUSED:
            return "refused"
        if unit.status is UnitStatus.DAMAGED:
            return "damaged"
        if unit.status is UnitStatus.ISSUED:
            return "brought_back"
        if unit.status is UnitStatus.ACCEPTED:  # the storage screen's rule (shared/domain/storage.py)
            return "expired" if is_overdue(unit.accepted_at, unit.storage_days, self.clock.now()) else None
        return None

    def pack_expired(self, box_id: str, label: str) -> Done:
        """The storage screen's collection: an overdue unit into the open return box, recorded as
        expired (not a refusal). Any other unit raises ``not_overdue``."""
        unit = self.store.unit_by_label(label)
        if unit is None:
            raise PvzError("unknown_unit", label)
        if unit.pvz_id != self.site_id or unit.status is not UnitStatus.ACCEPTED:
            raise PvzError("not_overdue", f"{label} is {unit.status}")
        if not is_overdue(unit.accepted_at, unit.storage_days, self.clock.now()):
            raise PvzError("not_overdue", f"{label}: its storage is not over yet")
        changes = self._record(
            OpType.RETURN_PACK, {"box_id": box_id, "unit_id": unit.id, "reason": "expired"}
        )
        return self.store.unit(unit.id), changes

    def pack_return(self, box_id: str, label: str, brought_back_reason: str = "") -> Done:
        unit = self.store.unit_by_label(label)
        if unit is None:
            raise PvzError("unknown_unit", label)
        reason = self.return_reason(unit)
        if reason is None:
            raise PvzError("not_returnable", f"{label} is {unit.status}")
        if reason == "brought_back":
            if not brought_back_reason:
                raise PvzError("reason_required", "say why the customer brought it back")
            reason = f"brought_back:{brought_back_reason}"
        changes = self._record(OpType.RETURN_PACK, {"box_id": box_id, "unit_id": unit.id, "reason": reason})
        return self.store.unit(unit.id), changes

    def close_return_box(self, box_id: str) -> Done:
        changes = self._record(OpType.RETURN_CLOSE, {"box_id": box_id})
        return self.store.box(box_id), changes

    def handover(
        self, box_ids: list[str], badge: str | None = None, seals: dict[str, str] | None = None
    ) -> Done:
        """Hand return boxes to the courier: with the courier's badge and each box's seal."""
        unit_ids = [u.id for b in box_ids for u in self.store.units_in_box(b)]
        payload: dict[str, Any] = {"box_ids": box_ids, "unit_ids": unit_ids}
        if badge is not None:
            payload |= {"courier_badge": badge, "seals": dict(seals or {})}
        changes = self._record(OpType.RETURN_HANDOVER, payload)
        return {"boxes": box_ids, "units": unit_ids}, changes

    # ------------------------------------------------------------------ cells
    def search(self, query: str) -> list[UnitView]:
        """Units by unit label, order id, the customer's phone's last digits, or cell number."""
        q = query.strip()
        if not q:
            return []
        unit = self.store.unit_by_label(q.upper())
        if unit is not None:
            return [unit]
        if self.store.order(q) is not None:
            return self.store.units_for_order(q)
        if q.isdigit() and len(q) >= 4:
            found = []
            for order in self.store.orders_by_phone_suffix(q):
                found.extend(self.store.units_for_order(order.id))
            if found:
                return found
        if q.isdigit():
            cell = self.store.cell_by_number(self.site_id, int(q))
            if cell is not None:
                return self.store.cell_contents(cell.id)
        return []

    def cell_contents(self, cell_id: str) -> list[UnitView]:
        return self.store.cell_contents(cell_id)

    def move(self, unit_id: str, cell_id: str) -> Done:
        changes = self._record(OpType.MOVE_UNIT, {"unit_id": unit_id, "cell_id": cell_id})
        return self.store.unit(unit_id), changes

    # ------------------------------------------------------------------ inventory
    def start_count(self, cell_id: str) -> CellCount:
        if self.store.cell(cell_id) is None:
            raise PvzError("unknown_cell", cell_id)
        units = [
            u
            for u in self.store.cell_contents(cell_id)
            if u.status in (UnitStatus.ACCEPTED, UnitStatus.REFUSED)
        ]
        return CellCount(
            cell_id, {u.id: u.label for u in units}, products={u.id: u.product_name for u in units}
        )

    def record_count(self, count: CellCount) -> Done:
        changes = self._record(OpType.INVENTORY, count.payload())
        return count.payload(), changes

    # ------------------------------------------------------------------ misc
    def now(self) -> datetime:
        return self.clock.now()
