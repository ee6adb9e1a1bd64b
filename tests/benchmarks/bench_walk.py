"""Walk order: metres walked for 1,000 demo pick tasks, in walk order against creation order.

The demo warehouse (400 locations, `wb-backend seed-demo`) and demo orders: 1 to 3 products from
the first 2,000 of the demo catalog, each stored where the relay puts it (a hash of the SKU over the
warehouse's locations). A task's lines are walked from the depot and back on the floor model of
shared/domain/walk.py (3 m between aisles, 1.2 m between shelves, cross aisles at both ends), once
in the order the lines were created in and once in walk order. A second pair walks carts of 6
tasks (cluster picking): the 6 tasks one after another, each in walk order, against one serpentine
through all their stops.
"""

from __future__ import annotations

import hashlib
import random

from backend_stub.seed import demo_products
from backend_stub.services.admin import location_codes
from shared.domain.walk import Walk
from tests.benchmarks import Row

TASKS = 1000
CART = 6


def _tasks() -> tuple[Walk, list[list[str]]]:
    codes = location_codes(400)
    ids = sorted(f"WH-DEMO-1:{c}" for c in codes)
    catalog = demo_products(2000)
    rnd = random.Random(11)

    def place(sku: str) -> str:
        return ids[int(hashlib.sha256(sku.encode()).hexdigest(), 16) % len(ids)]

    tasks = [[place(p.sku) for p in rnd.sample(catalog, rnd.randint(1, 3))] for _ in range(TASKS)]
    return Walk(ids), tasks


def run() -> list[Row]:
    walk, tasks = _tasks()
    created = sum(walk.length(t) for t in tasks)
    walked = sum(walk.length(walk.sort(t)) for t in tasks)
    lines = sum(len(t) for t in tasks)
    note = f"{TASKS} demo tasks, {lines} lines, 400 locations, depot and back"
    carts = [tasks[i : i + CART] for i in range(0, len(tasks), CART)]
    one_by_one = sum(walk.length(walk.sort(t)) for cart in carts for t in cart)
    clustered = sum(walk.length(walk.sort([loc for t in cart for loc in t])) for cart in carts)
    cart_note = f"{len(carts)} carts of up to {CART} tasks, each task in walk order vs one walk per cart"
    return [
        Row("walk", "1,000 tasks, creation order", created / 1000, "km", "", note),
        Row("walk", "1,000 tasks, walk order", walked / 1000, "km", "", note),
        Row("walk", "walk order saves", 100 * (1 - walked / created), "%", "> 0", note),
        Row("walk", "1,000 tasks, one by one", one_by_one / 1000, "km", "", cart_note),
        Row("walk", "1,000 tasks, cluster of 6", clustered / 1000, "km", "", cart_note),
        Row("walk", "cluster picking saves", 100 * (1 - clustered / one_by_one), "%", "> 0", cart_note),
    ]
