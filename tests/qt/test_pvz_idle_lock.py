"""A counter PC left alone locks after the idle minutes; the same clerk resumes, another starts afresh.

The app's ManualClock stands in for the wall clock: the tests move it past the idle time and run the
same idle check the window's timer runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shared.barcodes import make_cell_label
from tests.qt.pvz_harness import PvzHarness
from tests.support.backend import BackendServer
from tests.support.world import Account, World

IDLE_S = 15 * 60  # AppConfig.idle_lock_minutes default


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with BackendServer(tmp_path_factory.mktemp("backend")) as server, World.standard(server) as w:
        yield w


def shipped_order(world: World, n: int) -> tuple[dict[str, Any], str]:
    order = world.place_order(world.customer, world.pvz1, world.skus[:n])
    world.pay(order)
    box = world.ship(order)
    return world.get_order(world.customer, order["id"]), box


def open_shift(pvz: PvzHarness, account: Account) -> None:
    pvz.login(account)
    pvz.sync()
    if pvz.app.ctx.flows.shift.current() is None:
        pvz.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert pvz.app.ctx.flows.shift.current() is not None


def unit_status(pvz: PvzHarness, unit_id: str) -> str:
    unit = pvz.app.store.unit(unit_id)
    assert unit is not None
    return unit.status.value


def type_login(pvz: PvzHarness, username: str, password: str) -> None:
    login = pvz.app.window.login
    login.username.clear()
    login.password.clear()
    pvz.type_into(login.username, username)
    pvz.type_into(login.password, password)
    pvz.key(Qt.Key.Key_Return)


def test_idle_counter_locks_refuses_scans_keeps_syncing_and_the_same_clerk_resumes_offline(
    qapp: Any, qtbot: Any, tmp_path: Path
) -> None:
    with BackendServer(tmp_path / "backend") as server, World.standard(server) as world:
        order, box = shipped_order(world, 2)
        first, second = order["units"]
        pvz = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", server.url, world.pvz1)
        try:
            window = pvz.app.window
            open_shift(pvz, world.clerk1)
            pvz.key(Qt.Key.Key_F3)
            pvz.scan(box)
            pvz.scan("S0000001")  # the seal on the box
            acceptance: Any = pvz.current
            pvz.scan(first["label"])
            pvz.scan(make_cell_label(world.pvz1, acceptance.session.placement.cell.number))
            assert pvz.tone == "success"  # journalled, not pushed yet
            pvz.clock.advance(10 * 60)
            pvz.scan(second["label"])  # a scan is activity: the idle time starts again
            box_session: Any = acceptance.session
            cell = box_session.placement.cell.number
            prompt = pvz.prompt
            assert f"cell {cell}" in prompt

            pvz.clock.advance(IDLE_S - 60)
            window.check_idle()
            assert pvz.current is acceptance  # 14 minutes: still open
            pvz.clock.advance(60)
            window.check_idle()
            login = window.login
            assert pvz.current is login
            assert login.prompt.text == f"Locked: {world.clerk1.username}"
            assert "15 idle minutes" in login.prompt.hint
            assert login.username.text() == world.clerk1.username
            assert "Locked after 15 idle minutes" in pvz.banner

            pvz.scan(make_cell_label(world.pvz1, cell))  # scanned while locked: refused, not applied
            assert pvz.tone == "error"
            assert "not applied" in pvz.banner and world.clerk1.username in pvz.banner
            assert box_session.placement is not None  # the unit still waits for its cell
            assert unit_status(pvz, second["id"]) != "ACCEPTED"
            pvz.key(Qt.Key.Key_F2)  # the flows' keys are off while locked
            assert pvz.current is login

            status = pvz.sync()  # the journalled op still goes out while the counter is locked
            assert status.pending == 0
            fresh = world.get_order(world.customer, order["id"])
            assert {u["id"]: u["status"] for u in fresh["units"]}[first["id"]] == "ACCEPTED"

            server.kill()  # the unlock needs no network: the local verifier checks the password
            type_login(pvz, world.clerk1.username, "wrong-password")
            assert pvz.tone == "error" and pvz.current is login
            assert login.prompt.text == f"Locked: {world.clerk1.username}"

            type_login(pvz, world.clerk1.username, world.clerk1.password)
            assert pvz.current is acceptance  # the same screen object, its state intact
            assert pvz.prompt == prompt
            assert f"Unlocked: {world.clerk1.username}" in pvz.banner
            pvz.scan(make_cell_label(world.pvz1, cell))
            assert pvz.tone == "success"
            assert unit_status(pvz, second["id"]) == "ACCEPTED"
            assert "close the box" in pvz.prompt
        finally:
            pvz.close()


def test_a_key_after_the_idle_time_locks_first_and_another_clerk_starts_afresh(
    qapp: Any, qtbot: Any, tmp_path: Path, world: World
) -> None:
    other = world.add_user(f"clerk-{tmp_path.name[-12:]}", "clerk", world.pvz1)
    _order, box = shipped_order(world, 1)
    pvz = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", world.server.url, world.pvz1)
    try:
        window = pvz.app.window
        open_shift(pvz, world.clerk1)
        pvz.key(Qt.Key.Key_F3)
        pvz.scan(box)
        old_acceptance: Any = pvz.current
        assert old_acceptance.session is not None

        pvz.clock.advance(IDLE_S)
        pvz.key(Qt.Key.Key_F2)  # back after the idle time: this key locks, it does not switch flows
        assert pvz.current is window.login
        assert window.login.locked_user == world.clerk1.username

        type_login(pvz, other.username, "not-the-password")  # a failed attempt changes nothing shown
        assert pvz.tone == "error" and pvz.current is window.login
        assert window.login.locked_user == world.clerk1.username
        type_login(pvz, other.username, other.password)
        assert pvz.app.ctx.actor is not None
        assert pvz.app.ctx.actor.username == other.username
        assert pvz.current.key == "issuing"  # the shift is open: a fresh start on issuing
        assert window.login.locked_user is None
        tokens = pvz.app.session.tokens
        device = pvz.app.config.device_id
        assert tokens.load(f"{device}:{world.clerk1.username}") is None  # the first clerk's session ended
        assert tokens.load(f"{device}:{other.username}")
        acceptance: Any = window.flow("acceptance")
        assert acceptance is not old_acceptance and acceptance.session is None
        pvz.key(Qt.Key.Key_F3)
        assert pvz.current is acceptance
        assert pvz.prompt == "Scan a box label"  # nothing of the first clerk's box

        pvz.key(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert pvz.current is window.login
        assert window.login.prompt.text == "Log in to start"  # logged out: the plain login again
    finally:
        pvz.close()


def test_the_same_clerk_gets_the_typed_code_and_focus_back_after_a_cancelled_question_and_a_failed_take_over(
    qapp: Any, qtbot: Any, tmp_path: Path, world: World
) -> None:
    from PySide6.QtWidgets import QDialog, QInputDialog

    pvz = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", world.server.url, world.pvz1)
    try:
        window = pvz.app.window
        open_shift(pvz, world.clerk1)
        pvz.key(Qt.Key.Key_F2)
        issuing: Any = pvz.current
        assert issuing.key == "issuing"
        pvz.type_into(issuing.code, "4711")  # the customer was dictating the short code
        question = QInputDialog(window)
        question.setModal(True)
        question.show()  # a question the clerk left open
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is question, timeout=5000)

        pvz.clock.advance(IDLE_S)
        window.check_idle()
        assert pvz.current is window.login
        assert not question.isVisible() and question.result() == QDialog.DialogCode.Rejected

        type_login(pvz, "someone-else", "a-guess")  # a failed take-over ends the session, not the work
        assert pvz.tone == "error" and pvz.current is window.login
        assert pvz.app.session.actor is None
        type_login(pvz, world.clerk1.username, world.clerk1.password)
        assert pvz.current is issuing
        code = window.flow("issuing").code  # type: ignore[attr-defined]
        assert code.text() == "4711"
        assert QApplication.focusWidget() is code
    finally:
        pvz.close()
