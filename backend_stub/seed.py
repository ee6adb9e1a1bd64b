"""`wb-backend seed-demo`: a believable world for demos and manual testing.

Sites PVZ-DEMO-1, PVZ-DEMO-2 (cells) and WH-DEMO-1 (locations); 10,000 products with Russian names,
brands, prices and GTINs (shoes, clothes and perfume need a marking code, as in Честный знак); users
demo-clerk, demo-clerk2, demo-picker, demo-admin, demo-customer sharing one printed password; and
orders in every state, made through the same services the API uses (so every rule applies).
"""

from __future__ import annotations

import random
import secrets
from typing import Any

from sqlalchemy import select

from shared.barcodes.formats import make_gtin13, make_sscc
from shared.domain import IdFactory, Role, SiteKind, utc_iso

from .context import AppContext
from .db import next_counter, units, users
from .events.relay import Relay
from .services.admin import NewProduct, add_products, create_site, create_user
from .services.auth import Principal
from .services.orders import cancel_order, place_order
from .services.payments import PaymentEvent, process
from .services.sync import push

CATEGORIES: list[tuple[str, list[str], bool]] = [
    ("Кроссовки", ["беговые", "повседневные", "баскетбольные", "зимние", "для зала"], True),
    ("Ботинки", ["зимние", "демисезонные", "кожаные", "трекинговые"], True),
    ("Кеды", ["текстильные", "высокие", "классические"], True),
    ("Платье", ["летнее", "вечернее", "трикотажное", "в горошек", "миди"], True),
    ("Футболка", ["хлопковая", "оверсайз", "с принтом", "базовая"], True),
    ("Джинсы", ["прямые", "скинни", "мом", "широкие"], True),
    ("Куртка", ["пуховая", "ветровка", "джинсовая", "утеплённая"], True),
    ("Туалетная вода", ["цветочная", "древесная", "свежая", "пряная"], True),
    ("Чай", ["зелёный", "чёрный", "травяной", "улун", "с чабрецом"], False),
    ("Кофе", ["в зёрнах", "молотый", "растворимый", "в капсулах"], False),
    ("Шампунь", ["для объёма", "против перхоти", "для окрашенных волос"], False),
    ("Крем", ["для рук", "для лица", "солнцезащитный", "ночной"], False),
    ("Наушники", ["беспроводные", "накладные", "внутриканальные", "игровые"], False),
    ("Чехол", ["для телефона", "силиконовый", "книжка", "противоударный"], False),
    ("Зарядное устройство", ["быстрое", "беспроводное", "автомобильное"], False),
    ("Рюкзак", ["городской", "туристический", "школьный", "для ноутбука"], False),
    ("Сковорода", ["антипригарная", "чугунная", "гриль", "блинная"], False),
    ("Конструктор", ["для малышей", "технический", "магнитный"], False),
    ("Книга", ["детская", "детектив", "фантастика", "кулинарная"], False),
    ("Игрушка", ["мягкая", "развивающая", "ёлочная", "радиоуправляемая"], False),
    ("Полотенце", ["махровое", "банное", "кухонное", "пляжное"], False),
    ("Носки", ["хлопковые", "спортивные", "тёплые", "набор 5 пар"], True),
]
# a product's category; clothes and shoes may be tried on in a PVZ's fitting room
PRODUCT_CATEGORY = {
    "Кроссовки": "shoes",
    "Ботинки": "shoes",
    "Кеды": "shoes",
    "Платье": "clothes",
    "Футболка": "clothes",
    "Джинсы": "clothes",
    "Куртка": "clothes",
    "Туалетная вода": "perfume",
    "Носки": "hosiery",
}
COLOURS = ["чёрный", "белый", "серый", "синий", "красный", "зелёный", "бежевый", "розовый", "хаки", "жёлтый"]
BRANDS = [
    "Северный ветер",
    "Nordwalk",
    "Ёлка",
    "Zarina",
    "Befree",
    "Gloria Jeans",
    "Спортмастер Про",
    "Demix",
    "Уральские узоры",
    "Ладога",
    "Байкал",
    "Сибирский лён",
    "Московская мануфактура",
    "Kari",
    "Ecco",
    "Greenfield",
    "Майский",
    "Жокей",
    "Natura Siberica",
    "Чистая линия",
    "Redmond",
    "Tefal",
    "Росмэн",
    "Эксмо",
    "Мишутка",
    "Vitek",
    "Polaris",
    "Xiaomi",
    "Baseus",
    "Ugreen",
]

