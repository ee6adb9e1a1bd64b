"""The counter, driven through the PVZ app against a real backend with scans and keys: a fitting
room (the counter serves the next customer meanwhile; back from the room each unit is taken or
refused with a reason, and the pickup completes with what was kept, the kept marked unit's
DataMatrix withdrawn), and the overdue collected into a return box as expired."""

from __future__ import annotations

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
SHIFT = Qt.KeyboardModifier.ShiftModifier


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
    return world.add_user(f"counter-customer-{next(_customers)}", "customer", display_name=name, phone=phone)


def ready_order(world: World, customer: Account, skus: list[str], cell: int = 4) -> dict[str, Any]:
    order = world.place_order(customer, world.pvz1, skus)
    world.pay(order)
    world.accept(order, world.ship(order), cell=cell)
    return world.get_order(customer, order["id"])


def open_shift(pvz: PvzHarness, world: World) -> None:
    pvz.login(world.clerk1)
    pvz.sync()
    if pvz.current.key == "shift" and pvz.app.ctx.flows.shift.current() is None:
        pvz.key(Qt.Key.Key_O, CTRL)
    assert pvz.app.ctx.flows.shift.current() is not None


def marking_code(gtin13: str, serial: str = "fR7q2Lx9aPz0K") -> str:
    return f"01{gtin13.zfill(14)}21{serial}\x1d91EE07\x1d92{'A' * 44}"


def events(world: World, kind: str) -> list[dict[str, Any]]:
    items = world.client(world.admin).get("/api/v1/events", params={"limit": 1000}).json()["items"]
    return [e for e in items if e["type"] == kind]


