"""Runs the sync engine off the GUI thread and reports its status as Qt signals.

* ``kick()`` after each local operation: syncs soon; kicks within ``coalesce_ms`` become one sync,
  and a kick while a sync runs schedules one more right after it.
* A timer syncs every ``interval_ms``; after a failure the next try comes after the engine's capped,
  jittered backoff instead (sooner or later than the interval).
* After each sync the same worker uploads queued photos (shared.sync.evidence.EvidenceUploader),
  unless the sync found the server unreachable or the login expired.
* ``statusChanged(SyncStatus)`` on every status change, ``changed(ChangeSet)`` after a sync changed
  local data (a pull applied something, a push result reverted a rejected op).

Tests pass ``inline=True``: syncs then run on the calling thread, with no thread pool.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from shared.store import ChangeSet
from shared.sync import ErrorKind, SyncEngine, SyncReport, SyncStatus
from shared.sync.evidence import EvidenceUploader

from .relay import GuiRelay

log = logging.getLogger(__name__)


class _Job(QRunnable):
    def __init__(self, adapter: SyncAdapter) -> None:
        super().__init__()
        self._adapter = adapter

    def run(self) -> None:
        self._adapter._run_sync()


class SyncAdapter(QObject):
    statusChanged = Signal(object)  # SyncStatus
    changed = Signal(object)  # ChangeSet
    finished = Signal(object)  # SyncReport, after each sync

    def __init__(
        self,
        engine: SyncEngine,
        *,
        interval_ms: int = 30_000,
        coalesce_ms: int = 300,
        inline: bool = False,
        uploader: EvidenceUploader | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.uploader = uploader or EvidenceUploader(engine)
        self.inline = inline
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running = False
        self._again = False
        self._guard = threading.Lock()
        self._kick_timer = QTimer(self)
        self._kick_timer.setSingleShot(True)
        self._kick_timer.setInterval(coalesce_ms)
        self._kick_timer.timeout.connect(self._start_sync)
        self._periodic = QTimer(self)
        self._periodic.setInterval(interval_ms)
        self._periodic.timeout.connect(self._start_sync)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._start_sync)
        self._stopped = False
        # the engine reports from the sync worker (or, inline and for refresh_status, the GUI thread)
        relay = self._relay = GuiRelay(self)
        engine.on_status(lambda status: relay.post(lambda: self._relay_status(status)))
        engine.on_changes(lambda changes: relay.post(lambda: self._relay_changes(changes)))

    @property
    def status(self) -> SyncStatus:
        return self.engine.status

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Start the periodic timer and sync once soon."""
        self._stopped = False
        self.engine.refresh_status()
        self._periodic.start()
        self.kick()

    def stop(self, wait_ms: int = 30_000) -> None:
        """Stop the timers and wait for a running sync to end.

        What a finishing sync reports after this (its queued signals reach the GUI thread later)
        is dropped, so an app can close its store right after stop() returns.
        """
        self._stopped = True
        self._periodic.stop()
        self._kick_timer.stop()
        self._retry.stop()
        self._again = False
        self._pool.waitForDone(wait_ms)

    @Slot()
    def kick(self) -> None:
        """A local operation was recorded: refresh the figures now and sync soon (coalesced)."""
        self.engine.refresh_status()
        if self._running:
            self._again = True
            return
        if not self._kick_timer.isActive():
            self._kick_timer.start()

    @Slot()
    def sync_now(self) -> None:
        """Sync right away (a 'sync' button)."""
        self._kick_timer.stop()
        self._start_sync()

    @Slot()
    def _start_sync(self) -> None:
        with self._guard:
            if self._running:
                self._again = True
                return
            self._running = True
        self._retry.stop()
        if self.inline:
            self._run_sync()
        else:
            self._pool.start(_Job(self))

    def _run_sync(self) -> None:
        try:
            report = self.engine.sync_once()
        except Exception:  # sync_once does not raise; keep the adapter alive if it ever does
            log.exception("sync failed unexpectedly")
            report = SyncReport(ok=False, changes=ChangeSet())
        unreachable = (ErrorKind.NETWORK, ErrorKind.SERVER, ErrorKind.AUTH)
        if report.error is None or report.error.kind not in unreachable:
            try:
                self.uploader.upload_pending()
            except Exception:  # upload_pending does not raise either
                log.exception("photo upload failed unexpectedly")
        self._relay.post(lambda: self._on_done(report))

    @Slot(object)
    def _relay_status(self, status: SyncStatus) -> None:
        if not self._stopped:
            self.statusChanged.emit(status)

    @Slot(object)
    def _relay_changes(self, changes: ChangeSet) -> None:
        if not self._stopped:
            self.changed.emit(changes)

    @Slot(object)
    def _on_done(self, report: SyncReport) -> None:
        with self._guard:
            self._running = False
        if self._stopped:
            return
        self.finished.emit(report)
        if self._again:
            self._again = False
            self._kick_timer.start()
        elif not report.ok and report.error is not None and report.error.retryable:
            self._retry.start(max(1, int(self.engine.next_delay() * 1000)))
