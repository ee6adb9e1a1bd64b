"""What the status bar shows, gathered in one observable model.

The sync adapter, the scanner bridge and the login flow each update their part of a
:class:`StatusModel`; it emits ``changed(StatusSnapshot)`` and the status widgets (the PVZ's
:class:`~shared.qt.widgets.StatusBar`, the terminal's compact strip) render it. What each cell
says and in which tone is decided once, in :func:`status_cells`; each widget brings only its
wording (:class:`StatusTexts`) and its layout. Ages ("oldest pending op: 4 min") are computed from
an injected clock, so the model stays testable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from shared.domain import Clock

SCANNER_OK = "ok"
SCANNER_DISCONNECTED = "disconnected"
SCANNER_NONE = "none"  # no scanner configured (keyboard wedge or typing only)


@dataclass(frozen=True)
class StatusSnapshot:
    online: bool = False
    syncing: bool = False
    pending: int = 0
    oldest_pending_at: datetime | None = None
    last_sync_at: datetime | None = None
    last_error: str = ""
    conflicts: int = 0
    scanner: str = SCANNER_NONE
    scanner_detail: str = ""
    user: str = ""
    site: str = ""


class StatusModel(QObject):
    """Holds the latest :class:`StatusSnapshot`; every update emits ``changed`` once."""

    changed = Signal(object)

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._snapshot = StatusSnapshot()

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def snapshot(self) -> StatusSnapshot:
        return self._snapshot

    def update(self, **fields: Any) -> None:
        """Replace the given fields (names of :class:`StatusSnapshot`) and notify."""
        new = replace(self._snapshot, **fields)
        if new != self._snapshot:
            self._snapshot = new
            self.changed.emit(new)

    def update_from(self, status: object) -> None:
        """Copy matching attributes from a core status object (the sync engine's status)."""
        fields = {
            name: getattr(status, name)
            for name in StatusSnapshot.__dataclass_fields__
            if hasattr(status, name)
        }
        self.update(**fields)

    def update_from_sync(self, status: object) -> None:
        """Take the sync engine's status (``shared.sync.SyncStatus``): online, pending, the oldest
        pending op's age, last success and error, conflicts."""
        now = self._clock.now()
        age = getattr(status, "oldest_pending_age_s", None)
        online = getattr(status, "online", None)
        self.update(
            online=bool(online),
            syncing=bool(getattr(status, "syncing", False)),
            pending=int(getattr(status, "pending", 0) or 0),
            oldest_pending_at=None if age is None else now - timedelta(seconds=float(age)),
            last_sync_at=getattr(status, "last_success", None),
            last_error=str(getattr(status, "last_error", "") or ""),
            conflicts=int(getattr(status, "conflicts", 0) or 0),
        )

    def age_text(self, when: datetime | None) -> str:
        return age_text(self._clock.now(), when)


def age_text(now: datetime, when: datetime | None) -> str:
    """'now', '5 min', '2 h 10 min', '3 d' in the current language; '—' for never."""
    if when is None:
        return "—"
    seconds = max(0, int((now - when).total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("Status", "now")
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("Status", "%1 min").replace("%1", str(minutes))
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return (
            QCoreApplication.translate("Status", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", str(minutes))
        )
    return QCoreApplication.translate("Status", "%1 d").replace("%1", str(hours // 24))


@dataclass(frozen=True)
class StatusTexts:
    """One widget's wording of the status cells (already translated); ``%1``/``%2`` are filled in."""

    syncing: str
    online: str
    offline: str
    pending: str  # %1 how many, %2 the age of the oldest
    no_pending: str
    last_sync: str  # %1 the age of the last good sync
    conflicts: str  # %1 how many
    scanner_ok: str
    scanner_disconnected: str
    scanner_none: str
    inline_error_chars: int = 0  # offline: this much of the last error follows the last sync (narrow screens)


@dataclass(frozen=True)
class StatusCell:
    text: str
    tone: str = ""  # "", "ok", "warn", "error": the label's stylesheet tone
    tooltip: str = ""


@dataclass(frozen=True)
class StatusCells:
    connection: StatusCell
    pending: StatusCell
    last_sync: StatusCell
    conflicts: StatusCell
    scanner: StatusCell


def status_cells(s: StatusSnapshot, texts: StatusTexts, age: Callable[[datetime | None], str]) -> StatusCells:
    """What each status cell says and in which tone, for any widget's wording and layout."""
    error = s.last_error if not s.online else ""
    if s.syncing:
        connection = StatusCell(texts.syncing, "ok", error)
    elif s.online:
        connection = StatusCell(texts.online, "ok")
    else:
        connection = StatusCell(texts.offline, "error", error)
    if s.pending:
        pending = StatusCell(
            texts.pending.replace("%1", str(s.pending)).replace("%2", age(s.oldest_pending_at)), "warn"
        )
    else:
        pending = StatusCell(texts.no_pending)
    last_sync = texts.last_sync.replace("%1", age(s.last_sync_at))
    if error and texts.inline_error_chars:
        last_sync += " · " + error[: texts.inline_error_chars]
    if s.scanner == SCANNER_OK:
        scanner = StatusCell(texts.scanner_ok, "ok", s.scanner_detail)
    elif s.scanner == SCANNER_DISCONNECTED:
        scanner = StatusCell(texts.scanner_disconnected, "error", s.scanner_detail)
    else:
        scanner = StatusCell(texts.scanner_none, "", s.scanner_detail)
    return StatusCells(
        connection=connection,
        pending=pending,
        last_sync=StatusCell(last_sync, "", s.last_error),
        conflicts=StatusCell(texts.conflicts.replace("%1", str(s.conflicts)), "error" if s.conflicts else ""),
        scanner=scanner,
    )
