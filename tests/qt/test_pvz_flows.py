"""The PVZ app driven through its UI against a real backend on loopback, scans through a pty scanner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from shared.barcodes import make_badge_label, make_cell_label, make_unit_label
from tests.qt.pvz_harness import PvzHarness
from tests.support.backend import BackendServer
from tests.support.world import World


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with BackendServer(tmp_path_factory.mktemp("backend")) as server, World.standard(server) as w:
        yield w


@pytest.fixture
def pvz(qapp: Any, qtbot: Any, tmp_path: Path, world: World) -> Iterator[PvzHarness]:
    h = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", world.server.url, world.pvz1)
    yield h
    h.close()


def unit_states(world: World, order: dict[str, Any]) -> dict[str, str]:
    fresh = world.get_order(world.customer, order["id"])
    return {u["id"]: u["status"] for u in fresh["units"]}


def shipped_order(world: World, n: int = 2, skus: list[str] | None = None) -> tuple[dict[str, Any], str]:
    order = world.place_order(world.customer, world.pvz1, skus or world.skus[:n])
    world.pay(order)
    box = world.ship(order)
    return world.get_order(world.customer, order["id"]), box


def open_shift(pvz: PvzHarness, world: World) -> None:
    pvz.login(world.clerk1)
    pvz.sync()
    if pvz.current.key == "shift" and pvz.app.ctx.flows.shift.current() is None:
        pvz.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert pvz.app.ctx.flows.shift.current() is not None


def test_accept_a_box_then_issue_one_and_refuse_one(pvz: PvzHarness, world: World) -> None:
    order, box = shipped_order(world, 2, [world.skus[0], world.skus[1]])
    open_shift(pvz, world)

    pvz.key(Qt.Key.Key_F3)
    assert pvz.current.key == "acceptance"
    pvz.scan(make_cell_label(world.pvz1, 1))  # wrong kind first: the prompt names the kind expected
    assert pvz.tone == "error"
    assert "box label" in pvz.banner
    pvz.scan(box)
    assert "seal" in pvz.prompt  # the seal on the box first: the receiving side of the handover
    pvz.scan("S0000123")
    screen: Any = pvz.current
    assert screen.model.rowCount() == 2
    labels = [u["label"] for u in order["units"]]
    pvz.scan(labels[0])
    first_cell = screen.session.placement.cell
    assert f"cell {first_cell.number}" in pvz.prompt
    pvz.scan(make_cell_label(world.pvz1, first_cell.number % 20 + 1))  # the wrong cell is refused
    assert pvz.tone == "error"
    pvz.scan(make_cell_label(world.pvz1, first_cell.number))
    assert pvz.tone == "success"
    pvz.scan(labels[1])
    assert screen.session.placement.cell.cell_id == first_cell.cell_id  # one customer, one cell
    pvz.scan(make_cell_label(world.pvz1, first_cell.number))
    assert "close the box" in pvz.prompt
    pvz.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert pvz.reports.printed[-1].rows  # the acceptance report went to the printer
    pvz.sync()
    assert set(unit_states(world, order).values()) == {"ACCEPTED"}

    code = world.pickup_code(order)
    pvz.key(Qt.Key.Key_F2)
    assert pvz.current.key == "issuing"
    pvz.scan(code["qr"])
    issuing: Any = pvz.current
    assert issuing.session is not None, pvz.banner
    assert len(issuing.session.ready) == 2
    pvz.scan(labels[0])
    pvz.scan(labels[1])
    issuing.table.selectRow(issuing.model.find(order["units"][1]["id"]))
    pvz.choices.append("did not fit")
    pvz.key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    pvz.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "1 issued, 1 refused" in pvz.banner
    pvz.sync()
    states = unit_states(world, order)
    assert states[order["units"][0]["id"]] == "ISSUED"
    assert states[order["units"][1]["id"]] == "REFUSED"


def accept_all(pvz: PvzHarness, world: World, order: dict[str, Any], box: str) -> None:
    pvz.key(Qt.Key.Key_F3)
    pvz.scan(box)
    screen: Any = pvz.current
    for unit in order["units"]:
        pvz.scan(unit["label"])
        pvz.scan(make_cell_label(world.pvz1, screen.session.placement.cell.number))
    pvz.close_box()


def marking_code(gtin13: str, serial: str = "sN7q2Lx9aPz0K") -> str:
    return f"01{gtin13.zfill(14)}21{serial}\x1d91EE07\x1d92{'A' * 44}"


def test_issuing_wrong_unit_is_loud_and_marking_gtin_must_match(pvz: PvzHarness, world: World) -> None:
    marked_sku = world.skus[4]  # every 5th product of the standard world needs a marking code
    order, box = shipped_order(world, skus=[marked_sku])
    other = world.place_order(world.customer2, world.pvz1, [world.skus[2]])  # another customer's
    world.pay(other)
    other_box = world.ship(other)
    open_shift(pvz, world)
    accept_all(pvz, world, order, box)
    accept_all(pvz, world, other, other_box)
    pvz.sync()

    pvz.key(Qt.Key.Key_F2)
    issuing: Any = pvz.current
    pvz.type_into(issuing.code, world.pickup_code(order)["short_code"])
    pvz.key(Qt.Key.Key_Return)
    assert issuing.session is not None, pvz.banner
    pvz.scan(other["units"][0]["label"])  # another customer's unit: a loud error, nothing fetched
    assert pvz.tone == "error"
    assert "WRONG UNIT" in pvz.prompt
    assert issuing.session.fetched == []
    pvz.scan(order["units"][0]["label"])
    assert "marking" in pvz.prompt.lower()
    assert not issuing.actions_by_name["complete"].isEnabled()
    product = pvz.app.store.product(marked_sku)
    other_product = pvz.app.store.product(world.skus[2])
    assert product is not None and other_product is not None
    wrong_gtin = other_product.gtin
    pvz.scan(marking_code(wrong_gtin))
    assert pvz.tone == "error"
    assert "another product" in pvz.banner
    pvz.scan(marking_code(product.gtin))
    assert pvz.tone == "success"
    assert issuing.actions_by_name["complete"].isEnabled()
    pvz.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    pvz.sync()
    assert unit_states(world, order) == {order["units"][0]["id"]: "ISSUED"}


def test_returns_refused_unit_into_a_new_box_and_hand_over(pvz: PvzHarness, world: World) -> None:
    order, box = shipped_order(world, 1, [world.skus[6]])
    open_shift(pvz, world)
    accept_all(pvz, world, order, box)
    world_unit = order["units"][0]
    pvz.key(Qt.Key.Key_F2)
    pvz.scan(world.pickup_code(order)["qr"])
    pvz.scan(world_unit["label"])
    pvz.choices.append("changed mind")
    pvz.key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    pvz.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    pvz.key(Qt.Key.Key_F4)
    returns: Any = pvz.current
    assert returns.key == "returns"
    assert any(c.unit.id == world_unit["id"] and c.reason == "refused" for c in returns.model.rows)
    pvz.scan(world_unit["label"])  # no box open yet: the prompt asks for a box label
    assert pvz.tone == "error" and "box label" in pvz.banner
    pvz.key(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # generate and print a return label
    assert returns.box is not None
    assert pvz.reports.labels == [returns.box.id]
    return_box = returns.box.id
    pvz.scan(world_unit["label"])
    assert pvz.tone == "success"
    pvz.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert returns.box is None
    pvz.key(Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    pvz.scan(return_box)
    pvz.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # no courier badge yet: refused
    assert pvz.tone == "error" and "badge" in pvz.banner
    pvz.scan(make_badge_label(5))
    pvz.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # no seal on the box yet: refused
    assert pvz.tone == "error" and return_box in pvz.banner
    pvz.scan("S0000555")
    pvz.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    act = pvz.reports.printed[-1]
    assert any("S0000555" in row for row in act.rows)
    assert any(return_box in row for row in act.rows)
    pvz.sync()
    assert unit_states(world, order) == {world_unit["id"]: "RETURN_SHIPPED"}


def test_cells_search_by_phone_digits_and_move_by_scanning(pvz: PvzHarness, world: World) -> None:
    order, box = shipped_order(world, 1, [world.skus[7]])
    open_shift(pvz, world)
    accept_all(pvz, world, order, box)
    unit = pvz.app.store.unit(order["units"][0]["id"])
    assert unit is not None and unit.cell_number is not None
    pvz.key(Qt.Key.Key_F5)
    cells: Any = pvz.current
    digits = "".join(ch for ch in unit.customer_phone if ch.isdigit())[-4:]
    if digits:
        pvz.type_into(cells.search_box, digits)
        pvz.key(Qt.Key.Key_Return)
        assert cells.model.find(unit.id) >= 0
    pvz.scan(make_cell_label(world.pvz1, unit.cell_number))  # a cell scan shows its contents
    assert cells.model.find(unit.id) >= 0
    target = unit.cell_number % 20 + 1
    msgs: list[str] = []
    pvz.app.ctx.feedback.shown.connect(lambda t, m: msgs.append(m))
    pvz.key(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    pvz.scan(unit.label)
    assert "new cell" in pvz.prompt
    pvz.scan(make_cell_label(world.pvz1, target))
    assert pvz.tone == "success", (pvz.banner, msgs)
    assert pvz.app.store.unit(unit.id).cell_number == target
    pvz.sync()
    assert pvz.app.store.pending_count() == 0


def test_inventory_shows_missing_and_unexpected_and_records(pvz: PvzHarness, world: World) -> None:
    order, box = shipped_order(world, 2, [world.skus[8], world.skus[9]])
    open_shift(pvz, world)
    accept_all(pvz, world, order, box)
    u1, u2 = (pvz.app.store.unit(u["id"]) for u in order["units"])
    assert u1 is not None and u2 is not None and u1.cell_number == u2.cell_number
    pvz.key(Qt.Key.Key_F6)
    inv: Any = pvz.current
    pvz.scan(make_cell_label(world.pvz1, u1.cell_number))
    assert len(inv.count.expected) >= 2
    pvz.scan(u1.label)
    assert pvz.tone == "success"
    other, _other_box = shipped_order(world, 1, [world.skus[10]])
    pvz.sync()
    pvz.scan(other["units"][0]["label"])  # not in this cell
    assert pvz.tone == "error"
    assert u2.id in inv.count.missing
    pvz.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    journal = [op for op, _s in pvz.app.store.journal(limit=10_000) if op.type.value == "inventory.record"]
    assert journal and u2.id in journal[-1].payload["missing"]
    assert journal[-1].payload["unexpected"] == [other["units"][0]["id"]]


def test_a_rejected_operation_shows_in_conflicts_and_can_be_discarded(pvz: PvzHarness, world: World) -> None:
    order, box = shipped_order(world, 1, [world.skus[11]])
    open_shift(pvz, world)
    world.accept(order, box, cell=3)  # another device accepted it already (we have not synced since)
    pvz.key(Qt.Key.Key_F3)
    pvz.scan(box)
    screen: Any = pvz.current
    pvz.scan(order["units"][0]["label"])
    pvz.scan(make_cell_label(world.pvz1, screen.session.placement.cell.number))
    pvz.sync()
    assert pvz.app.ctx.status.snapshot.conflicts == 1
    assert "Conflicts: 1" in pvz.app.window.status_bar.conflicts.text()
    pvz.key(Qt.Key.Key_F7)
    conflicts: Any = pvz.current
    assert conflicts.model.rowCount() == 1
    assert "discard" in conflicts.model.cell_text(0, 2)
    pvz.texts.append("accepted by a colleague")
    pvz.key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert conflicts.model.rowCount() == 0
    assert pvz.app.store.conflicts_count() == 0


def test_settings_need_an_admin(pvz: PvzHarness, world: World) -> None:
    open_shift(pvz, world)
    pvz.key(Qt.Key.Key_F9)
    settings: Any = pvz.current
    assert settings.pages.currentIndex() == 0
    pvz.type_into(settings.admin_user, world.clerk1.username)
    pvz.type_into(settings.admin_password, world.clerk1.password)
    pvz.key(Qt.Key.Key_Return)
    assert not settings.unlocked and pvz.tone == "error"
    settings.admin_user.clear()
    pvz.type_into(settings.admin_user, world.admin.username)
    pvz.type_into(settings.admin_password, world.admin.password)
    pvz.key(Qt.Key.Key_Return)
    assert settings.unlocked
    assert settings.site_id.text() == world.pvz1
    settings.debounce.setValue(500)
    pvz.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert pvz.app.ctx.config.load().scanner.debounce_ms == 500

    settings.language.setCurrentIndex(settings.language.findData("ru"))
    old_window = pvz.app.window
    pvz.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # the window is rebuilt in Russian
    pvz.app.window.activateWindow()
    assert pvz.app.window is not old_window
    assert pvz.current.key == "settings" and pvz.current.title() == "Настройки"
    assert pvz.app.window.status_bar.user.text() == world.clerk1.username
    assert pvz.app.ctx.flows.shift.current() is not None
    pvz.key(Qt.Key.Key_F3)
    assert pvz.current.key == "acceptance"
    assert pvz.prompt == "Отсканируйте этикетку короба"


def test_a_scan_goes_to_the_active_flow_even_from_a_text_field_via_the_wedge(
    pvz: PvzHarness, world: World
) -> None:
    _order, box = shipped_order(world, 1, [world.skus[12]])
    open_shift(pvz, world)
    pvz.key(Qt.Key.Key_F5)
    cells: Any = pvz.current
    cells.search_box.setFocus()
    pvz.key(Qt.Key.Key_F3)  # acceptance is active; focus left in no text field of it
    pvz.app.window.flow("cells").search_box.setFocus()
    from PySide6.QtTest import QTest

    target = pvz.app.window.flow("acceptance")
    for ch in box:  # a keyboard-wedge scanner: keys 0 ms apart, then Enter
        QTest.keyClick(cells.search_box, ch)
    QTest.keyClick(cells.search_box, Qt.Key.Key_Return)
    pvz.qtbot.waitUntil(lambda: getattr(target, "session", None) is not None, timeout=5000)
    assert cells.search_box.text() == ""
    assert target.session.box_id == box


def test_login_offline_for_a_known_user_only(qapp: Any, qtbot: Any, tmp_path: Path, world: World) -> None:
    data = tmp_path / "pvz"
    first = PvzHarness.start(qapp, qtbot, data, world.server.url, world.pvz1)
    first.login(world.clerk1)
    first.close()
    from tests.support.backend import free_port

    closed = f"http://127.0.0.1:{free_port()}"
    second = PvzHarness.start(qapp, qtbot, data, closed, world.pvz1, lang="ru")
    try:
        assert second.app.window.login.title() == "Вход"  # Russian when asked
        w = second.app.window
        second.type_into(w.login.username, world.clerk2.username)  # never logged in here
        second.type_into(w.login.password, world.clerk2.password)
        second.key(Qt.Key.Key_Return)
        assert second.app.ctx.actor is None
        assert second.tone == "error"
        second.login(world.clerk1)
        assert not second.app.ctx.auth.online
        assert second.app.window.status_bar.connection.text() == "● Нет связи"
    finally:
        second.close()


def test_acceptance_discrepancies_and_shift_report(pvz: PvzHarness, world: World) -> None:
    order, box = shipped_order(world, 3, [world.skus[13], world.skus[14], world.skus[15]])
    stranger, _stranger_box = shipped_order(world, 1, [world.skus[16]])  # in another box
    open_shift(pvz, world)
    pvz.key(Qt.Key.Key_F3)
    pvz.scan(box)
    screen: Any = pvz.current
    u1, u2, u3 = order["units"]
    pvz.scan(u1["label"])
    pvz.key(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # another cell: any cell with room
    assert screen.session.placement.chosen_freely
    pvz.scan(make_cell_label(world.pvz1, 19))
    assert pvz.tone == "success"
    assert pvz.app.store.unit(u1["id"]).cell_number == 19
    pvz.scan(stranger["units"][0]["label"])  # not in this box
    assert pvz.tone in ("warning", "error")
    nobodys = make_unit_label(99_999_999)
    pvz.scan(nobodys)  # a unit label nobody shipped here: surplus
    assert "surplus" in pvz.prompt.lower()
    pvz.key(Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert screen.session.surplus == [nobodys]
    screen.table.selectRow(screen.model.find(u2["id"]))
    pvz.key(Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # damaged on arrival
    assert pvz.app.store.unit(u2["id"]).status.value == "DAMAGED"
    pvz.close_box()  # u3 never scanned: shortage
    assert pvz.app.store.unit(u3["id"]).status.value == "MISSING"
    report = pvz.reports.printed[-1]
    outcomes = {row[1]: row[4] for row in report.rows}
    assert outcomes[u1["label"]] == "Accepted"
    assert outcomes[u2["label"]] == "Damaged"
    assert outcomes[u3["label"]] == "Missing"
    assert outcomes[nobodys] == "Surplus"
    pvz.sync()
    states = unit_states(world, order)
    assert states == {u1["id"]: "ACCEPTED", u2["id"]: "DAMAGED", u3["id"]: "MISSING"}

    pvz.key(Qt.Key.Key_F8)
    shift: Any = pvz.current
    assert "Accepted: 1" in shift.summary.text()
    assert "Shortages: 1" in shift.summary.text()
    pvz.key(Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert pvz.app.ctx.flows.shift.current() is None
    shift_report = pvz.reports.printed[-1]
    assert dict(shift_report.rows)["Accepted"] == "1"
    pvz.key(Qt.Key.Key_F3)  # no open shift: back to the shift screen
    assert pvz.current.key == "shift"


def test_first_sync_shows_progress(pvz: PvzHarness) -> None:
    from shared.sync import SyncStatus

    window = pvz.app.window
    window.show_sync_progress(SyncStatus(syncing=True, progress_done=4000, progress_total=10000))
    assert window.progress.isVisible()
    assert "Loading data" in window.progress.text
    window.show_sync_progress(SyncStatus(syncing=False))
    assert not window.progress.isVisible()


def test_the_success_beep_comes_after_the_journal_write(pvz: PvzHarness, world: World) -> None:
    order, box = shipped_order(world, 1, [world.skus[17]])
    open_shift(pvz, world)
    pvz.key(Qt.Key.Key_F3)
    pvz.scan(box)
    screen: Any = pvz.current
    pvz.scan(order["units"][0]["label"])
    before = pvz.app.store.last_seq()
    heard: list[tuple[str, int]] = []

    def listen(tone: str, _message: str) -> None:
        heard.append((tone, pvz.app.store.last_seq()))

    pvz.app.ctx.feedback.shown.connect(listen)
    pvz.scan(make_cell_label(world.pvz1, screen.session.placement.cell.number))
    pvz.app.ctx.feedback.shown.disconnect(listen)
    successes = [seq for tone, seq in heard if tone == "success"]
    assert successes and successes[0] == before + 1
    op, _status = pvz.app.store.op(pvz.app.store.journal(since_seq=before)[0][0].op_id) or (None, None)
    assert op is not None and op.type.value == "unit.accept"


def test_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    from pvz_app.__main__ import main, parse_args

    opts = parse_args(["--backend-url", "http://x", "--site", "PVZ-1", "--lang", "en", "--scanner-port", ""])
    assert (opts.backend_url, opts.site, opts.lang, opts.scanner_port) == ("http://x", "PVZ-1", "en", "")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "--demo-user" in capsys.readouterr().out


def test_accept_and_issue_with_the_production_threaded_runner(
    qapp: Any, qtbot: Any, tmp_path: Path, world: World
) -> None:
    """The same clerk work with operations on the worker thread, results back on the GUI thread."""
    order, box = shipped_order(world, 2, [world.skus[18], world.skus[0]])
    pvz = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", world.server.url, world.pvz1, threaded=True)
    try:
        open_shift(pvz, world)
        accept_all(pvz, world, order, box)
        assert {pvz.app.store.unit(u["id"]).status.value for u in order["units"]} == {"ACCEPTED"}
        pvz.sync()
        pvz.key(Qt.Key.Key_F2)
        pvz.scan(world.pickup_code(order)["qr"])
        issuing: Any = pvz.current
        for unit in order["units"]:
            pvz.scan(unit["label"])
        assert len(issuing.session.fetched) == 2
        pvz.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert issuing.session is None
        pvz.sync()
        assert set(unit_states(world, order).values()) == {"ISSUED"}
    finally:
        pvz.close()


def test_a_unit_brought_back_goes_into_a_return_box_with_its_reason(pvz: PvzHarness, world: World) -> None:
    order, box = shipped_order(world, 1, [world.skus[3]])
    open_shift(pvz, world)
    accept_all(pvz, world, order, box)
    unit = order["units"][0]
    pvz.key(Qt.Key.Key_F2)
    pvz.scan(world.pickup_code(order)["qr"])
    pvz.scan(unit["label"])
    pvz.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pvz.app.store.unit(unit["id"]).status.value == "ISSUED"

    pvz.key(Qt.Key.Key_F4)
    return_box = world.new_sscc(kind_return=True)
    pvz.scan(return_box)  # a pre-printed return label
    returns: Any = pvz.current
    assert returns.box is not None and returns.box.id == return_box
    pvz.choices.append("wrong item")
    pvz.scan(unit["label"])  # the customer brought it back: the app asks why
    assert pvz.tone == "success"
    packed = [op for op, _s in pvz.app.store.journal(limit=10_000) if op.type.value == "return.pack"]
    assert packed[-1].payload["reason"] == "brought_back:wrong_item"
    pvz.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    pvz.sync()
    assert pvz.app.store.conflicts_count() == 0
    assert unit_states(world, order) == {unit["id"]: "RETURN_PACKED"}


def test_log_out_with_the_server_gone_still_logs_out(
    qapp: Any, qtbot: Any, tmp_path: Path, world: World
) -> None:
    from tests.support.backend import free_port

    data = tmp_path / "pvz"
    first = PvzHarness.start(qapp, qtbot, data, world.server.url, world.pvz1)
    first.login(world.clerk1)
    first.key(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert first.current.key == "login" and first.app.ctx.actor is None
    first.close()
    offline = PvzHarness.start(qapp, qtbot, data, f"http://127.0.0.1:{free_port()}", world.pvz1)
    try:
        offline.login(world.clerk1)
        offline.key(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert offline.current.key == "login" and offline.app.ctx.actor is None
        offline.key(Qt.Key.Key_F2)  # the flows stay shut, and the key says why
        assert offline.current.key == "login" and "Log in first" in offline.banner
    finally:
        offline.close()
