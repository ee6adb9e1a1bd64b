"""The customer at the counter, driven through the PVZ app against a real backend: the customer card
(every parcel of the customer here, all ready orders issued in one go), the phone-tail search,
storage deadlines, and payment at pickup (the СБП QR, the webhook heard by a long poll)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from shared.domain import OpType
from tests.qt.pvz_harness import PvzHarness
from tests.support.backend import BackendServer
from tests.support.world import Account, World

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with BackendServer(tmp_path_factory.mktemp("backend")) as server, World.standard(server) as w:
        yield w


@pytest.fixture
def pvz(qapp: Any, qtbot: Any, tmp_path: Path, world: World) -> Iterator[PvzHarness]:
    h = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", world.server.url, world.pvz1)
    yield h
    h.close()


_customers = iter(range(1, 100))


def new_customer(world: World, name: str, phone: str) -> Account:
    return world.add_user(f"card-customer-{next(_customers)}", "customer", display_name=name, phone=phone)


def ready_order(
    world: World, customer: Account, skus: list[str], *, payment: str = "prepaid", cell: int = 3
) -> dict[str, Any]:
    """An order of `customer` shipped to PVZ-T-1 and accepted there into `cell`."""
    order = world.place_order(customer, world.pvz1, skus, payment=payment)
    if payment == "prepaid":
        world.pay(order)
    else:
        world.wait_for_task(order["id"])
    world.accept(order, world.ship(order), cell=cell)
    return world.get_order(customer, order["id"])


def open_shift(pvz: PvzHarness, world: World) -> None:
    pvz.login(world.clerk1)
    pvz.sync()
    if pvz.current.key == "shift" and pvz.app.ctx.flows.shift.current() is None:
        pvz.key(Qt.Key.Key_O, CTRL)
    assert pvz.app.ctx.flows.shift.current() is not None


def later(pvz: PvzHarness, world: World, days: int) -> None:
    """Days pass at the counter: the idle lock closes and the same clerk unlocks."""
    pvz.clock.advance(timedelta(days=days).total_seconds())
    pvz.key(Qt.Key.Key_Shift)  # a key after the idle time locks first
    login = pvz.app.window.login
    assert pvz.current is login
    login.password.clear()
    pvz.type_into(login.password, world.clerk1.password)
    pvz.key(Qt.Key.Key_Return)


def test_the_customer_card_issues_every_ready_order_in_one_go(pvz: PvzHarness, world: World) -> None:
    customer = new_customer(world, "Ирина Соколова", "+7 903 555-71-42")
    first = ready_order(world, customer, [world.skus[0], world.skus[1]])
    second = ready_order(world, customer, [world.skus[2]])
    coming = world.place_order(customer, world.pvz1, [world.skus[3]])
    world.pay(coming)
    world.ship(coming)  # on the way: shown with the day expected, not issuable
    open_shift(pvz, world)

    pvz.key(Qt.Key.Key_F2)
    screen: Any = pvz.current
    # the phone's last 4 digits find the parcels and their cell, but issue nothing
    pvz.type_into(screen.code, "7142")
    pvz.key(Qt.Key.Key_Return)
    assert "Ирина С." in screen.order_line.text() and "cell 3" in screen.order_line.text()
    assert screen.session is None and "QR" in pvz.prompt

    pvz.scan(world.pickup_code(first, customer)["qr"])  # the QR of one order opens the whole card
    s: Any = screen.session
    assert {u.order_id for u in s.ready} == {first["id"], second["id"]}
    card = screen.order_line.text()
    assert "Ирина С." in card and "+7 *** ***-71-42" in card
    assert f"№{first['number']}" in card and f"№{second['number']}" in card
    assert "1 on the way" in card
    on_way = next(
        r for r in range(screen.model.rowCount()) if screen.model.row_at(r).order_id == coming["id"]
    )
    assert "expected" in screen.model.data(screen.model.index(on_way, 3))

    for unit in [*first["units"], *second["units"]]:
        pvz.scan(unit["label"])
    pvz.key(Qt.Key.Key_Return, CTRL)
    assert "3 issued" in pvz.banner
    journal = [op for op, _ in pvz.app.store.journal(limit=1000) if op.type is OpType.COMPLETE_PICKUP]
    assert {op.payload["order_id"] for op in journal[-2:]} == {first["id"], second["id"]}
    pvz.sync()
    for order in (first, second):
        assert {u["status"] for u in world.get_order(customer, order["id"])["units"]} == {"ISSUED"}


def test_storage_deadlines_listed_and_warned(pvz: PvzHarness, world: World) -> None:
    customer = new_customer(world, "Пётр Волков", "+7 905 100-20-30")
    order = ready_order(world, customer, [world.skus[4]], cell=5)
    open_shift(pvz, world)
    pvz.key(Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)
    storage: Any = pvz.current
    assert storage.key == "storage" and storage.model.rowCount() == 0
    later(pvz, world, days=6)  # 7 storage days: ends tomorrow
    assert pvz.current.key == "storage"
    pvz.key(Qt.Key.Key_U, CTRL)
    rows = [storage.model.row_at(r) for r in range(storage.model.rowCount())]
    mine = next(e for e in rows if e.label == order["units"][0]["label"])
    assert (mine.bucket, mine.cell_number, mine.order_number) == ("tomorrow", 5, order["number"])
    pvz.key(Qt.Key.Key_F2)
    issuing: Any = pvz.current
    pvz.type_into(issuing.code, world.pickup_code(order, customer)["short_code"])  # a QR of then expired
    pvz.key(Qt.Key.Key_Return)
    assert "storage ends by" in issuing.order_line.text()
    pvz.key(Qt.Key.Key_N, CTRL)
    later(pvz, world, days=2)
    pvz.key(Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)
    rows = [storage.model.row_at(r) for r in range(storage.model.rowCount())]
    assert next(e for e in rows if e.label == order["units"][0]["label"]).bucket == "overdue"
    assert "overdue" in pvz.prompt


def test_pay_on_pickup_shows_the_qr_and_completes_when_the_bank_pays(pvz: PvzHarness, world: World) -> None:
    customer = new_customer(world, "Ольга Никитина", "+7 916 777-88-99")
    order = ready_order(world, customer, [world.skus[5], world.skus[6]], payment="on_pickup", cell=7)
    open_shift(pvz, world)
    pvz.key(Qt.Key.Key_F2)
    screen: Any = pvz.current
    pvz.scan(world.pickup_code(order, customer)["qr"])
    assert "pay on pickup" in screen.order_line.text()
    kept, refused = order["units"]
    pvz.scan(kept["label"])
    pvz.scan(refused["label"])
    screen.table.selectRow(screen.model.find(refused["id"]))
    pvz.choices.append("did not fit")
    pvz.key(Qt.Key.Key_R, CTRL)

    paid_after: list[float] = []

    def bank() -> None:  # the customer's bank app pays once the QR is on the screen
        deadline = time.monotonic() + 20
        while screen.paying is None and time.monotonic() < deadline:
            time.sleep(0.05)
        intent = screen.paying
        assert intent is not None and intent["unit_ids"] == [kept["id"]]
        time.sleep(0.3)
        paid_after.append(time.monotonic())
        world.pay_intent(order, intent)

    payer = threading.Thread(target=bank)
    payer.start()
    pvz.key(Qt.Key.Key_Return, CTRL)  # the QR, then the long poll hears the webhook
    payer.join(30)
    assert paid_after and time.monotonic() - paid_after[0] < 5
    assert screen.session is None and "1 issued, 1 refused" in pvz.banner
    summary = pvz.app.ctx.flows.shift.summary()
    assert (
        summary["money_on_pickup"]
        == world.get_order(customer, order["id"])["amount_kopecks"] - 10_000 - 100 * 7
    )
    pvz.sync()
    states = {u["id"]: u["status"] for u in world.get_order(customer, order["id"])["units"]}
    assert states == {kept["id"]: "ISSUED", refused["id"]: "REFUSED"}


def test_offline_a_pay_on_pickup_order_cannot_be_issued(pvz: PvzHarness, world: World) -> None:
    customer = new_customer(world, "Глеб Орлов", "+7 926 333-44-55")
    order = ready_order(world, customer, [world.skus[7]], payment="on_pickup", cell=9)
    open_shift(pvz, world)
    code = world.pickup_code(order, customer)
    pvz.app.ctx.flows.pickup.payments = None  # as with no connection: the backend cannot be asked
    pvz.key(Qt.Key.Key_F2)
    screen: Any = pvz.current
    pvz.scan(code["qr"])
    pvz.scan(order["units"][0]["label"])
    pvz.key(Qt.Key.Key_Return, CTRL)
    assert pvz.tone == "error" and "cannot be issued" in pvz.banner
    assert screen.session is not None and screen.paying is None  # nothing recorded
