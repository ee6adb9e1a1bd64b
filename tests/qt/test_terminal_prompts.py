"""What the terminal tells a picker and a shipper must be true: a task with a shortage is not
"picked in full", the ship screen lists what really waits and warns before leaving boxes behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shared.barcodes import make_badge_label
from shared.domain import UnitStatus
from tests.qt.test_terminal_flows import Harness, location_label, paid_order
from tests.support.backend import BackendServer
from tests.support.world import World


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendServer]:
    with BackendServer(tmp_path_factory.mktemp("terminal-backend")) as srv:
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


def _texts(widget: Any) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_a_task_with_a_line_not_found_is_not_picked_in_full(terminal: Harness, world: World) -> None:
    _order, task = paid_order(world, world.pvz1, [world.skus[9], world.skus[10], world.skus[10]])
    terminal.login()
    terminal.sync()
    terminal.window.navigate("pick", task["id"])
    pick: Any = terminal.window.screens["pick"]
    flow = pick.flow
    first = flow.current
    terminal.scan(location_label(first.location_id))
    terminal.scan(first.units[0].label)
    while not flow.finished and flow.current is first:
        terminal.scan(first.open_units[0].label)
    while not flow.finished:  # what is left is not on the shelf: F1 asks, F1 again records it
        terminal.key(Qt.Key.Key_F1)
        terminal.key(Qt.Key.Key_F1)
    statuses = [u.status for u in terminal.t.store.task_units(task["id"])]
    picked = statuses.count(UnitStatus.PICKED)
    short = statuses.count(UnitStatus.MISSING)
    assert short >= 1 and picked + short == 3
    prompt = pick.prompt.text
    assert "every line is picked" not in prompt, prompt
    assert f"{picked} of 3" in prompt and f"{short} short" in prompt, prompt
    assert pick.progress.value() == picked and pick.progress.maximum() == 3
    assert f"{short} short" in pick.progress.text(), pick.progress.text()
    assert "short" in pick.product.text(), pick.product.text()


def test_the_ship_screen_lists_waiting_boxes_and_warns_before_leaving_one_behind(
    terminal: Harness, world: World
) -> None:
    boxes = []
    for sku in (world.skus[11], world.skus[12]):
        order, _ = paid_order(world, world.pvz2, [sku])
        world.pick(order)
        boxes.append(world.pack(order))
    terminal.login()
    terminal.sync()
    terminal.window.navigate("ship")
    ship: Any = terminal.window.screens["ship"]
    listed = _texts(ship.boxes)
    assert all(any(box in line for line in listed) for box in boxes), listed  # the SSCCs themselves

    terminal.scan(boxes[0])
    assert terminal.tone == "ok"
    listed = _texts(ship.boxes)
    assert any(boxes[1] in line for line in listed), listed  # still to load for the same PVZ
    terminal.key(Qt.Key.Key_F2)  # close the route: the other box for the same PVZ is left behind
    assert not ship.flow.closed
    assert terminal.tone == "warn" and boxes[1] in terminal.message, terminal.message
    terminal.key(Qt.Key.Key_F2)  # again: handed to the courier without it
    assert not ship.flow.closed and "badge" in ship.prompt.text.lower()
    terminal.scan(make_badge_label(61))  # the courier's badge, then the one box's seal closes it
    terminal.scan("S0000061")
    assert ship.flow.closed
    listed = _texts(ship.boxes)
    assert not any(boxes[0] in line for line in listed), listed  # shipped: no longer waiting
    assert any(boxes[1] in line for line in listed), listed
    terminal.sync()
    terminal.window.navigate("menu")
    terminal.window.navigate("ship")
    listed = _texts(ship.boxes)
    assert not any(boxes[0] in line for line in listed), listed
    assert any(boxes[1] in line for line in listed), listed


def test_a_box_shipped_from_another_terminal_stops_waiting_after_a_sync(
    terminal: Harness, world: World
) -> None:
    order, _ = paid_order(world, world.pvz1, [world.skus[13]])
    world.pick(order)
    box = world.pack(order)
    terminal.login()
    terminal.sync()
    terminal.window.navigate("ship")
    ship: Any = terminal.window.screens["ship"]
    assert any(box in line for line in _texts(ship.boxes))
    world.dispatch([box], world.pvz1)  # another terminal loads it and closes its route
    terminal.sync()
    terminal.window.navigate("menu")
    terminal.window.navigate("ship")
    assert not any(box in line for line in _texts(ship.boxes)), _texts(ship.boxes)
    assert terminal.t.store.box(box).route_id
