"""Screenshots of every PVZ screen in Russian and English: ``python packaging/screenshots_pvz.py OUTDIR``.

Run under a display (``xvfb-run -a -s "-screen 0 1280x800x24" python packaging/screenshots_pvz.py docs/screenshots``;
`make screenshots` runs it).
The app is built as in production against a server that is not there (so it works offline, as a
PVZ does after a cut), with a local store filled by :mod:`tests.support.demo_pvz`; scans go through the
scanner bridge like a scanner's. Files: ``pvz_<screen>_<lang>.png``.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from meta import ROOT

if str(ROOT) not in sys.path:  # our packages and tests.support, when run by path from a checkout
    sys.path.append(str(ROOT))

from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pvz_app.__main__ import Options, PvzApp, build
from pvz_app.context import PdfReports
from pvz_app.ports import Ports
from shared.barcodes import make_cell_label
from shared.domain import ManualClock, OpType, Role, SiteKind
from shared.qt.operations import SyncRunner
from shared.scanning.events import ScanEvent
from shared.store import CachedUser
from tests.support.demo_pvz import DemoWorld, seed

SITE = "PVZ-DEMO-1"
PASSWORD = "demo-password-1"
SCREENS = (
    "login",
    "shift",
    "acceptance",
    "issuing",
    "customer_card",
    "fitting",
    "payment_qr",
    "storage",
    "returns",
    "cells",
    "inventory",
    "conflicts",
    "settings",
    "locked",
)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Shooter:
    def __init__(
        self, app: QApplication, built: PvzApp, clock: ManualClock, world: DemoWorld, out: Path, lang: str
    ) -> None:
        self.app, self.built, self.clock, self.world, self.out, self.lang = (
            app,
            built,
            clock,
            world,
            out,
            lang,
        )
        self.window = built.window
        self.files: list[Path] = []

    def settle(self) -> None:
        for _ in range(5):
            self.app.processEvents()

    def scan(self, text: str) -> None:
        self.clock.advance(2.0)
        self.built.scanner.feed(ScanEvent(text.encode(), text, None, "virtual", self.clock.monotonic()))
        self.settle()

    def key(self, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.window.focusWidget() or self.window, key, mods)
        self.settle()

    def type(self, widget: Any, text: str) -> None:
        widget.setFocus()
        widget.setText(text)
        self.settle()

    def shot(self, name: str, dialog: Any = None) -> None:
        """The window, with ``dialog`` (a question open over it) drawn where it stands."""
        self.settle()
        path = self.out / f"pvz_{name}_{self.lang}.png"
        picture = self.window.grab()
        if dialog is not None:
            painter = QPainter(picture)
            where = dialog.mapToGlobal(dialog.rect().topLeft()) - self.window.mapToGlobal(
                self.window.rect().topLeft()
            )
            painter.drawPixmap(where, dialog.grab())
            painter.end()
        picture.save(str(path))
        self.files.append(path)

    def flow(self, key: str) -> Any:
        self.window.show_flow(key)
        self.settle()
        return self.window.current


def remember(built: PvzApp, username: str, role: Role, clock: ManualClock) -> None:
    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    built.store.remember_user(
        CachedUser(
            f"user-{username}",
            username,
            role,
            SITE,
            SiteKind.PVZ,
            username,
            hasher.hash(PASSWORD),
            clock.now(),
        )
    )


@contextlib.contextmanager
def offline_pvz(
    app: QApplication, lang: str, name: str, *, ports: Ports | None = None, counter: bool = False
) -> Iterator[tuple[PvzApp, DemoWorld, ManualClock]]:
    """The PVZ app as every screenshot script takes it: offline (a closed port), operations and sync
    inline, reports to PDF, no sounds, the demo world seeded (``counter``: the counter's orders too),
    the clerk 'anna' remembered, the scanner ready, 1280x800 on screen; closed afterwards."""
    clock = ManualClock(datetime(2026, 11, 25, 10, 30, tzinfo=UTC))
    with tempfile.TemporaryDirectory(prefix="-".join(filter(None, ("pvz", name, "shots-")))) as tmp:
        built = build(
            Options(
                backend_url=f"http://127.0.0.1:{_closed_port()}",
                data_dir=Path(tmp),
                site=SITE,
                scanner_port="",
                lang=lang,
                device_id="-".join(filter(None, ("pvz", name, "screenshots", lang))),
            ),
            app,
            clock=clock,
            runner=SyncRunner(),
            reports=PdfReports(Path(tmp) / "printed"),
            sync_inline=True,
            sync_interval_ms=3_600_000,
            sounds=False,
            **({"ports": ports} if ports is not None else {}),
        )
        try:
            world = seed(built.store, SITE, clock.now(), counter=counter)
            remember(built, "anna", Role.CLERK, clock)
            built.ctx.status.update(scanner="ok")
            built.window.resize(1280, 800)
            built.window.show()
            yield built, world, clock
        finally:
            built.close()


def answering_ports() -> Ports:
    """Dialog answers for scripted shots: the first choice, yes to every question."""
    return Ports(
        choose=lambda _p, _t, _l, items: items[0],
        confirm=lambda *_a: True,
        list_ports=lambda: ["/dev/ttyACM0"],
    )


def run_language(app: QApplication, out: Path, lang: str) -> list[Path]:
    with offline_pvz(app, lang, "", ports=answering_ports(), counter=True) as (
        built,
        world,
        clock,
    ):
        remember(built, "admin", Role.ADMIN, clock)
        s = Shooter(app, built, clock, world, out, lang)
        steps: list[Callable[[Shooter], None]] = [
            _login,
            _acceptance,
            _issuing,
            _customer_card,
            _fitting,
            _payment_qr,
            _storage,
            _returns,
            _cells,
            _inventory,
            _conflicts,
            _settings,
            _shift,
            _relogin,
            _locked,
        ]
        for step in steps:
            step(s)
        return s.files


def _login(s: Shooter) -> None:
    login = s.window.login
    s.type(login.username, "anna")
    s.shot("login")
    s.type(login.password, PASSWORD)
    login.submit()
    s.settle()
    if s.built.ctx.flows.shift.current() is None:
        s.window.flow("shift").trigger("open")
        s.settle()
    assert s.built.ctx.flows.shift.current() is not None, s.window.current.banner.text


def _acceptance(s: Shooter) -> None:
    screen = s.flow("acceptance")
    s.scan(s.world.boxes[1])
    s.scan("S1000002")  # the seal on the box (packaging/screenshots_handover.py shows it asked)
    labels = [u.label for u in screen.session.units]
    s.scan(labels[0])
    s.scan(make_cell_label(SITE, screen.session.placement.cell.number))
    s.scan(labels[1])
    s.shot("acceptance")
    s.scan(make_cell_label(SITE, screen.session.placement.cell.number))
    # the box closed with units not scanned (a shortage); one of them turns up and is placed
    screen.trigger("close")
    s.settle()
    s.scan(labels[2])
    s.shot("acceptance_found")
    if screen.session is not None and screen.session.placement is not None:
        s.scan(make_cell_label(SITE, screen.session.placement.cell.number))


def _issuing(s: Shooter) -> None:
    screen = s.flow("issuing")
    s.scan(s.world.qr(s.world.mixed_order, s.clock.now()))
    ready = [u for u in screen.session.ready]
    for u in ready:
        s.scan(u.label)
        if u.needs_marking and screen.session.awaiting_marking:
            gtin = u.gtin.zfill(14)
            s.scan(f"01{gtin}21sN7q2Lx9aPz0K\x1d91EE07\x1d92{'A' * 44}")
    if len(ready) > 1:
        screen.table.selectRow(screen.model.find(ready[-1].id))
        screen.trigger("refuse")
    s.shot("issuing")
    screen.trigger("complete")
    s.settle()
    # an order still on its way: nothing to issue, and the prompt says why
    store = s.built.store
    in_transit = next(
        oid
        for oid in s.world.orders
        if all(u.box_id == s.world.boxes[-1] for u in store.units_for_order(oid))
    )
    s.scan(s.world.qr(in_transit, s.clock.now()))
    s.shot("issuing_nothing_ready")
    screen.trigger("cancel")
    s.settle()


def _marking(s: Shooter, unit: Any) -> str:
    return f"01{unit.gtin.zfill(14)}21sN7q2Lx9aPz0K\x1d91EE07\x1d92{'A' * 44}"


def _customer_card(s: Shooter) -> None:
    """A customer with two ready orders and one on the way, the first unit fetched."""
    screen = s.flow("issuing")
    s.scan(s.world.qr(s.world.card_order, s.clock.now()))
    first = screen.session.ready[0]
    s.scan(first.label)
    if screen.session.awaiting_marking:
        s.scan(_marking(s, first))
    s.shot("customer_card")


def _fitting(s: Shooter) -> None:
    """The T-shirt and the shoes go to a fitting room; the screen shows the room and its timer."""
    screen = s.flow("issuing")
    for unit in [u for u in screen.session.ready if u.try_on and u.id not in screen.session.fetched]:
        s.scan(unit.label)
        if screen.session.awaiting_marking:
            s.scan(_marking(s, unit))
    screen.trigger("fitting")
    s.settle()
    s.clock.advance(4 * 60 + 35)
    rooms = s.flow("fitting")
    s.shot("fitting")
    rooms.trigger("back")  # back at the counter: the shoes are refused (the first reason: size)
    s.settle()
    issuing = s.window.current
    shoes = next(u for u in issuing.session.units if u.category == "shoes")
    issuing.table.selectRow(issuing.model.find(shoes.id))
    issuing.trigger("refuse")
    s.shot("fitting_back")
    issuing.trigger("complete")
    s.settle()


class _Payments:
    """The backend's payment at pickup as it answers (the screenshots run offline)."""

    def create_intent(self, order_id: str, unit_ids: list[str]) -> dict[str, Any]:
        from backend_stub.services.pickup_payments import sbp_payload

        intent_id = "01JDEMOINTENT0000000000001"
        return {
            "id": intent_id,
            "order_id": order_id,
            "unit_ids": unit_ids,
            "amount_kopecks": 288_000,
            "status": "PENDING",
            "qr": sbp_payload(intent_id, 288_000),
        }

    def wait_intent(self, order_id: str, intent_id: str, wait_s: float) -> dict[str, Any]:
        raise AssertionError("not waited for in screenshots")


def _payment_qr(s: Shooter) -> None:
    """A pay-on-pickup order: the СБП QR shown large for the customer's bank app."""
    s.built.ctx.flows.pickup.payments = _Payments()
    screen = s.flow("issuing")
    screen.payment._wait = lambda _intent: None  # no long poll: nothing answers offline
    s.scan(s.world.qr(s.world.pay_order, s.clock.now()))
    for unit in list(screen.session.ready):
        s.scan(unit.label)
        if screen.session.awaiting_marking:
            s.scan(_marking(s, unit))
    screen.trigger("complete")
    s.settle()
    s.shot("payment_qr")
    screen.trigger("cancel")
    s.settle()
    s.built.ctx.flows.pickup.payments = None


def _storage(s: Shooter) -> None:
    """Storage ending today, tomorrow and over; the overdue collected into a return box."""
    screen = s.flow("storage")
    overdue = [e for e in screen.items if e.bucket == "overdue"]
    screen.trigger("generate")
    s.settle()
    if overdue:
        s.scan(overdue[0].label)
    s.shot("storage")
    screen.trigger("close")
    s.settle()


def _returns(s: Shooter) -> None:
    screen = s.flow("returns")
    screen.trigger("generate")
    refused = [c for c in screen.model.rows if c.reason == "refused"]
    if refused:
        s.scan(refused[0].unit.label)
    s.shot("returns")


def _cells(s: Shooter) -> None:
    screen = s.flow("cells")
    s.type(screen.search_box, "1234")
    screen.search()
    s.shot("cells")


def _inventory(s: Shooter) -> None:
    screen = s.flow("inventory")
    s.scan(make_cell_label(SITE, 2))
    expected = list(screen.count.expected.values()) if screen.count else []
    if expected:
        s.scan(expected[0])
    stray = s.world.orders[next(iter(s.world.orders))][0]
    s.scan(stray)
    s.shot("inventory")


def _conflicts(s: Shooter) -> None:
    store = s.built.store
    ready = next(u for u in store.units_by_status("ACCEPTED") if u.cell_id)
    actor = s.built.ctx.actor
    assert actor is not None
    recorded = store.record(OpType.MOVE_UNIT, {"unit_id": ready.id, "cell_id": f"{SITE}:0005"}, actor)
    store.apply_push_results(
        [
            {
                "op_id": recorded.op.op_id,
                "seq": recorded.op.seq,
                "status": "rejected",
                "reason": {
                    "code": "illegal_transition",
                    "message": "ISSUED -> ACCEPTED: the unit was issued meanwhile",
                },
                "replayed": False,
            }
        ]
    )
    s.built.ctx.status.update(conflicts=store.conflicts_count())
    s.flow("conflicts")
    s.shot("conflicts")


def _settings(s: Shooter) -> None:
    screen = s.flow("settings")
    s.shot("settings_locked")
    s.type(screen.admin_user, "admin")
    s.type(screen.admin_password, PASSWORD)
    screen.unlock()
    s.settle()
    s.shot("settings")


def _shift(s: Shooter) -> None:
    s.flow("shift")
    s.shot("shift")


def _relogin(s: Shooter) -> None:
    """The server ends the session: the password is asked over the screen the clerk is on."""
    s.flow("acceptance")
    s.built.ctx.status.update(needs_login=True, error_kind="auth", online=False)
    s.window.relogin.offer()
    s.settle()
    s.shot("relogin", s.window.relogin.dialog)
    if s.window.relogin.dialog is not None:
        s.window.relogin.dialog.reject()
    s.built.ctx.status.update(needs_login=False, error_kind="network", error_code="connect")
    s.settle()


def _locked(s: Shooter) -> None:
    """Mid-box, the counter is left alone past the idle minutes: the unlock view names the clerk."""
    screen = s.flow("acceptance")
    s.scan(s.world.boxes[0])
    if screen.session is not None and screen.session.units:
        s.scan(screen.session.units[0].label)
    s.clock.advance(s.built.config.idle_lock_minutes * 60)
    s.window.check_idle()
    s.settle()
    assert s.window.current is s.window.login, "the counter did not lock"
    s.shot("locked")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", choices=("ru", "en"), action="append")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    for lang in args.lang or ["ru", "en"]:
        for path in run_language(app, args.outdir, lang):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
