"""Short picks that heal and label reprints on the terminal screen, offline on demo data.

"Not found" records the shortage; where the terminal's mirror has a free unit of the product on
another shelf (an item of a cancelled order), the line moves there at once (the server makes the same
choice and its answer wins at the next pull) and the shelf goes on the count list; with none, the
worker is told the customer will be."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shared.barcodes import location_id, make_unit_label
from shared.domain import OpType, UnitStatus
from tests.qt.terminal_harness import OfflineTerminal
from tests.support import demo_terminal as demo_data

TASK = "TASK-000001"


@pytest.fixture
def terminal(qtbot: QtBot, tmp_path: Path) -> Iterator[OfflineTerminal]:
    t = OfflineTerminal(qtbot, tmp_path, tasks=4, units_per_task=3)
    t.login()
    yield t
    t.close()


def cancelled_item(terminal: OfflineTerminal, sku: str, code: str) -> str:
    """An item of a cancelled order still on shelf ``code``, as a pull brings it."""
    unit = {
        "label": make_unit_label(990001),
        "order_id": "ORD-CANCELLED",
        "sku": sku,
        "status": "CANCELLED",
        "pvz_id": demo_data.PVZS[1][0],
        "customer_id": "C-OTHER",
        "location_id": location_id(demo_data.WAREHOUSE, code),
    }
    cursor = terminal.store.cursor or "0"
    terminal.store.apply_pull_page(
        [{"entity": "unit", "id": "UNIT-SPARE", "op": "upsert", "data": unit}], cursor
    )
    return "UNIT-SPARE"


def short_first_line(terminal: OfflineTerminal) -> tuple[Any, Any]:
    terminal.window.navigate("pick", TASK)
    pick: Any = terminal.window.screens["pick"]
    line = pick.flow.current
    terminal.scan(terminal.location(line.location_id))
    terminal.qtbot.keyClick(terminal.window, Qt.Key.Key_F1)
    terminal.qtbot.keyClick(terminal.window, Qt.Key.Key_F1)  # "Not found" is pressed twice
    return pick, line


def pick_everything(terminal: OfflineTerminal, flow: Any) -> None:
    while not flow.finished:
        line = flow.current
        if not flow.location_confirmed:
            terminal.scan(terminal.location(line.location_id))
        terminal.scan(line.open_units[0].label)
        assert terminal.tone == "ok", terminal.message


def test_a_short_pick_moves_the_line_to_a_free_unit_elsewhere(terminal: OfflineTerminal) -> None:
    terminal.window.navigate("pick", TASK)
    first = terminal.window.screens["pick"].flow.current  # type: ignore[attr-defined]
    shelf = next(c for c in demo_data.LOCATIONS if location_id(demo_data.WAREHOUSE, c) != first.location_id)
    spare = cancelled_item(terminal, first.sku, shelf)

    pick, line = short_first_line(terminal)
    assert terminal.tone == "warn"
    assert shelf in terminal.message and "pick it there" in terminal.message
    store = terminal.store
    assert {store.unit(u.id).status for u in line.units} == {UnitStatus.MISSING}
    moved = store.unit(spare)
    assert moved.status is UnitStatus.PAID and moved.order_id == line.units[0].order_id
    # the task has the new line at its own stop, in walk order
    new_line = next(ln for ln in pick.flow.lines if any(u.id == spare for u in ln.units))
    assert new_line.location_code == shelf and not new_line.done
    assert [ln.location_id for ln in pick.flow.lines] == pick.flow.walk.order(
        [ln.location_id for ln in pick.flow.lines], lambda x: x
    )
    # the empty shelf is on the count list
    terminal.window.navigate("count")
    count: Any = terminal.window.screens["count"]
    assert line.location_code in count.summary.text()
    terminal.window.navigate("pick", TASK)

    pick_everything(terminal, pick.flow)
    assert store.unit(spare).status is UnitStatus.PICKED
    skip, *_ = [op for op in store.pending_ops() if op.type is OpType.PICK_SKIP]
    assert skip.payload == {"task_id": TASK, "unit_id": line.units[0].id, "reason": "not_found"}


def test_a_short_pick_with_nothing_free_tells_the_customer(terminal: OfflineTerminal) -> None:
    pick, line = short_first_line(terminal)
    assert terminal.tone == "warn" and "customer is told" in terminal.message
    assert {terminal.store.unit(u.id).status for u in line.units} == {UnitStatus.MISSING}
    assert all(ln.location_id != line.location_id or ln.sku != line.sku or ln.done for ln in pick.flow.lines)
    pick_everything(terminal, pick.flow)
    assert pick.flow.short_count == len(line.units)


def test_a_unit_label_is_reprinted_with_a_reason(terminal: OfflineTerminal) -> None:
    unit = terminal.store.task_units(TASK)[0]
    terminal.window.navigate("menu")
    terminal.qtbot.keyClick(terminal.window, Qt.Key.Key_8)
    assert terminal.window.current.name == "reprint"
    screen: Any = terminal.window.screens["reprint"]
    assert not screen.reasons["unreadable"].isEnabled()  # the label first
    terminal.scan(unit.label)
    assert unit.label in terminal.screen.prompt.text
    terminal.qtbot.keyClick(terminal.window, Qt.Key.Key_F2)  # does not scan
    assert terminal.tone == "ok"
    (op,) = [op for op in terminal.store.pending_ops() if op.type is OpType.LABEL_REPRINT]
    assert op.payload == {"kind": "unit", "code": unit.label, "reason": "unreadable"}
    printed = terminal.t.services.printer.printed
    assert printed and Path(printed[-1]).name == f"unit_{unit.label}.pdf"
    terminal.scan("NOT-A-LABEL-123")
    assert terminal.tone == "error"
