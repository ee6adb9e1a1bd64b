"""Where a clerk got stuck at the counter: a refused marked unit, a scan while a question is open,
a unit recorded short that turns up, an order with nothing ready. Driven with scans and keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pvz_app import ports
from shared.barcodes import make_cell_label
from shared.domain import UnitStatus
from tests.qt.pvz_harness import PvzHarness
from tests.qt.test_pvz_flows import accept_all, open_shift, shipped_order, unit_states
from tests.support.backend import BackendServer
from tests.support.world import World


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with BackendServer(tmp_path_factory.mktemp("backend")) as server, World.standard(server) as w:
        yield w


@pytest.fixture
def pvz(qapp: Any, qtbot: Any, tmp_path: Path, world: World) -> Iterator[PvzHarness]:
    h = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", world.server.url, world.pvz1)
    yield h
    h.close()


class Questions:
    """The clerk's answers to yes/no questions, and what was asked."""

    def __init__(self, *answers: bool) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, _parent: Any, _title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answers.pop(0) if self.answers else False


def test_a_refused_marked_unit_needs_no_marking_code(pvz: PvzHarness, world: World) -> None:
    marked_sku = world.skus[4]  # every 5th product of the standard world needs a marking code
    order, box = shipped_order(world, skus=[marked_sku, world.skus[1]])
    open_shift(pvz, world)
    accept_all(pvz, world, order, box)
    pvz.sync()
    marked = next(u for u in order["units"] if u["sku"] == marked_sku)
    plain = next(u for u in order["units"] if u["sku"] != marked_sku)

    pvz.key(Qt.Key.Key_F2)
    issuing: Any = pvz.current
    pvz.scan(world.pickup_code(order)["qr"])
    assert issuing.session is not None, pvz.banner
    pvz.scan(marked["label"])
    assert "marking" in pvz.prompt.lower()
    pvz.choices.append("changed mind")
    pvz.key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # the customer refuses it
    assert issuing.session.refused == {marked["id"]: "changed_mind"}
    assert "marking" not in pvz.prompt.lower(), pvz.prompt  # a refused unit needs no DataMatrix
    assert issuing.actions_by_name["complete"].isEnabled()
    pvz.scan(plain["label"])  # the next unit can be fetched
    assert pvz.tone == "success", pvz.banner

    # "Taken" after all: now its marking code is needed again
    issuing.table.selectRow(issuing.model.find(marked["id"]))
    pvz.key(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert "marking" in pvz.prompt.lower()
    assert not issuing.actions_by_name["complete"].isEnabled()
    issuing.table.selectRow(issuing.model.find(marked["id"]))
    pvz.choices.append("changed mind")
    pvz.key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)

    # Ctrl+N with units fetched asks first; "no" keeps the pickup as it is
    questions = Questions(False, True)
    pvz.app.ctx.ports.confirm = questions
    pvz.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(questions.asked) == 1
    assert issuing.session is not None and len(issuing.session.fetched) == 2
    pvz.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "1 issued, 1 refused" in pvz.banner
    pvz.sync()
    assert unit_states(world, order) == {marked["id"]: "REFUSED", plain["id"]: "ISSUED"}


def test_leaving_a_half_done_pickup_asks_and_yes_puts_it_away(pvz: PvzHarness, world: World) -> None:
    order, box = shipped_order(world, skus=[world.skus[2]])
    open_shift(pvz, world)
    accept_all(pvz, world, order, box)
    pvz.key(Qt.Key.Key_F2)
    issuing: Any = pvz.current
    pvz.scan(world.pickup_code(order)["qr"])
    questions = Questions(True)
    pvz.app.ctx.ports.confirm = questions
    pvz.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # nothing fetched yet: no question
    assert questions.asked == [] and issuing.session is None
    pvz.scan(world.pickup_code(order)["qr"])
    pvz.scan(order["units"][0]["label"])
    pvz.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(questions.asked) == 1 and "back" in questions.asked[0]
    assert issuing.session is None
    pvz.sync()
    assert unit_states(world, order) == {order["units"][0]["id"]: "ACCEPTED"}  # nothing recorded


