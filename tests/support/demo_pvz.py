"""A PVZ's local store filled as a pull from the server would fill it: for the screenshot script
(packaging/screenshots_pvz.py) and the benchmarks.

No Qt, no network: the changes go through ``LocalStore.apply_pull_page`` in the protocol's format,
so the screens read exactly what they read after a real sync. Pickup QR codes are signed with a
key made here, whose public half is "pulled" like the backend's.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from shared.barcodes import cell_id, make_gtin13, make_sscc, make_unit_label
from shared.domain import IdFactory, ManualClock, utc_iso
from shared.domain.pickup_token import PickupClaim, short_code_hash, sign_pickup_token
from shared.store import LocalStore

NAMES = (
    ("Анна Смирнова", "+7 916 555-12-34"),
    ("Иван Петров", "+7 903 111-22-33"),
    ("Мария Козлова", "+7 925 777-45-67"),
    ("Дмитрий Соколов", "+7 999 321-00-98"),
    ("Елена Волкова", "+7 915 246-80-13"),
)
CATEGORIES = {0: "clothes", 1: "shoes", 4: "perfume"}  # by PRODUCTS index: clothes and shoes are tried on
PRODUCTS = (
    ("Футболка хлопковая, белая, M", "Basic Wear", False),
    ("Кроссовки беговые, 42", "RunFast", True),
    ("Чехол для телефона", "CaseLab", False),
    ("Крем для рук, 75 мл", "Natura", False),
    ("Духи «Весна», 50 мл", "Parfum", True),
    ("Настольная лампа", "Lumen", False),
    ("Рюкзак городской", "Urban", False),
    ("Книга «Война и мир»", "Классика", False),
)


@dataclass
class DemoWorld:
    site_id: str
    key: Ed25519PrivateKey
    salt: str
    orders: dict[str, list[str]] = field(default_factory=dict)  # order id -> unit labels
    short_codes: dict[str, str] = field(default_factory=dict)  # order id -> 8 digits
    boxes: list[str] = field(default_factory=list)  # forward boxes in transit to the PVZ
    customers: dict[str, str] = field(default_factory=dict)  # order id -> customer id
    mixed_order: str = ""  # an order with units here and units still in transit
    card_order: str = ""  # counter=True: a customer with two ready orders (clothes, shoes) and one on the way
    pay_order: str = ""  # counter=True: a pay-on-pickup order ready here

    def qr(self, order_id: str, now: datetime) -> str:
        claim = PickupClaim(
            order_id, self.site_id, self.customers[order_id], f"tok-{order_id}", now + timedelta(days=1)
        )
        return sign_pickup_token(claim, self.key)


def _change(entity: str, key: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"entity": entity, "id": key, "op": "upsert", "data": data}


def seed(
    store: LocalStore,
    site_id: str,
    now: datetime,
    *,
    cells: int = 60,
    ready_orders: int = 12,
    in_transit_orders: int = 4,
    extra_units: int = 0,
    page: int = 5000,
    counter: bool = False,
) -> DemoWorld:
    """Fill ``store``: cells, products, orders whose units are ready in cells, some refused,
    some past their storage period, boxes in transit; plus ``extra_units`` issued units (volume).
    ``counter``: also a customer with several parcels (the customer card, a fitting room), a
    pay-on-pickup order and storage ending today and tomorrow."""
    key = Ed25519PrivateKey.generate()
    world = DemoWorld(site_id, key, secrets.token_hex(16))
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    changes: list[dict[str, Any]] = [
        _change(
            "site",
            site_id,
            {"kind": "pvz", "name": "ПВЗ Демо", "address": "Москва, ул. Примерная, 1", "storage_days": 7},
        ),
        _change("pickup_key", "k1", {"public_key": base64.b64encode(public).decode()}),
    ]
    changes += [
        _change("cell", cell_id(site_id, n), {"site_id": site_id, "number": n, "capacity": 10})
        for n in range(1, cells + 1)
    ]
    skus = []
    for i, (name, brand, marking) in enumerate(PRODUCTS, 1):
        sku = f"SKU-DEMO-{i:04d}"
        skus.append(sku)
        gtin = make_gtin13(f"4601234{i:05d}")
        changes.append(
            _change(
                "product",
                sku,
                {
                    "name": name,
                    "brand": brand,
                    "price": 99_000 + i * 10_000,
                    "gtin": gtin,
                    "needs_marking": marking,
                    "category": CATEGORIES.get(i - 1, ""),
                },
            )
        )
    ids = IdFactory(ManualClock(now - timedelta(days=3)))
    serial = 1000
    box_serial = 500
    stamp = utc_iso(now)
    old = utc_iso(now - timedelta(days=9))

    def order(
        n: int,
        state: str | tuple[str, ...],
        per: int,
        box: str | None,
        cell: int | None,
        accepted: str | None,
        *,
        customer: int | None = None,
        first_sku: int | None = None,
        payment: str = "prepaid",
    ) -> str:
        nonlocal serial
        oid = ids.new()
        who = n if customer is None else customer
        name, phone = NAMES[who % len(NAMES)]
        cust = f"CUST{who:07d}"
        world.customers[oid] = cust
        changes.append(
            _change(
                "order",
                oid,
                {
                    "customer_id": cust,
                    "pvz_id": site_id,
                    "amount": 250_000,
                    "customer_name": name,
                    "customer_phone": phone,
                    "created_at": old,
                    "number": 100_000 + n,
                    "payment": payment,
                    "payment_status": "due" if payment == "on_pickup" else "",
                },
            )
        )
        labels = []
        for k in range(per):
            st = state[k % len(state)] if isinstance(state, tuple) else state
            here = st in ("ACCEPTED", "REFUSED")
            serial += 1
            label = make_unit_label(serial)
            labels.append(label)
            changes.append(
                _change(
                    "unit",
                    f"UNIT{serial:010d}",
                    {
                        "label": label,
                        "order_id": oid,
                        "sku": skus[((n if first_sku is None else first_sku) + k) % len(skus)],
                        "pvz_id": site_id,
                        "customer_id": cust,
                        "status": st,
                        "box_id": None if here else box,
                        "cell_id": cell_id(site_id, cell) if cell and here else None,
                        "accepted_at": accepted if here else None,
                        "updated_at": stamp,
                    },
                )
            )
        world.orders[oid] = labels
        code = f"{(n * 7919 + 12345678) % 10**8:08d}"
        world.short_codes[oid] = code
        changes.append(
            _change(
                "short_code",
                f"sc-{oid}",
                {"order_id": oid, "hash": short_code_hash(code, world.salt), "salt": world.salt},
            )
        )
        return oid

    n = 0
    for i in range(ready_orders):
        n += 1
        order(n, "ACCEPTED", 1 + i % 3, None, 1 + i % cells, stamp if i % 5 else old)
    for _ in range(2):
        n += 1
        order(n, "REFUSED", 1, None, cells, stamp)
    if counter:
        days = lambda d: utc_iso(now - timedelta(days=d))  # noqa: E731
        card = n + 1  # Анна С.: a T-shirt, running shoes and a case; a backpack whose storage ends tomorrow
        n += 1
        world.card_order = order(n, "ACCEPTED", 3, None, 2, stamp, customer=card, first_sku=0)
        n += 1
        order(n, "ACCEPTED", 1, None, 2, days(6), customer=card, first_sku=6)
        n += 1
        order(n, "SHIPPED", 1, None, None, None, customer=card, first_sku=7)
        n += 1
        world.pay_order = order(n, "ACCEPTED", 2, None, 3, stamp, first_sku=3, payment="on_pickup")
        n += 1
        order(n, "ACCEPTED", 2, None, 4, days(7), first_sku=5)  # storage ends today
    for i in range(in_transit_orders):
        box_serial += 1
        box = make_sscc(box_serial)
        world.boxes.append(box)
        changes.append(
            _change(
                "box",
                box,
                {
                    "kind": "forward",
                    "origin_site_id": "WH-DEMO-1",
                    "destination_site_id": site_id,
                    "closed": True,
                },
            )
        )
        for j in range(2):
            n += 1
            # the first box's first order is split: one unit already here, one still on its way
            state: str | tuple[str, ...] = ("ACCEPTED", "SHIPPED") if i == 0 and j == 0 else "SHIPPED"
            oid = order(n, state, 2 if j else 3, box, 1, stamp)
            if i == 0 and j == 0:
                world.mixed_order = oid
    for i in range(extra_units):
        if i % 2000 == 0 and i:
            _flush(store, changes, page)
            changes = []
        n += 1
        order(n, "ISSUED", 1, None, None, old)
    _flush(store, changes, page)
    store.finish_pull()
    return world


def _flush(store: LocalStore, changes: list[dict[str, Any]], page: int) -> None:
    for chunk in _chunks(changes, page):
        store.apply_pull_page(chunk, f"demo-{secrets.token_hex(4)}")


def _chunks(items: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
