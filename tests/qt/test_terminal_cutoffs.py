"""Route cut-offs on the terminal: the task list by departure with a warning for tasks that will miss
theirs, and packing naming the route a box is for."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from shared.barcodes import make_sscc
from shared.domain.cutoffs import CutoffState
from tests.qt.terminal_harness import OfflineTerminal


@pytest.fixture
def terminal(qtbot: QtBot, tmp_path: Path) -> Iterator[OfflineTerminal]:
    t = OfflineTerminal(qtbot, tmp_path, tasks=8, units_per_task=3)
    t.login()
    yield t
    t.close()


def test_the_task_list_goes_by_departure_and_warns_before_a_route_is_missed(
    terminal: OfflineTerminal,
) -> None:
    terminal.window.navigate("tasks")
    screen: Any = terminal.window.screens["tasks"]
    rows = [screen.model.task(i) for i in range(screen.model.rowCount())]
    departures = [t.departs_at for t in rows if t.departs_at is not None]
    assert departures and departures == sorted(departures)
    assert all(t.departs_at is None for t in rows[len(departures) :])  # no route: after the others
    first = rows[0]
    # 15 minutes to the first route, 3 units at a minute each plus packing and loading: too late
    assert screen.cutoff_state(first) is CutoffState.AT_RISK
    assert "Will miss" in screen.cutoff_text(first) and first.route_name in screen.cutoff_text(first)
    assert "will miss their route" in screen.header.text()
    assert screen.header.property("tone") == "error"
    later = next(
        t
        for t in rows
        if t.departs_at is not None and t.departs_at - terminal.clock.now() > timedelta(hours=2)
    )
    assert screen.cutoff_state(later) is CutoffState.ON_TIME and "Leaves" in screen.cutoff_text(later)
    # an hour on, the first route has left
    terminal.clock.advance(3600)
    screen.refresh()
    assert screen.cutoff_state(first) is CutoffState.MISSED and "left" in screen.cutoff_text(first)
    # opening the first row opens the task with the earliest departure
    screen.open_selected()
    assert terminal.window.current.name == "pick"
    assert terminal.window.screens["pick"].flow.task_id == first.id


def test_packing_says_which_route_the_box_is_for(terminal: OfflineTerminal) -> None:
    task = next(t for t in terminal.store.pick_tasks(True) if t.route_name)
    terminal.window.navigate("pick", task.id)
    flow: Any = terminal.window.screens["pick"].flow
    while not flow.finished:
        line = flow.current
        if not flow.location_confirmed:
            terminal.scan(terminal.location(line.location_id))
        terminal.scan(line.open_units[0].label)
    terminal.window.navigate("pack")
    pack: Any = terminal.window.screens["pack"]
    assert pack.route.text() == ""  # no box yet
    terminal.scan(make_sscc(4242))
    units = terminal.store.task_units(task.id)
    terminal.scan(units[0].label)
    assert terminal.tone == "ok", terminal.message
    at = task.departs_at.astimezone().strftime("%H:%M") if task.departs_at else ""
    assert task.route_name in pack.route.text() and at in pack.route.text()
