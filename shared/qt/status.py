"""What the status bar shows, gathered in one observable model shared by both apps.

The sync adapter, the scanner bridge and the login flow each update their part of a
:class:`StatusModel`; it emits ``changed(StatusSnapshot)`` and the status widgets (the PVZ's
:class:`~shared.qt.widgets.StatusBar`, the terminal's compact strip) render it. What each cell
says and in which tone is decided once, in :func:`status_cells`; each widget brings only its
wording (:class:`StatusTexts`) and its layout. Ages ("oldest pending op: 4 min") are computed from
an injected clock, so the model stays testable.

The connection cell is one of a few states (:func:`connection_state`), chosen so that it never
misleads during an outage:

* a sync that has heard nothing from the server for :data:`NO_ANSWER_AFTER_S` seconds shows
  "no answer" at once, although the HTTP client may wait (and retry) much longer;
* a sync started while offline stays "offline" until it succeeds: retries do not flash green;
* the server ending the session shows "log in again" (the window then asks for the password).

Why the last sync failed is said in words (:func:`reason_text`), from the error's kind and code,
never from an exception's text; the raw message stays in the tooltip for an administrator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from shared.domain import Clock

from . import messages
from .messages import fmt

SCANNER_OK = "ok"
SCANNER_DISCONNECTED = "disconnected"
SCANNER_NONE = "none"  # no scanner configured (keyboard wedge or typing only)

NO_ANSWER_AFTER_S = 10.0  # a sync silent this long shows "no answer"

# connection states
ONLINE = "online"
SYNCING = "syncing"
NO_ANSWER = "no_answer"
OFFLINE = "offline"
LOGIN = "login"


def _error_text(status: object) -> str:
    """The engine's last error in the UI language: rendered from its code and params when the
    catalog knows the code, else the text the engine kept."""
    key = str(getattr(status, "last_error_key", "") or "")
    if key and messages.known(key):
        return messages.text(key, **dict(getattr(status, "last_error_params", None) or {}))
    return str(getattr(status, "last_error", "") or "")


@dataclass(frozen=True)
class StatusSnapshot:
    online: bool = False
    syncing: bool = False
    pending: int = 0
    oldest_pending_at: datetime | None = None
    last_sync_at: datetime | None = None
    last_error: str = ""
    error_kind: str = ""  # shared.sync.ErrorKind value of the last error, "" when none
    error_code: str = ""  # its code ("timeout", "seq_gap", ...)
    needs_login: bool = False  # the server ended the session: a password is needed to sync
    waiting_since: datetime | None = None  # while syncing: the last sign of life from the server
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
        self._progress: object = None

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
        """Copy matching attributes from a core status object."""
        fields = {
            name: getattr(status, name)
            for name in StatusSnapshot.__dataclass_fields__
            if hasattr(status, name)
        }
        self.update(**fields)

    def update_from_sync(self, status: object) -> None:
        """Take the sync engine's status (``shared.sync.SyncStatus``): online, pending, the oldest
        pending op's age, the last good sync, the last error in kind and code, conflicts; and keep
        when the server last answered during a sync (a push batch or a pull page landing)."""
        now = self._clock.now()
        before = self._snapshot
        age = getattr(status, "oldest_pending_age_s", None)
        syncing = bool(getattr(status, "syncing", False))
        pending = int(getattr(status, "pending", 0) or 0)
        progress = getattr(status, "progress_done", None)
        if not syncing:
            waiting = None
        elif not before.syncing or before.waiting_since is None:
            waiting = now
        elif pending != before.pending or progress != self._progress:
            waiting = now  # something came back from the server
        else:
            waiting = before.waiting_since
        self._progress = progress
        self.update(
            online=bool(getattr(status, "online", False)),
            syncing=syncing,
            pending=pending,
            oldest_pending_at=None if age is None else now - timedelta(seconds=float(age)),
            last_sync_at=getattr(status, "last_sync_at", None),
            last_error=_error_text(status),
            error_kind=str(getattr(status, "last_error_kind", "") or ""),
            error_code=str(getattr(status, "last_error_code", "") or ""),
            needs_login=bool(getattr(status, "needs_login", False)),
            waiting_since=waiting,
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
        return fmt(QCoreApplication.translate("Status", "%1 min"), minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return fmt(QCoreApplication.translate("Status", "%1 h %2 min"), hours, minutes)
    return fmt(QCoreApplication.translate("Status", "%1 d"), hours // 24)


def clock_text(now: datetime, when: datetime) -> str:
    """The local time of ``when``: '14:02' today, '28.02 14:02' on another day."""
    local, today = when.astimezone(), now.astimezone()
    return local.strftime("%H:%M") if local.date() == today.date() else local.strftime("%d.%m %H:%M")


def silence_s(s: StatusSnapshot, now: datetime) -> float:
    """Seconds the running sync has heard nothing from the server (0 when not syncing)."""
    if not s.syncing or s.waiting_since is None:
        return 0.0
    return max(0.0, (now - s.waiting_since).total_seconds())


def connection_state(s: StatusSnapshot, now: datetime) -> str:
    """ONLINE, SYNCING, NO_ANSWER, OFFLINE or LOGIN (see the module's docstring)."""
    if s.needs_login and s.user:  # before anyone logs in, the login screen is the question
        return LOGIN
    if s.syncing and silence_s(s, now) >= NO_ANSWER_AFTER_S:
        return NO_ANSWER
    if s.syncing:
        return SYNCING if s.online else OFFLINE  # retries while offline do not flash green
    return ONLINE if s.online else OFFLINE


def reason_text(s: StatusSnapshot, now: datetime) -> str:
    """Why sync is not working, in words for the clerk; "" when it works."""
    state = connection_state(s, now)
    if state == LOGIN:
        return QCoreApplication.translate(
            "Status", "The server ended the session: log in again to send the queue."
        )
    if state == NO_ANSWER:
        return fmt(
            QCoreApplication.translate("Status", "No answer from the server for %1 s."),
            int(silence_s(s, now)),
        )
    kind, code = s.error_kind, s.error_code
    if kind == "network":
        return (
            QCoreApplication.translate("Status", "No answer from the server.")
            if code == "timeout"
            else QCoreApplication.translate("Status", "No connection to the server.")
        )
    if kind == "server":
        return QCoreApplication.translate("Status", "The server has a fault: trying again.")
    if kind == "permanent" and code == "seq_gap":
        return QCoreApplication.translate(
            "Status", "The server is missing earlier operations of this device: call the administrator."
        )
    if kind == "permanent":
        return QCoreApplication.translate("Status", "The server refused the data: call the administrator.")
    if kind == "store":
        return QCoreApplication.translate("Status", "The local database failed: call the administrator.")
    if kind == "auth":
        return ""  # nobody is logged in yet: the login screen asks
    if s.last_error and not s.online:
        return QCoreApplication.translate("Status", "No connection to the server.")
    return ""


@dataclass(frozen=True)
class StatusTexts:
    """One widget's wording of the status cells (already translated); ``%1``/``%2`` are filled in."""

    syncing: str
    online: str
    offline: str
    no_answer: str
    login: str
    pending: str  # %1 how many, %2 the age of the oldest
    no_pending: str
    last_sync: str  # %1 the time of the last good sync, %2 how long ago
    never_synced: str
    conflicts: str  # %1 how many
    scanner_ok: str
    scanner_disconnected: str
    scanner_none: str


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
    reason: StatusCell  # why sync is not working, in words ("" when it works)


def status_cells(
    s: StatusSnapshot, texts: StatusTexts, age: Callable[[datetime | None], str], now: datetime
) -> StatusCells:
    """What each status cell says and in which tone, for any widget's wording and layout."""
    state = connection_state(s, now)
    reason = reason_text(s, now)
    detail = s.last_error
    connection = {
        ONLINE: StatusCell(texts.online, "ok", detail),
        SYNCING: StatusCell(texts.syncing, "ok", detail),
        NO_ANSWER: StatusCell(texts.no_answer, "error", detail),
        OFFLINE: StatusCell(texts.offline, "error", detail),
        LOGIN: StatusCell(texts.login, "error", detail),
    }[state]
    if s.pending:
        pending = StatusCell(fmt(texts.pending, s.pending, age(s.oldest_pending_at)), "warn")
    else:
        pending = StatusCell(texts.no_pending)
    if s.last_sync_at is None:
        last_sync = texts.never_synced
    else:
        last_sync = fmt(texts.last_sync, clock_text(now, s.last_sync_at), age(s.last_sync_at))
    if s.scanner == SCANNER_OK:
        scanner = StatusCell(texts.scanner_ok, "ok", s.scanner_detail)
    elif s.scanner == SCANNER_DISCONNECTED:
        scanner = StatusCell(texts.scanner_disconnected, "error", s.scanner_detail)
    else:
        scanner = StatusCell(texts.scanner_none, "", s.scanner_detail)
    return StatusCells(
        connection=connection,
        pending=pending,
        last_sync=StatusCell(last_sync, "", detail),
        conflicts=StatusCell(fmt(texts.conflicts, s.conflicts), "error" if s.conflicts else ""),
        scanner=scanner,
        reason=StatusCell(reason, "error" if reason else "", detail),
    )
