"""The terminal's login says why a password login was refused, not always "wrong password".

A real backend on loopback: a wrong password reads as one; a name that keeps guessing is locked out
by the server's budget (429) and the worker reads that they must wait, in either language.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.qt.test_terminal_flows import Harness, server, world  # noqa: F401
from tests.support.backend import BackendServer
from tests.support.world import World


def _try(h: Harness, qtbot: QtBot, username: str, password: str) -> str:
    login = h.window.login
    login.set_mode("password")
    login.username.setText(username)
    login.password.setText(password)
    before = len(h.t.feedback.player.played)
    login.submit()
    qtbot.waitUntil(lambda: len(h.t.feedback.player.played) > before, timeout=20_000)
    return login.last_text


def test_a_locked_out_name_reads_wait_not_wrong_password(
    qtbot: QtBot,
    server: BackendServer,  # noqa: F811
    world: World,  # noqa: F811
    tmp_path: Path,
) -> None:
    h = Harness(qtbot, server, world, tmp_path, lang="en")
    try:
        assert _try(h, qtbot, world.picker.username, "not-the-password") == "Wrong user name or password."
        texts = [_try(h, qtbot, "guesser-7731", f"guess-{i}") for i in range(8)]
        assert texts[0] == "Wrong user name or password."
        assert texts[-1].lower().startswith("too many failed attempts"), texts
        assert h.window.session is None and h.window.current.name == "login"
    finally:
        h.close()
