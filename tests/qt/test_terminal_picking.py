"""Picking on the terminal screen, offline on demo data: the walk order of the stops and the location
first at each stop (a unit scanned at the wrong stop says where it belongs)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from shared.domain import UnitStatus
from shared.domain.walk import parse_slot
from shared.qt.feedback import Tone
from tests.qt.terminal_harness import OfflineTerminal


@pytest.fixture
def terminal(qtbot: QtBot, tmp_path: Path) -> Iterator[OfflineTerminal]:
    t = OfflineTerminal(qtbot, tmp_path, tasks=6, units_per_task=6)
    t.login()
    yield t
    t.close()


def test_stops_in_walk_order_location_first_and_a_unit_at_the_wrong_stop_says_where(
    terminal: OfflineTerminal,
) -> None:
    task = "TASK-000002"
    terminal.window.navigate("pick", task)
    pick: Any = terminal.window.screens["pick"]
    flow = pick.flow
    stops = list(dict.fromkeys(line.location_id for line in flow.lines))
    assert len(stops) >= 2
    assert stops == flow.walk.sort(stops)  # the serpentine, not the order the lines were made in
    slots = [parse_slot(s) for s in stops]
    aisles = list(dict.fromkeys(s.aisle_key for s in slots if s))
    assert aisles == sorted(aisles)

    first = flow.current
    assert pick.location.text() == first.location_code  # the stop, in huge type
    later = next(line for line in flow.lines if line.location_id != first.location_id)
    # before the location is confirmed, a unit of a later stop says which stop it belongs to
    terminal.scan(later.units[0].label)
    assert terminal.tone == "error" and terminal.sounds()[-1] is Tone.ERROR
    assert later.location_code in terminal.message and first.location_code in terminal.message
    # a unit of this stop before the location: scan the location first
    terminal.scan(first.units[0].label)
    assert terminal.tone == "error" and first.location_code in terminal.message
    assert terminal.store.unit(first.units[0].id).status is UnitStatus.PAID
    # the location, then the units
    terminal.scan(terminal.location(first.location_id))
    assert terminal.tone == "ok" and pick.location.property("confirmed")
    terminal.scan(first.units[0].label)
    assert terminal.tone == "ok" and terminal.sounds()[-1] is Tone.SUCCESS
    assert terminal.store.unit(first.units[0].id).status is UnitStatus.PICKED
    # at a confirmed stop, a unit of another stop is refused and named
    terminal.scan(later.units[0].label)
    assert terminal.tone == "error" and later.location_code in terminal.message
    assert terminal.store.unit(later.units[0].id).status is UnitStatus.PAID

    visited = [first.location_id]
    while not flow.finished:
        line = flow.current
        if line.location_id != visited[-1]:
            assert not flow.location_confirmed  # a new stop: its location first
            visited.append(line.location_id)
            terminal.scan(terminal.location(line.location_id))
        terminal.scan(line.open_units[0].label)
        assert terminal.tone == "ok", terminal.message
    assert visited == stops  # each stop once, in walk order
    assert {u.status for u in terminal.store.task_units(task)} == {UnitStatus.PICKED}


def test_the_menu_shows_the_pickers_numbers_for_the_shift(terminal: OfflineTerminal) -> None:
    menu: Any = terminal.window.screens["menu"]
    terminal.window.navigate("menu")
    assert "nothing picked yet" in menu.numbers.text()
    terminal.window.navigate("pick", "TASK-000003")
    flow: Any = terminal.window.screens["pick"].flow  # type: ignore[attr-defined]
    for _ in range(2):  # two lines, every unit
        line = flow.current
        terminal.scan(terminal.location(line.location_id))
        for unit in list(line.open_units):
            terminal.clock.advance(60 * 6)
            terminal.scan(unit.label)
    pick: Any = terminal.window.screens["pick"]
    pick.skip("not_found")
    pick.skip("not_found")  # the second press records the shortage of the third line
    terminal.clock.advance(60 * 6)
    terminal.window.navigate("menu")
    numbers = menu.shift_numbers()
    assert (numbers.lines, numbers.units, numbers.short) == (2, 4, 2)
    # the first pick was 3 x 6 min + 6 min ago (and a few seconds of scans): 0.4 h
    assert abs(numbers.hours - 0.4) < 0.01
    assert round(numbers.units_per_hour) == 10 and round(numbers.lines_per_hour) == 5
    assert "2 lines, 4 items, 2 short" in menu.numbers.text()
    assert "5 lines/h · 10 items/h" in menu.numbers.text()