DEMO_SITES = ("PVZ-DEMO-1", "PVZ-DEMO-2", "WH-DEMO-1")


def demo_products(n: int, seed: int = 7) -> list[NewProduct]:
    rnd = random.Random(seed)
    items = []
    for i in range(1, n + 1):
        noun, kinds, marking = CATEGORIES[rnd.randrange(len(CATEGORIES))]
        name = f"{noun} {rnd.choice(kinds)}, {rnd.choice(COLOURS)}"
        if marking and rnd.random() < 0.5:
            name += f", размер {rnd.choice(['XS', 'S', 'M', 'L', 'XL', '38', '40', '42', '44'])}"
        price = rnd.choice([199, 299, 399, 499, 799, 990, 1290, 1990, 2490, 3990, 5990, 8990]) * 100
        price -= rnd.choice([0, 0, 1, 10]) * 100 // 10 if price > 1000 else 0
        items.append(
            NewProduct(
                sku=f"SKU-{i:07d}",
                name=name,
                brand=rnd.choice(BRANDS),
                price_kopecks=price,
                gtin=make_gtin13(f"460{i:09d}"),
                needs_marking=marking,
                category=PRODUCT_CATEGORY.get(noun, ""),
            )
        )
    return items


def _principal(conn: Any, username: str, device: str) -> Principal:
    from .db import sites

    row = conn.execute(select(users).where(users.c.username == username)).one()
    kind = SiteKind.CENTRAL
    if row.site_id:
        kind = SiteKind(conn.execute(select(sites.c.kind).where(sites.c.id == row.site_id)).scalar_one())
    return Principal(row.id, row.username, Role(row.role), row.site_id, kind, "seed", "seed", device)


class _SeedDevice:
    def __init__(self, ctx: AppContext, who: Principal) -> None:
        self.ctx, self.who, self.seq = ctx, who, 0
        self.ids = IdFactory(ctx.clock)

    def op(self, op_type: str, payload: dict[str, Any]) -> None:
        self.seq += 1
        raw = {
            "op_id": self.ids.new(),
            "device_id": self.who.device_id,
            "seq": self.seq,
            "type": op_type,
            "payload": payload,
            "actor": self.who.user_id,
            "created_at": utc_iso(self.ctx.clock.now()),
        }
        assert self.who.device_id is not None
        result = push(self.ctx, self.who, self.who.device_id, [raw])["results"][0]
        if result["status"] != "applied":
            raise RuntimeError(f"seed op {op_type} rejected: {result['reason']}")


def seed_demo(ctx: AppContext, products: int = 10_000, password: str | None = None) -> str:
    """Load the demo world into an initialised data dir; return the demo users' password."""
    with ctx.db.read() as conn:
        if conn.execute(select(users.c.id).where(users.c.username == "demo-admin")).first():
            raise ValueError("this data dir is already seeded")
    password = password or secrets.token_urlsafe(9)
    create_site(
        ctx,
        "PVZ-DEMO-1",
        SiteKind.PVZ,
        "ПВЗ на Тверской, 7",
        cells_count=120,
        address="Москва, Тверская ул., 7",
    )
    create_site(
        ctx,
        "PVZ-DEMO-2",
        SiteKind.PVZ,
        "ПВЗ на Невском, 28",
        cells_count=80,
        address="Санкт-Петербург, Невский пр., 28",
    )
    create_site(
        ctx,
        "WH-DEMO-1",
        SiteKind.WAREHOUSE,
        "Склад Подольск",
        locations_count=400,
        address="Подольск, Складская ул., 1",
    )
    create_user(ctx, "demo-clerk", Role.CLERK, password, "PVZ-DEMO-1", "Анна Смирнова")
    create_user(ctx, "demo-clerk2", Role.CLERK, password, "PVZ-DEMO-2", "Игорь Петров")
    create_user(ctx, "demo-picker", Role.WAREHOUSE, password, "WH-DEMO-1", "Олег Кузнецов")
    create_user(ctx, "demo-admin", Role.ADMIN, password, None, "Администратор")
    create_user(ctx, "demo-customer", Role.CUSTOMER, password, None, "Мария Иванова", "+7 916 123-45-67")
    catalog = demo_products(products)
    with ctx.db.write() as conn:
        for start in range(0, len(catalog), 2000):
            add_products(conn, catalog[start : start + 2000])
    _seed_orders(ctx, catalog)
    return password


