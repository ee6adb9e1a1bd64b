"""The PVZ app when the session or the network goes wrong, driven like a clerk drives it.

* The server ends the session mid-acceptance: the password is asked over the acceptance screen,
  which keeps its box, and the queue is sent after it.
* The status bar: the time of the last good sync, the reason in words (never an exception name).
* Leaving with work in hand: logout with operations not sent yet, closing the shift, keys that do
  nothing say why.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shared.barcodes import make_cell_label
from shared.qt.relogin import ReloginDialog
from tests.qt.pvz_harness import PvzHarness
from tests.support.backend import BackendServer, free_port
from tests.support.world import World

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with BackendServer(tmp_path_factory.mktemp("backend")) as server, World.standard(server) as w:
        yield w


@pytest.fixture
def pvz(qapp: Any, qtbot: Any, tmp_path: Path, world: World) -> Iterator[PvzHarness]:
    h = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", world.server.url, world.pvz1)
    yield h
    h.close()


def open_shift(pvz: PvzHarness, world: World) -> None:
    pvz.login(world.clerk1)
    pvz.sync()
    if pvz.current.key == "shift" and pvz.app.ctx.flows.shift.current() is None:
        pvz.key(Qt.Key.Key_O, CTRL)
    assert pvz.app.ctx.flows.shift.current() is not None, (
        pvz.banner,
        pvz.current.key,
        QApplication.focusWidget(),
        QApplication.activeModalWidget(),
    )


def shipped_order(world: World, skus: list[str]) -> tuple[dict[str, Any], str]:
    order = world.place_order(world.customer, world.pvz1, skus)
    world.pay(order)
    box = world.ship(order)
    return world.get_order(world.customer, order["id"]), box


def end_session(pvz: PvzHarness, world: World) -> None:
    """The server revokes this device's session; the access token in memory is refused from now on."""
    access = pvz.app.session.access_token()
    answer = httpx.post(
        world.server.url + "/api/v1/auth/logout", headers={"Authorization": f"Bearer {access}"}
    )
    assert answer.status_code == 200, answer.text
    pvz.app.session._access = "revoked"


def bar_texts(pvz: PvzHarness) -> str:
    return pvz.app.window.status_bar.text


def test_the_server_ending_the_session_asks_for_the_password_over_the_current_screen(
    pvz: PvzHarness, world: World
) -> None:
    order, box = shipped_order(world, [world.skus[6], world.skus[7]])
    open_shift(pvz, world)
    pvz.key(Qt.Key.Key_F3)
    pvz.app.sync._kick_timer.setInterval(3_600_000)  # a slow link: the ops wait in the queue
    pvz.scan(box)
    screen: Any = pvz.current
    unit = order["units"][0]
    pvz.scan(unit["label"])
    pvz.scan(make_cell_label(world.pvz1, screen.session.placement.cell.number))
    assert pvz.tone == "success"
    queued = pvz.app.store.pending_count()
    assert queued >= 1
    # the server ends this device's session (an admin, or a refresh answer lost in an outage)
    end_session(pvz, world)
    pvz.sync()  # push: 401, refresh refused
    prompt = pvz.app.window.relogin
    dialog = prompt.dialog
    assert isinstance(dialog, ReloginDialog) and dialog.isVisible()
    assert dialog.parent() is pvz.app.window and dialog.isModal()
    assert world.clerk1.username in dialog.message.text()
    assert "Log in again" in pvz.app.window.status_bar.connection.text()
    assert "log in again" in pvz.app.window.status_bar.reason.text()
    # behind it nothing moved: the same screen, the same box, the queue kept
    assert pvz.current == screen and screen.session is not None
    assert pvz.app.ctx.actor is not None
    assert pvz.app.store.pending_count() == queued

    pvz.type_into(dialog.password, "wrong-password")
    pvz.clock.advance(0.15)
    dialog.password.returnPressed.emit()
    assert dialog.isVisible() and dialog.error.isVisible() and dialog.error.text()
    pvz.type_into(dialog.password, world.clerk1.password)
    dialog.password.returnPressed.emit()
    pvz.settle()
    assert prompt.dialog is None  # closed (and gone)
    assert pvz.app.store.pending_count() == 0  # sync resumed at once
    assert pvz.app.sync.status.online and not pvz.app.sync.status.needs_login
    assert pvz.current == screen and screen.session is not None  # the box is still open
    pvz.scan(order["units"][1]["label"])
    pvz.scan(make_cell_label(world.pvz1, screen.session.placement.cell.number))
    assert pvz.tone == "success"


