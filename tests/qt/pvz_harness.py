"""Drive the real PVZ app in tests: a real backend, a real local store, scans through a pty scanner.

    with BackendServer(tmp / "b") as server, World.standard(server) as world:
        pvz = PvzHarness.start(qapp, qtbot, tmp / "pvz", server.url, world.pvz1)
        pvz.login(world.clerk1)
        pvz.scan(box_sscc)            # VirtualScanner -> SerialScanner -> ScannerBridge -> active screen

The app is built by ``pvz_app.__main__.build`` exactly as in production, except for what tests inject:
a synchronous operations runner, inline sync, a ManualClock, and reports written to PDF files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pvz_app.__main__ import Options, PvzApp, build
from pvz_app.context import PdfReports
from pvz_app.ports import Ports
from pvz_app.screens.base import Screen
from shared.domain import ManualClock
from shared.qt.operations import SyncRunner
from shared.scanning.simulator import VirtualScanner


@dataclass
class PvzHarness:
    app: PvzApp
    qtbot: Any
    scanner: VirtualScanner
    clock: ManualClock
    reports: PdfReports
    choices: list[str] = field(default_factory=list)  # answers for choice dialogs, in order
    texts: list[str] = field(default_factory=list)  # answers for text prompts
    seen_scans: int = 0

    @classmethod
    def start(
        cls,
        qapp: QApplication,
        qtbot: Any,
        data_dir: Path,
        backend_url: str,
        site: str,
        *,
        lang: str = "en",
        device_id: str | None = None,
        threaded: bool = False,
    ) -> PvzHarness:
        """``threaded=True`` keeps the production worker-thread runner; scan() and key() then wait
        until every operation has been delivered back to the GUI thread."""
        clock = ManualClock(datetime.now(UTC).replace(microsecond=0))
        scanner = VirtualScanner(baudrate=None)
        reports = PdfReports(data_dir / "printed")
        harness_box: dict[str, PvzHarness] = {}

        def choose(_parent: Any, _title: str, _label: str, items: list[str]) -> str | None:
            h = harness_box["h"]
            if not h.choices:
                return None
            wanted = h.choices.pop(0)
            return next(i for i in items if wanted in i)

        def ask_text(_parent: Any, _title: str, _label: str) -> str:
            h = harness_box["h"]
            return h.texts.pop(0) if h.texts else ""

        app = build(
            Options(
                backend_url=backend_url,
                data_dir=data_dir,
                site=site,
                scanner_port=scanner.port_name,
                lang=lang,
                device_id=device_id or f"pvz-test-{data_dir.parent.name}-{data_dir.name}"[-90:],
            ),
            qapp,
            clock=clock,
            runner=None if threaded else SyncRunner(),
            reports=reports,
            sync_inline=True,
            sync_interval_ms=3_600_000,
            sounds=False,
            ports=Ports(choose=choose, ask_text=ask_text, confirm=lambda *_a: True),
        )
        h = cls(app, qtbot, scanner, clock, reports)
        harness_box["h"] = h
        app.scanner.scanned.connect(h._count)
        app.scanner.repeated.connect(h._count)
        app.window.resize(1280, 800)
        app.window.show()
        qtbot.addWidget(app.window)
        qtbot.waitExposed(app.window)
        app.window.activateWindow()
        qtbot.waitUntil(app.window.isActiveWindow, timeout=5000)
        qtbot.waitUntil(lambda: app.scanner.drivers[0].health.ok, timeout=10_000)
        return h

    def _count(self, _event: object) -> None:
        self.seen_scans += 1

    # --- input -------------------------------------------------------------------------------
    def scan(self, text: str) -> None:
        """Scan through the pty: the serial driver frames it, the bridge routes it to the active flow."""
        before = self.seen_scans
        self.clock.advance(2.0)  # past the debounce window: a deliberate repeat is a new scan
        self.scanner.scan(text)
        self.qtbot.waitUntil(lambda: self.seen_scans > before, timeout=10_000)
        self.settle()

    def settle(self) -> None:
        """Let queued work finish: every operation delivered back to the GUI thread."""
        QApplication.processEvents()
        self.qtbot.waitUntil(lambda: self.app.ctx.ops.running == 0, timeout=10_000)
        QApplication.processEvents()

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """A key press on whatever has focus (shortcuts are window-wide)."""
        self.clock.advance(0.15)
        target = self.app.window.focusWidget() or self.app.window
        QTest.keyClick(target, key, modifier)
        self.settle()

    def close_box(self, seal: str = "S0000001") -> None:
        """Close the open acceptance box (Ctrl+E) as a clerk does: the seal on the box is scanned
        first when it is still asked for (the route in these tests recorded none: nothing differs)."""
        session = getattr(self.current, "session", None)
        if session is not None and session.needs_seal:
            self.scan(seal)
        self.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    def type_into(self, widget: QWidget, text: str) -> None:
        """Type like a person (keys 150 ms apart on the clock), so the wedge filter lets them through."""
        widget.setFocus()
        for ch in text:
            self.clock.advance(0.15)
            QTest.keyClick(widget, ch)
        self.clock.advance(0.15)
        if self.app.wedge is not None:
            self.app.wedge.flush()
        QApplication.processEvents()

    # --- state -------------------------------------------------------------------------------
    @property
    def current(self) -> Screen:
        return self.app.window.current

    @property
    def banner(self) -> str:
        return self.current.banner.text

    @property
    def prompt(self) -> str:
        return self.current.prompt.text

    @property
    def tone(self) -> str | None:
        last = self.app.ctx.feedback.last
        return last[0].value if last else None

    def login(self, account: Any) -> None:
        w = self.app.window
        assert self.current is w.login
        w.login.username.clear()
        w.login.password.clear()
        self.type_into(w.login.username, account.username)
        w.login.password.setFocus()
        self.type_into(w.login.password, account.password)
        self.key(Qt.Key.Key_Return)
        assert self.app.ctx.actor is not None, self.banner

    def sync(self) -> Any:
        """One sync right now (inline): push pending ops, pull changes."""
        self.app.sync.sync_now()
        QApplication.processEvents()
        return self.app.sync.status

    def close(self) -> None:
        self.app.close()
        self.scanner.close()
