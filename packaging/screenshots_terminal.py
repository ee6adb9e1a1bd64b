"""Screenshots of every terminal screen at 480x800, in Russian and English.

    xvfb-run -a -s "-screen 0 1280x800x24" python packaging/screenshots_terminal.py docs/screenshots

Starts the real app (offline, demo data in a temporary store), walks a shift through every flow
with scans fed through the scanner bridge, and saves terminal_<screen>_<lang>.png.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from meta import ROOT

if str(ROOT) not in sys.path:  # our packages and tests.support, when run by path from a checkout
    sys.path.append(str(ROOT))

from argon2 import PasswordHasher

from scanner_app.__main__ import Terminal, TerminalConfig, build
from scanner_app.screens.pack import PackScreen
from scanner_app.screens.pick import PickScreen
from scanner_app.screens.ship import ShipScreen
from shared.barcodes import location_id, make_document_label, make_location_label
from shared.config import ConfigProblem
from shared.domain import ManualClock, Role, SiteKind
from shared.scanning.events import ScanEvent
from shared.store import CachedUser
from tests.support import demo_terminal as demo_data

DEMO_USER = ("ivanova", "demo-pass-1")


class Shooter:
    def __init__(self, terminal: Terminal, clock: ManualClock, outdir: Path, lang: str) -> None:
        self.t = terminal
        self.clock = clock
        self.outdir = outdir
        self.lang = lang
        self.saved: list[Path] = []

    def scan(self, text: str) -> None:
        self.clock.advance(2)
        self.t.bridge.feed(ScanEvent(text.encode(), text, None, "virtual", self.clock.monotonic()))
        self.settle()

    def settle(self) -> None:
        for _ in range(3):
            self.t.app.processEvents()

    def shot(self, name: str, dialog: Any = None) -> Path:
        """The window, with ``dialog`` (a question open over it) drawn where it stands."""
        self.settle()
        path = self.outdir / f"terminal_{name}_{self.lang}.png"
        picture = self.t.window.grab()
        if dialog is not None:
            from PySide6.QtGui import QPainter

            painter = QPainter(picture)
            where = dialog.mapToGlobal(dialog.rect().topLeft()) - self.t.window.mapToGlobal(
                self.t.window.rect().topLeft()
            )
            painter.drawPixmap(where, dialog.grab())
            painter.end()
        picture.save(str(path))
        self.saved.append(path)
        return path


def loc(code: str) -> str:
    return make_location_label(demo_data.WAREHOUSE, code)


def offline_terminal(app: Any, lang: str, data_dir: Path, clock: ManualClock, **config: Any) -> Terminal:
    """The terminal as every screenshot script takes it: device TERM-07 with no server (port 9),
    operations and sync inline, no keyboard-wedge listener; ``config`` adds TerminalConfig fields."""
    settings = TerminalConfig(
        backend_url="http://127.0.0.1:9",
        data_dir=data_dir,
        device_id="TERM-07",
        lang=lang,
        inline=True,
        wedge=False,
        **config,
    )
    return build(settings, clock=clock, app=app)


def shoot(outdir: Path, lang: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from shared.qt import i18n

    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="wb-terminal-shots-"))
    clock = ManualClock(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
    terminal = offline_terminal(
        app,
        lang,
        tmp,
        clock,
        problems=(
            ConfigProblem(
                "/etc/wb-ops/terminal.toml",
                "wrong_type",
                "must be a whole number, not '0.8s'",
                line=7,
                setting="scanner.debounce_ms",
                used="kept 800",
            ),
        ),
    )
    facts = demo_data.seed(terminal.store, clock, tasks=14, units_per_task=3, returns=3)
    terminal.store.remember_user(
        CachedUser(
            "U-IVANOVA",
            DEMO_USER[0],
            Role.WAREHOUSE,
            demo_data.WAREHOUSE,
            SiteKind.WAREHOUSE,
            "Анна Иванова",
            PasswordHasher().hash(DEMO_USER[1]),
            clock.now(),
        )
    )
    window = terminal.window
    window.resize(480, 800)
    window.show()
    s = Shooter(terminal, clock, outdir, lang)
    store = terminal.store

    s.shot("login")
    login = window.login
    login.set_mode("password")
    login.username.setText(DEMO_USER[0])
    login.password.setText("••••")
    s.shot("login_password")
    login.password.setText(DEMO_USER[1])
    login.submit()
    terminal.status.update(online=False, pending=0)
    s.shot("menu")

    window.navigate("tasks")
    s.shot("tasks")

    # pick the first task, photograph it half way
    def pick(task_id: str, stop_after: int | None = None) -> None:
        window.navigate("pick", task_id)
        for n, unit in enumerate(store.task_units(task_id)):
            code = unit.location_id.split(":", 1)[1] if unit.location_id else ""
            s.scan(loc(code))
            if stop_after is not None and n == stop_after:
                return
            s.scan(unit.label)

    pick(facts["first_task"], stop_after=1)
    s.shot("pick")
    pick(facts["first_task"])
    s.shot("pick_done")
    pick("TASK-000003")
    pick("TASK-000002")
    # a task ended with a shortage: the first unit picked, the rest not on the shelf
    pick("TASK-000004", stop_after=1)
    pick_screen = window.screens["pick"]
    assert isinstance(pick_screen, PickScreen)
    while pick_screen.flow is not None and not pick_screen.flow.finished:
        pick_screen.skip("not_found")  # the first press asks,
        pick_screen.skip("not_found")  # the second records the shortage
        s.settle()
    s.shot("pick_short")

    window.navigate("pack")
    pack = window.screens["pack"]
    assert isinstance(pack, PackScreen)
    pack.make_box()
    for unit in store.task_units(facts["first_task"]):
        s.scan(unit.label)
    s.shot("pack")
    wrong = store.task_units("TASK-000002")[0]
    s.scan(wrong.label)
    s.shot("pack_wrong_pvz")
    pack.finish_box()
    box1 = pack.flow.box_id
    s.shot("pack_closed")
    pack.make_box()
    for unit in store.task_units("TASK-000003"):
        s.scan(unit.label)
    pack.finish_box()

    window.navigate("ship")
    s.scan(box1 or "")
    s.shot("ship")
    ship = window.screens["ship"]
    assert isinstance(ship, ShipScreen)
    ship.finish_route()  # boxes for the same PVZ still waiting: named first, a second press closes
    s.settle()
    s.shot("ship_left_behind")

    window.navigate("returns")
    s.scan(facts["return_box"])
    s.scan(facts["return_units"][0])
    s.shot("returns")

    window.navigate("count")
    s.scan(loc("A-01-04-1"))
    mug = demo_data.gtin(1)
    s.scan(mug)
    s.clock.advance(5)
    s.scan(mug)
    s.scan(demo_data.gtin(2))
    s.shot("count")

    window.navigate("putaway")
    s.scan(make_document_label(4521))
    for _ in range(3):
        s.scan(demo_data.gtin(3))
        s.clock.advance(2)
    s.scan(demo_data.gtin(4))
    s.shot("putaway")
    s.scan(loc("B-03-01-2"))
    s.shot("putaway_done")
    assert store.location(location_id(demo_data.WAREHOUSE, "B-03-01-2")) is not None

    # the server refused one of the shift's operations (its order was cancelled meanwhile)
    first_op = store.pending_ops(1)[0]
    store.apply_push_results(
        [
            {
                "op_id": first_op.op_id,
                "seq": first_op.seq,
                "status": "rejected",
                "reason": {
                    "code": "illegal_transition",
                    "message": "CANCELLED -> PICKED: the order was cancelled",
                },
            }
        ]
    )
    terminal.status.update(conflicts=store.conflicts_count(), pending=store.pending_count())
    window.navigate("menu")
    s.shot("menu_conflicts")
    window.navigate("conflicts")
    s.shot("conflicts")
    # "This terminal" (menu key 9): the facts a support call asks for and the config file's problems
    window.navigate("device")
    s.shot("device")

    # the server goes quiet during a sync: "no answer" after ten seconds, the reason in words
    window.navigate("menu")
    terminal.status.update(online=True, syncing=True, waiting_since=clock.now() - timedelta(seconds=12))
    window.strip.tick()
    s.shot("status_no_answer")
    # the server ended the session: the password, asked over the screen the worker is on
    terminal.status.update(syncing=False, online=False, needs_login=True, error_kind="auth")
    window.relogin.offer()
    s.settle()
    s.shot("relogin", window.relogin.dialog)
    window.relogin.dialog.reject()

    terminal.close()
    i18n.uninstall(app, terminal.translators)
    return s.saved


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    outdir = Path(args[0] if args else "docs/screenshots")
    outdir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    for lang in ("ru", "en"):
        saved.extend(shoot(outdir, lang))
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
