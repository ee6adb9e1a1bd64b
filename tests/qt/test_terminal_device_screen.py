"""'This terminal' (menu key 9): what a support call asks for, and the config file's problems.

A real backend on loopback and a pty scanner: the screen names the device, the warehouse, the
server, the scanner port and its state, what waits to be sent, and lists the problems the start-up
notice showed (file, line, setting), so they can still be read after the notice was closed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shared.config import ConfigProblem
from shared.version import UNKNOWN, version
from tests.qt.test_terminal_flows import Harness, server, world  # noqa: F401
from tests.support.backend import BackendServer
from tests.support.world import World

PROBLEM = ConfigProblem(
    "/etc/wb-ops/terminal.toml", "wrong_type", "expected a number", line=7, setting="scanner.debounce_ms"
)


@pytest.fixture
def terminal(qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path) -> Iterator[Harness]:  # noqa: F811
    h = Harness(qtbot, server, world, tmp_path, problems=(PROBLEM,))
    yield h
    h.close()


def test_key_9_shows_the_device_and_the_config_problems(terminal: Harness, world: World) -> None:  # noqa: F811
    terminal.login()
    terminal.key(Qt.Key.Key_9)
    screen = terminal.window.current
    assert screen.name == "device"
    facts = screen.facts.text()  # type: ignore[attr-defined]
    assert f"Device: {terminal.config.device_id}" in facts
    assert f"Server: {terminal.config.backend_url}" in facts
    assert f"Scanner: {terminal.scanner.port_name} (connected)" in facts
    assert "Waiting to be sent: 0" in facts
    assert f"Version: {version()}" in facts and version() != UNKNOWN  # the release, also in a bundle
    session = terminal.window.session
    assert session is not None and f"Warehouse: {session.site_id}" in facts
    problems = screen.problems.text()  # type: ignore[attr-defined]
    assert "/etc/wb-ops/terminal.toml, line 7: scanner.debounce_ms: expected a number" in problems
    assert screen.problems.isVisible() and not screen.problems_title.isVisible()  # type: ignore[attr-defined]
    terminal.key(Qt.Key.Key_Escape)
    assert terminal.window.current.name == "menu"


def test_without_problems_it_says_the_file_is_fine(
    qtbot: QtBot,
    server: BackendServer,  # noqa: F811
    world: World,  # noqa: F811
    tmp_path: Path,
) -> None:
    h = Harness(qtbot, server, world, tmp_path, lang="ru")
    try:
        h.login()
        h.key(Qt.Key.Key_9)
        screen = h.window.current
        assert screen.name == "device"
        assert screen.problems_title.text() == "В файле настроек ошибок нет."  # type: ignore[attr-defined]
        assert not screen.problems.isVisible()  # type: ignore[attr-defined]
        assert "Устройство: " in screen.facts.text()  # type: ignore[attr-defined]
    finally:
        h.close()