def _seed_orders(ctx: AppContext, catalog: list[NewProduct]) -> None:
    rnd = random.Random(11)
    relay = Relay(ctx)
    with ctx.db.read() as conn:
        customer = _principal(conn, "demo-customer", "seed-storefront")
        picker = _principal(conn, "demo-picker", "seed-WH-DEMO-1")
        clerks = {
            "PVZ-DEMO-1": _principal(conn, "demo-clerk", "seed-PVZ-DEMO-1"),
            "PVZ-DEMO-2": _principal(conn, "demo-clerk2", "seed-PVZ-DEMO-2"),
        }
    wh = _SeedDevice(ctx, picker)
    pvz_dev = {k: _SeedDevice(ctx, v) for k, v in clerks.items()}
    # target state per order, a few of each, at both PVZs
    plan = [
        "CREATED",
        "PAID",
        "PICKED",
        "PACKED",
        "SHIPPED",
        "READY",
        "COMPLETED",
        "REFUSED",
        "CANCELLED",
        "RETURN_PACKED",
        "RETURNED",
    ]
    return_box: dict[str, str] = {}
    for n in range(44):
        target = plan[n % len(plan)]
        pvz = "PVZ-DEMO-1" if n % 3 else "PVZ-DEMO-2"
        picks = rnd.sample(catalog[:2000], rnd.randint(1, 3))
        order = place_order(ctx, customer, pvz, [(p.sku, 1) for p in picks])
        if target == "CANCELLED":
            cancel_order(ctx, customer, order["id"])
            continue
        if target == "CREATED":
            continue
        event = PaymentEvent(
            event_id=f"demo-evt-{order['id']}",
            type="payment.succeeded",
            tx_id=f"demo-tx-{order['id']}",
            order_id=order["id"],
            amount_kopecks=order["amount_kopecks"],
            currency="RUB",
            created_at=ctx.now_iso(),
        )
        process(ctx, event)
        relay.run_until_idle()
        if target == "PAID":
            continue
        from .db import pick_tasks

        with ctx.db.read() as conn:
            task = conn.execute(select(pick_tasks).where(pick_tasks.c.order_id == order["id"])).one()
            unit_rows = list(conn.execute(select(units).where(units.c.order_id == order["id"])))
        for u in unit_rows:
            wh.op("pick.unit", {"task_id": task.id, "unit_id": u.id, "location_id": u.location_id})
        if target == "PICKED":
            continue
        with ctx.db.write() as conn:
            box = make_sscc(next_counter(conn, "sscc_serial"))
        wh.op("pack.open", {"box_id": box, "pvz_id": pvz})
        for u in unit_rows:
            wh.op("pack.unit", {"box_id": box, "unit_id": u.id})
        wh.op("pack.close", {"box_id": box})
        if target == "PACKED":
            continue
        route = f"R-DEMO-{n:03d}"
        wh.op("route.add_box", {"route_id": route, "box_id": box, "pvz_id": pvz})
        wh.op("route.close", {"route_id": route, "unit_ids": [u.id for u in unit_rows]})
        if target == "SHIPPED":
            continue
        dev = pvz_dev[pvz]
        for i, u in enumerate(unit_rows):
            dev.op(
                "unit.accept", {"unit_id": u.id, "box_id": box, "cell_id": f"{pvz}:{(n % 50) + 1 + i:04d}"}
            )
        dev.op("box.accept_close", {"box_id": box})
        if target == "READY":
            continue
        if target == "COMPLETED":
            dev.op(
                "pickup.complete",
                {"order_id": order["id"], "issued": [u.id for u in unit_rows], "refused": []},
            )
            continue
        dev.op(
            "pickup.complete",
            {
                "order_id": order["id"],
                "issued": [],
                "refused": [{"unit_id": u.id, "reason": "не подошёл размер"} for u in unit_rows],
            },
        )
        if target == "REFUSED":
            continue
        if target == "RETURN_PACKED" and pvz in return_box:
            box_id = return_box[pvz]
        else:
            with ctx.db.write() as conn:
                box_id = make_sscc(next_counter(conn, "sscc_serial"), kind_return=True)
            dev.op("return.open", {"box_id": box_id})
            if target == "RETURN_PACKED":
                return_box[pvz] = box_id
        for u in unit_rows:
            dev.op("return.pack", {"box_id": box_id, "unit_id": u.id, "reason": "refused"})
        if target == "RETURN_PACKED":
            continue
        dev.op("return.close", {"box_id": box_id})
        dev.op("return.handover", {"box_ids": [box_id], "unit_ids": [u.id for u in unit_rows]})
        for u in unit_rows:
            wh.op("return.receive", {"box_id": box_id, "unit_id": u.id})
        wh.op("return.receipt_close", {"box_id": box_id, "missing": []})