def by_label(order: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {u["sku"]: u for u in order["units"]}


def test_a_fitting_room_frees_the_counter_and_the_pickup_completes_with_what_was_kept(
    pvz: PvzHarness, world: World
) -> None:
    dress, jeans = world.add_products(2, category="clothes", name="Платье")
    (boots,) = world.add_products(1, marking_every=1, category="shoes", name="Ботинки")
    plain = world.skus[0]  # no try-on category
    anna = new_customer(world, "Анна Смирнова", "+7 903 111-22-33")
    order = ready_order(world, anna, [dress, jeans, boots, plain])
    units = by_label(order)
    next_one = new_customer(world, "Борис Котов", "+7 903 444-55-66")
    queue = ready_order(world, next_one, [world.skus[1]], cell=6)
    open_shift(pvz, world)

    pvz.key(Qt.Key.Key_F2)
    issuing: Any = pvz.current
    pvz.scan(world.pickup_code(order, anna)["qr"])
    for sku in (dress, jeans, boots, plain):
        pvz.scan(units[sku]["label"])
        if sku == boots:  # a marked unit: its DataMatrix is scanned when it is fetched
            product = pvz.app.store.product(boots)
            assert product is not None
            pvz.scan(marking_code(product.gtin))
            assert pvz.tone == "success"
    assert issuing.actions_by_name["fitting"].isEnabled()
    pvz.key(Qt.Key.Key_F, CTRL)  # dress, jeans and boots go to the fitting room
    assert "Fitting room 1" in pvz.banner and "3 units" in pvz.banner and "15 min" in pvz.banner
    assert issuing.session is None  # the counter is free for the next customer

    pvz.scan(world.pickup_code(queue, next_one)["qr"])
    pvz.scan(queue["units"][0]["label"])
    pvz.key(Qt.Key.Key_Return, CTRL)
    assert "1 issued, 0 refused" in pvz.banner

    pvz.key(Qt.Key.Key_F2, SHIFT)
    rooms: Any = pvz.current
    assert rooms.key == "fitting" and rooms.model.rowCount() == 1
    assert rooms.model.data(rooms.model.index(0, 1)) == "Анна С."
    assert rooms.model.data(rooms.model.index(0, 4)).startswith("14:")  # of 15 minutes (scans take time)
    for _ in range(4):  # 16 minutes of serving the queue (keys keep the idle lock away)
        pvz.clock.advance(timedelta(minutes=4).total_seconds())
        pvz.key(Qt.Key.Key_Shift)
    rooms._tick()
    assert "time is up" in rooms.model.data(rooms.model.index(0, 4))

    pvz.key(Qt.Key.Key_Return, CTRL)  # the customer is back
    assert pvz.current is issuing and issuing.session.fitting_room == 1
    assert len(issuing.session.fetched) == 4 and "back from fitting room 1" in issuing.order_line.text()
    for sku, reason in ((dress, "did not fit"), (jeans, "did not like")):
        issuing.table.selectRow(issuing.model.find(units[sku]["id"]))
        pvz.choices.append(reason)
        pvz.key(Qt.Key.Key_R, CTRL)
    pvz.key(Qt.Key.Key_Return, CTRL)
    assert "2 issued, 2 refused" in pvz.banner
    assert pvz.app.ctx.flows.pickup.fittings() == []

    journal = [op for op, _ in pvz.app.store.journal(limit=1000)]
    fitted = [op.payload["unit_id"] for op in journal if op.type is OpType.FITTING_START]
    assert sorted(fitted) == sorted(units[s]["id"] for s in (dress, jeans, boots))
    done = next(op for op in reversed(journal) if op.type is OpType.COMPLETE_PICKUP)
    assert sorted(done.payload["issued"]) == sorted(units[s]["id"] for s in (boots, plain))
    assert {r["unit_id"]: r["reason"] for r in done.payload["refused"]} == {
        units[dress]["id"]: "did_not_fit",
        units[jeans]["id"]: "did_not_like",
    }
    assert list(done.payload["marking"]) == [units[boots]["id"]]
    pvz.sync()
    states = {u["id"]: u["status"] for u in world.get_order(anna, order["id"])["units"]}
    assert states == {
        units[dress]["id"]: "REFUSED",
        units[jeans]["id"]: "REFUSED",
        units[boots]["id"]: "ISSUED",
        units[plain]["id"]: "ISSUED",
    }
    withdrawn = [e for e in events(world, "MarkingCodesWithdrawn") if e["aggregate_id"] == order["id"]]
    assert [c["unit_id"] for c in withdrawn[0]["payload"]["codes"]] == [units[boots]["id"]]
    pvz.key(Qt.Key.Key_F4)  # the refused go back as refusals do
    returns: Any = pvz.current
    listed = {
        returns.model.row_at(r).unit.id: returns.model.row_at(r).reason
        for r in range(returns.model.rowCount())
    }
    assert listed[units[dress]["id"]] == listed[units[jeans]["id"]] == "refused"


def test_the_overdue_are_collected_into_a_return_box_as_expired(pvz: PvzHarness, world: World) -> None:
    petr = new_customer(world, "Пётр Лебедев", "+7 905 700-80-90")
    order = ready_order(world, petr, [world.skus[2], world.skus[3]], cell=8)
    open_shift(pvz, world)
    # this PVZ's clock now runs 8 days ahead of the real server, which refuses ops made that far
    # ahead (their rejection would put the units back): nothing syncs in the rest of this test, the
    # server's side of these ops is tests/unit/test_backend_counter_events.py
    pvz.app.sync.stop()
    pvz.app.sync.kick = lambda: None  # type: ignore[method-assign]
    pvz.clock.advance(timedelta(days=8).total_seconds())  # 7 storage days, to the end of the 7th
    pvz.key(Qt.Key.Key_Shift)  # the idle lock after that long: the same clerk unlocks
    login = pvz.app.window.login
    login.password.clear()
    pvz.type_into(login.password, world.clerk1.password)
    pvz.key(Qt.Key.Key_Return)
    pvz.key(Qt.Key.Key_F4, SHIFT)
    storage: Any = pvz.current
    assert storage.key == "storage"
    rows = [storage.model.row_at(r) for r in range(storage.model.rowCount())]
    overdue = {e.label for e in rows if e.bucket == "overdue"}
    assert {u["label"] for u in order["units"]} <= overdue
    # one rule: the returns flow counts exactly these as expired
    expired = {c.unit.label for c in pvz.app.ctx.flows.returns.candidates() if c.reason == "expired"}
    assert expired == overdue

    pvz.key(Qt.Key.Key_G, CTRL)  # a new return box, its label printed
    assert storage.box is not None and "overdue" in pvz.prompt
    box = storage.box.id
    for unit in order["units"]:
        pvz.scan(unit["label"])
        assert pvz.tone == "success" and "expired" in pvz.banner
    pvz.key(Qt.Key.Key_E, CTRL)
    assert storage.box is None and "2 units" in pvz.banner, (pvz.banner, storage.packed)
    packs = [op for op, _ in pvz.app.store.journal(limit=1000) if op.type is OpType.RETURN_PACK]
    assert {op.payload["reason"] for op in packs[-2:]} == {"expired"}
    assert {op.payload["box_id"] for op in packs[-2:]} == {box}
    assert {pvz.app.store.unit(u["id"]).status for u in order["units"]} == {"RETURN_PACKED"}  # type: ignore[union-attr]
    assert storage.model.rowCount() == len(rows) - 2
    # (the backend's OrderStorageExpired for these ops: tests/unit/test_backend_counter_events.py; this
    # PVZ's clock is 8 days ahead of the real server's, which refuses ops from that far ahead)
