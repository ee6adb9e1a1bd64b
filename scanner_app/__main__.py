"""Composition root of the warehouse terminal app: wires the store, sync, auth, scanner and screens.

    scanner-app [--backend-url URL] [--data-dir DIR] [--scanner-port PORT] [--lang ru|en]
                [--demo-user NAME --demo-password PASS] [--device-id ID] [--labels-to-pdf]

Everything is built by :func:`build` from a :class:`TerminalConfig`, so tests, screenshots and the
benchmarks start the very same app (with a synchronous operation runner and inline sync).
"""

from __future__ import annotations

import argparse
import socket
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()


@dataclass
class TerminalConfig:
    backend_url: str = "http://127.0.0.1:8700"
    data_dir: Path | None = None
    device_id: str = ""
    site_id: str = ""  # the warehouse this terminal is set up for: another site's user is refused
    scanner_port: str | None = None
    scanner_baudrate: int = 9600
    scanner_reconnect_s: float = 0.5
    lang: str = "ru"
    labels_to_pdf: bool = True  # box labels as PDF files in <data>/labels (no printer set up)
    printer_name: str = ""
    inline: bool = False  # tests: operations and sync run on the calling thread
    sync_interval_ms: int = 30_000
    idle_lock_minutes: int = 15
    wedge: bool = True  # listen for keyboard-wedge scanners too
    scale: float = 0.9
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Terminal:
    """The running app's parts (what tests and tools reach into)."""

    app: Any
    window: Any
    store: Any
    ops: Any
    bridge: Any
    sync: Any
    engine: Any
    auth: Any
    services: Any
    feedback: Any
    status: Any
    http: Any
    driver: Any
    translators: list[Any]

    def close(self) -> None:
        self.sync.stop(5000)
        self.bridge.stop()
        self.ops.runner.wait(5000)
        self.window.shutdown()
        self.window.close()
        self.http.close()
        self.store.close()
        from shared.qt import i18n

        i18n.uninstall(self.app, self.translators)


def build(
    config: TerminalConfig,
    *,
    clock: Any = None,
    keyring_backend: Any = None,
    transport: Any = None,
    app: Any = None,
) -> Terminal:
    import httpx
    from PySide6.QtWidgets import QApplication

    from shared.auth.client import AuthClient
    from shared.auth.tokens import TokenStore
    from shared.config import data_dir as default_data_dir
    from shared.domain import IdFactory, SiteKind, SystemClock
    from shared.qt import i18n
    from shared.qt.feedback import Feedback, SoundPlayer
    from shared.qt.operations import Operations, SyncRunner, ThreadRunner
    from shared.qt.printing import LabelPrinter
    from shared.qt.scanner_bridge import ScannerBridge
    from shared.qt.status import SCANNER_DISCONNECTED, SCANNER_NONE, SCANNER_OK, StatusModel
    from shared.qt.sync_adapter import SyncAdapter
    from shared.qt.theme import apply_theme
    from shared.scanning.events import HealthState
    from shared.store import LocalStore
    from shared.sync import SyncEngine

    from .adapters import (
        BoxLabelPrinter,
        StoreBoxNumbers,
        StoreData,
        StoreJournal,
        TerminalFeedback,
        Vibrator,
        platform_vibrator,
    )
    from .auth import TerminalAuth, TerminalSession
    from .services import Services
    from .window import TerminalWindow

    qapp = app or QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    translators = i18n.install(qapp, config.lang, ("common", "scanner"))
    apply_theme(qapp, config.scale, app_name="scanner")
    clock = clock or SystemClock()
    data = config.data_dir or (default_data_dir() / "terminal")
    device_id = config.device_id or f"terminal-{socket.gethostname()}"
    ids = IdFactory(clock)
    store = LocalStore.open(Path(data) / "terminal.sqlite3", device_id, clock, ids)
    http = httpx.Client(base_url=config.backend_url, timeout=10.0, transport=transport)
    tokens = TokenStore(keyring_backend)
    session = TerminalSession(
        store,
        AuthClient(http),
        tokens,
        clock,
        device_id=device_id,
        site_id=config.site_id,
        site_kind=SiteKind.WAREHOUSE,
        idle_lock_s=config.idle_lock_minutes * 60,
    )
    auth = TerminalAuth(session, store)
    engine = SyncEngine(store, http, session, clock)
    sync = SyncAdapter(engine, interval_ms=config.sync_interval_ms, inline=config.inline)
    runner = SyncRunner() if config.inline else ThreadRunner()
    ops = Operations(runner)
    status = StatusModel(clock)
    feedback = Feedback(SoundPlayer(enabled=not config.inline))
    printer = BoxLabelPrinter(
        LabelPrinter(), Path(data) / "labels" if config.labels_to_pdf or not config.printer_name else None
    )
    site: dict[str, str] = {"id": ""}
    services = Services(
        data=StoreData(store, lambda: site["id"]),
        journal=StoreJournal(store),
        auth=auth,
        clock=clock,
        new_id=ids.new,
        boxes=StoreBoxNumbers(store, device_id),
        printer=printer,
        feedback=TerminalFeedback(feedback, Vibrator(platform_vibrator())),
        sync=sync,
    )
    bridge = ScannerBridge()
    driver = None
    if config.scanner_port:
        from shared.scanning.serial_driver import SerialScanner

        driver = SerialScanner(
            config.scanner_port,
            baudrate=config.scanner_baudrate,
            reconnect_interval=config.scanner_reconnect_s,
        )
        bridge.add_driver(driver)
    status.update(scanner=SCANNER_NONE if driver is None else SCANNER_DISCONNECTED)

    def health(state: HealthState) -> None:
        status.update(scanner=SCANNER_OK if state.ok else SCANNER_DISCONNECTED, scanner_detail=state.reason)

    bridge.healthChanged.connect(health)
    bridge.repeated.connect(lambda event: feedback.repeat())
    if config.wedge:
        from shared.qt.wedge import WedgeFilter

        wedge = WedgeFilter(parent=qapp)
        qapp.installEventFilter(wedge)
        bridge.add_wedge(wedge)
    window = TerminalWindow(services, ops, bridge, status)

    def shift_started(s: Any) -> None:
        site["id"] = s.site_id
        sync.start()

    window.login.logged_in.connect(shift_started)
    sync.statusChanged.connect(status.update_from_sync)
    status.update_from_sync(engine.refresh_status())
    from shared.qt.relogin import ReloginPrompt

    # the server ended the session: the worker's password, asked over the screen they are on
    def resumed() -> None:
        window.relogged()
        sync.sync_now()

    relogin = ReloginPrompt(
        status,
        window,
        lambda: window.session.username if window.session is not None else None,
        session.login,
        resumed,
        compact=True,
    )
    window.relogin = relogin
    services.sync = _SyncOrLogin(sync, relogin)
    sync.changed.connect(window.data_changed)
    sync.finished.connect(lambda report: window.data_changed())
    ops.changed.connect(lambda changes: sync.kick() if window.session is not None else None)
    bridge.start()
    return Terminal(
        qapp,
        window,
        store,
        ops,
        bridge,
        sync,
        engine,
        auth,
        services,
        feedback,
        status,
        http,
        driver,
        translators,
    )


