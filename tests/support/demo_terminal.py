"""Demo content for a terminal's local store, as the backend would send it in a pull.

Used by the screenshot script (packaging/screenshots_terminal.py), the terminal logic tests and the
task list benchmark, which need a warehouse full of work
without a backend. Everything goes through ``LocalStore.apply_pull_page``, like a real first sync.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from shared.barcodes import location_id, make_gtin13, make_sscc, make_unit_label
from shared.domain import Clock
from shared.store import LocalStore

WAREHOUSE = "WH-DEMO-1"
PVZS = (("PVZ-DEMO-1", "ПВЗ Тверская, 7"), ("PVZ-DEMO-2", "ПВЗ Ленина, 15"))
PRODUCTS = (
    ("SKU-TEA", "Чай чёрный «Байкал», 100 г", "Байкал"),
    ("SKU-MUG", "Кружка керамическая 350 мл", "Дом"),
    ("SKU-SOCK", "Носки шерстяные, р. 39-42", "Тепло"),
    ("SKU-BOOK", "Книга «Мастер и Маргарита»", "Азбука"),
    ("SKU-LAMP", "Лампа настольная LED", "Свет"),
)
LOCATIONS = ("A-01-02-3", "A-01-04-1", "B-03-01-2", "C-07-05-4", "D-12-01-1")


def gtin(i: int) -> str:
    return make_gtin13(f"46012345{i:04d}")


def _base(clock: Clock) -> Iterator[dict[str, Any]]:
    yield {
        "entity": "site",
        "id": WAREHOUSE,
        "op": "upsert",
        "data": {"kind": "warehouse", "name": "Склад Подольск"},
    }
    for pvz, name in PVZS:
        yield {"entity": "site", "id": pvz, "op": "upsert", "data": {"kind": "pvz", "name": name}}
    for code in LOCATIONS:
        loc = location_id(WAREHOUSE, code)
        yield {"entity": "location", "id": loc, "op": "upsert", "data": {"site_id": WAREHOUSE, "code": code}}
    for i, (sku, name, brand) in enumerate(PRODUCTS):
        yield {
            "entity": "product",
            "id": sku,
            "op": "upsert",
            "data": {"name": name, "brand": brand, "price": 49900 + 10000 * i, "gtin": gtin(i)},
        }


# each PVZ's routes: (name, departure in minutes from now); a task's order takes one by its number,
# or none (a PVZ with no schedule yet): some tasks will miss theirs at a picker's pace
ROUTES = {
    "PVZ-DEMO-1": (("Тверская-1", 15), ("Тверская-2", 150), None),
    "PVZ-DEMO-2": (("Ленина-1", 60), ("Ленина-2", 240), None),
}


def seed(
    store: LocalStore,
    clock: Clock,
    *,
    tasks: int = 12,
    units_per_task: int = 3,
    returns: int = 0,
    routes: bool = True,
) -> dict[str, Any]:
    """Fill ``store`` with a warehouse, two PVZs, products, locations and ``tasks`` paid orders.

    With ``routes`` the tasks carry route departures (ROUTES) as the backend sends them.

    ``returns`` units come back from a PVZ in a return box. Returns handy facts (labels, ids) for tools that drive the screens.
    """
    changes: list[dict[str, Any]] = list(_base(clock))
    now = clock.now()
    serial = 0
    first_units: list[str] = []
    for t in range(tasks):
        order = f"ORD-{t + 1:06d}"
        pvz = PVZS[t % len(PVZS)][0]
        created = now - timedelta(minutes=5 * (tasks - t))
        changes.append(
            {
                "entity": "order",
                "id": order,
                "op": "upsert",
                "data": {"customer_id": f"C{t % 50}", "pvz_id": pvz, "created_at": created.isoformat()},
            }
        )
        unit_ids = []
        for k in range(units_per_task):
            serial += 1
            sku_index = (t + k // 2) % len(PRODUCTS)
            unit_id = f"UNIT-{serial:07d}"
            unit_ids.append(unit_id)
            changes.append(
                {
                    "entity": "unit",
                    "id": unit_id,
                    "op": "upsert",
                    "data": {
                        "label": make_unit_label(serial),
                        "order_id": order,
                        "sku": PRODUCTS[sku_index][0],
                        "status": "PAID",
                        "pvz_id": pvz,
                        "customer_id": f"C{t % 50}",
                        "location_id": location_id(WAREHOUSE, LOCATIONS[sku_index]),
                    },
                }
            )
        if t == 0:
            first_units = unit_ids
        task: dict[str, Any] = {
            "site_id": WAREHOUSE,
            "order_id": order,
            "created_at": created.isoformat(),
            "unit_ids": unit_ids,
        }
        route = ROUTES[pvz][t // len(PVZS) % len(ROUTES[pvz])] if routes else None
        if route is not None:
            task["route_name"] = route[0]
            task["departs_at"] = (now + timedelta(minutes=route[1])).isoformat()
        changes.append({"entity": "task", "id": f"TASK-{t + 1:06d}", "op": "upsert", "data": task})
    return_box = make_sscc(900001, kind_return=True)
    return_units: list[str] = []
    if returns:
        changes.append(
            {
                "entity": "box",
                "id": return_box,
                "op": "upsert",
                "data": {
                    "kind": "return",
                    "origin_site_id": PVZS[0][0],
                    "destination_site_id": WAREHOUSE,
                    "closed": True,
                    "handed_over": True,
                },
            }
        )
        for k in range(returns):
            serial += 1
            unit_id = f"RET-{serial:07d}"
            return_units.append(make_unit_label(serial))
            order = f"ORD-R{k:05d}"
            changes.append(
                {
                    "entity": "order",
                    "id": order,
                    "op": "upsert",
                    "data": {"customer_id": "C-RET", "pvz_id": PVZS[0][0], "created_at": now.isoformat()},
                }
            )
            changes.append(
                {
                    "entity": "unit",
                    "id": unit_id,
                    "op": "upsert",
                    "data": {
                        "label": make_unit_label(serial),
                        "order_id": order,
                        "sku": PRODUCTS[k % len(PRODUCTS)][0],
                        "status": "RETURN_SHIPPED",
                        "pvz_id": PVZS[0][0],
                        "customer_id": "C-RET",
                        "box_id": return_box,
                    },
                }
            )
    for start in range(0, len(changes), 2000):
        store.apply_pull_page(changes[start : start + 2000], f"demo-{start}")
    return {
        "first_task": "TASK-000001",
        "first_units": first_units,
        "return_box": return_box,
        "return_units": return_units,
    }
