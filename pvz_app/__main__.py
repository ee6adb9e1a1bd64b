"""Composition root of the PVZ app (console script ``pvz-app``): real parts wired together.

    pvz-app --backend-url http://127.0.0.1:8700 --site PVZ-DEMO-1 --scanner-port /dev/ttyACM0
    pvz-app --lang en --data-dir ./pvz-data --demo-user clerk --demo-password secret

:func:`build` does the wiring (config, local store, HTTP client, login session, sync engine and its
Qt adapter, scanner drivers, feedback, the operations hub, the main window) and is what the tests,
the screenshots script and the benchmarks call too, with their own runner and report output.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from shared.auth import AuthClient, AuthError, Session
from shared.config import AppConfig, ConfigProblem, ConfigStore, data_dir
from shared.domain import Clock, Role, SiteKind
from shared.qt import i18n, theme
from shared.qt.kit import AppKit, build_kit
from shared.qt.operations import Runner, ThreadRunner
from shared.qt.scanner_bridge import ScannerBridge
from shared.qt.sync_adapter import SyncAdapter
from shared.qt.wedge import WedgeFilter
from shared.setup import new_device_id
from shared.store import LocalStore
from shared.sync.pickup_payments import PickupPaymentsClient

from .adapters import store_flows
from .context import PreviewReports, PvzContext, ReportOutput
from .ports import Ports
from .window import MainWindow

log = logging.getLogger("pvz_app")
CATALOGS = ("common", "pvz")


@dataclass
class Options:
    backend_url: str | None = None
    data_dir: Path | None = None
    site: str | None = None
    scanner_port: str | None = None
    lang: str | None = None
    device_id: str | None = None
    demo_user: str | None = None
    demo_password: str | None = None
    startup_check: bool = False


@dataclass
class PvzApp:
    """Everything :func:`build` made; ``close()`` stops it in order."""

    window: MainWindow
    ctx: PvzContext
    kit: AppKit  # the parts both apps share: store, HTTP, session, sync, scanner, status
    translators: list[QTranslator] = field(default_factory=list)
    notice: QWidget | None = None  # the start-up notice (configuration problems, no keyring), if shown

    @property
    def store(self) -> LocalStore:
        return self.kit.store

    @property
    def http(self) -> httpx.Client:
        return self.kit.http

    @property
    def session(self) -> Session:
        return self.kit.session

    @property
    def sync(self) -> SyncAdapter:
        return self.kit.sync

    @property
    def scanner(self) -> ScannerBridge:
        return self.kit.bridge

    @property
    def config(self) -> AppConfig:
        return self.kit.config

    @property
    def wedge(self) -> WedgeFilter | None:
        return self.kit.wedge

    def switch_language(self, lang: str) -> None:
        """Load the other catalogs and rebuild the window in that language, keeping the session,
        the shift and the status; the settings screen stays in front."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        i18n.uninstall(app, self.translators)
        self.translators = i18n.install(app, lang, CATALOGS)
        self.ctx.lang = i18n.normalise_language(lang)
        old = self.window
        window = MainWindow(self.ctx)
        if isinstance(self.ctx.reports, PreviewReports):
            self.ctx.reports.parent = window
        self.sync.changed.connect(window.refresh_screens)
        self.sync.statusChanged.connect(window.show_sync_progress)
        window.setGeometry(old.geometry())
        actor = self.ctx.actor
        self.window = window
        window.show()
        if actor is not None:
            window.resume(actor, "settings")
        old.shutdown()
        old.hide()
        old.deleteLater()

    def close(self) -> None:
        app = QApplication.instance()
        i18n.uninstall(app, self.translators) if app is not None else None
        self.kit.stop()
        self.window.close()
        self.kit.close()


def parse_args(argv: Sequence[str] | None) -> Options:
    p = argparse.ArgumentParser(prog="pvz-app", description="WB Ops pickup point app")
    p.add_argument("--backend-url", help="WB Ops server, e.g. http://127.0.0.1:8700")
    p.add_argument("--data-dir", type=Path, help="folder for the local database and config")
    p.add_argument("--site", help="pickup point id, e.g. PVZ-DEMO-1")
    p.add_argument("--scanner-port", help="serial port of the scanner ('' for a keyboard scanner)")
    p.add_argument("--lang", choices=i18n.LANGUAGES, help="UI language (default: Russian)")
    p.add_argument("--device-id", help=argparse.SUPPRESS)
    p.add_argument("--demo-user", help="log in as this user at start (make demo)")
    p.add_argument("--demo-password", help="password for --demo-user")
    p.add_argument("--startup-check", action="store_true", help="start, show the window, exit (checks)")
    a = p.parse_args(argv)
    return Options(
        a.backend_url,
        a.data_dir,
        a.site,
        a.scanner_port,
        a.lang,
        a.device_id,
        a.demo_user,
        a.demo_password,
        a.startup_check,
    )