class _SyncOrLogin:
    """The screens' "sync now": asks for the password first when the server ended the session."""

    def __init__(self, sync: Any, relogin: Any) -> None:
        self._sync = sync
        self._relogin = relogin

    def sync_now(self) -> None:
        if not self._relogin.offer():
            self._sync.sync_now()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sync, name)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="scanner-app", description="WB Ops warehouse terminal")
    p.add_argument("--backend-url", default=None)
    p.add_argument("--data-dir", type=Path, default=None)
    p.add_argument("--scanner-port", default=None)
    p.add_argument("--lang", default=None, help="ru (default) or en")
    p.add_argument("--device-id", default=None)
    p.add_argument("--demo-user", default=None)
    p.add_argument("--demo-password", default=None)
    p.add_argument("--printer", default="", help="print box labels on this printer instead of PDF files")
    p.add_argument("--startup-check", action="store_true", help="start, show the window, exit (timing)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from shared.config import ConfigError, ConfigStore

    # a bad roll-out file or setting never stops the terminal: it starts on the last good values
    # and says what is wrong (file, line, setting) over the window
    saved, problems = ConfigStore("terminal").load_checked()
    for problem in problems:
        print(f"scanner-app: configuration: {problem}", file=sys.stderr)
    try:
        if not saved.configured and args.backend_url is None and not args.startup_check:
            from shared.qt.setup_wizard import first_run

            # A terminal never set up: an admin gives the backend, the warehouse and the scanner.
            configured = first_run("terminal", ConfigStore("terminal"), args.lang)
            if configured is None:
                print("scanner-app: setup cancelled; nothing was saved", file=sys.stderr)
                return 1
            saved = configured
    except ConfigError as exc:
        print(f"scanner-app: {exc}", file=sys.stderr)
        return 2
    config = TerminalConfig(
        backend_url=args.backend_url or saved.backend_url,
        data_dir=args.data_dir,
        device_id=args.device_id or saved.device_id,
        site_id=saved.site_id,
        scanner_port=args.scanner_port or saved.scanner.port or None,
        lang=args.lang or saved.language or "ru",
        labels_to_pdf=not args.printer,
        printer_name=args.printer,
        idle_lock_minutes=saved.idle_lock_minutes,
    )
    from PySide6.QtWidgets import QApplication

    from shared.config import data_dir as default_data_dir
    from shared.qt.single_instance import SingleInstance, bring_forward

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    instance = SingleInstance(config.data_dir or (default_data_dir() / "terminal"))
    if not instance.acquire():  # two apps on one store would race each other's sync
        print(
            "scanner-app: already running on this data folder: its window was brought forward",
            file=sys.stderr,
        )
        return 3
    from shared.qt.startup_error import report_store_error
    from shared.store import StoreError

    try:
        terminal = build(config, app=qapp)
    except StoreError as exc:  # a newer version's, damaged or unwritable database: words, not a traceback
        instance.release()
        return report_store_error("scanner-app", exc, show=not args.startup_check)
    window = terminal.window
    instance.on_activate = bring_forward(window)
    window.show()
    from shared.qt.config_notice import show_startup_notices

    tokens = getattr(getattr(terminal.auth, "core", None), "tokens", None)
    insecure = tokens.warning if tokens is not None and not getattr(tokens, "secure", True) else None
    demo = getattr(tokens, "demo", False) is True  # make demo: its own keyring, a DEMO badge instead
    show_startup_notices(window, problems, insecure, demo=demo, centred=True)  # non-modal, over the window
    if args.startup_check:
        terminal.app.processEvents()
        print(f"startup {time.perf_counter() - STARTED:.3f}s", flush=True)
        terminal.close()
        return 0
    if args.demo_user and args.demo_password:
        login = window.login
        login.offer_badge_link = False  # the demo goes straight to the menu
        login.set_mode("password")
        login.username.setText(args.demo_user)
        login.password.setText(args.demo_password)
        login.submit()
    code = int(terminal.app.exec())
    terminal.close()
    instance.release()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
