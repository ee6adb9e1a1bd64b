"""The warehouse terminal when the server goes quiet or ends the session, at 480x800.

* A frozen backend (SIGSTOP) shows "no answer" within about ten seconds, and the strip recovers
  when it resumes.
* The strip never cuts a word at 480 px, in either language, whatever it has to say.
* The server ending the session asks for the password over the current step, which stays as it was.
* F10 with operations not sent yet warns first.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from shared.domain import ManualClock
from shared.qt.relogin import ReloginDialog
from shared.qt.status import SCANNER_DISCONNECTED
from tests.qt.test_terminal_flows import Harness, location_label, paid_order, server, world  # noqa: F401
from tests.support.backend import BackendServer
from tests.support.world import World


@pytest.fixture
def terminal(qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path) -> Iterator[Harness]:  # noqa: F811
    h = Harness(qtbot, server, world, tmp_path)
    yield h
    h.close()


def end_session(h: Harness, world: World) -> None:  # noqa: F811
    """The server revokes this terminal's session; the access token in memory is refused from now on."""
    core = h.t.auth.core
    answer = httpx.post(
        world.server.url + "/api/v1/auth/logout", headers={"Authorization": f"Bearer {core.access_token()}"}
    )
    assert answer.status_code == 200, answer.text
    core._access = "revoked"


def test_a_frozen_backend_shows_no_answer_within_ten_seconds(
    qtbot: QtBot,
    server: BackendServer,  # noqa: F811
    world: World,  # noqa: F811
    tmp_path: Path,
) -> None:
    h = Harness(qtbot, server, world, tmp_path, inline=False)
    strip = h.window.strip
    assert server.process is not None
    try:
        login = h.window.login
        login.set_mode("password")
        login.username.setText(world.picker.username)
        login.password.setText(world.picker.password)
        login.submit()
        qtbot.waitUntil(lambda: login.mode == "enrol", timeout=20_000)
        h.key(Qt.Key.Key_F3)  # no badge now
        assert h.window.current.name == "menu"
        qtbot.waitUntil(lambda: strip.connection.text() == "● Online", timeout=20_000)
        os.kill(server.process.pid, signal.SIGSTOP)
        try:
            started = time.monotonic()
            h.key(Qt.Key.Key_F5)  # sync now, from the menu
            qtbot.waitUntil(lambda: strip.connection.text() == "● No answer", timeout=15_000)
            waited = time.monotonic() - started
            assert 9.0 <= waited <= 13.0, waited
            assert strip.connection.property("tone") == "error"
            assert strip.reason.text().startswith("No answer from the server for")
        finally:
            os.kill(server.process.pid, signal.SIGCONT)
        qtbot.waitUntil(lambda: strip.connection.text() == "● Online", timeout=60_000)
        assert strip.reason.text() == "" and strip.reason.isHidden()
    finally:
        h.close()


def _fits(label: QLabel) -> bool:
    """Every word shows whole and every wrapped line has room."""
    if label.isHidden() or not label.text():
        return True
    width = label.contentsRect().width()
    metrics = label.fontMetrics()
    words_fit = all(metrics.horizontalAdvance(word) <= width for word in label.text().split())
    return words_fit and label.height() >= label.heightForWidth(label.width())


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_status_strip_never_cuts_a_word_at_480_px(
    qtbot: QtBot,
    server: BackendServer,  # noqa: F811
    world: World,  # noqa: F811
    tmp_path: Path,
    lang: str,
) -> None:
    clock = ManualClock(datetime.now(UTC))
    h = Harness(qtbot, server, world, tmp_path, lang=lang, clock=clock)
    try:
        h.login()
        strip, status = h.window.strip, h.t.status
        states: list[dict[str, Any]] = [
            dict(syncing=True, online=True),
            dict(
                syncing=False,
                online=False,
                pending=1234,
                oldest_pending_at=clock.now() - timedelta(hours=30, minutes=59),
                last_sync_at=clock.now() - timedelta(days=3),
                last_error="нет ответа от сервера (таймаут)",
                error_kind="network",
                error_code="timeout",
                conflicts=17,
                scanner=SCANNER_DISCONNECTED,
            ),
            dict(syncing=True, waiting_since=clock.now() - timedelta(seconds=45)),
            dict(syncing=False, online=True, error_kind="permanent", error_code="seq_gap"),
            dict(needs_login=True, error_kind="auth"),
        ]
        for state in states:
            status.update(**state)
            strip.tick()
            QApplication.processEvents()
            assert h.window.width() == 480
            for label in strip.labels():
                assert _fits(label), (lang, state, label.text(), label.width())
    finally:
        h.close()


def test_the_server_ending_the_session_asks_for_the_password_over_the_pick_step(
    terminal: Harness,
    world: World,  # noqa: F811
) -> None:
    _, task = paid_order(world, world.pvz1, [world.skus[3]])
    terminal.login()
    terminal.sync()
    terminal.window.navigate("pick", task["id"])
    flow = terminal.window.screens["pick"].flow  # type: ignore[attr-defined]
    terminal.scan(location_label(flow.current.location_id))
    unit = flow.current.units[0]
    end_session(terminal, world)
    terminal.scan(unit.label)  # the pick is journalled; its push meets the ended session
    assert terminal.tone == "ok"
    terminal.sync()
    dialog = terminal.window.relogin.dialog
    assert isinstance(dialog, ReloginDialog) and dialog.isVisible()
    assert dialog.width() <= 480 and dialog.login_button.height() >= 48
    assert terminal.window.current.name == "pick" and flow.finished
    assert terminal.t.store.pending_count() >= 1
    assert "● Log in" in terminal.window.strip.text
    dialog.password.setText(world.picker.password)
    dialog.password.returnPressed.emit()
    QApplication.processEvents()
    assert terminal.window.relogin.dialog is None
    assert terminal.t.store.pending_count() == 0
    assert terminal.window.current.name == "pick"
    assert "sync resumes" in terminal.message


def test_f10_with_operations_not_sent_warns_first(
    terminal: Harness,
    world: World,  # noqa: F811
) -> None:
    _, task = paid_order(world, world.pvz2, [world.skus[8]])
    terminal.login()
    terminal.sync()
    terminal.cable.plugged = False
    terminal.window.navigate("pick", task["id"])
    flow = terminal.window.screens["pick"].flow  # type: ignore[attr-defined]
    terminal.scan(location_label(flow.current.location_id))
    terminal.scan(flow.current.units[0].label)
    assert terminal.t.store.pending_count() == 1
    terminal.window.navigate("menu")
    terminal.key(Qt.Key.Key_F10)
    menu = terminal.window.screens["menu"]
    assert terminal.window.session is not None
    assert "1 operations have not reached the server" in menu.message.text()  # type: ignore[attr-defined]
    terminal.key(Qt.Key.Key_F10)
    assert terminal.window.session is None and terminal.window.current.name == "login"
