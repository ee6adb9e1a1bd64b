"""Issuing at the counter: the customer card loaded from a pickup code (checked offline), the
pickup completed, the fitting rooms, payment at pickup and the phone-tail search."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from shared.domain import Clock, OpType, UnitStatus
from shared.store.models import UnitView

from .fitting import DEFAULT_MINUTES, DEFAULT_ROOMS, FITTING_KEY, Fitting, dump, free_room, load
from .issuing import ON_THE_WAY, RETURNING, PickupSession, PickupUnit, session_for
from .ports import Clerk, Done, PaymentsPort, PvzData, PvzError, PvzJournal, Record
from .storage import local_day, storage_until


def pickup_unit(u: UnitView) -> PickupUnit:
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


class PickupFlow:
    """``payments`` is the backend's payment at pickup (None offline: paying raises ``payment_offline``)."""

    def __init__(
        self,
        data: PvzData,
        journal: PvzJournal,
        clerk: Clerk,
        clock: Clock,
        payments: PaymentsPort | None = None,
    ) -> None:
        self.data = data
        self.journal = journal
        self.clerk = clerk
        self.clock = clock
        self.payments = payments

    def today(self) -> date:
        return local_day(self.clock.now())

    def pickup(self, text: str) -> PickupSession:
        """A scanned pickup QR or a typed 8-digit short code, verified offline (Ed25519 key,
        revocations and short-code hashes from sync); loads the order's units."""
        check = self.data.check_pickup(text, self.clock.now())
        if not check.ok or not check.order_id:
            raise PvzError(f"pickup_{check.code}", check.message)
        session = self.session(check.order_id)
        back = next((f for f in self.fittings() if f.customer_id == session.customer_id), None)
        return self._back_from(back, session) if back is not None else session

    def _back_from(self, fitting: Fitting, session: PickupSession) -> PickupSession:
        """The customer is back from a fitting room: the pickup goes on where it stopped."""
        session.restore(fitting.pickup)
        session.fitting_room = fitting.room
        return session

    def session(self, order_id: str) -> PickupSession:
        """The customer card: the scanned order's units, and every other parcel of the same
        customer at this PVZ that is ready, on the way or going back."""
        site_id = self.data.site_id()
        order = self.data.order(order_id)
        units = self.data.units_for_order(order_id)
        if order is None or not units:
            raise PvzError("unknown_order", order_id)
        wanted = {UnitStatus.ACCEPTED, *ON_THE_WAY, *RETURNING}
        others = [
            u
            for u in self.data.units_for_customer(order.customer_id, *wanted)
            if u.pvz_id == site_id and u.order_id != order_id
        ]
        return session_for(
            order_id,
            order.customer_id,
            site_id,
            [pickup_unit(u) for u in [*units, *others]],
            customer_name=order.customer_name,
            customer_phone=order.customer_phone,
        )

    def unit_id_for(self, label: str) -> str | None:
        found = self.data.unit_by_label(label)
        return found.id if found else None

    def complete(self, session: PickupSession) -> Done:
        """ISSUED and REFUSED in one COMPLETE_PICKUP per order of the card, all recorded together
        (confirmed whole or not at all). Returns the totals {"issued", "refused", "orders"}."""
        payloads = session.payloads()
        kv: dict[str, str | None] = {}
        if session.fitting_room is not None:  # the room is free again, in the same transaction
            kv[FITTING_KEY] = dump([f for f in self.fittings() if f.room != session.fitting_room])
        records = [Record(OpType.COMPLETE_PICKUP, p) for p in payloads]
        changes = self.journal.record(records, self.clerk.require(), kv)
        totals = {
            "issued": [u for p in payloads for u in p["issued"]],
            "refused": [r for p in payloads for r in p["refused"]],
            "orders": [p["order_id"] for p in payloads],
        }
        return totals, changes

    # ------------------------------------------------------------------ fitting rooms
    def fitting_settings(self) -> tuple[int, int]:
        """The site's fitting rooms and minutes in one (pulled from the server)."""
        site = self.data.site(self.data.site_id())
        if site is None:
            return DEFAULT_ROOMS, DEFAULT_MINUTES
        return max(1, site.fitting_rooms), max(1, site.fitting_minutes)

    def fittings(self) -> list[Fitting]:
        """The occupied fitting rooms, by room."""
        return load(self.data.setting(FITTING_KEY))

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
        records = [Record(OpType.FITTING_START, {"unit_id": u.id, "room": str(room)}) for u in units]
        changes = self.journal.record(records, self.clerk.require(), {FITTING_KEY: dump([*kept, entry])})
        changes.journal = True
        return entry, changes

    def back_from_fitting(self, room: int) -> PickupSession:
        """The customer of ``room`` is back at the counter: their pickup, as it was."""
        fitting = next((f for f in self.fittings() if f.room == room), None)
        if fitting is None:
            raise PvzError("fitting_free", f"fitting room {room} is free")
        return self._back_from(fitting, self.session(fitting.order_id))

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
        site_id = self.data.site_id()
        found: list[UnitView] = []
        live = {UnitStatus.ACCEPTED, *ON_THE_WAY, *RETURNING}
        for order in self.data.orders_by_phone_suffix(digits):
            found.extend(
                u for u in self.data.units_for_order(order.id) if u.pvz_id == site_id and u.status in live
            )
        return sorted(found, key=lambda u: (u.customer_name, u.cell_number or 0, u.label))
