"""Cluster picking on the terminal screen, offline on demo data: bind totes to the cart's tasks, walk
every stop once, put each item into its task's tote; a wrong tote is refused with the error sound."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scanner_app.logic.cluster import CART_SIZE
from shared.barcodes import make_tote_label
from shared.domain import UnitStatus
from shared.qt.feedback import Tone
from tests.qt.terminal_harness import OfflineTerminal

TOTES = [make_tote_label(n) for n in range(1, CART_SIZE + 1)]


@pytest.fixture
def terminal(qtbot: QtBot, tmp_path: Path) -> Iterator[OfflineTerminal]:
    t = OfflineTerminal(qtbot, tmp_path, tasks=9, units_per_task=3)
    t.login()
    yield t
    t.close()


def start_cart(terminal: OfflineTerminal) -> Any:
    terminal.window.navigate("tasks")
    tasks: Any = terminal.window.screens["tasks"]
    first = [tasks.model.task(i).id for i in range(CART_SIZE)]
    terminal.qtbot.keyClick(terminal.window, Qt.Key.Key_F3)  # the cart: the first six of the list
    assert terminal.window.current.name == "cluster"
    screen: Any = terminal.window.screens["cluster"]
    assert screen.flow.task_ids == first
    return screen


def test_cluster_picking_with_a_wrong_tote(terminal: OfflineTerminal) -> None:
    screen = start_cart(terminal)
    flow = screen.flow
    assert not screen.start.isEnabled()  # no tote yet
    # a unit before the cart is set up: a tote label is wanted
    terminal.scan(terminal.store.task_units(flow.task_ids[0])[0].label)
    assert terminal.tone == "error"
    for n, tote in enumerate(TOTES, start=1):
        terminal.scan(tote)
        assert terminal.tone == "ok" and flow.tote_of(flow.task_ids[n - 1]) == tote
    terminal.scan(TOTES[0])  # one tote, one task
    assert terminal.tone == "warn"
    terminal.qtbot.keyClick(terminal.window, Qt.Key.Key_F3)  # start the walk
    assert flow.walking and screen.cart.isHidden()
    stops = flow.stops
    assert stops == flow.walk.sort(stops) and len(stops) == len(set(stops))

    wrong_seen = False
    visited: list[str] = []
    while not flow.finished:
        cl = flow.current
        if not visited or visited[-1] != cl.line.location_id:
            visited.append(cl.line.location_id)
            terminal.scan(terminal.location(cl.line.location_id))
            assert terminal.tone == "ok"
            assert screen.tote.isVisible()  # which tote, at a glance
        unit = cl.line.open_units[0]
        terminal.scan(unit.label)
        assert screen.tote.text() == str(cl.position)  # the big tote number
        assert f"tote {cl.position}" in terminal.screen.prompt.text
        if not wrong_seen:
            other = TOTES[cl.position % CART_SIZE]  # the next tote along: wrong
            before = len(terminal.sounds())
            terminal.scan(other)
            assert terminal.tone == "error" and terminal.sounds()[before:] == [Tone.ERROR]
            assert f"tote {cl.position}" in terminal.message
            assert terminal.store.unit(unit.id).status is UnitStatus.PAID  # nothing recorded
            wrong_seen = True
        terminal.scan(TOTES[cl.position - 1])
        assert terminal.tone == "ok", terminal.message
        assert terminal.store.unit(unit.id).status is UnitStatus.PICKED
    assert wrong_seen and visited == stops  # every stop once, in walk order
    for task_id in flow.task_ids:
        assert {u.status for u in terminal.store.task_units(task_id)} == {UnitStatus.PICKED}
    assert "Next cart" in screen.start.text()
    pending = terminal.store.pending_ops(1000)
    assert {op.type.value for op in pending} == {"pick.unit"}
    assert len(pending) == CART_SIZE * 3


def test_not_found_at_a_stop_of_the_cart(terminal: OfflineTerminal) -> None:
    screen = start_cart(terminal)
    flow = screen.flow
    for tote in TOTES[:2]:
        terminal.scan(tote)
    terminal.qtbot.keyClick(terminal.window, Qt.Key.Key_F3)
    assert flow.task_ids == flow.task_ids[:2] and len(flow.task_ids) == 2  # the rest stay in the list
    cl = flow.current
    terminal.scan(terminal.location(cl.line.location_id))
    wanted = [u.id for c in flow.at_stop() if c.line.sku == cl.line.sku for u in c.line.open_units]
    terminal.qtbot.keyClick(terminal.window, Qt.Key.Key_F1)
    terminal.qtbot.keyClick(terminal.window, Qt.Key.Key_F1)
    assert {terminal.store.unit(u).status for u in wanted} == {UnitStatus.MISSING}