def load_config(opts: Options) -> tuple[ConfigStore, AppConfig, Path, list[ConfigProblem]]:
    """The config this run uses and what is wrong in its files (never an exception for a bad file:
    a PC must start; the window and the settings screen show the problems)."""
    folder = opts.data_dir or data_dir() / "pvz"
    private_folder(folder)
    store = ConfigStore("pvz", path=folder / "pvz.json") if opts.data_dir else ConfigStore("pvz")
    overrides: dict[str, Any] = {"backend_url": opts.backend_url, "site_id": opts.site, "language": opts.lang}
    cfg, problems = store.load_checked(overrides)
    for problem in problems:
        log.warning("configuration: %s", problem)
    if opts.scanner_port is not None:
        cfg = replace(cfg, scanner=replace(cfg.scanner, port=opts.scanner_port))
    if not cfg.site_id:
        # A PC never set up: an admin gives the backend, the pickup point and the scanner.
        from shared.qt.setup_wizard import first_run

        if first_run("pvz", store, opts.lang) is None:
            raise SystemExit("pvz-app: setup cancelled; nothing was saved")
        cfg, problems = store.load_checked(overrides)
        if opts.scanner_port is not None:
            cfg = replace(cfg, scanner=replace(cfg.scanner, port=opts.scanner_port))
    device = opts.device_id or cfg.device_id
    if not device:
        device = new_device_id("pvz", cfg.site_id)
        cfg = replace(cfg, device_id=device)
        store.save(cfg)  # the device id never changes after the first run
    elif device != cfg.device_id:
        cfg = replace(cfg, device_id=device)
    if not store.path.exists():
        store.save(cfg)  # first run: what the settings screen shows and edits
    return store, cfg, folder, problems


def private_folder(folder: Path) -> None:
    """The PVZ's data folder (local database with clerks' password hashes, config) is the user's
    alone: 0700 for the folder, 0600 for the files already in it (POSIX; Windows profiles are
    private already)."""
    if os.name != "posix":
        return
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(folder, 0o700)
        for item in folder.iterdir():
            if item.is_file() and not item.is_symlink():
                os.chmod(item, 0o600)
    except OSError as exc:
        log.warning("cannot make %s private: %s", folder, exc)


class EffectiveConfig:
    """The settings screen's view of the config: what this run uses (command line included);
    saving writes the config file, which the next start reads."""

    def __init__(
        self, store: ConfigStore, current: AppConfig, problems: Sequence[ConfigProblem] = ()
    ) -> None:
        self.store = store
        self.current = current
        self.problems = list(problems)  # what is wrong in the config files (the settings screen lists it)

    def load(self, overrides: Any = None) -> AppConfig:
        return self.current

    def save(self, config: AppConfig) -> None:
        self.store.save(config)
        self.current = config


def make_admin_check(http: httpx.Client, store: LocalStore, clock: Clock) -> Any:
    """Settings unlock: an admin login online, else an admin who logged in here before (offline)."""
    from shared.auth.session import UnlockError, verify_cached

    client = AuthClient(http)

    def check(username: str, password: str) -> bool:
        try:
            tokens = client.login(username, password)
        except AuthError as exc:
            if exc.code not in ("network", "server"):
                return False
        else:
            with contextlib.suppress(AuthError):
                client.logout(tokens.access_token)
            return tokens.user.role == Role.ADMIN.value
        cached = store.cached_user(username)
        if cached is None or cached.role is not Role.ADMIN:
            return False
        try:
            verify_cached(store, username, password, clock)
        except UnlockError:
            return False
        return True

    return check


