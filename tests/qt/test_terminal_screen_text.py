"""What the terminal says once a step is over: no red left from a visit before, and a picker's
English speaks of items (Russian «позиция»), not of "lines". Driven with scans and keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scanner_app import texts
from scanner_app.logic.common import Msg
from shared.messages import TERMINAL
from shared.qt import messages
from tests.qt.test_terminal_flows import Harness, location_label, paid_order
from tests.support.backend import BackendServer
from tests.support.world import World


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendServer]:
    with BackendServer(tmp_path_factory.mktemp("terminal-text-backend")) as srv:
        yield srv


@pytest.fixture(scope="module")
def world(server: BackendServer) -> Iterator[World]:
    with World.standard(server) as w:
        yield w


@pytest.fixture
def terminal(qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path) -> Iterator[Harness]:
    h = Harness(qtbot, server, world, tmp_path)
    yield h
    h.close()


def test_a_red_message_does_not_greet_the_worker_coming_back(terminal: Harness, world: World) -> None:
    order, _ = paid_order(world, world.pvz1, [world.skus[3]])
    world.pick(order)
    terminal.login()
    terminal.sync()
    terminal.key(Qt.Key.Key_2)  # Packing
    assert terminal.window.current.name == "pack"
    terminal.scan(order["units"][0]["label"])  # no box yet: red
    assert terminal.tone == "error"
    terminal.key(Qt.Key.Key_Escape)  # back to the menu ...
    assert terminal.window.current.name == "menu"
    terminal.key(Qt.Key.Key_2)  # ... and into packing again: a fresh step, not the old red
    assert terminal.window.current.name == "pack"
    assert terminal.tone != "error", terminal.message
    assert terminal.message == ""


def test_the_picker_reads_items_not_lines(
    qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path
) -> None:
    h = Harness(qtbot, server, world, tmp_path, lang="en")
    try:
        _, task = paid_order(world, world.pvz1, [world.skus[5], world.skus[6]])
        h.login()
        h.sync()
        h.window.navigate("pick", task["id"])
        pick = h.window.screens["pick"]
        flow = pick.flow  # type: ignore[attr-defined]
        shown = [pick.line_info.text()]  # type: ignore[attr-defined]
        h.scan(location_label("WH-T-1:Z-99-99-9"))  # the wrong location names the item's place
        shown.append(h.message)
        h.scan(location_label(flow.current.location_id))
        h.key(Qt.Key.Key_F1)  # not found: the first press asks again
        shown.append(h.message)
        words = " ".join(shown).lower()
        assert "line" not in words, shown
        assert "item" in words, shown
        # every English picking text of the terminal, not only those this walk reached
        keys = [key for key in messages.TABLES[TERMINAL] if key.startswith("pick_")]
        english = [texts.render(Msg.of(key, **_ARGS)) for key in keys]
        assert len(english) > 10
        assert not [t for t in english if " line" in t.lower() or t.lower().startswith("line")], english
    finally:
        h.close()


_ARGS = {
    "location": "A-01",
    "scanned": "B-02",
    "product": "Товар",
    "demand": 2,
    "count": 1,
    "picked": 1,
    "label": "U1",
    "stop": 1,
    "here": "A-01",
}
