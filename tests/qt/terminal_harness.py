"""The real terminal app on demo data, offline: no backend, scans fed through the scanner bridge.

    t = OfflineTerminal(qtbot, tmp_path)     # built by scanner_app.__main__.build, demo store
    t.login()                                 # a warehouse worker's shift
    t.window.navigate("pick", "TASK-000001")
    t.scan(label)                             # ScannerBridge -> the visible screen
    assert t.tone == "error" and t.sounds()[-1] is Tone.ERROR

For flows that need no server answer (the journal is local); the flow tests in
test_terminal_flows.py drive the app against a real backend through a pty scanner.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scanner_app.__main__ import Terminal, TerminalConfig, build
from scanner_app.screens.base import ScanScreen
from scanner_app.services import Session
from shared.barcodes import make_location_label
from shared.domain import ManualClock, Role
from shared.qt.feedback import Tone
from shared.scanning.events import ScanEvent
from tests.support import demo_terminal as demo_data

WORKER = Session("U-PICKER", "picker", "Олег Кузнецов", Role.WAREHOUSE, demo_data.WAREHOUSE)


class OfflineTerminal:
    def __init__(
        self, qtbot: Any, tmp: Path, *, lang: str = "en", tasks: int = 8, units_per_task: int = 3
    ) -> None:
        self.qtbot = qtbot
        self.clock = ManualClock(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
        config = TerminalConfig(
            backend_url="http://127.0.0.1:9",
            data_dir=tmp / "terminal",
            device_id="TERM-OFF",
            lang=lang,
            inline=True,
            wedge=False,
            sync_interval_ms=3_600_000,
        )
        self.t: Terminal = build(config, clock=self.clock)
        self.store = self.t.store
        self.facts = demo_data.seed(self.store, self.clock, tasks=tasks, units_per_task=units_per_task)
        self.window: Any = self.t.window
        self.window.resize(480, 800)
        qtbot.addWidget(self.window)
        self.window.show()

    def login(self, session: Session = WORKER) -> None:
        self.window.login.logged_in.emit(session)
        assert self.window.session is not None

    def scan(self, text: str) -> None:
        self.clock.advance(2)  # never within the bounce window of the scan before
        self.t.bridge.feed(ScanEvent(text.encode(), text, None, "virtual", self.clock.monotonic()))
        self.t.app.processEvents()
        width = self.window.width()
        assert width == 480, f"{self.window.current.name} is {width} px wide"

    @staticmethod
    def location(location_id: str) -> str:
        site, code = location_id.split(":", 1)
        return make_location_label(site, code)

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
