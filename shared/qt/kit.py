"""The parts both apps are made of, built once from the config: :func:`build_kit` -> :class:`AppKit`.

    kit = build_kit(cfg, store_path=folder / "pvz.sqlite", site_kind=SiteKind.PVZ, app=qapp)
    window = MainWindow(...kit.store, kit.ops, kit.bridge, kit.status...)   # the app's own screens
    kit.start_scanner(); kit.sync.start()
    ...
    kit.stop(); window.close(); kit.close()

What the kit holds, and where it comes from in the config (:class:`shared.config.AppConfig`):

* the local store (``store_path``, ``device_id``) and its id factory;
* the HTTP client to ``backend_url`` (created on first use: the window shows before TLS is set up);
* the login session (``site_id``, ``idle_lock_minutes``; the keyring opened on first use);
* the sync engine and its Qt adapter (``inline``: syncs on the calling thread, for tests);
* the status model the status bars render, fed by the sync adapter and the scanner's health;
* feedback (the sounds) and the operations hub (``runner``; a synchronous one when ``inline``);
* the scanner bridge with the configured debounce (``scanner.debounce_ms``), the serial driver on
  ``scanner.port`` and the keyboard-wedge filter with the configured gap and length
  (``scanner.max_key_interval_ms``, ``scanner.min_length``), installed on the application.

Each app then builds its own screens and wiring on top (its window, its ports, its extra signals).
Tests, screenshots and benchmarks go through the same function with a manual clock, a transport to
a loopback server, an in-memory keyring and ``inline=True``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication

from shared.auth import AuthClient, Session, TokenStore
from shared.config import AppConfig
from shared.domain import Clock, IdFactory, SiteKind, SystemClock
from shared.store import LocalStore
from shared.sync import SyncEngine

from .feedback import Feedback, SoundPlayer
from .operations import Operations, Runner, SyncRunner, ThreadRunner
from .scanner_bridge import ScannerBridge
from .status import SCANNER_DISCONNECTED, SCANNER_NONE, SCANNER_OK, StatusModel
from .sync_adapter import SyncAdapter
from .wedge import WedgeFilter

if TYPE_CHECKING:
    import httpx

    from shared.scanning.driver import ScannerDriver
    from shared.scanning.events import HealthState

T = TypeVar("T")

HTTP_TIMEOUT_S = 10.0
CONNECT_TIMEOUT_S = 3.0  # an unreachable server is said after 3 s, not after the full 10


class Deferred(Generic[T]):
    """Creates an object on first use, once, thread-safely: the HTTP client (TLS context, ~0.1 s)
    and the keyring (backend discovery, ~0.1 s) are not needed to show the window."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._target: T | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        if self._target is None:
            with self._lock:
                if self._target is None:
                    self._target = self._factory()
        return self._target

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:  # client.base_url = ...: set on the object itself
            setattr(self.get(), name, value)

    @property
    def created(self) -> bool:
        return self._target is not None


@dataclass
class AppKit:
    """The shared parts of a running app; :meth:`stop` then :meth:`close` end them in order."""

    config: AppConfig
    clock: Clock
    ids: IdFactory
    store: LocalStore
    http: httpx.Client  # a Deferred: created on first use
    session: Session  # the session_type build_kit was given
    engine: SyncEngine
    sync: SyncAdapter
    status: StatusModel
    feedback: Feedback
    bridge: ScannerBridge
    ops: Operations
    driver: ScannerDriver | None = None  # the serial scanner on ``config.scanner.port``
    wedge: WedgeFilter | None = None  # installed on the application

    def start_scanner(self) -> None:
        self.bridge.start()

    def stop(self, wait_ms: int = 10_000) -> None:
        """Stop what runs on its own: the wedge filter, the sync timers and worker, the scanner
        drivers, the operations still running (waited for)."""
        app = QCoreApplication.instance()
        if self.wedge is not None and app is not None:
            app.removeEventFilter(self.wedge)
        self.sync.stop(wait_ms)
        self.bridge.stop()
        self.ops.runner.wait(wait_ms)

    def close(self) -> None:
        """Close the HTTP client (when one was made) and the store; after :meth:`stop`."""
        http: Any = self.http
        if not isinstance(http, Deferred) or http.created:
            http.close()
        self.store.close()


def build_kit(
    config: AppConfig,
    *,
    store_path: Path,
    site_kind: SiteKind,
    session_type: type[Session] = Session,
    clock: Clock | None = None,
    transport: httpx.BaseTransport | None = None,
    keyring_backend: Any = None,
    inline: bool = False,
    runner: Runner | None = None,
    sync_interval_ms: int = 30_000,
    sounds: bool = True,
    wedge: bool = True,
    scanner_clock: Clock | None = None,
    scanner_reconnect_s: float | None = None,
) -> AppKit:
    """Build the shared parts from ``config``; see the module docstring.

    ``scanner_clock`` times the serial driver's frames (the PVZ passes its clock; the terminal's
    driver keeps the system's); ``scanner_reconnect_s`` how soon a lost serial scanner is retried.
    """
    clock = clock or SystemClock()
    ids = IdFactory(clock)
    store = LocalStore.open(store_path, config.device_id, clock, ids)

    def client() -> httpx.Client:
        import httpx

        timeout = httpx.Timeout(HTTP_TIMEOUT_S, connect=CONNECT_TIMEOUT_S)
        return httpx.Client(base_url=config.backend_url, timeout=timeout, transport=transport)

    http: Any = Deferred(client)
    session = session_type(
        store,
        AuthClient(http),
        Deferred(lambda: TokenStore(keyring_backend)),  # type: ignore[arg-type]
        clock,
        device_id=config.device_id,
        site_id=config.site_id,
        site_kind=site_kind,
        idle_lock_s=config.idle_lock_minutes * 60.0,
    )
    engine = SyncEngine(store, http, session, clock)
    sync = SyncAdapter(engine, interval_ms=sync_interval_ms, inline=inline)
    ops = Operations(runner or (SyncRunner() if inline else ThreadRunner()))
    feedback = Feedback(SoundPlayer(enabled=sounds))
    settings = config.scanner
    bridge = ScannerBridge(debounce_s=settings.debounce_ms / 1000.0)
    driver: ScannerDriver | None = None
    if settings.port:
        from shared.scanning.serial_driver import SerialScanner

        extra: dict[str, Any] = {}
        if scanner_reconnect_s is not None:
            extra["reconnect_interval"] = scanner_reconnect_s
        driver = SerialScanner(settings.port, baudrate=settings.baudrate, clock=scanner_clock, **extra)
        bridge.add_driver(driver)
    status = StatusModel(clock)
    status.update(scanner=SCANNER_NONE if driver is None else SCANNER_DISCONNECTED)

    def health(state: HealthState) -> None:
        status.update(scanner=SCANNER_OK if state.ok else SCANNER_DISCONNECTED, scanner_detail=state.reason)

    bridge.healthChanged.connect(health)
    sync.statusChanged.connect(status.update_from_sync)
    status.update_from_sync(engine.refresh_status())
    filter_: WedgeFilter | None = None
    app = QCoreApplication.instance()
    if wedge and app is not None:
        filter_ = WedgeFilter(
            max_gap_s=settings.max_key_interval_ms / 1000.0,
            min_length=settings.min_length,
            clock=clock,
            parent=app,
        )
        app.installEventFilter(filter_)
        bridge.add_wedge(filter_)
    return AppKit(
        config, clock, ids, store, http, session, engine, sync, status, feedback, bridge, ops, driver, filter_
    )