def test_later_keeps_working_and_sync_now_asks_again(pvz: PvzHarness, world: World) -> None:
    open_shift(pvz, world)
    end_session(pvz, world)
    pvz.key(Qt.Key.Key_F12)
    assert pvz.app.sync.status.needs_login, pvz.app.sync.status
    prompt = pvz.app.window.relogin
    assert prompt.dialog is not None
    prompt.dialog.reject()  # Esc: later
    QApplication.processEvents()
    assert prompt.dialog is None and pvz.current.key == "shift"
    pvz.qtbot.waitUntil(pvz.app.window.isActiveWindow, timeout=5000)  # the keys are the window's again
    pvz.key(Qt.Key.Key_F12)  # sync now asks for the password again rather than failing silently
    assert prompt.dialog is not None and prompt.dialog.isVisible()
    prompt.dialog.reject()


def test_status_bar_shows_the_last_sync_time_and_the_reason_in_words(pvz: PvzHarness, world: World) -> None:
    open_shift(pvz, world)
    bar = pvz.app.window.status_bar
    assert re.search(r"Last sync: \d\d:\d\d \(now\)", bar.last_sync.text()), bar.last_sync.text()
    assert bar.connection.text() == "● Online" and not bar.reason.isVisibleTo(bar)
    # the network goes away
    pvz.app.http.base_url = f"http://127.0.0.1:{free_port()}"
    pvz.clock.advance(5 * 60)
    pvz.key(Qt.Key.Key_F12)
    assert bar.connection.text() == "● Offline"
    assert bar.reason.isVisibleTo(bar) and bar.reason.text() == "No connection to the server."
    assert re.search(r"Last sync: \d\d:\d\d \(5 min\)", bar.last_sync.text()), bar.last_sync.text()
    for text in (bar_texts(pvz), bar.connection.toolTip(), bar.reason.toolTip()):
        assert not re.search(r"[A-Z][a-z]+(Error|Timeout|Exception)", text), text


def test_leaving_with_work_in_hand_is_confirmed_and_dead_keys_say_why(pvz: PvzHarness, world: World) -> None:
    asked: list[str] = []
    answers: list[bool] = []

    def confirm(_parent: Any, _title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    pvz.app.ctx.ports.confirm = confirm
    pvz.key(Qt.Key.Key_F3)  # before login the flow keys say why nothing opens
    assert pvz.current.key == "login" and "Log in first" in pvz.banner
    pvz.login(world.clerk1)
    pvz.sync()
    assert pvz.app.ctx.flows.shift.current() is None
    pvz.key(Qt.Key.Key_F2)  # the shift is closed: the key says so and opens the shift screen
    assert pvz.current.key == "shift" and "Open the shift first" in pvz.banner
    pvz.key(Qt.Key.Key_C, CTRL_SHIFT)  # close shift, with no shift open
    assert "No shift is open" in pvz.banner
    pvz.key(Qt.Key.Key_O, CTRL)
    assert pvz.app.ctx.flows.shift.current() is not None, (
        pvz.banner,
        pvz.current.key,
        QApplication.focusWidget(),
        QApplication.activeModalWidget(),
    )
    assert pvz.app.store.pending_count() == 1  # shift.open, not sent yet
    assert pvz.app.window.logout_button.isVisible()  # logout is on screen, not only a key

    answers.append(False)
    pvz.key(Qt.Key.Key_C, CTRL_SHIFT)
    assert "1 operations have not reached the server" in asked[-1]
    assert pvz.app.ctx.flows.shift.current() is not None and "stays open" in pvz.banner

    answers.append(False)
    pvz.key(Qt.Key.Key_F10)
    assert "1 operations have not reached the server" in asked[-1]
    assert pvz.app.ctx.actor is not None and "Still logged in" in pvz.banner

    answers.append(True)
    pvz.app.window.logout_button.click()
    pvz.settle()
    assert pvz.app.ctx.actor is None and pvz.current.key == "login"
    assert len(asked) == 3
