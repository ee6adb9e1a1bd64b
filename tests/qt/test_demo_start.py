"""How the demo starts: no keyring warning (the demo's own keyring, a DEMO badge instead), and no
"the server ended the session" question from a sync that ran before the demo's login."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from shared.auth.demo_keyring import DemoKeyring
from shared.auth.tokens import TokenStore
from shared.domain import ManualClock
from shared.qt.config_notice import DemoBadge, show_startup_notices
from shared.qt.relogin import ReloginPrompt
from shared.qt.status import StatusModel


def test_the_demo_keyring_keeps_tokens_in_the_demo_folder_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / ".demo" / "keyring.json"
    monkeypatch.setenv("WB_DEMO_KEYRING_FILE", str(file))
    store = TokenStore(DemoKeyring())
    assert store.demo and not store.secure and store.warning is None
    store.save("dev:demo-clerk", "refresh-1")
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert TokenStore(DemoKeyring()).load("dev:demo-clerk") == "refresh-1"  # kept across a restart
    store.clear("dev:demo-clerk")
    assert TokenStore(DemoKeyring()).load("dev:demo-clerk") is None

    elsewhere = tmp_path / "home" / "keyring.json"  # not a demo folder: nothing written in plain text
    monkeypatch.setenv("WB_DEMO_KEYRING_FILE", str(elsewhere))
    memory = TokenStore(DemoKeyring())
    memory.save("dev:demo-clerk", "refresh-2")
    assert memory.load("dev:demo-clerk") == "refresh-2" and not elsewhere.exists()


def test_the_demo_shows_a_badge_instead_of_the_keyring_warning(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    assert show_startup_notices(window, [], "no keyring", demo=True) is None  # no dialog to dismiss
    badge = window.findChild(DemoBadge)
    assert badge is not None and badge.isVisible() and badge.text()
    assert badge.geometry().right() <= window.width()

    plain = QWidget()
    qtbot.addWidget(plain)
    plain.show()
    box = show_startup_notices(plain, [], "anything")  # a real machine without a keyring: warned
    assert isinstance(box, QMessageBox) and "log in again" in box.text()  # in the UI's language
    assert plain.findChild(DemoBadge) is None
    box.close()


def test_a_sync_that_started_before_the_login_does_not_ask_for_the_password(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    model = StatusModel(ManualClock())
    signed_in: list[str] = []
    prompt = ReloginPrompt(
        model, window, lambda: signed_in[0] if signed_in else None, lambda _u, _p: None, lambda: None
    )
    model.update(syncing=True)  # the first sync, before the demo's login: no token yet
    signed_in.append("demo-clerk")  # the login completes meanwhile
    model.update(syncing=False, needs_login=True)  # ... and that sync ends with its 401
    assert prompt.dialog is None
    model.update(syncing=True)  # a sync for the signed-in clerk that the server refuses: asked
    model.update(syncing=False, needs_login=True)
    assert prompt.dialog is not None
    prompt.dialog.close()