def build(
    opts: Options,
    app: QApplication,
    *,
    clock: Clock | None = None,
    runner: Runner | None = None,
    reports: ReportOutput | None = None,
    sync_inline: bool = False,
    sync_interval_ms: int = 30_000,
    keyring_backend: Any | None = None,
    sounds: bool = True,
    ports: Ports | None = None,
    transport: httpx.BaseTransport | None = None,
) -> PvzApp:
    """Wire the app. Tests pass a SyncRunner, PdfReports, ``sync_inline=True``, a clock and the
    dialogs' answers (``ports``)."""
    config_store, cfg, folder, problems = load_config(opts)
    lang = i18n.normalise_language(cfg.language)
    translators = i18n.install(app, lang, CATALOGS)
    theme.apply_theme(app, app_name="pvz")
    kit = build_kit(
        cfg,
        store_path=folder / "pvz.sqlite",
        site_kind=SiteKind.PVZ,
        clock=clock,
        transport=transport,
        keyring_backend=keyring_backend,
        inline=sync_inline,
        runner=runner or ThreadRunner(),
        sync_interval_ms=sync_interval_ms,
        sounds=sounds,
        scanner_clock=clock,
    )
    private_folder(folder)  # the database and its -wal/-shm files, created just now, included
    clock, store, http, session, sync = kit.clock, kit.store, kit.http, kit.session, kit.sync
    kit.status.update(site=cfg.site_id)
    if kit.driver is not None:
        kit.bridge.healthChanged.connect(kit.feedback.health)
    # the counter's flows over the store's ports; payment at pickup needs the server (online only)
    flows = store_flows(store, cfg.site_id, clock, payments=PickupPaymentsClient(http, session))
    ctx = PvzContext(
        flows=flows,
        ops=kit.ops,
        feedback=kit.feedback,
        status=kit.status,
        scanner=kit.bridge,
        clock=clock,
        auth=session,
        reports=reports or PreviewReports(printer_name=cfg.printer.name, label_size=cfg.printer.label_size),
        config=EffectiveConfig(config_store, cfg, problems),
        admin_check=make_admin_check(http, store, clock),
        sync=sync,
        lang=lang,
        ports=ports or Ports(),
        store_path=store.path,
    )
    window = MainWindow(ctx)
    if isinstance(ctx.reports, PreviewReports):
        ctx.reports.parent = window
    sync.changed.connect(window.refresh_screens)
    sync.statusChanged.connect(window.show_sync_progress)
    kit.start_scanner()
    sync.start()
    built = PvzApp(window, ctx, kit, translators)
    ctx.on_language = built.switch_language
    return built


PREFERRED_SIZE = (1280, 800)


def fit_to_screen(window: Any, available: Any = None) -> None:
    """The preferred size, shrunk to the screen's free area (a 1366x768 laptop with a task bar)."""
    if available is None:
        screen = window.screen() or QApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
    width, height = PREFERRED_SIZE
    if available is not None and available.width() > 0 and available.height() > 0:
        frame = 40  # title bar and borders the window manager adds
        width, height = min(width, available.width()), min(height, available.height() - frame)
        window.resize(width, height)
        window.move(available.x() + (available.width() - width) // 2, available.y())
    else:
        window.resize(width, height)


def startup_notices(built: PvzApp) -> QWidget | None:
    """Configuration problems and a missing secure keyring, said over the window at start."""
    from shared.qt.config_notice import show_startup_notices

    problems = getattr(built.ctx.config, "problems", [])
    warning = None
    demo = False
    tokens = getattr(built.session, "tokens", None)
    with contextlib.suppress(Exception):  # the keyring backend may fail to load: say nothing then
        if tokens is not None and not tokens.secure:
            warning = tokens.warning
            demo = tokens.demo is True  # make demo: its own keyring, a DEMO badge instead
    return show_startup_notices(built.window, problems, warning, demo=demo)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=os.environ.get("WB_LOG", "WARNING"))
    opts = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("WB Ops PVZ")
    from shared.qt.single_instance import SingleInstance, bring_forward

    instance = SingleInstance(opts.data_dir or data_dir() / "pvz")
    if not instance.acquire():  # two apps on one store would race each other's sync
        print("pvz-app: already running on this data folder: its window was brought forward", file=sys.stderr)
        return 3
    from shared.qt.startup_error import report_store_error
    from shared.store import StoreError

    try:
        built = build(opts, app)
    except StoreError as exc:  # a newer version's, damaged or unwritable database: words, not a traceback
        instance.release()
        return report_store_error("pvz-app", exc, show=not opts.startup_check)
    instance.on_activate = bring_forward(built.window)
    fit_to_screen(built.window)
    built.window.show()
    built.notice = startup_notices(built)
    if opts.startup_check:
        app.processEvents()
        for problem in built.ctx.config.problems:  # type: ignore[attr-defined]
            print(f"pvz-app: configuration: {problem}", file=sys.stderr)
        print(f"pvz-app: started ({built.window.width()}x{built.window.height()})", flush=True)
        built.close()
        return 0
    if opts.demo_user and opts.demo_password:
        login = built.window.login
        login.username.setText(opts.demo_user)
        login.password.setText(opts.demo_password)
        QTimer.singleShot(0, login.submit)
    try:
        return app.exec()
    finally:
        built.close()
        instance.release()


if __name__ == "__main__":
    raise SystemExit(main())
