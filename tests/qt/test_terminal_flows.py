"""The warehouse terminal, driven like a worker drives it: at 480x800, scans through a real pty
scanner (VirtualScanner -> SerialScanner -> ScannerBridge), against a real backend (uvicorn).

"Offline" cuts the terminal's network at its HTTP transport: every request fails to connect, as
with a pulled cable, while the backend keeps running for the other side of the test.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from scanner_app.__main__ import Terminal, TerminalConfig, build
from scanner_app.logic.common import Level
from scanner_app.screens.base import ScanScreen
from scanner_app.window import TerminalWindow
from shared.barcodes import make_badge_label, make_document_label, make_location_label
from shared.domain import ManualClock, UnitStatus
from shared.qt.feedback import Tone
from shared.scanning.simulator import VirtualScanner
from tests.support.backend import BackendServer, free_port
from tests.support.world import World

_ids = itertools.count(1)


class Cable(httpx.BaseTransport):
    """The terminal's network cable: plugged, requests reach the backend; pulled, they fail to connect."""

    def __init__(self) -> None:
        self._real = httpx.HTTPTransport()
        self.plugged = True

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self.plugged:
            raise httpx.ConnectError("network unreachable", request=request)
        return self._real.handle_request(request)

    def close(self) -> None:
        self._real.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendServer]:
    with BackendServer(tmp_path_factory.mktemp("terminal-backend")) as srv:
        yield srv


@pytest.fixture(scope="module")
def world(server: BackendServer) -> Iterator[World]:
    with World.standard(server) as w:
        yield w


class Harness:
    """One terminal (its own device and local store) with a pty scanner plugged in."""

    def __init__(
        self,
        qtbot: QtBot,
        server: BackendServer,
        world: World,
        tmp: Path,
        lang: str = "en",
        *,
        inline: bool = True,
        clock: Any = None,
        problems: tuple[Any, ...] = (),
    ) -> None:
        self.qtbot = qtbot
        self.world = world
        self.cable = Cable()
        self.scanner = VirtualScanner(tmp / "scanner", baudrate=None)
        self.config = TerminalConfig(
            backend_url=server.url,
            data_dir=tmp / "terminal",
            device_id=f"TERM-T{next(_ids)}-{tmp.name[-6:]}",
            scanner_port=self.scanner.port_name,
            scanner_baudrate=115200,
            scanner_reconnect_s=0.05,
            lang=lang,
            inline=inline,
            wedge=False,
            sync_interval_ms=3_600_000,
            problems=problems,
        )
        self.t: Terminal = build(self.config, transport=self.cable, clock=clock)
        self.window: TerminalWindow = self.t.window
        self.window.resize(480, 800)
        qtbot.addWidget(self.window)
        self.window.show()
        self.scans = 0
        self.t.bridge.scanned.connect(self._count)
        self.t.bridge.repeated.connect(self._count)
        qtbot.waitUntil(lambda: self.t.status.snapshot.scanner == "ok", timeout=10_000)

    def _count(self, _: object) -> None:
        self.scans += 1

    # --- the worker's hands ------------------------------------------------------------------

    def scan(self, text: str) -> None:
        """Pull the trigger: the label goes through the pty, the serial driver and the bridge."""
        before = self.scans
        self.scanner.scan(text)
        self.qtbot.waitUntil(lambda: self.scans > before, timeout=10_000)
        # whatever the message, the screen stays 480 px wide (no label or button widens it)
        width = self.window.width()
        assert width == 480, f"{self.window.current.name} is {width} px wide"

    def key(self, key: Qt.Key) -> None:
        self.qtbot.keyClick(self.window, key)

    def login(self, account: Any = None, *, link_badge: bool = False) -> None:
        """Name and password; an online login then offers to link a badge, which F3 skips."""
        account = account or self.world.picker
        login = self.window.login
        login.set_mode("password")
        login.username.setText(account.username)
        login.password.setText(account.password)
        login.submit()
        if login.mode == "enrol" and not link_badge:
            self.key(Qt.Key.Key_F3)
        if not link_badge:
            assert self.window.session is not None, login.last_text

    def sync(self) -> None:
        self.t.sync.sync_now()

    @property
    def screen(self) -> ScanScreen:
        screen = self.window.current
        assert isinstance(screen, ScanScreen)
        return screen

    @property
    def tone(self) -> str:
        return self.screen.prompt.tone

    @property
    def message(self) -> str:
        return self.screen.prompt.hint

    def sounds(self) -> list[Tone]:
        return list(self.t.feedback.player.played)

    def close(self) -> None:
        self.t.close()
        self.scanner.close()
        self.cable.close()


