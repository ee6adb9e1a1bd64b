"""The customer card's words on the issuing screen: who, which orders, what is ready, on the way,
going back, ending storage and to pay. Kept in the issuing screen's translation context."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from shared.qt.messages import fmt

from ..logic.issuing import PickupSession


def rub(kopecks: int) -> str:
    """12345 -> '123,45 ₽' (a thin space between thousands)."""
    whole, kop = divmod(kopecks, 100)
    return f"{whole:,}".replace(",", "\u202f") + f",{kop:02d} ₽"


def order_number(s: PickupSession | None, order_id: str) -> str:
    """'№100001' when the order's short number is known, else its id."""
    number = s.order_number(order_id) if s is not None else None
    return f"№{number}" if number else order_id


def offline_payment_text() -> str:
    return QCoreApplication.translate(
        "IssuingScreen", "Offline: pay-on-pickup orders cannot be issued until the connection is back."
    )


def card_text(s: PickupSession, today: date, *, online: bool, paying: bool) -> str:
    """'Анна С. · +7 *** ***-12-34 · №100001, №100002: 3 ready, 1 fetched, 0 refused', then what is
    on the way or going back, storage ending soon and pay-on-pickup (`paying`: a payment QR is shown)."""
    who = " · ".join(p for p in (s.customer_name, s.customer_phone) if p)
    if s.fitting_room is not None:
        who = fmt(
            QCoreApplication.translate("IssuingScreen", "%1 (back from fitting room %2)"), who, s.fitting_room
        )
    orders = ", ".join(order_number(s, o) for o in s.order_ids)
    lines = [
        fmt(
            QCoreApplication.translate("IssuingScreen", "%1 · orders %2: %3 ready, %4 fetched, %5 refused"),
            who or QCoreApplication.translate("IssuingScreen", "customer"),
            orders,
            len(s.ready),
            len(s.fetched),
            len(s.refused),
        )
    ]
    extra = []
    if on_way := s.on_the_way():
        extra.append(fmt(QCoreApplication.translate("IssuingScreen", "%1 on the way"), len(on_way)))
    if back := s.returning():
        extra.append(
            fmt(QCoreApplication.translate("IssuingScreen", "%1 going back (returns in progress)"), len(back))
        )
    if soon := s.expiring(today):
        extra.append(
            fmt(
                QCoreApplication.translate("IssuingScreen", "storage ends by %1 for %2 units"),
                min(u.storage_until for u in soon if u.storage_until).strftime("%d.%m"),
                len(soon),
            )
        )
    if s.has_pay_on_pickup:
        due = sum(u.price for u in s.ready if u.payment_due)
        extra.append(
            fmt(QCoreApplication.translate("IssuingScreen", "pay on pickup: up to %1 by СБП"), rub(due))
        )
        if not online and not paying:  # a QR shown: the server answered
            extra.append(offline_payment_text())
    if extra:
        lines.append("; ".join(extra))
    return "\n".join(lines)