def test_an_order_with_nothing_ready_says_so(pvz: PvzHarness, world: World) -> None:
    # a customer with nothing else here (the card lists every ready parcel of the customer)
    customer = world.add_user("nothing-ready-customer", "customer")
    order = world.place_order(customer, world.pvz1, [world.skus[3]])
    world.pay(order)  # paid, still at the warehouse
    open_shift(pvz, world)
    pvz.sync()
    pvz.key(Qt.Key.Key_F2)
    issuing: Any = pvz.current
    pvz.scan(world.pickup_code(order, customer)["qr"])
    assert issuing.session is not None, pvz.banner
    assert "fetched" not in pvz.prompt.lower(), pvz.prompt
    assert "nothing to issue" in pvz.prompt.lower(), pvz.prompt
    assert "warehouse" in pvz.current.prompt.hint, pvz.current.prompt.hint
    assert pvz.current.prompt.tone == "warn"
    assert not issuing.actions_by_name["complete"].isEnabled()
    assert issuing.actions_by_name["cancel"].isEnabled()


def _real_question(parent: Any, title: str, text: str) -> bool:
    return ports.confirm(parent, title, text)


def test_a_scan_while_a_question_is_open_is_refused_and_a_short_unit_can_be_found(
    pvz: PvzHarness, world: World
) -> None:
    order, box = shipped_order(world, skus=[world.skus[5], world.skus[6]])
    open_shift(pvz, world)
    pvz.key(Qt.Key.Key_F3)
    screen: Any = pvz.current
    pvz.scan(box)
    first, second = order["units"]
    pvz.scan(first["label"])
    pvz.scan(make_cell_label(world.pvz1, screen.session.placement.cell.number))
    assert pvz.tone == "success"

    pvz.scan("S0000001")  # the seal on the box
    pvz.app.ctx.ports.confirm = _real_question  # a real QMessageBox, as at the counter
    seen: dict[str, Any] = {}

    def during_question() -> None:
        modal = QApplication.activeModalWidget()
        try:
            seen["dialog"] = type(modal).__name__
            prompt_before = pvz.prompt
            pvz.scan(second["label"])  # the clerk scans the last unit while the question is open
            seen["tone"] = pvz.tone
            seen["banner"] = pvz.banner
            seen["prompt_changed"] = pvz.prompt != prompt_before
            seen["placement"] = screen.session.placement
            seen["still_open"] = QApplication.activeModalWidget() is modal
        finally:
            if isinstance(modal, QMessageBox):
                modal.button(QMessageBox.StandardButton.Yes).click()  # "yes, close the box"

    QTimer.singleShot(0, during_question)
    pvz.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert seen["dialog"] == "QMessageBox"
    assert seen["tone"] == "error", seen
    assert not seen["prompt_changed"] and seen["placement"] is None, seen
    assert seen["still_open"]
    assert screen.session is None  # the box is closed; the unit never scanned is short
    short = pvz.app.store.unit(second["id"])
    assert short is not None and short.status is UnitStatus.MISSING

    # the short unit turns up: scanning it offers a cell, the cell scan records unit.found
    pvz.app.ctx.ports.confirm = lambda *_a: True
    pvz.scan(second["label"])
    assert screen.session is not None and screen.session.placement is not None, pvz.banner
    assert screen.session.placement.unit.id == second["id"]
    assert "cell" in pvz.prompt
    pvz.scan(make_cell_label(world.pvz1, screen.session.placement.cell.number))
    assert pvz.tone == "success", pvz.banner
    found = pvz.app.store.unit(second["id"])
    assert found is not None and found.status is UnitStatus.ACCEPTED and found.cell_number is not None
    pvz.sync()
    assert unit_states(world, order) == {first["id"]: "ACCEPTED", second["id"]: "ACCEPTED"}