@pytest.fixture
def terminal(qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path) -> Iterator[Harness]:
    h = Harness(qtbot, server, world, tmp_path)
    yield h
    h.close()


def paid_order(world: World, pvz: str, skus: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    order = world.place_order(world.customer, pvz, skus)
    world.pay(order)
    task = world.wait_for_task(order["id"])
    return order, task


def backend_units(world: World, order_id: str) -> dict[str, str]:
    order = world.get_order(world.admin, order_id)
    return {u["id"]: u["status"] for u in order["units"]}


def location_label(location_id: str) -> str:
    site, code = location_id.split(":", 1)
    return make_location_label(site, code)


# --- login ------------------------------------------------------------------------------------


def test_password_login_online_links_a_badge_that_then_works_offline(
    qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path
) -> None:
    h = Harness(qtbot, server, world, tmp_path)
    try:
        assert h.window.size().width() == 480 and h.window.size().height() == 800
        assert h.window.current.name == "login"
        login = h.window.login
        # a wrong password is refused by the backend
        login.set_mode("password")
        login.username.setText(world.picker.username)
        login.password.setText("not-the-password")
        login.submit()
        assert h.window.session is None
        assert login.prompt.tone == "error"
        # the right one logs in online and offers to link a badge
        h.login(link_badge=True)
        assert h.window.session is None
        assert login.mode == "enrol" and not login.pending_session.offline  # type: ignore[union-attr]
        badge = make_badge_label(4242)
        h.scan(badge)
        login.pin.setText("2580")
        login.pin2.setText("2581")
        login.submit()
        assert login.prompt.tone == "error"  # the two PINs differ: nothing linked
        assert not h.t.auth.badge_known(badge)
        login.pin.setText("2580")
        login.pin2.setText("2580")
        login.submit()
        assert h.window.session is not None and not h.window.session.offline
        assert h.window.current.name == "menu"
        # the PIN is kept only as an argon2id verifier, the badge only as a hash
        stored = [v for (k, v) in _kv(h) if k.startswith("terminal.badge.") and "owner" not in k]
        assert stored and "2580" not in stored[0] and badge not in "".join(k for k, _ in _kv(h))
        assert '"$argon2id$' in stored[0]
        h.window.logout()
        assert h.window.current.name == "login"

        # the cable is pulled: badge and PIN still open the shift, offline
        h.cable.plugged = False
        h.scan(badge)
        assert login.badge == badge
        login.pin.setText("0000")
        login.submit()
        assert h.window.session is None and "PIN" in login.prompt.hint
        login.pin.setText("2580")
        login.submit()
        assert h.window.session is not None and h.window.session.offline
        assert h.window.session.username == world.picker.username
        h.window.logout()

        # offline, name and password work for a user known here, not for a stranger
        login.set_mode("password")
        login.username.setText(world.clerk2.username)
        login.password.setText(world.clerk2.password)
        login.submit()
        assert h.window.session is None and login.prompt.tone == "error"
        h.login()
        assert h.window.session is not None and h.window.session.offline
    finally:
        h.close()


def _kv(h: Harness) -> list[tuple[str, str]]:
    store = h.t.store
    return [(k, store.kv_get(k) or "") for k in _kv_keys(store)]


def _kv_keys(store: Any) -> list[str]:
    return [str(r[0]) for r in store._q("SELECT key FROM kv")]


def test_a_clerk_account_may_not_use_the_terminal(terminal: Harness, world: World) -> None:
    login = terminal.window.login
    login.set_mode("password")
    login.username.setText(world.clerk1.username)
    login.password.setText(world.clerk1.password)
    login.submit()
    assert terminal.window.session is None
    assert "may not use the warehouse terminal" in login.prompt.hint


# --- picking ----------------------------------------------------------------------------------


def test_picking_online_one_line_at_a_time(terminal: Harness, world: World) -> None:
    order, task = paid_order(world, world.pvz1, [world.skus[1], world.skus[1], world.skus[2]])
    terminal.login()
    terminal.sync()
    terminal.window.navigate("tasks")
    tasks = terminal.window.screens["tasks"]
    rows = [tasks.model.task(i) for i in range(tasks.model.rowCount())]  # type: ignore[attr-defined]
    mine = next(r for r in rows if r is not None and r.id == task["id"])
    assert (mine.done, mine.total) == (0, 3)
    created = [r.created_at for r in rows if r is not None]
    assert created == sorted(created)  # oldest first
    terminal.window.navigate("pick", task["id"])
    pick = terminal.window.screens["pick"]
    flow = pick.flow  # type: ignore[attr-defined]
    line = flow.current
    assert pick.location.text() == line.location_code  # type: ignore[attr-defined]
    other_location = next(loc.id for loc in terminal.t.store.locations() if loc.id != line.location_id)

    # the unit before the location: refused, red, error sound
    first = line.units[0]
    terminal.scan(first.label)
    assert terminal.tone == "error" and terminal.sounds()[-1] is Tone.ERROR
    # the wrong shelf: refused
    terminal.scan(location_label(other_location))
    assert terminal.tone == "error" and line.location_code in terminal.message
    # the right shelf, then the units of the line
    terminal.scan(location_label(line.location_id))
    assert terminal.tone == "ok"
    terminal.scan(first.label)
    assert terminal.tone == "ok" and terminal.sounds()[-1] is Tone.SUCCESS
    assert terminal.t.store.unit(first.id).status is UnitStatus.PICKED
    terminal.scan(location_label(line.location_id))  # any scan in between: no bounce
    terminal.scan(first.label)  # again: never more than the demand
    assert terminal.tone in ("warn", "error")
    assert sum(1 for u in terminal.t.store.task_units(task["id"]) if u.status is UnitStatus.PICKED) == 1
    lines_seen = 1
    while not flow.finished:
        current = flow.current
        if current is not line:
            lines_seen += 1
            if current.location_id != line.location_id:
                assert not flow.location_confirmed  # the next line is on another shelf: scan it first
            line = current
        if not flow.location_confirmed:
            terminal.scan(location_label(current.location_id))
        terminal.scan(current.open_units[0].label)
        assert terminal.tone == "ok"
    assert lines_seen >= 2
    assert flow.finished and pick.next_task.isVisible()  # type: ignore[attr-defined]
    local = {u.id: u.status for u in terminal.t.store.task_units(task["id"])}
    assert set(local.values()) == {UnitStatus.PICKED}
    assert terminal.t.status.snapshot.pending >= 3 or terminal.t.store.pending_count() >= 3

    terminal.sync()
    assert terminal.t.store.pending_count() == 0
    assert set(backend_units(world, order["id"]).values()) == {"PICKED"}
    terminal.key(Qt.Key.Key_F3)  # next task: back to the list, which no longer shows this one
    assert terminal.window.current.name == "tasks"
    assert all(
        tasks.model.task(i).id != task["id"]  # type: ignore[attr-defined]
        for i in range(tasks.model.rowCount())  # type: ignore[attr-defined]
    )


def test_skip_from_the_keyboard_records_a_shortage(terminal: Harness, world: World) -> None:
    order, task = paid_order(world, world.pvz2, [world.skus[3], world.skus[3]])
    terminal.login()
    terminal.sync()
    terminal.window.navigate("pick", task["id"])
    flow = terminal.window.screens["pick"].flow  # type: ignore[attr-defined]
    terminal.scan(location_label(flow.current.location_id))
    terminal.scan(flow.current.units[0].label)
    terminal.key(Qt.Key.Key_F1)  # "not found": asks first, nothing recorded yet
    assert terminal.tone == "warn" and not flow.finished and terminal.t.store.pending_count() == 1
    terminal.key(Qt.Key.Key_F1)  # again: the rest of the line is short
    assert flow.finished
    statuses = sorted(u.status for u in terminal.t.store.task_units(task["id"]))
    assert statuses == [UnitStatus.MISSING, UnitStatus.PICKED]
    terminal.sync()
    assert sorted(backend_units(world, order["id"]).values()) == ["MISSING", "PICKED"]


def test_task_list_refreshes_by_a_pull_and_by_the_button(terminal: Harness, world: World) -> None:
    terminal.login()
    terminal.sync()
    terminal.window.navigate("tasks")
    tasks = terminal.window.screens["tasks"]
    before = tasks.model.rowCount()  # type: ignore[attr-defined]
    _, task = paid_order(world, world.pvz1, [world.skus[4]])
    assert tasks.model.rowCount() == before  # type: ignore[attr-defined]
    view = tasks.view  # type: ignore[attr-defined]
    viewport = view.viewport()
    view.scrollToTop()

    def mouse(kind: QEvent.Type, y: float, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(
            kind,
            QPointF(200, y),
            QPointF(200, y),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)

    mouse(QEvent.Type.MouseButtonPress, 20, Qt.MouseButton.LeftButton)
    mouse(QEvent.Type.MouseMove, 80, Qt.MouseButton.LeftButton)
    mouse(QEvent.Type.MouseMove, 160, Qt.MouseButton.LeftButton)
    assert tasks.pull_hint.isVisible()  # type: ignore[attr-defined]
    mouse(QEvent.Type.MouseButtonRelease, 160, Qt.MouseButton.NoButton)
    ids = {tasks.model.task(i).id for i in range(tasks.model.rowCount())}  # type: ignore[attr-defined]
    assert task["id"] in ids
    assert terminal.window.current.name == "tasks"  # the pull did not open a task

    _, task2 = paid_order(world, world.pvz1, [world.skus[4]])
    terminal.key(Qt.Key.Key_F5)
    ids = {tasks.model.task(i).id for i in range(tasks.model.rowCount())}  # type: ignore[attr-defined]
    assert task2["id"] in ids


# --- packing and shipping ---------------------------------------------------------------------


def test_pack_and_ship_offline_then_sync_once(terminal: Harness, world: World) -> None:
    order1, _ = paid_order(world, world.pvz1, [world.skus[6], world.skus[7]])
    order2, _ = paid_order(world, world.pvz2, [world.skus[8]])
    world.pick(order1)
    world.pick(order2)
    terminal.login()
    terminal.sync()
    store = terminal.t.store
    assert {store.unit(u["id"]).status for u in order1["units"]} == {UnitStatus.PICKED}

    terminal.cable.plugged = False  # the rest of the shift runs offline
    terminal.window.navigate("pack")
    pack = terminal.window.screens["pack"]
    waiting = [pack.units.item(i).text() for i in range(pack.units.count())]  # type: ignore[attr-defined]
    assert any(w.startswith(f"{world.pvz1}: ") for w in waiting)  # picked and waiting, per PVZ
    assert any(w.startswith(f"{world.pvz2}: ") for w in waiting)
    terminal.scan(order1["units"][0]["label"])
    assert terminal.tone == "error"  # no box yet
    terminal.key(Qt.Key.Key_F1)  # a new box label, printed at once
    box = pack.flow.box_id  # type: ignore[attr-defined]
    assert box and box.startswith("1") and len(box) == 18
    assert Path(terminal.t.services.printer.printed[-1]).exists()
    terminal.scan(order1["units"][1]["label"])
    assert terminal.tone == "ok"
    before = len(terminal.t.services.feedback.vibrator.pulses)
    terminal.scan(order2["units"][0]["label"])  # for the other PVZ: refused loudly
    assert terminal.tone == "error" and terminal.sounds()[-1] is Tone.ERROR
    assert len(terminal.t.services.feedback.vibrator.pulses) == before + 1
    assert store.unit(order2["units"][0]["id"]).status is UnitStatus.PICKED
    terminal.scan(order1["units"][0]["label"])
    terminal.key(Qt.Key.Key_F2)  # close the box: its label prints
    assert store.box(box).closed
    assert {store.unit(u["id"]).status for u in order1["units"]} == {UnitStatus.PACKED}
    labels = [p for p in terminal.t.services.printer.printed if str(p).endswith(f"box_{box}.pdf")]
    assert labels and Path(labels[-1]).stat().st_size > 1000

    terminal.window.navigate("ship")
    ship = terminal.window.screens["ship"]
    waiting = [ship.boxes.item(i).text() for i in range(ship.boxes.count())]  # type: ignore[attr-defined]
    assert any(w.startswith(f"{world.pvz1}: ") for w in waiting)  # closed boxes waiting for a route
    terminal.scan(box)
    assert terminal.tone == "ok" and ship.flow.box_ids == [box]  # type: ignore[attr-defined]
    terminal.key(Qt.Key.Key_F2)  # hand the route over: the courier's badge, the box's seal closes it
    terminal.scan(make_badge_label(9))
    terminal.scan("S0000900")  # units SHIPPED, locally
    assert {store.unit(u["id"]).status for u in order1["units"]} == {UnitStatus.SHIPPED}
    pending = store.pending_count()
    assert pending >= 5
    terminal.sync()  # offline: nothing lost, still pending, the strip says offline
    assert store.pending_count() == pending
    assert not terminal.t.status.snapshot.online
    assert "Offline" in terminal.window.strip.text and f"Pending {pending}" in terminal.window.strip.text
    assert set(backend_units(world, order1["id"]).values()) == {"PICKED"}

    terminal.cable.plugged = True
    terminal.sync()
    terminal.sync()  # a second push changes nothing
    assert store.pending_count() == 0 and store.conflicts_count() == 0
    assert set(backend_units(world, order1["id"]).values()) == {"SHIPPED"}
    assert "Online" in terminal.window.strip.text


# --- returns, counts, put-away ----------------------------------------------------------------


def _return_box(world: World, units: list[dict[str, Any]]) -> str:
    """A PVZ sends refused units back to the warehouse in a closed, handed-over return box."""
    clerk = world.device(world.clerk1)
    box = world.new_sscc(kind_return=True)
    clerk.op("return.open", {"box_id": box})
    for u in units:
        clerk.op("return.pack", {"box_id": box, "unit_id": u["id"], "reason": "refused"})
    clerk.op("return.close", {"box_id": box})
    clerk.op("return.handover", {"box_ids": [box], "unit_ids": [u["id"] for u in units]})
    return box


def test_receiving_a_return_box_records_what_is_missing(terminal: Harness, world: World) -> None:
    order, _ = paid_order(world, world.pvz1, [world.skus[9], world.skus[10]])
    shipped_box = world.ship(order)
    world.accept(order, shipped_box)
    world.issue(order, refuse=tuple(u["id"] for u in order["units"]))
    box = _return_box(world, order["units"])
    terminal.login()
    terminal.sync()
    terminal.cable.plugged = False  # received offline, synced later
    terminal.window.navigate("returns")
    screen = terminal.window.screens["returns"]
    terminal.scan(order["units"][0]["label"])
    assert terminal.tone == "error"  # the box first
    terminal.scan(box)
    assert terminal.tone == "ok" and len(screen.flow.units) == 2  # type: ignore[attr-defined]
    terminal.scan("S0000901")  # the seal on the box
    terminal.scan(order["units"][0]["label"])
    assert terminal.tone == "ok"
    assert "1 missing" in screen.close_box.text()  # type: ignore[attr-defined]
    terminal.key(Qt.Key.Key_F2)
    assert terminal.tone == "warn"
    assert terminal.t.store.pending_count() == 2
    terminal.cable.plugged = True
    terminal.sync()
    assert backend_units(world, order["id"]) == {
        order["units"][0]["id"]: "RETURNED",
        order["units"][1]["id"]: "MISSING",
    }


def test_cycle_count_shows_the_difference(terminal: Harness, world: World) -> None:
    _, task = paid_order(world, world.pvz2, [world.skus[11], world.skus[11]])
    terminal.login()
    terminal.sync()
    location = task["units"][0]["location_id"]
    sku = world.skus[11]
    product = terminal.t.store.product(sku)
    terminal.cable.plugged = False  # counted offline, synced later
    terminal.window.navigate("count")
    screen = terminal.window.screens["count"]
    terminal.scan(product.gtin)
    assert terminal.tone == "error"  # a location first
    terminal.scan(location_label(location))
    expected = screen.flow.expected[sku]  # type: ignore[attr-defined]
    assert expected >= 2
    terminal.scan(product.gtin)
    row = next(r for r in screen.flow.rows() if r.sku == sku)  # type: ignore[attr-defined]
    assert (row.counted, row.difference) == (1, 1 - expected)
    model = screen.model  # type: ignore[attr-defined]
    texts = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert f"{1 - expected:+d}" in texts
    terminal.key(Qt.Key.Key_F2)
    assert screen.flow.finished  # type: ignore[attr-defined]
    terminal.cable.plugged = True
    terminal.sync()
    journal = terminal.t.store.journal()
    counts = [(op, state) for op, state in journal if op.type == "count.record"]
    assert counts and counts[-1][0].payload["counted"] == {sku: 1} and counts[-1][1] == "applied"


def test_putaway_with_quantities(terminal: Harness, world: World) -> None:
    terminal.login()
    terminal.sync()
    store = terminal.t.store
    gtin_a = store.product(world.skus[12]).gtin
    gtin_b = store.product(world.skus[13]).gtin
    location = store.locations()[3]
    terminal.window.navigate("putaway")
    screen = terminal.window.screens["putaway"]
    terminal.scan(gtin_a)
    assert terminal.tone == "error"  # the document first
    terminal.scan(make_document_label(777))
    terminal.scan(gtin_a)
    terminal.scan(gtin_b)
    terminal.scan(gtin_a)  # scanned again after another: counts
    screen.items.setCurrentRow(1)  # type: ignore[attr-defined]
    terminal.key(Qt.Key.Key_F2)  # + for product b
    terminal.key(Qt.Key.Key_F2)
    items = {i.sku: i.quantity for i in screen.flow.items}  # type: ignore[attr-defined]
    assert items == {world.skus[12]: 2, world.skus[13]: 3}
    assert screen.qty.text() == "3"  # type: ignore[attr-defined]
    # a number typed on the keypad sets the selected product's quantity
    screen.items.setCurrentRow(0)  # type: ignore[attr-defined]
    type_keys(terminal, screen.code, "12")  # type: ignore[attr-defined]
    items = {i.sku: i.quantity for i in screen.flow.items}  # type: ignore[attr-defined]
    assert items == {world.skus[12]: 12, world.skus[13]: 3}
    terminal.scan(location_label(location.id))
    assert terminal.tone == "ok" and not screen.flow.items  # type: ignore[attr-defined]
    terminal.sync()
    ops = [op for op, state in store.journal() if op.type == "putaway.record" and state == "applied"]
    assert ops and ops[-1].payload["location_id"] == location.id
    assert {i["sku"]: i["quantity"] for i in ops[-1].payload["items"]} == items


def type_keys(h: Harness, field: Any, text: str) -> None:
    field.setFocus()
    h.qtbot.keyClicks(field, text)
    h.qtbot.keyClick(field, Qt.Key.Key_Return)


def test_every_screen_fits_480_px_in_both_languages(
    qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path
) -> None:
    for lang in ("ru", "en"):
        (tmp_path / lang).mkdir()
        h = Harness(qtbot, server, world, tmp_path / lang, lang=lang)
        try:
            h.window.login.show_result(Level.ERROR, "очень длинное сообщение " * 20)
            assert h.window.width() == 480
            h.login()
            for name in ("menu", "tasks", "pack", "ship", "returns", "count", "putaway"):
                h.window.navigate(name)
                h.qtbot.wait(1)
                assert h.window.width() == 480, (lang, name, h.window.width())
                assert h.window.minimumSizeHint().width() <= 480, (lang, name)
                # every touch target is at least 48 px (9 mm) both ways
                buttons = [b for b in h.window.current.findChildren(QPushButton) if b.isVisible()]
                assert buttons, name
                for b in buttons:
                    assert b.height() >= 48 and b.width() >= 48, (lang, name, b.text(), b.size())
        finally:
            h.close()


def test_russian_is_the_default_language(
    qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path
) -> None:
    h = Harness(qtbot, server, world, tmp_path, lang="ru")
    try:
        assert "бейдж" in h.window.login.prompt.text.lower()
        h.login()
        assert h.window.current.name == "menu"
        menu = h.window.screens["menu"]
        assert "Сборка" in menu.jobs["tasks"].text()  # type: ignore[attr-defined]
    finally:
        h.close()


def test_offline_backend_down_from_the_start(
    qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path
) -> None:
    """A terminal that never reached the backend knows nobody: it says so instead of hanging."""
    h = Harness(qtbot, server, world, tmp_path)
    try:
        h.t.http.base_url = f"http://127.0.0.1:{free_port()}"
        login = h.window.login
        login.set_mode("password")
        login.username.setText(world.picker.username)
        login.password.setText(world.picker.password)
        login.submit()
        assert h.window.session is None
        assert "has not logged in on this terminal" in login.prompt.hint
    finally:
        h.close()


def test_keyboard_only_from_the_menu_to_a_task(terminal: Harness, world: World) -> None:
    _, task = paid_order(world, world.pvz1, [world.skus[14]])
    terminal.login()
    terminal.sync()
    assert terminal.window.current.name == "menu"
    terminal.key(Qt.Key.Key_1)  # "1 Picking"
    assert terminal.window.current.name == "tasks"
    tasks = terminal.window.screens["tasks"]
    view = tasks.view  # type: ignore[attr-defined]
    row = next(i for i in range(tasks.model.rowCount()) if tasks.model.task(i).id == task["id"])  # type: ignore[attr-defined]
    view.setFocus()
    for _ in range(row):
        terminal.qtbot.keyClick(view, Qt.Key.Key_Down)
    terminal.key(Qt.Key.Key_F2)  # start the selected task
    assert terminal.window.current.name == "pick"
    assert terminal.window.screens["pick"].flow.task_id == task["id"]  # type: ignore[attr-defined]
    terminal.key(Qt.Key.Key_Escape)
    assert terminal.window.current.name == "tasks"
    terminal.key(Qt.Key.Key_Escape)
    assert terminal.window.current.name == "menu"
    terminal.key(Qt.Key.Key_2)
    assert terminal.window.current.name == "pack"


def test_scans_where_they_do_not_belong_are_answered(terminal: Harness, world: World) -> None:
    order, task = paid_order(world, world.pvz2, [world.skus[19]])
    terminal.login()
    terminal.sync()
    menu = terminal.window.screens["menu"]
    terminal.scan(order["units"][0]["label"])
    assert terminal.window.current.name == "menu"
    assert "choose a job" in menu.message.text()  # type: ignore[attr-defined]
    assert terminal.sounds()[-1] is Tone.WARNING
    terminal.key(Qt.Key.Key_1)
    terminal.scan(make_document_label(5))  # not a unit label
    assert terminal.tone == "error" and terminal.window.current.name == "tasks"
    terminal.scan(order["units"][0]["label"])  # a unit label opens its task
    assert terminal.window.current.name == "pick"
    assert terminal.window.screens["pick"].flow.task_id == task["id"]  # type: ignore[attr-defined]


def test_picking_offline_an_order_cancelled_meanwhile_becomes_a_conflict(
    terminal: Harness, world: World
) -> None:
    order, task = paid_order(world, world.pvz1, [world.skus[15]])
    kept, kept_task = paid_order(world, world.pvz1, [world.skus[16]])
    terminal.login()
    terminal.sync()
    terminal.cable.plugged = False
    for t in (task, kept_task):
        terminal.window.navigate("pick", t["id"])
        flow = terminal.window.screens["pick"].flow  # type: ignore[attr-defined]
        terminal.scan(location_label(flow.current.location_id))
        terminal.scan(flow.current.units[0].label)
        assert flow.finished and terminal.tone == "ok"
    assert terminal.t.store.pending_count() == 2
    # meanwhile the customer cancels the first order
    answer = world.client(world.customer).post(f"/api/v1/orders/{order['id']}/cancel")
    assert answer.status_code == 200, answer.text
    terminal.cable.plugged = True
    terminal.sync()
    store = terminal.t.store
    assert store.pending_count() == 0 and store.conflicts_count() == 1
    conflict = store.conflicts()[0]
    assert conflict.op_type == "pick.unit" and conflict.payload["task_id"] == task["id"]
    assert "Conflicts 1" in terminal.window.strip.text
    assert set(backend_units(world, kept["id"]).values()) == {"PICKED"}
    assert set(backend_units(world, order["id"]).values()) == {"CANCELLED"}

    # the worker sees it in the menu and dismisses it
    terminal.window.navigate("menu")
    menu = terminal.window.screens["menu"]
    assert "1" in menu.conflicts.text() and menu.conflicts.property("alert")  # type: ignore[attr-defined]
    terminal.key(Qt.Key.Key_7)
    assert terminal.window.current.name == "conflicts"
    screen = terminal.window.screens["conflicts"]
    assert screen.list.count() == 1 and "Picked unit" in screen.list.item(0).text()  # type: ignore[attr-defined]
    terminal.key(Qt.Key.Key_F2)
    assert store.conflicts_count() == 0 and screen.list.count() == 0  # type: ignore[attr-defined]
    assert store.conflicts(include_resolved=True)[0].resolution == "discard"
    assert "Conflicts 0" in terminal.window.strip.text


def test_threaded_app_syncs_by_itself(
    qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path
) -> None:
    """As in production: operations on a worker thread, sync on its own thread, kicked by each op."""
    order, task = paid_order(world, world.pvz2, [world.skus[17]])
    h = Harness(qtbot, server, world, tmp_path, inline=False)
    try:
        login = h.window.login
        login.set_mode("password")
        login.username.setText(world.picker.username)
        login.password.setText(world.picker.password)
        login.submit()
        qtbot.waitUntil(lambda: login.mode == "enrol", timeout=20_000)
        h.key(Qt.Key.Key_F3)
        assert h.window.current.name == "menu"
        store = h.t.store
        qtbot.waitUntil(
            lambda: store.pick_task(task["id"]) is not None, timeout=20_000
        )  # first sync, unasked
        h.window.navigate("pick", task["id"])
        flow = h.window.screens["pick"].flow  # type: ignore[attr-defined]
        h.scan(location_label(flow.current.location_id))
        unit = flow.current.units[0]
        h.scan(unit.label)
        qtbot.waitUntil(lambda: store.unit(unit.id).status is UnitStatus.PICKED, timeout=10_000)
        assert h.tone == "ok" and flow.finished
        qtbot.waitUntil(lambda: store.pending_count() == 0, timeout=20_000)  # pushed after the op, unasked
        assert set(backend_units(world, order["id"]).values()) == {"PICKED"}
        qtbot.waitUntil(
            lambda: "Pending 0" in h.window.strip.text and "Online" in h.window.strip.text, timeout=20_000
        )
    finally:
        h.close()


def test_five_wrong_pins_lock_the_badge_until_a_password_login(
    qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path
) -> None:
    h = Harness(qtbot, server, world, tmp_path)
    try:
        login = h.window.login
        h.login(link_badge=True)
        badge = make_badge_label(5151)
        h.scan(badge)
        login.pin.setText("97531")
        login.pin2.setText("97531")
        h.key(Qt.Key.Key_F2)
        assert h.window.session is not None
        h.window.logout()
        h.cable.plugged = False
        h.scan(badge)
        for _ in range(6):
            assert login.badge == badge  # a wrong PIN keeps the badge: type the PIN again
            login.pin.setText("11111")
            login.submit()
            assert h.window.session is None
        assert "Too many wrong PINs" in login.prompt.hint
        login.pin.setText("97531")  # even the right PIN: the badge is locked
        login.submit()
        assert h.window.session is None and "Too many wrong PINs" in login.prompt.hint
        h.login()  # the password (offline, against the local verifier) unlocks it
        h.window.logout()
        h.scan(badge)
        login.pin.setText("97531")
        login.submit()
        assert h.window.session is not None and h.window.session.offline
    finally:
        h.close()


def test_an_idle_shift_locks_and_the_same_worker_resumes_the_step(
    qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path
) -> None:
    _, task = paid_order(world, world.pvz1, [world.skus[18]])
    clock = ManualClock(datetime.now(UTC))
    h = Harness(qtbot, server, world, tmp_path, clock=clock)
    try:
        h.login()
        h.sync()
        h.window.navigate("pick", task["id"])
        flow = h.window.screens["pick"].flow  # type: ignore[attr-defined]
        h.scan(location_label(flow.current.location_id))
        clock.advance(5 * 60)
        h.scan(make_badge_label(99))  # any scan is activity (this one a wrong label): the idle clock restarts
        assert h.tone == "error"
        clock.advance(14 * 60)
        h.window.check_idle()
        assert h.window.current.name == "pick"  # 14 minutes since the last scan: still open
        clock.advance(2 * 60)
        h.window.check_idle()
        assert h.window.current.name == "login" and h.window.session is None
        assert "Locked" in h.window.login.prompt.hint
        h.scan(flow.current.units[0].label)  # scans go to the login screen now, not to picking
        assert flow.current.open_units
        h.login()
        assert h.window.current.name == "pick" and flow.location_confirmed  # the step is where it was
        h.scan(flow.current.units[0].label)
        assert h.tone == "ok" and flow.finished
    finally:
        h.close()
