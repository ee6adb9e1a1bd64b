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
from typing import TYPE_CHECKING, Any

from shared.config import AppConfig, ConfigProblem, ScannerSettings

if TYPE_CHECKING:  # the Qt parts are imported in build(), after the start-up clock started
    import httpx
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from shared.domain import Clock
    from shared.qt.feedback import Feedback
    from shared.qt.kit import AppKit
    from shared.qt.operations import Operations
    from shared.qt.scanner_bridge import ScannerBridge
    from shared.qt.status import StatusModel
    from shared.qt.sync_adapter import SyncAdapter
    from shared.scanning.driver import ScannerDriver
    from shared.store import LocalStore
    from shared.sync import SyncEngine

    from .auth import TerminalAuth
    from .services import Services
    from .window import TerminalWindow

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
    # the rest of the scanner settings (debounce window, keyboard-wedge gap and length), as saved
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    lang: str = "ru"
    labels_to_pdf: bool = True  # box labels as PDF files in <data>/labels (no printer set up)
    printer_name: str = ""
    inline: bool = False  # tests: operations and sync run on the calling thread
    sync_interval_ms: int = 30_000
    idle_lock_minutes: int = 15
    wedge: bool = True  # listen for keyboard-wedge scanners too
    scale: float = 0.9
    problems: tuple[ConfigProblem, ...] = ()  # what is wrong in the config file ("This terminal" lists them)

    def app_config(self) -> AppConfig:
        """The shared config the app kit is built from (shared.qt.kit.build_kit)."""
        scanner = ScannerSettings(
            port=self.scanner_port or "",
            usb_vid_pid=self.scanner.usb_vid_pid,
            baudrate=self.scanner_baudrate,
            suffix=self.scanner.suffix,
            max_key_interval_ms=self.scanner.max_key_interval_ms,
            min_length=self.scanner.min_length,
            debounce_ms=self.scanner.debounce_ms,
        )
        return AppConfig(
            app="terminal",
            backend_url=self.backend_url,
            site_id=self.site_id,
            device_id=self.device_id or f"terminal-{socket.gethostname()}",
            language=self.lang,
            idle_lock_minutes=self.idle_lock_minutes,
            scanner=scanner,
        )


@dataclass
class Terminal:
    """The running app: its window and the kit's parts (what tests and tools reach into)."""

    app: QApplication
    window: TerminalWindow
    kit: AppKit  # store, HTTP client, session, sync, scanner bridge, status, feedback, operations
    auth: TerminalAuth
    services: Services
    translators: list[QTranslator]

    @property
    def store(self) -> LocalStore:
        return self.kit.store

    @property
    def ops(self) -> Operations:
        return self.kit.ops

    @property
    def bridge(self) -> ScannerBridge:
        return self.kit.bridge

    @property
    def sync(self) -> SyncAdapter:
        return self.kit.sync

    @property
    def engine(self) -> SyncEngine:
        return self.kit.engine

    @property
    def feedback(self) -> Feedback:
        return self.kit.feedback

    @property
    def status(self) -> StatusModel:
        return self.kit.status

    @property
    def http(self) -> httpx.Client:
        return self.kit.http

    @property
    def driver(self) -> ScannerDriver | None:
        return self.kit.driver

    def close(self) -> None:
        self.kit.stop(5000)
        self.window.shutdown()
        self.window.close()
        self.kit.close()
        from shared.qt import i18n

        i18n.uninstall(self.app, self.translators)


def build(
    config: TerminalConfig,
    *,
    clock: Clock | None = None,
    keyring_backend: Any = None,
    transport: httpx.BaseTransport | None = None,
    app: QApplication | None = None,
) -> Terminal:
    from PySide6.QtWidgets import QApplication

    from shared.config import data_dir as default_data_dir
    from shared.domain import SiteKind
    from shared.qt import i18n
    from shared.qt.kit import build_kit
    from shared.qt.printing import LabelPrinter
    from shared.qt.theme import apply_theme

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
    from .services import DeviceInfo, Services
    from .window import TerminalWindow

    qapp = app or QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    translators = i18n.install(qapp, config.lang, ("common", "scanner"))
    apply_theme(qapp, config.scale, app_name="scanner")
    data = Path(config.data_dir or (default_data_dir() / "terminal"))
    kit = build_kit(
        config.app_config(),
        store_path=data / "terminal.sqlite3",
        site_kind=SiteKind.WAREHOUSE,
        session_type=TerminalSession,
        clock=clock,
        transport=transport,
        keyring_backend=keyring_backend,
        inline=config.inline,
        sync_interval_ms=config.sync_interval_ms,
        sounds=not config.inline,
        wedge=config.wedge,
        scanner_reconnect_s=config.scanner_reconnect_s,
    )
    session = kit.session
    assert isinstance(session, TerminalSession)
    store, sync, ops, status, feedback, bridge = (
        kit.store,
        kit.sync,
        kit.ops,
        kit.status,
        kit.feedback,
        kit.bridge,
    )
    auth = TerminalAuth(session, store)
    printer = BoxLabelPrinter(
        LabelPrinter(), Path(data) / "labels" if config.labels_to_pdf or not config.printer_name else None
    )
    site: dict[str, str] = {"id": ""}
    services = Services(
        data=StoreData(store, lambda: site["id"]),
        journal=StoreJournal(store),
        auth=auth,
        clock=kit.clock,
        new_id=kit.ids.new,
        boxes=StoreBoxNumbers(store, kit.config.device_id),
        printer=printer,
        feedback=TerminalFeedback(feedback, Vibrator(platform_vibrator())),
        sync=sync,
    )
    bridge.repeated.connect(lambda event: feedback.repeat())
    device = DeviceInfo(
        device_id=kit.config.device_id,
        backend_url=config.backend_url,
        data_dir=data,
        scanner_port=config.scanner_port or "",
        problems=tuple(config.problems),
    )
    window = TerminalWindow(services, ops, bridge, status, device=device)

    def shift_started(s: Any) -> None:
        site["id"] = s.site_id
        sync.start()

    window.login.logged_in.connect(shift_started)
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
    kit.start_scanner()
    return Terminal(qapp, window, kit, auth, services, translators)


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
        scanner_baudrate=saved.scanner.baudrate,
        scanner=saved.scanner,
        problems=tuple(problems),
    )
    from PySide6.QtWidgets import QApplication

    from shared.config import data_dir as default_data_dir
    from shared.qt.single_instance import SingleInstance, bring_forward

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
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
